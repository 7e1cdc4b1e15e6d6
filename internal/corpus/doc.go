// Package corpus streams news articles from files and directory trees:
// plain text (.txt, first line may be the title), JSON Lines (.jsonl) and CSV
// with a header (.csv). Articles are handed to a callback one at a time, so
// memory stays bounded whatever the corpus size.
//
// Bad input never stops the walk: each bad file, line or record is reported
// as an *InputError naming the file and line, and the walk goes on with the
// next. The sentinel errors (ErrMalformed, ErrControlChar, ErrNotRegular,
// ErrNoArticles, ...) tell the kinds apart with errors.Is.
package corpus
