package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/config"
	"github.com/kg-project/kg/internal/corpus"
	"github.com/kg-project/kg/internal/extract"
	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/llm"
	"github.com/kg-project/kg/internal/loader"
	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/stage"
	"github.com/kg-project/kg/schema"
)

type loadOptions struct {
	cfg       *config.Config
	paths     []string
	stageOnly bool
	shard     corpus.Shard // one shard of the corpus (with stageOnly)
	json      bool
	progress  io.Writer
}

// loadSummary is what kg load prints.
type loadSummary struct {
	Stage   loader.StageStats `json:"stage"`
	LLM     *llm.Stats        `json:"llm,omitempty"`
	Push    *loader.PushStats `json:"push,omitempty"`
	Target  string            `json:"target,omitempty"`
	Shard   string            `json:"shard,omitempty"`    // I/N: the shard staged
	ShardBy string            `json:"shard_by,omitempty"` // id or file
	Seconds float64           `json:"seconds"`
}

func newLoadCommand(g *globalOptions) *cobra.Command {
	var o loadOptions
	cmd := &cobra.Command{
		Use:   "load PATH...",
		Short: "Read, extract, stage in Badger and write to Neo4j",
		Long: `Reads the articles under PATH, extracts what is not cached in staging yet,
stages it, then writes everything Neo4j still lacks. Safe to interrupt and
re-run: it resumes where it stopped and re-running gives the same graph.

--shard I/N (with --stage-only) stages only shard I of N (I from 0 to N-1,
as Slurm array task ids and Kubernetes completion indexes run). By default
(--shard-by id) shard I holds the articles whose id hashes to I (FNV-1a 64
of the id, mod N): every shard reads the whole corpus, every article is in
exactly one shard and every copy of an id in the same one, so duplicate ids
are handled in each shard as in one run; bad input is reported by shard 0
only. With --shard-by file, the files of the corpus (in walk order) are cut
into N contiguous runs of about equal bytes and shard I reads only the I-th:
each shard reads 1/N of the corpus; a copy of an id in a later shard is the
later one in input order, and kg stage merge lets it win. Each shard needs
its own staging folder (--stage-dir, $KG_STAGE_DIR), which remembers its
shard. Then kg stage merge SHARD_DIR... combines the folders into one, and
kg push or make import writes the whole graph: the same graph as one
kg load of the whole corpus.

` + inputFormatsHelp,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := g.loadConfig(cmd, merge(neo4jFlags, stageFlags, loadFlags, extractorFlags, shardFlags))
			if err != nil {
				return err
			}
			applyHugePages(cfg)
			if o.shard, err = corpusShard(cmd, cfg); err != nil {
				return err
			}
			o.cfg, o.paths, o.json, o.progress = cfg, args, g.JSON, g.progressOut()
			return runLoad(cmd.Context(), o, g.stdout, g.stderr)
		},
	}
	addNeo4jFlags(cmd)
	addStageFlags(cmd)
	addLoadFlags(cmd)
	addExtractorFlags(cmd)
	cmd.Flags().BoolVar(&o.stageOnly, "stage-only", false, "extract and stage, but do not write to Neo4j (kg push writes later)")
	addShardFlag(cmd)
	return cmd
}

func runLoad(ctx context.Context, o loadOptions, stdout, stderr io.Writer) error {
	start := time.Now()
	if !o.shard.All() && !o.stageOnly {
		return fmt.Errorf("--shard %s stages one shard of the corpus and needs --stage-only: written alone, a shard's entities would be "+
			"resolved without the other shards' articles; merge the shard folders (kg stage merge), then kg push or make import", o.shard)
	}
	st, err := openStage(o.cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	var sh *stage.ShardInfo
	if o.shard.N > 0 {
		sh = &stage.ShardInfo{I: o.shard.I, N: o.shard.N}
		if o.shard.ByFile {
			sh.By = "file"
		}
	}
	if err := st.SetShard(sh); err != nil {
		return err
	}
	corpusOpts := corpusOptions(o.cfg)
	corpusOpts.Shard = o.shard
	ex, lx, err := newExtractor(o.cfg, st) // LLM replies are cached in staging
	if err != nil {
		return err
	}
	version := ex.Version()
	var client *graph.Client
	var target string
	var graphErr error
	if !o.stageOnly {
		client, target, graphErr = connectTarget(ctx, o.cfg, st, version, stderr)
		if graphErr != nil {
			if errors.Is(graphErr, graph.ErrAuth) || ctx.Err() != nil {
				return graphErr
			}
			fmt.Fprintf(stderr, "kg: %v\nkg: staging anyway; run `kg push` once Neo4j is up\n", graphErr)
		} else {
			defer client.Close(ctx)
		}
	}
	sum := loadSummary{Target: target, Shard: o.shard.String()}
	if sum.Shard != "" {
		sum.ShardBy = map[bool]string{false: "id", true: "file"}[o.shard.ByFile]
	}
	var bad badInputs
	sum.Stage, err = loader.StageCorpus(ctx, st, stageOptions(o, corpusOpts, ex, &bad, stderr))
	// extraction is done (ex is not used again): its models, about 200 MB,
	// need not stay for the push and the corpus-wide resolution
	extract.DropModels()
	if lx != nil {
		s := lx.Stats()
		sum.LLM = &s
		var w io.Writer = stderr
		if o.json {
			w = nil
		}
		if err := recordLLMStats(st, lx, w); err != nil {
			fmt.Fprintf(stderr, "kg: warning: recording the LLM counters: %v\n", err)
		}
	}
	if err != nil {
		return err
	}
	if s := sum.Stage; s.Deferred > 0 {
		fmt.Fprintf(stderr, "kg: the LLM token budget is spent: %d article(s) not extracted (first: %s), not staged; run kg load again to go on with them\n", s.Deferred, s.FirstDeferred)
	}
	if client != nil {
		ps, err := loader.Push(ctx, st, client, loader.PushOptions{Target: target, BatchSize: o.cfg.Load.BatchSize, Progress: o.progress, Version: version})
		sum.Push = &ps
		if err != nil {
			return fmt.Errorf("%w (%d articles written before; everything is staged, re-run kg load or kg push to finish)", err, ps.Articles)
		}
		if ps.Articles >= warmAfter {
			warmQueries(ctx, client, stderr)
		}
	}
	sum.Seconds = time.Since(start).Seconds()
	if o.json {
		if err := printJSON(stdout, sum); err != nil {
			return err
		}
	} else {
		printLoadSummary(stdout, sum)
	}
	return loadOutcome(o, sum, &bad, graphErr, stderr)
}

// connectTarget opens Neo4j (retrying while it is unreachable, up to the
// retry timeout), makes sure the schema is applied, and registers the
// database as a staging target.
func connectTarget(ctx context.Context, cfg *config.Config, st *stage.Store, version string, stderr io.Writer) (*graph.Client, string, error) {
	deadline := time.Now().Add(cfg.Load.RetryTimeout)
	wait := time.Second
	var c *graph.Client
	var err error
	for {
		c, err = openGraph(ctx, cfg, stderr)
		if err == nil || !errors.Is(err, graph.ErrUnavailable) || time.Now().Add(wait).After(deadline) {
			break
		}
		fmt.Fprintf(stderr, "kg: %v; retrying in %s\n", err, wait)
		select {
		case <-ctx.Done():
			return nil, "", ctx.Err()
		case <-time.After(wait):
		}
		if wait < 8*time.Second {
			wait *= 2
		}
	}
	if err != nil {
		return nil, "", err
	}
	migs, err := graph.ReadMigrations(schema.Files)
	if err == nil {
		_, err = c.ApplySchema(ctx, migs)
	}
	if err != nil {
		c.Close(ctx)
		return nil, "", fmt.Errorf("applying the schema: %w", err)
	}
	id, err := c.InstanceID(ctx)
	if err != nil {
		c.Close(ctx)
		return nil, "", err
	}
	target := c.Target() + "|" + id
	n, err := st.AddTarget(target, version)
	if err != nil {
		c.Close(ctx)
		return nil, "", err
	}
	if n > 0 {
		fmt.Fprintf(stderr, "kg: new target database %s: %d staged articles queued for it\n", c.Target(), n)
	}
	return c, target, nil
}

// stageOptions are the options of kg load's staging: its callbacks report
// bad input (counted in bad), failed extractions and duplicate ids on
// stderr.
func stageOptions(o loadOptions, corpusOpts corpus.Options, ex extract.Extractor, bad *badInputs, stderr io.Writer) loader.StageOptions {
	return loader.StageOptions{
		Paths: o.paths, Corpus: corpusOpts, Workers: o.cfg.Load.Workers, Extractor: ex, Progress: o.progress,
		OnBadInput: func(e *corpus.InputError) {
			bad.add(e)
			fmt.Fprintln(stderr, "kg: skipped "+e.Error())
		},
		OnFailed:   (&failureReporter{w: stderr}).report,
		OnDeferred: func(*model.Article) {}, // counted in the stats, reported by runLoad
		OnDuplicate: func(d loader.Duplicate) {
			what := "different content"
			if d.SameContent {
				what = "same content"
			}
			fmt.Fprintf(stderr, "kg: warning: duplicate article id %q: %s is replaced by %s (%s; the last one in input order is loaded)\n", d.ID, d.Replaced, d.By, what)
		},
	}
}

// printLoadSummary prints kg load's one-line summary.
func printLoadSummary(stdout io.Writer, sum loadSummary) {
	s := sum.Stage
	if sum.Shard != "" {
		fmt.Fprintf(stdout, "shard %s by %s: ", sum.Shard, sum.ShardBy)
	}
	fmt.Fprintf(stdout, "articles %d (extracted %d, cached %d), entities %d, relations %d", s.Articles, s.Extracted, s.Cached, s.Entities, s.Relations)
	if s.Failed > 0 {
		fmt.Fprintf(stdout, "; extraction failed on %d (skipped)", s.Failed)
	}
	if s.Deferred > 0 {
		fmt.Fprintf(stdout, "; %d not extracted (LLM token budget spent; not staged)", s.Deferred)
	}
	if s.Duplicates > 0 {
		fmt.Fprintf(stdout, "; %d duplicate ids skipped (see the warnings)", s.Duplicates)
	}
	if sum.Push != nil {
		if r := sum.Push.Resolve; r != nil && !r.Skipped {
			fmt.Fprintf(stdout, "; entities resolved: %d keys merged into %d (kg entities list-merges)", r.Merged, r.Groups)
		}
		fmt.Fprintf(stdout, "; written to neo4j %d articles in %d batches", sum.Push.Articles, sum.Push.Batches)
	}
	fmt.Fprintf(stdout, "; %.1f s\n", sum.Seconds)
}

// loadOutcome is kg load's error, if any, once its summary is printed: Neo4j
// unreachable, the LLM budget spent, failed extractions, bad input.
func loadOutcome(o loadOptions, sum loadSummary, bad *badInputs, graphErr error, stderr io.Writer) error {
	if graphErr != nil {
		return fmt.Errorf("staged %d articles but could not write them: %w", sum.Stage.Articles, graphErr)
	}
	done := "loaded"
	if o.stageOnly {
		done = "staged"
	}
	if s := sum.Stage; s.Deferred > 0 {
		return fmt.Errorf("%w: %d article(s) %s, %d not extracted (first: %s); run kg load again to go on", extract.ErrBudgetSpent, s.Articles, done, s.Deferred, s.FirstDeferred)
	}
	if s := sum.Stage; s.Articles == 0 && s.Failed == 0 && s.Duplicates == 0 && bad.n == 0 && !o.shard.All() {
		shardNote(stderr, o.shard)
		return nil
	}
	if s := sum.Stage; s.Failed > 0 {
		err := fmt.Errorf("extraction failed on %d article(s), skipped (first: %s); %d article(s) %s%w", s.Failed, s.FirstFailed, s.Articles, done, skippedMark)
		if bad.n > 0 {
			err = fmt.Errorf("%w; %d bad input(s) skipped (first: %s)", err, bad.n, bad.first)
		}
		return err
	}
	return bad.err(o.paths, sum.Stage.Articles, done)
}
