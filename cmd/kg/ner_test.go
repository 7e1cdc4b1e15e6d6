package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRunNERCoNLL(t *testing.T) {
	in := "وقال O\nالرئيس O\nبوتين B-PERS\nإن O\nروسيا B-LOC\n\n\nوزار\nالقاهرة\n"
	var out, errb bytes.Buffer
	err := runNER(context.Background(), nerOptions{CoNLL: "-"}, strings.NewReader(in), &out, &errb)
	if err != nil {
		t.Fatal(err)
	}
	want := "وقال\tO\nالرئيس\tO\nبوتين\tB-PERS\nإن\tO\nروسيا\tB-LOC\n\n\nوزار\tO\nالقاهرة\tB-LOC\n"
	if out.String() != want {
		t.Fatalf("got\n%s\nwant\n%s", out.String(), want)
	}
}

func TestRunNERText(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a.txt")
	if err := os.WriteFile(p, []byte("قال الرئيس فلاديمير بوتين إن روسيا مستعدة.\nوزار القاهرة."), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if err := runNER(context.Background(), nerOptions{Input: p}, nil, &out, &errb); err != nil {
		t.Fatal(err)
	}
	want := "PERS\tفلاديمير بوتين\t11-25\nLOC\tروسيا\t29-34\nLOC\tالقاهرة\t48-55\n"
	if out.String() != want {
		t.Fatalf("got\n%q\nwant\n%q", out.String(), want)
	}
}
