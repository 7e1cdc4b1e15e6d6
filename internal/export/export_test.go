package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/graph"
)

// fakeSource serves the export's queries from an in-memory graph and
// counts the rows of the biggest page.
type fakeSource struct {
	entities []map[string]any // each with "key"
	rels     [][3]string      // source key, type, target key
	maxRows  int
	queries  int
}

func (f *fakeSource) Query(_ context.Context, cypher string, p map[string]any, readOnly bool) (*graph.Result, error) {
	f.queries++
	if !readOnly {
		panic("export must only read")
	}
	res := &graph.Result{}
	switch cypher {
	case cyEntityKeys:
		res.Rows = [][]any{{"key", []any{"STRING NOT NULL"}}, {"name", []any{"STRING NOT NULL"}}, {"n", []any{"INTEGER NOT NULL", "FLOAT NOT NULL"}}, {"aliases", []any{"LIST<STRING NOT NULL> NOT NULL"}}}
	case cyRelKeys:
		res.Rows = [][]any{{"count", []any{"INTEGER NOT NULL"}}, {"ok", []any{"BOOLEAN NOT NULL"}}, {"mixed", []any{"INTEGER NOT NULL", "STRING NOT NULL"}}}
	case cyEntities, cyRelations:
		after, page := p["after"].(string), int(p["page"].(int64))
		var keys []string
		for _, e := range f.entities {
			if k := e["key"].(string); k > after {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		if len(keys) > page {
			keys = keys[:page]
		}
		for _, k := range keys {
			if cypher == cyEntities {
				for _, e := range f.entities {
					if e["key"] == k {
						res.Rows = append(res.Rows, []any{k, []string{"Entity", "Person"}, e})
					}
				}
				continue
			}
			n := 0
			for _, r := range f.rels {
				if r[0] == k {
					n++
					res.Rows = append(res.Rows, []any{k, r[1], r[2], map[string]any{"count": int64(1), "ok": true, "mixed": "x"}})
				}
			}
			if n == 0 {
				res.Rows = append(res.Rows, []any{k, nil, nil, nil})
			}
		}
	default:
		panic("unexpected query " + cypher)
	}
	if _, paged := p["page"]; paged {
		f.maxRows = max(f.maxRows, len(res.Rows))
	}
	return res, nil
}

func fakeGraph() *fakeSource {
	f := &fakeSource{}
	for _, k := range []string{"e", "a", "c", "b", "d"} {
		f.entities = append(f.entities, map[string]any{"key": k, "name": "Name <" + k + "> & \"co\"", "n": int64(len(k)), "aliases": []any{k + "1", "عربي"}})
	}
	f.rels = [][3]string{{"a", "ADDRESSED", "c"}, {"a", "MET_WITH", "b"}, {"d", "VISITED", "a"}}
	return f
}

type gmlDoc struct {
	Keys  []gmlKey `xml:"key"`
	Graph struct {
		EdgeDefault string    `xml:"edgedefault,attr"`
		Nodes       []gmlElem `xml:"node"`
		Edges       []gmlElem `xml:"edge"`
	} `xml:"graph"`
}

type gmlKey struct {
	ID   string `xml:"id,attr"`
	For  string `xml:"for,attr"`
	Name string `xml:"attr.name,attr"`
	Type string `xml:"attr.type,attr"`
}

type gmlElem struct {
	ID     string `xml:"id,attr"`
	Source string `xml:"source,attr"`
	Target string `xml:"target,attr"`
	Data   []struct {
		Key   string `xml:"key,attr"`
		Value string `xml:",chardata"`
	} `xml:"data"`
}

// parseGraphML parses a document and checks that every data element
// refers to a declared key of the right kind.
func parseGraphML(t *testing.T, b []byte) (gmlDoc, map[string]gmlKey) {
	t.Helper()
	var doc gmlDoc
	if err := xml.Unmarshal(b, &doc); err != nil {
		t.Fatalf("GraphML does not parse: %v\n%s", err, b)
	}
	keys := map[string]gmlKey{}
	for _, k := range doc.Keys {
		if _, dup := keys[k.ID]; dup {
			t.Errorf("key %s declared twice", k.ID)
		}
		switch k.Type {
		case "string", "long", "double", "boolean":
		default:
			t.Errorf("key %s: attr.type %q", k.ID, k.Type)
		}
		keys[k.ID] = k
	}
	check := func(kind string, els []gmlElem) {
		for _, e := range els {
			for _, d := range e.Data {
				if k, ok := keys[d.Key]; !ok || k.For != kind {
					t.Errorf("%s %s: data key %s not declared for %s", kind, e.ID, d.Key, kind)
				}
			}
		}
	}
	check("node", doc.Graph.Nodes)
	check("edge", doc.Graph.Edges)
	return doc, keys
}

func data(e gmlElem, keys map[string]gmlKey, name string) string {
	for _, d := range e.Data {
		if keys[d.Key].Name == name {
			return d.Value
		}
	}
	return ""
}

func TestGraphGraphMLPaged(t *testing.T) {
	f := fakeGraph()
	var buf bytes.Buffer
	st, err := Graph(context.Background(), f, Options{PageSize: 2}, NewGraphML(&buf))
	if err != nil {
		t.Fatal(err)
	}
	if st.Nodes != 5 || st.Edges != 3 {
		t.Fatalf("stats %+v", st)
	}
	// Pages hold 2 entities: at most a's two edges and b's empty row.
	if f.maxRows > 3 {
		t.Errorf("a page held %d rows; page size 2", f.maxRows)
	}
	doc, keys := parseGraphML(t, buf.Bytes())
	if doc.Graph.EdgeDefault != "directed" || len(doc.Graph.Nodes) != 5 || len(doc.Graph.Edges) != 3 {
		t.Fatalf("doc: %+v", doc.Graph)
	}
	var ids []string
	for _, n := range doc.Graph.Nodes {
		ids = append(ids, n.ID)
	}
	if strings.Join(ids, ",") != "a,b,c,d,e" {
		t.Errorf("nodes in key order: %v", ids)
	}
	types := map[string]string{}
	for _, k := range keys {
		types[k.For+"."+k.Name] = k.Type
	}
	for k, want := range map[string]string{"node.label": "string", "node.type": "string", "node.n": "double", "node.aliases": "string",
		"edge.type": "string", "edge.count": "long", "edge.ok": "boolean", "edge.mixed": "string"} {
		if types[k] != want {
			t.Errorf("key %s type %q, want %q", k, types[k], want)
		}
	}
	a := doc.Graph.Nodes[0]
	if got := data(a, keys, "label"); got != `Name <a> & "co"` {
		t.Errorf("escaped label round trip: %q", got)
	}
	if got := data(a, keys, "aliases"); got != "a1 | عربي" {
		t.Errorf("list attribute: %q", got)
	}
	if got := data(a, keys, "type"); got != "Person" {
		t.Errorf("type: %q", got)
	}
	e := doc.Graph.Edges[0]
	if e.ID != "a|ADDRESSED|c" || e.Source != "a" || e.Target != "c" || data(e, keys, "label") != "ADDRESSED" {
		t.Errorf("edge %+v", e)
	}
}

func TestGraphJSONL(t *testing.T) {
	var buf bytes.Buffer
	if _, err := Graph(context.Background(), fakeGraph(), Options{PageSize: 3}, NewJSONL(&buf)); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 8 {
		t.Fatalf("%d lines", len(lines))
	}
	var node, edge map[string]any
	json.Unmarshal([]byte(lines[0]), &node)
	json.Unmarshal([]byte(lines[7]), &edge)
	if node["kind"] != "node" || node["id"] != "a" || node["properties"].(map[string]any)["name"] != `Name <a> & "co"` {
		t.Errorf("node line %s", lines[0])
	}
	if edge["kind"] != "edge" || edge["source"] != "d" || edge["target"] != "a" || edge["type"] != "VISITED" {
		t.Errorf("edge line %s", lines[7])
	}
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func TestGraphCSVDir(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	if _, err := Graph(context.Background(), fakeGraph(), Options{}, NewCSVDir(dir)); err != nil {
		t.Fatal(err)
	}
	nodes, edges := readCSV(t, filepath.Join(dir, "nodes.csv")), readCSV(t, filepath.Join(dir, "edges.csv"))
	if got := strings.Join(nodes[0], ","); got != "id,label,type,labels,aliases,key,n,name" {
		t.Errorf("nodes.csv header %s", got)
	}
	if got := strings.Join(edges[0], ","); got != "id,source,target,type,count,mixed,ok" {
		t.Errorf("edges.csv header %s", got)
	}
	if len(nodes) != 6 || len(edges) != 4 || nodes[1][0] != "a" || edges[1][1] != "a" {
		t.Errorf("nodes %v\nedges %v", nodes, edges)
	}
}

func TestColumnsAvoidFixedNames(t *testing.T) {
	got := columns([]Key{{Name: "id"}, {Name: "label"}, {Name: "prop_id"}, {Name: "x"}}, []string{"id", "label"})
	if strings.Join(got, ",") != "prop_id,prop_label,prop_prop_id,x" {
		t.Fatalf("columns = %v", got)
	}
}

func resultFixture() *graph.Result {
	putin := map[string]any{"_labels": []string{"Entity", "Person"}, "_id": "n1", "key": "wd:Q7747", "name": "Vladimir Putin", "mention_count": int64(3)}
	csto := map[string]any{"_labels": []string{"Entity", "Organization"}, "_id": "n2", "key": "org:csto", "name": "CSTO", "score": 0.5}
	art := map[string]any{"_labels": []string{"Article"}, "_id": "n3", "id": "fx-1", "title": "T"}
	rel := map[string]any{"_type": "ADDRESSED", "_id": "r1", "_start": "n1", "_end": "n2", "count": int64(2)}
	dangling := map[string]any{"_type": "MENTIONED_IN", "_id": "r2", "_start": "n9", "_end": "n3"}
	path := map[string]any{"_nodes": []any{csto, putin}, "_rels": []any{rel}}
	return &graph.Result{
		Keys: []string{"source", "relation", "target", "path", "extra", "n"},
		Rows: [][]any{
			{putin, rel, csto, path, []any{art, dangling}, int64(1)},
			{putin, nil, nil, nil, map[string]any{"k": "v"}, 2.5},
		},
	}
}

func TestText(t *testing.T) {
	r := resultFixture()
	for i, want := range []string{"Vladimir Putin", "ADDRESSED", "CSTO", "CSTO <-ADDRESSED- Vladimir Putin", "T | MENTIONED_IN", "1"} {
		if got := Text(r.Rows[0][i]); got != want {
			t.Errorf("Text(%s) = %q, want %q", r.Keys[i], got, want)
		}
	}
	for v, want := range map[any]string{nil: "", true: "true", 0.25: "0.25", int64(-2): "-2"} {
		if got := Text(v); got != want {
			t.Errorf("Text(%v) = %q", v, got)
		}
	}
	if got := Text(map[string]any{"b": 1, "a": "x"}); got != `{"a":"x","b":1}` {
		t.Errorf("map: %s", got)
	}
}

func TestResultGraph(t *testing.T) {
	var buf bytes.Buffer
	st, err := ResultGraph(resultFixture(), NewGraphML(&buf))
	if err != nil {
		t.Fatal(err)
	}
	// Putin, CSTO, the article and a bare node for the dangling end.
	if st.Nodes != 4 || st.Edges != 2 {
		t.Fatalf("stats %+v\n%s", st, buf.String())
	}
	doc, keys := parseGraphML(t, buf.Bytes())
	ids := map[string]bool{}
	for _, n := range doc.Graph.Nodes {
		ids[n.ID] = true
	}
	for _, id := range []string{"wd:Q7747", "org:csto", "article:fx-1", "n9"} {
		if !ids[id] {
			t.Errorf("no node %s in %v", id, ids)
		}
	}
	if e := doc.Graph.Edges[0]; e.Source != "wd:Q7747" || e.Target != "org:csto" || data(e, keys, "count") != "2" {
		t.Errorf("edge %+v", e)
	}
	if _, err := ResultGraph(&graph.Result{Keys: []string{"x"}, Rows: [][]any{{int64(1)}}}, NewGraphML(&bytes.Buffer{})); err != ErrNoGraph {
		t.Errorf("table result: %v", err)
	}
}

func TestResultCSVAndJSONL(t *testing.T) {
	var c, j bytes.Buffer
	if err := ResultCSV(resultFixture(), &c); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&c).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ",") != "source,relation,target,path,extra,n" || rows[1][0] != "Vladimir Putin" || rows[2][5] != "2.5" {
		t.Errorf("csv %v", rows)
	}
	if err := ResultJSONL(resultFixture(), &j); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(j.String()), "\n")
	var m map[string]any
	if len(lines) != 2 || json.Unmarshal([]byte(lines[1]), &m) != nil || m["n"] != 2.5 {
		t.Errorf("jsonl %v", lines)
	}
}
