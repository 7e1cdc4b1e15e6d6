package rel

import (
	"encoding/binary"
	"math"
	"math/bits"
	"slices"
	"strconv"
)

// weightIndex holds a model's weights keyed by a 64-bit hash of the
// feature (featureKey) rather than by its string: what scoring reads, so
// that a feature, once built in the extractor's buffer, is looked up
// without being made a string or compared byte by byte. The weights of a
// feature keep the order of Model.Weights, so sums come out the same.
//
// A feature the model lacks whose hash is that of one it has would take
// that one's weights: with 64-bit hashes and some 10^5 features, the
// chance that any of 10^7 distinct features looked up does is about
// 10^12/2^64, 5·10^-8. Two features of the model with the same hash are
// detected when the index is built; the model is then scored through
// Weights, as before.
type weightIndex struct {
	slots []indexSlot // open addressing on mixKey(key); n = 0: empty
	mask  uint64
	// labels and ws hold the weights of every feature, one run a feature:
	// with offsets rather than slices, the index holds no pointers, which
	// the garbage collector would otherwise trace at every cycle
	labels []uint16
	ws     []float64
	// a network's weights (Model.Hidden), read from its file, are dense:
	// feature off's are rows[off*dense : off*dense+dense]·scales[off]
	dense  int
	rows   []int8
	scales []float64
}

type indexSlot struct {
	key    uint64
	off, n uint32 // the feature's weights: ws[off : off+n]
}

// newWeightIndex indexes m.Weights; nil when two features share a key
// or the weights do not fit 32-bit offsets.
func newWeightIndex(m *Model) *weightIndex {
	b := newIndexBuilder()
	for f, ws := range m.Weights {
		for _, lw := range ws {
			if lw.Label < 0 || lw.Label >= m.Units() {
				return nil
			}
		}
		b.add([]byte(f), ws)
	}
	return b.index(m.Units())
}

// indexBuilder builds a weightIndex one feature at a time.
type indexBuilder struct {
	ix       weightIndex
	n        int  // features indexed
	maxLabel int  // the largest label of a weight
	expect   int  // weights expected (expectWeights)
	failed   bool // two features share a key, or too many weights
}

func newIndexBuilder() *indexBuilder {
	const size = 1 << 10
	return &indexBuilder{ix: weightIndex{slots: make([]indexSlot, size), mask: size - 1}}
}

// expectWeights tells the builder to expect about n weights of add: the
// first add makes room for them, so that they are not copied as they grow.
func (b *indexBuilder) expectWeights(n int) { b.expect = n }

// add indexes the weights of feature f (none: as if absent). The index
// keeps what it needs of f and ws.
func (b *indexBuilder) add(f []byte, ws []LabelWeight) {
	if len(ws) == 0 || b.failed {
		return
	}
	if b.ix.dense != 0 || len(b.ix.ws)+len(ws) >= math.MaxUint32 {
		b.failed = true
		return
	}
	if !b.slot(f, uint32(len(b.ix.ws)), uint32(len(ws))) {
		return
	}
	if b.ix.ws == nil && b.expect > 0 {
		b.ix.labels, b.ix.ws = make([]uint16, 0, b.expect), make([]float64, 0, b.expect)
	}
	for _, lw := range ws {
		b.maxLabel = max(b.maxLabel, lw.Label)
		b.ix.labels = append(b.ix.labels, uint16(lw.Label))
		b.ix.ws = append(b.ix.ws, lw.W)
	}
}

// addDense indexes the weights of feature f of a network, q·scale for
// each hidden unit (QuantizeRow). An index holds the features of add or
// of addDense, not both.
func (b *indexBuilder) addDense(f []byte, scale float64, q []int8) {
	if b.failed {
		return
	}
	if len(b.ix.ws) > 0 || b.ix.dense != 0 && b.ix.dense != len(q) || len(q) == 0 || len(b.ix.rows)+len(q) >= math.MaxUint32 {
		b.failed = true
		return
	}
	b.ix.dense = len(q)
	if !b.slot(f, uint32(len(b.ix.scales)), uint32(len(q))) {
		return
	}
	b.ix.rows = append(b.ix.rows, q...)
	b.ix.scales = append(b.ix.scales, scale)
	b.maxLabel = max(b.maxLabel, len(q)-1)
}

// slot gives feature f a slot whose weights start at off and number n;
// false, and the builder failed, when another feature has its key.
func (b *indexBuilder) slot(f []byte, off, n uint32) bool {
	if 2*(b.n+1)+1 > len(b.ix.slots) {
		b.grow()
	}
	k := featureKey(f)
	s := mixKey(k) & b.ix.mask
	for b.ix.slots[s].n != 0 {
		if b.ix.slots[s].key == k {
			b.failed = true
			return false
		}
		s = (s + 1) & b.ix.mask
	}
	b.ix.slots[s] = indexSlot{key: k, off: off, n: n}
	b.n++
	return true
}

// grow doubles the slots of the index.
func (b *indexBuilder) grow() {
	old := b.ix.slots
	b.ix.slots = make([]indexSlot, 2*len(old))
	b.ix.mask = uint64(len(b.ix.slots) - 1)
	for _, sl := range old {
		if sl.n == 0 {
			continue
		}
		s := mixKey(sl.key) & b.ix.mask
		for b.ix.slots[s].n != 0 {
			s = (s + 1) & b.ix.mask
		}
		b.ix.slots[s] = sl
	}
}

// index returns the index of the features added, for a model of labels
// labels; nil when it cannot be built.
func (b *indexBuilder) index(labels int) *weightIndex {
	if b.failed || labels > math.MaxUint16 || b.maxLabel >= labels {
		return nil
	}
	ix := b.ix
	// the weights, grown by appending, are copied to their exact size
	ix.labels, ix.ws = slices.Clone(ix.labels), slices.Clone(ix.ws)
	ix.rows, ix.scales = slices.Clone(ix.rows), slices.Clone(ix.scales)
	return &ix
}

// add adds the weights of feature f to z, in the order of Model.Weights.
func (ix *weightIndex) add(z []float64, f []byte) {
	if sl := ix.find(featureKey(f)); sl != nil {
		ix.addRun(z, sl)
	}
}

// addKeys adds the weights of the features of keys (featureKey) to z, in
// their order.
func (ix *weightIndex) addKeys(z []float64, keys []uint64) {
	for _, k := range keys {
		if sl := ix.find(k); sl != nil {
			ix.addRun(z, sl)
		}
	}
}

// find returns the slot of the feature of key k, nil when the model lacks it.
func (ix *weightIndex) find(k uint64) *indexSlot {
	for s := mixKey(k) & ix.mask; ; s = (s + 1) & ix.mask {
		sl := &ix.slots[s]
		if sl.n == 0 {
			return nil
		}
		if sl.key == k {
			return sl
		}
	}
}

// addRun adds the weights of one feature to z.
func (ix *weightIndex) addRun(z []float64, sl *indexSlot) {
	if ix.dense > 0 {
		// as Dequantize: the same products the weights of ReadModel hold
		// (a zero adds nothing)
		scale := ix.scales[sl.off]
		row := ix.rows[int(sl.off)*ix.dense : int(sl.off+1)*ix.dense]
		z = z[:len(row)]
		for j, q := range row {
			if q != 0 {
				z[j] += float64(q) * scale
			}
		}
		return
	}
	end := sl.off + sl.n
	labels, ws := ix.labels[sl.off:end], ix.ws[sl.off:end]
	for i, w := range ws {
		z[labels[i]] += w
	}
}

// featureKey hashes a feature's bytes, eight at a time.
func featureKey(b []byte) uint64 {
	h := uint64(len(b)) * 0x9e3779b97f4a7c15
	for len(b) >= 8 {
		h = mixKey(h ^ binary.LittleEndian.Uint64(b))
		b = b[8:]
	}
	var t uint64
	for i, c := range b {
		t |= uint64(c) << (8 * i)
	}
	return mixKey(h ^ t ^ 0x5bd1e995)
}

// mixKey scrambles the bits of k (a 128-bit multiply folded to 64).
func mixKey(k uint64) uint64 {
	hi, lo := bits.Mul64(k^0xa0761d6478bd642f, 0xe7037ed1a0b428db)
	return hi ^ lo
}

// parseWeight is strconv.ParseFloat(s, 64), faster for the short decimals
// Model.Write writes (four significant digits, maybe an exponent): for a
// mantissa of at most 15 digits and a power of ten within 10^±22, both
// exact in a float64, one multiplication or division rounds the value
// correctly, which is the shortcut strconv itself takes. Anything else
// goes to strconv.
func parseWeight(s string) (float64, error) {
	i, neg := 0, false
	if i < len(s) && (s[i] == '-' || s[i] == '+') {
		neg = s[i] == '-'
		i++
	}
	var mant uint64
	digits, exp := 0, 0
	sawDigit, sawDot := false, false
mantissa:
	for ; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			if digits == 15 {
				return strconv.ParseFloat(s, 64)
			}
			sawDigit = true
			mant = mant*10 + uint64(c-'0')
			if mant > 0 {
				digits++
			}
			if sawDot {
				exp--
			}
		case c == '.' && !sawDot:
			sawDot = true
		default:
			break mantissa
		}
	}
	if !sawDigit {
		return strconv.ParseFloat(s, 64)
	}
	if i < len(s) {
		if s[i] != 'e' && s[i] != 'E' {
			return strconv.ParseFloat(s, 64)
		}
		i++
		eneg := false
		if i < len(s) && (s[i] == '-' || s[i] == '+') {
			eneg = s[i] == '-'
			i++
		}
		if i == len(s) {
			return strconv.ParseFloat(s, 64)
		}
		e := 0
		for ; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' || e > 1000 {
				return strconv.ParseFloat(s, 64)
			}
			e = e*10 + int(s[i]-'0')
		}
		if eneg {
			e = -e
		}
		exp += e
	}
	f := float64(mant)
	switch {
	case exp == 0:
	case exp > 0 && exp <= 22:
		f *= pow10[exp]
	case exp < 0 && exp >= -22:
		f /= pow10[-exp]
	default:
		return strconv.ParseFloat(s, 64)
	}
	if neg {
		f = -f
	}
	return f, nil
}

// pow10 are the powers of ten a float64 holds exactly.
var pow10 = [23]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}
