package export

import (
	"context"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/model"
)

type fakeItems []graph.Item

func (f fakeItems) Articles(ctx context.Context, fn func(graph.Item) error) (int, error) {
	for _, it := range f {
		it.Extraction = nil
		if err := fn(it); err != nil {
			return 0, err
		}
	}
	return 0, nil
}

func (f fakeItems) Each(ctx context.Context, fn func(graph.Item) error) (int, error) {
	for _, it := range f {
		if err := fn(it); err != nil {
			return 0, err
		}
	}
	return 1, nil
}

func adminItems() fakeItems {
	ent := func(id, typ, name string, texts ...string) model.Entity {
		e := model.Entity{ID: id, Type: typ, Name: name}
		for i, t := range texts {
			e.Mentions = append(e.Mentions, model.Mention{Text: t, Start: 10 * (i + 1)})
		}
		return e
	}
	rel := func(s, p, o string, start int, mod string, conf float64) model.Relation {
		r := model.Relation{Subject: s, Predicate: p, Object: o, Modality: mod, Confidence: conf}
		r.Evidence.Start, r.Evidence.End, r.Evidence.Sentence = start, start+5, "He said, \"yes\"\nthen left."
		return r
	}
	return fakeItems{
		{Article: model.Article{ID: "a1", Title: " lead, \"quoted\" ", Published: "2015-07-21", Lang: "ar", Props: map[string]string{"author": "=x", "id": "reserved"}},
			ContentHash: "h1", Extractor: "v1",
			Extraction: &model.Extraction{
				Entities:  []model.Entity{ent("k1", model.Person, "Putin", "Putin", "بوتين"), ent("k2", model.Location, "Russia", "Russia")},
				Relations: []model.Relation{rel("k1", "LEADER_OF", "k2", 7, "reported", 0.5), rel("k1", "LEADER_OF", "k2", 3, "asserted", 0.25)},
			}},
		{Article: model.Article{ID: "a2", Title: ""}, ContentHash: "h2", Extractor: "v1",
			MergedFrom: map[string][]string{"k1": {"k9"}},
			Extraction: &model.Extraction{
				Entities:  []model.Entity{ent("k1", model.Person, "Vladimir Putin", "Vladimir Putin"), ent("k2", model.Location, "Russia", "Russia")},
				Relations: []model.Relation{rel("k1", "LEADER_OF", "k2", 1, "asserted", 0.75)},
			}},
	}
}

func readAdmin(t *testing.T, dir, name string) [][]string {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.LazyQuotes = false
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s is not valid CSV: %v", name, err)
	}
	return rows
}

func TestNeo4jAdmin(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	st, err := Neo4jAdmin(context.Background(), adminItems(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 2 || st.Entities != 2 || st.Relations != 1 || st.Evidence != 3 || st.Mentions != 4 || st.Skipped != 1 || !st.Multiline {
		t.Fatalf("stats %+v", st)
	}
	arts := readAdmin(t, dir, "articles.csv")
	// a field named like one of the node's own properties is record_<name> (graph.ArticleProps)
	if strings.Join(arts[0], ",") != "id:ID(Article),:LABEL,title,url,published,lang,source,content_hash,extractor,author,record_id" {
		t.Fatalf("articles header %v", arts[0])
	}
	if arts[1][2] != ` lead, "quoted" ` || arts[1][9] != "=x" {
		t.Fatalf("article row %q", arts[1])
	}
	raw, _ := os.ReadFile(filepath.Join(dir, "articles.csv"))
	// a2: empty title is "" (an empty string), no published is nothing (null)
	if !strings.Contains(string(raw), `"a2",Article,"","",,"",`) {
		t.Fatalf("articles.csv:\n%s", raw)
	}
	ents := readAdmin(t, dir, "entities.csv")
	k1 := ents[1]
	d := string(AdminArrayDelimiter)
	want := []string{"k1", "Entity" + d + "Person", "Vladimir Putin", "", "3", "2",
		"Putin" + d + "Vladimir Putin" + d + "بوتين", "1" + d + "1" + d + "1", "Putin | Vladimir Putin | بوتين", "بوتين", "k9"}
	if strings.Join(k1, "|") != strings.Join(want, "|") {
		t.Fatalf("entity k1\n got %q\nwant %q", k1, want)
	}
	if ents[2][9] != "" { // Russia: no Arabic alias, an empty list (restored after the import)
		t.Fatalf("entity k2 names_ar %q", ents[2][9])
	}
	rels := readAdmin(t, dir, "relations.csv")
	// evidence folded in (article, start) order: a1@3 asserted, a1@7 reported, a2@1 asserted
	want = []string{"k1", "k2", "LEADER_OF", "3", "a1" + d + "a2", "2015-07-21", "2015-07-21", "0.75", "asserted" + d + "reported", "2", ""}
	if strings.Join(rels[1], "|") != strings.Join(want, "|") {
		t.Fatalf("relation\n got %q\nwant %q", rels[1], want)
	}
	ev := readAdmin(t, dir, "evidence.csv")
	if ev[1][6] != "He said, \"yes\"\nthen left." || ev[1][11] != "0.5" && ev[1][11] != "0.25" {
		t.Fatalf("evidence %q", ev[1])
	}
	// k1 and k2 share both articles: one co-mention record, and the marker
	if cm := readAdmin(t, dir, "comentions.csv"); len(cm) != 2 || strings.Join(cm[1][1:], "|") != "CoMention|k1|k2|2" || st.CoMentions != 1 {
		t.Fatalf("comentions.csv %q (stats %d)", cm, st.CoMentions)
	}
	if meta := readAdmin(t, dir, "meta.csv"); len(meta) != 2 || strings.Join(meta[1][1:], "|") != "KgMeta|co_mentions|2" {
		t.Fatalf("meta.csv %q", meta)
	}
	args, _ := os.ReadFile(filepath.Join(dir, AdminArgsFile))
	for _, w := range []string{"--array-delimiter=U+001F\n", "--multiline-fields=true\n", `"--relationships=` + dir + `/relations.csv"`, `"--nodes=` + dir + `/comentions.csv"`} {
		if !strings.Contains(string(args), w) {
			t.Errorf("args file lacks %q:\n%s", w, args)
		}
	}
}

func TestNeo4jAdminRefusesUnsafe(t *testing.T) {
	items := adminItems()
	items[1].Extraction.Entities[1].Mentions[0].Text = "Rus" + string(AdminArrayDelimiter) + "sia"
	dir := filepath.Join(t.TempDir(), "out")
	if _, err := Neo4jAdmin(context.Background(), items, dir); !errors.Is(err, ErrUnsafeValue) {
		t.Fatalf("err = %v", err)
	}
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("a failed export left %s: %v", dir, err)
	}
}

func TestArabicLine(t *testing.T) {
	for s, want := range map[string]bool{"بوتين": true, "Putin": false, "x بوتين": true, "بوتين\nx": false, "": false} {
		if arabicLine(s) != want {
			t.Errorf("arabicLine(%q) = %v", s, !want)
		}
	}
}

// TestNeo4jAdminExtractors: the LLM back end's extractor is on the
// evidence rows, and the edge lists the distinct values in the order the
// writer folds evidence (article id, then offset), as Settle does.
func TestNeo4jAdminExtractors(t *testing.T) {
	items := adminItems()
	x1, x2 := *items[0].Extraction, *items[1].Extraction
	x1.Relations = append([]model.Relation(nil), x1.Relations...)
	x1.Relations[0].Extractor, x1.Relations[1].Extractor = "llm", "builtin+llm" // offsets 7 and 3
	x2.Relations = append([]model.Relation(nil), x2.Relations...)
	x2.Relations[0].Extractor = "llm"
	items[0].Extraction, items[1].Extraction = &x1, &x2
	dir := filepath.Join(t.TempDir(), "out")
	if _, err := Neo4jAdmin(context.Background(), items, dir); err != nil {
		t.Fatal(err)
	}
	ev := readAdmin(t, dir, "evidence.csv")
	if h := ev[0][len(ev[0])-1]; h != "extractor" {
		t.Fatalf("evidence header ends with %q", h)
	}
	got := map[string]bool{}
	for _, r := range ev[1:] {
		got[r[len(r)-1]] = true
	}
	if !got["llm"] || !got["builtin+llm"] {
		t.Errorf("evidence extractors %v", got)
	}
	rels := readAdmin(t, dir, "relations.csv")
	d := string(AdminArrayDelimiter)
	if h, v := rels[0][len(rels[0])-1], rels[1][len(rels[1])-1]; h != "extractors:string[]" || v != "builtin+llm"+d+"llm" {
		t.Errorf("relations: %s = %q", h, v)
	}
}

// TestNeo4jAdminTooManyPairs: past MaxPairs pairs of entities the export
// writes no co-mention records and no marker (kg finish-import counts them).
func TestNeo4jAdminTooManyPairs(t *testing.T) {
	old := MaxPairs
	MaxPairs = 0
	defer func() { MaxPairs = old }()
	dir := filepath.Join(t.TempDir(), "out")
	st, err := Neo4jAdmin(context.Background(), adminItems(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if !st.CoMentionsLeft || st.CoMentions != 0 {
		t.Fatalf("stats %+v", st)
	}
	for _, f := range []string{"comentions.csv", "meta.csv"} {
		if rows := readAdmin(t, dir, f); len(rows) != 1 {
			t.Fatalf("%s: %q, want the header alone", f, rows)
		}
	}
}

// TestCmpUTF16: pairs of co-mention keys are ordered as Neo4j compares
// strings (Java's UTF-16 code units), which differs from Go's byte order
// only between a character beyond U+FFFF and one from U+E000 to U+FFFF.
func TestCmpUTF16(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"location:a", "location:b", -1},
		{"person:بوتين", "location:روسيا", 1},
		{"wd:Q1", "wd:Q1", 0},
		{"wd:Q1", "wd:Q10", -1},
		{"x\U0001F600", "x\uFF01", -1}, // a surrogate (D83D) comes before FF01; in bytes F0 > EF
		{"x\U0001F600", "x\U0001F601", -1},
		{"x\uE000", "x\U00010000", 1},
	} {
		if got := cmpUTF16(tc.a, tc.b); got != tc.want {
			t.Errorf("cmpUTF16(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
		if got := cmpUTF16(tc.b, tc.a); got != -tc.want {
			t.Errorf("cmpUTF16(%q, %q) = %d, want %d", tc.b, tc.a, got, -tc.want)
		}
	}
}
