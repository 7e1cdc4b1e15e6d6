package queries_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/export"
	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/testneo4j"
	"github.com/kg-project/kg/queries"
	"github.com/kg-project/kg/queries/querytest"
)

// TestSavedQueriesRun runs every saved query against the real test Neo4j
// on the small fixture graph: with its defaults, with the numbers as floats
// (what Neo4j Browser's :params sends), and with the inputs named below,
// checking the rows that matter.
func TestSavedQueriesRun(t *testing.T) {
	c := testneo4j.Open(t)
	ctx := context.Background()
	if err := querytest.Load(ctx, c); err != nil {
		t.Fatal(err)
	}
	_, apocErr := c.Query(ctx, "RETURN apoc.version()", nil, true)
	set, err := queries.Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	run := func(t *testing.T, q *queries.Query, params map[string]any) *graph.Result {
		t.Helper()
		res, err := c.Query(ctx, q.Cypher, params, true)
		if err != nil {
			t.Fatalf("%s %v: %v", q.Name, params, err)
		}
		return res
	}
	for _, q := range set.All() {
		t.Run(q.Name, func(t *testing.T) {
			for _, r := range q.Requires {
				if r == "apoc" && apocErr != nil {
					if os.Getenv("CI") == "true" {
						t.Fatalf("CI=true but the test Neo4j has no APOC: %v", apocErr)
					}
					t.Skipf("no APOC on the test server: %v", apocErr)
				}
			}
			params, err := q.Bind(nil)
			if err != nil {
				t.Fatal(err)
			}
			if res := run(t, q, params); len(res.Rows) == 0 {
				t.Errorf("no rows with the defaults %v", params)
			}
			browser := map[string]any{}
			for k, v := range params {
				if i, ok := v.(int64); ok {
					v = float64(i)
				}
				browser[k] = v
			}
			run(t, q, browser)
		})
	}

	rows := func(name string, raw map[string]string) []map[string]string {
		t.Helper()
		q, err := set.Get(name)
		if err != nil {
			t.Fatal(err)
		}
		params, err := q.Bind(raw)
		if err != nil {
			t.Fatal(err)
		}
		res := run(t, q, params)
		var out []map[string]string
		for _, r := range res.Rows {
			m := map[string]string{}
			for i, k := range res.Keys {
				m[k] = export.Text(r[i])
			}
			out = append(out, m)
		}
		return out
	}
	has := func(rs []map[string]string, want map[string]string) bool {
	next:
		for _, r := range rs {
			for k, v := range want {
				if r[k] != v {
					continue next
				}
			}
			return true
		}
		return false
	}
	putinCSTO := map[string]string{"source": "Vladimir Putin", "relation": "ADDRESSED", "target": "Collective Security Treaty Organization"}

	// The entity is found by key, name in any case, alias in either script.
	for _, name := range []string{querytest.Putin, "vladimir putin", "Putin", "بوتين", "فلاديمير بوتين"} {
		if rs := rows("ego_network", map[string]string{"name": name}); !has(rs, putinCSTO) {
			t.Errorf("ego_network name=%s: %v", name, rs)
		}
	}
	if rs := rows("ego_network", map[string]string{"name": "Almaty", "depth": "1"}); len(rs) != 1 {
		t.Errorf("ego_network Almaty depth 1: %v", rs)
	}
	if rs := rows("ego_network", map[string]string{"name": "Almaty", "depth": "3"}); !has(rs, putinCSTO) {
		t.Errorf("ego_network Almaty depth 3 should reach Putin-CSTO: %v", rs)
	}
	if rs := rows("ego_network", map[string]string{"name": "nobody at all"}); len(rs) != 0 {
		t.Errorf("unknown entity: %v", rs)
	}
	if rs := rows("shortest_paths", map[string]string{"from": "Tokayev", "to": "CSTO"}); len(rs) != 1 || rs[0]["hops"] != "2" ||
		rs[0]["path"] != "Kassym-Jomart Tokayev <-MET_WITH- Vladimir Putin -ADDRESSED-> Collective Security Treaty Organization" {
		t.Errorf("shortest_paths: %v", rs)
	}
	// Russia's side includes its president; January only.
	rs := rows("interactions", map[string]string{"a": "Russia", "b": "Kazakhstan", "from": "2022-01-01", "to": "2022-01-31"})
	if len(rs) != 4 || !has(rs, map[string]string{"subject": "Vladimir Putin", "relation": "MET_WITH", "object": "Kassym-Jomart Tokayev"}) ||
		has(rs, map[string]string{"relation": "COMMENTED_ON"}) {
		t.Errorf("interactions Russia/Kazakhstan in January: %v", rs)
	}
	if rs := rows("interactions", map[string]string{"a": "Russia", "b": "Kazakhstan", "affiliated": "false"}); len(rs) != 2 {
		t.Errorf("interactions without affiliated: %v", rs)
	}
	rs = rows("timeline", map[string]string{"name": "Putin"})
	if len(rs) != 5 || rs[0]["date"] != "2022-01-10" || rs[4]["date"] != "2022-02-01" {
		t.Errorf("timeline: %v", rs)
	}
	if rs := rows("top_entities", map[string]string{"type": "person", "limit": "1"}); len(rs) != 1 || rs[0]["entity"] != "Vladimir Putin" {
		t.Errorf("top_entities: %v", rs)
	}
	if rs := rows("co_mentions", map[string]string{"name": "Putin", "min_articles": "3"}); len(rs) != 1 || rs[0]["co_mentioned"] != "Kazakhstan" {
		t.Errorf("co_mentions: %v", rs)
	}
	if rs := rows("co_mention_pairs", map[string]string{"min_articles": "3"}); len(rs) != 1 {
		t.Errorf("co_mention_pairs: %v", rs)
	}
	rs = rows("relations_by_type", map[string]string{"type": "addressed", "evidence": "1"})
	if len(rs) != 1 || rs[0]["count"] != "2" || !strings.HasSuffix(rs[0]["evidence"], "[fx-1]") || strings.Contains(rs[0]["evidence"], export.ListSep) {
		t.Errorf("relations_by_type: %v", rs)
	}
	if rs := rows("relations_by_type", map[string]string{"type": "ADDRESSED", "from": "2022-01-13"}); len(rs) != 0 {
		t.Errorf("relations_by_type after last_seen: %v", rs)
	}
	rs = rows("edge_evidence", map[string]string{"subject": "CSTO", "object": "Putin"}) // either direction
	if len(rs) != 2 || rs[0]["subject"] != "Vladimir Putin" || rs[1]["sentence"] != "Putin addressed the CSTO summit again." {
		t.Errorf("edge_evidence: %v", rs)
	}
	for _, text := range []string{"put", "بوت", "PUTIN", "vlad put"} {
		if rs := rows("search_entities", map[string]string{"text": text}); len(rs) == 0 || rs[0]["entity"] != "Vladimir Putin" {
			t.Errorf("search_entities %q: %v", text, rs)
		}
	}
	// Lucene syntax in the input is escaped, never an error.
	for _, text := range []string{`a+b (c`, `"`, `\`, `AND`, `csto:`, `*`, `x~2^3 || !y`, `[1 TO 5]`, "  ", `/re/`} {
		rows("search_entities", map[string]string{"text": text})
	}
	if rs := rows("search_entities", map[string]string{"text": "csto:"}); len(rs) != 1 {
		t.Errorf("search_entities csto: %v", rs)
	}
}
