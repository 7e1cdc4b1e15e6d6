package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/llm/llmtest"
	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/testneo4j"
)

// The LLM back end end to end: the real kg binary against a fake
// OpenAI-compatible server in the test process (internal/llm/llmtest),
// which replays the hand-written reply in
// internal/llm/testdata/seed.content.json for the seed article.

const seedArticle = "../../../shared/corpus/seed/000_17f18ee68b87133c.txt"

const testAPIKey = "sk-test-never-printed"

func seedReply(t *testing.T) string {
	t.Helper()
	if _, err := os.Stat(seedArticle); err != nil {
		t.Skipf("seed article not found beside the repo: %v", err)
	}
	b, err := os.ReadFile("../../internal/llm/testdata/seed.content.json")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// llmKG prepares kg with the llm back end aimed at srv.
func llmKG(t *testing.T, srv *llmtest.Server, stageDir string, args ...string) *exec.Cmd {
	t.Helper()
	cmd := kgCmd(t, stageDir, args...)
	cmd.Env = append(cmd.Env, "KG_LLM_ENDPOINT="+srv.Endpoint(), "KG_LLM_MODEL=test-model:7b", "KG_LLM_API_KEY="+testAPIKey,
		"KG_LLM_MAX_CONCURRENCY=1", "KG_LOAD_WORKERS=1")
	return cmd
}

func runLLMKG(t *testing.T, srv *llmtest.Server, stageDir string, args ...string) (string, string, error) {
	t.Helper()
	cmd := llmKG(t, srv, stageDir, args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if strings.Contains(out.String()+errb.String(), testAPIKey) {
		t.Errorf("kg %v printed the API key", args)
	}
	return out.String(), errb.String(), err
}

// TestExtractLLMCachesReplies: kg extract --extractor llm gives the seed's
// core relations, grounded and marked llm; a second run answers from the
// reply cache in staging without an HTTP call; kg status counts both runs.
func TestExtractLLMCachesReplies(t *testing.T) {
	srv := llmtest.New(t, llmtest.Reply{Content: seedReply(t)})
	st := t.TempDir()
	var first string
	for run := 1; run <= 2; run++ {
		out, errb, err := runLLMKG(t, srv, st, "extract", "--extractor", "llm", seedArticle)
		if err != nil {
			t.Fatalf("run %d: %v\n%s", run, err, errb)
		}
		if srv.Calls() != 1 {
			t.Fatalf("run %d: %d HTTP calls in all, want 1", run, srv.Calls())
		}
		var x model.Extraction
		if err := json.Unmarshal([]byte(out), &x); err != nil {
			t.Fatalf("output %q: %v", out, err)
		}
		for _, want := range [][3]string{{"wd:Q7747", "ADDRESSED", "wd:Q318693"}, {"wd:Q159", "DEPLOYED_TROOPS_IN", "wd:Q232"}} {
			found := false
			for _, r := range x.Relations {
				if r.Subject == want[0] && r.Predicate == want[1] && r.Object == want[2] && r.Extractor == "llm" {
					found = true
				}
			}
			if !found {
				t.Errorf("run %d: no %v from the llm in %+v", run, want, x.Relations)
			}
		}
		if run == 1 {
			first = out
		} else if out != first {
			t.Error("the second run (cached reply) gives another extraction")
		}
		if !strings.Contains(errb, "kg: llm: ") {
			t.Errorf("run %d: no LLM stats on stderr: %s", run, errb)
		}
	}
	out, _, err := runLLMKG(t, srv, st, "status")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "llm             1 calls, 1200 tokens (1000 prompt, 200 reply), 1 cache hits") || !strings.Contains(out, "1 replies cached") {
		t.Errorf("kg status:\n%s", out)
	}
}

// TestLoadLLMBudget: with a token budget that one reply spends, kg load
// stages the first article, reports the other as not extracted (not
// failed, not staged) and exits non-zero; the next run goes on with it
// and asks nothing again for the first.
func TestLoadLLMBudget(t *testing.T) {
	reply := seedReply(t)
	text, err := os.ReadFile(seedArticle)
	if err != nil {
		t.Fatal(err)
	}
	corpus := filepath.Join(t.TempDir(), "two.jsonl")
	var b strings.Builder
	for _, id := range []string{"a1", "a2"} {
		j, _ := json.Marshal(map[string]string{"id": id, "text": string(text) + "\n" + id, "lang": "ar"})
		b.Write(j)
		b.WriteByte('\n')
	}
	if err := os.WriteFile(corpus, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	srv := llmtest.New(t, llmtest.Reply{Content: reply})
	st := t.TempDir()
	out, errb, err := runLLMKG(t, srv, st, "load", "--json", "--stage-only", "--extractor", "llm", "--llm-token-budget", "1000", corpus)
	if err == nil || !strings.Contains(errb, "token budget") || !strings.Contains(errb, "1 article(s) not extracted (first: a2)") {
		t.Fatalf("err %v, stderr:\n%s", err, errb)
	}
	var sum loadSummary
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("summary %q: %v", out, err)
	}
	if sum.Stage.Articles != 1 || sum.Stage.Deferred != 1 || sum.Stage.Failed != 0 || sum.LLM == nil || sum.LLM.BudgetSkipped != 1 || srv.Calls() != 1 {
		t.Fatalf("summary %+v, llm %+v, calls %d", sum.Stage, sum.LLM, srv.Calls())
	}
	out, errb, err = runLLMKG(t, srv, st, "load", "--json", "--stage-only", "--extractor", "llm", "--llm-token-budget", "1000", corpus)
	if err != nil {
		t.Fatalf("second run: %v\n%s", err, errb)
	}
	sum = loadSummary{}
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatal(err)
	}
	if sum.Stage.Articles != 2 || sum.Stage.Cached != 1 || sum.Stage.Extracted != 1 || srv.Calls() != 2 {
		t.Fatalf("second run: %+v, calls %d", sum.Stage, srv.Calls())
	}
}

// TestLoadLLMSeed: kg load --extractor llm against the fake server builds
// the seed's graph with both core relations, their evidence marked llm; a
// second run makes no HTTP call and leaves the graph as it was.
func TestLoadLLMSeed(t *testing.T) {
	reply := seedReply(t)
	c := testneo4j.Open(t)
	srv := llmtest.New(t, llmtest.Reply{Content: reply})
	st := t.TempDir()
	out, errb, err := runLLMKG(t, srv, st, "load", "--json", "--extractor", "llm", seedArticle)
	if err != nil {
		t.Fatalf("%v\n%s", err, errb)
	}
	var sum loadSummary
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("summary %q: %v", out, err)
	}
	if sum.Stage.Articles != 1 || sum.Push == nil || sum.Push.Articles != 1 || srv.Calls() != 1 {
		t.Fatalf("summary %+v, calls %d", sum, srv.Calls())
	}
	for _, q := range []string{
		`MATCH (:Entity {name: 'Vladimir Putin'})-[r:ADDRESSED]->(:Entity {name: 'Collective Security Treaty Organization'}) RETURN r.extractors`,
		`MATCH (:Entity {name: 'Russia'})-[r:DEPLOYED_TROOPS_IN]->(:Entity {name: 'Kazakhstan'}) RETURN r.extractors`,
	} {
		r, err := c.Query(context.Background(), q, nil, true)
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Rows) != 1 {
			t.Fatalf("%s: %d rows", q, len(r.Rows))
		}
		if ex, _ := r.Rows[0][0].([]any); len(ex) != 1 || ex[0] != "llm" {
			t.Errorf("%s: extractors %v", q, r.Rows[0][0])
		}
	}
	r, err := c.Query(context.Background(), `MATCH (v:Evidence) WHERE v.extractor IS NULL RETURN count(v)`, nil, true)
	if err != nil || r.Rows[0][0].(int64) != 0 {
		t.Errorf("evidence without extractor: %v %v", r, err)
	}
	first := testneo4j.Dump(t, c)
	if _, errb, err := runLLMKG(t, srv, st, "load", "--extractor", "llm", seedArticle); err != nil {
		t.Fatalf("second run: %v\n%s", err, errb)
	}
	if srv.Calls() != 1 {
		t.Errorf("the second run made %d HTTP calls", srv.Calls()-1)
	}
	if testneo4j.Dump(t, c) != first {
		t.Error("the second run changed the graph")
	}
}

// TestEvalLLM: kg eval scores the llm back end as it scores the built-in
// one: on the seed, the fake server's reply finds both core relations.
func TestEvalLLM(t *testing.T) {
	srv := llmtest.New(t, llmtest.Reply{Content: seedReply(t)})
	for _, backend := range []string{"llm", "hybrid"} {
		out, errb, err := runLLMKG(t, srv, t.TempDir(), "eval", "--json", "--extractor", backend, filepath.Dir(seedArticle))
		if err != nil {
			t.Fatalf("%s: %v\n%s", backend, err, errb)
		}
		var rep map[string]any
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatalf("%s: report %q: %v", backend, out, err)
		}
		if !strings.Contains(out, `"core_missing": []`) {
			t.Errorf("%s: core relations missed:\n%s", backend, out)
		}
	}
}

// TestDoctorLLM: kg doctor checks the LLM server when the extractor uses
// one: it answers and serves the model; no chat request.
func TestDoctorLLM(t *testing.T) {
	srv := llmtest.New(t)
	srv.Models = []string{"test-model:7b"}
	// no Neo4j (a closed port, not another one's server): only the llm
	// line matters
	noNeo4j := []string{"KG_NEO4J_URI=bolt://127.0.0.1:9", "KG_LOAD_RETRY_TIMEOUT=1s"}
	cmd := llmKG(t, srv, t.TempDir(), "doctor", "--extractor", "llm")
	cmd.Env = append(cmd.Env, noNeo4j...)
	out, _ := cmd.CombinedOutput()
	if !strings.Contains(string(out), "[ok  ] llm") || !strings.Contains(string(out), "serves test-model:7b") {
		t.Errorf("kg doctor:\n%s", out)
	}
	srv.Models = []string{"other"}
	cmd = llmKG(t, srv, t.TempDir(), "doctor", "--extractor", "llm")
	cmd.Env = append(cmd.Env, noNeo4j...)
	out, _ = cmd.CombinedOutput()
	if !strings.Contains(string(out), "[FAIL] llm") || !strings.Contains(string(out), "ollama pull") {
		t.Errorf("kg doctor, model not served:\n%s", out)
	}
	if srv.Calls() != 0 {
		t.Errorf("kg doctor made %d chat requests", srv.Calls())
	}
	if strings.Contains(string(out), testAPIKey) {
		t.Error("kg doctor printed the API key")
	}
}
