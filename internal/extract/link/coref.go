package link

import (
	"sort"
	"strings"

	"github.com/kg-project/kg/internal/extract/arabic"
	"github.com/kg-project/kg/internal/gazetteer"
	"github.com/kg-project/kg/internal/model"
)

// Titles recognised in appositions before a name ("الرئيس الروسي فلاديمير
// بوتين", "رئيس كازاخستان قاسم جومارت توكاييف", "President Putin"), by the
// MatchForm of their words, longest first.
var titles = []struct {
	words []string
	title string
}{
	{words: []string{"رئيس", "الوزراء"}, title: TitlePrimeMinister},
	{words: []string{"رئيس", "الحكومه"}, title: TitlePrimeMinister},
	{words: []string{"وزير", "الخارجيه"}, title: TitleForeignMinister},
	{words: []string{"وزير", "الدفاع"}, title: TitleDefenceMinister},
	{words: []string{"ولي", "العهد"}, title: TitleCrownPrince},
	{words: []string{"prime", "minister"}, title: TitlePrimeMinister},
	{words: []string{"foreign", "minister"}, title: TitleForeignMinister},
	{words: []string{"crown", "prince"}, title: TitleCrownPrince},
	{words: []string{"الرئيس"}, title: TitlePresident},
	{words: []string{"رئيس"}, title: TitlePresident},
	{words: []string{"president"}, title: TitlePresident},
	{words: []string{"الملك"}, title: TitleKing},
	{words: []string{"ملك"}, title: TitleKing},
	{words: []string{"king"}, title: TitleKing},
	{words: []string{"الامير"}, title: TitleEmir},
	{words: []string{"امير"}, title: TitleEmir},
	{words: []string{"emir"}, title: TitleEmir},
	{words: []string{"المستشار"}, title: TitleChancellor},
	{words: []string{"chancellor"}, title: TitleChancellor},
}

func init() {
	for i := range titles {
		for j, w := range titles[i].words {
			titles[i].words[j] = arabic.MatchForm(w)
		}
	}
}

// Normalised titles used by Doc.
const (
	TitlePresident       = "president"
	TitlePrimeMinister   = "prime_minister"
	TitleForeignMinister = "foreign_minister"
	TitleDefenceMinister = "defence_minister"
	TitleCrownPrince     = "crown_prince"
	TitleKing            = "king"
	TitleEmir            = "emir"
	TitleChancellor      = "chancellor"
)

// Doc is one resolved article with the coreference helpers of the relation
// extractor. Offsets are code points into the article text.
type Doc struct {
	Text     string
	Entities []model.Entity
	// EntityOf is the entity ID of each candidate given to NewDoc.
	EntityOf []string

	cands  []Candidate
	toks   []arabic.Token
	byID   map[string]*model.Entity
	entry  map[string]*gazetteer.Entry // entity ID -> gazetteer entry
	appos  []apposition
	mLists []mention // every candidate with its entity, by offset
}

type mention struct {
	id         string
	start, end int
	sentence   int
	demonym    bool
}

// apposition is "<title> [<country>] <person>" (or "<title> <demonym>
// <person>") found before a person mention.
type apposition struct {
	person, title, country string
	offset                 int
}

// NewDoc resolves cands (see Resolve) and indexes the result.
func NewDoc(text string, cands []Candidate) *Doc {
	ents, ids := Resolve(text, cands)
	d := &Doc{Text: text, Entities: ents, EntityOf: ids, cands: cands,
		toks: arabic.Tokenize(text), byID: map[string]*model.Entity{}, entry: map[string]*gazetteer.Entry{}}
	for i := range d.Entities {
		d.byID[d.Entities[i].ID] = &d.Entities[i]
	}
	for i, c := range cands {
		if ids[i] == "" {
			continue
		}
		if c.Entry != nil {
			d.entry[ids[i]] = c.Entry
		}
		d.mLists = append(d.mLists, mention{id: ids[i], start: c.Start, end: c.End, sentence: c.Sentence, demonym: c.Demonym})
	}
	sort.SliceStable(d.mLists, func(a, b int) bool { return d.mLists[a].start < d.mLists[b].start })
	d.findAppositions()
	return d
}

// Entity returns the entity with the given ID, or nil.
func (d *Doc) Entity(id string) *model.Entity { return d.byID[id] }

// isCountry reports whether the entity is a country or historical state.
func (d *Doc) isCountry(id string) bool {
	e := d.entry[id]
	return e != nil && e.Type == model.Location && (e.Role == gazetteer.RoleCountry || len(e.Demonyms) > 0)
}

// CountryInFocus returns the ID of the country that "هذا البلد", "البلاد" or
// "the country" at offset most likely means: the country mentioned most
// often before offset (demonyms count half; ties go to the most recent),
// else the one mentioned most often in the whole article; countries in
// exclude (e.g. the subject of the sentence) are skipped. "" when none.
func (d *Doc) CountryInFocus(offset int, exclude ...string) string {
	skip := map[string]bool{}
	for _, x := range exclude {
		skip[x] = true
	}
	pick := func(limit int) string {
		score := map[string]float64{}
		last := map[string]int{}
		for _, m := range d.mLists {
			if m.start >= limit || skip[m.id] || !d.isCountry(m.id) {
				continue
			}
			w := 1.0
			if m.demonym {
				w = 0.5
			}
			score[m.id] += w
			last[m.id] = m.start
		}
		best := ""
		for id, s := range score {
			if best == "" || s > score[best] || (s == score[best] && (last[id] > last[best] || (last[id] == last[best] && id < best))) {
				best = id
			}
		}
		return best
	}
	if c := pick(offset); c != "" {
		return c
	}
	return pick(int(^uint(0) >> 1))
}

// SpeakerCountry returns the country of a person entity, for possessives
// such as بلاده "his country": the country of an apposition naming the
// person ("الرئيس الروسي ..."), else the person's gazetteer country. "" when
// unknown.
func (d *Doc) SpeakerCountry(personID string) string {
	for _, a := range d.appos {
		if a.person == personID && a.country != "" {
			return a.country
		}
	}
	if e := d.entry[personID]; e != nil && e.Country != "" {
		return e.Country
	}
	return ""
}

// LastPerson returns the person entity mentioned last before offset (the
// usual referent of a pronoun subject: أضاف، تابع، "he said"), "" when none.
func (d *Doc) LastPerson(offset int) string {
	id := ""
	for _, m := range d.mLists {
		if m.start >= offset {
			break
		}
		if e := d.byID[m.id]; e != nil && e.Type == model.Person {
			id = m.id
		}
	}
	return id
}

// TitleHolder returns the person that a title used alone at offset refers
// to (رئيس كازاخستان ... later "رئيس كازاخستان" or "the president"): the
// person last introduced with that title (one of the Title constants) and,
// when country is not "", that country, before offset, else anywhere in the
// article; failing that, a person of the article whom the gazetteer lists
// as head of state (president, king, emir) or government (prime minister) of
// country. "" when none.
func (d *Doc) TitleHolder(title, country string, offset int) string {
	best, bestOff := "", -1
	for _, a := range d.appos {
		if a.title != title || (country != "" && a.country != country) {
			continue
		}
		if a.offset < offset && a.offset > bestOff {
			best, bestOff = a.person, a.offset
		}
	}
	if best != "" {
		return best
	}
	for _, a := range d.appos {
		if a.title == title && (country == "" || a.country == country) {
			return a.person
		}
	}
	if country == "" {
		return ""
	}
	want := gazetteer.RoleHeadOfState
	if title == TitlePrimeMinister {
		want = gazetteer.RoleHeadOfGovernment
	}
	ids := make([]string, 0, len(d.entry))
	for id := range d.entry {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if e := d.entry[id]; e.Type == model.Person && e.Country == country && e.Role == want {
			return id
		}
	}
	return ""
}

// Appositions returns the (person, title, country) appositions of the
// article in text order: "الرئيس الروسي فلاديمير بوتين" gives (Putin,
// "president", Russia). Country is "" when the title names none.
func (d *Doc) Appositions() [][3]string {
	out := make([][3]string, len(d.appos))
	for i, a := range d.appos {
		out[i] = [3]string{a.person, a.title, a.country}
	}
	return out
}

// findAppositions looks, before each person mention, for a title and an
// optional country (name or demonym) in the three tokens before it.
func (d *Doc) findAppositions() {
	tokAt := map[int]int{} // start offset -> token index
	for i, t := range d.toks {
		tokAt[t.Start] = i
	}
	byStart := map[int]mention{}
	for _, m := range d.mLists {
		byStart[m.start] = m
	}
	for _, m := range d.mLists {
		e := d.byID[m.id]
		if e == nil || e.Type != model.Person {
			continue
		}
		ti, ok := tokAt[m.start]
		if !ok {
			continue
		}
		// walk back: [title words] [country mention] <person>
		country := ""
		k := ti - 1
		if k >= 0 {
			// a country mention (possibly several tokens) ending right before
			for _, cm := range d.mLists {
				if cm.end == d.toks[k].End && d.isCountry(cm.id) && cm.sentence == m.sentence {
					country = cm.id
					if j, ok := tokAt[cm.start]; ok {
						k = j - 1
					}
					break
				}
			}
		}
		title := ""
		for _, t := range titles {
			n := len(t.words)
			if k-n+1 < 0 {
				continue
			}
			match := true
			for w := 0; w < n; w++ {
				tok := d.toks[k-n+1+w]
				if tok.Sentence != m.sentence || !titleMatch(tok.Text, t.words[w], w == 0) {
					match = false
					break
				}
			}
			if match {
				title = t.title
				break
			}
		}
		if title == "" {
			continue
		}
		d.appos = append(d.appos, apposition{person: m.id, title: title, country: country, offset: m.start})
	}
}

// titleMatch compares a token with a title word; the first word of the
// title may carry the conjunction or a preposition (وقال الرئيس، للرئيس).
func titleMatch(tok, word string, first bool) bool {
	m := arabic.MatchForm(tok)
	if m == word {
		return true
	}
	if !first {
		return false
	}
	for _, s := range arabic.Stems(tok) {
		if s == word {
			return true
		}
	}
	return strings.TrimSuffix(m, "'s") == word
}
