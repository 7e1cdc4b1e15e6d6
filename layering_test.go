package kg

import (
	"os/exec"
	"sort"
	"strings"
	"testing"
)

// layers orders kg's packages from the bottom up: a package may import
// packages of its own layer and of the layers below, never one above. A
// path ending in /... names a folder and every package under it; the most
// specific entry names a package's layer. A new package must be given a
// layer here (TestLayering says so).
var layers = []struct {
	name  string
	paths []string
}{
	{"data, types and small helpers: they import nothing of kg's", []string{
		".", "schema", "internal/model", "internal/memo", "internal/procmaps", "internal/hugepage", "internal/config", "internal/progress",
		"internal/gztsv", "internal/sources", "internal/cypher", "internal/testshared", "internal/llm/llmtest",
		"internal/extract/ner/model", "internal/extract/rel/relmodel", "internal/extract/ner/clusters/data",
		"internal/gazetteer/data", "internal/translit/data", "internal/wordstats/data",
		"deploy", "deploy/neo4j", "bench/internal/host"}},
	{"text and the vocabulary", []string{"internal/text/...", "internal/vocab", "internal/corpus", "internal/eval"}},
	{"linguistic knowledge as data", []string{"internal/lexicon"}},
	{"names: romanisation, word statistics, gazetteer, resolution", []string{
		"internal/translit", "internal/wordstats", "internal/gazetteer", "internal/resolve"}},
	{"extraction", []string{"internal/extract/..."}},
	{"staging, the graph, exports, saved queries, the LLM back end", []string{
		"internal/stage", "internal/graph", "internal/export", "queries/...", "internal/testneo4j",
		"deploy/neo4j/browser", "internal/llm"}},
	{"pipelines and builders", []string{
		"internal/pipeline", "internal/loader", "internal/reltrain", "internal/translit/learn", "internal/wordstats/wsbuild",
		"internal/extract/ner/clusters/cbuild", "internal/extract/ner/nertrain", "internal/gazetteer/gazbuild"}},
	{"commands and benchmarks", []string{"cmd/...", "bench/..."}},
}

const module = "github.com/kg-project/kg"

// layerOf returns the layer of a package path relative to the module
// ("." for the module's root), or -1.
func layerOf(rel string) int {
	best, bestLen := -1, -1
	for i, l := range layers {
		for _, p := range l.paths {
			n := -1
			switch {
			case p == rel:
				n = len(p) + 1 // an exact entry beats a folder of the same length
			case strings.HasSuffix(p, "/..."):
				dir := strings.TrimSuffix(p, "/...")
				if rel == dir || strings.HasPrefix(rel, dir+"/") {
					n = len(dir)
				}
			}
			if n > bestLen {
				best, bestLen = i, n
			}
		}
	}
	return best
}

// TestLayering fails when a package imports one of a higher layer (tests
// aside: their imports are not the package's), or has no layer.
func TestLayering(t *testing.T) {
	out, err := exec.Command("go", "list", "-e", "-f", `{{.ImportPath}} {{join .Imports " "}}`, "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	rel := func(p string) (string, bool) {
		if p == module {
			return ".", true
		}
		r, ok := strings.CutPrefix(p, module+"/")
		return r, ok
	}
	var problems []string
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		pkg, _ := rel(f[0])
		lp := layerOf(pkg)
		if lp < 0 {
			problems = append(problems, pkg+": in no layer (add it to layers in layering_test.go)")
			continue
		}
		for _, imp := range f[1:] {
			r, ok := rel(imp)
			if !ok {
				continue
			}
			if li := layerOf(r); li > lp {
				problems = append(problems, pkg+" ("+layers[lp].name+") imports "+r+" ("+layers[li].name+")")
			}
		}
	}
	sort.Strings(problems)
	for _, p := range problems {
		t.Error(p)
	}
}

// TestLayerOf: the most specific entry wins.
func TestLayerOf(t *testing.T) {
	for rel, want := range map[string]string{
		"internal/extract":                     "extraction",
		"internal/extract/link":                "extraction",
		"internal/extract/ner/model":           "data, types and small helpers: they import nothing of kg's",
		"internal/extract/ner/clusters/cbuild": "pipelines and builders",
		"internal/extract/ner/nertrain":        "pipelines and builders",
		"internal/extract/ner/internal/core":   "extraction",
		"internal/text/arabic":                 "text and the vocabulary",
		"cmd/kg":                               "commands and benchmarks",
	} {
		if l := layerOf(rel); l < 0 || layers[l].name != want {
			t.Errorf("layerOf(%s) = %d, want %q", rel, l, want)
		}
	}
	if l := layerOf("internal/nowhere"); l != -1 {
		t.Errorf("layerOf(internal/nowhere) = %d, want -1", l)
	}
}
