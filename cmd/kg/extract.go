package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/corpus"
	"github.com/kg-project/kg/internal/extract"
)

type extractOptions struct {
	paths  []string
	format string
	corpus corpus.Options
}

func newExtractCommand(g *globalOptions) *cobra.Command {
	var o extractOptions
	cmd := &cobra.Command{
		Use:   "extract PATH...",
		Short: "Extract entities and relations from articles and print them (no staging, no Neo4j)",
		Long: `Reads articles (.txt, .jsonl, .csv files or directory trees) and writes one
JSON object per article to stdout: doc, entities, relations (see
docs/extraction-output.md). Bad inputs are reported on stderr with file and line.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := g.loadConfig(cmd, nil)
			if err != nil {
				return err
			}
			o.paths = args
			o.corpus = corpusOptions(cfg)
			return runExtract(cmd.Context(), o, g.stdout, g.stderr)
		},
	}
	cmd.Flags().StringVar(&o.format, "format", "jsonl", "output format: jsonl")
	return cmd
}

func runExtract(ctx context.Context, o extractOptions, stdout, stderr io.Writer) error {
	if o.format != "jsonl" {
		return fmt.Errorf("unknown --format %q (want jsonl)", o.format)
	}
	ex := extract.NewPipeline()
	w := bufio.NewWriter(stdout)
	defer w.Flush()
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	bad, n := 0, 0
	var first string
	err := corpus.Walk(ctx, o.paths, o.corpus, func(it corpus.Item) error {
		if it.Err != nil {
			bad++
			if first == "" {
				first = it.Err.Error()
			}
			fmt.Fprintln(stderr, "kg: skipped "+it.Err.Error())
			return nil
		}
		x, err := ex.Extract(ctx, it.Article)
		if err != nil {
			return fmt.Errorf("%s: %w", it.Article.Source, err)
		}
		n++
		return enc.Encode(x)
	})
	if err != nil {
		return err
	}
	if bad > 0 {
		return fmt.Errorf("%d bad input(s) skipped, %d article(s) extracted; first: %s", bad, n, first)
	}
	return nil
}
