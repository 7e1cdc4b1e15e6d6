package reltrain

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"

	"github.com/kg-project/kg/internal/extract/rel"
)

// xorExamples: MET_WITH when exactly one of the cues "a" and "b" is there,
// none otherwise — what no linear model of the two features can learn.
func xorExamples() []Example {
	var exs []Example
	for i := 0; i < 200; i++ {
		noise := fmt.Sprintf("w=%d", i%7)
		exs = append(exs,
			Example{Item: "x", Feats: []string{"a", noise}, Label: "MET_WITH", Accept: []string{"MET_WITH"}},
			Example{Item: "x", Feats: []string{"b", noise}, Label: "MET_WITH", Accept: []string{"MET_WITH"}},
			Example{Item: "x", Feats: []string{"a", "b", noise}},
			Example{Item: "x", Feats: []string{noise}},
		)
	}
	return exs
}

// TestTrainNet: a network learns what a linear model cannot, the same
// examples and options give the same bytes, and the model read back from
// its file scores as the one trained.
func TestTrainNet(t *testing.T) {
	o := Options{Hidden: 8, Epochs: 40, Dropout: -1, Seed: 3, MinCount: 1}
	m := Train(xorExamples(), o)
	if m.Hidden == nil || m.Units() != 8 {
		t.Fatalf("not a network of 8 units: %+v", m.Hidden)
	}
	for _, c := range []struct {
		feats []string
		want  string
	}{{[]string{"a"}, "MET_WITH"}, {[]string{"b"}, "MET_WITH"}, {[]string{"a", "b"}, ""}, {nil, ""}} {
		p := m.Probs(c.feats)
		got := "MET_WITH"
		if p[0] > 0.5 {
			got = ""
		}
		if got != c.want {
			t.Errorf("%q: P(none) %.2f, want %q", c.feats, p[0], c.want)
		}
	}
	lin := Train(xorExamples(), Options{Hidden: 0, Epochs: 40, Dropout: -1, Seed: 3, MinCount: 1})
	if lin.Hidden != nil {
		t.Fatal("Hidden 0 trained a network")
	}
	var a, b bytes.Buffer
	if err := m.Write(&a); err != nil {
		t.Fatal(err)
	}
	if err := Train(xorExamples(), o).Write(&b); err != nil || !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatalf("training twice gave different models (%v)", err)
	}
	back, err := rel.ReadModel(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range [][]string{{"a"}, {"a", "b", "w=3"}, {"b", "w=1"}} {
		if got, want := back.Scores(f), m.Scores(f); !reflect.DeepEqual(got, want) {
			t.Errorf("%q: read back scores %v, trained %v", f, got, want)
		}
	}
	// a temperature divides the network's scores
	z := m.Scores([]string{"a"})
	scaleModel(m, 2)
	for i, v := range m.Scores([]string{"a"}) {
		if d := v - z[i]/2; d > 1e-12 || d < -1e-12 {
			t.Fatalf("scaled scores %v, want half of %v", m.Scores([]string{"a"}), z)
		}
	}
}

// TestTrainContext: a done context stops training with its error.
func TestTrainContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, hidden := range []int{0, 4} {
		if m, err := TrainContext(ctx, xorExamples(), Options{Hidden: hidden, MinCount: 1}); m != nil || !errors.Is(err, context.Canceled) {
			t.Errorf("hidden %d: %v, %v; want context.Canceled", hidden, m, err)
		}
	}
}
