package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/kg-project/kg/internal/corpus"
	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/pipeline"
)

func numbers(n int) pipeline.Source[int] {
	return func(ctx context.Context, yield func(int) error) error {
		for i := range n {
			if err := yield(i); err != nil {
				return err
			}
		}
		return nil
	}
}

// TestOrderAndBound: results come in input order whatever the workers'
// speeds, and no more than InFlight items are read and not emitted.
func TestOrderAndBound(t *testing.T) {
	for _, workers := range []int{1, 2, 5} {
		var read, emitted, maxOpen atomic.Int64
		src := func(ctx context.Context, yield func(int) error) error {
			return numbers(200)(ctx, func(i int) error {
				read.Add(1)
				return yield(i)
			})
		}
		var got []int
		err := pipeline.Run(context.Background(), pipeline.Options{Workers: workers}, src,
			func(_ context.Context, i int) (string, error) {
				if open := read.Load() - emitted.Load(); open > maxOpen.Load() {
					maxOpen.Store(open)
				}
				time.Sleep(time.Duration(rand.IntN(300)) * time.Microsecond)
				return fmt.Sprint(i * i), nil
			},
			func(i int, s string) error {
				if s != fmt.Sprint(i*i) {
					t.Errorf("item %d got result %s", i, s)
				}
				got = append(got, i)
				emitted.Add(1)
				return nil
			})
		if err != nil {
			t.Fatal(err)
		}
		for i, v := range got {
			if v != i {
				t.Fatalf("workers %d: position %d holds %d", workers, i, v)
			}
		}
		if len(got) != 200 {
			t.Fatalf("workers %d: %d results", workers, len(got))
		}
		// the reader may hold one more than the bound while it waits
		if m := maxOpen.Load(); m > int64(4*workers)+1 {
			t.Errorf("workers %d: %d items open at once, bound %d", workers, m, 4*workers)
		}
	}
}

// TestErrorsStop: an error of process or emit ends the run with it; so
// does cancelling the context.
func TestErrorsStop(t *testing.T) {
	boom := errors.New("boom")
	err := pipeline.Run(context.Background(), pipeline.Options{Workers: 3}, numbers(1000),
		func(_ context.Context, i int) (int, error) {
			if i == 17 {
				return 0, boom
			}
			return i, nil
		}, func(int, int) error { return nil })
	if !errors.Is(err, boom) {
		t.Errorf("process error: got %v", err)
	}
	err = pipeline.Run(context.Background(), pipeline.Options{Workers: 3}, numbers(1000),
		func(_ context.Context, i int) (int, error) { return i, nil },
		func(i, _ int) error {
			if i == 5 {
				return boom
			}
			return nil
		})
	if !errors.Is(err, boom) {
		t.Errorf("emit error: got %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	err = pipeline.Run(ctx, pipeline.Options{Workers: 2}, numbers(1_000_000),
		func(_ context.Context, i int) (int, error) {
			if i == 100 {
				cancel()
			}
			return i, nil
		}, func(int, int) error { return nil })
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: got %v", err)
	}
}

// TestArticles: bad items go to onBad, skip sees articles numbered from 1.
func TestArticles(t *testing.T) {
	p := filepath.Join(t.TempDir(), "in.jsonl")
	in := "{\"id\":\"a\",\"text\":\"one\"}\n{\"id\":\"b\",\"text\":\"\"}\n{\"id\":\"c\",\"text\":\"two\"}\n{\"id\":\"d\",\"text\":\"three\"}\n"
	if err := os.WriteFile(p, []byte(in), 0o644); err != nil {
		t.Fatal(err)
	}
	var bad []string
	var got []string
	src := pipeline.Articles([]string{p}, corpus.Options{}, func(e *corpus.InputError) { bad = append(bad, e.Error()) },
		func(pos int, a *model.Article) bool { return pos == 2 }) // c is the second article
	err := src(context.Background(), func(a *model.Article) error {
		got = append(got, a.ID)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(got) != "[a d]" || len(bad) != 1 {
		t.Errorf("got %v, bad %v", got, bad)
	}
}
