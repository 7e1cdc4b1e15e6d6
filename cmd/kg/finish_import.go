package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/config"
	"github.com/kg-project/kg/internal/export"
	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/loader"
	"github.com/kg-project/kg/schema"
)

type finishImportOptions struct {
	cfg  *config.Config
	json bool
}

func newFinishImportCommand(g *globalOptions) *cobra.Command {
	var o finishImportOptions
	cmd := &cobra.Command{
		Use:   "finish-import",
		Short: "After neo4j-admin imported kg export --format neo4j-admin: apply the schema, restore empty lists",
		Long: `Run once the database that neo4j-admin database import full filled from
kg export --format neo4j-admin is started again (make import does it all):

  - applies kg's schema (schema/*.cypher: the uniqueness constraints and the
    indexes, which the import does not create), as kg schema apply does;
  - sets the empty lists kg push stores and CSV cannot carry (names_ar on
    entities without an Arabic alias), a page at a time;
  - counts the co-mention pairs (:CoMention {a, b, articles}, the pairs of
    entities sharing at least 2 articles) as kg push keeps them, a page of
    entities at a time, and marks the graph as having them — unless the
    import holds them already: kg export writes them, with the mark, so this
    step is only for exports of older kg versions;
  - registers the database with the staging folder (when there is one and it
    does not know this database yet): every staged article is journalled for
    it, and those the graph holds as kg push would write them are marked
    written. So the next kg load or kg push writes only what changed since
    the export.

Each step is idempotent, and changes nothing on a graph kg push built.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := g.loadConfig(cmd, merge(neo4jFlags, stageFlags, extractorFlags))
			if err != nil {
				return err
			}
			o.cfg, o.json = cfg, g.JSON
			return runFinishImport(cmd.Context(), o, g.stdout, g.stderr)
		},
	}
	addNeo4jFlags(cmd)
	addStageFlags(cmd)
	addExtractorFlags(cmd)
	return cmd
}

type finishImportSummary struct {
	Schema     []graph.MigrationResult `json:"schema"`
	EmptyLists int64                   `json:"empty_lists_restored"`
	CoMentions int                     `json:"co_mention_entities"` // entities whose pairs were counted
	// CoMentionsImported: the import held the counts (kg export writes
	// them), so none were counted
	CoMentionsImported bool               `json:"co_mentions_imported"`
	Staging            *loader.AdoptStats `json:"staging,omitempty"` // nil: no staging folder
}

func runFinishImport(ctx context.Context, o finishImportOptions, stdout, stderr io.Writer) error {
	migs, err := graph.ReadMigrations(schema.Files)
	if err != nil {
		return err
	}
	c, err := openGraph(ctx, o.cfg, stderr)
	if err != nil {
		return err
	}
	defer c.Close(ctx)
	var sum finishImportSummary
	if sum.Schema, err = c.ApplySchema(ctx, migs); err != nil {
		return fmt.Errorf("applying the schema: %w", err)
	}
	if sum.EmptyLists, err = export.RestoreEmptyLists(ctx, c, 0); err != nil {
		return err
	}
	// kg export writes the counts and their marker; an import of an older
	// export has neither
	if sum.CoMentionsImported, err = c.CoMentionsCounted(ctx); err != nil {
		return err
	}
	if !sum.CoMentionsImported {
		if sum.CoMentions, err = c.RecountCoMentions(ctx, nil); err != nil {
			return fmt.Errorf("counting the co-mention pairs: %w", err)
		}
	}
	if _, err := os.Stat(o.cfg.Stage.Dir); err == nil {
		st, err := openStage(o.cfg)
		if err != nil {
			return err
		}
		defer st.Close()
		id, err := c.InstanceID(ctx)
		if err != nil {
			return err
		}
		version, err := extractorVersion(o.cfg)
		if err != nil {
			return err
		}
		as, err := loader.Adopt(ctx, st, c, c.Target()+"|"+id, version, 0)
		if err != nil {
			return fmt.Errorf("registering the database with staging: %w", err)
		}
		sum.Staging = &as
	}
	warmQueries(ctx, c, stderr)
	return output{
		json: func() any { return sum },
		text: func() error {
			for _, r := range sum.Schema {
				fmt.Fprintf(stdout, "%-28s %s\n", r.Name, r.Status)
			}
			fmt.Fprintf(stdout, "empty lists restored on %d nodes and relationships\n", sum.EmptyLists)
			if sum.CoMentionsImported {
				fmt.Fprintln(stdout, "co-mention pairs: imported with the graph")
			} else {
				fmt.Fprintf(stdout, "co-mention pairs counted for %d entities\n", sum.CoMentions)
			}
			switch as := sum.Staging; {
			case as == nil:
				fmt.Fprintf(stdout, "no staging folder at %s: not registered\n", o.cfg.Stage.Dir)
			case !as.New:
				fmt.Fprintln(stdout, "staging already knows this database: left as it is")
			default:
				fmt.Fprintf(stdout, "staging: %d articles found in the graph as kg push writes them, %d left for kg push\n", as.Adopted, as.Pending)
			}
			return nil
		},
	}.print(stdout, o.json, false)
}
