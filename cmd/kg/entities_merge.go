package main

import (
	"context"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/config"
	"github.com/kg-project/kg/internal/loader"
	"github.com/kg-project/kg/internal/resolve"
	"github.com/kg-project/kg/internal/stage"
)

// entitiesEditOptions are the options of kg entities merge, split and
// unsplit.
type entitiesEditOptions struct {
	cfg      *config.Config
	keys     []string
	note     string
	noPush   bool
	json     bool
	progress io.Writer
}

// entitiesEditResult is what merge, split and unsplit print.
type entitiesEditResult struct {
	Action  string               `json:"action"`
	Keys    []string             `json:"keys"`
	Before  *resolve.Target      `json:"was_merged_into,omitempty"` // split: what the key was merged into
	Removed []stage.ManualRecord `json:"removed_manual_merges,omitempty"`
	Group   *resolve.Group       `json:"group"` // the entity the (first) key belongs to now; null: its own
	Resolve loader.ResolveStats  `json:"resolve"`
	Push    *loader.PushStats    `json:"push,omitempty"`
}

func addEditFlags(cmd *cobra.Command, o *entitiesEditOptions) {
	cmd.Flags().StringVar(&o.note, "note", "", "why, kept with the record")
	cmd.Flags().BoolVar(&o.noPush, "no-push", false, "record in staging only; the next kg push or kg load updates the graph")
	addNeo4jFlags(cmd)
	addStageFlags(cmd)
	addExtractorFlags(cmd)
	addLoadFlags(cmd)
}

func entitiesEditRunE(g *globalOptions, o *entitiesEditOptions, run func(context.Context, entitiesEditOptions, io.Writer, io.Writer) error) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		cfg, err := g.loadConfig(cmd, merge(neo4jFlags, stageFlags, loadFlags, extractorFlags))
		if err != nil {
			return err
		}
		o.cfg, o.keys, o.json, o.progress = cfg, args, g.JSON, g.progressOut()
		return run(cmd.Context(), *o, g.stdout, g.stderr)
	}
}

func newEntitiesMergeCommand(g *globalOptions) *cobra.Command {
	var o entitiesEditOptions
	cmd := &cobra.Command{
		Use:   "merge KEY1 KEY2 [KEY...]",
		Short: "Record by hand that entity keys name one entity, and apply it to the graph",
		Long: `Records in staging that the keys name one real entity, recomputes the entity
resolution and rewrites the articles that mention them. A manual merge holds
whatever the automatic rules say (also across types or Wikidata ids) and
survives re-runs and kg push --all; kg entities split KEY undoes it. The
entity keeps the best key of the group: a Wikidata key if any, else a
gazetteer key, else the key of a full name with the most articles.`,
		Example: `  kg entities merge person:جوزيف_بلاتر person:سيب_بلاتر --note "Sepp = Joseph Blatter"`,
		Args:    cobra.MinimumNArgs(2),
	}
	cmd.RunE = entitiesEditRunE(g, &o, runEntitiesMerge)
	addEditFlags(cmd, &o)
	return cmd
}

func newEntitiesSplitCommand(g *globalOptions) *cobra.Command {
	var o entitiesEditOptions
	cmd := &cobra.Command{
		Use:   "split KEY",
		Short: "Make an entity key its own entity again, for good: undoes automatic and manual merges",
		Long: `Records in staging that KEY is its own entity: the manual merges that name it
are removed, and the automatic rules never merge it again (kg entities unsplit
lifts that). The articles that mention it are rewritten, so the graph gets a
node for KEY again. Survives re-runs and kg push --all.`,
		Example: `  kg entities split person:الاسد --note "another al-Assad"`,
		Args:    cobra.ExactArgs(1),
	}
	cmd.RunE = entitiesEditRunE(g, &o, runEntitiesSplit)
	addEditFlags(cmd, &o)
	return cmd
}

func newEntitiesUnsplitCommand(g *globalOptions) *cobra.Command {
	var o entitiesEditOptions
	cmd := &cobra.Command{
		Use:   "unsplit KEY",
		Short: "Remove a manual split: the automatic rules apply to KEY again",
		Args:  cobra.ExactArgs(1),
	}
	cmd.RunE = entitiesEditRunE(g, &o, runEntitiesUnsplit)
	addEditFlags(cmd, &o)
	return cmd
}

// editEntities opens staging, checks that the keys are known, lets record
// change the manual records, recomputes the resolution and (unless
// noPush) writes the articles it journalled.
func editEntities(ctx context.Context, o entitiesEditOptions, stderr io.Writer, res *entitiesEditResult,
	record func(st *stage.Store) error) error {
	st, err := openStage(o.cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	version, err := extractorVersion(o.cfg)
	if err != nil {
		return err
	}
	known, err := loader.KnownKeys(ctx, st, version, o.keys)
	if err != nil {
		return err
	}
	for _, k := range o.keys {
		if !known[k] {
			return fmt.Errorf("no staged article has the entity key %q (keys are shown by kg entities list-merges, kg query search_entities, or the key property of a node)", k)
		}
	}
	if err := record(st); err != nil {
		return err
	}
	if res.Resolve, err = loader.Resolve(ctx, st, loader.ResolveOptions{Version: version, Force: true, Progress: o.progress}); err != nil {
		return fmt.Errorf("recorded in staging; resolving: %w (kg push finishes it)", err)
	}
	if res.Group, err = entityGroup(st, o.keys[0]); err != nil {
		return err
	}
	if o.noPush {
		return nil
	}
	res.Push, err = applyToGraph(ctx, o.cfg, st, version, stderr, o.progress)
	return err
}

func printEdit(stdout io.Writer, o entitiesEditOptions, res *entitiesEditResult, err error) error {
	if perr := (output{
		json: func() any { return res },
		text: func() error {
			switch res.Action {
			case "split":
				if res.Before != nil {
					fmt.Fprintf(stdout, "%s was merged into %s (%s: %s); it is now its own entity\n", res.Keys[0], res.Before.Key, res.Before.Reason, res.Before.Detail)
				} else {
					fmt.Fprintf(stdout, "%s was not merged; the automatic rules will not merge it\n", res.Keys[0])
				}
				for _, r := range res.Removed {
					fmt.Fprintf(stdout, "removed the manual merge of %s\n", joinKeys(r.Keys))
				}
			case "unsplit":
				fmt.Fprintf(stdout, "%s: manual split removed; the automatic rules apply to it again\n", res.Keys[0])
			}
			if res.Group != nil {
				printGroup(stdout, res.Group)
			} else {
				fmt.Fprintf(stdout, "%s is not merged with any other key\n", res.Keys[0])
			}
			if res.Push != nil {
				fmt.Fprintf(stdout, "graph updated: %d articles rewritten\n", res.Push.Articles)
			} else if o.noPush {
				fmt.Fprintf(stdout, "recorded; %d article entries queued, written by the next kg push\n", res.Resolve.Rejournalled)
			}
			return nil
		},
	}).print(stdout, o.json, false); perr != nil {
		return perr
	}
	return err
}

func runEntitiesMerge(ctx context.Context, o entitiesEditOptions, stdout, stderr io.Writer) error {
	res := &entitiesEditResult{Action: "merge", Keys: o.keys}
	seen := map[string]bool{}
	for _, k := range o.keys {
		if seen[k] {
			return fmt.Errorf("key %s given twice", k)
		}
		seen[k] = true
	}
	err := editEntities(ctx, o, stderr, res, func(st *stage.Store) error {
		for _, k := range o.keys[1:] {
			if err := st.AddMerge(o.keys[0], k, o.note); err != nil {
				return err
			}
		}
		return nil
	})
	if res.Resolve.Keys == 0 && err != nil {
		return err
	}
	return printEdit(stdout, o, res, err)
}

func runEntitiesSplit(ctx context.Context, o entitiesEditOptions, stdout, stderr io.Writer) error {
	res := &entitiesEditResult{Action: "split", Keys: o.keys}
	err := editEntities(ctx, o, stderr, res, func(st *stage.Store) error {
		_, before, err := entityTarget(st, o.keys[0])
		if err != nil {
			return err
		}
		res.Before = before
		res.Removed, err = st.AddSplit(o.keys[0], o.note)
		return err
	})
	if res.Resolve.Keys == 0 && err != nil {
		return err
	}
	return printEdit(stdout, o, res, err)
}

func runEntitiesUnsplit(ctx context.Context, o entitiesEditOptions, stdout, stderr io.Writer) error {
	res := &entitiesEditResult{Action: "unsplit", Keys: o.keys}
	err := editEntities(ctx, o, stderr, res, func(st *stage.Store) error {
		found, err := st.RemoveSplit(o.keys[0])
		if err == nil && !found {
			err = fmt.Errorf("%s has no manual split", o.keys[0])
		}
		return err
	})
	if res.Resolve.Keys == 0 && err != nil {
		return err
	}
	return printEdit(stdout, o, res, err)
}
