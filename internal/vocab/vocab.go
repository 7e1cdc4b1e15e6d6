// Package vocab is kg's closed relation vocabulary, read from the embedded
// schema/relations.yaml. Relationship types reach Cypher only after Valid
// accepts them: they are never taken from article text.
package vocab

import (
	"fmt"
	"regexp"
	"sort"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/kg-project/kg/schema"
)

// Relation is one relation type of the vocabulary.
type Relation struct {
	Name       string              `yaml:"name"`
	Group      string              `yaml:"group"`
	Definition string              `yaml:"definition"`
	Subject    []string            `yaml:"subject"`
	Object     []string            `yaml:"object"`
	CAMEO      string              `yaml:"cameo"`
	Examples   map[string][]string `yaml:"examples"`
}

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
	var f file
	if e := yaml.Unmarshal(b, &f); e != nil {
		err = fmt.Errorf("schema/relations.yaml: %w", e)
		return
	}
	byName = map[string]*Relation{}
	for i := range f.Relations {
		r := &f.Relations[i]
		if !nameRE.MatchString(r.Name) {
			err = fmt.Errorf("schema/relations.yaml: bad relation name %q", r.Name)
			return
		}
		if _, dup := byName[r.Name]; dup {
			err = fmt.Errorf("schema/relations.yaml: duplicate relation %q", r.Name)
			return
		}
		byName[r.Name] = r
	}
	all = f.Relations
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
