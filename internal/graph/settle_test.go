package graph_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/testneo4j"
)

// history is a sequence of batches in which articles come back with new
// content: c001's second version drops its local person (left without
// mentions) and its criticism (an edge left without evidence), c002's
// mentions the CSTO instead of Kazakhstan.
func history() [][]graph.Item {
	items := overlapping(12)
	v2 := item("c001", "2022-02-02", []model.Entity{putinAr, kz})
	v2.ContentHash = "hash-c001-v2"
	v3 := item("c002", "2022-02-03", []model.Entity{putinEn, csto2}, rel("wd:Q7747", "ADDRESSED", "wd:Q318693", "new sentence"))
	v3.ContentHash = "hash-c002-v2"
	return [][]graph.Item{items[:5], items[5:9], {v2, items[9]}, items[10:], {v3}}
}

// TestSettleDeferred: aggregates are computed by Settle, not by
// WriteBatch. Batches written without settling (a push stopped before
// its end, or between batches), then settled, give the graph of writing
// and settling every batch at once (WriteArticles); so does a Settle
// stopped after its first page and run again.
func TestSettleDeferred(t *testing.T) {
	c := testneo4j.Open(t)
	ctx := context.Background()
	for _, b := range history() {
		if err := c.WriteArticles(ctx, b); err != nil {
			t.Fatal(err)
		}
	}
	want := testneo4j.Dump(t, c)
	if n := count(t, c, "MATCH (e:KgDirty) RETURN count(e)", nil); n != 0 {
		t.Fatalf("%d entities left marked by WriteArticles", n)
	}
	if !strings.Contains(want, "N CoMention") {
		t.Fatal("no co-mention counts in the graph: the test does not cover them")
	}

	testneo4j.Wipe(t, c)
	for _, b := range history() {
		if err := c.WriteBatch(ctx, b); err != nil {
			t.Fatal(err)
		}
	}
	// Before Settle: every entity marked, no aggregate, no typed edge yet;
	// the orphan of c001's first version is still there.
	if n := count(t, c, "MATCH (e:Entity) WHERE NOT e:KgDirty RETURN count(e)", nil); n != 0 {
		t.Errorf("%d entities written but not marked", n)
	}
	if n := count(t, c, "MATCH (:Entity)-[r:ADDRESSED|CRITICIZED]->(:Entity) RETURN count(r)", nil); n != 0 {
		t.Errorf("%d typed edges before Settle", n)
	}
	if n := count(t, c, "MATCH (e:Entity) WHERE e.mention_count IS NOT NULL RETURN count(e)", nil); n != 0 {
		t.Errorf("%d entities aggregated before Settle", n)
	}
	if got := testneo4j.Dump(t, c); got == want {
		t.Fatal("the graph is complete before Settle: the test proves nothing")
	}
	marked := count(t, c, "MATCH (e:Entity) RETURN count(e)", nil)
	if n, err := c.Unsettled(ctx); err != nil || n != marked {
		t.Fatalf("Unsettled = %d, %v; want %d", n, err, marked)
	}

	// A Settle stopped after its first page, then run again.
	defer graph.SetSettlePage(3)()
	sctx, cancel := context.WithCancel(ctx)
	n, err := c.Settle(sctx, func(int) { cancel() })
	if !errors.Is(err, context.Canceled) || n != 3 {
		t.Fatalf("stopped settle: %d, %v", n, err)
	}
	if left := count(t, c, "MATCH (e:KgDirty) RETURN count(e)", nil); left == 0 {
		t.Fatal("nothing left to settle after the first page")
	}
	if _, err := c.Settle(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if got := testneo4j.Dump(t, c); got != want {
		t.Fatalf("deferred settling differs from settling every batch:\n%s", testneo4j.DumpDiff(want, got, 20))
	}
	if n, err := c.Unsettled(ctx); err != nil || n != 0 {
		t.Fatalf("Unsettled after Settle = %d, %v", n, err)
	}
	// Settling again changes nothing.
	if n, err := c.Settle(ctx, nil); err != nil || n != 0 {
		t.Fatalf("second settle: %d, %v", n, err)
	}
	if got := testneo4j.Dump(t, c); got != want {
		t.Fatalf("settling twice changed the graph:\n%s", testneo4j.DumpDiff(want, got, 20))
	}
}

// TestSettleManyPages: an entity's aggregates and edges are right when
// the entities of one article fall in different Settle pages.
func TestSettleManyPages(t *testing.T) {
	c := testneo4j.Open(t)
	ctx := context.Background()
	items := overlapping(20)
	if err := c.WriteArticles(ctx, items); err != nil {
		t.Fatal(err)
	}
	want := testneo4j.Dump(t, c)
	testneo4j.Wipe(t, c)
	defer graph.SetSettlePage(1)()
	for i := 0; i < len(items); i += 7 {
		if err := c.WriteBatch(ctx, items[i:min(i+7, len(items))]); err != nil {
			t.Fatal(err)
		}
	}
	n, err := c.Settle(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := count(t, c, "MATCH (e:Entity) RETURN count(e)", nil); int64(n) != want {
		t.Errorf("settled %d entities, the graph has %d", n, want)
	}
	if got := testneo4j.Dump(t, c); got != want {
		t.Fatalf("%s", testneo4j.DumpDiff(want, got, 20))
	}
}

// TestSettlePlansSeek: every lookup of Settle's statements is an index
// seek, even when the statement is planned on a database without
// CoMention or Evidence nodes yet (the first page of a first push, whose
// plan Neo4j caches for the pages that follow): a scan of the index or
// the label there runs once per entity of every later page (50 million
// index entries for the last page of 5,000 articles).
func TestSettlePlansSeek(t *testing.T) {
	c := testneo4j.Open(t)
	ctx := context.Background()
	for _, b := range history() {
		if err := c.WriteBatch(ctx, b); err != nil {
			t.Fatal(err)
		}
	}
	params := map[string]any{"keys": []any{"person:a", "wd:Q1"}, "min": int64(graph.CoMentionMinArticles)}
	for name, st := range graph.SettleStatements() {
		ops, err := c.ProfileOperators(ctx, st, params)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, op := range ops {
			if strings.HasPrefix(op, "NodeIndexScan") || strings.HasPrefix(op, "NodeByLabelScan") || strings.HasPrefix(op, "AllNodesScan") {
				t.Errorf("%s scans: %s", name, op)
			}
		}
	}
}
