package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/config"
	"github.com/kg-project/kg/internal/corpus"
	"github.com/kg-project/kg/internal/extract"
	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/pipeline"
	"github.com/kg-project/kg/internal/progress"
)

type extractOptions struct {
	paths    []string
	format   string
	workers  int // extraction workers; output order stays the input order
	corpus   corpus.Options
	progress io.Writer // nil = silent
	// extractor replaces the built-in pipeline (tests); nil = the pipeline
	extractor extract.Extractor
}

func newExtractCommand(g *globalOptions) *cobra.Command {
	var o extractOptions
	cmd := &cobra.Command{
		Use:   "extract PATH...",
		Short: "Extract entities and relations from articles and print them (no Neo4j; staging only caches LLM replies)",
		Long: `Reads the articles under PATH and writes one JSON object per article to
stdout: doc, entities, relations (see docs/extraction-output.md). Bad inputs
are reported on stderr with file and line.

--shard I/N extracts only the articles of shard I of N (by article id, or
with --shard-by file the I-th of N runs of files; see kg load --help).

` + inputFormatsHelp,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := g.loadConfig(cmd, merge(stageFlags, extractorFlags, shardFlags))
			if err != nil {
				return err
			}
			applyHugePages(cfg)
			ex, done, err := commandExtractor(cfg, g.stderr)
			if err != nil {
				return err
			}
			defer done()
			o.extractor = ex
			o.paths = args
			o.corpus = corpusOptions(cfg)
			if o.corpus.Shard, err = corpusShard(cmd, cfg); err != nil {
				return err
			}
			if !cmd.Flags().Changed("workers") {
				o.workers = cfg.Load.Workers
			}
			o.progress = g.progressOut()
			return runExtract(cmd.Context(), o, g.stdout, g.stderr)
		},
	}
	cmd.Flags().StringVar(&o.format, "format", "jsonl", "output format: jsonl")
	addShardFlag(cmd)
	addStageFlags(cmd)
	addExtractorFlags(cmd)
	cmd.Flags().IntVar(&o.workers, "workers", 2, "extraction workers (default: load.workers in config.yaml; $"+config.EnvName("load.workers")+"); output keeps the input order")
	return cmd
}

func runExtract(ctx context.Context, o extractOptions, stdout, stderr io.Writer) error {
	if o.format != "jsonl" {
		return fmt.Errorf("unknown --format %q (want jsonl)", o.format)
	}
	if o.workers < 1 {
		return fmt.Errorf("--workers must be at least 1 (got %d)", o.workers)
	}
	var ex extract.Extractor = extract.NewPipeline()
	if o.extractor != nil {
		ex = o.extractor
	}
	ex = extract.Safe(ex)
	failures := &failureReporter{w: stderr}
	w := bufio.NewWriter(stdout)
	defer w.Flush()
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	bar := progress.New(o.progress, "extracting", 0)
	defer bar.Done()

	var bad badInputs
	n, failed := 0, 0
	var firstFailed string
	type result struct {
		x   *model.Extraction // nil: extraction failed (err)
		err error
	}
	src := pipeline.Articles(o.paths, o.corpus, func(e *corpus.InputError) {
		bad.add(e)
		fmt.Fprintln(stderr, "kg: skipped "+e.Error())
	}, nil)
	process := func(ctx context.Context, a *model.Article) (result, error) {
		x, err := ex.Extract(ctx, a)
		if err != nil && ctx.Err() != nil {
			return result{}, ctx.Err()
		}
		return result{x, err}, nil // one bad article never stops the run
	}
	emit := func(a *model.Article, r result) error {
		bar.Add(1)
		if r.err != nil {
			err := fmt.Errorf("extracting article %s (%s): %w", a.ID, a.Source, r.err)
			failures.report(a, err)
			failed++
			if firstFailed == "" {
				firstFailed = err.Error()
			}
			return nil
		}
		n++
		return enc.Encode(r.x)
	}
	if err := pipeline.Run(ctx, pipeline.Options{Workers: o.workers}, src, process, emit); err != nil {
		return err
	}
	if failed > 0 {
		err := fmt.Errorf("extraction failed on %d article(s), skipped (first: %s); %d article(s) extracted%w", failed, firstFailed, n, skippedMark)
		if bad.n > 0 {
			err = fmt.Errorf("%w; %d bad input(s) skipped (first: %s)", err, bad.n, bad.first)
		}
		return err
	}
	if n == 0 && bad.n == 0 && !o.corpus.Shard.All() {
		shardNote(stderr, o.corpus.Shard)
		return nil
	}
	return bad.err(o.paths, n, "extracted")
}
