package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/kg-project/kg/internal/config"
	"github.com/kg-project/kg/internal/testneo4j"
)

func stageOnlyOptions(t *testing.T, paths ...string) loadOptions {
	cfg := &config.Config{Stage: config.Stage{Dir: filepath.Join(t.TempDir(), "stage")}, Load: config.LoadOpts{Workers: 1}}
	return loadOptions{cfg: cfg, paths: paths, stageOnly: true}
}

// TestRunLoadNoArticles: kg load fails when the paths yield no article,
// naming them, and does not claim that anything was loaded.
func TestRunLoadNoArticles(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(t.TempDir(), "bad.jsonl")
	if err := os.WriteFile(bad, []byte("{oops\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		paths []string
		want  string
	}{
		{[]string{dir}, "no articles found in " + dir},
		{[]string{dir, bad}, "no articles found in " + dir + ", " + bad + ": 1 bad input(s) skipped, first: " + bad + ":1: malformed record"},
	} {
		var out, errb bytes.Buffer
		err := runLoad(context.Background(), stageOnlyOptions(t, tt.paths...), &out, &errb)
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("error %v, want %q", err, tt.want)
		}
	}
}

// TestRunLoadBadInput: the error names the first bad input and says how
// many articles were staged.
func TestRunLoadBadInput(t *testing.T) {
	p := filepath.Join(t.TempDir(), "in.jsonl")
	body := `{"id":"a","text":"Putin visited Cairo."}` + "\n{oops\n" + `{"id":"c","text":"Macron visited Rabat."}` + "\n"
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	err := runLoad(context.Background(), stageOnlyOptions(t, p), &out, &errb)
	want := "1 bad input(s) skipped (first: " + p + ":2: malformed record"
	if err == nil || !strings.HasPrefix(err.Error(), want) || !strings.HasSuffix(err.Error(), "; 2 article(s) staged") {
		t.Fatalf("error %v, want %q ... 2 article(s) staged", err, want)
	}
}

// TestTwoLoadsOverlap runs two kg loads from different staging folders
// into one empty Neo4j at once, over the same articles. Before, one failed
// with Neo.ClientError.Schema.ConstraintValidationFailed (two MERGEs or
// CREATEs of the same key). Both must succeed with the graph of one load.
// The folders are staged first (--stage-only), so that the two writers
// start together; then two `kg load`s find everything staged and only
// write.
func TestTwoLoadsOverlap(t *testing.T) {
	c := testneo4j.Open(t)
	corpus := genCorpus(t, 80)
	runKG(t, t.TempDir(), "load", "-q", "--batch-size", "2", corpus)
	want := testneo4j.Dump(t, c)

	dirs := []string{t.TempDir(), t.TempDir()}
	for _, d := range dirs {
		runKG(t, d, "load", "-q", "--stage-only", corpus)
	}
	// Each round wipes the graph: a new database to both folders, which
	// queue everything again.
	for round := 0; round < 3; round++ {
		testneo4j.Wipe(t, c)
		var wg sync.WaitGroup
		errs := make([]string, 2)
		for i := range errs {
			cmd := kgCmd(t, dirs[i], "load", "-q", "--batch-size", "2", corpus)
			var errb bytes.Buffer
			cmd.Stderr = &errb
			wg.Add(1)
			go func() {
				defer wg.Done()
				if err := cmd.Run(); err != nil {
					errs[i] = err.Error() + ": " + errb.String()
				}
			}()
		}
		wg.Wait()
		for i, e := range errs {
			if e != "" {
				t.Fatalf("round %d: load %d failed: %s", round, i, e)
			}
		}
		if got := testneo4j.Dump(t, c); got != want {
			t.Fatalf("round %d: graph of two concurrent loads differs from one load's", round)
		}
	}
}

// TestDuplicateIDsLoad: a corpus where some ids occur twice with different
// content. The last occurrence in input order is loaded, each duplicate is
// a warning naming both sources, re-running changes nothing (no flip), and
// kg status agrees with Neo4j.
func TestDuplicateIDsLoad(t *testing.T) {
	c := testneo4j.Open(t)
	dir := t.TempDir()
	gen := genCorpus(t, 40)
	b, err := os.ReadFile(gen)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "a.jsonl"), b, 0o644)
	// b.jsonl repeats gen-0003 and gen-0007 with other titles, and
	// gen-0007 once more within the file.
	os.WriteFile(filepath.Join(dir, "b.jsonl"), []byte(`{"id":"gen-0003","title":"Second 3","text":"President Lena Novak of Egypt met Omar Farouk in Japan."}
{"id":"gen-0007","title":"Second 7","text":"President Mei Lin of France met John Carter in Kenya."}
{"id":"gen-0007","title":"Third 7","text":"President Pedro Alves of Brazil met Amira Haddad in Russia."}
`), 0o644)
	st := t.TempDir()
	out, errOut := runKG(t, st, "load", "--json", "-q", "--workers", "4", dir)
	for _, want := range []string{
		`duplicate article id "gen-0003": ` + filepath.Join(dir, "a.jsonl") + `:4 is replaced by ` + filepath.Join(dir, "b.jsonl") + `:1 (different content`,
		`duplicate article id "gen-0007": ` + filepath.Join(dir, "b.jsonl") + `:2 is replaced by ` + filepath.Join(dir, "b.jsonl") + `:3`,
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	var sum loadSummary
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatal(err)
	}
	if sum.Stage.Articles != 40 || sum.Stage.Duplicates != 3 || sum.Push == nil || sum.Push.Articles != 40 {
		t.Fatalf("summary %+v push %+v", sum.Stage, sum.Push)
	}
	r, err := c.Query(context.Background(), "MATCH (a:Article) WHERE a.id IN ['gen-0003', 'gen-0007'] RETURN a.title ORDER BY a.id", nil, true)
	if err != nil || len(r.Rows) != 2 || r.Rows[0][0] != "Second 3" || r.Rows[1][0] != "Third 7" {
		t.Fatalf("titles in Neo4j: %v %v", r, err)
	}
	first := testneo4j.Dump(t, c)
	for i := 0; i < 2; i++ {
		out, _ = runKG(t, st, "load", "--json", "-q", "--workers", "4", dir)
		json.Unmarshal([]byte(out), &sum)
		if sum.Stage.Journalled != 0 || sum.Push.Articles != 0 {
			t.Fatalf("re-run %d journalled %d, wrote %d (flip)", i, sum.Stage.Journalled, sum.Push.Articles)
		}
		if got := testneo4j.Dump(t, c); got != first {
			t.Fatalf("re-run %d changed the graph", i)
		}
	}
	out, _ = runKG(t, st, "status", "--json")
	var s struct {
		Articles int
		Targets  []struct{ Loaded, Pending int }
	}
	if err := json.Unmarshal([]byte(out), &s); err != nil || len(s.Targets) != 1 {
		t.Fatalf("status %s: %v", out, err)
	}
	if n := articleCount(t, c); s.Articles != int(n) || s.Targets[0].Loaded != int(n) || s.Targets[0].Pending != 0 {
		t.Fatalf("status %+v disagrees with Neo4j's %d articles", s, n)
	}
}
