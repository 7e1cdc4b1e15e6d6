package reltrain

import (
	"bytes"
	"context"
	"testing"

	"github.com/kg-project/kg/internal/extract/rel/relmodel"
)

// TestEmbeddedIsFreshBuild fails when the embedded relation model is not
// what `kg train rel` writes from the training set and the current
// pipeline (retrain with `kg train rel` and commit): the model learns from
// the entities and rules of the pipeline, so a change to them retrains it.
// It extracts and trains on the whole set (well under a minute), so -short
// skips it.
func TestEmbeddedIsFreshBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("extracts and trains on the whole training set; run without -short")
	}
	m, _, err := Build(context.Background(), "data", BuildOptions{Options: Options{Seed: 1}})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), relmodel.Model) {
		t.Error("internal/extract/rel/relmodel/rel.model.gz differs from a fresh build: run `kg train rel` and commit it")
	}
}
