package gztsv

import (
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func write(t *testing.T, text string) string {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(text))
	zw.Close()
	p := filepath.Join(t.TempDir(), "f.tsv.gz")
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestRead(t *testing.T) {
	p := write(t, "a\tb\n1\t2\n\n x \t\t3\r\n")
	type row struct {
		fields []string
		line   int
	}
	var got []row
	var head []string
	err := Read(p, func(h, f []string, line int) error {
		head = h
		got = append(got, row{f, line})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// the header is not a row; an empty line is one field; nothing is
	// trimmed but the line end (\r\n too)
	want := []row{{[]string{"1", "2"}, 2}, {[]string{""}, 3}, {[]string{" x ", "", "3"}, 4}}
	if !reflect.DeepEqual(head, []string{"a", "b"}) || !reflect.DeepEqual(got, want) {
		t.Errorf("header %q, rows %v, want %v", head, got, want)
	}
}

func TestReadErrors(t *testing.T) {
	p := write(t, "a\n1\n2\n")
	stop := errors.New("bad row")
	err := Read(p, func(_, f []string, _ int) error {
		if f[0] == "2" {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || !strings.HasSuffix(err.Error(), "f.tsv.gz:3: bad row") {
		t.Errorf("error of fn: %v", err)
	}
	if err := Read(filepath.Join(t.TempDir(), "none.gz"), nil); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
	plain := filepath.Join(t.TempDir(), "plain.tsv.gz")
	os.WriteFile(plain, []byte("a\tb\n"), 0o644)
	if err := Read(plain, nil); err == nil || !strings.Contains(err.Error(), "plain.tsv.gz") {
		t.Errorf("not gzip: %v", err)
	}
	long := write(t, "a\n"+strings.Repeat("x", MaxLine+1)+"\n")
	if err := Read(long, func(_, _ []string, _ int) error { return nil }); err == nil || !strings.Contains(err.Error(), "f.tsv.gz") {
		t.Errorf("long line: %v", err)
	}
}
