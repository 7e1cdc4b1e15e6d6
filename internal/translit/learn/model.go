package learn

import (
	"math"
	"sort"
	"strings"

	"github.com/kg-project/kg/internal/translit"
)

// example is one training word of the graphone model: Arabic letters, the
// Latin letters (a-z) of a spelling, and a weight.
type example struct {
	ar []rune
	la string
	w  float64
}

// maxLatin is the most Latin letters one Arabic letter may be written with
// (خ kh, ش sh, ع aa, and a short vowel after the consonant: sha, khou).
const maxLatin = 4

// silent are the letters that may be written with no Latin letter: long
// vowels and their carriers absorbed by the vowel of the letter before
// (Ibrahim: ا after ر), ع and ء, final ه (Fatima). Consonants always show.
var silent = map[rune]bool{'ا': true, 'و': true, 'ي': true, 'ه': true, 'ع': true, 'ء': true}

type gkey struct {
	a rune
	l string
}

// align finds, by expectation maximisation, how each Arabic letter is
// written (p(Latin letters | Arabic letter)), then returns the most probable
// graphone segmentation of each example.
func align(exs []example, iters int) [][]gkey {
	// start: every segmentation equally likely
	p := map[gkey]float64{}
	for _, ex := range exs {
		for i, a := range ex.ar {
			for j := 0; j <= len(ex.la); j++ {
				for k := 0; k <= maxLatin && j+k <= len(ex.la); k++ {
					if k == 0 && !silent[a] {
						continue
					}
					if j <= i*maxLatin && len(ex.la)-(j+k) <= (len(ex.ar)-i-1)*maxLatin {
						p[gkey{a, ex.la[j : j+k]}] = 1
					}
				}
			}
		}
	}
	normalise(p)
	for it := 0; it < iters; it++ {
		counts := map[gkey]float64{}
		for _, ex := range exs {
			n, m := len(ex.ar), len(ex.la)
			fwd := lattice(n+1, m+1)
			bwd := lattice(n+1, m+1)
			fwd[0][0] = 1
			for i := 0; i < n; i++ {
				for j := 0; j <= m; j++ {
					if fwd[i][j] == 0 {
						continue
					}
					for k := 0; k <= maxLatin && j+k <= m; k++ {
						fwd[i+1][j+k] += fwd[i][j] * p[gkey{ex.ar[i], ex.la[j : j+k]}]
					}
				}
			}
			z := fwd[n][m]
			if z == 0 || math.IsInf(z, 0) || math.IsNaN(z) {
				continue
			}
			bwd[n][m] = 1
			for i := n - 1; i >= 0; i-- {
				for j := m; j >= 0; j-- {
					s := 0.0
					for k := 0; k <= maxLatin && j+k <= m; k++ {
						s += p[gkey{ex.ar[i], ex.la[j : j+k]}] * bwd[i+1][j+k]
					}
					bwd[i][j] = s
				}
			}
			for i := 0; i < n; i++ {
				for j := 0; j <= m; j++ {
					if fwd[i][j] == 0 {
						continue
					}
					for k := 0; k <= maxLatin && j+k <= m; k++ {
						g := gkey{ex.ar[i], ex.la[j : j+k]}
						if c := fwd[i][j] * p[g] * bwd[i+1][j+k]; c > 0 {
							counts[g] += ex.w * c / z
						}
					}
				}
			}
		}
		p = counts
		normalise(p)
	}
	out := make([][]gkey, len(exs))
	for e, ex := range exs {
		out[e] = viterbi(ex, p)
	}
	return out
}

func lattice(n, m int) [][]float64 {
	l := make([][]float64, n)
	for i := range l {
		l[i] = make([]float64, m)
	}
	return l
}

// normalise makes p(. | Arabic letter) sum to one, in a fixed order.
func normalise(p map[gkey]float64) {
	keys := make([]gkey, 0, len(p))
	for k := range p {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return less(keys[i], keys[j]) })
	tot := map[rune]float64{}
	for _, k := range keys {
		tot[k.a] += p[k]
	}
	for _, k := range keys {
		p[k] /= tot[k.a]
	}
}

func less(a, b gkey) bool {
	if a.a != b.a {
		return a.a < b.a
	}
	return a.l < b.l
}

// viterbi returns the most probable segmentation of ex under p (nil when
// there is none).
func viterbi(ex example, p map[gkey]float64) []gkey {
	n, m := len(ex.ar), len(ex.la)
	score := lattice(n+1, m+1)
	back := make([][]int, n+1)
	for i := range score {
		back[i] = make([]int, m+1)
		for j := range score[i] {
			score[i][j] = math.Inf(-1)
		}
	}
	score[0][0] = 0
	for i := 0; i < n; i++ {
		for j := 0; j <= m; j++ {
			if math.IsInf(score[i][j], -1) {
				continue
			}
			for k := 0; k <= maxLatin && j+k <= m; k++ {
				q := p[gkey{ex.ar[i], ex.la[j : j+k]}]
				if q <= 0 {
					continue
				}
				s := score[i][j] + math.Log(q)
				if s > score[i+1][j+k] {
					score[i+1][j+k] = s
					back[i+1][j+k] = k
				}
			}
		}
	}
	if math.IsInf(score[n][m], -1) {
		return nil
	}
	out := make([]gkey, n)
	j := m
	for i := n; i > 0; i-- {
		k := back[i][j]
		out[i-1] = gkey{ex.ar[i-1], ex.la[j-k : j]}
		j -= k
	}
	return out
}

// trainModel aligns the examples and counts the graphone n-grams up to
// order, dropping the graphones seen with less than minGraphone weight and
// the n-grams (n > 1) seen with less than minCount.
func trainModel(exs []example, order, iters int, minGraphone, minCount float64) *translit.Model {
	segs := align(exs, iters)
	gw := map[gkey]float64{}
	for e, seg := range segs {
		for _, g := range seg {
			gw[g] += exs[e].w
		}
	}
	var gs []gkey
	for g, w := range gw {
		if w >= minGraphone {
			gs = append(gs, g)
		}
	}
	sort.Slice(gs, func(i, j int) bool { return less(gs[i], gs[j]) })
	if len(gs) >= translit.MaxGraphones-1 {
		gs = gs[:translit.MaxGraphones-1]
	}
	m := &translit.Model{Order: order, Graphones: []translit.Graphone{{}}, Counts: map[uint64]float64{}}
	id := map[gkey]uint16{}
	for _, g := range gs {
		id[g] = uint16(len(m.Graphones))
		m.Graphones = append(m.Graphones, translit.Graphone{Arabic: g.a, Latin: g.l})
	}
	counts := map[uint64]float64{}
	seq := make([]uint16, 0, 32)
	for e, seg := range segs {
		if seg == nil {
			continue
		}
		seq = seq[:0]
		for k := 1; k < order; k++ {
			seq = append(seq, 0)
		}
		ok := true
		for _, g := range seg {
			i, found := id[g]
			if !found {
				ok = false
				break
			}
			seq = append(seq, i)
		}
		if !ok {
			continue
		}
		seq = append(seq, 0)
		for end := order - 1; end < len(seq); end++ {
			for n := 1; n <= order; n++ {
				counts[translit.NgramKey(seq[end-n+1:end+1])] += exs[e].w
			}
		}
	}
	for k, c := range counts {
		c = translit.RoundCount(c)
		if c <= 0 || c < minCount && k>>12 >= 1<<12 { // keep every unigram
			continue
		}
		m.Counts[k] = c
	}
	m.Index()
	return m
}

// latinLetters returns the a-z letters of a spelling, lower case.
func latinLetters(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z':
			return r
		case r >= 'A' && r <= 'Z':
			return r + 'a' - 'A'
		}
		return -1
	}, s)
}
