// Package extract turns articles into entities and typed relations.
//
// The Extractor interface is the seam: the built-in Pipeline implements it
// (tokenisation, NER, gazetteer linking, coreference, relation rules), and
// other back ends may too. Every result carries the extractor version, and
// staging re-extracts an article exactly when that version changes.
package extract

import (
	"context"
	"errors"

	"github.com/kg-project/kg/internal/model"
)

// Extractor turns one article into its extraction.
//
// Contract: Extract is safe for concurrent use. The built-in Pipeline is
// deterministic (the same article and Version give a byte-identical result
// once marshalled), does no I/O beyond reading embedded data, and its
// errors are permanent for that article (retrying does not help) unless
// they wrap ctx.Err().
//
// An extractor that calls a remote service (package llm) is the documented
// exception: it is deterministic given its reply cache (a reply, once
// cached, gives the same result again), and its errors may be transient (a
// server down, a timeout, ErrBudgetSpent): the caller skips the article
// without staging it, so the next run extracts it again. Either way an
// error concerns one article only; the caller goes on with the others.
type Extractor interface {
	Extract(ctx context.Context, a *model.Article) (*model.Extraction, error)
	// Version identifies the models, gazetteer and rules; it changes
	// whenever the output for some article may change.
	Version() string
}

// ErrBudgetSpent is returned (wrapped) by an extractor with a per-run
// budget (the LLM extractor's token budget) for every article it did not
// extract because the budget is spent. It is not a failure of the article:
// callers report such articles apart, do not stage them, and the next run
// extracts them.
var ErrBudgetSpent = errors.New("token budget of this run spent")
