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
//	n/<version>/<content hash>  -> entity summary of the extraction (resolve.Summary)
//	m/merge/<key1>\x00<key2>    -> a merge made by hand (kg entities merge)
//	m/split/<key>               -> a split made by hand (kg entities split)
//	r/<key>                     -> what a merged entity key becomes (resolve.Target)
//	g/<canonical key>           -> an entity made of several keys (resolve.Group)
//	meta/resolution             -> what the stored r/ and g/ records were computed from
//	meta/resolve-stale          -> present when they must be computed again
//	meta/shard                  -> the shard of the corpus the folder holds (ShardInfo; merge.go)
//	l/<prompt version>/<hash>   -> a reply of the LLM back end (llm.Cache; replies.go)
//	c/<name>                    -> a run counter summed over runs (llm.calls, ...), 8 bytes big-endian
//
// The n/, m/, r/, g/, l/, c/ and resolution records came without a format
// change: a folder without summaries gets them from its extractions on
// first use (see resolution.go); a folder without replies or counters has
// none cached yet. kg gc keeps l/ and c/.
//
// An article is extracted at most once per (content hash, extractor
// version). Staging an article adds a journal entry for every known target
// whose done ref differs, in the same transaction, so a run killed at any
// point leaves a consistent cache and the next run finishes the job.
//
// One process at a time: Open takes the folder's lock (LockName, flock)
// before Badger opens it, so a second Open fails at once with ErrLocked.
//
// Damage: Badger's iterators and Txn.Get treat a block they cannot read as
// the end of its table, without an error. So Open first reads every block
// of every table and checks its checksum (checkTables); a damaged folder is
// refused with a *DamagedError (ErrDamaged) that names the affected
// articles, and Verify reports and repairs (rebuilds the folder from its
// good records). Reads verify block checksums and value-log CRCs.
//
// Disk space: Badger writes through mmap'd sparse files, where a full disk
// is a SIGBUS, so Open and every write check the free space (statfs) and
// fail with ErrDiskFull below a margin (Options.MinFree) instead.
package stage
