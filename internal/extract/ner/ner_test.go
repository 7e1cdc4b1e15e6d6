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

	"github.com/kg-project/kg/internal/sources"

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
	sents, err := sources.ReadCoNLL(f)
	f.Close()
	if err != nil {
		b.Fatal(err)
	}
	_, dev := sources.SplitDev(sents, 0.1)
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
