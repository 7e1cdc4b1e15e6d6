package eval

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/")

func readKinds(t *testing.T) (*Gold, *Prediction) {
	t.Helper()
	dir := filepath.Join("testdata", "kinds")
	b, err := os.ReadFile(filepath.Join(dir, "summit.gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	g, err := ParseGold(b)
	if err != nil {
		t.Fatal(err)
	}
	line, err := os.ReadFile(filepath.Join(dir, "pred.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := ParsePrediction(bytes.TrimSpace(line))
	if err != nil {
		t.Fatal(err)
	}
	text, err := os.ReadFile(filepath.Join(dir, "summit.txt"))
	if err != nil {
		t.Fatal(err)
	}
	_, p.Text, _ = strings.Cut(string(text), "\n") // the first line is the title
	return g, p
}

// TestEvalKinds: the invented article of testdata/kinds has one example
// of every kind of error; each is explained as that kind, about that
// entity or relation.
func TestEvalKinds(t *testing.T) {
	g, p := readKinds(t)
	a := Evaluate("summit", g, p)
	if s := a.Entities; s.Predicted != 10 || s.Correct != 6 || s.Gold != 8 || s.Found != 5 || s.Precision != 0.6 || s.Recall != 0.625 || s.F1 != 0.612 {
		t.Errorf("entities %+v", s)
	}
	if s := a.Relations; s.Predicted != 6 || s.Correct != 2 || s.Gold != 6 || s.Found != 1 || s.Precision != 0.333 || s.Recall != 0.167 || s.F1 != 0.222 {
		t.Errorf("relations %+v", s)
	}
	if len(a.CoreMissing) != 1 || a.CoreMissing[0] != "anna_berg PRESIDENT_OF freedonia" {
		t.Errorf("core missing %v", a.CoreMissing)
	}

	type item struct{ list, kind, about string }
	var got []item
	for _, e := range a.EntityMisses {
		got = append(got, item{"entity miss", e.Kind, e.Key})
	}
	for _, e := range a.EntityFalsePositives {
		got = append(got, item{"entity fp", e.Kind, e.Predicted[0].ID})
	}
	for _, e := range a.EntityNotCounted {
		got = append(got, item{"entity", e.Kind, e.Key})
	}
	for _, e := range a.RelationMisses {
		got = append(got, item{"relation miss", e.Kind, e.Gold.Label()})
	}
	for _, e := range a.RelationFalsePositives {
		tr := e.Predicted[0]
		got = append(got, item{"relation fp", e.Kind, tr.Subject + " " + tr.Predicate + " " + tr.Object})
	}
	want := []item{
		{"entity miss", NotDetected, "otto_lind"},                             // nothing predicted
		{"entity miss", NotLinked, "vienna_forum"},                            // "Vienna Forum" is a mention of the Vienna entity
		{"entity miss", WrongSpan, "orange_foundation"},                       // "Orange"
		{"entity fp", IDClash, "wd:Q1"},                                       // another entity is named "wd:Q1"
		{"entity fp", WrongSpan, "org:orange"},                                // overlaps "Orange Foundation"
		{"entity fp", Junk, "location:monday"},                                // no gold name near it
		{"entity fp", Junk, "person:chancellor"},                              // the one named "wd:Q1"
		{"entity", WrongType, "vienna"},                                       // Vienna as an Organization
		{"entity", Split, "karl_moss"},                                        // "Karl Moss" and "Moss"
		{"relation miss", WrongPredicate, "anna_berg PRESIDENT_OF freedonia"}, // VISITED
		{"relation miss", NoRelation, "anna_berg STATED sylvania_gov"},
		{"relation miss", EntityMissing, "otto_lind MET_WITH anna_berg"},
		{"relation miss", WrongDirection, "karl_moss LEADER_OF sylvania_gov|sylvania"},
		{"relation miss", EntityMissing, "orange_foundation FOUNDED vienna_forum"},
		{"relation fp", WrongPredicate, "person:berg VISITED location:freedonia"},
		{"relation fp", WrongDirection, "org:sylvanian_government LEADER_OF person:moss"},
		{"relation fp", UnknownEntity, "location:monday LOCATED_IN org:vienna"},
		{"relation fp", NotInGold, "location:freedonia LOCATED_IN org:vienna"},
	}
	if len(got) != len(want) {
		t.Errorf("%d explanations, want %d:\n%v", len(got), len(want), got)
	}
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			t.Errorf("explanation %d: %v, want %v", i, got[i], want[i])
		}
	}
	// every kind has its example
	seen := map[string]bool{}
	for _, it := range got {
		seen[it.list+" "+it.kind] = true
	}
	for _, k := range EntityMissKinds {
		if !seen["entity miss "+k] {
			t.Errorf("no entity miss of kind %s", k)
		}
	}
	for _, k := range EntityFPKinds {
		if !seen["entity fp "+k] {
			t.Errorf("no entity false positive of kind %s", k)
		}
	}
	for _, k := range RelationMissKinds {
		if !seen["relation miss "+k] {
			t.Errorf("no relation miss of kind %s", k)
		}
	}
	for _, k := range RelationFPKinds {
		if !seen["relation fp "+k] {
			t.Errorf("no relation false positive of kind %s", k)
		}
	}

	// the missing sides of the last relation say why they were missed
	last := a.RelationMisses[len(a.RelationMisses)-1]
	if len(last.Missing) != 2 || last.Missing[0].Why != WrongSpan || last.Missing[1].Why != NotLinked {
		t.Errorf("missing sides %+v", last.Missing)
	}
	// no_relation quotes the sentence that mentions both
	if s := a.RelationMisses[1].Sentence; s != "Berg said the talks with the Sylvanian government were useful." {
		t.Errorf("no_relation sentence %q", s)
	}
}

// TestEvalReportGolden: the text report (with --explain) and the JSON
// report of testdata/kinds, against golden files (go test -update
// rewrites them).
func TestEvalReportGolden(t *testing.T) {
	g, p := readKinds(t)
	r := Aggregate([]*Article{Evaluate("summit", g, p), NotScoredArticle("lost", g, "no prediction")})
	var text bytes.Buffer
	if err := r.WriteText(&text, true); err != nil {
		t.Fatal(err)
	}
	js, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		file string
		got  []byte
	}{{"report.txt", text.Bytes()}, {"report.json", append(js, '\n')}} {
		path := filepath.Join("testdata", "kinds", c.file)
		if *update {
			if err := os.WriteFile(path, c.got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (go test -update writes it)", err)
		}
		if !bytes.Equal(c.got, want) {
			t.Errorf("%s differs (go test -update rewrites it):\n%s", path, c.got)
		}
	}
	// and the same twice: deterministic
	var again bytes.Buffer
	_ = Aggregate([]*Article{Evaluate("summit", g, p), NotScoredArticle("lost", g, "no prediction")}).WriteText(&again, true)
	if again.String() != text.String() {
		t.Error("two runs differ")
	}
}

func TestEvalNorm(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Kassym-Jomart  Tokayev", "kassym jomart tokayev"},
		{`"Mr. Blair's" (UK)`, "mr blair s uk"},
		{"الأُمَمُ المُتَّحِدَةُ", "الامم المتحده"},
		{"إيــران وآسيا ٱلكبرى", "ايران واسيا الكبري"},
		{"ﬁnance Ⅻ ①", "finance xii 1"}, // NFKC
		{"İstanbul", "i\u0307stanbul"},  // full lower case, as Python
		{"ΟΔΟΣ", "οδος"},                // final sigma
		{"a\x1cb\u00a0c", "a b c"},      // Python's white space
		{" ’`. ", ""},
	} {
		if got := Norm(c.in); got != c.want {
			t.Errorf("Norm(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	for _, c := range []struct{ in, want string }{
		{"met_with", "METWITH"}, {"Met With", "METWITH"}, {"MET-WITH", "METWITH"}, {"straße", "STRASSE"}, {"", ""},
	} {
		if got := NormPredicate(c.in); got != c.want {
			t.Errorf("NormPredicate(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestEvalRound3(t *testing.T) {
	// Python: round(x, 3)
	for _, c := range []struct{ in, want float64 }{
		{0.0625, 0.062}, {0.1875, 0.188}, {2.0 / 3, 0.667}, {1.0 / 3, 0.333}, {0.0005, 0.001}, {0.9995, 1.0}, {0.8125, 0.812},
	} {
		if got := round3(c.in); got != c.want {
			t.Errorf("round3(%v) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestEvalPyStr(t *testing.T) {
	// Python: str(json.loads(in))
	for _, c := range []struct{ in, want string }{
		{`"wd:Q1"`, "wd:Q1"}, {`null`, "None"}, {`true`, "True"}, {`false`, "False"},
		{`12`, "12"}, {`-0`, "0"}, {`3.0`, "3.0"}, {`1e16`, "1e+16"}, {`1E5`, "100000.0"},
		{`1.5e-5`, "1.5e-05"}, {`0.0001`, "0.0001"}, {`-0.0`, "-0.0"}, {`1e400`, "inf"},
	} {
		if got, err := pyStr(json.RawMessage(c.in)); err != nil || got != c.want {
			t.Errorf("pyStr(%s) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
	if _, err := pyStr(json.RawMessage(`[1]`)); err == nil {
		t.Error("pyStr of a list: no error")
	}
}

func TestEvalMatchDoc(t *testing.T) {
	for _, c := range []struct {
		doc  map[string]string
		name string
		want bool
	}{
		{map[string]string{"source": "../shared/corpus/dev/en/bbc_politics_189.txt"}, "bbc_politics_189.txt", true},
		{map[string]string{"source": "corpus.jsonl:3", "id": "bbc_politics_189"}, "bbc_politics_189.txt", true}, // without extensions
		{map[string]string{"name": "politics_189.txt"}, "bbc_politics_189.txt", true},                           // the name ends with it
		{map[string]string{"source": "dev/bbc_politics_18.txt"}, "bbc_politics_189.txt", false},
		{map[string]string{"source": "", "id": "None"}, "x.txt", false},
		{map[string]string{"path": "a/x.json"}, "x.txt", true}, // "a/x" ends with "x"
	} {
		if got := MatchDoc(&Prediction{Doc: c.doc}, c.name); got != c.want {
			t.Errorf("MatchDoc(%v, %q) = %v", c.doc, c.name, got)
		}
	}
}

func TestEvalParseGoldErrors(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`{"document": "a.txt", "entities": [], "relations": [`, "invalid JSON"},
		{`[]`, "not a JSON object"},
		{`{"entities": [], "relations": []}`, `no "document"`},
		{`{"document": "a.txt", "relations": []}`, `no "entities"`},
		{`{"document": "a.txt", "entities": []}`, `no "relations"`},
		{`{"document": "a.txt", "entities": [{"name": "A"}], "relations": []}`, `entities[0]: no "key"`},
		{`{"document": "a.txt", "entities": [{"key": "a"}], "relations": []}`, `a: no "name"`},
		{`{"document": "a.txt", "entities": [{"key": "a", "name": "A", "aliases": "A"}], "relations": []}`, `not a list of strings`},
		{`{"document": "a.txt", "entities": [], "relations": [{"subject": "a", "object": "b"}]}`, `relations[0]: no "predicates"`},
		{`{"document": "a.txt", "entities": [], "relations": [{"subject": "a", "object": "b", "predicates": []}]}`, `no predicates`},
		{`{"document": "a.txt", "entities": [], "relations": [{"subject": 1, "object": "b", "predicates": ["X"]}]}`, `"subject" is neither`},
		{`{"document": "a.txt", "entities": [], "relations": [], "optional_relations": [{"object": "b", "predicates": ["X"]}]}`, `optional_relations[0]: no "subject"`},
	} {
		_, err := ParseGold([]byte(c.in))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ParseGold(%s): %v, want %q", c.in, err, c.want)
		}
	}
	g, err := ParseGold([]byte(`{"document": "a.txt", "entities": [{"key": "a", "name": null, "aliases": null}], "relations": [{"subject": ["a"], "object": "a", "predicates": ["X"], "core": 1}], "optional_entities": null}`))
	if err != nil || !g.Relations[0].Core || g.Entities[0].Name != "" {
		t.Errorf("lenient gold: %+v, %v", g, err)
	}
}

func TestEvalParsePrediction(t *testing.T) {
	p, err := ParsePrediction([]byte(`{"doc": {"id": 7, "source": null}, "entities": [{"id": 3, "name": "A", "mentions": [{"text": "A", "start": 0, "end": 1}]}, {"name": null}],
		"relations": [{"subject": 3, "predicate": "X", "object": {"name": "B"}}, {"predicate": null}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if p.Doc["id"] != "7" || p.Doc["source"] != "None" || p.Entities[0].ID != "3" || !p.Entities[0].HasID ||
		p.Entities[1].ID != "None" || p.Entities[1].HasID || p.Entities[1].HasName ||
		p.Relations[0].Subject.ID != "3" || p.Relations[0].Object.Entity == nil || p.Relations[1].Subject.ID != "None" {
		t.Errorf("parsed %+v", p)
	}
	for _, c := range []struct{ in, want string }{
		{`{"doc": `, "invalid JSON"},
		{`{"doc": [], "entities": []}`, `"doc" is not a JSON object`},
		{`{"entities": [{"id": [1]}]}`, "entities[0]: id"},
		{`{"entities": [{"name": 5}]}`, `"name" is not a string`},
		{`{"entities": [{"aliases": "abc"}]}`, "not a list of strings"},
		{`{"relations": [{"subject": "a", "predicate": 5}]}`, `relations[0]: "predicate" is not a string`},
		{`{"relations": [{"subject": [1]}]}`, "relations[0]: subject"},
	} {
		_, err := ParsePrediction([]byte(c.in))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ParsePrediction(%s): %v, want %q", c.in, err, c.want)
		}
	}
}

func TestEvalOverlap(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"Orange", "Orange Foundation", 1},             // contained
		{"Kassym Jomart", "Jomart Tokayev", 1},         // an end is the other's start
		{"President Anna Berg", "Anna Berg", 2},        // contains it
		{"وبوتين", "بوتين", 1},                         // a proclitic
		{"للأمم المتحدة", "الأمم المتحدة", 2},          // لل for ال
		{"Labour Party", "Democratic Party", 0},        // a shared word in the middle is no overlap
		{"Mr", "Mr Blair", 0},                          // function words alone
		{"Bank of", "of England", 0},                   // ditto
		{"Anna Berg", "anna-berg", 0},                  // equal forms: a match, not an overlap
		{"Conservative", "Conservative Party (UK)", 1}, // the disambiguation is left out
		{"UK", "Conservative Party (UK)", 0},           // ... so UK does not overlap
		{"United States", "Democratic Party (United States)", 0},
	} {
		if got := overlap(newForm(c.a), newForm(c.b).spanForm()); got != c.want {
			t.Errorf("overlap(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

// TestEvalAggregate: an article without a prediction counts 0 in the
// macro means and adds its required relations to the micro totals, as
// score_dev.py counts it; micro recall is 0 when there is nothing to find.
func TestEvalAggregate(t *testing.T) {
	g, p := readKinds(t)
	r := Aggregate([]*Article{Evaluate("summit", g, p), NotScoredArticle("lost", g, "no prediction")})
	s := r.Summary
	if s.Articles != 2 || s.NotScored != 1 || s.MacroRelations.F1 != 0.111 || s.MacroEntities.F1 != 0.306 {
		t.Errorf("macro %+v", s)
	}
	if m := s.MicroRelations; m.Predicted != 6 || m.Correct != 2 || m.Gold != 12 || m.Found != 1 || m.Precision != 0.333 || m.Recall != 0.083 || m.F1 != 0.133 {
		t.Errorf("micro relations %+v", m)
	}
	if s.CoreMissing != 1 || r.Kinds.EntityMisses[NotDetected] != 1 {
		t.Errorf("core missing %d, kinds %+v", s.CoreMissing, r.Kinds)
	}
	empty := Aggregate([]*Article{Evaluate("e", &Gold{Document: "e.txt"}, &Prediction{})})
	if a := empty.Articles[0]; a.Entities.Recall != 1 || a.Relations.Recall != 1 || a.Relations.F1 != 0 || empty.Summary.MicroRelations.Recall != 0 {
		t.Errorf("nothing to find: article %+v %+v, micro %+v", a.Entities, a.Relations, empty.Summary.MicroRelations)
	}
	if none := Aggregate(nil); none.Summary.Articles != 0 || none.Summary.MacroRelations.F1 != 0 {
		t.Errorf("no articles: %+v", none.Summary)
	}
}

func TestEvalQuote(t *testing.T) {
	long := strings.Repeat("word ", 100)
	for _, c := range []struct {
		text, mention, want string
	}{
		{"First one. Berg spoke here. Last one.", "Berg", "Berg spoke here."},
		{"Title line\nBerg spoke here\nNext", "Berg", "Berg spoke here"},
		{"وقال بوتين إن روسيا مستعدة؟ ثم غادر.", "روسيا", "وقال بوتين إن روسيا مستعدة؟"},
	} {
		rs := []rune(c.text)
		i := strings.Index(c.text, c.mention)
		start := len([]rune(c.text[:i]))
		if got := quote(rs, start, start+len([]rune(c.mention))); got != c.want {
			t.Errorf("quote(%q, %q) = %q, want %q", c.text, c.mention, got, c.want)
		}
	}
	// a long sentence is cut at maxQuote code points either side
	text := []rune(long + "Berg " + long)
	got := quote(text, 500, 504)
	if !strings.HasPrefix(got, "…") || !strings.HasSuffix(got, "…") || !strings.Contains(got, "word Berg word") ||
		len([]rune(got)) > 2*maxQuote+6 {
		t.Errorf("long quote %q", got)
	}
}

// TestNoRelationWhy: with the relation model's scores of the candidate
// pairs, a no_relation miss says why (anna_berg STATED sylvania_gov; the
// predicted entities are person:berg and org:sylvanian_government).
func TestNoRelationWhy(t *testing.T) {
	pair := func(s, pred, o string, conf float64, reaches bool) PairScore {
		return PairScore{Subject: s, Object: o, Predicate: pred, Confidence: conf, ReachesThreshold: reaches}
	}
	const berg, gov = "person:berg", "org:sylvanian_government"
	for _, c := range []struct {
		name  string
		pairs []PairScore
		want  string
		score float64 // the confidence of the pair the why is about (0: none)
	}{
		{"no pair", []PairScore{pair(berg, "VISITED", "location:freedonia", 0.9, false)}, NoCandidate, 0},
		{"none", []PairScore{pair(berg, "STATED", gov, 0.2, false), pair(gov, "STATED", berg, 0.3, false)}, ModelNone, 0.3},
		{"other", []PairScore{pair(berg, "CRITICIZED", gov, 0.7, false)}, OtherPredicate, 0.7},
		{"reversed", []PairScore{pair(gov, "STATED", berg, 0.7, false)}, OtherPredicate, 0.7},
		{"below", []PairScore{pair(gov, "STATED", berg, 0.9, false), pair(berg, "STATED", gov, 0.8, false)}, BelowThreshold, 0.8},
		{"vetoed", []PairScore{pair(berg, "STATED", gov, 0.99, true)}, Vetoed, 0.99},
	} {
		g, p := readKinds(t)
		p.Diagnosed, p.Pairs = true, c.pairs
		a := Evaluate("summit", g, p)
		got, score := "?", 0.0
		for _, e := range a.RelationMisses {
			if e.Kind == NoRelation {
				got = e.Why
				if e.Score != nil {
					score = e.Score.Confidence
				}
			}
		}
		if got != c.want || score != c.score {
			t.Errorf("%s: why %q (score %v), want %q (%v)", c.name, got, score, c.want, c.score)
		}
		if r := Aggregate([]*Article{a}); r.Kinds.NoRelationWhy[c.want] != 1 {
			t.Errorf("%s: kinds %v", c.name, r.Kinds.NoRelationWhy)
		}
	}
	// without scores, no why
	g, p := readKinds(t)
	for _, e := range Evaluate("summit", g, p).RelationMisses {
		if e.Why != "" {
			t.Errorf("%s: why %q without scores", e.Gold.Label(), e.Why)
		}
	}
}
