package extract

import (
	"testing"
)

func TestTitleRefs(t *testing.T) {
	p := NewPipeline()
	for _, c := range []struct {
		text, title string
		holder      string // "": the title is no mention of anyone
	}{
		{text: "استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز الوفد أمس. وأكد خادم الحرمين الشريفين دعم المملكة للجهود.", title: "خادم الحرمين الشريفين", holder: "Q367825"},
		{text: "وأكد خادم الحرمين الشريفين دعم المملكة للجهود.", title: "خادم الحرمين الشريفين"},
		{text: "التقى ولي ولي العهد الأمير محمد بن سلمان الوزير أمس. وقال الوزير إن لولي ولي العهد رؤية واضحة.", title: "ولي ولي العهد", holder: "Q6892571"},
		{text: "استقبل ولي العهد الأمير محمد بن نايف اللاعبين أمس. وفاز الهلال بكأس ولي العهد.", title: "ولي العهد"},
		{text: "استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز الوفد. وحضر سفير خادم الحرمين الشريفين لدى أستراليا.", title: "خادم الحرمين الشريفين"},
		// the next of a list is no title of the name before it
		{text: "وتلقى الملك سلمان وولي العهد رسالتين من رئيس فنزويلا. ووجه ولي العهد باتخاذ الإجراءات اللازمة.", title: "ولي العهد"},
	} {
		es := mentionEntities(t, p, c.text, c.title)
		got, n := "", len(es)
		for _, e := range es {
			got = e.Wikidata
		}
		switch {
		case c.holder == "" && n > 0:
			t.Errorf("%s: %q is a mention of %s", c.text, c.title, got)
		case c.holder != "" && (n != 1 || got != c.holder):
			t.Errorf("%s: %q names %q (%d mentions), want %s", c.text, c.title, got, n, c.holder)
		}
	}
}
