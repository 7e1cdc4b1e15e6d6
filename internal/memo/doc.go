// Package memo is a small, bounded, concurrency-safe memo table for pure
// functions of a string, used to avoid recomputing per-word analyses (the NER
// tagger's word features and their summed weights) for the many words that
// recur across a corpus.
//
// A Table never holds more than its capacity, so memory stays bounded however
// large the corpus: each shard keeps two generations, and when the current
// one fills up it becomes the old one and the oldest is dropped. Entries
// found in the old generation move to the current one, so the frequent
// words of a language stay while the rare ones come and go. Because the
// memoised functions are pure, a hit and a miss give the same value and the
// output of a caller never depends on what happens to be cached.
package memo
