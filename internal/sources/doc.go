// Package sources reads the shared data files kg's builders learn from, each
// format in one place: the UniversalPetrarch Arabic actor dictionary, CSV
// tables with a header row, and token-per-line NER corpora (ANERcorp's CoNLL
// and AQMAR's IOB2). The gazetteer builder (gazbuild), the NER trainer
// (nertrain) and the word-cluster builder (cbuild) read them through it;
// nothing that runs at extraction time does.
//
// The readers parse and nothing more: which entries a builder keeps, and
// what it makes of them, is the builder's business.
package sources
