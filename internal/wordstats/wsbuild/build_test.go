package wsbuild

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"testing"

	"github.com/kg-project/kg/internal/testshared"
	"github.com/kg-project/kg/internal/wordstats"
	"github.com/kg-project/kg/internal/wordstats/data"
)

func writeGz(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(content))
	zw.Close()
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestBuildSmall builds from a tiny data folder: counts, names by kind,
// and the same bytes whatever the number of workers.
func TestBuildSmall(t *testing.T) {
	dir := t.TempDir()
	var wiki bytes.Buffer
	for range 30 {
		wiki.WriteString(`{"id":"1","text":"قطع 20 ميلا في الطريق. وقال الرئيس فلاديمير بوتين في موسكو إن الطريق طويل. وقال وليام إن بوتين رحب وبوتين."}` + "\n")
	}
	writeGz(t, filepath.Join(dir, WikiFile), wiki.String())
	writeGz(t, filepath.Join(dir, NameUnitsFile), "arabic_key\tlatin\tlatin_lang\tcountry\trole\tcount\tsource\n"+
		"محمد\tMohammed\t\tEG\tgiven\t5\twikidata\nمحمد\tMohamed\t\tMA\tsurname\t2\twikidata\n")
	writeGz(t, filepath.Join(dir, NameTokFile), "english\tarabic\tcount\tsplit\nlocke\tلوك\t6\ttest\n")
	writeGz(t, filepath.Join(dir, TranslitFile), "arabic\tenglish\tsplit\nبلاتيني\tplatini\ttrain\n")
	writeGz(t, filepath.Join(dir, PlacesFile), "geonameid\tname\tcountry_code\tadmin1_code\tpopulation\tlatitude\tlongitude\tname_ar_script\n"+
		"1\tMila\tDZ\t48\t63251\t36.4\t6.2\tميلة\n2\tMila Doce\tUS\tTX\t6222\t26.2\t-97.9\tميلا دوسي\n")
	var outs [2][3]bytes.Buffer
	for k, workers := range []int{1, 2} {
		r, err := Build(dir, Options{Workers: workers, MinCount: 5})
		if err != nil {
			t.Fatal(err)
		}
		if err := r.Write(&outs[k][0], &outs[k][1], &outs[k][2]); err != nil {
			t.Fatal(err)
		}
		if k > 0 {
			continue
		}
		if r.Articles != 30 {
			t.Errorf("%d articles, want 30", r.Articles)
		}
		if w := r.Words["ميلا"]; w.Count != 30 || w.AfterNumber != 30 {
			t.Errorf("ميلا: %+v", w)
		}
		if w := r.Words["الطريق"]; w.Count != 60 {
			t.Errorf("الطريق: %+v", w)
		}
		if x := r.Written["وليام"]; x.Count != 30 || x.Rest != 0 {
			t.Errorf("وليام: %+v", x)
		}
		if _, ok := r.Written["وبوتين"]; ok {
			t.Error("وبوتين, written less often than بوتين, is in the written table")
		}
		if x := r.Written["وقال"]; x.Count != 60 {
			t.Errorf("وقال: %+v", x)
		}
		if n := r.Names["محمد"]; n.Given != 5 || n.Family != 2 {
			t.Errorf("محمد: %+v", n)
		}
		if n := r.Names["ميله"]; n.Place != 1 {
			t.Errorf("ميلة: %+v", n)
		}
		if _, ok := r.Names["دوسي"]; ok {
			t.Error("a word of a two-word place name was kept")
		}
		if r.Names["لوك"].Person != 6 || r.Names["بلاتيني"].Person != 1 {
			t.Errorf("name tokens: %+v %+v", r.Names["لوك"], r.Names["بلاتيني"])
		}
	}
	for f := range 3 {
		if !bytes.Equal(outs[0][f].Bytes(), outs[1][f].Bytes()) {
			t.Errorf("file %d differs between 1 and 2 workers", f)
		}
	}
	if _, err := wordstats.Read(bytes.NewReader(outs[0][0].Bytes()), bytes.NewReader(outs[0][1].Bytes()), bytes.NewReader(outs[0][2].Bytes())); err != nil {
		t.Fatal(err)
	}
}

// TestEmbeddedIsFreshBuild fails when the committed tables are not what
// "kg build wordstats" writes from the shared data and the embedded NER
// model (rebuild and commit). It tags 8M words: about a minute and a half
// of two cores, so -short skips it.
func TestEmbeddedIsFreshBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("tags 8M words; run without -short")
	}
	dir := filepath.Join(testshared.Dir(t), "data")
	if _, err := os.Stat(filepath.Join(dir, WikiFile)); err != nil {
		t.Skipf("no %s: %v", WikiFile, err)
	}
	r, err := Build(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var w, n, x bytes.Buffer
	if err := r.Write(&w, &n, &x); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(w.Bytes(), data.Words) {
		t.Error("internal/wordstats/data/words.tsv.gz differs from a fresh build: run `kg build wordstats` and commit it")
	}
	if !bytes.Equal(n.Bytes(), data.Names) {
		t.Error("internal/wordstats/data/names.tsv.gz differs from a fresh build: run `kg build wordstats` and commit it")
	}
	if !bytes.Equal(x.Bytes(), data.Written) {
		t.Error("internal/wordstats/data/written.tsv.gz differs from a fresh build: run `kg build wordstats` and commit it")
	}
}
