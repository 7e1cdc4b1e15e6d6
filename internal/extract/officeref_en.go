package extract

import (
	"slices"
	"strings"
	"unicode"

	"github.com/kg-project/kg/internal/extract/link"
	"github.com/kg-project/kg/internal/lexicon"
	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/text/arabic"
	"github.com/kg-project/kg/internal/text/segment"
)

// English news, too, names a person by office once it has introduced them
// with it: after Prime Minister David Cameron, "the prime minister told
// EU leaders"; after Syrian President Bashar al-Assad, "the president
// accused Turkey".
//
// enOfficeRefs adds a candidate for each "the" + office (its words of
// english.txt's title, titleword and officeref classes, "of" between them,
// a nationality or country before them: the Syrian president, the
// secretary of state) that no name follows, when exactly one person named
// earlier in the article was introduced by an office with the same words
// (or more: the foreign secretary fits Foreign Secretary; but a bare
// president, minister or secretary fits only the same bare office) and
// every country it names. An office introduces a person right before the
// name (US Secretary of State John Kerry) or after it and a comma (David
// Cameron, the prime minister). The candidate is the person's mention
// (link.Candidate.Anaphor) and holds no office itself (Title).
// appositionEnd reports whether an office phrase ending before token b of
// sentence sent can be an apposition to the name before its comma: unless
// a verb of a clause follows it (After meeting Angela Merkel, the prime
// minister said ...: en_clause_verb or a speech verb), it is (Condoleezza
// Rice, the US secretary of state, said; Ban Ki-moon, the secretary
// general of the UN, arrived).
func appositionEnd(toks []segment.Token, b, sent int) bool {
	if b >= len(toks) || toks[b].Sentence != sent {
		return true
	}
	w := strings.ToLower(toks[b].Text)
	return !enClauseVerb[w] && !enSpeech[w]
}

// enClauseVerb holds lexicon en_clause_verb: the finite verbs (will, has,
// was ...) that may open a clause's predicate.
var enClauseVerb = arabic.WordSet(strings.Join(lexicon.Class("en_clause_verb"), " "))

func enOfficeRefs(rs []rune, toks []segment.Token, cands []link.Candidate) []link.Candidate {
	ix := indexCandidates(toks, cands)
	over := ix.over
	startsAt := map[int]int{}
	for i := range cands {
		if c := &cands[i]; c.Type == model.Person && !c.Title && !c.Anaphor {
			startsAt[ix.first[i]] = i
		}
	}
	if len(startsAt) == 0 {
		return cands
	}
	x := enOffice{toks: toks, cands: cands, over: over}
	type holder struct {
		at         int
		key        string
		cand       *link.Candidate
		words, ent []string
	}
	var holders []holder
	for first := 0; first < len(toks); first++ {
		i, ok := startsAt[first]
		if !ok {
			continue
		}
		c := &cands[i]
		key := localKey + strings.ToLower(string(rs[c.Start:c.End]))
		var country string
		if c.Entry != nil {
			key, country = c.Entry.Key, c.Entry.Country
		}
		add := func(words, ents []string) {
			if !x.hasHead(words) {
				return
			}
			if country != "" && !slices.Contains(ents, country) {
				ents = append(ents, country)
			}
			holders = append(holders, holder{at: first, key: key, cand: c, words: words, ent: ents})
		}
		// before the name: office words and countries, back to the first
		a := first
		for a > 0 && toks[a-1].Sentence == toks[first].Sentence && (x.officeWord(a-1) || x.country(a-1) >= 0) {
			a--
		}
		if a < first {
			words, ents := x.phrase(a, first)
			add(words, ents)
		}
		// after it: ", the prime minister", ", Syria's president"
		last := first
		for last+1 < len(toks) && toks[last+1].Start < c.End {
			last++
		}
		if k := last + 1; k+1 < len(toks) && toks[k].Text == "," && toks[k+1].Sentence == toks[first].Sentence {
			k++
			if strings.EqualFold(toks[k].Text, "the") {
				k++
			}
			b := k
			for b < len(toks) && toks[b].Sentence == toks[first].Sentence && (x.officeWord(b) || x.country(b) >= 0) {
				b++
			}
			if b > k && appositionEnd(toks, b, toks[first].Sentence) {
				words, ents := x.phrase(k, b)
				add(words, ents)
			}
		}
	}
	if len(holders) == 0 {
		return cands
	}
	var out []link.Candidate
	drop := map[int]bool{}
	for k := 0; k+1 < len(toks); k++ {
		if !strings.EqualFold(toks[k].Text, "the") {
			continue
		}
		a := k + 1
		b := a
		for b < len(toks) && toks[b].Sentence == toks[k].Sentence && (x.officeWord(b) || x.country(b) >= 0) {
			b++
		}
		if k >= 2 && toks[k-1].Text == "," && toks[k-2].Sentence == toks[k].Sentence && appositionEnd(toks, b, toks[k].Sentence) {
			if c := over[k-2]; c >= 0 && cands[c].Type == model.Person {
				// an apposition (Condoleezza Rice, the US secretary of
				// state, said): the name's office, no reference to it;
				// one the sentence goes on from is its subject (After
				// meeting Obama, the prime minister said)
				continue
			}
		}
		if b == a || !x.officeWord(b-1) || toks[b-1].Text == "of" {
			continue // the US, the Syrian army
		}
		words, ents := x.phrase(a, b)
		if !x.hasHead(words) {
			continue
		}
		// a name after it: its title (the President Barack Obama), or an
		// office of a body (the secretary general of the UN)
		if b < len(toks) && toks[b].Sentence == toks[k].Sentence && (capitalised(toks[b].Text) || strings.EqualFold(toks[b].Text, "of")) {
			continue
		}
		found := soleHolder(holders, func(h *holder) (string, bool) {
			return h.key, h.at < k && enFits(words, ents, h.words, h.ent)
		})
		if found == nil {
			continue
		}
		for j := a; j < b; j++ {
			if c := over[j]; c >= 0 {
				drop[c] = true
			}
		}
		c := link.Candidate{Start: toks[a].Start, End: toks[b-1].End, Sentence: toks[a].Sentence, Type: model.Person,
			Title: true, Anaphor: true, Entry: found.cand.Entry}
		if c.Entry == nil {
			c.RefStart, c.RefEnd = found.cand.Start, found.cand.End
		}
		out = append(out, c)
		k = b - 1
	}
	if len(out) == 0 {
		return cands
	}
	return append(withoutCandidates(cands, drop), out...)
}

// enFits reports whether an office of words and countries ents may refer
// to a holder of an office of hw and he.
func enFits(words, ents, hw, he []string) bool {
	if len(words) == 1 && en.officeExact[words[0]] && !slices.Equal(words, hw) {
		return false
	}
	for _, w := range words {
		if !slices.Contains(hw, w) {
			return false
		}
	}
	for _, e := range ents {
		if !slices.Contains(he, e) {
			return false
		}
	}
	return true
}

// enOffice reads English office phrases.
type enOffice struct {
	toks  []segment.Token
	cands []link.Candidate
	over  []int
}

// officeWord reports whether token k is a word of an office (prime,
// minister, of).
func (x *enOffice) officeWord(k int) bool {
	if x.over[k] >= 0 {
		return false
	}
	w := strings.ToLower(x.toks[k].Text)
	return en.title[w] || en.titleWord[w] || en.officeRef[w] || w == "of"
}

// country returns the candidate of the place or nationality over token k
// (US, Syrian), -1 for none.
func (x *enOffice) country(k int) int {
	if c := x.over[k]; c >= 0 && x.cands[c].Type == model.Location {
		return c
	}
	return -1
}

// phrase returns the office words (lower case, sorted, without "of") and
// the countries of tokens [a, b).
func (x *enOffice) phrase(a, b int) (words, ents []string) {
	for k := a; k < b; k++ {
		if c := x.country(k); c >= 0 {
			if cd := &x.cands[c]; cd.Entry != nil && !slices.Contains(ents, cd.Entry.Key) {
				ents = append(ents, cd.Entry.Key)
			}
			continue
		}
		if w := strings.ToLower(x.toks[k].Text); w != "of" && !slices.Contains(words, w) {
			words = append(words, w)
		}
	}
	slices.Sort(words)
	return words, ents
}

// hasHead reports whether words hold the head of an office (officeref).
func (x *enOffice) hasHead(words []string) bool {
	for _, w := range words {
		if en.officeRef[w] {
			return true
		}
	}
	return false
}

// enPronounRefs resolves He and She opening a sentence to the person they
// continue: the one person (by surname) named in the nearest earlier
// sentence that names persons, two back at most ("Charles Kennedy spoke in
// London. He criticised President Bush"), when the article has named no
// other person more often so far, and not a man's Mr for She. A pronoun
// inside a sentence (", he added" after a quotation) is left alone.
// The candidate is that person's mention (link.Candidate.Anaphor) and
// holds no office (Title).
func enPronounRefs(rs []rune, toks []segment.Token, cands []link.Candidate) []link.Candidate {
	type person struct {
		sent    int
		surname string
		cand    int
		gender  byte // 'm' (Mr), 'f' (Mrs, Ms, Miss), 0 unknown
	}
	surname := func(c *link.Candidate) string {
		f := strings.Fields(string(rs[c.Start:c.End]))
		if len(f) == 0 {
			return ""
		}
		return strings.ToLower(bare(f[len(f)-1]))
	}
	// the persons' surnames: a name not typed yet with one of them is that
	// person's too (Mr Straw's after Jack Straw)
	surnames := map[string]bool{}
	for i := range cands {
		if c := &cands[i]; c.Type == model.Person && !c.Anaphor && !c.Title {
			surnames[surname(c)] = true
		}
	}
	var persons []person
	for i := range cands {
		c := &cands[i]
		if c.Anaphor || c.Title || c.Type != model.Person && (c.Type != "" || !surnames[surname(c)]) {
			continue
		}
		sn := surname(c)
		if sn == "" {
			continue
		}
		p := person{sent: c.Sentence, surname: sn, cand: i}
		first := firstToken(toks, c.Start)
		if first > 0 {
			switch strings.TrimSuffix(strings.ToLower(toks[first-1].Text), ".") {
			case "mr":
				p.gender = 'm'
			case "mrs", "ms", "miss":
				p.gender = 'f'
			}
		}
		persons = append(persons, p)
	}
	if len(persons) == 0 {
		return cands
	}
	slices.SortStableFunc(persons, func(a, b person) int { return cands[a.cand].Start - cands[b.cand].Start })
	var out []link.Candidate
	for k, t := range toks {
		var g byte
		switch t.Text {
		case "He", "he":
			g = 'm'
		case "She", "she":
			g = 'f'
		default:
			continue
		}
		if !opensSentence(toks, cands, k) {
			continue // ..." he added is the quote's speaker
		}
		// the persons of the nearest earlier sentence with persons
		var pool []person
		for back := 1; back <= 2 && len(pool) == 0; back++ {
			for _, p := range persons {
				if p.sent == t.Sentence-back {
					pool = append(pool, p)
				}
			}
		}
		if len(pool) == 0 {
			continue
		}
		one := pool[0]
		for _, p := range pool[1:] {
			if p.surname != one.surname {
				one.cand = -1
				break
			}
			if p.gender != 0 {
				one.gender = p.gender
			}
		}
		if one.cand < 0 || one.gender != 0 && one.gender != g {
			continue
		}
		// and the person the article has named most so far (or as often
		// as any): after "UK Foreign Secretary Jack Straw ... Mr Straw said
		// ... Conservative shadow foreign secretary Michael Ancram said ...",
		// "He will meet" is still Straw, not Ancram: unresolved
		count := map[string]int{}
		for _, p := range persons {
			if cands[p.cand].End <= t.Start {
				count[p.surname]++
			}
		}
		most := 0
		for _, n := range count {
			most = max(most, n)
		}
		if count[one.surname] < most {
			continue
		}
		c := &cands[one.cand]
		r := link.Candidate{Start: t.Start, End: t.End, Sentence: t.Sentence, Text: t.Text, Type: model.Person,
			Title: true, Anaphor: true, Entry: c.Entry}
		if c.Entry == nil {
			r.RefStart, r.RefEnd = c.Start, c.End
		}
		out = append(out, r)
	}
	return append(cands, out...)
}

// maxOpening is how many tokens may stand before a sentence's subject
// pronoun (opensSentence).
const maxOpening = 5

// enSpeech holds the forms of the English speech verbs (triggers.yaml).
var enSpeech = func() map[string]bool {
	m := map[string]bool{}
	for _, t := range lexicon.Get().EnTriggers {
		if t.Speech {
			for _, f := range t.Forms {
				m[f] = true
			}
		}
	}
	return m
}()

// quoteMark reports whether a token holds a quotation mark: a double
// quote, or a single one not inside a word (Britain's, don't) nor its
// possessive 's.
func quoteMark(s string) bool {
	if s == "'s" || s == "’s" {
		return false
	}
	r := []rune(s)
	for i, c := range r {
		if !strings.ContainsRune("\"“”'‘’", c) {
			continue
		}
		inWord := i > 0 && i < len(r)-1 && unicode.IsLetter(r[i-1]) && unicode.IsLetter(r[i+1])
		if !inWord {
			return true
		}
	}
	return false
}

// opensSentence reports whether the pronoun at token k is the subject of
// its sentence: its first word, or after a short opening phrase of at most
// maxOpening tokens with no name and no quotation mark (Later he met ...;
// On Tuesday, she said ...), not right after a speech verb (Police said
// he ...: another's words about him), and, when not first, written in
// lower case.
func opensSentence(toks []segment.Token, cands []link.Candidate, k int) bool {
	t := toks[k]
	if k == 0 || toks[k-1].Sentence != t.Sentence {
		return t.Text == "He" || t.Text == "She"
	}
	if t.Text != "he" && t.Text != "she" {
		return false
	}
	a := k
	for a > 0 && toks[a-1].Sentence == t.Sentence {
		a--
		if k-a > maxOpening {
			return false
		}
		if quoteMark(toks[a].Text) {
			return false // inside or after a quotation: its speaker
		}
		if a == k-1 && enSpeech[strings.ToLower(toks[a].Text)] {
			return false // Police said he was: another's words about him
		}
	}
	for i := range cands {
		if c := &cands[i]; c.Sentence == t.Sentence && c.Start < t.Start {
			return false // a name before: the pronoun may be its
		}
	}
	return true
}
