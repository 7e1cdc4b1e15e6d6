package main

import (
	"bytes"
	"sync"
	"testing"

	"github.com/kg-project/kg/internal/testneo4j"
)

// TestTwoLoadsOverlap runs two kg loads from different staging folders
// into one empty Neo4j at once, over the same articles. Before, one failed
// with Neo.ClientError.Schema.ConstraintValidationFailed (two MERGEs or
// CREATEs of the same key). Both must succeed with the graph of one load.
// The folders are staged first (--stage-only), so that the two writers
// start together; then two `kg load`s find everything staged and only
// write.
func TestTwoLoadsOverlap(t *testing.T) {
	c := testneo4j.Open(t)
	corpus := genCorpus(t, 80)
	runKG(t, t.TempDir(), "load", "-q", "--batch-size", "2", corpus)
	want := testneo4j.Dump(t, c)

	dirs := []string{t.TempDir(), t.TempDir()}
	for _, d := range dirs {
		runKG(t, d, "load", "-q", "--stage-only", corpus)
	}
	// Each round wipes the graph: a new database to both folders, which
	// queue everything again.
	for round := 0; round < 3; round++ {
		testneo4j.Wipe(t, c)
		var wg sync.WaitGroup
		errs := make([]string, 2)
		for i := range errs {
			cmd := kgCmd(t, dirs[i], "load", "-q", "--batch-size", "2", corpus)
			var errb bytes.Buffer
			cmd.Stderr = &errb
			wg.Add(1)
			go func() {
				defer wg.Done()
				if err := cmd.Run(); err != nil {
					errs[i] = err.Error() + ": " + errb.String()
				}
			}()
		}
		wg.Wait()
		for i, e := range errs {
			if e != "" {
				t.Fatalf("round %d: load %d failed: %s", round, i, e)
			}
		}
		if got := testneo4j.Dump(t, c); got != want {
			t.Fatalf("round %d: graph of two concurrent loads differs from one load's", round)
		}
	}
}
