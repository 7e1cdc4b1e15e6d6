package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/corpus"
	"github.com/kg-project/kg/internal/eval"
	"github.com/kg-project/kg/internal/extract"
	"github.com/kg-project/kg/internal/extract/rel"
	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/pipeline"
	"github.com/kg-project/kg/internal/progress"
)

// evalOptions are the arguments and flags of kg eval.
type evalOptions struct {
	goldDir     string   // folder of NAME.gold.json files
	predictions []string // kg extract JSONL files or folders of them; empty: extract the articles
	explain     bool     // list every error
	json        bool     // the whole report as JSON
	save        string   // write the extractions made here as JSONL to this file
	corpus      corpus.Options
	workers     int       // articles extracted at once (load.workers)
	progress    io.Writer // nil = silent
	// extractor replaces the built-in pipeline (tests); nil = the pipeline
	extractor extract.Extractor
}

const evalLong = `Scores kg's extraction against hand-annotated gold files and explains every
error.

GOLD_DIR holds NAME.gold.json files (the format of ../shared/corpus/dev, see
its GUIDELINES.md), each with the annotated article beside it (the file named
by its "document" field, NAME.txt). Without PATH, kg eval reads each of those
articles as kg extract reads a .txt file and extracts it with the configured
extractor (--extractor: the built-in pipeline by default, or an LLM server,
to compare a model with the built-in extractor on your own sample). With PATH (kg extract --format jsonl output: files, or folders of
*.jsonl files), it scores those predictions instead, matching each gold file to
the first record whose doc.source, doc.id, doc.path or doc.name ends with the
gold's document name (or the reverse, or the same without extensions).

Entities and relations are scored exactly as ../shared/tools/score_extraction.py
scores them, and aggregated as score_dev.py does:
  - names match after normalisation (case, Arabic hamza forms and diacritics,
    punctuation and spaces); a predicted entity resolves to the gold entity one
    of whose names or aliases equals its name, an alias or a mention text (the
    first that does), or whose Wikidata id it has;
  - entity precision: predicted entities resolving to a gold (or optional)
    entity; recall: gold entities some predicted entity resolves to;
  - relations: distinct (subject, predicate, object) triples with the
    arguments resolved to gold entities; a triple is right when a required or
    optional gold relation accepts its predicate (ignoring case, spaces, - and
    _) and its arguments (MET_WITH, NEGOTIATED_WITH, FOUGHT and
    SIGNED_AGREEMENT_WITH either way round); recall counts required relations;
  - macro: the mean of the per-article figures; micro: the pooled counts.
Also per entity type (strict about type) and per predicate.

Every miss and false positive is explained by kind (--explain lists them):
  entity misses          not detected, wrong span (a predicted name overlaps a
                         gold name but differs), not linked (a gold name is a
                         form of a predicted entity that resolves elsewhere)
  entity false positives wrong span, junk (matches and overlaps no gold name),
                         id clash
  not counted            wrong type (resolved, but typed otherwise), split (one
                         gold entity found as several predicted entities)
  relation misses        entity missing, no relation (both found, no edge),
                         wrong predicate, wrong direction
  no relation, why       (the built-in extractor only: the relation model's
                         scores of the candidate pairs) no candidate (not in
                         one sentence, or too far apart), model none
                         (probability < 0.5), other predicate, below
                         threshold, vetoed (by a rule)
  relation false pos.    unknown entity (an argument is no gold entity), not in
                         gold (the pair is not related in gold), wrong
                         predicate, wrong direction

Scores are information: the exit code is 0 however low they are. It is
non-zero when a gold file cannot be read or parsed, an article text is
missing, an article fails to extract or has no prediction, or a prediction
line is malformed; each problem is reported on stderr with its file, and the
other articles are still scored (an article without a prediction counts as
zero, as in score_dev.py).

To measure kg on your own corpus, annotate a sample of articles following
../shared/corpus/dev/GUIDELINES.md (NAME.txt and NAME.gold.json in one folder)
and run kg eval on that folder.`

func newEvalCommand(g *globalOptions) *cobra.Command {
	var o evalOptions
	cmd := &cobra.Command{
		Use:   "eval GOLD_DIR [PATH...]",
		Short: "Score extraction against hand-annotated gold files and explain every error",
		Long:  evalLong,
		Example: `  kg eval ../shared/corpus/dev/en                 # extract the articles and score them
  kg eval --explain ../shared/corpus/dev/en       # ... and list every error
  kg extract --format jsonl DIR > pred.jsonl && kg eval DIR pred.jsonl
  kg eval --json DIR > report.json`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := g.loadConfig(cmd, merge(stageFlags, extractorFlags))
			if err != nil {
				return err
			}
			applyHugePages(cfg)
			o.goldDir, o.predictions = args[0], args[1:]
			if len(o.predictions) == 0 {
				ex, done, err := commandExtractor(cfg, g.stderr)
				if err != nil {
					return err
				}
				defer done()
				o.extractor = ex
			}
			o.json = g.JSON
			o.corpus = corpusOptions(cfg)
			o.workers = cfg.Load.Workers
			o.progress = g.progressOut()
			return runEval(cmd.Context(), o, g.stdout, g.stderr)
		},
	}
	cmd.Flags().BoolVarP(&o.explain, "explain", "v", false, "list every miss and false positive with its kind, names and sentence")
	addStageFlags(cmd)
	addExtractorFlags(cmd)
	cmd.Flags().StringVar(&o.save, "save-predictions", "", "write the extractions to `FILE` as JSONL (kg extract's format), to re-score or inspect them")
	return cmd
}

// problems reports, on stderr as they happen, what stops an article from
// being scored, and becomes the command's error at the end.
type problems struct {
	w    io.Writer
	list []string
}

func (p *problems) add(format string, a ...any) {
	msg := fmt.Sprintf(format, a...)
	p.list = append(p.list, msg)
	fmt.Fprintln(p.w, "kg: eval: "+msg)
}

func (p *problems) err() error {
	switch len(p.list) {
	case 0:
		return nil
	case 1:
		return errors.New(p.list[0])
	}
	return fmt.Errorf("%d problems; first: %s", len(p.list), p.list[0])
}

// goldFile is one readable gold file.
type goldFile struct {
	name, path string // NAME, GOLD_DIR/NAME.gold.json
	gold       *eval.Gold
}

const goldSuffix = ".gold.json"

// readGolds reads every GOLD_DIR/*.gold.json (not hidden ones, as Python's
// glob), in name order; an unreadable one is a problem, and the others
// are still read.
func readGolds(dir string, probs *problems) ([]goldFile, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("reading the gold folder: %w", err)
	}
	var out []goldFile
	n := 0
	for _, e := range entries { // ReadDir sorts by name
		name := e.Name()
		if !strings.HasSuffix(name, goldSuffix) || strings.HasPrefix(name, ".") || e.IsDir() {
			continue
		}
		n++
		path := filepath.Join(dir, name)
		b, err := os.ReadFile(path)
		if err != nil {
			probs.add("%s: %v", path, err)
			continue
		}
		g, err := eval.ParseGold(b)
		if err != nil {
			probs.add("%s: %v", path, err)
			continue
		}
		out = append(out, goldFile{name: strings.TrimSuffix(name, goldSuffix), path: path, gold: g})
	}
	if n == 0 {
		return nil, fmt.Errorf("no *%s files in %s", goldSuffix, dir)
	}
	return out, nil
}

// textPath is the article a gold file annotates: its document, beside it.
func textPath(dir string, g *eval.Gold) string {
	if filepath.IsAbs(g.Document) {
		return g.Document
	}
	return filepath.Join(dir, g.Document)
}

// readArticle reads one article file as kg extract reads it.
func readArticle(ctx context.Context, path string, opts corpus.Options) (*model.Article, error) {
	var a *model.Article
	err := corpus.Walk(ctx, []string{path}, opts, func(it corpus.Item) error {
		if it.Err != nil {
			return it.Err
		}
		if a == nil {
			a = it.Article
		}
		return nil
	})
	if err == nil && a == nil {
		err = fmt.Errorf("%s: no article", path)
	}
	return a, err
}

// readPredictions reads kg extract JSONL records from files and folders
// (their *.jsonl files, in lexical order); a malformed line is a problem
// and is skipped.
func readPredictions(ctx context.Context, paths []string, probs *problems) ([]*eval.Prediction, error) {
	var files []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			probs.add("predictions: %v", err)
			continue
		}
		if !st.IsDir() {
			files = append(files, p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && path != p && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			if !d.IsDir() && !strings.HasPrefix(d.Name(), ".") && strings.EqualFold(filepath.Ext(path), ".jsonl") {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			probs.add("predictions: %v", err)
		}
	}
	var preds []*eval.Prediction
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		fh, err := os.Open(f)
		if err != nil {
			probs.add("predictions: %v", err)
			continue
		}
		br := bufio.NewReaderSize(fh, 64<<10)
		for line := 1; ; line++ {
			b, rerr := br.ReadBytes('\n')
			if b = bytes.TrimSpace(b); len(b) > 0 {
				p, err := eval.ParsePrediction(b)
				if err != nil {
					probs.add("%s:%d: %v", f, line, err)
				} else {
					preds = append(preds, p)
				}
			}
			if rerr != nil {
				if rerr != io.EOF {
					probs.add("%s:%d: %v", f, line, rerr)
				}
				break
			}
		}
		fh.Close()
	}
	return preds, nil
}

// runEval runs kg eval.
func runEval(ctx context.Context, o evalOptions, stdout, stderr io.Writer) error {
	if ctx == nil {
		ctx = context.Background()
	}
	r := &evalRun{o: o, extracting: len(o.predictions) == 0, probs: &problems{w: stderr}}
	if o.save != "" && !r.extracting {
		return errors.New("--save-predictions writes the extractions kg eval makes; with PATH arguments there are none")
	}
	golds, err := readGolds(o.goldDir, r.probs)
	if err != nil {
		return err
	}
	if !r.extracting {
		if r.preds, err = readPredictions(ctx, o.predictions, r.probs); err != nil {
			return err
		}
	}
	var save *json.Encoder
	var saveBuf *bufio.Writer
	if r.extracting {
		r.ex = o.extractor
		if p, ok := r.ex.(*extract.Pipeline); ok {
			r.diag = p // the built-in one, configured (a home country)
		}
		if r.ex == nil {
			r.diag = extract.NewPipeline()
			r.ex = r.diag
		}
		r.ex = extract.Safe(r.ex)
		if o.save != "" {
			f, err := os.Create(o.save)
			if err != nil {
				return fmt.Errorf("--save-predictions: %w", err)
			}
			defer f.Close()
			saveBuf = bufio.NewWriter(f)
			save = json.NewEncoder(saveBuf)
			save.SetEscapeHTML(false)
		}
	}
	bar := progress.New(o.progress, "evaluating", len(golds))
	articles := make([]*eval.Article, 0, len(golds))
	// each gold file is read, extracted and scored on a worker; problems,
	// saved extractions and scores are taken in the gold files' order
	src := func(ctx context.Context, yield func(goldFile) error) error {
		for _, gf := range golds {
			if err := yield(gf); err != nil {
				return err
			}
		}
		return nil
	}
	emit := func(_ goldFile, sc scoredGold) error {
		bar.Add(1)
		if sc.problem != "" {
			r.probs.add("%s", sc.problem)
		}
		if save != nil && sc.x != nil {
			if err := save.Encode(sc.x); err != nil {
				return fmt.Errorf("--save-predictions: %w", err)
			}
		}
		articles = append(articles, sc.article)
		return nil
	}
	if err := pipeline.Run(ctx, pipeline.Options{Workers: o.workers}, src, r.score, emit); err != nil {
		return err
	}
	bar.Done()
	if saveBuf != nil {
		if err := saveBuf.Flush(); err != nil {
			return fmt.Errorf("--save-predictions: %w", err)
		}
	}
	report := eval.Aggregate(articles)
	if o.json {
		if err := printJSON(stdout, struct {
			*eval.Report
			Problems []string `json:"problems"`
		}{report, append([]string{}, r.probs.list...)}); err != nil {
			return err
		}
	} else if err := report.WriteText(stdout, o.explain); err != nil {
		return err
	}
	return r.probs.err()
}

// evalRun is what kg eval scores gold files with: the extractor
// (extracting) or the predictions read from PATH arguments.
type evalRun struct {
	o          evalOptions
	extracting bool
	ex         extract.Extractor
	// diag, for the built-in pipeline, gives the relation model's scores
	// of the candidate pairs: why a relation was missed
	diag  *extract.Pipeline
	preds []*eval.Prediction
	probs *problems
}

// scoredGold is one gold file scored.
type scoredGold struct {
	article *eval.Article
	problem string            // why it was not scored as extracted, or ""
	x       *model.Extraction // the extraction made, for --save-predictions
}

// score scores one gold file, on a worker of the pipeline.
func (r *evalRun) score(ctx context.Context, gf goldFile) (scoredGold, error) {
	if r.extracting {
		return r.scoreExtracted(ctx, gf)
	}
	return r.scorePredicted(ctx, gf)
}

// scoreExtracted extracts the article beside a gold file and scores it.
func (r *evalRun) scoreExtracted(ctx context.Context, gf goldFile) (scoredGold, error) {
	txt := textPath(r.o.goldDir, gf.gold)
	a, err := readArticle(ctx, txt, r.o.corpus)
	if err != nil {
		if ctx.Err() != nil {
			return scoredGold{}, ctx.Err()
		}
		return scoredGold{eval.NotScoredArticle(gf.name, gf.gold, "no article text"), fmt.Sprintf("%s: the article text: %v", gf.path, err), nil}, nil
	}
	x, err := r.ex.Extract(ctx, a)
	if err != nil {
		if ctx.Err() != nil {
			return scoredGold{}, ctx.Err()
		}
		return scoredGold{eval.NotScoredArticle(gf.name, gf.gold, "extraction failed"), fmt.Sprintf("%s: extracting %s: %v", gf.path, txt, err), nil}, nil
	}
	p, err := eval.FromExtraction(x, a.Text)
	if err != nil {
		return scoredGold{}, fmt.Errorf("%s: %w", txt, err) // a kg bug: its own output unreadable
	}
	if r.diag != nil {
		diagnose(r.diag, a, p)
	}
	return scoredGold{eval.Evaluate(gf.name, gf.gold, p), "", x}, nil
}

// scorePredicted scores the prediction read for a gold file's document.
func (r *evalRun) scorePredicted(ctx context.Context, gf goldFile) (scoredGold, error) {
	found := eval.FindPrediction(r.preds, gf.gold.Document)
	if found == nil {
		return scoredGold{eval.NotScoredArticle(gf.name, gf.gold, "no prediction"),
			fmt.Sprintf("%s: no prediction for document %q in %s", gf.path, gf.gold.Document, strings.Join(r.o.predictions, ", ")), nil}, nil
	}
	p := *found
	// the text only serves quotes: use it when it is there
	if a, err := readArticle(ctx, textPath(r.o.goldDir, gf.gold), r.o.corpus); err == nil {
		p.Text = a.Text
	}
	return scoredGold{eval.Evaluate(gf.name, gf.gold, &p), "", nil}, nil
}

// diagnose adds to p the relation model's scores of the candidate pairs of
// article a (rel.Diagnose), so that kg eval says why a relation was missed.
// The article is analysed again, whole: for an article longer than
// extract.ChunkRunes, which the extraction reads in chunks, the entity ids
// may differ and the diagnosis is left out.
func diagnose(pl *extract.Pipeline, a *model.Article, p *eval.Prediction) {
	if utf8.RuneCountInString(a.Text) > extract.ChunkRunes {
		return
	}
	defer func() {
		if recover() != nil { // a bug of the diagnosis costs only the diagnosis
			p.Diagnosed, p.Pairs = false, nil
		}
	}()
	_, doc, err := pl.RelDoc(a.Text, a.Lang)
	if err != nil {
		return
	}
	p.Diagnosed = true
	for _, ps := range rel.Diagnose(doc) {
		p.Pairs = append(p.Pairs, eval.PairScore{Subject: ps.Subject, Object: ps.Object, Predicate: ps.Predicate,
			Confidence: ps.Confidence, Threshold: ps.Threshold, ReachesThreshold: ps.ReachesThreshold})
	}
}
