package lexicon

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/text/arabic"
)

// TestTitleClasses: the classes of title and honorific words that link,
// ner, gazetteer and rel read hold what their readers rely on, in the form
// each one reads (Class folds, ClassAsWritten does not).
func TestTitleClasses(t *testing.T) {
	for _, c := range []struct {
		class   string
		written bool     // read with ClassAsWritten
		has     []string // as written in words.yaml
		hasNot  []string
		size    int // at least
	}{
		{class: "ar_title_before_name", has: []string{"الرئيس", "الملك", "الامير", "الرءيس", "د"}, hasNot: []string{"وزيرة"}, size: 20},
		{class: "en_title_before_name", has: []string{"president", "prime", "minister", "sheikh", "lord"}, hasNot: []string{"premier"}, size: 15},
		{class: "ar_title_after_name", has: []string{"ولي", "وزير", "الأمين", "مبعوث"}, hasNot: []string{"الملك"}, size: 15},
		{class: "ar_title_no_name", has: []string{"خادم", "الحرمين", "فخامة", "الرئيس", "المهندس"}, hasNot: []string{"رئيس"}, size: 20},
		{class: "ar_honorific", has: []string{"خادم_الحرمين_الشريفين", "صاحب_السمو_الملكي", "صاحب_السمو"}, size: 5},
		{class: "ar_title_or_role", written: true, has: []string{"رئيس", "أمير", "شقيق", "المستر"}, size: 100},
		{class: "ar_petrarch_role", written: true, has: []string{"رئيس", "أمير", "مفتي"}, hasNot: []string{"امير"}, size: 30},
		{class: "ar_petrarch_title", has: []string{"امير", "رءيس", "البابا", "نائبه"}, size: 50},
		{class: "ar_person_description", written: true, has: []string{"سياسي", "ملك", "رجل", "فرعون"}, hasNot: []string{"مدينة"}, size: 100},
		{class: "en_head_of_government", has: []string{"prime_minister", "chancellor", "taoiseach"}, hasNot: []string{"president"}, size: 9},
	} {
		var got []string
		if c.written {
			got = ClassAsWritten(c.class)
		} else {
			got = Class(c.class)
		}
		if len(got) < c.size {
			t.Errorf("%s: %d words, want at least %d", c.class, len(got), c.size)
		}
		form := func(w string) string {
			if c.written {
				return w
			}
			return arabic.MatchForm(w)
		}
		for _, w := range c.has {
			if !slices.Contains(got, form(w)) {
				t.Errorf("%s lacks %s", c.class, w)
			}
		}
		for _, w := range c.hasNot {
			if slices.Contains(got, form(w)) {
				t.Errorf("%s holds %s", c.class, w)
			}
		}
	}
	// the order of a class is the file's: the longest honorific first
	if h := Phrases("ar_honorific"); len(h[0]) != 3 || h[0][0] != "خادم" || len(h[1]) != 3 || len(h[2]) != 2 {
		t.Errorf("Phrases(ar_honorific) = %q", h)
	}
	// a copy: a reader that appends to or changes its class changes no other's
	a := ClassAsWritten("ar_title_or_role")
	a[0] = "x"
	if ClassAsWritten("ar_title_or_role")[0] == "x" {
		t.Error("ClassAsWritten returns the lexicon's own slice")
	}
}

// TestClassMisspelt: a class name words.yaml lacks panics, so the package
// that asks for it fails its tests when it starts.
func TestClassMisspelt(t *testing.T) {
	for _, c := range []struct {
		name string
		get  func(string)
	}{
		{"Class", func(n string) { Class(n) }},
		{"ClassAsWritten", func(n string) { ClassAsWritten(n) }},
		{"Phrases", func(n string) { Phrases(n) }},
	} {
		func() {
			defer func() {
				r := recover()
				if s, _ := r.(string); !strings.Contains(s, "no class ar_titel_head") {
					t.Errorf("%s(ar_titel_head): panic %v", c.name, r)
				}
			}()
			c.get("ar_titel_head")
		}()
	}
	if _, err := Parse(triggersFile, titlesFile, []byte(strings.Replace(string(wordsFile), "ar_title_head:", "ar_title_head: _x ", 1))); err == nil || !strings.Contains(err.Error(), "joined by one _") {
		t.Errorf("a phrase starting with _: %v", err)
	}
}

// TestClassesRead: every word class of words.yaml is named by a trigger
// (@name) or by a string literal in the Go code of some package (a class
// nobody reads is dead or misspelt).
func TestClassesRead(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("module root not at %s: %v", root, err)
	}
	named := map[string]bool{}
	fset := token.NewFileSet()
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if n := d.Name(); p != root && (strings.HasPrefix(n, ".") || n == "testdata" || n == "vendor") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if l, ok := n.(*ast.BasicLit); ok && l.Kind == token.STRING {
				if s, err := strconv.Unquote(l.Value); err == nil {
					named[s] = true
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	l := Get()
	for name := range l.Classes {
		if !named[name] && !l.ClassRefs[name] {
			t.Errorf("words.yaml: class %s is read by nothing", name)
		}
	}
}

// TestIsolation: the lexicon stays a low, data-only package: of kg it
// imports only arabic (MatchForm), segment and memo (arabic's) and vocab (with schema),
// so that link, ner, gazetteer and rel can all read it.
func TestIsolation(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	out, err := exec.Command(goBin, "list", "-deps", ".").Output()
	if err != nil {
		t.Fatal(err)
	}
	const mod = "github.com/kg-project/kg"
	allowed := map[string]bool{mod + "/internal/lexicon": true, mod + "/internal/text/arabic": true, mod + "/internal/text/segment": true,
		mod + "/internal/memo": true, mod + "/internal/vocab": true, mod + "/schema": true}
	for _, p := range strings.Fields(string(out)) {
		if (p == mod || strings.HasPrefix(p, mod+"/")) && !allowed[p] {
			t.Errorf("lexicon depends on %s", p)
		}
	}
}
