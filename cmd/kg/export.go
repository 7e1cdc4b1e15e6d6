package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/config"
	"github.com/kg-project/kg/internal/export"
	"github.com/kg-project/kg/internal/loader"
	"github.com/kg-project/kg/queries"
)

type exportOptions struct {
	cfg          *config.Config
	format       string
	out          string
	query        string
	params       []string
	withArticles bool
	pageSize     int
	json         bool
	progress     io.Writer // summary line; nil = none
}

func newExportCommand(g *globalOptions) *cobra.Command {
	var o exportOptions
	cmd := &cobra.Command{
		Use:   "export --format graphml|jsonl|csv|neo4j-admin [--out] [PATH]",
		Short: "Export the graph, or a saved query's result, as GraphML, JSON Lines or CSV; or staging for neo4j-admin import",
		Long: `Export the entities and the typed relations between them, with all their
properties (add --with-articles for the articles and MENTIONED_IN edges), or
the result of a saved query (--query NAME --param key=value ...).

The whole-graph export streams page by page in key order, so it runs in
bounded memory on any size of graph.

  graphml  one GraphML document with typed attribute keys (Gephi, NetworkX, yEd)
  jsonl    one JSON object per node or edge per line; for --query, one per row
  csv      a directory with nodes.csv and edges.csv (--out DIR required);
           for --query, one table
  neo4j-admin
           a directory of CSV files for neo4j-admin database import full,
           written from staging (not from Neo4j): the graph kg push would
           build in an empty database. See below.

Without --out, or with --out -, graphml, jsonl and a --query csv go to
stdout. A summary goes to stderr.

--out writes regular files only: it never replaces a device, FIFO, socket or
symbolic link, and does not create missing parent directories (csv creates
DIR itself when its parent exists). The export is written to a temporary
file beside the target and renamed over it at the end, so a failed export
leaves what was there before.

CSV cells that start with = + - @, a tab or a carriage return get a leading
single quote (OWASP's advice against CSV injection), so that a spreadsheet
shows them as text instead of running them as formulas; plain numbers such as
-3 stay as they are. kg query --csv does the same.

neo4j-admin: for big first loads into an empty database (make import runs
the whole sequence on the local Neo4j). kg load --stage-only, then
  kg export --format neo4j-admin DIR
writes articles.csv, entities.csv, evidence.csv (nodes), mentioned_in.csv,
in_article.csv, relations.csv (relationships), each with its header line,
and neo4j-admin.args, the options and files for
  neo4j-admin database import full neo4j --overwrite-destination @DIR/neo4j-admin.args
with the database stopped. Start it again and run kg finish-import: it
applies kg's schema (constraints and indexes are not created by the import),
sets the empty lists CSV cannot carry and tells staging what the database
holds. Values are written exactly (in
quotes, no spreadsheet quoting); entity and relation aggregates (counts,
aliases, first and last seen...) are computed as kg push computes them, with
the same entity resolution. Memory grows with the number of distinct
entities and relation triples, not with articles.`,
		Example: `  kg export --format graphml --out kg.graphml
  kg export --format csv --out export/ --with-articles
  kg export --format jsonl | gzip > kg.jsonl.gz
  kg export --format graphml --query ego_network --param name=Putin --param depth=2 --out putin.graphml
  kg export --format csv --query timeline --param name=Putin --out putin.csv
  kg export --format neo4j-admin .kg/import`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				if o.out != "" {
					return errors.New("give the output either as PATH or with --out, not both")
				}
				o.out = args[0]
			}
			cfg, err := g.loadConfig(cmd, merge(neo4jFlags, stageFlags, extractorFlags))
			if err != nil {
				return err
			}
			o.cfg, o.json, o.progress = cfg, g.JSON, g.progressOut()
			return runExport(cmd.Context(), o, g.stdout, g.stderr)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.format, "format", "f", "graphml", "graphml, jsonl, csv or neo4j-admin")
	f.StringVarP(&o.out, "out", "o", "", "output file, a regular file or new (csv: a directory); - or none: stdout")
	f.StringVar(&o.query, "query", "", "export this saved query's result instead of the whole graph")
	f.StringArrayVarP(&o.params, "param", "p", nil, "a parameter of --query, key=value (repeatable)")
	f.BoolVar(&o.withArticles, "with-articles", false, "whole graph: also the :Article nodes and MENTIONED_IN edges")
	f.IntVar(&o.pageSize, "page-size", 1000, "whole graph: nodes (or source entities) read per query")
	addNeo4jFlags(cmd)
	addStageFlags(cmd)
	addExtractorFlags(cmd)
	return cmd
}

// runExportAdmin writes staging as neo4j-admin import files.
func runExportAdmin(ctx context.Context, o exportOptions, stdout io.Writer) error {
	switch {
	case o.query != "":
		return errors.New("--format neo4j-admin exports the whole graph from staging, not a --query")
	case toStdout(o.out):
		return errors.New("--format neo4j-admin writes CSV files into a directory: give it as PATH or with --out DIR")
	}
	if err := export.NewCSVDir(o.out).Check(); err != nil {
		return fmt.Errorf("--out: %w", err)
	}
	st, err := openStage(o.cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := wholeCorpus(st, "kg export --format neo4j-admin"); err != nil {
		return err
	}
	version, err := extractorVersion(o.cfg)
	if err != nil {
		return err
	}
	items, err := loader.NewItems(ctx, st, version, o.progress)
	if err != nil {
		return err
	}
	start := time.Now()
	as, err := export.Neo4jAdmin(ctx, items, o.out)
	if err != nil {
		return fmt.Errorf("export to %s: %w", o.out, err)
	}
	sum := adminSummary{Format: o.format, Out: o.out, AdminStats: as, Seconds: time.Since(start).Seconds()}
	return output{
		json: func() any { return sum },
		text: func() error {
			fmt.Fprintf(stdout, "exported %d articles, %d entities, %d relations, %d evidence, %d mentions to %s in %.1f s",
				as.Articles, as.Entities, as.Relations, as.Evidence, as.Mentions, o.out, sum.Seconds)
			if as.CoMentionsLeft {
				fmt.Fprintf(stdout, "; more pairs of entities than %d: their co-mention counts are left to kg finish-import", export.MaxPairs)
			}
			if as.Skipped > 0 {
				fmt.Fprintf(stdout, "; %d staged articles have no extraction of this extractor and were left out (kg load extracts them)", as.Skipped)
				if others := otherSettings(version, st); len(others) > 0 {
					fmt.Fprintf(stdout, "; staging holds extractions of the same rules with another home country (%s): give its --home-country (extract.home_country) to export those", strings.Join(others, ", "))
				}
			}
			fmt.Fprintf(stdout, "\nimport with the database stopped:\n  neo4j-admin database import full neo4j --overwrite-destination @%s\nthen start it and run: kg finish-import\n",
				filepath.Join(o.out, export.AdminArgsFile))
			return nil
		},
	}.print(stdout, o.json, false)
}

type adminSummary struct {
	Format string `json:"format"`
	Out    string `json:"out"`
	export.AdminStats
	Seconds float64 `json:"seconds"`
}

type exportSummary struct {
	Format string `json:"format"`
	Out    string `json:"out"`
	Query  string `json:"query,omitempty"`
	Rows   int    `json:"rows,omitempty"`
	export.Stats
}

func runExport(ctx context.Context, o exportOptions, stdout, stderr io.Writer) error {
	switch o.format {
	case "graphml", "jsonl", "csv":
	case "neo4j-admin":
		return runExportAdmin(ctx, o, stdout)
	default:
		return fmt.Errorf("--format %q: use graphml, jsonl, csv or neo4j-admin", o.format)
	}
	if o.query == "" && len(o.params) > 0 {
		return errors.New("--param needs --query NAME")
	}
	if o.query != "" && o.withArticles {
		return errors.New("--with-articles applies to the whole-graph export, not to --query")
	}
	if o.format == "csv" && o.query == "" && toStdout(o.out) {
		return errors.New("--format csv writes nodes.csv and edges.csv: give the directory with --out DIR")
	}
	// Check the destination before asking Neo4j anything.
	if !toStdout(o.out) {
		var err error
		if o.format == "csv" && o.query == "" {
			err = export.NewCSVDir(o.out).Check()
		} else {
			err = export.CheckFile(o.out)
		}
		if err != nil {
			return fmt.Errorf("--out: %w", err)
		}
	}
	var cypher string
	var params map[string]any
	var q *queries.Query
	if o.query != "" {
		var err error
		cypher, params, q, err = queryStatement(queryOptions{name: o.query, params: o.params})
		if err != nil {
			return err
		}
	}
	c, err := openGraph(ctx, o.cfg, stderr)
	if err != nil {
		return err
	}
	defer c.Close(ctx)
	if n, err := c.Unsettled(ctx); err == nil && n > 0 {
		fmt.Fprintf(stderr, "kg: warning: %d entities were written by a push that stopped before its end: their aggregates and relation edges may be stale (and they carry the label KgDirty); run kg push first\n", n)
	}
	if q != nil {
		if err := lookupEntityParams(ctx, c, q, params, stderr); err != nil {
			return err
		}
	}

	sum := exportSummary{Format: o.format, Out: o.out, Query: o.query}
	if toStdout(o.out) {
		sum.Out = "-"
	}
	if o.query != "" {
		res, err := c.Query(ctx, cypher, params, true)
		if err != nil {
			return fmt.Errorf("query %s: %w", o.query, err)
		}
		sum.Rows = len(res.Rows)
		err = toOutput(o.out, stdout, func(w io.Writer) error {
			switch o.format {
			case "csv":
				return export.ResultCSV(res, w)
			case "jsonl":
				return export.ResultJSONL(res, w)
			}
			st, err := export.ResultGraph(res, export.NewGraphML(w))
			sum.Stats = st
			return err
		})
		if err != nil {
			return err
		}
	} else if o.format == "csv" {
		st, err := export.Graph(ctx, c, export.Options{WithArticles: o.withArticles, PageSize: o.pageSize}, export.NewCSVDir(o.out))
		if err != nil {
			return fmt.Errorf("export to %s: %w", o.out, err)
		}
		sum.Stats = st
	} else {
		err := toOutput(o.out, stdout, func(w io.Writer) error {
			var ew export.Writer = export.NewGraphML(w)
			if o.format == "jsonl" {
				ew = export.NewJSONL(w)
			}
			st, err := export.Graph(ctx, c, export.Options{WithArticles: o.withArticles, PageSize: o.pageSize}, ew)
			sum.Stats = st
			return err
		})
		if err != nil {
			return err
		}
	}
	return reportExport(o, sum, stdout)
}

// reportExport prints the summary: as JSON on stdout with --json, unless
// the export itself went to stdout; else as a line of progress.
func reportExport(o exportOptions, sum exportSummary, stdout io.Writer) error {
	return output{
		json: func() any { return sum },
		text: func() error {
			if o.progress == nil {
				return nil
			}
			what := fmt.Sprintf("%d nodes, %d edges", sum.Nodes, sum.Edges)
			if o.query != "" && o.format != "graphml" {
				what = fmt.Sprintf("%d rows of %s", sum.Rows, o.query)
			}
			dest := o.out
			if toStdout(dest) {
				dest = "stdout"
			}
			fmt.Fprintf(o.progress, "kg: exported %s as %s to %s\n", what, o.format, dest)
			return nil
		},
	}.print(stdout, o.json && !toStdout(o.out), false)
}

// toStdout reports whether --out means stdout: none, or "-".
func toStdout(out string) bool { return out == "" || out == "-" }

// toOutput runs write on stdout, or on an export.File that replaces path
// (a regular file, or a new one in an existing directory) only when write
// succeeds.
func toOutput(path string, stdout io.Writer, write func(io.Writer) error) error {
	if toStdout(path) {
		return write(stdout)
	}
	f, err := export.CreateFile(path)
	if err != nil {
		return fmt.Errorf("--out: %w", err)
	}
	defer f.Abort()
	if err := write(f); err != nil {
		return fmt.Errorf("export to %s: %w", path, err)
	}
	return f.Commit()
}
