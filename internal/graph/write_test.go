package graph_test

import (
	"context"
	"errors"
	"testing"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/testneo4j"
)

func ent(id, name, typ, qid string, mentions ...string) model.Entity {
	e := model.Entity{ID: id, Name: name, Type: typ, Wikidata: qid, Aliases: []string{}}
	for i, m := range mentions {
		e.Mentions = append(e.Mentions, model.Mention{Text: m, Start: i * 10, End: i*10 + len([]rune(m))})
		e.Aliases = append(e.Aliases, m)
	}
	return e
}

func rel(s, p, o, sentence string) model.Relation {
	return model.Relation{Subject: s, Predicate: p, Object: o, Confidence: 0.8, Modality: model.Asserted, Trigger: "t",
		Evidence: model.Evidence{Sentence: sentence, Start: 0, End: len([]rune(sentence))}}
}

func item(id, published string, ents []model.Entity, rels ...model.Relation) graph.Item {
	return graph.Item{
		Article:     model.Article{ID: id, Title: "title " + id, Published: published, Lang: "ar", Props: map[string]string{"desk": "world", "bad key!": "x"}},
		ContentHash: "hash-" + id, Extractor: "test",
		Extraction: &model.Extraction{Doc: model.DocInfo{ID: id}, Entities: ents, Relations: rels},
	}
}

var (
	putinAr = ent("wd:Q7747", "Vladimir Putin", model.Person, "Q7747", "فلاديمير بوتين", "بوتين")
	putinEn = ent("wd:Q7747", "Vladimir Putin", model.Person, "Q7747", "Putin")
	csto    = ent("wd:Q318693", "Collective Security Treaty Organization", model.Organization, "Q318693", "منظمة معاهدة الأمن الجماعي")
	csto2   = ent("wd:Q318693", "Collective Security Treaty Organization", model.Organization, "Q318693", "CSTO")
	kz      = ent("wd:Q232", "Kazakhstan", model.Location, "Q232", "كازاخستان")
	local   = ent("person:x", "Ali Hasan", model.Person, "", "علي حسن")
)

func count(t *testing.T, c *graph.Client, cypher string, params map[string]any) int64 {
	t.Helper()
	r, err := c.Query(context.Background(), cypher, params, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Rows) == 0 {
		return 0
	}
	return r.Rows[0][0].(int64)
}

func TestWriteIdempotentAndMerging(t *testing.T) {
	c := testneo4j.Open(t)
	ctx := context.Background()
	items := []graph.Item{
		item("a1", "2022-01-10", []model.Entity{putinAr, csto, kz}, rel("wd:Q7747", "ADDRESSED", "wd:Q318693", "s1")),
		item("a2", "2022-01-11", []model.Entity{putinEn, csto2}, rel("wd:Q7747", "ADDRESSED", "wd:Q318693", "s2")),
	}
	if err := c.WriteArticles(ctx, items); err != nil {
		t.Fatal(err)
	}
	first := testneo4j.Dump(t, c)
	if err := c.WriteArticles(ctx, items); err != nil {
		t.Fatal(err)
	}
	if err := c.WriteArticles(ctx, items[1:]); err != nil {
		t.Fatal(err)
	}
	if second := testneo4j.Dump(t, c); second != first {
		t.Fatalf("re-writing changed the graph:\n%s\n---\n%s", first, second)
	}
	// One node for Putin, whatever the language, with every alias and its count.
	r, err := c.Query(ctx, "MATCH (e:Entity:Person {key: 'wd:Q7747'}) RETURN e.aliases, e.alias_counts, e.mention_count, e.names_ar, e.article_count", nil, true)
	if err != nil || len(r.Rows) != 1 {
		t.Fatalf("putin nodes: %v %v", r, err)
	}
	row := r.Rows[0]
	if got := row[0].([]any); len(got) != 3 || got[0] != "Putin" {
		t.Errorf("aliases %v", got)
	}
	if row[2].(int64) != 3 || row[4].(int64) != 2 || len(row[3].([]any)) != 2 {
		t.Errorf("mention_count %v article_count %v names_ar %v", row[2], row[4], row[3])
	}
	r, err = c.Query(ctx, "MATCH (:Entity {key:'wd:Q7747'})-[r:ADDRESSED]->(:Entity {key:'wd:Q318693'}) RETURN r.count, r.articles, r.first_seen, r.last_seen", nil, true)
	if err != nil || len(r.Rows) != 1 {
		t.Fatalf("edge: %v %v", r, err)
	}
	if r.Rows[0][0].(int64) != 2 || r.Rows[0][2] != "2022-01-10" || r.Rows[0][3] != "2022-01-11" {
		t.Errorf("edge aggregates %v", r.Rows[0])
	}
	if n := count(t, c, "MATCH (a:Article {id:'a1'}) RETURN count(a.desk)", nil); n != 1 {
		t.Errorf("article property desk not kept")
	}
}

func TestReplaceArticle(t *testing.T) {
	c := testneo4j.Open(t)
	ctx := context.Background()
	v1 := item("a1", "2022-01-10", []model.Entity{putinAr, csto, kz, local},
		rel("wd:Q7747", "ADDRESSED", "wd:Q318693", "old sentence"),
		rel("person:x", "CRITICIZED", "wd:Q232", "only here"))
	other := item("a2", "2022-01-11", []model.Entity{putinEn, csto2}, rel("wd:Q7747", "ADDRESSED", "wd:Q318693", "s2"))
	if err := c.WriteArticles(ctx, []graph.Item{v1, other}); err != nil {
		t.Fatal(err)
	}
	// New version of a1: no relations, the local person is gone.
	v2 := item("a1", "2022-01-10", []model.Entity{putinAr, kz})
	v2.ContentHash = "hash-a1-v2"
	if err := c.WriteArticles(ctx, []graph.Item{v2}); err != nil {
		t.Fatal(err)
	}
	if n := count(t, c, "MATCH (v:Evidence {article_id:'a1'}) RETURN count(v)", nil); n != 0 {
		t.Errorf("old evidence left: %d", n)
	}
	if n := count(t, c, "MATCH ()-[r:CRITICIZED]->() RETURN count(r)", nil); n != 0 {
		t.Errorf("edge without evidence left")
	}
	if n := count(t, c, "MATCH (e:Entity {key:'person:x'}) RETURN count(e)", nil); n != 0 {
		t.Errorf("orphan entity left")
	}
	if n := count(t, c, "MATCH ()-[r:ADDRESSED]->() RETURN r.count", nil); n != 1 {
		t.Errorf("ADDRESSED count = %d, want 1 (only a2 supports it now)", n)
	}
	if n := count(t, c, "MATCH (e:Entity {key:'wd:Q7747'}) RETURN e.mention_count", nil); n != 3 {
		t.Errorf("putin mention_count %d", n)
	}
}

func TestRejectsUnknownVocabulary(t *testing.T) {
	c := testneo4j.Open(t)
	ctx := context.Background()
	bad := item("a1", "", []model.Entity{putinAr, csto}, rel("wd:Q7747", "ADDRESSED]->(x) DETACH DELETE x //", "wd:Q318693", "s"))
	if err := c.WriteArticles(ctx, []graph.Item{bad}); !errors.Is(err, graph.ErrInvalidLabel) {
		t.Fatalf("err = %v", err)
	}
	e := putinAr
	e.Type = "Person:Admin"
	if err := c.WriteArticles(ctx, []graph.Item{item("a2", "", []model.Entity{e})}); !errors.Is(err, graph.ErrInvalidLabel) {
		t.Fatalf("label err = %v", err)
	}
	if n := count(t, c, "MATCH (n:Article) RETURN count(n)", nil); n != 0 {
		t.Errorf("something was written: %d articles", n)
	}
}

func TestUnreachable(t *testing.T) {
	if testing.Short() {
		t.Skip()
	}
	_, err := graph.Open(context.Background(), graph.Config{URI: "bolt://127.0.0.1:1", User: "neo4j", Password: "x"})
	if !errors.Is(err, graph.ErrUnavailable) {
		t.Fatalf("err = %v", err)
	}
}
