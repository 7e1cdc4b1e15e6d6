package extract

import (
	"slices"
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
// translit's data/orgwords.tsv (the "org", "public", "state", "forces" or
// "ref" marks: المقاومة after المقاومة الشعبية) with the article and no
// pronoun, that no candidate covers and no definite word continues
// (الحزب الحاكم is another party; but see ar_context_body_adj), when exactly
// one organisation named before it in the article has a name beginning
// with that noun (two ministries before الوزارة leave it unresolved).
// The candidate takes that organisation's gazetteer entry, or refers to
// the first mention of one the gazetteer lacks (link.Candidate.Anaphor:
// وزارة الدفاع الروسية ... وأضافت الوزارة). When the
// article names no organisation with that noun, a body of the gazetteer
// whose context (Entry.Context) the article names is meant (التحالف in
// news of Yemen is the Saudi-led coalition, in news of Syria or Iraq the
// US-led one; contextBody), if only one is.
//
// An article also calls a body it named by its name alone (داعش, أرامكو,
// فيفا) by the noun the gazetteer's Arabic name of it begins with (تنظيم
// الدولة, شركة أرامكو السعودية, الاتحاد الدولي لكرة القدم; the nouns of
// lexicon ar_alias_ref_head): when it names no body with that noun itself,
// such a word refers to the one body so named before it (aliasAntecedents,
// aliasAnte.at). And an adjective that only judges the body (ar_same_body_adj:
// التنظيم الإرهابي) leaves the noun a reference to it.
func (p *Pipeline) backRefs(toks []segment.Token, words []arabic.Word, cands []link.Candidate) []link.Candidate {
	if len(cands) == 0 {
		return cands
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
		if !isHeadNoun(h) {
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
			heads[h] = append(heads[h], antecedent{start: c.Start, key: key, end: c.End})
		}
	}
	aliasAnte, unknownOrgs := aliasAntecedents(toks, words, cands)
	otherBodies := sameNounBodies(toks, words, inside, aliasAnte)
	if len(heads) == 0 && len(aliasAnte) == 0 && len(p.ctxHeads) == 0 {
		return cands
	}
	entry := map[string]link.Candidate{}
	byContext := map[string]*gazetteer.Entry{} // contextBody of a head noun
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
		h := arabic.MatchForm(w.Stem)
		as := heads[h]
		if len(as) == 0 && len(aliasAnte[h]) == 0 && len(p.ctxHeads[h]) == 0 {
			continue
		}
		if hw, _ := translit.LookupWord(h); hw.RefHead && adjectiveOf(toks, words, k, func(j int) bool { return inside[j] }) {
			continue // الأحزاب المعارضة "the opposition parties": an adjective
		}
		covered := func(j int) bool { return inside[j] }
		// a body named by a name alone that the gazetteer's name begins
		// with the noun, when the article names none with the noun itself
		// (articles that name clubs by their short names and one as نادي X
		// mean that one by النادي)
		var byAlias *gazetteer.Entry
		aliasN := 0
		if len(as) == 0 {
			byAlias, aliasN = aliasAnte.at(h, toks[k].Start, unknownOrgs, otherBodies[h])
		}
		last := k // the head noun, or the adjective that leaves it the body
		if describedFurther(toks, words, k) {
			// الحزب الحاكم, التحالف الوطني: described further, another body;
			// but an adjective of lexicon ar_same_body_adj only judges it
			// (التنظيم الإرهابي after داعش), and one of ar_context_body_adj
			// leaves a body of the war the article is about the same
			// (التحالف الدولي in news of Syria is the US-led coalition, in
			// news of Yemen the Saudi-led one) when the article names no body
			// of the noun; either when no other word describes it further
			// (التحالف الدولي الجديد). (A name after it is most often the
			// object of the verb before: وقصف التحالف الدولي الحوثيين; in
			// apposition, التنظيم الإرهابي بوكو حرام, it is misread.)
			switch {
			case agreeingAdjective(toks, words, k+2, k, covered):
				continue
			case sameBodyAdj[words[k+1].MF] && agreeingAdjective(toks, words, k+1, k, covered):
			case len(as) == 0 && aliasN == 0 && contextBodyAdj[words[k+1].MF]:
			default:
				continue
			}
			last = k + 1
		}
		end := toks[last].End
		// the bodies of the noun named before it (as; or by a name alone)
		var found *antecedent
		n := 0
		for i := range as {
			if as[i].start < toks[k].Start {
				found = &as[i]
				n++
			}
		}
		if n+aliasN == 0 {
			if len(as) > 0 || last > k && !contextBodyAdj[words[last].MF] {
				continue // named only after it; or judged, not the war's body
			}
			// no body of that noun named: the one of the war in the
			// article's countries (Entry.Context), unless the noun is a
			// common one here (هذا التحالف, التحالف مع السعودية)
			if k > 0 && toks[k-1].Sentence == toks[k].Sentence && thisWords[words[k-1].MF] ||
				last+1 < len(toks) && toks[last+1].Sentence == toks[k].Sentence && commonAfterHead[words[last+1].MF] {
				continue
			}
			e, ok := byContext[h]
			if !ok { // the article's candidates, read once per head noun
				e = contextBody(p.ctxHeads[h], cands)
				byContext[h] = e
			}
			if e != nil {
				out = append(out, link.Candidate{Start: refStart(toks, words, k), End: end, Sentence: toks[k].Sentence,
					Type: model.Organization, Entry: e})
			}
			continue
		}
		if n+aliasN != 1 {
			continue
		}
		if aliasN == 1 {
			if byAlias != nil {
				out = append(out, link.Candidate{Start: refStart(toks, words, k), End: end, Sentence: toks[k].Sentence,
					Type: model.Organization, Entry: byAlias})
			}
			continue
		}
		if strings.HasPrefix(found.key, localKey) {
			// a body the gazetteer lacks: the mention of its name
			out = append(out, link.Candidate{Start: refStart(toks, words, k), End: end, Sentence: toks[k].Sentence,
				Type: model.Organization, Anaphor: true, RefStart: found.start, RefEnd: found.end})
			continue
		}
		c := entry[found.key]
		out = append(out, link.Candidate{
			Start:    refStart(toks, words, k),
			End:      end,
			Sentence: toks[k].Sentence,
			Type:     model.Organization,
			Entry:    c.Entry,
		})
	}
	return append(cands, out...)
}

// antecedent is a body an article names with a head noun of backRefs: its
// key (gazetteer, or localKey and its words) and its first mention.
type antecedent struct {
	start int // code point offset of the first mention
	key   string
	end   int // where the first mention ends
}

// aliasRefHeads are the head nouns (MatchForm of the stem) by which an
// article goes on calling a body it named by its name alone, when the
// gazetteer's name of it begins with that noun (lexicon
// ar_alias_ref_head: شركة after أرامكو, known as شركة أرامكو السعودية).
var aliasRefHeads = arabic.WordSet(strings.Join(lexicon.Class("ar_alias_ref_head"), " "))

// aliasAnte indexes, by head noun, the bodies of the gazetteer an article
// names whose gazetteer names begin with that noun (of aliasRefHeads),
// with the starts of their mentions.
type aliasAnte map[string][]aliasBody

type aliasBody struct {
	entry  *gazetteer.Entry
	starts []int // the starts of its candidates, in order
}

// aliasAntecedents returns the bodies the article names by a name that
// does not begin with one of aliasRefHeads while the gazetteer's names of
// them do (داعش: تنظيم الدولة; أرامكو: شركة أرامكو السعودية; فيفا:
// الاتحاد الدولي لكرة القدم), by that noun, and the starts of the
// organisations the gazetteer lacks (sorted), which may be what the noun
// means.
func aliasAntecedents(toks []segment.Token, words []arabic.Word, cands []link.Candidate) (aliasAnte, []int) {
	var out aliasAnte
	var unknown []int
	for _, c := range cands {
		if c.Type != model.Organization || c.Demonym {
			continue
		}
		if c.Entry == nil {
			// a body named without a head noun (غيمليت) may be what the
			// noun means; one named with a head noun is of that noun
			// (backRefs' own antecedents) or of another (مجلس الشورى)
			if first := firstToken(toks, c.Start); !c.Anaphor && first < len(toks) && !isHeadNoun(arabic.MatchForm(words[first].Stem)) {
				unknown = append(unknown, c.Start)
			}
			continue
		}
		if first := firstToken(toks, c.Start); first < len(toks) && aliasRefHeads[arabic.MatchForm(words[first].Stem)] {
			continue // named by the noun itself: backRefs' own heads
		}
		for _, h := range entryHeads(c.Entry) {
			if out == nil {
				out = aliasAnte{}
			}
			i := slices.IndexFunc(out[h], func(b aliasBody) bool { return b.entry == c.Entry })
			if i < 0 {
				out[h] = append(out[h], aliasBody{entry: c.Entry})
				i = len(out[h]) - 1
			}
			out[h][i].starts = append(out[h][i].starts, c.Start)
		}
	}
	for _, bs := range out {
		for _, b := range bs {
			slices.Sort(b.starts)
		}
	}
	slices.Sort(unknown)
	return out, unknown
}

// entryHeads returns the head nouns of aliasRefHeads that names of e
// (two words or more, Arabic) begin with, in MatchForm of the stem.
func entryHeads(e *gazetteer.Entry) []string {
	var out []string
	for _, a := range e.Aliases {
		first, _, multi := strings.Cut(a, " ")
		if !multi || !arabic.HasScript(first) {
			continue
		}
		h := arabic.MatchForm(arabic.Analyze(first).Stem)
		if aliasRefHeads[h] && !slices.Contains(out, h) {
			out = append(out, h)
		}
	}
	return out
}

// at returns how many bodies of noun h are named before offset off by a
// name alone and, when one is, that body; but nil when, between its last
// mention and off, the article names an organisation the gazetteer lacks
// without a head noun (unknown: أعلنت غيمليت ... وحققت الشركة) or
// another body of the noun (others: شركة هندية, الشركة الصينية), which
// may be the one meant.
func (a aliasAnte) at(h string, off int, unknown, others []int) (*gazetteer.Entry, int) {
	var found *aliasBody
	n := 0
	for i := range a[h] {
		if a[h][i].starts[0] < off {
			found = &a[h][i]
			n++
		}
	}
	if n != 1 {
		return nil, n
	}
	last := found.starts[0]
	for _, s := range found.starts {
		if s < off {
			last = s
		}
	}
	for _, between := range [][]int{unknown, others} {
		if i, _ := slices.BinarySearch(between, last+1); i < len(between) && between[i] < off {
			return nil, 1
		}
	}
	return found.entry, 1
}

// sameNounBodies returns, for each noun of aliasAnte, the starts (sorted)
// of the words of that noun that name another body than a bare back
// reference would: indefinite (شركة هندية), described further (الشركة
// الصينية) or inside a candidate (قناة السويس).
func sameNounBodies(toks []segment.Token, words []arabic.Word, inside []bool, a aliasAnte) map[string][]int {
	if len(a) == 0 {
		return nil
	}
	out := map[string][]int{}
	for k := range toks {
		h := arabic.MatchForm(words[k].Stem)
		if len(a[h]) == 0 {
			continue
		}
		if inside[k] || words[k].Article == "" ||
			describedFurther(toks, words, k) && !sameBodyAdj[words[k+1].MF] {
			out[h] = append(out[h], toks[k].Start)
		}
	}
	return out
}

// isHeadNoun reports whether h (MatchForm of a stem) heads organisation
// names or refers back to one (translit's orgwords.tsv head marks).
func isHeadNoun(h string) bool {
	hw, ok := translit.LookupWord(h)
	return ok && (hw.OrgHead || hw.RefHead)
}

var (
	// thisWords are the demonstratives (lexicon ar_this), commonAfterHead
	// the words after a head noun that make it a common noun
	// (ar_common_after_head), contextBodyAdj the adjectives that leave a
	// body of the article's war the same (ar_context_body_adj: الدولي),
	// sameBodyAdj those that leave any body named the same
	// (ar_same_body_adj: الإرهابي), definiteUnsplit the definite words the
	// analysis leaves whole (ar_definite_unsplit: الأم), in MatchForm
	thisWords       = arabic.WordSet(strings.Join(lexicon.Class("ar_this"), " "))
	contextBodyAdj  = arabic.WordSet(strings.Join(lexicon.Class("ar_context_body_adj"), " "))
	sameBodyAdj     = arabic.WordSet(strings.Join(lexicon.Class("ar_same_body_adj"), " "))
	definiteUnsplit = arabic.WordSet(strings.Join(lexicon.Class("ar_definite_unsplit"), " "))
	commonAfterHead = arabic.WordSet(strings.Join(lexicon.Class("ar_common_after_head"), " "))
)

// contextHeads indexes the gazetteer's bodies that have a context
// (Entry.Context) by the head noun their Arabic names begin with (the stem
// of التحالف: تحالف), in MatchForm.
func contextHeads(g *gazetteer.Gazetteer) map[string][]*gazetteer.Entry {
	out := map[string][]*gazetteer.Entry{}
	for _, e := range g.Entries() {
		if len(e.Context) == 0 || e.Type != model.Organization {
			continue
		}
		for _, a := range e.Aliases {
			first, _, multi := strings.Cut(a, " ")
			if !multi || !arabic.HasScript(first) {
				continue
			}
			h := arabic.MatchForm(arabic.Analyze(first).Stem)
			if hw, ok := translit.LookupWord(h); !ok || !hw.OrgHead {
				continue // only a body's head noun stands for it alone, as in backRefs
			}
			if !slices.Contains(out[h], e) {
				out[h] = append(out[h], e)
			}
		}
	}
	return out
}

// contextBody returns the one of bodies whose context the article's
// candidates name (a country of it, or a place in one), when the article
// names none of the others' countries; nil otherwise.
func contextBody(bodies []*gazetteer.Entry, cands []link.Candidate) *gazetteer.Entry {
	var found *gazetteer.Entry
	for _, b := range bodies {
		named := false
		for _, c := range cands {
			if c.Entry != nil && c.Type == model.Location && (slices.Contains(b.Context, c.Entry.Key) || slices.Contains(b.Context, c.Entry.Country)) {
				named = true
				break
			}
		}
		if !named {
			continue
		}
		if found != nil {
			return nil // the article names both wars' countries
		}
		found = b
	}
	return found
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
// further (الحزب الحاكم, المملكة المتحدة, الشركة الأم: lexicon
// ar_definite_unsplit) and names another thing.
func describedFurther(toks []segment.Token, words []arabic.Word, k int) bool {
	return k+1 < len(toks) && toks[k+1].Sentence == toks[k].Sentence && words[k+1].Conj == "" && words[k+1].Prep == "" &&
		(words[k+1].Article != "" || definiteUnsplit[words[k+1].MF])
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

// heldTitles are the titles one person holds at a time (lexicon class
// ar_held_titles, phrases in MatchForm words, longest first).
var heldTitles = lexicon.Phrases("ar_held_titles")

// heldBy are the holders of each held title by its index in heldTitles
// (lexicon ArHeldBy), nil for a title without holders.
var heldBy = func() []*lexicon.HeldTitle {
	out := make([]*lexicon.HeldTitle, len(heldTitles))
	for i, h := range heldTitles {
		if ht, ok := lexicon.Get().ArHeldBy[strings.Join(h, "_")]; ok {
			out[i] = &ht
		}
	}
	return out
}()

// titleAt returns the number of tokens of the held title that starts at
// token k (its first word may carry a conjunction or preposition:
// ولخادم الحرمين الشريفين), or 0, and which title it is.
func titleAt(toks []segment.Token, words []arabic.Word, k int) (n, title int) {
	// the first word: as the analysis finds it, or with its proclitics
	// (لولي ولي العهد, kept whole by the analysis)
	w := &words[k]
	stem, stemDone := "", false
	for t, h := range heldTitles {
		if k+len(h) > len(toks) || toks[k+len(h)-1].Sentence != toks[k].Sentence {
			continue
		}
		if w.MF != h[0] {
			if !stemDone {
				stem, stemDone = arabic.MatchForm(w.Stem), true
			}
			if stem != h[0] && cliticsBefore(w.MF, h[0]) == "" {
				continue
			}
		}
		ok := true
		for j := 1; j < len(h); j++ {
			if words[k+j].MF != h[j] {
				ok = false
				break
			}
		}
		if ok {
			return len(h), t
		}
	}
	return 0, 0
}

// cliticsBefore returns the one or two proclitics (و ف ل ب) that mf has
// before word, or "" when mf is not word with proclitics: لولي for ولي,
// which the analysis keeps whole.
func cliticsBefore(mf, word string) string {
	p, ok := strings.CutSuffix(mf, word)
	if !ok || p == "" || len(p) > len("ول") || strings.Trim(p, "وفلب") != "" {
		return ""
	}
	return p
}

// wordIn reports whether the word w, with or without its proclitics, is
// in set (MatchForm words): بكأس for كأس.
func wordIn(set map[string]bool, w *arabic.Word) bool {
	return set[arabic.MatchForm(w.Stem)] || inWithProclitics(set, w.MF)
}

// inWithProclitics reports whether the MatchForm word mf is in set as it
// is or without one or two proclitics (و ف ل ب): بمدينة for مدينة.
func inWithProclitics(set map[string]bool, mf string) bool {
	if set[mf] {
		return true
	}
	for _, p := range []string{"و", "ف", "ل", "ب", "ول", "وب", "فل", "فب"} {
		if rest, ok := strings.CutPrefix(mf, p); ok && set[rest] {
			return true
		}
	}
	return false
}

// appointedAs are the words before a held title that make it an office
// someone is given (lexicon class ar_appointed_as: وليا لولي العهد).
var appointedAs = arabic.WordSet(strings.Join(lexicon.Class("ar_appointed_as"), " "))

// namedAfter are the nouns a held title may name a thing after (lexicon
// class ar_named_after: كأس ولي العهد), in MatchForm.
var namedAfter = arabic.WordSet(strings.Join(lexicon.Class("ar_named_after"), " "))

// officeWords are the titles and offices before a person's name (lexicon
// class ar_title_or_role), in MatchForm: before a held title they name
// another person's office (سفير خادم الحرمين الشريفين لدى أستراليا).
var officeWords = arabic.WordSet(strings.Join(lexicon.Class("ar_title_or_role"), " "))

// titleRefs adds a candidate for each held title of an Arabic article
// that stands alone (lexicon class ar_held_titles: خادم الحرمين الشريفين,
// ولي العهد) when the article names exactly one holder of it, and the
// gazetteer knows that person: after خادم الحرمين الشريفين الملك سلمان بن
// عبدالعزيز, a later وأكد خادم الحرمين الشريفين ... is King Salman too.
// A title names its holder where a person's name follows it within two
// words (الملك, الأمير), or a person candidate runs on from it into the
// name, or a name ends just before it. Alone, it has none of these, no
// other candidate over it, no word after it that makes it another
// country's (ولي العهد البريطاني; otherOffice) and no noun before it that names a thing after it
// (كأس ولي العهد) or an office of another person (سفير خادم الحرمين
// الشريفين). Two holders, or one the gazetteer lacks: unresolved. An
// article that names no holder of a title whose holders lexicon ArHeldBy
// lists (خادم الحرمين الشريفين, the king of Saudi Arabia; ولي العهد, its
// crown prince), or names several, means the one in office on its day,
// published (ISO date), when it names something of the title's country
// and the terms give exactly one (holderOn), and it names no holder or
// that one too; naming only another holder leaves the title open.
func (p *Pipeline) titleRefs(toks []segment.Token, words []arabic.Word, cands []link.Candidate, published string) []link.Candidate {
	// over[k]: the candidate over token k (the longest; -1: none),
	// startsAt[k]: the person candidate starting at token k, endsAt[k]: one
	// ending there
	ix := indexCandidates(toks, cands)
	over := ix.over
	startsAt := map[int]*link.Candidate{}
	endsAt := map[int]*link.Candidate{}
	for i := range cands {
		if c := &cands[i]; c.Type == model.Person && ix.end[i] > ix.first[i] {
			startsAt[ix.first[i]] = c
			endsAt[ix.end[i]-1] = c
		}
	}
	if len(startsAt) == 0 && len(published) < len("2006-01-02") {
		return cands
	}
	type use struct {
		k, n, title int
		tagged      []int // candidates of the title's words alone (NER's)
	}
	var alone []use
	// holders[title][key]: the gazetteer entry of each holder named (nil:
	// one the gazetteer lacks)
	holders := make([]map[string]*gazetteer.Entry, len(heldTitles))
	for k := 0; k < len(toks); k++ {
		n, t := titleAt(toks, words, k)
		if n == 0 {
			continue
		}
		last := k + n - 1
		sent := toks[k].Sentence
		var holder *link.Candidate
		var tagged []int
		other := false
		for j := k; j <= last; j++ {
			o := over[j]
			switch {
			case o < 0:
			case cands[o].Type == model.Person && cands[o].End > toks[last].End:
				holder = &cands[o] // ولي ولي العهد الأمير محمد بن سلمان as one name
			case cands[o].Type == model.Person && cands[o].Entry == nil && cands[o].Start >= toks[k].Start:
				// the title's words tagged as a name: the title, alone
				if !slices.Contains(tagged, o) {
					tagged = append(tagged, o)
				}
			default:
				other = true
			}
		}
		if other && holder == nil {
			k = last
			continue
		}
		if k > 0 && toks[k-1].Sentence == sent {
			if prev := &words[k-1]; wordIn(namedAfter, prev) || wordIn(officeWords, prev) || appointedAs[prev.MF] {
				k = last
				continue // كأس ولي العهد: a cup's name; سفير خادم الحرمين الشريفين: the office of another; وليا لولي العهد: an office one is given
			}
		}
		for j := last + 1; holder == nil && j <= last+3 && j < len(toks) && toks[j].Sentence == sent; j++ {
			if holder = startsAt[j]; holder == nil && over[j] >= 0 && !cands[over[j]].Demonym {
				break // (a nationality goes on to the name: ولي العهد السعودي الأمير مقرن)
			}
		}
		// a name right before the title is its holder (الملك سلمان خادم
		// الحرمين الشريفين), not when the title is the next of a list
		// (الملك سلمان وولي العهد "King Salman and the crown prince")
		if holder == nil && k > 0 && toks[k-1].Sentence == sent && !strings.ContainsAny(cliticsBefore(words[k].MF, heldTitles[t][0]), "وف") {
			holder = endsAt[k-1]
		}
		switch {
		case holder != nil:
			key, e := p.personEntry(toks, words, holder)
			if holders[t] == nil {
				holders[t] = map[string]*gazetteer.Entry{}
			}
			holders[t][key] = e
		case !p.otherOffice(toks, words, last, t):
			alone = append(alone, use{k, n, t, tagged})
		}
		k = last
	}
	var out []link.Candidate
	drop := map[int]bool{}
	for _, u := range alone {
		var holder *gazetteer.Entry
		if h := p.holderOn(u.title, published, cands); h != nil {
			// the holder on the article's day, when it names none or
			// names that one (with the late King Abdullah, say); one
			// other alone leaves it open
			if _, named := holders[u.title][h.Key]; named || len(holders[u.title]) == 0 {
				holder = h
			}
		} else if len(holders[u.title]) == 1 {
			for _, e := range holders[u.title] {
				holder = e
			}
		}
		if holder == nil {
			continue
		}
		start := refStart(toks, words, u.k)
		if p := cliticsBefore(words[u.k].MF, heldTitles[u.title][0]); p != "" && start == toks[u.k].Start {
			start += len([]rune(p))
		}
		for _, o := range u.tagged {
			drop[o] = true
		}
		out = append(out, link.Candidate{Start: start, End: toks[u.k+u.n-1].End, Sentence: toks[u.k].Sentence, Type: model.Person, Entry: holder, Title: true})
	}
	return append(withoutCandidates(cands, drop), out...)
}

// otherOffice reports whether the held title t ending at token last is
// not the office it names alone: for a title of lexicon ArHeldBy, a
// nationality adjective of another country follows it (ولي العهد البريطاني;
// further titles of the same person do not count: ولي ولي العهد النائب
// الثاني, nor the verb's object: افتتح ولي العهد المعرض); for another, any
// definite word (describedFurther).
func (p *Pipeline) otherOffice(toks []segment.Token, words []arabic.Word, last, t int) bool {
	h := heldBy[t]
	if h == nil {
		return describedFurther(toks, words, last)
	}
	k := last + 1
	if k >= len(toks) || toks[k].Sentence != toks[last].Sentence || words[k].Article == "" || words[k].Conj != "" || words[k].Prep != "" {
		return false
	}
	e := p.gaz.Demonym(words[k].MF)
	return e != nil && e.Key != h.Country
}

// holderOn returns the gazetteer entry of the holder of the held title t
// (an index of heldTitles) on date (ISO, the article's) by lexicon
// ArHeldBy, when the title is unique to its country or the article names
// something of the country among cands, and the terms give exactly one
// holder; nil otherwise (no date, a title without holders, a day of
// succession).
func (p *Pipeline) holderOn(t int, date string, cands []link.Candidate) *gazetteer.Entry {
	h := heldBy[t]
	if h == nil || len(date) < len("2006-01-02") {
		return nil
	}
	country := h.Unique
	for i := 0; i < len(cands) && !country; i++ {
		if e := cands[i].Entry; e != nil && (e.Key == h.Country || e.Country == h.Country) {
			country = true
		}
	}
	if !country {
		return nil
	}
	var found *gazetteer.Entry
	for _, x := range h.Holders {
		if gazetteer.InOffice(x.Term, date[:10]) {
			if found != nil {
				return nil
			}
			found = p.gaz.ByKey(x.Key)
		}
	}
	return found
}

// personEntry returns a key for the person candidate c and its gazetteer
// entry: the candidate's own, or the one person entry the gazetteer gives
// for the longest end of its words (a candidate that runs on from a title,
// ولي العهد الأمير محمد بن نايف, before the title is taken off it); nil,
// and a key made of its words, when the gazetteer lacks the person.
func (p *Pipeline) personEntry(toks []segment.Token, words []arabic.Word, c *link.Candidate) (string, *gazetteer.Entry) {
	if c.Entry != nil {
		return c.Entry.Key, c.Entry
	}
	first := firstToken(toks, c.Start)
	end := first
	for end < len(toks) && toks[end].Start < c.End {
		end++
	}
	key := localKey
	for j := first; j < end; j++ {
		key += " " + words[j].MF
	}
	for j := first; j < end-1; j++ { // two words or more: a name, not a title word
		var mf []string
		for i := j; i < end; i++ {
			mf = append(mf, words[i].MF)
		}
		var found *gazetteer.Entry
		n := 0
		for _, e := range p.gaz.Lookup(strings.Join(mf, " ")) {
			if e.Type == model.Person {
				found = e
				n++
			}
		}
		if n == 1 {
			return found.Key, found
		}
		if n > 1 {
			break
		}
	}
	return key, nil
}
