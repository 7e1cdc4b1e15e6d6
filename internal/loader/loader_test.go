package loader

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/kg-project/kg/internal/extract"
	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/stage"
)

// fakeExtractor finds one entity per article and counts its calls.
type fakeExtractor struct{ calls atomic.Int64 }

func (f *fakeExtractor) Version() string { return "fake-1" }
func (f *fakeExtractor) Extract(_ context.Context, a *model.Article) (*model.Extraction, error) {
	f.calls.Add(1)
	return &model.Extraction{Doc: model.DocInfo{ID: a.ID}, Entities: []model.Entity{{ID: "x:" + a.ID, Name: a.ID, Type: model.Person}}}, nil
}

// flakyWriter fails the batch that contains failOn, once.
type flakyWriter struct {
	failOn  string
	written []string
}

func (w *flakyWriter) WriteArticles(_ context.Context, items []graph.Item) error {
	for _, it := range items {
		if it.Article.ID == w.failOn {
			w.failOn = ""
			return fmt.Errorf("write: %w", graph.ErrUnavailable)
		}
	}
	for _, it := range items {
		if it.Article.Text != "" {
			return errors.New("article text must not be sent to the graph")
		}
		w.written = append(w.written, it.Article.ID)
	}
	return nil
}

func corpusFile(t *testing.T, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "{\"id\":\"a%02d\",\"text\":\"text %d\"}\n", i, i)
	}
	b.WriteString("{broken\n")
	p := filepath.Join(t.TempDir(), "c.jsonl")
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestStageAndPushResume(t *testing.T) {
	st, err := stage.OpenInMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	if _, err := st.AddTarget("db", "fake-1"); err != nil {
		t.Fatal(err)
	}
	ex := &fakeExtractor{}
	path := corpusFile(t, 10)
	stats, err := StageCorpus(ctx, st, StageOptions{Paths: []string{path}, Workers: 3, Extractor: ex})
	if err != nil {
		t.Fatal(err)
	}
	if stats.Articles != 10 || stats.Bad != 1 || stats.Extracted != 10 || stats.Journalled != 10 || !strings.Contains(stats.FirstBad, ":11:") {
		t.Fatalf("stats %+v", stats)
	}
	// A failing batch stops the push and leaves the rest journalled.
	w := &flakyWriter{failOn: "a05"}
	ps, err := Push(ctx, st, w, PushOptions{Target: "db", BatchSize: 3})
	if !errors.Is(err, graph.ErrUnavailable) || ps.Articles != 3 {
		t.Fatalf("first push: %+v %v", ps, err)
	}
	ps, err = Push(ctx, st, w, PushOptions{Target: "db", BatchSize: 3})
	if err != nil || ps.Articles != 7 || len(w.written) != 10 {
		t.Fatalf("second push: %+v %v written %v", ps, err, w.written)
	}
	// Staging again extracts nothing and journals nothing.
	stats, err = StageCorpus(ctx, st, StageOptions{Paths: []string{path}, Workers: 2, Extractor: ex})
	if err != nil || stats.Cached != 10 || stats.Journalled != 0 || ex.calls.Load() != 10 {
		t.Fatalf("restage %+v %v calls %d", stats, err, ex.calls.Load())
	}
}

// panicExtractor panics on one article id.
type panicExtractor struct {
	fakeExtractor
	id string
}

func (p *panicExtractor) Extract(ctx context.Context, a *model.Article) (*model.Extraction, error) {
	if a.ID == p.id {
		panic("rule bug on " + a.ID)
	}
	return p.fakeExtractor.Extract(ctx, a)
}

// TestStageSurvivesExtractorPanic: a panic on one article is caught,
// reported with the article's id and counted; every other article is staged
// and the run returns no error (the command turns Failed into its exit
// status). The failed article is not staged, so the next run retries it.
func TestStageSurvivesExtractorPanic(t *testing.T) {
	st, err := stage.OpenInMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ex := &panicExtractor{id: "a04"}
	var failed []string
	var mu sync.Mutex
	stats, err := StageCorpus(context.Background(), st, StageOptions{Paths: []string{corpusFile(t, 10)}, Workers: 3, Extractor: ex,
		OnFailed: func(a *model.Article, err error) {
			mu.Lock()
			defer mu.Unlock()
			if !errors.Is(err, extract.ErrPanic) {
				t.Errorf("failure %v is not an ErrPanic", err)
			}
			failed = append(failed, a.ID)
		}})
	if err != nil {
		t.Fatal(err)
	}
	if stats.Articles != 9 || stats.Failed != 1 || !strings.Contains(stats.FirstFailed, "a04") || len(failed) != 1 || failed[0] != "a04" {
		t.Fatalf("stats %+v, failed %v", stats, failed)
	}
	if _, err := st.Article("a04"); !errors.Is(err, stage.ErrNotFound) {
		t.Errorf("the failed article is staged: %v", err)
	}
	if _, err := st.Article("a05"); err != nil {
		t.Errorf("a05: %v", err)
	}
}
