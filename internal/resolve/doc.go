// Package resolve makes one entity of the keys that name the same real
// entity across a corpus: the same Wikidata id, spelling variants of one
// name, and partial names (a family name alone, a given and family name
// without the nasab chain) that belong to the dominant entity bearing them.
//
// Extraction gives every entity a key from one article (wd:Q… from the
// gazetteer, else <type>:<slug> of its longest name), so one person may
// have several keys: الجبير, جبير, عادل بن أحمد الجبير. Resolution runs over
// the whole staged corpus at load time, before writing:
//
//   - Summarize reduces an extraction to its entities' keys, types, names
//     and written forms (staging keeps one summary per extraction);
//   - an Index aggregates the summaries of every article by key (memory
//     grows with the number of distinct keys and forms, not articles);
//   - Build applies the rules (see Build) and the manual merges and splits,
//     and returns the groups: each a canonical key and the keys merged into
//     it, with the reason and the rule's detail for each;
//   - Apply rewrites an article's extraction with the resulting map before
//     it is written to the graph.
//
// Build is a pure function of the set of staged articles and the manual
// records: the order of articles never changes the outcome, and re-running
// it gives the same groups. When the groups change (new articles, a manual
// merge or split), the articles that mention a key whose target changed
// are written again (see internal/loader).
//
// The word classes the rules need (titles, nasab chain words, compounds)
// are data: names.txt.
package resolve
