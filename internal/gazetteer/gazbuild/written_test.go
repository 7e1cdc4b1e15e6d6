package gazbuild

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/kg-project/kg/internal/gazetteer"
	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/text/arabic"
)

// TestWritten: the embedded lists read (readWritten panics otherwise, at
// init), and a broken entry fails with its file and name.
func TestWritten(t *testing.T) {
	if len(writtenOrgs) == 0 {
		t.Fatal("no organisations in written/*.yaml")
	}
	ok := `{type: "Organization", name: "Example Bank", country: "SA", ar: ["بنك المثال"], en: ["Example Bank"]}`
	for _, c := range []struct {
		name, yaml, want string
	}{
		{"fine", "organisations:\n  - " + ok + "\n", ""},
		{"person", "organisations:\n  - {type: \"Person\", name: \"X Y\", ar: [\"س ص\"]}\n", "want type Organization"},
		{"no Arabic", "organisations:\n  - {type: \"Organization\", name: \"X\", en: [\"X\"]}\n", "want type Organization"},
		{"qid", "organisations:\n  - {qid: \"Q1\", type: \"Organization\", name: \"X\", ar: [\"س\"]}\n", "only type, name"},
		{"country", "organisations:\n  - {type: \"Organization\", name: \"X\", country: \"Saudi\", ar: [\"س\"]}\n", "alpha-2"},
		{"unknown field", "organisations:\n  - {type: \"Organization\", name: \"X\", arabic: [\"س\"]}\n", "not found"},
		{"twice", "organisations:\n  - " + ok + "\n  - " + strings.Replace(ok, "Example Bank\"", "example bank\"", 1) + "\n", "also in"},
		{"fine person", "people:\n  - {type: \"Person\", name: \"Example Bank\", ar: [\"إكزامبل بانك\"]}\n", ""},
		{"organisation of people", "people:\n  - " + ok + "\n", "want type Person"},
		{"person qualified", "people:\n  - {type: \"Person\", name: \"Khaled (musician)\", ar: [\"س ص\"]}\n", "no qualifier"},
		{"person ambiguous", "people:\n  - {type: \"Person\", name: \"X Y\", ar: [\"س ص\"], ar_ambig: [\"س\"]}\n", "no ar_ambig"},
		{"person twice", "people:\n  - {type: \"Person\", name: \"X Y\", ar: [\"س ص\"]}\n  - {type: \"Person\", name: \"x y\", ar: [\"س ع\"]}\n", "also in"},
	} {
		fsys := fstest.MapFS{"written/a.yaml": {Data: []byte(c.yaml)}}
		got, err := readWritten(fsys)
		switch {
		case c.want == "" && (err != nil || len(got) != 1):
			t.Errorf("%s: %v, %d entries", c.name, err, len(got))
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "written/a.yaml")):
			t.Errorf("%s: error %v, want one naming written/a.yaml with %q", c.name, err, c.want)
		}
	}
}

// TestWrittenInBuild: what the build makes of the lists (needs the shared
// data): their organisations are entries with their Arabic forms; a
// lesser list's person of an organisation's name gives its forms up; the
// forms left to others (a place with a QID, a state's national body, an
// outlet's common word with a nationality, a one-word form found
// ambiguous) name no organisation.
func TestWrittenInBuild(t *testing.T) {
	entries, _ := buildShared(t)
	byKey := map[string]*gazetteer.Entry{}
	owners := map[string][]string{} // Arabic MatchForm -> organisation keys
	for _, e := range entries {
		byKey[e.Key] = e
		if e.Type == model.Person && e.Name == "Morgan Stanley" {
			t.Errorf("%s: a person named Morgan Stanley", e.Key)
		}
		if e.Type != model.Organization {
			continue
		}
		for _, a := range e.Aliases {
			owners[arabic.MatchForm(a)] = append(owners[arabic.MatchForm(a)], e.Key)
		}
	}
	for key, form := range map[string]string{
		"organization:morgan_stanley": "مورغان ستانلي",
		"organization:boeing":         "بوينغ",
		"organization:toyota":         "تويوتا",
		"organization:al_jadeed":      "قناة الجديد",
	} {
		e := byKey[key]
		if e == nil || !slices.Contains(owners[arabic.MatchForm(form)], key) {
			t.Errorf("%s: missing, or no form %s", key, form)
		}
	}
	for _, form := range []string{"الشرق الأوسط", "الجيش اليمني", "البرلمان اليوناني", "الثورة السورية", "الشباب السعودي", "الاتحاد السعودي", "ليلي", "السفير", "التحالف العربي بقيادة السعودية", "برنامج الأغذية العالمي التابع للأمم المتحدة"} {
		if ks := owners[arabic.MatchForm(form)]; len(ks) > 0 {
			t.Errorf("%s names organisations %v", form, ks)
		}
	}
}

// TestWrittenPersonsInBuild: the lists' people (needs the shared data):
// a person only the name lists knew takes the lists' English name; one
// with a QID keeps it and takes the lists' forms, with no second entry
// of the lists' spelling; a father's name and his son's stay two people,
// and so do two of one Arabic spelling but other English names; a
// one-word form is ambiguous.
func TestWrittenPersonsInBuild(t *testing.T) {
	entries, _ := buildShared(t)
	persons := map[string][]*gazetteer.Entry{} // Arabic MatchForm -> persons
	byName := map[string][]*gazetteer.Entry{}
	for _, e := range entries {
		if e.Type != model.Person {
			continue
		}
		byName[e.Name] = append(byName[e.Name], e)
		for _, a := range e.Aliases {
			if arabic.HasScript(a) {
				persons[arabic.MatchForm(a)] = append(persons[arabic.MatchForm(a)], e)
			}
		}
	}
	one := func(form string) *gazetteer.Entry {
		t.Helper()
		es := persons[arabic.MatchForm(form)]
		if len(es) != 1 {
			t.Errorf("%s: %d persons, want one", form, len(es))
			return &gazetteer.Entry{}
		}
		return es[0]
	}
	if e := one("حسين حبري"); e.Name != "Hissène Habré" || !slices.Contains(e.Sources, gazetteer.SrcWritten) {
		t.Errorf("حسين حبري: %s %q %v, want Hissène Habré of the lists", e.Key, e.Name, e.Sources)
	}
	if e := one("راشد الغنوشي"); e.QID != "Q360792" || e.Name != "Rached Ghannouchi" || len(byName["Rached Ghannouchi"]) != 1 {
		t.Errorf("راشد الغنوشي: %s %q, %d entries of the name; want Q360792 alone", e.Key, e.Name, len(byName["Rached Ghannouchi"]))
	}
	if e := one("محمد الغنوشي"); slices.ContainsFunc(e.Ambiguous, func(a string) bool { return arabic.MatchForm(a) == arabic.MatchForm("محمد الغنوشي") }) {
		t.Errorf("محمد الغنوشي: ambiguous for %s, but the lists name him", e.Key)
	}
	if a, r := one("أحمد قديروف"), one("رمضان قديروف"); a == r || a.Name != "Akhmad Kadyrov" || r.Name != "Ramzan Kadyrov" {
		t.Errorf("the Kadyrovs: %q and %q", a.Name, r.Name)
	}
	if len(byName["Mark Antony"]) != 1 || len(byName["Marc Anthony"]) != 1 {
		t.Errorf("Mark Antony %d entries, Marc Anthony %d, want one each", len(byName["Mark Antony"]), len(byName["Marc Anthony"]))
	}
	if e := one("فيروز"); e.Name != "Fairuz" || !slices.Contains(e.Ambiguous, "فيروز") {
		t.Errorf("فيروز: %s %q ambiguous %v, want Fairuz, ambiguous", e.Key, e.Name, e.Ambiguous)
	}
}
