package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/corpus"
	"github.com/kg-project/kg/internal/testneo4j"
)

// snnSample writes the first n non-empty articles of a SaudiNewsNet day
// file from the shared folder as JSON Lines, or returns "" when the
// shared folder is not beside the repository.
func snnSample(t *testing.T, n int) string {
	t.Helper()
	shared := os.Getenv("KG_SHARED")
	if shared == "" {
		shared = "../../../shared"
	}
	zip := filepath.Join(shared, "data", "corpus", "saudinewsnet", "2015-07-21.zip")
	if _, err := os.Stat(zip); err != nil {
		t.Logf("no SaudiNewsNet sample (%v): generated and example articles only", err)
		return ""
	}
	var b bytes.Buffer
	stop := errors.New("enough")
	got := 0
	err := corpus.Walk(context.Background(), []string{zip}, corpus.Options{}, func(it corpus.Item) error {
		if it.Err != nil {
			return nil
		}
		a := it.Article
		rec := map[string]any{"id": a.ID, "title": a.Title, "text": a.Text, "url": a.URL, "published": a.Published, "lang": a.Lang}
		for k, v := range a.Props {
			rec["p_"+k] = v
		}
		j, err := json.Marshal(rec)
		if err != nil {
			return err
		}
		b.Write(j)
		b.WriteByte('\n')
		if got++; got == n {
			return stop
		}
		return nil
	})
	if err != nil && !errors.Is(err, stop) {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "snn.jsonl")
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// shardCorpus is the corpus of the sharding tests: the examples, 60
// generated articles, a file that repeats some of their ids with other
// content (the later copy wins) and one id twice, and, withSNN when the
// shared folder is there, 200 SaudiNewsNet articles (Arabic, with the
// spelling variants cross-article entity resolution merges).
func shardCorpus(t *testing.T, withSNN bool) []string {
	t.Helper()
	dups := filepath.Join(t.TempDir(), "dups.jsonl")
	var b strings.Builder
	for _, id := range []string{"gen-0005", "gen-0017", "gen-0042", "dup-a", "dup-a"} {
		fmt.Fprintf(&b, `{"id":%q,"text":"Omar Farouk met Mei Lin in Cairo. Farouk said the talks on %s were useful.","lang":"en"}`+"\n", id, id)
	}
	if err := os.WriteFile(dups, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	paths := []string{"../../examples/", genCorpus(t, 60), dups}
	if withSNN {
		if p := snnSample(t, 200); p != "" {
			paths = append(paths, p)
		}
	}
	return paths
}

// sharded is a corpus staged in one run (one) and as 3 shards (shards)
// merged (merged).
type sharded struct {
	one, merged string
	shards      []string
	whole       loadSummary       // kg load of the whole corpus
	merge       stageMergeSummary // kg stage merge
}

// stageSharded stages paths in one run, and as 3 shards (kg load
// --stage-only --shard I/3, one staging folder each; shard 1 through
// $KG_SHARD) merged by kg stage merge. The shards' counts (articles,
// duplicate ids, entities, relations) must add up to the one run's.
func stageSharded(t *testing.T, paths []string) sharded {
	t.Helper()
	root := t.TempDir()
	r := sharded{one: filepath.Join(root, "one"), merged: filepath.Join(root, "merged")}
	out, _ := runKG(t, r.one, append([]string{"load", "-q", "--json", "--stage-only"}, paths...)...)
	if err := json.Unmarshal([]byte(out), &r.whole); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	var sum loadSummary
	for i := 0; i < 3; i++ {
		dir := filepath.Join(root, fmt.Sprintf("shard-%d", i))
		r.shards = append(r.shards, dir)
		args := []string{"load", "-q", "--json", "--stage-only"}
		if i != 1 {
			args = append(args, "--shard", fmt.Sprintf("%d/3", i))
		}
		cmd := kgCmd(t, dir, append(args, paths...)...)
		if i == 1 {
			cmd.Env = append(cmd.Env, "KG_SHARD=1/3")
		}
		var o, e bytes.Buffer
		cmd.Stdout, cmd.Stderr = &o, &e
		if err := cmd.Run(); err != nil {
			t.Fatalf("shard %d: %v\n%s", i, err, e.String())
		}
		var s loadSummary
		if err := json.Unmarshal(o.Bytes(), &s); err != nil {
			t.Fatalf("%v: %s", err, o.String())
		}
		if s.Shard != fmt.Sprintf("%d/3", i) || s.Stage.Articles == 0 {
			t.Errorf("shard %d summary: %+v", i, s)
		}
		if n := strings.Count(e.String(), "duplicate article id"); n != s.Stage.Duplicates {
			t.Errorf("shard %d: %d duplicate warnings for %d duplicates", i, n, s.Stage.Duplicates)
		}
		sum.Stage.Articles += s.Stage.Articles
		sum.Stage.Duplicates += s.Stage.Duplicates
		sum.Stage.Entities += s.Stage.Entities
		sum.Stage.Relations += s.Stage.Relations
	}
	if w := r.whole.Stage; sum.Stage.Articles != w.Articles || sum.Stage.Duplicates != w.Duplicates || w.Duplicates < 4 ||
		sum.Stage.Entities != w.Entities || sum.Stage.Relations != w.Relations {
		t.Fatalf("the shards staged %+v, one run %+v", sum.Stage, w)
	}
	out, _ = runKG(t, r.merged, append([]string{"stage", "merge", "-q", "--json"}, r.shards...)...)
	if err := json.Unmarshal([]byte(out), &r.merge); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if ms := r.merge; ms.Merge.Articles != r.whole.Stage.Articles || ms.Merge.Sources != 3 || ms.Resolve.Articles != r.whole.Stage.Articles {
		t.Fatalf("merge: %+v", ms)
	}
	t.Logf("%d articles (%d duplicate ids skipped); shards %s; merged %d, resolution: %d keys, %d merged into %d entities",
		r.whole.Stage.Articles, r.whole.Stage.Duplicates, shardSizes(t, r.shards), r.merge.Merge.Articles,
		r.merge.Resolve.Keys, r.merge.Resolve.Merged, r.merge.Resolve.Groups)
	return r
}

// TestShardsEqualOneRun: a corpus staged as 3 shards merged by kg stage
// merge gives the neo4j-admin export of one run over the whole corpus,
// byte for byte: every article, entity with its aggregates and merged
// keys, evidence, mention and relation of the graph kg push builds
// (TestBulkImportEqualsPush shows the export is that graph).
func TestShardsEqualOneRun(t *testing.T) {
	paths := shardCorpus(t, true)
	r := stageSharded(t, paths)
	compareExports(t, adminExport(t, r.one), adminExport(t, r.merged))
	// The control: each shard resolved alone (a partial merge of it into a
	// folder of its own) merges fewer keys than the shards together, so
	// the equality above needs resolution over every shard.
	alone := 0
	for i, d := range r.shards {
		out, _ := runKG(t, filepath.Join(t.TempDir(), fmt.Sprintf("alone-%d", i)), "stage", "merge", "-q", "--json", "--partial", d)
		var s stageMergeSummary
		if err := json.Unmarshal([]byte(out), &s); err != nil {
			t.Fatalf("%v: %s", err, out)
		}
		alone += s.Resolve.Merged
	}
	t.Logf("keys merged: %d over the shards merged, %d over each shard alone", r.merge.Resolve.Merged, alone)
	if len(paths) == 4 && alone >= r.merge.Resolve.Merged {
		t.Errorf("each shard alone merges %d keys, all together %d: the test does not exercise cross-shard resolution", alone, r.merge.Resolve.Merged)
	}
}

// TestShardsPushEqualOneRun: kg push from the merged shards writes the
// graph kg push writes from one run (compared in Neo4j, every property
// with its type), and merging the same shards again then journals and
// writes nothing. (The generated and example articles only: pushing the
// SaudiNewsNet sample twice would take half a minute.)
func TestShardsPushEqualOneRun(t *testing.T) {
	c := testneo4j.Open(t)
	r := stageSharded(t, shardCorpus(t, false))
	runKG(t, r.one, "push", "-q")
	want := testneo4j.DumpTyped(t, c)
	testneo4j.Wipe(t, c)
	runKG(t, r.merged, "push", "-q")
	if got := testneo4j.DumpTyped(t, c); got != want {
		t.Fatalf("the graph pushed from the merged shards differs from one run's:\n%s", testneo4j.DumpDiff(want, got, 40))
	}
	out, _ := runKG(t, r.merged, append([]string{"stage", "merge", "-q", "--json"}, r.shards...)...)
	if !strings.Contains(out, `"journalled": 0`) {
		t.Errorf("merging again journalled articles:\n%s", out)
	}
	if out, _ := runKG(t, r.merged, "push"); !strings.Contains(out, "written 0 articles") {
		t.Errorf("kg push after merging again: %s", out)
	}
	t.Logf("equal graphs: %d lines", strings.Count(want, "\n")+1)
}

// shardSizes lists the articles each shard folder holds.
func shardSizes(t *testing.T, dirs []string) string {
	var s []string
	for _, d := range dirs {
		out, _ := runKG(t, d, "status", "--json")
		var st struct {
			Articles int `json:"articles"`
		}
		_ = json.Unmarshal([]byte(out), &st)
		s = append(s, fmt.Sprint(st.Articles))
	}
	return strings.Join(s, "+")
}

// adminExport runs kg export --format neo4j-admin on a staging folder and
// returns its CSV files by name.
func adminExport(t *testing.T, stageDir string) map[string][]byte {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "import")
	runKG(t, stageDir, "export", "-q", "--format", "neo4j-admin", dir)
	files, err := filepath.Glob(filepath.Join(dir, "*.csv"))
	if err != nil || len(files) < 6 {
		t.Fatalf("export files %v %v", files, err)
	}
	out := map[string][]byte{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(f)] = b
	}
	return out
}

func compareExports(t *testing.T, want, got map[string][]byte) {
	t.Helper()
	for name, w := range want {
		g, ok := got[name]
		if !ok {
			t.Errorf("%s missing", name)
			continue
		}
		if bytes.Equal(w, g) {
			continue
		}
		wl, gl := strings.Split(string(w), "\n"), strings.Split(string(g), "\n")
		for i := 0; i < max(len(wl), len(gl)); i++ {
			var a, b string
			if i < len(wl) {
				a = wl[i]
			}
			if i < len(gl) {
				b = gl[i]
			}
			if a != b {
				t.Errorf("%s differs (%d vs %d lines), first at line %d:\none run: %s\nshards: %s", name, len(wl), len(gl), i+1, a, b)
				break
			}
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d export files, want %d", len(got), len(want))
	}
	if rows := bytes.Count(want["articles.csv"], []byte("\n")); rows < 2 {
		t.Errorf("articles.csv has %d lines", rows)
	}
}
