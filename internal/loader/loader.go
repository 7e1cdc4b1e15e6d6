// Package loader runs kg's two phases: staging (read the corpus, extract
// what is not cached yet, store articles and extractions in staging and
// journal them) and pushing (write what the journal says a target lacks, in
// batches, and mark it done). Each phase can be stopped at any point and
// resumed by running it again.
package loader

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/kg-project/kg/internal/corpus"
	"github.com/kg-project/kg/internal/extract"
	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/pipeline"
	"github.com/kg-project/kg/internal/progress"
	"github.com/kg-project/kg/internal/resolve"
	"github.com/kg-project/kg/internal/stage"
)

// StageOptions configure StageCorpus.
type StageOptions struct {
	Paths     []string
	Corpus    corpus.Options
	Workers   int
	Extractor extract.Extractor
	Progress  io.Writer // nil = silent
	// OnBadInput is called for each bad input item (file or line); nil
	// prints nothing.
	OnBadInput func(*corpus.InputError)
	// OnFailed is called for each article the extractor failed on (a
	// *extract.PanicError when it panicked); the article is skipped, not
	// staged, and the run goes on. nil prints nothing.
	OnFailed func(a *model.Article, err error)
	// OnDeferred is called for each article not extracted because the
	// extractor's budget is spent (extract.ErrBudgetSpent): not staged,
	// not a failure; the next run extracts it. nil prints nothing.
	OnDeferred func(a *model.Article)
	// OnDuplicate is called for each article whose id occurs again later
	// in the input (and is therefore not staged); nil prints nothing.
	OnDuplicate func(Duplicate)
}

// Duplicate is an article replaced by a later article with the same id in
// the same run.
type Duplicate struct {
	ID string `json:"id"`
	// Replaced and By are the sources (file, or file:line) of the two.
	Replaced    string `json:"replaced"`
	By          string `json:"by"`
	SameContent bool   `json:"same_content"`
}

// StageStats summarises a staging run.
type StageStats struct {
	Articles   int    `json:"articles"`   // articles staged (one per id)
	Duplicates int    `json:"duplicates"` // articles skipped: a later one has the same id
	Bad        int    `json:"bad_inputs"` // bad files or lines skipped
	Extracted  int    `json:"extracted"`  // extracted in this run
	Cached     int    `json:"cached"`     // extraction found in staging
	Journalled int    `json:"journalled"` // queued for some target
	Entities   int    `json:"entities"`   // entities over all articles
	Relations  int    `json:"relations"`  // relations over all articles
	FirstBad   string `json:"first_bad,omitempty"`
	// Failed counts articles the extractor failed on (skipped, not staged;
	// the next run tries them again).
	Failed      int    `json:"failed"`
	FirstFailed string `json:"first_failed,omitempty"`
	// Deferred counts articles not extracted because the extractor's
	// budget (the LLM token budget) was spent: not staged, not failed; the
	// next run extracts them.
	Deferred      int    `json:"deferred,omitempty"`
	FirstDeferred string `json:"first_deferred,omitempty"`
}

// StageCorpus reads every article under the paths with a bounded pool of
// workers, extracts it unless its extraction is cached, and stages it.
//
// Duplicate ids: within one run, the last article in input order with a
// given id wins; the earlier ones are reported (OnDuplicate), counted
// (Duplicates) and neither extracted nor staged. This is decided by a
// first pass over the input that reads only ids, so it does not depend on
// which worker finishes first, and re-running the same input stages the
// same content and journals nothing. Across runs the id is the identity:
// the newest run's content replaces the staged one (and is written again).
func StageCorpus(ctx context.Context, st *stage.Store, o StageOptions) (StageStats, error) {
	var stats StageStats
	if o.Workers < 1 {
		o.Workers = 1
	}
	last, err := lastOccurrences(ctx, o)
	if err != nil {
		return stats, err
	}
	bar := progress.New(o.Progress, "staging", 0)
	defer bar.Done()
	version := o.Extractor.Version()
	ex := extract.Safe(o.Extractor)
	// the reading goroutine counts bad input and duplicates; emit, the
	// rest: stats needs no lock
	var mu sync.Mutex
	src := pipeline.Articles(o.Paths, o.Corpus, func(e *corpus.InputError) {
		mu.Lock()
		stats.Bad++
		if stats.FirstBad == "" {
			stats.FirstBad = e.Error()
		}
		mu.Unlock()
		if o.OnBadInput != nil {
			o.OnBadInput(e)
		}
	}, func(pos int, a *model.Article) bool {
		if pos < last[a.ID] {
			mu.Lock()
			stats.Duplicates++
			mu.Unlock()
			return true
		}
		return false
	})
	type staged struct {
		x          *model.Extraction
		cached     bool
		journalled bool
		err        error // extraction failed (or deferred: extract.ErrBudgetSpent); not staged
	}
	process := func(ctx context.Context, a *model.Article) (staged, error) {
		ref := stage.Ref{Hash: corpus.ContentHash(a), Version: version}
		x, err := st.Extraction(ref)
		cached := err == nil
		if err != nil && !errors.Is(err, stage.ErrNotFound) {
			return staged{}, err
		}
		if !cached {
			if x, err = ex.Extract(ctx, a); err != nil {
				if ctx.Err() != nil {
					return staged{}, ctx.Err()
				}
				return staged{err: err}, nil
			}
		}
		var store *model.Extraction
		if !cached {
			store = x
		}
		j, err := st.Stage(a, ref, store)
		if err != nil {
			return staged{}, fmt.Errorf("staging %s: %w", a.ID, err)
		}
		return staged{x: x, cached: cached, journalled: j}, nil
	}
	emit := func(a *model.Article, r staged) error {
		bar.Add(1)
		switch {
		case errors.Is(r.err, extract.ErrBudgetSpent):
			stats.Deferred++
			if stats.FirstDeferred == "" {
				stats.FirstDeferred = a.ID
			}
			if o.OnDeferred != nil {
				o.OnDeferred(a)
			}
			return nil
		case r.err != nil:
			err := fmt.Errorf("extracting article %s (%s): %w", a.ID, a.Source, r.err)
			stats.Failed++
			if stats.FirstFailed == "" {
				stats.FirstFailed = err.Error()
			}
			if o.OnFailed != nil {
				o.OnFailed(a, err)
			}
			return nil
		}
		stats.Articles++
		if r.cached {
			stats.Cached++
		} else {
			stats.Extracted++
		}
		if r.journalled {
			stats.Journalled++
		}
		stats.Entities += len(r.x.Entities)
		stats.Relations += len(r.x.Relations)
		return nil
	}
	err = pipeline.Run(ctx, pipeline.Options{Workers: o.Workers}, src, process, emit)
	return stats, err
}

// lastOccurrences reads the input once, without extracting, and returns
// for every id that occurs more than once the position (1-based, counting
// articles in input order) of its last occurrence; it reports each
// replaced occurrence to o.OnDuplicate.
func lastOccurrences(ctx context.Context, o StageOptions) (map[string]int, error) {
	type occ struct {
		pos       int
		src, hash string
	}
	seen := map[string]occ{}
	last := map[string]int{}
	pos := 0
	err := corpus.Walk(ctx, o.Paths, o.Corpus, func(it corpus.Item) error {
		if it.Err != nil {
			return nil // reported by the second pass
		}
		pos++
		a := it.Article
		cur := occ{pos: pos, src: a.Source, hash: corpus.ContentHash(a)}
		if prev, ok := seen[a.ID]; ok {
			last[a.ID] = pos
			if o.OnDuplicate != nil {
				o.OnDuplicate(Duplicate{ID: a.ID, Replaced: prev.src, By: cur.src, SameContent: prev.hash == cur.hash})
			}
		}
		seen[a.ID] = cur
		return nil
	})
	return last, err
}

// PushOptions configure Push.
type PushOptions struct {
	Target    string
	BatchSize int
	Progress  io.Writer
	// Version is the current extractor version: when set, Push first
	// brings the cross-article entity resolution up to date (Resolve),
	// which may journal more articles. Without it Push applies the
	// resolution stored in staging as it is.
	Version string
}

// PushStats summarises a push.
type PushStats struct {
	Articles  int `json:"articles_written"`
	Batches   int `json:"batches"`
	Entities  int `json:"entities_written"`
	Relations int `json:"relations_written"`
	// Settled counts the entities whose aggregates and relation edges
	// were brought up to date.
	Settled int           `json:"entities_settled"`
	Resolve *ResolveStats `json:"resolve,omitempty"`
}

// Push writes every journalled article of the target, batch by batch, and
// marks each batch done only after its transaction committed; then it
// settles the graph (graph.Writer.Settle): the entity aggregates and
// relation edges the batches changed are computed once, at the end. A
// failure leaves the rest journalled for the next run; the entities
// written but not settled stay marked in the graph, and the next Push
// settles them even when nothing is left to write. Each extraction is
// written with the cross-article entity resolution applied
// (resolve.Apply): merged keys become their canonical key.
func Push(ctx context.Context, st *stage.Store, w graph.Writer, o PushOptions) (PushStats, error) {
	var ps PushStats
	if o.BatchSize < 1 {
		o.BatchSize = 50
	}
	if o.Version != "" {
		rs, err := Resolve(ctx, st, ResolveOptions{Version: o.Version, Progress: o.Progress})
		if err != nil {
			return ps, err
		}
		ps.Resolve = &rs
	}
	resolution, err := st.ResolutionMap()
	if err != nil {
		return ps, err
	}
	total := 0
	if s, err := st.Status(); err == nil {
		for _, t := range s.Targets {
			if t.Target == o.Target {
				total = t.Pending
			}
		}
	}
	bar := progress.New(o.Progress, "writing to neo4j", total)
	defer bar.Done()
	for {
		if err := ctx.Err(); err != nil {
			return ps, err
		}
		pend, err := st.PendingBatch(o.Target, o.BatchSize)
		if err != nil {
			return ps, err
		}
		if len(pend) == 0 {
			break
		}
		items := make([]graph.Item, 0, len(pend))
		for _, p := range pend {
			rec, err := st.Article(p.ID)
			if err != nil {
				return ps, err
			}
			x, err := st.Extraction(p.Ref)
			if errors.Is(err, stage.ErrNotFound) {
				return ps, fmt.Errorf("article %s: its extraction (version %s) is no longer staged (dropped by kg gc?); run kg load on the corpus again to re-extract it", p.ID, p.Ref.Version)
			}
			if err != nil {
				return ps, err
			}
			a := rec.Article
			a.Text = ""
			x, from := resolve.Apply(x, resolution)
			items = append(items, graph.Item{Article: a, ContentHash: p.Ref.Hash, Extractor: p.Ref.Version, Extraction: x, MergedFrom: from})
			ps.Entities += len(x.Entities)
			ps.Relations += len(x.Relations)
		}
		if err := w.WriteBatch(ctx, items); err != nil {
			return ps, fmt.Errorf("writing batch starting at article %s: %w", pend[0].ID, err)
		}
		if err := st.MarkDone(o.Target, pend); err != nil {
			return ps, err
		}
		ps.Articles += len(items)
		ps.Batches++
		bar.Add(len(pend))
	}
	bar.Done()
	sbar := progress.New(o.Progress, "settling entities", 0)
	defer sbar.Done()
	n, err := w.Settle(ctx, sbar.Add)
	ps.Settled = n
	if err != nil {
		return ps, fmt.Errorf("settling the entities written: %w (the next kg push settles the rest)", err)
	}
	return ps, nil
}

// expectedState is what Push leaves in the graph for an article.
func expectedState(ref stage.Ref, x *model.Extraction, resolution map[string]resolve.Target) graph.ArticleState {
	x, _ = resolve.Apply(x, resolution)
	return graph.ExpectedState(graph.Item{ContentHash: ref.Hash, Extractor: ref.Version, Extraction: x})
}

// VerifyOptions configure VerifyGraph.
type VerifyOptions struct {
	Target    string
	BatchSize int // articles per read (0: 500)
	// Repair journals the missing and different articles again, so that
	// the next Push writes them; without it VerifyGraph only counts.
	Repair   bool
	Progress io.Writer
}

// VerifyStats says how the graph compares with what staging says it
// wrote.
type VerifyStats struct {
	Checked      int `json:"checked"`      // articles staging marks as written to the target
	Missing      int `json:"missing"`      // no Article node
	Different    int `json:"different"`    // content_hash, extractor, mentions or evidence differ
	Rejournalled int `json:"rejournalled"` // queued again (Repair)
	// Unrepairable: their extraction is no longer staged (dropped by kg gc
	// or a repair); kg load extracts and writes them again.
	Unrepairable int      `json:"unrepairable"`
	Examples     []string `json:"examples,omitempty"` // the first ids that differ
}

// Mismatches is Missing + Different.
func (v VerifyStats) Mismatches() int { return v.Missing + v.Different }

// VerifyGraph compares staging's done markers for the target with the
// Article nodes of the graph, page by page (memory does not grow with the
// number of articles): an article staging marks as written must exist
// with the content hash and extractor written, and with as many mentions
// and evidence nodes as its extraction has. This notices a graph edited by
// hand (deleted articles, entities or evidence; rewritten properties). It
// does not look at articles staging did not write (another staging folder
// may have written them) nor at typed relation edges.
func VerifyGraph(ctx context.Context, st *stage.Store, g graph.StateReader, o VerifyOptions) (VerifyStats, error) {
	var vs VerifyStats
	if o.BatchSize < 1 {
		o.BatchSize = 500
	}
	resolution, err := st.ResolutionMap()
	if err != nil {
		return vs, err
	}
	bar := progress.New(o.Progress, "verifying neo4j", 0)
	defer bar.Done()
	after := ""
	for {
		if err := ctx.Err(); err != nil {
			return vs, err
		}
		done, err := st.DoneBatch(o.Target, after, o.BatchSize)
		if err != nil {
			return vs, err
		}
		if len(done) == 0 {
			return vs, nil
		}
		after = done[len(done)-1].ID
		ids := make([]string, len(done))
		for i, p := range done {
			ids[i] = p.ID
		}
		states, err := g.ArticleStates(ctx, ids)
		if err != nil {
			return vs, err
		}
		var again []stage.Pending
		for _, p := range done {
			vs.Checked++
			got, ok := states[p.ID]
			x, err := st.Extraction(p.Ref)
			if err != nil && !errors.Is(err, stage.ErrNotFound) {
				return vs, fmt.Errorf("article %s: %w", p.ID, err)
			}
			switch {
			case !ok:
				vs.Missing++
			case x == nil:
				// Without the extraction only the article itself can be
				// compared.
				if got.ContentHash == p.Ref.Hash && got.Extractor == p.Ref.Version {
					continue
				}
				vs.Different++
			case got == expectedState(p.Ref, x, resolution):
				continue
			default:
				vs.Different++
			}
			if len(vs.Examples) < 10 {
				vs.Examples = append(vs.Examples, p.ID)
			}
			if x == nil {
				vs.Unrepairable++
				continue
			}
			again = append(again, p)
		}
		if o.Repair && len(again) > 0 {
			n, err := st.Rejournal(o.Target, again)
			if err != nil {
				return vs, err
			}
			vs.Rejournalled += n
		}
		bar.Add(len(done))
	}
}
