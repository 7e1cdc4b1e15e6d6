package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/testneo4j"
)

// An invented minister, named in full in one article, by given and family
// name in two, and by the extractor in each article under its own key.
var qarniArticles = []map[string]string{
	{"id": "q1", "lang": "ar", "title": "زيارة", "text": "استقبل وزير الصحة سامي بن فهد القرني في الرياض يوم الاثنين وفدا من منظمة الصحة العالمية. وقال سامي بن فهد القرني إن التعاون مستمر."},
	{"id": "q2", "lang": "ar", "title": "تصريح", "text": "أكد وزير الصحة سامي القرني أن الخطة الجديدة ستطبق في جميع المناطق. وأضاف القرني أن المستشفيات جاهزة."},
	{"id": "q3", "lang": "ar", "title": "اجتماع", "text": "ترأس الدكتور سامي القرني اجتماعا في جدة لمناقشة الخطة الصحية."},
}

func writeArticles(t *testing.T, arts []map[string]string) string {
	t.Helper()
	var b strings.Builder
	for _, a := range arts {
		j, _ := json.Marshal(a)
		b.Write(j)
		b.WriteByte('\n')
	}
	p := filepath.Join(t.TempDir(), "corpus.jsonl")
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

type personNode struct {
	Key     string
	Merged  []string
	Mention int64
}

// qarniNodes returns the person nodes with a name that has القرني.
func qarniNodes(t *testing.T, c *graph.Client) []personNode {
	t.Helper()
	r, err := c.Query(context.Background(), `MATCH (e:Person) WHERE any(a IN e.aliases WHERE a CONTAINS 'القرني')
RETURN e.key, coalesce(e.merged_keys, []), e.mention_count ORDER BY e.key`, nil, true)
	if err != nil {
		t.Fatal(err)
	}
	var out []personNode
	for _, row := range r.Rows {
		n := personNode{Key: row[0].(string), Mention: row[2].(int64)}
		for _, k := range row[1].([]any) {
			n.Merged = append(n.Merged, k.(string))
		}
		out = append(out, n)
	}
	return out
}

// TestEntityResolutionEndToEnd: articles that name one person differently
// give one node; kg entities split gives the split key its node back, and
// the split survives a re-load with more articles; kg push --all into a
// new database reproduces the graph, merges and split included.
func TestEntityResolutionEndToEnd(t *testing.T) {
	c := testneo4j.Open(t)
	st := t.TempDir()
	corpus := writeArticles(t, qarniArticles)
	runKG(t, st, "load", "-q", corpus)
	nodes := qarniNodes(t, c)
	if len(nodes) != 1 || len(nodes[0].Merged) == 0 {
		t.Fatalf("want one node for the minister, with merged keys: %+v", nodes)
	}
	canon, merged := nodes[0].Key, nodes[0].Merged[0]

	out, _ := runKG(t, st, "entities", "show", merged)
	if !strings.Contains(out, "is merged into "+canon) || !strings.Contains(out, "partial_name") {
		t.Errorf("entities show:\n%s", out)
	}
	out, _ = runKG(t, st, "entities", "list-merges", "--reason", "partial_name")
	if !strings.Contains(out, canon) || !strings.Contains(out, merged) {
		t.Errorf("entities list-merges:\n%s", out)
	}

	out, _ = runKG(t, st, "entities", "split", merged, "--note", "test")
	if !strings.Contains(out, "is now its own entity") || !strings.Contains(out, "graph updated") {
		t.Errorf("entities split:\n%s", out)
	}
	coMentionsRight(t, c, "after the split")
	nodes = qarniNodes(t, c)
	if keys := []string{nodes[0].Key, nodes[len(nodes)-1].Key}; len(nodes) != 2 || !slices.Contains(keys, canon) || !slices.Contains(keys, merged) {
		t.Fatalf("after the split: %+v", nodes)
	}

	// A re-load of the corpus with one more article: the split holds.
	// (The new article names Riyadh, as q1 does: a co-mention pair.)
	more := writeArticles(t, append(slices.Clone(qarniArticles), map[string]string{
		"id": "q4", "lang": "ar", "title": "افتتاح", "text": "افتتح وزير الصحة سامي بن فهد القرني مستشفى جديدا في الرياض. وقال سامي القرني إن المستشفى يخدم المنطقة."}))
	if err := os.Rename(more, corpus); err != nil { // the same file, grown
		t.Fatal(err)
	}
	runKG(t, st, "load", "-q", corpus)
	if got := qarniNodes(t, c); len(got) != 2 {
		t.Fatalf("after a re-load: %+v", got)
	}
	if coMentionsRight(t, c, "after a re-load") == "[]" { // the minister and Riyadh share q1 and q4
		t.Fatal("no pair shares 2 articles: the co-mention checks prove nothing")
	}
	want := testneo4j.Dump(t, c)

	// A new database (wiped: a new instance id) gets the same graph.
	testneo4j.Wipe(t, c)
	runKG(t, st, "push", "--all", "-q")
	if got := testneo4j.Dump(t, c); got != want {
		t.Fatalf("kg push --all into a new database gives another graph")
	}
	out, _ = runKG(t, st, "entities", "unsplit", merged)
	if !strings.Contains(out, "apply to it again") {
		t.Errorf("unsplit:\n%s", out)
	}
	if got := qarniNodes(t, c); len(got) != 1 {
		t.Fatalf("after unsplit: %+v", got)
	}
	coMentionsRight(t, c, "after unsplit")
}

// coMentionsRight: the co-mention counts kept in the graph (:CoMention)
// are the pairs of entities sharing 2 articles or more, counted from
// MENTIONED_IN as the graph is.
func coMentionsRight(t *testing.T, c *graph.Client, step string) string {
	t.Helper()
	rows := func(cypher string) string {
		r, err := c.Query(context.Background(), cypher, nil, true)
		if err != nil {
			t.Fatal(err)
		}
		return fmt.Sprint(r.Rows)
	}
	want := rows(`MATCH (a:Entity)-[:MENTIONED_IN]->(art:Article)<-[:MENTIONED_IN]-(b:Entity)
WHERE a.key < b.key
WITH a.key AS a, b.key AS b, count(art) AS n WHERE n >= 2
RETURN a, b, n ORDER BY a, b`)
	if got := rows(`MATCH (c:CoMention) RETURN c.a, c.b, c.articles ORDER BY c.a, c.b`); got != want {
		t.Fatalf("%s: co-mention counts\n%s\nwant (from MENTIONED_IN)\n%s", step, got, want)
	}
	t.Logf("%s: co-mention pairs %s", step, want)
	return want
}

func TestEntitiesCommandErrors(t *testing.T) {
	st := t.TempDir()
	corpus := writeArticles(t, qarniArticles[:1])
	runKG(t, st, "load", "-q", "--stage-only", corpus)
	for _, args := range [][]string{
		{"entities", "merge", "person:nobody", "person:سامي_بن_فهد_القرني", "--no-push"},
		{"entities", "merge", "person:سامي_بن_فهد_القرني", "person:سامي_بن_فهد_القرني", "--no-push"},
		{"entities", "unsplit", "person:سامي_بن_فهد_القرني", "--no-push"},
		{"entities", "list-merges", "--reason", "magic"},
	} {
		cmd := kgCmd(t, st, args...)
		out, err := cmd.CombinedOutput()
		if err == nil {
			t.Errorf("%v: no error\n%s", args, out)
		}
	}
}
