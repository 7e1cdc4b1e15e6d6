package graph

import (
	"regexp"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/vocab"
)

// TestGeneratedStatements: the labels and relationship types spliced into
// the batch and Settle statements are exactly kg's vocabularies.
func TestGeneratedStatements(t *testing.T) {
	for _, typ := range model.EntityTypes {
		if !strings.Contains(cyMentionsLabelled, "THEN [1] ELSE [] END | SET e:"+typ+")") {
			t.Errorf("no label branch for %s", typ)
		}
	}
	if n := strings.Count(cyMentionsLabelled, "FOREACH"); n != len(model.EntityTypes) {
		t.Errorf("%d label branches for %d entity types", n, len(model.EntityTypes))
	}
	names := vocab.Names()
	for _, n := range names {
		if !strings.Contains(cyRelationsTyped, "MERGE (s)-[r:"+n+"]->(o) SET r += agg)") {
			t.Errorf("no relation branch for %s", n)
		}
	}
	if n := strings.Count(cyRelationsTyped, "FOREACH"); n != len(names) {
		t.Errorf("%d relation branches for %d types", n, len(names))
	}
	if !strings.Contains(cyDeleteUnsupportedTyped, "[r:"+strings.Join(names, "|")+"]") {
		t.Errorf("delete statement: %s", cyDeleteUnsupportedTyped)
	}
}

// TestPrepareLockOrder: rows go to Neo4j in one order whatever the order
// of the items, articles by id and mentions by entity key (then item
// order), so that two writers lock in the same order.
func TestPrepareLockOrder(t *testing.T) {
	ent := func(id string) model.Entity { return model.Entity{ID: id, Name: id, Type: model.Person} }
	items := []Item{
		{Article: model.Article{ID: "b"}, Extraction: &model.Extraction{Entities: []model.Entity{ent("p:z"), ent("p:a")}}},
		{Article: model.Article{ID: "a"}, Extraction: &model.Extraction{Entities: []model.Entity{ent("p:m"), ent("p:a")}}},
	}
	p, err := prepare(items)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range p.articles {
		got = append(got, r.(map[string]any)["id"].(string))
	}
	for _, r := range p.mentions {
		m := r.(map[string]any)
		got = append(got, m["key"].(string)+"@"+m["article"].(string))
	}
	if want := "a b p:a@b p:a@a p:m@a p:z@b"; strings.Join(got, " ") != want {
		t.Errorf("rows %q, want %q", strings.Join(got, " "), want)
	}
}

// TestSettleHintsSeek: Settle's lookups of CoMention and Evidence nodes,
// whose plans are cached while those labels are still empty on a first
// push, all carry a USING INDEX SEEK hint (TestSettlePlansSeek checks the
// plans on a server; this checks the text, which a plan on a small graph
// does not: the scan came with the statistics of thousands of articles).
func TestSettleHintsSeek(t *testing.T) {
	lookup := regexp.MustCompile(`\((\w+):(CoMention|Evidence)\b([^)]*)\)(\s+USING INDEX SEEK \w+:\w+\()?`)
	for name, st := range map[string]string{"relations": cyRelationsTyped, "unsupported": cyDeleteUnsupportedTyped, "comentions": cyCoMentions} {
		ms := lookup.FindAllStringSubmatch(st, -1)
		if len(ms) == 0 {
			t.Errorf("%s: no lookup found", name)
		}
		for _, m := range ms {
			if strings.HasPrefix(strings.TrimSpace(m[0]), "(c:CoMention {a: a, b: b})") {
				continue // MERGE on the uniqueness constraint
			}
			if m[4] == "" || strings.TrimSpace(m[3]) != "" {
				t.Errorf("%s: %q has no USING INDEX SEEK hint", name, m[0])
			}
		}
	}
}
