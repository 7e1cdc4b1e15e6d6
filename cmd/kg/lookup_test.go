package main

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/testneo4j"
	"github.com/kg-project/kg/queries"
)

// TestLookupPicksBestSupported: `--param name=Obama` matches Barack and
// Michelle Obama; the one in more articles is used, whatever the full-text
// score, and the other is listed on stderr. A key merged into an entity
// finds that entity.
func TestLookupPicksBestSupported(t *testing.T) {
	c := testneo4j.Open(t)
	ctx := context.Background()
	person := func(key, name, qid string, forms ...string) model.Entity {
		e := model.Entity{ID: key, Name: name, Type: model.Person, Wikidata: qid, Aliases: forms}
		for i, f := range forms {
			e.Mentions = append(e.Mentions, model.Mention{Text: f, Start: i * 20, End: i*20 + len([]rune(f))})
		}
		return e
	}
	us := model.Entity{ID: "wd:Q30", Name: "United States", Type: model.Location, Wikidata: "Q30", Aliases: []string{"الولايات المتحدة"},
		Mentions: []model.Mention{{Text: "الولايات المتحدة", Start: 60, End: 76}}}
	var items []graph.Item
	for i := 0; i < 4; i++ {
		barack := person("wd:Q76", "Barack Obama", "Q76", "باراك أوباما", "أوباما")
		x := &model.Extraction{Entities: []model.Entity{barack, us}, Relations: []model.Relation{{Subject: "wd:Q76", Predicate: "PRESIDENT_OF", Object: "wd:Q30",
			Confidence: 0.9, Modality: model.Asserted, Evidence: model.Evidence{Sentence: "الرئيس الأمريكي باراك أوباما", End: 30}}}}
		it := graph.Item{Article: model.Article{ID: fmt.Sprintf("o%d", i), Lang: "ar"}, ContentHash: "h", Extractor: "t", Extraction: x}
		if i == 0 {
			it.MergedFrom = map[string][]string{"wd:Q76": {"person:اوباما"}}
		}
		items = append(items, it)
	}
	// Michelle: one article, a short name the full-text index scores high.
	items = append(items, graph.Item{Article: model.Article{ID: "m1", Lang: "en"}, ContentHash: "h", Extractor: "t",
		Extraction: &model.Extraction{Entities: []model.Entity{person("person:michelle_obama", "Michelle Obama", "", "Obama")}}})
	if err := c.WriteArticles(ctx, items); err != nil {
		t.Fatal(err)
	}
	cfg := testConfig(t)
	for _, name := range []string{"Obama", "أوباما", "wd:Q76", "person:اوباما"} {
		var out, errb bytes.Buffer
		if err := runQuery(ctx, queryOptions{cfg: cfg, name: "ego_network", params: []string{"name=" + name}, maxWidth: 60}, &out, &errb); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !strings.Contains(out.String(), "Barack Obama  PRESIDENT_OF  United States") {
			t.Errorf("name=%s picked another entity:\n%s", name, out.String())
		}
		if name == "Obama" && (!strings.Contains(errb.String(), "using Barack Obama (wd:Q76") || !strings.Contains(errb.String(), "also matched: Michelle Obama")) {
			t.Errorf("name=%s: stderr %q", name, errb.String())
		}
		t.Logf("name=%s: stderr %q", name, errb.String())
	}
	// The saved query alone (as pasted into Neo4j Browser) picks the same.
	q, err := queries.MustLoad().Get("ego_network")
	if err != nil {
		t.Fatal(err)
	}
	r, err := c.Query(ctx, q.Cypher, map[string]any{"name": "Obama", "depth": int64(1), "limit": int64(10)}, true)
	if err != nil || len(r.Rows) == 0 || r.Rows[0][0].(map[string]any)["key"] != "wd:Q76" {
		t.Errorf("saved query alone: %v %v", r, err)
	}
}
