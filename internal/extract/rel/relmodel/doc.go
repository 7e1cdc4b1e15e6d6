// Package relmodel holds the embedded relation model (rel.model.gz), learnt
// by `kg train rel` from the project's relation training set
// (internal/reltrain/data): Arabic Wikipedia sentences (CC BY-SA 4.0) and
// passages the project wrote, annotated by the project. The model is
// therefore distributed under CC BY-SA 4.0 (see NOTICE.md). Data only.
package relmodel

import _ "embed"

// Model is the gzip-compressed model file (rel.ReadModel); empty when no
// model has been trained.
//
//go:embed rel.model.gz
var Model []byte
