package resolve

import (
	"maps"
	"slices"
	"strings"

	"github.com/kg-project/kg/internal/model"
)

// Summary is what resolution needs of one article's extraction: its
// entities without their mentions' offsets. Staging keeps one per
// extraction, so that resolving a whole corpus reads a few hundred bytes
// per article instead of its extraction.
type Summary struct {
	Entities []EntitySummary `json:"e"`
}

// EntitySummary is one entity of a Summary.
type EntitySummary struct {
	Key      string   `json:"k"`
	Type     string   `json:"t"`
	QID      string   `json:"q,omitempty"`
	Name     string   `json:"n,omitempty"`
	Mentions int      `json:"m"`
	Forms    []string `json:"f,omitempty"` // the entity's aliases (names as written, without clitics and titles)
	// Texts are the mentions as written in the article when they are not
	// aliases (بلاتيني when the alias is لاتيني: a letter of the name read
	// as a preposition).
	Texts []string `json:"x,omitempty"`
}

// Summarize summarises an extraction.
func Summarize(x *model.Extraction) Summary {
	s := Summary{Entities: make([]EntitySummary, 0, len(x.Entities))}
	for _, e := range x.Entities {
		es := EntitySummary{Key: e.ID, Type: e.Type, QID: e.Wikidata, Name: e.Name, Mentions: len(e.Mentions), Forms: e.Aliases}
		for _, m := range e.Mentions {
			if m.Ref {
				continue // an office or head noun (الوزير) is no name of it
			}
			if !slices.Contains(e.Aliases, m.Text) && !slices.Contains(es.Texts, m.Text) {
				es.Texts = append(es.Texts, m.Text)
			}
		}
		s.Entities = append(s.Entities, es)
	}
	return s
}

// Index aggregates the summaries of every article of a corpus by entity
// key: the type, Wikidata id, names and written forms of each key, and the
// number of articles and mentions behind it. It holds one record per
// distinct key and form, never an article, so its memory grows with the
// vocabulary of names, not with the number of articles. Adding the same
// summaries in any order gives the same index.
type Index struct {
	keys map[string]*keyStats
}

type keyStats struct {
	// types counts the articles giving each type of model.EntityTypes, in
	// its order (no other type is ever chosen). The maps are made when
	// their first entry comes: most keys have one type, one name and no
	// QID, and the index holds every key of the corpus.
	types    [numTypes]int
	qids     map[string]int
	names    map[string]int // display name -> articles
	forms    map[string]int // written form -> articles
	texts    map[string]int // mention text that is not a form -> articles
	articles int
	mentions int
}

// NewIndex returns an empty index.
func NewIndex() *Index { return &Index{keys: map[string]*keyStats{}} }

// Add counts one article.
func (ix *Index) Add(s Summary) {
	seen := map[string]bool{}
	for _, e := range s.Entities {
		if e.Key == "" {
			continue
		}
		k := ix.keys[e.Key]
		if k == nil {
			k = &keyStats{}
			ix.keys[e.Key] = k
		}
		k.mentions += e.Mentions
		if seen[e.Key] { // one entity per key and article; tolerate a repeat
			continue
		}
		seen[e.Key] = true
		k.articles++
		if i := slices.Index(model.EntityTypes, e.Type); i >= 0 {
			k.types[i]++
		}
		if e.QID != "" {
			inc(&k.qids, e.QID)
		}
		if e.Name != "" {
			inc(&k.names, e.Name)
		}
		fs := map[string]bool{}
		for _, f := range e.Forms {
			f = strings.TrimSpace(f)
			if f != "" && !fs[f] {
				fs[f] = true
				inc(&k.forms, f)
			}
		}
		for _, t := range e.Texts {
			t = strings.TrimSpace(t)
			if t != "" && !fs[t] {
				fs[t] = true
				inc(&k.texts, t)
			}
		}
	}
}

// numTypes is len(model.EntityTypes) (TestNumTypes).
const numTypes = 4

// inc counts s in *m, making the map on its first entry.
func inc(m *map[string]int, s string) {
	if *m == nil {
		*m = map[string]int{}
	}
	(*m)[s]++
}

// Keys is the number of distinct entity keys seen.
func (ix *Index) Keys() int { return len(ix.keys) }

// Has reports whether key was seen.
func (ix *Index) Has(key string) bool { return ix.keys[key] != nil }

// top returns the entry of m with the highest count, ties to the
// smallest string ("" for an empty map).
func top(m map[string]int) string {
	best, n := "", 0
	for _, k := range slices.Sorted(maps.Keys(m)) {
		if m[k] > n {
			best, n = k, m[k]
		}
	}
	return best
}

// keyType is the type most of the key's articles give it; the order of
// model.EntityTypes breaks ties.
func (k *keyStats) keyType() string {
	best, n := model.Misc, 0
	for i, t := range model.EntityTypes {
		if k.types[i] > n {
			best, n = t, k.types[i]
		}
	}
	return best
}
