package reltrain

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/testshared"
)

// overlapRun is the length of a run of words a training item may not share
// with an article of the measuring sets.
const overlapRun = 8

// formulae are the titles that news writes the same way everywhere: a run
// inside one of them is no sign of a copied sentence.
var formulae = []string{
	"خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز",
	"صاحب السمو الملكي الأمير محمد بن سلمان بن عبدالعزيز",
	"ولي ولي العهد النائب الثاني لرئيس مجلس الوزراء وزير الدفاع",
	"الشيخ عبدالله بن زايد آل نهيان وزير الخارجية",
}

var wordRE = regexp.MustCompile(`[\p{L}\p{N}]+`)

func words(s string) []string { return wordRE.FindAllString(strings.ToLower(s), -1) }

// TestNoMeasuringText checks that no training item shares a run of
// overlapRun words with the seed article or a dev article tests may read
// (testshared.GoldSets): the training set is the project's own writing,
// and the measuring sets are never trained on, not even through a
// retelling of one of their sentences. (Held-out dev_ar_16 … 30 were
// checked the same way by hand when the test was written, 2026-12-06.)
func TestNoMeasuringText(t *testing.T) {
	runs := map[string]string{} // a run of words -> the article it is in
	for _, set := range testshared.GoldSets(t) {
		txts, err := filepath.Glob(filepath.Join(set.Dir, "*.txt"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range txts {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			w := words(string(b))
			for i := 0; i+overlapRun <= len(w); i++ {
				runs[strings.Join(w[i:i+overlapRun], " ")] = filepath.Base(f)
			}
		}
	}
	var formulaWords []string
	for _, f := range formulae {
		formulaWords = append(formulaWords, strings.Join(words(f), " "))
	}
	items, err := Load("data")
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		w := words(it.Text)
		for i := 0; i+overlapRun <= len(w); i++ {
			run := strings.Join(w[i:i+overlapRun], " ")
			art, ok := runs[run]
			if !ok || inFormula(run, formulaWords) {
				continue
			}
			t.Errorf("%s shares %q with %s", it.ID, run, art)
			break
		}
	}
}

func inFormula(run string, formulae []string) bool {
	for _, f := range formulae {
		if strings.Contains(f, run) {
			return true
		}
	}
	return false
}
