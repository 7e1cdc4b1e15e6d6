// Package extract turns articles into entities and typed relations.
//
// The Extractor interface is the seam: the built-in Pipeline implements it
// (tokenisation, NER, gazetteer linking, coreference, relation rules), and
// other back ends may too. Every result carries the extractor version, and
// staging re-extracts an article exactly when that version changes.
package extract

import (
	"context"

	"github.com/kg-project/kg/internal/model"
)

// Extractor turns one article into its extraction.
//
// Contract: Extract is deterministic (the same article and Version give a
// byte-identical result once marshalled), safe for concurrent use, and does
// no I/O beyond reading embedded data. Errors are permanent for that article
// (retrying does not help) unless they wrap ctx.Err().
type Extractor interface {
	Extract(ctx context.Context, a *model.Article) (*model.Extraction, error)
	// Version identifies the models, gazetteer and rules; it changes
	// whenever the output for some article may change.
	Version() string
}
