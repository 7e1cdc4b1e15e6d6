// Package corpus streams news articles from files, directory trees and
// archives, as corpora are published:
//
//   - plain text (.txt; the first line may be the title);
//   - JSON Lines (.jsonl), one article object a line;
//   - JSON (.json): an array of article objects, read element by element
//     (SaudiNewsNet's day files), or article objects one after the other;
//   - CSV with a header (.csv);
//   - any of those gzipped (x.jsonl.gz, x.json.gz, x.csv.gz, x.txt.gz), and
//     .zip, .tar, .tar.gz and .tgz archives of them, read member by member
//     without temporary files (see archive.go).
//
// Articles are handed to a callback one at a time, so memory stays bounded
// whatever the corpus size: a file or member is never read whole, only one
// line, record or JSON value at a time, each bounded by MaxArticleBytes.
//
// JSON, JSON Lines and CSV share one field mapping (Options.Fields, set by
// corpus.fields.* in config.yaml): the record key or CSV column of each
// article field (id, title, text, url, published, lang). A field left at its
// default name is also found under a few common alternatives (Alternatives:
// content for text, date_extracted for published, ...), so published
// corpora load without settings; other keys become article properties.
//
// Bad input never stops the walk: each bad file, member, line, record or
// array element is reported as an *InputError naming the file (or
// ARCHIVE!MEMBER) and line, and the walk goes on with the next. The
// sentinel errors (ErrMalformed, ErrControlChar, ErrCorrupt, ErrNotRegular,
// ErrNoArticles, ...) tell the kinds apart with errors.Is.
//
// A walk can read one shard of a corpus (Options.Shard, shard.go): the
// articles whose id hashes to it (ShardOf), or one of N runs of the walk's
// files (Shard.ByFile), for corpora staged by several machines and merged.
package corpus
