package rel

import (
	"slices"
	"testing"
)

// TestWeightIndex: the hashed index scores every feature of the embedded
// model exactly as Weights does, finds nothing for features the model
// lacks, and has no two features with one key (else scoring would fall
// back to Weights, slower).
func TestWeightIndex(t *testing.T) {
	m, err := DefaultModel()
	if err != nil || m == nil {
		t.Skip("no embedded relation model", err)
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
