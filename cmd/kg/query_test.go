package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kg-project/kg/deploy/neo4j/browser"
	"github.com/kg-project/kg/internal/config"
	"github.com/kg-project/kg/internal/testneo4j"
	"github.com/kg-project/kg/queries"
	"github.com/kg-project/kg/queries/querytest"
)

func TestParseParamFlags(t *testing.T) {
	for _, tc := range []struct {
		in    []string
		raw   map[string]string
		types map[string]queries.Type
		err   string
	}{
		{[]string{"name=Putin", "q=a=b", "e="}, map[string]string{"name": "Putin", "q": "a=b", "e": ""}, map[string]queries.Type{}, ""},
		{[]string{"n:int=5", "s:string=2022"}, map[string]string{"n": "5", "s": "2022"}, map[string]queries.Type{"n": queries.Int, "s": queries.String}, ""},
		{[]string{"novalue"}, nil, nil, "want key=value"},
		{[]string{"=x"}, nil, nil, "want key=value"},
		{[]string{"n:long=5"}, nil, nil, "unknown type"},
		{[]string{"a=1", "a=2"}, nil, nil, "given twice"},
	} {
		raw, types, err := parseParamFlags(tc.in)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%v: err %v, want %q", tc.in, err, tc.err)
			}
			continue
		}
		if err != nil || len(raw) != len(tc.raw) || len(types) != len(tc.types) {
			t.Errorf("%v: %v %v %v", tc.in, raw, types, err)
			continue
		}
		for k, v := range tc.raw {
			if raw[k] != v {
				t.Errorf("%v: %s=%q", tc.in, k, raw[k])
			}
		}
		for k, v := range tc.types {
			if types[k] != v {
				t.Errorf("%v: type of %s = %s", tc.in, k, types[k])
			}
		}
	}
}

func TestAdHocParams(t *testing.T) {
	raw, types, _ := parseParamFlags([]string{"i=42", "f=1.5", "b=true", "s=Putin", "y:string=2022", "d:date=2022-01-02", "inf=Inf", "e=1e3"})
	got, err := adHocParams(raw, types)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"i": int64(42), "f": 1.5, "b": true, "s": "Putin", "y": "2022", "d": "2022-01-02", "inf": "Inf", "e": 1000.0}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %#v, want %#v", k, got[k], v)
		}
	}
	raw, types, _ = parseParamFlags([]string{"d:date=yesterday"})
	if _, err := adHocParams(raw, types); err == nil || !strings.Contains(err.Error(), "--param d") {
		t.Errorf("bad date: %v", err)
	}
}

func TestQueryStatementErrors(t *testing.T) {
	for _, tc := range []struct {
		o    queryOptions
		want string
	}{
		{queryOptions{}, "name a saved query"},
		{queryOptions{name: "ego_network", cypher: "RETURN 1"}, "not both"},
		{queryOptions{name: "ego_netwrk"}, "available: co_mention_pairs"},
		{queryOptions{name: "ego_network", params: []string{"hops=2"}}, `no parameter "hops"; valid: name, depth, limit`},
		{queryOptions{name: "ego_network", params: []string{"depth=two"}}, "parameter depth (int)"},
		{queryOptions{name: "ego_network", params: []string{"depth:string=2"}}, "depth is int, not string"},
		{queryOptions{name: "relations_by_type", params: []string{"type=LIKES"}}, "not a relation type"},
	} {
		if _, _, _, err := queryStatement(tc.o); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: err %v, want %q", tc.o, err, tc.want)
		}
	}
	// Errors come before any connection: no config is needed to see them.
	err := runQuery(context.Background(), queryOptions{name: "nope"}, &bytes.Buffer{}, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "no saved query") {
		t.Fatal(err)
	}
}

func TestQueryList(t *testing.T) {
	var out bytes.Buffer
	if err := runQuery(context.Background(), queryOptions{list: true}, &out, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"ego_network\n", "key_players  [needs apoc]", "--param name=", `default "Vladimir Putin"`, "e.g. kg query ego_network"} {
		if !strings.Contains(out.String(), s) {
			t.Errorf("--list lacks %q:\n%s", s, out.String())
		}
	}
	out.Reset()
	if err := runQuery(context.Background(), queryOptions{list: true, json: true}, &out, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	var list []queryInfo
	if err := json.Unmarshal(out.Bytes(), &list); err != nil || len(list) < 10 {
		t.Fatalf("--list --json: %v %s", err, out.String())
	}
}

func TestTableFormatting(t *testing.T) {
	if got := cell("a\n  b\tc", 0); got != "a b c" {
		t.Errorf("cell one line: %q", got)
	}
	if got := cell("abcdefghij", 5); got != "abcd…" {
		t.Errorf("cell cut: %q", got)
	}
	if w := width("مُحَمَّد"); w != 4 { // harakat take no column
		t.Errorf("width of vocalised Arabic = %d", w)
	}
	lines := alignRows([][]string{{"a", "bb"}, {"ccc", "d"}}, 1)
	if strings.Join(lines, "\n") != "a    bb\n---  --\nccc  d" {
		t.Errorf("alignRows:\n%s", strings.Join(lines, "\n"))
	}
}

func TestBrowserURL(t *testing.T) {
	t.Setenv("KG_NEO4J_HTTP_PORT", "")
	for _, tc := range []struct {
		uri  string
		port int
		want string
	}{
		{"bolt://127.0.0.1:7687", 0, "http://127.0.0.1:7474/browser/"},
		{"neo4j://db.example.org:7687", 0, "http://db.example.org:7474/browser/"},
		{"bolt://127.0.0.1:7688", 7475, "http://127.0.0.1:7475/browser/"},
		{"bolt+s://db.example.org", 0, "https://db.example.org:7473/browser/"},
		{"bolt://[::1]:7687", 0, "http://[::1]:7474/browser/"},
		{"neo4j+s://abcd1234.databases.neo4j.io", 0, "https://browser.neo4j.io/?connectURL=neo4j%2Bs%3A%2F%2Fabcd1234.databases.neo4j.io"},
	} {
		got, err := browserURL(tc.uri, tc.port)
		if err != nil || got != tc.want {
			t.Errorf("browserURL(%q, %d) = %q, %v; want %q", tc.uri, tc.port, got, err, tc.want)
		}
	}
	if _, err := browserURL("not a uri", 0); err == nil {
		t.Error("bad URI accepted")
	}
}

func TestBrowserOutput(t *testing.T) {
	var out bytes.Buffer
	cfg := &config.Config{Neo4j: config.Neo4j{URI: "bolt://127.0.0.1:7687", User: "neo4j"}}
	if err := runBrowser(browserOptions{cfg: cfg, httpPort: 7474}, &out); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"http://127.0.0.1:7474/browser/", ":style", "kg.grass", "ego_network", "--print-style"} {
		if !strings.Contains(out.String(), s) {
			t.Errorf("kg browser lacks %q:\n%s", s, out.String())
		}
	}
	out.Reset()
	if err := runBrowser(browserOptions{cfg: cfg, printStyle: true}, &out); err != nil || out.String() != browser.Style {
		t.Fatalf("--print-style: %v", err)
	}
	out.Reset()
	if err := runBrowser(browserOptions{cfg: cfg, query: "ego_network", params: []string{"name=O'Neil"}}, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out.String(), `:params {depth: 1, limit: 200, name: 'O\'Neil'}`) || !strings.Contains(out.String(), "CALL db.index.fulltext.queryNodes") {
		t.Fatalf("--query:\n%s", out.String())
	}
}

func testConfig(t *testing.T) *config.Config {
	gc, _ := testneo4j.Config()
	return &config.Config{Neo4j: config.Neo4j{URI: gc.URI, User: gc.User, Password: gc.Password}, Load: config.LoadOpts{RetryTimeout: 30 * time.Second}}
}

// TestQueryAndExportCommands runs kg query and kg export (their run
// functions) against the real test Neo4j on the fixture graph.
func TestQueryAndExportCommands(t *testing.T) {
	c := testneo4j.Open(t)
	ctx := context.Background()
	if err := querytest.Load(ctx, c); err != nil {
		t.Fatal(err)
	}
	cfg := testConfig(t)
	query := func(o queryOptions) string {
		t.Helper()
		o.cfg = cfg
		var out, errb bytes.Buffer
		if err := runQuery(ctx, o, &out, &errb); err != nil {
			t.Fatalf("%+v: %v\n%s", o, err, errb.String())
		}
		return out.String()
	}

	table := query(queryOptions{name: "ego_network", params: []string{"name=بوتين"}, maxWidth: 60})
	lines := strings.Split(strings.TrimSpace(table), "\n")
	if !strings.HasPrefix(lines[0], "source") || !strings.HasPrefix(lines[1], "---") || lines[len(lines)-1] != "(8 rows)" ||
		strings.Join(strings.Fields(lines[2]), " ") != "Vladimir Putin ADDRESSED Collective Security Treaty Organization 2" {
		t.Errorf("table:\n%s", table)
	}

	var rows []map[string]any
	if err := json.Unmarshal([]byte(query(queryOptions{name: "timeline", params: []string{"name=Putin", "from=2022-01-11"}, json: true})), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 || rows[0]["date"] != "2022-01-12" || rows[0]["subject"].(map[string]any)["key"] != querytest.Putin {
		t.Errorf("json rows: %v", rows)
	}

	recs, err := csv.NewReader(strings.NewReader(query(queryOptions{name: "top_entities", csv: true}))).ReadAll()
	if err != nil || strings.Join(recs[0], ",") != "entity,type,neighbours,relations,statements,articles,relation_types" || len(recs) != 7 {
		t.Errorf("csv: %v %v", recs, err)
	}

	adhoc := query(queryOptions{cypher: "MATCH (e:Entity) WHERE e.mention_count >= $n RETURN e.name AS name ORDER BY name", params: []string{"n=5"}, maxWidth: 60})
	if !strings.Contains(adhoc, "Kazakhstan") || !strings.Contains(adhoc, "(2 rows)") {
		t.Errorf("ad hoc:\n%s", adhoc)
	}
	err = runQuery(ctx, queryOptions{cfg: cfg, cypher: "CREATE (:Scratch)"}, &bytes.Buffer{}, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "--write") {
		t.Errorf("write in read-only mode: %v", err)
	}
	query(queryOptions{cypher: "CREATE (:Scratch {v: $v})", params: []string{"v=1"}, write: true})
	if out := query(queryOptions{cypher: "MATCH (s:Scratch) DETACH DELETE s RETURN count(*) AS n", write: true}); !strings.Contains(out, "1") {
		t.Errorf("--write: %s", out)
	}

	// Exports.
	dir := t.TempDir()
	export := func(o exportOptions) {
		t.Helper()
		o.cfg = cfg
		if err := runExport(ctx, o, &bytes.Buffer{}, &bytes.Buffer{}); err != nil {
			t.Fatalf("%+v: %v", o, err)
		}
	}
	gml := filepath.Join(dir, "kg.graphml")
	export(exportOptions{format: "graphml", out: gml, withArticles: true, pageSize: 2})
	b, err := os.ReadFile(gml)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Nodes []struct{} `xml:"graph>node"`
		Edges []struct{} `xml:"graph>edge"`
	}
	if err := xml.Unmarshal(b, &doc); err != nil || len(doc.Nodes) != 9 || len(doc.Edges) != 9+13 {
		t.Errorf("graphml: %v, %d nodes, %d edges", err, len(doc.Nodes), len(doc.Edges))
	}
	export(exportOptions{format: "csv", out: filepath.Join(dir, "csv")})
	for _, f := range []string{"nodes.csv", "edges.csv"} {
		if b, err := os.ReadFile(filepath.Join(dir, "csv", f)); err != nil || !strings.HasPrefix(string(b), "id,") {
			t.Errorf("%s: %v %.40q", f, err, b)
		}
	}
	qcsv := filepath.Join(dir, "timeline.csv")
	export(exportOptions{format: "csv", query: "timeline", params: []string{"name=Putin"}, out: qcsv})
	if b, _ := os.ReadFile(qcsv); !strings.HasPrefix(string(b), "date,subject,relation,object,modality,sentence,article,title\n") || strings.Count(string(b), "\n") != 6 {
		t.Errorf("query csv:\n%s", b)
	}
	qgml := filepath.Join(dir, "ego.graphml")
	export(exportOptions{format: "graphml", query: "ego_network", params: []string{"name=Putin"}, out: qgml})
	doc.Nodes, doc.Edges = nil, nil
	if b, _ := os.ReadFile(qgml); xml.Unmarshal(b, &doc) != nil || len(doc.Nodes) != 5 || len(doc.Edges) != 8 {
		t.Errorf("query graphml: %d nodes %d edges", len(doc.Nodes), len(doc.Edges))
	}
	for _, o := range []exportOptions{
		{format: "xml"},
		{format: "csv"},
		{format: "graphml", params: []string{"a=b"}},
		{format: "graphml", query: "top_entities", withArticles: true},
	} {
		o.cfg = cfg
		if err := runExport(ctx, o, &bytes.Buffer{}, &bytes.Buffer{}); err == nil {
			t.Errorf("%+v: no error", o)
		}
	}
}
