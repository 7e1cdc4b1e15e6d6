package resolve

import (
	"reflect"
	"testing"

	"github.com/kg-project/kg/internal/model"
)

func TestApply(t *testing.T) {
	x := &model.Extraction{
		Doc: model.DocInfo{ID: "a1"},
		Entities: []model.Entity{
			{ID: "person:القرني", Name: "al-Qarni", Type: model.Person, Aliases: []string{"القرني"},
				Mentions: []model.Mention{{Text: "القرني", Start: 40, End: 46}}},
			{ID: "person:سامي_القرني", Name: "Sami al-Qarni", Type: model.Person, Aliases: []string{"سامي القرني"},
				Mentions: []model.Mention{{Text: "سامي القرني", Start: 0, End: 11}}},
			{ID: "location:x", Name: "X", Type: model.Location, Aliases: []string{"X"},
				Mentions: []model.Mention{{Text: "X", Start: 20, End: 21}}},
		},
		Relations: []model.Relation{
			{Subject: "person:القرني", Predicate: "VISITED", Object: "location:x", Trigger: "زار", Evidence: model.Evidence{Start: 30, End: 60}},
			{Subject: "person:سامي_القرني", Predicate: "VISITED", Object: "location:x", Trigger: "زار", Evidence: model.Evidence{Start: 30, End: 60}},
			{Subject: "person:القرني", Predicate: "MET_WITH", Object: "person:سامي_القرني", Trigger: "التقى", Evidence: model.Evidence{Start: 0, End: 60}},
		},
	}
	orig := deepCopy(x)
	m := map[string]Target{
		"person:القرني":      {Key: "wd:Q907", Name: "Sami al-Qarni", Type: model.Person, QID: "Q907", Reason: ReasonPartial},
		"person:سامي_القرني": {Key: "wd:Q907", Name: "Sami al-Qarni", Type: model.Person, QID: "Q907", Reason: ReasonSpelling},
	}
	y, from := Apply(x, m)
	if !reflect.DeepEqual(x, orig) {
		t.Fatal("Apply changed its input")
	}
	if len(y.Entities) != 2 || y.Entities[0].ID != "location:x" || y.Entities[1].ID != "wd:Q907" {
		t.Fatalf("entities: %+v", y.Entities)
	}
	e := y.Entities[1]
	if e.Wikidata != "Q907" || e.Name != "Sami al-Qarni" || len(e.Mentions) != 2 || e.Mentions[0].Start != 0 ||
		!reflect.DeepEqual(e.Aliases, []string{"القرني", "سامي القرني"}) {
		t.Errorf("merged entity: %+v", e)
	}
	if !reflect.DeepEqual(from, map[string][]string{"wd:Q907": {"person:القرني", "person:سامي_القرني"}}) {
		t.Errorf("from: %v", from)
	}
	// the two VISITED became one; the MET_WITH between the two is gone
	if len(y.Relations) != 1 || y.Relations[0].Subject != "wd:Q907" || y.Relations[0].Object != "location:x" {
		t.Errorf("relations: %+v", y.Relations)
	}

	// nothing to do: the same extraction, no from
	if y, from := Apply(x, map[string]Target{"person:other": {Key: "wd:Q1"}}); y != x || from != nil {
		t.Errorf("Apply without a hit: %p %v", y, from)
	}
}

func deepCopy(x *model.Extraction) *model.Extraction {
	y := *x
	y.Entities = nil
	for _, e := range x.Entities {
		e.Aliases = append([]string(nil), e.Aliases...)
		e.Mentions = append([]model.Mention(nil), e.Mentions...)
		y.Entities = append(y.Entities, e)
	}
	y.Relations = append([]model.Relation(nil), x.Relations...)
	return &y
}
