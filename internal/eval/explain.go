package eval

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kinds of entity errors. See the package documentation for the exact
// definitions.
const (
	// misses: a required gold entity no predicted entity resolves to
	NotDetected = "not_detected"
	WrongSpan   = "wrong_span" // also a kind of false positive
	NotLinked   = "not_linked"
	// false positives: a predicted entity that resolves to no gold entity
	Junk    = "junk"
	IDClash = "id_clash"
	// not counted by the overall entity score
	WrongType = "wrong_type"
	Split     = "split"
)

// Kinds of relation errors. See the package documentation.
const (
	// misses: a required gold relation no predicted triple matches
	EntityMissing  = "entity_missing"
	NoRelation     = "no_relation"
	WrongPredicate = "wrong_predicate" // also a kind of false positive
	WrongDirection = "wrong_direction" // also a kind of false positive
	// false positives: a predicted triple no gold relation accepts
	UnknownEntity = "unknown_entity"
	NotInGold     = "not_in_gold"

	// why a no_relation miss was missed (RelationError.Why)
	NoCandidate    = "no_candidate"    // never in one candidate pair: not in one sentence, or too far apart
	ModelNone      = "model_none"      // the model's confidence of a relation under 0.5
	OtherPredicate = "other_predicate" // some relation, but of a predicate the gold does not accept (or reversed)
	BelowThreshold = "below_threshold" // an accepted predicate, with a confidence under its threshold
	Vetoed         = "vetoed"          // an accepted predicate over its threshold, left out all the same (a rule's veto)
)

// Kind lists, in the order reports print them.
var (
	EntityMissKinds   = []string{NotDetected, WrongSpan, NotLinked}
	EntityFPKinds     = []string{WrongSpan, Junk, IDClash}
	EntityTypedKinds  = []string{WrongType, Split}
	RelationMissKinds = []string{EntityMissing, NoRelation, WrongPredicate, WrongDirection}
	// NoRelationWhyKinds: why a relation with both entities found was
	// missed, when the prediction carries the relation model's scores of
	// the candidate pairs (Prediction.Diagnosed; kg eval of the built-in
	// pipeline).
	NoRelationWhyKinds = []string{NoCandidate, ModelNone, OtherPredicate, BelowThreshold, Vetoed}
	RelationFPKinds    = []string{UnknownEntity, NotInGold, WrongPredicate, WrongDirection}
)

// EntityError explains one entity miss, false positive, wrong type or
// split.
type EntityError struct {
	Kind string `json:"kind"`
	// The gold entity: the one missed, the one a false positive overlaps
	// (wrong_span), the one found with the wrong type or split.
	Key      string `json:"key,omitempty"`
	GoldName string `json:"gold_name,omitempty"`
	GoldType string `json:"gold_type,omitempty"`
	// Predicted lists the predicted entities involved: the false positive
	// itself; for a miss, those bearing or overlapping a form of the gold
	// entity; for split, those resolving to it.
	Predicted []EntityRef `json:"predicted,omitempty"`
	// Sentence quotes the text around the (first) mention concerned, when
	// the article text is known.
	Sentence string `json:"sentence,omitempty"`
}

// EntityRef names a predicted entity in an explanation.
type EntityRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Type string `json:"type,omitempty"`
	// Form is the name, alias or mention text that equals (not_linked) or
	// overlaps (wrong_span) a form of the gold entity.
	Form string `json:"form,omitempty"`
	// LinkedTo is the gold key the scorer resolved the entity to, "" none.
	LinkedTo string `json:"linked_to,omitempty"`
}

// RelationError explains one relation miss or false positive.
type RelationError struct {
	Kind string `json:"kind"`
	// Gold is the required relation missed, or for a false positive the
	// gold relation it resembles (wrong_predicate, wrong_direction); Index
	// is its position in the gold file's relations (or, with GoldOptional,
	// optional_relations); -1 when there is none.
	Gold         *GoldRelation `json:"gold,omitempty"`
	Index        int           `json:"index"`
	GoldOptional bool          `json:"gold_optional,omitempty"`
	// Predicted is the false positive itself, or for a miss the predicted
	// triples that come closest (wrong_predicate, wrong_direction).
	Predicted []Triple `json:"predicted,omitempty"`
	// Missing names the arguments no predicted entity resolves to
	// (entity_missing for a miss, unknown_entity for a false positive).
	Missing []MissingArg `json:"missing,omitempty"`
	// Sentence: for no_relation, a sentence that mentions both entities
	// (when the text is known and one does); otherwise the evidence of
	// the first predicted triple.
	Sentence string `json:"sentence,omitempty"`
	// Why, for no_relation when the prediction carries the model's scores
	// of the candidate pairs: one of NoRelationWhyKinds.
	Why string `json:"why,omitempty"`
	// Score, with Why (but no_candidate): the model's best reading of the
	// two entities' candidate pairs, the one Why is about (for
	// below_threshold and vetoed an accepted predicate, for
	// other_predicate the most confident, else the least unlikely).
	Score *PairScore `json:"score,omitempty"`
}

// Triple is a predicted relation as written, with its arguments resolved
// to gold keys ("" none).
type Triple struct {
	Subject    string `json:"subject"`
	Predicate  string `json:"predicate"`
	Object     string `json:"object"`
	SubjectKey string `json:"subject_key,omitempty"`
	ObjectKey  string `json:"object_key,omitempty"`
	Evidence   string `json:"evidence,omitempty"`
}

// MissingArg is an argument of a relation that was not found as an
// entity: the side, the accepted keys (for a predicted argument, the
// argument as written) and, for a gold key, why its entity was not found
// (an entity miss kind).
type MissingArg struct {
	Side string   `json:"side"`
	Keys []string `json:"keys"`
	Why  string   `json:"why,omitempty"`
}

func (st *scored) tripleOf(t triple) Triple {
	return Triple{Subject: t.rel.Subject.String(), Predicate: t.rel.Predicate, Object: t.rel.Object.String(),
		SubjectKey: t.s, ObjectKey: t.o, Evidence: t.rel.Evidence}
}

func (st *scored) ref(i int, form string) EntityRef {
	e := &st.pred.Entities[i]
	return EntityRef{ID: e.ID, Name: e.Name, Type: e.Type, Form: form, LinkedTo: st.entKey[i]}
}

// entityMissKind is the classification of a gold key no predicted entity
// resolves to.
type entityMissKind struct {
	kind     string
	refs     []EntityRef
	sentence string
}

// classifyMiss explains why no predicted entity resolves to key.
func (st *scored) classifyMiss(key string) entityMissKind {
	if c, ok := st.classify[key]; ok {
		return c
	}
	forms := st.x.forms[key]
	norms := map[string]bool{}
	for _, f := range forms {
		norms[f.norm] = true
	}
	var c entityMissKind
	for i := range st.pred.Entities {
		for _, s := range st.pred.Entities[i].surfaces() {
			if norms[Norm(s)] {
				c.refs = append(c.refs, st.ref(i, s))
				break
			}
		}
	}
	if len(c.refs) > 0 {
		c.kind = NotLinked
	} else {
		for i := range st.pred.Entities {
			if s, n := st.overlapping(i, forms, true); n > 0 {
				c.refs = append(c.refs, st.ref(i, s))
			}
		}
		if len(c.refs) > 0 {
			c.kind = WrongSpan
		} else {
			c.kind = NotDetected
		}
	}
	if len(c.refs) > 0 {
		c.sentence = st.mentionSentence(c.refs[0].ID, c.refs[0].Form)
	} else {
		c.sentence = st.formSentence(forms)
	}
	if st.classify == nil {
		st.classify = map[string]entityMissKind{}
	}
	st.classify[key] = c
	return c
}

// overlapping returns the span of predicted entity i that overlaps one of
// forms most (by words shared), and how many words they share (0: none
// does). Its spans are its mention texts (its name and aliases when it has
// no mentions); with others, a span that is itself a gold form of any
// entity does not count (it is a right mention of that entity).
func (st *scored) overlapping(i int, forms []form, others bool) (span string, shared int) {
	e := &st.pred.Entities[i]
	spans := e.surfaces()
	if len(e.Mentions) > 0 {
		spans = spans[1+len(e.Aliases):]
	}
	for _, s := range spans {
		ps := newForm(s)
		if others && st.x.nameKey[ps.norm] != "" {
			continue
		}
		for _, f := range forms {
			if n := overlap(ps, f.spanForm()); n > shared {
				span, shared = s, n
			}
		}
	}
	return span, shared
}

func (st *scored) goldError(kind, key string) EntityError {
	e := st.x.ents[key]
	return EntityError{Kind: kind, Key: key, GoldName: e.Name, GoldType: e.Type}
}

// entityErrors explains every entity miss and false positive, and lists
// the wrong types and splits.
func (st *scored) entityErrors() (misses, fps, typed []EntityError) {
	for _, k := range st.x.required {
		if st.found[k] {
			continue
		}
		c := st.classifyMiss(k)
		e := st.goldError(c.kind, k)
		e.Predicted, e.Sentence = c.refs, c.sentence
		misses = append(misses, e)
	}
	for i := range st.pred.Entities {
		pe := &st.pred.Entities[i]
		if k := st.entKey[i]; k != "" {
			if g := st.x.ents[k]; g.Type != "" && pe.Type != g.Type {
				e := st.goldError(WrongType, k)
				e.Predicted = []EntityRef{st.ref(i, "")}
				e.Sentence = st.mentionSentence(pe.ID, "")
				typed = append(typed, e)
			}
			continue
		}
		e := EntityError{Kind: Junk, Predicted: []EntityRef{st.ref(i, "")}}
		if k := st.x.keyOf(pe); k != "" {
			e = st.goldError(IDClash, k)
			e.Predicted = []EntityRef{st.ref(i, "")}
		} else {
			best := 0
			for _, k := range st.x.order {
				if s, n := st.overlapping(i, st.x.forms[k], false); n > best {
					best = n
					e = st.goldError(WrongSpan, k)
					e.Predicted = []EntityRef{st.ref(i, s)}
				}
			}
		}
		e.Sentence = st.mentionSentence(pe.ID, e.Predicted[0].Form)
		fps = append(fps, e)
	}
	for _, k := range st.x.order {
		var refs []EntityRef
		for i, ek := range st.entKey {
			if ek == k {
				refs = append(refs, st.ref(i, ""))
			}
		}
		if len(refs) > 1 {
			e := st.goldError(Split, k)
			e.Predicted = refs
			typed = append(typed, e)
		}
	}
	return misses, fps, typed
}

// relationErrors explains every relation miss and false positive.
func (st *scored) relationErrors() (misses, fps []RelationError) {
	x := st.x
	for i := range x.g.Relations {
		if st.hit[i] {
			continue
		}
		g := x.g.Relations[i]
		e := RelationError{Gold: &g, Index: i}
		for _, side := range []struct {
			name string
			keys []string
		}{{"subject", g.Subject}, {"object", g.Object}} {
			if !slices.ContainsFunc(side.keys, func(k string) bool { return st.found[k] }) {
				m := MissingArg{Side: side.name, Keys: side.keys}
				if len(side.keys) > 0 && st.x.ents[side.keys[0]] != nil {
					m.Why = st.classifyMiss(side.keys[0]).kind
				}
				e.Missing = append(e.Missing, m)
			}
		}
		if len(e.Missing) > 0 {
			e.Kind = EntityMissing
			misses = append(misses, e)
			continue
		}
		var reversed, linked []Triple
		for _, t := range st.triples {
			fwd := slices.Contains(g.Subject, t.s) && slices.Contains(g.Object, t.o)
			back := slices.Contains(g.Object, t.s) && slices.Contains(g.Subject, t.o)
			switch {
			case back && x.relPreds[i][t.p]:
				reversed = append(reversed, st.tripleOf(t))
			case fwd || back:
				linked = append(linked, st.tripleOf(t))
			}
		}
		switch {
		case len(reversed) > 0:
			e.Kind, e.Predicted = WrongDirection, reversed
		case len(linked) > 0:
			e.Kind, e.Predicted = WrongPredicate, linked
		default:
			e.Kind = NoRelation
			e.Sentence = st.pairSentence(g.Subject, g.Object)
			e.Why, e.Score = st.noRelationWhy(i)
		}
		if e.Sentence == "" && len(e.Predicted) > 0 {
			e.Sentence = e.Predicted[0].Evidence
		}
		misses = append(misses, e)
	}
	for ti, t := range st.triples {
		if st.correct[ti] {
			continue
		}
		e := RelationError{Predicted: []Triple{st.tripleOf(t)}, Sentence: t.rel.Evidence, Index: -1}
		if t.s == "" {
			e.Missing = append(e.Missing, MissingArg{Side: "subject", Keys: []string{t.rel.Subject.String()}})
		}
		if t.o == "" {
			e.Missing = append(e.Missing, MissingArg{Side: "object", Keys: []string{t.rel.Object.String()}})
		}
		if len(e.Missing) > 0 {
			e.Kind = UnknownEntity
			fps = append(fps, e)
			continue
		}
		e.Kind = NotInGold
		for gi, g := range x.allRels {
			if x.relPreds[gi][t.p] && slices.Contains(g.Object, t.s) && slices.Contains(g.Subject, t.o) {
				e.Kind, e.Gold = WrongDirection, &x.allRels[gi]
				e.Index, e.GoldOptional = x.position(gi)
				break
			}
		}
		if e.Kind == NotInGold {
			for gi, g := range x.allRels {
				if slices.Contains(g.Subject, t.s) && slices.Contains(g.Object, t.o) ||
					slices.Contains(g.Object, t.s) && slices.Contains(g.Subject, t.o) {
					e.Kind, e.Gold = WrongPredicate, &x.allRels[gi]
					e.Index, e.GoldOptional = x.position(gi)
					break
				}
			}
		}
		fps = append(fps, e)
	}
	return misses, fps
}

// position is the place of allRels[i] in the gold file.
func (x *goldIndex) position(i int) (index int, optional bool) {
	if n := len(x.g.Relations); i >= n {
		return i - n, true
	}
	return i, false
}

// Overlap of names. Two forms overlap when their Norm forms differ and
// their word sequences, compared word by word up to Arabic proclitics,
// would overlap as spans of text: one contains the other, or an end of
// one is the start of the other. The shared words must include one that
// is not a function word.

func splitWords(n string) []string {
	if n == "" {
		return nil
	}
	return strings.Split(n, " ")
}

// overlap returns how many words forms a and b share as overlapping
// spans (the longest such run), 0 when they do not overlap or are equal.
func overlap(a, b form) int {
	if a.norm == b.norm {
		return 0
	}
	best := 0
	for i := range a.words {
		for j := range b.words {
			n := 0
			for i+n < len(a.words) && j+n < len(b.words) && wordEq(a.words[i+n], b.words[j+n]) {
				n++
			}
			if n <= best || !slices.ContainsFunc(a.words[i:i+n], func(w string) bool { return !functionWords[w] }) {
				continue
			}
			contained := n == len(a.words) || n == len(b.words)
			edge := i+n == len(a.words) && j == 0 || j+n == len(b.words) && i == 0
			if contained || edge {
				best = n
			}
		}
	}
	return best
}

// functionWords never make an overlap on their own (Norm forms).
var functionWords = map[string]bool{
	"the": true, "of": true, "and": true, "for": true, "in": true, "on": true, "at": true,
	"to": true, "a": true, "an": true, "mr": true, "mrs": true, "ms": true, "dr": true,
	"al": true, "el": true, "de": true,
	"ال": true, "في": true, "من": true, "علي": true, "الي": true, "عن": true, "و": true,
	"بن": true, "ابن": true, "بنت": true, "ابو": true, "عبد": true,
}

// proclitics are the Arabic prefixes a word may carry in the text
// (conjunction, preposition): وبوتين and بوتين are the same word.
var proclitics = []string{"وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك"}

func wordEq(a, b string) bool {
	return a == b || stripsTo(a, b) || stripsTo(b, a)
}

// stripsTo reports whether word a is word b with an Arabic proclitic
// (لل standing for ل + ال).
func stripsTo(a, b string) bool {
	r, _ := utf8.DecodeRuneInString(a)
	if !unicode.Is(unicode.Arabic, r) {
		return false
	}
	for _, p := range proclitics {
		rest, ok := strings.CutPrefix(a, p)
		if !ok || utf8.RuneCountInString(rest) < 2 {
			continue
		}
		if rest == b || strings.HasPrefix(rest, "ل") && "ا"+rest == b {
			return true
		}
	}
	return false
}

// Quotes from the article text.

const maxQuote = 240

// mentionSentence quotes the sentence around the first mention of the
// predicted entity id (with text form, when form is not ""), if the text
// is known and the mention's offsets agree with it.
func (st *scored) mentionSentence(id, form string) string {
	if !st.textOK {
		return ""
	}
	for i := range st.pred.Entities {
		e := &st.pred.Entities[i]
		if e.ID != id {
			continue
		}
		for _, m := range e.Mentions {
			if (form == "" || m.Text == form) && st.validMention(m) {
				return quote(st.text, m.Start, m.End)
			}
		}
	}
	return ""
}

func (st *scored) validMention(m Mention) bool {
	return m.Start >= 0 && m.Start < m.End && m.End <= len(st.text) && string(st.text[m.Start:m.End]) == m.Text
}

// formSentence quotes the sentence of the earliest occurrence in the text
// of one of forms (a Latin form as a whole word).
func (st *scored) formSentence(forms []form) string {
	if !st.textOK {
		return ""
	}
	text := st.pred.Text
	best := -1
	bestLen := 0
	for _, f := range forms {
		if f.text == "" {
			continue
		}
		for off := 0; ; {
			i := strings.Index(text[off:], f.text)
			if i < 0 {
				break
			}
			i += off
			if wholeWord(text, i, i+len(f.text)) {
				if best < 0 || i < best {
					best, bestLen = i, len(f.text)
				}
				break
			}
			off = i + 1
		}
	}
	if best < 0 {
		return ""
	}
	start := utf8.RuneCountInString(text[:best])
	return quote(st.text, start, start+utf8.RuneCountInString(text[best:best+bestLen]))
}

// wholeWord: no letter right before or after text[i:j]; before an Arabic
// form any letter may stand (a proclitic).
func wholeWord(text string, i, j int) bool {
	first, _ := utf8.DecodeRuneInString(text[i:])
	if before, _ := utf8.DecodeLastRuneInString(text[:i]); i > 0 && unicode.IsLetter(before) && !unicode.Is(unicode.Arabic, first) {
		return false
	}
	if after, _ := utf8.DecodeRuneInString(text[j:]); j < len(text) && unicode.IsLetter(after) && !unicode.Is(unicode.Arabic, after) {
		return false
	}
	return true
}

// pairSentence quotes the first sentence (by sentence index) that holds a
// mention of an entity resolving to one of subj and one resolving to one
// of obj; "" when none does or the text is unknown.
func (st *scored) pairSentence(subj, obj []string) string {
	if !st.textOK {
		return ""
	}
	type span struct{ start, end int }
	in := func(keys []string) map[int]span {
		out := map[int]span{}
		for i := range st.pred.Entities {
			if !slices.Contains(keys, st.entKey[i]) {
				continue
			}
			for _, m := range st.pred.Entities[i].Mentions {
				if m.Sentence < 0 || !st.validMention(m) {
					continue
				}
				if s, ok := out[m.Sentence]; !ok || m.Start < s.start {
					out[m.Sentence] = span{m.Start, m.End}
				}
			}
		}
		return out
	}
	ss, os := in(subj), in(obj)
	best := -1
	for k := range ss {
		if _, ok := os[k]; ok && (best < 0 || k < best) {
			best = k
		}
	}
	if best < 0 {
		return ""
	}
	a, b := ss[best], os[best]
	return quote(st.text, min(a.start, b.start), max(a.end, b.end))
}

// quote returns the sentence around text[start:end]: back to the previous
// sentence end, on to the next (included), at most maxQuote code points
// either side (a cut marked "…"), spaces folded.
func quote(text []rune, start, end int) string {
	isEnd := func(r rune) bool { return strings.ContainsRune(".!?؟\n", r) }
	from := start
	for from > 0 && !isEnd(text[from-1]) && start-from < maxQuote {
		from--
	}
	to := end
	for to < len(text) && !isEnd(text[to]) && to-end < maxQuote {
		to++
	}
	cutLeft := from > 0 && !isEnd(text[from-1])
	cutRight := to < len(text) && !isEnd(text[to])
	if to < len(text) && isEnd(text[to]) && text[to] != '\n' {
		to++
	}
	q := strings.Join(strings.Fields(string(text[from:to])), " ")
	if cutLeft {
		q = "…" + q
	}
	if cutRight {
		q += "…"
	}
	return q
}

// noRelationWhy says why required relation i, both of whose entities were
// found, was not predicted, from the model's scores of the candidate pairs
// (Prediction.Pairs), and which pair's score says so; "" when the
// prediction has none.
func (st *scored) noRelationWhy(i int) (string, *PairScore) {
	if !st.pred.Diagnosed {
		return "", nil
	}
	g := st.x.g.Relations[i]
	// the best pair of each kind, by confidence
	var veto, below, some, found *PairScore
	better := func(cur *PairScore, p *PairScore) *PairScore {
		if cur == nil || p.Confidence > cur.Confidence {
			return p
		}
		return cur
	}
	for k := range st.pred.Pairs {
		p := &st.pred.Pairs[k]
		s, o := st.resolve(Ref{ID: p.Subject}), st.resolve(Ref{ID: p.Object})
		fwd := slices.Contains(g.Subject, s) && slices.Contains(g.Object, o)
		back := slices.Contains(g.Object, s) && slices.Contains(g.Subject, o)
		if !fwd && !back {
			continue
		}
		found = better(found, p)
		pred := NormPredicate(p.Predicate)
		accepted := st.x.relPreds[i][pred] && (fwd || symmetric[pred])
		switch {
		case accepted && p.ReachesThreshold:
			veto = better(veto, p)
		case accepted && p.Confidence >= 0.5:
			below = better(below, p)
		case p.Confidence >= 0.5:
			some = better(some, p)
		}
	}
	switch {
	case veto != nil:
		return Vetoed, veto
	case below != nil:
		return BelowThreshold, below
	case some != nil:
		return OtherPredicate, some
	case found != nil:
		return ModelNone, found
	}
	return NoCandidate, nil
}
