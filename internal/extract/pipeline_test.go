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
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/kg-project/kg/internal/corpus"
	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/text/arabic"
	"github.com/kg-project/kg/internal/text/segment"
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

// TestGolden compares the extraction of examples/ with testdata/examples.jsonl
// and checks that the extractor version changed whenever the output did
// (testdata/examples.version). Refresh with:
// go test ./internal/extract -run TestGolden -update
func TestGolden(t *testing.T) {
	xs := extractAll(t, "../../examples/articles")
	for _, x := range xs { // sources are relative to the test's working directory
		x.Doc.Source = filepath.ToSlash(strings.TrimPrefix(x.Doc.Source, "../../"))
	}
	checkGolden(t, "examples.jsonl", encode(xs))
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
	if _, err := p.Extract(context.Background(), arts[0]); err != nil { // load the models first
		b.Fatal(err)
	}
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
	benchExtract(b, NewPipeline(), snnArticles(b, "2015-07-22.zip", 4<<20))
}

// BenchmarkLongArticle extracts one article of 256 KB, 1 MB and 2 MB made
// of real news joined into one text: time per byte (MB/s) must stay flat
// as the article grows, since the cost is linear in its length.
func BenchmarkLongArticle(b *testing.B) {
	arts := snnArticles(b, "2015-07-24.zip", 2<<20)
	var all strings.Builder
	for _, a := range arts {
		all.WriteString(a.Text)
		all.WriteString("\n")
	}
	text := all.String()
	for _, size := range []int{256 << 10, 1 << 20, 2 << 20} {
		n := min(size, len(text))
		for n < len(text) && !utf8.RuneStart(text[n]) {
			n++
		}
		b.Run(fmt.Sprintf("%dKB", size>>10), func(b *testing.B) {
			benchExtract(b, NewPipeline(), []*model.Article{{ID: "long", Lang: "ar", Text: text[:n]}})
		})
	}
}

// snnArticles reads the first articles of one SaudiNewsNet day from
// ../shared, up to maxBytes of text; it skips the test when the corpus is
// absent (it never ships with kg), unless CI=true.
func snnArticles(tb testing.TB, day string, maxBytes int) []*model.Article {
	tb.Helper()
	zr, err := zip.OpenReader("../../../shared/data/corpus/saudinewsnet/" + day)
	if err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatal("SaudiNewsNet not available:", err)
		}
		tb.Skip("SaudiNewsNet not available:", err)
	}
	defer zr.Close()
	var raw []struct {
		Title, Content string
	}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			tb.Fatal(err)
		}
		err = json.NewDecoder(rc).Decode(&raw)
		rc.Close()
		if err != nil {
			tb.Fatal(err)
		}
		break
	}
	var arts []*model.Article
	size := 0
	for i, r := range raw {
		if size >= maxBytes {
			break
		}
		a := &model.Article{ID: fmt.Sprint("snn-", i), Lang: "ar", Title: r.Title, Text: r.Content}
		arts = append(arts, a)
		size += len(a.Text)
	}
	return arts
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

// TestInvisibleCharactersKeepNames: bidi marks, embeddings, isolates and
// zero-width joiners around or inside a name (as news sites' editors leave
// them) neither split the name nor leak into entity names, and mention
// offsets still point into the original text.
func TestInvisibleCharactersKeepNames(t *testing.T) {
	for _, text := range []string{
		"وقال الرئيس الروسي فلاديمير \u200fبوتين\u200f إن روسيا مستعدة.",
		"وقال الرئيس الروسي \u202bفلاديمير بوتين\u202c إن روسيا مستعدة.",
		"وقال الرئيس الروسي فلاديمير\u200e \u200fبو\u200cتين إن روسيا مستعدة.",
		"وقال الرئيس الروسي \u2067فلاديمير بوتين\u2069 إن روسيا مستعدة.",
	} {
		x, err := NewPipeline().Extract(context.Background(), &model.Article{ID: "t", Lang: "ar", Text: text})
		if err != nil {
			t.Fatal(err)
		}
		if err := checkExtraction(text, x); err != nil {
			t.Errorf("%q: %v", text, err)
		}
		found := false
		for _, e := range x.Entities {
			if e.ID == "wd:Q7747" {
				found = true
			}
			if e.Name == "Vladimir" || e.Type == model.Location && strings.Contains(e.Name, "Vladimir") {
				t.Errorf("%q: Putin's first name read as %s %s", text, e.Type, e.Name)
			}
			for _, s := range append([]string{e.Name}, e.Aliases...) {
				for _, r := range s {
					if segment.IsInvisible(r) {
						t.Errorf("%q: entity name or alias %q keeps an invisible character", text, s)
					}
				}
			}
		}
		if !found {
			t.Errorf("%q: Vladimir Putin (wd:Q7747) not found: %+v", text, x.Entities)
		}
	}
}

// TestChunks: chunks cover the text, end where sentences begin and respect
// the limit; an over-long sentence is cut at white space.
// TestTitle: the title (headline) is read with the text. Its names and
// the relations it states are the article's, their mentions and evidence
// marked InTitle with the title's offsets; the text's offsets and sentence
// indices are those of the text alone. A name of the headline that only
// the tagger proposes stands only where the text names it too (a verb
// glued to a name in headline order is none).
func TestTitle(t *testing.T) {
	text := "وقال الرئيس الروسي فلاديمير بوتين في موسكو إن روسيا مستعدة للحوار.\nوأضاف أن الوضع مستقر."
	for _, c := range []struct {
		title     string
		inTitle   []string // entity ids with a mention in the title
		notEntity string   // a name the title must not give
		titleRel  string   // a relation stated in the title, "" for none
	}{
		{"الرئيس الروسي بوتين يزور القاهرة", []string{"wd:Q7747", "wd:Q85"}, "", "wd:Q7747 VISITED wd:Q85"},
		{"بوتين يعايد الروس في موسكو", []string{"wd:Q7747", "wd:Q649"}, "يعايد", ""},
		{"", nil, "", ""},
	} {
		a := &model.Article{ID: "t", Lang: "ar", Title: c.title, Text: text}
		x, err := NewPipeline().Extract(context.Background(), a)
		if err != nil {
			t.Fatal(err)
		}
		x.Doc.Title = c.title
		if err := checkExtraction(text, x); err != nil {
			t.Fatalf("%q: %v", c.title, err)
		}
		var got []string
		for _, e := range x.Entities {
			for _, m := range e.Mentions {
				if m.InTitle {
					got = append(got, e.ID)
					break
				}
				if m.Sentence > 1 {
					t.Errorf("%q: %s: text mention in sentence %d of 2", c.title, e.ID, m.Sentence)
				}
			}
			for _, al := range e.Aliases {
				if c.notEntity != "" && strings.Contains(al, c.notEntity) {
					t.Errorf("%q: entity %s %q from the headline's verb", c.title, e.ID, al)
				}
			}
		}
		for _, id := range c.inTitle {
			if !slices.Contains(got, id) {
				t.Errorf("%q: no title mention of %s (%v)", c.title, id, got)
			}
		}
		if c.title == "" && len(got) > 0 {
			t.Errorf("no title: mentions in the title %v", got)
		}
		found := ""
		for _, r := range x.Relations {
			if r.Evidence.InTitle {
				found = r.Subject + " " + r.Predicate + " " + r.Object
				if r.Evidence.Sentence != c.title {
					t.Errorf("%q: title evidence %q", c.title, r.Evidence.Sentence)
				}
			}
		}
		if c.titleRel != "" && found != c.titleRel {
			t.Errorf("%q: title relation %q, want %q", c.title, found, c.titleRel)
		}
	}
}

func TestChunks(t *testing.T) {
	text := []rune("جملة أولى طويلة. جملة ثانية! ثالثة؟ " + strings.Repeat("كلمة ", 40) + "نهاية.")
	for _, max := range []int{10, 20, 37, 1000} {
		cs := chunks(text, max)
		starts := map[int]bool{}
		for _, s := range segment.Sentences(string(text)) {
			starts[s.Start] = true
		}
		pos := 0
		for i, c := range cs {
			if c.start != pos || c.end <= c.start || c.end-c.start > max {
				t.Fatalf("max %d: chunk %d %+v (pos %d)", max, i, c, pos)
			}
			if i < len(cs)-1 && !starts[c.end] && !unicode.IsSpace(text[c.end-1]) {
				t.Errorf("max %d: chunk %d ends at %d, neither a sentence start nor after white space", max, i, c.end)
			}
			pos = c.end
		}
		if pos != len(text) {
			t.Fatalf("max %d: chunks end at %d of %d", max, pos, len(text))
		}
	}
}

// TestLongArticleChunked: an article longer than ChunkRunes is extracted in
// chunks whose results are merged: one entity per ID with its mentions from
// every chunk, offsets into the whole text, relations from every chunk.
func TestLongArticleChunked(t *testing.T) {
	para := "وقال الرئيس الروسي فلاديمير بوتين إن روسيا مستعدة للحوار.\nونشرت روسيا قوات في كازاخستان.\n"
	n := ChunkRunes/len([]rune(para))*3 + 1
	text := strings.Repeat(para, n)
	x, err := NewPipeline().Extract(context.Background(), &model.Article{ID: "long", Lang: "ar", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	if err := checkExtraction(text, x); err != nil {
		t.Fatal(err)
	}
	one, err := NewPipeline().Extract(context.Background(), &model.Article{ID: "one", Lang: "ar", Text: para})
	if err != nil {
		t.Fatal(err)
	}
	if len(x.Entities) != len(one.Entities) {
		t.Fatalf("%d entities in the long article, %d in one paragraph", len(x.Entities), len(one.Entities))
	}
	for i, e := range x.Entities {
		if e.ID != one.Entities[i].ID || len(e.Mentions) != n*len(one.Entities[i].Mentions) {
			t.Errorf("entity %s: %d mentions, want %d", e.ID, len(e.Mentions), n*len(one.Entities[i].Mentions))
		}
		for k := 1; k < len(e.Mentions); k++ {
			if e.Mentions[k].Start <= e.Mentions[k-1].Start || e.Mentions[k].Sentence < e.Mentions[k-1].Sentence {
				t.Fatalf("entity %s: mentions out of order at %d", e.ID, k)
			}
		}
	}
	if len(x.Relations) != n*len(one.Relations) {
		t.Errorf("%d relations, want %d", len(x.Relations), n*len(one.Relations))
	}
	if last := x.Entities[0].Mentions[len(x.Entities[0].Mentions)-1]; last.Sentence != 2*n-2 && last.Sentence != 2*n-1 {
		t.Errorf("last mention in sentence %d of %d", last.Sentence, 2*n)
	}
}

// TestGovernorateNotCity: a governorate or a state named after its main
// city (محافظة عدن، ولاية نيويورك) is its own place, without the city's
// Wikidata ID; the bare name is the city.
func TestGovernorateNotCity(t *testing.T) {
	text := "وقصفت الطائرات مواقع في محافظة عدن، ثم وصل الوفد إلى عدن.\nوفاز في ولاية نيويورك، ثم عاد إلى نيويورك."
	x, err := NewPipeline().Extract(context.Background(), &model.Article{ID: "t", Text: text, Lang: "ar"})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, e := range x.Entities {
		for _, m := range e.Mentions {
			got[m.Text] = e.Name + "/" + e.Wikidata
		}
	}
	if got["محافظة عدن"] != "Aden Governorate/" || got["عدن"] != "Aden/Q131694" {
		t.Errorf("mentions %q: want محافظة عدن Aden Governorate without a QID, عدن Aden Q131694", got)
	}
	if got["ولاية نيويورك"] != "New York State/Q1384" || got["نيويورك"] != "New York City/Q60" {
		t.Errorf("mentions %q: want ولاية نيويورك New York State Q1384, نيويورك New York City Q60", got)
	}
}
