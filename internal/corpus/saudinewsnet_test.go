package corpus

import (
	"archive/zip"
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/testshared"
)

// TestSaudiNewsNetZip reads one day of SaudiNewsNet as shipped (a zip
// holding one JSON array) with no options: every element is an article
// or one reported error, and the fields map by the default alternatives
// (content -> text, date_extracted -> published). It reads ../shared;
// skipped when that is absent, except under CI=true.
func TestSaudiNewsNetZip(t *testing.T) {
	p := filepath.Join(testshared.Dir(t), "data", "corpus", "saudinewsnet", "2015-07-23.zip")
	want := zipElements(t, p)
	arts, errs := collect(t, Options{}, p)
	if len(want) == 0 || len(arts)+len(errs) != len(want) {
		t.Fatalf("%d elements, %d articles + %d errors", len(want), len(arts), len(errs))
	}
	if len(errs) > len(want)/20 {
		t.Errorf("%d errors of %d elements, first %v", len(errs), len(want), errs[0])
	}
	for _, e := range errs { // articles without content, NUL
		if e.File != p+"!2015-07-23.json" || e.Line < 2 || !(errors.Is(e, ErrEmpty) || errors.Is(e, ErrControlChar)) {
			t.Errorf("unexpected error: %v", e)
		}
	}
	// the elements that gave no error, in order, against the articles
	bad := map[int]bool{}
	for _, e := range errs {
		if n, ok := elementNumber(e.Error()); ok {
			bad[n] = true
		}
	}
	if len(bad) != len(errs) {
		t.Fatalf("errors without an element number: %v", errs)
	}
	i := 0
	for n, el := range want {
		if bad[n+1] {
			continue
		}
		checkSNN(t, arts[i], el)
		i++
		if i == 50 {
			break
		}
	}
}

// elementNumber reads N from a message "...: element N: ...".
func elementNumber(msg string) (int, bool) {
	_, rest, ok := strings.Cut(msg, ": element ")
	num, _, _ := strings.Cut(rest, ":")
	n, err := strconv.Atoi(num)
	return n, ok && err == nil
}

// checkSNN compares an article with the element it was read from.
func checkSNN(t *testing.T, a *model.Article, el map[string]string) {
	t.Helper()
	if a.Text != scrub(el["content"]) || a.Title != strings.TrimSpace(el["title"]) || a.URL != el["url"] ||
		a.Published != el["date_extracted"] || a.Props["source"] != el["source"] || a.Props["author"] != el["author"] ||
		len(a.Props) != 2 || a.Lang != "ar" || !strings.Contains(a.Source, ".zip!2015-07-23.json:") {
		t.Errorf("article %s (%s) does not match its element: title %q url %q published %q props %v lang %s",
			a.ID, a.Source, a.Title, a.URL, a.Published, a.Props, a.Lang)
	}
}

// zipElements reads the JSON array of the one member of a SaudiNewsNet zip
// whole, as a test may.
func zipElements(t *testing.T, p string) []map[string]string {
	t.Helper()
	zr, err := zip.OpenReader(p)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	defer zr.Close()
	if len(zr.File) != 1 {
		t.Fatalf("%s: %d members, want 1", p, len(zr.File))
	}
	rc, err := zr.File[0].Open()
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	var els []map[string]string
	if err := json.Unmarshal(b, &els); err != nil {
		t.Fatal(err)
	}
	return els
}

// TestSaudiNewsNetZipAsConverted: kg reads a SaudiNewsNet zip as shipped
// into the same articles, in the same order, as the JSON Lines that
// bench/saudinewsnet_to_jsonl.py makes of it (which strips the text, cuts
// the date to the day and names its own ids). It needs ../shared and
// python3; skipped without them, except under CI=true.
func TestSaudiNewsNetZipAsConverted(t *testing.T) {
	zipPath := filepath.Join(testshared.Dir(t), "data", "corpus", "saudinewsnet", "2015-07-23.zip")
	python := testshared.Python(t)
	out := filepath.Join(t.TempDir(), "snn.jsonl")
	cmd := exec.Command(python, "../../bench/saudinewsnet_to_jsonl.py", out, zipPath)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("converter: %v\n%s", err, b)
	}
	z, _ := collect(t, Options{}, zipPath)
	j, jerrs := collect(t, Options{}, out)
	if len(z) != len(j) || len(jerrs) != 0 {
		t.Fatalf("%d articles from the zip, %d (and %d errors) from the converter's JSON Lines", len(z), len(j), len(jerrs))
	}
	for i := range z {
		a, b := z[i], j[i]
		if strings.TrimSpace(a.Text) != strings.TrimSpace(b.Text) || a.Title != b.Title || a.URL != b.URL ||
			a.Published[:10] != b.Published || a.Props["source"] != b.Props["source_paper"] {
			t.Fatalf("article %d differs: %s and %s", i, a.Source, b.Source)
		}
	}
}
