package extract

import (
	"strings"

	"github.com/kg-project/kg/internal/extract/link"
	"github.com/kg-project/kg/internal/gazetteer"
	"github.com/kg-project/kg/internal/lexicon"
	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/text/arabic"
	"github.com/kg-project/kg/internal/text/segment"
	"github.com/kg-project/kg/internal/translit"
)

// localKey starts the key of an organisation without a gazetteer entry.
const localKey = "local:"

// Once an Arabic article has named a body, it goes on calling it by the
// noun its name begins with: after التحالف العربي, التحالف (وشن طيران
// التحالف غارات); after حركة حماس, الحركة; after تنظيم داعش, التنظيم. These
// mentions name the actor of many sentences, and without them the
// relations of those sentences have no subject.
//
// backRefs adds a candidate for each such word: an organisation head of
// translit's data/orgwords.tsv (the "org", "public", "state" or "forces"
// marks) with the article and no pronoun, that no candidate covers and no
// definite word continues (الحزب الحاكم is another party), when exactly
// one organisation named before it in the article has a name beginning
// with that noun, and the gazetteer knows it (two ministries before
// الوزارة leave it unresolved, and so does one the gazetteer lacks: it
// cannot be linked).
// The candidate takes that organisation's gazetteer entry.
func (p *Pipeline) backRefs(toks []segment.Token, words []arabic.Word, cands []link.Candidate) []link.Candidate {
	if len(cands) == 0 {
		return cands
	}
	type antecedent struct {
		start int // code point offset of the first mention
		key   string
	}
	// heads[MatchForm of the head noun's stem]: the organisations of the
	// gazetteer whose mentions begin with it, by their first mention
	heads := map[string][]antecedent{}
	inside := coveredTokens(toks, cands)
	for _, c := range cands {
		first := firstToken(toks, c.Start)
		k := first
		for k < len(toks) && toks[k].Start < c.End {
			k++
		}
		if c.Type != model.Organization || c.Demonym || first >= len(toks) || first+1 >= k {
			continue // one word: a name, not a head and a name (حماس)
		}
		h := arabic.MatchForm(words[first].Stem)
		if hw, ok := translit.LookupWord(h); !ok || !hw.OrgHead {
			continue
		}
		// an organisation the gazetteer lacks (مجلس الشورى as a phrase)
		// cannot be referred to, but makes the noun ambiguous
		key := localKey
		if c.Entry != nil {
			key = c.Entry.Key
		} else {
			for j := first; j < k; j++ {
				key += " " + words[j].MF
			}
		}
		seen := false
		for i, a := range heads[h] {
			if a.key == key {
				seen = true
				heads[h][i].start = min(a.start, c.Start)
			}
		}
		if !seen {
			heads[h] = append(heads[h], antecedent{start: c.Start, key: key})
		}
	}
	if len(heads) == 0 {
		return cands
	}
	entry := map[string]link.Candidate{}
	for _, c := range cands {
		if c.Entry != nil {
			if _, ok := entry[c.Entry.Key]; !ok {
				entry[c.Entry.Key] = c
			}
		}
	}
	var out []link.Candidate
	for k := range toks {
		w := &words[k]
		if inside[k] || w.Article == "" || w.Suffix != "" {
			continue
		}
		as := heads[arabic.MatchForm(w.Stem)]
		if len(as) == 0 {
			continue
		}
		if describedFurther(toks, words, k) {
			continue // الحزب الحاكم, التحالف الوطني: described further, another body
		}
		var found *antecedent
		n := 0
		for i := range as {
			if as[i].start < toks[k].Start {
				found = &as[i]
				n++
			}
		}
		if n != 1 || strings.HasPrefix(found.key, localKey) {
			continue
		}
		c := entry[found.key]
		out = append(out, link.Candidate{
			Start:    refStart(toks, words, k),
			End:      toks[k].End,
			Sentence: toks[k].Sentence,
			Type:     model.Organization,
			Entry:    c.Entry,
		})
	}
	return append(cands, out...)
}

// wKingdom is المملكة "the Kingdom" (MatchForm of the stem).
var wKingdom = arabic.MatchForm("مملكة")

// kingdoms are the names (MatchForm) of the kingdoms whose own press calls
// them المملكة (lexicon class ar_kingdoms).
var kingdoms = arabic.WordSet(strings.Join(lexicon.Class("ar_kingdoms"), " "))

// isKingdom reports whether a gazetteer entry is one of those kingdoms.
func isKingdom(e *gazetteer.Entry) bool {
	if e.Role != gazetteer.RoleCountry {
		return false
	}
	for _, a := range e.Aliases {
		if kingdoms[arabic.MatchForm(a)] {
			return true
		}
	}
	return false
}

// kingdomRefs adds a candidate for each bare المملكة "the Kingdom" of an
// Arabic article (with the article, no pronoun, no candidate over it, no
// definite word after it: المملكة المتحدة and المملكة العربية are names of
// their own) that refers to the kingdom the article names: the one kingdom
// it names (by its name or adjective), or one it names at least twice as
// often as any other. Saudi and Jordanian papers call their country
// المملكة sentence after sentence (وأكد أن المملكة لن تسمح ...); without
// these mentions the country is missing from those sentences. No kingdom
// named, or none by far the most: unresolved.
func kingdomRefs(toks []segment.Token, words []arabic.Word, cands []link.Candidate) []link.Candidate {
	// the kingdom the article names most, by far
	count := map[*gazetteer.Entry]int{}
	var best *gazetteer.Entry
	for _, c := range cands {
		if c.Type == model.Location && c.Entry != nil && isKingdom(c.Entry) {
			count[c.Entry]++
			if count[c.Entry] > count[best] {
				best = c.Entry
			}
		}
	}
	if best == nil {
		return cands
	}
	for e, n := range count {
		if e != best && 2*n > count[best] {
			return cands
		}
	}
	inside := coveredTokens(toks, cands)
	var out []link.Candidate
	for k := range toks {
		w := &words[k]
		if inside[k] || w.Article == "" || w.Suffix != "" || arabic.MatchForm(w.Stem) != wKingdom {
			continue
		}
		if describedFurther(toks, words, k) {
			continue // المملكة المتحدة, المملكة الأردنية: a name the gazetteer lacks
		}
		out = append(out, link.Candidate{Start: refStart(toks, words, k), End: toks[k].End, Sentence: toks[k].Sentence, Type: model.Location, Entry: best})
	}
	return append(cands, out...)
}

// describedFurther reports whether a definite word follows token k in its
// sentence, without a conjunction or preposition: the noun is described
// further (الحزب الحاكم, المملكة المتحدة) and names another thing.
func describedFurther(toks []segment.Token, words []arabic.Word, k int) bool {
	return k+1 < len(toks) && toks[k+1].Sentence == toks[k].Sentence && words[k+1].Article != "" && words[k+1].Conj == "" && words[k+1].Prep == ""
}

// refStart is where a back reference at token k begins: after its
// conjunction and preposition, but for لل, whose ل stays (no substring
// spells the article).
func refStart(toks []segment.Token, words []arabic.Word, k int) int {
	w := &words[k]
	if w.Prep == "ل" {
		return toks[k].Start + len([]rune(w.Conj))
	}
	return toks[k].Start + len([]rune(w.Conj+w.Prep))
}
