package extract

import (
	"sort"
	"unicode"
	"unicode/utf8"

	"github.com/kg-project/kg/internal/extract/link"
	"github.com/kg-project/kg/internal/gazetteer"
	"github.com/kg-project/kg/internal/lexicon"
	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/text/arabic"
	"github.com/kg-project/kg/internal/text/segment"
	"github.com/kg-project/kg/internal/translit"
)

// maxQuoted is the most words a quoted name may have.
const maxQuoted = 5

// Arabic news puts the names of armed groups, channels, newspapers and
// campaigns between guillemets: جبهة «النصرة», قناة «الميادين», مقاتلو
// «لواء التوحيد», «الفرقة 30». The quotes mark where the name begins and
// ends, which neither the gazetteer (it lacks most such groups) nor the
// tagger (it has seen few) knows. quotedOrgs takes a quoted phrase of one to
// maxQuoted words for an organisation's name when
//   - the noun before the opening quote heads organisation names (قناة،
//     صحيفة، جبهة، حركة، تنظيم: translit's data/orgwords.tsv, as cueAt
//     reads it), or
//   - the phrase itself begins with such a noun and goes on, with the
//     article, a definite word, a number or a name («لواء التوحيد»,
//     «الفرقة 30», «جيش الإسلام»; not «مجموعة عمل» "a working group").
//
// A quotation, which also stands between guillemets, is longer, or does not
// begin with such a noun nor follow one.
//
// It returns an Organization candidate for each quoted name of the text
// that no candidate of cands overlaps (a name the gazetteer knows keeps its
// entry).
func (p *Pipeline) quotedOrgs(rs []rune, toks []segment.Token, words []arabic.Word, cands []link.Candidate) []link.Candidate {
	var out []link.Candidate
	for i := 0; i+2 < len(toks); i++ {
		if toks[i].Text != "«" && toks[i].Text != "“" {
			continue
		}
		a := i + 1
		b := closingQuote(toks, i, false)
		if b <= a || !isArabicWord(toks[a].Text) {
			continue
		}
		i = b
		if !p.quotedName(toks, words, a, b) {
			continue
		}
		start, end := toks[a].Start, toks[b-1].End
		if overlapsAny(cands, start, end) {
			continue
		}
		c := link.Candidate{Start: start, End: end, Sentence: toks[a].Sentence,
			Text: string(rs[start:end]), Type: model.Organization, Whole: true}
		c.Entry = p.headedEntry(toks, a-1, c.Text)
		out = append(out, c)
	}
	return out
}

// headedEntry returns the gazetteer's organisation that the noun before a
// quoted name (before the opening quote, token q; its clitics off) and the
// name make together (حركة «الشباب» is al-Shabaab, حركة الشباب; the bare
// الشباب a football club), nil when there is none.
func (p *Pipeline) headedEntry(toks []segment.Token, q int, name string) *gazetteer.Entry {
	j := q - 1
	if j < 0 || q+1 >= len(toks) || toks[j].Sentence != toks[q+1].Sentence || !isArabicWord(toks[j].Text) {
		return nil
	}
	w := arabic.Analyze(toks[j].Text)
	if w.Article != "" || w.Suffix != "" {
		return nil // no construct state: الحركة «الشباب»
	}
	for _, e := range p.gaz.Lookup(arabic.MatchForm(w.Stem + " " + name)) {
		if e.Type == model.Organization {
			return e
		}
	}
	return nil
}

// quotedName reports whether the quoted tokens [a, b) name an organisation
// by the noun before them or their own first noun.
func (p *Pipeline) quotedName(toks []segment.Token, words []arabic.Word, a, b int) bool {
	for k := a; k < b; k++ {
		if !isArabicWord(toks[k].Text) && !isDigits(toks[k].Text) || hasTanween(toks[k].Text) {
			return false // punctuation or an indefinite accusative: a quotation, not a name
		}
	}
	if j := a - 2; j >= 0 && toks[j].Sentence == toks[a].Sentence {
		if k := p.cueAt(toks, words, j); k == orgCue || k == nameOrgCue {
			return true
		}
	}
	if b-a < 2 || words[a].Suffix != "" || words[a].Prep != "" || words[a].Conj != "" {
		return false
	}
	hw, ok := translit.LookupWord(arabic.MatchForm(words[a].Stem))
	if !ok || !hw.OrgHead || hw.Class != "noun" {
		return false
	}
	// an indefinite head takes a definite word, a number or a name
	// («لواء التوحيد», «اللواء 19», «كتائب شهداء دوما»); indefinite
	// ordinary words after it describe («مجموعة عمل» "a working group",
	// «قوات خاصة» "special forces"). A definite head takes only such
	// words («الجيش السوري الحر», «الفرقة 30»), not a clause («الحكومة
	// فشلت» "the government failed").
	named := func(k int) bool {
		return words[k].Article != "" || isDigits(toks[k].Text) || p.nameLike(&words[k])
	}
	if words[a].Article != "" {
		for k := a + 1; k < b; k++ {
			if !named(k) {
				return false
			}
		}
		return true
	}
	for k := a + 1; k < b; k++ {
		if named(k) {
			return true
		}
	}
	return false
}

// closingQuote returns the token of the quote that closes the one opened
// at token i, at most maxQuoted words on in the same sentence: » or ”,
// and " too when ascii; -1 when none.
func closingQuote(toks []segment.Token, i int, ascii bool) int {
	for k := i + 1; k < len(toks) && k <= i+1+maxQuoted && toks[k].Sentence == toks[i].Sentence; k++ {
		if t := toks[k].Text; t == "»" || t == "”" || ascii && t == "\"" {
			return k
		}
	}
	return -1
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' && r < '٠' || r > '٩' {
			return false
		}
	}
	return s != ""
}

// overlapsAny reports whether a candidate of cs other than a nationality
// adjective overlaps [start, end).
func overlapsAny(cs []link.Candidate, start, end int) bool {
	for _, c := range cs {
		if !c.Demonym && c.Start < end && start < c.End {
			return true
		}
	}
	return false
}

// withQuoted adds the quoted names to the organisation phrases: a phrase
// inside a quoted name gives way to it (الجيش السوري in «الجيش السوري
// الحر»); a quoted name that overlaps a phrase otherwise is dropped.
func withQuoted(phrases, quoted []link.Candidate) []link.Candidate {
	if len(quoted) == 0 {
		return phrases
	}
	out := phrases[:0:0]
	for _, o := range phrases {
		inside := false
		for _, q := range quoted {
			if q.Start <= o.Start && o.End <= q.End {
				inside = true
				break
			}
		}
		if !inside {
			out = append(out, o)
		}
	}
	for _, q := range quoted {
		if !overlapsAny(out, q.Start, q.End) {
			out = append(out, q)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// quotedNameHeads are the head nouns of outlets and clubs (lexicon
// ar_quoted_name_head), as written.
var quotedNameHeads = lexicon.ClassAsWritten("ar_quoted_name_head")

// quotedNamed makes a name between quotation marks the outlet or club
// the gazetteer knows by that name after a head noun of
// ar_quoted_name_head: لـ«الشرق الأوسط» is the newspaper the gazetteer
// knows as صحيفة الشرق الأوسط, not the region; مصادر "الوطن" the
// newspaper, not the homeland; قناة «روسيا اليوم» the channel, not Russia.
// News quotes the names of outlets and clubs because they are common
// words or places. The quoted phrase must be all the words between the
// quotes (at most maxQuoted), and the gazetteer must know one entry for
// it, of an Organization, with whatever head: «الاتحاد», the name of a
// newspaper and of clubs, stays as it was. The candidates of cands that
// overlap such a name give way to it. cands are sorted by Start; the
// result is too.
func (p *Pipeline) quotedNamed(rs []rune, toks []segment.Token, cands []link.Candidate) []link.Candidate {
	var add []link.Candidate
	for i := 0; i+2 < len(toks); i++ {
		open := toks[i].Text
		if open != "«" && open != "“" && open != "\"" {
			continue
		}
		b := closingQuote(toks, i, true)
		a := i + 1
		if b <= a {
			continue
		}
		if open == "\"" {
			i = b // the closing " opens nothing
		}
		plain := true
		for k := a; k < b; k++ {
			plain = plain && isArabicWord(toks[k].Text)
		}
		if !plain {
			continue
		}
		start, end := toks[a].Start, toks[b-1].End
		name := string(rs[start:end])
		e := p.quotedEntry(name)
		if h := p.headedEntry(toks, i, name); h != nil {
			e = h // what the text's own head noun makes of it
		}
		if e != nil {
			add = append(add, link.Candidate{Start: start, End: end, Sentence: toks[a].Sentence, Text: name,
				Type: model.Organization, Entry: e, Whole: true})
		}
	}
	if len(add) == 0 {
		return cands
	}
	out := make([]link.Candidate, 0, len(cands)+len(add))
	for _, c := range cands {
		if !overlapsAny(add, c.Start, c.End) {
			out = append(out, c)
		}
	}
	out = append(out, add...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// quotedEntry returns the Organization entry the gazetteer knows by name
// after a head noun of ar_quoted_name_head, the higher ranked of several
// (a curated newspaper, صحيفة الرياض, before a lesser list's club, نادي
// الرياض); nil when none, or two of the same rank.
func (p *Pipeline) quotedEntry(name string) *gazetteer.Entry {
	var entry *gazetteer.Entry
	tie := false
	for _, h := range quotedNameHeads {
		for _, e := range p.gaz.Lookup(arabic.MatchForm(h + " " + name)) {
			switch {
			case e.Type != model.Organization || e == entry:
			case entry == nil || e.Rank > entry.Rank:
				entry, tie = e, false
			case e.Rank == entry.Rank:
				tie = true // two outlets or clubs of the name: not known which
			}
		}
	}
	if tie {
		return nil
	}
	return entry
}

// withoutPlacesInQuotedNames drops the places named inside a quoted name
// of two to maxQuoted words that holds a number (the agreement «مينسك 2»,
// the festival «جدة 36») or that follows the noun of a kind of
// organisation, product or site (لمجموعة «بوسطن كونسلتينغ» a firm, فندق
// «ميليا شنغهاي هونغتشياو» a hotel, موقع «الدرر الشامية» a website): the
// place's name is part of another name there, no mention of the place. A
// quoted phrase with a preposition is a sentence or a description
// («اتفاق مستعجل في فيينا»), a work's title (عنوان «الكويت تتحدى
// الطائفية», فيلم «بيروت 1982») names the places it speaks of, and a
// place after the noun of a kind of place (منطقة «القدس الشرقية») is
// that place: all keep them. The result keeps the order of cands.
func (p *Pipeline) withoutPlacesInQuotedNames(toks []segment.Token, words []arabic.Word, cands []link.Candidate) []link.Candidate {
	var spans [][2]int // the quoted names' offsets
	for i := 0; i+2 < len(toks); i++ {
		if toks[i].Text != "«" && toks[i].Text != "“" {
			continue
		}
		b := closingQuote(toks, i, false)
		if b < i+3 { // two words at least
			continue
		}
		if p.quotedOtherName(toks, words, cands, i+1, b) {
			spans = append(spans, [2]int{toks[i+1].Start, toks[b-1].End})
		}
		i = b
	}
	return withoutPlacesIn(cands, spans, true)
}

// quotedOtherName reports whether the quoted tokens [a, b) name something
// other than the place of cands they hold (withoutPlacesInQuotedNames).
func (p *Pipeline) quotedOtherName(toks []segment.Token, words []arabic.Word, cands []link.Candidate, a, b int) bool {
	cue := p.cueBefore(toks, words, a)
	if cue == workCue {
		return false // a title: فيلم «بيروت 1982»
	}
	place, number := false, false
	for k := a; k < b; k++ {
		t := toks[k].Text
		r, _ := utf8.DecodeRuneInString(t)
		switch {
		case isDigits(t):
			number = true
			continue
		case !isArabicWord(t) || !unicode.IsLetter(r):
			return false // punctuation or Latin letters
		case words[k].Prep != "" || officePreps[words[k].MF]:
			return false // a phrase, a headline or a quotation
		}
		for _, c := range cands {
			if c.Start < toks[k].End && toks[k].Start < c.End && c.Type == model.Location && !c.Demonym {
				place = true
			}
		}
	}
	if !place {
		return false
	}
	if number {
		return true
	}
	switch cue {
	case orgCue, nameOrgCue, productCue:
		return true
	case placeCue:
		// a building's or a site's noun (فندق، منتجع، محطة), not an area's
		// (منطقة، مدينة، حي، قرية: ar_region, ar_city_word,
		// ar_district_word, ar_settlement_word)
		j := a - 2 // the noun before the opening quote
		if j < 0 {
			return false
		}
		w := &words[j]
		return !wordIn(regionWords, w) && !wordIn(cityWords, w) && !wordIn(districtWords, w) && !wordIn(settlementWords, w)
	}
	return false
}
