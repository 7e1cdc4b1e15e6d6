package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/reltrain"
)

// trainRelOptions are the flags of kg train rel.
type trainRelOptions struct {
	Data     string // the training set: DIR/{ar,en}/*.jsonl
	Out      string
	Epochs   int
	Seed     uint64
	Holdout  int // evaluate on one item in Holdout first, chosen by its id (0: no)
	L2       float64
	Rate     float64
	Thresh   float64
	SThresh  float64
	PThresh  float64
	Target   float64
	NoGold   bool
	AllPairs bool
	Hidden   int // hidden units of a network (0: a linear model)
	Bag      int // linear models averaged (0: reltrain's default)
	// WithoutHoldout writes a model trained without the held-out items,
	// to score them end to end (kg eval on them as gold files).
	WithoutHoldout bool
	Quiet          bool
}

func newTrainRelCommand() *cobra.Command {
	var o trainRelOptions
	cmd := &cobra.Command{
		Use:   "rel",
		Short: "Train the relation model from the project's relation training set",
		Long: `train rel learns kg's relation model from the project's annotated training
set (internal/reltrain/data: Arabic Wikipedia sentences and passages the project
wrote, see its README.md). Each item is extracted with the built-in pipeline as
kg extract would, its entities are matched to the annotated ones, and every
candidate pair of mentions in a sentence becomes an example labelled with the
annotated predicate or none; a multinomial logistic regression (the average
of --bag models learnt from successive seeds, each drawing the order of a
pass and the features dropout leaves out from the examples' identities, so
that a change to a few items retrains the rest alike; or, with --hidden N, a
network with one hidden layer of N rectified units) learns from them (with
dropout, none examples weighing 0.7). A first model, trained
without one item in ten (--holdout; chosen by a hash of its id), is scored
on those by threshold and fits a temperature that makes its probabilities honest there; the model of
all items takes the same temperature (a linear one leaves out weights
under 0.05; a network's weights are stored as 8-bit numbers a feature), and
keeps the thresholds --threshold (actions, 0.95) and --struct-threshold
(titles, membership, location: 0.85; --place-threshold sets LOCATED_IN's and
PART_OF's apart), chosen on news (dev articles and relations judged at
scale), or, with --target, each group's lowest
threshold whose held-out pair-level precision reaches it. Training is
deterministic: the same data and flags give a byte-identical model.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runTrainRel(cmd.Context(), o, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.Data, "data", filepath.Join("internal", "reltrain", "data"), "training set directory")
	f.StringVar(&o.Out, "out", filepath.Join("internal", "extract", "rel", "relmodel", "rel.model.gz"), "model file to write")
	f.IntVar(&o.Epochs, "epochs", 0, "passes over the examples (default 30; a network 5)")
	f.IntVar(&o.Hidden, "hidden", 0, "train a network with this many hidden units (default 0: a linear model; the network did no better on news, see reltrain.Options.Hidden)")
	f.Uint64Var(&o.Seed, "seed", 1, "shuffle seed")
	f.IntVar(&o.Bag, "bag", 0, "average this many linear models, trained from seeds --seed, --seed+1, ... (default 3)")
	f.IntVar(&o.Holdout, "holdout", 10, "first train without one item in N (by a hash of its id), fit the temperature and score the thresholds on those (0: no)")
	f.Float64Var(&o.L2, "l2", 0, "L2 weight decay (default 1e-2; a network 1e-4)")
	f.Float64Var(&o.Thresh, "threshold", 0, "decision threshold of actions, unless --target (default 0.95)")
	f.Float64Var(&o.SThresh, "struct-threshold", 0, "decision threshold of structural relations, unless --target (default 0.85)")
	f.Float64Var(&o.PThresh, "place-threshold", 0, "decision threshold of LOCATED_IN and PART_OF (default: --struct-threshold)")
	f.Float64Var(&o.Target, "target", 0, "choose each group's threshold as the lowest whose held-out pair-level precision reaches this (default: none, --threshold and --struct-threshold)")
	f.Float64Var(&o.Rate, "rate", 0, "AdaGrad learning rate (default 0.1; a network 0.05)")
	f.BoolVar(&o.NoGold, "no-gold-mentions", false, "train only on the entities the pipeline finds (default: also the annotated ones it misses)")
	f.BoolVar(&o.WithoutHoldout, "without-holdout", false, "write the model trained without the held-out items (to score them with kg eval)")
	f.BoolVar(&o.AllPairs, "all-pairs", false, "label every mention pair of two related entities positive (default: the closest in each sentence)")
	f.BoolVarP(&o.Quiet, "quiet", "q", false, "no progress lines")
	return cmd
}

func runTrainRel(ctx context.Context, o trainRelOptions, stdout, stderr io.Writer) error {
	if ctx == nil {
		ctx = context.Background()
	}
	if o.Out == "" {
		return errors.New("train rel: --out is empty")
	}
	log := stderr
	if o.Quiet {
		log = nil
	}
	bo := reltrain.BuildOptions{
		Options:        reltrain.Options{Hidden: o.Hidden, Bag: o.Bag, Epochs: o.Epochs, Seed: o.Seed, L2: o.L2, Rate: o.Rate, Threshold: o.Thresh, StructThreshold: o.SThresh, PlaceThreshold: o.PThresh, Log: log},
		Examples:       reltrain.ExampleOptions{GoldMentions: !o.NoGold, ClosestOnly: !o.AllPairs},
		Holdout:        max(o.Holdout, 1),
		Target:         o.Target,
		WithoutHoldout: o.WithoutHoldout,
	}
	m, rep, err := reltrain.Build(ctx, o.Data, bo)
	st := rep.Stats
	if err != nil {
		return fmt.Errorf("train rel: %w", err)
	}
	fmt.Fprintf(stdout, "%d items, %d candidate pairs (%d with a relation); %d of %d annotated relations have a candidate pair\n",
		st.Items, st.Examples, st.Positive, st.Covered, st.GoldRelations)
	if len(rep.Curve) > 0 {
		fmt.Fprintf(stdout, "temperature %.3f (fitted on the held-out items)\n", rep.Temperature)
		fmt.Fprintf(stdout, "held-out items (one in %d), pair level, by threshold:\n", bo.Holdout)
		for _, g := range rep.Curve {
			fmt.Fprintf(stdout, "  %.2f  structural: predicted %4d P %.3f R %.3f   actions: predicted %4d P %.3f R %.3f\n", g.Threshold,
				g.Structural.Predicted, g.Structural.P(), g.Structural.R(), g.Action.Predicted, g.Action.P(), g.Action.R())
			for _, l := range slices.Sorted(maps.Keys(g.ByLang)) {
				sc := g.ByLang[l]
				fmt.Fprintf(stdout, "        %-3s        predicted %4d P %.3f R %.3f            predicted %4d P %.3f R %.3f\n", l,
					sc[0].Predicted, sc[0].P(), sc[0].R(), sc[1].Predicted, sc[1].P(), sc[1].R())
			}
		}
		for _, g := range []string{"structural", "action"} {
			if len(rep.Calibration[g]) == 0 {
				fmt.Fprintf(stdout, "warning: no held-out %s decision: their confidence is the probability, uncalibrated\n", g)
			}
			if bs := rep.CalBins[g]; len(bs) > 0 {
				fmt.Fprintf(stdout, "calibration of %s decisions (held-out, probability -> share right):", g)
				for _, b := range bs {
					fmt.Fprintf(stdout, " %.3f->%.3f (%d/%d)", b.MeanP, b.Calibrated, b.Right, b.N)
				}
				fmt.Fprintln(stdout)
			}
		}
		s := rep.Held
		fmt.Fprintf(stdout, "thresholds: structural %.2f, actions %.2f; held-out pairs %d, relations %d, predicted %d, right %d: P %.3f R %.3f F1 %.3f\n",
			rep.StructThreshold, rep.Threshold, s.Pairs, s.Gold, s.Predicted, s.Right, s.P(), s.R(), s.F1())
		type kv struct {
			k string
			n int
		}
		var conf []kv
		for k, n := range s.Confusion {
			conf = append(conf, kv{k, n})
		}
		sort.Slice(conf, func(i, j int) bool { return conf[i].n > conf[j].n || conf[i].n == conf[j].n && conf[i].k < conf[j].k })
		for i, c := range conf {
			if i == 10 {
				break
			}
			fmt.Fprintf(stdout, "  %4d  %s\n", c.n, c.k)
		}
	}
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		return fmt.Errorf("train rel: %w", err)
	}
	if err := os.WriteFile(o.Out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("train rel: %w", err)
	}
	fmt.Fprintf(stdout, "wrote %s (%d labels, %d features, %d bytes)\n", o.Out, len(m.Labels), len(m.Weights), buf.Len())
	return nil
}
