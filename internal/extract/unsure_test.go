package extract

import (
	"slices"
	"testing"

	"github.com/kg-project/kg/internal/extract/link"
	"github.com/kg-project/kg/internal/model"
)

// TestUnsureNames: an entity all of whose mentions the tagger alone found
// with a low margin is unsure; one mention from elsewhere (the gazetteer,
// a rule, a context cue: not Tagged) or with a high margin makes it sure,
// and back references are no evidence either way.
func TestUnsureNames(t *testing.T) {
	low, high := float32(minEntityMargin-1), float32(minEntityMargin)
	cands := []link.Candidate{
		{Tagged: true, Margin: low},  // a: unsure
		{Tagged: true, Margin: low},  // b: low here,
		{Tagged: true, Margin: high}, // b: high there
		{Tagged: true, Margin: low},  // c: low,
		{Margin: 0},                  // c: and the gazetteer's
		{Tagged: true, Margin: low},  // d: low,
		{Anaphor: true},              // d: a back reference
		{Tagged: true, Margin: low},  // unresolved
	}
	ids := []string{"a", "b", "b", "c", "c", "d", "d", ""}
	got := unsureNames(cands, ids)
	var keys []string
	for k := range got {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if want := []string{"a", "d"}; !slices.Equal(keys, want) {
		t.Errorf("unsure %v, want %v", keys, want)
	}
	if unsureNames(cands[1:3], ids[1:3]) != nil {
		t.Error("all sure: want nil")
	}
	ents := []model.Entity{{ID: "a"}, {ID: "b"}, {ID: "c"}, {ID: "d"}}
	rels := []model.Relation{{Subject: "b", Predicate: "MET_WITH", Object: "d"}, {Subject: "b", Predicate: "MET_WITH", Object: "c"}}
	var kept []string
	keptEnts, keptRels := withoutUnsure(ents, got, rels)
	for _, e := range keptEnts {
		kept = append(kept, e.ID)
	}
	if want := []string{"b", "c"}; !slices.Equal(kept, want) {
		t.Errorf("kept %v, want %v (a relation is no evidence of an unsure name)", kept, want)
	}
	if len(keptRels) != 1 || keptRels[0].Object != "c" {
		t.Errorf("kept relations %v, want only b-c", keptRels)
	}
}

// TestUnrelatedUnsureName: a name the tagger is unsure of, that nothing
// else calls a name, is no entity of the extraction;
// the names step still finds it (the relation step sees it).
func TestUnrelatedUnsureName(t *testing.T) {
	p := NewPipeline()
	text, mention := "وغنت زميلتي أليسا في الحفل نفسه.", "أليسا"
	if len(nameEntities(t, p, text, mention)) == 0 {
		t.Fatalf("%s: the names step finds no %q", text, mention)
	}
	if es := mentionEntities(t, p, text, mention); len(es) != 0 {
		t.Errorf("%s: %q is an entity (%s), want none", text, mention, es[0].ID)
	}
	// a title before the name is evidence enough
	if len(mentionEntities(t, p, "وقالت الفنانة أليسا إن الحفل نجح.", mention)) == 0 {
		t.Errorf("after a title: no entity %q", mention)
	}
}

// TestOrphanPlace: a town's name that is also an ordinary word (الكرم
// "generosity", Le Kram in Tunisia) is no place in an article that speaks
// of another country and never of the town's; it is where the article
// names its country.
func TestOrphanPlace(t *testing.T) {
	p := NewPipeline()
	if es := mentionEntities(t, p, "وعرف عن أهل القاهرة الكرم والترحيب بالضيوف في مصر.", "الكرم"); len(es) != 0 {
		t.Errorf("generosity in Egypt: %q is %s", "الكرم", es[0].ID)
	}
	if es := mentionEntities(t, p, "وزار الوفد مدينة الكرم في تونس.", "الكرم"); len(es) == 0 {
		t.Errorf("a visit in Tunisia: no place %q", "الكرم")
	}
	// with a home country, a foreign town's ordinary word in an article
	// that names no country (local news) is the word
	h := NewPipeline()
	if err := h.SetHomeCountry("Saudi Arabia"); err != nil {
		t.Fatal(err)
	}
	text := "وعرف عن أهل المدينة الكرم والترحيب بالضيوف."
	if es := mentionEntities(t, h, text, "الكرم"); len(es) != 0 {
		t.Errorf("generosity in local news: %q is %s", "الكرم", es[0].ID)
	}
	if es := mentionEntities(t, p, text, "الكرم"); len(es) == 0 {
		t.Errorf("no home country: the rule of orphanPlace alone, %q should stay", "الكرم")
	}
}

// TestGenericBody: a head of ar_generic_body_head in the construct state
// with one noun of the table alone describes a body of its kind (شركة
// الاتصالات "the telecoms company"): no entity of the extraction when
// nothing else names it. A name, a nationality or a second word of the
// table makes one body of it.
func TestGenericBody(t *testing.T) {
	checkEntityMentions(t, []entityMention{
		{"وأكدت شركة الاتصالات أن الخدمة ستعود خلال ساعات.", "شركة الاتصالات", false},
		{"وقال مصدر إن لجنة التنمية ستجتمع الأسبوع المقبل.", "لجنة التنمية", false},
		{"واعتبر الكاتب أن سلطة الدولة تراجعت في السنوات الأخيرة.", "سلطة الدولة", false},
		{"وأكدت شركة الاتصالات السعودية أن الخدمة ستعود خلال ساعات.", "شركة الاتصالات السعودية", true},
		{"وقال مصدر إن لجنة التنمية الاجتماعية ستجتمع الأسبوع المقبل.", "لجنة التنمية الاجتماعية", true},
		// a ministry is named by its noun (not a head of the class)
		{"وأعلنت وزارة العمل الأردنية قرارا جديدا.", "وزارة العمل الأردنية", true},
	})
}

// TestBareGivenName: a person the article names by a bare given name
// alone, found by the tagger only, is no entity of the extraction; a title
// before the name, or the full name, makes one.
func TestBareGivenName(t *testing.T) {
	checkEntityMentions(t, []entityMention{
		{"وقال سامي إن الطقس كان جميلا في الرحلة.", "سامي", false},
		{"وقال سامي الجابر إن الطقس كان جميلا في الرحلة.", "سامي الجابر", true},
		{"وقالت الفنانة أليسا إن الحفل نجح.", "أليسا", true},
	})
}

// entityMention is a case of checkEntityMentions: whether mention, in
// text, is a mention of an entity of the extraction.
type entityMention struct {
	text, mention string
	entity        bool
}

// checkEntityMentions extracts each case's text and reports the mentions
// that are an entity when they should not be, or the reverse.
func checkEntityMentions(t *testing.T, cases []entityMention) {
	t.Helper()
	p := NewPipeline()
	for _, c := range cases {
		if got := len(mentionEntities(t, p, c.text, c.mention)) > 0; got != c.entity {
			t.Errorf("%s: %q an entity %v, want %v", c.text, c.mention, got, c.entity)
		}
	}
}
