package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/testneo4j"
)

// runRoot runs kg in process with args, outside the repository (no
// config.yaml), and returns stdout, stderr and the error.
func runRoot(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	t.Chdir(t.TempDir())
	t.Setenv("KG_CONFIG", "")
	var out, errb bytes.Buffer
	g := &globalOptions{stdout: &out, stderr: &errb}
	root := newRootCommand(g)
	root.SetArgs(args)
	err := root.ExecuteContext(context.Background())
	return out.String(), errb.String(), err
}

// TestConfigWarningsOnStderr: a misspelt key in the config file is named
// on stderr with the key kg knows; a bad KG_* value names the variable.
func TestConfigWarningsOnStderr(t *testing.T) {
	cfg := filepath.Join(t.TempDir(), "kg.yaml")
	if err := os.WriteFile(cfg, []byte("load:\n  batchsize: 10\n  wokers: 3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, err := runRoot(t, "browser", "--config", cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"kg: warning: " + cfg + `:2: unknown key "load.batchsize" is ignored (did you mean "load.batch_size"?)`,
		"kg: warning: " + cfg + `:3: unknown key "load.wokers" is ignored (did you mean "load.workers"?)`,
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	_, stderr, _ = runRoot(t, "--json", "browser", "--config", cfg)
	if !strings.Contains(stderr, `{"warning":"`+cfg+`:2: unknown key`) {
		t.Errorf("--json warning: %s", stderr)
	}

	t.Setenv("KG_LOAD_BATCH_SIZE", "abc")
	_, _, err = runRoot(t, "status")
	if err == nil || !strings.Contains(err.Error(), `load.batch_size: "abc" (from $KG_LOAD_BATCH_SIZE) is not a whole number`) {
		t.Errorf("KG_LOAD_BATCH_SIZE=abc: %v", err)
	}
}

// TestURIPasswordRedacted: kg doctor and kg browser print the URI without
// the password written in it, whether Neo4j answers or not.
func TestURIPasswordRedacted(t *testing.T) {
	uri := "bolt://neo4j:Sup3rSecret@127.0.0.1:1"
	out, stderr, err := runRoot(t, "doctor", "--neo4j-uri", uri, "--retry-timeout", "1s")
	if err == nil || !strings.Contains(out, "bolt://neo4j:xxxxx@127.0.0.1:1") {
		t.Errorf("doctor: %v\n%s", err, out)
	}
	out, _, err = runRoot(t, "browser", "--neo4j-uri", uri)
	if err != nil || !strings.Contains(out, "Connect URL:    bolt://neo4j:xxxxx@127.0.0.1:1") {
		t.Errorf("browser: %v\n%s", err, out)
	}
	_, _, err = runRoot(t, "browser", "--neo4j-uri", "neo4j:Sup3rSecret@127.0.0.1:1")
	if err == nil || strings.Contains(err.Error(), "Sup3rSecret") {
		t.Errorf("browser, bad URI: %v", err)
	}
	if strings.Contains(out+stderr, "Sup3rSecret") {
		t.Errorf("password shown:\n%s\n%s", out, stderr)
	}

	// On the real server: connected, with the password from a file.
	testneo4j.Connect(t)
	cfg, _ := testneo4j.Config()
	pw := filepath.Join(t.TempDir(), "pw")
	if err := os.WriteFile(pw, []byte(cfg.Password+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("KG_NEO4J_PASSWORD", "wrong-password")
	uri = strings.Replace(cfg.URI, "://", "://neo4j:Sup3rSecret@", 1)
	out, stderr, err = runRoot(t, "doctor", "--neo4j-uri", uri, "--neo4j-user", cfg.User, "--neo4j-password-file", pw)
	if !strings.Contains(out, "[ok  ] neo4j      connected to "+redactedURI(cfg.URI)) || !strings.Contains(out, "password from "+pw) || strings.Contains(out+stderr, "Sup3rSecret") {
		t.Errorf("doctor with a password file: %v\n%s\n%s", err, out, stderr)
	}
}

func redactedURI(uri string) string { return strings.Replace(uri, "://", "://neo4j:xxxxx@", 1) }
