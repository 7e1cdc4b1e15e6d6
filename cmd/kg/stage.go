package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/config"
	"github.com/kg-project/kg/internal/stage"
)

type stageVerifyOptions struct {
	cfg    *config.Config
	repair bool
	json   bool
}

func newStageCommand(g *globalOptions) *cobra.Command {
	cmd := &cobra.Command{Use: "stage", Short: "Inspect, repair and merge staging folders"}
	var o stageVerifyOptions
	verify := &cobra.Command{
		Use:   "verify",
		Short: "Check every table and value checksum and every record of the staging folder (--repair: drop what is unreadable)",
		Long: `Reads every block of every table (checking its checksum), every record
(checking the value log's CRC and decoding it) and the references between
records, and reports how many records are good or bad and which articles are
affected. Exits non-zero when anything is wrong.

With --repair, a folder with problems is rebuilt from its good records: the
unreadable ones are dropped, and so are the journal entries and done markers
of the affected articles. The damaged folder is kept beside it as
DIR.damaged-TIME. Then run kg load on the corpus: it re-extracts and re-stages
the dropped articles and writes them to Neo4j.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := g.loadConfig(cmd, stageFlags)
			if err != nil {
				return err
			}
			o.cfg, o.json = cfg, g.JSON
			return runStageVerify(cmd.Context(), o, g.stdout, g.stderr)
		},
	}
	addStageFlags(verify)
	verify.Flags().BoolVar(&o.repair, "repair", false, "rebuild the folder without its unreadable records (the damaged one is kept as DIR.damaged-TIME)")
	cmd.AddCommand(verify, newStageMergeCommand(g))
	return cmd
}

func runStageVerify(_ context.Context, o stageVerifyOptions, stdout, _ io.Writer) error {
	dir := o.cfg.Stage.Dir
	r, err := stage.Verify(dir, stage.VerifyOptions{Repair: o.repair})
	if err != nil {
		return err
	}
	err = output{
		json: func() any { return r },
		text: func() error { printVerify(stdout, r); return nil },
	}.print(stdout, o.json, false)
	if err != nil {
		return err
	}
	switch {
	case r.OK():
		return nil
	case r.Fatal != "":
		return fmt.Errorf("staging folder %s cannot be read: %s; it cannot be repaired in place: move it away "+
			"(mv %s %s.broken) and run `kg load CORPUS`, which rebuilds it from the sources and writes to Neo4j what the graph lacks", dir, r.Fatal, dir, dir)
	case r.Repair != nil:
		return nil
	}
	return fmt.Errorf("staging folder %s: %s; run `kg stage verify --repair`, then `kg load CORPUS`", dir, r.Summary())
}

func printVerify(w io.Writer, r *stage.VerifyReport) {
	fmt.Fprintf(w, "staging folder  %s\n", r.Dir)
	if r.Fatal != "" {
		fmt.Fprintf(w, "unreadable      %s\n", r.Fatal)
		return
	}
	fmt.Fprintf(w, "tables          %d (%d blocks, %d unreadable)\n", r.Tables, r.Blocks, len(r.BadBlocks))
	for _, b := range r.BadBlocks {
		fmt.Fprintf(w, "  bad block     %s block %d: keys %q to %q\n", b.File, b.Block, b.First, b.Last)
	}
	fmt.Fprintf(w, "records         %d read: %d good, %d bad; %d lost in damaged blocks; %d dangling references\n",
		r.Records, r.Good, r.Bad, r.Lost, r.Dangling)
	for _, b := range r.BadRecords {
		fmt.Fprintf(w, "  bad record    %q: %s\n", b.Key, b.Err)
	}
	if len(r.Articles) > 0 {
		ids := r.Articles
		more := ""
		if len(ids) > 50 {
			ids, more = ids[:50], fmt.Sprintf(" … and %d more (--json lists all)", len(r.Articles)-50)
		}
		fmt.Fprintf(w, "articles        %d affected: %s%s\n", len(r.Articles), strings.Join(ids, ", "), more)
	}
	switch {
	case r.Repair != nil:
		fmt.Fprintf(w, "repaired        kept %d records, dropped %d; the damaged folder is now %s (delete it when you are satisfied)\n",
			r.Repair.Kept, r.Repair.Dropped, r.Repair.DamagedCopy)
		fmt.Fprintf(w, "next            run `kg load CORPUS` on the same corpus: it re-extracts and re-stages the %d affected articles "+
			"and writes them to Neo4j; `kg push --verify` then checks the graph\n", len(r.Articles))
	case r.OK():
		fmt.Fprintln(w, "result          no problems")
	}
}
