package rel

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	kgzip "github.com/klauspost/compress/gzip"

	"github.com/kg-project/kg/internal/extract/rel/relmodel"
	"github.com/kg-project/kg/internal/memo"
	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/vocab"
)

// Model is the trained relation classifier: multinomial logistic
// regression over Labels for the features of a Candidate (Candidates), or
// a network with one hidden layer (Hidden; `kg train rel --hidden`). It
// gives each ordered pair of mentions a probability for every predicate
// and for no relation; Extract keeps, for each pair of entities of a
// sentence, the most probable predicate and direction the vocabulary
// allows, when its probability reaches Threshold. The relation's
// confidence is that probability through the calibration map of its group
// (Calibrated).
//
// `kg train rel` learns it from the project's training set (package
// reltrain); the file is embedded (package relmodel).
type Model struct {
	// Labels are the classes: Labels[0] is "" (no relation), the others
	// predicates of the vocabulary.
	Labels []string
	// Threshold is the probability of a relation from which an action is
	// kept; StructThreshold the same for the structural predicates
	// (titles, membership, location).
	Threshold, StructThreshold float64
	// PredThresholds are the thresholds of the predicates that do not take
	// their group's (nil: none)
	PredThresholds map[string]float64
	// Calibration maps, for each group ("structural", "action"), the
	// probability of a relation the model decides on to the share of
	// such decisions that were right on the held-out training items
	// (kg train rel fits it): the confidence a relation reports
	// (Calibrated). Nil: the probability itself.
	Calibration map[string][]CalPoint
	Bias        []float64 // one a label (a hidden unit with Hidden)
	// Weights holds, for each feature, its non-zero weights. Scoring reads
	// them through an index built on first use: change them before. The
	// embedded model (DefaultModel) keeps only its index: Weights is nil.
	// With Hidden, LabelWeight.Label is a hidden unit, and every weight of
	// a feature is Q·Scale with Q a whole number within ±127 (QuantizeRow).
	Weights map[string][]LabelWeight
	// Hidden, when set, makes the model a network with one hidden layer:
	// Bias and Weights give the sums of len(Bias) hidden units, whose
	// rectified values (max(0, sum)) Hidden maps to the labels' scores.
	Hidden *OutputLayer

	indexOnce sync.Once
	index     *weightIndex // nil: score through Weights
}

// addWeights adds to z the weights of feature f, through the index.
func (m *Model) addWeights(z []float64, f []byte) {
	if m.index != nil {
		m.index.add(z, f)
		return
	}
	for _, lw := range m.Weights[string(f)] {
		z[lw.Label] += lw.W
	}
}

// OutputLayer maps a network's hidden units to the labels' scores: score
// l = B[l] + Σ_j max(0, h_j)·W[j·len(B)+l].
type OutputLayer struct {
	W []float64 // hidden units × labels, row by row
	B []float64 // one a label
}

// Units returns the number of sums a candidate's features are added into:
// the hidden units with Hidden, else the labels.
func (m *Model) Units() int { return len(m.Bias) }

// Output turns the sums of a candidate's features (Units long, the bias
// included) into the labels' scores, in out (len(m.Labels)); for a
// linear model it copies them.
func (m *Model) Output(sums, out []float64) {
	if m.Hidden == nil {
		copy(out, sums)
		return
	}
	L := len(m.Labels)
	copy(out, m.Hidden.B)
	for j, h := range sums {
		if h <= 0 {
			continue
		}
		row := m.Hidden.W[j*L : j*L+L]
		for l := range out {
			out[l] += h * row[l]
		}
	}
}

// QuantizeRow gives the weights of one feature of a network (Hidden) as
// whole numbers q within ±127 and one scale: each weight is q·scale, the
// scale written with four significant digits. Training quantizes its
// weights so (Dequantize), and the file stores them so: the model scored
// before writing and after reading is the same.
func QuantizeRow(ws []float64) (scale float64, q []int8) {
	mx := 0.0
	for _, w := range ws {
		mx = max(mx, math.Abs(w))
	}
	q = make([]int8, len(ws))
	if mx == 0 {
		return 0, q
	}
	scale, _ = strconv.ParseFloat(strconv.FormatFloat(mx/127, 'g', 4, 64), 64)
	for i, w := range ws {
		q[i] = int8(max(-127, min(127, math.Round(w/scale))))
	}
	return scale, q
}

// Dequantize returns q·scale for each q.
func Dequantize(scale float64, q []int8) []float64 {
	out := make([]float64, len(q))
	for i, v := range q {
		out[i] = float64(v) * scale
	}
	return out
}

// LabelWeight is the weight of a feature for one label.
type LabelWeight struct {
	Label int
	W     float64
}

// ErrModel marks a malformed model file.
var ErrModel = errors.New("malformed relation model")

const (
	modelMagic = "kg-rel-model 2"
	// netMagic opens a model with a hidden layer (Model.Hidden): after
	// the bias of the hidden units, output_bias and one output line a
	// unit, then each feature's weights as a scale and one whole number
	// a unit (QuantizeRow)
	netMagic = "kg-rel-model 3"
)

// Probs returns the probability of each label for a candidate's features.
func (m *Model) Probs(feats []string) []float64 {
	z := m.Scores(feats)
	Softmax(z)
	return z
}

// Scores returns the score of each label (before the softmax) for a
// candidate's features.
func (m *Model) Scores(feats []string) []float64 {
	z := slices.Clone(m.Bias)
	if m.Weights == nil && m.index != nil {
		for _, f := range feats {
			m.index.add(z, []byte(f))
		}
	} else {
		for _, f := range feats {
			for _, lw := range m.Weights[f] {
				z[lw.Label] += lw.W
			}
		}
	}
	if m.Hidden == nil {
		return z
	}
	out := make([]float64, len(m.Labels))
	m.Output(z, out)
	return out
}

// Write writes the model in its text format, gzip-compressed,
// deterministically (features in byte order, no time in the header).
func (m *Model) Write(w io.Writer) error {
	if m.Weights == nil && m.index != nil {
		return fmt.Errorf("%w: the model was read for scoring only (its weights are indexed, not kept)", ErrModel)
	}
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	labels := slices.Clone(m.Labels)
	labels[0] = "-"
	if m.Hidden != nil {
		fmt.Fprintln(bw, netMagic)
	} else {
		fmt.Fprintln(bw, modelMagic)
	}
	fmt.Fprintln(bw, "labels\t"+strings.Join(labels, " "))
	fmt.Fprintln(bw, "threshold\t"+strconv.FormatFloat(m.Threshold, 'g', -1, 64))
	fmt.Fprintln(bw, "threshold_structural\t"+strconv.FormatFloat(m.StructThreshold, 'g', -1, 64))
	if len(m.PredThresholds) > 0 {
		var ps []string
		for _, p := range slices.Sorted(maps.Keys(m.PredThresholds)) {
			ps = append(ps, p+"="+strconv.FormatFloat(m.PredThresholds[p], 'g', -1, 64))
		}
		fmt.Fprintln(bw, "threshold_predicates\t"+strings.Join(ps, " "))
	}
	if len(m.Calibration) > 0 {
		var gs []string
		for _, g := range slices.Sorted(maps.Keys(m.Calibration)) {
			var ks []string
			for _, k := range m.Calibration[g] {
				ks = append(ks, strconv.FormatFloat(k.P, 'g', -1, 64)+":"+strconv.FormatFloat(k.C, 'g', -1, 64))
			}
			gs = append(gs, g+"="+strings.Join(ks, ","))
		}
		fmt.Fprintln(bw, "calibration\t"+strings.Join(gs, " "))
	}
	if m.Hidden != nil {
		// a network's bias and output layer are few: written exactly, so
		// that the model read back scores as the one written
		fmt.Fprintln(bw, "bias\t"+formatRow(m.Bias))
	} else {
		bias := make([]string, len(m.Bias))
		for i, b := range m.Bias {
			bias[i] = strconv.FormatFloat(b, 'g', 6, 64)
		}
		fmt.Fprintln(bw, "bias\t"+strings.Join(bias, " "))
	}
	if m.Hidden != nil {
		L := len(m.Labels)
		if len(m.Hidden.B) != L || len(m.Hidden.W) != L*len(m.Bias) {
			return fmt.Errorf("%w: output layer of %d×%d weights, %d biases for %d units and %d labels", ErrModel, len(m.Hidden.W)/max(L, 1), L, len(m.Hidden.B), len(m.Bias), L)
		}
		fmt.Fprintln(bw, "output_bias\t"+formatRow(m.Hidden.B))
		for j := range m.Bias {
			fmt.Fprintln(bw, "output\t"+formatRow(m.Hidden.W[j*L:j*L+L]))
		}
	}
	feats := make([]string, 0, len(m.Weights))
	for f := range m.Weights {
		feats = append(feats, f)
	}
	sort.Strings(feats)
	for _, f := range feats {
		if strings.ContainsAny(f, "\t\n") {
			return fmt.Errorf("%w: feature %q has a tab or newline", ErrModel, f)
		}
		var sb strings.Builder
		sb.WriteString(f)
		if m.Hidden != nil {
			row := make([]float64, len(m.Bias))
			for _, lw := range m.Weights[f] {
				if lw.Label < 0 || lw.Label >= len(row) {
					return fmt.Errorf("%w: feature %q: unit %d", ErrModel, f, lw.Label)
				}
				row[lw.Label] = lw.W
			}
			scale, q := QuantizeRow(row)
			sb.WriteByte('\t')
			sb.WriteString(strconv.FormatFloat(scale, 'g', 4, 64))
			sb.WriteByte('\t')
			for j, v := range q {
				if j > 0 {
					sb.WriteByte(' ')
				}
				sb.WriteString(strconv.Itoa(int(v)))
			}
			fmt.Fprintln(bw, sb.String())
			continue
		}
		for _, lw := range m.Weights[f] {
			sb.WriteByte('\t')
			sb.WriteString(strconv.Itoa(lw.Label))
			sb.WriteByte(':')
			sb.WriteString(strconv.FormatFloat(lw.W, 'g', 4, 64))
		}
		fmt.Fprintln(bw, sb.String())
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

func formatRow(ws []float64) string {
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = strconv.FormatFloat(w, 'g', -1, 64)
	}
	return strings.Join(parts, " ")
}

// ReadModel reads a model written by Write; its labels must be
// predicates of the vocabulary.
func ReadModel(r io.Reader) (*Model, error) {
	// the features' names go into few long strings and their weights into
	// few long slices, which the map's keys and values share: few objects
	// for the garbage collector to trace rather than two per feature, and
	// nothing copied as they grow
	const chunk = 1 << 16
	var (
		names   strings.Builder
		pending []featureAt // of the names in names
		ws      []LabelWeight
	)
	weights := map[string][]LabelWeight{}
	flush := func() {
		text := names.String()
		for _, p := range pending {
			weights[text[p.start:p.end]] = p.ws
		}
		names, pending = strings.Builder{}, pending[:0]
	}
	m, err := readModel(r, func(name []byte, lws []LabelWeight) {
		if len(ws)+len(lws) > cap(ws) {
			ws = make([]LabelWeight, 0, max(chunk, len(lws)))
		}
		start := len(ws)
		ws = append(ws, lws...)
		if names.Len()+len(name) > names.Cap() {
			flush()
			names.Grow(max(16*chunk, len(name)))
		}
		pending = append(pending, featureAt{names.Len(), names.Len() + len(name), ws[start:len(ws):len(ws)]})
		names.Write(name)
	}, nil)
	if err != nil {
		return nil, err
	}
	flush()
	m.Weights = weights
	return m, nil
}

// featureAt is a feature being read: its name in a string being built and
// its weights.
type featureAt struct {
	start, end int
	ws         []LabelWeight
}

// readIndexedModel reads a model for scoring only: its features go
// straight into the index, with no map of weights by name (Weights is
// nil). When two features share a key, it reads the whole model instead
// (ReadModel), which then scores through Weights.
func readIndexedModel(data []byte) (*Model, error) {
	b := newIndexBuilder()
	if len(data) > 4 {
		// a gzip file ends with the size of its content; a linear model's
		// file has a weight for about every 12 bytes of it (room for a few
		// more: the index copies the weights to their exact size)
		b.expectWeights(int(binary.LittleEndian.Uint32(data[len(data)-4:]) / 11))
	}
	m, err := readModel(bytes.NewReader(data), b.add, b.addDense)
	if err != nil {
		return nil, err
	}
	if m.index = b.index(m.Units()); m.index == nil {
		if m, err = ReadModel(bytes.NewReader(data)); err != nil {
			return nil, err
		}
		m.indexOnce.Do(func() { m.index = newWeightIndex(m) })
		return m, nil
	}
	m.indexOnce.Do(func() {}) // the index is built
	return m, nil
}

// readModel reads a model written by Write but for its weights: it calls
// feature with the name and weights of each feature, in the file's order
// (both are only valid during the call); for a network's (Hidden),
// dense instead, when not nil, with the feature's scale and whole weights
// (QuantizeRow).
func readModel(r io.Reader, feature func(name []byte, ws []LabelWeight), dense func(name []byte, scale float64, q []int8)) (*Model, error) {
	zr, err := kgzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrModel, err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	line := 0
	bad := func(why string) error { return fmt.Errorf("%w: line %d: %s", ErrModel, line, why) }
	// nextOf reads the next line, which must start with one of keys (the
	// first an optional line may be), and returns the key and the rest
	nextOf := func(keys ...string) (string, string, error) {
		want := strings.Join(keys, " or ")
		if !sc.Scan() {
			return "", "", bad("missing " + want)
		}
		line++
		for _, k := range keys {
			if v, ok := strings.CutPrefix(sc.Text(), k+"\t"); ok {
				return k, v, nil
			}
		}
		return "", "", bad("want " + want)
	}
	next := func(key string) (string, error) {
		_, v, err := nextOf(key)
		return v, err
	}
	if !sc.Scan() || sc.Text() != modelMagic && sc.Text() != netMagic {
		return nil, bad("not a relation model")
	}
	net := sc.Text() == netMagic
	line++
	m := &Model{}
	v, err := next("labels")
	if err != nil {
		return nil, err
	}
	m.Labels = strings.Fields(v)
	if len(m.Labels) < 2 || m.Labels[0] != "-" {
		return nil, bad("labels")
	}
	m.Labels[0] = ""
	for _, l := range m.Labels[1:] {
		if !vocab.Valid(l) {
			return nil, bad(fmt.Sprintf("label %q is not in the vocabulary", l))
		}
	}
	if v, err = next("threshold"); err != nil {
		return nil, err
	}
	if m.Threshold, err = strconv.ParseFloat(v, 64); err != nil {
		return nil, bad("threshold")
	}
	if v, err = next("threshold_structural"); err != nil {
		return nil, err
	}
	if m.StructThreshold, err = strconv.ParseFloat(v, 64); err != nil {
		return nil, bad("threshold_structural")
	}
	key, v, err := nextOf("threshold_predicates", "calibration", "bias")
	if err != nil {
		return nil, err
	}
	if key == "threshold_predicates" {
		// optional: predicates with thresholds of their own
		m.PredThresholds = map[string]float64{}
		for _, f := range strings.Fields(v) {
			p, t, ok := strings.Cut(f, "=")
			x, err := strconv.ParseFloat(t, 64)
			if !ok || err != nil || !vocab.Valid(p) || !(x > 0 && x <= 1) {
				return nil, bad(fmt.Sprintf("threshold_predicates: %q", f))
			}
			m.PredThresholds[p] = x
		}
		if key, v, err = nextOf("calibration", "bias"); err != nil {
			return nil, err
		}
	}
	if key == "calibration" {
		// optional: the calibration maps of the groups
		if m.Calibration, err = parseCalibration(v); err != nil {
			return nil, bad(err.Error())
		}
		if v, err = next("bias"); err != nil {
			return nil, err
		}
	}
	for _, b := range strings.Fields(v) {
		x, err := strconv.ParseFloat(b, 64)
		if err != nil {
			return nil, bad("bias")
		}
		m.Bias = append(m.Bias, x)
	}
	if !net && len(m.Bias) != len(m.Labels) {
		return nil, bad("one bias a label")
	}
	if net {
		return m, readNet(m, sc, &line, bad, feature, dense)
	}
	var lws []LabelWeight // of the line
	for sc.Scan() {
		line++
		lws = lws[:0]
		name, ps, more := bytes.Cut(sc.Bytes(), []byte{'\t'})
		rest := string(ps) // one string a line for the numbers to parse
		for more {
			var p string
			p, rest, more = strings.Cut(rest, "\t")
			l, w, ok := strings.Cut(p, ":")
			li, err1 := strconv.Atoi(l)
			wf, err2 := parseWeight(w)
			if !ok || err1 != nil || err2 != nil || li < 0 || li >= len(m.Labels) {
				return nil, bad("weight " + p)
			}
			lws = append(lws, LabelWeight{li, wf})
		}
		feature(name, lws)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrModel, err)
	}
	return m, nil
}

// readNet reads the rest of a network's file (netMagic) after its
// hidden units' bias: the output layer into m.Hidden, then the features.
func readNet(m *Model, sc *bufio.Scanner, line *int, bad func(string) error, feature func(name []byte, ws []LabelWeight), dense func(name []byte, scale float64, q []int8)) error {
	H, L := len(m.Bias), len(m.Labels)
	if H == 0 || H > math.MaxUint16 {
		return bad("hidden units")
	}
	row := func(key string) ([]float64, error) {
		if !sc.Scan() {
			return nil, bad("missing " + key)
		}
		*line++
		v, ok := strings.CutPrefix(sc.Text(), key+"\t")
		if !ok {
			return nil, bad("want " + key)
		}
		var out []float64
		for _, f := range strings.Fields(v) {
			x, err := strconv.ParseFloat(f, 64)
			if err != nil {
				return nil, bad(key)
			}
			out = append(out, x)
		}
		if len(out) != L {
			return nil, bad(key + ": one weight a label")
		}
		return out, nil
	}
	m.Hidden = &OutputLayer{}
	var err error
	if m.Hidden.B, err = row("output_bias"); err != nil {
		return err
	}
	for j := 0; j < H; j++ {
		r, err := row("output")
		if err != nil {
			return err
		}
		m.Hidden.W = append(m.Hidden.W, r...)
	}
	q := make([]int8, H)
	var lws []LabelWeight
	for sc.Scan() {
		*line++
		name, rest, ok := bytes.Cut(sc.Bytes(), []byte{'\t'})
		sv, qs, ok2 := strings.Cut(string(rest), "\t")
		scale, err := strconv.ParseFloat(sv, 64)
		if !ok || !ok2 || err != nil {
			return bad("feature weights")
		}
		j := 0
		for f := range strings.FieldsSeq(qs) {
			v, err := strconv.Atoi(f)
			if err != nil || v < -127 || v > 127 || j >= H {
				return bad("weight " + f)
			}
			q[j] = int8(v)
			j++
		}
		if j != H {
			return bad("one weight a unit")
		}
		if dense != nil {
			dense(name, scale, q)
			continue
		}
		lws = lws[:0]
		for j, v := range q {
			if v != 0 {
				lws = append(lws, LabelWeight{j, float64(v) * scale})
			}
		}
		feature(name, lws)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%w: %w", ErrModel, err)
	}
	return nil
}

var defaultModel = memo.NewLazy(func() (*Model, error) {
	if len(relmodel.Model) == 0 {
		return nil, nil
	}
	// scoring needs the index only: the map of weights by name, several
	// times its size, is not built
	return readIndexedModel(relmodel.Model)
})

// DefaultModel returns the embedded model, read on first use; nil when
// none is embedded (the rules alone then find relations).
func DefaultModel() (*Model, error) { return defaultModel.Get() }

// DropDefaultModel forgets the loaded model (a later DefaultModel reads it
// again).
func DropDefaultModel() { defaultModel.Drop() }

// parseCalibration reads the calibration line of a model file: group=P:C,
// P:C... for each group, knots in order of P and C not decreasing.
func parseCalibration(v string) (map[string][]CalPoint, error) {
	out := map[string][]CalPoint{}
	for _, f := range strings.Fields(v) {
		g, ks, ok := strings.Cut(f, "=")
		if !ok || g != "structural" && g != "action" || out[g] != nil {
			return nil, fmt.Errorf("calibration: %q", f)
		}
		for _, k := range strings.Split(ks, ",") {
			ps, cs, ok := strings.Cut(k, ":")
			p, err1 := strconv.ParseFloat(ps, 64)
			c, err2 := strconv.ParseFloat(cs, 64)
			n := len(out[g])
			if !ok || err1 != nil || err2 != nil || !(p >= 0 && p <= 1) || !(c >= 0 && c <= 1) || n > 0 && (p <= out[g][n-1].P || c < out[g][n-1].C) {
				return nil, fmt.Errorf("calibration: %s: knot %q", g, k)
			}
			out[g] = append(out[g], CalPoint{p, c})
		}
	}
	return out, nil
}

// CalPoint is a knot of a calibration map: decisions of probability P
// were right C of the time.
type CalPoint struct{ P, C float64 }

// Calibrated returns the confidence of a relation of predicate pred that
// the model decides on with probability p: the calibration map of its
// group (Calibration), interpolated linearly between knots and flat
// beyond the ends; p itself when the model has none. The map is monotone,
// so the order of confidences is the order of probabilities.
func (m *Model) Calibrated(pred string, p float64) float64 {
	return interpolate(m.Calibration[CalGroup(pred)], p)
}

// CalGroup returns the group whose calibration map a predicate's
// confidence takes (the key of Model.Calibration): "structural" for the
// vocabulary's structural predicates, "action" for every other.
func CalGroup(pred string) string {
	if r, ok := vocab.Get(pred); ok && r.Group == "structural" {
		return "structural"
	}
	return "action"
}

// interpolate evaluates the piecewise-linear map of knots ps (sorted by P)
// at p; p itself when there are none.
func interpolate(ps []CalPoint, p float64) float64 {
	switch {
	case len(ps) == 0:
		return p
	case p <= ps[0].P:
		return ps[0].C
	case p >= ps[len(ps)-1].P:
		return ps[len(ps)-1].C
	}
	i := sort.Search(len(ps), func(i int) bool { return ps[i].P >= p })
	a, b := ps[i-1], ps[i]
	if b.P == a.P {
		return b.C
	}
	return a.C + (b.C-a.C)*(p-a.P)/(b.P-a.P)
}

// Decide picks a label from a candidate's probabilities: the most
// probable predicate that allowed accepts (nil: any), kept when the
// probability that some relation is there (one minus that of none) reaches
// the threshold of its group (Threshold, StructThreshold). That
// probability is the confidence.
func (m *Model) Decide(probs []float64, allowed func(pred string) bool) (pred string, conf float64, ok bool) {
	conf = 1 - probs[0]
	if conf < m.minThreshold() {
		return "", conf, false
	}
	best := m.bestAllowed(probs, allowed)
	if best == 0 || conf < m.ThresholdOf(m.Labels[best]) {
		return "", conf, false
	}
	return m.Labels[best], conf, true
}

// bestAllowed returns the label of the most probable predicate that allowed
// accepts (nil: any), 0 when it accepts none.
func (m *Model) bestAllowed(probs []float64, allowed func(pred string) bool) int {
	best := 0
	for l := 1; l < len(m.Labels); l++ {
		if (best == 0 || probs[l] > probs[best]) && (allowed == nil || allowed(m.Labels[l])) {
			best = l
		}
	}
	return best
}

// typesAllowed returns whether a predicate takes a subject of type st and
// an object of type ot (the vocabulary's types).
func typesAllowed(st, ot string) func(pred string) bool {
	return func(pred string) bool {
		r, ok := vocab.Get(pred)
		return ok && typeAllowed(r.Subject, st) && typeAllowed(r.Object, ot)
	}
}

// minThreshold is the lowest threshold of any predicate.
func (m *Model) minThreshold() float64 {
	t := min(m.Threshold, m.StructThreshold)
	for _, x := range m.PredThresholds {
		t = min(t, x)
	}
	return t
}

// ThresholdOf returns the threshold of a predicate: its own
// (PredThresholds), else its group's.
func (m *Model) ThresholdOf(pred string) float64 {
	if t, ok := m.PredThresholds[pred]; ok {
		return t
	}
	if r, ok := vocab.Get(pred); ok && r.Group == "structural" {
		return m.StructThreshold
	}
	return m.Threshold
}

// decide adds to x the relations the model keeps among the candidate pairs
// of its document: per sentence and pair of entities, the most probable
// predicate and direction the vocabulary allows, when the probability of a
// relation reaches Threshold. Relations the rules found (rules) give their
// modality and trigger.
func (m *Model) decide(x *extractor, rules []model.Relation) {
	type pairKey struct {
		si   int
		a, b string // entity ids, a < b
	}
	type best struct {
		p     float64
		label string
		pr    pair
	}
	bests := map[pairKey]*best{}
	var order []pairKey
	byPair := rulePairs(rules)
	m.indexOnce.Do(func() { m.index = newWeightIndex(m) })
	x.sc = newScorer(m, len(x.d.Tokens))
	defer func() { x.sc.release(); x.sc = nil }()
	z := x.sc.z
	addZ := func(f []byte) { m.addWeights(z, f) }
	if m.index != nil {
		// the features' keys are gathered and their weights looked up
		// together (scorer.flush), in the same order
		addZ = func(f []byte) { x.sc.keys = append(x.sc.keys, featureKey(f)) }
	}
	for _, pr := range x.pairs() {
		s, o := x.d.Mentions[pr.s], x.d.Mentions[pr.o]
		copy(z, m.Bias)
		x.features(pr, byPair, addZ)
		x.sc.flush()
		probs := z
		if m.Hidden != nil {
			probs = x.sc.out
			m.Output(z, probs)
		}
		Softmax(probs)
		k := pairKey{pr.si, s.Entity, o.Entity}
		if k.b < k.a {
			k.a, k.b = k.b, k.a
		}
		pred, p, ok := m.Decide(probs, typesAllowed(s.Type, o.Type))
		if !ok {
			continue
		}
		// vetoes give no relation, not the next most probable type (the
		// pair's probability of a relation was the vetoed type's)
		if r, _ := vocab.Get(pred); r.Group == "structural" && x.structVeto(pr, s, o) {
			continue
		}
		if pred == "STATED" && x.venue(pr.si, pr.s, pr.o) {
			continue // where it was said, not what about
		}
		if pred != "STATED" && pred != "COMMENTED_ON" && x.participleBetween(pr.s, pr.o) {
			continue // criticised the coalition, saying the UN should lead: the UN is what she said, not what she criticised
		}
		if pred == "ATTACKED" && slices.Contains(byPair[[3]string{s.Entity, o.Entity, strconv.Itoa(x.d.Sentences[pr.si].Start)}], "CRITICIZED") {
			continue // the rules read a person's verbal attack (هاجم الوزير X, by_person)
		}
		if pred == "PART_OF" && x.describedOrigin(pr.s, pr.o) {
			continue // المصرف الأمريكي جولدمان ساكس: a company's origin, no state's body
		}
		if r, _ := vocab.Get(pred); r.Group == "action" && (x.inApposition(pr.s, pr.o) || x.inApposition(pr.o, pr.s) || x.inOthersTitle(pr.s, pr.o)) {
			// the country or body of the actor's own title or description
			// (whose office, not whom the act is on), or of another
			// person's (the act is on that person)
			continue
		}
		if r, _ := vocab.Get(pred); r.Group == "structural" && pred != "OFFICIAL_OF" && pred != "MEMBER_OF" && slices.Contains(r.Subject, "Person") && x.aideOf(pr.s, pr.o) {
			// خالد الفهيد، مستشار الرئيس التنفيذي لشركة أرامكو: an
			// office under the title, not the title's
			if !typesAllowed(s.Type, o.Type)("OFFICIAL_OF") {
				continue
			}
			pred = "OFFICIAL_OF"
		}
		if pred == "LEADER_OF" && x.subUnitOf(pr.s, pr.o) {
			pred = "OFFICIAL_OF" // مدير الكرة بنادي الاتحاد: the head of a unit of the club
		}
		if !x.officeStated(pr.si, pr.s, pr.o, pred) && !slices.Contains(byPair[[3]string{s.Entity, o.Entity, strconv.Itoa(x.d.Sentences[pr.si].Start)}], pred) {
			continue // (a title the rules read states its office: أمير منطقة الرياض)
		}
		b := bests[k]
		if b == nil {
			b = &best{}
			bests[k] = b
			order = append(order, k)
		}
		if p > b.p {
			*b = best{p: p, label: pred, pr: pr}
		}
	}
	// an action on one of a list of names (زار مصر والأردن والسعودية,
	// أدانت السعودية والإمارات) is one on each
	for _, k := range slices.Clone(order) {
		b := bests[k]
		if r, _ := vocab.Get(b.label); r.Group == "structural" {
			continue
		}
		for _, side := range []int{b.pr.s, b.pr.o} {
			other := b.pr.o
			if side == b.pr.o {
				other = b.pr.s
			}
			list := x.coordinated(side)
			if len(list) > maxCoordinated-1 || slices.Contains(list, other) {
				continue // a long list is no one act's (the provinces a war report names); one of its own names is no other side
			}
			for _, j := range list {
				pr := b.pr
				if side == b.pr.s {
					pr.s = j
				} else {
					pr.o = j
				}
				s, o := x.d.Mentions[pr.s], x.d.Mentions[pr.o]
				if s.Entity == o.Entity || !typesAllowed(s.Type, o.Type)(b.label) {
					continue
				}
				nk := pairKey{k.si, s.Entity, o.Entity}
				if nk.b < nk.a {
					nk.a, nk.b = nk.b, nk.a
				}
				if bests[nk] != nil {
					continue // the pair's own reading stands
				}
				bests[nk] = &best{p: b.p, label: b.label, pr: pr}
				order = append(order, nk)
			}
		}
	}
	modality := map[string]string{}
	trigger := map[string]string{}
	for _, r := range rules {
		k := r.Subject + "|" + r.Object + "|" + strconv.Itoa(r.Evidence.Start)
		modality[k] = r.Modality
		trigger[k] = r.Trigger
	}
	for _, k := range order {
		b := bests[k]
		s, o := x.d.Mentions[b.pr.s], x.d.Mentions[b.pr.o]
		sent := x.d.Sentences[k.si]
		if !x.cuedAction(k.si, b.label) && !slices.Contains(byPair[[3]string{s.Entity, o.Entity, strconv.Itoa(sent.Start)}], b.label) {
			// an act no word of the sentence names (لقاء، استقبل، أشاد):
			// the model read the pair's setting, not a statement of it
			continue
		}
		if r, _ := vocab.Get(b.label); r.Group != "structural" && (x.qualifiesOrg(b.pr.s) || x.qualifiesOrg(b.pr.o)) {
			continue // ريال مدريد الإسباني: the club's country, no party to its acts
		}
		if (b.label == "LOCATED_IN" || b.label == "PART_OF") && x.isCountry(&s) && x.isCountry(&o) {
			continue // a country is in no other country (the US base in Cuba is not the US)
		}
		if r, ok := vocab.Get(b.label); ok && r.Group != "structural" && b.label != "HOSTED" &&
			(!x.actorOK(arg{entity: s.Entity, start: s.Start, end: s.End}) ||
				mutualActs[b.label] && !x.actorOK(arg{entity: o.Entity, start: o.Start, end: o.End})) {
			// a place acts only as a state, a country or its capital:
			// Geneva hosts talks but does not negotiate
			continue
		}
		rk := s.Entity + "|" + o.Entity + "|" + strconv.Itoa(sent.Start)
		mod, trig := modality[rk], trigger[rk]
		if mod == "" {
			mod = x.cueModality(b.pr, k.si, b.label)
		}
		if trig == "" {
			lo, hi := min(s.Start, o.Start), max(s.End, o.End)
			trig = x.phrase(lo, hi)
			if rs := []rune(trig); len(rs) > 120 {
				trig = string(rs[:120]) + "…"
			}
		}
		x.add(k.si, s.Entity, b.label, o.Entity, m.Calibrated(b.label, b.p), mod, trig)
	}
}

// qualifiesOrg reports whether mention i is a nationality adjective with
// the article right after an organisation's name, which it qualifies
// (ريال مدريد الإسباني "Spanish Real Madrid", مانشستر يونايتد الإنجليزي):
// it says whose the organisation is, and the country is no party to what
// the organisation does (Arabic).
func (x *extractor) qualifiesOrg(i int) bool {
	m := x.d.Mentions[i]
	if !x.ar || !m.Demonym || i == 0 || x.words[m.Start].Article == "" || x.words[m.Start].Conj != "" {
		return false
	}
	prev := x.d.Mentions[i-1]
	return prev.Type == "Organization" && prev.End == m.Start && prev.Entity != m.Entity
}

// mutualActs are the actions both of whose sides act (a meeting, talks, a
// fight, an agreement): neither may be a place that is no state.
var mutualActs = map[string]bool{"MET_WITH": true, "NEGOTIATED_WITH": true, "FOUGHT": true, "SIGNED_AGREEMENT_WITH": true, "AGREED_WITH": true}

// describedOrigin reports whether mention o is a nationality adjective
// right before organisation s, at most one token (a quote) between:
// the adjective of a description set before the name (المصرف الأمريكي
// جولدمان ساكس "the American bank Goldman Sachs", الفنلندية نوكيا,
// مصريون لـ«الشرق الأوسط» "Egyptians told Asharq Al-Awsat"), which says
// where a company comes from or who speaks, not whose state body it is: a
// state's body takes its adjective after its name (سلطة المطارات
// الكينية), or inside it (Mention.Of).
func (x *extractor) describedOrigin(si, oi int) bool {
	s, o := x.d.Mentions[si], x.d.Mentions[oi]
	return s.Type == model.Organization && o.Demonym && o.End <= s.Start && s.Start-o.End <= 1
}

// structVeto reports whether pair pr (of mentions s, o) may have no
// structural relation whatever the model says: a title is stated with the
// name, not by a speaker carried over (وأضاف ...), nor by a held title
// standing for its holder; the rules know the pair to have none
// (noStruct); one is in what the other said (reportedBetween); another
// person's name stands between (personBetween); the one is in the title
// of another name of a list (nextHoldersTitle).
func (x *extractor) structVeto(pr pair, s, o Mention) bool {
	return pr.carried || s.Title || o.Title || x.noStruct[noStructKey{pr.si, s.Entity, o.Entity}] ||
		x.reportedBetween(pr.s, pr.o) || x.personBetween(pr.s, pr.o) ||
		x.nextHoldersTitle(pr.s, pr.o) || x.nextHoldersTitle(pr.o, pr.s)
}

// scorer sums a model's weights for the features of a pair; the weights of
// the features of each token between the mentions are summed once per
// token and direction and once per token and pair of entity types
// (betweenDir, betweenTypes), and cached. Its buffers hold no pointers and
// are reused from document to document (scorers).
type scorer struct {
	m *Model
	z []float64 // the sums of the features (Model.Units)
	// out are the labels' scores of a network (Model.Output)
	out []float64
	// emit adds the weights of a feature to target (see weights)
	emit   func([]byte)
	target []float64
	// at[k*slotsPerToken+j] is where the sums of token k for slot j (0, 1:
	// direction SO, OS; 2+: pair of types, typeIndex) start in vecs, +1
	// (0: not summed yet)
	at   []int32
	vecs []float64
	// keys are features of the pair not yet added to z (see flush)
	keys []uint64
	// gather collects the keys of the features of a sum in fkeys
	gather func([]byte)
	fkeys  []uint64
}

// flush adds to z the weights of the features in keys, in their order,
// and empties keys. Looking the weights up together, rather than each as
// its feature is built, lets the processor wait for several of them at
// once (the index is far larger than its caches); flushing before
// anything else is added to z keeps the sums, and so the output, the same.
func (sc *scorer) flush() {
	if len(sc.keys) > 0 {
		sc.m.index.addKeys(sc.z, sc.keys)
		sc.keys = sc.keys[:0]
	}
}

const slotsPerToken = 2 + 9

var scorers sync.Pool // *scorer

func newScorer(m *Model, tokens int) *scorer {
	sc, _ := scorers.Get().(*scorer)
	if sc == nil {
		sc = &scorer{}
		sc.emit = func(f []byte) { sc.m.addWeights(sc.target, f) }
		sc.gather = func(f []byte) { sc.fkeys = append(sc.fkeys, featureKey(f)) }
	}
	sc.m = m
	if cap(sc.z) < m.Units() {
		sc.z = make([]float64, m.Units())
	}
	sc.z = sc.z[:m.Units()]
	if cap(sc.out) < len(m.Labels) {
		sc.out = make([]float64, len(m.Labels))
	}
	sc.out = sc.out[:len(m.Labels)]
	n := tokens * slotsPerToken
	if cap(sc.at) < n {
		sc.at = make([]int32, n)
	}
	sc.at = sc.at[:n]
	clear(sc.at)
	sc.vecs = sc.vecs[:0]
	sc.keys = sc.keys[:0]
	return sc
}

// release returns sc to the pool.
func (sc *scorer) release() {
	sc.m, sc.target = nil, nil
	scorers.Put(sc)
}

// typeIndex numbers the three entity types, -1 for another.
func typeIndex(t string) int {
	switch t {
	case "Person":
		return 0
	case "Organization":
		return 1
	case "Location":
		return 2
	}
	return -1
}

// weights returns a function that adds the weights of a feature to v,
// until the next call.
func (sc *scorer) weights(v []float64) func([]byte) {
	sc.target = v
	return sc.emit
}

// cached returns the sums of token k for slot j, computing them with
// fill the first time.
func (sc *scorer) cached(k, j int, fill func(emit func([]byte))) []float64 {
	L := sc.m.Units()
	i := k*slotsPerToken + j
	if at := sc.at[i]; at != 0 {
		return sc.vecs[at-1 : int(at-1)+L]
	}
	start := len(sc.vecs)
	if start+L >= math.MaxInt32 {
		v := make([]float64, L) // cannot index it: sum every time
		sc.sum(v, fill)
		return v
	}
	if cap(sc.vecs)-start < L {
		sc.vecs = slices.Grow(sc.vecs, L)
	}
	sc.vecs = sc.vecs[:start+L]
	v := sc.vecs[start : start+L]
	clear(v)
	sc.sum(v, fill)
	sc.at[i] = int32(start + 1)
	return v
}

// sum adds to v the weights of the features fill emits, in their order,
// looked up together (see flush).
func (sc *scorer) sum(v []float64, fill func(emit func([]byte))) {
	if sc.m.index == nil {
		fill(sc.weights(v))
		return
	}
	sc.fkeys = sc.fkeys[:0]
	fill(sc.gather)
	sc.m.index.addKeys(v, sc.fkeys)
}

func (sc *scorer) addToken(x *extractor, k int, dir, types, st, ot string) {
	sc.flush()
	d := 0
	if dir != "SO" {
		d = 1
	}
	v := sc.cached(k, d, func(emit func([]byte)) { x.betweenDir(k, dir, emit) })
	for i, w := range v {
		sc.z[i] += w
	}
	si, oi := typeIndex(st), typeIndex(ot)
	if si < 0 || oi < 0 {
		sc.sum(sc.z, func(emit func([]byte)) { x.betweenTypes(k, types, emit) })
		return
	}
	v = sc.cached(k, 2+si*3+oi, func(emit func([]byte)) { x.betweenTypes(k, types, emit) })
	for i, w := range v {
		sc.z[i] += w
	}
}

// Softmax turns scores into probabilities in place (the model's, and
// training's in package reltrain).
func Softmax(z []float64) {
	mx := math.Inf(-1)
	for _, v := range z {
		mx = max(mx, v)
	}
	sum := 0.0
	for i, v := range z {
		z[i] = math.Exp(v - mx)
		sum += z[i]
	}
	for i := range z {
		z[i] /= sum
	}
}

// cueModality is the modality of an action the model found without a
// rule: that of the nearest word between or around the pair that cues the
// action's type (modality: negated after a negation, future after سوف or
// a future prefix, reported after a speech verb), asserted when no such
// word is found or the relation is structural.
func (x *extractor) cueModality(pr pair, si int, pred string) string {
	if r, ok := vocab.Get(pred); !ok || r.Group == "structural" {
		return "asserted"
	}
	s, o := x.d.Mentions[pr.s], x.d.Mentions[pr.o]
	lo, hi := min(s.Start, o.Start), max(s.End, o.End)
	a, b := x.sentTok[si][0], x.sentTok[si][1]
	best, bestD := -1, 0
	for k := max(a, lo-4); k < min(b, hi+3); k++ {
		if !slices.Contains(x.tok(k).cues, pred) {
			continue
		}
		d := 0 // distance to the pair's span
		if k < lo {
			d = lo - k
		} else if k >= hi {
			d = k - hi + 1
		}
		if best < 0 || d < bestD {
			best, bestD = k, d
		}
	}
	if best < 0 {
		// no cue near the pair: a future verb right after it (at most
		// three words on, names of a list aside) still puts the act to
		// come (مفاوضات ... بين كوريا الجنوبية والصين واليابان [ستعقد])
		for k := hi; k < b && k < hi+4 && x.ar && !x.isBoundary(k); k++ {
			if x.futureVerb(k) {
				return "future"
			}
		}
		return "asserted"
	}
	_, _, future := x.verbAt(best) // a future prefix on the trigger read (سيزور)
	return x.modality(a, best, future)
}

// maxCoordinated is the longest list of names an act on one of them
// extends to.
const maxCoordinated = 4

// coordinated returns the mentions joined to mention i in one list of
// names of its type: each next one written right after the one before,
// with و or "and", or a comma between (مصر والأردن والسعودية; Britain,
// France and Germany). Nationality adjectives and held titles join none.
func (x *extractor) coordinated(i int) []int {
	ms := x.d.Mentions
	joined := func(a, b int) bool { return ms[a].Type == ms[b].Type && x.listed(a, b) }
	var out []int
	for j := i; j > 0 && joined(j-1, j); j-- {
		out = append(out, j-1)
	}
	for j := i; j+1 < len(ms) && joined(j, j+1); j++ {
		out = append(out, j+1)
	}
	return out
}

// listed reports whether mention b follows mention a in a list of names:
// written right after it with و or "and", or a comma between (مصر
// والأردن; Britain, France and Germany). Nationality adjectives and held
// titles are in none.
func (x *extractor) listed(a, b int) bool {
	ms := x.d.Mentions
	ma, mb := ms[a], ms[b]
	if ma.Demonym || mb.Demonym || ma.Title || mb.Title || mb.Start < ma.End {
		return false
	}
	gap := x.d.Tokens[ma.End:mb.Start]
	switch len(gap) {
	case 0:
		return strings.HasPrefix(mb.Prefix, "و")
	case 1:
		t := gap[0].Text
		return t == "،" || t == "," || strings.EqualFold(t, "and") || t == "و"
	case 2:
		return (gap[0].Text == "," || gap[0].Text == "،") && (strings.EqualFold(gap[1].Text, "and") || gap[1].Text == "و")
	}
	return false
}

// cuedAction reports whether sentence si names action pred by one of its
// cue words (the lexicon's cues, triggers and action nouns), or pred needs
// none: a structural relation, or an action of the lexicon's cue_free
// (a statement by any speech verb, a visit by a place after في).
func (x *extractor) cuedAction(si int, pred string) bool {
	if r, _ := vocab.Get(pred); r.Group != "action" || lex.CueFree[pred] {
		return true
	}
	a, e := x.sentTok[si][0], x.sentTok[si][1]
	for t := a; t < e; t++ {
		if slices.Contains(x.cues(t), pred) {
			return true
		}
	}
	return false
}
