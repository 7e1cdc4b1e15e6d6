package eval

import (
	"slices"
	"strings"
)

// Score is precision, recall and F1 with the counts behind them.
// Precision, Recall and F1 are rounded to three decimals exactly as the
// Python scripts round them (round(x, 3)); F1 is computed before rounding.
type Score struct {
	// Predicted: entities predicted, or distinct (subject, predicate,
	// object) triples after resolving the arguments to gold keys.
	Predicted int `json:"predicted"`
	// Correct: predicted items counted right (the precision numerator).
	Correct int `json:"correct"`
	// Gold: gold entities (distinct keys), or required relations.
	Gold int `json:"gold"`
	// Found: gold items found (the recall numerator).
	Found     int     `json:"found"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// newScore fills in P, R and F1 from the counts, with the scripts'
// conventions: precision 0 when nothing was predicted, recall 1 when there
// is nothing to find.
func newScore(predicted, correct, gold, found int) Score {
	p, r := ratio(correct, predicted, 0), ratio(found, gold, 1)
	return Score{Predicted: predicted, Correct: correct, Gold: gold, Found: found,
		Precision: round3(p), Recall: round3(r), F1: round3(f1(p, r))}
}

// symmetric predicates match in either direction (normalised).
var symmetric = map[string]bool{"METWITH": true, "NEGOTIATEDWITH": true, "FOUGHT": true, "SIGNEDAGREEMENTWITH": true}

// goldIndex is a gold file prepared for matching, as score_extraction.py
// prepares it.
type goldIndex struct {
	g        *Gold
	required []string               // distinct keys of Entities, first-seen order
	isReq    map[string]bool        // keys of Entities
	ents     map[string]*GoldEntity // all keys; a later entry of a key replaces an earlier one
	order    []string               // all keys, first-seen order (required first)
	nameKey  map[string]string      // Norm(name or alias) -> key; the first key to claim a form keeps it
	qidKey   map[string]string      // Wikidata id -> key; the last wins
	forms    map[string][]form      // key -> its names and aliases
	allRels  []GoldRelation         // Relations then OptionalRelations
	relPreds []map[string]bool      // normalised predicates of allRels[i]
}

// form is a name or alias with its normal form and words.
type form struct {
	text, norm string
	words      []string
}

func newForm(s string) form {
	n := Norm(s)
	return form{text: s, norm: n, words: splitWords(n)}
}

// spanForm is the form as a span of text may show it: without a final
// parenthesised disambiguation ("Conservative Party (UK)").
func (f form) spanForm() form {
	t := strings.TrimSpace(f.text)
	if strings.HasSuffix(t, ")") {
		if i := strings.LastIndex(t, "("); i > 0 {
			return newForm(t[:i])
		}
	}
	return f
}

func indexGold(g *Gold) *goldIndex {
	x := &goldIndex{g: g, isReq: map[string]bool{}, ents: map[string]*GoldEntity{},
		nameKey: map[string]string{}, qidKey: map[string]string{}, forms: map[string][]form{}}
	add := func(es []GoldEntity, required bool) {
		for i := range es {
			e := &es[i]
			if _, seen := x.ents[e.Key]; !seen {
				x.order = append(x.order, e.Key)
			}
			x.ents[e.Key] = e
			if required && !x.isReq[e.Key] {
				x.isReq[e.Key] = true
				x.required = append(x.required, e.Key)
			}
		}
	}
	add(g.Entities, true)
	add(g.OptionalEntities, false)
	for _, k := range x.order {
		e := x.ents[k]
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			f := newForm(n)
			if _, taken := x.nameKey[f.norm]; !taken {
				x.nameKey[f.norm] = k
			}
			x.forms[k] = append(x.forms[k], f)
		}
		if e.Wikidata != "" {
			x.qidKey[e.Wikidata] = k
		}
	}
	x.allRels = append(slices.Clip(g.Relations), g.OptionalRelations...)
	for _, r := range x.allRels {
		ps := map[string]bool{}
		for _, p := range r.Predicates {
			ps[NormPredicate(p)] = true
		}
		x.relPreds = append(x.relPreds, ps)
	}
	return x
}

// surfaces are the names the scorer looks an entity up by: its name, its
// aliases, its mention texts, in that order.
func (e *Entity) surfaces() []string {
	s := make([]string, 0, 1+len(e.Aliases)+len(e.Mentions))
	s = append(s, e.Name)
	s = append(s, e.Aliases...)
	for _, m := range e.Mentions {
		s = append(s, m.Text)
	}
	return s
}

// keyOf is key_of(): the gold key of a predicted entity, "" for none.
func (x *goldIndex) keyOf(e *Entity) string {
	if k, ok := x.qidKey[e.Wikidata]; ok && e.Wikidata != "" {
		return k
	}
	for _, n := range e.surfaces() {
		if k := x.nameKey[Norm(n)]; k != "" {
			return k
		}
	}
	return ""
}

// triple is a predicted relation with its arguments resolved to gold keys
// ("" for none) and its predicate normalised, plus the first relation
// that gave it.
type triple struct {
	s, p, o string
	rel     *Relation
}

// scored is the state of scoring one article, shared by the scores and
// the explanations.
type scored struct {
	x        *goldIndex
	pred     *Prediction
	idKey    map[string]string // str(id) and name -> key, as id_to_key
	entKey   []string          // the key each predicted entity resolves to ("" none)
	found    map[string]bool   // keys some predicted entity resolves to
	triples  []triple          // distinct, first-occurrence order
	hit      []bool            // per required relation
	correct  []bool            // per triple
	text     []rune
	textOK   bool
	classify map[string]entityMissKind // memo of classifyMiss
}

func (x *goldIndex) score(p *Prediction) *scored {
	st := &scored{x: x, pred: p, idKey: map[string]string{}, found: map[string]bool{}}
	for i := range p.Entities {
		e := &p.Entities[i]
		k := x.keyOf(e)
		if e.HasID {
			st.idKey[e.ID] = k
		}
		if e.HasName {
			st.idKey[e.Name] = k
		}
	}
	for i := range p.Entities {
		k := st.idKey[p.Entities[i].ID]
		st.entKey = append(st.entKey, k)
		if k != "" {
			st.found[k] = true
		}
	}
	seen := map[[3]string]bool{}
	for i := range p.Relations {
		r := &p.Relations[i]
		t := triple{s: st.resolve(r.Subject), p: NormPredicate(r.Predicate), o: st.resolve(r.Object), rel: r}
		if id := [3]string{t.s, t.p, t.o}; !seen[id] {
			seen[id] = true
			st.triples = append(st.triples, t)
		}
	}
	for i := range x.g.Relations {
		st.hit = append(st.hit, slices.ContainsFunc(st.triples, func(t triple) bool { return x.matches(i, t) }))
	}
	for _, t := range st.triples {
		ok := false
		for i := range x.allRels {
			if x.matches(i, t) {
				ok = true
				break
			}
		}
		st.correct = append(st.correct, ok)
	}
	st.text = []rune(p.Text)
	st.textOK = p.Text != ""
	return st
}

// resolve is resolve(): an inline entity by key_of, else the id (or name)
// of a predicted entity, else a gold name.
func (st *scored) resolve(r Ref) string {
	if r.Entity != nil {
		return st.x.keyOf(r.Entity)
	}
	if k := st.idKey[r.ID]; k != "" {
		return k
	}
	return st.x.nameKey[Norm(r.ID)]
}

// matches is matches(): gold relation i (of allRels) accepts t.
func (x *goldIndex) matches(i int, t triple) bool {
	g := x.allRels[i]
	if !x.relPreds[i][t.p] {
		return false
	}
	if slices.Contains(g.Subject, t.s) && slices.Contains(g.Object, t.o) {
		return true
	}
	return symmetric[t.p] && slices.Contains(g.Subject, t.o) && slices.Contains(g.Object, t.s)
}

// entityScore is the entity score: precision over predicted entities
// (those whose id resolves to a gold or optional entity are right), recall
// over the distinct required keys.
func (st *scored) entityScore() Score {
	correct := 0
	for _, k := range st.entKey {
		if k != "" {
			correct++
		}
	}
	found := 0
	for _, k := range st.x.required {
		if st.found[k] {
			found++
		}
	}
	return newScore(len(st.pred.Entities), correct, len(st.x.required), found)
}

// relationScore is the relation score: precision over distinct triples
// (right when some required or optional relation accepts them), recall
// over required relations.
func (st *scored) relationScore() Score {
	correct, found := 0, 0
	for _, c := range st.correct {
		if c {
			correct++
		}
	}
	for _, h := range st.hit {
		if h {
			found++
		}
	}
	return newScore(len(st.triples), correct, len(st.x.g.Relations), found)
}
