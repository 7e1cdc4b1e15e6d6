// Package stage is kg's local staging cache on Badger: the articles read,
// their extractions, and a durable journal (an outbox) of what each target
// Neo4j database still lacks. It is the only package that imports Badger.
//
// Keys (format version 1):
//
//	meta/format                 -> "1"
//	a/<article id>              -> article record (JSON: article, content hash)
//	x/<version>/<content hash>  -> extraction (JSON), cached per extractor version
//	t/<target>                  -> target record (first seen)
//	j/<target>/<article id>     -> pending: ref {hash, version} to write
//	d/<target>/<article id>     -> done: ref written last
//
// An article is extracted at most once per (content hash, extractor
// version). Staging an article adds a journal entry for every known target
// whose done ref differs, in the same transaction, so a run killed at any
// point leaves a consistent cache and the next run finishes the job.
//
// One process at a time: Badger's directory lock makes a second Open fail
// at once with ErrLocked.
package stage
