package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kg-project/kg/internal/testneo4j"
)

// TestBrowserEndToEnd loads the seed article into the test Neo4j with the
// real kg binary, then drives Neo4j Browser in headless Debian chromium
// (test/e2e/browser.spec.mjs): connect, apply kg.grass, run the saved
// ego_network query for Vladimir Putin and read, in the Text view, that
// he is linked to the Collective Security Treaty Organization. The
// screenshot goes to test-artifacts/browser-e2e.png.
//
// Needs chromium, node and npm (test/e2e/setup.sh installs them); without
// them it skips, except under CI=true, where it fails.
func TestBrowserEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	chromiumPath := os.Getenv("KG_E2E_CHROMIUM")
	if chromiumPath == "" {
		chromiumPath = "/usr/bin/chromium"
	}
	missing := func(what string) {
		t.Helper()
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true but %s is missing: run test/e2e/setup.sh", what)
		}
		t.Skipf("%s is missing (test/e2e/setup.sh installs it)", what)
	}
	if _, err := os.Stat(chromiumPath); err != nil {
		missing("chromium (" + chromiumPath + ")")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		missing("node")
	}
	c := testneo4j.Open(t) // skips without a test Neo4j; holds it until the end
	e2eDir, err := filepath.Abs("../../test/e2e")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(e2eDir, "node_modules", "playwright-core", "package.json")); err != nil {
		if _, err := exec.LookPath("npm"); err != nil {
			missing("npm")
		}
		cmd := exec.Command("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
		cmd.Dir = e2eDir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("npm ci in %s: %v\n%s", e2eDir, err, out)
		}
	}

	seed := "../../../shared/corpus/seed/000_17f18ee68b87133c.txt"
	if _, err := os.Stat(seed); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("seed article not found: %v", err)
		}
		t.Skipf("seed article not found beside the repo: %v", err)
	}
	runKG(t, t.TempDir(), "load", "-q", seed)

	// The graph itself must hold the edge, or the Browser cannot show it.
	ctx := context.Background()
	r, err := c.Query(ctx, `MATCH (p:Entity {name: 'Vladimir Putin'})-[r]-(o:Entity {name: 'Collective Security Treaty Organization'})
RETURN type(r) AS t`, nil, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Rows) == 0 {
		dump := testneo4j.Dump(t, c)
		t.Fatalf("after loading the seed, no relation links Vladimir Putin and the Collective Security Treaty Organization "+
			"(the extractor must produce Vladimir Putin -[ADDRESSED]-> Collective Security Treaty Organization); graph:\n%.3000s", dump)
	}
	t.Logf("seed graph: Vladimir Putin -[%v]- Collective Security Treaty Organization", r.Rows[0][0])

	cfg, _ := testneo4j.Config()
	httpURL := os.Getenv("KG_TEST_NEO4J_HTTP")
	if httpURL == "" {
		// Any Neo4j HTTP port serves the Browser app; it then connects to
		// the test server's Bolt URI.
		if httpURL, err = browserURL(cfg.URI, 0); err != nil {
			t.Fatal(err)
		}
		httpURL = strings.TrimSuffix(httpURL, "/browser/")
	}
	shot, err := filepath.Abs("../../test-artifacts/browser-e2e.png")
	if err != nil {
		t.Fatal(err)
	}
	os.Remove(shot)
	ctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, "browser.spec.mjs")
	cmd.Dir = e2eDir
	cmd.Env = append(os.Environ(),
		"KG_TEST_NEO4J_URI="+cfg.URI, "KG_TEST_NEO4J_HTTP="+httpURL,
		"KG_TEST_NEO4J_USER="+cfg.User, "KG_TEST_NEO4J_PASSWORD="+cfg.Password,
		"KG_E2E_CHROMIUM="+chromiumPath, "KG_E2E_SCREENSHOT="+shot)
	out, err := cmd.CombinedOutput()
	t.Logf("browser.spec.mjs:\n%s", strings.TrimSpace(string(out)))
	if err != nil {
		t.Fatalf("browser end-to-end test failed: %v", err)
	}
	if st, err := os.Stat(shot); err != nil || st.Size() < 10_000 {
		t.Fatalf("screenshot %s: %v", shot, err)
	}
}
