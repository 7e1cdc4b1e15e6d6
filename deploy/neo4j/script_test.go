// Package neo4j_test checks deploy/neo4j/neo4j.sh.
package neo4j_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestPasswordNotOnCurlCommandLine runs `neo4j.sh status` with a fake curl
// that records its arguments and its stdin: the password must reach curl
// through its config on stdin (curl -K -), never on the command line that
// every user sees in the process list.
func TestPasswordNotOnCurlCommandLine(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "bin")
	if err := os.Mkdir(bin, 0o755); err != nil {
		t.Fatal(err)
	}
	fake := `#!/usr/bin/env bash
printf '%s\n' "$@" >"` + dir + `/args"
cat >"` + dir + `/stdin"
echo '{"results":[{"columns":["ok"],"data":[{"row":[1]}]}],"errors":[]}'
`
	if err := os.WriteFile(filepath.Join(bin, "curl"), []byte(fake), 0o755); err != nil {
		t.Fatal(err)
	}
	const pw = `Top"Secret\pass word`
	cmd := exec.Command("bash", "neo4j.sh", "status")
	cmd.Env = append(os.Environ(),
		"PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"),
		"KG_NEO4J_STATE="+filepath.Join(dir, "state"),
		"KG_NEO4J_BOLT_PORT=1", "KG_NEO4J_HTTP_PORT=2", // nothing answers Bolt there
		"KG_NEO4J_PASSWORD="+pw)
	out, _ := cmd.CombinedOutput()
	args, err := os.ReadFile(filepath.Join(dir, "args"))
	if err != nil {
		t.Fatalf("curl was not called: %v\n%s", err, out)
	}
	stdin, _ := os.ReadFile(filepath.Join(dir, "stdin"))
	if strings.Contains(string(args), "Secret") {
		t.Errorf("password on curl's command line:\n%s", args)
	}
	if !strings.Contains(string(args), "-K\n-\n") {
		t.Errorf("curl does not read its config from stdin:\n%s", args)
	}
	if want := `user = "neo4j:Top\"Secret\\pass word"` + "\n"; string(stdin) != want {
		t.Errorf("curl config %q, want %q", stdin, want)
	}
}
