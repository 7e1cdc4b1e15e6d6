package model

import _ "embed"

// Data is the gzip-compressed model file (format: see ner.ReadModel).
//
//go:embed ner.model.gz
var Data []byte
