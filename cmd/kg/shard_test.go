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
// generated articles in 6 files, and, withSNN when the shared folder is
// there, 150 SaudiNewsNet articles in 4 files (Arabic, with the spelling
// variants cross-article entity resolution merges); last, a file that
// repeats some generated ids with other content (the later copy wins) and
// one id twice. Cut by file into 3, the repeated ids are in other shards
// than their first copies.
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
	paths := []string{"../../examples/", splitLines(t, genCorpus(t, 60), 6)}
	if withSNN {
		if p := snnSample(t, 150); p != "" {
			paths = append(paths, splitLines(t, p, 4))
		}
	}
	return append(paths, dups)
}

// splitLines cuts a JSON Lines file into n files of a new folder, in order.
func splitLines(t *testing.T, path string, n int) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(strings.TrimSuffix(string(b), "\n"), "\n")
	dir := t.TempDir()
	per := (len(lines) + n - 1) / n
	for i := 0; i*per < len(lines); i++ {
		part := strings.Join(lines[i*per:min(len(lines), (i+1)*per)], "")
		if !strings.HasSuffix(part, "\n") {
			part += "\n"
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("part-%02d.jsonl", i)), []byte(part), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// sharded is a corpus staged in one run (one) and as 3 shards (shards)
// merged (merged).
type sharded struct {
	one, merged string
	shards      []string
	whole       loadSummary       // kg load of the whole corpus
	merge       stageMergeSummary // kg stage merge
}

// stageSharded stages paths in one run, and as 3 shards cut by (id or
// file: kg load --stage-only --shard I/3 --shard-by BY, one staging folder
// each; shard 1 through $KG_SHARD and $KG_SHARD_BY) merged by kg stage
// merge. The shards' counts (articles, duplicate ids; by id also entities
// and relations) must add up to the one run's.
func stageSharded(t *testing.T, paths []string, by string) sharded {
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
			args = append(args, "--shard", fmt.Sprintf("%d/3", i), "--shard-by", by)
		}
		cmd := kgCmd(t, dir, append(args, paths...)...)
		if i == 1 {
			cmd.Env = append(cmd.Env, "KG_SHARD=1/3", "KG_SHARD_BY="+by)
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
		if s.Shard != fmt.Sprintf("%d/3", i) || s.ShardBy != by || s.Stage.Articles == 0 {
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
	// Given in reverse: cut by file, the merge goes in shard order anyway.
	out, errOut := runKG(t, r.merged, append([]string{"stage", "merge", "-q", "--json"}, r.shards[2], r.shards[1], r.shards[0])...)
	if err := json.Unmarshal([]byte(out), &r.merge); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	ms, w := r.merge, r.whole.Stage
	if n := strings.Count(errOut, "duplicate article id"); n != ms.Merge.Duplicates {
		t.Errorf("merge: %d duplicate warnings for %d duplicates", n, ms.Merge.Duplicates)
	}
	if sum.Stage.Articles-ms.Merge.Duplicates != w.Articles || sum.Stage.Duplicates+ms.Merge.Duplicates != w.Duplicates || w.Duplicates < 4 ||
		(by == "id" && (ms.Merge.Duplicates != 0 || sum.Stage.Entities != w.Entities || sum.Stage.Relations != w.Relations)) ||
		(by == "file" && ms.Merge.Duplicates < 1) {
		t.Fatalf("the shards staged %+v and their merge replaced %d duplicate ids; one run staged %+v", sum.Stage, ms.Merge.Duplicates, w)
	}
	if ms.Merge.Articles != sum.Stage.Articles || ms.Merge.Sources != 3 || ms.Resolve.Articles != w.Articles {
		t.Fatalf("merge: %+v", ms)
	}
	t.Logf("by %s: %d articles (%d duplicate ids skipped); shards %s; merged %d (%d duplicate ids replaced), resolution: %d keys, %d merged into %d entities",
		by, w.Articles, w.Duplicates, shardSizes(t, r.shards), ms.Merge.Articles, ms.Merge.Duplicates,
		ms.Resolve.Keys, ms.Resolve.Merged, ms.Resolve.Groups)
	return r
}

// TestShardsEqualOneRun: a corpus staged as 3 shards, cut by article id
// and cut by file, merged by kg stage merge, gives the neo4j-admin export
// of one run over the whole corpus, byte for byte: every article, entity
// with its aggregates and merged keys, evidence, mention and relation of
// the graph kg push builds (TestBulkImportEqualsPush shows the export is
// that graph).
func TestShardsEqualOneRun(t *testing.T) {
	paths := shardCorpus(t, true)
	var one map[string][]byte
	for _, by := range []string{"id", "file"} {
		r := stageSharded(t, paths, by)
		if one == nil {
			one = adminExport(t, r.one)
		}
		compareExports(t, one, adminExport(t, r.merged))
		if by != "id" {
			continue
		}
		// The control: each shard resolved alone (a partial merge of it
		// into a folder of its own) merges fewer keys than the shards
		// together, so the equality needs resolution over every shard.
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
}

// TestShardsPushEqualOneRun: kg push from the merged shards (cut by file,
// with ids repeated across shards) writes the
// graph kg push writes from one run (compared in Neo4j, every property
// with its type), and merging the same shards again then journals and
// writes nothing. (The generated and example articles only: pushing the
// SaudiNewsNet sample twice would take half a minute.)
func TestShardsPushEqualOneRun(t *testing.T) {
	c := testneo4j.Open(t)
	r := stageSharded(t, shardCorpus(t, false), "file")
	runKG(t, r.one, "push", "-q")
	want := testneo4j.DumpTyped(t, c)
	testneo4j.Wipe(t, c)
	runKG(t, r.merged, "push", "-q")
	if got := testneo4j.DumpTyped(t, c); got != want {
		t.Fatalf("the graph pushed from the merged shards differs from one run's:\n%s", testneo4j.DumpDiff(want, got, 40))
	}
	out, _ := runKG(t, r.merged, append([]string{"stage", "merge", "-q", "--json"}, r.shards...)...)
	if !strings.Contains(out, `"pending": 0`) {
		t.Errorf("merging again journalled articles:\n%s", out)
	}
	if out, _ := runKG(t, r.merged, "push"); !strings.Contains(out, "written 0 articles") {
		t.Errorf("kg push after merging again: %s", out)
	}
	if got := testneo4j.DumpTyped(t, c); got != want {
		t.Fatalf("merging again and kg push changed the graph:\n%s", testneo4j.DumpDiff(want, got, 40))
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

// TestExtractShards: kg extract --shard I/2, cut by id and by file, gives
// each article of kg extract over the whole corpus once, with the same
// output; a bad --shard is refused naming where it came from.
func TestExtractShards(t *testing.T) {
	paths := []string{"../../examples/", splitLines(t, genCorpus(t, 12), 3)}
	docs := func(out string) map[string]string {
		m := map[string]string{}
		for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
			if l == "" {
				continue
			}
			var x struct {
				Doc struct {
					ID string `json:"id"`
				} `json:"doc"`
			}
			if err := json.Unmarshal([]byte(l), &x); err != nil {
				t.Fatalf("%v: %s", err, l)
			}
			if _, dup := m[x.Doc.ID]; dup {
				t.Fatalf("article %s twice", x.Doc.ID)
			}
			m[x.Doc.ID] = l
		}
		return m
	}
	st := t.TempDir()
	out, _ := runKG(t, st, append([]string{"extract", "-q"}, paths...)...)
	all := docs(out)
	for _, by := range []string{"id", "file"} {
		got := map[string]string{}
		for i := 0; i < 2; i++ {
			out, _ := runKG(t, st, append([]string{"extract", "-q", "--shard", fmt.Sprintf("%d/2", i), "--shard-by", by}, paths...)...)
			for id, l := range docs(out) {
				if _, dup := got[id]; dup {
					t.Errorf("by %s: article %s in two shards", by, id)
				}
				got[id] = l
			}
		}
		if len(got) != len(all) {
			t.Errorf("by %s: the shards extracted %d articles, the whole corpus %d", by, len(got), len(all))
		}
		for id, l := range all {
			if got[id] != l {
				t.Errorf("by %s: article %s extracted differently in its shard", by, id)
			}
		}
	}
	for _, bad := range [][]string{{"--shard", "3/3"}, {"--shard", "1/0"}, {"--shard", "x"}, {"--shard", "0/2", "--shard-by", "line"}} {
		_, errOut := runKGFail(t, st, append(append([]string{"extract", "-q"}, bad...), paths...)...)
		if !strings.Contains(errOut, "--shard") {
			t.Errorf("kg extract %v: %s", bad, errOut)
		}
	}
	cmd := kgCmd(t, st, append([]string{"extract", "-q"}, paths...)...)
	cmd.Env = append(cmd.Env, "KG_SHARD=2/2")
	if out, err := cmd.CombinedOutput(); err == nil || !strings.Contains(string(out), "$KG_SHARD") {
		t.Errorf("KG_SHARD=2/2: %v %s", err, out)
	}
}

// TestShardFolderRefusals: a shard staging folder stages its shard only,
// and the commands that write a whole graph from staging refuse it.
func TestShardFolderRefusals(t *testing.T) {
	st := t.TempDir()
	runKG(t, st, "load", "-q", "--stage-only", "--shard", "0/2", "../../examples/")
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"load", "-q", "--stage-only", "../../examples/"}, "holds shard 0/2 by id"},
		{[]string{"load", "-q", "--stage-only", "--shard", "1/2", "../../examples/"}, "cannot stage shard 1/2"},
		{[]string{"load", "-q", "--stage-only", "--shard", "0/2", "--shard-by", "file", "../../examples/"}, "cannot stage shard 0/2 by file"},
		{[]string{"load", "-q", "--shard", "0/2", "../../examples/"}, "needs --stage-only"},
		{[]string{"push", "-q"}, "merge the shard folders first"},
		{[]string{"export", "-q", "--format", "neo4j-admin", filepath.Join(t.TempDir(), "x")}, "merge the shard folders first"},
	} {
		if _, errOut := runKGFail(t, st, tt.args...); !strings.Contains(errOut, tt.want) {
			t.Errorf("kg %v: %s (want %q)", tt.args, errOut, tt.want)
		}
	}
	if out, _ := runKG(t, st, "status"); !strings.Contains(out, "shard           0/2 by id") {
		t.Errorf("kg status of a shard folder:\n%s", out)
	}
}
