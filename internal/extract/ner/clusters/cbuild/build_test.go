package cbuild

import (
	"slices"
	"testing"
)

// TestExchangeGroupsAlikeWords: on a toy text where cities follow في and
// persons follow قال, the exchange puts the cities together and the
// persons together, and does so the same way every time.
func TestExchangeGroupsAlikeWords(t *testing.T) {
	// contexts: 0 في, 1 قال, 2 edge; items: 0 بغداد 1 دمشق 2 زيد 3 عمرو,
	// which start in classes 0 1 0 1
	s := &itemSet{
		pred: [][]ctxCount{{{0, 9}}, {{0, 7}}, {{1, 9}}, {{1, 6}}},
		succ: [][]ctxCount{{{2, 9}}, {{2, 7}}, {{2, 9}}, {{2, 6}}},
		freq: []int64{9, 7, 9, 6},
	}
	a := exchange(s, 3, 2, 10, nil)
	b := exchange(s, 3, 2, 10, nil)
	if !slices.Equal(a, b) {
		t.Fatalf("not deterministic: %v %v", a, b)
	}
	if a[0] != a[1] || a[2] != a[3] || a[0] == a[2] {
		t.Fatalf("classes %v, want cities together and persons together", a)
	}
	m := s.merge(a, 2)
	if m.freq[a[0]] != 16 || m.freq[a[2]] != 15 {
		t.Fatalf("merged counts %v", m.freq)
	}
}

func TestKey(t *testing.T) {
	if Key("2006") != "<num>" || Key("بغداد") == "" {
		t.Fatal(Key("2006"), Key("بغداد"))
	}
}
