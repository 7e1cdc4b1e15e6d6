package export

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"

	"github.com/kg-project/kg/internal/testneo4j"
	"github.com/kg-project/kg/queries/querytest"
)

// TestGraphAgainstNeo4j exports the fixture graph from the real test Neo4j
// in every format, with small pages, and checks the counts against Cypher.
func TestGraphAgainstNeo4j(t *testing.T) {
	c := testneo4j.Open(t)
	ctx := context.Background()
	if err := querytest.Load(ctx, c); err != nil {
		t.Fatal(err)
	}
	count := func(cypher string) int {
		r, err := c.Query(ctx, cypher, nil, true)
		if err != nil {
			t.Fatal(err)
		}
		return int(r.Rows[0][0].(int64))
	}
	ents, rels := count("MATCH (e:Entity) RETURN count(e)"), count("MATCH (:Entity)-[r]->(:Entity) RETURN count(r)")
	arts, ments := count("MATCH (a:Article) RETURN count(a)"), count("MATCH (:Entity)-[r:MENTIONED_IN]->(:Article) RETURN count(r)")
	if ents != 6 || rels != 9 || arts != 3 {
		t.Fatalf("fixture: %d entities, %d relations, %d articles", ents, rels, arts)
	}

	var buf bytes.Buffer
	st, err := Graph(ctx, c, Options{PageSize: 2}, NewGraphML(&buf))
	if err != nil {
		t.Fatal(err)
	}
	doc, keys := parseGraphML(t, buf.Bytes())
	if st.Nodes != ents || st.Edges != rels || len(doc.Graph.Nodes) != ents || len(doc.Graph.Edges) != rels {
		t.Fatalf("graphml: stats %+v, %d nodes, %d edges", st, len(doc.Graph.Nodes), len(doc.Graph.Edges))
	}
	found := false
	for _, e := range doc.Graph.Edges {
		if e.Source == querytest.Putin && e.Target == querytest.CSTO && data(e, keys, "type") == "ADDRESSED" && data(e, keys, "count") == "2" {
			found = true
		}
	}
	if !found {
		t.Error("no Putin -ADDRESSED {count: 2}-> CSTO edge")
	}

	buf.Reset()
	st, err = Graph(ctx, c, Options{PageSize: 2, WithArticles: true}, NewGraphML(&buf))
	if err != nil {
		t.Fatal(err)
	}
	parseGraphML(t, buf.Bytes())
	if st.Nodes != ents+arts || st.Edges != rels+ments {
		t.Fatalf("with articles: %+v", st)
	}

	dir := t.TempDir()
	if _, err := Graph(ctx, c, Options{WithArticles: true}, NewCSVDir(dir)); err != nil {
		t.Fatal(err)
	}
	nodes, edges := readCSV(t, filepath.Join(dir, "nodes.csv")), readCSV(t, filepath.Join(dir, "edges.csv"))
	if len(nodes) != 1+ents+arts || len(edges) != 1+rels+ments || nodes[0][0] != "id" || edges[0][1] != "source" {
		t.Fatalf("csv: %d nodes rows, %d edges rows, headers %v / %v", len(nodes), len(edges), nodes[0], edges[0])
	}
}
