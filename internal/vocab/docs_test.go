package vocab

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite docs/relations.md")

// Markdown renders the vocabulary as the reference page docs/relations.md.
func markdown() []byte {
	var b bytes.Buffer
	b.WriteString("# Relation vocabulary\n\n")
	b.WriteString("Generated from `schema/relations.yaml` by `go test ./internal/vocab -update`; do not edit by hand.\n")
	b.WriteString("Direction is always subject → object. Every edge in Neo4j has one of these types.\n")
	for _, group := range []string{"structural", "action"} {
		fmt.Fprintf(&b, "\n## %s relations\n\n| type | subject → object | CAMEO | definition | examples |\n|---|---|---|---|---|\n", strings.ToUpper(group[:1])+group[1:])
		for _, r := range All() {
			if r.Group != group {
				continue
			}
			var ex []string
			for _, lang := range Languages {
				for _, e := range r.Examples[lang] {
					ex = append(ex, fmt.Sprintf("%s (%s → %s)", e.Text, e.Subject, e.Object))
				}
			}
			subj := strings.Join(r.Subject, ", ")
			if len(r.SubjectNot) > 0 {
				subj += " (not a " + strings.Join(r.SubjectNot, ", ") + ")"
			}
			obj := strings.Join(r.Object, ", ")
			var not []string
			if len(r.ObjectNot) > 0 {
				not = append(not, "not a "+strings.Join(r.ObjectNot, ", "))
			}
			if r.OwnCountry {
				not = append(not, "a country only the subject's own")
			}
			if len(not) > 0 {
				obj += " (" + strings.Join(not, "; ") + ")"
			}
			fmt.Fprintf(&b, "| `%s` | %s → %s | %s | %s | %s |\n", r.Name, subj, obj,
				r.CAMEO, r.Definition, strings.Join(ex, "; "))
		}
	}
	return b.Bytes()
}

func TestDocsUpToDate(t *testing.T) {
	const path = "../../docs/relations.md"
	got := markdown()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil || !bytes.Equal(got, want) {
		t.Fatalf("docs/relations.md is out of date with schema/relations.yaml: run go test ./internal/vocab -update (%v)", err)
	}
}
