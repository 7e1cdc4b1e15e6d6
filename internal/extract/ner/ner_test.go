package ner

import (
	"bytes"
	"fmt"
	"os"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	nermodel "github.com/kg-project/kg/internal/extract/ner/model"
	"github.com/kg-project/kg/internal/text/segment"
)

func mustDefault(t testing.TB) *Tagger {
	t.Helper()
	tg, err := Default()
	if err != nil {
		t.Fatalf("Default: %v", err)
	}
	return tg
}

// entities tags an Arabic sentence and returns "TYPE:text" for each entity.
func entities(tg *Tagger, text string) []string {
	toks := segment.Tokenize(text)
	words := make([]string, len(toks))
	for i, tk := range toks {
		words[i] = tk.Text
	}
	var out []string
	for _, sp := range Spans(tg.Tag(words)) {
		out = append(out, sp.Type+":"+strings.Join(words[sp.Start:sp.End], " "))
	}
	return out
}

func TestGolden(t *testing.T) {
	tg := mustDefault(t)
	cases := []struct {
		text string
		want []string
	}{
		{"وقال الرئيس الروسي فلاديمير بوتين إن روسيا لن تتراجع.",
			[]string{"PERS:فلاديمير بوتين", "LOC:روسيا"}},
		{"واتصل وزير الخارجية الأمريكي جون كيري بنظيره سيرغي لافروف.",
			[]string{"PERS:جون كيري", "PERS:سيرغي لافروف"}},
		{"وأرسلت منظمة معاهدة الأمن الجماعي قوات إلى كازاخستان.",
			[]string{"ORG:منظمة معاهدة الأمن الجماعي", "LOC:كازاخستان"}},
		{"وبوتين يزور القاهرة غدا.", []string{"PERS:وبوتين", "LOC:القاهرة"}},
		{"وقدمت الصين مساعدات لروسيا وإيران.", []string{"LOC:الصين", "LOC:لروسيا", "LOC:وإيران"}},
		{"ونشرت صحيفة نيويورك تايمز تقريرا عن شركة مايكروسوفت.",
			[]string{"ORG:نيويورك تايمز", "ORG:مايكروسوفت"}},
		{"وأعلنت الحكومة العراقية في بغداد أن مجلس الأمن سيجتمع.",
			[]string{"LOC:بغداد", "ORG:مجلس الأمن"}},
		{"وأكد الشيخ محمد بن راشد آل مكتوم أن دبي ستستضيف المعرض.",
			[]string{"PERS:محمد بن راشد آل مكتوم", "LOC:دبي"}},
	}
	for _, c := range cases {
		if got := entities(tg, c.text); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s\n got  %q\n want %q", c.text, got, c.want)
		}
	}
}

func TestTagShapeAndIOB2(t *testing.T) {
	tg := mustDefault(t)
	if got := tg.Tag(nil); len(got) != 0 {
		t.Fatalf("Tag(nil) = %q", got)
	}
	inputs := [][]string{
		{"."},
		{"الرئيس"},
		strings.Fields("قال الأمين العام للأمم المتحدة ، إن حلف شمال الأطلسي و Google و 2023 ( X ) !"),
		strings.Fields("I-PERS B-LOC ؟ ؟ ؟ ـــ \u200f"),
	}
	for _, in := range inputs {
		tags := tg.Tag(in)
		if len(tags) != len(in) {
			t.Fatalf("Tag(%q) returned %d tags", in, len(tags))
		}
		prev := 0
		for i, tag := range tags {
			k := tagIndex(tag)
			if tagNames[k] != tag {
				t.Fatalf("unknown tag %q", tag)
			}
			if !allowed(prev, k) || (i == 0 && !allowed(-1, k)) {
				t.Fatalf("IOB2 violation in %q: %q", in, tags)
			}
			prev = k
		}
	}
}

func TestDeterministicAndConcurrent(t *testing.T) {
	tg := mustDefault(t)
	sent := strings.Fields("وقال وزير الخارجية السعودي الأمير سعود الفيصل في الرياض إن المملكة تدعم الأمم المتحدة .")
	want := tg.Tag(sent)
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 20; k++ {
				if got := tg.Tag(sent); !reflect.DeepEqual(got, want) {
					errs <- fmt.Sprintf("%q != %q", got, want)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Fatal(e)
	}
	// a freshly loaded tagger gives the same tags
	tg2, err := Load(bytes.NewReader(nermodel.Data))
	if err != nil {
		t.Fatal(err)
	}
	if got := tg2.Tag(sent); !reflect.DeepEqual(got, want) {
		t.Fatalf("reloaded model tags %q, want %q", got, want)
	}
}

func TestSpans(t *testing.T) {
	cases := []struct {
		tags []string
		want []Span
	}{
		{[]string{"O", "B-PERS", "I-PERS", "O", "B-LOC"}, []Span{{1, 3, "PERS"}, {4, 5, "LOC"}}},
		{[]string{"B-ORG", "I-ORG", "B-ORG"}, []Span{{0, 2, "ORG"}, {2, 3, "ORG"}}},
		{[]string{"I-LOC", "I-LOC", "I-PER"}, []Span{{0, 2, "LOC"}, {2, 3, "PERS"}}}, // IOB1 / stray I-
		{[]string{"B-MISC", "I-ORG"}, []Span{{0, 1, "MISC"}, {1, 2, "ORG"}}},
		{[]string{"O", "O"}, nil},
		{nil, nil},
	}
	for _, c := range cases {
		if got := Spans(c.tags); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Spans(%q) = %v, want %v", c.tags, got, c.want)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	if _, err := Load(strings.NewReader("not a model")); err == nil {
		t.Fatal("Load accepted garbage")
	}
	if _, err := Load(bytes.NewReader(nil)); err == nil {
		t.Fatal("Load accepted empty input")
	}
}

func TestModelLoadTime(t *testing.T) {
	t0 := time.Now()
	m, err := ReadModel(bytes.NewReader(nermodel.Data))
	if err != nil {
		t.Fatal(err)
	}
	d := time.Since(t0)
	t.Logf("model: %.1f MB, %d features, loaded in %s", float64(len(nermodel.Data))/1e6, m.NumFeatures(), d)
	if len(nermodel.Data) > 30<<20 {
		t.Errorf("model file is %d bytes, budget 30 MB", len(nermodel.Data))
	}
}

// tinyData is a hand-made training set for the tiny training test.
var tinyData = `وقال O
الرئيس O
بوتين B-PERS
إن O
روسيا B-LOC
مستعدة O
. O

وزار O
بوتين B-PERS
القاهرة B-LOC
. O

وأعلنت O
منظمة B-ORG
الصحة I-ORG
العالمية I-ORG
أن O
مصر B-LOC
بخير O
. O

والتقى O
الرئيس O
أردوغان B-PERS
بالرئيس O
بوتين B-PERS
في O
موسكو B-LOC
. O
`

func TestTrainTiny(t *testing.T) {
	sents, err := ReadCoNLL(strings.NewReader(tinyData))
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 4 {
		t.Fatalf("read %d sentences", len(sents))
	}
	lists := map[string][]string{listCountry: cleanList([]string{"روسيا", "مصر"}), listTitle: cleanList([]string{"الرئيس"})}
	opts := TrainOptions{Train: sents, DevFraction: -1, Epochs: 5, Lists: lists, MinCount: 1, Folds: -1}
	m1, rep, err := Train(opts)
	if err != nil {
		t.Fatal(err)
	}
	if rep.TrainSentences != 4 || rep.DevSentences != 0 {
		t.Fatalf("report %+v", rep)
	}
	var b1, b2 bytes.Buffer
	if _, err := m1.WriteTo(&b1); err != nil {
		t.Fatal(err)
	}
	m2, _, err := Train(opts)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := m2.WriteTo(&b2); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b1.Bytes(), b2.Bytes()) {
		t.Fatal("training twice gave different model bytes")
	}
	tg, err := Load(bytes.NewReader(b1.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	// the training data is learnt
	sc := Evaluate(tg, sents)
	if sc.Overall.F1 < 0.99 {
		t.Fatalf("tiny model F1 on its training data = %.3f", sc.Overall.F1)
	}
}

func TestReadCoNLL(t *testing.T) {
	in := "a B-PER\nb\tI-PER\n\n\nc x O\n"
	s, err := ReadCoNLL(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Sentence{{Tokens: []string{"a", "b"}, Tags: []string{"B-PER", "I-PER"}}, {Tokens: []string{"c"}, Tags: []string{"O"}}}
	if !reflect.DeepEqual(s, want) {
		t.Fatalf("got %+v", s)
	}
}

var benchText = strings.Repeat(`وقال الرئيس الروسي فلاديمير بوتين في مؤتمر صحفي عقده في موسكو إن روسيا ستسحب قواتها
من كازاخستان بعد انتهاء مهمة منظمة معاهدة الأمن الجماعي، مشيرا إلى أن الوضع في ألماتي أكبر مدن البلاد
قد استقر. وأضاف أن وزير الخارجية سيرغي لافروف سيلتقي نظيره الأمريكي أنتوني بلينكن في جنيف الأسبوع المقبل.
`, 20)

func BenchmarkTagger(b *testing.B) {
	tg := mustDefault(b)
	ntok := 0
	b.ResetTimer()
	for b.Loop() {
		toks := segment.Tokenize(benchText)
		_, sents := segment.SentenceWords(toks)
		tg.TagDocument(sents)
		ntok += len(toks)
	}
	b.ReportMetric(float64(ntok)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(bytes.NewReader(nermodel.Data)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTaggerCold tags the held-out end of ANERcorp (read from
// ../shared; skipped when absent) with a fresh tagger each time, so that no
// word is memoised yet: the speed on text the tagger has not seen.
func BenchmarkTaggerCold(b *testing.B) {
	f, err := os.Open("../../../../shared/data/ner/anercorp/train.txt")
	if err != nil {
		b.Skip("ANERcorp not available:", err)
	}
	sents, err := ReadCoNLL(f)
	f.Close()
	if err != nil {
		b.Fatal(err)
	}
	_, dev := SplitDev(sents, 0.1)
	toks := make([][]string, len(dev))
	ntok := 0
	for i, s := range dev {
		toks[i] = s.Tokens
		ntok += len(s.Tokens)
	}
	m := mustDefault(b).Model()
	b.ResetTimer()
	for b.Loop() {
		NewTagger(m).TagDocument(toks)
	}
	b.ReportMetric(float64(ntok*b.N)/b.Elapsed().Seconds(), "tokens/s")
}
