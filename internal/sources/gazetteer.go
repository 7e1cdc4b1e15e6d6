package sources

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// MledozeCountry is one country of mledoze/countries
// (gazetteer/mledoze-countries/countries.json), the fields kg reads.
type MledozeCountry struct {
	Name struct {
		Common, Official string
	}
	Cca2, Cca3   string
	Independent  *bool
	Capital      []string
	AltSpellings []string
	// Translations are the country's names by ISO 639-3 language ("ara").
	Translations map[string]struct{ Official, Common string }
	Demonyms     map[string]struct{ F, M string }
}

// ReadMledozeCountries reads countries.json, in file order.
func ReadMledozeCountries(path string) ([]MledozeCountry, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var cs []MledozeCountry
	if err := json.Unmarshal(raw, &cs); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return cs, nil
}

// IntlOrg is one organisation of the supraverden list of international
// organisations (gazetteer/supraverden-intl-orgs/general_list.yaml): its
// key in the list and its string fields (Name_en, Name_ar, Wikidata_code,
// Abbreviation_en, ...), trimmed. The list writes "None" for a missing
// value.
type IntlOrg struct {
	Key    string
	Fields map[string]string
}

// ReadIntlOrgs reads the supraverden list, ordered by key.
func ReadIntlOrgs(path string) ([]IntlOrg, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var list map[string]map[string]any
	if err := yaml.Unmarshal(raw, &list); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	out := make([]IntlOrg, 0, len(list))
	for k, m := range list {
		o := IntlOrg{Key: k, Fields: map[string]string{}}
		for f, v := range m {
			if s, ok := v.(string); ok {
				o.Fields[f] = strings.TrimSpace(s)
			}
		}
		out = append(out, o)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out, nil
}
