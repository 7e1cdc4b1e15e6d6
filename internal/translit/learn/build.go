package learn

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/kg-project/kg/internal/translit"
)

// Options sets how Build learns. The zero value gives the shipped build,
// from every split of the data.
type Options struct {
	// HoldTest holds out the test split, to score on it (Evaluate); HoldDev
	// holds out the dev split too, to tune on it.
	HoldTest, HoldDev bool
	Order             int // n-gram order of the graphone model; 0: 4
	Iters             int // EM iterations of the alignment; 0: 5
	// MinGraphone drops graphones seen in fewer words (0: 2); MinCount
	// drops n-grams longer than one seen fewer times (0: 1.5: the ones seen
	// once, which halves the model for a point of accuracy).
	MinGraphone, MinCount float64
}

func (o Options) withDefaults() Options {
	if o.Order == 0 {
		o.Order = 4
	}
	if o.Iters == 0 {
		o.Iters = 5
	}
	if o.MinGraphone == 0 {
		o.MinGraphone = 2
	}
	if o.MinCount == 0 {
		o.MinCount = 1.5
	}
	return o
}

func (o Options) held(s Split) bool {
	return s == Test && (o.HoldTest || o.HoldDev) || s == Dev && o.HoldDev
}

// Stats describes a build.
type Stats struct {
	Pairs      int `json:"pairs"`       // training pairs used
	Subtracted int `json:"subtracted"`  // name-unit attestations removed because they come from held-out full names
	Words      int `json:"words"`       // Arabic words with an attested spelling
	TableWords int `json:"table_words"` // of which in the table (the model spells the others as attested)
	Compounds  int `json:"compounds"`   // groups of words written as one (عبد العزيز Abdulaziz)
	Graphones  int `json:"graphones"`
	Ngrams     int `json:"ngrams"`
}

// Built is the result of Build.
type Built struct {
	*translit.Compiled
	Stats Stats
	// seen holds the Arabic words (stems of words with the article) that
	// have a spelling in the training pairs
	seen map[string]bool
}

// Build learns the name-unit table and the graphone model from the
// training pairs of d (never from the test split: the name units of a
// held-out full name do not count either). The result is deterministic.
func Build(d *Data, opt Options) *Built {
	opt = opt.withDefaults()
	var st Stats
	p := newPools()

	// the units that held-out full names attest: a rare surname's unit
	// would otherwise give its full name away
	type unitKey struct{ ar, lat, country string }
	minus := map[unitKey]float64{}
	for _, f := range d.FullNames {
		if !opt.held(f.Split) {
			continue
		}
		ar, la := strings.Fields(f.Arabic), strings.Fields(f.Latin)
		if len(ar) != len(la) {
			continue
		}
		for i := range ar {
			minus[unitKey{ar[i], strings.ToLower(la[i]), f.Country}] += f.Count
		}
	}
	for _, u := range d.Units {
		if opt.held(u.Split) || u.Origin != "wikidata" {
			continue // the Algerian registry writes the French way (Djazira): not for English news
		}
		w := u.Weight
		k := unitKey{u.Arabic, strings.ToLower(u.Latin), u.Country}
		if m := minus[k]; m > 0 {
			take := math.Min(m, u.Count)
			minus[k] -= take
			st.Subtracted += int(take)
			w *= (u.Count - take) / u.Count
		}
		if w > 0 {
			p.add(u.Arabic, u.Latin, w, gulf[u.Country] || mashriq[u.Country])
			st.Pairs++
		}
	}
	for _, set := range [][]Pair{d.Google, d.NETranslit} {
		for _, x := range set {
			if !opt.held(x.Split) {
				p.add(x.Arabic, x.Latin, x.Weight, false)
				st.Pairs++
			}
		}
	}
	p.sortArticles()

	// the table, and the model's examples: each word once, with the
	// spelling of the table (learning every attested spelling, or weighting
	// words by their frequency, does no better on the dev split)
	table := map[string]string{}
	var exs []example
	for _, ar := range sortedKeys(p.word) {
		ev := p.word[ar]
		sp, _ := choose(ev)
		rs := []rune(ar)
		table[ar] = sp
		if l := latinLetters(sp); l != "" && len(l) <= maxLatin*len(rs) {
			exs = append(exs, example{ar: rs, la: l, w: 1})
		}
	}
	st.Words = len(table)
	seen := make(map[string]bool, len(table))
	for ar := range table {
		seen[ar] = true
	}
	m := trainModel(exs, opt.Order, opt.Iters, opt.MinGraphone, opt.MinCount)
	c := &translit.Compiled{Table: table, Model: m}
	if d.Latin != nil {
		c.Latin = translit.NewLatin(d.Latin)
	}

	// a word the model spells as attested needs no entry; nor does one of
	// the news spellings, which win anyway. A word that matches a known
	// Latin name (the runtime's choice, MatchLatin) keeps its entry: the
	// match is for words with no attested spelling.
	for _, ar := range sortedKeys(table) {
		if opt.HoldDev {
			break // the same output, faster
		}
		if translit.HasSpelling(ar) {
			delete(table, ar)
			continue
		}
		if hasArticle(ar) {
			continue // ال is not the article here: the runtime would write al-
		}
		_, named := c.MatchLatin(ar, false)
		if _, common := c.MatchLatin(ar, true); named || common {
			if sp := table[ar]; strings.ToUpper(sp) == sp { // SABRI: as the model writes it, Sabri
				table[ar] = strings.ToUpper(sp[:1]) + strings.ToLower(sp[1:])
			}
			continue
		}
		if t := m.Decode(ar, 0); t != "" && strings.EqualFold(t, table[ar]) {
			delete(table, ar)
		}
	}
	st.TableWords = len(table)

	// compounds written as one word where the words one by one would not be
	// (عبد العزيز Abdulaziz, جار الله Jarallah), when two people or more of
	// the Gulf write them so
	add := map[string]string{}
	for _, ar := range sortedKeys(p.multi) {
		ev := p.multi[ar]
		if ev.total() < 2 || translit.HasSpelling(ar) {
			continue
		}
		sp, _ := choose(ev)
		if len(strings.Fields(sp)) >= len(strings.Fields(ar)) || utf8.RuneCountInString(sp) < 3 {
			continue
		}
		if !strings.EqualFold(c.Romanize(ar), sp) {
			add[ar] = sp
		}
	}
	for ar, sp := range add {
		table[ar] = sp
	}
	st.Compounds = len(add)
	st.Graphones = len(m.Graphones) - 1
	st.Ngrams = len(m.Counts)
	return &Built{Compiled: c, Stats: st, seen: seen}
}
