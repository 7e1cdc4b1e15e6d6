package extract

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/vocab"
)

// TestVocabularyExamples runs the real pipeline on every example sentence
// of schema/relations.yaml and records, in testdata/vocab_examples.txt,
// whether kg finds the example's relation between its subject and object,
// and if not, what it finds instead. A change in what kg gets right on
// them shows in review; the file is a record, not a target (refresh with
// go test ./internal/extract -run TestVocabularyExamples -update). The test
// fails outright when an example names a predicate or an entity type the
// vocabulary lacks.
func TestVocabularyExamples(t *testing.T) {
	p := NewPipeline()
	var body bytes.Buffer
	found, total := 0, 0
	for _, r := range vocab.All() {
		if !vocab.Valid(r.Name) {
			t.Errorf("%s: not a relation type of the vocabulary", r.Name)
		}
		for _, lang := range vocab.Languages {
			for k, ex := range r.Examples[lang] {
				for _, typ := range ex.Types {
					if !slices.Contains(model.EntityTypes, typ) {
						t.Errorf("%s %s example %d: entity type %q is not one of %v", r.Name, lang, k+1, typ, model.EntityTypes)
					}
				}
				x, err := p.Extract(context.Background(), &model.Article{ID: fmt.Sprintf("vocab-%s-%s-%d", r.Name, lang, k+1), Lang: lang, Text: ex.Text})
				if err != nil {
					t.Fatalf("%s %s example %d: %v", r.Name, lang, k+1, err)
				}
				verdict := judgeExample(x, r.Name, ex)
				if verdict == "found" {
					found++
				}
				total++
				fmt.Fprintf(&body, "%s\t%s\t%d\t%s\n", r.Name, lang, k+1, verdict)
				if testing.Verbose() {
					var es []string
					for _, e := range x.Entities {
						es = append(es, e.Name+" ("+e.Type+")")
					}
					t.Logf("%s %s %d: %s | entities: %s", r.Name, lang, k+1, verdict, strings.Join(es, "; "))
				}
			}
		}
	}
	var got bytes.Buffer
	fmt.Fprintf(&got, "# kg on the examples of schema/relations.yaml (TestVocabularyExamples; a record, not a target)\n")
	fmt.Fprintf(&got, "# found %d of %d: the predicate between the named subject and object\n", found, total)
	fmt.Fprintf(&got, "# predicate\tlanguage\texample\tverdict\n")
	got.Write(body.Bytes())
	path := filepath.Join("testdata", "vocab_examples.txt")
	if *update {
		if err := os.WriteFile(path, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/extract -run TestVocabularyExamples -update)", err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		gl, wl := strings.Split(got.String(), "\n"), strings.Split(string(want), "\n")
		for i := range gl {
			if i >= len(wl) || gl[i] != wl[i] {
				w := ""
				if i < len(wl) {
					w = wl[i]
				}
				t.Fatalf("what kg finds on the vocabulary's examples changed (review, then run with -update):\nline %d\n got: %s\nwant: %s", i+1, gl[i], w)
			}
		}
		t.Fatalf("what kg finds on the vocabulary's examples changed: %s has more lines (review, then run with -update)", path)
	}
}

// judgeExample says whether x holds the relation pred from the example's
// subject to its object ("found"), or else what is missing or found
// instead.
func judgeExample(x *model.Extraction, pred string, ex vocab.Example) string {
	subj, obj := namedEntities(x, ex.Subject), namedEntities(x, ex.Object)
	var miss []string
	if len(subj) == 0 {
		miss = append(miss, "no subject")
	}
	if len(obj) == 0 {
		miss = append(miss, "no object")
	}
	if len(miss) > 0 {
		return "missed: " + strings.Join(miss, ", ")
	}
	var other []string
	for _, r := range x.Relations {
		s, o := subj[r.Subject], obj[r.Object]
		if s != nil && o != nil && r.Predicate == pred {
			return "found"
		}
		switch {
		case s != nil && o != nil:
			other = append(other, r.Predicate)
		case subj[r.Object] != nil && obj[r.Subject] != nil:
			other = append(other, r.Predicate+" reversed")
		}
	}
	verdict := "missed: both found"
	for _, e := range subj {
		if e.Type != ex.Types[0] {
			verdict += ", subject typed " + e.Type
			break
		}
	}
	for _, e := range obj {
		if e.Type != ex.Types[1] {
			verdict += ", object typed " + e.Type
			break
		}
	}
	if len(other) > 0 {
		slices.Sort(other)
		verdict += "; kg: " + strings.Join(slices.Compact(other), ", ")
	}
	return verdict
}

// namedEntities are the entities of x named name (their name or an alias,
// case folded), by id.
func namedEntities(x *model.Extraction, name string) map[string]*model.Entity {
	out := map[string]*model.Entity{}
	for i := range x.Entities {
		e := &x.Entities[i]
		if strings.EqualFold(e.Name, name) || slices.ContainsFunc(e.Aliases, func(a string) bool { return strings.EqualFold(a, name) }) {
			out[e.ID] = e
		}
	}
	return out
}
