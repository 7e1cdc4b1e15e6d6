package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/config"
	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/loader"
	"github.com/kg-project/kg/internal/resolve"
	"github.com/kg-project/kg/internal/stage"
)

func newEntitiesCommand(g *globalOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "entities",
		Short: "Inspect and correct cross-article entity resolution: show, list-merges, merge, split",
		Long: `kg load makes one entity of the keys that name the same real entity across
the corpus (same Wikidata id, spelling variants, partial names; see the README,
"The graph model"). These commands show what was merged and why, and correct it
by hand. Merges and splits made by hand are kept in staging, so kg push --all
into a new database and every later kg load reproduce them; an automatic rule
never merges again a key that was split by hand.`,
	}
	cmd.AddCommand(newEntitiesShowCommand(g), newEntitiesListCommand(g), newEntitiesMergeCommand(g),
		newEntitiesSplitCommand(g), newEntitiesUnsplitCommand(g))
	return cmd
}

// entityTarget is what a key became: its canonical key, and the target
// record when it was merged into another.
func entityTarget(st *stage.Store, key string) (string, *resolve.Target, error) {
	m, err := st.ResolutionMap()
	if err != nil {
		return "", nil, err
	}
	if t, ok := m[key]; ok {
		return t.Key, &t, nil
	}
	return key, nil, nil
}

// entityGroup returns the group of key, or nil when key is not merged with
// any other key.
func entityGroup(st *stage.Store, key string) (*resolve.Group, error) {
	canon, _, err := entityTarget(st, key)
	if err != nil {
		return nil, err
	}
	gr, err := st.Group(canon)
	if errors.Is(err, stage.ErrNotFound) {
		return nil, nil
	}
	return gr, err
}

func printGroup(w io.Writer, gr *resolve.Group) {
	qid := ""
	if gr.QID != "" {
		qid = ", Wikidata " + gr.QID
	}
	fmt.Fprintf(w, "%s  %s (%s%s; %d articles, %d mentions under this key)\n", gr.Key, gr.Name, gr.Type, qid, gr.Articles, gr.Mentions)
	rows := [][]string{{"merged key", "name", "articles", "reason", "matched with", "rule"}}
	for _, m := range gr.Members {
		rows = append(rows, []string{m.Key, m.Name, fmt.Sprint(m.Articles), m.Reason, m.Via, m.Detail})
	}
	for _, l := range alignRows(rows, 1) {
		fmt.Fprintln(w, "  "+l)
	}
}

// applyToGraph brings the graph up to date with the resolution after a
// manual record: it writes the articles Resolve journalled again. Neo4j
// being unreachable is an error that says the record is kept.
func applyToGraph(ctx context.Context, cfg *config.Config, st *stage.Store, version string, stderr io.Writer, progress io.Writer) (*loader.PushStats, error) {
	c, target, err := connectTarget(ctx, cfg, st, version, stderr)
	if err != nil {
		if errors.Is(err, graph.ErrUnavailable) {
			return nil, fmt.Errorf("recorded in staging, but the graph is not updated: %w; run kg push when Neo4j is up", err)
		}
		return nil, err
	}
	defer c.Close(ctx)
	ps, err := loader.Push(ctx, st, c, loader.PushOptions{Target: target, BatchSize: cfg.Load.BatchSize, Progress: progress, Version: version})
	if err != nil {
		return &ps, fmt.Errorf("recorded in staging; writing to neo4j: %w (%d articles written; the rest stay queued for kg push)", err, ps.Articles)
	}
	return &ps, nil
}

func joinKeys(ks []string) string { return strings.Join(ks, ", ") }
