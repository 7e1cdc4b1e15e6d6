package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/config"
	cypherguard "github.com/kg-project/kg/internal/cypher"
	"github.com/kg-project/kg/internal/export"
	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/queries"
)

type queryOptions struct {
	cfg      *config.Config
	name     string   // saved query
	cypher   string   // -e
	params   []string // key=value or key:type=value
	list     bool
	write    bool
	json     bool
	csv      bool
	maxWidth int
}

func newQueryCommand(g *globalOptions) *cobra.Command {
	var o queryOptions
	cmd := &cobra.Command{
		Use:   "query [NAME] [--param key=value ...]",
		Short: "Run a saved query (queries/*.cypher) or ad-hoc Cypher and print the result",
		Long: `Run a saved query by name with typed, checked parameters, or ad-hoc Cypher
with -e. The result prints as an aligned table (nodes by name, relationships
by type, lists joined with " | "), as JSON with --json (an array of row
objects) or as CSV with --csv (a cell that starts with = + - @, a tab or a
carriage return gets a leading ' so that spreadsheets do not run it as a
formula; plain numbers stay as they are).

Parameters are --param key=value, repeated. A saved query declares each
parameter's type and default (kg query --list; the header of its file). For
-e, values that look like integers, numbers or true/false get those types;
force one with key:type=value (types: int, float, string, bool, date).

Ad-hoc Cypher runs in a read transaction unless --write is given. Without
--write, kg also refuses, before sending it, a statement that reaches beyond
the graph: LOAD CSV (the server would fetch the URL or read the file),
administration commands (SHOW ..., TERMINATE TRANSACTIONS, CREATE USER,
GRANT ...) and procedures or functions that administer the server or reach
outside the database (dbms.*, db.* other than the read-only ones such as
db.labels and db.index.fulltext.queryNodes, apoc.load.*, apoc.import.*,
apoc.export.*, apoc.cypher.*, apoc.periodic.*, apoc.bolt.* ...). Comments
and string literals do not count: RETURN 'LOAD CSV' is fine.`,
		Example: `  kg query --list
  kg query ego_network --param name=Putin --param depth=2
  kg query timeline --param name=بوتين --param from=2022-01-01 --csv
  kg query -e 'MATCH (e:Person) RETURN e.name, e.mention_count ORDER BY e.mention_count DESC LIMIT $n' --param n=10`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				o.name = args[0]
			}
			o.json = g.JSON
			if !o.list {
				cfg, err := g.loadConfig(cmd, neo4jFlags)
				if err != nil {
					return err
				}
				o.cfg = cfg
			}
			return runQuery(cmd.Context(), o, g.stdout, g.stderr)
		},
	}
	f := cmd.Flags()
	f.BoolVarP(&o.list, "list", "l", false, "list the saved queries with their parameters")
	f.StringVarP(&o.cypher, "execute", "e", "", "run this Cypher instead of a saved query")
	f.StringArrayVarP(&o.params, "param", "p", nil, "a query parameter, key=value or key:type=value (repeatable)")
	f.BoolVar(&o.write, "write", false, "allow -e Cypher to write, LOAD CSV, administration commands and procedures that reach outside the database (default: read-only)")
	f.BoolVar(&o.csv, "csv", false, "print CSV instead of a table (formula-like cells get a leading ')")
	f.IntVar(&o.maxWidth, "max-width", 60, "cut table cells longer than this many characters (0: never)")
	addNeo4jFlags(cmd)
	return cmd
}

// queryStatement resolves what to run: the Cypher, its typed parameters
// and, for a saved query, the query.
func queryStatement(o queryOptions) (string, map[string]any, *queries.Query, error) {
	raw, types, err := parseParamFlags(o.params)
	if err != nil {
		return "", nil, nil, err
	}
	if o.cypher != "" {
		if o.name != "" {
			return "", nil, nil, errors.New("give either a saved query NAME or -e CYPHER, not both")
		}
		params, err := adHocParams(raw, types)
		return o.cypher, params, nil, err
	}
	if o.name == "" {
		return "", nil, nil, errors.New("name a saved query (kg query --list shows them) or give -e CYPHER")
	}
	set, err := queries.Load(nil)
	if err != nil {
		return "", nil, nil, err
	}
	q, err := set.Get(o.name)
	if err != nil {
		return "", nil, nil, err
	}
	for k, t := range types {
		if p, ok := q.Param(k); ok && t != p.Type {
			return "", nil, nil, fmt.Errorf("query %s: parameter %s is %s, not %s", q.Name, k, p.TypeName(), t)
		}
	}
	params, err := q.Bind(raw)
	return q.Cypher, params, q, err
}

func runQuery(ctx context.Context, o queryOptions, stdout, stderr io.Writer) error {
	if o.list {
		set, err := queries.Load(nil)
		if err != nil {
			return err
		}
		return output{
			json: func() any { return queryList(set) },
			text: func() error { printQueryList(stdout, set); return nil },
		}.print(stdout, o.json, false)
	}
	if o.write && o.cypher == "" {
		return errors.New("--write only applies to -e CYPHER; saved queries are read-only")
	}
	if o.json && o.csv {
		return errors.New("--json and --csv exclude each other")
	}
	cypher, params, q, err := queryStatement(o)
	if err != nil {
		return err
	}
	if o.cypher != "" && !o.write {
		if err := cypherguard.CheckReadOnly(cypher); err != nil {
			return fmt.Errorf("-e: refused: %w; ad-hoc Cypher is read-only, --write allows it", err)
		}
	}
	c, err := openGraph(ctx, o.cfg, stderr)
	if err != nil {
		return err
	}
	defer c.Close(ctx)
	if q != nil {
		if err := lookupEntityParams(ctx, c, q, params, stderr); err != nil {
			return err
		}
	}
	res, err := c.Query(ctx, cypher, params, !o.write)
	if err != nil {
		return explainQueryError(err, q)
	}
	return output{
		json: func() any {
			rows := make([]map[string]any, len(res.Rows))
			for i, r := range res.Rows {
				rows[i] = export.RowObject(res.Keys, r)
			}
			return rows
		},
		csv:  func() error { return export.ResultCSV(res, stdout) },
		text: func() error { printTable(stdout, res, o.maxWidth); return nil },
	}.print(stdout, o.json, o.csv)
}

// lookupEntityParams replaces the value of every entity parameter of q by
// the key of the entity it means (queries.LookupCypher: the key itself, else
// the best-supported entity whose name or alias holds it) and, when
// several entities match, says on stderr which was picked and lists the
// others. A value that matches nothing is left as it is (the query then
// finds nothing).
func lookupEntityParams(ctx context.Context, c *graph.Client, q *queries.Query, params map[string]any, stderr io.Writer) error {
	const shown = 5
	for _, p := range q.Params {
		v, ok := params[p.Name].(string)
		if p.Type != queries.Entity || !ok || strings.TrimSpace(v) == "" {
			continue
		}
		res, err := c.Query(ctx, queries.LookupCypher, map[string]any{"name": v, "limit": int64(shown + 2)}, true)
		if err != nil {
			return fmt.Errorf("looking up %s=%q: %w", p.Name, v, err)
		}
		if len(res.Rows) == 0 {
			fmt.Fprintf(stderr, "kg: %s=%s: no entity has this key, name or alias\n", p.Name, v)
			continue
		}
		desc := func(row []any) string {
			return fmt.Sprintf("%v (%v, %v, %v articles, %v mentions)", row[1], row[0], row[2], row[3], row[4])
		}
		best := res.Rows[0]
		params[p.Name] = best[0]
		if len(res.Rows) == 1 {
			continue
		}
		var others []string
		for i, row := range res.Rows[1:] {
			if i == shown {
				others = append(others, "…")
				break
			}
			others = append(others, desc(row))
		}
		fmt.Fprintf(stderr, "kg: %s=%s: using %s; also matched: %s\n", p.Name, v, desc(best), strings.Join(others, "; "))
	}
	return nil
}

// explainQueryError adds what to do to common server errors.
func explainQueryError(err error, q *queries.Query) error {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "AccessMode") || strings.Contains(msg, "read access mode") || strings.Contains(msg, "in read access"):
		return fmt.Errorf("%w\n(the statement writes; ad-hoc Cypher is read-only unless you add --write)", err)
	case strings.Contains(strings.ToLower(msg), "apoc") && (strings.Contains(msg, "no procedure") || strings.Contains(msg, "Unknown function") || strings.Contains(msg, "ProcedureNotFound")):
		return fmt.Errorf("%w\n(this query needs the APOC core plugin on the server; kg doctor checks for it)", err)
	}
	if q != nil {
		return fmt.Errorf("query %s: %w", q.Name, err)
	}
	return err
}

// parseParamFlags splits key=value and key:type=value flags.
func parseParamFlags(flags []string) (map[string]string, map[string]queries.Type, error) {
	raw, types := map[string]string{}, map[string]queries.Type{}
	for _, f := range flags {
		k, v, ok := strings.Cut(f, "=")
		if !ok || k == "" {
			return nil, nil, fmt.Errorf("--param %q: want key=value", f)
		}
		if name, t, typed := strings.Cut(k, ":"); typed {
			switch queries.Type(t) {
			case queries.Int, queries.Float, queries.String, queries.Bool, queries.Date:
			default:
				return nil, nil, fmt.Errorf("--param %q: unknown type %q (int, float, string, bool, date)", f, t)
			}
			k = name
			types[k] = queries.Type(t)
		}
		if _, dup := raw[k]; dup {
			return nil, nil, fmt.Errorf("--param %s given twice", k)
		}
		raw[k] = v
	}
	return raw, types, nil
}

// adHocParams types -e parameters: the explicit type, else int, float or
// bool when the text is one, else string.
func adHocParams(raw map[string]string, types map[string]queries.Type) (map[string]any, error) {
	out := map[string]any{}
	for k, v := range raw {
		t, ok := types[k]
		if !ok {
			t = queries.String
			if _, err := strconv.ParseInt(v, 10, 64); err == nil {
				t = queries.Int
			} else if _, err := strconv.ParseFloat(v, 64); err == nil && strings.ContainsAny(v, "0123456789") {
				t = queries.Float
			} else if v == "true" || v == "false" {
				t = queries.Bool
			}
		}
		x, err := queries.Convert(queries.Param{Name: k, Type: t}, v)
		if err != nil {
			return nil, fmt.Errorf("--param %s: %v", k, err)
		}
		out[k] = x
	}
	return out, nil
}

type queryInfo struct {
	Name        string      `json:"name"`
	Description string      `json:"description"`
	Params      []paramInfo `json:"params"`
	Examples    []string    `json:"examples,omitempty"`
	Requires    []string    `json:"requires,omitempty"`
	File        string      `json:"file"`
}

type paramInfo struct {
	Name        string `json:"name"`
	Type        string `json:"type"`
	Default     any    `json:"default"`
	Required    bool   `json:"required,omitempty"`
	Description string `json:"description"`
}

func queryList(set *queries.Set) []queryInfo {
	var out []queryInfo
	for _, q := range set.All() {
		qi := queryInfo{Name: q.Name, Description: q.Description, Examples: q.Examples, Requires: q.Requires, File: "queries/" + q.File, Params: []paramInfo{}}
		for _, p := range q.Params {
			qi.Params = append(qi.Params, paramInfo{Name: p.Name, Type: p.TypeName(), Default: p.Default, Required: p.Required, Description: p.Description})
		}
		out = append(out, qi)
	}
	return out
}

func printQueryList(w io.Writer, set *queries.Set) {
	for i, q := range set.All() {
		if i > 0 {
			fmt.Fprintln(w)
		}
		req := ""
		if len(q.Requires) > 0 {
			req = "  [needs " + strings.Join(q.Requires, ", ") + "]"
		}
		fmt.Fprintf(w, "%s%s\n  %s\n", q.Name, req, q.Description)
		var rows [][]string
		for _, p := range q.Params {
			rows = append(rows, []string{"--param " + p.Name + "=", p.TypeName(), "default " + p.DefaultText(), p.Description})
		}
		for _, line := range alignRows(rows, 0) {
			fmt.Fprintln(w, "    "+line)
		}
		for _, e := range q.Examples {
			fmt.Fprintf(w, "  e.g. %s\n", e)
		}
	}
}

// printTable prints a result as an aligned table with a row count.
func printTable(w io.Writer, res *graph.Result, maxWidth int) {
	rows := [][]string{res.Keys}
	for _, r := range res.Rows {
		cells := make([]string, len(r))
		for i, v := range r {
			cells[i] = cell(export.Text(v), maxWidth)
		}
		rows = append(rows, cells)
	}
	lines := alignRows(rows, 1)
	for _, l := range lines {
		fmt.Fprintln(w, l)
	}
	n := len(res.Rows)
	fmt.Fprintf(w, "(%d row%s)\n", n, map[bool]string{true: "", false: "s"}[n == 1])
}

// cell puts a value on one line and cuts it to max display columns.
func cell(s string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	if max > 0 && width(s) > max {
		var b strings.Builder
		n := 0
		for _, r := range s {
			w := runeWidth(r)
			if n+w > max-1 {
				break
			}
			b.WriteRune(r)
			n += w
		}
		return b.String() + "…"
	}
	return s
}

// alignRows pads columns to equal width; with header > 0, a rule line
// follows the first row.
func alignRows(rows [][]string, header int) []string {
	var widths []int
	for _, r := range rows {
		for i, c := range r {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], width(c))
		}
	}
	var out []string
	for ri, r := range rows {
		var b strings.Builder
		for i, c := range r {
			b.WriteString(c)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-width(c)+2))
			}
		}
		out = append(out, strings.TrimRight(b.String(), " "))
		if header > 0 && ri == 0 {
			var rule []string
			for _, wd := range widths {
				rule = append(rule, strings.Repeat("-", wd))
			}
			out = append(out, strings.Join(rule, "  "))
		}
	}
	return out
}

// width is the display width: combining marks (Arabic harakat, accents)
// take no column, East Asian wide runes two.
func width(s string) int {
	if !utf8.ValidString(s) {
		return len(s)
	}
	n := 0
	for _, r := range s {
		n += runeWidth(r)
	}
	return n
}

func runeWidth(r rune) int {
	switch {
	case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) || unicode.Is(unicode.Cf, r):
		return 0
	case unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hangul, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r):
		return 2
	}
	return 1
}
