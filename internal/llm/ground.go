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
	ss := make([]sentence, len(sents))
	for i, s := range sents {
		ss[i] = sentence{runes: []rune(s.Text), start: s.Start}
	}
	var spans []extract.Span
	at := map[[2]int]int{} // span offsets -> index in spans
	// add grounds a name; it returns its index in spans, or -1
	add := func(n *replyName) int {
		if !model.ValidEntityType(*n.Type) {
			x.drop(DropType)
			return -1
		}
		s, e, ok := findName(ss, *n.Sentence, *n.Text)
		if !ok {
			if *n.Sentence < 1 || *n.Sentence > len(ss) {
				x.drop(DropSentence)
			} else {
				x.drop(DropSpan)
			}
			return -1
		}
		if i, ok := at[[2]int{s, e}]; ok {
			return i
		}
		at[[2]int{s, e}] = len(spans)
		spans = append(spans, extract.Span{Start: s, End: e, Sentence: *n.Sentence - 1, Type: *n.Type})
		return len(spans) - 1
	}
	for i := range *r.Entities {
		add(&(*r.Entities)[i])
	}
	type pending struct {
		subj, obj int
		rel       model.Relation
	}
	var rels []pending
	for _, rr := range *r.Relations {
		if !vocab.Valid(*rr.Predicate) {
			x.drop(DropPredicate)
			continue
		}
		if *rr.Sentence < 1 || *rr.Sentence > len(sents) {
			x.drop(DropSentence)
			continue
		}
		if !validModality(*rr.Modality) {
			x.drop(DropModality)
			continue
		}
		si, oi := add(rr.Subject), add(rr.Object)
		if si < 0 || oi < 0 {
			continue
		}
		ev := sents[*rr.Sentence-1]
		rels = append(rels, pending{si, oi, model.Relation{
			Predicate: *rr.Predicate, Confidence: clampConfidence(*rr.Confidence), Modality: *rr.Modality,
			Evidence: model.Evidence{Sentence: ev.Text, Start: ev.Start, End: ev.End}, Extractor: LLM,
		}})
	}
	ents, ids, err := x.builtin.LinkSpans(text, spans)
	if err != nil {
		return nil, nil, err
	}
	if base != nil {
		ents, ids = mergeEntities(base.Entities, ents, spans, ids)
	}
	types := map[string]string{}
	for _, e := range ents {
		types[e.ID] = e.Type
	}
	var out []model.Relation
	if base != nil {
		out = marked(base.Relations, Builtin)
	}
	seen := map[string]int{} // subject, type, object, sentence start -> index in out
	keyOf := func(r model.Relation) string {
		return fmt.Sprintf("%s\x00%s\x00%s\x00%d", r.Subject, r.Predicate, r.Object, r.Evidence.Start)
	}
	for i, r := range out {
		if _, ok := seen[keyOf(r)]; !ok {
			seen[keyOf(r)] = i
		}
	}
	for _, p := range rels {
		r := p.rel
		r.Subject, r.Object = ids[p.subj], ids[p.obj]
		if r.Subject == "" || r.Object == "" {
			x.drop(DropSpan) // a name kg does not keep (not a name)
			continue
		}
		if r.Subject == r.Object {
			x.drop(DropSelf)
			continue
		}
		if v, ok := vocab.Get(r.Predicate); ok && (!slices.Contains(v.Subject, types[r.Subject]) || !slices.Contains(v.Object, types[r.Object])) {
			x.drop(DropType)
			continue
		}
		if i, ok := seen[keyOf(r)]; ok {
			o := &out[i]
			if o.Extractor == Builtin {
				o.Extractor = Both
			} else {
				x.drop(DropDuplicate)
			}
			o.Confidence = max(o.Confidence, r.Confidence)
			continue
		}
		seen[keyOf(r)] = len(out)
		out = append(out, r)
	}
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
