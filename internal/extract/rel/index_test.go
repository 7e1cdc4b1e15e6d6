package rel

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
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
	feats := []string{"no such feature"}
	for f := range full.Weights {
		feats = append(feats, f)
		if got, want := d.Scores(feats[len(feats)-1:]), full.Scores(feats[len(feats)-1:]); !slices.Equal(got, want) {
			t.Fatalf("feature %q: scores %v, want %v", f, got, want)
		}
	}
	if got, want := d.Scores(feats), full.Scores(feats); !slices.Equal(got, want) {
		t.Errorf("scores %v, want %v", got, want)
	}
	if err := d.Write(io.Discard); !errors.Is(err, ErrModel) {
		t.Errorf("Write of an index-only model: %v, want ErrModel", err)
	}
}

// TestReadIndexedModelSharedKey: a model two of whose features have one
// key (here, a feature written twice) is read whole, and scores as
// ReadModel's.
func TestReadIndexedModelSharedKey(t *testing.T) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	io.WriteString(zw, modelMagic+"\nlabels\t- MET_WITH\nthreshold\t0.5\nthreshold_structural\t0.5\nbias\t0 0\n"+
		"a\t1:1.5\nb\t0:2\t1:-1\na\t1:3\n")
	zw.Close()
	m, err := readIndexedModel(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	full, err := ReadModel(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if m.Weights == nil {
		t.Error("a model with a shared key was read for its index only")
	}
	if got := m.Scores([]string{"a"}); got[1] != 3 {
		t.Errorf("a feature written twice scores %v, want its last weights", got)
	}
	for _, feats := range [][]string{{"a"}, {"b"}, {"a", "b", "c"}} {
		if got, want := m.Scores(feats), full.Scores(feats); !slices.Equal(got, want) {
			t.Errorf("%q: scores %v, want %v", feats, got, want)
		}
	}
}

// FuzzParseWeight: parseWeight is strconv.ParseFloat.
func FuzzParseWeight(f *testing.F) {
	for _, s := range []string{"0", "-0", "1.5", "-0.1234", "1.5e-05", "1.235e+04", "12.34", ".5", "1.", ".", "", "1e", "1e+",
		"inf", "NaN", "0x1p-2", "1_000", "123456789012345678", "9007199254740993", "1e22", "1e23", "1e-22", "1e-23", "4.9e-324", "1.797e308"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := parseWeight(s)
		want, werr := strconv.ParseFloat(s, 64)
		if (err == nil) != (werr == nil) || math.Float64bits(got) != math.Float64bits(want) && !(math.IsNaN(got) && math.IsNaN(want)) {
			t.Fatalf("parseWeight(%q) = %v, %v; ParseFloat: %v, %v", s, got, err, want, werr)
		}
	})
}

// TestParseWeightModel: parseWeight reads every weight of the embedded
// model as strconv.ParseFloat does.
func TestParseWeightModel(t *testing.T) {
	if len(relmodel.Model) == 0 {
		t.Skip("no embedded relation model")
	}
	zr, err := gzip.NewReader(bytes.NewReader(relmodel.Model))
	if err != nil {
		t.Fatal(err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, line := range strings.Split(string(data), "\n") {
		key, rest, _ := strings.Cut(line, "\t")
		if key == "calibration" {
			continue // the calibration maps' knots, not weights
		}
		for _, p := range strings.Split(rest, "\t") {
			_, w, ok := strings.Cut(p, ":")
			if !ok {
				continue
			}
			got, err := parseWeight(w)
			want, werr := strconv.ParseFloat(w, 64)
			if err != nil || werr != nil || math.Float64bits(got) != math.Float64bits(want) {
				t.Fatalf("weight %q: parseWeight %v (%v), ParseFloat %v (%v)", w, got, err, want, werr)
			}
			n++
		}
	}
	if n == 0 {
		t.Fatal("no weights read")
	}
}
