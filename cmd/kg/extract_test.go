package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/corpus"
	"github.com/kg-project/kg/internal/extract"
	"github.com/kg-project/kg/internal/model"
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

// panicky panics on the article with the given id and extracts the others
// with the built-in pipeline.
type panicky struct {
	extract.Extractor
	id string
}

func (p panicky) Extract(ctx context.Context, a *model.Article) (*model.Extraction, error) {
	if a.ID == p.id {
		var s []int
		_ = s[len(a.Text)] // index out of range, as a rule bug would
	}
	return p.Extractor.Extract(ctx, a)
}

// TestRunExtractPanicSkipsArticle: an extractor panic on one article is
// reported with its id and line, the run goes on with every other article
// in order, and the command fails naming it.
func TestRunExtractPanicSkipsArticle(t *testing.T) {
	p := filepath.Join(t.TempDir(), "in.jsonl")
	var body strings.Builder
	for i := range 6 {
		fmt.Fprintf(&body, `{"id":"a%d","text":"Putin visited Cairo on day %d.","lang":"en"}`+"\n", i, i)
	}
	if err := os.WriteFile(p, []byte(body.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, workers := range []int{1, 3} {
		var out, errb bytes.Buffer
		o := extractOptions{paths: []string{p}, format: "jsonl", workers: workers, extractor: panicky{extract.NewPipeline(), "a2"}}
		err := runExtract(context.Background(), o, &out, &errb)
		if err == nil || !strings.Contains(err.Error(), "a2") || !strings.Contains(err.Error(), "in.jsonl:3") || !errors.Is(err, extract.ErrPanic) && !strings.Contains(err.Error(), "panicked") {
			t.Fatalf("workers %d: error %v, want one naming article a2 at in.jsonl:3", workers, err)
		}
		var ids []string
		for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
			var x model.Extraction
			if err := json.Unmarshal([]byte(line), &x); err != nil {
				t.Fatal(err)
			}
			ids = append(ids, x.Doc.ID)
		}
		if got := strings.Join(ids, ","); got != "a0,a1,a3,a4,a5" {
			t.Errorf("workers %d: articles written %s, want a0,a1,a3,a4,a5", workers, got)
		}
		if !strings.Contains(errb.String(), "a2") || !strings.Contains(errb.String(), "goroutine") {
			t.Errorf("workers %d: stderr does not report the panic with its stack: %q", workers, errb.String())
		}
	}
}

// TestRunExtractNoArticles: paths that yield no article are an error that
// names them, even when nothing in them is bad.
func TestRunExtractNoArticles(t *testing.T) {
	dir := t.TempDir()
	var out, errb bytes.Buffer
	err := runExtract(context.Background(), extractOptions{paths: []string{dir}, format: "jsonl", workers: 1}, &out, &errb)
	if err == nil || !strings.HasPrefix(err.Error(), "no articles found in "+dir) {
		t.Fatalf("error %v, want no articles found in %s", err, dir)
	}
}

// TestRunExtractSymlinkedFolder: a symlink to a corpus folder is read.
func TestRunExtractSymlinkedFolder(t *testing.T) {
	abs, err := filepath.Abs("../../examples/articles")
	if err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(t.TempDir(), "corpus")
	if err := os.Symlink(abs, link); err != nil {
		t.Skip(err)
	}
	var out, errb bytes.Buffer
	if err := runExtract(context.Background(), extractOptions{paths: []string{link}, format: "jsonl", workers: 1}, &out, &errb); err != nil {
		t.Fatalf("%v (%s)", err, errb.String())
	}
	if n := strings.Count(out.String(), "\n"); n < 5 {
		t.Fatalf("%d articles extracted through the symlink", n)
	}
}

// TestRunExtractBadCSVRow: a CSV row with a bad quote is reported with its
// line; the rows after it are still extracted, and the error says so.
func TestRunExtractBadCSVRow(t *testing.T) {
	p := filepath.Join(t.TempDir(), "in.csv")
	body := "id,text\na,Putin visited Cairo.\nb,He said \"hi.\nc,Macron visited Rabat.\n"
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	err := runExtract(context.Background(), extractOptions{paths: []string{p}, format: "jsonl", workers: 1}, &out, &errb)
	if err == nil || !strings.Contains(err.Error(), "in.csv:3: ") || !strings.Contains(err.Error(), "skipped line 3") || !strings.HasSuffix(err.Error(), "2 article(s) extracted") {
		t.Fatalf("error %v", err)
	}
	if n := strings.Count(out.String(), "\n"); n != 2 {
		t.Fatalf("%d articles written, want 2", n)
	}
}

// TestInputFormatsHelp: the help names every type the readers take and
// every alternative field name they try.
func TestInputFormatsHelp(t *testing.T) {
	for _, typ := range strings.Split(strings.NewReplacer(",", " ", "(", " ", ")", " ").Replace(corpus.Types), " ") {
		if strings.HasPrefix(typ, ".") && !strings.Contains(inputFormatsHelp, typ) {
			t.Errorf("help lacks %s", typ)
		}
	}
	for field, alts := range corpus.Alternatives {
		if want := field + " <- " + strings.Join(alts, ", "); !strings.Contains(strings.Join(strings.Fields(inputFormatsHelp), " "), want) {
			t.Errorf("help lacks %q", want)
		}
	}
}
