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
	"time"

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
	settled int // Settle calls
}

func (w *flakyWriter) Settle(context.Context, func(int)) (int, error) { w.settled++; return 0, nil }

func (w *flakyWriter) WriteBatch(_ context.Context, items []graph.Item) error {
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
	if w.settled != 0 {
		t.Fatalf("a failed push settled")
	}
	ps, err = Push(ctx, st, w, PushOptions{Target: "db", BatchSize: 3})
	if err != nil || ps.Articles != 7 || len(w.written) != 10 || w.settled != 1 {
		t.Fatalf("second push: %+v %v written %v settled %d", ps, err, w.written, w.settled)
	}
	// With nothing left to write, a push still settles what an earlier,
	// stopped push left marked.
	ps, err = Push(ctx, st, w, PushOptions{Target: "db", BatchSize: 3})
	if err != nil || ps.Articles != 0 || w.settled != 2 {
		t.Fatalf("third push: %+v %v settled %d", ps, err, w.settled)
	}
	// Staging again extracts nothing and journals nothing.
	stats, err = StageCorpus(ctx, st, StageOptions{Paths: []string{path}, Workers: 2, Extractor: ex})
	if err != nil || stats.Cached != 10 || stats.Journalled != 0 || ex.calls.Load() != 10 {
		t.Fatalf("restage %+v %v calls %d", stats, err, ex.calls.Load())
	}
}

// slowFirst extracts like fakeExtractor, but slowly for texts starting
// with "slow", so that with a pool of workers an earlier article finishes
// after a later one.
type slowFirst struct{ fakeExtractor }

func (f *slowFirst) Extract(ctx context.Context, a *model.Article) (*model.Extraction, error) {
	if strings.HasPrefix(a.Text, "slow") {
		time.Sleep(150 * time.Millisecond)
	}
	return f.fakeExtractor.Extract(ctx, a)
}

// TestDuplicateIDs: the last article in input order with an id wins,
// whatever worker finishes first; each replaced one is reported with both
// sources; re-running the same input journals nothing.
func TestDuplicateIDs(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.jsonl")
	b := filepath.Join(dir, "b.jsonl")
	os.WriteFile(a, []byte(`{"id":"d1","text":"slow first version"}
{"id":"u1","text":"unique"}
{"id":"d1","text":"slow second version"}
{"id":"d2","text":"same"}
`), 0o644)
	os.WriteFile(b, []byte(`{"id":"d2","text":"same"}
{"id":"d1","text":"third version"}
`), 0o644)
	st, err := stage.OpenInMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	if _, err := st.AddTarget("db", "fake-1"); err != nil {
		t.Fatal(err)
	}
	ex := &slowFirst{}
	var dups []string
	o := StageOptions{Paths: []string{dir}, Workers: 4, Extractor: ex, OnDuplicate: func(d Duplicate) {
		dups = append(dups, fmt.Sprintf("%s %s>%s %v", d.ID, filepath.Base(d.Replaced), filepath.Base(d.By), d.SameContent))
	}}
	stats, err := StageCorpus(ctx, st, o)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Articles != 3 || stats.Duplicates != 3 || stats.Extracted != 3 || stats.Journalled != 3 {
		t.Errorf("stats %+v", stats)
	}
	if got := strings.Join(dups, "; "); got != "d1 a.jsonl:1>a.jsonl:3 false; d2 a.jsonl:4>b.jsonl:1 true; d1 a.jsonl:3>b.jsonl:2 false" {
		t.Errorf("duplicates reported: %s", got)
	}
	rec, err := st.Article("d1")
	if err != nil || rec.Article.Text != "third version" {
		t.Fatalf("d1 staged as %+v, %v; want the last occurrence", rec, err)
	}
	if _, err := Push(ctx, st, &flakyWriter{}, PushOptions{Target: "db"}); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 2; i++ {
		stats, err = StageCorpus(ctx, st, o)
		if err != nil || stats.Journalled != 0 || stats.Extracted != 0 {
			t.Fatalf("re-run %d: %+v %v (a re-run must journal nothing)", i, stats, err)
		}
	}
	s, _ := st.Status()
	if s.Articles != 3 || s.Targets[0].Loaded != 3 || s.Targets[0].Pending != 0 {
		t.Errorf("status %+v", s)
	}
}

// fakeGraph answers ArticleStates from a map and records the page sizes.
type fakeGraph struct {
	states map[string]graph.ArticleState
	pages  []int
}

func (f *fakeGraph) ArticleStates(_ context.Context, ids []string) (map[string]graph.ArticleState, error) {
	f.pages = append(f.pages, len(ids))
	out := map[string]graph.ArticleState{}
	for _, id := range ids {
		if s, ok := f.states[id]; ok {
			out[id] = s
		}
	}
	return out, nil
}

// TestVerifyGraph pages through the done markers and re-journals exactly
// the articles the graph lacks or holds differently.
func TestVerifyGraph(t *testing.T) {
	st, err := stage.OpenInMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	st.AddTarget("db", "fake-1")
	path := corpusFile(t, 25)
	if _, err := StageCorpus(ctx, st, StageOptions{Paths: []string{path}, Workers: 2, Extractor: &fakeExtractor{}}); err != nil {
		t.Fatal(err)
	}
	w := &flakyWriter{}
	if _, err := Push(ctx, st, w, PushOptions{Target: "db", BatchSize: 7}); err != nil {
		t.Fatal(err)
	}
	// The graph as written, then edited: a03 deleted, a07 rewritten, a11
	// lost a mention.
	g := &fakeGraph{states: map[string]graph.ArticleState{}}
	for i := 0; i < 25; i++ {
		id := fmt.Sprintf("a%02d", i)
		rec, _ := st.Article(id)
		g.states[id] = graph.ArticleState{ContentHash: rec.Hash, Extractor: "fake-1", Mentions: 1}
	}
	delete(g.states, "a03")
	g.states["a07"] = graph.ArticleState{ContentHash: "edited", Extractor: "fake-1", Mentions: 1}
	g.states["a11"] = graph.ArticleState{ContentHash: g.states["a11"].ContentHash, Extractor: "fake-1"}

	vs, err := VerifyGraph(ctx, st, g, VerifyOptions{Target: "db", BatchSize: 4})
	if err != nil || vs.Checked != 25 || vs.Missing != 1 || vs.Different != 2 || vs.Rejournalled != 0 {
		t.Fatalf("read-only verify: %+v %v", vs, err)
	}
	if fmt.Sprint(g.pages) != "[4 4 4 4 4 4 1]" {
		t.Errorf("pages %v", g.pages)
	}
	if p, _ := st.PendingBatch("db", 10); len(p) != 0 {
		t.Fatalf("read-only verify journalled %v", p)
	}
	vs, err = VerifyGraph(ctx, st, g, VerifyOptions{Target: "db", BatchSize: 4, Repair: true})
	if err != nil || vs.Rejournalled != 3 || strings.Join(vs.Examples, ",") != "a03,a07,a11" {
		t.Fatalf("verify: %+v %v", vs, err)
	}
	w.written = nil
	if ps, err := Push(ctx, st, w, PushOptions{Target: "db"}); err != nil || ps.Articles != 3 || strings.Join(w.written, ",") != "a03,a07,a11" {
		t.Fatalf("push after verify: %+v %v %v", ps, err, w.written)
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

// budgetExtractor extracts n articles, then returns ErrBudgetSpent.
type budgetExtractor struct {
	fakeExtractor
	mu   sync.Mutex
	left int
}

func (b *budgetExtractor) Extract(ctx context.Context, a *model.Article) (*model.Extraction, error) {
	b.mu.Lock()
	if b.left == 0 {
		b.mu.Unlock()
		return nil, fmt.Errorf("llm: %w", extract.ErrBudgetSpent)
	}
	b.left--
	b.mu.Unlock()
	return b.fakeExtractor.Extract(ctx, a)
}

// TestStageStopsCleanlyOnBudget: once the budget is spent, the articles
// left are counted as deferred (not failed), reported, not staged, and the
// next run stages them without extracting again those already staged.
func TestStageStopsCleanlyOnBudget(t *testing.T) {
	st, err := stage.OpenInMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	path := corpusFile(t, 10)
	var deferred []string
	var mu sync.Mutex
	o := StageOptions{Paths: []string{path}, Workers: 2, Extractor: &budgetExtractor{left: 4},
		OnDeferred: func(a *model.Article) { mu.Lock(); deferred = append(deferred, a.ID); mu.Unlock() },
		OnFailed:   func(a *model.Article, err error) { t.Errorf("%s failed: %v", a.ID, err) }}
	stats, err := StageCorpus(context.Background(), st, o)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Articles != 4 || stats.Deferred != 6 || stats.Failed != 0 || len(deferred) != 6 || stats.FirstDeferred == "" {
		t.Fatalf("stats %+v, deferred %v", stats, deferred)
	}
	for _, id := range deferred {
		if _, err := st.Article(id); !errors.Is(err, stage.ErrNotFound) {
			t.Errorf("deferred article %s is staged: %v", id, err)
		}
	}
	// the next run, with a new budget, goes on: nothing lost, nothing twice
	o.Extractor = &budgetExtractor{left: 6}
	stats, err = StageCorpus(context.Background(), st, o)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Articles != 10 || stats.Cached != 4 || stats.Extracted != 6 || stats.Deferred != 0 {
		t.Fatalf("second run: %+v", stats)
	}
}
