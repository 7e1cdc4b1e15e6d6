package learn

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/kg-project/kg/internal/translit"
)

// Score counts the right answers of one romaniser on one set.
type Score struct {
	N       int `json:"n"`
	Exact   int `json:"exact"`   // the most attested spelling, case aside
	Any     int `json:"any"`     // some attested spelling, case aside
	Lenient int `json:"lenient"` // the most attested, also ignoring hyphens, spaces, apostrophes, doubled letters, ee/i, oo/ou/u
}

func (s *Score) add(pred string, gold []string) {
	s.N++
	if strings.EqualFold(pred, gold[0]) {
		s.Exact++
	}
	for _, g := range gold {
		if strings.EqualFold(pred, g) {
			s.Any++
			break
		}
	}
	if lenient(pred) == lenient(gold[0]) {
		s.Lenient++
	}
}

// lenient folds away the differences a reader does not notice.
func lenient(s string) string {
	s = latinLetters(cleanLatin(s))
	s = strings.NewReplacer("ee", "i", "oo", "u", "ou", "u").Replace(s)
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if i == 0 || s[i] != s[i-1] {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// SetResult is the score of the old (translit.Letters) and the new
// (Romanize) romanisation on one held-out set.
type SetResult struct {
	Set string `json:"set"`
	Old Score  `json:"old"`
	New Score  `json:"new"`
	// for words: the scores on the words spelt in the training data (other
	// sources, other spellings) and on the others (the model alone)
	SeenOld   *Score `json:"seen_old,omitempty"`
	Seen      *Score `json:"seen,omitempty"`
	UnseenOld *Score `json:"unseen_old,omitempty"`
	Unseen    *Score `json:"unseen,omitempty"`
}

// Evaluate scores b and translit.Letters on the pairs of split (Test, or Dev
// when b was built with HoldDev) that b was not built from: full names and
// name units of people of Arab countries (Wikidata spellings), and the words
// of the two transliteration sets.
func Evaluate(b *Built, d *Data, split Split) []SetResult {
	var out []SetResult
	gold := func(ps []Pair, keep func(Pair) bool) map[string][]string {
		ev := map[string]evidence{}
		for _, p := range ps {
			if p.Split != split || !keep(p) {
				continue
			}
			if l := cleanLatin(p.Latin); l != "" {
				add(ev, p.Arabic, strings.ToLower(l), p.Count)
			}
		}
		g := map[string][]string{}
		for ar, e := range ev {
			vs := sortedKeys(e)
			sort.SliceStable(vs, func(i, j int) bool { return e[vs[i]] > e[vs[j]] })
			g[ar] = vs
		}
		return g
	}
	arab := func(p Pair) bool { return arabCountries[p.Country] && p.Origin == "wikidata" }
	score := func(name string, g map[string][]string, words bool) {
		r := SetResult{Set: name}
		if words {
			r.SeenOld, r.Seen, r.UnseenOld, r.Unseen = &Score{}, &Score{}, &Score{}, &Score{}
		}
		for _, ar := range sortedKeys(g) {
			if words && strings.Contains(ar, " ") {
				continue
			}
			old := translit.Letters(ar)
			r.Old.add(old, g[ar])
			pred := b.Romanize(ar)
			r.New.add(pred, g[ar])
			if words {
				stem := ar
				if hasArticle(ar) && !b.seen[ar] {
					stem = ar[len("ال"):]
				}
				if b.seen[stem] || translit.HasSpelling(stem) {
					r.SeenOld.add(old, g[ar])
					r.Seen.add(pred, g[ar])
				} else {
					r.UnseenOld.add(old, g[ar])
					r.Unseen.add(pred, g[ar])
				}
			}
		}
		out = append(out, r)
	}
	score("full names, Wikidata (Arab countries)", gold(d.FullNames, func(p Pair) bool { return arab(p) && p.Lang == "en" }), false)
	score("name units, Wikidata (Arab countries)", gold(d.Units, arab), true)
	score("words, google-translit-ar2en", gold(d.Google, func(Pair) bool { return true }), true)
	score("words, netranslit-wikidata-ar (reversed)", gold(d.NETranslit, func(Pair) bool { return true }), true)
	return out
}

// WriteReport writes the results as a text table.
func WriteReport(w io.Writer, rs []SetResult) {
	pct := func(a, n int) string {
		if n == 0 {
			return "-"
		}
		return fmt.Sprintf("%.1f%%", 100*float64(a)/float64(n))
	}
	fmt.Fprintf(w, "%-44s %6s  %-23s  %-23s\n", "held-out set", "n", "old exact/any/lenient", "new exact/any/lenient")
	line := func(name string, o, n Score) {
		old := "-"
		if o.N > 0 {
			old = pct(o.Exact, o.N) + " " + pct(o.Any, o.N) + " " + pct(o.Lenient, o.N)
		}
		fmt.Fprintf(w, "%-44s %6d  %-23s  %-23s\n", name, n.N, old, pct(n.Exact, n.N)+" "+pct(n.Any, n.N)+" "+pct(n.Lenient, n.N))
	}
	for _, r := range rs {
		line(r.Set, r.Old, r.New)
		if r.Seen != nil {
			line("  of which spelt in training data", *r.SeenOld, *r.Seen)
			line("  of which new words (model only)", *r.UnseenOld, *r.Unseen)
		}
	}
}
