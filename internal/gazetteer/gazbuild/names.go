package gazbuild

// Build steps for the name lists of the shared data folder's names/:
// GeoNames places, ArWikiCats labels, WikiKGE-10 names with QIDs and the
// Wikidata person names. See NOTICE.md for the sources and FIXES.md for
// the checks applied to them.

import (
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/kg-project/kg/internal/gazetteer"
	"github.com/kg-project/kg/internal/gztsv"
	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/text/arabic"
	"github.com/kg-project/kg/internal/translit"
)

// readTSV reads a gzipped TSV file with a header row and returns the rows
// as maps from column name to value (white space trimmed).
func readTSV(path string) ([]map[string]string, error) {
	var out []map[string]string
	err := gztsv.Read(path, func(head, fs []string, _ int) error {
		m := make(map[string]string, len(head))
		for i, h := range head {
			if i < len(fs) {
				m[h] = strings.TrimSpace(fs[i])
			}
		}
		out = append(out, m)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// asciiName returns a Latin name without accents and with the ayn and
// hamza signs of transcriptions as apostrophes: Ḩamāh -> Hamah,
// Al ‘Amārah -> Al 'Amarah.
func asciiName(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == '‘' || r == '’' || r == 'ʿ' || r == 'ʾ' || r == '`' || r == '´':
			b.WriteByte('\'')
		default:
			b.WriteRune(r)
		}
	}
	return strings.Join(strings.Fields(norm.NFC.String(b.String())), " ")
}

// onlyArabicLetters reports whether s holds only the letters of the Arabic
// alphabet (U+0621-U+064A) and spaces: no Persian or Urdu letters, which
// Arabic text does not use.
func onlyArabicLetters(s string) bool {
	for _, r := range s {
		if !arabic.IsLetter(r) && r != ' ' {
			return false
		}
	}
	return s != ""
}

// nameAgrees reports whether an Arabic name and a Latin one can be
// spellings of the same name: their consonant skeletons share most of
// their letters (Ahmad Walpi is not أحمد عكاش).
func nameAgrees(ar, lat string) bool {
	sa, sl := []rune(gazetteer.Skeleton(ar)), []rune(gazetteer.Skeleton(lat))
	if len(sa) == 0 || len(sl) == 0 {
		return false
	}
	return 2*lcs(sa, sl)*10 >= 6*(len(sa)+len(sl))
}

// placeNameAgrees is cityNameAgrees for the noisier lists, whatever the
// number of words: the consonants of an Arabic place name must be those of
// its English name, in length too (كاليفورنيا is not Cali, النقاط الخمس
// not Al Ajaylat).
func placeNameAgrees(ar, en string) bool {
	if arabicArticleName(en) {
		en = en[strings.IndexAny(en, " -")+1:]
	}
	l := strings.NewReplacer("ch", "tsh", "zh", "tsh").Replace(strings.ToLower(en))
	sa, se := []rune(gazetteer.Skeleton(ar)), []rune(gazetteer.Skeleton(l))
	if len(sa) == 0 || len(se) == 0 {
		return len(sa) == len(se)
	}
	if 2*min(len(sa), len(se)) < max(len(sa), len(se)) {
		return false
	}
	return 2*lcs(sa, se)*10 >= 5*(len(sa)+len(se))
}

// ---------------------------------------------------------------------------
// GeoNames places

// Population thresholds for the GeoNames places that become entries: the
// Arab world's towns matter most to Arabic news; elsewhere only cities.
const (
	geoArabPop  = 10_000
	geoNearPop  = 50_000
	geoWorldPop = 200_000
	// English names of smaller places are left out: they collide with
	// English words and names (Bayan, Adam, Sur)
	geoEnglishPop = 100_000
)

type gnPlace struct {
	id, name, iso2 string
	pop            int64
	ar             []string
}

// geonames adds the GeoNames populated places (names/geonames-cities-ar)
// above the population thresholds: their Arabic names join the city of
// world-cities-ar that has the same English or Arabic name in the same
// country, or make a new entry.
func (b *builder) geonames() error {
	rows, err := readTSV(b.path("names", "geonames-cities-ar", "cities500_ar.tsv.gz"))
	if err != nil {
		return err
	}
	var places []*gnPlace
	byID := map[string]*gnPlace{}
	for _, r := range rows {
		p := byID[r["geonameid"]]
		if p == nil {
			pop, _ := strconv.ParseInt(r["population"], 10, 64)
			p = &gnPlace{id: r["geonameid"], name: asciiName(r["name"]), iso2: r["country_code"], pop: pop}
			byID[p.id] = p
			places = append(places, p)
		}
		p.ar = append(p.ar, r["name_ar_script"])
	}
	// the cities already there, by country and English or Arabic name
	byLatin, byArabic := map[string][]*gazetteer.Entry{}, map[string][]*gazetteer.Entry{}
	index := func(e *gazetteer.Entry) {
		for _, a := range e.Aliases {
			if arabic.HasScript(a) {
				byArabic[e.Country+"|"+arabic.MatchForm(a)] = append(byArabic[e.Country+"|"+arabic.MatchForm(a)], e)
			} else {
				byLatin[e.Country+"|"+foldName(a)] = append(byLatin[e.Country+"|"+foldName(a)], e)
			}
		}
	}
	// and the curated places and places with a QID, whatever their country
	// (Jerusalem has none), by name
	byName := map[string][]*gazetteer.Entry{}
	for _, k := range b.sortedKeys() {
		e := b.byKey[k]
		if b.city[e] && e.Country != "" {
			index(e)
		}
		if e.Type == model.Location && e.Role != gazetteer.RoleCountry && (e.QID != "" || slices.Contains(e.Sources, gazetteer.SrcCurated)) {
			for _, a := range e.Aliases {
				f := foldName(a)
				if arabic.HasScript(a) {
					f = arabic.MatchForm(a)
				}
				if !slices.Contains(byName[f], e) {
					byName[f] = append(byName[f], e)
				}
			}
		}
	}
	// every Arabic alias so far: a place does not take the name of another
	// entry already there (the towns called واشنطن are not Washington,
	// Iraq's Iskandariyah is not الإسكندرية for FindAll)
	taken := map[string]*gazetteer.Entry{}
	for _, k := range b.sortedKeys() {
		e := b.byKey[k]
		for _, a := range e.Aliases {
			if m := arabic.MatchForm(a); arabic.HasScript(a) && taken[m] == nil {
				taken[m] = e
			}
		}
	}
	seenCapital := map[string]bool{}
	countryAlias := map[string]bool{}
	for _, ce := range b.iso2 {
		for _, a := range ce.Aliases {
			countryAlias[arabic.MatchForm(a)] = true
		}
	}
	b.gnArabic = map[string]int{}
	for _, p := range places {
		ce := b.iso2[p.iso2]
		if ce == nil || p.name == "" {
			continue
		}
		// only the largest place of a capital's name is the capital, and
		// only of an independent country
		capital := b.isCapital(p.iso2, p.name) && ce.Rank == gazetteer.RankCountry && !seenCapital[p.iso2+"|"+foldName(p.name)]
		if capital {
			seenCapital[p.iso2+"|"+foldName(p.name)] = true
		}
		if !(capital || p.pop >= geoWorldPop || arabWorld[p.iso2] && p.pop >= geoArabPop || nearArab[p.iso2] && p.pop >= geoNearPop) {
			continue
		}
		var names []string
		for _, a := range p.ar {
			a = clean(a)
			if cityReject.MatchString(a) || hasLatin(a) || !onlyArabicLetters(strings.NewReplacer("-", " ", "'", "", ".", "").Replace(arabic.MatchForm(a))) {
				continue
			}
			a = cityDisambg.ReplaceAllString(a, "")
			a = cityVenue.ReplaceAllString(a, "")
			a = cityPrefix.ReplaceAllString(a, "")
			m := arabic.MatchForm(a)
			if len([]rune(m)) < 3 || countryAlias[m] || len(strings.Fields(a)) > 4 || functionEdge(m) || !placeNameAgrees(a, p.name) {
				continue
			}
			names = append(names, a)
		}
		// the name without its article (رقة of الرقة, مفرق of المفرق) is an
		// ordinary word
		kept := names[:0]
		for _, a := range names {
			m := arabic.MatchForm(a)
			if !strings.Contains(m, " ") && !strings.HasPrefix(m, "ال") && (arabicArticleName(p.name) || slices.ContainsFunc(names, func(x string) bool { return arabic.MatchForm(x) == "ال"+m })) {
				continue
			}
			kept = append(kept, a)
		}
		names = kept
		if len(names) == 0 {
			continue
		}
		var e *gazetteer.Entry
		if es := byLatin[ce.Key+"|"+foldName(p.name)]; len(es) == 1 {
			e = es[0]
		} else if len(es) == 0 {
			var found []*gazetteer.Entry
			for _, a := range names {
				for _, x := range byArabic[ce.Key+"|"+arabic.MatchForm(a)] {
					if !slices.Contains(found, x) {
						found = append(found, x)
					}
				}
			}
			if len(found) == 1 {
				e = found[0]
			}
		}
		if e == nil {
			var found []*gazetteer.Entry
			for _, f := range append([]string{foldName(p.name)}, mapStrings(names, arabic.MatchForm)...) {
				for _, x := range byName[f] {
					if !slices.Contains(found, x) {
						found = append(found, x)
					}
				}
			}
			if len(found) == 1 && (found[0].Country == "" || found[0].Country == ce.Key) {
				e = found[0]
			}
		}
		if e == nil {
			key := gazetteer.KeyFor(model.Location, p.name) + "_" + strings.ToLower(p.iso2)
			if b.byKey[key] != nil {
				key += "_" + p.id
			}
			e = b.add(&gazetteer.Entry{Key: key, Name: p.name, Type: model.Location, Country: ce.Key, Rank: p.pop})
			if capital {
				e.Role = gazetteer.RoleCapital
				e.Rank = gazetteer.RankCapital + p.pop
			}
			b.city[e] = true
			if p.pop >= geoEnglishPop || capital {
				b.addAlias(e, p.name)
			}
			b.stats.Cities++
		}
		addSource(e, gazetteer.SrcGeoNames)
		if p.pop > b.pop[e] {
			b.pop[e] = p.pop
		}
		for _, a := range names {
			m := arabic.MatchForm(a)
			b.gnArabic[m]++
			if b.addNoisyAlias(e, a) && (cityNameCommon(a, p.name, p.iso2, capital) || taken[m] != nil && taken[m] != e) {
				e.Ambiguous = append(e.Ambiguous, clean(a))
			}
			if taken[m] == nil {
				taken[m] = e
			}
		}
		index(e)
	}
	return nil
}

func mapStrings(xs []string, f func(string) string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

// sortedKeys returns the keys of the entries so far, sorted.
func (b *builder) sortedKeys() []string {
	keys := make([]string, 0, len(b.byKey))
	for k := range b.byKey {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// ---------------------------------------------------------------------------
// ArWikiCats labels

var (
	parenRe = regexp.MustCompile(`\s*\([^)]*\)`)
	// competitions, not clubs
	leagueAr = regexp.MustCompile(`^(ال)?(دوري|كأس|كاس|بطولة|تصفيات|منتخب)\s`)
	leagueEn = regexp.MustCompile(`\b(league|cup|division|divisjon|liga|championship|serie|premier|bundesliga|national team|deild|trophy)\b`)
	// the words around a club's name: نادي الهلال, النادي الأهلي الرياضي
	clubWords = regexp.MustCompile(`^(ال)?نادي\s+|\s+(الرياضي|الثقافي|لكرة القدم)$`)
)

// catsType maps an ArWikiCats list to the entity type it holds, "" for
// the mixed lists (only used to complete entries found by English name).
var catsType = map[string]string{
	"person": model.Person, "sports_club_or_league": model.Organization,
	"place_or_city": model.Location, "place_or_polity": model.Location, "place": model.Location,
	"us_county": model.Location, "india_place": model.Location,
	"mixed_named_entity": "", "place_or_org": "",
}

// catsRegions is the ArWikiCats list of first-level regions, constituent
// countries and historical states (geography/P17_PP.json): the only place
// list whose names become entries of their own when no other list has them
// (the city lists are noisier).
const catsRegions = "place"

// rankWordsAr are the words (MatchForm) of a region's rank that may open its
// Arabic name (إمارة دبي, مملكة هولندا).
var rankWordsAr = arabic.WordSet(arabic.MatchForm(`محافظة ولاية مقاطعة منطقة إقليم قضاء بلدية لواء إمارة مملكة`))

// lowerParticles stay in lower case inside English names.
var lowerParticles = arabic.WordSet(`bin ibn bint de da di von van der du la le del dos das el al of the and`)

// upperTokens are the club and company abbreviations of the lower-cased
// labels.
var upperTokens = arabic.WordSet(`fc sc ac cf afc sk fk cd cs sv bk if ik rc ud sd ec fsv tsv vfb vfl usm jsk mc cr ca ss`)

// titleCase restores the case of a lower-cased English label: Akbar Hashemi
// Rafsanjani, Pope Pius XI, A.S. Roma, Al-Hilal FC.
func titleCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		parts := strings.Split(w, "-")
		for j, p := range parts {
			l := strings.ToLower(p)
			switch {
			case upperTokens[l] || strings.Contains(l, ".") && len(l) <= 5 || romanNumeral(l):
				parts[j] = strings.ToUpper(p)
			case (i > 0 || j > 0) && lowerParticles[l]:
				parts[j] = l
			default:
				rs := []rune(p)
				if len(rs) > 0 {
					rs[0] = unicode.ToUpper(rs[0])
				}
				parts[j] = string(rs)
			}
		}
		words[i] = strings.Join(parts, "-")
	}
	return strings.Join(words, " ")
}

var romanRe = regexp.MustCompile(`^[ivxl]+$`)

func romanNumeral(w string) bool { return len(w) <= 5 && romanRe.MatchString(w) && w != "ivy" }

// arwikicats reads the English -> Arabic labels of names/arwikicats-en-ar:
// a label whose English name is that of one entry of a fitting type gives
// it an Arabic name (leaders and organisations with QIDs among them); the
// persons (full names) and sports clubs not in the gazetteer become
// entries. Labels that give one Arabic name to several English ones are
// left out.
func (b *builder) arwikicats() error {
	rows, err := readTSV(b.path("names", "arwikicats-en-ar", "en_ar_labels.tsv.gz"))
	if err != nil {
		return err
	}
	persons, err := b.loadPersons()
	if err != nil {
		return err
	}
	type label struct{ en, ar, typ, list string }
	var labels []label
	enOf := map[string]map[string]bool{} // Arabic MatchForm -> English labels
	for _, r := range rows {
		typ, ok := catsType[r["list_type"]]
		if !ok {
			continue
		}
		en := strings.TrimSpace(parenRe.ReplaceAllString(r["english_lower"], ""))
		ar := clean(cityDisambg.ReplaceAllString(parenRe.ReplaceAllString(r["arabic"], ""), ""))
		if en == "" || ar == "" || hasLatin(ar) || !arabic.HasScript(ar) {
			continue
		}
		if typ == model.Organization && (leagueAr.MatchString(ar) || leagueEn.MatchString(en)) {
			continue
		}
		if _, acr := translit.Acronym(ar); acr {
			continue // إيه بي سي is ABC Futebol Clube's label, but in the news ABC's
		}
		m := arabic.MatchForm(ar)
		if enOf[m] == nil {
			enOf[m] = map[string]bool{}
		}
		// a namesake told apart by its state is not another name
		// (Scotland, South Dakota: إسكتلندا as Scotland is)
		base, _, _ := strings.Cut(en, ", ")
		enOf[m][foldName(base)] = true
		labels = append(labels, label{en, ar, typ, r["list_type"]})
	}
	// entries by English name
	byLatin := map[string][]*gazetteer.Entry{}
	owner := map[string]*gazetteer.Entry{} // Arabic alias MatchForm -> an entry
	for _, k := range b.sortedKeys() {
		e := b.byKey[k]
		for _, a := range append([]string{e.Name}, e.Aliases...) {
			if arabic.HasScript(a) {
				if _, ok := owner[arabic.MatchForm(a)]; !ok {
					owner[arabic.MatchForm(a)] = e
				}
				continue
			}
			if a == strings.ToUpper(a) {
				continue // an abbreviation (SESAME) is not the word of the lower-cased labels (sesame)
			}
			f := foldName(a)
			if !slices.Contains(byLatin[f], e) {
				byLatin[f] = append(byLatin[f], e)
			}
		}
	}
	b.catsKind, b.catsEnglish = map[string]string{}, map[string]string{}
	demonyms := map[string]bool{}
	for _, ce := range b.iso2 {
		for _, d := range ce.Demonyms {
			demonyms[arabic.MatchForm(d)] = true
		}
	}
	// short club names (الهلال of نادي الهلال): kept only when one club has it
	shortCount := map[string]int{}
	for _, l := range labels {
		if l.typ == model.Organization {
			if s := clubWords.ReplaceAllString(l.ar, ""); s != l.ar {
				shortCount[arabic.MatchForm(s)]++
			}
		}
	}
	for _, l := range labels {
		m := arabic.MatchForm(l.ar)
		if len(enOf[m]) > 1 {
			continue // one Arabic label for several names
		}
		b.catsKind[m] = l.typ
		b.catsEnglish[m] = l.en
		var es []*gazetteer.Entry
		if letterCount(l.en) <= 3 {
			continue // abbreviations: "who" is not the WHO
		}
		for _, e := range byLatin[foldName(l.en)] {
			if l.typ == "" || e.Type == l.typ {
				es = append(es, e)
			}
		}
		words := len(strings.Fields(l.ar))
		switch {
		case len(es) == 1:
			e := es[0]
			if e.Role == gazetteer.RoleCountry || e.Rank >= gazetteer.RankTerritory {
				continue // countries have their names from better sources
			}
			if e.Type == model.Person && (words < 2 || !nameAgrees(l.ar, l.en) || persons.common(m)) {
				continue // a surname alone, or two frequent name words (محمد بخاري), name too many people
			}
			if e.Type == model.Location && !placeNameAgrees(l.ar, l.en) {
				continue
			}
			if o := owner[m]; o != nil && o != e {
				continue // the name is another entry's
			}
			if b.addNoisyAlias(e, l.ar) {
				addSource(e, gazetteer.SrcArWikiCats)
				owner[m] = e
			}
		case len(es) == 0 && l.typ == model.Person:
			if words < 2 || owner[m] != nil || !nameAgrees(l.ar, l.en) || persons.common(m) {
				continue
			}
			e := b.newCatsEntry(model.Person, l.en)
			if e == nil {
				continue
			}
			name := e.Name
			b.addAlias(e, l.ar)
			if len(strings.Fields(name)) >= 2 {
				b.addAlias(e, name)
			}
			owner[m] = e
		case len(es) == 0 && l.list == catsRegions:
			// a region, constituent country or historical state no other
			// list has (England, Northern Ireland, Kingdom of Naples)
			if owner[m] != nil || words > 4 {
				continue
			}
			// إمارة دبي, مملكة هولندا: a word of rank before a place that
			// has its entry names that place (or a former state of it) in news
			if rest := strings.SplitN(m, " ", 2); len(rest) == 2 && rankWordsAr[rest[0]] && owner[rest[1]] != nil {
				continue
			}
			e := b.newCatsEntry(model.Location, l.en)
			if e == nil {
				continue
			}
			name := e.Name
			// a one-word Arabic name only links what the NER tags: many are
			// also given names or words (جلوي Galway and Jiluwi, جبار Żabbar)
			if b.addNoisyAlias(e, l.ar) && words == 1 {
				e.Ambiguous = append(e.Ambiguous, clean(l.ar))
			}
			b.addAlias(e, name)
			owner[m] = e
		case len(es) == 0 && l.typ == model.Organization:
			if owner[m] != nil || genericClubName(m, demonyms) {
				continue
			}
			e := b.newCatsEntry(model.Organization, l.en)
			if e == nil {
				continue
			}
			name := e.Name
			b.addNoisyAlias(e, l.ar)
			if len(name) > 3 {
				b.addAlias(e, name)
			}
			if s := clubWords.ReplaceAllString(l.ar, ""); s != l.ar && shortCount[arabic.MatchForm(s)] == 1 &&
				owner[arabic.MatchForm(s)] == nil && !genericClubName(arabic.MatchForm(s), demonyms) {
				b.addNoisyAlias(e, s)
			}
			owner[m] = e
		}
	}
	return nil
}

// newCatsEntry adds an entry of type typ named after an English label of
// ArWikiCats (title-cased) and returns it, or nil when an entry has that
// key already.
func (b *builder) newCatsEntry(typ, en string) *gazetteer.Entry {
	name := titleCase(en)
	key := gazetteer.KeyFor(typ, name)
	if b.byKey[key] != nil {
		return nil
	}
	return b.add(&gazetteer.Entry{Key: key, Name: name, Type: typ, Rank: gazetteer.RankCats})
}

// genericClubName reports whether a club's Arabic name (MatchForm) is,
// besides نادي, a word with the article, alone or with a nationality (نادي
// النصر، الاتحاد السعودي): many clubs of many
// countries share الأهلي، النصر، الاتحاد، and الاتحاد السعودي is as often
// the Saudi football federation. Such names are left to the NER.
func genericClubName(m string, demonyms map[string]bool) bool {
	w := strings.Fields(clubWords.ReplaceAllString(m, ""))
	return len(w) >= 1 && len(w) <= 2 && strings.HasPrefix(w[0], "ال") && (len(w) == 1 || demonyms[w[1]])
}

// ---------------------------------------------------------------------------
// Wikidata person names

// personData is what the person-name list says about one full name.
type personData struct {
	latin  map[string]string // MatchForm of the name -> best Latin spelling
	people map[string]int    // MatchForm of the name -> number of people who bear it
	iso2   map[string]string // MatchForm of the name -> country of the spelling
	given  map[string]bool   // MatchForm of given names (of one or more words)
	keys   []string          // the names, in file order
	// people bearing each name unit as a given name and as a surname
	givenCount, surnameCount map[string]int
}

// distinctive reports whether the full name m (MatchForm) names one person
// rather than many: one person bears it in the list, and it has three
// words or more, or two that are not both frequent (أحمد الشريف, سعيد
// حامد are many people's names; مصطفى مدبولي is one's).
func (d *personData) distinctive(m string) bool {
	return d.people[m] <= 1 && !d.common(m)
}

// common reports whether the name m is a given name alone or two frequent
// name words (فاطمة الزهراء).
func (d *personData) common(m string) bool {
	w := strings.Fields(m)
	return len(w) < 2 || len(w) == 2 && d.givenCount[w[0]] >= 50 && (d.surnameCount[w[1]] >= 20 || d.givenCount[w[1]] >= 20)
}

// personNames reads names/wikidata-person-names-ar once (full names of
// Wikidata humans from the Arab world, Iran, Pakistan and Afghanistan, with
// their attested Latin spellings).
func (b *builder) personNames() error {
	d, err := b.loadPersons()
	if err != nil {
		return err
	}
	owner := map[string]*gazetteer.Entry{}
	for _, k := range b.sortedKeys() {
		e := b.byKey[k]
		for _, a := range e.Aliases {
			if m := arabic.MatchForm(a); owner[m] == nil {
				owner[m] = e
			}
		}
	}
	for _, m := range d.keys {
		lat := d.latin[m]
		if lat == "" || d.iso2[m] == "PK" || d.iso2[m] == "AF" {
			continue // Urdu and Pashto names rarely reach Arabic news; their spellings do not fit Arabic names
		}
		if o := owner[m]; o != nil {
			// a name the gazetteer has: a petrarch person gets its attested
			// spelling instead of a transliteration
			if o.Type == model.Person && len(o.Sources) > 0 && o.Sources[0] == gazetteer.SrcPetrarch && o.Name == gazetteer.Transliterate(o.Aliases[0]) {
				o.Name = lat
				addSource(o, gazetteer.SrcPersonNames)
				b.enrich(o)
			}
			continue
		}
		key := gazetteer.KeyFor(model.Person, m)
		if b.byKey[key] != nil {
			continue
		}
		e := b.add(&gazetteer.Entry{Key: key, Name: lat, Type: model.Person, Rank: gazetteer.RankNames + int64(d.people[m])})
		if ce := b.iso2[d.iso2[m]]; ce != nil {
			e.Country = ce.Key
		}
		b.addAlias(e, m)
		e.Ambiguous = append(e.Ambiguous, m)
		owner[m] = e
		b.stats.NameOnlyPersons++
	}
	return nil
}

// latinWords counts the words of a Latin name, hyphenated parts apart but
// for the article (Amir-Khatami is two, Al-Assaf one).
func latinWords(s string) int {
	n := 0
	for _, w := range strings.Fields(s) {
		for _, p := range strings.Split(w, "-") {
			switch strings.ToLower(p) {
			case "", "al", "el", "ad", "as", "ash", "ar", "at", "az", "an", "ed", "es", "ben", "bin", "ibn", "abu", "abou", "bou", "abd", "abdel", "abdul":
			default:
				n++
			}
		}
	}
	return n
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// enrich records that the source of the step running completed e.
func (b *builder) enrich(e *gazetteer.Entry) {
	if b.enriched[b.src] == nil {
		b.enriched[b.src] = map[*gazetteer.Entry]bool{}
	}
	b.enriched[b.src][e] = true
}

// loadPersons reads and selects the person names: Wikidata names (not the
// registry names of the Algerian corpus) of two words or more in Arabic
// letters that are not a given name alone (عبد العزيز), with the Latin
// spelling that is English, of an Arab country, most attested, and agrees
// with the Arabic (see nameAgrees).
func (b *builder) loadPersons() (*personData, error) {
	if b.persons != nil {
		return b.persons, nil
	}
	dir := b.path("names", "wikidata-person-names-ar")
	units, err := readTSV(dir + "/name_units.tsv.gz")
	if err != nil {
		return nil, err
	}
	d := &personData{latin: map[string]string{}, people: map[string]int{}, iso2: map[string]string{}, given: map[string]bool{},
		givenCount: map[string]int{}, surnameCount: map[string]int{}}
	for _, r := range units {
		m := arabic.MatchForm(r["arabic_key"])
		n, _ := strconv.Atoi(r["count"])
		switch r["role"] {
		case "given":
			d.given[m] = true
			d.givenCount[m] += n
		case "surname":
			d.surnameCount[m] += n
		}
	}
	rows, err := readTSV(dir + "/full_names.tsv.gz")
	if err != nil {
		return nil, err
	}
	type cand struct {
		latin, iso2 string
		score       int
	}
	best := map[string]cand{}
	langScore := map[string]int{"en": 3, "alias": 2, "fr": 1}
	for _, r := range rows {
		if r["source"] != "wikidata" {
			continue
		}
		m := arabic.MatchForm(r["arabic_key"])
		if !onlyArabicLetters(m) || len(strings.Fields(m)) < 2 || d.given[m] {
			continue
		}
		n, _ := strconv.Atoi(r["count"])
		if _, seen := d.people[m]; !seen {
			d.keys = append(d.keys, m)
		}
		d.people[m] += n
		lat := strings.Join(strings.Fields(r["latin"]), " ")
		if lat == "" || !hasLatin(lat) || strings.ContainsAny(lat, "|\t") || !nameAgrees(m, lat) {
			continue
		}
		if latinWords(lat) > len(strings.Fields(m)) && r["country"] != "IR" {
			// a Latin label with a name the Arabic lacks (Khaled Mhawes
			// Al-Saeed for خالد السعيد) names one bearer, not the name:
			// every other خالد السعيد would get his middle name. (Persian
			// names write compounds as one word: محمدناصر, Mohammad Naser.)
			continue
		}
		// the spelling with as many words as the Arabic first (not Omar
		// Moussa Bouh for عمر موسى), then English, of an Arab country, most
		// attested
		sc := -abs(latinWords(lat)-len(strings.Fields(m)))*10_000_000 + langScore[r["latin_lang"]]*1_000_000 + n
		if arabWorld[r["country"]] {
			sc += 100_000
		}
		if c, ok := best[m]; !ok || sc > c.score || sc == c.score && lat < c.latin {
			best[m] = cand{lat, r["country"], sc}
		}
	}
	for m, c := range best {
		d.latin[m] = c.latin
		d.iso2[m] = c.iso2
	}
	b.persons = d
	return d, nil
}

// ---------------------------------------------------------------------------
// WikiKGE-10: checked Arabic names of 1,000 Wikidata items

var (
	// clubs and universities: the other organisation words also start
	// concepts (جمعية تعاونية) and names that several bodies share (مجلس الشعب)
	orgWordsAr   = regexp.MustCompile(`^(ال)?(نادي|جامعة)\s`)
	placeWordsAr = regexp.MustCompile(`^(مدينة|محافظة|ولاية|مقاطعة|منطقة|إقليم|جزيرة|جزر|نهر|بحر|جبل|جبال|بحيرة|صحراء|قضاء|بلدية)\s`)
	adminWordsAr = regexp.MustCompile(`^(محافظة|ولاية|مقاطعة|منطقة|إقليم|قضاء|بلدية|لواء|إمارة)\s`)
)

// wikikge adds the names of names/wikikge10-ar (human-checked Arabic names
// of Wikidata items, the names annotators rejected left out): to the entry
// that has the item's QID, or to the one entry of the item's type that has
// its name and no QID (which takes the QID), or as a new entry for the
// persons and organisations. The type is that of the other name lists: a
// full name of the person names or ArWikiCats persons, a GeoNames place, an
// ArWikiCats club or place, or a name that starts like one of an
// organisation or place. A person's name that several people bear gives no
// QID.
func (b *builder) wikikge() error {
	rows, err := readTSV(b.path("names", "wikikge10-ar", "names_ar.tsv.gz"))
	if err != nil {
		return err
	}
	persons, err := b.loadPersons()
	if err != nil {
		return err
	}
	type item struct {
		label string
		names []string
	}
	items := map[string]*item{}
	var qids []string
	bad := map[string]bool{} // qid|MatchForm of rejected names
	for _, r := range rows {
		q := qidOf(r["qid"])
		if q == "" {
			continue
		}
		it := items[q]
		if it == nil {
			it = &item{}
			items[q] = it
			qids = append(qids, q)
		}
		n := clean(r["name_ar"])
		switch {
		case n == "" || hasLatin(n) || strings.ContainsAny(n, ":0123456789٠١٢٣٤٥٦٧٨٩"):
		case r["status"] == "incorrect":
			bad[q+"|"+arabic.MatchForm(n)] = true
		case r["status"] == "label" || r["status"] == "correct":
			// the Wikidata aliases that the annotators did not check are
			// left out: they hold other entities' names (مجلس الشعب of
			// Egypt for Syria's)
			if r["status"] == "label" {
				it.label = n
			}
			it.names = append(it.names, n)
		}
	}
	sort.Strings(qids)
	owners := map[string][]*gazetteer.Entry{} // alias MatchForm -> entries
	for _, k := range b.sortedKeys() {
		e := b.byKey[k]
		for _, a := range e.Aliases {
			m := arabic.MatchForm(a)
			owners[m] = append(owners[m], e)
		}
	}
	for _, q := range qids {
		it := items[q]
		var names []string
		for _, n := range it.names {
			if !bad[q+"|"+arabic.MatchForm(n)] && !slices.Contains(names, n) {
				names = append(names, n)
			}
		}
		if it.label == "" || len(names) == 0 {
			continue
		}
		typ := b.kgeType(it.label, names, persons)
		e := b.byQID[q]
		if e == nil && typ != "" {
			// the one entry of that type with one of its names
			var found []*gazetteer.Entry
			for _, n := range names {
				m := arabic.MatchForm(n)
				if typ == model.Person && !persons.distinctive(m) {
					continue
				}
				for _, x := range owners[m] {
					if x.Type == typ && !slices.Contains(found, x) {
						found = append(found, x)
					}
				}
			}
			if len(found) == 1 && found[0].QID == "" && b.kgeFits(found[0], it.label, names) {
				e = found[0]
				b.setQID(e, q)
			} else if len(found) == 0 {
				e = b.newKGE(q, typ, it.label, persons)
			}
		}
		if e == nil {
			continue
		}
		addSource(e, gazetteer.SrcKGE)
		for _, n := range names {
			m := arabic.MatchForm(n)
			if e.Type == model.Person && persons.common(m) {
				continue // a given name alone, or a frequent pair, names too many people
			}
			if len(owners[m]) > 0 && !slices.Contains(owners[m], e) {
				continue // another entry's name
			}
			if b.addNoisyAlias(e, n) {
				owners[m] = append(owners[m], e)
			}
		}
	}
	return nil
}

// kgeFits reports whether a WikiKGE item with this label and names can be
// the entry e, which has one of its names: a province (محافظة الفروانية)
// is not its capital city, and a place's one-word names must all be
// spellings of its English name (بشت "bisht" and مشلح are not Pest).
func (b *builder) kgeFits(e *gazetteer.Entry, label string, names []string) bool {
	if e.Type != model.Location {
		return true
	}
	if b.city[e] && adminWordsAr.MatchString(label) {
		return false
	}
	for _, n := range names {
		if len(strings.Fields(n)) != 2 && !cityNameAgrees(n, e.Name) {
			return false
		}
	}
	return true
}

// kgeType is the entity type of a WikiKGE item from its names, "" when
// none or several fit.
func (b *builder) kgeType(label string, names []string, persons *personData) string {
	types := map[string]bool{}
	for _, n := range names {
		m := arabic.MatchForm(n)
		if strings.Contains(m, " ") && (persons.people[m] > 0 || b.catsKind[m] == model.Person) {
			types[model.Person] = true
		}
	}
	lm := arabic.MatchForm(label)
	if b.gnArabic[lm] > 0 || placeWordsAr.MatchString(label) || b.catsKind[lm] == model.Location {
		types[model.Location] = true
	}
	if orgWordsAr.MatchString(label) || b.catsKind[lm] == model.Organization {
		types[model.Organization] = true
	}
	if len(types) != 1 {
		return ""
	}
	for t := range types {
		return t
	}
	return ""
}

// newKGE makes the entry of a WikiKGE person or organisation that no entry
// has: persons of two words or more that only one person bears, with the
// Latin spelling of the person names or ArWikiCats.
func (b *builder) newKGE(q, typ, label string, persons *personData) *gazetteer.Entry {
	m := arabic.MatchForm(label)
	name := ""
	switch typ {
	case model.Person:
		if !persons.distinctive(m) {
			return nil
		}
		name = persons.latin[m]
	case model.Organization:
	default:
		return nil // places need a country and a population: GeoNames gives them
	}
	if name == "" && b.catsEnglish[m] != "" {
		name = titleCase(b.catsEnglish[m])
	}
	if name == "" {
		name = gazetteer.Transliterate(label)
	}
	if name == "" {
		return nil
	}
	e := b.add(&gazetteer.Entry{Key: "wd:" + q, Name: name, Type: typ, QID: q, Rank: gazetteer.RankKGE})
	if hasLatin(name) && len(strings.Fields(name)) >= 2 {
		b.addAlias(e, name)
	}
	return e
}

// letterCount is the number of letters of k.
func letterCount(k string) int {
	n := 0
	for _, r := range k {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}
