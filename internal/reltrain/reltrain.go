// Package reltrain reads and checks kg's relation training set: short
// passages in Arabic and English, annotated by the project with entities
// and the relations of schema/relations.yaml, following the rules of the
// development set's GUIDELINES.md. It is build-time data: `kg train rel`
// learns the relation model from it; nothing here runs at extraction time.
//
// The set lives in data/{ar,en}/*.jsonl, one Item a line. See data/README.md
// for the format, the licence of each source and how items are written.
package reltrain

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/kg-project/kg/internal/vocab"
)

// Item is one annotated passage (one to a few sentences).
type Item struct {
	ID     string `json:"id"`
	Lang   string `json:"lang"`
	Source string `json:"source"` // "written" or "arwiki:<page id>"
	Text   string `json:"text"`
	// Entities are every named person, organisation and place of Text.
	Entities []Entity `json:"entities"`
	// Relations are every relation Text states between two of Entities;
	// a pair of entities without one is a negative example.
	Relations []Relation `json:"relations"`
	// Optional are relations that are right but implicit or debatable
	// (GUIDELINES.md): neither positive nor negative in training.
	Optional []Relation `json:"optional_relations,omitempty"`
	Note     string     `json:"note,omitempty"`
}

// Entity is one entity of an item.
type Entity struct {
	Key  string `json:"key"`
	Name string `json:"name"`
	Type string `json:"type"` // Person, Organization or Location
	// Aliases are the entity's surface forms as written in Text, without
	// attached clitics (و ف ب ل ك; لل -> ال).
	Aliases []string `json:"aliases"`
}

// Relation is one annotated relation; Predicates lists the best type first.
type Relation struct {
	Subject    string   `json:"subject"`
	Predicates []string `json:"predicates"`
	Object     string   `json:"object"`
}

var types = map[string]bool{"Person": true, "Organization": true, "Location": true}

// ErrInvalid marks an item that breaks the format's rules.
var ErrInvalid = errors.New("invalid training item")

// Check validates one item: known language and entity types, unique keys,
// aliases found in the text, predicates of the vocabulary, relations between
// two different annotated entities.
func (it *Item) Check() error {
	bad := func(format string, a ...any) error {
		return fmt.Errorf("%w %s: %s", ErrInvalid, it.ID, fmt.Sprintf(format, a...))
	}
	if it.ID == "" {
		return fmt.Errorf("%w: no id", ErrInvalid)
	}
	if it.Lang != "ar" && it.Lang != "en" {
		return bad("lang %q is not ar or en", it.Lang)
	}
	if it.Source != "written" && !strings.HasPrefix(it.Source, "arwiki:") {
		return bad("source %q is not \"written\" or \"arwiki:<page id>\"", it.Source)
	}
	if strings.TrimSpace(it.Text) == "" {
		return bad("empty text")
	}
	keys := map[string]bool{}
	for _, e := range it.Entities {
		if e.Key == "" || keys[e.Key] {
			return bad("entity key %q empty or repeated", e.Key)
		}
		keys[e.Key] = true
		if !types[e.Type] {
			return bad("entity %s: type %q", e.Key, e.Type)
		}
		if e.Name == "" || len(e.Aliases) == 0 {
			return bad("entity %s: no name or no aliases", e.Key)
		}
		for _, a := range e.Aliases {
			if a == "" || !inText(it.Text, a) {
				return bad("entity %s: alias %q is not in the text", e.Key, a)
			}
		}
	}
	check := func(rs []Relation, what string) error {
		for _, r := range rs {
			if !keys[r.Subject] || !keys[r.Object] || r.Subject == r.Object {
				return bad("%s %s-%v->%s: subject and object must be two entities of the item", what, r.Subject, r.Predicates, r.Object)
			}
			if len(r.Predicates) == 0 {
				return bad("%s %s->%s: no predicate", what, r.Subject, r.Object)
			}
			for _, p := range r.Predicates {
				if !vocab.Valid(p) {
					return bad("%s %s->%s: %q is not a relation type of schema/relations.yaml", what, r.Subject, r.Object, p)
				}
			}
		}
		return nil
	}
	if err := check(it.Relations, "relation"); err != nil {
		return err
	}
	return check(it.Optional, "optional relation")
}

// inText reports whether alias is written in text, as itself or, for an
// Arabic name with the article, after the preposition ل that absorbs the
// article's alef (للأمم المتحدة for الأمم المتحدة, للجنة for اللجنة).
func inText(text, alias string) bool {
	if strings.Contains(text, alias) {
		return true
	}
	rest, ok := strings.CutPrefix(alias, "ال")
	if !ok {
		return false
	}
	// before a noun that begins with ل the article's lam is not written
	// either: للجنة for ل + اللجنة
	return strings.Contains(text, "لل"+rest) || strings.HasPrefix(rest, "ل") && strings.Contains(text, "ل"+rest)
}

// Read reads the items of one JSONL file, checking each; errors name the
// file and line.
func Read(r io.Reader, name string) ([]Item, error) {
	var out []Item
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line := 0
	for sc.Scan() {
		line++
		b := strings.TrimSpace(sc.Text())
		if b == "" {
			continue
		}
		var it Item
		dec := json.NewDecoder(strings.NewReader(b))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&it); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		if err := it.Check(); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		out = append(out, it)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return out, nil
}

// Load reads every data/<lang>/*.jsonl file under dir (files in name
// order), refusing repeated ids.
func Load(dir string) ([]Item, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*", "*.jsonl"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	var all []Item
	seen := map[string]string{}
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			return nil, err
		}
		items, err := Read(fh, f)
		fh.Close()
		if err != nil {
			return nil, err
		}
		for _, it := range items {
			if prev, dup := seen[it.ID]; dup {
				return nil, fmt.Errorf("%s: %w: id %s repeated (first in %s)", f, ErrInvalid, it.ID, prev)
			}
			seen[it.ID] = f
		}
		all = append(all, items...)
	}
	return all, nil
}
