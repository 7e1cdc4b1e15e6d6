package queries

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
)

func TestParseHeader(t *testing.T) {
	src := `// @name ego
// @description Relations around
// @description one entity.
// Free text that explains more.
// @param name string "Vladimir Putin" the entity name or alias
// @param depth int 2 how many hops
// @param ratio float 0.5 a share
// @param strict bool false exact only
// @param from date null first day
// @param to date 2022-12-31 last day
// @param type enum(any|Person|Location) any the type
// @param rel relation met_with a relation
// @param q string required must be given
// @example kg query ego --param name=Putin
// @requires apoc
MATCH (e {name: $name}) // $notaparam in a comment
WHERE $strict OR $ratio > 0 OR $type = 'x' OR $rel = '$ignored' OR $q = "" OR $from < $to
RETURN e LIMIT toInteger($depth)`
	q, err := Parse("x.cypher", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if q.Name != "ego" || q.Description != "Relations around one entity." || q.Doc != "Free text that explains more." {
		t.Fatalf("got %q %q %q", q.Name, q.Description, q.Doc)
	}
	if len(q.Examples) != 1 || q.Requires[0] != "apoc" || !strings.HasPrefix(q.Cypher, "MATCH (e") {
		t.Fatalf("examples %v requires %v cypher %q", q.Examples, q.Requires, q.Cypher)
	}
	want := []struct {
		name     string
		typ      Type
		def      any
		required bool
		desc     string
	}{
		{"name", String, "Vladimir Putin", false, "the entity name or alias"},
		{"depth", Int, int64(2), false, "how many hops"},
		{"ratio", Float, 0.5, false, "a share"},
		{"strict", Bool, false, false, "exact only"},
		{"from", Date, nil, false, "first day"},
		{"to", Date, "2022-12-31", false, "last day"},
		{"type", Enum, "any", false, "the type"},
		{"rel", Relation, "MET_WITH", false, "a relation"},
		{"q", String, nil, true, "must be given"},
	}
	if len(q.Params) != len(want) {
		t.Fatalf("%d params", len(q.Params))
	}
	for i, w := range want {
		p := q.Params[i]
		if p.Name != w.name || p.Type != w.typ || p.Default != w.def || p.Required != w.required || p.Description != w.desc {
			t.Errorf("param %d = %+v, want %+v", i, p, w)
		}
	}
	if got := q.Params[6].TypeName(); got != "enum(any|Person|Location)" {
		t.Errorf("TypeName = %q", got)
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"no description", "// @name a\nRETURN 1", "no @description"},
		{"no body", "// @description d\n", "no Cypher"},
		{"unknown tag", "// @description d\n// @foo x\nRETURN 1", "unknown tag @foo"},
		{"bad name", "// @name Bad-Name\n// @description d\nRETURN 1", "@name"},
		{"bad type", "// @description d\n// @param x long 1 d\nRETURN $x", "unknown type"},
		{"bad default", "// @description d\n// @param x int two d\nRETURN toInteger($x)", "not an integer"},
		{"bad date", "// @description d\n// @param x date 2022-13-01 d\nRETURN $x", "not a date"},
		{"bad relation", "// @description d\n// @param x relation LIKES d\nRETURN $x", "not a relation type"},
		{"too short", "// @description d\n// @param x int\nRETURN $x", "NAME TYPE DEFAULT"},
		{"duplicate", "// @description d\n// @param x int 1 a\n// @param x int 2 b\nRETURN toInteger($x)", "twice"},
		{"unused", "// @description d\n// @param x int 1 a\nRETURN 1", "does not use $x"},
		{"undeclared", "// @description d\nRETURN $y, $z", "undeclared parameters: $y, $z"},
		{"int not wrapped", "// @description d\n// @param n int 1 a\nRETURN 1 LIMIT $n", "toInteger($n)"},
		{"bad quote", "// @description d\n// @param s string \"open d\nRETURN $s", "bad quoted default"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("t.cypher", []byte(tc.src))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want %q", err, tc.want)
			}
		})
	}
}

func TestConvert(t *testing.T) {
	enum := Param{Name: "e", Type: Enum, Choices: []string{"any", "Person"}}
	for _, tc := range []struct {
		p    Param
		in   string
		want any
		err  string
	}{
		{Param{Type: Int}, "42", int64(42), ""},
		{Param{Type: Int}, " -3 ", int64(-3), ""},
		{Param{Type: Int}, "4.5", nil, "not an integer"},
		{Param{Type: Int}, "", nil, "not an integer"},
		{Param{Type: Float}, "0.25", 0.25, ""},
		{Param{Type: Float}, "3", 3.0, ""},
		{Param{Type: Float}, "NaN", nil, "not a number"},
		{Param{Type: Float}, "x", nil, "not a number"},
		{Param{Type: Bool}, "true", true, ""},
		{Param{Type: Bool}, "0", false, ""},
		{Param{Type: Bool}, "yes", nil, "not true or false"},
		{Param{Type: Date}, "2022-01-09", "2022-01-09", ""},
		{Param{Type: Date}, "2022-1-9", nil, "YYYY-MM-DD"},
		{Param{Type: Date}, "2022-02-30", nil, "not a date"},
		{Param{Type: String}, " keep spaces ", " keep spaces ", ""},
		{Param{Type: String}, "بوتين", "بوتين", ""},
		{Param{Type: Relation}, "addressed", "ADDRESSED", ""},
		{Param{Type: Relation}, "LIKES", nil, "valid: "},
		{enum, "person", "Person", ""},
		{enum, "Animal", nil, "not one of any, Person"},
	} {
		got, err := Convert(tc.p, tc.in)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("Convert(%s, %q) err = %v, want %q", tc.p.TypeName(), tc.in, err, tc.err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("Convert(%s, %q) = %#v, %v; want %#v", tc.p.TypeName(), tc.in, got, err, tc.want)
		}
	}
}

func testQuery(t *testing.T) *Query {
	t.Helper()
	q, err := Parse("q.cypher", []byte(`// @description d
// @param name string "Putin" who
// @param depth int 2 hops
// @param from date null since
RETURN $name, toInteger($depth), $from`))
	if err != nil {
		t.Fatal(err)
	}
	return q
}

func TestBind(t *testing.T) {
	q := testQuery(t)
	got, err := q.Bind(map[string]string{"depth": "3"})
	if err != nil {
		t.Fatal(err)
	}
	if got["name"] != "Putin" || got["depth"] != int64(3) || got["from"] != nil || len(got) != 3 {
		t.Fatalf("Bind = %#v", got)
	}
	if _, ok := got["from"]; !ok {
		t.Fatal("null default must still be passed (as nil)")
	}

	_, err = q.Bind(map[string]string{"nmae": "x"})
	var pe *ParamError
	if !errors.As(err, &pe) || pe.Param != "nmae" || !strings.Contains(err.Error(), "valid: name, depth, from") {
		t.Fatalf("unknown param: %v", err)
	}
	if _, err := q.Bind(map[string]string{"depth": "deep"}); err == nil || !strings.Contains(err.Error(), "parameter depth (int)") {
		t.Fatalf("bad int: %v", err)
	}

	req, err := Parse("r.cypher", []byte("// @description d\n// @param who string required the person\nRETURN $who"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := req.Bind(nil); err == nil || !strings.Contains(err.Error(), "who (string) is required") {
		t.Fatalf("required: %v", err)
	}
	none, _ := Parse("n.cypher", []byte("// @description d\nRETURN 1"))
	if _, err := none.Bind(map[string]string{"x": "1"}); err == nil || !strings.Contains(err.Error(), "takes no parameters") {
		t.Fatalf("no params: %v", err)
	}
}

func TestUsedParams(t *testing.T) {
	got := UsedParams("MATCH (n {a: $a}) WHERE n.s = '$b' AND n.t = \"it's $c\" // $d\n/* $e */ RETURN $f, `$g`, $a")
	if len(got) != 2 || !got["a"] || !got["f"] {
		t.Fatalf("UsedParams = %v", got)
	}
}

func TestLoadEmbedded(t *testing.T) {
	set, err := Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"ego_network", "shortest_paths", "interactions", "timeline", "top_entities",
		"co_mentions", "co_mention_pairs", "relations_by_type", "edge_evidence", "search_entities", "key_players"} {
		q, err := set.Get(name)
		if err != nil {
			t.Fatal(err)
		}
		if len(q.Examples) == 0 {
			t.Errorf("%s: no @example", name)
		}
		if _, err := q.Bind(nil); err != nil {
			t.Errorf("%s: defaults do not bind: %v", name, err)
		}
		if q.File != name+".cypher" {
			t.Errorf("%s is in %s; name the file after the query", name, q.File)
		}
	}
	if _, err := set.Get("nope"); err == nil || !strings.Contains(err.Error(), "available: co_mention_pairs, co_mentions") {
		t.Fatalf("unknown query: %v", err)
	}
}

func TestLoadDuplicateNames(t *testing.T) {
	fsys := fstest.MapFS{
		"a.cypher": {Data: []byte("// @name same\n// @description d\nRETURN 1")},
		"b.cypher": {Data: []byte("// @name same\n// @description d\nRETURN 2")},
	}
	if _, err := Load(fsys); err == nil || !strings.Contains(err.Error(), "used by both a.cypher and b.cypher") {
		t.Fatalf("err = %v", err)
	}
}

func TestBrowserParams(t *testing.T) {
	got := BrowserParams(map[string]any{"name": "O'Brien \\ x", "depth": int64(2), "r": 0.5, "w": 2.0, "from": nil, "b": true})
	want := `:params {b: true, depth: 2, from: null, name: 'O\'Brien \\ x', r: 0.5, w: 2.0}`
	if got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
}
