package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/config"
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
