package loader

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/resolve"
	"github.com/kg-project/kg/internal/stage"
)

// Items gives every staged article as the graph.Item that Push would write
// to a new, empty database: the articles with an extraction of Version, in
// article id order, with the article text dropped and the cross-article
// entity resolution applied (resolve.Apply). It is what a bulk export
// reads (kg export --format neo4j-admin), so that the imported graph is the
// one kg push builds.
type Items struct {
	st         *stage.Store
	version    string
	resolution map[string]resolve.Target
	// Resolve is what bringing the resolution up to date did.
	Resolve ResolveStats
}

// NewItems brings the cross-article entity resolution up to date, as Push
// does (Resolve, with its progress on progress when not nil), and reads
// it.
func NewItems(ctx context.Context, st *stage.Store, version string, progress io.Writer) (*Items, error) {
	rs, err := Resolve(ctx, st, ResolveOptions{Version: version, Progress: progress})
	if err != nil {
		return nil, err
	}
	m, err := st.ResolutionMap()
	if err != nil {
		return nil, err
	}
	return &Items{st: st, version: version, resolution: m, Resolve: rs}, nil
}

// Articles calls fn with the article of every item, in id order, without
// reading extractions (Item.Extraction is nil): a cheap first pass.
func (s *Items) Articles(ctx context.Context, fn func(graph.Item) error) (noExtraction int, err error) {
	return s.st.ForEachArticle(s.version, false, func(rec *stage.ArticleRecord, _ *model.Extraction) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		a := rec.Article
		a.Text = ""
		return fn(graph.Item{Article: a, ContentHash: rec.Hash, Extractor: s.version})
	})
}

// Each calls fn with every item, in article id order. It returns how many
// staged articles it skipped for want of an extraction of the version
// (kg load extracts them; kg push skips them too).
func (s *Items) Each(ctx context.Context, fn func(graph.Item) error) (noExtraction int, err error) {
	return s.st.ForEachArticle(s.version, true, func(rec *stage.ArticleRecord, x *model.Extraction) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		a := rec.Article
		a.Text = ""
		x, from := resolve.Apply(x, s.resolution)
		return fn(graph.Item{Article: a, ContentHash: rec.Hash, Extractor: s.version, Extraction: x, MergedFrom: from})
	})
}

// AdoptStats says what Adopt did.
type AdoptStats struct {
	New     bool `json:"new_target"` // the target was new to staging (else Adopt did nothing)
	Checked int  `json:"checked"`    // journal entries compared with the graph
	Adopted int  `json:"adopted"`    // found in the graph as Push writes them: marked done
	Pending int  `json:"pending"`    // left journalled: the next Push writes them
}

// Adopt registers target, a database filled outside Push (a neo4j-admin
// import of what Items gave), with staging: when staging does not know
// the target yet, it journals every staged article for it (AddTarget),
// then marks done, page by page, each one the graph already holds as Push
// would write it (content hash, extractor, mentions and evidence: the
// comparison of VerifyGraph). The rest stay journalled. So the next kg
// load or kg push writes only what changed since the export, instead of
// everything. A target staging knows is left alone.
func Adopt(ctx context.Context, st *stage.Store, g graph.StateReader, target, version string, pageSize int) (AdoptStats, error) {
	var as AdoptStats
	if pageSize < 1 {
		pageSize = 500
	}
	known, err := st.Targets()
	if err != nil {
		return as, err
	}
	for _, t := range known {
		if t == target {
			return as, nil
		}
	}
	as.New = true
	if _, err := st.AddTarget(target, version); err != nil {
		return as, err
	}
	resolution, err := st.ResolutionMap()
	if err != nil {
		return as, err
	}
	after := ""
	for {
		if err := ctx.Err(); err != nil {
			return as, err
		}
		page, err := st.PendingAfter(target, after, pageSize)
		if err != nil || len(page) == 0 {
			return as, err
		}
		after = page[len(page)-1].ID
		ids := make([]string, len(page))
		for i, p := range page {
			ids[i] = p.ID
		}
		states, err := g.ArticleStates(ctx, ids)
		if err != nil {
			return as, err
		}
		var done []stage.Pending
		for _, p := range page {
			as.Checked++
			got, ok := states[p.ID]
			if !ok {
				as.Pending++
				continue
			}
			x, err := st.Extraction(p.Ref)
			if errors.Is(err, stage.ErrNotFound) {
				as.Pending++
				continue
			}
			if err != nil {
				return as, fmt.Errorf("article %s: %w", p.ID, err)
			}
			if got != expectedState(p.Ref, x, resolution) {
				as.Pending++
				continue
			}
			done = append(done, p)
		}
		if err := st.MarkDone(target, done); err != nil {
			return as, err
		}
		as.Adopted += len(done)
	}
}
