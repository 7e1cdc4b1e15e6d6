// Package core is the NER model shared by the tagger (package ner, what
// kg runs) and its trainer (package nertrain, what `kg train ner` runs):
// the features of a token (features.go), the word lists they match
// (lexicon.go), a word's document context (doc_context.go), the IOB2 tags
// and spans (tags.go), the weights, the Viterbi decoding and the model file
// (model.go), and the few hooks the trainer needs beyond tagging
// (train_hooks.go). It is internal to ner: the rest of kg uses ner's names.
package core
