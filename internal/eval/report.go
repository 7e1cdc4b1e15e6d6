package eval

import (
	"cmp"
	"slices"
)

// Article is the evaluation of one gold-annotated article.
type Article struct {
	// Name is NAME of NAME.gold.json; Document the gold's document field.
	Name     string `json:"article"`
	Document string `json:"document"`
	// NotScored says why the article has no prediction; it then counts as
	// zero in the macro means and its required relations and entities
	// count as missed in the micro totals (as score_dev.py counts it), and
	// it is left out of the per-type, per-predicate and error tables.
	NotScored string `json:"not_scored,omitempty"`

	Entities  Score `json:"entities"`
	Relations Score `json:"relations"`
	// CoreMissing labels the core relations not found.
	CoreMissing []string `json:"core_missing"`

	EntityMisses           []EntityError   `json:"entity_misses"`
	EntityFalsePositives   []EntityError   `json:"entity_false_positives"`
	EntityNotCounted       []EntityError   `json:"entity_not_counted"` // wrong_type, split
	RelationMisses         []RelationError `json:"relation_misses"`
	RelationFalsePositives []RelationError `json:"relation_false_positives"`

	// Types scores entities per type, strictly: a gold entity counts as
	// found in its type's row only when a predicted entity of that type
	// resolves to it; a predicted entity counts as right in its type's
	// row only when it resolves to a gold entity of that type.
	Types []Count `json:"types"`
	// Predicates scores relations per predicate: recall per required
	// relation under its best (first) predicate, precision per predicted
	// triple under its predicate. Rows are keyed by NormPredicate.
	Predicates []Count `json:"predicates"`
}

// Count is a row of a per-type or per-predicate table. P (R) is 0 when
// nothing was predicted (is to be found) in the row.
type Count struct {
	Name string `json:"name"`
	Score
	key string // grouping key: the type, or NormPredicate of the predicate
}

// Evaluate scores prediction p against gold g and explains every error.
// It is pure: everything it needs is in g and p.
func Evaluate(name string, g *Gold, p *Prediction) *Article {
	x := indexGold(g)
	st := x.score(p)
	a := &Article{Name: name, Document: g.Document, Entities: st.entityScore(), Relations: st.relationScore()}
	a.CoreMissing = []string{}
	for i, r := range g.Relations {
		if r.Core && !st.hit[i] {
			a.CoreMissing = append(a.CoreMissing, r.Label())
		}
	}
	a.EntityMisses, a.EntityFalsePositives, a.EntityNotCounted = st.entityErrors()
	a.RelationMisses, a.RelationFalsePositives = st.relationErrors()
	a.Types = st.typeCounts()
	a.Predicates = st.predicateCounts()
	a.fillLists()
	return a
}

// fillLists makes the nil lists empty, so that JSON has [] rather than null.
func (a *Article) fillLists() {
	fill := func(p *[]EntityError) {
		if *p == nil {
			*p = []EntityError{}
		}
	}
	fill(&a.EntityMisses)
	fill(&a.EntityFalsePositives)
	fill(&a.EntityNotCounted)
	for _, p := range []*[]RelationError{&a.RelationMisses, &a.RelationFalsePositives} {
		if *p == nil {
			*p = []RelationError{}
		}
	}
	for _, p := range []*[]Count{&a.Types, &a.Predicates} {
		if *p == nil {
			*p = []Count{}
		}
	}
}

// NotScoredArticle is the row of an article without a prediction: scored
// as if nothing had been predicted, without explanations.
func NotScoredArticle(name string, g *Gold, why string) *Article {
	a := Evaluate(name, g, &Prediction{})
	a.NotScored = why
	a.CoreMissing = []string{}
	a.EntityMisses, a.EntityFalsePositives, a.EntityNotCounted = nil, nil, nil
	a.RelationMisses, a.RelationFalsePositives = nil, nil
	a.Types, a.Predicates = nil, nil
	a.fillLists()
	return a
}

type tally struct{ predicted, correct, gold, found int }

func rows(m map[string]*tally, names map[string]string) []Count {
	out := make([]Count, 0, len(m))
	for k, t := range m {
		out = append(out, Count{Name: names[k], key: k, Score: microScore(*t)})
	}
	slices.SortFunc(out, func(a, b Count) int { return cmp.Compare(a.key, b.key) })
	return out
}

func (st *scored) typeCounts() []Count {
	m, names := map[string]*tally{}, map[string]string{}
	row := func(t string) *tally {
		if m[t] == nil {
			m[t], names[t] = &tally{}, t
		}
		return m[t]
	}
	for _, k := range st.x.required {
		t := st.x.ents[k].Type
		r := row(t)
		r.gold++
		for i, ek := range st.entKey {
			if ek == k && st.pred.Entities[i].Type == t {
				r.found++
				break
			}
		}
	}
	for i, e := range st.pred.Entities {
		r := row(e.Type)
		r.predicted++
		if k := st.entKey[i]; k != "" && st.x.ents[k].Type == e.Type {
			r.correct++
		}
	}
	return rows(m, names)
}

func (st *scored) predicateCounts() []Count {
	m, names := map[string]*tally{}, map[string]string{}
	row := func(spelling string) *tally {
		k := NormPredicate(spelling)
		if m[k] == nil {
			m[k], names[k] = &tally{}, spelling
		}
		return m[k]
	}
	for i, r := range st.x.g.Relations {
		p := ""
		if len(r.Predicates) > 0 {
			p = r.Predicates[0]
		}
		t := row(p)
		t.gold++
		if st.hit[i] {
			t.found++
		}
	}
	for i, tr := range st.triples {
		t := row(tr.rel.Predicate)
		t.predicted++
		if st.correct[i] {
			t.correct++
		}
	}
	return rows(m, names)
}

// Report is the evaluation of a set of articles.
type Report struct {
	Articles []*Article `json:"articles"`
	Summary  Summary    `json:"summary"`
	// Types and Predicates pool the per-article rows (scored articles).
	Types      []Count `json:"types"`
	Predicates []Count `json:"predicates"`
	// Kinds counts the errors of scored articles by kind.
	Kinds Kinds `json:"kinds"`
}

// Summary aggregates the articles as score_dev.py does.
type Summary struct {
	Articles  int `json:"articles"`
	NotScored int `json:"not_scored"`
	// Macro: the mean over all articles of the per-article (rounded)
	// values, an article not scored counting 0; rounded. F1 is the mean
	// of the articles' F1, not the F1 of the mean P and R.
	MacroEntities  PRF `json:"macro_entities"`
	MacroRelations PRF `json:"macro_relations"`
	// Micro: P, R and F1 of the pooled counts (recall 0 when there is
	// nothing to find, as score_dev.py has it).
	MicroEntities  Score `json:"micro_entities"`
	MicroRelations Score `json:"micro_relations"`
	// CoreMissing counts the core relations missed in scored articles.
	CoreMissing int `json:"core_missing"`
}

// PRF is a precision, recall and F1 triple.
type PRF struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// Kinds counts errors by kind (see the package documentation).
type Kinds struct {
	EntityMisses           map[string]int `json:"entity_misses"`
	EntityFalsePositives   map[string]int `json:"entity_false_positives"`
	EntityNotCounted       map[string]int `json:"entity_not_counted"`
	RelationMisses         map[string]int `json:"relation_misses"`
	RelationFalsePositives map[string]int `json:"relation_false_positives"`
	// NoRelationWhy splits the no_relation misses by why (NoRelationWhyKinds),
	// when the predictions carry the relation model's scores; nil otherwise.
	NoRelationWhy map[string]int `json:"no_relation_why,omitempty"`
}

func kindMap(kinds []string) map[string]int {
	m := map[string]int{}
	for _, k := range kinds {
		m[k] = 0
	}
	return m
}

// Aggregate builds the report of articles, in the order given.
func Aggregate(articles []*Article) *Report {
	r := &Report{Articles: articles, Kinds: Kinds{
		EntityMisses: kindMap(EntityMissKinds), EntityFalsePositives: kindMap(EntityFPKinds),
		EntityNotCounted: kindMap(EntityTypedKinds), RelationMisses: kindMap(RelationMissKinds),
		RelationFalsePositives: kindMap(RelationFPKinds)}}
	s := &r.Summary
	s.Articles = len(articles)
	var me, mr PRF
	var ent, rel tally
	types, preds := map[string]*tally{}, map[string]*tally{}
	typeNames, predNames := map[string]string{}, map[string]string{}
	pool := func(m map[string]*tally, names map[string]string, cs []Count) {
		for _, c := range cs {
			if m[c.key] == nil {
				m[c.key], names[c.key] = &tally{}, c.Name
			}
			t := m[c.key]
			t.predicted += c.Predicted
			t.correct += c.Correct
			t.gold += c.Gold
			t.found += c.Found
		}
	}
	for _, a := range articles {
		ent.gold += a.Entities.Gold
		rel.gold += a.Relations.Gold
		if a.NotScored != "" {
			s.NotScored++
			continue
		}
		for _, x := range []struct {
			sum *PRF
			sc  Score
		}{{&me, a.Entities}, {&mr, a.Relations}} {
			x.sum.Precision += x.sc.Precision
			x.sum.Recall += x.sc.Recall
			x.sum.F1 += x.sc.F1
		}
		ent.predicted += a.Entities.Predicted
		ent.correct += a.Entities.Correct
		ent.found += a.Entities.Found
		rel.predicted += a.Relations.Predicted
		rel.correct += a.Relations.Correct
		rel.found += a.Relations.Found
		s.CoreMissing += len(a.CoreMissing)
		pool(types, typeNames, a.Types)
		pool(preds, predNames, a.Predicates)
		for _, e := range a.EntityMisses {
			r.Kinds.EntityMisses[e.Kind]++
		}
		for _, e := range a.EntityFalsePositives {
			r.Kinds.EntityFalsePositives[e.Kind]++
		}
		for _, e := range a.EntityNotCounted {
			r.Kinds.EntityNotCounted[e.Kind]++
		}
		for _, e := range a.RelationMisses {
			r.Kinds.RelationMisses[e.Kind]++
			if e.Why != "" {
				if r.Kinds.NoRelationWhy == nil {
					r.Kinds.NoRelationWhy = kindMap(NoRelationWhyKinds)
				}
				r.Kinds.NoRelationWhy[e.Why]++
			}
		}
		for _, e := range a.RelationFalsePositives {
			r.Kinds.RelationFalsePositives[e.Kind]++
		}
	}
	n := float64(max(len(articles), 1))
	mean := func(x PRF) PRF { return PRF{round3(x.Precision / n), round3(x.Recall / n), round3(x.F1 / n)} }
	s.MacroEntities, s.MacroRelations = mean(me), mean(mr)
	s.MicroEntities, s.MicroRelations = microScore(ent), microScore(rel)
	r.Types, r.Predicates = rows(types, typeNames), rows(preds, predNames)
	return r
}

func microScore(t tally) Score {
	p, r := ratio(t.correct, t.predicted, 0), ratio(t.found, t.gold, 0)
	return Score{Predicted: t.predicted, Correct: t.correct, Gold: t.gold, Found: t.found,
		Precision: round3(p), Recall: round3(r), F1: round3(f1(p, r))}
}
