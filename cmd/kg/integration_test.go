package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/testneo4j"
)

// These tests run the real kg binary against the real test Neo4j.

var kgBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "kgbin")
	if err != nil {
		panic(err)
	}
	kgBin = filepath.Join(dir, "kg")
	out, err := exec.Command("go", "build", "-o", kgBin, ".").CombinedOutput()
	if err != nil {
		fmt.Fprintf(os.Stderr, "building kg: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// kgCmd prepares a kg command aimed at the test Neo4j and a staging dir.
func kgCmd(t *testing.T, stageDir string, args ...string) *exec.Cmd {
	t.Helper()
	cfg, _ := testneo4j.Config()
	empty := filepath.Join(t.TempDir(), "config.yaml") // no settings from the repo's config.yaml
	if err := os.WriteFile(empty, []byte("{}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(kgBin, args...)
	cmd.Env = append(os.Environ(),
		"KG_NEO4J_URI="+cfg.URI, "KG_NEO4J_USER="+cfg.User, "KG_NEO4J_PASSWORD="+cfg.Password,
		"KG_STAGE_DIR="+stageDir, "KG_CONFIG="+empty)
	return cmd
}

func runKG(t *testing.T, stageDir string, args ...string) (string, string) {
	t.Helper()
	cmd := kgCmd(t, stageDir, args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("kg %v: %v\nstdout: %s\nstderr: %s", args, err, out.String(), errb.String())
	}
	return out.String(), errb.String()
}

// genCorpus writes n generated English articles as JSON Lines.
func genCorpus(t *testing.T, n int) string {
	t.Helper()
	people := []string{"Amira Haddad", "John Carter", "Lena Novak", "Omar Farouk", "Mei Lin", "Pedro Alves"}
	places := []string{"Kazakhstan", "Russia", "Egypt", "France", "Brazil", "Japan", "Kenya"}
	var b strings.Builder
	for i := 0; i < n; i++ {
		p, q := people[i%len(people)], people[(i*5+1)%len(people)]
		x, y := places[i%len(places)], places[(i*3+2)%len(places)]
		text := fmt.Sprintf("President %s of %s met %s in %s on Monday. %s said talks with %s were useful. Officials in %s confirmed the visit number %d.",
			p, x, q, y, p, q, y, i)
		rec := map[string]any{"id": fmt.Sprintf("gen-%04d", i), "title": fmt.Sprintf("Talks %d", i), "text": text,
			"published": fmt.Sprintf("2022-01-%02d", 1+i%28), "lang": "en"}
		j, _ := json.Marshal(rec)
		b.Write(j)
		b.WriteByte('\n')
	}
	p := filepath.Join(t.TempDir(), "corpus.jsonl")
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func articleCount(t *testing.T, c *graph.Client) int64 {
	r, err := c.Query(context.Background(), "MATCH (a:Article) RETURN count(a)", nil, true)
	if err != nil {
		return -1
	}
	return r.Rows[0][0].(int64)
}

func TestLoadSeedTwice(t *testing.T) {
	c := testneo4j.Open(t)
	seed := "../../../shared/corpus/seed/000_17f18ee68b87133c.txt"
	if _, err := os.Stat(seed); err != nil {
		t.Skipf("seed article not found beside the repo: %v", err)
	}
	st := t.TempDir()
	out, _ := runKG(t, st, "load", "--json", seed)
	var sum loadSummary
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("summary %q: %v", out, err)
	}
	if sum.Stage.Articles != 1 || sum.Push == nil || sum.Push.Articles != 1 {
		t.Fatalf("summary %+v", sum)
	}
	first := testneo4j.Dump(t, c)
	if !strings.Contains(first, "N Article/") {
		t.Fatalf("no article node:\n%s", first)
	}
	runKG(t, st, "load", seed)
	if second := testneo4j.Dump(t, c); second != first {
		t.Fatalf("second load changed the graph")
	}
	// A fresh staging folder against the same graph: still the same graph.
	runKG(t, t.TempDir(), "load", seed)
	if third := testneo4j.Dump(t, c); third != first {
		t.Fatalf("load with a new staging folder changed the graph")
	}
}

func TestKilledLoadResumes(t *testing.T) {
	c := testneo4j.Open(t)
	corpus := genCorpus(t, 300)
	runKG(t, t.TempDir(), "load", "-q", "--batch-size", "3", corpus)
	want := testneo4j.Dump(t, c)
	testneo4j.Wipe(t, c)

	st := t.TempDir()
	cmd := kgCmd(t, st, "load", "-q", "--batch-size", "3", corpus)
	var errb bytes.Buffer
	cmd.Stderr = &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(60 * time.Second)
	for articleCount(t, c) < 30 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	killedAt := articleCount(t, c)
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	t.Logf("killed with %d of 300 articles in Neo4j", killedAt)
	if killedAt >= 300 {
		t.Log("load finished before the kill; the resume below is trivial")
	}
	runKG(t, st, "load", "-q", "--batch-size", "3", corpus)
	if got := testneo4j.Dump(t, c); got != want {
		t.Fatalf("graph after kill and resume differs from an uninterrupted load")
	}
}

func TestSecondWriterFails(t *testing.T) {
	testneo4j.Open(t)
	corpus := genCorpus(t, 300)
	st := t.TempDir()
	first := kgCmd(t, st, "load", "-q", "--batch-size", "1", corpus)
	if err := first.Start(); err != nil {
		t.Fatal(err)
	}
	defer first.Wait()
	defer first.Process.Kill()
	// Wait until the first holds the staging folder.
	for i := 0; i < 200; i++ {
		if _, err := os.Stat(filepath.Join(st, "LOCK")); err == nil {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	second := kgCmd(t, st, "load", corpus)
	var errb bytes.Buffer
	second.Stderr = &errb
	err := second.Run()
	if err == nil {
		t.Fatal("second kg on the same staging folder succeeded")
	}
	msg := strings.TrimSpace(errb.String())
	if !strings.Contains(msg, "in use by another kg process") || strings.Count(msg, "\n") != 0 {
		t.Fatalf("stderr = %q", msg)
	}
}

// TestNeo4jRestartMidLoad stops the test Neo4j during a load and starts it
// again; kg must wait, resume and produce the graph of an uninterrupted run.
// It needs KG_TEST_NEO4J_CTL, a command that takes "stop" or "start" (make
// test sets it for its own instance).
func TestNeo4jRestartMidLoad(t *testing.T) {
	ctl := testneo4j.Ctl(t, "")
	c := testneo4j.Open(t)
	corpus := genCorpus(t, 200)
	runKG(t, t.TempDir(), "load", "-q", "--batch-size", "2", corpus)
	want := testneo4j.Dump(t, c)
	testneo4j.Wipe(t, c)

	st := t.TempDir()
	cmd := kgCmd(t, st, "load", "-q", "--batch-size", "2", "--retry-timeout", "3m", corpus)
	var errb bytes.Buffer
	cmd.Stderr = &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	for articleCount(t, c) < 20 {
		time.Sleep(20 * time.Millisecond)
	}
	if n := articleCount(t, c); n >= 200 {
		t.Fatalf("the load finished (%d articles) before Neo4j could be stopped", n)
	}
	ctlRun := func(verb string) {
		out, err := exec.Command("sh", "-c", ctl+" "+verb).CombinedOutput()
		if err != nil {
			t.Fatalf("%s %s: %v\n%s", ctl, verb, err, out)
		}
	}
	ctlRun("stop")
	time.Sleep(2 * time.Second)
	ctlRun("start")
	if err := cmd.Wait(); err != nil {
		t.Fatalf("kg load did not survive the restart: %v\n%s", err, errb.String())
	}
	t.Logf("kg's stderr during the restart:\n%s", strings.TrimSpace(errb.String()))
	if !strings.Contains(errb.String(), "retrying") {
		t.Errorf("kg did not say that it was waiting for Neo4j")
	}
	c2 := testneo4j.Connect(t)
	if got := testneo4j.Dump(t, c2); got != want {
		t.Fatalf("graph after a Neo4j restart mid-load differs from an uninterrupted load")
	}
}

// TestCrossLingualMerge loads the Arabic seed article and an English
// article about the same events: Putin, Russia and Kazakhstan must each be
// one node, carrying the names of both languages.
func TestCrossLingualMerge(t *testing.T) {
	c := testneo4j.Open(t)
	seed := "../../../shared/corpus/seed/000_17f18ee68b87133c.txt"
	if _, err := os.Stat(seed); err != nil {
		t.Skipf("seed article not found beside the repo: %v", err)
	}
	runKG(t, t.TempDir(), "load", "-q", seed, "../../examples/articles/en_summit.txt")
	for _, tc := range []struct{ name, ar, en string }{
		{"Vladimir Putin", "بوتين", "Putin"},
		{"Russia", "روسيا", "Russia"},
		{"Kazakhstan", "كازاخستان", "Kazakhstan"},
	} {
		r, err := c.Query(context.Background(),
			"MATCH (e:Entity {name: $name}) RETURN e.key, e.aliases, e.article_count", map[string]any{"name": tc.name}, true)
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Rows) != 1 {
			t.Errorf("%s: %d nodes, want 1", tc.name, len(r.Rows))
			continue
		}
		aliases := fmt.Sprint(r.Rows[0][1])
		if !strings.Contains(aliases, tc.ar) || !strings.Contains(aliases, tc.en) || r.Rows[0][2].(int64) != 2 {
			t.Errorf("%s: key %v aliases %s articles %v", tc.name, r.Rows[0][0], aliases, r.Rows[0][2])
		}
	}
}

// TestNeo4jDownThenUp: with Neo4j unreachable, kg load stages everything,
// gives up after the retry timeout with one clear line, and the next run
// writes it all.
func TestNeo4jDownThenUp(t *testing.T) {
	c := testneo4j.Open(t)
	corpus := genCorpus(t, 20)
	st := t.TempDir()
	cmd := kgCmd(t, st, "load", "-q", "--retry-timeout", "2s", "--neo4j-uri", "bolt://127.0.0.1:1", corpus)
	var errb bytes.Buffer
	cmd.Stderr = &errb
	if err := cmd.Run(); err == nil {
		t.Fatal("kg load succeeded without Neo4j")
	}
	lines := strings.Split(strings.TrimSpace(errb.String()), "\n")
	last := lines[len(lines)-1]
	if !strings.Contains(last, "staged 20 articles") || !strings.Contains(last, "not reachable") {
		t.Fatalf("last line = %q", last)
	}
	out, _ := runKG(t, st, "status")
	if !strings.Contains(out, "articles        20") {
		t.Fatalf("status after the failed load:\n%s", out)
	}
	runKG(t, st, "load", "-q", corpus)
	if n := articleCount(t, c); n != 20 {
		t.Fatalf("%d articles in Neo4j after the second run, want 20", n)
	}
}
