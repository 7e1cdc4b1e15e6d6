package loader

import (
	"context"

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
// does (Resolve), and reads it.
func NewItems(ctx context.Context, st *stage.Store, version string) (*Items, error) {
	rs, err := Resolve(ctx, st, ResolveOptions{Version: version})
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
