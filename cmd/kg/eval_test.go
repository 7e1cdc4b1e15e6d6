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
	"testing"

	"github.com/kg-project/kg/internal/eval"
	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/testshared"
)

// kindsDir is the invented article of internal/eval with an example of
// every kind of error (summit.txt, summit.gold.json, pred.jsonl).
var kindsDir = filepath.Join("..", "..", "internal", "eval", "testdata", "kinds")

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

type evalReport struct {
	eval.Report
	Problems []string `json:"problems"`
}

func runEvalJSON(t *testing.T, o evalOptions) (*evalReport, string, error) {
	t.Helper()
	o.json = true
	var out, errb bytes.Buffer
	err := runEval(context.Background(), o, &out, &errb)
	var r evalReport
	if jerr := json.Unmarshal(out.Bytes(), &r); jerr != nil {
		t.Fatalf("JSON output: %v\n%s\nstderr: %s", jerr, out.String(), errb.String())
	}
	return &r, errb.String(), err
}

// TestEvalPredictions: with PATH arguments kg eval scores the given
// predictions, explains every error, and exits 0 however low the scores.
func TestEvalPredictions(t *testing.T) {
	var out, errb bytes.Buffer
	o := evalOptions{goldDir: kindsDir, predictions: []string{filepath.Join(kindsDir, "pred.jsonl")}, explain: true}
	if err := runEval(context.Background(), o, &out, &errb); err != nil {
		t.Fatalf("%v (%s)", err, errb.String())
	}
	for _, want := range []string{
		"summit                     10   0.600   0.625   0.612        6         6   0.333   0.167   0.222   1",
		"entity misses                       3   not detected 1, wrong span 1, not linked 1",
		"relation misses                     5   entity missing 2, no relation 1, wrong predicate 1, wrong direction 1",
		"entity miss        not detected     otto_lind \"Otto Lind\" (Person)",
		"«Berg said the talks with the Sylvanian government were useful.»", // quoted from summit.txt
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	r, _, err := runEvalJSON(t, evalOptions{goldDir: kindsDir, predictions: []string{kindsDir}}) // a folder of .jsonl
	if err != nil || len(r.Problems) != 0 || r.Summary.MicroRelations.F1 != 0.222 || len(r.Articles[0].RelationFalsePositives) != 4 {
		t.Errorf("JSON report: %v, problems %v, summary %+v", err, r.Problems, r.Summary)
	}
}

// fixed extracts every article as the prediction of testdata/kinds.
type fixed struct{ x *model.Extraction }

func (f fixed) Extract(_ context.Context, a *model.Article) (*model.Extraction, error) {
	x := *f.x
	x.Doc.Source = a.Source
	return &x, nil
}

func (fixed) Version() string { return "test" }

func readFixed(t *testing.T) fixed {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(kindsDir, "pred.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	var x model.Extraction
	if err := json.Unmarshal(b, &x); err != nil {
		t.Fatal(err)
	}
	return fixed{&x}
}

// TestEvalBadInputsGoOn: an unreadable gold file and a missing article
// text are reported with their file names, the other articles are still
// scored, and the command fails at the end.
func TestEvalBadInputsGoOn(t *testing.T) {
	dir := t.TempDir()
	gold, err := os.ReadFile(filepath.Join(kindsDir, "summit.gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"a", "c"} {
		g := bytes.Replace(gold, []byte(`"summit.txt"`), []byte(`"`+name+`.txt"`), 1)
		if err := os.WriteFile(filepath.Join(dir, name+".gold.json"), g, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	copyFile(t, filepath.Join(kindsDir, "summit.txt"), filepath.Join(dir, "a.txt")) // c.txt is missing
	if err := os.WriteFile(filepath.Join(dir, "b.gold.json"), []byte(`{"document": "b.txt", "entities": [`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "d.gold.json"), []byte(`{"document": "d.txt", "entities": [{"key": "x"}], "relations": []}`), 0o644); err != nil {
		t.Fatal(err)
	}

	var out, errb bytes.Buffer
	err = runEval(context.Background(), evalOptions{goldDir: dir, extractor: readFixed(t)}, &out, &errb)
	if err == nil || !strings.Contains(err.Error(), "3 problems") || !strings.Contains(err.Error(), "b.gold.json: invalid JSON") {
		t.Fatalf("error %v, want 3 problems, the first in b.gold.json", err)
	}
	for _, want := range []string{
		filepath.Join(dir, "b.gold.json") + ": invalid JSON",
		filepath.Join(dir, "c.gold.json") + ": the article text: " + filepath.Join(dir, "c.txt"),
		filepath.Join(dir, "d.gold.json") + `: entities[0]: x: no "name"`,
	} {
		if !strings.Contains(errb.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, errb.String())
		}
	}
	text := out.String()
	if !strings.Contains(text, "a                          10   0.600   0.625   0.612") ||
		!strings.Contains(text, "not scored: no article text") || strings.Contains(text, "\nb ") {
		t.Errorf("table:\n%s", text)
	}

	// the same through --json: the problems are in the report too
	r, _, err := runEvalJSON(t, evalOptions{goldDir: dir, extractor: readFixed(t)})
	if err == nil || len(r.Problems) != 3 || r.Summary.Articles != 2 || r.Summary.NotScored != 1 {
		t.Errorf("JSON: %v, %d problems, summary %+v", err, len(r.Problems), r.Summary)
	}
}

// TestEvalPredictionProblems: a gold file without a prediction and a
// malformed prediction line are reported (file, line); the rest is scored.
func TestEvalPredictionProblems(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, filepath.Join(kindsDir, "summit.gold.json"), filepath.Join(dir, "summit.gold.json"))
	copyFile(t, filepath.Join(kindsDir, "summit.gold.json"), filepath.Join(dir, "other.gold.json"))
	gold, _ := os.ReadFile(filepath.Join(dir, "other.gold.json"))
	_ = os.WriteFile(filepath.Join(dir, "other.gold.json"), bytes.Replace(gold, []byte(`"summit.txt"`), []byte(`"other.txt"`), 1), 0o644)
	pred, _ := os.ReadFile(filepath.Join(kindsDir, "pred.jsonl"))
	p := filepath.Join(dir, "pred.jsonl")
	_ = os.WriteFile(p, append([]byte("{oops\n\n"), pred...), 0o644)

	r, stderr, err := runEvalJSON(t, evalOptions{goldDir: dir, predictions: []string{p}})
	if err == nil || !strings.Contains(err.Error(), "2 problems") {
		t.Fatalf("error %v", err)
	}
	if !strings.Contains(stderr, p+":1: invalid JSON") || !strings.Contains(stderr, `other.gold.json: no prediction for document "other.txt"`) {
		t.Errorf("stderr: %s", stderr)
	}
	if len(r.Articles) != 2 || r.Articles[0].NotScored == "" || r.Articles[1].Name != "summit" || r.Articles[1].Relations.F1 != 0.222 {
		t.Errorf("articles: %+v", r.Articles)
	}
}

func TestEvalUsageErrors(t *testing.T) {
	for _, c := range []struct {
		o    evalOptions
		want string
	}{
		{evalOptions{goldDir: t.TempDir()}, "no *.gold.json files in"},
		{evalOptions{goldDir: filepath.Join(t.TempDir(), "nowhere")}, "reading the gold folder"},
		{evalOptions{goldDir: kindsDir, predictions: []string{"x.jsonl"}, save: "y.jsonl"}, "--save-predictions"},
	} {
		var out, errb bytes.Buffer
		if err := runEval(context.Background(), c.o, &out, &errb); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: %v, want %q", c.o, err, c.want)
		}
	}
}

// TestEvalExtractAndRescore: kg eval extracts the articles with the
// built-in pipeline; scoring the saved extractions again with PATH gives
// the same report, but for why the relations with both entities found
// were missed (the relation model's scores, known only when extracting).
func TestEvalExtractAndRescore(t *testing.T) {
	saved := filepath.Join(t.TempDir(), "pred.jsonl")
	r1, stderr, err := runEvalJSON(t, evalOptions{goldDir: kindsDir, save: saved})
	if err != nil {
		t.Fatalf("%v: %s", err, stderr)
	}
	if r1.Summary.MicroEntities.Found == 0 {
		t.Errorf("the pipeline found no gold entity in summit.txt: %+v", r1.Summary)
	}
	r2, stderr, err := runEvalJSON(t, evalOptions{goldDir: kindsDir, predictions: []string{saved}})
	if err != nil {
		t.Fatalf("%v: %s", err, stderr)
	}
	whys := 0
	for _, a := range r1.Articles {
		for i := range a.RelationMisses {
			if e := &a.RelationMisses[i]; e.Kind == eval.NoRelation {
				if e.Why == "" {
					t.Errorf("%s: no why", e.Gold.Label())
				}
				if (e.Score == nil) != (e.Why == eval.NoCandidate) {
					t.Errorf("%s: why %s with score %+v", e.Gold.Label(), e.Why, e.Score)
				}
				e.Why, e.Score = "", nil
				whys++
			}
		}
	}
	if n := r1.Kinds.NoRelationWhy; whys == 0 || len(n) == 0 {
		t.Errorf("no no_relation miss explained: %d, %v", whys, n)
	}
	r1.Kinds.NoRelationWhy = nil
	b1, _ := json.Marshal(r1)
	b2, _ := json.Marshal(r2)
	if !bytes.Equal(b1, b2) {
		t.Errorf("extracting and re-scoring the saved extractions differ:\n%s\n%s", b1, b2)
	}
}

// TestEvalDevParity runs kg eval (extracting with the built-in pipeline)
// on the usable gold files of ../shared (seed, dev/en, dev_ar_01..15, in
// temporary copies: the held-out ones are never read) and the Python
// score_dev.py on the extractions it saved, and requires the same table:
// every article's entity F1 and relation counts, P, R and F1, core
// relations missed, and the macro and micro summary.
func TestEvalDevParity(t *testing.T) {
	sets := testshared.GoldSets(t)
	python := testshared.Python(t)
	tool := filepath.Join(testshared.Dir(t), "tools", "score_dev.py")
	for _, set := range sets {
		saved := filepath.Join(t.TempDir(), set.Name+".jsonl")
		r, stderr, err := runEvalJSON(t, evalOptions{goldDir: set.Dir, save: saved})
		if err != nil {
			t.Fatalf("%s: %v: %s", set.Name, err, stderr)
		}
		cmd := exec.Command(python, tool, set.Dir, saved, "--json")
		var perr bytes.Buffer
		cmd.Stderr = &perr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s: score_dev.py: %v\n%s", set.Name, err, perr.String())
		}
		var py struct {
			Articles []map[string]any `json:"articles"`
			Summary  map[string]any   `json:"summary"`
		}
		if err := json.Unmarshal(out, &py); err != nil {
			t.Fatal(err)
		}
		if len(py.Articles) != len(r.Articles) || len(r.Articles) != set.Files {
			t.Fatalf("%s: %d articles, Python %d, files %d", set.Name, len(r.Articles), len(py.Articles), set.Files)
		}
		for i, a := range r.Articles {
			got := fmt.Sprint(a.Name, a.Entities.F1, a.Relations.Predicted, a.Relations.Gold, a.Relations.Precision, a.Relations.Recall, a.Relations.F1, len(a.CoreMissing))
			p := py.Articles[i]
			want := fmt.Sprint(p["article"], p["entities_f1"], p["relations_predicted"], p["relations_required"], p["precision"], p["recall"], p["f1"], p["core_missing"])
			if got != want {
				t.Errorf("%s: article row\n Go     %s\n Python %s", set.Name, got, want)
			}
		}
		s, ps := r.Summary, py.Summary
		got := fmt.Sprint(s.Articles, s.MacroRelations.F1, s.MacroEntities.F1, s.MicroRelations.Precision, s.MicroRelations.Recall,
			s.MicroRelations.F1, s.MicroRelations.Predicted, s.MicroRelations.Gold, s.CoreMissing)
		want := fmt.Sprint(ps["articles"], ps["macro_relation_f1"], ps["macro_entity_f1"], ps["micro_relation_precision"], ps["micro_relation_recall"],
			ps["micro_relation_f1"], ps["relations_predicted"], ps["relations_required"], ps["core_missing"])
		if got != want {
			t.Errorf("%s: summary (articles, macro rel F1, macro ent F1, micro P R F1, predicted, required, core missing)\n Go     %s\n Python %s", set.Name, got, want)
		}
		t.Logf("%s: %s", set.Name, got)
	}
}
