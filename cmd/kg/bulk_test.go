package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/testneo4j"
)

// TestBulkImportEqualsPush loads a few articles with kg load (kg push's
// writer), dumps the graph, then exports the same staging with kg export
// --format neo4j-admin, imports it with neo4j-admin into the test server
// (KG_TEST_NEO4J_CTL import DIR: stop, neo4j-admin database import full,
// start), runs kg finish-import, and dumps again: the two dumps (every node
// with its labels and typed properties, every relationship with its type,
// typed properties and end keys, sorted) must be equal, the schema must be
// in place, and staging must know the database has every article (kg push
// then writes nothing). It needs KG_TEST_NEO4J_CTL (make test sets it for its
// own instance) and the neo4j-admin of that local install.
func TestBulkImportEqualsPush(t *testing.T) {
	if testing.Short() {
		t.Skip("integration test skipped in -short mode")
	}
	ctl := os.Getenv("KG_TEST_NEO4J_CTL")
	if ctl == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("CI=true but KG_TEST_NEO4J_CTL is not set")
		}
		t.Skip("KG_TEST_NEO4J_CTL not set: the bulk import needs a local Neo4j it can stop")
	}
	c := testneo4j.Open(t)
	st := t.TempDir()
	// The examples, and generated articles that repeat entities and
	// relation triples across articles (aggregates over several articles).
	runKG(t, st, "load", "-q", "--batch-size", "3", "../../examples/", genCorpus(t, 12))
	want := typedDump(t, c)
	if !strings.Contains(want, "N Article") || !strings.Contains(want, "-MENTIONED_IN->") || !strings.Contains(want, "N Evidence") {
		t.Fatalf("the pushed graph is missing parts:\n%s", want)
	}

	dir := filepath.Join(t.TempDir(), "import")
	runKG(t, st, "export", "-q", "--format", "neo4j-admin", dir)
	testneo4j.Wipe(t, c) // the import replaces the database; make sure nothing pushed survives
	out, err := exec.Command("sh", "-c", ctl+" import "+dir).CombinedOutput()
	if err != nil {
		t.Fatalf("%s import %s: %v\n%s", ctl, dir, err, out)
	}
	t.Logf("import:\n%s", lastLines(string(out), 8))
	c2 := testneo4j.Connect(t)
	out2, _ := runKG(t, st, "finish-import")
	if !strings.Contains(out2, "staging: ") || !strings.Contains(out2, ", 0 left for kg push") {
		t.Errorf("kg finish-import did not register every article with staging:\n%s", out2)
	}
	got := typedDump(t, c2)
	if got != want {
		t.Fatalf("the imported graph differs from the pushed one:\n%s", lineDiff(want, got))
	}
	// Staging knows the imported database now: kg push has nothing to write.
	if out3, _ := runKG(t, st, "push"); !strings.Contains(out3, "written 0 articles") {
		t.Errorf("kg push after the import: %s", out3)
	}
	if again := typedDump(t, c2); again != want {
		t.Fatalf("kg push after the import changed the graph:\n%s", lineDiff(want, again))
	}
	r, err := c2.Query(context.Background(), "SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name", nil, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Rows) < 4 {
		t.Fatalf("constraints after kg finish-import: %v", r.Rows)
	}
	t.Logf("equal graphs: %d lines", strings.Count(want, "\n")+1)
}

// typedDump is a canonical text of the graph like testneo4j.Dump, with the
// type of every property value (an integer and a float, a list of
// integers and of strings, differ).
func typedDump(t *testing.T, c *graph.Client) string {
	t.Helper()
	ctx := context.Background()
	nodes, err := c.Query(ctx, `MATCH (n) WHERE NOT n:KgMeta AND NOT n:KgMigration
RETURN elementId(n), labels(n), properties(n)`, nil, true)
	if err != nil {
		t.Fatal(err)
	}
	name := map[string]string{}
	var lines []string
	for _, r := range nodes.Rows {
		var labels []string
		for _, l := range r[1].([]any) {
			labels = append(labels, l.(string))
		}
		sort.Strings(labels)
		props := r[2].(map[string]any)
		id := strings.Join(labels, ":") + "/" + fmt.Sprint(props["key"], props["id"])
		name[r[0].(string)] = id
		lines = append(lines, "N "+id+" "+typedProps(props))
	}
	rels, err := c.Query(ctx, `MATCH (a)-[r]->(b) RETURN elementId(a), type(r), elementId(b), properties(r)`, nil, true)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rels.Rows {
		a, b := name[r[0].(string)], name[r[2].(string)]
		if a == "" || b == "" {
			continue
		}
		lines = append(lines, "R "+a+" -"+r[1].(string)+"-> "+b+" "+typedProps(r[3].(map[string]any)))
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

func typedProps(m map[string]any) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, " %s=%s", k, typedValue(m[k]))
	}
	return b.String()
}

func typedValue(v any) string {
	if l, ok := v.([]any); ok {
		parts := make([]string, len(l))
		for i, x := range l {
			parts[i] = typedValue(x)
		}
		return "[" + strings.Join(parts, ",") + "]"
	}
	return fmt.Sprintf("%T(%q)", v, fmt.Sprint(v))
}

// lineDiff lists the lines only one of two dumps has (at most 40).
func lineDiff(want, got string) string {
	in := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, l := range strings.Split(s, "\n") {
			m[l] = true
		}
		return m
	}
	w, g := in(want), in(got)
	var out []string
	for _, l := range strings.Split(want, "\n") {
		if !g[l] {
			out = append(out, "- "+l)
		}
	}
	for _, l := range strings.Split(got, "\n") {
		if !w[l] {
			out = append(out, "+ "+l)
		}
	}
	if len(out) > 40 {
		out = append(out[:40], fmt.Sprintf("... %d more", len(out)-40))
	}
	return strings.Join(out, "\n")
}

func lastLines(s string, n int) string {
	l := strings.Split(strings.TrimSpace(s), "\n")
	if len(l) > n {
		l = l[len(l)-n:]
	}
	return strings.Join(l, "\n")
}
