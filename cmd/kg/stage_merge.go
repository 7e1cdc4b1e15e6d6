package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/config"
	"github.com/kg-project/kg/internal/loader"
	"github.com/kg-project/kg/internal/progress"
	"github.com/kg-project/kg/internal/stage"
)

type stageMergeOptions struct {
	cfg      *config.Config
	srcs     []string
	partial  bool
	json     bool
	progress io.Writer
}

// stageMergeSummary is what kg stage merge prints.
type stageMergeSummary struct {
	Into  string           `json:"into"`
	Merge stage.MergeStats `json:"merge"`
	// Resolve is the cross-article entity resolution computed over the
	// merged folder.
	Resolve      loader.ResolveStats `json:"resolve"`
	MergeSeconds float64             `json:"merge_seconds"`
	Seconds      float64             `json:"seconds"`
}

func newStageMergeCommand(g *globalOptions) *cobra.Command {
	var o stageMergeOptions
	cmd := &cobra.Command{
		Use:   "merge SHARD_DIR...",
		Short: "Merge shard staging folders (kg load --stage-only --shard I/N) into the staging folder, and resolve entities over all of them",
		Long: `Copies the staging folders of the shards of one corpus (each made by
kg load --stage-only --shard I/N --stage-dir SHARD_DIR) into the staging
folder (--stage-dir, $KG_STAGE_DIR): their articles, extractions and
extraction summaries, record by record, in a stream. Then it computes the
cross-article entity resolution over every article, as kg push would: the
one step that must see the whole corpus. kg push, or kg export --format
neo4j-admin and make import, then write the same graph as one kg load of the
whole corpus.

Shards cut by file (--shard-by file) are merged in shard order, whatever
the order given: an article of a later shard replaces an earlier shard's
article of the same id (a warning names both), as the later copy in input
order wins in one run. Every shard of the same N must be given once (--partial merges some now and
the others later; the resolution is then computed again on each merge). The
shard folders are read, never changed. An article the staging folder already
holds is replaced by the shard's, as a later kg load would replace it;
merging the same shards again changes nothing.`,
		Example: `  kg stage merge --stage-dir .kg/stage shards/0 shards/1 shards/2
  kg push                                # or: make import`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := g.loadConfig(cmd, merge(stageFlags, extractorFlags))
			if err != nil {
				return err
			}
			o.cfg, o.srcs, o.json, o.progress = cfg, args, g.JSON, g.progressOut()
			return runStageMerge(cmd.Context(), o, g.stdout, g.stderr)
		},
	}
	addStageFlags(cmd)
	addExtractorFlags(cmd)
	cmd.Flags().BoolVar(&o.partial, "partial", false, "allow merging some of the N shards only (merge the others later)")
	return cmd
}

func runStageMerge(ctx context.Context, o stageMergeOptions, stdout, stderr io.Writer) error {
	start := time.Now()
	st, err := openStage(o.cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	version, err := extractorVersion(o.cfg)
	if err != nil {
		return err
	}
	var bar *progress.Bar // made at the first article: none when the shards do not fit
	ms, err := st.Merge(o.srcs, stage.MergeOptions{Version: version, Partial: o.partial,
		OnArticle: func() {
			if bar == nil {
				bar = progress.New(o.progress, "merging shards", 0)
			}
			bar.Add(1)
		},
		OnDuplicate: func(id, replaced, by string) {
			fmt.Fprintf(stderr, "kg: warning: duplicate article id %q: %s is replaced by %s (a later shard; the last one in input order is loaded)\n", id, replaced, by)
		}})
	if bar != nil {
		bar.Done()
	}
	if err != nil {
		return err
	}
	sum := stageMergeSummary{Into: o.cfg.Stage.Dir, Merge: ms, MergeSeconds: time.Since(start).Seconds()}
	sum.Resolve, err = loader.Resolve(ctx, st, loader.ResolveOptions{Version: version, Progress: o.progress})
	if err != nil {
		return fmt.Errorf("merged %d articles from %d shard folders; %w (kg push or kg export computes it again)", ms.Articles, ms.Sources, err)
	}
	sum.Seconds = time.Since(start).Seconds()
	return output{
		json: func() any { return sum },
		text: func() error {
			fmt.Fprintf(stdout, "merged %d shard folders (of %d shards) into %s: %d articles, %d extractions, %.1f MB in %.1f s",
				ms.Sources, ms.Shards, sum.Into, ms.Articles, ms.Extractions, float64(ms.Bytes)/1e6, sum.MergeSeconds)
			if len(ms.Missing) > 0 {
				fmt.Fprintf(stdout, "; shards not merged yet: %v", ms.Missing)
			}
			if ms.Duplicates > 0 {
				fmt.Fprintf(stdout, "; %d duplicate ids replaced by a later shard's (see the warnings)", ms.Duplicates)
			}
			if ms.Pending > 0 {
				fmt.Fprintf(stdout, "; %d articles queued for the known databases", ms.Pending)
			}
			r := sum.Resolve
			fmt.Fprintf(stdout, "\nentities resolved over %d articles: %d keys, %d merged into %d entities in %.1f s\n", r.Articles, r.Keys, r.Merged, r.Groups, r.Seconds)
			fmt.Fprintln(stdout, "next: kg push (or kg export --format neo4j-admin DIR; make import)")
			return nil
		},
	}.print(stdout, o.json, false)
}

// wholeCorpus refuses a staging folder that holds one shard of a corpus
// (of N > 1) for what, a command that writes the graph: its entities
// would be resolved without the other shards' articles.
func wholeCorpus(st *stage.Store, what string) error {
	sh, err := st.Shard()
	if err != nil || sh == nil || sh.N <= 1 {
		return err
	}
	return fmt.Errorf("%w: %s holds shard %s of a corpus; %s writes the graph of a whole corpus: merge the shard folders first "+
		"(kg stage merge --stage-dir DIR SHARD_DIR...) and run it on the merged folder", stage.ErrShard, st.Dir(), sh, what)
}
