package link

import (
	"maps"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/kg-project/kg/internal/gazetteer"
	lex "github.com/kg-project/kg/internal/lexicon"
	"github.com/kg-project/kg/internal/memo"
	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/text/arabic"
	"github.com/kg-project/kg/internal/text/segment"
	"github.com/kg-project/kg/internal/translit"
	"github.com/kg-project/kg/internal/wordstats"
)

// Candidate is one entity mention proposed by NER or the gazetteer.
type Candidate struct {
	Start, End int    // code point offsets into the article text (End exclusive)
	Sentence   int    // sentence index
	Text       string // the mention as written
	Type       string // model type, or "" when unknown
	// Entry is the gazetteer entry of the mention, nil when not in the
	// gazetteer.
	Entry *gazetteer.Entry
	// Demonym marks an adjective of Entry (الروسي, "Russian"): it resolves to
	// the country but is kept as a mention only when the country has no other.
	Demonym bool
	// Whole marks a mention whose first word is the name's own, letters
	// that look like clitics included: the caller found it so (بلاتر where
	// the article writes جوزيف بلاتر), and no clitic is taken off.
	Whole bool
	// Title marks a held title standing alone for its holder (خادم الحرمين
	// الشريفين for King Salman): a mention of the person, but not one that
	// holds a title or office in its sentence.
	Title bool
	// Anaphor marks a mention that refers back to a person or body named
	// earlier in the article by office or head noun (وقال الوزير, وأضافت
	// الوزارة): a mention of Entry, or, when the gazetteer lacks them, of
	// the entity of the earlier mention that spans [RefStart, RefEnd) (or
	// overlaps it, its clitics taken off); its text is no name of theirs
	// (no alias). Without such a mention it resolves to nothing.
	Anaphor          bool
	RefStart, RefEnd int
	// Tagged marks a name only the NER tagger found (no gazetteer entry,
	// no rule; under the margin extract asks of such a name, no title or
	// place or organisation word around it either), Margin the tagger's
	// margin for it: how much more its best reading scored than the best
	// without the name.
	Tagged bool
	Margin float32
	// Cued marks a one-word name of a person that the words before it call
	// one (a title or a role: الفنانة أليسا), whatever the tagger's margin;
	// the caller sets it for no other name.
	Cued bool
	// Local marks a place the caller found to be none of the gazetteer's
	// (a city's district named like a town elsewhere: حي العزيزية): it is
	// not looked up by its text.
	Local bool
	// Generic marks an organisation phrase that describes a body of its
	// kind rather than names one (شركة الاتصالات "the telecoms company",
	// package extract's orgPhrases): resolved to a body the gazetteer or
	// the article's country gives, it is that body's mention; otherwise
	// it is evidence of no name by itself.
	Generic bool
	// Team is the country whose national team the mention names, a
	// country's bare name in a game (تعادلت فانواتو مع فيجي, فاز المنتخب
	// السعودي على فلسطين: package extract's countryTeams), with Entry nil
	// and Type Organization: a mention of "Vanuatu national team", the node
	// that منتخب فانواتو names too, not of the country.
	Team *gazetteer.Entry
}

// FromMatches turns gazetteer matches over toks into candidates. A
// candidate starts after the clitics of its first token (gazetteer.Match.Skip).
func FromMatches(toks []segment.Token, ms []gazetteer.Match) []Candidate {
	out := make([]Candidate, 0, len(ms))
	for _, m := range ms {
		if m.Start < 0 || m.End > len(toks) || m.Start >= m.End || m.Entry == nil {
			continue
		}
		c := Candidate{
			Start: toks[m.Start].Start, End: toks[m.End-1].End, Sentence: toks[m.Start].Sentence,
			Text: m.Surface, Type: m.Entry.Type, Entry: m.Entry, Demonym: m.IsDemonym,
		}
		// the clitics before the name (وباكستان، لمصر) are not part of it
		if k := m.Skip; k > 0 && c.Start+k < toks[m.Start].End {
			c.Start += k
			if rs := []rune(c.Text); k < len(rs) {
				c.Text = string(rs[k:])
			}
		}
		out = append(out, c)
	}
	return out
}

// Titles that may precede a name and are not part of it, in MatchForm.
var titleWords = classSet("ar_title_before_name", "en_title_before_name", "ar_epithet_before_name")

// classSet returns the word classes of the lexicon's words.yaml as one set
// (MatchForm). A class words.yaml lacks panics: the package's tests fail.
func classSet(names ...string) map[string]bool {
	m := map[string]bool{}
	for _, n := range names {
		for _, w := range lex.Class(n) {
			m[w] = true
		}
	}
	return m
}

// kunyaCase are the genitive and accusative of أبو "father of" (MatchForm).
var kunyaCase = map[string]bool{"ابي": true, "ابا": true}

// stripFirst removes the conjunction و and a preposition (ب ل ك) from the
// first word of a name (وبوتين -> بوتين، لروسيا -> روسيا), keeping the
// article; a bare one only when it is not the name's own first letter
// (CliticLen: ليونيل and بلاتيني stay whole). The conjunction ف is left
// alone (it starts too many names: فلاديمير) but where CliticLen takes it
// off, before a very well attested name (فناصر).
func stripFirst(w string) string {
	a := arabic.Analyze(w)
	if a.Conj == "ف" {
		if a.Article == "" && CliticLen(w) == 1 {
			return string([]rune(arabic.Normalize(w))[1:])
		}
		return w
	}
	if a.Article != "" && (a.Conj != "" || a.Prep != "") {
		return a.Article + a.Stem + a.Suffix
	}
	rs := []rune(arabic.Normalize(w))
	return string(rs[min(CliticLen(w), len(rs)):])
}

// literal reports whether text is, as written, an alias of e (so nothing
// should be stripped from it).
func literal(text string, e *gazetteer.Entry) bool {
	if e == nil {
		return false
	}
	m := arabic.MatchForm(text)
	for _, a := range e.Aliases {
		if arabic.MatchForm(a) == m {
			return true
		}
	}
	return false
}

// candidateWords returns the words of a candidate's name in MatchForm, with
// the clitics of the first word and leading titles removed (see
// candidateName).
func candidateWords(c Candidate) []string { return words(candidateName(c)) }

// candidateName is displayName for a candidate, but a name the gazetteer
// lacks that is typed an organisation or a place and written in Latin
// script keeps a leading title word (General Motors, Prince Edward Island):
// titles only precede persons' names.
func candidateName(c Candidate) string {
	if c.Entry == nil && (c.Type == model.Organization || c.Type == model.Location) && !arabic.HasScript(c.Text) {
		return name(c.Text, nil, false)
	}
	if c.Whole {
		return nameOf(c.Text, c.Entry, true, false)
	}
	return displayName(c.Text, c.Entry)
}

// words returns the words of a display name in MatchForm, a compound
// given name as one word however it is written (lexicon ar_name_compound:
// عبد الله and عبدالله are عبدالله).
func words(d string) []string {
	out := []string{}
	for _, w := range strings.Fields(d) {
		if m := arabic.MatchForm(strings.Trim(w, ".,;:!?\"'()[]«»“”")); m != "" {
			if n := len(out); n > 0 && nameCompound[out[n-1]] {
				out[n-1] += m
				continue
			}
			out = append(out, m)
		}
	}
	return out
}

// nameCompound are the words that form one name with the next (lexicon
// ar_name_compound), in MatchForm.
var nameCompound = classSet("ar_name_compound")

// displayName returns the mention without the clitics of its first word and
// without leading titles, in Normalize form.
func displayName(text string, e *gazetteer.Entry) string { return name(text, e, true) }

// name is displayName; titles are removed only with stripTitles.
func name(text string, e *gazetteer.Entry, stripTitles bool) string {
	return nameOf(text, e, stripTitles, true)
}

// nameOf is name; the first word's clitics are removed only with
// stripClitics.
func nameOf(text string, e *gazetteer.Entry, stripTitles, stripClitics bool) string {
	ws := strings.Fields(arabic.Normalize(text))
	if len(ws) == 0 || literal(text, e) {
		return strings.Join(ws, " ")
	}
	if e != nil {
		if t := strings.TrimSuffix(strings.TrimSuffix(text, "'s"), "’s"); t != text && literal(t, e) {
			return arabic.Normalize(t)
		}
	}
	// a given name in the accusative (سعودًا الفيصل) names the person of
	// the nominative: the case ending is no part of the name
	if raw := strings.Fields(text); len(raw) == len(ws) {
		for i, w := range raw {
			if arabic.IsAccusative(w) {
				ws[i] = strings.TrimSuffix(ws[i], "ا")
			}
		}
	}
	if stripClitics {
		ws[0] = stripFirst(ws[0])
	}
	// a kunya in the genitive or accusative (أبي بكر البغدادي, أبا مازن)
	// names the same person as in the nominative: أبو بكر البغدادي
	if len(ws) > 1 && kunyaCase[arabic.MatchForm(ws[0])] {
		ws[0] = "أبو"
	}
	start := 0
	for stripTitles && start < len(ws)-1 && (titleWords[arabic.MatchForm(ws[start])] || start > 0 && rankSuffix[arabic.MatchForm(ws[start])]) {
		// a title word without the article before بن is a given name
		// (سلطان بن سلمان, Sultan bin Salman; أمير بن ...)
		if w := arabic.MatchForm(ws[start]); !strings.HasPrefix(w, "ال") && nasabLinks[arabic.MatchForm(ws[start+1])] {
			break
		}
		start++ // (الرقيب أول سيف الفلاسي: the rank and its أول)
	}
	ws = ws[start:]
	// a title after the name is not part of it (محمد بن نايف ولي العهد)
	for k := 2; k < len(ws); k++ {
		if trailingTitles[arabic.MatchForm(ws[k])] {
			ws = ws[:k]
			break
		}
	}
	// possessive: Blair's -> Blair
	last := ws[len(ws)-1]
	for _, p := range []string{"'s", "’s"} {
		if strings.HasSuffix(last, p) && len(last) > len(p)+1 {
			ws[len(ws)-1] = strings.TrimSuffix(last, p)
		}
	}
	return strings.Join(ws, " ")
}

// nasabLinks are the words of a nasab (lexicon ar_nasab: بن ابن بنت), in
// MatchForm.
var nasabLinks = classSet("ar_nasab")

// rankSuffix are the words that go on a rank (lexicon ar_rank_suffix:
// الرقيب أول), in MatchForm.
var rankSuffix = classSet("ar_rank_suffix")

// trailingTitles end a name when they follow it (in MatchForm).
var trailingTitles = classSet("ar_title_after_name")

// skeleton is the consonant outline of a name (gazetteer.Skeleton).
func skeleton(s string) string { return gazetteer.Skeleton(s) }

// lookupName finds in the gazetteer a name that NER proposed and the
// gazetteer matcher left alone: a word the matcher does not match on its own
// (روحاني "spiritual", typed Person by NER), a name without the article the
// gazetteer writes (يابان الخليج "the Japan of the Gulf"), an adjective in
// the indefinite accusative (شعبا إيرانيا "an Iranian people"). The entry
// must have the type NER gave; demonyms are returned as such.
func lookupName(g *gazetteer.Gazetteer, text, typ string) (*gazetteer.Entry, bool) {
	d := displayName(text, nil)
	m := arabic.MatchForm(d)
	// two letters are enough with the NER's type (قم Qom typed Location)
	if n := len([]rune(m)); m == "" || !arabic.HasScript(m) || n < 2 || n < 3 && typ == "" {
		return nil, false
	}
	if len(strings.Fields(d)) == 1 && isStopWord(d) || len(strings.Fields(d)) > 1 && junkName(d) {
		return nil, false
	}
	forms := []string{m}
	if !strings.Contains(m, " ") && !strings.HasPrefix(m, "ال") && !gazetteer.IsNameWord(m) {
		forms = append(forms, "ال"+m) // not رياض (a given name) for الرياض
	}
	for _, f := range forms {
		for _, e := range g.Lookup(f) {
			if typ == "" || e.Type == typ {
				return e, false
			}
		}
	}
	if rs := []rune(m); len(rs) > 4 && rs[len(rs)-1] == 'ا' && typ != model.Person {
		if e := g.Demonym(string(rs[:len(rs)-1])); e != nil {
			return e, true
		}
	}
	// a foreign name spelt with other vowel letters (بيرمنغهام Birmingham)
	if e := g.Variant(m, typ); e != nil {
		return e, false
	}
	return nil, false
}

// cluster is one entity being built.
type cluster struct {
	key   string
	entry *gazetteer.Entry
	types map[string]int
	cands []int // candidate indices
	words []string
	first int // offset of the first mention
	// aliasWords are the words of the entry's aliases (words), made on
	// first use (entryAliasWords)
	aliasWords [][]string
	// team is the country whose national team the cluster is (its
	// mentions the country's bare name in a game, Candidate.Team)
	team *gazetteer.Entry
}

// entryAliasWords returns the words (words) of each of the gazetteer
// entry's aliases, in order; none without an entry. Callers only read them.
func (c *cluster) entryAliasWords() [][]string {
	if c.entry == nil {
		return nil
	}
	if c.aliasWords == nil {
		c.aliasWords = make([][]string, len(c.entry.Aliases))
		for k, a := range c.entry.Aliases {
			c.aliasWords[k] = words(a)
		}
	}
	return c.aliasWords
}

// nameMemo memoises englishName: an entity's English name is a pure
// function of its Arabic name and type, and the names of a corpus recur.
var nameMemo = memo.New[string](1 << 13)

// englishName is translit.Name with the gazetteer's lexicon, memoised.
func englishName(ar, typ string) string {
	lex := gazLexicon()
	if lex == nil {
		return translit.Name(ar, typ, nil)
	}
	return nameMemo.Get(typ+"\x00"+ar, func(string) string { return translit.Name(ar, typ, lex) })
}

// gazLexicon returns the gazetteer as the translit.Lexicon of the names and
// nationality adjectives inside organisation and place names (بنك الرياض
// Riyadh Bank); nil when the gazetteer cannot be read.
func gazLexicon() translit.Lexicon {
	g, err := gazetteer.Default()
	if err != nil {
		return nil
	}
	return lexicon{g}
}

type lexicon struct{ g *gazetteer.Gazetteer }

// Name returns the English name of a place or organisation that is not
// also a common word. An alias kept from matching on its own (England's
// انجلترا) still names its place inside a longer name (بنك انجلترا
// المركزي Bank of England) when the place has a QID and the word is one
// word that unlabelled text does not show to be ordinary.
func (l lexicon) Name(m string) (string, bool) {
	if l.g.IsAmbiguous(m) {
		ws, err := wordstats.Default()
		if err != nil || strings.Contains(m, " ") || ws.Ordinary(m) || ws.Ordinary("ال"+m) {
			return "", false
		}
		if es := l.g.Lookup(m); len(es) > 0 && es[0].Type == model.Location && es[0].QID != "" {
			return es[0].Name, true
		}
		return "", false
	}
	// a club named by its city's name last: روما in مطار روما is Rome, not
	// the club that the bare name is in sports news
	var amb *gazetteer.Entry
	for _, e := range l.g.Lookup(m) {
		if e.Type == model.Person {
			continue
		}
		if e.Role != gazetteer.RoleClub || !slices.ContainsFunc(e.Ambiguous, func(a string) bool { return arabic.MatchForm(a) == m }) {
			return e.Name, true
		}
		if amb == nil {
			amb = e
		}
	}
	if amb != nil {
		return amb.Name, true
	}
	return "", false
}

// Demonym returns the English adjective of a country (الاسكتلندية
// Scottish).
func (l lexicon) Demonym(m string) (string, bool) {
	if e := l.g.Demonym(m); e != nil {
		for _, d := range e.Demonyms {
			if !arabic.HasScript(d) {
				return d, true
			}
		}
	}
	return "", false
}

// Resolve merges the candidates of one article (text) into entities and
// returns them sorted by ID, with aliases sorted and mentions ordered by
// offset, together with the entity ID of each candidate (parallel to
// cands). Every candidate resolves to an entity but the names that are not
// names (junkName: their ID is ""); demonyms resolve to their country. NER
// candidates found in the gazetteer get their entry (Resolve sets
// Candidate.Entry and Demonym in cands). Entities from the gazetteer have its key, name and QID; the
// others get ID gazetteer.KeyFor(type, longest mention), preferring the
// longest Arabic-script mention when there is one, and Name the longest
// Latin-script mention, else the English of the Arabic one (translit.Name:
// organisations and places made of common words translated, names
// romanised; the original is kept as an alias).
func Resolve(text string, cands []Candidate) (ents []model.Entity, mentionEntity []string) {
	return resolve(text, cands).entities()
}

// ResolveHome is Resolve for an article of a corpus whose country is home
// (a gazetteer country; nil: none, as Resolve): a state body or government
// the article names without saying whose (وزارة الداخلية، مجلس الوزراء،
// الحكومة) and whose country the article does not make clear
// (focusCountry) is home's when the article names no country or names
// home among others, as a national paper's do of its own state's.
func ResolveHome(text string, cands []Candidate, home *gazetteer.Entry) (ents []model.Entity, mentionEntity []string) {
	r := resolve(text, cands)
	r.home = home
	return r.entities()
}

type resolution struct {
	text     string
	cands    []Candidate
	clusters []*cluster
	of       []*cluster // candidate -> cluster
	// the article's country (focusCountry), once computed
	focus     *gazetteer.Entry
	focusDone bool
	// home is the corpus's country (ResolveHome), nil when none
	home  *gazetteer.Entry
	runes []rune // text, made on first use (textRunes)
}

// refersToBody reports whether c is a mention by a head noun or an office
// that refers back to a name (Anaphor, RefStart/RefEnd), which it names
// rather than what else its words name when the article names that by no
// name (resolve): الاتحاد after الاتحاد السعودي لكرة القدم is the
// federation, not the club of that name, unless the article names the
// club (نادي الاتحاد). Not when the name it refers to goes on with و
// right after its first word (الاتحاد وكمال ظافر "al-Ittihad and Kamal
// Dhafer", a phrase the tagger took for one body).
func (r *resolution) refersToBody(c *Candidate) bool {
	if !c.Anaphor || c.RefEnd <= c.RefStart {
		return false
	}
	ref := r.slice(c.RefStart, c.RefEnd)
	if ref == "" {
		return false
	}
	ws := strings.Fields(ref)
	return len(ws) < 2 || !strings.HasPrefix(ws[1], "و")
}

func resolve(text string, cands []Candidate) *resolution {
	r := &resolution{text: text, cands: cands, of: make([]*cluster, len(cands))}
	if g, err := gazetteer.Default(); err == nil {
		named := map[*gazetteer.Entry]bool{} // the entries the article names by a name
		for i := range cands {
			if cands[i].Entry != nil && !cands[i].Anaphor {
				named[cands[i].Entry] = true
			}
		}
		for i := range cands {
			if cands[i].Entry == nil && !cands[i].Local && cands[i].Team == nil {
				e, demonym := lookupName(g, cands[i].Text, cands[i].Type)
				if e != nil && r.refersToBody(&cands[i]) && !named[e] {
					continue
				}
				cands[i].Entry, cands[i].Demonym = e, demonym
			}
		}
	}
	// a person's short form that the large name list knows as someone's
	// whole name (خالد السعيد) is, after the longer name in the article
	// (خالد أحمد السعيد), that person's: the list's entry is dropped so
	// that the name finds its full form below
	var personWords [][]string // candidateWords of each person candidate, made once
	for i := range cands {
		if e := cands[i].Entry; e != nil && e.Type == model.Person && e.QID == "" && slices.Equal(e.Sources, []string{gazetteer.SrcPersonNames}) {
			if personWords == nil {
				personWords = make([][]string, len(cands))
				for j, c := range cands {
					if c.Type == model.Person && !c.Anaphor {
						personWords[j] = candidateWords(c)
					}
				}
			}
			w := personWords[i]
			if w == nil {
				w = candidateWords(cands[i]) // typed otherwise by the tagger
			}
			for j := range cands {
				if j != i && personWords[j] != nil && cands[j].Start < cands[i].Start && shortForm(w, personWords[j]) {
					cands[i].Entry = nil
					break
				}
			}
		}
	}
	// a famous person's family name alone (المالكي, an ambiguous alias of
	// Nouri al-Maliki's entry) is, after another person's longer name that
	// ends with it in the article (فايز المالكي), that person's, unless the
	// article names the famous person otherwise too (حسن روحاني)
	named := func(e *gazetteer.Entry, i int) bool {
		for j, c := range cands {
			if j != i && c.Entry == e && len(candidateWords(c)) > 1 {
				return true
			}
		}
		return false
	}
	for i := range cands {
		e := cands[i].Entry
		if e == nil || e.Type != model.Person || cands[i].Anaphor {
			continue
		}
		w := candidateWords(cands[i])
		if len(w) != 1 || !slices.ContainsFunc(e.Ambiguous, func(a string) bool { return arabic.MatchForm(a) == w[0] }) || named(e, i) {
			continue
		}
		for j := range cands {
			c := cands[j]
			if j == i || c.Start >= cands[i].Start || c.Type != model.Person || c.Anaphor || c.Entry == e {
				continue
			}
			if full := candidateWords(c); len(full) >= 2 && full[len(full)-1] == w[0] && !fatherOrFamily[full[len(full)-2]] {
				cands[i].Entry = nil
				break
			}
		}
	}
	order := make([]int, len(cands))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return cands[order[a]].Start < cands[order[b]].Start })

	byKey := map[string]*cluster{}
	newCluster := func(key string, e *gazetteer.Entry, i int) *cluster {
		c := &cluster{key: key, entry: e, types: map[string]int{}, first: cands[i].Start}
		byKey[key] = c
		r.clusters = append(r.clusters, c)
		return c
	}
	join := func(c *cluster, i int) {
		c.cands = append(c.cands, i)
		if t := cands[i].Type; t != "" && !cands[i].Demonym {
			c.types[t]++
		}
		r.of[i] = c
		if w := candidateWords(cands[i]); len(w) > len(c.words) && !cands[i].Demonym && !cands[i].Anaphor {
			c.words = w
		}
	}
	// 1. gazetteer entries, and the national teams named by their country
	for _, i := range order {
		if t := cands[i].Team; t != nil && cands[i].Entry == nil {
			c := byKey["team:"+t.Key]
			if c == nil {
				c = newCluster("team:"+t.Key, nil, i)
				c.team = t
			}
			join(c, i)
			continue
		}
		if e := cands[i].Entry; e != nil {
			c := byKey[e.Key]
			if c == nil {
				c = newCluster(e.Key, e, i)
			}
			join(c, i)
		}
	}
	// 2. other names, longest first, so that short forms find their full name
	rest := []int{}
	bare := map[int][]string{} // the name words (candidateWords) of the candidates in rest
	var anaphors []int         // mentions of a person the gazetteer lacks, by office
	for _, i := range order {
		if cands[i].Anaphor && cands[i].Entry == nil {
			anaphors = append(anaphors, i)
			continue
		}
		if cands[i].Entry == nil && cands[i].Team == nil {
			if w := candidateWords(Candidate{Text: cands[i].Text, Type: cands[i].Type, Whole: cands[i].Whole}); len(w) > 0 {
				rest = append(rest, i)
				bare[i] = w
			}
		}
	}
	sort.SliceStable(rest, func(a, b int) bool {
		return len(bare[rest[a]]) > len(bare[rest[b]])
	})
	for _, i := range rest {
		w := bare[i]
		exact := "name:" + strings.Join(w, " ")
		if c := byKey[exact]; c != nil && typeOK(c, cands[i].Type) {
			join(c, i)
			continue
		}
		if c := r.partialOwner(i, w); c != nil {
			// a word the name lists give mostly as a given name is the
			// given name of a longer name the article names more often
			// (عمر of عمر الشريف) rather than the last word of this one
			// (أرخى عمر, a verb glued on)
			if g := r.givenOwner(i, w); g != nil && g != c && mostlyGiven(w) && len(g.cands) > len(c.cands) {
				c = g
			}
			join(c, i)
			continue
		}
		if c := r.givenOwner(i, w); c != nil {
			join(c, i)
			continue
		}
		if c, first := r.gluedOwner(i, w); c != nil {
			// سعود الثاقبة "Saud the piercing" in an elegy of سعود
			// الفيصل: the given name of the bearer, a word glued on
			r.dropWord(i, first)
			join(c, i)
			continue
		}
		c := newCluster(exact, nil, i)
		join(c, i)
	}
	// 3. Arabic and Latin spellings of the same name the gazetteer lacks
	for a := 0; a < len(r.clusters); a++ {
		ca := r.clusters[a]
		if ca.entry != nil || len(ca.cands) == 0 {
			continue
		}
		for b := a + 1; b < len(r.clusters); b++ {
			cb := r.clusters[b]
			if len(cb.cands) == 0 || !sameType(ca, cb) {
				continue
			}
			if crossScript(ca, cb, cands) {
				target, src := ca, cb
				if cb.entry != nil || len(strings.Join(cb.words, " ")) > len(strings.Join(ca.words, " ")) {
					target, src = cb, ca
				}
				for _, i := range src.cands {
					join(target, i)
				}
				src.cands = nil
			}
		}
	}
	// 4. the persons and bodies named by office, head noun or pronoun: the
	// cluster of a mention of the name they refer back to, of their type
	// or one the tagger left untyped (Mr Straw's surname before "He said")
	for _, i := range anaphors {
		a := &cands[i]
		if a.RefEnd == 0 {
			continue
		}
		to := -1
		for j, c := range cands {
			if j == i || c.Anaphor || c.Start >= a.RefEnd || a.RefStart >= c.End || r.of[j] == nil {
				continue
			}
			if c.Type == a.Type {
				to = j
				break
			}
			if c.Type == "" && to < 0 {
				to = j
			}
		}
		if to >= 0 {
			join(r.of[to], i)
		}
	}
	// 5. surnames the tagger typed a place or an organisation
	r.surnames()
	return r
}

// surnames gives to a person of the article the one-word places and
// organisations the gazetteer does not know that are the surname of the
// person's longer name (surnameOwner): after a verb of motion (زارت شيرمان
// "Sherman visited") a surname reads like a place to the tagger, but in an
// article that names Wendy Sherman it is her. Not when the word is
// mentioned more often than the person: then the person is more likely a
// span the tagger cut wrong (مساهمي سامسونج "Samsung's shareholders" for
// Samsung). The moved mentions do not count for the person's type.
func (r *resolution) surnames() {
	for _, c := range r.clusters {
		if c.entry != nil || len(c.cands) == 0 || len(c.words) != 1 || utf8.RuneCountInString(c.words[0]) < 3 {
			continue
		}
		if t := c.typ(); t != model.Location && t != model.Organization || gazetteerWord(c.words[0]) {
			continue
		}
		single := true
		for _, i := range c.cands {
			if r.cands[i].Demonym || len(candidateWords(r.cands[i])) != 1 {
				single = false
			}
		}
		if !single {
			continue
		}
		owner := r.surnameOwner(c.cands[0], c.words)
		if owner == nil || len(owner.cands) < len(c.cands) || !givenNames(owner) {
			continue
		}
		for _, i := range c.cands {
			owner.cands = append(owner.cands, i)
			r.of[i] = owner
		}
		c.cands = nil
	}
}

// givenNames reports whether the words of a person's name before its last
// are no ordinary words (wordstats.Table.Ordinary) that the name lists do
// not give to people often: برج حمود "Bourj Hammoud", مساهمي سامسونج
// "Samsung's shareholders" and لترك تشلسي "to leave Chelsea" are spans the
// tagger took for a person, not a person with a surname.
func givenNames(c *cluster) bool {
	ws, err := wordstats.Default()
	if err != nil || len(c.words) < 2 {
		return false
	}
	for _, w := range c.words[:len(c.words)-1] {
		if arabic.HasScript(w) && ws.Ordinary(wordstats.Base(w)) && ws.Name(arabic.MatchForm(w)).PersonCount() < givenNameCount {
			return false
		}
	}
	return true
}

// givenNameCount is the number of people the name lists name with an
// ordinary word from which it counts as a given name (givenNames).
const givenNameCount = 20

func typeOK(c *cluster, t string) bool {
	if t == "" {
		return true
	}
	if c.entry != nil {
		return c.entry.Type == t
	}
	if len(c.types) == 0 {
		return true
	}
	return c.types[t] > 0
}

// gazetteerWord reports whether the word w (MatchForm) is an alias of a
// gazetteer entry of any type, even one matched only inside longer names
// (بالي, Bali): such a word is not taken for a person's surname.
func gazetteerWord(w string) bool {
	g, err := gazetteer.Default()
	return err == nil && len(g.Lookup(w)) > 0
}

func sameType(a, b *cluster) bool {
	ta, tb := a.typ(), b.typ()
	return ta == tb || ta == model.Misc || tb == model.Misc
}

// crossScript reports whether one cluster is written in Arabic and the other
// in Latin script and some mention of each has the same consonant skeleton
// (of three letters or more) on its last word.
func crossScript(a, b *cluster, cands []Candidate) bool {
	if len(a.words) == 0 || len(b.words) == 0 {
		return false
	}
	la, lb := a.words[len(a.words)-1], b.words[len(b.words)-1]
	if arabic.HasScript(la) == arabic.HasScript(lb) {
		return false
	}
	sa, sb := skeleton(la), skeleton(lb)
	return len([]rune(sa)) >= 3 && sa == sb
}

// partialOwner returns the person cluster whose full name ends with the
// words w (a surname, or the last names), or whose last word is w when w is
// a single word: of those mentioned before candidate i, the one mentioned
// most often, and of equals the nearest; else the nearest after. A surname
// alone is the article's main bearer of it, not whichever relative was
// named last (a profile of Ramzan Kadyrov names his father Akhmad Kadyrov
// once; قاديروف after that is still Ramzan).
func (r *resolution) partialOwner(i int, w []string) *cluster {
	t := r.cands[i].Type
	if t != "" && t != model.Person {
		return nil
	}
	var before, after *cluster
	bestB, bestA, countB := -1, -1, 0
	for _, c := range r.clusters {
		if len(c.cands) == 0 || c.typ() != model.Person {
			continue
		}
		if !endsWith(c, w) && !startsWith(c, w) && !holdsNisba(c, w, r.cands[i].Text) && !shortFormOf(c, w) {
			continue
		}
		nearB := -1 // c's last mention before i
		for _, j := range c.cands {
			s := r.cands[j].Start
			if s < r.cands[i].Start && s > nearB {
				nearB = s
			}
			if s > r.cands[i].Start && (bestA < 0 || s < bestA) {
				after, bestA = c, s
			}
		}
		if nearB < 0 {
			continue
		}
		if n := len(c.cands); before == nil || n > countB || n == countB && nearB > bestB {
			before, bestB, countB = c, nearB, n
		}
	}
	if before != nil {
		return before
	}
	return after
}

// givenOwner returns the person whose longer name begins with the one word
// w, a given name standing alone (فاتن after فاتن حمامة, مدام فاتن; Jeb after
// Jeb Bush): the only person of the article whose name begins with w (two
// named محمد leave محمد alone unresolved), or the one the article names
// more often than the others together, each of them named once
// (dominantBearer); named before candidate i, or only after it when the
// gazetteer knows the name or the article names it twice or more. Not when the
// word stands beside a prophet's title or blessing (ar_prophet_context: النبي محمد is not the article's محمد
// بن سلمان).
func (r *resolution) givenOwner(i int, w []string) *cluster {
	ci := r.cands[i]
	if len(w) != 1 || ci.Type != model.Person || utf8.RuneCountInString(w[0]) < 3 || r.prophetContext(i) {
		return nil
	}
	var owner *cluster
	others, single := 0, true // the other bearers' mentions; each named once
	for _, c := range r.clusters {
		if len(c.cands) == 0 || c.typ() != model.Person {
			continue
		}
		if !beginsWith(c, w[0]) {
			continue
		}
		if owner == nil || len(c.cands) > len(owner.cands) {
			owner, c = c, owner
		}
		if c != nil {
			others += len(c.cands)
			single = single && len(c.cands) == 1
		}
	}
	if owner == nil || others > 0 && !dominantBearer(len(owner.cands), others, single) {
		return nil // two persons of the name
	}
	for _, j := range owner.cands {
		if r.cands[j].Start < ci.Start {
			return owner
		}
	}
	if owner.entry != nil || len(owner.cands) >= 2 {
		// the bearer named in full only after (a headline's اقتراح
		// الأمير سعود before the body's الأمير سعود الفيصل), when the
		// gazetteer knows the name or the article repeats it: a longer
		// name given once may be the tagger's span run on into the
		// next word
		return owner
	}
	return nil
}

// gluedOwner returns the bearer of a name of the article that the
// two-word person's name w of candidate i is, but for one word the tagger
// glued on, and whether that word is the first: after a given name, a word
// no name resource knows (gluedWord: سعود الثاقبة "Saud the piercing", صالح
// معمم "Saleh turbaned", عمر ضاحكا "Omar, laughing"), the first word mostly
// a given name (mostlyGiven) whose bearer is givenOwner's; before a name, a
// verb or ordinary word (gluedVerb: سيجني روحاني "Rouhani will reap"), the
// name the start or end of the bearer's (partialOwner). The two words
// written once in the article, the bearer named three times or more.
func (r *resolution) gluedOwner(i int, w []string) (*cluster, bool) {
	if len(w) != 2 {
		return nil, false
	}
	var c *cluster
	first := false
	switch {
	case mostlyGiven(w[:1]) && gluedWord(w[1]):
		c = r.givenOwner(i, w[:1])
	case gluedVerb(w[0]) && !gluedWord(w[1]):
		c, first = r.partialOwner(i, w[1:]), true
		if g := r.givenOwner(i, w[1:]); g != nil && (c == nil || mostlyGiven(w[1:]) && len(g.cands) > len(c.cands)) {
			c = g
		}
	}
	if c == nil || len(c.cands) < 3 {
		return nil, false
	}
	for j, cj := range r.cands {
		if j != i && cj.Type == model.Person && slices.Equal(candidateWords(cj), w) {
			return nil, false // a name the article repeats is a name (خالد البلطان)
		}
	}
	return c, first
}

// gluedVerb reports whether the word m (MatchForm), before a name, is a
// verb or an ordinary word that unlabelled text knows (wordstats
// OrdinaryForm, FutureVerb, ImperfectVerb, VerbWithMe: سيجني "will reap")
// and no name resource does.
func gluedVerb(m string) bool {
	ws, err := wordstats.Default()
	if err != nil || ws.Name(m).Known() || gazetteerWord(m) {
		return false
	}
	return ws.OrdinaryForm(m) || ws.FutureVerb(m) || ws.ImperfectVerb(m) || ws.VerbWithMe(m)
}

// gluedWord reports whether the word m (MatchForm), after a given name, is
// no name word but one the tagger ran the name on into: neither the name
// lists nor the gazetteer know it (nor it without the article),
// unlabelled text does not find it in names, and it is an ordinary word
// or a verb there (wordstats OrdinaryForm, ImperfectVerb, VerbWithMe:
// تغريدة "tweet"), or has the article (الثاقبة "piercing"), or does not
// look like a foreign name (translit.ForeignLike).
func gluedWord(m string) bool {
	ws, err := wordstats.Default()
	if err != nil || utf8.RuneCountInString(m) < 3 {
		return false
	}
	bare, art := strings.CutPrefix(m, "ال")
	if ws.Name(m).Known() || art && ws.Name(bare).Known() || gazetteerWord(m) {
		return false
	}
	if x := ws.Word(m); x.Names() >= 5 && x.NameShare() >= 0.5 {
		return false
	}
	return ws.OrdinaryForm(m) || ws.ImperfectVerb(m) || ws.VerbWithMe(m) || art || !translit.ForeignLike(m)
}

// dropWord takes the first word (first) or the last word off candidate
// i's text.
func (r *resolution) dropWord(i int, first bool) {
	c := &r.cands[i]
	rs := []rune(c.Text)
	if first {
		k := 0
		for k < len(rs) && !unicode.IsSpace(rs[k]) {
			k++
		}
		for k < len(rs) && unicode.IsSpace(rs[k]) {
			k++
		}
		if k == 0 || k >= len(rs) {
			return
		}
		c.Start += k
		c.Text = string(rs[k:])
		return
	}
	k := len(rs)
	for k > 0 && !unicode.IsSpace(rs[k-1]) {
		k--
	}
	for k > 0 && unicode.IsSpace(rs[k-1]) {
		k--
	}
	if k == 0 || c.End-(len(rs)-k) <= c.Start {
		return
	}
	c.End -= len(rs) - k
	c.Text = string(rs[:k])
}

// mostlyGiven reports whether w is one word the name lists give people as
// a given name (givenAloneCount of them) three times as often as a family
// name (عمر, خالد; not عباس or الزهراني).
func mostlyGiven(w []string) bool {
	if len(w) != 1 {
		return false
	}
	ws, err := wordstats.Default()
	if err != nil {
		return false
	}
	n := ws.Name(w[0])
	return n.Given >= givenAloneCount && n.Given >= 3*n.Family
}

// dominantBearer reports whether the bearer of a given name, with n
// mentions, is the one the bare given name means although others of the
// article's names begin with it too (others: their mentions together;
// single: each of them named once): a name the article repeats, at least
// three times and more often than all the others together, against names
// it gives once — mostly a word the tagger glued to the given name (سعود
// الفريد "Saud the unique" beside سعود الفيصل) or someone named in passing.
func dominantBearer(n, others int, single bool) bool {
	return single && n >= 3 && n > others
}

// beginsWith reports whether a longer name of c (a gazetteer alias too)
// begins with the one word w: the bearer of the given name w.
func beginsWith(c *cluster, w string) bool {
	return c.anyName(func(full []string) bool { return len(full) >= 2 && full[0] == w })
}

// prophetContext reports whether candidate i has a word of
// ar_prophet_context in its text before the name, right before it or
// right after it.
func (r *resolution) prophetContext(i int) bool {
	c := r.cands[i]
	ws := strings.Fields(c.Text)
	for _, w := range ws[:max(len(ws)-1, 0)] {
		if prophetWords[arabic.MatchForm(w)] {
			return true
		}
	}
	rs := r.textRunes()
	if c.Start > len(rs) || c.End > len(rs) || c.Start > c.End {
		return false
	}
	if before := strings.Fields(string(rs[max(c.Start-40, 0):c.Start])); len(before) > 0 && prophetWords[arabic.MatchForm(stripFirst(before[len(before)-1]))] {
		return true
	}
	after := strings.Fields(string(rs[c.End:min(c.End+40, len(rs))]))
	return len(after) > 0 && prophetWords[arabic.MatchForm(after[0])]
}

// prophetWords are the words of ar_prophet_context (MatchForm).
var prophetWords = classSet("ar_prophet_context")

// surnameOwner returns the person cluster with a longer name ending with
// the one word w (endsWith) mentioned nearest before candidate i, else
// nearest after, as partialOwner chooses among persons.
func (r *resolution) surnameOwner(i int, w []string) *cluster {
	var owner *cluster
	dist := -1
	for _, c := range r.clusters {
		if len(c.cands) == 0 || c.typ() != model.Person || !endsWith(c, w) {
			continue
		}
		for _, j := range c.cands {
			d := r.cands[i].Start - r.cands[j].Start
			if d < 0 {
				d = -d + len(r.text) // after: only when none before
			}
			if dist < 0 || d < dist {
				owner, dist = c, d
			}
		}
	}
	return owner
}

// startsWith reports whether a longer name of the gazetteer person c begins
// with the two or more words w: a name cut short (محمد جواد ... ظريف).
func startsWith(c *cluster, w []string) bool {
	if len(w) < 2 || c.entry == nil {
		return false
	}
	for _, full := range c.entryAliasWords() {
		if len(full) <= len(w) {
			continue
		}
		ok := true
		for k := range w {
			if full[k] != w[k] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// shortFormOf reports whether the two or more words w are a short form of
// a longer name of c as the news writes one after the full name: the given
// and the family name without what stands between (عبدالله الربيعه of
// عبدالله بن عبدالعزيز الربيعه, خالد السعيد of خالد احمد السعيد), or the
// name with its nasab chain cut after the father (فيصل بن مشعل of فيصل بن
// مشعل بن سعود). The words of w keep their order in the longer name, and
// w neither begins nor ends with a word of the chain. Not when the longer
// name's last word is a father's or a family's (محمد عبدالعزيز is not
// محمد بن نايف بن عبدالعزيز): endsWith's rule.
func shortFormOf(c *cluster, w []string) bool {
	return c.anyName(func(full []string) bool { return shortForm(w, full) })
}

// shortForm is shortFormOf for one longer name, full.
func shortForm(w, full []string) bool {
	if len(w) < 2 || len(full) <= len(w) || full[0] != w[0] || nasabLinks[w[0]] || nasabLinks[w[len(w)-1]] {
		return false
	}
	// in order: each word of w after the first, found after the one before
	k := 1
	for j := 1; j < len(full) && k < len(w); j++ {
		if full[j] == w[k] {
			k++
		}
	}
	if k < len(w) {
		return false
	}
	if slices.ContainsFunc(w, func(x string) bool { return nasabLinks[x] }) {
		// a chain cut short: w begins the longer name
		return slices.Equal(full[:len(w)], w)
	}
	if full[len(full)-1] != w[len(w)-1] {
		return false
	}
	return !fatherOrFamily[full[len(full)-2]]
}

// fatherOrFamily are the words after which a name's last word is a
// father's or a family's name, not a surname (بن عبد العزيز, آل سعود), in
// MatchForm.
var fatherOrFamily = map[string]bool{"بن": true, "ابن": true, "بنت": true, "ال": true, "ابو": true, "ام": true}

// anyName reports whether check holds for the words of c's name or of one
// of its gazetteer aliases (in MatchForm).
func (c *cluster) anyName(check func(words []string) bool) bool {
	if check(c.words) {
		return true
	}
	for _, full := range c.entryAliasWords() {
		if check(full) {
			return true
		}
	}
	return false
}

// endsWith reports whether a longer name of c ends with w (the gazetteer
// aliases of c count too).
func endsWith(c *cluster, w []string) bool {
	check := func(full []string) bool {
		if len(full) <= len(w) {
			return false
		}
		// the name of a father or a family is not a surname: محمد بن نايف
		// بن عبد العزيز is not "عبد العزيز", سلمان ... آل سعود not "سعود"
		if fatherOrFamily[full[len(full)-len(w)-1]] {
			return false
		}
		for k := range w {
			if full[len(full)-len(w)+k] != w[k] {
				return false
			}
		}
		return true
	}
	return c.anyName(check)
}

// holdsNisba reports whether w, one word written text, is a nisba (the
// article, a stem, the ending ي as written, not ى: الصرخي, الحسني) that a
// longer name of c carries before its last word: a person named with two
// family names (محمود الصرخي الحسني) is named by either alone.
func holdsNisba(c *cluster, w []string, text string) bool {
	if len(w) != 1 || !strings.HasPrefix(w[0], "ال") || !strings.HasSuffix(strings.TrimRightFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }), "ي") || utf8.RuneCountInString(w[0]) < 5 {
		return false
	}
	check := func(full []string) bool {
		for k := 1; k < len(full)-1; k++ {
			if full[k] == w[0] {
				return true
			}
		}
		return false
	}
	return c.anyName(check)
}

func (c *cluster) typ() string {
	if c.entry != nil {
		return c.entry.Type
	}
	best, n := "", 0
	for _, t := range model.EntityTypes {
		if c.types[t] > n {
			best, n = t, c.types[t]
		}
	}
	if best == "" {
		return model.Misc
	}
	return best
}

// entities builds the output of Resolve.
func (r *resolution) entities() ([]model.Entity, []string) {
	ids := make([]string, len(r.cands))
	var out []model.Entity
	for _, c := range r.clusters {
		if len(c.cands) == 0 || r.junk(c) {
			continue
		}
		sort.SliceStable(c.cands, func(a, b int) bool { return r.cands[c.cands[a]].Start < r.cands[c.cands[b]].Start })
		hasName := false
		for _, i := range c.cands {
			if !r.cands[i].Demonym {
				hasName = true
			}
		}
		e := model.Entity{Type: c.typ(), Aliases: []string{}, Mentions: []model.Mention{}}
		aliases := map[string]bool{}
		canonAr, canonLat := "", "" // longest Arabic-script and other mention
		for _, i := range c.cands {
			cd := r.cands[i]
			if cd.Demonym && hasName {
				continue
			}
			e.Mentions = append(e.Mentions, model.Mention{Text: cd.Text, Start: cd.Start, End: cd.End, Sentence: cd.Sentence, Ref: cd.Anaphor})
			if cd.Demonym || cd.Anaphor {
				continue
			}
			d := candidateName(cd)
			if d == "" {
				continue
			}
			aliases[d] = true
			// a name the gazetteer writes with its title (الشيخ محمد بن
			// زايد) is also known without it, when two words or more remain
			if bare := name(cd.Text, nil, true); bare != d && len(strings.Fields(bare)) >= 2 && arabic.HasScript(bare) {
				aliases[bare] = true
			}
			if arabic.HasScript(d) {
				if len([]rune(d)) > len([]rune(canonAr)) {
					canonAr = d
				}
			} else if len([]rune(d)) > len([]rune(canonLat)) {
				canonLat = d
			}
		}
		if c.team != nil {
			name := c.team.Name + " national team"
			e.Type, e.ID, e.Name = model.Organization, gazetteer.KeyFor(model.Organization, name), name
		} else if city, phrases := r.branchCity(c); city != nil {
			// a body's branch in a city: its own node, known by the body's
			// name with the city's, not by the body's (which names the body)
			body := canonAr
			if c.entry != nil {
				body = c.entry.Name
			} else if body != "" {
				body = englishName(body, e.Type)
			} else {
				body = canonLat
			}
			e.Name = body + " (" + city.Name + ")"
			e.ID = gazetteer.KeyFor(e.Type, e.Name)
			aliases = map[string]bool{}
			for _, p := range phrases {
				aliases[p] = true
			}
		} else if c.entry != nil {
			e.ID, e.Name, e.Wikidata = c.entry.Key, c.entry.Name, c.entry.QID
		} else if name := nationalTeam(e.Type, canonAr); name != "" {
			e.ID, e.Name = gazetteer.KeyFor(e.Type, name), name
		} else if country := governmentOf(e.Type, canonAr, r.bodyCountry); country != nil {
			e.ID, e.Name = gazetteer.KeyFor(e.Type, "Government of "+country.Name), "Government of "+country.Name
		} else if country, body := nationalBody(e.Type, canonAr, r.bodyCountry); country != nil {
			if ne := nationalEntry(body, country); ne != nil {
				// the gazetteer knows the body by its country's adjective
				// (الدفاع المدني السعودي): one node, whichever the article writes
				e.ID, e.Name, e.Wikidata = ne.Key, ne.Name, ne.QID
			} else {
				name := englishName(body, e.Type)
				if ws := words(body); len(ws) == 1 {
					// a head alone names the body (البرلمان Parliament)
					if w, ok := translit.LookupWord(ws[0]); ok && w.Class == "noun" {
						name = w.English
					}
				}
				e.Name = name + " (" + country.Name + ")"
				e.ID = gazetteer.KeyFor(e.Type, e.Name)
			}
		} else {
			// the key follows the original (Arabic) name when there is one, the
			// display name a Latin spelling from the text when there is one
			canon := canonAr
			if canon == "" {
				canon = canonLat
			}
			e.ID = gazetteer.KeyFor(e.Type, canon)
			e.Name = canonLat
			if e.Name == "" {
				e.Name = englishName(canonAr, e.Type)
			}
		}
		if e.Name != "" {
			aliases[e.Name] = true
		}
		for a := range aliases {
			e.Aliases = append(e.Aliases, a)
		}
		sort.Strings(e.Aliases)
		for _, i := range c.cands {
			ids[i] = e.ID
		}
		out = append(out, e)
	}
	// two clusters may end with the same ID (the same name typed twice):
	// merge them
	sort.SliceStable(out, func(a, b int) bool { return out[a].ID < out[b].ID })
	merged := out[:0]
	for _, e := range out {
		if n := len(merged); n > 0 && merged[n-1].ID == e.ID {
			m := &merged[n-1]
			m.Mentions = append(m.Mentions, e.Mentions...)
			sort.SliceStable(m.Mentions, func(a, b int) bool { return m.Mentions[a].Start < m.Mentions[b].Start })
			m.Aliases = uniqueSorted(append(m.Aliases, e.Aliases...))
			continue
		}
		merged = append(merged, e)
	}
	return merged, ids
}

// junk reports whether a cluster outside the gazetteer holds only mentions
// that are not names (see junkName).
func (r *resolution) junk(c *cluster) bool {
	if c.entry != nil || c.team != nil {
		return false
	}
	if r.givenNameAlone(c) {
		return true
	}
	for _, i := range c.cands {
		if !junkName(displayName(r.cands[i].Text, nil)) {
			return false
		}
	}
	return true
}

// governmentOf returns the country whose government an organisation's name
// (the words of name in MatchForm) is: حكومة and the country (حكومة اليمن),
// الحكومة and the country's adjective (الحكومة اليمنية) or حكومة and the
// country's president (حكومة الرئيس اليمني, ar_government_of_president),
// with or without an adjective that leaves it the same body
// (ar_government_modifier: الحكومة الشرعية اليمنية). All are one node, "Government of Yemen",
// whichever the article writes. The government with such adjectives only
// (الحكومة المركزية، الحكومة الشرعية) is that of the country the article is
// about (focus), nil when it has none. Nil for any other name.
func governmentOf(typ, name string, focus func() *gazetteer.Entry) *gazetteer.Entry {
	if typ != model.Organization {
		return nil
	}
	ws := words(name)
	if len(ws) < 2 || len(ws) > 6 {
		return nil
	}
	head, rest := ws[0], []string{}
	for _, w := range ws[1:] {
		if !governmentModifiers[w] {
			rest = append(rest, w)
		}
	}
	if len(rest) == 0 {
		if strings.HasPrefix(head, "ال") && governmentHeads[strings.TrimPrefix(head, "ال")] {
			return focus()
		}
		return nil
	}
	g, err := gazetteer.Default()
	if err != nil {
		return nil
	}
	switch {
	case governmentHeads[head] && len(rest) == 2 && presidentWords[rest[0]]: // حكومة الرئيس اليمني
		if e := g.Demonym(rest[1]); e != nil && e.Role == gazetteer.RoleCountry {
			return e
		}
	case governmentHeads[head]: // حكومة المملكة العربية السعودية
		for _, e := range g.Lookup(strings.Join(rest, " ")) {
			if e.Role == gazetteer.RoleCountry {
				return e
			}
		}
	case len(rest) == 1 && governmentHeads[strings.TrimPrefix(head, "ال")] && strings.HasPrefix(head, "ال"):
		if e := g.Demonym(rest[0]); e != nil && e.Role == gazetteer.RoleCountry {
			return e
		}
	}
	return nil
}

// nationalTeam returns the English name of the national team an
// organisation's name (Arabic) is, "" for any other name: a team head
// (translit's mark "team": منتخب) and the country, by its name (منتخب
// جامايكا) or, with the article, its adjective (المنتخب السعودي), maybe
// with the sport after ل (لكرة القدم): "Jamaica national team", "Saudi
// Arabia national football team". The country's name and its adjective
// make one node; with the sport and without, two ("Belgium national
// team", "Belgium national football team": منتخب alone may be any
// sport's). A name with more words (the age group, المنتخب الأولمبي) is
// named as other organisations are.
func nationalTeam(typ, name string) string {
	if typ != model.Organization {
		return ""
	}
	fs := strings.Fields(name)
	ws := words(name)
	if len(ws) < 2 || len(ws) != len(fs) || len(ws) > 5 {
		return ""
	}
	head, definite := strings.CutPrefix(ws[0], "ال")
	if hw, ok := translit.LookupWord(head); !ok || !hw.Team {
		return ""
	}
	g, err := gazetteer.Default()
	if err != nil {
		return ""
	}
	// the sport: ل and a sport of the table after the country
	sport := ""
	country := func(ws []string) *gazetteer.Entry {
		if definite {
			if len(ws) == 1 {
				if e := g.Demonym(ws[0]); e != nil && e.Role == gazetteer.RoleCountry {
					return e
				}
			}
			return nil
		}
		for _, e := range g.Lookup(strings.Join(ws, " ")) {
			if e.Role == gazetteer.RoleCountry {
				return e
			}
		}
		return nil
	}
	rest := ws[1:]
	for k := 1; k < len(rest); k++ {
		var first string
		if r, ok := strings.CutPrefix(rest[k], "لل"); ok {
			first = "ال" + r // للكرة الطائرة: ل and الكرة
		} else if r, ok := strings.CutPrefix(rest[k], "ل"); ok {
			first = r
		} else {
			continue
		}
		compl := strings.Join(append([]string{first}, rest[k+1:]...), " ")
		w, ok := translit.LookupWord(compl)
		if !ok || !sports[compl] {
			continue // a word of the country's name (سانت لوسيا)
		}
		sport, rest = strings.ToLower(w.English)+" ", rest[:k]
		break
	}
	c := country(rest)
	if c == nil {
		return ""
	}
	return c.Name + " national " + sport + "team"
}

// sports are the sports a national team's name may give after ل (lexicon
// ar_team_sport), in MatchForm, the words joined by spaces.
var sports = func() map[string]bool {
	m := map[string]bool{}
	for _, s := range lex.Class("ar_team_sport") {
		m[arabic.MatchForm(strings.ReplaceAll(s, "_", " "))] = true
	}
	return m
}()

// nationalBody returns the state whose central body an organisation named
// name is, and the body's name without the state's adjective: the bodies
// every state has one of, named alike in all (lexicon ar_state_body:
// مجلس النواب, البرلمان; and any ministry, ar_state_body_head: وزارة
// الصحة). With a country's adjective after it (وزارة الداخلية العراقية) the
// body is that country's; alone, the body of the article's country, focus()
// (nil when the article has none). Each is one node a state, "Ministry of
// Interior (Iraq)", however the article writes it; a bare "Ministry of
// Interior" would join every state's. Nil for any other name.
func nationalBody(typ, name string, focus func() *gazetteer.Entry) (*gazetteer.Entry, string) {
	if typ != model.Organization {
		return nil, ""
	}
	fs := strings.Fields(name)
	ws := words(name)
	if len(ws) == 0 || len(ws) != len(fs) || len(ws) > 6 {
		return nil, ""
	}
	if len(ws) >= 2 && ministryShort[ws[0]] {
		// a ministry called by what it is of (الخارجية المصرية): وزارة
		// الخارجية المصرية
		fs = append([]string{stateBodyHead}, fs...)
		ws = append([]string{arabic.MatchForm(stateBodyHead)}, ws...)
	}
	body := func(ws []string) bool {
		return len(ws) >= 2 && stateHeads[ws[0]] || stateBodies[strings.Join(ws, "_")]
	}
	if len(ws) >= 2 && body(ws[:len(ws)-1]) {
		g, err := gazetteer.Default()
		if err != nil {
			return nil, ""
		}
		if e := g.Demonym(ws[len(ws)-1]); e != nil && e.Role == gazetteer.RoleCountry {
			return e, strings.Join(fs[:len(fs)-1], " ")
		}
	}
	// the adjective between the head and a complement with ل (الاتحاد
	// السعودي لكرة القدم is اتحاد كرة القدم السعودي)
	if len(ws) >= 3 && strings.HasPrefix(ws[0], "ال") && strings.HasPrefix(ws[2], "ل") {
		construct := append([]string{strings.TrimPrefix(ws[0], "ال"), strings.TrimPrefix(strings.TrimPrefix(ws[2], "ل"), "ل")}, ws[3:]...)
		if stateBodies[strings.Join(construct, "_")] {
			g, err := gazetteer.Default()
			if err != nil {
				return nil, ""
			}
			if e := g.Demonym(ws[1]); e != nil && e.Role == gazetteer.RoleCountry {
				return e, strings.Join(construct, " ")
			}
		}
	}
	if !body(ws) {
		return nil, ""
	}
	if c := focus(); c != nil {
		return c, name
	}
	return nil, ""
}

// nationalEntry returns the gazetteer's organisation of country that has
// body (a state body's name, nationalBody's) with one of the country's
// adjectives after it as a name (الدفاع المدني السعودي is Saudi Civil
// Defense), nil when it has none (the national forms of ministries and
// armies are link's own: the gazetteer leaves them out).
func nationalEntry(body string, country *gazetteer.Entry) *gazetteer.Entry {
	g, err := gazetteer.Default()
	if err != nil {
		return nil
	}
	b := strings.Join(words(body), " ")
	bodies := stateBodySynonyms()[b]
	if len(bodies) == 0 {
		bodies = []string{b}
	}
	for _, b := range bodies {
		for _, d := range country.Demonyms {
			for _, e := range g.Lookup(b + " " + arabic.MatchForm(d)) {
				if e.Type == model.Organization && e.Country == country.Key {
					return e
				}
			}
		}
	}
	return nil
}

// stateBodySynonyms maps each state body of lexicon ar_state_body (its
// words in MatchForm, joined by spaces) to all those that link names alike
// (اتحاد الكرة, اتحاد القدم and اتحاد كرة القدم are each a country's
// Football Federation), in the lexicon's order: nationalEntry tries them
// all, so that every form of one body finds the same entry.
var stateBodySynonyms = sync.OnceValue(func() map[string][]string {
	byName := map[string][]string{}
	var order []string
	for _, ph := range lex.Phrases("ar_state_body") {
		b := strings.Join(words(strings.Join(ph, " ")), " ")
		n := englishName(strings.Join(ph, " "), model.Organization)
		if _, ok := byName[n]; !ok {
			order = append(order, n)
		}
		byName[n] = append(byName[n], b)
	}
	out := map[string][]string{}
	for _, n := range order {
		for _, b := range byName[n] {
			out[b] = byName[n]
		}
	}
	return out
})

// focusCountry returns the country the article is about: the one its
// mentions name most, by its name or adjective, a place in it or a person
// of it the gazetteer knows, at least twice and twice as often as any
// other; nil when none is. It is computed once.
func (r *resolution) focusCountry() *gazetteer.Entry {
	if r.focusDone {
		return r.focus
	}
	r.focusDone = true
	g, err := gazetteer.Default()
	if err != nil {
		return nil
	}
	n := map[string]int{}
	for _, c := range r.cands {
		e := c.Entry
		switch {
		case e == nil || c.Anaphor:
		case e.Role == gazetteer.RoleCountry:
			n[e.Key]++
		case e.Country != "" && (e.Type == model.Location || e.Type == model.Person):
			n[e.Country]++
		}
	}
	best, next := "", 0
	for _, k := range slices.Sorted(maps.Keys(n)) {
		switch {
		case best == "" || n[k] > n[best]:
			if best != "" {
				next = max(next, n[best])
			}
			best = k
		default:
			next = max(next, n[k])
		}
	}
	if best == "" || n[best] < 2 || n[best] < 2*next {
		return nil
	}
	if e := g.ByKey(best); e != nil && e.Role == gazetteer.RoleCountry {
		r.focus = e
	}
	return r.focus
}

// bodyCountry returns the country whose state bodies the article names
// without saying whose: the focus country (focusCountry), else the
// corpus's home country when the article names no country or names it
// among others; nil otherwise.
func (r *resolution) bodyCountry() *gazetteer.Entry {
	if f := r.focusCountry(); f != nil || r.home == nil {
		return f
	}
	any := false
	for _, c := range r.cands {
		if e := c.Entry; e != nil && e.Role == gazetteer.RoleCountry {
			if e.Key == r.home.Key {
				return r.home
			}
			any = true
		}
	}
	if any {
		return nil // other countries only: whose is not known
	}
	return r.home
}

// branchCity returns the city whose branch the organisation c is, and the
// phrases that name it (the body's mention and the city's): a body with
// branches (lexicon ar_branch_head, the first word of its name, or
// ar_branch_body, the whole name) that the article writes with a city
// after it (ب or في and the city: جمعية الثقافة والفنون بالأحساء، هيئة
// التحقيق والادعاء العام في جدة) is the city's branch, which has its own
// director and address. Nil when no mention has a city after it, when two
// have different cities, when the place is a country (the body of a
// country is nationalBody's), or when the gazetteer knows the body as
// another country's or with a QID and no country (الجمعية العامة للأمم
// المتحدة في نيويورك is the UN General Assembly; the Red Crescent, of no
// country, has branches).
func (r *resolution) branchCity(c *cluster) (*gazetteer.Entry, []string) {
	if c.typ() != model.Organization || len(c.words) == 0 {
		return nil, nil
	}
	if !branchHeads[c.words[0]] && !branchBodies[strings.Join(c.words, "_")] {
		return nil, nil
	}
	var city *gazetteer.Entry
	var phrases []string
	for _, i := range c.cands {
		cd := r.cands[i]
		if cd.Anaphor || cd.Demonym {
			continue
		}
		for j, p := range r.cands {
			if j == i || p.Entry == nil || p.Demonym || p.Entry.Type != model.Location || p.Entry.Role == gazetteer.RoleCountry || p.Start <= cd.End || p.Start > cd.End+4 {
				continue
			}
			between := strings.TrimSpace(r.slice(cd.End, p.Start))
			if between != "ب" && between != "بـ" && between != "في" {
				continue
			}
			if city != nil && city != p.Entry {
				return nil, nil
			}
			if e := c.entry; e != nil && e.Country != p.Entry.Country && (e.Country != "" || e.QID != "") {
				return nil, nil // an international body (the UN General Assembly in New York)
			}
			city = p.Entry
			phrases = append(phrases, candidateName(cd)+r.slice(cd.End, p.End))
		}
	}
	return city, phrases
}

// textRunes returns the article's text as code points, made on first use.
func (r *resolution) textRunes() []rune {
	if r.runes == nil {
		r.runes = []rune(r.text)
	}
	return r.runes
}

// slice returns the article's text from code point a to b.
func (r *resolution) slice(a, b int) string {
	rs := r.textRunes()
	if a < 0 || b > len(rs) || a > b {
		return ""
	}
	return string(rs[a:b])
}

var (
	branchHeads  = classSet("ar_branch_head")
	branchBodies = classSet("ar_branch_body")
)

var (
	stateHeads  = classSet("ar_state_body_head")
	stateBodies = classSet("ar_state_body")
	// ministryShort are the ministries news calls by what they are of
	// alone (ar_ministry_short: الخارجية), stateBodyHead the noun that
	// names them in full (the first of ar_state_body_head: وزارة)
	ministryShort = classSet("ar_ministry_short")
	stateBodyHead = lex.Class("ar_state_body_head")[0]
)

var (
	presidentWords      = classSet("ar_government_of_president")
	governmentHeads     = classSet("ar_government_head")
	governmentModifiers = classSet("ar_government_modifier")
)

// givenNameAlone reports whether c is a person the article names only by a
// given name, one word without the article in every mention, no title
// with it, and no longer name of the article begins with it (givenOwner
// joins it to one named before; one named after may be meant too):
// محمد، ديفيد، فايز alone identify no one, and a node of them would join
// every bearer of the name across the corpus. The name lists must know
// the word as a given name (givenAloneCount people) three times as often
// as a family name: a family name alone (زهران، فياض) is a person's usual
// short name.
func (r *resolution) givenNameAlone(c *cluster) bool {
	if c.typ() != model.Person || len(c.words) != 1 || strings.HasPrefix(c.words[0], "ال") || !arabic.HasScript(c.words[0]) {
		return false
	}
	for _, i := range c.cands {
		if k := r.cands[i]; k.Anaphor || k.Title || len(strings.Fields(k.Text)) != 1 {
			return false
		}
	}
	for _, o := range r.clusters {
		if o != c && len(o.cands) > 0 && o.typ() == model.Person && beginsWith(o, c.words[0]) {
			return false // a bearer named in full after it (صدام ... صدام حسين)
		}
	}
	ws, err := wordstats.Default()
	if err != nil {
		return false
	}
	n := ws.Name(c.words[0])
	return n.Given >= givenAloneCount && n.Given >= 3*n.Family
}

// givenAloneCount is the number of people the name lists must give a word
// to as a given name for givenNameAlone.
const givenAloneCount = 5

func uniqueSorted(xs []string) []string {
	slices.Sort(xs)
	return slices.Compact(xs)
}
