// Package sources reads the shared data files kg's builders learn from, each
// format in one place: the UniversalPetrarch Arabic actor dictionary, CSV
// tables with a header row, token-per-line NER corpora (ANERcorp's CoNLL
// and AQMAR's IOB2), mledoze's countries, the supraverden list of
// international organisations and the Arabic Wikipedia text. The gazetteer
// builder (gazbuild), the NER trainer (nertrain), the word-cluster builder
// (cbuild), the romanisation learner (translit/learn) and the word
// statistics builder (wsbuild) read them through it; nothing that runs at
// extraction time does.
//
// The readers parse and nothing more: which entries a builder keeps, and
// what it makes of them, is the builder's business.
package sources
