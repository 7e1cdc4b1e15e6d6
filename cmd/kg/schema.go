package main

import (
	"context"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/config"
	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/schema"
)

type schemaOptions struct {
	cfg  *config.Config
	json bool
}

func newSchemaCommand(g *globalOptions) *cobra.Command {
	cmd := &cobra.Command{Use: "schema", Short: "Manage the Neo4j schema (constraints and indexes)"}
	apply := &cobra.Command{
		Use:   "apply",
		Short: "Apply schema/*.cypher to Neo4j (idempotent; records what it applied)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := g.loadConfig(cmd, neo4jFlags)
			if err != nil {
				return err
			}
			return runSchemaApply(cmd.Context(), schemaOptions{cfg: cfg, json: g.JSON}, g.stdout, g.stderr)
		},
	}
	addNeo4jFlags(apply)
	cmd.AddCommand(apply)
	return cmd
}

func runSchemaApply(ctx context.Context, o schemaOptions, stdout, stderr io.Writer) error {
	migs, err := graph.ReadMigrations(schema.Files)
	if err != nil {
		return err
	}
	c, err := openGraph(ctx, o.cfg, stderr)
	if err != nil {
		return err
	}
	defer c.Close(ctx)
	res, err := c.ApplySchema(ctx, migs)
	if err != nil {
		return err
	}
	return output{
		json: func() any { return res },
		text: func() error {
			for _, r := range res {
				fmt.Fprintf(stdout, "%-28s %s\n", r.Name, r.Status)
			}
			return nil
		},
	}.print(stdout, o.json, false)
}
