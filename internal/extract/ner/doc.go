// Package ner is kg's Arabic named-entity recogniser: an averaged structured
// perceptron over rich, hashed features (word, MatchForm, clitic-stripped
// stem and clitics, affixes, shape, ±2 neighbours, nationality adjectives,
// gazetteer n-gram matches, trigger words, jackknifed training-entity lists
// and tag memory, and word clusters learnt from Arabic Wikipedia, package
// clusters) with first-order Viterbi decoding under IOB2 constraints.
// A word's document context counts too: the cues around the other
// occurrences of its base form within ten sentences (a title or first name
// before, a nationality adjective after, the neighbouring words), taken from
// the text and never from predicted tags. The shipped model is the average
// of five perceptron runs with different seeds, still one weight vector.
// It is pure Go and offline; the model (sub-package model) embeds its own
// word lists, so tagging depends on nothing else in kg but
// internal/text/arabic and the word clusters (sub-package clusters, whose
// fingerprint the model records).
//
// Tag an article with Default().TagDocument(sentences) (or one sentence on
// its own with Tag; a long running text with a Stream) and turn the tags into
// entities with Spans. A Tagger memoises the per-word part of the features
// (bounded), so it is fastest when reused.
//
// This package is what runs: it loads and tags. The model itself (features,
// word-list matching, document context, decoding, the file format) is the
// internal package core, shared with the trainer, package nertrain, which
// only `kg train ner` imports. Retrain with `kg train ner`: training is
// deterministic, the same data give a byte-identical model file.
package ner
