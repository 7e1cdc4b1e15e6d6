package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kg-project/kg/internal/extract/link"
	"github.com/kg-project/kg/internal/extract/ner"
	"github.com/kg-project/kg/internal/gazetteer"
	"github.com/kg-project/kg/internal/lexicon"
	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/text/arabic"
	"github.com/kg-project/kg/internal/text/segment"
	"github.com/kg-project/kg/internal/wordstats"
)

// A mention becomes an entity only when the evidence says it is a name.
// Evidence that its words are ordinary words comes from unlabelled text
// (wordstats: frequent and rarely inside a name, or following numbers, or
// taking and dropping the article). Evidence that they name something
// comes from the tagger's confidence (ner.ScoredSpan.Margin), the
// gazetteer, the name lists (wordstats.Name) and the word before (a title
// before a person, a place or organisation word before a place or an
// organisation). Each piece of evidence has a weight; a mention is dropped
// when the weight of the evidence that it is ordinary words is larger than
// that of the evidence that it is a name.

type weight int

// Weights of evidence.
const (
	// for an ordinary word: seen strongCount times or more, or less
	ordinaryStrong weight = 4
	ordinaryWeak   weight = 2
	// for a name: an alias of a gazetteer entry that is not prominent, a
	// word the name lists know for the type, a title before a person
	nameCue weight = 2
	// a place or organisation word before a place or an organisation: half
	// a cue, for an ordinary word follows them as well (دولة تستورد "a
	// country that imports", ميناء استراتيجيا "a strategic port")
	headCue weight = 1
	// an alias of a prominent entry, a name quoted after a place or
	// organisation word (صحيفة "الوسط"), a margin of keepMargin or more:
	// enough on its own
	sureName weight = 100
)

// keepMargin is the NER margin from which the tagger alone is strong
// evidence of a name: it has seen enough of a name's context (قالت أمل
// "Amal said"). Under it, on ANERcorp's held-out part and AQMAR, one-word
// spans of ordinary words are names about one time in five
// (wordstats.Ordinary), and on news they are mostly common words taken
// for names (شهيد "martyr", الكروي "football", يرصد "allocates").
const keepMargin = 32

// minEntityMargin is the NER margin an entity that only the tagger found
// needs in at least one of its mentions to be an entity of the graph on
// that evidence alone. Of the entities of that kind under it in the first
// 5,000 SaudiNewsNet articles (about one in six), readers judged 11 of 73
// drawn at random a real entity with its name (15%), 30 ordinary words or
// fragments and 18 of the wrong type; from 50 to 100, 33 of 82; above 100,
// 57% (the node samples of bench/results, rules 0.5.71-0.5.85).
const minEntityMargin = 50

// unsureNames returns the entities (ids, as link.Resolve gave them for
// cands) all of whose mentions are names only the tagger found
// (Candidate.Tagged: no gazetteer entry, no rule, nothing around it,
// nameInContext), none with a margin of minEntityMargin or more: what
// the tagger is unsure of and nothing else calls a name (a back reference,
// Anaphor, is no evidence of a name). nil when there is none.
func unsureNames(cands []link.Candidate, ids []string) map[string]bool {
	var sure, unsure map[string]bool // most articles have no unsure name: no maps
	for i, c := range cands {
		if i >= len(ids) || ids[i] == "" || c.Anaphor {
			continue
		}
		if c.Tagged && c.Margin < minEntityMargin || c.Generic && textNamed(ids[i]) {
			if unsure == nil {
				unsure = map[string]bool{}
			}
			unsure[ids[i]] = true
		} else {
			if sure == nil {
				sure = map[string]bool{}
			}
			sure[ids[i]] = true
		}
	}
	for id := range sure {
		delete(unsure, id)
	}
	if len(unsure) == 0 {
		return nil
	}
	return unsure
}

// withBareGivenNames adds to unsure (a new map when nil) the people known
// by a bare given name alone: an entity made from its mention's text
// (textNamed), one word that the name lists know mostly as a given name
// (سامي، بيدرو), all of whose mentions only the tagger found, each one
// word (Candidate.Tagged, whatever its margin). Most are someone the
// article names in full where the linker did not join them, or someone a
// reader cannot tell from anyone else of that name (of the one-word person
// nodes of bench/results' node samples, 22% were judged right): they are
// no entity of the extraction, nor any relation of theirs (withoutUnsure). A
// title before the name (الفنانة أليسا, Candidate.Cued) or a gazetteer
// entry (not Tagged) is evidence enough.
func (p *Pipeline) withBareGivenNames(unsure map[string]bool, cands []link.Candidate, ids []string, ents []model.Entity) map[string]bool {
	if p.words == nil {
		return unsure
	}
	bare, other := map[string]bool{}, map[string]bool{}
	for i, c := range cands {
		if i >= len(ids) || ids[i] == "" || c.Anaphor {
			continue
		}
		if c.Tagged && !c.Cued {
			bare[ids[i]] = true
		} else {
			other[ids[i]] = true
		}
	}
	for _, e := range ents {
		_, local, _ := strings.Cut(e.ID, ":")
		if e.Type != model.Person || !bare[e.ID] || other[e.ID] || !textNamed(e.ID) || strings.Contains(local, "_") {
			continue
		}
		oneWord := true
		for _, m := range e.Mentions {
			oneWord = oneWord && !strings.Contains(strings.TrimSpace(m.Text), " ")
		}
		if !oneWord {
			continue
		}
		if n := p.words.Name(local); n.Given > 0 && n.Given >= n.Family {
			if unsure == nil {
				unsure = map[string]bool{}
			}
			unsure[e.ID] = true
		}
	}
	return unsure
}

// textNamed reports whether entity id was made from a mention's own text
// (organization:لجنه_التنميه), not from a gazetteer entry or a body of a
// country (organization:presidency_of_the_republic_egypt, wd:Q...).
func textNamed(id string) bool {
	_, local, _ := strings.Cut(id, ":")
	r, _ := utf8.DecodeRuneInString(local)
	return unicode.Is(unicode.Arabic, r)
}

// withoutUnsure drops from ents, in place, the unsure ones (unsureNames),
// and from rels, in place, the relations that take one of them. The
// relation step saw them all (a name it reads wrongly changes its reading
// of the others), but neither the name nor what is related to it is
// evidence enough: of 40 relations of such names drawn from the first
// 5,000 SaudiNewsNet articles, readers judged 15 right (25 wrong: names cut
// or split, descriptions, common words; rules 0.6.21,
// bench/results/relations_unsure_seed711_rules0621.tsv), and a name the
// tagger is unsure of and nothing relates is more often a word or a
// fragment than not.
func withoutUnsure(ents []model.Entity, unsure map[string]bool, rels []model.Relation) ([]model.Entity, []model.Relation) {
	if len(unsure) == 0 {
		return ents, rels
	}
	keptRels := rels[:0]
	for _, r := range rels {
		if !unsure[r.Subject] && !unsure[r.Object] {
			keptRels = append(keptRels, r)
		}
	}
	kept := ents[:0]
	for _, e := range ents {
		if !unsure[e.ID] {
			kept = append(kept, e)
		}
	}
	return kept, keptRels
}

// nameInContext reports whether the words around the tagger's span [a, b)
// of type typ say it is a name, whatever the tagger's margin: a person
// after a title or a particle (الأمير، الدكتورة، آل), a name after a kind
// of organisation or place (cueBefore: صحيفة، مدينة) or beginning with one
// (شبكة بلومبيرغ "the Bloomberg network").
func (p *Pipeline) nameInContext(toks []segment.Token, words []arabic.Word, a, b int, typ string) bool {
	if k := p.cueBefore(toks, words, a); k == orgCue || k == nameOrgCue || k == placeCue {
		return true
	}
	if b-a >= 2 {
		if k := p.cueAt(toks, words, a); k == orgCue || k == nameOrgCue || k == placeCue {
			return true
		}
	}
	if j := a - 1; typ == model.Person && j >= 0 && toks[j].Sentence == toks[a].Sentence {
		title, _ := p.tagger.Model().Cue(toks[j].Text)
		return title || particles[words[j].MF] || wordIn(personTitles, &words[j]) || isTitle(&words[j])
	}
	return false
}

// strongCount is the number of occurrences in the unlabelled text from
// which an ordinary word is strong evidence: a town or a given name that
// is a word seen that often is, in a text, far more often the word (ميلا
// "miles", 230 times, is a town of Algeria; أمل "hope", 304 times, a given
// name). A word seen less often may owe its low share of names to the
// tagger not knowing the name (الخرج, the town of Al-Kharj, 40 times).
const strongCount = 100

// Name-list counts from which a word is a name cue for a type: the number
// of people it names (given, family or other name word), at least
// personShare of the times unlabelled text uses the word (أمل "hope": 184
// people, 493 occurrences; شهيد "martyr": 22 people, 240 occurrences), and
// of places (one-word GeoNames names).
const (
	personNameCount = 3
	personShare     = 0.25
	placeNameCount  = 1
)

// frequentName is the number of people from which the name lists make a
// word a name whatever text does with it (علي, also على "on"; ربيع, also
// "spring"): it is no ordinary word in a longer span (ordinarySpan) and no
// head of a construct phrase (constructHead).
const frequentName = 20

// ordinary weighs the evidence that token i, as written, is an ordinary
// word: ordinaryStrong when it carries tanween or follows a number, or
// is wordstats.Ordinary and seen strongCount times or more, ordinaryWeak when ordinary but rarer, or a rare form of an
// ordinary word (سيدرس "he will study", دنيانا "our world") that no list
// knows as a name.
func (p *Pipeline) ordinary(toks []segment.Token, words []arabic.Word, i int) weight {
	// the indefinite accusative ending (مالياً "financially", جوهريًا
	// "fundamentally") and a number before (1080 بيكسل "1080 pixels") mark
	// an ordinary word in this very text
	if hasTanween(toks[i].Text) || i > 0 && toks[i-1].Sentence == toks[i].Sentence && numberToken(toks[i-1].Text) {
		return ordinaryStrong
	}
	b := baseOf(&words[i])
	if p.words.Ordinary(b) {
		if p.words.Word(b).Count >= strongCount {
			return ordinaryStrong
		}
		return ordinaryWeak
	}
	if p.words.OrdinaryForm(toks[i].Text) && !p.words.Name(words[i].MF).Known() && len(p.gaz.Lookup(words[i].MF)) == 0 {
		return ordinaryWeak
	}
	return 0
}

// nameEvidence weighs the evidence, outside the tagger, that token i is
// (the start of) a name of type typ: sureName for an alias of a prominent
// gazetteer entry of the type (سورية "Syrian" is also Syria, القاعدة "the
// base" al-Qaeda) or a word quoted after a place or organisation word
// (صحيفة "الوسط"); nameCue for an alias of a lesser entry of the type,
// for a word the name lists know as a name of the type (personNameCount,
// personShare, placeNameCount), for a person after a title or a particle
// (الأمير سلطان، الدكتورة هدى، آل غالب) and for a place or organisation
// with the article after a place or organisation word without it (the
// construct state: شركة المزايا "the al-Mazaya company"); headCue for a
// place or organisation after another place or organisation word (محافظة
// صبيا).
func (p *Pipeline) nameEvidence(toks []segment.Token, words []arabic.Word, i int, typ string) weight {
	var w weight
	alias := p.aliasOf(&words[i], typ)
	switch alias {
	case prominentAlias:
		return sureName
	case lesserAlias:
		w += nameCue
	}
	aliasW := w
	j := i - 1
	quoted := j >= 0 && isOpenQuote(toks[j].Text)
	if quoted {
		j--
	}
	if j >= 0 && toks[j].Sentence == toks[i].Sentence {
		title, head := p.tagger.Model().Cue(toks[j].Text)
		switch {
		case head && quoted && typ != model.Person:
			return sureName
		case (title || particles[words[j].MF]) && typ == model.Person:
			w += nameCue // الأمير سلطان، آل غالب
		case head && typ != model.Person && words[i].Article != "" && words[j].Article == "" && !quoted:
			w += nameCue // the construct state: شركة المزايا، وادي الدواسر
		case head && typ != model.Person:
			w += headCue
		}
	}
	// the place lists and the gazetteer say the same (GeoNames): a lesser
	// gazetteer place alone counts once (الحمامات "the bathrooms" is
	// Hammamet), after a place word twice (محافظة تربة)
	if typ == model.Person && p.personCue(&words[i]) || typ == model.Location && (alias == noAlias || w > aliasW) && p.words.Name(words[i].MF).Place >= placeNameCount {
		w += nameCue
	}
	return w
}

// personCue reports whether the name lists give the word to people often
// enough, for how often text uses it, to count as a person's name
// (personNameCount, personShare).
func (p *Pipeline) personCue(w *arabic.Word) bool {
	n := p.words.Name(w.MF).PersonCount()
	return n >= personNameCount && float64(n) >= personShare*float64(p.wordCount(w))
}

// wordCount is the number of occurrences of a word in the unlabelled text,
// with and without the article.
func (p *Pipeline) wordCount(w *arabic.Word) int32 {
	b := baseOf(w)
	n := p.words.Word(b).Count
	if rest, ok := strings.CutPrefix(b, "ال"); ok {
		return n + p.words.Word(rest).Count
	}
	return n + p.words.Word("ال"+b).Count
}

func isOpenQuote(s string) bool {
	switch s {
	case "\"", "«", "“", "'", "‘":
		return true
	}
	return false
}

// ordinarySpan reports whether the NER span tokens [a, b) of type typ,
// found with margin, is not a name but ordinary words. A margin of
// keepMargin or more is strong evidence of a name. Under it, a single word
// is dropped when the evidence that it is ordinary outweighs nameEvidence
// (heading a construct phrase, constructHead, is strong evidence), and a
// place or organisation that is the adjective of a place (placeAdjective);
// a longer span when nothing before it speaks for a name, no word in it is
// a title or a place or organisation word (الجمعية العامة), and it is a
// person or place of two ordinary words making a construct phrase (أسماء
// الفائزين), or its words
// are function words and either some ordinary words, none a person cue
// nor a frequent name (personCue, frequentName: أمل سعيد is two ordinary
// words and a person's name; the thermostat, المنظم الحراري, as a person
// is not), or only words with the
// article that nothing calls a name (البلاستيك الصلد "hard plastic").
func (p *Pipeline) ordinarySpan(toks []segment.Token, words []arabic.Word, a, b int, typ string, margin float32) bool {
	if closedClassSpan(toks, words, a, b) {
		return true
	}
	if margin >= keepMargin || p.words == nil {
		return false
	}
	ev := p.nameEvidence(toks, words, a, typ)
	if ev == 0 && p.unsupported(toks, words, a, b) {
		return true
	}
	if b-a == 1 {
		if typ != model.Person && p.placeAdjective(&words[a]) {
			return true
		}
		ord := p.ordinary(toks, words, a)
		if typ == model.Person && p.constructHead(toks, words, a) {
			ord = max(ord, ordinaryStrong)
		}
		return ord > ev
	}
	if ev > 0 {
		return false
	}
	for k := a; k < b; k++ {
		if title, head := p.tagger.Model().Cue(toks[k].Text); title || head {
			return false
		}
	}
	// a person or place of two ordinary words, the second strongly
	// ordinary, with the article and nothing calling it a name: a
	// construct phrase (أسماء الفائزين "the names of the winners"),
	// whatever the lists say of the first
	if b-a == 2 && typ != model.Organization && p.ordinary(toks, words, a) > 0 && p.ordinary(toks, words, a+1) == ordinaryStrong &&
		words[a+1].Article != "" && words[a+1].Conj == "" && !ordinals[words[a+1].MF] && !p.nameLike(&words[a+1]) {
		return true
	}
	ordinary, definite, content := 0, 0, 0
	for k := a; k < b; k++ {
		if isEdgeWord(toks[k].Text, words[k].MF) {
			continue
		}
		content++
		switch {
		case p.ordinary(toks, words, k) > 0 && !p.personCue(&words[k]) && p.words.Name(words[k].MF).PersonCount() < frequentName:
			ordinary++
		case words[k].Article != "" && !p.nameLike(&words[k]):
			definite++
		default:
			return false
		}
	}
	return ordinary > 0 || definite == content
}

// unsupported reports, for the span tokens [a, b) whose first word has no
// name evidence (nameEvidence, which the caller weighed), whether nothing
// but the tagger speaks for it being a name: no title or place or
// organisation word in it, no word of it that the gazetteer, the name
// lists or unlabelled text know as (part of) a name (nameLike), and no
// ordinal after it. Under keepMargin the tagger alone is not
// enough: such spans are mostly rare forms of ordinary words (بدهشة "in
// surprise", جاسوسي "my spy", أبناؤنا "our sons") and, less often, foreign
// names written in Arabic letters that nothing else knows. On the first
// 5,000 SaudiNewsNet articles this drops about 1,000 of 18,900 entity ids;
// of 40 of them drawn at random we judged 18 ordinary words, 4 products or
// titles, 14 real names badly romanised and 4 right.
func (p *Pipeline) unsupported(toks []segment.Token, words []arabic.Word, a, b int) bool {
	if b < len(toks) && toks[b].Sentence == toks[a].Sentence && ordinals[words[b].MF] {
		return false // a king's or pope's ordinal after it: فلاديسفاو الرابع
	}
	for k := a; k < b; k++ {
		if isEdgeWord(toks[k].Text, words[k].MF) {
			continue
		}
		if title, head := p.tagger.Model().Cue(toks[k].Text); title || head {
			return false
		}
		if p.nameLike(&words[k]) {
			return false
		}
	}
	return true
}

// closedClassSpan reports whether the words of tokens [a, b), function
// words aside (isEdgeWord), are all of a closed class (arabic.Word.ClosedClass:
// هذان "these two", زورا وبهتانا "falsely"): no name, however sure the
// tagger is (unlabelled text has هذان inside people's names half the time:
// the tagger's own errors).
func closedClassSpan(toks []segment.Token, words []arabic.Word, a, b int) bool {
	n := 0
	for k := a; k < b; k++ {
		if isEdgeWord(toks[k].Text, words[k].MF) {
			continue
		}
		if words[k].ClosedClass() == "" {
			return false
		}
		n++
	}
	return n > 0
}

// nameLike reports whether anything says the word may be a name: the
// gazetteer or the name lists know it (as written or without the article),
// or unlabelled text finds it inside names (wordstats.MaxNameShare).
func (p *Pipeline) nameLike(w *arabic.Word) bool {
	if p.isName(w.MF) || p.words.Word(baseOf(w)).NameShare() >= wordstats.MaxNameShare {
		return true
	}
	rest, ok := strings.CutPrefix(w.MF, "ال")
	return ok && p.isName(rest)
}

// placeAdjective reports whether a word is the adjective of a prominent
// place (gazetteer.Entry.IsProminent), not a name itself (بيروتي
// "Beiruti", المكية "Meccan"): the place's name with the nisba ending ي or
// ية (and maybe the article), no alias itself. A lesser place would
// catch names (الباجي is no adjective of a village باجة).
func (p *Pipeline) placeAdjective(w *arabic.Word) bool {
	if len(p.gaz.Lookup(w.MF)) > 0 {
		return false
	}
	m := strings.TrimPrefix(w.MF, "ال")
	for _, suf := range []string{"يه", "ي"} {
		stem, ok := strings.CutSuffix(m, suf)
		if !ok || len([]rune(stem)) < 3 {
			continue
		}
		for _, f := range []string{stem, stem + "ه", stem + "ا", "ال" + stem} {
			for _, e := range p.gaz.Lookup(f) {
				if e.Type == model.Location && e.IsProminent() {
					return true
				}
			}
		}
	}
	return false
}

// constructHead reports whether token i heads a construct phrase: a word
// followed by a strongly ordinary word with the article, without a
// conjunction, that is no name and no ordinal (حسن النية "good faith",
// حسن الخلق "good manners"; not فلاديسفاو الرابع "Władysław IV", سابك
// والغاز "SABIC and the gas company"). A one-word person the tagger is not
// sure of, so followed, is that phrase, not a name. Without the article
// the next word may be a verb (نتنياهو صرح "Netanyahu declared").
func (p *Pipeline) constructHead(toks []segment.Token, words []arabic.Word, i int) bool {
	j := i + 1
	if j >= len(toks) || toks[j].Sentence != toks[i].Sentence || isEdgeWord(toks[j].Text, words[j].MF) {
		return false
	}
	w := &words[j]
	if w.Article == "" || w.Conj != "" || ordinals[w.MF] || len(p.gaz.Lookup(w.MF)) > 0 || p.personCue(w) || p.words.Name(w.MF).PersonCount() >= frequentName {
		return false
	}
	return p.ordinary(toks, words, j) == ordinaryStrong
}

// ordinals follow kings' and popes' names (lexicon ar_regnal_ordinal, MatchForm).
var ordinals = arabic.WordSet(strings.Join(lexicon.Class("ar_regnal_ordinal"), " "))

// baseOf is wordstats.Base of an analysed word.
func baseOf(w *arabic.Word) string {
	if w.Stem == "" {
		return ""
	}
	return arabic.MatchForm(w.Article + w.Stem + w.Suffix)
}

// numberToken reports whether a token is a number written in digits,
// also with a conjunction or preposition attached (و284 "and 284", ب100).
func numberToken(t string) bool {
	if segment.IsNumber(t) {
		return true
	}
	r, n := utf8.DecodeRuneInString(t)
	return n < len(t) && strings.ContainsRune(arabic.CliticLetters, r) && segment.IsNumber(t[n:])
}

// dropOrdinaryMatches removes the one-word gazetteer matches that are
// ordinary words in this text: the alias of an entry that is not prominent
// (a town, a minor figure) is a name cue; it is dropped when the evidence
// that the word is ordinary weighs more (ميلا "miles", seen 230 times, is
// also the town of Mila in Algeria), or, for a town under cityRank whose
// country the article names in no other way while it names some other
// country (orphanPlace), when there is any evidence that the word is
// ordinary (الكرم "generosity" is Le Kram in Tunisia, نقده "his criticism"
// Naqadeh in Iran) — unless the tagger is sure of a name there (a span of
// margin keepMargin or more covers it). Prominent names (countries,
// capitals, leaders, big cities) and demonyms are kept: they have their
// own rules.
func (p *Pipeline) dropOrdinaryMatches(toks []segment.Token, words []arabic.Word, ms []gazetteer.Match, sure []bool) []gazetteer.Match {
	if p.words == nil {
		return ms
	}
	places := countryPlaces(ms)
	out := ms[:0]
	for _, m := range ms {
		if m.End-m.Start == 1 && !m.IsDemonym && !sure[m.Start] && m.Entry != nil && !m.Entry.IsProminent() {
			ord := p.ordinary(toks, words, m.Start)
			if ord > p.nameEvidence(toks, words, m.Start, m.Entry.Type) || ord > 0 && (orphanPlace(m.Entry, places) || p.foreignInLocal(m.Entry, places)) {
				continue
			}
			if p.otherLetters(m.Surface, m.Skip, m.Entry) {
				continue
			}
		}
		out = append(out, m)
	}
	return out
}

// otherLetters reports whether the word surface (its first skip code
// points clitics) spells none of e's Arabic aliases but matches one only
// through the letters the matching form folds that news writing does keep
// apart: a hamza on its seat where the name has none (بئرا "a well" is no
// بيرا, Beira; المهدئة "the sedative" no المهدية) or, when the word without
// it is an ordinary word, ه "his" for the name's final ة (كيفه "his way" is
// no كيفة, Kiffa; زواره "his visitors" no زوارة). Alef variants and ى/ي
// count as the same letter (أ/ا, ى/ي are written either way). Places of
// the corpus's country (p.home) are written with ه often enough (شروره)
// to be left alone.
func (p *Pipeline) otherLetters(surface string, skip int, e *gazetteer.Entry) bool {
	if p.home != nil && e.Country == p.home.Key {
		return false
	}
	if skip > 0 {
		if rs := []rune(surface); skip < len(rs) {
			surface = string(rs[skip:])
		}
	}
	w := lightForm(surface)
	if w == "" || !arabic.HasScript(w) {
		return false
	}
	mf := arabic.MatchForm(w)
	apart := false
	for _, a := range e.Aliases {
		if strings.Contains(a, " ") || !arabic.HasScript(a) || arabic.MatchForm(a) != mf {
			continue
		}
		la := lightForm(a)
		if la == w {
			return false
		}
		ra, rw := []rune(la), []rune(w)
		if len(ra) != len(rw) {
			return false
		}
		for i := range rw {
			if rw[i] == ra[i] {
				continue
			}
			switch {
			case (rw[i] == 'ئ' || rw[i] == 'ؤ') && (ra[i] == 'ي' || ra[i] == 'و'),
				i == len(rw)-1 && rw[i] == 'ه' && ra[i] == 'ة' && p.words.Ordinary(string(rw[:i])):
				apart = true
			default:
				return false
			}
		}
	}
	return apart
}

// lightForm is w without diacritics and tatweel, its alef variants as
// bare alef and ى as ي: the letters otherLetters compares.
func lightForm(w string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case 'أ', 'إ', 'آ', 'ٱ':
			return 'ا'
		case 'ى':
			return 'ي'
		case 'ـ':
			return -1
		}
		if segment.IsDiacritic(r) {
			return -1
		}
		return r
	}, w)
}

// dropSplitWords removes the one-word gazetteer matches of a lesser entry
// (not prominent) read off a word by taking a clitic away (Match.Skip)
// when the word as written is a name the name lists know or a word of a
// closed class: لوزان is Lausanne, not ل + وزان (Ouezzane in Morocco),
// فوزان the name Fawzan, لايزال "still", not ل + Aizawl. Prominent names
// keep their clitic reading (بجدة، لمصر) unless the word as written is an
// ordinary word (ordinaryWhole: بحماس "with enthusiasm") and the article
// names the entry nowhere without a clitic other than و or ف (الاستهانة
// بحماس "underestimating Hamas" in an article that writes حماس or وحماس
// is Hamas). The tagger's names (nerCandidates) are checked without the
// article's other matches: the gazetteer's reading of the same word has
// mostly covered them already.
func (p *Pipeline) dropSplitWords(words []arabic.Word, ms []gazetteer.Match) []gazetteer.Match {
	// the entries the article names otherwise than through a clitic
	var plain map[*gazetteer.Entry]bool
	for _, m := range ms {
		if m.Entry != nil && (m.Skip == 0 || onlyConj(m.Surface, m.Skip)) {
			if plain == nil {
				plain = map[*gazetteer.Entry]bool{}
			}
			plain[m.Entry] = true
		}
	}
	out := ms[:0]
	for _, m := range ms {
		if !p.splitWord(words, m, plain) {
			out = append(out, m)
		}
	}
	return out
}

// withoutFathersNames drops a match of a person only the project's lists
// of people know (gazetteer.SrcWritten) that a given name standing alone
// comes just before: the match is the end of a longer name, the father's
// name in the son's (أحمد قديروف in رمضان أحمد قديروف is the father,
// Akhmad Kadyrov; the son is another man). A name of the other sources
// (with a QID, or from the name lists) is left alone: they name Arab
// persons by their full names.
func (p *Pipeline) withoutFathersNames(toks []segment.Token, words []arabic.Word, ms []gazetteer.Match) []gazetteer.Match {
	if p.words == nil {
		return ms
	}
	out := ms[:0]
	for _, m := range ms {
		if e := m.Entry; e != nil && e.Type == model.Person && m.End-m.Start >= 2 && m.Start > 0 && len(e.Sources) == 1 && e.Sources[0] == gazetteer.SrcWritten {
			g, w := m.Start-1, &words[m.Start-1]
			if toks[g].Sentence == toks[m.Start].Sentence && words[m.Start].Conj == "" && w.Article == "" && w.Conj == "" && w.Prep == "" && w.Suffix == "" &&
				p.words.Name(w.MF).Given >= firstGiven {
				continue
			}
		}
		out = append(out, m)
	}
	return out
}

// splitWord reports whether m is a match dropSplitWords removes.
func (p *Pipeline) splitWord(words []arabic.Word, m gazetteer.Match, plain map[*gazetteer.Entry]bool) bool {
	if p.words == nil || m.Skip == 0 || m.End-m.Start != 1 || m.IsDemonym || m.Entry == nil {
		return false
	}
	w := &words[m.Start]
	if m.Entry.IsProminent() {
		return !plain[m.Entry] && p.ordinaryWhole(m.Surface, m.Skip)
	}
	return p.words.Name(w.MF).Known() || w.ClosedClass() != ""
}

// ordinaryWhole reports whether a word written with a preposition before
// a prominent name, skip letters (بيوتا "houses", not ب + يوتا "in Utah";
// بحماس "with enthusiasm", not "with Hamas") is an ordinary word: the
// unlabelled text has its base form (wordstats.Base, which keeps a short
// word whole and takes a longer one's clitics off, so that a name's own
// counts then speak for it) minWholeOrdinary times or more and never
// inside a name, and it does not end in ة (بجدة "in Jeddah", which the
// text, folding ة to ه, counts with بجده "with his grandfather"). A
// conjunction before a name (والحوثيون) is left alone: the text tags few
// of those.
func (p *Pipeline) ordinaryWhole(surface string, skip int) bool {
	rs := []rune(surface)
	if skip <= 0 || skip >= len(rs) || strings.ContainsAny(string(rs[:skip]), "وف") || strings.HasSuffix(surface, "ة") {
		return false
	}
	x := p.words.WordOf(surface)
	return x.Count >= minWholeOrdinary && x.Names() == 0 && x.Unsure == 0
}

// onlyConj reports whether the first skip code points of surface are
// conjunctions (و، ف) only: وحماس names Hamas as plainly as حماس.
func onlyConj(surface string, skip int) bool {
	rs := []rune(surface)
	if skip <= 0 || skip > len(rs) {
		return false
	}
	return strings.Trim(string(rs[:skip]), "وف") == ""
}

// minWholeOrdinary: ordinaryWhole's count.
const minWholeOrdinary = 10

// countryPlaces returns, for each country the matches name (by its name
// or adjective) or hold places of, the distinct entries of it.
func countryPlaces(ms []gazetteer.Match) map[string]map[*gazetteer.Entry]bool {
	out := map[string]map[*gazetteer.Entry]bool{}
	add := func(c string, e *gazetteer.Entry) {
		if out[c] == nil {
			out[c] = map[*gazetteer.Entry]bool{}
		}
		out[c][e] = true
	}
	for _, m := range ms {
		e := m.Entry
		if e == nil || e.Type != model.Location {
			continue
		}
		if e.Role == gazetteer.RoleCountry {
			add(e.Key, e)
		} else if e.Country != "" {
			add(e.Country, e)
		}
	}
	return out
}

// orphanPlace reports whether place entry e, a town under cityRank, is of
// a country the article names in no other way (neither the country nor
// another of its places: places, countryPlaces of the article's matches)
// while it names some other country. An article that names no country at
// all is left alone: local news names its towns without their country
// (سبق- ينبع).
func orphanPlace(e *gazetteer.Entry, places map[string]map[*gazetteer.Entry]bool) bool {
	if e.Type != model.Location || e.Role == gazetteer.RoleCountry || e.Country == "" || e.Rank >= cityRank {
		return false
	}
	for o := range places[e.Country] {
		if o != e {
			return false
		}
	}
	return len(places) > 1 // the article speaks of some other country
}

// foreignInLocal reports whether place entry e, a town under cityRank of
// a country other than the corpus's (p.home), is matched in an article
// that names no country at all, neither e's nor another: local news,
// which names its own towns without their country (سبق- ينبع), and where
// a foreign town's name that is also an ordinary word is that word (نقده
// "his criticism" is no Naqadeh in Iran, أدوا "they performed" no Adwa in
// Ethiopia). Without a home country, orphanPlace alone decides.
func (p *Pipeline) foreignInLocal(e *gazetteer.Entry, places map[string]map[*gazetteer.Entry]bool) bool {
	if p.home == nil || e.Type != model.Location || e.Role == gazetteer.RoleCountry || e.Country == "" || e.Country == p.home.Key || e.Rank >= cityRank {
		return false
	}
	for c, es := range places {
		if c != e.Country {
			return false // the article names another country, or a place of one
		}
		for o := range es {
			if o != e {
				return false
			}
		}
	}
	return true
}

// currencies are the currency words (MatchForm) after which an Arabic
// nationality adjective, or before which an English country name or
// adjective, names the currency (دولار أمريكي, ريال سعودي; US dollars,
// Saudi riyals): lexicon classes ar_currency, en_currency.
var currencies = map[string]map[string]bool{
	"ar": arabic.WordSet(strings.Join(lexicon.Class("ar_currency"), " ")),
	"en": arabic.WordSet(strings.Join(lexicon.Class("en_currency"), " ")),
}

// dropCurrencyAdjectives removes the gazetteer matches of a country that
// only qualify a currency (بلغت 100 مليون دولار أميركي "100 million US
// dollars"): the country is no actor there, and the GUIDELINES annotate a
// nationality adjective only as an actor. Arabic puts the adjective after
// the currency word, or the place's name after the currency word in the
// construct (دولار نيوزيلندا, دولار هونغ كونغ), English the name or
// adjective before it.
func dropCurrencyAdjectives(toks []segment.Token, words []arabic.Word, ms []gazetteer.Match, lang string) []gazetteer.Match {
	cur := currencies[lang]
	if cur == nil {
		return ms
	}
	isCurrency := func(j int) bool {
		return cur[words[j].MF] || cur[baseOf(&words[j])]
	}
	out := ms[:0]
	for _, m := range ms {
		if m.Entry != nil && m.Entry.Type == model.Location {
			if lang == "ar" && m.Start > 0 && toks[m.Start-1].Sentence == toks[m.Start].Sentence && isCurrency(m.Start-1) &&
				(m.IsDemonym || m.Skip == 0 && words[m.Start-1].Article == "" && words[m.Start-1].Suffix == "") {
				continue // دولار أمريكي; دولار نيوزيلندا, the construct
			}
			if lang == "ar" && m.IsDemonym && m.End-m.Start == 1 && languageAdjective(toks, words, m.Start) {
				continue
			}
			if lang == "en" && m.End < len(toks) && toks[m.End].Sentence == toks[m.Start].Sentence && isCurrency(m.End) {
				continue
			}
		}
		out = append(out, m)
	}
	return out
}

// languageNouns are the nouns of a language (lexicon ar_language_noun).
var languageNouns = arabic.WordSet(strings.Join(lexicon.Class("ar_language_noun"), " "))

// languageAdjective reports whether the nationality adjective at token i
// names a language: after a noun of a language, its clitics off (باللغة
// الإنجليزية, لغات أجنبية), or written with ب and the article, feminine
// (بالفرنسية "in French"), or after such a word and و (بالعربية
// والإنجليزية).
func languageAdjective(toks []segment.Token, words []arabic.Word, i int) bool {
	inLanguage := func(j int) bool {
		w := &words[j]
		return w.Prep == "ب" && w.Article != "" && strings.HasSuffix(toks[j].Text, "ية")
	}
	if inLanguage(i) {
		return true
	}
	if i == 0 || toks[i-1].Sentence != toks[i].Sentence {
		return false
	}
	prev := &words[i-1]
	if languageNouns[arabic.MatchForm(prev.Article+prev.Stem)] || languageNouns[prev.MF] {
		return true
	}
	return words[i].Conj == "و" && inLanguage(i-1)
}

type aliasKind int

const (
	noAlias aliasKind = iota
	lesserAlias
	prominentAlias
)

// aliasOf tells whether a word, or one of its stems, is an alias of a
// gazetteer entry of type typ, and of how prominent a one
// (gazetteer.Entry.IsProminent) — even an alias the gazetteer does not
// match alone because it is also an ordinary word.
func (p *Pipeline) aliasOf(w *arabic.Word, typ string) aliasKind {
	k := noAlias
	for _, f := range w.Stems {
		for _, e := range p.gaz.Lookup(f) {
			if e.Type != typ {
				continue
			}
			if e.IsProminent() {
				return prominentAlias
			}
			k = lesserAlias
		}
	}
	return k
}

// tagged is the NER's reading of a text: the spans of each sentence (token
// indices within the sentence) and the index of each sentence's first
// token.
type tagged struct {
	starts []int
	spans  [][]ner.ScoredSpan
}

// sureTokens marks the tokens inside a span of margin keepMargin or more.
func (t *tagged) sureTokens(n int) []bool {
	sure := make([]bool, n)
	for si, spans := range t.spans {
		for _, sp := range spans {
			if sp.Margin < keepMargin {
				continue
			}
			for i := t.starts[si] + sp.Start; i < t.starts[si]+sp.End && i < n; i++ {
				sure[i] = true
			}
		}
	}
	return sure
}

// particles end no complete name: they join it to the next word (عبد الله،
// بن سلمان، أبو بكر، آل سعود; lexicon ar_name_particle). MatchForm.
var particles = arabic.WordSet(strings.Join(lexicon.Class("ar_name_particle"), " "))

// andSplits returns where the NER span tokens [a, b) of type typ holds two
// names joined by the conjunction و (هوبز ولوك "Hobbes and Locke", مصر
// والسودان) or the preposition ل (روبنسون كروزو لدانيال ديفو "Robinson
// Crusoe by Daniel Defoe", من الشقيري لعرفات "from Shukeiri to Arafat"):
// the indices of the tokens that begin with that و or ل. A token is
// such a join when, as written, no list knows it as a name (وليد is a name:
// محمد وليد is one person), without its و it is a name of the type
// (isNameOf, splitNameCount) of three letters or more, and the words before it make a
// complete name: not ending in
// a particle (عبد، بن), and two or more words or a name of the type.
// Organisation names join their parts with و (وزارة الخارجية والتعاون):
// they are not split.
func (p *Pipeline) andSplits(toks []segment.Token, words []arabic.Word, a, b int, typ string) []int {
	if typ != model.Person && typ != model.Location || p.words == nil {
		return nil
	}
	var out []int
	start := a
	for k := a + 1; k < b; k++ {
		rs := []rune(words[k].MF)
		if len(rs) < 4 || rs[0] != 'و' && rs[0] != 'ل' || !p.isNameOf(string(rs[1:]), typ, splitNameCount) || p.isName(words[k].MF) {
			continue
		}
		if particles[words[k-1].MF] || k-start < 2 && !p.isNameOf(words[k-1].MF, typ, personNameCount) {
			continue
		}
		out = append(out, k)
		start = k
	}
	return out
}

// splitNameCount is the number of people the name lists must give the word
// after و for andSplits: some people of the lists have names that are
// the ends of other words (يلس, from ويلس "Wells"; ارا, from وارا "Wara").
const splitNameCount = 20

// isNameOf reports whether the word m (MatchForm) is a name of type typ:
// an alias of a gazetteer entry of the type, or, for people, a word the
// name lists give people people or more, for places a one-word place name
// (placeNameCount).
func (p *Pipeline) isNameOf(m, typ string, people int32) bool {
	for _, e := range p.gaz.Lookup(m) {
		if e.Type == typ {
			return true
		}
	}
	n := p.words.Name(m)
	if rest, ok := strings.CutPrefix(m, "ال"); ok && !n.Known() {
		n = p.words.Name(rest) // the lists write family names without the article: الحوثي
	}
	return typ == model.Person && n.PersonCount() >= people || typ == model.Location && n.Place >= placeNameCount
}

// isName reports whether some list knows the word m (MatchForm) as a name.
func (p *Pipeline) isName(m string) bool {
	return len(p.gaz.Lookup(m)) > 0 || p.words.Name(m).Known()
}

// Name-list counts for typeVote: the first word must be a given name of
// firstGiven people of the Arab lists or a name word of firstPerson
// people of all lists (the Wikidata name tokens count English words that
// are also surnames: وايت "White", بارك "Park"); the others words of
// otherPerson people.
const (
	firstGiven  = 10
	firstPerson = 100
	otherPerson = 5
)

// typeVote returns the type of the NER span tokens [a, b) tagged typ, once
// the name lists and the gazetteer have had their say: a place or
// organisation of two to four words that are all words of people's names
// (جين فوندا "Jane Fonda" tagged a place) is a person. The first word
// must be a frequent first name (firstGiven, firstPerson), the others
// words of people's names (otherPerson), each given to people more often
// than to places; none may be a gazetteer alias of a place or
// organisation, a title or a place or organisation word, الله (رضوان الله
// "God's pleasure"), or a word unlabelled text finds more often in places
// and organisations than in people's names (سان of سان فرانسيسكو).
func (p *Pipeline) typeVote(toks []segment.Token, words []arabic.Word, a, b int, typ string) string {
	if typ == model.Person || b-a < 2 || b-a > 4 || p.words == nil {
		return typ
	}
	for k := a; k < b; k++ {
		m := words[k].MF
		n := p.words.Name(m)
		if rest, ok := strings.CutPrefix(m, "ال"); ok && !n.Known() {
			n = p.words.Name(rest)
		}
		switch {
		case m == "الله" || n.PersonCount() <= n.Place:
			return typ
		case k == a && n.Given < firstGiven && n.PersonCount() < firstPerson:
			return typ
		case n.PersonCount() < otherPerson:
			return typ
		}
		if title, head := p.tagger.Model().Cue(toks[k].Text); title || head {
			return typ
		}
		for _, f := range words[k].Stems {
			for _, e := range p.gaz.Lookup(f) {
				if e.Type != model.Person {
					return typ
				}
			}
		}
		if w := p.words.Word(baseOf(&words[k])); w.Location+w.Org > w.Person {
			return typ
		}
	}
	return model.Person
}

// hasTanween reports whether a word carries tanween (ً ٌ ٍ), the ending of
// indefinite nouns and adjectives, which names do not take.
func hasTanween(w string) bool {
	return strings.ContainsAny(w, "\u064B\u064C\u064D")
}

// loneOrdinaryPerson reports whether the span tokens [a, b), tagged a
// person, is one ordinary word (ordinary: الباحثون "the researchers",
// جواسيس "spies", سيارتي "my car", and given names that are words, غريب,
// إيمان) with no title or particle before it, no gazetteer alias of a
// person, and not the last word of a longer person's name in the article
// (surnames: وقال غريب after سامي غريب). However sure the tagger is (the
// margin does not count here, nor the name lists: a given name alone names
// no one a reader can tell), such a word alone is far more often the word.
// On the first 5,000 SaudiNewsNet articles this drops 62 person ids, about
// half ordinary words and most of the rest given names alone.
func (p *Pipeline) loneOrdinaryPerson(toks []segment.Token, words []arabic.Word, a, b int, typ string, surnames map[string]bool) bool {
	if b-a != 1 || typ != model.Person || p.words == nil || surnames[words[a].MF] {
		return false
	}
	if p.ordinary(toks, words, a) == 0 || p.aliasOf(&words[a], typ) != noAlias {
		return false
	}
	// a title or a particle before it (الأمير سلطان، أبو مبارك)
	if j := a - 1; j >= 0 && toks[j].Sentence == toks[a].Sentence {
		if title, _ := p.tagger.Model().Cue(toks[j].Text); title || particles[words[j].MF] {
			return false
		}
	}
	return true
}

// articleSurnames returns the last words (MatchForm) of the person names of
// two words or more of the article: the tagger's person spans and the
// gazetteer's persons.
func (p *Pipeline) articleSurnames(toks []segment.Token, words []arabic.Word, gaz []link.Candidate, tg *tagged) map[string]bool {
	out := map[string]bool{}
	last := func(start, end int) {
		for k := end - 1; k > start && k >= 0; k-- {
			if !isEdgeWord(toks[k].Text, words[k].MF) {
				out[words[k].MF] = true
				return
			}
		}
	}
	for si, spans := range tg.spans {
		i := tg.starts[si]
		for _, sp := range spans {
			if nerTypes[sp.Type] == model.Person && sp.End-sp.Start >= 2 {
				last(i+sp.Start, i+sp.End)
			}
		}
	}
	for _, c := range gaz {
		if c.Type != model.Person || c.Entry == nil {
			continue
		}
		a := firstToken(toks, c.Start)
		b := a
		for b < len(toks) && toks[b].Start < c.End {
			b++
		}
		if b-a >= 2 {
			last(a, b)
		}
		for _, al := range c.Entry.Aliases {
			if f := strings.Fields(arabic.MatchForm(al)); len(f) >= 2 {
				out[f[len(f)-1]] = true
			}
		}
	}
	return out
}

// givenNameBefore returns the start of the person span that begins at token
// a, one word earlier when that word is a frequent given name (frequentName)
// the tagger left out because it is also an ordinary word (wordstats:
// a month's name, رمضان, or a weekday's, خميس), between a title or a place
// and the span:
// الرئيس رمضان أحمد قاديروف, رئيس جمهورية الشيشان رمضان أحمد قاديروف. The
// word must stand alone: no article, conjunction or preposition, and no
// candidate of its own.
func (p *Pipeline) givenNameBefore(toks []segment.Token, words []arabic.Word, gaz []link.Candidate, a int, covered func(s, e int) bool) int {
	g := a - 1
	if g < 1 || p.words == nil || toks[g].Sentence != toks[a].Sentence || toks[g-1].Sentence != toks[a].Sentence {
		return a
	}
	w := &words[g]
	if w.Article != "" || w.Conj != "" || w.Prep != "" || w.Suffix != "" || words[a].Conj != "" || covered(toks[g].Start, toks[g].End) ||
		p.words.Name(w.MF).Given < frequentName || !p.words.Ordinary(baseOf(w)) || len(w.Stems) > 1 || w.ClosedClass() != "" || isEdgeWord(toks[g].Text, w.MF) ||
		p.prepReading(w.MF) {
		// a span after و is the second of two names (سعيد وفيصل); a word
		// that may carry a clitic (باسم "in the name of", المتحدث باسم) or
		// is a function word (بين "between") is no given name here
		return a
	}
	if title, _ := p.tagger.Model().Cue(toks[g-1].Text); title {
		return g
	}
	for _, c := range gaz {
		if c.Type == model.Location && !c.Demonym && c.End == toks[g-1].End {
			return g
		}
	}
	return a
}

// prepReading reports whether the word m (MatchForm) may be a preposition
// ب، ل or ك on an ordinary word of three letters or more (باسم "in the name
// of", لقمان), which the analysis did not strip.
func (p *Pipeline) prepReading(m string) bool {
	rs := []rune(m)
	return len(rs) >= 4 && (rs[0] == 'ب' || rs[0] == 'ل' || rs[0] == 'ك') && p.words.Ordinary(string(rs[1:]))
}

// withoutCurrencyNames drops, in place, the places (a gazetteer name or
// the tagger's) that only name a currency after its word in the construct
// (حركة دولار نيوزيلندا "the New Zealand dollar's move", دولار هونغ كونغ):
// as dropCurrencyAdjectives does for the gazetteer's matches, after the
// tagger's names have joined them. A nationality adjective is left to
// dropCurrencyAdjectives. cands keep their order.
func withoutCurrencyNames(toks []segment.Token, words []arabic.Word, cands []link.Candidate) []link.Candidate {
	cur := currencies["ar"]
	out := cands[:0]
	for _, c := range cands {
		if c.Type == model.Location && !c.Demonym && !c.Anaphor {
			j := firstToken(toks, c.Start)
			if j > 0 && j < len(toks) && toks[j].Start == c.Start && words[j].Conj == "" && words[j].Prep == "" && toks[j-1].Sentence == toks[j].Sentence {
				w := &words[j-1]
				if (cur[w.MF] || cur[baseOf(w)]) && w.Article == "" && w.Suffix == "" {
					continue
				}
			}
		}
		out = append(out, c)
	}
	return out
}
