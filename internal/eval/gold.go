package eval

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Gold is one hand-annotated article: a NAME.gold.json file in the format
// of the shared corpus (corpus/dev/GUIDELINES.md).
type Gold struct {
	// Document is the name of the annotated text (NAME.txt); predictions
	// are matched to the gold file by it (see MatchDoc).
	Document string `json:"document"`
	Language string `json:"language,omitempty"`
	// Entities must be found; OptionalEntities may be (predicting them is
	// not an error, missing them is no loss).
	Entities         []GoldEntity `json:"entities"`
	OptionalEntities []GoldEntity `json:"optional_entities,omitempty"`
	// Relations must be found; OptionalRelations may be.
	Relations         []GoldRelation `json:"relations"`
	OptionalRelations []GoldRelation `json:"optional_relations,omitempty"`
}

// GoldEntity is one annotated entity. Aliases are the surface forms of the
// text (and common spellings); a predicted entity matches when one of its
// names, aliases or mention texts equals Name or an alias after Norm, or
// when its Wikidata id equals Wikidata.
type GoldEntity struct {
	Key      string   `json:"key"`
	Name     string   `json:"name"`
	Type     string   `json:"type"`
	Wikidata string   `json:"wikidata,omitempty"`
	Aliases  []string `json:"aliases"`
}

// GoldRelation is one annotated relation. Subject and Object list the
// entity keys accepted on each side (usually one; several when metonymy
// makes several right); Predicates lists the accepted predicates, the best
// first. Core marks the facts the article is about.
type GoldRelation struct {
	Subject    []string `json:"subject"`
	Predicates []string `json:"predicates"`
	Object     []string `json:"object"`
	Core       bool     `json:"core,omitempty"`
}

// Label is "subject PREDICATE object" with the best predicate; a side with
// several keys is written a|b.
func (r GoldRelation) Label() string {
	p := ""
	if len(r.Predicates) > 0 {
		p = r.Predicates[0]
	}
	return strings.Join(r.Subject, "|") + " " + p + " " + strings.Join(r.Object, "|")
}

// ParseGold reads a gold file. It refuses what the Python scorer cannot
// score: a missing document, entities or relations field, an entity
// without a key or name, a relation without a subject, object or
// predicates list (or an empty one, which check_gold.py refuses and the
// scorer cannot report), and values of the wrong JSON type. Null aliases
// and optional lists read as empty.
func ParseGold(data []byte) (*Gold, error) {
	top, err := decodeObject(data, "the gold file")
	if err != nil {
		var v any
		if jerr := json.Unmarshal(data, &v); jerr != nil {
			return nil, fmt.Errorf("invalid JSON: %w", jerr)
		}
		return nil, err
	}
	g := &Gold{}
	var ok bool
	if g.Document, ok, err = top.str("document"); err != nil || !ok {
		return nil, fmt.Errorf("no \"document\" (the name of the annotated .txt)%s", errSuffix(err))
	}
	if g.Language, _, err = top.str("language"); err != nil {
		return nil, err
	}
	if g.Entities, err = goldList(top, "entities", true, parseGoldEntity); err != nil {
		return nil, err
	}
	if g.OptionalEntities, err = goldList(top, "optional_entities", false, parseGoldEntity); err != nil {
		return nil, err
	}
	if g.Relations, err = goldList(top, "relations", true, parseGoldRelation); err != nil {
		return nil, err
	}
	if g.OptionalRelations, err = goldList(top, "optional_relations", false, parseGoldRelation); err != nil {
		return nil, err
	}
	return g, nil
}

func errSuffix(err error) string {
	if err == nil {
		return ""
	}
	return ": " + err.Error()
}

func parseGoldEntity(raw json.RawMessage) (GoldEntity, error) {
	var e GoldEntity
	o, err := decodeObject(raw, "the entity")
	if err != nil {
		return e, err
	}
	var ok bool
	if e.Key, ok, err = o.str("key"); err != nil || !ok || e.Key == "" {
		return e, fmt.Errorf("no \"key\"%s", errSuffix(err))
	}
	if _, present := o["name"]; !present {
		return e, fmt.Errorf("%s: no \"name\"", e.Key)
	}
	for _, f := range []struct {
		k string
		p *string
	}{{"name", &e.Name}, {"type", &e.Type}, {"wikidata", &e.Wikidata}} {
		if *f.p, _, err = o.str(f.k); err != nil {
			return e, fmt.Errorf("%s: %w", e.Key, err)
		}
	}
	if e.Aliases, err = o.strs("aliases"); err != nil {
		return e, fmt.Errorf("%s: %w", e.Key, err)
	}
	return e, nil
}

func parseGoldRelation(raw json.RawMessage) (GoldRelation, error) {
	var r GoldRelation
	o, err := decodeObject(raw, "the relation")
	if err != nil {
		return r, err
	}
	side := func(k string) ([]string, error) {
		v, ok := o[k]
		if !ok || isNull(v) {
			return nil, fmt.Errorf("no %q", k)
		}
		var one string
		if json.Unmarshal(v, &one) == nil {
			return []string{one}, nil
		}
		var many []string
		if err := json.Unmarshal(v, &many); err != nil {
			return nil, fmt.Errorf("%q is neither a key nor a list of keys", k)
		}
		return many, nil
	}
	if r.Subject, err = side("subject"); err != nil {
		return r, err
	}
	if r.Object, err = side("object"); err != nil {
		return r, err
	}
	if _, present := o["predicates"]; !present {
		return r, fmt.Errorf("no \"predicates\"")
	}
	if r.Predicates, err = o.strs("predicates"); err != nil {
		return r, err
	}
	if len(r.Predicates) == 0 {
		return r, fmt.Errorf("no predicates (check_gold.py: at least one)")
	}
	r.Core = truthy(o["core"])
	return r, nil
}

// goldList parses the list top[field] item by item with parse; a required
// field must be present.
func goldList[T any](top object, field string, required bool, parse func(json.RawMessage) (T, error)) ([]T, error) {
	if _, present := top[field]; required && !present {
		return nil, fmt.Errorf("no %q list", field)
	}
	items, err := top.list(field)
	if err != nil {
		return nil, err
	}
	var out []T
	for i, raw := range items {
		x, err := parse(raw)
		if err != nil {
			return nil, fmt.Errorf("%s[%d]: %w", field, i, err)
		}
		out = append(out, x)
	}
	return out, nil
}
