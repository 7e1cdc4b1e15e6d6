package gazbuild

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/kg-project/kg/internal/gazetteer"
	"github.com/kg-project/kg/internal/gazetteer/data"
	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/text/arabic"
)

// sharedData is the project's shared data folder (see kg build gazetteer).
func sharedData(t *testing.T) string {
	t.Helper()
	for _, d := range []string{os.Getenv("KG_SHARED_DATA"), "../../../../shared/data", "/work/shared/data"} {
		if d == "" {
			continue
		}
		if st, err := os.Stat(filepath.Join(d, "gazetteer")); err == nil && st.IsDir() {
			return d
		}
	}
	t.Skip("shared data folder not found (set KG_SHARED_DATA); skipping build test")
	return ""
}

func TestCityRowChecks(t *testing.T) {
	for _, tc := range []struct {
		ar, en string
		agrees bool
	}{
		{"الموصل", "Mosul", true}, {"فاموتيدين", "Mosul", false}, {"طيور", "Aves", false},
		{"البلد", "Valletta", false}, {"كركوك", "Kirkuk", true}, {"الدمام", "Ad Dammam", true},
		{"تشيناي", "Chennai", true}, {"الدار البيضاء", "Casablanca", true},
		{"الشرق الأوسط وشمال أفريقيا", "Nawa", false}, {"مدينة السادس من أكتوبر", "Madinat as Sadis min Uktubar", true},
	} {
		if got := cityNameAgrees(tc.ar, tc.en); got != tc.agrees {
			t.Errorf("cityNameAgrees(%q, %q) = %v", tc.ar, tc.en, got)
		}
	}
	for _, tc := range []struct {
		ar, en, iso2    string
		capital, common bool
	}{
		{"الفرح", "Farah", "AF", false, true}, {"البحر", "Bahar", "IR", false, true},
		{"علانية", "Alanya", "TR", false, true}, {"القاهرة", "Cairo", "EG", true, false},
		{"الرياض", "Riyadh", "SA", true, false}, {"اللاذقية", "Latakia", "SY", false, false},
		{"قونية", "Konya", "TR", false, true}, {"إسطنبول", "Istanbul", "TR", false, false},
	} {
		if got := cityNameCommon(tc.ar, tc.en, tc.iso2, tc.capital); got != tc.common {
			t.Errorf("cityNameCommon(%q, %q) = %v", tc.ar, tc.en, got)
		}
	}
}

// built is one Build of the shared data, shared by the tests (a build
// takes several seconds).
var built struct {
	once    sync.Once
	entries []*gazetteer.Entry
	stats   BuildStats
	err     error
}

func buildShared(t *testing.T) ([]*gazetteer.Entry, BuildStats) {
	t.Helper()
	dir := sharedData(t)
	built.once.Do(func() { built.entries, built.stats, built.err = Build(dir) })
	if built.err != nil {
		t.Fatal(built.err)
	}
	return built.entries, built.stats
}

func TestBuildKnownEntries(t *testing.T) {
	entries, stats := buildShared(t)
	g := gazetteer.New(entries)
	if stats.Countries < 240 || g.Len() < 2000 {
		t.Errorf("too few entries: %d (%+v)", g.Len(), stats)
	}
	want := map[string][]string{
		"wd:Q7747":   {"فلاديمير بوتين", "بوتين", "Vladimir Putin"},
		"wd:Q159":    {"روسيا", "Russia", "Russian Federation"},
		"wd:Q232":    {"كازاخستان", "Kazakhstan"},
		"wd:Q649":    {"موسكو", "Moscow"},
		"wd:Q15180":  {"الاتحاد السوفياتي", "الاتحاد السوفيتي", "USSR", "Soviet Union"},
		"wd:Q318693": {"منظمة معاهدة الأمن الجماعي", "CSTO"},
		// QIDs of curated.yaml's qids table, given to entries of the place
		// lists (first pass) and of the later sources (second pass: an
		// ArWikiCats region, a UniversalPetrarch person)
		"wd:Q190948": {"أبها", "Abha"},
		"wd:Q22":     {"إسكتلندا", "Scotland"},
		"wd:Q10390":  {"جون ماكين"},
	}
	for key, aliases := range want {
		e := g.ByKey(key)
		if e == nil {
			t.Errorf("%s missing", key)
			continue
		}
		if e.QID != strings.TrimPrefix(key, "wd:") {
			t.Errorf("%s: QID %q", key, e.QID)
		}
		have := map[string]bool{}
		for _, a := range e.Aliases {
			have[arabic.MatchForm(a)] = true
		}
		for _, a := range aliases {
			if !have[arabic.MatchForm(a)] {
				t.Errorf("%s (%s): alias %q missing from %v", key, e.Name, a, e.Aliases)
			}
		}
	}
	for _, e := range entries {
		if !model.ValidEntityType(e.Type) || e.Name == "" || len(e.Aliases) == 0 {
			t.Errorf("bad entry %+v", e)
		}
		if e.QID != "" && e.Key != "wd:"+e.QID {
			t.Errorf("%s: key does not follow QID %s", e.Key, e.QID)
		}
	}
}

// TestEmbeddedIsFreshBuild fails when the committed gazetteer is not what
// "kg build gazetteer" writes from the shared data (rebuild and commit).
func TestEmbeddedIsFreshBuild(t *testing.T) {
	entries, _ := buildShared(t)
	var a, b bytes.Buffer
	if err := gazetteer.WriteCompiled(&a, entries); err != nil {
		t.Fatal(err)
	}
	if err := gazetteer.WriteCompiled(&b, entries); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("WriteCompiled is not deterministic")
	}
	if !bytes.Equal(a.Bytes(), data.Gazetteer) {
		t.Fatal("internal/gazetteer/data/gazetteer.tsv.gz differs from a fresh build: run `kg build gazetteer` and commit it")
	}
	// and the round trip keeps every field
	back, err := gazetteer.ReadCompiledEntries(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	var c bytes.Buffer
	if err := gazetteer.WriteCompiled(&c, back); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), c.Bytes()) {
		t.Fatal("read/write round trip changes the file")
	}
}

// TestNoTitledPetrarchPersons: an actor of UniversalPetrarch written with a
// title (الرئيس محمود عباس) is no person of its own ("Reyes Mahmoud Abbas"):
// the title words are compared in MatchForm, as the actors' words are.
func TestNoTitledPetrarchPersons(t *testing.T) {
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range g.Entries() {
		if e.Type != "Person" || !slices.Equal(e.Sources, []string{"petrarch-ar"}) {
			continue
		}
		for _, a := range e.Aliases {
			if f := strings.Fields(arabic.MatchForm(a)); len(f) > 1 && petrarchTitleWords[f[0]] {
				t.Errorf("%s %q: a title, not a name", e.Key, a)
			}
		}
	}
}

// TestNoPetrarchMediaPersons: the newspapers and companies of
// UniversalPetrarch's actors (media and business roles without dates) are
// no persons (يديعوت أحرونوت, غولدمان ساكس); its journalists and business
// people named by a given name still are (زكي دغستاني).
func TestNoPetrarchMediaPersons(t *testing.T) {
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	person := func(name string) bool {
		for _, e := range g.Lookup(arabic.MatchForm(name)) {
			if e.Type == "Person" {
				return true
			}
		}
		return false
	}
	for _, name := range []string{"يديعوت أحرونوت", "غولدمان ساكس", "وول ستريت", "جونسون آند جونسون"} {
		if person(name) {
			t.Errorf("%s: a person", name)
		}
	}
	if !person("زكي دغستاني") {
		t.Error("زكي دغستاني: no person")
	}
	if !mediaOrBusiness([]string{"ISRMED", "USABUS"}) || mediaOrBusiness([]string{"ISRMED", "ISRGOV"}) || mediaOrBusiness(nil) {
		t.Error("mediaOrBusiness")
	}
}

// TestCurated: curated.yaml reads, and a misspelt field or type, or a
// malformed term of office (or one on no person's role), fails.
func TestCurated(t *testing.T) {
	if _, err := readCurated(curatedYAML); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{
		"organisations:\n  - {qid: Q1, typ: Organization, name: X, en: [X]}\n",
		"organisations:\n  - {type: Organisation, name: X, en: [X]}\n",
		"people:\n  - {name: X}\n",
		"people:\n  - {type: Location, name: X, ar: [x]}\n",
		"organisations:\n  - {type: Organization, name: X, en: [X], context: [ye]}\n",
		"places:\n  - {type: Location, name: X, en: [X], context: [YE]}\n",
		"people:\n  - {name: X, role: former_head_of_state, term: \"1953-11-09/1932\", en: [X]}\n",
		"people:\n  - {name: X, role: former_head_of_state, term: \"9 November 1953\", en: [X]}\n",
		"people:\n  - {name: X, term: \"/1953-11-09\", en: [X]}\n",
		"places:\n  - {type: Location, name: X, role: capital, term: \"/1953\", en: [X]}\n",
	} {
		if _, err := readCurated([]byte(bad)); err == nil {
			t.Errorf("no error for %q", bad)
		}
	}
	// the qids table: a key, its entry's name and a QID, each once
	base := "people:\n  - {name: X, en: [X]}\npetrarch_org_words: a\nqids:\n"
	if _, err := readCurated([]byte(base + "  - {key: location:x_ye, name: X, qid: Q12}\n")); err != nil {
		t.Errorf("a good qids table: %v", err)
	}
	for _, bad := range []string{
		"  - {key: location:x_ye, name: X, qid: Q012}\n",
		"  - {key: location:x_ye, name: X, qid: 12}\n",
		"  - {key: location:x_ye, qid: Q12}\n",
		"  - {key: location:x_ye, name: X, qid: Q12}\n  - {key: location:y_ye, name: Y, qid: Q12}\n",
		"  - {key: location:x_ye, name: X, qid: Q12}\n  - {key: location:x_ye, name: X, qid: Q13}\n",
	} {
		if _, err := readCurated([]byte(base + bad)); err == nil {
			t.Errorf("no error for qids %q", bad)
		}
	}
}
