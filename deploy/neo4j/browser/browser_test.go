package browser

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/vocab"
)

var update = flag.Bool("update", false, "rewrite kg.grass from Generate")

func TestStyleUpToDate(t *testing.T) {
	want := Generate()
	if *update {
		if err := os.WriteFile("kg.grass", []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if Style != want {
		t.Fatal("kg.grass is out of date with schema/relations.yaml: run go test ./deploy/neo4j/browser -update")
	}
}

func TestStyleCoversLabelsAndTypes(t *testing.T) {
	for _, l := range []string{"Person", "Organization", "Location", "Misc", "Article", "Evidence"} {
		if !strings.Contains(Style, "node."+l+" {") {
			t.Errorf("no style for :%s", l)
		}
	}
	for _, r := range vocab.Names() {
		if !strings.Contains(Style, "relationship."+r+" {\n  caption: \""+r+" {count}\";") {
			t.Errorf("no caption for %s", r)
		}
	}
	if strings.Count(Style, "{") != strings.Count(Style, "}") {
		t.Error("unbalanced braces")
	}
}
