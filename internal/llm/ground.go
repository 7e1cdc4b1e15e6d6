package llm

import (
	"fmt"
	"slices"
	"sort"

	"github.com/kg-project/kg/internal/extract"
	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/text/segment"
	"github.com/kg-project/kg/internal/vocab"
)

// hintsOf lists the built-in extraction's mentions, once per text, type
// and sentence, in text order.
func hintsOf(b *model.Extraction, sents []segment.Sentence) []Hint {
	type k struct {
		text, typ string
		s         int
	}
	seen := map[k]bool{}
	var ms []struct {
		m   model.Mention
		typ string
	}
	for _, e := range b.Entities {
		for _, m := range e.Mentions {
			ms = append(ms, struct {
				m   model.Mention
				typ string
			}{m, e.Type})
		}
	}
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].m.Start < ms[j].m.Start })
	var out []Hint
	for _, x := range ms {
		if x.m.Sentence < 0 || x.m.Sentence >= len(sents) {
			continue
		}
		kk := k{x.m.Text, x.typ, x.m.Sentence}
		if seen[kk] {
			continue
		}
		seen[kk] = true
		out = append(out, Hint{Text: x.m.Text, Type: x.typ, Sentence: x.m.Sentence + 1})
	}
	return out
}

// marked returns a copy of rels with Extractor set to who.
func marked(rels []model.Relation, who string) []model.Relation {
	out := make([]model.Relation, len(rels))
	for i, r := range rels {
		r.Extractor = who
		out[i] = r
	}
	return out
}

// ground turns a valid reply into entities and relations, keeping only
// what holds:
//   - every name (an entity mention, a relation's subject or object) must
//     be written, as whole words, in the sentence the reply gives for it
//     (findName computes its offsets), with an entity type of the closed
//     set; a relation with a name that is not is dropped;
//   - a relation's type must be in the vocabulary, its sentence one of the
//     article's, its modality one of model's, its subject and object of
//     types the relation type takes (vocab), and not the same entity;
//   - the names are linked as the built-in pipeline links its own
//     (extract.Pipeline.LinkSpans), so that one real-world entity is one
//     node whichever extractor found it. In hybrid mode a name that
//     overlaps a mention of the built-in extraction is that mention's
//     entity.
//
// Each drop is counted by reason (Stats.Dropped). A relation both
// extractors found (same subject, type, object and sentence) is kept once,
// marked Both, with the higher confidence.
func (x *Extractor) ground(text string, sents []segment.Sentence, r *reply, base *model.Extraction) ([]model.Entity, []model.Relation, error) {
	g := newGrounder(x, sents)
	for i := range *r.Entities {
		g.name(&(*r.Entities)[i])
	}
	rels := g.relations(*r.Relations)
	ents, ids, err := x.builtin.LinkSpans(text, g.spans)
	if err != nil {
		return nil, nil, err
	}
	if base != nil {
		ents, ids = mergeEntities(base.Entities, ents, g.spans, ids)
	}
	out := x.linkRelations(rels, ids, ents, base)
	// the order kg extract documents: evidence offset, predicate, subject,
	// object
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Evidence.Start != b.Evidence.Start {
			return a.Evidence.Start < b.Evidence.Start
		}
		return a.Predicate+"\x00"+a.Subject+"\x00"+a.Object < b.Predicate+"\x00"+b.Subject+"\x00"+b.Object
	})
	if out == nil {
		out = []model.Relation{}
	}
	return ents, out, nil
}

// grounder finds the names of one reply in the article's sentences and
// collects them as spans for linking, each span once.
type grounder struct {
	x     *Extractor
	sents []segment.Sentence
	ss    []sentence
	spans []extract.Span
	at    map[[2]int]int // span offsets -> index in spans
}

// newGrounder returns a grounder for the sentences of one article, with
// no spans yet; drops are counted on x.
func newGrounder(x *Extractor, sents []segment.Sentence) *grounder {
	ss := make([]sentence, len(sents))
	for i, s := range sents {
		ss[i] = sentence{runes: []rune(s.Text), start: s.Start}
	}
	return &grounder{x: x, sents: sents, ss: ss, at: map[[2]int]int{}}
}

// name grounds a name of the reply: it returns the index of its span in
// g.spans (a span found before is not added again), or -1 when its type
// is not an entity type or it is not written in its sentence, counting
// the drop.
func (g *grounder) name(n *replyName) int {
	if !model.ValidEntityType(*n.Type) {
		g.x.drop(DropType)
		return -1
	}
	s, e, ok := findName(g.ss, *n.Sentence, *n.Text)
	if !ok {
		if *n.Sentence < 1 || *n.Sentence > len(g.ss) {
			g.x.drop(DropSentence)
		} else {
			g.x.drop(DropSpan)
		}
		return -1
	}
	if i, ok := g.at[[2]int{s, e}]; ok {
		return i
	}
	g.at[[2]int{s, e}] = len(g.spans)
	g.spans = append(g.spans, extract.Span{Start: s, End: e, Sentence: *n.Sentence - 1, Type: *n.Type})
	return len(g.spans) - 1
}

// pendingRelation is a relation of the reply whose subject and object
// are grounded but not linked yet: they are indexes in the grounder's
// spans.
type pendingRelation struct {
	subj, obj int
	rel       model.Relation
}

// relations checks the reply's relations (type in the vocabulary, a
// sentence of the article, a known modality), grounds their subjects and
// objects, and returns those that hold, in order, counting each drop.
func (g *grounder) relations(rs []replyRelation) []pendingRelation {
	var rels []pendingRelation
	for _, rr := range rs {
		if !vocab.Valid(*rr.Predicate) {
			g.x.drop(DropPredicate)
			continue
		}
		if *rr.Sentence < 1 || *rr.Sentence > len(g.sents) {
			g.x.drop(DropSentence)
			continue
		}
		if !validModality(*rr.Modality) {
			g.x.drop(DropModality)
			continue
		}
		si, oi := g.name(rr.Subject), g.name(rr.Object)
		if si < 0 || oi < 0 {
			continue
		}
		ev := g.sents[*rr.Sentence-1]
		rels = append(rels, pendingRelation{si, oi, model.Relation{
			Predicate: *rr.Predicate, Confidence: clampConfidence(*rr.Confidence), Modality: *rr.Modality,
			Evidence: model.Evidence{Sentence: ev.Text, Start: ev.Start, End: ev.End}, Extractor: LLM,
		}})
	}
	return rels
}

// relationKey identifies a relation by subject, type, object and
// sentence: where its evidence ends (the built-in extraction's evidence of a
// speaker carried over begins sentences before the relation's own).
func relationKey(r model.Relation) string {
	return fmt.Sprintf("%s\x00%s\x00%s\x00%d", r.Subject, r.Predicate, r.Object, r.Evidence.End)
}

// linkRelations gives the pending relations the entity IDs of their spans
// (ids, by span index; ents are the linked entities) and returns the
// built-in extraction's relations (base, nil without one, marked Builtin)
// followed by those that hold. A relation already there is kept once:
// marked Both when the built-in extraction found it, counted as a
// duplicate otherwise, with the higher confidence.
func (x *Extractor) linkRelations(rels []pendingRelation, ids []string, ents []model.Entity, base *model.Extraction) []model.Relation {
	types := map[string]string{}
	for _, e := range ents {
		types[e.ID] = e.Type
	}
	var out []model.Relation
	if base != nil {
		out = marked(base.Relations, Builtin)
	}
	seen := map[string]int{} // relationKey -> index in out
	for i, r := range out {
		if _, ok := seen[relationKey(r)]; !ok {
			seen[relationKey(r)] = i
		}
	}
	for _, p := range rels {
		r, ok := x.linked(p, ids, types)
		if !ok {
			continue
		}
		if i, ok := seen[relationKey(r)]; ok {
			o := &out[i]
			if o.Extractor == Builtin {
				o.Extractor = Both
			} else {
				x.drop(DropDuplicate)
			}
			o.Confidence = max(o.Confidence, r.Confidence)
			continue
		}
		seen[relationKey(r)] = len(out)
		out = append(out, r)
	}
	return out
}

// linked returns p's relation with the linked IDs of its subject and
// object, and whether it holds: both are names kg keeps, they are not the
// same entity, and their types (types, by ID) are ones the relation type
// takes. It counts the drop when it does not hold.
func (x *Extractor) linked(p pendingRelation, ids []string, types map[string]string) (model.Relation, bool) {
	r := p.rel
	r.Subject, r.Object = ids[p.subj], ids[p.obj]
	if r.Subject == "" || r.Object == "" {
		x.drop(DropSpan) // a name kg does not keep (not a name)
		return r, false
	}
	if r.Subject == r.Object {
		x.drop(DropSelf)
		return r, false
	}
	if v, ok := vocab.Get(r.Predicate); ok && (!slices.Contains(v.Subject, types[r.Subject]) || !slices.Contains(v.Object, types[r.Object])) {
		x.drop(DropType)
		return r, false
	}
	return r, true
}

// mergeEntities adds the model's entities to the built-in extraction's
// (hybrid mode): a span overlapping a built-in mention takes that
// mention's entity; the other spans keep the ID linking gave them, and
// their mentions join the built-in entity of that ID or make a new
// entity. It returns the entities sorted by ID and the spans' IDs.
func mergeEntities(base, llm []model.Entity, spans []extract.Span, ids []string) ([]model.Entity, []string) {
	out := make([]model.Entity, len(base))
	at := map[string]int{}
	for i, e := range base {
		e.Mentions = slices.Clone(e.Mentions)
		e.Aliases = slices.Clone(e.Aliases)
		out[i] = e
		at[e.ID] = i
	}
	byID := map[string]model.Entity{}
	for _, e := range llm {
		byID[e.ID] = e
	}
	newIDs := make([]string, len(ids))
	for i, sp := range spans {
		newIDs[i] = ids[i]
	overlap:
		for _, e := range base {
			for _, m := range e.Mentions {
				if m.Start < sp.End && sp.Start < m.End {
					newIDs[i] = e.ID
					break overlap
				}
			}
		}
		if newIDs[i] != ids[i] || ids[i] == "" {
			continue
		}
		e, ok := byID[ids[i]]
		if !ok {
			continue
		}
		// the mention of this span, as linking made it (clitics trimmed)
		var m *model.Mention
		for k := range e.Mentions {
			if mm := e.Mentions[k]; mm.Start >= sp.Start && mm.End <= sp.End {
				m = &e.Mentions[k]
				break
			}
		}
		if m == nil {
			continue
		}
		j, ok := at[e.ID]
		if !ok {
			ne := e
			ne.Mentions = nil
			at[e.ID] = len(out)
			out = append(out, ne)
			j = at[e.ID]
		}
		if !slices.ContainsFunc(out[j].Mentions, func(x model.Mention) bool { return x.Start == m.Start && x.End == m.End }) {
			out[j].Mentions = append(out[j].Mentions, *m)
			sort.SliceStable(out[j].Mentions, func(a, b int) bool { return out[j].Mentions[a].Start < out[j].Mentions[b].Start })
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].ID < out[b].ID })
	return out, newIDs
}
