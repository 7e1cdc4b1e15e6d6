// Package vocab is kg's closed relation vocabulary, read from the embedded
// schema/relations.yaml. Relationship types reach Cypher only after Valid
// accepts them: they are never taken from article text.
package vocab

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/kg-project/kg/schema"
)

// Relation is one relation type of the vocabulary.
type Relation struct {
	Name       string   `yaml:"name"`
	Group      string   `yaml:"group"`
	Definition string   `yaml:"definition"`
	Subject    []string `yaml:"subject"`
	Object     []string `yaml:"object"`
	// SubjectNot and ObjectNot are kinds of place the subject and the
	// object may not be (Places: a country is no capital, and has none
	// that is a capital itself).
	SubjectNot []string `yaml:"subject_not,omitempty"`
	ObjectNot  []string `yaml:"object_not,omitempty"`
	// OwnCountry: an object that is a country is the subject's own, when
	// the subject's country is known (Minsk is the capital of Belarus,
	// whatever else the sentence names).
	OwnCountry bool `yaml:"own_country,omitempty"`
	// BySpeech: the subject does it by what it says (STATED, ACCUSED,
	// CALLED_ON). An action without it is an event the subject takes part
	// in (ATTACKED, VISITED): a speaker who reports another's is not its
	// subject (Reuters reported that Turkish troops attacked ...).
	BySpeech bool `yaml:"by_speech,omitempty"`
	// StateSides are the sides ("subject", "object") on which a country's
	// capital named for the relation stands for the country (metonymy:
	// واشنطن فرضت عقوبات "Washington imposed sanctions" is the United
	// States'); not where the city is the place itself (VISITED Moscow,
	// ATTACKED Aden).
	StateSides []string `yaml:"state_sides,omitempty"`
	// Reciprocal: the relation holds both ways, so that two names joined
	// by و or "and" may be its subject and object (اجتمع السيسي وكيري "Sisi
	// and Kerry met"); of any other action they are two subjects or two
	// objects (فرض الاتحاد الأوروبي والولايات المتحدة عقوبات على إيران).
	Reciprocal bool   `yaml:"reciprocal,omitempty"`
	CAMEO      string `yaml:"cameo"`
	// Examples by language ("ar", "en").
	Examples map[string][]Example `yaml:"examples"`
}

// Example is a sentence that states the relation, with the names of its
// subject and object as kg names the entities, and their entity types
// (Types[0] the subject's, Types[1] the object's).
type Example struct {
	Text    string   `yaml:"text"`
	Subject string   `yaml:"subject"`
	Object  string   `yaml:"object"`
	Types   []string `yaml:"types"`
}

// EntityTypes are the entity types a relation may name (model.EntityTypes
// without Misc, which no relation takes).
var EntityTypes = []string{"Person", "Organization", "Location"}

// Places are the kinds of place SubjectNot and ObjectNot may name (the
// gazetteer's roles): "country", a country's name or adjective; "capital",
// a country's capital.
var Places = []string{"country", "capital"}

// Languages are the languages of the examples.
var Languages = []string{"ar", "en"}

type file struct {
	Version   int        `yaml:"version"`
	Relations []Relation `yaml:"relations"`
}

var (
	once   sync.Once
	all    []Relation
	byName map[string]*Relation
	err    error
)

var nameRE = regexp.MustCompile(`^[A-Z][A-Z_]{1,40}$`)

func load() {
	b, e := schema.Files.ReadFile("relations.yaml")
	if e != nil {
		err = e
		return
	}
	all, err = parse(b)
	if err != nil {
		err = fmt.Errorf("schema/relations.yaml: %w", err)
		return
	}
	byName = map[string]*Relation{}
	for i := range all {
		byName[all[i].Name] = &all[i]
	}
}

// parse reads and checks a vocabulary file: names, groups, entity types and
// examples. Unknown fields are errors.
func parse(b []byte) ([]Relation, error) {
	var f file
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if e := dec.Decode(&f); e != nil {
		return nil, e
	}
	seen := map[string]bool{}
	for i := range f.Relations {
		r := &f.Relations[i]
		if !nameRE.MatchString(r.Name) {
			return nil, fmt.Errorf("bad relation name %q", r.Name)
		}
		if seen[r.Name] {
			return nil, fmt.Errorf("duplicate relation %q", r.Name)
		}
		seen[r.Name] = true
		if r.Group != "structural" && r.Group != "action" {
			return nil, fmt.Errorf("%s: group %q (structural or action)", r.Name, r.Group)
		}
		for _, t := range append(append([]string{}, r.Subject...), r.Object...) {
			if !slices.Contains(EntityTypes, t) {
				return nil, fmt.Errorf("%s: unknown entity type %q", r.Name, t)
			}
		}
		for _, k := range append(append([]string{}, r.SubjectNot...), r.ObjectNot...) {
			if !slices.Contains(Places, k) {
				return nil, fmt.Errorf("%s: subject_not/object_not: unknown kind of place %q", r.Name, k)
			}
		}
		for _, side := range r.StateSides {
			if side != "subject" && side != "object" {
				return nil, fmt.Errorf("%s: state_sides: %q (subject or object)", r.Name, side)
			}
		}
		for lang, exs := range r.Examples {
			if !slices.Contains(Languages, lang) {
				return nil, fmt.Errorf("%s: examples in unknown language %q", r.Name, lang)
			}
			for k, ex := range exs {
				if err := ex.check(r); err != nil {
					return nil, fmt.Errorf("%s: %s example %d: %w", r.Name, lang, k+1, err)
				}
			}
		}
	}
	return f.Relations, nil
}

// check validates an example of r: a sentence, both names, and entity
// types that r allows.
func (ex Example) check(r *Relation) error {
	switch {
	case strings.TrimSpace(ex.Text) == "":
		return fmt.Errorf("no text")
	case strings.TrimSpace(ex.Subject) == "" || strings.TrimSpace(ex.Object) == "":
		return fmt.Errorf("%q: want the names of the subject and the object", ex.Text)
	case len(ex.Types) != 2:
		return fmt.Errorf("%q: types %v: want [SUBJECT_TYPE, OBJECT_TYPE]", ex.Text, ex.Types)
	case !slices.Contains(r.Subject, ex.Types[0]):
		return fmt.Errorf("%q: subject type %q, %s takes %s", ex.Text, ex.Types[0], r.Name, strings.Join(r.Subject, ", "))
	case !slices.Contains(r.Object, ex.Types[1]):
		return fmt.Errorf("%q: object type %q, %s takes %s", ex.Text, ex.Types[1], r.Name, strings.Join(r.Object, ", "))
	}
	return nil
}

// All returns the vocabulary in file order. It panics if the embedded file
// is broken, which a unit test rules out.
func All() []Relation {
	once.Do(load)
	if err != nil {
		panic(err)
	}
	return all
}

// Get returns the relation type named name.
func Get(name string) (*Relation, bool) {
	All()
	r, ok := byName[name]
	return r, ok
}

// Valid reports whether name is a relation type of the vocabulary, and thus
// safe to splice into Cypher as a relationship type.
func Valid(name string) bool {
	_, ok := Get(name)
	return ok
}

// Names returns the sorted relation type names.
func Names() []string {
	var n []string
	for _, r := range All() {
		n = append(n, r.Name)
	}
	sort.Strings(n)
	return n
}
