// Package testshared gives tests the project's shared folder (../shared
// beside the repository, or $KG_SHARED): the hand-annotated gold files,
// their articles, and the Python scoring tools.
//
// When the folder (or python3) is missing, tests skip, except under
// CI=true, where they fail: CI must never pass by skipping.
//
// Held-out gold: dev/ar/dev_ar_16 … dev_ar_30 are kept for a later
// measurement. GoldSets never opens them and never copies them; tests must
// read dev gold through it, never from the shared folder directly.
package testshared

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func unavailable(t testing.TB, why string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("CI=true but %s", why)
	}
	t.Skipf("skipped: %s (set KG_SHARED to the shared folder)", why)
}

// Dir returns the shared folder: $KG_SHARED, else ../shared beside the
// module root.
func Dir(t testing.TB) string {
	t.Helper()
	if d := os.Getenv("KG_SHARED"); d != "" {
		if st, err := os.Stat(d); err != nil || !st.IsDir() {
			unavailable(t, "KG_SHARED="+d+" is not a folder")
		}
		return d
	}
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for d := wd; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			shared := filepath.Join(d, "..", "shared")
			if st, err := os.Stat(filepath.Join(shared, "tools")); err != nil || !st.IsDir() {
				unavailable(t, "the shared folder "+shared+" is not there")
			}
			return shared
		}
		if filepath.Dir(d) == d {
			t.Fatalf("no go.mod above %s", wd)
		}
	}
}

// Python returns the python3 executable.
func Python(t testing.TB) string {
	t.Helper()
	p, err := exec.LookPath("python3")
	if err != nil {
		unavailable(t, "python3 is not installed")
	}
	return p
}

// GoldSet is a folder of gold files with their articles.
type GoldSet struct {
	Name  string // seed, dev_en, dev_ar
	Dir   string // a temporary copy holding only the usable files
	Files int    // gold files in it
}

// DevArUsable is how many of dev/ar's articles tests may use: dev_ar_01 …
// dev_ar_15. The others are held out.
const DevArUsable = 15

// GoldSets copies the gold files tests may use, each with the article it
// names, into temporary folders: corpus/seed, corpus/dev/en and
// dev_ar_01 … dev_ar_15 of corpus/dev/ar. Scripts that glob a folder
// (score_dev.py) can then be run on these copies without ever reading the
// held-out files.
func GoldSets(t testing.TB) []GoldSet {
	t.Helper()
	shared := Dir(t)
	corpus := filepath.Join(shared, "corpus")
	var sets []GoldSet
	for _, s := range []struct {
		name, dir string
		names     func() []string
	}{
		{"seed", filepath.Join(corpus, "seed"), nil},
		{"dev_en", filepath.Join(corpus, "dev", "en"), nil},
		{"dev_ar", filepath.Join(corpus, "dev", "ar"), func() []string {
			var out []string
			for i := 1; i <= DevArUsable; i++ {
				out = append(out, fmt.Sprintf("dev_ar_%02d", i))
			}
			return out
		}},
	} {
		var names []string
		if s.names != nil {
			names = s.names()
		} else {
			matches, err := filepath.Glob(filepath.Join(s.dir, "*.gold.json"))
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range matches {
				names = append(names, strings.TrimSuffix(filepath.Base(m), ".gold.json"))
			}
		}
		if len(names) == 0 {
			unavailable(t, "no gold files in "+s.dir)
		}
		dst := t.TempDir()
		for _, n := range names {
			if !Usable(n) {
				t.Fatalf("testshared: %s is held out", n)
			}
			for _, ext := range []string{".gold.json", ".txt"} {
				b, err := os.ReadFile(filepath.Join(s.dir, n+ext))
				if err != nil {
					unavailable(t, err.Error())
				}
				if err := os.WriteFile(filepath.Join(dst, n+ext), b, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
		sets = append(sets, GoldSet{Name: s.name, Dir: dst, Files: len(names)})
	}
	return sets
}

// Usable reports whether tests may read the article NAME: everything but
// dev_ar_16 and above.
func Usable(name string) bool {
	var n int
	if _, err := fmt.Sscanf(name, "dev_ar_%d", &n); err == nil && strings.HasPrefix(name, "dev_ar_") {
		return n >= 1 && n <= DevArUsable
	}
	return true
}
