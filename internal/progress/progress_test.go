package progress

import (
	"bytes"
	"strings"
	"testing"
)

func TestBarNonTTY(t *testing.T) {
	var buf bytes.Buffer
	b := New(&buf, "staging", 10)
	b.Add(4)
	b.Note("skipped %s", "x.txt")
	b.Add(6)
	b.Done()
	b.Done()
	out := buf.String()
	if strings.Count(out, "staging [") != 1 || !strings.Contains(out, "10/10 (100%)") || !strings.Contains(out, "skipped x.txt\n") {
		t.Fatalf("output:\n%s", out)
	}
}

func TestNilWriter(t *testing.T) {
	b := New(nil, "x", 0)
	b.Add(1)
	b.Note("n")
	b.Done()
	var nb *Bar
	nb.Add(1)
	nb.Done()
}
