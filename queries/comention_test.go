package queries_test

import (
	"context"
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/export"
	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/testneo4j"
	"github.com/kg-project/kg/queries"
	"github.com/kg-project/kg/queries/querytest"
)

// coMentionPairsScan is co_mention_pairs as it was before the counts were
// kept: every pair of entities of every article, counted at query time.
const coMentionPairsScan = `MATCH (a:Entity)-[:MENTIONED_IN]->(art:Article)<-[:MENTIONED_IN]-(b:Entity)
WHERE a.key < b.key
WITH a, b, count(art) AS shared
WHERE shared >= toInteger($min_articles)
RETURN a AS entity_a, b AS entity_b, shared AS articles, EXISTS { (a)--(b) } AS related
ORDER BY articles DESC, a.name, b.name
LIMIT toInteger($limit)`

// coMentionCorpus: n articles of 25 entities of the three types, each
// mentioning 2 to 8 of them (so many pairs tie on their count), some
// related by a typed relation.
func coMentionCorpus(n int) []graph.Item {
	r := rand.New(rand.NewSource(7))
	types := []string{model.Person, model.Organization, model.Location}
	var items []graph.Item
	for i := 0; i < n; i++ {
		id := fmt.Sprintf("cm-%03d", i)
		x := &model.Extraction{Doc: model.DocInfo{ID: id, Lang: "en"}}
		for _, j := range r.Perm(25)[:2+r.Intn(7)] {
			name := fmt.Sprintf("Entity %c%02d", 'A'+rune(j%5), j)
			x.Entities = append(x.Entities, model.Entity{ID: fmt.Sprintf("misc:e%02d", j), Name: name, Type: types[j%3],
				Aliases: []string{name}, Mentions: []model.Mention{{Text: name, Start: 0, End: len(name)}}})
		}
		if e := x.Entities; len(e) > 2 && i%4 == 0 {
			s := "They met."
			x.Relations = append(x.Relations, model.Relation{Subject: e[0].ID, Predicate: "MET_WITH", Object: e[1].ID,
				Confidence: 0.8, Modality: model.Asserted, Evidence: model.Evidence{Sentence: s, Start: 0, End: len(s)}})
		}
		items = append(items, graph.Item{Article: model.Article{ID: id, Title: id, Published: fmt.Sprintf("2022-04-%02d", 1+i%28), Lang: "en"},
			ContentHash: "h-" + id, Extractor: "test", Extraction: x})
	}
	return items
}

// TestCoMentionPairsEqualsScan: on a loaded graph, co_mention_pairs (which
// reads the co-mention counts) returns exactly the rows of the query it
// replaced (which counted every pair at query time), for every
// min_articles and limit, ties on the count at the limit included; it does
// read the counts, and it falls back to the scan on a graph without them.
func TestCoMentionPairsEqualsScan(t *testing.T) {
	c := testneo4j.Open(t)
	ctx := context.Background()
	if err := querytest.Load(ctx, c); err != nil {
		t.Fatal(err)
	}
	if err := c.WriteArticles(ctx, coMentionCorpus(150)); err != nil {
		t.Fatal(err)
	}
	set, err := queries.Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	q, err := set.Get("co_mention_pairs")
	if err != nil {
		t.Fatal(err)
	}
	text := func(cypher string, params map[string]any) string {
		t.Helper()
		res, err := c.Query(ctx, cypher, params, true)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, r := range res.Rows {
			for i := range res.Keys {
				b.WriteString(export.Text(r[i]))
				b.WriteByte('\t')
			}
			b.WriteByte('\n')
		}
		return b.String()
	}
	compare := func(step string) {
		t.Helper()
		for _, min := range []string{"1", "2", "3", "5", "8", "40"} {
			for _, limit := range []string{"0", "1", "3", "7", "50", "100000"} {
				params, err := q.Bind(map[string]string{"min_articles": min, "limit": limit})
				if err != nil {
					t.Fatal(err)
				}
				want, got := text(coMentionPairsScan, params), text(q.Cypher, params)
				if got != want {
					t.Fatalf("%s: min_articles=%s limit=%s: co_mention_pairs differs from the scan:\n%s", step, min, limit,
						testneo4j.DumpDiff(want, got, 20))
				}
				// Neo4j Browser sends numbers as floats.
				fparams := map[string]any{}
				for k, v := range params {
					fparams[k] = float64(v.(int64))
				}
				if got := text(q.Cypher, fparams); got != want {
					t.Fatalf("%s: min_articles=%s limit=%s as floats: differs from the scan", step, min, limit)
				}
			}
		}
	}
	all, _ := q.Bind(map[string]string{"limit": "100000"})
	if n := strings.Count(text(coMentionPairsScan, all), "\n"); n < 100 {
		t.Fatalf("only %d pairs share 2 articles: the test proves nothing", n)
	}
	compare("loaded")

	// New versions of some articles, then the comparison again.
	v2 := coMentionCorpus(40)
	for i := range v2 {
		v2[i].ContentHash += "-v2"
		v2[i].Extraction.Entities = v2[i].Extraction.Entities[:len(v2[i].Extraction.Entities)/2+1]
	}
	if err := c.WriteArticles(ctx, v2); err != nil {
		t.Fatal(err)
	}
	compare("rewritten")

	// It reads the counts: a count changed by hand shows.
	if _, err := c.Query(ctx, "MATCH (c:CoMention) WITH c ORDER BY c.a, c.b LIMIT 1 SET c.articles = 1000", nil, false); err != nil {
		t.Fatal(err)
	}
	top, _ := q.Bind(map[string]string{"limit": "1"})
	if got := text(q.Cypher, top); !strings.Contains(got, "\t1000\t") {
		t.Fatalf("co_mention_pairs does not read the counts: %q", got)
	}
	// Without the marker (a graph written by an older kg) it counts.
	if _, err := c.Query(ctx, "MATCH (m:KgMeta {name: 'co_mentions'}) DELETE m", nil, false); err != nil {
		t.Fatal(err)
	}
	compare("without the marker")
}
