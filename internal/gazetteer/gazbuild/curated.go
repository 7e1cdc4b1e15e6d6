package gazbuild

import (
	"bytes"
	_ "embed"
	"fmt"
	"regexp"

	"go.yaml.in/yaml/v3"

	"github.com/kg-project/kg/internal/gazetteer"
	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/text/arabic"
)

// curated.yaml holds the hand-curated tables: Arabic names the sources
// lack, QIDs known for certain, and corrections (its header says how to
// write them). They are read once, checked, when the build starts.
//
//go:embed curated.yaml
var curatedYAML []byte

// curated is one hand-written entity (or additions to a source entity).
// Country is an ISO 3166-1 alpha-2 code. When QID is set and a source entry
// has the same QID, the curated names are merged into it; persons are also
// merged by English name with the leader lists.
type curated struct {
	QID     string `yaml:"qid"`
	Type    string `yaml:"type"`
	Name    string `yaml:"name"`
	Country string `yaml:"country"`
	Role    string `yaml:"role"`
	// Term: when a person held the office Role names, "SINCE/UNTIL" (ISO
	// dates or years, either side empty when unknown): Entry.Term
	Term     string   `yaml:"term"`
	Ar       []string `yaml:"ar"`
	En       []string `yaml:"en"`
	ArAmbig  []string `yaml:"ar_ambig"` // Arabic forms that are also common words (matched only inside longer names)
	EnAmbig  []string `yaml:"en_ambig"` // English one-word forms that are also ordinary words (Shell, Total): the same
	Demonyms []string `yaml:"demonyms"`
	// Context: the countries (ISO 3166-1 alpha-2) in whose news the bare
	// head noun of the names means this body (Entry.Context)
	Context []string `yaml:"context"`
	// Namesake marks a body named like a better-known one (Al Ahly of
	// Cairo, Al-Ahli of Dubai for the Saudi Al-Ahli): it ranks just under
	// the curated bodies, so that a bare name shared with one of them is
	// the other's unless the article says otherwise (organisations only)
	Namesake bool `yaml:"namesake"`
}

// curatedTables is curated.yaml.
type curatedTables struct {
	Organisations        []curated           `yaml:"organisations"`
	Places               []curated           `yaml:"places"`
	Cities               []curated           `yaml:"cities"`
	People               []curated           `yaml:"people"`
	ArabicDemonyms       map[string][]string `yaml:"arabic_demonyms"`
	ArabicDemonymPlurals map[string][]string `yaml:"arabic_demonym_plurals"`
	ExtraCountryNames    map[string][]string `yaml:"extra_country_names"`
	AmbiguousCommon      []string            `yaml:"ambiguous_common"`
	PetrarchOrgWords     string              `yaml:"petrarch_org_words"`
	CityNameFixes        map[string]string   `yaml:"city_name_fixes"`
	QIDs                 []keyQID            `yaml:"qids"`
}

// keyQID gives the source entry of key, named name, which has no QID, the
// QID qid.
type keyQID struct {
	Key  string `yaml:"key"`
	Name string `yaml:"name"`
	QID  string `yaml:"qid"`
}

// qidRE is the form of a Wikidata item's ID.
var qidRE = regexp.MustCompile(`^Q[1-9][0-9]*$`)

// readCurated reads and checks the curated tables: no unknown field, every
// entity typed, named and with an alias.
func readCurated(b []byte) (*curatedTables, error) {
	var t curatedTables
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&t); err != nil {
		return nil, fmt.Errorf("curated.yaml: %w", err)
	}
	// the cities and people are typed by their table; the organisations
	// and places say their type
	for _, tab := range []struct {
		list    []curated
		implied string
	}{{t.Organisations, ""}, {t.Places, ""}, {t.Cities, model.Location}, {t.People, model.Person}} {
		for _, c := range tab.list {
			typed := tab.implied == "" && model.ValidEntityType(c.Type) || tab.implied != "" && (c.Type == "" || c.Type == tab.implied)
			if !typed || c.Name == "" || len(c.Ar)+len(c.En) == 0 {
				return nil, fmt.Errorf("curated.yaml: entity %q: want a type (%v; implied for cities and people), a name and an alias", c.Name, model.EntityTypes)
			}
			if c.Term != "" && (tab.implied != model.Person || c.Role == "" || !gazetteer.ValidTerm(c.Term)) {
				return nil, fmt.Errorf("curated.yaml: entity %q: term %q: want SINCE/UNTIL (ISO dates or years) on a person with a role", c.Name, c.Term)
			}
			for _, iso := range c.Context {
				if c.Type != model.Organization || !iso2RE.MatchString(iso) {
					return nil, fmt.Errorf("curated.yaml: entity %q: context %q: want ISO 3166-1 alpha-2 codes on an organisation", c.Name, iso)
				}
			}
		}
	}
	seen := map[string]bool{}
	for _, q := range t.QIDs {
		if q.Key == "" || q.Name == "" || !qidRE.MatchString(q.QID) || seen[q.Key] || seen[q.QID] {
			return nil, fmt.Errorf("curated.yaml: qids: %q %q %q: want a key, its entry's name and a QID, each key and QID once", q.Key, q.Name, q.QID)
		}
		seen[q.Key], seen[q.QID] = true, true
	}
	if len(t.People) == 0 || t.PetrarchOrgWords == "" {
		return nil, fmt.Errorf("curated.yaml: tables missing")
	}
	return &t, nil
}

// iso2RE is the form of an ISO 3166-1 alpha-2 code.
var iso2RE = regexp.MustCompile(`^[A-Z]{2}$`)

var tables = func() *curatedTables {
	t, err := readCurated(curatedYAML)
	if err != nil {
		panic(err) // TestCurated reads it: a broken file fails the tests
	}
	return t
}()

// The tables, by the names the build uses.
var (
	curatedOrgs          = tables.Organisations
	curatedPlaces        = tables.Places
	curatedCities        = tables.Cities
	curatedPeople        = tables.People
	arabicDemonyms       = tables.ArabicDemonyms
	arabicDemonymPlurals = tables.ArabicDemonymPlurals
	extraCountryNames    = tables.ExtraCountryNames
	ambiguousCommon      = tables.AmbiguousCommon
	cityNameFixes        = tables.CityNameFixes
	keyQIDs              = tables.QIDs
	// organisation words of the UniversalPetrarch actor names (MatchForm)
	petrarchOrgWords = arabic.WordSet(arabic.MatchForm(tables.PetrarchOrgWords))
)

// Leading title words of the UniversalPetrarch actor names (words.yaml:
// ar_petrarch_title); an entry that begins with one of these is a
// description ("رئيس_روسي_...") rather than a plain name.
var petrarchTitleWords = classSet("ar_petrarch_title")
