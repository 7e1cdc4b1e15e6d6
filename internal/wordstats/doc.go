// Package wordstats tells how often an Arabic word is an ordinary word and
// whether public name lists know it as a name, so that the extractor can ask
// for evidence before it makes a node of a word: ميلا is a town in Algeria
// but far more often "miles", خمسيني is "in his fifties", and بلاتيني is the
// name Platini, not ب + لاتيني "by Latin".
//
// Three tables, built by "kg build wordstats" (package wsbuild) and embedded
// in the data-only package internal/wordstats/data:
//
//   - Words: for the most frequent base forms (Base: the word without
//     clitics, article and pronoun suffix) of 8M words of Arabic Wikipedia
//     (arwiki-comparable-2017), how often they occur and how often kg's own
//     NER tags them inside a person, place or organisation name. A word that
//     is frequent and rarely inside a name is an ordinary word.
//   - Names: the single words of the public name lists (Wikidata person
//     names and name units, Wikidata name tokens, Wikipedia transliteration
//     pairs, GeoNames places), in MatchForm, with how many people or places
//     they name, by kind (given name, family name, other person-name word,
//     place).
//   - Written: the words of that text that begin with a letter that is also
//     a clitic (و ب ل ك ف), as written (MatchForm), that the text writes
//     at least as often as their rest without that letter: how often each
//     is written and how often its rest. وليام "William" is written 298
//     times and ليام twice: its و is its own, where وبريطانيا (210) is
//     و + بريطانيا (1,796).
//
// Default loads them once. The package reads data only; building them lives
// in wsbuild, apart from the code that runs at extraction time.
package wordstats
