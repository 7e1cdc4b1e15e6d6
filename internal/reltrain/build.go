package reltrain

import (
	"context"
	"fmt"

	"github.com/kg-project/kg/internal/extract"
	"github.com/kg-project/kg/internal/extract/rel"
	"github.com/kg-project/kg/internal/vocab"
)

// BuildOptions are those of Build; the zero value builds the shipped model.
type BuildOptions struct {
	Options
	Examples ExampleOptions
	// Holdout: every Holdout-th item is held out of a first model, whose
	// decisions on them choose the thresholds (default 10; 1: none, the
	// thresholds are Options.Threshold).
	Holdout int
	// Target is the pair-level precision on the held-out items from which
	// each group of predicates (structural, actions) gets its threshold:
	// the lowest of Grid that reaches it (default 0.85: on news, longer and
	// stranger than the training passages, precision at a threshold is
	// lower; 100 relations judged by hand on SaudiNewsNet at one threshold
	// of 0.8 were 81% right for titles, 57% for actions).
	Target float64
	// WithoutHoldout returns the first model (trained without the held-out
	// items), to score them end to end.
	WithoutHoldout bool
}

// Grid are the thresholds Build tries.
var Grid = []float64{0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95}

// DefaultExampleOptions are those of the shipped model.
var DefaultExampleOptions = ExampleOptions{GoldMentions: true, ClosestOnly: true}

// GroupScore is the held-out pair-level score of one threshold, by group.
type GroupScore struct {
	Threshold          float64
	Structural, Action PairScore
}

// Report describes a build.
type Report struct {
	Stats Stats
	// Curve holds the held-out scores of the first model at each
	// threshold of Grid; Held its score at the chosen thresholds.
	Curve []GroupScore
	Held  PairScore
	// Threshold and StructThreshold are the chosen thresholds.
	Threshold, StructThreshold float64
}

// Build trains the relation model from the training set in dir
// (dir/{ar,en}/*.jsonl): the examples of every item (Examples), a first
// model without the held-out items whose decisions on them choose a
// threshold for each group of predicates (the lowest that reaches Target
// precision: structural relations are surer than actions at the same
// probability), then the model of all items with those thresholds. The
// same data and options give the same model.
func Build(ctx context.Context, dir string, bo BuildOptions) (*rel.Model, Report, error) {
	var rep Report
	items, err := Load(dir)
	if err != nil {
		return nil, rep, err
	}
	if len(items) == 0 {
		return nil, rep, fmt.Errorf("no training items in %s", dir)
	}
	eo := bo.Examples
	if eo == (ExampleOptions{}) {
		eo = DefaultExampleOptions
	}
	exs, st, err := Examples(ctx, extract.NewPipeline(), items, eo)
	rep.Stats = st
	if err != nil {
		return nil, rep, err
	}
	o := bo.Options
	o.defaults()
	if bo.Holdout == 0 {
		bo.Holdout = 10
	}
	if bo.Target == 0 {
		bo.Target = 0.85
	}
	rep.Threshold, rep.StructThreshold = o.Threshold, o.Threshold
	if bo.Holdout > 1 {
		held := map[string]bool{}
		for i, it := range items {
			if i%bo.Holdout == bo.Holdout-1 {
				held[it.ID] = true
			}
		}
		var train, test []Example
		for _, e := range exs {
			if held[e.Item] {
				test = append(test, e)
			} else {
				train = append(train, e)
			}
		}
		first := Train(train, o)
		rep.Threshold, rep.StructThreshold = Grid[len(Grid)-1], Grid[len(Grid)-1]
		sFound, aFound := false, false
		for _, t := range Grid {
			first.Threshold, first.StructThreshold = t, t
			gs := GroupScore{Threshold: t}
			gs.Structural, gs.Action = scoreGroups(first, test)
			rep.Curve = append(rep.Curve, gs)
			if !sFound && gs.Structural.Predicted >= 10 && gs.Structural.P() >= bo.Target {
				rep.StructThreshold, sFound = t, true
			}
			if !aFound && gs.Action.Predicted >= 10 && gs.Action.P() >= bo.Target {
				rep.Threshold, aFound = t, true
			}
		}
		first.Threshold, first.StructThreshold = rep.Threshold, rep.StructThreshold
		rep.Held = Score(first, test)
		if bo.WithoutHoldout {
			return first, rep, nil
		}
	}
	m := Train(exs, o)
	m.Threshold, m.StructThreshold = rep.Threshold, rep.StructThreshold
	return m, rep, nil
}

// scoreGroups scores the examples' decisions by group: a gold relation
// counts in the group of its label, a decision in the group of the
// predicted predicate.
func scoreGroups(m *rel.Model, exs []Example) (structural, action PairScore) {
	group := func(pred string) *PairScore {
		if r, ok := vocab.Get(pred); ok && r.Group == "structural" {
			return &structural
		}
		return &action
	}
	for _, e := range exs {
		if e.Label != "" {
			group(e.Label).Gold++
		}
		label, _, ok := m.Decide(m.Probs(e.Feats), nil)
		if !ok {
			continue
		}
		g := group(label)
		g.Predicted++
		for _, a := range e.Accept {
			if a == label {
				g.Right++
				break
			}
		}
	}
	return structural, action
}
