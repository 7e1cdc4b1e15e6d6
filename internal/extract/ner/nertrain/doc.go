// Package nertrain trains kg's Arabic NER model (package ner): Train runs
// the averaged structured perceptron over ANERcorp (and AQMAR), with
// word-list features built by BuildLists from the shared data (the
// gazetteer files, UniversalPetrarch, Wikidata person names, GeoNames and
// the titles of Arabic Wikipedia articles, wikilists.go), and Evaluate and
// RecallBySeen score a tagger on held-out sentences. Only `kg train ner`
// imports it; the shared data files are read through package sources.
// Training is deterministic: the same data and options give a
// byte-identical model file.
package nertrain
