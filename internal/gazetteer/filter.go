package gazetteer

// keyFilter is a Bloom filter of strings: mayHave is false for a string
// never added, and for most of the others. FindAllWords tries many word
// sequences that name nothing; the filter, some 64 KB for the default
// gazetteer that stay in the processor's cache, answers most of them without the look-ups in the
// large maps of keys.
type keyFilter struct {
	bits []uint64
	mask uint64 // of a bit number
}

// newKeyFilter returns a filter sized for n strings: 16 bits each, two
// bits a string (about 1.4% of the strings never added pass).
func newKeyFilter(n int) keyFilter {
	size := uint64(64)
	for size < 16*uint64(n) {
		size <<= 1
	}
	return keyFilter{bits: make([]uint64, size/64), mask: size - 1}
}

// filterHash is FNV-1a over s, mixed, and the same rotated by 32 bits: the
// two bit positions of s.
func filterHash(s string) (uint64, uint64) {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	return h, h>>32 | h<<32
}

func (f *keyFilter) add(s string) {
	a, b := filterHash(s)
	a, b = a&f.mask, b&f.mask
	f.bits[a/64] |= 1 << (a % 64)
	f.bits[b/64] |= 1 << (b % 64)
}

func (f *keyFilter) mayHave(s string) bool {
	if f.bits == nil {
		return true
	}
	a, b := filterHash(s)
	a, b = a&f.mask, b&f.mask
	return f.bits[a/64]&(1<<(a%64)) != 0 && f.bits[b/64]&(1<<(b%64)) != 0
}
