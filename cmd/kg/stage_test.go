package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/testneo4j"
)

// corruptLargest flips 16 bytes at the fraction at of the largest file
// with the extension in dir.
func corruptLargest(t *testing.T, dir, ext string, at float64) {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var path string
	var size int64
	for _, e := range ents {
		fi, _ := e.Info()
		if strings.HasSuffix(e.Name(), ext) && fi.Size() > size {
			path, size = filepath.Join(dir, e.Name()), fi.Size()
		}
	}
	if path == "" {
		t.Fatalf("no %s file in %s", ext, dir)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 16; i++ {
		b[int(float64(len(b))*at)+i] ^= 0x5a
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// runKGFail runs kg, expects it to fail, and returns stdout and stderr.
func runKGFail(t *testing.T, stageDir string, args ...string) (string, string) {
	t.Helper()
	cmd := kgCmd(t, stageDir, args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err == nil {
		t.Fatalf("kg %v succeeded\nstdout: %s\nstderr: %s", args, out.String(), errb.String())
	}
	return out.String(), errb.String()
}

// TestDamagedStagingFolder: a table file of the staging folder is
// corrupted, then the database is emptied. Before, `kg push --all` wrote
// the articles before the damaged block and exited 0. Now push and status
// fail and name the affected articles, `kg stage verify` reports them,
// --repair drops them, and `kg load` restores the graph of an undamaged
// run.
func TestDamagedStagingFolder(t *testing.T) {
	c := testneo4j.Open(t)
	corpus := genCorpus(t, 600)
	st := t.TempDir()
	runKG(t, st, "load", "-q", corpus)
	want := testneo4j.Dump(t, c)
	testneo4j.Wipe(t, c)
	corruptLargest(t, st, ".sst", 0.1) // in the article records

	idRE := regexp.MustCompile(`gen-\d{4}`)
	_, errOut := runKGFail(t, st, "push", "--all", "-q")
	if !strings.Contains(errOut, "staging folder is damaged") || !idRE.MatchString(errOut) || !strings.Contains(errOut, "kg stage verify --repair") {
		t.Fatalf("push --all on a damaged folder: %s", errOut)
	}
	if n := articleCount(t, c); n != 0 {
		t.Fatalf("push --all on a damaged folder wrote %d articles", n)
	}
	if _, errOut := runKGFail(t, st, "status"); !idRE.MatchString(errOut) {
		t.Fatalf("status on a damaged folder: %s", errOut)
	}
	out, errOut := runKGFail(t, st, "stage", "verify")
	if !strings.Contains(out, "bad block") || !strings.Contains(out, "affected: gen-") || !strings.Contains(errOut, "--repair") {
		t.Fatalf("stage verify:\n%s\n%s", out, errOut)
	}
	affected := idRE.FindAllString(out[strings.Index(out, "affected:"):], -1)
	out, _ = runKG(t, st, "stage", "verify", "--repair")
	if !strings.Contains(out, "repaired") || !strings.Contains(out, "kg load CORPUS") {
		t.Fatalf("stage verify --repair:\n%s", out)
	}
	t.Logf("kg stage verify --repair:\n%s", out)
	out, _ = runKG(t, st, "stage", "verify")
	if !strings.Contains(out, "no problems") {
		t.Fatalf("verify after repair:\n%s", out)
	}
	out, _ = runKG(t, st, "load", "--json", "-q", corpus)
	if !strings.Contains(out, `"articles": 600`) {
		t.Fatalf("load after repair: %s", out)
	}
	if got := testneo4j.Dump(t, c); got != want {
		t.Fatalf("graph after repair and load differs from the undamaged load")
	}
	t.Logf("%d articles were affected and re-extracted", len(affected))
}
