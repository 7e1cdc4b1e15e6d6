package nertrain

import (
	"bytes"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/extract/ner"
	"github.com/kg-project/kg/internal/extract/ner/internal/core"
	"github.com/kg-project/kg/internal/sources"
)

// mustDefault returns the tagger of the embedded model.
func mustDefault(t testing.TB) *ner.Tagger {
	t.Helper()
	tg, err := ner.Default()
	if err != nil {
		t.Fatalf("Default: %v", err)
	}
	return tg
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
	sents, err := sources.ReadCoNLL(strings.NewReader(tinyData))
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 4 {
		t.Fatalf("read %d sentences", len(sents))
	}
	lists := map[string][]string{core.ListCountry: core.CleanList([]string{"روسيا", "مصر"}), core.ListTitle: core.CleanList([]string{"الرئيس"})}
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
	tg, err := ner.Load(bytes.NewReader(b1.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	// the training data is learnt
	sc := Evaluate(tg, sents)
	if sc.Overall.F1 < 0.99 {
		t.Fatalf("tiny model F1 on its training data = %.3f", sc.Overall.F1)
	}
}
