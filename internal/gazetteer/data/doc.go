// Package data holds kg's compiled gazetteer (gazetteer.tsv.gz), built by
// "kg build gazetteer" from the public data sets listed in
// internal/gazetteer/NOTICE.md. It holds data only; use package gazetteer to
// read it.
package data

import _ "embed"

// Gazetteer is the gzipped TSV file written by gazetteer.WriteCompiled.
//
//go:embed gazetteer.tsv.gz
var Gazetteer []byte
