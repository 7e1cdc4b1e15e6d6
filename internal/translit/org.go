package translit

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/text/arabic"
	"github.com/kg-project/kg/internal/translit/data"
)

// Lexicon gives the English of the proper names and nationality adjectives
// inside the name of an organisation or place, from a gazetteer: Name of
// الرياض is Riyadh in بنك الرياض, Demonym of الاسكتلندي Scottish. Both
// take arabic.MatchForm and return false for what they do not know. A nil
// Lexicon leaves names to Romanize and knows the adjectives of
// data/orgwords.tsv only.
type Lexicon interface {
	Name(m string) (english string, ok bool)
	Demonym(m string) (english string, ok bool)
}

// Name returns the English name of an entity of type typ (a model type)
// named s in Arabic: organisations made of common words translated word by
// word in English order (بنك الألماس Diamond Bank, وزارة الخارجية السعودية
// Saudi Ministry of Foreign Affairs, جامعة الملك سعود King Saud
// University), places the same way when they start with a common noun
// (منطقة الرياض Riyadh Region), and the names inside them and every other
// name romanised (Romanize). The words and their English are
// data/orgwords.tsv. A name that spells a Latin acronym letter by letter is
// the acronym, whatever its type (Acronym: إف بي آي FBI).
func Name(s, typ string, lex Lexicon) string {
	if a, ok := Acronym(s); ok {
		return a
	}
	switch typ {
	case model.Organization:
		if t, ok := translate(s, typ, lex); ok {
			return withoutRepeats(t)
		}
		return capitalise(romanizeOrg(s, lex))
	case model.Location:
		if t, ok := translate(s, typ, lex); ok {
			return withoutRepeats(t)
		}
		if ws := strings.Fields(s); len(ws) > 1 {
			// a loanword for the place after its name, in English order
			// (دارين مول Dareen Mall), or an English word of a street's
			// name (أكسفورد ستريت Oxford Street, ترافلغار سكوير Trafalgar Square)
			last, en := arabic.MatchForm(ws[len(ws)-1]), ""
			if w, ok := orgWords().lookup(last); ok && w.class == "noun" && w.head == "place" {
				en = w.en
			} else if e := englishWords.words[last]; streetWords[e] {
				en = e
			}
			if en != "" {
				return capitalise(RomanizePlace(strings.Join(ws[:len(ws)-1], " "))) + " " + en
			}
		}
		return capitalise(RomanizePlace(s))
	}
	return Romanize(s)
}

// streetWords are the English words of data/english.tsv that end the name
// of a street or a square.
var streetWords = map[string]bool{"Street": true, "Square": true, "Avenue": true}

// withoutRepeats drops a word of a translation that repeats the one
// before: a noun and its adjective may both write a word (الشؤون الخارجية
// Affairs, Foreign Affairs: Foreign Affairs Committee; المنتخب الوطني
// National Team, National: National Team).
func withoutRepeats(t string) string {
	ws := strings.Fields(t)
	out := ws[:0]
	for i, w := range ws {
		if i > 0 && strings.EqualFold(w, ws[i-1]) {
			continue
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

// romanizeOrg romanises the name of an organisation no table word heads
// (RomanizeOrg), with the places lex knows among its words in their
// English (نيويورك تايمز New York Times): a place only inside a longer
// name, and without the article (النصر is a club, not a town).
func romanizeOrg(s string, lex Lexicon) string {
	words := strings.Fields(s)
	if lex == nil || len(words) < 2 {
		return RomanizeOrg(s)
	}
	var out []string
	start := 0 // of the words not yet written
	for i := 0; i < len(words); {
		if _, n := englishRun(words[i:]); n > 0 {
			i += n // an English word before a place (ديلي is Daily, not Dili)
			continue
		}
		n, en := 0, ""
		for k := min(3, len(words)-i); k >= 1; k-- {
			if k == len(words) {
				continue // the whole name
			}
			m := arabic.MatchForm(strings.Join(words[i:i+k], " "))
			if strings.HasPrefix(m, "ال") {
				continue
			}
			if e, ok := lex.Name(m); ok {
				// a city's English is "New York City", its Arabic نيويورك
				n, en = k, strings.TrimSuffix(e, " City")
				break
			}
		}
		if n == 0 {
			i++
			continue
		}
		if start < i {
			out = append(out, RomanizeOrg(strings.Join(words[start:i], " ")))
		}
		out = append(out, en)
		i += n
		start = i
	}
	if start < len(words) {
		out = append(out, RomanizeOrg(strings.Join(words[start:], " ")))
	}
	return strings.Join(out, " ")
}

// orgWord is an entry of data/orgwords.tsv.
type orgWord struct {
	en    string
	class string // noun, adj, title, prep, conj
	opt   string // of a noun: pre, of, first or name
	rank  int    // of an adjective: 1-4
	head  string // a noun's "org", "public", "state", "forces", "team", "place", "facility", "street", "institution", "product", "work", "thing" or "ref", an adjective's "name" or "forces"
	and   bool   // of an adjective of a name being built: joined by و to the one before (السياسية والأمنية)
}

type orgTable struct {
	words    map[string]orgWord // MatchForm of the Arabic, with or without the article as written
	maxWords int
}

// orgWords returns the table of data/orgwords.tsv, read on first use; it
// is empty if the file is malformed (TestDataFiles checks that it is not).
var orgWords = sync.OnceValue(func() *orgTable {
	t, err := parseOrgWords(data.OrgWords)
	if err != nil {
		return &orgTable{words: map[string]orgWord{}}
	}
	return t
})

func parseOrgWords(text string) (*orgTable, error) {
	t := &orgTable{words: map[string]orgWord{}}
	for n, line := range strings.Split(text, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		f := strings.Split(strings.TrimRight(line, " \t"), "\t")
		bad := func(why string) error { return fmt.Errorf("line %d: %s: %q", n+1, why, line) }
		if len(f) < 3 || len(f) > 5 {
			return nil, bad("want Arabic, English, class, an option and a head mark, separated by tabs")
		}
		ar, w := arabic.MatchForm(f[0]), orgWord{en: strings.TrimSpace(f[1]), class: f[2]}
		if len(f) >= 4 {
			w.opt = f[3]
		}
		if len(f) == 5 {
			w.head = f[4]
			if f[2] == "noun" && w.head != "org" && w.head != "state" && w.head != "forces" && w.head != "place" && w.head != "facility" && w.head != "street" && w.head != "product" && w.head != "work" && w.head != "public" && w.head != "institution" && w.head != "thing" && w.head != "team" && w.head != "ref" || f[2] == "adj" && w.head != "name" && w.head != "forces" || f[2] != "noun" && f[2] != "adj" {
				return nil, bad(`a noun's mark is "org", "public", "state", "forces", "team", "place", "facility", "street", "institution", "product", "work", "thing" or "ref", an adjective's "name" or "forces"`)
			}
		}
		if ar == "" || !arabic.HasScript(ar) || w.en == "" || arabic.HasScript(w.en) {
			return nil, bad("want Arabic then English")
		}
		switch w.class {
		case "noun":
			if w.opt == "" {
				w.opt = "pre"
			}
			if !slices.Contains([]string{"pre", "of", "first", "name"}, w.opt) {
				return nil, bad("a noun's option is pre, of, first or name")
			}
		case "adj":
			if len(w.opt) != 1 || w.opt[0] < '1' || w.opt[0] > '4' {
				return nil, bad("an adjective's option is its rank, 1 to 4")
			}
			w.rank = int(w.opt[0] - '0')
		case "title", "prep", "conj":
			if w.opt != "" {
				return nil, bad("no option for class " + w.class)
			}
		default:
			return nil, bad("unknown class")
		}
		if _, dup := t.words[ar]; dup {
			return nil, bad("listed twice")
		}
		t.words[ar] = w
		t.maxWords = max(t.maxWords, len(strings.Fields(ar)))
	}
	return t, nil
}

// lookup finds the word or words m (MatchForm), with or without the
// article, an adjective also in its feminine and plural forms.
func (t *orgTable) lookup(m string) (orgWord, bool) {
	forms := []string{m}
	if strings.HasPrefix(m, "ال") && len([]rune(m)) > 3 {
		forms = append(forms, m[len("ال"):])
	}
	for _, f := range forms {
		if w, ok := t.words[f]; ok {
			return w, true
		}
	}
	if strings.Contains(m, " ") {
		return orgWord{}, false
	}
	for _, f := range forms {
		for _, suf := range []string{"ه", "ين", "ون", "ات"} {
			if stem, ok := strings.CutSuffix(f, suf); ok && len([]rune(stem)) >= 2 {
				if w, ok := t.words[stem]; ok && w.class == "adj" {
					return w, true
				}
			}
		}
	}
	return orgWord{}, false
}

// WordInfo is what data/orgwords.tsv says of a word of an organisation's
// or place's name.
type WordInfo struct {
	English string
	Class   string // noun, adj, title, prep or conj
	// OrgHead marks a noun that heads the names of organisations of its
	// kind (وزارة, بنك, الجيش): one body once a specifier follows it.
	OrgHead bool
	// Public marks an organisation head whose bodies belong to the state a
	// nationality names (وزارة الدفاع العراقية, السفارة السعودية, الجيش
	// اللبناني): heads marked "public", "state" or "forces".
	Public bool
	// State marks an organisation head that a nationality alone makes the
	// name of one body, the country's (الجيش اللبناني, الحكومة العراقية),
	// unlike the others (النادي الكويتي "the Kuwaiti club" is one of many).
	State bool
	// Forces marks an organisation head that a nationality alone does not
	// make a name: القوات الروسية are Russia's forces, القوات الجوية
	// المصرية the Egyptian Air Force.
	Forces bool
	// Team marks the head of a state's national team (mark "team": منتخب):
	// a nationality or a country's name alone after it makes the name of
	// one team, the country's (المنتخب السعودي, منتخب جامايكا), and the
	// country named inside is the team's, no mention of the country. It is
	// an OrgHead, not Public: the team is no body of the state.
	Team bool
	// PlaceHead marks a noun that names a kind of place or building
	// (مدينة, مطار, الشرق الأوسط).
	PlaceHead bool
	// Facility marks a place head that names one building or site by the
	// name after it (مطار بغداد الدولي Baghdad International Airport,
	// قاعدة العند, سجن الحائر), a place of its own, not the place it is
	// named after (mark "facility"; it is a PlaceHead too).
	Facility bool
	// Thing marks a phrase that names a thing or an activity and no body,
	// though its first word heads organisations' names (mark "thing":
	// شبكة الإنترنت "the internet", حركة المرور "traffic"): a tagger's
	// organisation of these words alone is none.
	Thing bool
	// Street marks a noun that names a street or square after a person
	// (شارع جواد حسني Gawad Hosni Street; mark "street"; it is a PlaceHead
	// too).
	Street bool
	// Institution marks a noun that names an institution by a titled
	// person's name after it (مستشفى الملك فهد King Fahd Hospital; mark
	// "institution").
	Institution bool
	// ProductHead marks a noun that names a kind of product, vehicle or
	// weapon (سيارة, مروحيات, هاتف): a name right after it is a model's
	// or a brand's.
	ProductHead bool
	// RefHead marks a noun that heads no name kg makes of a phrase (mark
	// "ref": مقاومة "resistance"; المجلس الوطني للمقاومة الإيرانية is one
	// name, not a council and a resistance) but that, alone with the
	// article, refers back to the one body the article has named with it
	// (المقاومة الشعبية ... المقاومة), as an OrgHead does (package extract,
	// backRefs).
	RefHead bool
	// WorkHead marks a noun that names a kind of work (فيلم, رواية,
	// مسلسل, أغنية): a name right after it is the work's title, no
	// person, place or organisation.
	WorkHead bool
	// Of marks a noun that takes the noun after it with "of" (وزارة
	// الصحة Ministry of Health, ولاية ترامب "Trump's term"): what follows
	// is what it deals with or whose it is, not its name.
	Of bool
	// Branch marks an adjective that names a branch of the armed forces
	// (جوي Air, مسلح Armed).
	Branch bool
	// TakesName marks a noun always followed by a name (نادي الاتحاد,
	// صحيفة عكاظ).
	TakesName bool
	// Naming marks an adjective that makes a definite head the name of one
	// body (الحزب الشيوعي, البنك المركزي).
	Naming bool
	// Rank of an adjective in the English order (1-4); 3 is a nationality
	// or region (Saudi, Gulf).
	Rank int
}

// LookupWord finds the word or words m (arabic.MatchForm, with or without
// the article; an adjective in its feminine and plural forms too) in
// data/orgwords.tsv.
func LookupWord(m string) (WordInfo, bool) {
	w, ok := orgWords().lookup(m)
	if !ok {
		return WordInfo{}, false
	}
	return WordInfo{English: w.en, Class: w.class, OrgHead: w.class == "noun" && (w.head == "org" || w.head == "public" || w.head == "state" || w.head == "forces" || w.head == "team"), Public: w.class == "noun" && (w.head == "public" || w.head == "state" || w.head == "forces"), State: w.class == "noun" && w.head == "state", Forces: w.class == "noun" && w.head == "forces", Team: w.class == "noun" && w.head == "team", Branch: w.class == "adj" && w.head == "forces", PlaceHead: w.head == "place" || w.head == "facility" || w.head == "street", Facility: w.class == "noun" && w.head == "facility", Street: w.class == "noun" && w.head == "street", Institution: w.class == "noun" && w.head == "institution", ProductHead: w.head == "product", WorkHead: w.class == "noun" && w.head == "work", RefHead: w.class == "noun" && w.head == "ref", Thing: w.class == "noun" && w.head == "thing", Of: w.class == "noun" && w.opt == "of", Naming: w.class == "adj" && w.head == "name", TakesName: w.class == "noun" && w.opt == "name", Rank: w.rank}, true
}

// clitic is one reading of a word's prefixes: و "and", ل "for".
type clitic struct {
	rest string
	conj bool
	prep string
}

// readings returns the ways to read m: as it is, then without و, ل or both
// (لل is ل and the article).
func readings(m string, t *orgTable) []clitic {
	out := []clitic{{rest: m}}
	rest, conj := m, false
	if r, ok := strings.CutPrefix(m, "و"); ok && len([]rune(r)) >= 2 {
		out = append(out, clitic{rest: r, conj: true})
		rest, conj = r, true
	}
	if r, ok := strings.CutPrefix(rest, "ل"); ok && len([]rune(r)) >= 2 {
		if strings.HasPrefix(r, "ل") {
			r = "ا" + r // لل: the article after ل
		}
		out = append(out, clitic{rest: r, conj: conj, prep: t.words["ل"].en})
	}
	return out
}

// item is one unit of a name: a known word or group of words, or a name.
type item struct {
	w      orgWord // class "name" for names
	prep   string  // a preposition before it ("for")
	conj   bool    // و before it
	name   []string
	forced bool     // a name because the noun before it takes only names
	words  []string // the words of a known word or group, as written
}

// nameLinks are the words of a person's name that the next word
// completes, whatever it means alone: عبد السلام عارف is a name, not
// "Salam" ("peace"); أبو نواس, بن الوليد (arabic.MatchForm).
var nameLinks = map[string]bool{"عبد": true, "ابو": true, "ابي": true, "بن": true, "ابن": true, "بنت": true}

// items cuts the words of s into known words and names.
func items(s string, t *orgTable, lex Lexicon) []item {
	ws := strings.Fields(arabic.Normalize(s))
	ms := make([]string, len(ws))
	for i, w := range ws {
		ms[i] = matchWord(w)
	}
	var out []item
	pendingConj, pendingPrep := false, ""
	forceName := false
	joinName := false // the word before was عبد, أبو or بن: this one is its name's
	for i := 0; i < len(ms); {
		if ms[i] == "" {
			i++
			continue
		}
		if joinName {
			out[len(out)-1].name = append(out[len(out)-1].name, ws[i])
			joinName = nameLinks[ms[i]]
			i++
			continue
		}
		if w, ok := t.words[ms[i]]; ok && (w.class == "conj" || w.class == "prep") && !forceName {
			if w.class == "conj" {
				pendingConj = true
			} else {
				pendingPrep = w.en
			}
			i++
			continue
		}
		found := false
		// a name of several words the gazetteer knows (حكومة المملكة
		// العربية السعودية: Saudi Arabia, not Kingdom Arab Saudi)
		if lex != nil && pendingPrep == "" {
		names:
			for k := min(4, len(ms)-i); k >= 2; k-- {
				if _, ok := lex.Name(strings.Join(ms[i:i+k], " ")); ok {
					out = append(out, item{w: orgWord{class: "name"}, conj: pendingConj, name: ws[i : i+k]})
					i += k
					found = true
					break names
				}
			}
			if found {
				pendingConj, forceName = false, false
				continue
			}
		}
		// after a noun that takes a name (استاد), the name may begin with
		// a title (استاد الأمير فيصل بن فهد Prince Faisal bin Fahd Stadium)
		titleOnly := forceName && len(out) > 0 && out[len(out)-1].w.class == "noun" && out[len(out)-1].w.opt == "name"
		if !forceName || titleOnly {
		search:
			for _, r := range readings(ms[i], t) {
				for k := min(t.maxWords, len(ms)-i); k >= 1; k-- {
					key := strings.Join(append([]string{r.rest}, ms[i+1:i+k]...), " ")
					w, ok := t.lookup(key)
					if !ok || w.class == "conj" || w.class == "prep" || titleOnly && w.class != "title" {
						continue
					}
					it := item{w: w, conj: r.conj || pendingConj, prep: r.prep, words: ws[i : i+k]}
					if it.prep == "" {
						it.prep = pendingPrep
					}
					out = append(out, it)
					i += k
					found = true
					forceName = w.class == "title" || w.class == "noun" && w.opt == "name"
					break search
				}
			}
		}
		if !found && !forceName && lex != nil {
			for _, r := range readings(ms[i], t) {
				if en, ok := lex.Demonym(r.rest); ok {
					out = append(out, item{w: orgWord{en: en, class: "adj", rank: 3}, conj: r.conj || pendingConj})
					i++
					found = true
					break
				}
			}
		}
		if found {
			pendingConj, pendingPrep = false, ""
			continue
		}
		// a name: joins the name or title just before it
		if n := len(out); n > 0 && !pendingConj && pendingPrep == "" && (out[n-1].w.class == "name" && !forceName || out[n-1].w.class == "title") {
			if out[n-1].w.class == "title" {
				out[n-1] = item{w: orgWord{class: "name", en: out[n-1].w.en}, conj: out[n-1].conj, prep: out[n-1].prep}
			}
			out[n-1].name = append(out[n-1].name, ws[i])
		} else {
			out = append(out, item{w: orgWord{class: "name"}, conj: pendingConj, prep: pendingPrep, name: []string{ws[i]}, forced: forceName})
		}
		pendingConj, pendingPrep, forceName = false, "", false
		joinName = nameLinks[ms[i]] && i+1 < len(ms)
		i++
	}
	// a title with no name after it is a name itself (امام "in front of",
	// not the title Imam)
	if n := len(out); n > 0 && out[n-1].w.class == "title" {
		out[n-1] = item{w: orgWord{class: "name"}, conj: out[n-1].conj, prep: out[n-1].prep, name: out[n-1].words}
	}
	return out
}

// glossWords returns the table of data/glossary.tsv, read on first use;
// it is empty if the file is malformed (TestDataFiles checks that it is
// not).
var glossWords = sync.OnceValue(func() *orgTable {
	t, err := parseGlossary(data.Glossary, orgWords())
	if err != nil {
		return &orgTable{words: map[string]orgWord{}}
	}
	return t
})

// parseGlossary reads data/glossary.tsv: orgwords.tsv's format, nouns and
// adjectives only, no head marks, and no word orgwords.tsv (ow) has.
func parseGlossary(text string, ow *orgTable) (*orgTable, error) {
	t, err := parseOrgWords(text)
	if err != nil {
		return nil, err
	}
	for _, ar := range slices.Sorted(maps.Keys(t.words)) {
		w := t.words[ar]
		switch {
		case w.class == "noun" && w.opt != "pre" && w.opt != "of":
			return nil, fmt.Errorf("%s: option %s: a glossary noun's option is of or none", ar, w.opt)
		case w.class != "noun" && w.class != "adj":
			return nil, fmt.Errorf("%s: class %s: the glossary holds nouns and adjectives", ar, w.class)
		case w.head != "":
			return nil, fmt.Errorf("%s: mark %s: heads belong in orgwords.tsv", ar, w.head)
		case strings.Contains(ar, " "):
			return nil, fmt.Errorf("%s: one word a line", ar)
		}
		if _, ok := ow.words[ar]; ok {
			return nil, fmt.Errorf("%s: in orgwords.tsv already", ar)
		}
	}
	return t, nil
}

// glossed reads the names among its (items of an organisation's name
// being translated, its[0] an organisation head of orgwords.tsv) that are
// made of common words only, each in the glossary (g), as those words
// (تحالف المصنعين الأميركيين American Manufacturers Coalition, not
// "American al-Mosanain Coalition"): inside a body's name a word
// orgwords.tsv lacks is a common word more often than a proper name. A
// name stays a name when one of its words is not in the glossary (هشام
// مبارك: a person's name, though مبارك is "blessed"; سعيد بن محمد), when
// it follows a noun that takes only names (forced) or a title (its
// English is the title's), or when it is a name lex knows.
func glossed(its []item, g *orgTable, lex Lexicon) []item {
	if len(g.words) == 0 || len(its) == 0 || !glossHeads[its[0].w.head] || its[0].w.class != "noun" {
		return its
	}
	var out []item
	for _, it := range its {
		if it.w.class != "name" || it.forced || it.w.en != "" || len(it.name) == 0 {
			out = append(out, it)
			continue
		}
		if lex != nil {
			if _, ok := lex.Name(arabic.MatchForm(strings.Join(it.name, " "))); ok {
				out = append(out, it)
				continue
			}
		}
		gl := make([]item, 0, len(it.name))
		for j, w := range it.name {
			gi, ok := glossItem(w, g, j == 0)
			if !ok {
				gl = nil
				break
			}
			if j == 0 {
				gi.conj = gi.conj || it.conj
				if gi.prep == "" {
					gi.prep = it.prep
				}
			}
			gl = append(gl, gi)
		}
		if gl == nil {
			out = append(out, it)
			continue
		}
		out = append(out, gl...)
	}
	return out
}

// glossHeads are the head marks of orgwords.tsv's nouns that begin the
// names of bodies whose inner names glossed reads (not places', streets'
// and the like: جزر فرسان is the Farasan Islands, حي الربيع a district
// named al-Rabie).
var glossHeads = map[string]bool{"org": true, "public": true, "state": true, "forces": true, "team": true, "institution": true}

// glossItem reads the word w of a name as a word of the glossary g, with
// و "and" or, first in the name or as لل, ل "for" before it.
func glossItem(w string, g *orgTable, first bool) (item, bool) {
	m := matchWord(w)
	for _, r := range readings(m, orgWords()) {
		if r.prep != "" && !first && !strings.HasPrefix(r.rest, "ال") {
			continue // inside the name, ل is the word's own (لبنان), but لل is for and the article
		}
		if gw, ok := g.lookup(r.rest); ok {
			return item{w: gw, conj: r.conj, prep: r.prep, words: []string{w}}, true
		}
	}
	return item{}, false
}

// matchWord is arabic.MatchForm of a word of a name, without the
// punctuation around it.
func matchWord(w string) string { return arabic.MatchForm(strings.Trim(w, ".,;:!?\"'()[]«»“”")) }

// node is a noun or name of the English name being built.
type node struct {
	en     string
	isName bool
	opt    string
	adjs   []orgWord
	gen    *node   // the noun or name it governs (construct state)
	coord  []*node // joined by "and"
	first  *node   // of a node in coord: the node whose coord it is in
	prep   string  // the preposition of a complement
	comp   *node   // a complement with a preposition ("for Investment")
	parent *node
}

// translate returns the English of s word by word, or false when s is not
// made of known words.
func translate(s, typ string, lex Lexicon) (string, bool) {
	its := items(s, orgWords(), lex)
	known := 0
	for _, it := range its {
		if it.w.class != "name" {
			known++
		}
	}
	if len(its) < 2 || known == 0 || typ == model.Location && its[0].w.class != "noun" {
		// one word (الجزيرة is a channel, not "Island"), or names only
		if len(its) == 1 && len(its[0].name) == 0 && its[0].w.class == "noun" && len(strings.Fields(s)) > 1 {
			return its[0].w.en, true // a fixed name: البحر الأحمر Red Sea
		}
		return "", false
	}
	if typ == model.Organization {
		its = glossed(its, glossWords(), lex)
	}
	english := func(it item) string {
		if it.w.class != "name" {
			return it.w.en
		}
		title := it.w.en
		rest := strings.Join(it.name, " ")
		if title == "" && lex != nil {
			if e, ok := lex.Name(arabic.MatchForm(rest)); ok {
				return e
			}
		}
		var r string
		switch {
		case title == "" && typ == model.Organization:
			r = RomanizeOrg(rest) // شركة جنرال موتورز
		case typ == model.Location:
			r = RomanizePlace(rest)
		default:
			r = Romanize(rest)
		}
		if title != "" {
			return title + " " + r
		}
		return r
	}
	var root, cur, comp *node
	var pending []orgWord // adjectives before the first noun
	for _, it := range its {
		if it.w.class == "adj" {
			it.w.and = it.conj // التقني والمهني: Technical and Vocational
			switch {
			case root == nil:
				pending = append(pending, it.w)
			case it.w.rank == 3 && comp == nil:
				root.adjs = append(root.adjs, it.w)
			default:
				n := cur
				for n.isName && n.parent != nil {
					n = n.parent
				}
				n.adjs = append(n.adjs, it.w)
			}
			continue
		}
		n := &node{en: english(it), isName: it.w.class == "name", opt: it.w.opt}
		switch {
		case root == nil:
			root = n
			root.adjs = append(root.adjs, pending...)
		case it.conj:
			n.parent = cur.parent
			owner := cur // للمواصفات والمقاييس والجودة: one list
			if cur.first != nil {
				owner = cur.first
			}
			owner.coord = append(owner.coord, n)
			n.first = owner
		case it.prep != "":
			owner := root
			if comp != nil {
				owner = cur
			}
			n.parent, n.prep = owner, it.prep
			owner.comp = n
			comp = n
		default:
			for cur.gen != nil {
				cur = cur.gen
			}
			n.parent = cur
			cur.gen = n
		}
		cur = n
	}
	if root == nil {
		return "", false
	}
	return capitalise(render(root)), true
}

// render writes a node in English order.
func render(n *node) string {
	adjs := slices.Clone(n.adjs)
	// a nationality or region (rank 3) goes after rank 1 and before the
	// others (data/orgwords.tsv: Australian National University)
	order := func(w orgWord) int {
		if w.rank == 3 {
			return 3
		}
		return 2 * w.rank
	}
	slices.SortStableFunc(adjs, func(a, b orgWord) int { return order(a) - order(b) })
	var parts []string
	words := func(ws []orgWord) {
		for i, w := range ws {
			if w.and && i > 0 {
				parts = append(parts, "and")
			}
			parts = append(parts, w.en)
		}
	}
	switch {
	case n.gen == nil:
		words(adjs)
		parts = append(parts, n.en)
	case n.opt == "of" || n.opt == "first":
		words(adjs)
		parts = append(parts, n.en)
		if n.opt == "of" {
			parts = append(parts, "of")
		}
		parts = append(parts, render(n.gen))
	default: // pre, name, and names: what it governs comes first
		var geo, other []orgWord
		for _, a := range adjs {
			if a.rank == 3 {
				geo = append(geo, a)
			} else {
				other = append(other, a)
			}
		}
		words(geo)
		parts = append(parts, render(n.gen))
		words(other)
		parts = append(parts, n.en)
	}
	for i, c := range n.coord { // A, B and C
		if i < len(n.coord)-1 {
			parts[len(parts)-1] += ","
			parts = append(parts, render(c))
		} else {
			parts = append(parts, "and", render(c))
		}
	}
	if n.comp != nil {
		parts = append(parts, n.comp.prep, render(n.comp))
	}
	return strings.Join(parts, " ")
}
