// Package data holds kg's word statistics (words.tsv.gz), name-word list
// (names.tsv.gz) and words written whole (written.tsv.gz), built by "kg build wordstats" from Arabic Wikipedia text
// (CC BY-SA 4.0) and the public name lists named in the project's NOTICE. It
// holds data only; use package wordstats to read it.
package data

import _ "embed"

// Words is the gzipped word table written by wordstats.WriteWords.
//
//go:embed words.tsv.gz
var Words []byte

// Names is the gzipped name-word table written by wordstats.WriteNames.
//
//go:embed names.tsv.gz
var Names []byte

// Written is the gzipped table of words written whole, written by
// wordstats.WriteWritten.
//
//go:embed written.tsv.gz
var Written []byte
