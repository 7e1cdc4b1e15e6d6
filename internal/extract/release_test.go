package extract

import (
	"bytes"
	"testing"

	"github.com/kg-project/kg/internal/extract/ner"
)

// TestDropModelsReloads: after DropModels a new pipeline loads the models
// again (new ones, not the dropped) and extracts exactly what it did.
func TestDropModelsReloads(t *testing.T) {
	before := encode(extractAll(t, "../../examples/articles"))
	t1, err := ner.Default()
	if err != nil {
		t.Fatal(err)
	}
	DropModels()
	after := encode(extractAll(t, "../../examples/articles"))
	if !bytes.Equal(before, after) {
		t.Fatal("the extraction after DropModels differs")
	}
	t2, err := ner.Default()
	if err != nil {
		t.Fatal(err)
	}
	if t1 == t2 {
		t.Fatal("ner.Default returned the dropped tagger")
	}
}
