package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/stage"
)

// TestGCKeepsHomeCountry: extractions staged with --home-country are the
// current rules run for a setting, not an old extractor's: kg gc run
// without the flag keeps them, and the commands that read staging take
// the flag to find them (kg export --format neo4j-admin reads staging
// only); without it, kg export says where they are.
func TestGCKeepsHomeCountry(t *testing.T) {
	dir := t.TempDir()
	stageDir := filepath.Join(dir, "stage")
	in := filepath.Join(dir, "a.jsonl")
	if err := os.WriteFile(in, []byte(`{"id":"g1","title":"","text":"وأعلنت وزارة الداخلية أمس القبض على خلية في الرياض."}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	runKG(t, stageDir, "load", "-q", "--stage-only", "--home-country", "Saudi Arabia", in)
	out, _ := runKG(t, stageDir, "gc")
	if !strings.HasPrefix(out, "dropped 0 ") {
		t.Errorf("kg gc without --home-country: %q", out)
	}
	out, _ = runKG(t, stageDir, "status", "--home-country", "Saudi Arabia")
	if !strings.Contains(out, "+home=wd:Q851") {
		t.Errorf("kg status after gc lost the extraction:\n%s", out)
	}
	hint, _ := runKG(t, stageDir, "export", "--format", "neo4j-admin", "--out", filepath.Join(dir, "bare"))
	if !strings.Contains(hint, "another home country") || !strings.Contains(hint, "+home=wd:Q851") {
		t.Errorf("kg export without --home-country does not say where the extractions are:\n%s", hint)
	}
	out = filepath.Join(dir, "import")
	runKG(t, stageDir, "export", "-q", "--home-country", "Saudi Arabia", "--format", "neo4j-admin", "--out", out)
	b, err := os.ReadFile(filepath.Join(out, "entities.csv"))
	if err != nil || !strings.Contains(string(b), "Ministry of Interior (Saudi Arabia)") {
		t.Errorf("kg export --home-country: %v\n%s", err, b)
	}
}

// TestKeptVersions: kg gc keeps the configured version and the same rules
// with and without a home country, nothing older.
func TestKeptVersions(t *testing.T) {
	st := &stage.Status{ExtractionsByVersion: map[string]int{
		"0.6.4+abc":              1,
		"0.6.4+abc+home=wd:Q851": 1,
		"0.6.4+abc+home=wd:Q79":  1,
		"0.6.3+def+home=wd:Q851": 1,
		"0.6.3+def":              1,
	}}
	for _, c := range []struct {
		cur  string
		want string
	}{
		{"0.6.4+abc", "0.6.4+abc 0.6.4+abc+home=wd:Q79 0.6.4+abc+home=wd:Q851"},
		{"0.6.4+abc+home=wd:Q851", "0.6.4+abc+home=wd:Q851 0.6.4+abc 0.6.4+abc+home=wd:Q79"},
		{"0.6.5+xyz", "0.6.5+xyz"},
	} {
		if got := strings.Join(keptVersions(c.cur, st), " "); got != c.want {
			t.Errorf("keptVersions(%s) = %s, want %s", c.cur, got, c.want)
		}
	}
}
