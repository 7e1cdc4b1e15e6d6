package main

import (
	"context"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/config"
	"github.com/kg-project/kg/internal/extract"
	"github.com/kg-project/kg/internal/loader"
)

type pushOptions struct {
	cfg      *config.Config
	all      bool
	json     bool
	progress io.Writer
}

func newPushCommand(g *globalOptions) *cobra.Command {
	var o pushOptions
	cmd := &cobra.Command{
		Use:   "push",
		Short: "Write what staging says Neo4j still lacks (--all: everything staged)",
		Long: `Writes every journalled article to Neo4j. A new or wiped database is recognised
and gets everything; --all re-writes every staged article (writes are
idempotent, so this is always safe).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := g.loadConfig(cmd, merge(neo4jFlags, stageFlags, loadFlags))
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
	cmd.Flags().BoolVar(&o.all, "all", false, "re-write every staged article, not only the pending ones")
	return cmd
}

func runPush(ctx context.Context, o pushOptions, stdout, stderr io.Writer) error {
	st, err := openStage(o.cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	version := extract.NewPipeline().Version()
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
	ps, err := loader.Push(ctx, st, c, loader.PushOptions{Target: target, BatchSize: o.cfg.Load.BatchSize, Progress: o.progress})
	if err != nil {
		return fmt.Errorf("%w (%d articles written; the rest stay queued)", err, ps.Articles)
	}
	if o.json {
		return printJSON(stdout, ps)
	}
	fmt.Fprintf(stdout, "written %d articles in %d batches (%d entities, %d relations)\n", ps.Articles, ps.Batches, ps.Entities, ps.Relations)
	return nil
}
