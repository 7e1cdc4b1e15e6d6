package gazbuild

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/kg-project/kg/internal/gazetteer"
	"github.com/kg-project/kg/internal/lexicon"
	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/sources"
	"github.com/kg-project/kg/internal/text/arabic"
	"github.com/kg-project/kg/internal/translit"
)

// BuildStats counts what Build did, for the build command's report.
type BuildStats struct {
	Countries, Cities, Orgs, Persons, Places int
	PetrarchPersons, PetrarchAliases         int
	AmbiguousAliases                         int
	SkippedCityRows                          int
	// NameOnlyPersons are the persons of the large name list, which only
	// name what the NER finds (all their aliases are ambiguous).
	NameOnlyPersons int
	// CommonWordAliases are the one-word place and organisation names that
	// the arwiki word counts mark as common words (see commonWords).
	CommonWordAliases int
	// WrittenFormsLeft are the Arabic forms of written/*.yaml left to
	// another entry that has them: for organisations a higher-ranked one
	// (a country, a capital, a curated body), for people one of another
	// type (written, giveForms) or any, for a one-word form.
	WrittenFormsLeft int
	// WrittenMistyped are the persons and places of lesser lists with an
	// organisation's English name that written/*.yaml gave the
	// organisation's Arabic forms to (UniversalPetrarch's Morgan Stanley)
	WrittenMistyped int
	// WrittenPersonsNew are the people of written/*.yaml no other source
	// had; WrittenPersonsRenamed the persons without a QID that took the
	// lists' English name; WrittenPersonsTaken the Arabic forms lesser
	// entries gave up to the lists' people (writtenPersons)
	WrittenPersonsNew, WrittenPersonsRenamed, WrittenPersonsTaken int
	// WrittenAmbiguous are the one-word Arabic forms of written/*.yaml
	// left out as ambiguous (writtenAmbiguous)
	WrittenAmbiguous int
	// Sources says, per source in the order of the build, what it gave.
	Sources []SourceStats
}

// SourceStats is what one source gave the gazetteer: entries it created,
// existing entries it added aliases to, aliases it added (to either) and
// Wikidata QIDs it supplied (of the entries it created, or set on
// existing ones).
type SourceStats struct {
	Source                           string
	Entries, Enriched, Aliases, QIDs int
}

type builder struct {
	dir       string
	byKey     map[string]*gazetteer.Entry
	byQID     map[string]*gazetteer.Entry
	iso2      map[string]*gazetteer.Entry // ISO2 -> country
	iso3to2   map[string]string
	countryBy map[string]string // folded English country name -> ISO2
	aliasSeen map[*gazetteer.Entry]map[string]bool
	capitals  map[string][]string // ISO2 -> English capital names
	// sure holds the MatchForm of the Arabic names of the curated tables:
	// ANERcorp counts do not mark them ambiguous (the hand list does)
	sure  map[string]bool
	stats BuildStats
	// src is the source of the step running; srcStats counts what each
	// source gave, enriched the entries it added aliases to
	src      string
	order    []string
	srcStats map[string]*SourceStats
	enriched map[string]map[*gazetteer.Entry]bool
	// noisy holds, per entry, the MatchForm of its one-word Arabic aliases
	// from sources that hold common words by mistake (city lists,
	// category labels): commonWords checks them against the arwiki counts
	noisy map[*gazetteer.Entry]map[string]string // entry -> MatchForm -> source
	// pop is the population of places (cities), for commonWords; city
	// marks the entries of cities (not regions or countries)
	pop  map[*gazetteer.Entry]int64
	city map[*gazetteer.Entry]bool
	// qidSrc is the source that gave an entry its QID when it was not the
	// one that created it
	qidSrc map[*gazetteer.Entry]string
	// qidsDone holds the keys of the qids table applied by a pass of qids.
	qidsDone map[string]bool
	// data read once and shared by several steps (names.go)
	persons     *personData
	gnArabic    map[string]int    // MatchForm of the Arabic names of the GeoNames places kept -> places
	catsKind    map[string]string // MatchForm of an ArWikiCats Arabic label -> model type ("" mixed)
	catsEnglish map[string]string // MatchForm of an ArWikiCats Arabic label -> English label
	// writtenNational reports the national forms written leaves out
	// (written.go), for writtenAmbiguous
	writtenNational func(m string) bool
	writtenDemonym  map[string]bool // MatchForm of the places' nationality adjectives
}

// Build reads the public data sets under dataDir (the project's shared data
// folder: gazetteer/, names/, lexicon/petrarch-ar/ and, for the common-word
// marks, ner/anercorp/, ner/aqmar/ and unlabelled/arwiki-comparable-2017/) and
// returns the gazetteer entries sorted by key, with what each source gave
// (BuildStats.Sources). The result depends only on the files and this
// package's tables.
func Build(dataDir string) ([]*gazetteer.Entry, BuildStats, error) {
	b := &builder{
		dir: dataDir, byKey: map[string]*gazetteer.Entry{}, byQID: map[string]*gazetteer.Entry{}, iso2: map[string]*gazetteer.Entry{},
		iso3to2: map[string]string{}, countryBy: map[string]string{}, aliasSeen: map[*gazetteer.Entry]map[string]bool{},
		capitals: map[string][]string{}, sure: map[string]bool{},
		srcStats: map[string]*SourceStats{}, enriched: map[string]map[*gazetteer.Entry]bool{},
		noisy: map[*gazetteer.Entry]map[string]string{}, pop: map[*gazetteer.Entry]int64{}, city: map[*gazetteer.Entry]bool{}, qidSrc: map[*gazetteer.Entry]string{},
		qidsDone: map[string]bool{},
	}
	steps := []struct {
		src string
		run func() error
	}{
		{gazetteer.SrcCountryCodes, b.countries}, {gazetteer.SrcCurated, b.places}, {gazetteer.SrcSupraverden, b.orgs}, {gazetteer.SrcCities, b.cities},
		{gazetteer.SrcEveryPol, b.leaders}, {gazetteer.SrcCurated, b.people}, {gazetteer.SrcPetrarch, b.petrarch},
		{gazetteer.SrcGeoNames, b.geonames}, {gazetteer.SrcWritten, b.written}, {gazetteer.SrcCurated, func() error { return b.qids(false) }}, {gazetteer.SrcArWikiCats, b.arwikicats}, {gazetteer.SrcKGE, b.wikikge},
		{gazetteer.SrcPersonNames, b.personNames}, {gazetteer.SrcCurated, func() error { return b.qids(true) }},
		{gazetteer.SrcWritten, b.writtenPersons}, {"", b.ambiguity}, {"", b.commonWords}, {"", b.writtenAmbiguous},
	}
	for _, st := range steps {
		b.src = st.src
		if st.src != "" {
			b.stat(st.src)
		}
		if err := st.run(); err != nil {
			return nil, b.stats, err
		}
	}
	// a QID counts for the source that set it, else for the entry's
	// first source (the one that created it with its QID)
	for _, e := range b.byKey {
		if e.QID == "" {
			continue
		}
		src := b.qidSrc[e]
		if src == "" && len(e.Sources) > 0 {
			src = e.Sources[0]
		}
		if st := b.srcStats[src]; st != nil {
			st.QIDs++
		}
	}
	for _, src := range b.order {
		st := b.srcStats[src]
		st.Enriched = len(b.enriched[src])
		b.stats.Sources = append(b.stats.Sources, *st)
	}
	out := make([]*gazetteer.Entry, 0, len(b.byKey))
	for _, e := range b.byKey {
		finish(e)
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	for _, e := range out {
		switch e.Type {
		case model.Person:
			b.stats.Persons++
		case model.Organization:
			b.stats.Orgs++
		}
	}
	return out, b.stats, nil
}

// finish sorts and de-duplicates the lists of e.
func finish(e *gazetteer.Entry) {
	e.Aliases = sortedUnique(e.Aliases)
	e.Ambiguous = sortedUnique(e.Ambiguous)
	e.Demonyms = sortedUnique(e.Demonyms)
	e.Sources = sortedUnique(e.Sources)
}

func sortedUnique(xs []string) []string {
	if len(xs) == 0 {
		return nil
	}
	slices.Sort(xs)
	return slices.Compact(xs)
}

func (b *builder) path(p ...string) string { return filepath.Join(append([]string{b.dir}, p...)...) }

// clean returns the display form of a surface form: Normalize, spaces
// collapsed, separators removed; "" when nothing is left.
func clean(s string) string {
	s = arabic.Normalize(s)
	s = strings.Map(func(r rune) rune {
		if r == '|' || r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// addAlias adds the surface form s to e unless an alias with the same
// MatchForm is already there, and reports whether it did. The alias counts
// for the source of the step running (b.src).
func (b *builder) addAlias(e *gazetteer.Entry, s string) bool {
	s = strings.TrimPrefix(clean(s), "the ")
	m := arabic.MatchForm(s)
	if m == "" || len([]rune(m)) < 2 {
		return false
	}
	seen := b.aliasSeen[e]
	if seen == nil {
		seen = map[string]bool{}
		b.aliasSeen[e] = seen
	}
	if seen[m] {
		return false
	}
	seen[m] = true
	e.Aliases = append(e.Aliases, s)
	if st := b.srcStats[b.src]; st != nil {
		st.Aliases++
		if !b.created(e) {
			if b.enriched[b.src] == nil {
				b.enriched[b.src] = map[*gazetteer.Entry]bool{}
			}
			b.enriched[b.src][e] = true
		}
	}
	return true
}

// stat returns the counts of source src, recording the source's order.
func (b *builder) stat(src string) *SourceStats {
	st := b.srcStats[src]
	if st == nil {
		st = &SourceStats{Source: src}
		b.srcStats[src] = st
		b.order = append(b.order, src)
	}
	return st
}

// hasAlias reports whether e has an alias whose MatchForm is m.
func (b *builder) hasAlias(e *gazetteer.Entry, m string) bool { return b.aliasSeen[e][m] }

// addNoisyAlias adds an alias from a source that may hold common words
// (see commonWords) and reports whether it did.
//
// A name of several words that begins or ends with a function word (إن
// صالح for In Salah reads "that Saleh") is left out. A one-word name that
// a list adds to an entry that has an Arabic name already is a variant
// spelling (ربات for Rabat is also "ladies"): the entry is found by its
// usual names, so the variant only links what the NER tags.
func (b *builder) addNoisyAlias(e *gazetteer.Entry, s string) bool {
	m := arabic.MatchForm(clean(s))
	if functionEdge(m) {
		return false
	}
	hadArabic := false
	for _, a := range e.Aliases {
		if arabic.HasScript(a) {
			hadArabic = true
			break
		}
	}
	if !b.addAlias(e, s) {
		return false
	}
	if arabic.HasScript(m) && !strings.Contains(m, " ") {
		if b.noisy[e] == nil {
			b.noisy[e] = map[string]string{}
		}
		b.noisy[e][m] = b.src
		if hadArabic && b.src != gazetteer.SrcCities {
			e.Ambiguous = append(e.Ambiguous, clean(s))
		}
	}
	return true
}

// functionWords are particles and prepositions (MatchForm) that do not
// begin or end a name (not على: MatchForm makes it علي, Ali).
var functionWords = arabic.WordSet(arabic.MatchForm(`أن إن ان في من إلى الى عن مع ثم أو او لا لم لن قد هو هي التي الذي هذا هذه ذلك تلك بين حتى منذ كان كانت`))

// functionEdge reports whether the name m (MatchForm) has several words
// and begins or ends with a function word.
func functionEdge(m string) bool {
	ws := strings.Fields(m)
	return len(ws) > 1 && (functionWords[ws[0]] || functionWords[ws[len(ws)-1]])
}

// created reports whether e was created by the source of the step running.
func (b *builder) created(e *gazetteer.Entry) bool {
	return len(e.Sources) > 0 && e.Sources[0] == b.src
}

func (b *builder) add(e *gazetteer.Entry) *gazetteer.Entry {
	if old := b.byKey[e.Key]; old != nil {
		return old
	}
	b.byKey[e.Key] = e
	if e.QID != "" {
		b.byQID[e.QID] = e
	}
	if st := b.srcStats[b.src]; st != nil {
		st.Entries++
	}
	if b.src != "" && len(e.Sources) == 0 {
		e.Sources = []string{b.src}
	}
	return e
}

// qids gives the entries of curated.yaml's qids table their QIDs.
// It runs twice: after the place lists (so that the later sources, which
// carry QIDs, merge into the cities by them) and, for the keys that only
// the later sources make (clubs of the ArWikiCats lists, persons of the
// name lists), after all of them. A key no entry has by the last pass, a
// name that is not the entry's, or a QID another entry has is an error:
// the table is out of step with the sources.
func (b *builder) qids(last bool) error {
	var errs []error
	for _, q := range keyQIDs {
		if b.qidsDone[q.Key] {
			continue
		}
		e := b.byKey[q.Key]
		switch {
		case e == nil:
			if last {
				errs = append(errs, fmt.Errorf("curated.yaml: qids: no entry %s", q.Key))
			}
			continue
		case e.Name != q.Name:
			errs = append(errs, fmt.Errorf("curated.yaml: qids: %s is %q, not %q", q.Key, e.Name, q.Name))
		case !b.setQID(e, q.QID):
			errs = append(errs, fmt.Errorf("curated.yaml: qids: %s: has a QID, or %s is another entry's", q.Key, q.QID))
		}
		b.qidsDone[q.Key] = true
	}
	return errors.Join(errs...)
}

// setQID gives the entry e, which has none, the Wikidata QID q and the key
// that follows it, unless another entry has q already. It reports whether
// it did. Only country keys are referred to by other entries, and
// countries have their QIDs from the start.
func (b *builder) setQID(e *gazetteer.Entry, q string) bool {
	if e.QID != "" || b.byQID[q] != nil || b.byKey["wd:"+q] != nil {
		return false
	}
	delete(b.byKey, e.Key)
	e.QID, e.Key = q, "wd:"+q
	b.byKey[e.Key] = e
	b.byQID[q] = e
	b.qidSrc[e] = b.src
	if st := b.srcStats[b.src]; st != nil {
		if b.enriched[b.src] == nil {
			b.enriched[b.src] = map[*gazetteer.Entry]bool{}
		}
		b.enriched[b.src][e] = true
	}
	return true
}

func addSource(e *gazetteer.Entry, s string) {
	for _, x := range e.Sources {
		if x == s {
			return
		}
	}
	e.Sources = append(e.Sources, s)
}

var qidRe = regexp.MustCompile(`Q[1-9][0-9]*$`)

// yearRe is a year of the leader lists (start_year, end_year).
var yearRe = regexp.MustCompile(`^[12][0-9]{3}$`)

func qidOf(s string) string {
	s = strings.TrimSpace(s)
	if m := qidRe.FindString(s); m != "" && (s == m || strings.HasSuffix(s, "/"+m) || strings.HasSuffix(s, ":"+m)) {
		return m
	}
	return ""
}

// foldName is the comparison form of English names: MatchForm without
// accents and punctuation.
func foldName(s string) string {
	return strings.ReplaceAll(gazetteer.Slug(arabic.MatchForm(s)), "_", " ")
}

func hasLatin(s string) bool {
	for _, r := range s {
		if r < 0x250 && unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

var untermSuffix = regexp.MustCompile(`\s*\((the|de|la|le|les)\)\s*$|\s*\*+\s*$`)

func (b *builder) countries() error {
	rows, err := sources.ReadCSV(b.path("gazetteer", "country-codes", "country-codes.csv"))
	if err != nil {
		return err
	}
	mled, err := sources.ReadMledozeCountries(b.path("gazetteer", "mledoze-countries", "countries.json"))
	if err != nil {
		return err
	}
	ml := map[string]*sources.MledozeCountry{}
	for i := range mled {
		ml[mled[i].Cca2] = &mled[i]
	}
	ar := display.Arabic.Regions()
	en := display.English.Regions()
	for _, row := range rows {
		iso2 := row["ISO3166-1-Alpha-2"]
		if len(iso2) != 2 {
			continue
		}
		m := ml[iso2]
		region, rerr := language.ParseRegion(iso2)
		name := ""
		if m != nil {
			name = m.Name.Common
		}
		if name == "" && rerr == nil {
			name = en.Name(region)
		}
		if name == "" {
			name = row["CLDR display name"]
		}
		qid := qidOf(row["wikidata_id"])
		key := "wd:" + qid
		if qid == "" {
			key = gazetteer.KeyFor(model.Location, name)
		}
		e := b.add(&gazetteer.Entry{Key: key, Name: name, Type: model.Location, QID: qid, Role: gazetteer.RoleCountry, Rank: gazetteer.RankCountry})
		if row["is_independent"] != "Yes" {
			e.Rank = gazetteer.RankTerritory
		}
		addSource(e, gazetteer.SrcCountryCodes)
		b.iso2[iso2] = e
		if iso3 := row["ISO3166-1-Alpha-3"]; iso3 != "" {
			b.iso3to2[iso3] = iso2
		}
		for _, k := range []string{"official_name_ar", "UNTERM Arabic Short", "UNTERM Arabic Formal",
			"official_name_en", "UNTERM English Short", "UNTERM English Formal", "CLDR display name"} {
			v := untermSuffix.ReplaceAllString(row[k], "")
			if k == "CLDR display name" && len(v) <= 3 { // "UK", "US": kept as curated names
				continue
			}
			b.addAlias(e, v)
		}
		if rerr == nil {
			b.addAlias(e, ar.Name(region))
			b.addAlias(e, en.Name(region))
			addSource(e, gazetteer.SrcCLDR)
		}
		if m != nil {
			addSource(e, gazetteer.SrcMledoze)
			b.addAlias(e, m.Name.Common)
			b.addAlias(e, m.Name.Official)
			if t, ok := m.Translations["ara"]; ok {
				b.addAlias(e, t.Common)
				b.addAlias(e, t.Official)
			}
			for _, a := range m.AltSpellings {
				// Latin spellings of 4+ letters; codes and other scripts are noise here
				if !hasLatin(a) || len([]rune(a)) < 4 || strings.ToUpper(a) == a {
					continue
				}
				ok := true
				for _, r := range a {
					if unicode.IsLetter(r) && r >= 0x250 {
						ok = false
					}
				}
				if ok {
					b.addAlias(e, a)
				}
			}
			if d, ok := m.Demonyms["eng"]; ok {
				for _, x := range []string{d.M, d.F} {
					if x == "" {
						continue
					}
					e.Demonyms = append(e.Demonyms, x)
					if !strings.HasSuffix(x, "s") && !strings.HasSuffix(x, "ese") && !strings.HasSuffix(x, "sh") && !strings.HasSuffix(x, "ch") {
						e.Demonyms = append(e.Demonyms, x+"s")
					}
				}
			}
			b.capitals[iso2] = append(b.capitals[iso2], m.Capital...)
		}
		if c := row["Capital"]; c != "" {
			b.capitals[iso2] = append(b.capitals[iso2], c)
		}
		for _, a := range extraCountryNames[iso2] {
			b.addAlias(e, a)
		}
		// Arabic demonyms
		stems, ok := arabicDemonyms[iso2]
		if !ok {
			short := ""
			if m != nil {
				short = m.Translations["ara"].Common
			}
			if short == "" && rerr == nil {
				short = ar.Name(region)
			}
			if g := genDemonym(short); g != "" {
				stems = []string{g}
			}
		}
		for _, s := range stems {
			e.Demonyms = append(e.Demonyms, demonymForms(s)...)
		}
		e.Demonyms = append(e.Demonyms, arabicDemonymPlurals[iso2]...)
		for _, a := range e.Aliases {
			b.countryBy[foldName(a)] = iso2
		}
		b.stats.Countries++
	}
	// Fix: Kazakhstan's capital is Astana again since 2022 (country-codes says Nur-Sultan).
	b.capitals["KZ"] = append(b.capitals["KZ"], "Astana")
	b.countryBy[foldName("Palestinian Territory Occupied")] = "PS"
	return nil
}

// genDemonym derives the masculine nisba adjective of a one-word Arabic
// country name: روسيا -> روسي، كندا -> كندي، لبنان -> لبناني، العراق -> عراقي.
// It returns "" when no safe form exists.
func genDemonym(name string) string {
	name = clean(name)
	if name == "" || strings.Contains(name, " ") || hasLatin(name) {
		return ""
	}
	rs := []rune(strings.TrimPrefix(name, "ال"))
	n := len(rs)
	if n < 3 {
		return ""
	}
	var stem []rune
	switch {
	case n > 3 && rs[n-2] == 'ي' && rs[n-1] == 'ا':
		stem = rs[:n-2]
	case rs[n-1] == 'ا' || rs[n-1] == 'ة' || rs[n-1] == 'ه':
		stem = rs[:n-1]
	case rs[n-1] == 'ي' || rs[n-1] == 'و' || rs[n-1] == 'ى':
		return ""
	default:
		stem = rs
	}
	if len(stem) < 3 {
		return ""
	}
	return string(stem) + "ي"
}

// demonymForms expands a masculine nisba (one or more words, each ending in
// ي) into the inflected forms of news text, with and without the article:
// روسي روسية روسيون روسيين روسيان روسيتان روسيتين روسيات and الروسي ...
func demonymForms(stem string) []string {
	words := strings.Fields(clean(stem))
	if len(words) == 0 {
		return nil
	}
	suffixes := []string{"", "ة", "ون", "ين", "ان", "تان", "تين", "ات"}
	var out []string
	for _, art := range []string{"", "ال"} {
		for _, suf := range suffixes {
			parts := make([]string, len(words))
			for i, w := range words {
				// جنوب أفريقي: only the adjective (last word ending in ي) inflects
				if strings.HasSuffix(w, "ي") {
					parts[i] = art + w + suf
				} else {
					parts[i] = art + w
					if i == 0 && len(words) > 1 {
						parts[i] = w
					}
				}
			}
			if f := strings.Join(parts, " "); !notDemonym[arabic.MatchForm(f)] {
				out = append(out, f)
			}
		}
	}
	return out
}

// notDemonym are the inflected forms of nationality adjectives that news
// uses as other words (lexicon ar_not_demonym: مجريات "proceedings").
var notDemonym = classSet("ar_not_demonym")

func (b *builder) places() error {
	for _, c := range curatedPlaces {
		key := "wd:" + c.QID
		if c.QID == "" {
			key = gazetteer.KeyFor(c.Type, c.Name)
		}
		e := b.add(&gazetteer.Entry{Key: key, Name: c.Name, Type: c.Type, QID: c.QID, Rank: gazetteer.RankRegion})
		addSource(e, gazetteer.SrcCurated)
		b.applyCurated(e, c)
		b.stats.Places++
	}
	return nil
}

func (b *builder) applyCurated(e *gazetteer.Entry, c curated) {
	b.addAlias(e, c.Name)
	for _, a := range c.Ar {
		b.addAlias(e, a)
		b.sure[arabic.MatchForm(a)] = true
	}
	for _, a := range c.En {
		b.addAlias(e, a)
	}
	for _, a := range slices.Concat(c.ArAmbig, c.EnAmbig) {
		b.addAlias(e, a)
		e.Ambiguous = append(e.Ambiguous, clean(a))
	}
	for _, d := range c.Demonyms {
		if arabic.HasScript(d) {
			e.Demonyms = append(e.Demonyms, demonymForms(d)...)
		} else {
			e.Demonyms = append(e.Demonyms, d)
		}
	}
	if c.Country != "" && e.Country == "" {
		if ce := b.iso2[c.Country]; ce != nil {
			e.Country = ce.Key
		}
	}
	if c.Role != "" {
		e.Role = c.Role
	}
	if c.Term != "" {
		e.Term = c.Term
	}
	for _, iso := range c.Context {
		if ce := b.iso2[iso]; ce != nil && !slices.Contains(e.Context, ce.Key) {
			e.Context = append(e.Context, ce.Key)
		}
	}
	addSource(e, gazetteer.SrcCurated)
}

func (b *builder) orgs() error {
	orgs, err := sources.ReadIntlOrgs(b.path("gazetteer", "supraverden-intl-orgs", "general_list.yaml"))
	if err != nil {
		return err
	}
	for _, o := range orgs {
		k, m := o.Key, o.Fields
		qid := qidOf(m["Wikidata_code"])
		if qid == "" {
			continue
		}
		name := m["Name_en"]
		if name == "" {
			name = k
		}
		e := b.add(&gazetteer.Entry{Key: "wd:" + qid, Name: name, Type: model.Organization, QID: qid, Rank: gazetteer.RankOrg})
		addSource(e, gazetteer.SrcSupraverden)
		for _, f := range []string{"Name_en", "Name_other_en", "Name_other_2_en", "Name_ar"} {
			if v := m[f]; v != "" && v != "None" {
				b.addNoisyAlias(e, v)
			}
		}
		// abbreviations of 4+ letters only: the shorter ones of this list
		// collide (ESA, CBD) and the important ones are curated; one of
		// four words or more is a name, another body's put there (the
		// OPEC Fund's "Organization of the Petroleum Exporting Countries")
		for _, f := range []string{"Abbreviation_en", "Abbreviation_other_en"} {
			if v := m[f]; len(v) >= 4 && v != "None" && len(strings.Fields(v)) < 4 {
				b.addAlias(e, v)
			}
		}
	}
	b.src = gazetteer.SrcCurated
	defer func() { b.src = gazetteer.SrcSupraverden }()
	for _, c := range curatedOrgs {
		var e *gazetteer.Entry
		if c.QID != "" {
			e = b.byQID[c.QID]
		}
		if e == nil {
			key := "wd:" + c.QID
			if c.QID == "" {
				key = gazetteer.KeyFor(c.Type, c.Name)
			}
			e = b.add(&gazetteer.Entry{Key: key, Type: c.Type, QID: c.QID})
		}
		e.Name = c.Name
		e.Rank = gazetteer.RankCurOrg
		if c.Namesake {
			e.Rank--
		}
		b.applyCurated(e, c)
		if len(e.Context) < len(c.Context) {
			return fmt.Errorf("curated.yaml: %s: a context code is no country of the list: %v", c.Name, c.Context)
		}
	}
	return nil
}

var (
	cityPrefix = regexp.MustCompile(`^(محافظة|مقاطعة|ولاية|إقليم|بلدية|منطقة|مديرية|إدارة|ناحية|قضاء)\s+`)
	cityReject = regexp.MustCompile(`^(نادي|نهر|ضاحية|جزيرة|جزر|مستشفى|مستشفي|كلية|الكلية|مثلث|قرية|فيروس|فيروسات)\s|الدولي$`)
	// a venue named after the city: ملعب الفلوجة، مطار الفاشر، جامعة المنيا
	cityVenue   = regexp.MustCompile(`^(ملعب|مطار|جامعة|ميناء|مركز)\s+`)
	cityDisambg = regexp.MustCompile(`\s*[،,(].*$`)
)

// Countries whose cities matter most to Arabic news get a lower population
// threshold.
var (
	arabWorld = arabic.WordSet(`EG SA SY IQ JO LB YE LY TN DZ MA SD KW QA BH OM AE PS IL MR SO DJ KM`)
	nearArab  = arabic.WordSet(`IR TR AF PK KZ UZ KG TJ TM AZ AM GE RU UA BY ET ER SS TD NE ML`)
)

// classSet returns the word class name of the lexicon's words.yaml as a
// set (MatchForm); a class words.yaml lacks panics, failing the tests.
func classSet(name string) map[string]bool {
	m := map[string]bool{}
	for _, w := range lexicon.Class(name) {
		m[w] = true
	}
	return m
}

// isCapital reports whether the city name is a capital of the country iso2.
func (b *builder) isCapital(iso2, name string) bool {
	for _, c := range b.capitals[iso2] {
		if foldName(c) == foldName(name) {
			return true
		}
	}
	return false
}

func (b *builder) cities() error {
	rows, err := sources.ReadCSV(b.path("gazetteer", "world-cities-ar", "world-cities.csv"))
	if err != nil {
		return err
	}
	type city struct {
		name, iso2 string
		pop        int64
		ar         []string
		amb        map[string]bool // Arabic names matched only inside longer names
	}
	countryAlias := map[string]bool{}
	for _, ce := range b.iso2 {
		for _, a := range ce.Aliases {
			countryAlias[arabic.MatchForm(a)] = true
		}
	}
	cities := map[string]*city{}
	isCapital := b.isCapital
	for _, r := range rows {
		iso2 := b.countryBy[foldName(r["CountryNameEn"])]
		if iso2 == "" {
			iso2 = b.countryBy[foldName(r["CountryNameAr"])]
		}
		name := strings.TrimSpace(r["CityNameEn"])
		arName := clean(r["CityNameAr"])
		if iso2 == "" || name == "" || arName == "" {
			b.stats.SkippedCityRows++
			continue
		}
		if fix, ok := cityNameFixes[iso2+"|"+name]; ok {
			if fix == "" {
				b.stats.SkippedCityRows++
				continue
			}
			arName = fix
		}
		pop, _ := strconv.ParseInt(r["Population"], 10, 64)
		capital := isCapital(iso2, name)
		keep := capital || pop >= 500_000 || (arabWorld[iso2] && pop >= 50_000) || (nearArab[iso2] && pop >= 100_000)
		if !keep {
			continue
		}
		if cityReject.MatchString(arName) || hasLatin(arName) {
			b.stats.SkippedCityRows++
			continue
		}
		arName = cityDisambg.ReplaceAllString(arName, "")
		arName = cityVenue.ReplaceAllString(arName, "")
		arName = cityPrefix.ReplaceAllString(arName, "")
		if len([]rune(arabic.MatchForm(arName))) < 2 || countryAlias[arabic.MatchForm(arName)] ||
			len(strings.Fields(arName)) > 4 || !cityNameAgrees(arName, name) {
			b.stats.SkippedCityRows++
			continue
		}
		id := iso2 + "|" + foldName(name)
		c := cities[id]
		if c == nil {
			c = &city{name: name, iso2: iso2}
			cities[id] = c
		}
		if pop > c.pop {
			c.pop = pop
		}
		c.ar = append(c.ar, arName)
		if cityNameCommon(arName, name, iso2, capital) {
			if c.amb == nil {
				c.amb = map[string]bool{}
			}
			c.amb[arName] = true
		}
	}
	// curated cities: QIDs and spellings
	cur := map[string]curated{}
	for _, c := range curatedCities {
		for _, n := range append([]string{c.Name}, c.En...) {
			if c.Country == "" {
				// no country given: match the name in whatever country the list puts it
				for _, city := range cities {
					if foldName(city.name) == foldName(n) {
						cur[city.iso2+"|"+foldName(n)] = c
					}
				}
				continue
			}
			cur[c.Country+"|"+foldName(n)] = c
		}
	}
	ids := make([]string, 0, len(cities))
	for id := range cities {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	used := map[string]bool{}
	for _, id := range ids {
		c := cities[id]
		cc, hasCur := cur[id]
		name := c.name
		key := gazetteer.KeyFor(model.Location, c.name) + "_" + strings.ToLower(c.iso2)
		if hasCur {
			used[cc.Name] = true
			name = cc.Name
			if cc.QID != "" {
				key = "wd:" + cc.QID
			}
		}
		e := b.add(&gazetteer.Entry{Key: key, Name: name, Type: model.Location, Rank: c.pop})
		if hasCur {
			e.QID = cc.QID
			if cc.QID != "" {
				b.byQID[cc.QID] = e
				b.qidSrc[e] = gazetteer.SrcCurated
			}
			b.applyCurated(e, cc)
		}
		if ce := b.iso2[c.iso2]; ce != nil {
			e.Country = ce.Key
		}
		if isCapital(c.iso2, c.name) {
			e.Role = gazetteer.RoleCapital
			e.Rank = gazetteer.RankCapital + c.pop
		}
		addSource(e, gazetteer.SrcCities)
		b.pop[e] = c.pop
		b.city[e] = true
		b.addAlias(e, c.name)
		for _, a := range c.ar {
			b.addNoisyAlias(e, a)
			if c.amb[a] && !hasCur {
				e.Ambiguous = append(e.Ambiguous, clean(a))
			}
		}
		b.stats.Cities++
	}
	// curated cities missing from the list
	b.src = gazetteer.SrcCurated
	defer func() { b.src = gazetteer.SrcCities }()
	for _, cc := range curatedCities {
		if used[cc.Name] {
			continue
		}
		key := "wd:" + cc.QID
		if cc.QID == "" {
			key = gazetteer.KeyFor(model.Location, cc.Name)
		}
		e := b.add(&gazetteer.Entry{Key: key, Name: cc.Name, Type: model.Location, QID: cc.QID, Rank: gazetteer.RankCapital})
		b.applyCurated(e, cc)
		b.city[e] = true
		if cc.Country != "" && isCapital(cc.Country, cc.Name) {
			e.Role = gazetteer.RoleCapital
		}
		b.stats.Cities++
	}
	return nil
}

// cityNameAgrees reports whether the Arabic name of a city row can be a
// rendering of its English name: a one-word Arabic name must have about the
// consonants of the English one (the list holds machine translations such as
// فاموتيدين for Mosul, طيور "birds" for Aves, البلد for Valletta), and so
// must a name of three words or more (الشرق الأوسط وشمال أفريقيا for Nawa).
// Names of two words are often translations (الدار البيضاء) and are kept.
func cityNameAgrees(ar, en string) bool {
	if n := len(strings.Fields(ar)); n == 2 {
		return true
	}
	if arabicArticleName(en) {
		en = en[strings.IndexAny(en, " -")+1:]
	}
	// the usual spellings of the consonants Arabic writes تش
	l := strings.NewReplacer("ch", "tsh", "zh", "tsh").Replace(strings.ToLower(en))
	sa, se := []rune(gazetteer.Skeleton(ar)), []rune(gazetteer.Skeleton(l))
	if len(sa) == 0 || len(se) == 0 {
		return len(sa) == len(se)
	}
	return 2*lcs(sa, se)*10 >= 4*(len(sa)+len(se))
}

// cityNameCommon reports whether a one-word Arabic city name is likely a
// common word as well, to be matched only inside longer names: it has the
// article while the English name does not (الفرح for Farah, البحر for
// Bahar, العزيز for Elazig, العنقاء for Phoenix) or it ends like an Arabic
// adjective or abstract noun in ـية (علانية for Alanya); only for
// non-capital cities outside the Arab world, whose Arabic names are
// transcriptions.
func cityNameCommon(ar, en, iso2 string, capital bool) bool {
	m := arabic.MatchForm(ar)
	if strings.Contains(m, " ") {
		return false
	}
	if capital || arabWorld[iso2] {
		return false // Arabic names of Arab cities often have the article (القاهرة، الرياض)
	}
	return strings.HasPrefix(m, "ال") && !arabicArticleName(en) || strings.HasSuffix(m, "يه")
}

// arabicArticleName reports whether an English place name starts with a
// transliterated Arabic article (Al Basrah, Ad Dammam, El Obeid).
func arabicArticleName(en string) bool {
	l := strings.ToLower(en)
	for _, p := range []string{"al ", "al-", "el ", "el-", "ar ", "ar-", "as ", "as-", "ash ", "ash-", "ad ", "ad-",
		"at ", "at-", "az ", "az-", "an ", "an-", "adh ", "ath ", "aş ", "ed ", "es ", "er ", "en "} {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	return false
}

func lcs(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			switch {
			case a[i-1] == b[j-1]:
				cur[j] = prev[j-1] + 1
			case prev[j] > cur[j-1]:
				cur[j] = prev[j]
			default:
				cur[j] = cur[j-1]
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// headOfGovernmentWords are the phrases of a position label that name a
// head of government (words.yaml: en_head_of_government).
var headOfGovernmentWords = func() []string {
	var out []string
	for _, p := range lexicon.Phrases("en_head_of_government") {
		out = append(out, strings.Join(p, " "))
	}
	return out
}()

// headOfGovernment reports whether a position label names a head of
// government rather than a head of state.
func headOfGovernment(label string) bool {
	l := strings.ToLower(label)
	for _, w := range headOfGovernmentWords {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

type odaFile struct {
	Country struct {
		IsoCode string `json:"iso_code"`
		NameEn  string `json:"name_en"`
	} `json:"country"`
	Positions map[string]struct {
		TitleEn string `json:"title_en"`
		Holder  *struct {
			NameEn     string `json:"name_en"`
			NameLocal  string `json:"name_local"`
			WikidataID string `json:"wikidata_id"`
		} `json:"current_holder"`
	} `json:"positions"`
}

func (b *builder) leaders() error {
	rows, err := sources.ReadCSV(b.path("gazetteer", "leaders-everypolitician", "wikidata.csv"))
	if err != nil {
		return err
	}
	// 2026 list first: it decides who is current for the countries it covers
	current := map[string]string{} // QID -> role
	covered := map[string]bool{}   // country key
	files, _ := filepath.Glob(b.path("gazetteer", "leaders-open-data-archive", "*.current.json"))
	sort.Strings(files)
	type odaHolder struct{ qid, name, local, role, country string }
	var oda []odaHolder
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		var d odaFile
		if err := json.Unmarshal(raw, &d); err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
		ce := b.iso2[strings.ToUpper(d.Country.IsoCode)]
		country := ""
		if ce != nil {
			country = ce.Key
			covered[country] = true
		}
		for _, pos := range []string{"head_of_state", "head_of_government"} {
			p, ok := d.Positions[pos]
			if !ok || p.Holder == nil || qidOf(p.Holder.WikidataID) == "" {
				continue
			}
			// Fix: the Saudi file gives the crown prince as head of state; the
			// head of state is the king (see FIXES.md).
			if d.Country.IsoCode == "SA" && pos == "head_of_state" {
				continue
			}
			// Fix: the Malaysian file gives the prime minister as head of state.
			if d.Country.IsoCode == "MY" && pos == "head_of_state" {
				continue
			}
			q := qidOf(p.Holder.WikidataID)
			if old, ok := current[q]; !ok || old == gazetteer.RoleHeadOfGovernment {
				current[q] = pos
			}
			oda = append(oda, odaHolder{q, p.Holder.NameEn, p.Holder.NameLocal, pos, country})
		}
	}
	for _, r := range rows {
		q := qidOf(r["officeholder"])
		name := strings.TrimSpace(r["officeholderLabel"])
		if q == "" || name == "" || qidOf(name) != "" {
			continue
		}
		ce := b.byQID[qidOf(r["countryid"])]
		country := ""
		if ce != nil {
			country = ce.Key
		}
		role := gazetteer.RoleHeadOfState
		if headOfGovernment(r["positionLabel"]) {
			role = gazetteer.RoleHeadOfGovernment
		}
		former := r["end_year"] != ""
		if covered[country] {
			if cr, ok := current[q]; ok {
				role, former = cr, false
			} else {
				former = true
			}
		}
		if former {
			role = "former_" + role
		}
		e := b.byQID[q]
		if e == nil {
			e = b.add(&gazetteer.Entry{Key: "wd:" + q, Name: name, Type: model.Person, QID: q, Country: country})
		}
		addSource(e, gazetteer.SrcEveryPol)
		b.addAlias(e, name)
		rank := int64(gazetteer.RankLeader)
		if former {
			rank = gazetteer.RankFormer
		}
		if rank > e.Rank || e.Role == "" || (strings.HasPrefix(e.Role, "former_") && !former) ||
			(e.Role == gazetteer.RoleHeadOfGovernment && role == gazetteer.RoleHeadOfState) {
			e.Role = role
			e.Rank = max(e.Rank, rank)
			// a former holder's end: the list holds terms from 2017 on,
			// so its start years say nothing of earlier terms
			e.Term = ""
			if former && yearRe.MatchString(r["end_year"]) {
				e.Term = "/" + r["end_year"]
			}
		}
	}
	b.src = gazetteer.SrcODA
	b.stat(gazetteer.SrcODA)
	defer func() { b.src = gazetteer.SrcEveryPol }()
	for _, h := range oda {
		e := b.byQID[h.qid]
		if e == nil {
			e = b.add(&gazetteer.Entry{Key: "wd:" + h.qid, Name: h.name, Type: model.Person, QID: h.qid, Country: h.country})
		}
		addSource(e, gazetteer.SrcODA)
		b.addAlias(e, h.name)
		if arabic.HasScript(h.local) {
			b.addAlias(e, h.local)
		}
		e.Role = current[h.qid]
		e.Rank = gazetteer.RankLeader
		e.Term = "" // holds it now
	}
	return nil
}

// people merges the curated leaders into the leader lists (by QID, then by
// English name) or adds them.
func (b *builder) people() error {
	byName := map[string]*gazetteer.Entry{}
	// spellings differ between the lists (Mansur/Mansour): a full name of
	// the same country with the same consonant skeleton is the same person
	bySkel := map[string]*gazetteer.Entry{}
	skelKey := func(country, name string) string {
		if country == "" || len(strings.Fields(name)) < 2 {
			return ""
		}
		if sk := gazetteer.Skeleton(name); len(sk) >= 6 {
			return country + "|" + sk
		}
		return ""
	}
	keys := make([]string, 0, len(b.byKey))
	for k := range b.byKey {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if e := b.byKey[k]; e.Type == model.Person {
			for _, a := range append([]string{e.Name}, e.Aliases...) {
				if hasLatin(a) {
					if _, ok := byName[foldName(a)]; !ok {
						byName[foldName(a)] = e
					}
					if k := skelKey(e.Country, a); k != "" && e.QID != "" {
						if _, ok := bySkel[k]; !ok {
							bySkel[k] = e
						}
					}
				}
			}
		}
	}
	for _, c := range curatedPeople {
		var e *gazetteer.Entry
		if c.QID != "" {
			e = b.byQID[c.QID]
		}
		if e == nil {
			for _, n := range append([]string{c.Name}, c.En...) {
				if e = byName[foldName(n)]; e != nil {
					break
				}
			}
		}
		if ce := b.iso2[c.Country]; e == nil && ce != nil {
			for _, n := range append([]string{c.Name}, c.En...) {
				if e = bySkel[skelKey(ce.Key, n)]; e != nil {
					break
				}
			}
		}
		if e == nil {
			key := "wd:" + c.QID
			if c.QID == "" {
				key = gazetteer.KeyFor(model.Person, c.Name)
			}
			e = b.add(&gazetteer.Entry{Key: key, Name: c.Name, Type: model.Person, QID: c.QID, Rank: gazetteer.RankPerson})
		}
		if e.Rank < gazetteer.RankPerson {
			e.Rank = gazetteer.RankPerson
		}
		role := e.Role
		b.applyCurated(e, c)
		if role != "" && c.Role == "" {
			e.Role = role
		}
	}
	return nil
}

// petrarchGivenMin: the Wikidata name units that give a word as a given
// name for a media or business actor's first word to begin a person's name.
const petrarchGivenMin = 3

// mediaOrBusiness reports whether every CAMEO code of an actor is of the
// media or business (ISRMED, USABUS).
func mediaOrBusiness(codes []string) bool {
	for _, c := range codes {
		if !strings.HasSuffix(c, "MED") && !strings.HasSuffix(c, "BUS") {
			return false
		}
	}
	return len(codes) > 0
}

// cleanWords returns the words of a Petrarch entry cleaned for display
// (clean), empty ones dropped.
func cleanWords(ws []string) []string {
	var out []string
	for _, w := range ws {
		if w = clean(w); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// petrarch adds the person names of the UniversalPetrarch Arabic actor
// dictionary: plain names of two or more words with a national CAMEO code,
// but those that hold a Latin acronym spelled letter by letter
// (translit.HasAcronym), and those of the media or business (CAMEO roles
// MED, BUS) without dates whose first word is no given name of
// petrarchGivenMin people of the Wikidata name units (newspapers and
// companies: يديعوت أحرونوت, غولدمان ساكس).
// A name equal to a known alias only completes that entry.
func (b *builder) petrarch() error {
	actors, err := sources.ReadPetrarch(b.path("lexicon", "petrarch-ar", "actor_dict_ar_v4.txt"))
	if err != nil {
		return err
	}
	persons, err := b.loadPersons()
	if err != nil {
		return err
	}
	// single-word aliases of countries and their demonyms: a token that is
	// one of these marks a description, not a name
	placeWord := map[string]bool{}
	aliasOwner := map[string]*gazetteer.Entry{}
	keys := make([]string, 0, len(b.byKey))
	for k := range b.byKey {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		e := b.byKey[k]
		for _, a := range e.Aliases {
			m := arabic.MatchForm(a)
			if _, ok := aliasOwner[m]; !ok {
				aliasOwner[m] = e
			}
			if e.Type == model.Location && !strings.Contains(m, " ") {
				placeWord[m] = true
			}
		}
		for _, d := range e.Demonyms {
			placeWord[arabic.MatchForm(d)] = true
		}
	}
	for _, a := range actors {
		a.Words = cleanWords(a.Words)
		if len(a.Words) < 2 || len(a.Words) > 6 {
			continue
		}
		mw := make([]string, len(a.Words))
		ok := true
		for i, w := range a.Words {
			mw[i] = arabic.MatchForm(w)
			if !arabic.HasScript(w) || petrarchOrgWords[mw[i]] || placeWord[mw[i]] || (i == 0 && petrarchTitleWords[mw[i]]) {
				ok = false
			}
		}
		if !ok || petrarchTitleWords[mw[len(mw)-1]] {
			continue
		}
		if translit.HasAcronym(strings.Join(a.Words, " ")) {
			continue // إيه بي سي, تلفزيون أي بي سي: a company's Latin acronym, no person
		}
		if !a.Dated && mediaOrBusiness(a.Codes) && persons.givenCount[mw[0]] < petrarchGivenMin {
			// an actor of the media or business without dates is as often
			// the newspaper or the company (يديعوت أحرونوت, غولدمان ساكس)
			// as a person: a person's name begins with a given name
			continue
		}
		// country: the most frequent ISO3 prefix among codes with a role
		count := map[string]int{}
		best := ""
		for _, c := range a.Codes {
			if len(c) < 6 {
				continue
			}
			if iso2 := b.iso3to2[c[:3]]; iso2 != "" {
				count[iso2]++
				if best == "" || count[iso2] > count[best] || (count[iso2] == count[best] && iso2 < best) {
					best = iso2
				}
			}
		}
		if best == "" {
			continue
		}
		ce := b.iso2[best]
		if ce == nil {
			continue
		}
		full := strings.Join(a.Words, " ")
		m := strings.Join(mw, " ")
		if owner := aliasOwner[m]; owner != nil {
			if owner.Type == model.Person {
				addSource(owner, gazetteer.SrcPetrarch)
				if owner.Country == "" {
					owner.Country = ce.Key
				}
			}
			continue
		}
		key := gazetteer.KeyFor(model.Person, full)
		if b.byKey[key] != nil {
			continue
		}
		e := b.add(&gazetteer.Entry{Key: key, Name: gazetteer.Transliterate(full), Type: model.Person, Country: ce.Key, Rank: gazetteer.RankPetrarch})
		addSource(e, gazetteer.SrcPetrarch)
		b.addAlias(e, full)
		aliasOwner[m] = e
		b.stats.PetrarchPersons++
	}
	return nil
}

// ambiguity marks single-word Arabic aliases that are common words: those of
// ambiguousCommon and those ANERcorp tags O in most of their (3+)
// occurrences.
func (b *builder) ambiguity() error {
	amb := map[string]bool{}
	for _, w := range ambiguousCommon {
		amb[arabic.MatchForm(w)] = true
	}
	// a word marked ambiguous by hand for one entry is a common word for
	// all (روحاني "spiritual"); not a club's bare name, which is ambiguous
	// as the club's (الخليج is the Gulf, the club only in sports news)
	for _, e := range b.byKey {
		if slices.Contains(e.Sources, gazetteer.SrcCurated) && e.Role != gazetteer.RoleClub {
			for _, a := range e.Ambiguous {
				if m := arabic.MatchForm(a); !strings.Contains(m, " ") {
					amb[m] = true
				}
			}
		}
	}
	total, other := map[string]int{}, map[string]int{}
	for _, p := range [][]string{{"ner", "anercorp", "train.txt"}, {"ner", "aqmar", "train.iob2"}} {
		if err := countTags(b.path(p...), total, other); err != nil {
			return err
		}
	}
	for w, n := range total {
		if n >= 3 && other[w]*2 > n && arabic.HasScript(w) && !b.sure[w] {
			amb[w] = true
		}
	}
	for _, e := range b.byKey {
		have := map[string]bool{}
		for _, a := range e.Ambiguous {
			have[arabic.MatchForm(a)] = true
		}
		for _, a := range e.Aliases {
			m := arabic.MatchForm(a)
			if !strings.Contains(m, " ") && amb[m] && !have[m] {
				e.Ambiguous = append(e.Ambiguous, a)
				have[m] = true
				b.stats.AmbiguousAliases++
			}
		}
	}
	return nil
}

// countTags adds to total and other the number of occurrences of each word
// (MatchForm) of a "token TAG" file and of those tagged O. A missing file
// counts nothing.
func countTags(path string, total, other map[string]int) error {
	sents, err := sources.ReadCoNLLFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, st := range sents {
		for i, tok := range st.Tokens {
			m := arabic.MatchForm(tok)
			total[m]++
			if st.Tags[i] == "O" {
				other[m]++
			}
		}
	}
	return nil
}

// WriteFile builds nothing; it writes entries to path in the compiled
// format, creating the directory.
func WriteFile(path string, entries []*gazetteer.Entry) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	if err := gazetteer.WriteCompiled(w, entries); err != nil {
		f.Close()
		os.Remove(tmp)
		return err
	}
	if err := w.Flush(); err != nil {
		f.Close()
		os.Remove(tmp)
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
