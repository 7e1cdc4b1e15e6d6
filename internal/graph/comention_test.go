package graph_test

import (
	"context"
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/testneo4j"
)

// pairsScan are the co-mention pairs counted from MENTIONED_IN as they are;
// pairsKept the :CoMention records.
const (
	pairsScan = `MATCH (a:Entity)-[:MENTIONED_IN]->(art:Article)<-[:MENTIONED_IN]-(b:Entity)
WHERE a.key < b.key
WITH a.key AS a, b.key AS b, count(art) AS n WHERE n >= 2
RETURN a, b, n ORDER BY a, b`
	pairsKept = `MATCH (c:CoMention) RETURN c.a, c.b, c.articles ORDER BY c.a, c.b`
)

func pairs(t *testing.T, c *graph.Client, cypher string) string {
	t.Helper()
	r, err := c.Query(context.Background(), cypher, nil, true)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, row := range r.Rows {
		fmt.Fprintln(&b, row...)
	}
	return b.String()
}

// checkCoMentions: the kept counts are those of the graph, and the graph
// is marked as having them.
func checkCoMentions(t *testing.T, c *graph.Client, step string) {
	t.Helper()
	want, got := pairs(t, c, pairsScan), pairs(t, c, pairsKept)
	if want == "" {
		t.Fatalf("%s: no pair shares 2 articles: the test proves nothing", step)
	}
	if got != want {
		t.Fatalf("%s: kept co-mention counts differ from the graph's:\n%s", step,
			testneo4j.DumpDiff(strings.TrimSpace(want), strings.TrimSpace(got), 20))
	}
	if n := count(t, c, "MATCH (m:KgMeta {name: 'co_mentions'}) RETURN count(m)", nil); n != 1 {
		t.Fatalf("%s: %d co_mentions markers", step, n)
	}
}

// randomCorpus: n articles, each mentioning 2 to 6 of 15 entities.
func randomCorpus(seed int64, n int, prefix string) []graph.Item {
	r := rand.New(rand.NewSource(seed))
	var items []graph.Item
	for i := 0; i < n; i++ {
		var ents []model.Entity
		for _, j := range r.Perm(15)[:2+r.Intn(5)] {
			ents = append(ents, ent(fmt.Sprintf("person:e%02d", j), fmt.Sprintf("Person %02d", j), model.Person, "", fmt.Sprintf("شخص %d", j)))
		}
		it := item(fmt.Sprintf("%s%03d", prefix, i), fmt.Sprintf("2022-03-%02d", 1+i%28), ents)
		it.ContentHash = fmt.Sprintf("hash-%s%03d-%d", prefix, i, seed)
		items = append(items, it)
	}
	return items
}

// rekey returns the items with the entity key from replaced by to (a
// merge when to is an existing entity, a split when it is new); an
// article that already mentions to just loses from.
func rekey(items []graph.Item, from, to string) []graph.Item {
	var out []graph.Item
	for _, it := range items {
		var ents []model.Entity
		has, changed := false, false
		for _, e := range it.Extraction.Entities {
			has = has || e.ID == to
		}
		for _, e := range it.Extraction.Entities {
			if e.ID == from {
				changed = true
				if has {
					continue
				}
				e.ID, e.Name = to, "Renamed "+to
			}
			ents = append(ents, e)
		}
		if !changed {
			continue
		}
		x := *it.Extraction
		x.Entities = ents
		it.Extraction = &x
		it.ContentHash += "-" + to
		out = append(out, it)
	}
	return out
}

// replace returns items with those of the same article id in by.
func replace(items, by []graph.Item) []graph.Item {
	m := map[string]graph.Item{}
	for _, it := range by {
		m[it.Article.ID] = it
	}
	out := make([]graph.Item, len(items))
	for i, it := range items {
		if x, ok := m[it.Article.ID]; ok {
			it = x
		}
		out[i] = it
	}
	return out
}

// TestCoMentions: Settle keeps the co-mention counts of the graph through
// first writes, new versions of articles, merges and splits of entities,
// pages of any size and a graph an older kg wrote (no counts): they always
// equal the pairs counted from MENTIONED_IN, and settling again changes
// nothing.
func TestCoMentions(t *testing.T) {
	c := testneo4j.Open(t)
	ctx := context.Background()
	defer graph.SetSettlePage(4)()
	items := randomCorpus(1, 60, "r")
	if err := writeAll(ctx, c, items, 7); err != nil {
		t.Fatal(err)
	}
	checkCoMentions(t, c, "first write")
	first := testneo4j.Dump(t, c)
	if err := writeAll(ctx, c, items, 60); err != nil {
		t.Fatal(err)
	}
	if got := testneo4j.Dump(t, c); got != first {
		t.Fatalf("re-writing changed the graph:\n%s", testneo4j.DumpDiff(first, got, 20))
	}

	// New versions of a third of the articles, one of them with no entity.
	v2 := randomCorpus(2, 20, "r")
	v2[5].Extraction.Entities = nil
	if err := writeAll(ctx, c, v2, 6); err != nil {
		t.Fatal(err)
	}
	checkCoMentions(t, c, "new versions")

	// A merge of e03 into e04, then a split of e05 out as e99, all
	// written in one batch without settling, settled in pages of one.
	all := append(append([]graph.Item{}, v2...), items[20:]...)
	merged := rekey(all, "person:e03", "person:e04")
	if err := c.WriteBatch(ctx, merged); err != nil {
		t.Fatal(err)
	}
	all = replace(all, merged)
	split := rekey(all, "person:e05", "person:e99")
	if err := c.WriteBatch(ctx, split); err != nil {
		t.Fatal(err)
	}
	restore := graph.SetSettlePage(1)
	if _, err := c.Settle(ctx, nil); err != nil {
		t.Fatal(err)
	}
	restore()
	checkCoMentions(t, c, "merge and split")
	if n := count(t, c, "MATCH (c:CoMention) WHERE 'person:e03' IN [c.a, c.b] RETURN count(c)", nil); n != 0 {
		t.Errorf("%d pairs of the merged entity left", n)
	}
	if n := count(t, c, "MATCH (c:CoMention) WHERE 'person:e99' IN [c.a, c.b] RETURN count(c)", nil); n == 0 {
		t.Errorf("no pair of the split entity")
	}

	// A graph an older kg wrote: no counts, no marker. The next push
	// (here one article) counts every pair, not only its entities'.
	if _, err := c.Query(ctx, "MATCH (n) WHERE n:CoMention OR (n:KgMeta AND n.name = 'co_mentions') DELETE n", nil, false); err != nil {
		t.Fatal(err)
	}
	if err := c.WriteArticles(ctx, randomCorpus(3, 1, "new")); err != nil {
		t.Fatal(err)
	}
	checkCoMentions(t, c, "after an older kg")
	settled := testneo4j.Dump(t, c)
	if n, err := c.RecountCoMentions(ctx, nil); err != nil || n == 0 {
		t.Fatalf("recount: %d, %v", n, err)
	}
	if got := testneo4j.Dump(t, c); got != settled {
		t.Fatalf("recounting changed the graph:\n%s", testneo4j.DumpDiff(settled, got, 20))
	}
}
