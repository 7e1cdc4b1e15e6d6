package rel

import (
	"bytes"
	"compress/gzip"
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/extract/rel/relmodel"
)

// roundTrip checks that m's file reads back to m and that writing that
// writes the same bytes; it returns the file.
func roundTrip(t *testing.T, m *Model) []byte {
	t.Helper()
	var a, b bytes.Buffer
	if err := m.Write(&a); err != nil {
		t.Fatal(err)
	}
	got, err := ReadModel(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, m) {
		t.Fatalf("read back %+v, want %+v", got, m)
	}
	if err := got.Write(&b); err != nil || !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatalf("writing is not deterministic (%v)", err)
	}
	return a.Bytes()
}

func TestModelRoundTrip(t *testing.T) {
	m := &Model{
		Labels:    []string{"", "MET_WITH", "VISITED"},
		Threshold: 0.6, StructThreshold: 0.5,
		Bias: []float64{1, -0.5, -0.25},
		Weights: map[string][]LabelWeight{
			"bw=التقي|SO": {{Label: 1, W: 2.5}},
			"types=P>L":   {{Label: 0, W: -0.125}, {Label: 2, W: 1.5}},
			"adjacent|SO": {{Label: 0, W: 0.75}},
		},
	}
	roundTrip(t, m)
	p := m.Probs([]string{"bw=التقي|SO", "unknown"})
	sum := 0.0
	for _, v := range p {
		sum += v
	}
	if math.Abs(sum-1) > 1e-9 || p[1] < p[0] {
		t.Fatalf("probs %v", p)
	}
	pred, conf, ok := m.Decide(p, nil)
	if !ok || pred != "MET_WITH" || conf < 0.6 {
		t.Fatalf("Decide = %s %.2f %v", pred, conf, ok)
	}
	if _, _, ok := m.Decide(p, func(string) bool { return false }); ok {
		t.Fatal("Decide kept a predicate that allowed refused")
	}
}

// TestPredThresholds: a predicate's own threshold is written, read back
// and decides instead of its group's, below the groups' thresholds too.
func TestPredThresholds(t *testing.T) {
	m := &Model{
		Labels:    []string{"", "LOCATED_IN", "MEMBER_OF"},
		Threshold: 0.95, StructThreshold: 0.85,
		PredThresholds: map[string]float64{"LOCATED_IN": 0.75},
		Bias:           []float64{0, 0, 0},
		Weights:        map[string][]LabelWeight{"f": {{Label: 1, W: 1}}},
	}
	if !strings.Contains(string(gunzip(t, roundTrip(t, m))), "\nthreshold_predicates\tLOCATED_IN=0.75\n") {
		t.Error("no threshold_predicates line")
	}
	if m.ThresholdOf("LOCATED_IN") != 0.75 || m.ThresholdOf("MEMBER_OF") != 0.85 || m.ThresholdOf("MET_WITH") != 0.95 {
		t.Errorf("ThresholdOf: %v %v %v", m.ThresholdOf("LOCATED_IN"), m.ThresholdOf("MEMBER_OF"), m.ThresholdOf("MET_WITH"))
	}
	for _, c := range []struct {
		probs []float64
		want  string
		ok    bool
	}{
		{[]float64{0.2, 0.7, 0.1}, "LOCATED_IN", true}, // 0.8: over its own 0.75
		{[]float64{0.2, 0.1, 0.7}, "", false},          // 0.8: under MEMBER_OF's group 0.85
		{[]float64{0.3, 0.6, 0.1}, "", false},          // 0.7: under all
	} {
		pred, _, ok := m.Decide(c.probs, nil)
		if pred != c.want || ok != c.ok {
			t.Errorf("Decide(%v) = %q %v, want %q %v", c.probs, pred, ok, c.want, c.ok)
		}
	}
	for _, bad := range []string{"LOCATED_IN=2", "LOCATED_INN=0.7", "LOCATED_IN", "LOCATED_IN=NaN"} {
		text := modelMagic + "\nlabels\t- LOCATED_IN\nthreshold\t0.5\nthreshold_structural\t0.5\nthreshold_predicates\t" + bad + "\nbias\t0 0\n"
		var buf bytes.Buffer
		zw := gzipWriter(&buf)
		zw.Write([]byte(text))
		zw.Close()
		if _, err := ReadModel(&buf); !errors.Is(err, ErrModel) {
			t.Errorf("%s: got %v, want ErrModel", bad, err)
		}
	}
}

// TestCalibration: a model's calibration maps are written, read back
// (with threshold_predicates or without) and give the confidence of a
// decision by its group, interpolated between knots and flat beyond them;
// a malformed or decreasing map is refused.
func TestCalibration(t *testing.T) {
	m := &Model{
		Labels:    []string{"", "LOCATED_IN", "STATED"},
		Threshold: 0.95, StructThreshold: 0.85,
		Calibration: map[string][]CalPoint{
			"action":     {{0.6, 0.3}, {0.9, 0.6}, {0.99, 0.75}},
			"structural": {{0.7, 0.6}, {0.97, 0.9}},
		},
		Bias:    []float64{0, 0, 0},
		Weights: map[string][]LabelWeight{"f": {{Label: 1, W: 1}}},
	}
	if !strings.Contains(string(gunzip(t, roundTrip(t, m))), "\ncalibration\taction=0.6:0.3,0.9:0.6,0.99:0.75 structural=0.7:0.6,0.97:0.9\nbias") {
		t.Error("no calibration line before bias")
	}
	m.PredThresholds = map[string]float64{"LOCATED_IN": 0.75}
	roundTrip(t, m)
	for _, c := range []struct {
		pred string
		p    float64
		want float64
	}{
		{"STATED", 0.75, 0.45},  // halfway between 0.6 and 0.9
		{"STATED", 0.995, 0.75}, // beyond the last knot
		{"STATED", 0.5, 0.3},    // before the first
		{"LOCATED_IN", 0.97, 0.9},
		{"MEMBER_OF", 0.7, 0.6}, // a structural predicate the model lacks: its group's map
	} {
		if got := m.Calibrated(c.pred, c.p); math.Abs(got-c.want) > 1e-9 {
			t.Errorf("Calibrated(%s, %v) = %v, want %v", c.pred, c.p, got, c.want)
		}
	}
	if got := (&Model{}).Calibrated("STATED", 0.97); got != 0.97 {
		t.Errorf("no map: %v, want the probability", got)
	}
	for _, bad := range []string{"action=0.9:0.6,0.6:0.3", "action=0.6:0.6,0.9:0.3", "actions=0.6:0.3", "action=0.6", "action=1.5:0.3", "action=0.6:0.3 action=0.7:0.4", "action=NaN:0.5", "action=0.6:NaN"} {
		text := modelMagic + "\nlabels\t- LOCATED_IN\nthreshold\t0.5\nthreshold_structural\t0.5\ncalibration\t" + bad + "\nbias\t0 0\n"
		var buf bytes.Buffer
		zw := gzipWriter(&buf)
		zw.Write([]byte(text))
		zw.Close()
		if _, err := ReadModel(&buf); !errors.Is(err, ErrModel) {
			t.Errorf("%s: got %v, want ErrModel", bad, err)
		}
	}
}

func gunzip(t *testing.T, b []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if _, err := out.ReadFrom(zr); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func TestReadModelRefuses(t *testing.T) {
	for name, text := range map[string]string{
		"magic":      "not a model\n",
		"label":      modelMagic + "\nlabels\t- MEETS\nthreshold\t0.5\nthreshold_structural\t0.5\nbias\t0 0\n",
		"bias count": modelMagic + "\nlabels\t- MET_WITH\nthreshold\t0.5\nthreshold_structural\t0.5\nbias\t0\n",
		"weight":     modelMagic + "\nlabels\t- MET_WITH\nthreshold\t0.5\nthreshold_structural\t0.5\nbias\t0 0\nf\t7:1\n",
		"old format": "kg-rel-model 1\nlabels\t- MET_WITH\nthreshold\t0.5\nbias\t0 0\n",
	} {
		var buf bytes.Buffer
		zw := gzipWriter(&buf)
		zw.Write([]byte(text))
		zw.Close()
		if _, err := ReadModel(&buf); !errors.Is(err, ErrModel) {
			t.Errorf("%s: got %v, want ErrModel", name, err)
		}
	}
}

// TestDefaultModel: the embedded model, when there is one, reads and its
// labels are predicates of the vocabulary.
func TestDefaultModel(t *testing.T) {
	m, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	if m == nil {
		t.Skip("no relation model embedded")
	}
	if len(m.Labels) < 2 || m.Threshold <= 0 || m.Threshold >= 1 || !strings.Contains(strings.Join(m.Labels, " "), "_") {
		t.Fatalf("model: %d labels, threshold %v", len(m.Labels), m.Threshold)
	}
}

func gzipWriter(w *bytes.Buffer) interface {
	Write([]byte) (int, error)
	Close() error
} {
	return gzip.NewWriter(w)
}

// BenchmarkReadModel reads the embedded model: part of every kg extract's
// start-up time.
func BenchmarkReadModel(b *testing.B) {
	if len(relmodel.Model) == 0 {
		b.Skip("no embedded relation model")
	}
	for b.Loop() {
		if _, err := ReadModel(bytes.NewReader(relmodel.Model)); err != nil {
			b.Fatal(err)
		}
	}
}

// netModel is a network of two hidden units whose feature weights are
// quantized as training leaves them.
func netModel() *Model {
	row := func(ws ...float64) []LabelWeight {
		scale, q := QuantizeRow(ws)
		var out []LabelWeight
		for j, w := range Dequantize(scale, q) {
			if w != 0 {
				out = append(out, LabelWeight{Label: j, W: w})
			}
		}
		return out
	}
	return &Model{
		Labels:    []string{"", "MET_WITH", "VISITED"},
		Threshold: 0.6, StructThreshold: 0.5,
		Bias: []float64{0.1, -0.2},
		Hidden: &OutputLayer{
			W: []float64{-1, 2, 0.5, 0.25, -0.5, 1.5}, // unit 0: none -1, MET_WITH 2, VISITED 0.5
			B: []float64{1, -1, -1},
		},
		Weights: map[string][]LabelWeight{
			"bw=التقي|SO": row(1.27, -0.3),
			"types=P>L":   row(0, 0.9),
		},
	}
}

// TestNetModel: a network's file reads back to the same model and writes
// the same bytes; read for its index only it scores the same; its scores
// are the output layer of its rectified sums.
func TestNetModel(t *testing.T) {
	m := netModel()
	file := roundTrip(t, m)
	ix, err := readIndexedModel(file)
	if err != nil {
		t.Fatal(err)
	}
	if ix.Weights != nil || ix.index == nil || ix.index.dense != 2 {
		t.Fatalf("a network was not read into a dense index")
	}
	for _, feats := range [][]string{{"bw=التقي|SO"}, {"types=P>L"}, {"bw=التقي|SO", "types=P>L", "unknown"}, nil} {
		if got, want := ix.Scores(feats), m.Scores(feats); !reflect.DeepEqual(got, want) {
			t.Errorf("%q: index scores %v, want %v", feats, got, want)
		}
	}
	// bw=التقي|SO: units 0.1+1.27 and -0.2-0.3 (closed): scores 1 + 1.37·(-1, 2, 0.5)
	z := m.Scores([]string{"bw=التقي|SO"})
	want := []float64{1 - 1.37, -1 + 2*1.37, -1 + 0.5*1.37}
	for i := range z {
		if math.Abs(z[i]-want[i]) > 1e-9 {
			t.Fatalf("scores %v, want %v", z, want)
		}
	}
	if pred, _, ok := m.Decide(m.Probs([]string{"bw=التقي|SO"}), nil); !ok || pred != "MET_WITH" {
		t.Errorf("Decide = %s %v, want MET_WITH", pred, ok)
	}
}

func TestReadNetRefuses(t *testing.T) {
	head := netMagic + "\nlabels\t- MET_WITH\nthreshold\t0.5\nthreshold_structural\t0.5\nbias\t0 0\n"
	for name, text := range map[string]string{
		"no output":       head,
		"output width":    head + "output_bias\t0 0\noutput\t1\noutput\t1 2\n",
		"weights a unit":  head + "output_bias\t0 0\noutput\t1 2\noutput\t1 2\nf\t0.01\t3\n",
		"weight range":    head + "output_bias\t0 0\noutput\t1 2\noutput\t1 2\nf\t0.01\t3 200\n",
		"no scale":        head + "output_bias\t0 0\noutput\t1 2\noutput\t1 2\nf\t3 4\n",
		"output too long": head + "output_bias\t0 0 0\n",
	} {
		var buf bytes.Buffer
		zw := gzipWriter(&buf)
		zw.Write([]byte(text))
		zw.Close()
		if _, err := ReadModel(&buf); !errors.Is(err, ErrModel) {
			t.Errorf("%s: err %v, want ErrModel", name, err)
		}
	}
}

func TestQuantizeRow(t *testing.T) {
	scale, q := QuantizeRow([]float64{0.5, -1.27, 0.004, 0})
	if scale != 0.01 || !reflect.DeepEqual(q, []int8{50, -127, 0, 0}) {
		t.Errorf("QuantizeRow = %v %v", scale, q)
	}
	if scale, q := QuantizeRow([]float64{0, 0}); scale != 0 || !reflect.DeepEqual(q, []int8{0, 0}) {
		t.Errorf("QuantizeRow of zeros = %v %v", scale, q)
	}
}
