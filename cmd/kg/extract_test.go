package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRunExtractWorkersKeepOrder: any number of workers writes the same
// bytes, in input order.
func TestRunExtractWorkersKeepOrder(t *testing.T) {
	run := func(workers int) string {
		var out, errb bytes.Buffer
		o := extractOptions{paths: []string{"../../examples/articles"}, format: "jsonl", workers: workers}
		if err := runExtract(context.Background(), o, &out, &errb); err != nil {
			t.Fatalf("workers %d: %v (%s)", workers, err, errb.String())
		}
		return out.String()
	}
	one := run(1)
	if n := strings.Count(one, "\n"); n < 5 {
		t.Fatalf("%d articles extracted from examples/articles", n)
	}
	for _, w := range []int{2, 5} {
		if got := run(w); got != one {
			t.Errorf("workers %d: output differs from one worker", w)
		}
	}
}

// TestRunExtractBadLine: a malformed line is reported with file and line,
// the good articles are still written, and the command fails.
func TestRunExtractBadLine(t *testing.T) {
	p := filepath.Join(t.TempDir(), "in.jsonl")
	body := `{"id":"a","text":"قال الرئيس فلاديمير بوتين إن روسيا مستعدة.","lang":"ar"}` + "\n{oops\n" +
		`{"id":"c","text":"Putin visited Cairo.","lang":"en"}` + "\n"
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	err := runExtract(context.Background(), extractOptions{paths: []string{p}, format: "jsonl", workers: 2}, &out, &errb)
	if err == nil || !strings.Contains(err.Error(), "in.jsonl:2") {
		t.Fatalf("error %v, want one naming in.jsonl:2", err)
	}
	if n := strings.Count(out.String(), "\n"); n != 2 {
		t.Fatalf("%d articles written, want 2:\n%s", n, out.String())
	}
	if !strings.Contains(errb.String(), "in.jsonl:2") {
		t.Errorf("stderr does not name the bad line: %q", errb.String())
	}
}
