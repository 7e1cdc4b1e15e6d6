package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/extract"
	"github.com/kg-project/kg/internal/reltrain"
)

// trainRelOptions are the flags of kg train rel.
type trainRelOptions struct {
	Data     string // the training set: DIR/{ar,en}/*.jsonl
	Out      string
	Epochs   int
	Seed     uint64
	Holdout  int // evaluate on every Holdout-th item first (0: no)
	L2       float64
	Rate     float64
	Thresh   float64
	NoGold   bool
	AllPairs bool
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
annotated predicate or none; a multinomial logistic regression learns from
them. With --holdout N it first trains without every N-th item and prints the
pair-level precision and recall on those. Training is deterministic: the same
data and flags give a byte-identical model.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runTrainRel(cmd.Context(), o, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.Data, "data", filepath.Join("internal", "reltrain", "data"), "training set directory")
	f.StringVar(&o.Out, "out", filepath.Join("internal", "extract", "rel", "relmodel", "rel.model.gz"), "model file to write")
	f.IntVar(&o.Epochs, "epochs", 0, "passes over the examples (default 30)")
	f.Uint64Var(&o.Seed, "seed", 1, "shuffle seed")
	f.IntVar(&o.Holdout, "holdout", 10, "first train without every N-th item and score on those (0: skip)")
	f.Float64Var(&o.L2, "l2", 0, "L2 weight decay (default 1e-2)")
	f.Float64Var(&o.Thresh, "threshold", 0, "decision threshold of the model (default 0.7)")
	f.Float64Var(&o.Rate, "rate", 0, "AdaGrad learning rate (default 0.1)")
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
	items, err := reltrain.Load(o.Data)
	if err != nil {
		return fmt.Errorf("train rel: %w", err)
	}
	if len(items) == 0 {
		return fmt.Errorf("train rel: no items in %s", o.Data)
	}
	p := extract.NewPipeline()
	exs, st, err := reltrain.Examples(ctx, p, items, reltrain.ExampleOptions{GoldMentions: !o.NoGold, ClosestOnly: !o.AllPairs})
	if err != nil {
		return fmt.Errorf("train rel: %w", err)
	}
	fmt.Fprintf(stdout, "%d items, %d candidate pairs (%d with a relation); %d of %d annotated relations have a candidate pair\n",
		st.Items, st.Examples, st.Positive, st.Covered, st.GoldRelations)
	log := stderr
	if o.Quiet {
		log = nil
	}
	opts := reltrain.Options{Epochs: o.Epochs, Seed: o.Seed, L2: o.L2, Rate: o.Rate, Threshold: o.Thresh, Log: log}
	if o.Holdout > 1 {
		held := map[string]bool{}
		for i, it := range items {
			if i%o.Holdout == o.Holdout-1 {
				held[it.ID] = true
			}
		}
		var train, test []reltrain.Example
		for _, e := range exs {
			if held[e.Item] {
				test = append(test, e)
			} else {
				train = append(train, e)
			}
		}
		m := reltrain.Train(train, opts)
		for _, t := range []float64{0.5, 0.6, 0.7, 0.8, 0.9, 0.95} {
			m.Threshold = t
			s := reltrain.Score(m, test)
			fmt.Fprintf(stdout, "  threshold %.2f: predicted %d, right %d: P %.3f R %.3f F1 %.3f\n", t, s.Predicted, s.Right, s.P(), s.R(), s.F1())
		}
		m.Threshold = opts.Threshold
		if m.Threshold == 0 {
			m.Threshold = reltrain.DefaultThreshold
		}
		s := reltrain.Score(m, test)
		fmt.Fprintf(stdout, "held-out items (every %d-th): pairs %d, relations %d, predicted %d, right %d: P %.3f R %.3f F1 %.3f\n",
			o.Holdout, s.Pairs, s.Gold, s.Predicted, s.Right, s.P(), s.R(), s.F1())
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
			if i == 15 {
				break
			}
			fmt.Fprintf(stdout, "  %4d  %s\n", c.n, c.k)
		}
	}
	final := exs
	if o.WithoutHoldout && o.Holdout > 1 {
		final = nil
		for i, it := range items {
			if i%o.Holdout == o.Holdout-1 {
				continue
			}
			for _, e := range exs {
				if e.Item == it.ID {
					final = append(final, e)
				}
			}
		}
	}
	m := reltrain.Train(final, opts)
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
