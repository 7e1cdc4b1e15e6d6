package gazetteer

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/kg-project/kg/internal/extract/arabic"
	"github.com/kg-project/kg/internal/gazetteer/data"
	"github.com/kg-project/kg/internal/model"
	"golang.org/x/text/unicode/norm"
)

// Roles used in Entry.Role. Former office holders get the "former_" prefix
// (e.g. "former_head_of_state").
const (
	RoleHeadOfState      = "head_of_state"
	RoleHeadOfGovernment = "head_of_government"
	RoleForeignMinister  = "foreign_minister"
	RoleCapital          = "capital"
	RoleCountry          = "country"
)

// Entry is one real entity of the gazetteer.
type Entry struct {
	Key     string   // stable key: "wd:Q7747" when the QID is known, else "<type>:<slug>"
	Name    string   // canonical English name (a transliteration when only an Arabic name is known)
	Type    string   // model.Person, model.Organization or model.Location
	QID     string   // Wikidata QID ("Q7747"), "" when unknown
	Aliases []string // Arabic and English surface forms, sorted
	// Ambiguous lists the aliases (a subset of Aliases) that are also common
	// words (مالي "financial", صور "pictures"): FindAll does not match them
	// on their own, only inside a longer name.
	Ambiguous []string
	Country   string   // key of the country (cities, leaders, national bodies), "" when none
	Role      string   // e.g. "head_of_state", "capital", "country"; "" when none
	Demonyms  []string // adjectives/demonyms (countries, historical states): الروسي روسية Russian
	Rank      int64    // prominence used to order entries sharing an alias (higher first)
	Sources   []string // short names of the data sources the entry comes from
}

// Gazetteer is an immutable, indexed set of entries. Its methods are safe
// for concurrent use.
type Gazetteer struct {
	entries   []*Entry
	byKey     map[string]*Entry
	alias     map[string][]*Entry // MatchForm(alias) -> entries, best first
	demonym   map[string]*Entry   // MatchForm(demonym) -> country
	ambiguous map[string]bool     // MatchForm of aliases not to be matched alone
	prefixes  map[string]bool     // every proper word prefix of an alias or demonym key
	maxTokens int
}

var (
	defaultOnce sync.Once
	defaultGaz  *Gazetteer
	defaultErr  error
)

// Default returns the gazetteer compiled into the binary (package
// internal/gazetteer/data), loaded on first use.
func Default() (*Gazetteer, error) {
	defaultOnce.Do(func() {
		defaultGaz, defaultErr = ReadCompiled(bytes.NewReader(data.Gazetteer))
	})
	return defaultGaz, defaultErr
}

// New indexes entries (which it keeps; do not modify them afterwards).
func New(entries []*Entry) *Gazetteer {
	g := &Gazetteer{
		entries:   append([]*Entry(nil), entries...),
		byKey:     make(map[string]*Entry, len(entries)),
		alias:     make(map[string][]*Entry, len(entries)*4),
		demonym:   make(map[string]*Entry),
		ambiguous: make(map[string]bool),
		prefixes:  make(map[string]bool),
	}
	sort.Slice(g.entries, func(i, j int) bool { return g.entries[i].Key < g.entries[j].Key })
	for _, e := range g.entries {
		g.byKey[e.Key] = e
		seen := map[string]bool{}
		for _, a := range e.Aliases {
			for _, m := range g.keysOf(a) {
				if seen[m] {
					continue
				}
				seen[m] = true
				g.alias[m] = append(g.alias[m], e)
			}
		}
		for _, a := range e.Ambiguous {
			g.ambiguous[arabic.MatchForm(a)] = true
		}
		for _, d := range e.Demonyms {
			for _, m := range g.keysOf(d) {
				if old, ok := g.demonym[m]; !ok || better(e, old) {
					g.demonym[m] = e
				}
			}
		}
	}
	for _, es := range g.alias {
		sort.SliceStable(es, func(i, j int) bool { return better(es[i], es[j]) })
	}
	return g
}

// keysOf returns the lookup keys of a surface form (its MatchForm and, when
// it holds punctuation, its token key) and records their word prefixes.
func (g *Gazetteer) keysOf(s string) []string {
	m := arabic.MatchForm(s)
	if m == "" {
		return nil
	}
	keys := []string{m}
	if needsTokenKey(s) {
		if t := tokenKey(s); t != "" && t != m {
			keys = append(keys, t)
		}
	}
	for _, k := range keys {
		words := strings.Split(k, " ")
		if len(words) > g.maxTokens {
			g.maxTokens = len(words)
		}
		for i := 1; i < len(words); i++ {
			g.prefixes[strings.Join(words[:i], " ")] = true
		}
	}
	return keys
}

// better orders entries sharing an alias: higher Rank first, then key.
func better(a, b *Entry) bool {
	if a.Rank != b.Rank {
		return a.Rank > b.Rank
	}
	return a.Key < b.Key
}

// Len returns the number of entries.
func (g *Gazetteer) Len() int { return len(g.entries) }

// Entries returns all entries sorted by key. The slice must not be modified.
func (g *Gazetteer) Entries() []*Entry { return g.entries }

// ByKey returns the entry with the given key ("wd:Q7747"), or nil.
func (g *Gazetteer) ByKey(key string) *Entry { return g.byKey[key] }

// Lookup returns the entries that have an alias whose MatchForm is exactly
// matchForm, most prominent first (countries before cities of the same name,
// larger cities first), or nil.
func (g *Gazetteer) Lookup(matchForm string) []*Entry { return g.alias[matchForm] }

// Demonym returns the country (or historical state) that the adjective or
// demonym matchForm (MatchForm of الروسية، روسي، الروس، Russian) refers to,
// or nil.
func (g *Gazetteer) Demonym(matchForm string) *Entry { return g.demonym[matchForm] }

// IsAmbiguous reports whether the alias matchForm is also a common word and
// should not be taken as a name on its own.
func (g *Gazetteer) IsAmbiguous(matchForm string) bool { return g.ambiguous[matchForm] }

// MaxAliasTokens returns the number of space-separated words of the longest
// alias or demonym, the longest n-gram worth looking up.
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
		case arabic.IsDiacritic(r):
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
// key type qid name country role rank aliases ambiguous demonyms sources.
const compiledHeader = "#kg-gazetteer v1\tkey\ttype\tqid\tname\tcountry\trole\trank\taliases\tambiguous\tdemonyms\tsources"

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
			joinList(e.Demonyms), joinList(e.Sources)}
		for k, f := range fields {
			if strings.ContainsAny(f, "\t\n\r") || (k < 7 && strings.Contains(f, "|")) {
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

// ReadCompiled reads a gazetteer written by WriteCompiled.
func ReadCompiled(r io.Reader) (*Gazetteer, error) {
	entries, err := ReadCompiledEntries(r)
	if err != nil {
		return nil, err
	}
	return New(entries), nil
}

// ReadCompiledEntries reads the entries of a file written by WriteCompiled.
func ReadCompiledEntries(r io.Reader) ([]*Entry, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	text := string(raw)
	var entries []*Entry
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
			if !strings.HasPrefix(l, "#kg-gazetteer v1") {
				return nil, fmt.Errorf("gazetteer: not a compiled gazetteer (header %.40q)", l)
			}
			continue
		}
		if l == "" {
			continue
		}
		f := strings.Split(l, "\t")
		if len(f) != 11 {
			return nil, fmt.Errorf("gazetteer: line %d: %d fields, want 11", line, len(f))
		}
		rank, err := strconv.ParseInt(f[6], 10, 64)
		if err != nil {
			return nil, fmt.Errorf("gazetteer: line %d: rank: %w", line, err)
		}
		entries = append(entries, &Entry{
			Key: f[0], Type: f[1], QID: f[2], Name: f[3], Country: f[4], Role: f[5], Rank: rank,
			Aliases: splitList(f[7]), Ambiguous: splitList(f[8]), Demonyms: splitList(f[9]), Sources: splitList(f[10]),
		})
	}
	return entries, nil
}
