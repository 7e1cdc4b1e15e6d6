package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/testneo4j"
)

// TestBulkImportEqualsPush loads a few articles with kg load (kg push's
// writer), dumps the graph, then exports the same staging with kg export
// --format neo4j-admin, imports it with neo4j-admin into the test server
// (KG_TEST_NEO4J_CTL import DIR: stop, neo4j-admin database import full,
// start), runs kg finish-import (the export carries the co-mention pairs), and
// dumps again: the two dumps (every node
// with its labels and typed properties, every relationship with its type,
// typed properties and end keys, sorted) must be equal, the schema must be
// in place, and staging must know the database has every article (kg push
// then writes nothing). It needs KG_TEST_NEO4J_CTL (make test sets it for its
// own instance) and the neo4j-admin of that local install.
func TestBulkImportEqualsPush(t *testing.T) {
	ctl := testneo4j.Ctl(t, ": the bulk import needs a local Neo4j it can stop")
	c := testneo4j.Open(t)
	st := t.TempDir()
	// The examples, and generated articles that repeat entities and
	// relation triples across articles (aggregates over several articles).
	runKG(t, st, "load", "-q", "--batch-size", "3", "../../examples/", genCorpus(t, 12))
	want := testneo4j.DumpTyped(t, c)
	if !strings.Contains(want, "N Article") || !strings.Contains(want, "-MENTIONED_IN->") || !strings.Contains(want, "N Evidence") ||
		!strings.Contains(want, "N CoMention") {
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
	got := testneo4j.DumpTyped(t, c2)
	if got != want {
		t.Fatalf("the imported graph differs from the pushed one:\n%s", testneo4j.DumpDiff(want, got, 40))
	}
	// Staging knows the imported database now: kg push has nothing to write.
	if out3, _ := runKG(t, st, "push"); !strings.Contains(out3, "written 0 articles") {
		t.Errorf("kg push after the import: %s", out3)
	}
	if again := testneo4j.DumpTyped(t, c2); again != want {
		t.Fatalf("kg push after the import changed the graph:\n%s", testneo4j.DumpDiff(want, again, 40))
	}
	r, err := c2.Query(context.Background(), "SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name", nil, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Rows) < 4 {
		t.Fatalf("constraints after kg finish-import: %v", r.Rows)
	}
	r, err = c2.Query(context.Background(), "MATCH (m:KgMeta {name: 'co_mentions'}) RETURN m.min_articles", nil, true)
	if err != nil || len(r.Rows) != 1 {
		t.Fatalf("the imported graph is not marked as having its co-mention counts: %v %v", r, err)
	}
	if !strings.Contains(out2, "co-mention pairs: imported with the graph") {
		t.Errorf("kg finish-import counted the co-mention pairs the export carries:\n%s", out2)
	}
	t.Logf("equal graphs: %d lines", strings.Count(want, "\n")+1)

	// An export of an older kg carries no co-mention counts nor their
	// marker: kg finish-import counts them, and the graph is the same.
	for _, f := range []string{"comentions.csv", "meta.csv"} {
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		head, _, _ := strings.Cut(string(b), "\n")
		if err := os.WriteFile(filepath.Join(dir, f), []byte(head+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	testneo4j.Wipe(t, c2)
	if out, err := exec.Command("sh", "-c", ctl+" import "+dir).CombinedOutput(); err != nil {
		t.Fatalf("%s import %s (without co-mentions): %v\n%s", ctl, dir, err, out)
	}
	c3 := testneo4j.Connect(t)
	out4, _ := runKG(t, st, "finish-import")
	if !strings.Contains(out4, "co-mention pairs counted for") {
		t.Errorf("kg finish-import did not count the co-mention pairs of an import without them:\n%s", out4)
	}
	if got := testneo4j.DumpTyped(t, c3); got != want {
		t.Fatalf("the graph imported without co-mentions and finished differs from the pushed one:\n%s", testneo4j.DumpDiff(want, got, 40))
	}
}

func lastLines(s string, n int) string {
	l := strings.Split(strings.TrimSpace(s), "\n")
	if len(l) > n {
		l = l[len(l)-n:]
	}
	return strings.Join(l, "\n")
}
