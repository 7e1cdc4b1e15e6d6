package eval

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/kg-project/kg/internal/model"
)

// Prediction is one article's extraction as `kg extract --format jsonl`
// writes it (docs/extraction-output.md), read the way the Python scorer
// reads it: ids may be any JSON scalar and are compared as Python's str()
// of them ("None" for a missing id).
type Prediction struct {
	// Doc holds str() of the doc fields used to match a gold file: source,
	// id, path, name ("" when absent).
	Doc map[string]string
	// Entities and Relations in the order of the record.
	Entities  []Entity
	Relations []Relation
	// Text is the article text the mention offsets point into, when known
	// (kg eval sets it); it is used only to quote sentences in
	// explanations, and only where the offsets agree with it.
	Text string
	// Pairs are the relation model's scores of the candidate pairs, when
	// the predictor gives them (Diagnosed): they say why a relation was
	// missed (RelationError.Why).
	Pairs     []PairScore
	Diagnosed bool
}

// PairScore is the relation model's view of one candidate pair of
// predicted entities: its most probable predicate the types allow ("" when
// none does), the confidence of some relation, the threshold of the
// predicate's group and whether the confidence reaches it.
type PairScore struct {
	Subject          string  `json:"subject"` // predicted entity ids
	Object           string  `json:"object"`
	Predicate        string  `json:"predicate,omitempty"`
	Confidence       float64 `json:"confidence"`
	Threshold        float64 `json:"threshold,omitempty"`
	ReachesThreshold bool    `json:"reaches_threshold,omitempty"`
}

// Entity is one predicted entity.
type Entity struct {
	ID       string // str() of "id": "None" when absent or null
	HasID    bool   // "id" present and not null
	Name     string // "" when absent or null
	HasName  bool   // "name" present and not null
	Type     string
	Wikidata string // only a string value counts
	Aliases  []string
	Mentions []Mention
}

// Mention is one predicted mention: its text and, when given, its offsets
// in code points and sentence index (-1 when absent).
type Mention struct {
	Text       string
	Start, End int
	Sentence   int
}

// Relation is one predicted relation. Subject and Object name entities by
// id (or, as the scorer allows, by name, or inline as an entity object).
type Relation struct {
	Subject, Object Ref
	Predicate       string
	Evidence        string // the evidence sentence, when given
}

// Ref is a relation argument: str() of an id or name, or an inline entity.
type Ref struct {
	ID     string
	Entity *Entity
}

func (r Ref) String() string {
	if r.Entity != nil {
		return r.Entity.Name
	}
	return r.ID
}

var docFields = []string{"source", "id", "path", "name"}

// ParsePrediction reads one JSONL record of kg extract's output. Fields the
// scorer ignores are ignored; fields it reads must have the JSON type it
// can read (a name must be a string, an id a scalar, aliases a list).
func ParsePrediction(line []byte) (*Prediction, error) {
	top, err := decodeObject(line, "the record")
	if err != nil {
		var v any
		if jerr := json.Unmarshal(line, &v); jerr != nil {
			return nil, fmt.Errorf("invalid JSON: %w", jerr)
		}
		return nil, err
	}
	p := &Prediction{Doc: map[string]string{}}
	if raw, ok := top["doc"]; ok {
		doc, err := decodeObject(raw, "\"doc\"")
		if err != nil {
			return nil, err
		}
		for _, k := range docFields {
			if v, ok := doc[k]; ok {
				s, err := pyStr(v)
				if errors.Is(err, errComposite) {
					continue // str() of a list or dict never ends with a file name
				}
				if err != nil {
					return nil, fmt.Errorf("doc.%s: %w", k, err)
				}
				p.Doc[k] = s
			}
		}
	}
	ents, err := top.list("entities")
	if err != nil {
		return nil, err
	}
	for i, raw := range ents {
		e, err := parseEntity(raw)
		if err != nil {
			return nil, fmt.Errorf("entities[%d]: %w", i, err)
		}
		p.Entities = append(p.Entities, *e)
	}
	rels, err := top.list("relations")
	if err != nil {
		return nil, err
	}
	for i, raw := range rels {
		r, err := parseRelation(raw)
		if err != nil {
			return nil, fmt.Errorf("relations[%d]: %w", i, err)
		}
		p.Relations = append(p.Relations, r)
	}
	return p, nil
}

func parseEntity(raw json.RawMessage) (*Entity, error) {
	o, err := decodeObject(raw, "the entity")
	if err != nil {
		return nil, err
	}
	e := &Entity{ID: "None"}
	if v, ok := o["id"]; ok && !isNull(v) {
		if e.ID, err = pyStr(v); err != nil {
			return nil, fmt.Errorf("id: %w", err)
		}
		e.HasID = true
	}
	if e.Name, e.HasName, err = o.str("name"); err != nil {
		return nil, err
	}
	if e.Type, _, err = o.str("type"); err != nil {
		return nil, err
	}
	if v, ok := o["wikidata"]; ok {
		_ = json.Unmarshal(v, &e.Wikidata) // a non-string id never matches
	}
	if e.Aliases, err = o.strs("aliases"); err != nil {
		return nil, err
	}
	ms, err := o.list("mentions")
	if err != nil {
		return nil, err
	}
	for i, raw := range ms {
		mo, err := decodeObject(raw, fmt.Sprintf("mentions[%d]", i))
		if err != nil {
			return nil, err
		}
		m := Mention{Start: -1, End: -1, Sentence: -1}
		if m.Text, _, err = mo.str("text"); err != nil {
			return nil, fmt.Errorf("mentions[%d]: %w", i, err)
		}
		for _, f := range []struct {
			k string
			p *int
		}{{"start", &m.Start}, {"end", &m.End}, {"sentence", &m.Sentence}} {
			if v, ok := mo[f.k]; ok {
				_ = json.Unmarshal(v, f.p) // offsets serve only quotes
			}
		}
		e.Mentions = append(e.Mentions, m)
	}
	return e, nil
}

func parseRelation(raw json.RawMessage) (Relation, error) {
	var r Relation
	o, err := decodeObject(raw, "the relation")
	if err != nil {
		return r, err
	}
	ref := func(k string) (Ref, error) {
		v, ok := o[k]
		if !ok {
			return Ref{ID: "None"}, nil
		}
		if s, err := pyStr(v); err == nil {
			return Ref{ID: s}, nil
		} else if !errors.Is(err, errComposite) {
			return Ref{}, fmt.Errorf("%s: %w", k, err)
		}
		e, err := parseEntity(v)
		if err != nil {
			return Ref{}, fmt.Errorf("%s: %w", k, err)
		}
		return Ref{Entity: e}, nil
	}
	if r.Subject, err = ref("subject"); err != nil {
		return r, err
	}
	if r.Object, err = ref("object"); err != nil {
		return r, err
	}
	if r.Predicate, _, err = o.str("predicate"); err != nil {
		return r, err
	}
	if v, ok := o["evidence"]; ok {
		var ev struct {
			Sentence string `json:"sentence"`
		}
		_ = json.Unmarshal(v, &ev)
		r.Evidence = ev.Sentence
	}
	return r, nil
}

// FromExtraction is the prediction kg extract would write for x, with the
// article text for quotes.
func FromExtraction(x *model.Extraction, text string) (*Prediction, error) {
	b, err := json.Marshal(x)
	if err != nil {
		return nil, err
	}
	p, err := ParsePrediction(b)
	if err != nil {
		return nil, err
	}
	p.Text = text
	return p, nil
}

// MatchDoc reports whether p is the prediction for the gold document named
// docname, by the rule of score_extraction.py: one of doc.source, doc.id,
// doc.path, doc.name is non-empty and ends with docname, or docname ends
// with it, or, both without their last extension, the first ends with the
// second.
func MatchDoc(p *Prediction, docname string) bool {
	for _, k := range docFields {
		v := p.Doc[k]
		if v == "" {
			continue
		}
		if strings.HasSuffix(v, docname) || strings.HasSuffix(docname, v) ||
			strings.HasSuffix(stripExt(v), stripExt(docname)) {
			return true
		}
	}
	return false
}

// stripExt is Python's s.rsplit(".", 1)[0].
func stripExt(s string) string {
	if i := strings.LastIndexByte(s, '.'); i >= 0 {
		return s[:i]
	}
	return s
}

// FindPrediction returns the first prediction that MatchDoc accepts for
// docname, as the Python scorer reads the JSONL file from the top; nil
// when none does.
func FindPrediction(preds []*Prediction, docname string) *Prediction {
	for _, p := range preds {
		if MatchDoc(p, docname) {
			return p
		}
	}
	return nil
}
