package main

import (
	"context"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/testneo4j"
)

// TestPushVerify edits the graph by hand after a load: two Article nodes
// deleted, one content_hash rewritten, one Evidence node deleted. kg
// doctor must report the mismatch (before: all checks passed), and
// kg push --verify must repair it to exactly the graph of the load.
func TestPushVerify(t *testing.T) {
	c := testneo4j.Open(t)
	corpus := genCorpus(t, 60)
	st := t.TempDir()
	runKG(t, st, "load", "-q", corpus)
	want := testneo4j.Dump(t, c)
	out, _ := runKG(t, st, "doctor")
	if !strings.Contains(out, "the 60 articles staging marks as written are in neo4j as written") {
		t.Fatalf("doctor on an intact graph:\n%s", out)
	}

	ctx := context.Background()
	for _, q := range []string{
		"MATCH (a:Article) WHERE a.id IN ['gen-0003', 'gen-0041'] DETACH DELETE a",
		"MATCH (a:Article {id: 'gen-0020'}) SET a.content_hash = 'edited'",
		"MATCH (v:Evidence {article_id: 'gen-0030'}) WITH v ORDER BY v.id LIMIT 1 DETACH DELETE v",
	} {
		if _, err := c.Query(ctx, q, nil, false); err != nil {
			t.Fatal(err)
		}
	}
	out, _ = runKGFail(t, st, "doctor")
	if !strings.Contains(out, "4 of 60 articles staging marks as written are missing (2) or different (2) in neo4j, e.g. gen-0003, gen-0020, gen-0030, gen-0041") ||
		!strings.Contains(out, "kg push --verify") {
		t.Fatalf("doctor on an edited graph:\n%s", out)
	}
	_, errOut := runKG(t, st, "push", "--verify", "-q")
	if !strings.Contains(errOut, "verified 60 articles against neo4j: 2 missing, 2 different; 4 queued again") {
		t.Fatalf("push --verify: %s", errOut)
	}
	if got := testneo4j.Dump(t, c); got != want {
		t.Fatalf("graph after push --verify differs from the load's")
	}
	if out, _ = runKG(t, st, "doctor"); !strings.Contains(out, "the 60 articles staging marks as written are in neo4j as written") {
		t.Fatalf("doctor after the repair:\n%s", out)
	}
}

// TestDoctorCoMentions: kg doctor says when the co-mention counts are not
// complete (a graph of an older kg: no marker), and kg push, even with
// nothing to write, counts them.
func TestDoctorCoMentions(t *testing.T) {
	c := testneo4j.Open(t)
	corpus := genCorpus(t, 20)
	st := t.TempDir()
	runKG(t, st, "load", "-q", corpus)
	if out, _ := runKG(t, st, "doctor"); !strings.Contains(out, "the co-mention counts are complete") {
		t.Fatalf("doctor after a load:\n%s", out)
	}
	if _, err := c.Query(context.Background(), "MATCH (m:KgMeta {name: 'co_mentions'}) DELETE m", nil, false); err != nil {
		t.Fatal(err)
	}
	if out, _ := runKGFail(t, st, "doctor"); !strings.Contains(out, "no complete co-mention counts") || !strings.Contains(out, "kg push") {
		t.Fatalf("doctor without the marker:\n%s", out)
	}
	runKG(t, st, "push", "-q")
	if out, _ := runKG(t, st, "doctor"); !strings.Contains(out, "the co-mention counts are complete") {
		t.Fatalf("doctor after kg push:\n%s", out)
	}
}
