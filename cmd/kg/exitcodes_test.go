package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/kg-project/kg/internal/corpus"
	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/stage"
)

func TestCodeOf(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want int
	}{
		{nil, exitOK},
		{errors.New("boom"), exitError},
		{fmt.Errorf("writing: %w", context.Canceled), exitInterrupted},
		{fmt.Errorf("opening: %w", stage.ErrLocked), exitLocked},
		{fmt.Errorf("connecting: %w", graph.ErrAuth), exitAuth},
		{fmt.Errorf("connecting: %w", graph.ErrUnavailable), exitNeo4j},
		{usageError(errors.New(`unknown flag: --nope`)), exitUsage},
		{fmt.Errorf("1 bad input(s) skipped%w", skippedMark), exitInput},
		{fmt.Errorf("%w in x.jsonl", corpus.ErrNoArticles), exitInput},
		// Neo4j's refusal says more than the bad input that came with it
		{fmt.Errorf("%w; 1 bad input(s) skipped%w", graph.ErrUnavailable, skippedMark), exitNeo4j},
	} {
		if got := codeOf(tc.err); got != tc.want {
			t.Errorf("codeOf(%v) = %d, want %d", tc.err, got, tc.want)
		}
	}
	if got := fmt.Sprintf("done%v", skippedMark); got != "done" {
		t.Errorf("skippedMark prints %q", got)
	}
}

// TestExitCodes runs the kg binary into each case a script must tell apart.
func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.jsonl")
	if err := os.WriteFile(bad, []byte("{\"id\":\"a\",\"text\":\"\"}\n{\"id\":\"b\",\"text\":\"Putin met Biden in Geneva.\"}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	good := filepath.Join(dir, "good.jsonl")
	if err := os.WriteFile(good, []byte("{\"id\":\"b\",\"text\":\"Putin met Biden in Geneva.\"}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	locked := filepath.Join(dir, "locked")
	st, err := stage.Open(locked)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	run := func(env []string, args ...string) int {
		cmd := exec.Command(kgBin, args...)
		cmd.Env = append(os.Environ(), "KG_CONFIG="+filepath.Join(dir, "none.yaml"), "KG_STAGE_DIR="+filepath.Join(dir, "stage"))
		cmd.Env = append(cmd.Env, env...)
		err := cmd.Run()
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return ee.ExitCode()
		}
		if err != nil {
			t.Fatalf("kg %v: %v", args, err)
		}
		return 0
	}
	if err := os.WriteFile(filepath.Join(dir, "none.yaml"), []byte("{}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	unreachable := []string{"KG_NEO4J_URI=bolt://127.0.0.1:1", "KG_LOAD_RETRY_TIMEOUT=1s"}
	for _, tc := range []struct {
		name string
		env  []string
		args []string
		want int
	}{
		{"ok", nil, []string{"extract", "-q", good}, exitOK},
		{"unknown command", nil, []string{"nope"}, exitUsage},
		{"unknown flag", nil, []string{"extract", "--nope", good}, exitUsage},
		{"wrong arguments", nil, []string{"status", "extra"}, exitUsage},
		{"bad input skipped", nil, []string{"extract", "-q", bad}, exitInput},
		{"no articles", nil, []string{"extract", "-q", dir + "/missing.jsonl"}, exitInput},
		{"staging locked", []string{"KG_STAGE_DIR=" + locked}, []string{"load", "-q", "--stage-only", good}, exitLocked},
		{"neo4j unreachable", unreachable, []string{"push", "-q"}, exitNeo4j},
	} {
		if got := run(tc.env, tc.args...); got != tc.want {
			t.Errorf("%s: kg %v exits %d, want %d", tc.name, tc.args, got, tc.want)
		}
	}
}
