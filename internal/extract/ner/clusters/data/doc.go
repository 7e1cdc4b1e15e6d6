// Package data holds kg's Arabic word clusters (clusters.tsv.gz), learnt by
// "kg train clusters" from Arabic Wikipedia text (arwiki-comparable-2017,
// CC BY-SA 4.0) and the training part of ANERcorp and AQMAR. The file is
// Adapted Material of that text and ships under CC BY-SA 4.0; see the
// project's NOTICE. It holds data only; use package clusters to read it.
package data

import _ "embed"

// Clusters is the gzipped cluster table written by clusters.Write.
//
//go:embed clusters.tsv.gz
var Clusters []byte
