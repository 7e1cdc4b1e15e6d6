package eval

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// WriteText writes the report as readable tables: one line per article,
// the macro and micro summary, the per-type and per-predicate tables and
// the error counts by kind; with explain, every error of every article.
func (r *Report) WriteText(w io.Writer, explain bool) error {
	bw := bufio.NewWriter(w)
	s := r.Summary
	width := len("macro (0000 articles)")
	for _, a := range r.Articles {
		width = max(width, len(a.Name))
	}
	fmt.Fprintf(bw, "%-*s  %30s   %38s   %s\n", width, "", "------------- entities -------", "---------------- relations -----------", "core")
	fmt.Fprintf(bw, "%-*s  %6s  %6s  %6s  %6s   %6s  %8s  %6s  %6s  %6s   %s\n", width, "article",
		"pred", "P", "R", "F1", "pred", "required", "P", "R", "F1", "missing")
	for _, a := range r.Articles {
		if a.NotScored != "" {
			fmt.Fprintf(bw, "%-*s  %6s  %6s  %6s  %6.3f   %6s  %8d  %6s  %6s  %6.3f   not scored: %s\n", width, a.Name,
				"-", "-", "-", 0.0, "-", a.Relations.Gold, "-", "-", 0.0, a.NotScored)
			continue
		}
		fmt.Fprintf(bw, "%-*s  %6d  %6.3f  %6.3f  %6.3f   %6d  %8d  %6.3f  %6.3f  %6.3f   %d\n", width, a.Name,
			a.Entities.Predicted, a.Entities.Precision, a.Entities.Recall, a.Entities.F1,
			a.Relations.Predicted, a.Relations.Gold, a.Relations.Precision, a.Relations.Recall, a.Relations.F1,
			len(a.CoreMissing))
	}
	me, mr := s.MacroEntities, s.MacroRelations
	fmt.Fprintf(bw, "%-*s  %6s  %6.3f  %6.3f  %6.3f   %6s  %8s  %6.3f  %6.3f  %6.3f\n", width,
		fmt.Sprintf("macro (%d articles)", s.Articles), "", me.Precision, me.Recall, me.F1, "", "", mr.Precision, mr.Recall, mr.F1)
	ie, ir := s.MicroEntities, s.MicroRelations
	fmt.Fprintf(bw, "%-*s  %6d  %6.3f  %6.3f  %6.3f   %6d  %8d  %6.3f  %6.3f  %6.3f   %d\n", width, "micro",
		ie.Predicted, ie.Precision, ie.Recall, ie.F1, ir.Predicted, ir.Gold, ir.Precision, ir.Recall, ir.F1, s.CoreMissing)
	if s.NotScored > 0 {
		fmt.Fprintf(bw, "(%d article(s) not scored count as 0 in the macro means and as missed in the micro totals)\n", s.NotScored)
	}

	fmt.Fprintln(bw, "\nper entity type (typed: right only with the gold type)")
	writeCounts(bw, "type", r.Types)
	fmt.Fprintln(bw, "\nper predicate (recall under the best gold predicate, precision under the predicted one)")
	writeCounts(bw, "predicate", r.Predicates)

	fmt.Fprintln(bw, "\nerrors by kind")
	k := r.Kinds
	writeKinds(bw, "entity misses", EntityMissKinds, k.EntityMisses)
	writeKinds(bw, "entity false positives", EntityFPKinds, k.EntityFalsePositives)
	writeKinds(bw, "not counted by the entity score", EntityTypedKinds, k.EntityNotCounted)
	writeKinds(bw, "relation misses", RelationMissKinds, k.RelationMisses)
	if k.NoRelationWhy != nil {
		writeKinds(bw, "  no relation: the model", NoRelationWhyKinds, k.NoRelationWhy)
	}
	writeKinds(bw, "relation false positives", RelationFPKinds, k.RelationFalsePositives)

	if explain {
		for _, a := range r.Articles {
			writeExplanations(bw, a)
		}
	}
	return bw.Flush()
}

func writeCounts(w io.Writer, what string, cs []Count) {
	width := len(what)
	for _, c := range cs {
		width = max(width, len(c.Name), len("(none)"))
	}
	dash := func(n int, v float64) string {
		if n == 0 {
			return "-"
		}
		return fmt.Sprintf("%.3f", v)
	}
	fmt.Fprintf(w, "  %-*s  %6s  %6s  %6s   %9s  %6s  %6s   %6s\n", width, what, "gold", "found", "R", "predicted", "right", "P", "F1")
	for _, c := range cs {
		name := c.Name
		if name == "" {
			name = "(none)"
		}
		f := "-"
		if c.Gold > 0 && c.Predicted > 0 {
			f = fmt.Sprintf("%.3f", c.F1)
		}
		fmt.Fprintf(w, "  %-*s  %6d  %6d  %6s   %9d  %6d  %6s   %6s\n", width, name, c.Gold, c.Found, dash(c.Gold, c.Recall),
			c.Predicted, c.Correct, dash(c.Predicted, c.Precision), f)
	}
}

func writeKinds(w io.Writer, label string, kinds []string, m map[string]int) {
	total := 0
	parts := make([]string, 0, len(kinds))
	for _, k := range kinds {
		total += m[k]
		parts = append(parts, fmt.Sprintf("%s %d", strings.ReplaceAll(k, "_", " "), m[k]))
	}
	fmt.Fprintf(w, "  %-32s %4d   %s\n", label, total, strings.Join(parts, ", "))
}

func writeExplanations(w io.Writer, a *Article) {
	if len(a.EntityMisses)+len(a.EntityFalsePositives)+len(a.EntityNotCounted)+
		len(a.RelationMisses)+len(a.RelationFalsePositives) == 0 {
		return
	}
	fmt.Fprintf(w, "\n%s\n", a.Name)
	line := func(what, kind, msg, sentence string) {
		fmt.Fprintf(w, "  %-18s %-16s %s\n", what, strings.ReplaceAll(kind, "_", " "), msg)
		if sentence != "" {
			fmt.Fprintf(w, "  %-18s %-16s «%s»\n", "", "", sentence)
		}
	}
	for _, e := range a.EntityMisses {
		line("entity miss", e.Kind, goldEntity(e)+refsText(e), e.Sentence)
	}
	for _, e := range a.EntityFalsePositives {
		msg := entityRef(e.Predicted[0], false)
		switch e.Kind {
		case WrongSpan:
			msg += fmt.Sprintf(": %q overlaps %s", e.Predicted[0].Form, goldEntity(e))
		case IDClash:
			msg += fmt.Sprintf(": its names match %s, but another entity is named after its id, and the scorer looked the id up as that name", goldEntity(e))
		}
		line("entity false pos", e.Kind, msg, e.Sentence)
	}
	for _, e := range a.EntityNotCounted {
		switch e.Kind {
		case WrongType:
			line("entity", e.Kind, fmt.Sprintf("%s is %s; gold %s", entityRef(e.Predicted[0], false), orNone(e.Predicted[0].Type), goldEntity(e)), e.Sentence)
		case Split:
			ids := make([]string, len(e.Predicted))
			for i, p := range e.Predicted {
				ids[i] = entityRef(p, false)
			}
			line("entity", e.Kind, fmt.Sprintf("%s found as %d entities: %s", goldEntity(e), len(e.Predicted), strings.Join(ids, ", ")), "")
		}
	}
	for _, e := range a.RelationMisses {
		msg := e.Gold.Label()
		if e.Gold.Core {
			msg += " (core)"
		}
		switch e.Kind {
		case EntityMissing:
			msg += ": " + missingText(e.Missing, false)
		case WrongPredicate, WrongDirection:
			msg += ": predicted " + triplesText(e.Predicted)
		case NoRelation:
			if e.Why != "" {
				msg += " [" + strings.ReplaceAll(e.Why, "_", " ") + scoreText(e.Score) + "]"
			}
			if e.Sentence != "" {
				msg += "; both in"
			}
		}
		line("relation miss", e.Kind, msg, e.Sentence)
	}
	for _, e := range a.RelationFalsePositives {
		msg := triplesText(e.Predicted)
		switch e.Kind {
		case UnknownEntity:
			msg += ": " + missingText(e.Missing, true)
		case WrongPredicate, WrongDirection:
			msg += "; gold " + e.Gold.Label()
			if e.GoldOptional {
				msg += " (optional)"
			}
		}
		line("relation false pos", e.Kind, msg, e.Sentence)
	}
}

func orNone(s string) string {
	if s == "" {
		return "(no type)"
	}
	return s
}

func goldEntity(e EntityError) string {
	return fmt.Sprintf("%s %q (%s)", e.Key, e.GoldName, orNone(e.GoldType))
}

func entityRef(r EntityRef, withForm bool) string {
	s := fmt.Sprintf("%s %q", r.ID, r.Name)
	if withForm && r.Form != "" && r.Form != r.Name {
		s += fmt.Sprintf(" (as %q)", r.Form)
	}
	return s
}

func refsText(e EntityError) string {
	if len(e.Predicted) == 0 {
		return ""
	}
	parts := make([]string, len(e.Predicted))
	for i, r := range e.Predicted {
		parts[i] = entityRef(r, true)
		if r.LinkedTo != "" {
			parts[i] += " -> " + r.LinkedTo
		} else {
			parts[i] += " -> no gold entity"
		}
	}
	switch e.Kind {
	case NotLinked:
		return ": a form of it is in " + strings.Join(parts, ", ")
	case WrongSpan:
		return ": overlapped by " + strings.Join(parts, ", ")
	}
	return ""
}

func missingText(ms []MissingArg, predicted bool) string {
	parts := make([]string, len(ms))
	for i, m := range ms {
		parts[i] = m.Side + " " + strings.Join(m.Keys, "|") + " not found"
		if predicted {
			parts[i] = m.Side + " " + strings.Join(m.Keys, "|") + " is no gold entity"
		}
		if m.Why != "" {
			parts[i] += " (" + strings.ReplaceAll(m.Why, "_", " ") + ")"
		}
	}
	return strings.Join(parts, ", ")
}

func triplesText(ts []Triple) string {
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = fmt.Sprintf("%s -[%s]-> %s", t.Subject, t.Predicate, t.Object)
	}
	return strings.Join(parts, ", ")
}

// scoreText gives the model's reading of a missed pair: its predicate and
// confidence against the threshold it needed (", ATTACKED 0.91 < 0.95"),
// or the confidence of some relation when no predicate fits.
func scoreText(p *PairScore) string {
	if p == nil {
		return ""
	}
	if p.Predicate == "" {
		return fmt.Sprintf(", relation %.2f", p.Confidence)
	}
	return fmt.Sprintf(", %s %.2f of %.2f", p.Predicate, p.Confidence, p.Threshold)
}
