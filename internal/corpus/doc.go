// Package corpus streams news articles from files and directory trees:
// plain text (.txt, first line may be the title), JSON Lines (.jsonl) and CSV
// with a header (.csv). Articles are handed to a callback one at a time, so
// memory stays bounded whatever the corpus size.
//
// Bad input never stops the walk: each bad file or line is reported as an
// *InputError naming the file and line, and the walk goes on with the next.
package corpus
