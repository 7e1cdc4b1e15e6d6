package eval

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/testshared"
)

// TestEvalParityWithPython scores synthetic predictions for every usable
// gold file of ../shared (seed, dev/en, dev_ar_01..15; never the held-out
// ones) with both the shared Python scripts and this package, and
// requires identical results: per article entity and relation P/R/F1,
// counts, missed entities and relations, core relations missed, and the
// score_dev.py summary (macro and micro). The predictions are generated
// to hit every rule: name variants (case, hamza, diacritics, punctuation,
// compatibility forms, clitics), wrong and partial spans, Wikidata links,
// ids of every JSON type, ids equal to other entities' names, entities
// merged and split, relation arguments by id, by name and inline, accepted
// and wrong predicates in any spelling, reversed and symmetric relations,
// duplicates, articles missing and decoy records. It also compares norm()
// and norm_pred() on random strings.
func TestEvalParityWithPython(t *testing.T) {
	sets := testshared.GoldSets(t)
	// and synthetic edge cases of our own (empty gold, duplicate keys,
	// shared aliases, list sides, odd predicate spellings)
	edge, err := filepath.Abs(filepath.Join("testdata", "parity"))
	if err != nil {
		t.Fatal(err)
	}
	sets = append(sets, testshared.GoldSet{Name: "edge", Dir: edge, Files: 3})
	python := testshared.Python(t)
	tools := filepath.Join(testshared.Dir(t), "tools")

	type job struct {
		set  testshared.GoldSet
		pred string
	}
	var jobs []job
	tmp := t.TempDir()
	for _, set := range sets {
		golds := readGoldSet(t, set.Dir)
		for seed := uint64(1); seed <= 8; seed++ {
			r := rand.New(rand.NewPCG(seed, uint64(len(set.Name))))
			var lines [][]byte
			for _, g := range golds {
				lines = append(lines, synthesize(r, set.Dir, g.name, g.gold)...)
			}
			p := filepath.Join(tmp, fmt.Sprintf("%s_%d.jsonl", set.Name, seed))
			if err := os.WriteFile(p, append(bytes.Join(lines, []byte("\n")), '\n'), 0o644); err != nil {
				t.Fatal(err)
			}
			jobs = append(jobs, job{set, p})
		}
	}
	strs := randomStrings(rand.New(rand.NewPCG(7, 7)), 3000)

	in := map[string]any{"strings": strs}
	var js []map[string]string
	for _, j := range jobs {
		js = append(js, map[string]string{"gold_dir": j.set.Dir, "pred": j.pred})
	}
	in["jobs"] = js
	inb, _ := json.Marshal(in)
	cmd := exec.Command(python, filepath.Join("testdata", "parity_driver.py"), tools)
	cmd.Stdin = bytes.NewReader(inb)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	outb, err := cmd.Output()
	if err != nil {
		t.Fatalf("python: %v\n%s", err, stderr.String())
	}
	var out struct {
		Jobs []struct {
			Articles map[string]*pyArticle `json:"articles"`
			Dev      pyDev                 `json:"dev"`
		} `json:"jobs"`
		Norm     []string `json:"norm"`
		NormPred []string `json:"norm_pred"`
	}
	if err := json.Unmarshal(outb, &out); err != nil {
		t.Fatal(err)
	}

	for i, s := range strs {
		if got := Norm(s); got != out.Norm[i] {
			t.Errorf("Norm(%q) = %q, Python %q", s, got, out.Norm[i])
		}
		if got := NormPredicate(s); got != out.NormPred[i] {
			t.Errorf("NormPredicate(%q) = %q, Python %q", s, got, out.NormPred[i])
		}
	}

	scored, unscored, rels := 0, 0, 0
	for ji, j := range jobs {
		res := out.Jobs[ji]
		rep := scoreFolder(t, j.set.Dir, j.pred)
		where := fmt.Sprintf("%s (%s)", filepath.Base(j.pred), j.set.Name)
		for _, a := range rep.Articles {
			py, ok := res.Articles[a.Name]
			if !ok {
				t.Fatalf("%s: Python did not score %s", where, a.Name)
			}
			if py == nil {
				unscored++
				if a.NotScored == "" {
					t.Errorf("%s %s: Python found no prediction, Go did", where, a.Name)
				}
				continue
			}
			scored++
			rels += a.Relations.Predicted
			compareArticle(t, where+" "+a.Name, j.set.Dir, a, py)
		}
		compareDev(t, where, rep, res.Dev)
	}
	if unscored == 0 || scored < 100 || rels < 500 {
		t.Errorf("weak test: %d articles scored, %d not scored, %d predicted triples", scored, unscored, rels)
	}
	t.Logf("%d articles scored (%d predicted triples), %d without a prediction, %d strings normalised: identical", scored, rels, unscored, len(strs))
}

type pyScore struct {
	Predicted   int      `json:"predicted"`
	Precision   float64  `json:"precision"`
	Recall      float64  `json:"recall"`
	F1          float64  `json:"f1"`
	Missed      []string `json:"missed"`
	CoreMissing []string `json:"core_missing"`
}

type pyArticle struct {
	Entities  pyScore `json:"entities"`
	Relations pyScore `json:"relations"`
}

type pyDev struct {
	Articles []struct {
		Article            string   `json:"article"`
		Error              *string  `json:"error"`
		EntitiesF1         float64  `json:"entities_f1"`
		RelationsPredicted int      `json:"relations_predicted"`
		RelationsRequired  int      `json:"relations_required"`
		Precision          float64  `json:"precision"`
		Recall             float64  `json:"recall"`
		F1                 float64  `json:"f1"`
		CoreMissing        int      `json:"core_missing"`
		_                  struct{} // keep the literal order readable
	} `json:"articles"`
	Summary struct {
		Articles               int     `json:"articles"`
		MacroRelationF1        float64 `json:"macro_relation_f1"`
		MacroEntityF1          float64 `json:"macro_entity_f1"`
		MicroRelationPrecision float64 `json:"micro_relation_precision"`
		MicroRelationRecall    float64 `json:"micro_relation_recall"`
		MicroRelationF1        float64 `json:"micro_relation_f1"`
		RelationsPredicted     int     `json:"relations_predicted"`
		RelationsRequired      int     `json:"relations_required"`
		CoreMissing            int     `json:"core_missing"`
	} `json:"summary"`
}

type namedGold struct {
	name string
	gold *Gold
	raw  map[string]any
}

func readGoldSet(t *testing.T, dir string) []namedGold {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	var out []namedGold
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		g, err := ParseGold(b)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		var raw map[string]any
		if err := json.Unmarshal(b, &raw); err != nil {
			t.Fatal(err)
		}
		out = append(out, namedGold{strings.TrimSuffix(filepath.Base(f), ".gold.json"), g, raw})
	}
	return out
}

// scoreFolder scores a predictions file against a gold folder as kg eval
// does with PATH arguments.
func scoreFolder(t *testing.T, dir, predFile string) *Report {
	t.Helper()
	b, err := os.ReadFile(predFile)
	if err != nil {
		t.Fatal(err)
	}
	var preds []*Prediction
	for i, line := range bytes.Split(b, []byte("\n")) {
		if line = bytes.TrimSpace(line); len(line) == 0 {
			continue
		}
		p, err := ParsePrediction(line)
		if err != nil {
			t.Fatalf("%s:%d: %v", predFile, i+1, err)
		}
		preds = append(preds, p)
	}
	var arts []*Article
	for _, g := range readGoldSet(t, dir) {
		if p := FindPrediction(preds, g.gold.Document); p != nil {
			arts = append(arts, Evaluate(g.name, g.gold, p))
		} else {
			arts = append(arts, NotScoredArticle(g.name, g.gold, "no prediction"))
		}
	}
	return Aggregate(arts)
}

// pyRepr is Python's str() of a gold relation side: the key, or the list
// as ['a', 'b'].
func pyRepr(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = "'" + fmt.Sprint(e) + "'"
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	return fmt.Sprint(v)
}

func pyLabel(raw map[string]any, i int) string {
	r := raw["relations"].([]any)[i].(map[string]any)
	return pyRepr(r["subject"]) + " " + r["predicates"].([]any)[0].(string) + " " + pyRepr(r["object"])
}

func compareArticle(t *testing.T, where, dir string, a *Article, py *pyArticle) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, a.Name+".gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	var raw map[string]any
	_ = json.Unmarshal(b, &raw)
	for _, c := range []struct {
		what string
		got  Score
		want pyScore
	}{{"entities", a.Entities, py.Entities}, {"relations", a.Relations, py.Relations}} {
		if c.got.Predicted != c.want.Predicted || c.got.Precision != c.want.Precision ||
			c.got.Recall != c.want.Recall || c.got.F1 != c.want.F1 {
			t.Errorf("%s %s: Go %d P %v R %v F1 %v, Python %d P %v R %v F1 %v", where, c.what,
				c.got.Predicted, c.got.Precision, c.got.Recall, c.got.F1,
				c.want.Predicted, c.want.Precision, c.want.Recall, c.want.F1)
		}
	}
	var missed []string
	for _, e := range a.EntityMisses {
		missed = append(missed, e.Key)
	}
	sort.Strings(missed)
	if !slices.Equal(missed, nonNil(py.Entities.Missed)) {
		t.Errorf("%s: entities missed\n Go     %v\n Python %v", where, missed, py.Entities.Missed)
	}
	var rmissed, core []string
	for _, e := range a.RelationMisses {
		l := pyLabel(raw, e.Index)
		rmissed = append(rmissed, l)
		if e.Gold.Core {
			core = append(core, l)
		}
	}
	if !slices.Equal(nonNil(rmissed), nonNil(py.Relations.Missed)) {
		t.Errorf("%s: relations missed\n Go     %v\n Python %v", where, rmissed, py.Relations.Missed)
	}
	if !slices.Equal(nonNil(core), nonNil(py.Relations.CoreMissing)) || len(core) != len(a.CoreMissing) {
		t.Errorf("%s: core missing\n Go     %v\n Python %v", where, core, py.Relations.CoreMissing)
	}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func compareDev(t *testing.T, where string, rep *Report, py pyDev) {
	t.Helper()
	if len(py.Articles) != len(rep.Articles) {
		t.Fatalf("%s: %d articles, Python %d", where, len(rep.Articles), len(py.Articles))
	}
	for i, a := range rep.Articles {
		p := py.Articles[i]
		if p.Article != a.Name || (p.Error != nil) != (a.NotScored != "") {
			t.Errorf("%s: row %d: Go %s (not scored %q), Python %s (error %v)", where, i, a.Name, a.NotScored, p.Article, p.Error)
			continue
		}
		if p.Error != nil {
			continue
		}
		if p.EntitiesF1 != a.Entities.F1 || p.RelationsPredicted != a.Relations.Predicted || p.RelationsRequired != a.Relations.Gold ||
			p.Precision != a.Relations.Precision || p.Recall != a.Relations.Recall || p.F1 != a.Relations.F1 || p.CoreMissing != len(a.CoreMissing) {
			t.Errorf("%s: row %s differs: Go %+v %+v core %d, Python %+v", where, a.Name, a.Entities, a.Relations, len(a.CoreMissing), p)
		}
	}
	s, ps := rep.Summary, py.Summary
	got := []any{s.Articles, s.MacroRelations.F1, s.MacroEntities.F1, s.MicroRelations.Precision, s.MicroRelations.Recall,
		s.MicroRelations.F1, s.MicroRelations.Predicted, s.MicroRelations.Gold, s.CoreMissing}
	want := []any{ps.Articles, ps.MacroRelationF1, ps.MacroEntityF1, ps.MicroRelationPrecision, ps.MicroRelationRecall,
		ps.MicroRelationF1, ps.RelationsPredicted, ps.RelationsRequired, ps.CoreMissing}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("%s: summary (articles, macro rel F1, macro ent F1, micro P R F1, predicted, required, core missing)\n Go     %v\n Python %v", where, got, want)
	}
}

// Synthetic predictions.

var synthTypes = []string{"Person", "Organization", "Location", "Misc"}

var wrongPredicates = []string{"VISITED", "STATED", "MET_WITH", "LOCATED_IN", "FOUGHT", "CRITICIZED", "MEMBER_OF", "LEADER_OF"}

// pick returns a random element of xs (the zero value when xs is empty).
func pick[T any](r *rand.Rand, xs []T) T {
	if len(xs) == 0 {
		var zero T
		return zero
	}
	return xs[r.IntN(len(xs))]
}

// perturb returns a variant of a name: one the normalisation folds away
// (case, hamza, diacritics, tatweel, punctuation, compatibility forms), or
// one it does not (a word dropped or added, a clitic).
func perturb(r *rand.Rand, s string) string {
	switch r.IntN(14) {
	case 0:
		return strings.ToUpper(s)
	case 1:
		return strings.ToLower(s)
	case 2:
		return strings.ReplaceAll(s, "ا", "أ")
	case 3: // a diacritic and a tatweel after the first letter
		rs := []rune(s)
		if len(rs) > 1 {
			return string(rs[:1]) + "\u064e\u0640" + string(rs[1:])
		}
	case 4:
		return strings.ReplaceAll(s, " ", "-")
	case 5:
		return " " + s + ". "
	case 6: // drop the first word
		if i := strings.IndexByte(s, ' '); i > 0 {
			return s[i+1:]
		}
	case 7: // drop the last word
		if i := strings.LastIndexByte(s, ' '); i > 0 {
			return s[:i]
		}
	case 8:
		return "و" + s
	case 9:
		return "Mr " + s
	case 10: // fullwidth Latin (NFKC folds it)
		return strings.Map(func(c rune) rune {
			if c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' {
				return c - 'A' + 'Ａ'
			}
			return c
		}, s)
	case 11:
		return "(" + s + ")"
	case 12:
		return strings.ReplaceAll(s, "ي", "ى")
	}
	return s
}

func slug(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), "_"))
}

// synthesize returns the JSONL records of one article's prediction (none,
// one, or one after decoys).
func synthesize(r *rand.Rand, dir, name string, g *Gold) [][]byte {
	if r.IntN(20) == 0 {
		return nil // no prediction for this article
	}
	type ent = map[string]any
	var ents []ent
	byKey := map[string][]ent{}
	all := append(slices.Clip(g.Entities), g.OptionalEntities...)
	n := 0
	newID := func(e GoldEntity) any {
		n++
		switch r.IntN(12) {
		case 0:
			return n // an int id
		case 1:
			return json.RawMessage(fmt.Sprintf("%d.0", n)) // a float id
		case 2:
			return nil // null: str() is "None"
		case 3:
			if len(ents) > 0 { // the id of an earlier entity
				return ents[r.IntN(len(ents))]["id"]
			}
		case 4: // another gold entity's name: an id clash
			return pick(r, all).Name
		case 5:
			return true
		}
		if e.Wikidata != "" && r.IntN(2) == 0 {
			return "wd:" + e.Wikidata
		}
		return e.Type + ":" + slug(e.Name)
	}
	for _, ge := range all {
		if r.IntN(5) == 0 {
			continue
		}
		copies := 1
		if r.IntN(7) == 0 {
			copies = 2 // split
		}
		for c := 0; c < copies; c++ {
			forms := append([]string{ge.Name}, ge.Aliases...)
			e := ent{"id": newID(ge)}
			if r.IntN(25) == 0 {
				delete(e, "id")
			}
			var mentions []any
			for range 1 + r.IntN(3) {
				text := pick(r, forms)
				if r.IntN(3) == 0 {
					text = perturb(r, text)
				}
				mentions = append(mentions, map[string]any{"text": text, "start": 0, "end": len([]rune(text)), "sentence": 0})
			}
			if r.IntN(8) == 0 { // merged with another entity
				mentions = append(mentions, map[string]any{"text": pick(r, pick(r, all).Aliases)})
			}
			e["mentions"] = mentions
			switch r.IntN(10) {
			case 0:
				e["name"] = nil
			case 1:
				e["name"] = ""
			case 2: // no name field
			case 3, 4, 5:
				e["name"] = perturb(r, pick(r, forms))
			default:
				e["name"] = ge.Name
			}
			if r.IntN(3) == 0 {
				var as []any
				for _, m := range mentions {
					as = append(as, m.(map[string]any)["text"])
				}
				e["aliases"] = as
			}
			e["type"] = ge.Type
			if r.IntN(4) == 0 {
				e["type"] = pick(r, synthTypes)
			}
			switch r.IntN(10) {
			case 0, 1:
				if ge.Wikidata != "" {
					e["wikidata"] = ge.Wikidata
				}
			case 2:
				if o := pick(r, all); o.Wikidata != "" {
					e["wikidata"] = o.Wikidata // linked to another
				}
			case 3:
				e["wikidata"] = 42 // a non-string never matches
			}
			ents = append(ents, e)
			byKey[ge.Key] = append(byKey[ge.Key], e)
		}
	}
	for range r.IntN(4) { // junk and partial spans
		text := pick(r, []string{"Zorblax", "Kyoto", "Monday", "الخميس", "شركة النور"})
		if r.IntN(2) == 0 {
			text = perturb(r, pick(r, pick(r, all).Aliases))
		}
		ents = append(ents, ent{"id": "Misc:" + slug(text), "name": text, "type": pick(r, synthTypes),
			"mentions": []any{map[string]any{"text": text}}})
	}
	r.Shuffle(len(ents), func(i, j int) { ents[i], ents[j] = ents[j], ents[i] })

	ref := func(key string) any {
		es := byKey[key]
		var ge GoldEntity
		for _, x := range all {
			if x.Key == key {
				ge = x
			}
		}
		switch r.IntN(8) {
		case 0:
			return "unknown:" + key
		case 1:
			return pick(r, append([]string{ge.Name}, ge.Aliases...)) // a gold name, no entity
		case 2:
			return map[string]any{"name": perturb(r, ge.Name)} // an inline entity
		}
		if len(es) == 0 {
			return ge.Name
		}
		e := pick(r, es)
		if r.IntN(4) == 0 && e["name"] != nil {
			return e["name"]
		}
		return e["id"]
	}
	var rels []any
	addRel := func(s, p, o any) {
		rel := map[string]any{"subject": s, "predicate": p, "object": o,
			"evidence": map[string]any{"sentence": "…", "start": 0, "end": 1}}
		switch r.IntN(50) {
		case 0:
			delete(rel, "subject")
		case 1:
			rel["predicate"] = nil
		}
		rels = append(rels, rel)
	}
	grels := append(slices.Clip(g.Relations), g.OptionalRelations...)
	for _, gr := range grels {
		if r.IntN(2) == 0 {
			continue
		}
		s, o := pick(r, gr.Subject), pick(r, gr.Object)
		if r.IntN(5) == 0 {
			s, o = o, s
		}
		p := wrongPredicates[r.IntN(len(wrongPredicates))]
		if r.IntN(3) > 0 && len(gr.Predicates) > 0 {
			p = pick(r, gr.Predicates)
		}
		switch r.IntN(5) {
		case 0:
			p = strings.ToLower(p)
		case 1:
			p = strings.ReplaceAll(p, "_", " ")
		case 2:
			p = strings.ReplaceAll(p, "_", "-")
		}
		addRel(ref(s), p, ref(o))
		if r.IntN(10) == 0 {
			addRel(ref(s), p, ref(o)) // a duplicate
		}
	}
	for range r.IntN(4) {
		if len(ents) < 2 {
			break
		}
		addRel(pick(r, ents)["id"], pick(r, wrongPredicates), pick(r, ents)["id"])
	}
	doc := map[string]any{"id": fmt.Sprintf("%016x", r.Uint64())}
	switch r.IntN(7) {
	case 0:
		doc = map[string]any{"id": strings.TrimSuffix(g.Document, ".txt")}
	case 3: // the end of the name: it may match another article first
		doc = map[string]any{"name": g.Document[len(g.Document)/2:]}
	case 1:
		doc["path"] = g.Document
	case 2:
		doc["id"] = nil
		doc["source"] = filepath.Join(dir, g.Document)
	default:
		doc["source"] = filepath.Join(dir, g.Document)
	}
	rec := map[string]any{"doc": doc, "entities": ents, "relations": rels}
	var out [][]byte
	if r.IntN(10) == 0 { // a decoy that does not match
		b, _ := json.Marshal(map[string]any{"doc": map[string]any{"source": "elsewhere/other.txt"}, "entities": []any{}})
		out = append(out, b)
	}
	b, err := json.Marshal(rec)
	if err != nil {
		panic(err)
	}
	return append(out, b)
}

// randomStrings draws strings from an alphabet that exercises every step
// of norm() and norm_pred().
func randomStrings(r *rand.Rand, n int) []string {
	alphabet := []rune("aZ _-'’`\".,()أإآٱاىةيه\u064b\u0650\u0670\u06d6\u0640\u0610ΣσßİIﬁＡ①\u00a0\u2003\u2028\u001c\u001f\u0085\u180e\u200b\t\ne\u0301ﻷﺍ가\u1100\u1161Ǆǅ ŉᾈ")
	out := make([]string, n)
	for i := range out {
		rs := make([]rune, r.IntN(12))
		for j := range rs {
			rs[j] = pick(r, alphabet)
		}
		out[i] = string(rs)
	}
	return out
}
