package translit

import (
	"math"
	"slices"
	"sort"
	"strings"
)

// Graphone is one step of a transliteration: one Arabic letter (in
// arabic.MatchForm) and the Latin letters it is written with, possibly none
// (ا in "Ibrahim" after the r is written by the a of "ra"). ID 0 is the word
// boundary.
type Graphone struct {
	Arabic rune
	Latin  string
}

// MaxOrder is the largest n-gram order a Model may have.
const MaxOrder = 5

// Model is a joint-sequence (graphone) n-gram model: the probability of a
// word's spelling is the product, over its graphones, of the probability of
// each graphone given the previous Order-1, smoothed by Witten-Bell
// interpolation with the lower orders. Decode finds the most probable
// graphone sequence whose Arabic side spells a word. A Model is read-only
// once built and safe for concurrent use.
type Model struct {
	Order     int
	Graphones []Graphone // index = ID; Graphones[0] is the boundary
	// Counts holds the (weighted) count of every n-gram kept, keyed by
	// NgramKey of its IDs (history first, the predicted graphone last).
	Counts map[uint64]float64

	hist     map[uint64]histStat // history key -> total count and number of followers
	uni      []float64           // graphone ID -> unigram probability
	byLetter map[rune][]uint16   // Arabic letter -> IDs of its graphones
	uniTotal float64
}

// histStat is what the smoothing needs of a history: its total count, the
// number of graphones seen after it, and those graphones (sorted) with
// their counts.
type histStat struct {
	total, types float64
	next         []uint16
	counts       []float64
}

// count returns the count of graphone g after the history.
func (s *histStat) count(g uint16) float64 {
	i, ok := slices.BinarySearch(s.next, g)
	if !ok {
		return 0
	}
	return s.counts[i]
}

// NgramKey packs up to MaxOrder graphone IDs (each < 1<<12) with their
// number into one map key.
func NgramKey(ids []uint16) uint64 {
	k := uint64(len(ids))
	for _, id := range ids {
		k = k<<12 | uint64(id&0xfff)
	}
	return k
}

// MaxGraphones is the number of distinct graphones a Model can hold.
const MaxGraphones = 1 << 12

// Index prepares a Model whose Order, Graphones and Counts are set: the
// history statistics of the smoothing and the graphones of each letter.
func (m *Model) Index() {
	m.hist = map[uint64]histStat{}
	m.byLetter = map[rune][]uint16{}
	m.uniTotal = 0
	keys := make([]uint64, 0, len(m.Counts))
	for k := range m.Counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	for _, k := range keys {
		n := ngramLen(k)
		c := m.Counts[k]
		if n == 1 {
			m.uniTotal += c
			continue
		}
		h := historyOf(k, n)
		s := m.hist[h]
		s.total += c
		s.types++
		s.next = append(s.next, uint16(k&0xfff)) // keys are sorted: so are the graphones after one history
		s.counts = append(s.counts, c)
		m.hist[h] = s
	}
	// unigrams, with add-half smoothing so that no graphone has probability 0
	m.uni = make([]float64, len(m.Graphones))
	for id := range m.Graphones {
		m.uni[id] = (m.Counts[NgramKey([]uint16{uint16(id)})] + 0.5) / (m.uniTotal + 0.5*float64(len(m.Graphones)))
	}
	for id, g := range m.Graphones {
		if id == 0 {
			continue
		}
		m.byLetter[g.Arabic] = append(m.byLetter[g.Arabic], uint16(id))
	}
	for r, ids := range m.byLetter {
		sort.SliceStable(ids, func(i, j int) bool {
			return m.Counts[NgramKey(ids[i:i+1])] > m.Counts[NgramKey(ids[j:j+1])]
		})
		if len(ids) > maxCandidates {
			m.byLetter[r] = ids[:maxCandidates]
		}
	}
}

// ngramLen returns the number of IDs packed in k.
func ngramLen(k uint64) int {
	for n := 1; n <= MaxOrder; n++ {
		if k>>(12*n) < 1<<12 && int(k>>(12*n)) == n {
			return n
		}
	}
	return 0
}

// historyOf returns the key of the n-1 first IDs of the n-gram key k.
func historyOf(k uint64, n int) uint64 {
	ids := k & (1<<(12*n) - 1)
	return uint64(n-1)<<(12*(n-1)) | ids>>12
}

// context is what prob needs to know of a history: the statistics of its
// suffixes that were seen (the longest last).
type context struct {
	hist  []uint16
	stats [MaxOrder - 1]histStat
	n     int // how many suffixes of hist were seen as histories
}

func (m *Model) context(hist []uint16) context {
	c := context{hist: hist}
	for n := 1; n <= len(hist); n++ {
		s, ok := m.hist[NgramKey(hist[len(hist)-n:])]
		if !ok {
			break // no longer history was seen either
		}
		c.stats[n-1] = s
		c.n = n
	}
	return c
}

// prob returns P(g | the history of c).
func (m *Model) prob(c *context, g uint16) float64 {
	p := m.uni[g]
	for n := 1; n <= c.n; n++ {
		s := &c.stats[n-1]
		p = (s.count(g) + s.types*p) / (s.total + s.types)
	}
	return p
}

type beamState struct {
	hist   [MaxOrder - 1]uint16
	score  float64
	parent int32 // index of the state it extends in the previous step
	g      uint16
}

// maxCandidates is how many graphones of a letter Decode tries (the most
// frequent ones).
const maxCandidates = 12

// Decode returns the most probable Latin spelling (lower case) of word, a
// string of Arabic letters in arabic.MatchForm, with a beam of width beam
// (0: 16). It returns "" when a letter of word has no graphone.
func (m *Model) Decode(word string, beam int) string {
	t, _, _ := m.decode(word, beam)
	return t
}

// BestScore returns the natural log of the probability of the spelling
// Decode returns for word (beam as Decode's), and false when there is none.
func (m *Model) BestScore(word string, beam int) (float64, bool) {
	_, sc, ok := m.decode(word, beam)
	return sc, ok
}

// decode is Decode with the log-probability of the spelling; false when
// there is none.
func (m *Model) decode(word string, beam int) (string, float64, bool) {
	if beam <= 0 {
		beam = 5
	}
	if m == nil || m.Order < 1 || word == "" {
		return "", 0, false
	}
	h := m.Order - 1
	steps := [][]beamState{{{parent: -1}}}
	best := map[[MaxOrder - 1]uint16]int{}
	for _, r := range word {
		cands := m.byLetter[r]
		if len(cands) == 0 {
			return "", 0, false
		}
		prev := steps[len(steps)-1]
		clear(best)
		var next []beamState
		for pi, s := range prev {
			ctx := m.context(s.hist[:h])
			for _, g := range cands {
				ns := beamState{score: s.score + math.Log(m.prob(&ctx, g)), parent: int32(pi), g: g}
				if h > 0 {
					copy(ns.hist[:h-1], s.hist[1:h])
					ns.hist[h-1] = g
				}
				if i, ok := best[ns.hist]; ok {
					if ns.score > next[i].score {
						next[i] = ns
					}
					continue
				}
				best[ns.hist] = len(next)
				next = append(next, ns)
			}
		}
		sortStates(next)
		if len(next) > beam {
			next = next[:beam]
		}
		steps = append(steps, next)
	}
	last := steps[len(steps)-1]
	for i := range last {
		ctx := m.context(last[i].hist[:h])
		last[i].score += math.Log(m.prob(&ctx, 0))
	}
	sortStates(last)
	// follow the back pointers of the best final state
	out := make([]string, len(steps)-1)
	i := 0
	for k := len(steps) - 1; k > 0; k-- {
		s := steps[k][i]
		out[k-1] = m.Graphones[s.g].Latin
		i = int(s.parent)
	}
	return strings.Join(out, ""), last[0].score, true
}

// sortStates orders beam states by score, best first; ties (which never
// depend on map order) by history, then by parent.
func sortStates(ss []beamState) {
	slices.SortFunc(ss, func(a, b beamState) int {
		if a.score != b.score {
			if a.score > b.score {
				return -1
			}
			return 1
		}
		for k := range a.hist {
			if a.hist[k] != b.hist[k] {
				return int(a.hist[k]) - int(b.hist[k])
			}
		}
		return int(a.parent) - int(b.parent)
	})
}

// graphoneString is the form of a graphone in the compiled file.
func graphoneString(g Graphone) string {
	return string(g.Arabic) + ":" + g.Latin
}

func parseGraphone(s string) (Graphone, bool) {
	a, l, ok := strings.Cut(s, ":")
	rs := []rune(a)
	if !ok || len(rs) != 1 {
		return Graphone{}, false
	}
	return Graphone{Arabic: rs[0], Latin: l}, true
}

// Score returns the natural log of the probability of the most probable
// graphone sequence that spells the Arabic word (arabic.MatchForm letters)
// as the Latin string lat (lower case a-z), and false when the model cannot
// spell it so: Decode's beam search kept to the states that write a prefix
// of lat. Score - BestScore says how much less likely than the model's own
// spelling lat is.
func (m *Model) Score(word, lat string, beam int) (float64, bool) {
	if beam <= 0 {
		beam = 5
	}
	if m == nil || m.Order < 1 || word == "" {
		return 0, false
	}
	type state struct {
		hist  [MaxOrder - 1]uint16
		score float64
		pos   int // letters of lat written
	}
	type key struct {
		hist [MaxOrder - 1]uint16
		pos  int
	}
	h := m.Order - 1
	prev := []state{{}}
	best := map[key]int{}
	var next []state
	for _, r := range word {
		cands := m.byLetter[r]
		if len(cands) == 0 {
			return 0, false
		}
		clear(best)
		next = next[:0]
		for _, s := range prev {
			ctx := m.context(s.hist[:h])
			for _, g := range cands {
				l := m.Graphones[g].Latin
				if !strings.HasPrefix(lat[s.pos:], l) {
					continue
				}
				ns := state{score: s.score + math.Log(m.prob(&ctx, g)), pos: s.pos + len(l)}
				if h > 0 {
					copy(ns.hist[:h-1], s.hist[1:h])
					ns.hist[h-1] = g
				}
				k := key{ns.hist, ns.pos}
				if i, ok := best[k]; ok {
					if ns.score > next[i].score {
						next[i] = ns
					}
					continue
				}
				best[k] = len(next)
				next = append(next, ns)
			}
		}
		if len(next) == 0 {
			return 0, false
		}
		slices.SortStableFunc(next, func(a, b state) int {
			switch {
			case a.score > b.score:
				return -1
			case a.score < b.score:
				return 1
			}
			return 0
		})
		if len(next) > beam {
			next = next[:beam]
		}
		prev, next = next, prev
	}
	out, found := math.Inf(-1), false
	for _, s := range prev {
		if s.pos != len(lat) {
			continue
		}
		ctx := m.context(s.hist[:h])
		if sc := s.score + math.Log(m.prob(&ctx, 0)); sc > out {
			out, found = sc, true
		}
	}
	return out, found
}
