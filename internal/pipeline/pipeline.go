// Package pipeline is kg's one streaming pipeline: read items, process
// each in a bounded pool of workers, and hand the results on in input
// order. kg extract (articles → JSONL), kg load (articles → staging) and
// kg eval (gold files → scores) run on it.
//
// Memory stays bounded however slow one item is: at most InFlight items
// are read and not yet emitted. Output order never depends on which worker
// finishes first, so a run is deterministic whatever the number of
// workers.
package pipeline

import (
	"context"
	"sync"

	"golang.org/x/sync/errgroup"

	"github.com/kg-project/kg/internal/corpus"
	"github.com/kg-project/kg/internal/model"
)

// Source yields the items of a run, in order, to yield; it stops with
// yield's error. It runs in a goroutine of its own.
type Source[In any] func(ctx context.Context, yield func(In) error) error

// Options of Run.
type Options struct {
	// Workers process items concurrently (at least 1).
	Workers int
	// InFlight bounds the items read and not yet emitted (default and
	// minimum: 4 × Workers).
	InFlight int
}

// Run reads src, calls process for each item on one of o.Workers workers,
// and calls emit, from one goroutine, for each item and its result in
// src's order. An error from src, process or emit stops the run and is
// returned (the first one); process should report a failure of one item
// in its result rather than as an error when the run is to go on.
// Cancelling ctx stops it too, with ctx's error.
func Run[In, Out any](ctx context.Context, o Options, src Source[In], process func(context.Context, In) (Out, error), emit func(In, Out) error) error {
	workers := max(o.Workers, 1)
	inFlight := max(o.InFlight, 4*workers)
	type job struct {
		seq int
		in  In
	}
	type result struct {
		seq int
		in  In
		out Out
	}
	slots := make(chan struct{}, inFlight)
	jobs := make(chan job, workers)
	results := make(chan result, workers)
	g, ctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		defer close(jobs)
		seq := 0
		return src(ctx, func(in In) error {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return ctx.Err()
			}
			select {
			case jobs <- job{seq, in}:
				seq++
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	})
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		g.Go(func() error {
			defer wg.Done()
			for j := range jobs {
				out, err := process(ctx, j.in)
				if err != nil {
					return err
				}
				select {
				case results <- result{j.seq, j.in, out}:
				case <-ctx.Done():
					return ctx.Err()
				}
			}
			return nil
		})
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	g.Go(func() error {
		held := map[int]result{}
		next := 0
		for r := range results {
			held[r.seq] = r
			for h, ok := held[next]; ok; h, ok = held[next] {
				delete(held, next)
				next++
				<-slots
				if err := emit(h.in, h.out); err != nil {
					return err
				}
			}
		}
		return nil
	})
	return g.Wait()
}

// Articles is the Source of the articles of a corpus (corpus.Walk over
// paths with opts): each bad input item goes to onBad (when not nil) and
// is skipped; skip, when not nil, is asked about each article in input
// order (pos counts articles from 1) and drops those it is true for.
func Articles(paths []string, opts corpus.Options, onBad func(*corpus.InputError), skip func(pos int, a *model.Article) bool) Source[*model.Article] {
	return func(ctx context.Context, yield func(*model.Article) error) error {
		pos := 0
		return corpus.Walk(ctx, paths, opts, func(it corpus.Item) error {
			if it.Err != nil {
				if onBad != nil {
					onBad(it.Err)
				}
				return nil
			}
			pos++
			if skip != nil && skip(pos, it.Article) {
				return nil
			}
			return yield(it.Article)
		})
	}
}
