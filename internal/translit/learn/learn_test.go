package learn

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/translit"
	"github.com/kg-project/kg/internal/translit/data"
)

// sharedData is the project's shared data folder (see kg build translit).
func sharedData(t *testing.T) string {
	t.Helper()
	for _, d := range []string{os.Getenv("KG_SHARED_DATA"), "../../../../shared/data", "/work/shared/data"} {
		if d == "" {
			continue
		}
		if _, err := os.Stat(filepath.Join(d, filepath.FromSlash(Files[0]))); err == nil {
			return d
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("CI=true but the shared data folder is not there (set KG_SHARED_DATA)")
	}
	t.Skip("shared data folder not found (set KG_SHARED_DATA); skipping build test")
	return ""
}

// TestEmbeddedIsFreshBuild fails when the committed names.tsv.gz is not what
// "kg build translit" writes from the shared data (rebuild and commit). It
// takes about a minute.
func TestEmbeddedIsFreshBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the build takes about a minute")
	}
	d, err := Read(sharedData(t), false)
	if err != nil {
		t.Fatal(err)
	}
	b := Build(d, Options{})
	var got bytes.Buffer
	if err := translit.WriteCompiled(&got, b.Compiled); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), data.Names) {
		t.Fatal("internal/translit/data/names.tsv.gz differs from a fresh build: run `kg build translit` and commit it")
	}
}

func TestSplitArticle(t *testing.T) {
	for _, tc := range []struct {
		stem, lat, want string
		article         bool
	}{
		{"جبير", "Al-Jubeir", "Jubeir", true},
		{"جبير", "al Jubeir", "Jubeir", true},
		{"شريف", "ash-Sharif", "Sharif", true},
		{"جبير", "Jubeir", "Jubeir", true},  // the article left out
		{"ياس", "Elias", "Elias", false},    // الياس: ال is part of the name
		{"لواتي", "Lawati", "Lawati", true}, // the stem starts with ل
	} {
		got, a := splitArticle(tc.stem, tc.lat)
		if got != tc.want || a != tc.article {
			t.Errorf("splitArticle(%q, %q) = %q, %v; want %q, %v", tc.stem, tc.lat, got, a, tc.want, tc.article)
		}
	}
}

func TestPlausible(t *testing.T) {
	for _, tc := range []struct {
		ar, lat string
		want    bool
	}{
		{"جبير", "Jubeir", true},
		{"ستانفورد", "Stanford", true},
		{"محمد", "Muhammad", true},
		{"عواض", "Mabrouk", false}, // a given name paired with a family name
		{"محمد", "Yasmina", false},
	} {
		if got := plausible(tc.ar, tc.lat); got != tc.want {
			t.Errorf("plausible(%q, %q) = %v", tc.ar, tc.lat, got)
		}
	}
}

func TestChoose(t *testing.T) {
	sp, share := choose(evidence{"mohammed": 3, "Mohammed": 1, "Muhammad": 2.5})
	if sp != "Mohammed" || share < 0.6 || share > 0.7 {
		t.Errorf("choose = %q, %.2f", sp, share)
	}
	if sp, _ := choose(evidence{"abdel aziz": 1}); sp != "Abdel Aziz" {
		t.Errorf("choose lower case = %q", sp)
	}
}

// TestTrainModel: the model learns from a handful of words to spell a new
// one.
func TestTrainModel(t *testing.T) {
	var exs []example
	for _, p := range [][2]string{
		{"سالم", "salem"}, {"سليم", "salim"}, {"مسلم", "muslim"}, {"كريم", "karim"}, {"كامل", "kamel"},
		{"سامي", "sami"}, {"كمال", "kamal"}, {"لميس", "lamis"}, {"ملك", "malik"}, {"سماك", "simak"},
	} {
		exs = append(exs, example{ar: []rune(p[0]), la: p[1], w: 1})
	}
	m := trainModel(exs, 3, 5, 0, 0)
	if got := m.Decode("سالم", 0); got != "salem" {
		t.Errorf("Decode(سالم) = %q", got)
	}
	if got := m.Decode("كامل", 0); got != "kamel" {
		t.Errorf("Decode(كامل) = %q", got)
	}
	if got := m.Decode("خ", 0); got != "" {
		t.Errorf("Decode of an unknown letter = %q, want \"\"", got)
	}
}

// TestRunTimeDoesNotBuild: the extractor does not link the builder (nor
// does package translit).
func TestRunTimeDoesNotBuild(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "../../extract", "..").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	if strings.Contains(string(out), "internal/translit/learn") {
		t.Error("the run-time packages import internal/translit/learn")
	}
}

// TestAddLabel: a label's words that its Arabic transcribes are names
// (two Arabic words may write one: دي كابريو DiCaprio); the words of a
// label that translates are Common, unless a name elsewhere.
func TestAddLabel(t *testing.T) {
	l := newLatinList()
	l.addLabel("without a trace", "دون أثر", 1)
	l.addLabel("leonardo dicaprio", "ليوناردو دي كابريو", 1)
	l.addLabel("russian empire", "الإمبراطورية الروسية", 1)
	l.addName("Trace Adkins", 2, true) // a name too
	got := map[string]translit.LatinWord{}
	for _, w := range l.words() {
		got[w.Latin] = w
	}
	for _, c := range []struct {
		latin  string
		common bool
		weight float64
	}{
		{"Without", true, 1}, {"Russian", true, 1}, {"Empire", true, 1},
		{"Leonardo", false, 1}, {"Dicaprio", false, 1},
		{"Trace", false, 3}, // the name's weight and the label's
	} {
		w, ok := got[c.latin]
		if !ok || w.Common != c.common || w.Weight != c.weight {
			t.Errorf("%s: got %+v (%v), want common %v weight %v", c.latin, w, ok, c.common, c.weight)
		}
	}
}
