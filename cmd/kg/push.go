package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/config"
	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/loader"
)

type pushOptions struct {
	cfg      *config.Config
	all      bool
	verify   bool
	json     bool
	progress io.Writer
}

func newPushCommand(g *globalOptions) *cobra.Command {
	var o pushOptions
	cmd := &cobra.Command{
		Use:   "push",
		Short: "Write what staging says Neo4j still lacks (--all: everything staged; --verify: what the graph lost)",
		Long: `Writes every journalled article to Neo4j. A new or wiped database is recognised
and gets everything; --all re-writes every staged article (writes are
idempotent, so this is always safe).

--verify first compares, page by page, every article staging marks as written
to this database with its Article node: missing nodes, another content_hash
or extractor, or fewer or more mentions and evidence than its extraction (a
graph edited by hand) are queued again and written. kg doctor reports the
same count without changing anything.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := g.loadConfig(cmd, merge(neo4jFlags, stageFlags, loadFlags, extractorFlags))
			if err != nil {
				return err
			}
			o.cfg, o.json, o.progress = cfg, g.JSON, g.progressOut()
			return runPush(cmd.Context(), o, g.stdout, g.stderr)
		},
	}
	addNeo4jFlags(cmd)
	addStageFlags(cmd)
	addLoadFlags(cmd)
	addExtractorFlags(cmd)
	cmd.Flags().BoolVar(&o.all, "all", false, "re-write every staged article, not only the pending ones")
	cmd.Flags().BoolVar(&o.verify, "verify", false, "compare the graph with what staging says was written, and write again what is missing or different")
	return cmd
}

func runPush(ctx context.Context, o pushOptions, stdout, stderr io.Writer) error {
	st, err := openStage(o.cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := wholeCorpus(st, "kg push"); err != nil {
		return err
	}
	version, err := extractorVersion(o.cfg)
	if err != nil {
		return err
	}
	c, target, err := connectTarget(ctx, o.cfg, st, version, stderr)
	if err != nil {
		return err
	}
	defer c.Close(ctx)
	if o.all {
		n, missing, err := st.Requeue(target, version)
		if err != nil {
			return err
		}
		fmt.Fprintf(stderr, "kg: %d staged articles queued\n", n)
		if missing > 0 {
			fmt.Fprintf(stderr, "kg: %d staged articles have no extraction of extractor %s and were not queued; run kg load on their corpus to extract them\n", missing, version)
		}
	}
	var vs *loader.VerifyStats
	if o.verify {
		v, err := loader.VerifyGraph(ctx, st, c, loader.VerifyOptions{Target: target, Repair: true, Progress: o.progress})
		if err != nil {
			return fmt.Errorf("verifying the graph: %w", err)
		}
		vs = &v
		fmt.Fprintf(stderr, "kg: verified %d articles against neo4j: %d missing, %d different; %d queued again\n", v.Checked, v.Missing, v.Different, v.Rejournalled)
	}
	ps, err := loader.Push(ctx, st, c, loader.PushOptions{Target: target, BatchSize: o.cfg.Load.BatchSize, Progress: o.progress, Version: version})
	if err != nil {
		return fmt.Errorf("%w (%d articles written; the rest stay queued)", err, ps.Articles)
	}
	if ps.Articles >= warmAfter {
		warmQueries(ctx, c, stderr)
	}
	if o.json {
		if vs != nil {
			if err := printJSON(stdout, map[string]any{"verify": vs, "push": ps}); err != nil {
				return err
			}
		} else if err := printJSON(stdout, ps); err != nil {
			return err
		}
	} else {
		if r := ps.Resolve; r != nil && !r.Skipped {
			fmt.Fprintf(stdout, "entities resolved: %d keys merged into %d; %d keys changed, %d article entries queued again\n", r.Merged, r.Groups, r.Changed, r.Rejournalled)
		}
		fmt.Fprintf(stdout, "written %d articles in %d batches (%d entities, %d relations)\n", ps.Articles, ps.Batches, ps.Entities, ps.Relations)
	}
	if vs != nil && vs.Unrepairable > 0 {
		return fmt.Errorf("%d articles differ in neo4j but their extraction is no longer staged (e.g. %s); run kg load on their corpus to extract and write them again", vs.Unrepairable, strings.Join(vs.Examples, ", "))
	}
	return nil
}

// checkGraphMatchesStaging is kg doctor's read-only check that the graph
// still holds what staging says it wrote (see kg push --verify).
func checkGraphMatchesStaging(ctx context.Context, cfg *config.Config) check {
	const name = "in sync"
	c, err := graph.Open(ctx, graphConfig(cfg))
	if err != nil {
		return check{Name: name, OK: true, Detail: "not compared with staging: neo4j is not reachable"}
	}
	defer c.Close(ctx)
	id, err := c.ReadInstanceID(ctx)
	if err != nil {
		return check{Name: name, Detail: err.Error()}
	}
	if id == "" {
		return check{Name: name, OK: true, Detail: "kg has not written to this database yet"}
	}
	if _, err := os.Stat(cfg.Stage.Dir); err != nil {
		return check{Name: name, OK: true, Detail: "not compared with staging: no staging folder"}
	}
	st, err := openStage(cfg)
	if err != nil {
		return check{Name: name, OK: true, Detail: "not compared with staging: " + err.Error()}
	}
	defer st.Close()
	target := c.Target() + "|" + id
	targets, err := st.Targets()
	if err != nil {
		return check{Name: name, Detail: err.Error()}
	}
	if !slices.Contains(targets, target) {
		return check{Name: name, OK: true, Detail: "this staging folder has not written to this database"}
	}
	v, err := loader.VerifyGraph(ctx, st, c, loader.VerifyOptions{Target: target})
	if err != nil {
		return check{Name: name, Detail: "comparing with staging: " + err.Error()}
	}
	if v.Mismatches() > 0 {
		return check{Name: name, Detail: fmt.Sprintf("%d of %d articles staging marks as written are missing (%d) or different (%d) in neo4j, e.g. %s",
			v.Mismatches(), v.Checked, v.Missing, v.Different, strings.Join(v.Examples, ", ")),
			Fix: "run `kg push --verify`: it writes them again"}
	}
	return check{Name: name, OK: true, Detail: fmt.Sprintf("the %d articles staging marks as written are in neo4j as written", v.Checked)}
}
