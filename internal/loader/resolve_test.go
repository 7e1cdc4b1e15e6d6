package loader

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/gazetteer"
	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/resolve"
	"github.com/kg-project/kg/internal/stage"
)

// namesExtractor reads an article's text as person names separated by
// "؛" and makes one entity of each, keyed as link keys names outside the
// gazetteer. The names in these tests are invented.
type namesExtractor struct{}

func (namesExtractor) Version() string { return "names-1" }
func (namesExtractor) Extract(_ context.Context, a *model.Article) (*model.Extraction, error) {
	x := &model.Extraction{Doc: model.DocInfo{ID: a.ID}}
	var keys []string
	for i, n := range strings.Split(a.Text, "؛") {
		n = strings.TrimSpace(n)
		if n == "" {
			continue
		}
		k := gazetteer.KeyFor(model.Person, n)
		if slices.Contains(keys, k) {
			continue
		}
		keys = append(keys, k)
		x.Entities = append(x.Entities, model.Entity{ID: k, Name: gazetteer.Transliterate(n), Type: model.Person,
			Aliases: []string{n}, Mentions: []model.Mention{{Text: n, Start: i * 40, End: i*40 + len([]rune(n))}}})
	}
	if len(keys) >= 2 { // the first name met the second
		x.Relations = append(x.Relations, model.Relation{Subject: keys[0], Predicate: "MET_WITH", Object: keys[1],
			Confidence: 0.8, Modality: model.Asserted, Trigger: "التقى", Evidence: model.Evidence{Sentence: a.Text, End: 80}})
	}
	return x, nil
}

func pk(name string) string { return gazetteer.KeyFor(model.Person, name) }

// lastWriter keeps the last item written for each article.
type lastWriter struct{ items map[string]graph.Item }

func (w *lastWriter) Settle(context.Context, func(int)) (int, error) { return 0, nil }

func (w *lastWriter) WriteBatch(_ context.Context, items []graph.Item) error {
	if w.items == nil {
		w.items = map[string]graph.Item{}
	}
	for _, it := range items {
		w.items[it.Article.ID] = it
	}
	return nil
}

// keysOf returns the entity keys an article was written with.
func (w *lastWriter) keysOf(id string) []string {
	var ks []string
	for _, e := range w.items[id].Extraction.Entities {
		ks = append(ks, e.ID)
	}
	return ks
}

func writeCorpus(t *testing.T, arts [][2]string) string {
	t.Helper()
	var b strings.Builder
	for _, a := range arts {
		j, _ := json.Marshal(map[string]string{"id": a[0], "text": a[1], "lang": "ar"})
		b.Write(j)
		b.WriteByte('\n')
	}
	p := filepath.Join(t.TempDir(), "c.jsonl")
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// qarniCorpus names one person three ways across articles, beside a few
// others who tell given names from family names.
var qarniCorpus = [][2]string{
	{"a1", "سامي بن فهد القرني؛ ماجد الحربي"},
	{"a2", "سامي القرني؛ فهد الكردي"},
	{"a3", "سامي القرني"},
	{"a4", "القرني؛ ماجد الحربي"},
	{"b1", "سامي العتيبي"}, {"b2", "ماجد الكردي"}, {"b3", "فهد الحربي"},
}

func stageAndPush(t *testing.T, st *stage.Store, w graph.Writer, target string, arts [][2]string) PushStats {
	t.Helper()
	ctx := context.Background()
	if _, err := st.AddTarget(target, "names-1"); err != nil {
		t.Fatal(err)
	}
	if _, err := StageCorpus(ctx, st, StageOptions{Paths: []string{writeCorpus(t, arts)}, Workers: 2, Extractor: namesExtractor{}}); err != nil {
		t.Fatal(err)
	}
	ps, err := Push(ctx, st, w, PushOptions{Target: target, BatchSize: 2, Version: "names-1"})
	if err != nil {
		t.Fatal(err)
	}
	return ps
}

// TestResolveAcrossArticles: one node for a person named three ways in
// four articles; a manual split is applied at once and survives a re-load
// with new articles; a new database gets the same.
func TestResolveAcrossArticles(t *testing.T) {
	ctx := context.Background()
	st, err := stage.OpenInMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	w := &lastWriter{}
	ps := stageAndPush(t, st, w, "db", qarniCorpus)
	if ps.Resolve == nil || ps.Resolve.Skipped || ps.Resolve.Merged != 2 || ps.Resolve.Articles != 7 || ps.Articles != 7 {
		t.Fatalf("push %+v resolve %+v", ps, ps.Resolve)
	}
	canon := w.keysOf("a3")[0]
	for _, id := range []string{"a1", "a2", "a4"} {
		if !slices.Contains(w.keysOf(id), canon) {
			t.Errorf("%s written with %v, want %s", id, w.keysOf(id), canon)
		}
	}
	if from := w.items["a4"].MergedFrom[canon]; !reflect.DeepEqual(from, []string{pk("القرني")}) {
		t.Errorf("merged from: %v", from)
	}
	m, _ := st.ResolutionMap()
	if m[pk("القرني")].Reason != resolve.ReasonPartial {
		t.Errorf("map: %+v", m)
	}

	// Nothing new: resolution is skipped, nothing is written.
	ps, err = Push(ctx, st, w, PushOptions{Target: "db", Version: "names-1"})
	if err != nil || !ps.Resolve.Skipped || ps.Articles != 0 {
		t.Fatalf("second push: %+v %v", ps, err)
	}

	// A manual split rewrites the article of the split key only.
	if _, err := st.AddSplit(pk("القرني"), "another al-Qarni"); err != nil {
		t.Fatal(err)
	}
	rs, err := Resolve(ctx, st, ResolveOptions{Version: "names-1"})
	if err != nil || rs.Changed != 1 || rs.Rejournalled != 1 {
		t.Fatalf("resolve after split: %+v %v", rs, err)
	}
	w2 := &lastWriter{}
	if ps, err = Push(ctx, st, w2, PushOptions{Target: "db", Version: "names-1"}); err != nil || ps.Articles != 1 {
		t.Fatalf("push after split: %+v %v", ps, err)
	}
	if got := w2.keysOf("a4"); !slices.Contains(got, pk("القرني")) {
		t.Errorf("a4 after the split: %v", got)
	}
	w.items["a4"] = w2.items["a4"]

	// A re-load with one more article that names the split key: the split
	// holds.
	more := append(slices.Clone(qarniCorpus), [2]string{"a5", "القرني؛ سامي القرني"})
	stageAndPush(t, st, w, "db", more)
	if got := w.keysOf("a5"); !slices.Contains(got, pk("القرني")) || !slices.Contains(got, canon) {
		t.Errorf("a5: %v", got)
	}
	if got := w.keysOf("a4"); !slices.Contains(got, pk("القرني")) {
		t.Errorf("a4 after the re-load: %v", got)
	}

	// A new database gets everything written the same way.
	fresh := &lastWriter{}
	stageAndPush(t, st, fresh, "db2", more)
	if len(fresh.items) != len(w.items) {
		t.Fatalf("db2 has %d articles, db %d", len(fresh.items), len(w.items))
	}
	for id, it := range w.items {
		if !reflect.DeepEqual(fresh.items[id].Extraction, it.Extraction) || !reflect.DeepEqual(fresh.items[id].MergedFrom, it.MergedFrom) {
			t.Errorf("%s differs in the new database:\n%+v\n%+v", id, fresh.items[id].Extraction, it.Extraction)
		}
	}
}

// TestResolveOrderIndependent: staging the same articles in another order
// gives the same resolution.
func TestResolveOrderIndependent(t *testing.T) {
	results := []string{}
	for _, arts := range [][][2]string{qarniCorpus, reversed(qarniCorpus)} {
		st, err := stage.OpenInMemory()
		if err != nil {
			t.Fatal(err)
		}
		stageAndPush(t, st, &lastWriter{}, "db", arts)
		var gs []*resolve.Group
		st.Groups(func(g *resolve.Group) error { gs = append(gs, g); return nil })
		b, _ := json.Marshal(gs)
		results = append(results, string(b))
		st.Close()
	}
	if results[0] != results[1] || results[0] == "null" {
		t.Fatalf("orders differ:\n%s\n%s", results[0], results[1])
	}
}

func reversed[T any](s []T) []T {
	out := slices.Clone(s)
	slices.Reverse(out)
	return out
}

func TestChangedKeys(t *testing.T) {
	a := resolve.Target{Key: "k1", Name: "N", Type: model.Person}
	old := map[string]resolve.Target{"x": a, "y": a, "z": a}
	b := a
	b.Name = "M"
	cur := map[string]resolve.Target{"x": a, "y": b, "w": a}
	got := ChangedKeys(old, cur)
	want := map[string]bool{"y": true, "z": true, "w": true}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v want %v", got, want)
	}
	a.Reason = "other reason, same target"
	if n := len(ChangedKeys(map[string]resolve.Target{"x": a}, map[string]resolve.Target{"x": old["x"]})); n != 0 {
		t.Errorf("a new reason alone changes nothing in the graph: %d", n)
	}
}
