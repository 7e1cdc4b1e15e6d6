package extract

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/corpus"
	"github.com/kg-project/kg/internal/extract/arabic"
	"github.com/kg-project/kg/internal/model"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// extractAll runs the pipeline over the project's example corpus.
func extractAll(t testing.TB, paths ...string) []*model.Extraction {
	t.Helper()
	p := NewPipeline()
	var out []*model.Extraction
	err := corpus.Walk(context.Background(), paths, corpus.Options{}, func(it corpus.Item) error {
		if it.Err != nil {
			t.Fatalf("bad input: %v", it.Err)
		}
		x, err := p.Extract(context.Background(), it.Article)
		if err != nil {
			return err
		}
		out = append(out, x)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func encode(xs []*model.Extraction) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	for _, x := range xs {
		enc.Encode(x)
	}
	return b.Bytes()
}

// TestGolden compares the extraction of examples/ with testdata/examples.jsonl.
// Refresh with: go test ./internal/extract -run TestGolden -update
func TestGolden(t *testing.T) {
	xs := extractAll(t, "../../examples/articles")
	for _, x := range xs { // sources are relative to the test's working directory
		x.Doc.Source = filepath.ToSlash(strings.TrimPrefix(x.Doc.Source, "../../"))
	}
	got := encode(xs)
	golden := filepath.Join("testdata", "examples.jsonl")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := range gl {
			if i >= len(wl) || gl[i] != wl[i] {
				w := ""
				if i < len(wl) {
					w = wl[i]
				}
				t.Fatalf("line %d differs from %s (run with -update if the change is intended):\n got: %s\nwant: %s", i+1, golden, gl[i], w)
			}
		}
		t.Fatalf("output differs from %s", golden)
	}
}

func TestDeterministic(t *testing.T) {
	a := encode(extractAll(t, "../../examples/articles"))
	b := encode(extractAll(t, "../../examples/articles"))
	if !bytes.Equal(a, b) {
		t.Fatal("two runs differ")
	}
}

// TestCrossLingual: the Arabic and the English summit articles name the
// same people and countries; they must get the same entity ids.
func TestCrossLingual(t *testing.T) {
	xs := extractAll(t, "../../examples/articles/ar_summit.txt", "../../examples/articles/en_summit.txt")
	ids := func(x *model.Extraction) map[string]string {
		m := map[string]string{}
		for _, e := range x.Entities {
			m[e.Name] = e.ID
		}
		return m
	}
	ar, en := ids(xs[0]), ids(xs[1])
	for _, name := range []string{"Vladimir Putin", "Russia", "Kazakhstan", "Collective Security Treaty Organization", "Kassym-Jomart Tokayev"} {
		if ar[name] == "" || ar[name] != en[name] {
			t.Errorf("%s: arabic id %q, english id %q", name, ar[name], en[name])
		}
	}
	if ar["Vladimir Putin"] != "wd:Q7747" {
		t.Errorf("Putin id %q", ar["Vladimir Putin"])
	}
}

// TestSeed checks the shared seed article when it is beside the repo.
func TestSeed(t *testing.T) {
	seed := "../../../shared/corpus/seed/000_17f18ee68b87133c.txt"
	if _, err := os.Stat(seed); err != nil {
		t.Skip("shared seed article not found")
	}
	x := extractAll(t, seed)[0]
	name := map[string]string{}
	for _, e := range x.Entities {
		name[e.ID] = e.Name
	}
	has := func(s, p, o string) bool {
		for _, r := range x.Relations {
			if name[r.Subject] == s && r.Predicate == p && name[r.Object] == o {
				return true
			}
		}
		return false
	}
	for _, want := range [][3]string{
		{"Vladimir Putin", "ADDRESSED", "Collective Security Treaty Organization"},
		{"Russia", "DEPLOYED_TROOPS_IN", "Kazakhstan"},
	} {
		if !has(want[0], want[1], want[2]) {
			t.Errorf("missing %v", want)
		}
	}
	for _, r := range x.Relations {
		if r.Evidence.Sentence == "" || r.Trigger == "" || r.Modality == "" {
			t.Errorf("relation without evidence, trigger or modality: %+v", r)
		}
		rs := []rune(string([]rune(extractText(t, seed))))
		if got := string(rs[r.Evidence.Start:r.Evidence.End]); got != r.Evidence.Sentence {
			t.Errorf("evidence offsets %d-%d give %q, not the sentence %q", r.Evidence.Start, r.Evidence.End, got, r.Evidence.Sentence)
		}
	}
}

func extractText(t testing.TB, path string) string {
	var text string
	corpus.Walk(context.Background(), []string{path}, corpus.Options{}, func(it corpus.Item) error {
		text = it.Article.Text
		return nil
	})
	return text
}

// BenchmarkPipeline measures the whole extraction (tokenising, NER,
// gazetteer, linking, relations) in bytes of article text per second.
func BenchmarkPipeline(b *testing.B) {
	var arts []*model.Article
	for _, dir := range []string{"../../../shared/corpus/news/ar", "../../examples/articles"} {
		corpus.Walk(context.Background(), []string{dir}, corpus.Options{}, func(it corpus.Item) error {
			if it.Article != nil && it.Article.Lang == "ar" {
				arts = append(arts, it.Article)
			}
			return nil
		})
	}
	p := NewPipeline()
	if _, err := p.Extract(context.Background(), arts[0]); err != nil {
		b.Fatal(err)
	}
	benchExtract(b, p, arts)
}

// benchExtract times p over arts, b.N times, in bytes of article text.
func benchExtract(b *testing.B, p *Pipeline, arts []*model.Article) {
	size := 0
	for _, a := range arts {
		size += len(a.Text)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, a := range arts {
			if _, err := p.Extract(context.Background(), a); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkPipelineNews runs the pipeline over about 4 MB of distinct real
// news articles (one day of SaudiNewsNet, read from ../shared; skipped when
// absent), so that per-word memo tables see a realistic vocabulary rather
// than the same few articles again and again.
func BenchmarkPipelineNews(b *testing.B) {
	zr, err := zip.OpenReader("../../../shared/data/corpus/saudinewsnet/2015-07-22.zip")
	if err != nil {
		b.Skip("SaudiNewsNet not available:", err)
	}
	defer zr.Close()
	var raw []struct {
		Title, Content string
	}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			b.Fatal(err)
		}
		err = json.NewDecoder(rc).Decode(&raw)
		rc.Close()
		if err != nil {
			b.Fatal(err)
		}
		break
	}
	var arts []*model.Article
	size := 0
	for i, r := range raw {
		if size >= 4<<20 {
			break
		}
		a := &model.Article{ID: fmt.Sprint("snn-", i), Lang: "ar", Title: r.Title, Text: r.Content}
		arts = append(arts, a)
		size += len(a.Text)
	}
	benchExtract(b, NewPipeline(), arts)
}

// TestNERSpanLinkedThroughClitics: a city the tagger finds behind a
// preposition the clitic analysis keeps (بمكة) is the gazetteer's city, with
// its Wikidata ID, not a new entity named "Bamka".
func TestNERSpanLinkedThroughClitics(t *testing.T) {
	text := "وصل الحجاج إلى مكة المكرمة أمس. وبمكة ازدحام شديد في الشوارع."
	x, err := NewPipeline().Extract(context.Background(), &model.Article{ID: "t", Text: text, Lang: "ar"})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range x.Entities {
		names = append(names, e.Name+"/"+e.Wikidata)
		if e.Wikidata == "Q5806" {
			for _, m := range e.Mentions {
				if m.Text != "مكة" && m.Text != "مكة المكرمة" {
					t.Errorf("Mecca mention %q", m.Text)
				}
			}
			if len(e.Mentions) != 2 {
				t.Errorf("Mecca has %d mentions, want 2", len(e.Mentions))
			}
		}
	}
	if len(x.Entities) != 1 {
		t.Errorf("entities %q, want only Mecca", names)
	}
}

func TestIsEdgeWord(t *testing.T) {
	for _, c := range []struct {
		w    string
		want bool
	}{
		{"إلى", true}, {"على", true}, {"علي", false}, {"عليّ", false}, {"هو", true}, {"الاتحاد", false}, {"بن", false}, {"التي", true},
	} {
		if got := isEdgeWord(c.w, arabic.MatchForm(c.w)); got != c.want {
			t.Errorf("isEdgeWord(%s) = %v", c.w, got)
		}
	}
}
