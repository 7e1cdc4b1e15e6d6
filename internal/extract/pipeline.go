package extract

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/kg-project/kg/internal/extract/link"
	"github.com/kg-project/kg/internal/extract/ner"
	"github.com/kg-project/kg/internal/extract/rel"
	"github.com/kg-project/kg/internal/gazetteer"
	"github.com/kg-project/kg/internal/lexicon"
	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/text/arabic"
	"github.com/kg-project/kg/internal/text/segment"
	"github.com/kg-project/kg/internal/translit"
	"github.com/kg-project/kg/internal/wordstats"
)

// RulesVersion is the human-readable release of the pipeline's rules,
// bumped for notable changes. Staging does not rely on it: Version also
// carries a fingerprint of the sources, model and gazetteer, which changes
// by itself with any change that may alter the output.
const RulesVersion = "0.6.79"

// Pipeline is the built-in extractor: tokenisation, gazetteer matching,
// NER (Arabic), entity resolution and coreference, relation rules.
type Pipeline struct {
	once   sync.Once
	err    error
	gaz    *gazetteer.Gazetteer
	tagger *ner.Tagger
	words  *wordstats.Table
	// firstNames are the lower-cased first words of the gazetteer's people
	// and common English given names, for English person names.
	firstNames map[string]bool
	// ctxHeads: the bodies a bare head noun may mean by the article's
	// countries (contextHeads)
	ctxHeads map[string][]*gazetteer.Entry
	// home is the corpus's country (SetHomeCountry), nil when none
	home *gazetteer.Entry
}

var _ Extractor = (*Pipeline)(nil)

// NewPipeline returns the built-in extractor; its models load lazily on
// first use.
func NewPipeline() *Pipeline { return &Pipeline{} }

// Version implements Extractor: RulesVersion plus a fingerprint of
// everything that shapes the output (see Fingerprint), and HomeSuffix with
// the home country's key when one is set (SetHomeCountry).
func (p *Pipeline) Version() string {
	v := RulesVersion + "+" + Fingerprint()[:8]
	if p.home != nil {
		v += HomeSuffix + p.home.Key
	}
	return v
}

// HomeSuffix begins the part of a Version that names the home country:
// the same rules run for another home country are another setting, not
// another extractor.
const HomeSuffix = "+home="

// ErrNotCountry is returned by SetHomeCountry for a name that names no
// country of the gazetteer.
var ErrNotCountry = errors.New("not a country kg knows (give its name or Wikidata id, e.g. Saudi Arabia or Q851)")

// SetHomeCountry makes name (a country's name or Wikidata id; "": none)
// the corpus's country: the country of the state bodies and government an
// article names without saying whose, when the article does not make it
// clear (link.ResolveHome). A national paper's bare وزارة الداخلية is its
// state's. It changes the extractor's Version. Call it before the first
// extraction.
func (p *Pipeline) SetHomeCountry(name string) error {
	if strings.TrimSpace(name) == "" {
		p.home = nil
		return nil
	}
	g, err := gazetteer.Default()
	if err != nil {
		return fmt.Errorf("home country: loading the gazetteer: %w", err)
	}
	e := g.Country(name)
	if e == nil {
		return fmt.Errorf("home country %q: %w", name, ErrNotCountry)
	}
	p.home = e
	return nil
}

func (p *Pipeline) load() error {
	p.once.Do(func() {
		if p.gaz, p.err = gazetteer.Default(); p.err != nil {
			p.err = fmt.Errorf("loading the gazetteer: %w", p.err)
			return
		}
		if p.tagger, p.err = ner.Default(); p.err != nil {
			p.err = fmt.Errorf("loading the NER model: %w", p.err)
			return
		}
		if p.words, p.err = wordstats.Default(); p.err != nil {
			p.err = fmt.Errorf("loading the word statistics: %w", p.err)
			return
		}
		p.firstNames = firstNames(p.gaz)
		p.ctxHeads = contextHeads(p.gaz)
	})
	return p.err
}

// ChunkRunes bounds the work on one piece of text. Resolving entities
// compares each name with the names before it, so the cost of one text
// grows faster than its length: an article longer than ChunkRunes code
// points (about 90 KB of Arabic; the longest of 27,499 SaudiNewsNet
// articles has 60 KB) is extracted in chunks of whole sentences of at most
// ChunkRunes each, and the chunks' entities are merged by ID. Time and
// memory then grow linearly with the article (BenchmarkLongArticle).
const ChunkRunes = 50_000

// Extract implements Extractor.
func (p *Pipeline) Extract(ctx context.Context, a *model.Article) (*model.Extraction, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := p.load(); err != nil {
		return nil, err
	}
	lang := a.Lang
	if lang != "ar" {
		lang = "en"
	}
	x := &model.Extraction{
		Doc: model.DocInfo{ID: a.ID, Source: a.Source, Lang: a.Lang, Title: a.Title, Published: a.Published, URL: a.URL},
	}
	text, off, titleSents := withTitle(a.Title, a.Text)
	defer func() { x.Relations = fromTitle(x.Entities, x.Relations, off, titleSents) }()
	if len(text) <= ChunkRunes { // bytes >= code points: one chunk, the common case
		x.Entities, x.Relations = p.extractText(text, lang, a.Published, off)
		return x, nil
	}
	rs := []rune(text)
	sentences := 0
	for _, c := range chunks(rs, ChunkRunes) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		text := string(rs[c.start:c.end])
		titleEnd := 0
		if c.start == 0 {
			titleEnd = off
		}
		ents, rels := p.extractText(text, lang, a.Published, titleEnd)
		n := len(segment.Sentences(text))
		for i := range ents {
			for k := range ents[i].Mentions {
				m := &ents[i].Mentions[k]
				m.Start += c.start
				m.End += c.start
				m.Sentence += sentences
			}
		}
		for i := range rels {
			rels[i].Evidence.Start += c.start
			rels[i].Evidence.End += c.start
		}
		x.Entities = mergeEntities(x.Entities, ents)
		x.Relations = append(x.Relations, rels...)
		sentences += n
	}
	return x, nil
}

// withTitle returns the text extraction reads: the article's title
// (headline) and its text as two paragraphs, when it has a title its text
// does not start with. A headline names the article's actors and often
// states its main fact (بحث خادم الحرمين الشريفين مع وزير الخارجية
// المصري ...); read with the text, its names link to the text's. off is
// where the article's text starts in it, in code points (0: no title),
// titleSents the title's sentences.
func withTitle(title, text string) (string, int, int) {
	title = strings.TrimSpace(title)
	if title == "" || strings.HasPrefix(strings.TrimSpace(text), title) {
		return text, 0, 0
	}
	return title + "\n\n" + text, utf8.RuneCountInString(title) + 2, len(segment.Sentences(title))
}

// fromTitle makes the offsets of an extraction of withTitle's text the
// article's: a mention or evidence in the title is marked InTitle and
// keeps its offsets (the title's), those of the text lose off code points
// and titleSents sentences. A relation whose evidence runs from the title
// into the text (a speaker carried over) is dropped: the headline is no
// sentence a statement goes on from. It returns the relations kept.
func fromTitle(ents []model.Entity, rels []model.Relation, off, titleSents int) []model.Relation {
	if off == 0 {
		return rels
	}
	for i := range ents {
		for k := range ents[i].Mentions {
			m := &ents[i].Mentions[k]
			if m.Start < off {
				m.InTitle = true
				continue
			}
			m.Start -= off
			m.End -= off
			m.Sentence -= titleSents
		}
	}
	out := rels[:0]
	for _, r := range rels {
		switch ev := &r.Evidence; {
		case ev.End <= off:
			ev.InTitle = true
		case ev.Start >= off:
			ev.Start -= off
			ev.End -= off
		default:
			continue
		}
		out = append(out, r)
	}
	return out
}

// headlineNames drops the names of the title (the candidates before
// titleEnd) that neither the gazetteer nor the article's text vouches for:
// no gazetteer entry, and not written in the text as a name or as the end
// of one (مجرشي for محمد مجرشي). A headline puts the verb after the name
// (العتيبي يعايد، خالد الفيصل يستقبل) and drops the words around it that
// tell a name from an ordinary word, where the tagger reads running text:
// its names there stand only where the text names them too.
func headlineNames(rs []rune, cands []link.Candidate, titleEnd int) []link.Candidate {
	if titleEnd == 0 {
		return cands
	}
	key := func(c link.Candidate) []string {
		ws := strings.Fields(string(rs[c.Start:c.End]))
		for i, w := range ws {
			ws[i] = arabic.MatchForm(w)
		}
		return ws
	}
	inText := map[string]bool{}
	for _, c := range cands {
		if c.Start >= titleEnd {
			ws := key(c)
			for i := range ws {
				inText[strings.Join(ws[i:], " ")] = true
			}
		}
	}
	out := cands[:0]
	for _, c := range cands {
		if c.Start < titleEnd && c.Entry == nil && !c.Anaphor && !inText[strings.Join(key(c), " ")] {
			continue
		}
		out = append(out, c)
	}
	return out
}

// extractText extracts the entities and relations of one text (an article
// or a chunk of one); offsets are code points into text.
func (p *Pipeline) extractText(text, lang, published string, titleEnd int) ([]model.Entity, []model.Relation) {
	ents, doc, unsure := p.analyse(text, lang, published, titleEnd)
	rels := rel.Extract(doc)
	if rels == nil {
		rels = []model.Relation{}
	}
	return withoutUnsure(ents, unsure, rels)
}

// RelDoc returns the entities of a text and the document the relation step
// reads (its tokens and resolved mentions), for training the relation
// model (`kg train rel`) on exactly what extraction sees. lang is "ar" or
// "en".
func (p *Pipeline) RelDoc(text, lang string) ([]model.Entity, *rel.Doc, error) {
	if err := p.load(); err != nil {
		return nil, nil, err
	}
	if lang != "ar" {
		lang = "en"
	}
	ents, doc, _ := p.analyse(text, lang, "", 0)
	return ents, doc, nil
}

// analyse finds the entities of one text and builds the relation step's
// document; it also returns the entities it is unsure of (unsureNames),
// for extractText to keep only when they take part in a relation. The
// text's first titleEnd code points are the article's title (withTitle;
// 0: none).
func (p *Pipeline) analyse(text, lang, published string, titleEnd int) ([]model.Entity, *rel.Doc, map[string]bool) {
	rs := []rune(text) // token offsets count runes
	toks, sents := segment.TokenizeSentencesRunes(text, rs)
	words := arabic.AnalyzeTokens(toks) // shared by the gazetteer and the relation rules
	matches := dropCurrencyAdjectives(toks, words, p.gaz.FindAllWords(toks, words), lang)
	var tg *tagged
	if lang == "ar" {
		// the article's sentences, tagged together: a name recognised in
		// one sentence helps in the others (ner.TagDocument)
		tg = &tagged{}
		var sents [][]string
		tg.starts, sents = segment.SentenceWords(toks)
		tg.spans = p.tagger.TagDocumentSpans(sents)
		matches = p.dropOrdinaryMatches(toks, words, matches, tg.sureTokens(len(toks)))
		matches = p.dropSplitWords(words, matches)
		matches = p.withoutFathersNames(toks, words, matches)
	}
	var cueOrgs []link.Candidate
	var cueNames []gazetteer.Match
	if lang == "ar" {
		matches, cueNames, cueOrgs = p.cueMatches(toks, words, matches, tg)
	}
	cands := link.FromMatches(toks, matches)
	if lang == "ar" {
		cands = p.nationalNames(toks, words, cands)
		bareFamilyNames(toks, words, cands)
		cands = p.clubRefs(toks, words, cands)
		cands = p.quotedNamed(rs, toks, cands)
		// an organisation phrase may take the club's or the newspaper's
		// place name (إذاعة الرياض): it sees the gazetteer's match
		named := cands
		if len(cueNames) > 0 {
			named = append(slices.Clip(cands), link.FromMatches(toks, cueNames)...)
			sort.SliceStable(named, func(i, j int) bool { return named[i].Start < named[j].Start })
		}
		orgs := p.orgPhrases(toks, words, named)
		if len(cueOrgs) > 0 {
			orgs, cueOrgs = preferCueOrgs(orgs, cueOrgs)
			cands = append(cands, cueOrgs...)
			sort.SliceStable(cands, func(i, j int) bool { return cands[i].Start < cands[j].Start })
		}
		orgs = withQuoted(orgs, p.quotedOrgs(rs, toks, words, cands))
		cands = withoutNamesakes(cands, orgs)
		ner, placesInNames := p.nerCandidates(toks, words, cands, tg)
		cands = append(withoutCandidates(cands, placesInNames), withOrgPhrases(withoutNonBodies(toks, words, ner), orgs)...)
		cands = withoutTeamCountries(toks, words, cands)
		cands = p.facilities(toks, words, cands)
		cands = p.backRefs(toks, words, cands)
		cands = kingdomRefs(toks, words, cands)
		cands = p.titleRefs(toks, words, cands, published)
		cands = p.officeRefs(rs, toks, words, cands)
		cands = withoutIdioms(toks, words, cands)
		cands = withoutCurrencyNames(toks, words, cands)
	} else {
		more, held := englishCandidates(toks, cands, p.firstNames)
		cands = append(withoutCandidates(cands, held), more...)
		sort.SliceStable(cands, func(i, j int) bool { return cands[i].Start < cands[j].Start })
		cands = enOfficeRefs(rs, toks, cands)
		cands = enPronounRefs(rs, toks, cands)
	}
	p.trimClitics(rs, cands)
	cands = withoutAccusativeEnds(rs, cands)
	cands = withoutAcronyms(cands)
	cands = headlineNames(rs, cands, titleEnd)
	p.namesakes(toks, words, cands)
	if lang == "ar" {
		districtNames(toks, words, cands)
		p.containedPlaces(toks, words, cands)
		cands = p.withoutPlacesInQuotedNames(toks, words, cands)
		cands = p.familyNames(toks, words, cands)
	}
	p.sportsBodies(toks, words, cands)
	p.cityClubs(toks, words, cands)
	if lang == "ar" {
		p.countryTeams(toks, words, cands)
	}
	p.companyNames(toks, words, cands)
	p.clubNamesakes(cands)
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].Start < cands[j].Start })
	ents, ids := link.ResolveHome(text, cands, p.home)
	if ents == nil {
		ents = []model.Entity{}
	}
	doc := &rel.Doc{Text: text, Runes: rs, Lang: lang, Published: published, Sentences: sents, Tokens: toks, Words: words,
		Mentions: relMentions(toks, words, cands, ids, ents)}
	if p.home != nil {
		for _, e := range ents {
			if e.ID == p.home.Key {
				doc.Home = e.ID
				break
			}
		}
	}
	unsure := unsureNames(cands, ids)
	if lang == "ar" {
		unsure = p.withBareGivenNames(unsure, cands, ids, ents)
	}
	return ents, doc, unsure
}

// withoutCandidates removes from cands, in place, those whose index drop
// holds.
func withoutCandidates(cands []link.Candidate, drop map[int]bool) []link.Candidate {
	if len(drop) == 0 {
		return cands
	}
	kept := cands[:0]
	for i, c := range cands {
		if !drop[i] {
			kept = append(kept, c)
		}
	}
	return kept
}

type chunk struct{ start, end int } // code point offsets

// chunks cuts rs into pieces of at most max code points that cover it
// whole. Each piece ends where a sentence of rs begins (arabic.Sentences),
// so that no sentence is cut, unless one sentence alone is longer than max:
// that one is cut at the last white space before the limit (or at the
// limit when there is none).
func chunks(rs []rune, max int) []chunk {
	var out []chunk
	starts := []int{}
	for _, s := range segment.Sentences(string(rs)) {
		starts = append(starts, s.Start)
	}
	start, next := 0, 0 // next: index into starts of the first sentence start after start
	for start < len(rs) {
		if len(rs)-start <= max {
			out = append(out, chunk{start, len(rs)})
			break
		}
		limit := start + max
		for next < len(starts) && starts[next] <= start {
			next++
		}
		end := -1
		for k := next; k < len(starts) && starts[k] <= limit; k++ {
			end = starts[k] // the last sentence start within the limit
			next = k
		}
		if end < 0 {
			end = limit
			for j := limit; j > start+1; j-- {
				if unicode.IsSpace(rs[j-1]) {
					end = j
					break
				}
			}
		}
		out = append(out, chunk{start, end})
		start = end
	}
	return out
}

// mergeEntities adds the entities of one more chunk to those found so far:
// an entity already found (same ID) gains the new mentions and aliases and
// keeps its name; the result stays sorted by ID, as link.Resolve gives it.
func mergeEntities(have, more []model.Entity) []model.Entity {
	if len(have) == 0 {
		return more
	}
	at := make(map[string]int, len(have))
	for i, e := range have {
		at[e.ID] = i
	}
	for _, e := range more {
		i, ok := at[e.ID]
		if !ok {
			at[e.ID] = len(have)
			have = append(have, e)
			continue
		}
		h := &have[i]
		h.Mentions = append(h.Mentions, e.Mentions...) // later chunk: later offsets
		h.Aliases = append(h.Aliases, e.Aliases...)
		slices.Sort(h.Aliases)
		h.Aliases = slices.Compact(h.Aliases)
		if h.Wikidata == "" {
			h.Wikidata = e.Wikidata
		}
	}
	sort.SliceStable(have, func(a, b int) bool { return have[a].ID < have[b].ID })
	return have
}

// edgeWords are function words (lexicon ar_edge_word, in MatchForm) that
// the tagger sometimes takes into the edge of a name.
var edgeWords = arabic.WordSet(strings.Join(lexicon.Class("ar_edge_word"), " "))

// isEdgeWord reports whether a token (text, MatchForm mf) is a function
// word that cannot open or close a name. على is told from the name علي by
// its alef maqsura, which MatchForm folds away, أنا "I" from آنا "Anna" by
// its hamza.
func isEdgeWord(text, mf string) bool {
	if mf == "انا" && strings.HasPrefix(arabic.Normalize(text), "آ") {
		return false // آنا "Anna", not أنا "I"
	}
	return edgeWords[mf] || arabic.Normalize(text) == "على"
}

var nerTypes = map[string]string{"PERS": model.Person, "ORG": model.Organization, "LOC": model.Location}

// nerCandidates tags each sentence and keeps the spans that no gazetteer
// match overlaps (the gazetteer links; NER finds what it lacks). MISC spans
// (nationalities, events) are not entities of the graph.
//
// A span the gazetteer missed only because its first word carries clitics
// that FindAll keeps on non-prominent names (بمكة) is linked to the entry of
// the tagged type (gazetteer.MatchSpan). A person the gazetteer names
// without the family name the tagged span adds takes it (withFamilyName).
//
// A span of ordinary words the tagger is not sure of is dropped
// (ordinarySpan). The noun before a span may retype or drop it (cueType:
// مروحيات أباتشي, متحف مدام توسو).
func (p *Pipeline) nerCandidates(toks []segment.Token, words []arabic.Word, gaz []link.Candidate, tg *tagged) ([]link.Candidate, map[int]bool) {
	covered := func(s, e int) bool {
		for _, c := range gaz {
			if c.Start < e && s < c.End {
				return true
			}
		}
		return false
	}
	drop := map[int]bool{} // gazetteer places that are a person's surname
	// placeInName reports whether the gazetteer candidates over tokens
	// [a, b), a person's name, are one place that ends it after a given
	// name (برناردينو ليون: León, Mexico, as Bernardino León's surname),
	// and marks them dropped
	placeInName := func(a, b int) bool {
		s, e := toks[a].Start, toks[b-1].End
		in := -1
		for i, c := range gaz {
			if c.Start < e && s < c.End {
				if in >= 0 || c.Type != model.Location || c.Demonym || c.Entry == nil || c.Start <= toks[a].End || c.End != e ||
					c.Entry.Role == gazetteer.RoleCountry || c.Entry.Role == gazetteer.RoleCapital || c.Entry.Rank > gazetteer.RankCapital {
					return false
				}
				in = i
			}
		}
		if in < 0 || !p.nameLike(&words[a]) || len(p.gaz.Lookup(words[a].MF)) > 0 || p.ordinary(toks, words, a) > 0 || wordIn(officeWords, &words[a]) {
			return false // not after a title (أمين حائل "the mayor of Ha'il")
		}
		if k := firstToken(toks, gaz[in].Start); toks[k].Start != gaz[in].Start {
			return false // a preposition before the place: سعد بعدن "Saad in Aden"
		}
		drop[in] = true
		return true
	}
	var out []link.Candidate
	surnames := p.articleSurnames(toks, words, gaz, tg)
	// add proposes tokens [a, b) as a name of type typ
	add := func(a, b int, typ string, margin float32) {
		// a name does not begin or end with a function word (ياسين إلى)
		for a < b && isEdgeWord(toks[a].Text, words[a].MF) {
			a++
		}
		if typ == model.Person {
			a = p.givenNameBefore(toks, words, gaz, a, covered)
			a = p.withoutDemonyms(toks, words, gaz, a, b)
		}
		// a span that begins with a number counts things (١٠٠٠ سمسار
		// "1,000 brokers", 3 روبوتات) or is a quantity (1080 بي "1080p")
		if a < b && segment.IsNumber(toks[a].Text) {
			return
		}
		// nor end with a particle (نصحني أبي "my father advised me")
		for b > a && (isEdgeWord(toks[b-1].Text, words[b-1].MF) || particles[words[b-1].MF]) {
			b--
		}
		if typ != model.Person {
			b = p.cutAtPlace(toks, words, a, b)
		} else {
			// no one's name has a digit: عبدالله 0505190011 is a name and
			// a telephone number
			for k := a + 1; k < b; k++ {
				if hasDigit(toks[k].Text) {
					b = k
					break
				}
			}
		}
		if a == b || p.ordinarySpan(toks, words, a, b, typ, margin) || p.loneOrdinaryPerson(toks, words, a, b, typ, surnames) {
			return
		}
		if typ == model.Person && b-a == 1 && latinAcronym(toks[a].Text) {
			return // no one is named in capitals (رسالة SMS)
		}
		if typ != model.Person && regionNoun(toks[a].Text, b-a > 1) {
			// بريف حماة "in the countryside of Hama": a region's noun
			// with a preposition is no name's word
			if a++; a == b {
				return
			}
		}
		if typ != model.Person && b-a == 1 {
			// a bare indefinite noun of the name table names nothing
			// (جامعة before «هارفارد», where the tagger's span stops at
			// the quote), nor a kind of place with the article alone
			// (الصحراء "the desert")
			if w, ok := translit.LookupWord(arabic.MatchForm(words[a].Stem)); ok && w.Class == "noun" &&
				(words[a].Article == "" || typ == model.Location && w.PlaceHead) {
				return
			}
		}
		if typ == model.Person && b-a == 1 && p.pluralNoun(&words[a]) {
			return // باحثون "researchers", مسؤولون "officials": people, no person
		}
		typ = p.typeVote(toks, words, a, b, typ)
		typ, ok := p.cueType(toks, words, a, b, typ)
		if !ok {
			return
		}
		if typ == model.Person && b-a >= 2 && placeAfterName[words[b-1].MF] {
			typ = model.Location // دارين مول "Dareen Mall", in English order
		}
		if b-a == 1 && a > 0 && orgAfterName[words[a].MF] && toks[a-1].Sentence == toks[a].Sentence &&
			words[a-1].Stem != "" && !edgeWords[words[a-1].MF] && p.cueAt(toks, words, a-1) == noCue {
			a-- // جنرال موتورز: the tagger took the first word for a title
		}
		if typ != model.Organization && b-a >= 2 && orgAfterName[words[b-1].MF] {
			typ = model.Organization // توشيبا كورب "Toshiba Corp", in English order
		}
		if typ != model.Organization && b-a >= 3 && andLoanword(words[a+1:b-1]) {
			typ = model.Organization // رالف آند روسو "Ralph & Russo"
		}
		if typ == model.Person && b-a >= 2 && onBehalfOf(toks, words, a) {
			// المتحدث باسم بوينغ "the spokesman on behalf of Boeing": باسم
			// is no given name there; what follows is the body he speaks
			// for, the gazetteer's or not
			a++
			if covered(toks[a].Start, toks[b-1].End) {
				return
			}
			for _, t := range []string{model.Organization, model.Person, model.Location} {
				if m, ok := p.gaz.MatchSpan(toks, words, a, b, t); ok {
					out = append(out, link.FromMatches(toks, []gazetteer.Match{m})...)
					return
				}
			}
			typ = model.Organization
		}
		if typ == model.Person {
			b = p.knownLonger(toks, words, a, b)
		}
		if typ == model.Person && !p.knownPerson(words, a, b) {
			// a name the gazetteer knows whole keeps its ordinary words
			// (الحبيب الصيد, Habib Essid: الصيد "hunting")
			a = p.trimOrdinaryStart(toks, words, a, b)
			b = blessingEnd(words, a, b)
			b = p.trimOrdinaryEnd(toks, words, a, b)
		}
		s, e := toks[a].Start, toks[b-1].End
		if typ == model.Person {
			p.withFamilyName(toks, words, gaz, a, b)
		}
		if covered(s, e) && !(typ == model.Person && placeInName(a, b)) {
			return
		}
		if m, ok := p.gaz.MatchSpan(toks, words, a, b, typ); ok && !p.splitWord(words, m, nil) {
			out = append(out, link.FromMatches(toks, []gazetteer.Match{m})...)
			return
		}
		// the context is read for the names under the margin (Tagged) and
		// for one-word names of people (Cued: withBareGivenNames), where a
		// role before the name (الفنانة أليسا) says it is one as well
		ctx, cued := false, false
		if oneWordPerson := typ == model.Person && b-a == 1; margin < minEntityMargin || oneWordPerson {
			ctx = p.nameInContext(toks, words, a, b, typ)
			cued = oneWordPerson && (ctx || a > 0 && toks[a-1].Sentence == toks[a].Sentence && officeWords[arabic.MatchForm(words[a-1].Stem)])
		}
		out = append(out, link.Candidate{Start: s, End: e, Sentence: toks[a].Sentence, Type: typ, Tagged: margin >= minEntityMargin || !ctx, Margin: margin, Cued: cued})
	}
	for si, spans := range tg.spans {
		i := tg.starts[si]
		for _, sp := range spans {
			typ, ok := nerTypes[sp.Type]
			if !ok {
				continue
			}
			a := i + sp.Start
			for _, k := range p.andSplits(toks, words, a, i+sp.End, typ) {
				add(a, k, typ, sp.Margin)
				a = k
			}
			add(a, i+sp.End, typ, sp.Margin)
		}
	}
	return out, drop
}

// onBehalfOf reports whether token a is باسم "on behalf of" after a
// spokesman's word (lexicon ar_on_behalf_before: المتحدث باسم, الناطق
// الرسمي باسم), not the given name Basem.
func onBehalfOf(toks []segment.Token, words []arabic.Word, a int) bool {
	return a > 0 && toks[a-1].Sentence == toks[a].Sentence && words[a].MF == "باسم" && onBehalfBefore[words[a-1].MF]
}

// onBehalfBefore are the words after which باسم is "on behalf of"
// (lexicon ar_on_behalf_before), in MatchForm.
var onBehalfBefore = arabic.WordSet(arabic.MatchForm(strings.Join(lexicon.Class("ar_on_behalf_before"), " ")))

// hasDigit reports whether s has a digit (Latin or Arabic-Indic).
func hasDigit(s string) bool {
	return strings.IndexFunc(s, unicode.IsDigit) >= 0
}

// withoutDemonyms returns the start of a person's name tagged at tokens
// [a, b) after a nationality adjective the gazetteer matched at its
// start (المدرب الأوروجوياني خورخي دا سيلفا "the Uruguayan coach Jorge da
// Silva": the adjective of the noun before, the person's country, not a
// word of the name, and the name is no less a name for it). One at the end
// is often the name's own nisba (عبدالله بن عبدالمحسن التركي, أبو المقداد
// الليبي) and stays. Only an Arabic adjective in the singular (a
// plural is people: بسجن سنغاليين "jailing two Senegalese"), and only when
// what is left is two words or more, or one that may be a name (nameLike:
// not لكونسورتيوم كوري "to a Korean consortium"); otherwise the span is
// left whole (and the gazetteer's match covers it).
func (p *Pipeline) withoutDemonyms(toks []segment.Token, words []arabic.Word, gaz []link.Candidate, a, b int) int {
	demonymAt := func(k int) (end int, ok bool) {
		mf := words[k].MF
		if !strings.HasSuffix(mf, "ي") && !strings.HasSuffix(mf, "يه") || !arabic.HasLetter(toks[k].Text) {
			return 0, false
		}
		for _, c := range gaz {
			if c.Demonym && c.Start <= toks[k].Start && toks[k].Start < c.End {
				return c.End, true
			}
		}
		return 0, false
	}
	na := a
	for na < b {
		end, ok := demonymAt(na)
		if !ok {
			break
		}
		for na < b && toks[na].Start < end {
			na++
		}
	}
	if na == b || b-na == 1 && !p.nameLike(&words[na]) {
		return a
	}
	return na
}

// trimClitics drops a leading conjunction or preposition (و ف ب ل ك) from
// each candidate, so mentions and aliases hold the name itself (لمنظمة ->
// منظمة), and fills in the candidate's text.
// leadingMarks are the marks no name begins with (trimClitics).
const leadingMarks = "/\\-–—*•|"

func (p *Pipeline) trimClitics(rs []rune, cands []link.Candidate) {
	// the words that the article writes inside longer names, after their
	// first word (جوزيف بلاتر): there no clitic can be attached, so a name
	// that begins with the same letters elsewhere is the same word (بلاتر
	// alone is not ب + لاتر)
	inside := map[string]bool{}
	// the first words of the article's longer names (رايف of رايف أفندي):
	// a word the name resources do not know that is one of them after a
	// clitic letter is that name with the clitic (فرايف "so Raif")
	firsts := map[string]bool{}
	for _, c := range cands {
		if c.Start < 0 || c.End > len(rs) || c.Start >= c.End {
			continue
		}
		fs := strings.Fields(string(rs[c.Start:c.End]))
		for k, f := range fs {
			if k > 0 {
				inside[arabic.MatchForm(f)] = true
			} else if len(fs) > 1 && c.Type == model.Person {
				firsts[arabic.MatchForm(f)] = true
			}
		}
	}
	for i := range cands {
		c := &cands[i]
		if c.Start < 0 || c.End > len(rs) || c.Start >= c.End {
			continue
		}
		// a slash or a dash the tagger took in before the name (الدكتور/
		// هلال المالكي)
		for c.End-c.Start > 1 && (strings.ContainsRune(leadingMarks, rs[c.Start]) || rs[c.Start] == ' ' && c.Start > 0 && strings.ContainsRune(leadingMarks, rs[c.Start-1])) {
			c.Start++
		}
		c.Text = string(rs[c.Start:c.End])
		if c.Whole || c.Entry != nil && p.knownForm(c.Text, c.Entry) {
			// the name itself begins with these letters (فلاديمير), or
			// the caller found the name's bounds («فورد» between quotes)
			continue
		}
		first := c.End
		for k := c.Start; k < c.End; k++ {
			if rs[k] == ' ' {
				first = k
				break
			}
		}
		an := arabic.Analyze(string(rs[c.Start:first]))
		if c.Entry == nil {
			// A name the gazetteer lacks may itself begin with these
			// letters (فيليب، وليد، ليونيل، بلاتيني): the name lists and
			// unlabelled text tell (link.CliticLen).
			if an.Conj != "و" {
				an.Conj = ""
			}
			if an.Article == "" {
				w := string(rs[c.Start:first])
				k := link.CliticLen(w)
				if k > 0 && inside[arabic.MatchForm(w)] {
					k = 0 // the name's own letters (بلاتر of جوزيف بلاتر)
					c.Whole = true
				}
				if k > 0 && !strings.HasPrefix(w, "و") && wordBefore(rs, c.Start, constructHeads) {
					k = 0 // إقليم بلوشستان, بمدينة بنغازي: a genitive takes no preposition
					c.Whole = true
				}
				if k == 1 && strings.HasPrefix(w, "ب") && (wordBefore(rs, c.Start, saidSubject) || wordBefore(rs, c.Start, personTitles)) {
					k = 0 // وقال بريكان، الدكتور بريكان: no preposition there
					c.Whole = true
				}
				rest := arabic.MatchForm(string([]rune(w)[1:])) // w without its first letter
				if k > 1 && inside[rest] {
					k = 1 // وبلاتر: only و
					c.Whole = true
				}
				if k == 0 && !c.Whole && c.Type == model.Person && utf8.RuneCountInString(rest) >= 3 &&
					strings.ContainsRune(arabic.CliticLetters, []rune(w)[0]) && (firsts[rest] || inside[rest]) && !firsts[arabic.MatchForm(w)] && link.Unattested(w) {
					k = 1 // فرايف after رايف أفندي: so Raif
				}
				an.Conj, an.Prep = "", ""
				if k > 0 {
					an.Conj = string(rs[c.Start : c.Start+k])
				}
			}
		}
		if n := len([]rune(an.Conj + an.Prep)); n > 0 && c.Start+n < first {
			if an.Prep == "ل" && an.Article != "" && !strings.HasPrefix(string(rs[c.Start+len([]rune(an.Conj)):first]), "لال") {
				// لل = ل + ال with the alef elided: no substring spells the
				// name with its article, so keep the preposition only.
				n = len([]rune(an.Conj))
			}
			if n == 0 {
				continue
			}
			c.Start += n
		}
		c.Text = string(rs[c.Start:c.End])
	}
}

// constructHeads are the nouns of places that govern the name after them
// (lexicon ar_construct_head), in MatchForm.
var constructHeads = arabic.WordSet(strings.Join(lexicon.Class("ar_construct_head"), " "))

// saidSubject are the verbs of saying whose subject follows them (lexicon
// ar_said_subject), in MatchForm.
var saidSubject = arabic.WordSet(strings.Join(lexicon.Class("ar_said_subject"), " "))

// wordBefore reports whether the word before offset start (space
// separated) is in set (MatchForm), with or without a conjunction or
// preposition on it.
func wordBefore(rs []rune, start int, set map[string]bool) bool {
	end := start
	for end > 0 && rs[end-1] == ' ' {
		end--
	}
	if end == start || end == 0 {
		return false
	}
	b := end
	for b > 0 && rs[b-1] != ' ' && rs[b-1] != '\n' {
		b--
	}
	return inWithProclitics(set, arabic.MatchForm(string(rs[b:end])))
}

// knownForm reports whether s, as written, is an alias or demonym of e.
func (p *Pipeline) knownForm(s string, e *gazetteer.Entry) bool {
	f := arabic.MatchForm(s)
	for _, x := range p.gaz.Lookup(f) {
		if x == e {
			return true
		}
	}
	return p.gaz.Demonym(f) == e
}

// relMentions maps the resolved candidates back to token spans for the
// relation rules, keeping demonyms (as mentions of their country) and
// dropping overlaps.
func relMentions(toks []segment.Token, words []arabic.Word, cands []link.Candidate, ids []string, ents []model.Entity) []rel.Mention {
	known := map[string]bool{}
	typ := map[string]string{}
	for _, e := range ents {
		known[e.ID] = true
		typ[e.ID] = e.Type
	}
	// tokAt finds, by binary search over the tokens (sorted, disjoint), the
	// token that holds offset off (end: the token that ends at or after it,
	// plus one); -1 when none does
	tokAt := func(off int, end bool) int {
		if !end {
			i := sort.Search(len(toks), func(i int) bool { return toks[i].End > off })
			if i < len(toks) && toks[i].Start <= off {
				return i
			}
			return -1
		}
		i := sort.Search(len(toks), func(i int) bool { return toks[i].End >= off })
		if i < len(toks) && toks[i].Start < off {
			return i + 1
		}
		return -1
	}
	var out []rel.Mention
	for i, c := range cands {
		id := ""
		if i < len(ids) {
			id = ids[i]
		}
		if id == "" && c.Entry != nil && known[c.Entry.Key] {
			id = c.Entry.Key
		}
		if id == "" || !known[id] {
			continue
		}
		s, e := tokAt(c.Start, false), tokAt(c.End, true)
		if s < 0 || e <= s {
			continue
		}
		m := rel.Mention{Start: s, End: e, Entity: id, Demonym: c.Demonym, Title: c.Title}
		if c.Start > toks[s].Start {
			m.Prefix = string([]rune(toks[s].Text)[:c.Start-toks[s].Start])
		}
		m.Type = typ[id]
		if m.Type == model.Organization {
			m.Of = publicBodyOf(toks, words, cands, i, s, known)
			m.In = localBodyIn(words, cands, i, s, known)
		}
		if c.Entry != nil {
			m.Role, m.Term = c.Entry.Role, c.Entry.Term
			if c.Entry.Country != "" && known[c.Entry.Country] {
				m.Country = c.Entry.Country
			}
		} else if k, _, _ := siteKind(&words[s]); m.Type == model.Location && k == facilitySite {
			m.Role = rel.RoleFacility
		}
		out = append(out, m)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Start != out[j].Start {
			return out[i].Start < out[j].Start
		}
		return out[i].End > out[j].End
	})
	kept := out[:0]
	last := -1
	for _, m := range out {
		if m.Start < last {
			continue
		}
		kept = append(kept, m)
		last = m.End
	}
	return kept
}

// publicBodyOf returns the country whose public body organisation
// candidate i names by a nationality adjective inside it (وزارة الدفاع
// العراقية, الجيش اللبناني, السفارة السعودية: the head's mark in
// orgwords.tsv, package translit), or by the country's name, which may
// read the same (وزارة الداخلية السعودية: the adjective is the name
// السعودية; حكومة المملكة العربية السعودية), "" when none; s is its
// first token, cands are sorted by Start.
func publicBodyOf(toks []segment.Token, words []arabic.Word, cands []link.Candidate, i, s int, known map[string]bool) string {
	if hw, ok := translit.LookupWord(arabic.MatchForm(words[s].Stem)); (!ok || !hw.Public) && !stateBodyWord(&words[s]) {
		return ""
	}
	c := cands[i]
	for _, d := range cands[i+1:] {
		if d.Start >= c.End {
			break
		}
		if d.End <= c.End && d.Entry != nil && d.Entry.Role == "country" && known[d.Entry.Key] {
			// the adjective of another body named on the way is that
			// body's (رئاسة الاتحاد البرازيلي: the federation is Brazilian)
			complement := false
			for k := s + 1; k < len(toks) && toks[k].End <= d.Start; k++ {
				if w, ok := translit.LookupWord(arabic.MatchForm(words[k].Stem)); ok && w.OrgHead && !w.Public {
					return ""
				}
				complement = complement || words[k].Prep == "ل"
			}
			// after a complement with ل, an adjective that does not agree
			// with the head is the complement's (المجلس الوطني [للمقاومة
			// الإيرانية]: the resistance is Iranian, the council no body of
			// Iran's)
			if a := firstToken(toks, d.Start); complement && a < len(toks) && feminine(words[a].MF) != feminine(words[s].MF) {
				return ""
			}
			return d.Entry.Key
		}
	}
	return ""
}

// feminine reports whether a noun or adjective (MatchForm) ends as a
// feminine singular or plural (الوزارة, الإيرانية, الهيئات).
func feminine(mf string) bool {
	return strings.HasSuffix(mf, "ه") || strings.HasSuffix(mf, "ات")
}

// localBodyIn returns the city or region whose local body organisation
// candidate i is by its name: a head of lexicon class ar_local_body (جامعة,
// شرطة, أمانة, محكمة) whose name ends with the place (جامعة جدة, شرطة
// منطقة القصيم, محكمة الناصرية); "" when none. s is its first token,
// cands are sorted by Start.
func localBodyIn(words []arabic.Word, cands []link.Candidate, i, s int, known map[string]bool) string {
	if !localBodies[arabic.MatchForm(words[s].Stem)] {
		return ""
	}
	c := cands[i]
	for _, d := range cands[i+1:] {
		if d.Start >= c.End {
			break
		}
		if d.End == c.End && d.Type == model.Location && !d.Demonym && d.Entry != nil && d.Entry.Role != "country" && known[d.Entry.Key] {
			return d.Entry.Key
		}
	}
	return ""
}

// localBodies: lexicon ar_local_body, in MatchForm.
var localBodies = arabic.WordSet(strings.Join(lexicon.Class("ar_local_body"), " "))

// withFamilyName extends a gazetteer person that the tagged person span
// [a, b) overlaps and goes on after with a family name, آل and one word
// (الملك سلمان بن عبدالعزيز آل سعود): the family name is part of the name,
// not words between it and what follows. A gazetteer person whose name the
// span goes on with one other family name (a word with the article that
// may be a name and is no ordinary word) after a nasab (X بن Y: الدكتور
// عبدالله بن عبدالعزيز الربيعة) is another person of a longer name: the
// candidate becomes that name, not linked to the entry (unless the
// gazetteer knows the longer name as the same person's). Epithets and
// adjectives (بوش الابن، جائزة الملك فيصل العالمية) are no family names.
func (p *Pipeline) withFamilyName(toks []segment.Token, words []arabic.Word, gaz []link.Candidate, a, b int) {
	s, e := toks[a].Start, toks[b-1].End
	for gi := range gaz {
		c := &gaz[gi]
		if c.Type != model.Person || c.Demonym || c.End >= e || c.End <= s || c.Start >= e {
			continue
		}
		k := sort.Search(b-a, func(i int) bool { return toks[a+i].Start >= c.End }) + a
		if k+1 < b && toks[k].Text == "آل" && k+2 <= b {
			c.Text += " " + toks[k].Text + " " + toks[k+1].Text
			c.End = toks[k+1].End
			continue
		}
		if c.Entry == nil || k != b-1 || !strings.HasPrefix(words[k].MF, "ال") || len([]rune(words[k].MF)) < 5 ||
			!strings.Contains(" "+c.Text+" ", " بن ") || p.ordinary(toks, words, k) > 0 || !p.nameLike(&words[k]) {
			continue
		}
		first := firstToken(toks, c.Start)
		if m, ok := p.gaz.MatchSpan(toks, words, first, b, model.Person); ok && m.Entry == c.Entry {
			continue
		}
		c.Text += " " + toks[k].Text
		c.End, c.Entry = toks[k].End, nil
	}
}

// knownLonger returns the end of a person's name tagged at tokens [a, b)
// that the gazetteer knows with one or two more words of its sentence
// (the tagger stops at الحبيب in الحبيب الصيد, Habib Essid, whose family
// name is an ordinary word, "hunting"): the longest such, b when none.
func (p *Pipeline) knownLonger(toks []segment.Token, words []arabic.Word, a, b int) int {
	for e := min(b+2, len(toks)); e > b; e-- {
		if toks[e-1].Sentence != toks[a].Sentence {
			continue
		}
		if p.knownPerson(words, a, e) {
			return e
		}
	}
	return b
}

// pluralNoun reports whether a word is the sound masculine plural of an
// ordinary word (باحثون, المسؤولين: its singular, باحث, is one) that the
// name lists and the gazetteer do not know as a name (حسين, ياسين).
func (p *Pipeline) pluralNoun(w *arabic.Word) bool {
	if p.words == nil || w.Suffix != "" {
		return false
	}
	m := strings.TrimPrefix(w.MF, "ال")
	if !plural(m) || utf8.RuneCountInString(m) < 5 || p.isName(w.MF) || p.isName(m) || len(p.gaz.Lookup(w.MF)) > 0 || len(p.gaz.Lookup(m)) > 0 {
		return false
	}
	return p.words.Ordinary(m[:len(m)-len("ون")])
}

// knownPerson reports whether the words [a, b), as written, are an alias
// of a person of the gazetteer, one it marks ambiguous too.
func (p *Pipeline) knownPerson(words []arabic.Word, a, b int) bool {
	mf := words[a].MF
	for k := a + 1; k < b; k++ {
		mf += " " + words[k].MF
	}
	for _, en := range p.gaz.Lookup(mf) {
		if en.Type == model.Person {
			return true
		}
	}
	return false
}

// nameLinks are the words of a name after which the next word is the
// name's too (lexicon ar_name_link: بن نومة).
var nameLinks = arabic.WordSet(strings.Join(lexicon.Class("ar_name_link"), " "))

// trimOrdinaryEnd returns the end of a person's name tagged at tokens
// [a, b) without the ordinary words the tagger glued on after it (قصي
// حاتم أغنية "Qusai Hatem['s] song", الأحمدي وزملاؤه "al-Ahmadi and his
// colleagues", رامبو سيقاتل "Rambo will fight"): a last word that nothing
// knows in names and that unlabelled text knows as an ordinary word —
// often (ordinaryStrong), or at all when it does not carry the article (a
// family name with it, الحريقي, is as rare as such a word) and its base
// is an ordinary word (not merely a rare form of one, as foreign names
// look: بروسات "Brusatte"). Not after
// a word that links a name to the next (بن نومة), and not in a span that
// begins with an ordinary word (a body's or a place's description: مركز
// الأمير فيصل بن بندر للأورام, whose words are ordinary).
func (p *Pipeline) trimOrdinaryEnd(toks []segment.Token, words []arabic.Word, a, b int) int {
	if p.words == nil || b-a < 2 || p.ordinary(toks, words, a) > 0 && !p.nameLike(&words[a]) {
		return b
	}
	for b-a > 1 && !wordIn(nameLinks, &words[b-2]) {
		if p.gluedAfterName(toks, words, b-1) {
			b--
			continue
		}
		if p.nameLike(&words[b-1]) {
			break
		}
		o := p.ordinary(toks, words, b-1)
		if o < ordinaryStrong && (o == 0 || strings.HasPrefix(words[b-1].MF, "ال") || !p.words.Ordinary(baseOf(&words[b-1]))) {
			break
		}
		b--
	}
	return b
}

// cutAtPlace returns the end of an organisation or place tagged at tokens
// [a, b) that does not run on into where it is or what it is taken as:
// before a word with ب that is a place (الشركة [بوادي نعمان] "the company in
// Wadi Nu'man": a kind of place, or a prominent place of the gazetteer),
// and without a last word with ك before a frequent ordinary word (بوبا
// العربية [كشريك] "Bupa Arabia as a partner").
func (p *Pipeline) cutAtPlace(toks []segment.Token, words []arabic.Word, a, b int) int {
	// the clitic analysis keeps ب and ك on words without the article:
	// the token, written so, must be no name the lists know
	cut := func(k int, clitic rune) (string, bool) {
		m := []rune(words[k].MF)
		if len(m) < 4 || m[0] != clitic || words[k].Article != "" || p.isName(words[k].MF) {
			return "", false
		}
		return string(m[1:]), true
	}
	for k := a + 1; k < b; k++ {
		rest, ok := cut(k, 'ب')
		if !ok {
			continue
		}
		if xw, ok := translit.LookupWord(rest); ok && xw.PlaceHead {
			return k
		}
		if p.gaz.Prominent(rest) { // بجدة; not برقان, no ب + رقان (Reggane)
			for _, e := range p.gaz.Lookup(rest) {
				if e.Type == model.Location {
					return k
				}
			}
		}
	}
	if rest, ok := cut(b-1, 'ك'); ok && b-a > 1 && p.words != nil && p.words.Ordinary(wordstats.Base(rest)) && p.words.WordOf(rest).Count >= strongCount {
		b-- // a frequent ordinary word: كشريك, not كوتير (هوت كوتير)
	}
	return b
}

// gluedAfterName reports whether token k, the last of a person's name as
// tagged, is a word that follows a name and ends none, whatever the name
// lists say of it: a word of ar_not_name_end (فإن، أولا); the preposition
// لل before a noun with the article (هزازي للنصر "Hazazi to Al-Nassr");
// the preposition ل before an ordinary word, no name (البكري لصحافيين
// "al-Bakri to journalists"); the future prefix
// before a verb (كارتر سيطلع "Carter will brief"); an imperfect verb the
// table knows by its other forms (بارتوميو يكتسح "Bartomeu sweeps",
// wordstats.ImperfectVerb) or a verb with "me" (عبدالفتاح وكلمني,
// wordstats.VerbWithMe).
func (p *Pipeline) gluedAfterName(toks []segment.Token, words []arabic.Word, k int) bool {
	m := []rune(arabic.MatchForm(toks[k].Text))
	if notNameEnd[string(m)] {
		return true // as written: بوان is no وإن
	}
	if len(m) >= 5 && string(m[:2]) == "لل" {
		return true
	}
	if len(m) >= 5 && m[0] == 'ل' && !p.isName(string(m)) {
		if rest := string(m[1:]); p.words.OrdinaryForm(rest) && !p.words.Name(rest).Known() {
			return true
		}
	}
	return (p.words.FutureVerb(toks[k].Text) || p.words.ImperfectVerb(toks[k].Text) || p.words.VerbWithMe(toks[k].Text)) && !p.isName(words[k].MF)
}

// notNameEnd are the words of lexicon ar_not_name_end.
var notNameEnd = arabic.WordSet(strings.Join(lexicon.Class("ar_not_name_end"), " "))

// trimOrdinaryStart returns the start of a person's name tagged at tokens
// [a, b) without the verb or noun the tagger glued on before it (يستذكر
// هول "Hall recalls", تحية للقصبي "greetings to al-Qasabi", سيلتحق بولوني
// "Boloni will join"): an imperfect verb the table knows by its other
// forms (wordstats.ImperfectVerb), or a first word that unlabelled text
// knows as an ordinary word, often (ordinaryStrong) or as a rare form of one it never
// saw itself (زميلتي "my colleague", فسألني "and he asked me"), and that
// nothing knows in names, its clitics taken off or not (وسامر is سامر);
// no title (الملك، مدام stay: titles are read later), no word that links a
// name to the next (أبو، بن) and none before الله or الدين (صنع الله
// إبراهيم، نور الدين). A
// rarer ordinary word may be a foreign given name (فيم فندرز "Wim
// Wenders"). A leading word of a closed class (leadingClosed: كلنا
// سلمان) goes whatever the statistics say.
func (p *Pipeline) trimOrdinaryStart(toks []segment.Token, words []arabic.Word, a, b int) int {
	if p.words == nil {
		return a
	}
	for b-a > 1 && (leadingClosed(&words[a]) || p.prepPronounBefore(words, a)) {
		a++ // كلنا سلمان "we are all Salman", هكذا نجيب, لي عمر "to me, Omar"
	}
	for b-a > 1 && !wordIn(nameLinks, &words[a]) && !wordIn(personTitles, &words[a]) && !isTitle(&words[a]) &&
		!p.nameLike(&words[a]) && !p.isName(arabic.MatchForm(words[a].Stem)) && !p.isName(arabic.MatchForm(words[a].Article+words[a].Stem)) &&
		!compoundEnds[words[a+1].MF] {
		if p.words.ImperfectVerb(toks[a].Text) || p.words.FutureVerb(toks[a].Text) {
			a++ // a verb the table knows by its other forms (يستذكر هول "Hall recalls"), or with the future prefix (سيجني روحاني "Rouhani will reap")
			continue
		}
		o := p.ordinary(toks, words, a)
		if o < ordinaryStrong && (o == 0 || p.words.WordOf(toks[a].Text).Count > 0) && !(o > 0 && p.femininePlural(&words[a])) {
			break
		}
		a++
	}
	return a
}

// femininePlural reports whether a word, in construct before a name, is an
// ordinary word with the ending of the feminine plural (ميليشيات صالح
// "Saleh's militias", تصريحات ترامب "Trump's statements"), which no given
// name has: one of five letters or more, without the article, that the
// name lists and the gazetteer do not know (عرفات and بركات they do).
func (p *Pipeline) femininePlural(w *arabic.Word) bool {
	if w.Article != "" || !strings.HasSuffix(w.MF, "ات") || utf8.RuneCountInString(w.MF) < 5 {
		return false
	}
	return !p.isName(w.MF) && !p.words.Name(w.MF).Known() && len(p.gaz.Lookup(w.MF)) == 0
}

// leadingClosed reports whether a word of a closed class that no name
// begins with opens a span, as written (arabic.Word.ClosedClassAsWritten:
// واين may be Wayne): a demonstrative, relative or quantifier (هذان
// التفجيران, كلنا سلمان), a kin word with a pronoun (ابنك عبدالفتاح
// "your son Abdulfattah"), not a pronoun (هو begins Hu Jintao), a question
// word, an adverb (سلفا begins Salva Kiir) nor a formula's word.
func leadingClosed(w *arabic.Word) bool {
	switch w.ClosedClassAsWritten() {
	case "demonstrative", "relative", "quantifier", "kin":
		return true
	}
	return false
}

// prepPronouns are the prepositions with a pronoun of lexicon
// ar_prep_pronoun (لي "to me", معه "with him"), as written.
var prepPronouns = arabic.WordSet(strings.Join(lexicon.Class("ar_prep_pronoun"), " "))

// prepPronounBefore reports whether word a is a preposition with a pronoun
// (prepPronouns, as written) before an Arabic given name: one the name
// lists give to people as a given name, or with a letter foreign names are
// not written with (لي عمر "to me, Omar"; not لي كوان يو, Lee Kuan Yew).
func (p *Pipeline) prepPronounBefore(words []arabic.Word, a int) bool {
	if !prepPronouns[words[a].MF] || a+1 >= len(words) {
		return false
	}
	next := words[a+1].MF
	return translit.HasNativeLetter(next) || p.words.Name(next).Given >= personNameCount
}

// placeAfterName are the words of places written after their name, in the
// English order of a loanword (lexicon ar_place_after_name: دارين مول).
var placeAfterName = arabic.WordSet(strings.Join(lexicon.Class("ar_place_after_name"), " "))

// orgAfterName are the words of companies written after their name, in
// the English order of a loanword (lexicon ar_org_after_name: توشيبا
// كورب, جنرال موتورز).
var orgAfterName = arabic.WordSet(strings.Join(lexicon.Class("ar_org_after_name"), " "))

// andLoanwords are the English "and" written in Arabic letters (lexicon
// ar_and_loanword: آند).
var andLoanwords = arabic.WordSet(strings.Join(lexicon.Class("ar_and_loanword"), " "))

// andLoanword reports whether one of words, the inner words of a name, is
// the English "and" (andLoanwords): the name of a firm (ماركس اند سبنسر
// "Marks & Spencer"), never of a person.
func andLoanword(words []arabic.Word) bool {
	for k := range words {
		if words[k].Article == "" && andLoanwords[words[k].MF] {
			return true
		}
	}
	return false
}

// blessingEnd returns the end of a person's name tagged at tokens [a, b)
// before a blessing the tagger took in (علي بن أبي طالب [رضي الله]، عائشة
// [رضي الله]: lexicon ar_blessing_after_name), b when there is none; never
// before the name's first word.
func blessingEnd(words []arabic.Word, a, b int) int {
	for k := a + 1; k < b; k++ {
		if words[k].Article == "" && wordIn(blessingWords, &words[k]) {
			return k
		}
	}
	return b
}

// blessingWords are the words of lexicon ar_blessing_after_name.
var blessingWords = arabic.WordSet(strings.Join(lexicon.Class("ar_blessing_after_name"), " "))

// compoundEnds are the words that end a compound given name whose first
// word is an ordinary one (lexicon ar_compound_name_end: صنع الله، نور
// الدين), in MatchForm.
var compoundEnds = arabic.WordSet(strings.Join(lexicon.Class("ar_compound_name_end"), " "))

// personTitles are the titles before a person's name (lexicon
// ar_title_before_name, ar_title_no_name).
var personTitles = arabic.WordSet(strings.Join(append(lexicon.Class("ar_title_before_name"), lexicon.Class("ar_title_no_name")...), " "))

// ordinaryAcronyms are Latin acronyms of things (lexicon en_ordinary_acronym).
var ordinaryAcronyms = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range lexicon.ClassAsWritten("en_ordinary_acronym") {
		m[w] = true
	}
	return m
}()

// withoutAcronyms drops the candidates that are an acronym of a thing
// (ordinaryAcronyms: رسالة SMS "an SMS message"), as written or spelled in
// Arabic letter by letter (يو إس بي USB; translit.Acronym). An acronym
// spelled in Arabic the tagger took for a person (إيه بي سي ABC) is an
// organisation: no one is named by the letters' names.
func withoutAcronyms(cands []link.Candidate) []link.Candidate {
	var drop map[int]bool // most articles have none: no map
	for i := range cands {
		c := &cands[i]
		a, spelled := c.Text, false
		if !ordinaryAcronyms[a] && strings.Contains(c.Text, " ") && arabic.HasScript(c.Text) {
			a, spelled = translit.Acronym(c.Text)
		}
		if ordinaryAcronyms[a] {
			if drop == nil {
				drop = map[int]bool{}
			}
			drop[i] = true
		} else if spelled && c.Type == model.Person {
			c.Type = model.Organization
		}
	}
	return withoutCandidates(cands, drop)
}

// latinAcronym reports whether a token is two or more Latin capitals (and
// digits): SMS, BBC.
func latinAcronym(s string) bool {
	if len(s) < 2 {
		return false
	}
	for _, r := range s {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return s[0] >= 'A' && s[0] <= 'Z'
}
