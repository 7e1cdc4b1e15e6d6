package rel

import (
	"encoding/binary"
	"math"
	"math/bits"
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
}

type indexSlot struct {
	key    uint64
	off, n uint32 // the feature's weights: ws[off : off+n]
}

// newWeightIndex indexes m.Weights; nil when two features share a key
// or the weights do not fit 32-bit offsets.
func newWeightIndex(m *Model) *weightIndex {
	size, total := 1, 0
	for size < 2*len(m.Weights)+1 {
		size <<= 1
	}
	for _, ws := range m.Weights {
		total += len(ws)
	}
	if total >= math.MaxUint32 || len(m.Labels) > math.MaxUint16 {
		return nil
	}
	ix := &weightIndex{slots: make([]indexSlot, size), mask: uint64(size - 1), labels: make([]uint16, 0, total), ws: make([]float64, 0, total)}
	for f, ws := range m.Weights {
		if len(ws) == 0 {
			continue // adds nothing: as if absent
		}
		k := featureKey([]byte(f))
		s := mixKey(k) & ix.mask
		for ix.slots[s].n != 0 {
			if ix.slots[s].key == k {
				return nil
			}
			s = (s + 1) & ix.mask
		}
		ix.slots[s] = indexSlot{key: k, off: uint32(len(ix.ws)), n: uint32(len(ws))}
		for _, lw := range ws {
			if lw.Label < 0 || lw.Label >= len(m.Labels) {
				return nil
			}
			ix.labels = append(ix.labels, uint16(lw.Label))
			ix.ws = append(ix.ws, lw.W)
		}
	}
	return ix
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
