package extract

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	kg "github.com/kg-project/kg"
	"github.com/kg-project/kg/internal/model"
)

// checkGolden compares got with testdata/name and enforces the cache
// contract: the output may change only together with the extractor
// version. testdata/name + ".version" records the version that wrote the
// golden file and must be the current version (any change of the
// fingerprint asks for -update). With -update both are rewritten, unless
// the output changed while the version did not: then staging would serve
// stale extractions as current, and the test fails instead.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden := filepath.Join("testdata", name)
	verFile := golden + ".version"
	version := NewPipeline().Version()
	want, err := os.ReadFile(golden)
	if err != nil && !*update {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	wantVer, _ := os.ReadFile(verFile)
	recorded := strings.TrimSpace(string(wantVer))
	same := bytes.Equal(got, want)
	if !same && recorded == version {
		t.Fatalf("the output for %s changed but the extractor version %s did not: something that shapes "+
			"the output is missing from the fingerprint (kg.ExtractorSources, extract.Fingerprint); "+
			"fix that first, -update refuses to record this", golden, version)
	}
	if *update {
		if !same {
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if recorded != version {
			if err := os.WriteFile(verFile, []byte(version+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	if same && recorded != version {
		// The recorded version must always be the current one, or a later
		// change of output outside the fingerprint would go unnoticed.
		t.Fatalf("the extractor version is now %s, %s records %s: run go test ./internal/extract -update to record it", version, verFile, recorded)
	}
	if same {
		return
	}
	gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := range gl {
		if i >= len(wl) || gl[i] != wl[i] {
			w := ""
			if i < len(wl) {
				w = wl[i]
			}
			if len(gl[i]) > 2000 {
				gl[i] = gl[i][:2000] + "…"
			}
			if len(w) > 2000 {
				w = w[:2000] + "…"
			}
			t.Fatalf("line %d differs from %s (run with -update if the change is intended):\n got: %s\nwant: %s", i+1, golden, gl[i], w)
		}
	}
	t.Fatalf("output differs from %s (run with -update if the change is intended)", golden)
}

// TestVersionFollowsNewsOutput: the digest of the extraction of 1 MB of
// real news (SaudiNewsNet, read from ../shared; only the digest is kept in
// the repository, never the text) changes only with the extractor version.
// Real text reaches rules that the small example corpus does not.
func TestVersionFollowsNewsOutput(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	arts := snnArticles(t, "2015-07-21.zip", 1<<20)
	p := NewPipeline()
	h := sha256.New()
	for _, a := range arts {
		x, err := p.Extract(context.Background(), a)
		if err != nil {
			t.Fatalf("%s: %v", a.ID, err)
		}
		h.Write(encode([]*model.Extraction{x}))
	}
	checkGolden(t, "news.digest", []byte(hex.EncodeToString(h.Sum(nil))+"\n"))
}

// TestSourcesCoverExtractor: every Go file and embedded file of every
// package of this module that the extractor depends on is in the
// fingerprint (kg.ExtractorSources, or the model, gazetteer and word
// statistics hashed by Fingerprint), so that no change to them can alter the output while the
// version stays.
func TestSourcesCoverExtractor(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-f",
		`{{if not .Standard}}{{.ImportPath}}|{{.Dir}}|{{join .GoFiles ","}}|{{join .EmbedFiles ","}}{{end}}`,
		".").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	embedded := map[string]bool{}
	fs.WalkDir(kg.ExtractorSources, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			embedded[p] = true
		}
		return err
	})
	hashedApart := map[string]bool{"internal/extract/ner/model/ner.model.gz": true, "internal/gazetteer/data/gazetteer.tsv.gz": true,
		"internal/wordstats/data/words.tsv.gz": true, "internal/wordstats/data/names.tsv.gz": true, "internal/wordstats/data/written.tsv.gz": true,
		"internal/extract/rel/relmodel/rel.model.gz": true}
	checked := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Split(line, "|")
		if len(f) != 4 || !strings.HasPrefix(f[0], "github.com/kg-project/kg") {
			continue
		}
		if f[0] == "github.com/kg-project/kg" {
			continue // the package that embeds the sources
		}
		rel, err := filepath.Rel(root, f[1])
		if err != nil {
			t.Fatal(err)
		}
		for _, files := range f[2:] {
			for _, name := range strings.Split(files, ",") {
				if name == "" {
					continue
				}
				p := filepath.ToSlash(filepath.Join(rel, name))
				checked++
				if strings.HasPrefix(p, "schema/") && strings.HasSuffix(p, ".cypher") {
					continue // embedded by package schema for kg schema apply; the vocabulary reads only relations.yaml
				}
				if !embedded[p] && !hashedApart[p] {
					t.Errorf("%s shapes the extractor's output but is not in kg.ExtractorSources (sources.go): add it", p)
				}
			}
		}
	}
	if checked < 20 {
		t.Fatalf("only %d files checked: go list output not understood:\n%s", checked, out)
	}
}

// TestExtractorModules: extractorModules lists exactly the modules other
// than kg whose packages the extractor imports.
func TestExtractorModules(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-f", `{{if .Module}}{{.Module.Path}}{{end}}`, ".").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	var mods []string
	for _, m := range strings.Fields(string(out)) {
		if m != "github.com/kg-project/kg" && !slices.Contains(mods, m) {
			mods = append(mods, m)
		}
	}
	slices.Sort(mods)
	if !slices.Equal(mods, extractorModules) {
		t.Errorf("the extractor imports packages of %v; extractorModules (version.go) lists %v", mods, extractorModules)
	}
	got := string(goModLines([]byte("module m\n\ngo 1.26.8\n\nrequire golang.org/x/text v0.44.0\nrequire (\n\tgithub.com/spf13/cobra v1.10.2\n\tgo.yaml.in/yaml/v3 v3.0.4 // indirect\n)\n")))
	if want := "go 1.26.8\ngolang.org/x/text v0.44.0\ngo.yaml.in/yaml/v3 v3.0.4\n"; got != want {
		t.Errorf("goModLines = %q, want %q", got, want)
	}
}

// TestFingerprintIgnoresComments: comments and layout do not change the
// token stream that is hashed; code does.
func TestFingerprintIgnoresComments(t *testing.T) {
	a := goTokens([]byte("package p\n\n// a rule\nvar x = 1 // one\n"))
	b := goTokens([]byte("package p\nvar x = 1\n"))
	c := goTokens([]byte("package p\nvar x = 2\n"))
	if !bytes.Equal(a, b) {
		t.Errorf("comments changed the tokens:\n%s\n%s", a, b)
	}
	if bytes.Equal(b, c) {
		t.Error("a changed constant did not change the tokens")
	}
}

// TestHomeCountryVersion: a home country is part of the extractor's
// version (staging keeps its extractions apart); a name that is no country
// is refused with ErrNotCountry.
func TestHomeCountryVersion(t *testing.T) {
	p := NewPipeline()
	plain := p.Version()
	if err := p.SetHomeCountry("Q851"); err != nil {
		t.Fatal(err)
	}
	if v := p.Version(); v == plain || !strings.HasSuffix(v, "+home=wd:Q851") {
		t.Errorf("version with a home country %q (without %q)", v, plain)
	}
	if err := p.SetHomeCountry("السعودية"); err != nil || !strings.HasSuffix(p.Version(), "+home=wd:Q851") {
		t.Errorf("home country by its Arabic name: %v, version %q", err, p.Version())
	}
	if err := p.SetHomeCountry("Riyadh"); !errors.Is(err, ErrNotCountry) {
		t.Errorf("a city as home country: %v, want ErrNotCountry", err)
	}
	if err := p.SetHomeCountry(""); err != nil || p.Version() != plain {
		t.Errorf("no home country: %v, version %q, want %q", err, p.Version(), plain)
	}
}
