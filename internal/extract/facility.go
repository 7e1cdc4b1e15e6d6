package extract

import (
	"sort"

	"github.com/kg-project/kg/internal/extract/link"
	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/text/arabic"
	"github.com/kg-project/kg/internal/text/segment"
	"github.com/kg-project/kg/internal/translit"
)

// Arabic names an airport, a port, a base or a palace by a kind of site in
// the construct state and the name after it, often a place's or a
// person's: مطار بغداد الدولي is Baghdad International Airport, not
// Baghdad; مطار الملك خالد is no king; قاعدة العند الجوية is an air base
// whose name the gazetteer lacks. The gazetteer and the tagger find the
// name alone, and the article then seems to speak of the city or of the
// person.
//
// facilities finds these names with the nouns translit's data/orgwords.tsv
// marks "facility" (مطار, ميناء, قاعدة, سجن, قصر, ملعب...): such a noun
// without the article and without a pronoun, then in the same sentence
//   - a place or a person the candidates already hold, starting right
//     after it (a title of the table before the person included: مطار
//     الملك خالد), or
//   - one word that is a name, no ordinary word (قاعدة العند, سجن الحائر:
//     a common word such as السلام "peace" is not taken, for مطار المدينة
//     is "the city's airport"),
//
// then the adjectives of the table that follow, but for nationalities and
// regions (الدولي, الجوية; not الروسية: قاعدة حميميم الروسية is a Russian
// base named Hmeimim). The phrase becomes one Location candidate, without
// the gazetteer entry of the name inside it, and takes the place of the
// candidates it covers but a known place's (the city an airport is named
// after is named too).
func (p *Pipeline) facilities(toks []segment.Token, words []arabic.Word, cands []link.Candidate) []link.Candidate {
	if len(toks) < 2 {
		return cands
	}
	// startAt[k]: the first candidate that starts where token k does
	tokAt := make(map[int]int, len(toks))
	for k, t := range toks {
		tokAt[t.Start] = k
	}
	startAt := map[int]int{}
	for ci, c := range cands {
		if k, ok := tokAt[c.Start]; ok {
			if _, seen := startAt[k]; !seen {
				startAt[k] = ci
			}
		}
	}
	// a name that begins with the noun is the gazetteer's or the
	// tagger's whole: جسر الشغور is a town
	inside := coveredTokens(toks, cands)
	var found []link.Candidate
	for i := 0; i+1 < len(toks); i++ {
		w := &words[i]
		if inside[i] || w.Article != "" || w.Suffix != "" || toks[i+1].Sentence != toks[i].Sentence {
			continue
		}
		kind, typ, clitic := siteKind(w)
		if kind == noSite {
			continue
		}
		j, end := i+1, -1
		if words[j].Conj != "" || words[j].Prep != "" {
			continue // مطار ولندن, قصر لهم: no name of it
		}
		name, titled := j, false
		if isTitle(&words[j]) && j+1 < len(toks) && toks[j+1].Sentence == toks[i].Sentence {
			name, titled = j+1, true // مطار الملك خالد
			if _, ok := startAt[name]; !ok {
				name = j // the gazetteer's الملك فهد
			}
		}
		if kind == namedSite && !titled {
			continue // حديقة الحيوان, مدينة جدة: named by the tagger or the gazetteer, or no name
		}
		if ci, ok := startAt[name]; ok {
			// a place, a person, or an organisation the tagger guessed
			// (سجن الحائر) is the facility's name; a titled person the
			// name of a place or institution of other kinds
			c := cands[ci]
			if c.Demonym || c.Type != model.Location && c.Type != model.Person && (c.Type != model.Organization || c.Entry != nil) {
				continue
			}
			if kind != facilitySite && c.Type != model.Person {
				continue
			}
			if clitic > 0 && c.Type == model.Person && !titled && kind != streetSite {
				continue // لسجن أحمد نظيف "for imprisoning Ahmed Nazif": a verbal noun, no prison
			}
			for end = name; end+1 < len(toks) && toks[end+1].Start < c.End; end++ {
			}
		} else if kind == facilitySite && name == j && p.facilityName(toks, words, j) {
			end = j
		}
		if end < 0 {
			continue
		}
		for end+1 < len(toks) && toks[end+1].Sentence == toks[i].Sentence && p.facilityAdjective(&words[end+1]) {
			end++
		}
		found = append(found, link.Candidate{
			Start:    toks[i].Start + len([]rune(w.Conj+w.Prep)) + clitic,
			End:      toks[end].End,
			Sentence: toks[i].Sentence,
			Type:     typ,
		})
		i = end
	}
	if len(found) == 0 {
		return cands
	}
	out := make([]link.Candidate, 0, len(cands)+len(found))
	for _, c := range cands {
		covered := false
		for _, f := range found {
			if c.Start < f.End && f.Start < c.End {
				covered = true
				break
			}
		}
		// a known place stays a mention of its own inside the site's name
		// (مطار بغداد: Baghdad is named), to the entities though not to the
		// relations, which take the longer mention
		if !covered || c.Type == model.Location && c.Entry != nil && !c.Demonym {
			out = append(out, c)
		}
	}
	return append(out, found...)
}

// facilityName reports whether token j, right after a facility noun, is a
// name of its own: one word, definite or not, that the organisation table
// does not know, not an ordinary word of unlabelled text, not a function
// word and no given name (قصر أحمد is someone's palace).
func (p *Pipeline) facilityName(toks []segment.Token, words []arabic.Word, j int) bool {
	w := &words[j]
	if w.Conj != "" || w.Prep != "" || w.Suffix != "" || !isArabicWord(toks[j].Text) || isEdgeWord(toks[j].Text, w.MF) || particles[w.MF] {
		return false
	}
	if _, ok := translit.LookupWord(arabic.MatchForm(w.Article + w.Stem)); ok {
		return false
	}
	if p.gaz.Demonym(arabic.MatchForm(w.Article+w.Stem)) != nil {
		return false
	}
	return len([]rune(arabic.MatchForm(w.Stem))) >= 3 && p.ordinary(toks, words, j) == 0 && !p.words.Ordinary(baseOf(w)) &&
		!p.words.Name(w.MF).Known()
}

// facilityAdjective reports whether a word continues a facility's name: a
// definite adjective of the organisation table that is no nationality or
// region (الدولي, الجوية, البحري, الملكي).
func (p *Pipeline) facilityAdjective(w *arabic.Word) bool {
	if w.Article == "" || w.Conj != "" || w.Prep != "" || w.Suffix != "" {
		return false
	}
	mf := arabic.MatchForm(w.Article + w.Stem)
	xw, ok := translit.LookupWord(mf)
	return ok && xw.Class == "adj" && xw.Rank != 3 && p.gaz.Demonym(mf) == nil
}

// Kinds of sites (siteKind).
const (
	noSite = iota
	// a facility noun (orgwords' "facility"): the name after it, a
	// place's, a person's or one of its own, makes one place
	facilitySite
	// another kind of place (mark "place": حديقة, طريق, مدينة) or an
	// organisation or institution (marks "org", "institution": مركز,
	// مستشفى): only a titled person after it makes it a name of its own
	// (حديقة الملك فهد, مستشفى الملك فهد, مدينة الملك عبدالله)
	namedSite
	// a street or square (mark "street": شارع, ميدان): a person after it,
	// with a title or without, makes it a name of its own (شارع جواد حسني,
	// بميدان طلعت حرب); a place after it stays the place
	streetSite
)

// siteKind returns the kind of site w names in the construct state
// (without the article or a pronoun), the type of the phrase it heads
// (facilities and places are locations, the others organisations) and the
// number of letters of a preposition the analysis left on it (بمطار,
// لجسر: the noun of the table after ب، ل or ك, with و or ف before them or
// not). The heads of a state's bodies are not sites: حكومة الملك سلمان is
// the Saudi government, headed by the king.
func siteKind(w *arabic.Word) (kind int, typ string, clitic int) {
	if w.Article != "" || w.Suffix != "" {
		return noSite, "", 0
	}
	m := arabic.MatchForm(w.Stem)
	hw, ok := translit.LookupWord(m)
	if !ok {
		rs := []rune(m)
		k := 0
		if len(rs) > 0 && (rs[0] == 'و' || rs[0] == 'ف') && w.Conj == "" {
			k++
		}
		if len(rs) >= k+4 && (rs[k] == 'ب' || rs[k] == 'ل' || rs[k] == 'ك') {
			if hw, ok = translit.LookupWord(string(rs[k+1:])); ok {
				clitic = k + 1
			}
		}
	}
	switch {
	case !ok || hw.Class != "noun" || hw.Public:
		return noSite, "", 0
	case hw.Facility:
		return facilitySite, model.Location, clitic
	case hw.Street:
		return streetSite, model.Location, clitic
	case hw.PlaceHead:
		return namedSite, model.Location, clitic
	case hw.OrgHead || hw.Institution:
		return namedSite, model.Organization, clitic
	}
	return noSite, "", 0
}

// firstToken returns the index of the first token that ends after offset
// off (the token holding it, or the next one).
func firstToken(toks []segment.Token, off int) int {
	return sort.Search(len(toks), func(k int) bool { return toks[k].End > off })
}

// coveredTokens reports, for each token, whether some candidate overlaps it.
func coveredTokens(toks []segment.Token, cands []link.Candidate) []bool {
	inside := make([]bool, len(toks))
	for _, c := range cands {
		for k := firstToken(toks, c.Start); k < len(toks) && toks[k].Start < c.End; k++ {
			inside[k] = true
		}
	}
	return inside
}
