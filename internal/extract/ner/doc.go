// Package ner is kg's Arabic named-entity recogniser: an averaged structured
// perceptron over rich, hashed features (word, MatchForm, clitic-stripped
// stem and clitics, affixes, shape, ±2 neighbours, nationality adjectives,
// gazetteer n-gram matches, trigger words, jackknifed training-entity lists
// and tag memory) with first-order Viterbi decoding under IOB2 constraints.
// It is pure Go and offline; the model (sub-package model) embeds its own
// word lists, so tagging depends on nothing else in kg but internal/extract/arabic.
//
// Tag IOB2 tags with Default().Tag(tokens) and turn them into entities with
// Spans. Retrain with `kg train ner` (see Train): training is deterministic,
// the same data give a byte-identical model file.
package ner
