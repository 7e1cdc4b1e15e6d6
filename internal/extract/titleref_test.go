package extract

import (
	"context"
	"testing"

	"github.com/kg-project/kg/internal/gazetteer"
	"github.com/kg-project/kg/internal/lexicon"
	"github.com/kg-project/kg/internal/model"
)

func TestTitleRefs(t *testing.T) {
	p := NewPipeline()
	for _, c := range []struct {
		text, title string
		holder      string // "": the title is no mention of anyone
		published   string
	}{
		{text: "استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز الوفد أمس. وأكد خادم الحرمين الشريفين دعم المملكة للجهود.", title: "خادم الحرمين الشريفين", holder: "Q367825"},
		{text: "وأكد خادم الحرمين الشريفين دعم المملكة للجهود.", title: "خادم الحرمين الشريفين"},
		{text: "التقى ولي ولي العهد الأمير محمد بن سلمان الوزير أمس. وقال الوزير إن لولي ولي العهد رؤية واضحة.", title: "ولي ولي العهد", holder: "Q6892571"},
		{text: "استقبل ولي العهد الأمير محمد بن نايف اللاعبين أمس. وفاز الهلال بكأس ولي العهد.", title: "ولي العهد"},
		{text: "استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز الوفد. وحضر سفير خادم الحرمين الشريفين لدى أستراليا.", title: "خادم الحرمين الشريفين"},
		// the next of a list is no title of the name before it
		{text: "وتلقى الملك سلمان وولي العهد رسالتين من رئيس فنزويلا. ووجه ولي العهد باتخاذ الإجراءات اللازمة.", title: "ولي العهد"},
		// no holder named: the king of the article's day (titles.yaml
		// held_by_head_of_state, the gazetteer's terms), none on the day
		// of a succession or without a date
		{text: "وأكد خادم الحرمين الشريفين دعم المملكة للجهود.", title: "خادم الحرمين الشريفين", published: "2015-07-20", holder: "Q367825"},
		{text: "وأكد خادم الحرمين الشريفين دعم المملكة للجهود.", title: "خادم الحرمين الشريفين", published: "2012-03-01T08:00:00Z", holder: "person:abdullah_of_saudi_arabia"},
		{text: "وأكد خادم الحرمين الشريفين دعم المملكة للجهود.", title: "خادم الحرمين الشريفين", published: "2015-01-23"},
		{text: "وحضر سفير خادم الحرمين الشريفين لدى أستراليا الحفل.", title: "خادم الحرمين الشريفين", published: "2015-07-20"},
		// two holders named: the one in office; only another one: none
		{text: "استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز الوفد، وذكر بما أسسه خادم الحرمين الشريفين الملك عبدالله بن عبدالعزيز. وأكد خادم الحرمين الشريفين دعم المملكة للجهود.", title: "خادم الحرمين الشريفين", published: "2015-07-20", holder: "Q367825"},
		{text: "وكان خادم الحرمين الشريفين الملك عبدالله بن عبدالعزيز قد أسس البرنامج. وأكد خادم الحرمين الشريفين دعم المملكة للجهود.", title: "خادم الحرمين الشريفين", published: "2015-07-20"},
		// the crown prince's title is other countries' too: the article
		// must name something of Saudi Arabia; the deputy's is not
		{text: "وزار ولي العهد مدينة جدة أمس.", title: "ولي العهد", published: "2015-07-20", holder: "person:muhammad_bin_nayef"},
		{text: "وزار ولي العهد المدينة أمس.", title: "ولي العهد", published: "2015-07-20"},
		{text: "وزار ولي العهد البريطاني مدينة جدة أمس.", title: "ولي العهد", published: "2015-07-20"},
		{text: "وأصدر الملك أمرا باختيار الأمير محمد بن سلمان وليًا لولي العهد في السعودية.", title: "ولي العهد", published: "2015-07-20"},
		{text: "وأكد ولي ولي العهد النائب الثاني لرئيس مجلس الوزراء وزير الدفاع أهمية التدريب.", title: "ولي ولي العهد", published: "2015-07-20", holder: "Q6892571"},
		{text: "وافتتح ولي ولي العهد المعرض أمس.", title: "ولي ولي العهد", published: "2015-07-20", holder: "Q6892571"},
		{text: "وافتتح ولي ولي العهد المعرض أمس.", title: "ولي ولي العهد", published: "2015-03-01", holder: "person:muhammad_bin_nayef"},
	} {
		x, err := p.Extract(context.Background(), &model.Article{ID: "t", Lang: "ar", Text: c.text, Published: c.published})
		if err != nil {
			t.Fatal(err)
		}
		got, n := "", 0
		for _, e := range x.Entities {
			for _, m := range e.Mentions {
				if m.Text == c.title {
					n++
					if got = e.Wikidata; got == "" {
						got = e.ID
					}
				}
			}
		}
		switch {
		case c.holder == "" && n > 0:
			t.Errorf("%s: %q is a mention of %s", c.text, c.title, got)
		case c.holder != "" && (n != 1 || got != c.holder):
			t.Errorf("%s: %q names %q (%d mentions), want %s", c.text, c.title, got, n, c.holder)
		}
	}
}

// TestHeldByKeys: every holder of titles.yaml's held_by is a person of the
// gazetteer, and every country a country.
func TestHeldByKeys(t *testing.T) {
	p := loaded(t)
	for title, h := range lexicon.Get().ArHeldBy {
		if e := p.gaz.ByKey(h.Country); e == nil || e.Role != gazetteer.RoleCountry {
			t.Errorf("held_by %s: country %s is no country of the gazetteer", title, h.Country)
		}
		for _, x := range h.Holders {
			if e := p.gaz.ByKey(x.Key); e == nil || e.Type != model.Person {
				t.Errorf("held_by %s: holder %s is no person of the gazetteer", title, x.Key)
			}
			if !gazetteer.ValidTerm(x.Term) {
				t.Errorf("held_by %s: holder %s: bad term %q", title, x.Key, x.Term)
			}
		}
	}
}
