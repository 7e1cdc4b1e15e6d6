package gazetteer

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"

	kgzip "github.com/klauspost/compress/gzip"
	"golang.org/x/text/unicode/norm"

	"github.com/kg-project/kg/internal/gazetteer/data"
	"github.com/kg-project/kg/internal/memo"
	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/text/arabic"
	"github.com/kg-project/kg/internal/text/segment"
)

// Roles used in Entry.Role. Former office holders get the "former_" prefix
// (e.g. "former_head_of_state").
const (
	RoleHeadOfState      = "head_of_state"
	RoleHeadOfGovernment = "head_of_government"
	RoleForeignMinister  = "foreign_minister"
	RoleCapital          = "capital"
	RoleCountry          = "country"
	// RoleClub is a sports club, which news names by its bare name (الهلال)
	RoleClub = "club"
	// RoleSportsBody is a sports federation (UEFA), which sports news
	// names by another body's name (الاتحاد الأوروبي): its ambiguous
	// aliases
	RoleSportsBody = "sports_body"
)

// Entry is one real entity of the gazetteer.
type Entry struct {
	Key     string   // stable key: "wd:Q7747" when the QID is known, else "<type>:<slug>"
	Name    string   // canonical English name (a transliteration when only an Arabic name is known)
	Type    string   // model.Person, model.Organization or model.Location
	QID     string   // Wikidata QID ("Q7747"), "" when unknown
	Aliases []string // Arabic and English surface forms, sorted
	// Ambiguous lists the aliases (a subset of Aliases) that FindAll does
	// not match as this entry on their own: common words (مالي "financial",
	// صور "pictures") and the names of large name lists that only name what
	// the NER finds (see Lookup). They still count inside a longer alias.
	Ambiguous []string
	Country   string   // key of the country (cities, leaders, national bodies), "" when none
	Role      string   // e.g. "head_of_state", "capital", "country"; "" when none
	Demonyms  []string // adjectives/demonyms (countries, historical states): الروسي روسية Russian
	Rank      int64    // prominence used to order entries sharing an alias (higher first)
	// Context lists the keys of the countries in whose news the bare head
	// noun of the entry's names (التحالف of التحالف العربي) means it when
	// the article names no such body: the war its coalition fights there
	Context []string
	// Term is when a person held the office Role names, "SINCE/UNTIL", each
	// an ISO date or a year and either empty when unknown ("1932/1953-11-09",
	// "/2022"); "" when nothing is known. A former holder's UNTIL, set, says
	// from when the person no longer holds it (see InOffice).
	Term    string
	Sources []string // short names of the data sources the entry comes from
}

// Gazetteer is an immutable, indexed set of entries. Its methods are safe
// for concurrent use.
type Gazetteer struct {
	entries []*Entry
	byKey   map[string]*Entry
	alias   map[string][]*Entry // MatchForm(alias) -> entries, best first
	// best is the most prominent entry for which the alias is not
	// ambiguous: the one FindAll matches; an alias whose entries all mark it
	// ambiguous has none
	best    map[string]*Entry
	demonym map[string]*Entry // MatchForm(demonym) -> country
	// upper holds the keys of abbreviations of the lists (SHARE, ERIC):
	// FindAll matches them in upper case only (Share, Eric are words and
	// names); the curated ones are written as the news writes them (Nato)
	upper map[string]bool
	// lowerFirst holds the keys of Latin aliases written with a lower-case
	// particle joined by a hyphen (al-Qaeda, el-Sisi): FindAll matches them
	// with that particle in lower case too
	lowerFirst map[string]bool
	prefixes   map[string]bool // every proper word prefix of a matchable alias or demonym key
	maxTokens  int
	// keysIn filters the keys of best and demonym, prefixesIn those of
	// prefixes: FindAllWords looks a key up only when its filter may have it
	keysIn, prefixesIn keyFilter
	// names holds the persons of the large name list (names that only name
	// what the NER finds; see ReadCompiled) compactly: the MatchForm of the
	// name -> its line of the compiled file, made into an Entry, kept in
	// nameEntries, on its first Lookup
	names        map[string]string
	nameEntries  sync.Map // MatchForm -> []*Entry (the alias's entries with the name's)
	variantState          // the index of Variant, built on its first call
}

var defaultGaz = memo.NewLazy(func() (*Gazetteer, error) {
	return ReadCompiled(bytes.NewReader(data.Gazetteer))
})

// Default returns the gazetteer compiled into the binary (package
// internal/gazetteer/data), loaded on first use.
func Default() (*Gazetteer, error) { return defaultGaz.Get() }

// DropDefault forgets the loaded gazetteer (a later Default loads it
// again), so that its memory can go once its users are done.
func DropDefault() { defaultGaz.Drop() }

// New indexes entries (which it keeps; do not modify them afterwards).
func New(entries []*Entry) *Gazetteer {
	nAliases := 0
	for _, e := range entries {
		nAliases += len(e.Aliases)
	}
	g := &Gazetteer{
		entries:    append([]*Entry(nil), entries...),
		byKey:      make(map[string]*Entry, len(entries)),
		alias:      make(map[string][]*Entry, nAliases),
		best:       make(map[string]*Entry, nAliases/2),
		demonym:    make(map[string]*Entry),
		upper:      make(map[string]bool),
		lowerFirst: make(map[string]bool),
		prefixes:   make(map[string]bool),
	}
	lower := map[string]bool{} // keys with an alias that is not an abbreviation
	sort.Slice(g.entries, func(i, j int) bool { return g.entries[i].Key < g.entries[j].Key })
	var amb, seen []string // per entry: few items, slices beat maps
	for _, e := range g.entries {
		g.byKey[e.Key] = e
		amb = amb[:0]
		for _, a := range e.Ambiguous {
			amb = append(amb, arabic.MatchForm(a))
		}
		seen = seen[:0]
		for _, a := range e.Aliases {
			m := arabic.MatchForm(a)
			for _, k := range lookupKeys(a, m) {
				if slices.Contains(seen, k) {
					continue
				}
				seen = append(seen, k)
				g.alias[k] = append(g.alias[k], e)
				if isLatinKey(k) {
					if letterCount(a) >= 4 && a == strings.ToUpper(a) && !slices.Contains(e.Sources, "curated") {
						g.upper[k] = true
					} else {
						lower[k] = true
					}
					if lowerParticle(a) {
						g.lowerFirst[k] = true
					}
				}
				if !slices.Contains(amb, m) {
					if old := g.best[k]; old == nil || better(e, old) {
						g.best[k] = e
					}
				}
			}
		}
		for _, d := range e.Demonyms {
			for _, k := range lookupKeys(d, arabic.MatchForm(d)) {
				if old, ok := g.demonym[k]; !ok || better(e, old) {
					g.demonym[k] = e
				}
			}
		}
	}
	for k := range lower {
		delete(g.upper, k)
	}
	for _, es := range g.alias {
		if len(es) > 1 {
			sort.SliceStable(es, func(i, j int) bool { return better(es[i], es[j]) })
		}
	}
	// only what FindAll can match needs its word prefixes
	g.keysIn = newKeyFilter(len(g.best) + len(g.demonym))
	for _, keys := range []map[string]*Entry{g.best, g.demonym} {
		for k := range keys {
			g.addPrefixes(k)
			g.keysIn.add(k)
		}
	}
	g.prefixesIn = newKeyFilter(len(g.prefixes))
	for k := range g.prefixes {
		g.prefixesIn.add(k)
	}
	return g
}

// lowerParticle reports whether the Latin name s begins with a lower-case
// word joined to the next by a hyphen: an article or particle written in
// lower case (al-Qaeda, el-Sisi, bin-Laden), not a common word.
func lowerParticle(s string) bool {
	w, _, ok := strings.Cut(s, "-")
	if !ok || w == "" || strings.ContainsRune(w, ' ') {
		return false
	}
	for _, r := range w {
		if !unicode.IsLower(r) || !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return true
}

// lookupKeys returns the lookup keys of a surface form s whose MatchForm
// is m: m and, when s holds punctuation, its token key.
func lookupKeys(s, m string) []string {
	if m == "" {
		return nil
	}
	if needsTokenKey(s) {
		if t := tokenKey(s); t != "" && t != m {
			return []string{m, t}
		}
	}
	return []string{m}
}

// addPrefixes records the proper word prefixes of key k and its length.
func (g *Gazetteer) addPrefixes(k string) {
	n := strings.Count(k, " ") + 1
	if n > g.maxTokens {
		g.maxTokens = n
	}
	for i := 0; i < len(k); i++ {
		if k[i] == ' ' {
			g.prefixes[k[:i]] = true
		}
	}
}

// better orders entries sharing an alias: higher Rank first, then key.
func better(a, b *Entry) bool {
	if a.Rank != b.Rank {
		return a.Rank > b.Rank
	}
	return a.Key < b.Key
}

// Len returns the number of entries.
func (g *Gazetteer) Len() int { return len(g.entries) + len(g.names) }

// Entries returns the entries sorted by key, but for the persons of the
// name list that ReadCompiled keeps apart (only Lookup finds those). The
// slice must not be modified.
func (g *Gazetteer) Entries() []*Entry { return g.entries }

// ListedPersonNames calls fn with the English name of each person of the
// large name list (see Entries), in no particular order.
func (g *Gazetteer) ListedPersonNames(fn func(name string)) {
	for _, l := range g.names {
		var f [nFields]string
		if splitFields(l, &f) {
			fn(f[3])
		}
	}
}

// ByKey returns the entry with the given key ("wd:Q7747"), or nil (for the
// persons of the name list too, see Entries).
func (g *Gazetteer) ByKey(key string) *Entry { return g.byKey[key] }

// Lookup returns the entries that have an alias whose MatchForm is exactly
// matchForm, most prominent first (countries before cities of the same name,
// larger cities first), or nil. Unlike FindAll it includes the entries
// that mark the alias ambiguous: callers that know the name's type (the
// NER tagged it) may take them.
func (g *Gazetteer) Lookup(matchForm string) []*Entry {
	es := g.alias[matchForm]
	line, ok := g.names[matchForm]
	if !ok {
		return es
	}
	if v, ok := g.nameEntries.Load(matchForm); ok {
		return v.([]*Entry)
	}
	e, err := parseLine(line)
	if err != nil { // cannot happen: ReadCompiled checked the line
		return es
	}
	all := append(append(make([]*Entry, 0, len(es)+1), es...), e)
	sort.SliceStable(all, func(i, j int) bool { return better(all[i], all[j]) })
	v, _ := g.nameEntries.LoadOrStore(matchForm, all)
	return v.([]*Entry)
}

// Country returns the country named by name: its Wikidata id (Q851,
// wd:Q851) or one of its names in any script (Saudi Arabia, السعودية,
// case aside); nil when name names no country.
func (g *Gazetteer) Country(name string) *Entry {
	name = strings.TrimSpace(name)
	if q := strings.TrimPrefix(name, "wd:"); len(q) > 1 && (q[0] == 'Q' || q[0] == 'q') && strings.Trim(q[1:], "0123456789") == "" {
		if e := g.ByKey("wd:Q" + q[1:]); e != nil && e.Role == RoleCountry {
			return e
		}
		return nil
	}
	for _, e := range g.Lookup(arabic.MatchForm(name)) {
		if e.Role == RoleCountry {
			return e
		}
	}
	return nil
}

// Demonym returns the country (or historical state) that the adjective or
// demonym matchForm (MatchForm of الروسية، روسي، الروس، Russian) refers to,
// or nil.
func (g *Gazetteer) Demonym(matchForm string) *Entry { return g.demonym[matchForm] }

// IsAmbiguous reports whether the alias matchForm is one that no entry lets
// FindAll match on its own (a common word, or a name of a large name list).
func (g *Gazetteer) IsAmbiguous(matchForm string) bool {
	_, ok := g.alias[matchForm]
	_, name := g.names[matchForm]
	return (ok || name) && g.best[matchForm] == nil
}

// MaxAliasTokens returns the number of space-separated words of the longest
// alias or demonym FindAll can match, the longest n-gram worth looking up.
func (g *Gazetteer) MaxAliasTokens() int { return g.maxTokens }

// KeyFor returns the stable key of an entity without a QID: the lower-case
// type, a colon and the Slug of the MatchForm of its name:
// KeyFor(model.Location, "Central Asia") == "location:central_asia",
// KeyFor(model.Person, "قاسم جومارت توكاييف") == "person:قاسم_جومارت_توكاييف".
func KeyFor(typ, name string) string {
	return strings.ToLower(typ) + ":" + Slug(arabic.MatchForm(name))
}

// Slug returns s in lower case with Latin accents removed, letters and digits
// of any script kept and every other run of runes replaced by one "_".
func Slug(s string) string {
	var b strings.Builder
	under := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case r >= 0x300 && r <= 0x36F: // combining accents of Latin letters
			continue
		case segment.IsDiacritic(r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			if under && b.Len() > 0 {
				b.WriteByte('_')
			}
			under = false
			b.WriteRune(unicode.ToLower(r))
		default:
			under = true
		}
	}
	return norm.NFC.String(b.String())
}

// The compiled file is gzipped UTF-8 text: a header line, then one entry per
// line, sorted by key, fields separated by tabs, lists by '|':
// key type qid name country role rank aliases ambiguous demonyms context
// sources.
const compiledHeader = "#kg-gazetteer v3\tkey\ttype\tqid\tname\tcountry\trole\trank\taliases\tambiguous\tdemonyms\tcontext\tterm\tsources"

// nFields is the number of fields of a compiled line.
const nFields = 13

// WriteCompiled writes entries (sorted by key) in the compiled format. The
// output is deterministic: the same entries give the same bytes.
func WriteCompiled(w io.Writer, entries []*Entry) error {
	es := append([]*Entry(nil), entries...)
	sort.Slice(es, func(i, j int) bool { return es[i].Key < es[j].Key })
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	bw.WriteString(compiledHeader)
	bw.WriteByte('\n')
	for i, e := range es {
		if i > 0 && es[i-1].Key == e.Key {
			return fmt.Errorf("gazetteer: duplicate key %q", e.Key)
		}
		if !model.ValidEntityType(e.Type) {
			return fmt.Errorf("gazetteer: %s: bad type %q", e.Key, e.Type)
		}
		fields := []string{e.Key, e.Type, e.QID, e.Name, e.Country, e.Role,
			strconv.FormatInt(e.Rank, 10), joinList(e.Aliases), joinList(e.Ambiguous),
			joinList(e.Demonyms), joinList(e.Context), e.Term, joinList(e.Sources)}
		for k, f := range fields {
			if strings.ContainsAny(f, "\t\n\r") || ((k < 7 || k == 11) && strings.Contains(f, "|")) {
				return fmt.Errorf("gazetteer: %s: field %d holds a separator: %q", e.Key, k, f)
			}
		}
		bw.WriteString(strings.Join(fields, "\t"))
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

func joinList(xs []string) string {
	for _, x := range xs {
		if strings.ContainsAny(x, "|\t\n") {
			panic("gazetteer: list item holds a separator: " + x)
		}
	}
	return strings.Join(xs, "|")
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

// ReadCompiled reads a gazetteer written by WriteCompiled. The persons of
// the name list (about 57,000: one name each, all ambiguous, no QID) are
// kept as their lines and made into entries on their first Lookup, which
// saves most of the memory and load time they would take as entries.
func ReadCompiled(r io.Reader) (*Gazetteer, error) {
	entries, names, err := readCompiled(r, true)
	if err != nil {
		return nil, err
	}
	g := New(entries)
	g.names = names
	return g, nil
}

// ReadCompiledEntries reads the entries of a file written by WriteCompiled.
func ReadCompiledEntries(r io.Reader) ([]*Entry, error) {
	entries, _, err := readCompiled(r, false)
	return entries, err
}

// nameOnly reports whether the fields of a compiled line are those of a
// person of the name list: a person without QID, its one name its one
// ambiguous alias, written in MatchForm (so that the alias itself is the
// lookup key), from that list alone.
func nameOnly(f *[nFields]string) bool {
	return f[12] == SrcPersonNames && f[1] == model.Person && f[2] == "" && f[7] == f[8] && f[9] == "" && f[10] == "" && f[11] == "" &&
		!strings.Contains(f[7], "|") && isMatchForm(f[7])
}

// isMatchForm reports, cheaply, whether MatchForm(s) == s for an Arabic
// name: letters that MatchForm keeps, single spaces between words.
func isMatchForm(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' || strings.Contains(s, "  ") {
		return false
	}
	for _, r := range s {
		if r != ' ' && !(r >= 0x0621 && r <= 0x064A && arabic.FoldRune(r) == r) {
			return false
		}
	}
	return true
}

// splitFields cuts a compiled line at its tabs into f, without
// allocating, and reports whether it has the nFields fields.
func splitFields(l string, f *[nFields]string) bool {
	for i := 0; i < nFields-1; i++ {
		var ok bool
		f[i], l, ok = strings.Cut(l, "\t")
		if !ok {
			return false
		}
	}
	f[nFields-1] = l
	return !strings.Contains(l, "\t")
}

// parseLine makes an entry of one line of the compiled file.
func parseLine(l string) (*Entry, error) {
	var f [nFields]string
	if !splitFields(l, &f) {
		return nil, fmt.Errorf("%d fields, want %d", strings.Count(l, "\t")+1, nFields)
	}
	rank, err := strconv.ParseInt(f[6], 10, 64)
	if err != nil {
		return nil, fmt.Errorf("rank: %w", err)
	}
	e := &Entry{
		Key: f[0], Type: f[1], QID: f[2], Name: f[3], Country: f[4], Role: f[5], Rank: rank,
		Aliases: splitList(f[7]), Demonyms: splitList(f[9]), Context: splitList(f[10]), Term: f[11], Sources: splitList(f[12]),
	}
	if f[8] == f[7] {
		e.Ambiguous = e.Aliases
	} else {
		e.Ambiguous = splitList(f[8])
	}
	return e, nil
}

// readCompiled reads a compiled file; with compact, the lines of the
// name-list persons are returned apart, by name (see ReadCompiled).
func readCompiled(r io.Reader, compact bool) ([]*Entry, map[string]string, error) {
	zr, err := kgzip.NewReader(r)
	if err != nil {
		return nil, nil, fmt.Errorf("gazetteer: %w", err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, nil, fmt.Errorf("gazetteer: %w", err)
	}
	text := string(raw) // the entries' strings are pieces of it
	entries := make([]*Entry, 0, strings.Count(text, "\n"))
	// many entries share a source list: one slice for each
	lists := map[string][]string{}
	shared := func(src []string) []string {
		k := strings.Join(src, "|")
		if l, ok := lists[k]; ok {
			return l
		}
		lists[k] = src
		return src
	}
	var names map[string]string
	line := 0
	for len(text) > 0 {
		i := strings.IndexByte(text, '\n')
		var l string
		if i < 0 {
			l, text = text, ""
		} else {
			l, text = text[:i], text[i+1:]
		}
		line++
		if line == 1 {
			if !strings.HasPrefix(l, "#kg-gazetteer v3") {
				return nil, nil, fmt.Errorf("gazetteer: not a compiled gazetteer (header %.40q)", l)
			}
			continue
		}
		if l == "" {
			continue
		}
		if compact {
			// cheap checks first: most lines are not the name list's
			if strings.HasSuffix(l, "\t"+SrcPersonNames) {
				var f [nFields]string
				if splitFields(l, &f) && nameOnly(&f) {
					if _, err := strconv.ParseInt(f[6], 10, 64); err != nil {
						return nil, nil, fmt.Errorf("gazetteer: line %d: rank: %w", line, err)
					}
					if names == nil {
						names = map[string]string{}
					}
					names[f[7]] = l
					continue
				}
			}
		}
		e, err := parseLine(l)
		if err != nil {
			return nil, nil, fmt.Errorf("gazetteer: line %d: %w", line, err)
		}
		e.Sources = shared(e.Sources)
		entries = append(entries, e)
	}
	return entries, names, nil
}

// Source names used in Entry.Sources (see NOTICE.md).
const (
	SrcCountryCodes = "country-codes"
	SrcMledoze      = "mledoze"
	SrcCLDR         = "cldr"
	SrcCities       = "world-cities-ar"
	SrcSupraverden  = "supraverden"
	SrcEveryPol     = "wikidata-leaders-2022"
	SrcODA          = "open-data-archive-2026"
	SrcPetrarch     = "petrarch-ar"
	SrcCurated      = "curated"
	SrcGeoNames     = "geonames-cities-ar"
	SrcArWikiCats   = "arwikicats-en-ar"
	SrcKGE          = "wikikge10-ar"
	SrcPersonNames  = "wikidata-person-names-ar"
	// SrcWritten: the project's own lists of well-known organisations
	// (gazbuild/written)
	SrcWritten = "kg-written"
)

// Ranks: entries sharing an alias are ordered by Rank (see Lookup).
const (
	RankCountry   = 10_000_000_000
	RankTerritory = 5_000_000_000
	RankCurOrg    = 4_000_000_000
	RankRegion    = 3_500_000_000
	RankLeader    = 3_000_000_000
	RankFormer    = 2_000_000_000
	RankPerson    = 1_000_000_000
	RankCapital   = 100_000_000
	RankOrg       = 1_000_000
	RankPetrarch  = 100_000
	RankKGE       = 50_000
	RankCats      = 20_000
	// the persons of the name list rank by the number of people who bear
	// the name, below every other entry
	RankNames = 0
)

// termDate matches one side of a Term: an ISO date, a year and month, or a
// year.
var termDate = regexp.MustCompile(`^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$`)

// ValidTerm reports whether term is "" or a well-formed "SINCE/UNTIL"
// (Entry.Term) with SINCE not after UNTIL.
func ValidTerm(term string) bool {
	if term == "" {
		return true
	}
	since, until, ok := strings.Cut(term, "/")
	if !ok || since == "" && until == "" {
		return false
	}
	for _, d := range []string{since, until} {
		if d != "" && !termDate.MatchString(d) {
			return false
		}
	}
	return since == "" || until == "" || cmpDates(since, until) <= 0
}

// InOffice reports whether a person whose Entry.Term is term held the
// office on date (an ISO date, "2015-07-21"): false only when the term
// began after the date or ended before it, compared at the precision of
// the shorter of the two (a year is the whole year). An empty or malformed
// term or date says nothing: true.
func InOffice(term, date string) bool {
	if term == "" || !termDate.MatchString(date) || !ValidTerm(term) {
		return true
	}
	since, until, _ := strings.Cut(term, "/")
	return (since == "" || cmpDates(date, since) >= 0) && (until == "" || cmpDates(date, until) <= 0)
}

// cmpDates compares two ISO dates of any precision at the precision of
// the shorter.
func cmpDates(a, b string) int {
	n := min(len(a), len(b))
	return strings.Compare(a[:n], b[:n])
}
