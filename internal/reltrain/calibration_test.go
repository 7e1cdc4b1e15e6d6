package reltrain

import (
	"math"
	"testing"

	"github.com/kg-project/kg/internal/extract/rel"
)

// TestFitCalibration: held-out decisions are counted by group in bins of
// probability, each bin a knot at its mean probability with its share
// right; a bin right more often than the next is pooled with it (the map
// does not decrease); decisions under 0.5 and pairs with no decision are
// not counted.
func TestFitCalibration(t *testing.T) {
	m := &rel.Model{
		Labels: []string{"", "STATED", "LOCATED_IN"}, Threshold: 0.95, StructThreshold: 0.85,
		Bias: []float64{0, -5, -5},
		Weights: map[string][]rel.LabelWeight{
			"high": {{Label: 1, W: 8}}, // a STATED of probability 0.953
			"mid":  {{Label: 1, W: 6}}, // 0.731
			"low":  {{Label: 1, W: 4}}, // 0.269: no decision
			"loc":  {{Label: 2, W: 8}}, // a LOCATED_IN of 0.953
		},
	}
	var exs []Example
	add := func(feat string, n, right int, pred string) {
		for i := range n {
			e := Example{Item: "x", Feats: []string{feat}, Label: pred}
			if i < right {
				e.Accept = []string{pred}
			}
			exs = append(exs, e)
		}
	}
	add("high", 40, 30, "STATED")
	add("mid", 40, 20, "STATED")
	add("low", 40, 40, "STATED")
	add("loc", 40, 36, "LOCATED_IN")
	cal, bins := fitCalibration(m, exs)
	near := func(a, b float64) bool { return math.Abs(a-b) < 0.002 }
	if a := cal["action"]; len(a) != 2 || !near(a[0].P, 0.731) || a[0].C != 0.5 || !near(a[1].P, 0.953) || a[1].C != 0.75 {
		t.Errorf("action knots %v, want 0.731:0.5 0.953:0.75", a)
	}
	if s := cal["structural"]; len(s) != 1 || !near(s[0].P, 0.953) || s[0].C != 0.9 {
		t.Errorf("structural knots %v, want 0.953:0.9", s)
	}
	if n := bins["action"][0].N + bins["action"][1].N; n != 80 {
		t.Errorf("action decisions %d, want 80 (the 0.27 ones are none)", n)
	}
	// the bin of 0.731 right more often than that of 0.953: pooled
	exs = exs[:0]
	add("high", 40, 30, "STATED")
	add("mid", 40, 35, "STATED")
	cal, _ = fitCalibration(m, exs)
	if a := cal["action"]; len(a) != 2 || a[0].C != 0.813 || a[1].C != 0.813 {
		t.Errorf("pooled action knots %v, want both 0.813 (65 of 80)", a)
	}
	// the thresholds are the model's again
	if m.Threshold != 0.95 || m.StructThreshold != 0.85 {
		t.Errorf("thresholds %v %v changed", m.Threshold, m.StructThreshold)
	}
}
