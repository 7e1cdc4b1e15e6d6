package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/extract/ner"
	"github.com/kg-project/kg/internal/extract/ner/clusters"
	"github.com/kg-project/kg/internal/extract/ner/clusters/cbuild"
	"github.com/kg-project/kg/internal/extract/ner/nertrain"
	"github.com/kg-project/kg/internal/sources"
)

// trainNEROptions are the flags of kg train ner.
type trainNEROptions struct {
	Data        string
	TrainFile   string // overrides DATA/ner/anercorp/train.txt
	Out         string
	DevFraction float64
	Epochs      int
	Seed        uint64
	MinCount    int
	Folds       int
	Dropout     float64
	Ensemble    int
	AQMAR       string // how to add AQMAR train.iob2: none, all, no-misc, drop-misc, misc-o
	AQMARFrac   float64
	AQMARWeight float64
	AQMARLists  bool
	AQMARPeople bool
	AQMARDomain bool
	WriteDev    string // write the held-out dev split (token TAG) here
	Clusters    string // cluster table to use instead of the embedded one
	NoClusters  bool
	Quiet       bool
}

func newTrainCommand(_ *globalOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "train",
		Short: "Train kg's models from the project's data",
	}
	var o trainNEROptions
	nerCmd := &cobra.Command{
		Use:   "ner",
		Short: "Train the Arabic NER model (averaged perceptron, Viterbi) and print dev scores",
		Long: `train ner trains the Arabic named-entity tagger on ANERcorp
(DATA/ner/anercorp/train.txt) and AQMAR's training part
(DATA/ner/aqmar/train.iob2, Wikipedia; its features doubled into copies
only it trains, which the model leaves out: --aqmar, --aqmar-domain) with word-list features built from
DATA/gazetteer, DATA/lexicon/petrarch-ar, DATA/names (Wikidata person names,
GeoNames places) and the titles of the Arabic Wikipedia articles of
DATA/unlabelled, and with the embedded word clusters (kg train clusters; the
model records which). It holds out the last --dev-fraction of the sentences
for evaluation, prints precision/recall/F1 per type on it, and the recall on
its entities seen and unseen in training (and scores on AQMAR dev when
present), and writes the model file. Training is deterministic: the same data
and flags give a byte-identical model.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runTrainNER(cmd.Context(), o, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	f := nerCmd.Flags()
	f.StringVar(&o.Data, "data", filepath.Join("..", "shared", "data"), "shared data directory")
	f.StringVar(&o.TrainFile, "train-file", "", "labelled training file (token ... TAG per line; default DATA/ner/anercorp/train.txt), e.g. for nested validation splits")
	f.StringVar(&o.Out, "out", filepath.Join("internal", "extract", "ner", "model", "ner.model.gz"), "model file to write")
	f.Float64Var(&o.DevFraction, "dev-fraction", 0.1, "fraction of ANERcorp sentences held out from its end (0: train on everything)")
	f.IntVar(&o.Epochs, "epochs", 0, "perceptron epochs (default 12)")
	f.Uint64Var(&o.Seed, "seed", 1, "shuffle seed")
	f.IntVar(&o.MinCount, "min-count", 2, "drop features seen fewer times")
	f.IntVar(&o.Folds, "folds", 5, "folds for the jackknifed training-entity lists (-1: no such lists)")
	f.Float64Var(&o.Dropout, "dropout", 0.3, "probability of leaving a feature out of a training update (negative: none)")
	f.IntVar(&o.Ensemble, "ensemble", 5, "perceptron runs with different seeds averaged into the model")
	f.StringVar(&o.AQMAR, "aqmar", "all", "how to train on AQMAR train.iob2 (Wikipedia): none, all, no-misc (its MISC tokens unlabelled), drop-misc (no sentence with MISC), misc-o (MISC as O)")
	f.Float64Var(&o.AQMARFrac, "aqmar-fraction", 1, "fraction of AQMAR's training sentences used (evenly spread)")
	f.BoolVar(&o.AQMARLists, "aqmar-lists", true, "add AQMAR's entities to the training-entity lists and tag memory")
	f.BoolVar(&o.AQMARPeople, "aqmar-peoples", false, "leave unlabelled AQMAR's one-word persons that are peoples (ال + plural: المسلمين، الصليبيون), O in ANERcorp")
	f.BoolVar(&o.AQMARDomain, "aqmar-domain", true, "give AQMAR a copy of every feature that only it trains and the model leaves out")
	f.Float64Var(&o.AQMARWeight, "aqmar-weight", 1, "weight of AQMAR's updates against ANERcorp's, in (0, 1]")
	f.StringVar(&o.WriteDev, "write-dev", "", "write the held-out dev sentences (token TAG) to this file, for score_ner.py")
	f.StringVar(&o.Clusters, "clusters", "", "word-cluster table to train with instead of the embedded one (experiments: the model then loads only with that table embedded)")
	f.BoolVar(&o.NoClusters, "no-clusters", false, "train without word-cluster features")
	f.BoolVarP(&o.Quiet, "quiet", "q", false, "no progress lines")
	cmd.AddCommand(nerCmd, newTrainClustersCommand(), newTrainRelCommand())
	return cmd
}

// trainClustersOptions are the flags of kg train clusters.
type trainClustersOptions struct {
	Data       string
	Out        string
	MinCount   int
	Sizes      []int
	Iterations int
	Quiet      bool
}

func newTrainClustersCommand() *cobra.Command {
	var o trainClustersOptions
	cmd := &cobra.Command{
		Use:   "clusters",
		Short: "Learn the Arabic word clusters the NER tagger uses from unlabelled text",
		Long: `train clusters learns word classes at several granularities from Arabic
Wikipedia (DATA/` + cbuild.WikiFile + `) and the
training parts of ANERcorp and AQMAR with the two-sided predictive exchange
algorithm, and writes the table package clusters embeds. It is deterministic:
the same data and flags give a byte-identical file. Retrain the NER model
(kg train ner) after it: a model records the table it was trained with.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runTrainClusters(o, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.Data, "data", filepath.Join("..", "shared", "data"), "shared data directory")
	f.StringVar(&o.Out, "out", filepath.Join("internal", "extract", "ner", "clusters", "data", "clusters.tsv.gz"), "cluster table to write")
	f.IntVar(&o.MinCount, "min-count", 0, "occurrences a word needs to get a class (default 4)")
	f.IntSliceVar(&o.Sizes, "sizes", nil, "classes per level, finest first (default 600,150,40)")
	f.IntVar(&o.Iterations, "iterations", 0, "most exchange passes per level (default 12)")
	f.BoolVarP(&o.Quiet, "quiet", "q", false, "no progress lines")
	return cmd
}

func runTrainClusters(o trainClustersOptions, stdout, stderr io.Writer) error {
	opts := cbuild.Options{MinCount: o.MinCount, Iterations: o.Iterations}
	if len(o.Sizes) > 0 {
		if len(o.Sizes) != clusters.Levels {
			return fmt.Errorf("train clusters: --sizes wants %d numbers", clusters.Levels)
		}
		copy(opts.Sizes[:], o.Sizes)
	}
	if !o.Quiet {
		opts.Log = stderr
	}
	res, err := cbuild.Build(o.Data, opts)
	if err != nil {
		return fmt.Errorf("train clusters: %w", err)
	}
	var buf bytes.Buffer
	if err := res.Write(&buf); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(o.Out), 0o755); err != nil {
		return err
	}
	tmp := o.Out + ".tmp"
	if err := os.WriteFile(tmp, buf.Bytes(), 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp, o.Out); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%d words in %v classes from %d tokens -> %s (%.1f MB)\n", len(res.Entries), res.Sizes, res.Tokens, o.Out, float64(buf.Len())/1e6)
	return nil
}

// runTrainNER runs kg train ner.
func runTrainNER(ctx context.Context, o trainNEROptions, stdout, stderr io.Writer) error {
	if ctx == nil {
		ctx = context.Background()
	}
	if o.Out == "" {
		return errors.New("train ner: --out is empty")
	}
	trainFile := o.TrainFile
	if trainFile == "" {
		trainFile = filepath.Join(o.Data, "ner", "anercorp", "train.txt")
	}
	sents, err := sources.ReadCoNLLFile(trainFile)
	if err != nil {
		return fmt.Errorf("train ner: %w", err)
	}
	dev := o.DevFraction
	if dev == 0 {
		dev = -1
	}
	opts := nertrain.TrainOptions{
		DataDir:     o.Data,
		Train:       sents,
		DevFraction: dev,
		Epochs:      o.Epochs,
		Seed:        o.Seed,
		MinCount:    o.MinCount,
		Folds:       o.Folds,
		Dropout:     o.Dropout,
		Ensemble:    o.Ensemble,
		Eval:        map[string][]nertrain.Sentence{},
		NoClusters:  o.NoClusters,
	}
	if o.Clusters != "" {
		f, err := os.Open(o.Clusters)
		if err != nil {
			return fmt.Errorf("train ner: %w", err)
		}
		opts.Clusters, err = clusters.Read(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("train ner: %w", err)
		}
	}
	if !o.Quiet {
		opts.Log = stderr
	}
	aq := filepath.Join(o.Data, "ner", "aqmar")
	if s, err := sources.ReadCoNLLFile(filepath.Join(aq, "dev.iob2")); err == nil {
		opts.Eval["aqmar-dev"] = s
	}
	if o.AQMAR != "" && o.AQMAR != "none" {
		s, err := sources.ReadCoNLLFile(filepath.Join(aq, "train.iob2"))
		if err != nil {
			return fmt.Errorf("train ner: %w", err)
		}
		if opts.Extra, err = prepareAQMAR(s, o.AQMAR, o.AQMARFrac, o.AQMARPeople); err != nil {
			return fmt.Errorf("train ner: %w", err)
		}
		opts.ExtraWeight = o.AQMARWeight
		opts.ExtraNoLists = !o.AQMARLists
		opts.ExtraDomain = o.AQMARDomain
	}
	if o.WriteDev != "" {
		_, devS := sources.SplitDev(sents, dev)
		var b bytes.Buffer
		for _, s := range devS {
			for i := range s.Tokens {
				fmt.Fprintf(&b, "%s %s\n", s.Tokens[i], s.Tags[i])
			}
			b.WriteByte('\n')
		}
		if err := os.WriteFile(o.WriteDev, b.Bytes(), 0o644); err != nil {
			return err
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	m, rep, err := nertrain.Train(opts)
	if err != nil {
		return fmt.Errorf("train ner: %w", err)
	}
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(o.Out), 0o755); err != nil {
		return err
	}
	tmp := o.Out + ".tmp"
	if err := os.WriteFile(tmp, buf.Bytes(), 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp, o.Out); err != nil {
		return err
	}
	for _, n := range rep.Notes {
		fmt.Fprintf(stderr, "note: %s\n", n)
	}
	fmt.Fprintf(stdout, "trained on %d sentences (%d tokens) in %s; %d features; model %s (%.1f MB)\n",
		rep.TrainSentences, rep.TrainTokens, rep.Duration.Round(1e8), rep.Features, o.Out, float64(buf.Len())/1e6)
	if rep.DevSentences > 0 {
		fmt.Fprintf(stdout, "\nANERcorp dev (last %d sentences, %d tokens):\n", rep.DevSentences, rep.DevTokens)
		printScores(stdout, rep.Dev)
		fmt.Fprintf(stdout, "  recall on entities seen in training %.4f (%d), unseen %.4f (%d)\n",
			rep.DevSeen.Recall, rep.DevSeen.Gold, rep.DevUnseen.Recall, rep.DevUnseen.Gold)
		if u := rep.DevUnseenMain; u.Gold > 0 {
			fmt.Fprintf(stdout, "  recall on entities unseen in ANERcorp training %.4f (%d)\n", u.Recall, u.Gold)
		}
	}
	for name, sc := range rep.Eval {
		fmt.Fprintf(stdout, "\n%s:\n", name)
		printScores(stdout, sc)
	}
	return nil
}

func printScores(w io.Writer, sc nertrain.Scores) {
	fmt.Fprintf(w, "  %-8s %9s %9s %9s %6s\n", "type", "precision", "recall", "F1", "gold")
	for _, t := range ner.Types {
		p, ok := sc.ByType[t]
		if !ok {
			continue
		}
		fmt.Fprintf(w, "  %-8s %9.4f %9.4f %9.4f %6d\n", t, p.Precision, p.Recall, p.F1, p.Gold)
	}
	p := sc.Overall
	fmt.Fprintf(w, "  %-8s %9.4f %9.4f %9.4f %6d\n", strings.ToUpper("all"), p.Precision, p.Recall, p.F1, p.Gold)
}

// prepareAQMAR selects and relabels AQMAR's training sentences: frac of
// them, evenly spread, with its MISC entities (mostly terms of science,
// which ANERcorp does not tag) kept (all), unlabelled (no-misc), turned
// into O (misc-o), or their sentences dropped (drop-misc).
func prepareAQMAR(sents []nertrain.Sentence, mode string, frac float64, peoples bool) ([]nertrain.Sentence, error) {
	var out []nertrain.Sentence
	acc := 0.0
	for _, s := range sents {
		if frac < 1 {
			acc += frac
			if acc < 1 {
				continue
			}
			acc--
		}
		hasMisc := false
		for _, t := range s.Tags {
			hasMisc = hasMisc || strings.HasSuffix(t, "-MISC")
		}
		switch mode {
		case "all":
		case "drop-misc":
			if hasMisc {
				continue
			}
		case "no-misc", "misc-o":
			if hasMisc {
				tags := slices.Clone(s.Tags)
				for i, t := range tags {
					if strings.HasSuffix(t, "-MISC") {
						tags[i] = "O"
						if mode == "no-misc" {
							tags[i] = ner.Unlabelled
						}
					}
				}
				s = nertrain.Sentence{Tokens: s.Tokens, Tags: tags}
			}
		default:
			return nil, fmt.Errorf("--aqmar %q: want all, no-misc, drop-misc or misc-o", mode)
		}
		if peoples {
			s = unlabelPeoples(s)
		}
		out = append(out, s)
	}
	return out, nil
}

// unlabelPeoples marks as Unlabelled the one-word persons of s that look
// like the name of a people (the article and a plural ending: المسلمين،
// الصليبيون، الفاطميين), which AQMAR tags as persons and ANERcorp as O.
func unlabelPeoples(s nertrain.Sentence) nertrain.Sentence {
	var tags []string
	for _, sp := range ner.Spans(s.Tags) {
		if sp.Type != "PERS" || sp.End-sp.Start != 1 {
			continue
		}
		w := []rune(s.Tokens[sp.Start])
		t := string(w)
		if !strings.HasPrefix(t, "ال") && !strings.HasPrefix(t, "وال") && !strings.HasPrefix(t, "لل") && !strings.HasPrefix(t, "بال") {
			continue
		}
		if !(strings.HasSuffix(t, "ون") || strings.HasSuffix(t, "يين") || (strings.HasSuffix(t, "ين") && len(w) >= 7)) {
			continue
		}
		if tags == nil {
			tags = slices.Clone(s.Tags)
		}
		tags[sp.Start] = ner.Unlabelled
	}
	if tags == nil {
		return s
	}
	return nertrain.Sentence{Tokens: s.Tokens, Tags: tags}
}
