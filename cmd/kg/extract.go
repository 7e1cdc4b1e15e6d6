package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sync"

	"github.com/spf13/cobra"
	"golang.org/x/sync/errgroup"

	"github.com/kg-project/kg/internal/config"
	"github.com/kg-project/kg/internal/corpus"
	"github.com/kg-project/kg/internal/extract"
	"github.com/kg-project/kg/internal/model"
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

	type job struct {
		seq int
		a   *model.Article
	}
	type result struct {
		seq int
		x   *model.Extraction // nil: extraction failed, reported and skipped
	}
	// at most inFlight articles are read and not yet written, however slow
	// one of them is: memory stays bounded
	inFlight := 4 * o.workers
	slots := make(chan struct{}, inFlight)
	jobs := make(chan job, o.workers)
	results := make(chan result, o.workers)
	g, ctx := errgroup.WithContext(ctx)
	var bad badInputs
	n, failed := 0, 0
	var firstFailed string
	g.Go(func() error {
		defer close(jobs)
		seq := 0
		return corpus.Walk(ctx, o.paths, o.corpus, func(it corpus.Item) error {
			if it.Err != nil {
				bad.add(it.Err)
				fmt.Fprintln(stderr, "kg: skipped "+it.Err.Error())
				return nil
			}
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return ctx.Err()
			}
			select {
			case jobs <- job{seq, it.Article}:
				seq++
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	})
	var workers sync.WaitGroup
	var failedMu sync.Mutex
	for range o.workers {
		workers.Add(1)
		g.Go(func() error {
			defer workers.Done()
			for j := range jobs {
				x, err := ex.Extract(ctx, j.a)
				if err != nil {
					if ctx.Err() != nil {
						return ctx.Err()
					}
					// one bad article never stops the run
					err = fmt.Errorf("extracting article %s (%s): %w", j.a.ID, j.a.Source, err)
					failures.report(j.a, err)
					x = nil
					failedMu.Lock()
					failed++
					if firstFailed == "" {
						firstFailed = err.Error()
					}
					failedMu.Unlock()
				}
				select {
				case results <- result{j.seq, x}:
				case <-ctx.Done():
					return ctx.Err()
				}
			}
			return nil
		})
	}
	go func() {
		workers.Wait()
		close(results)
	}()
	g.Go(func() error {
		// write in input order
		held := map[int]*model.Extraction{}
		next := 0
		for r := range results {
			held[r.seq] = r.x
			for x, ok := held[next]; ok; x, ok = held[next] {
				delete(held, next)
				next++
				bar.Add(1)
				<-slots
				if x == nil {
					continue
				}
				if err := enc.Encode(x); err != nil {
					return err
				}
				n++
			}
		}
		return nil
	})
	if err := g.Wait(); err != nil {
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
