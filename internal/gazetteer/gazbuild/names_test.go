package gazbuild

import (
	"testing"

	"github.com/kg-project/kg/internal/gazetteer"
	"github.com/kg-project/kg/internal/text/arabic"
)

func TestBuildSourceStats(t *testing.T) {
	_, stats := buildShared(t)
	got := map[string]SourceStats{}
	for _, s := range stats.Sources {
		got[s.Source] = s
	}
	for src, min := range map[string]SourceStats{
		gazetteer.SrcGeoNames:    {Entries: 1000, Enriched: 300},
		gazetteer.SrcArWikiCats:  {Entries: 3000, Enriched: 100},
		gazetteer.SrcKGE:         {Entries: 50, Enriched: 40, QIDs: 100},
		gazetteer.SrcPersonNames: {Entries: 49000},
		gazetteer.SrcSupraverden: {Entries: 500, QIDs: 500},
	} {
		s, ok := got[src]
		if !ok || s.Entries < min.Entries || s.Enriched < min.Enriched || s.QIDs < min.QIDs || s.Aliases < s.Entries {
			t.Errorf("%s: %+v, want at least %+v", src, s, min)
		}
	}
	if stats.NameOnlyPersons < 49000 || stats.CommonWordAliases < 50 {
		t.Errorf("stats %+v", stats)
	}
}

func TestNameHelpers(t *testing.T) {
	for in, want := range map[string]string{
		"akbar hashemi rafsanjani": "Akbar Hashemi Rafsanjani", "pope pius xi": "Pope Pius XI",
		"a.s. roma": "A.S. Roma", "al-hilal fc": "Al-Hilal FC", "abdullah bin zayed": "Abdullah bin Zayed",
	} {
		if got := titleCase(in); got != want {
			t.Errorf("titleCase(%q) = %q, want %q", in, got, want)
		}
	}
	for _, tc := range []struct {
		ar, en string
		agrees bool
	}{
		{"لشبونة", "Lisbon", true}, {"كاليفورنيا", "Cali", false}, {"النقاط الخمس", "Al Ajaylat", false},
		{"البصرة القديمة", "Al Basrah al Qadimah", true}, {"مشلح", "Pest", false},
	} {
		if got := placeNameAgrees(tc.ar, tc.en); got != tc.agrees {
			t.Errorf("placeNameAgrees(%q, %q) = %v", tc.ar, tc.en, got)
		}
	}
	if !nameAgrees("أحمد نظيف", "Ahmed Nazif") || nameAgrees("أحمد عكاش", "Ahmad Walpi") {
		t.Error("nameAgrees")
	}
	if got := latinWords("Mohammad Amir-Khatami"); got != 3 {
		t.Errorf("latinWords = %d", got)
	}
	if got := latinWords("Ibrahim Al-Assaf"); got != 2 {
		t.Errorf("latinWords = %d", got)
	}
	rel := relatedForms(arabic.MatchForm("المنشأة"))
	for _, want := range []string{"منشاه", "منشات"} {
		found := false
		for _, r := range rel {
			found = found || r == want
		}
		if !found {
			t.Errorf("relatedForms(المنشأة) = %v lacks %s", rel, want)
		}
	}
	d := &personData{people: map[string]int{"احمد الشريف": 1, "مصطفي مدبولي": 1},
		givenCount: map[string]int{"احمد": 4928, "مصطفي": 1105}, surnameCount: map[string]int{"الشريف": 74, "مدبولي": 5}}
	if d.distinctive("احمد الشريف") || !d.distinctive("مصطفي مدبولي") || d.distinctive("احمد") {
		t.Error("distinctive")
	}
}
