package extract

import (
	"context"
	"testing"

	"github.com/kg-project/kg/internal/model"
)

// A word the name lists know as written, or a word of a closed class, is
// not read as a clitic and a lesser place's name (dropSplitWords,
// link.CliticLen); a city's district is not the town of another country
// that shares its name (districtNames).
func TestSplitWordsAndDistricts(t *testing.T) {
	p := NewPipeline()
	for _, tc := range []struct {
		text, mention, notID string
	}{
		{"وصل الفريق إلى مدينة لوزان السويسرية لإقامة معسكره الصيفي.", "لوزان", "location:ouezzane_ma"},
		{"وألقى الشيخ صالح بن فوزان الفوزان كلمة في الجامع الكبير.", "", "location:ouezzane_ma"},
		{"وقال إن الأسعار لايزال مرتفعة في الأسواق.", "", "location:aizawl_in"},
		{"وضبطت البلدية مخالفات في سوق حي العزيزية جنوب مدينة الرياض.", "العزيزية", "location:al_aziziyah_ly"},
		// a prominent name read off an ordinary word written with a
		// preposition (ordinaryWhole), where the article names it no other way
		{"ويمتلك عدد من الأساتذة بيوتا داخل الحرم الجامعي.", "", "wd:Q829"},
		{"وتغنى الجمهور بحماس شديد مع كلمات الأوبريت.", "", "wd:Q38799"},
	} {
		x, err := p.Extract(context.Background(), &model.Article{ID: "t", Lang: "ar", Text: tc.text})
		if err != nil {
			t.Fatal(err)
		}
		found := tc.mention == ""
		for _, e := range x.Entities {
			if e.ID == tc.notID {
				t.Errorf("%s: entity %s", tc.text, e.ID)
			}
			for _, m := range e.Mentions {
				found = found || m.Text == tc.mention
			}
		}
		if !found {
			t.Errorf("%s: no entity for %q", tc.text, tc.mention)
		}
	}
}

// TestOrdinaryWholeNamedElsewhere: a prominent name written with a
// preposition stays the name where the article also writes it alone
// (لا يجب الاستهانة بحماس "Hamas must not be underestimated" beside حماس).
func TestOrdinaryWholeNamedElsewhere(t *testing.T) {
	p := NewPipeline()
	text := "وقال المعلق إن حماس لم تستهدف القائد. ورأت المعلقة أنه لا يجب الاستهانة بحماس."
	es := mentionEntities(t, p, text, "حماس")
	if len(es) == 0 || len(es[0].Mentions) != 2 {
		t.Errorf("%s: حماس is %v, want one entity of two mentions", text, es)
	}
}
