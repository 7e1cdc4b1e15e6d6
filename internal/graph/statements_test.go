package graph

import (
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
