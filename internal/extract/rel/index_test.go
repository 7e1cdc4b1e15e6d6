package rel

import (
	"bytes"
	"errors"
	"io"
	"slices"
	"testing"

	"github.com/kg-project/kg/internal/extract/rel/relmodel"
)

// TestWeightIndex: the hashed index scores every feature of the embedded
// model exactly as Weights does, finds nothing for features the model
// lacks, and has no two features with one key (else scoring would fall
// back to Weights, slower).
func TestWeightIndex(t *testing.T) {
	if len(relmodel.Model) == 0 {
		t.Skip("no embedded relation model")
	}
	m, err := ReadModel(bytes.NewReader(relmodel.Model))
	if err != nil {
		t.Fatal(err)
	}
	ix := newWeightIndex(m)
	if ix == nil {
		t.Fatal("two features of the embedded model share a key")
	}
	z := make([]float64, len(m.Labels))
	want := make([]float64, len(m.Labels))
	for f, ws := range m.Weights {
		clear(z)
		clear(want)
		ix.add(z, []byte(f))
		for _, lw := range ws {
			want[lw.Label] += lw.W
		}
		if !slices.Equal(z, want) {
			t.Fatalf("feature %q: index gives %v, Weights %v", f, z, want)
		}
	}
	for _, f := range []string{"", "no such feature", "bw=|SO", "types=Person>Nothing"} {
		if _, ok := m.Weights[f]; ok {
			continue
		}
		clear(z)
		ix.add(z, []byte(f))
		if slices.ContainsFunc(z, func(v float64) bool { return v != 0 }) {
			t.Errorf("feature %q, not in the model, has weights %v", f, z)
		}
	}
}

func TestFeatureKeyDistinct(t *testing.T) {
	seen := map[uint64]string{}
	for _, f := range []string{"", "a", "a\x00", "\x00", "ab", "ba", "abcdefgh", "abcdefgh\x00", "abcdefghi", "bw=التقي|SO", "bw=التقي|OS"} {
		k := featureKey([]byte(f))
		if g, ok := seen[k]; ok {
			t.Errorf("%q and %q: one key", g, f)
		}
		seen[k] = f
	}
}

// TestDefaultModelIndexOnly: the embedded model keeps only its index, and
// scores as the model with its weights does.
func TestDefaultModelIndexOnly(t *testing.T) {
	if len(relmodel.Model) == 0 {
		t.Skip("no embedded relation model")
	}
	d, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	full, err := ReadModel(bytes.NewReader(relmodel.Model))
	if err != nil {
		t.Fatal(err)
	}
	if d.Weights != nil {
		t.Error("the embedded model keeps its map of weights")
	}
	var feats []string
	for f := range full.Weights {
		feats = append(feats, f)
		if len(feats) == 200 {
			break
		}
	}
	feats = append(feats, "no such feature")
	if got, want := d.Scores(feats), full.Scores(feats); !slices.Equal(got, want) {
		t.Errorf("scores %v, want %v", got, want)
	}
	if err := d.Write(io.Discard); !errors.Is(err, ErrModel) {
		t.Errorf("Write of an index-only model: %v, want ErrModel", err)
	}
}
