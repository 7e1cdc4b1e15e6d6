package extract

import "testing"

// TestNationalNames: a country's name or adjective that is a person's
// given or family name is the person's; the adjective of a title, a
// nation or a following name stays the country's.
func TestNationalNames(t *testing.T) {
	p := NewPipeline()
	for _, c := range []struct {
		text, mention, typ string
	}{
		{"واستقبل الأمير تركي بن عبدالله السفير أمس.", "تركي بن عبدالله", "Person"},
		{"وصرح الأمير تركي الفيصل بأن العلاقات قوية.", "تركي الفيصل", "Person"},
		{"وأكد اللواء منصور التركي أن المتهمين قبض عليهم.", "منصور التركي", "Person"},
		{"وقال الباحث خالد المصري إن الدراسة انتهت.", "خالد المصري", "Person"},
		{"وقتل القيادي أبو أيمن العراقي في غارة.", "أبو أيمن العراقي", "Person"},
		{"وقال الرئيس المصري إن الاجتماع مهم.", "المصري", "Location"},
		{"وطالب الشعب التركي بالإصلاح.", "التركي", "Location"},
		{"وحافظ الصربي نوفاك ديوكوفيتش على صدارة التصنيف.", "الصربي", "Location"},
		{"وأعلنت منظمة بدر العراقية مشاركتها.", "بدر العراقية", ""},
	} {
		es := mentionEntities(t, p, c.text, c.mention)
		switch {
		case c.typ == "" && len(es) > 0:
			t.Errorf("%s: %q is %v, want no entity", c.text, c.mention, es)
		case c.typ != "" && (len(es) == 0 || es[0].Type != c.typ):
			t.Errorf("%s: %q is %v, want a %s", c.text, c.mention, es, c.typ)
		}
	}
}

// TestOrgBeforeRank: an organisation's name ends before the rank or
// honorific of the person after it.
func TestOrgBeforeRank(t *testing.T) {
	p := NewPipeline()
	text := "وقال المتحدث الأمني لوزارة الداخلية اللواء منصور التركي إن الأمن مستتب."
	if es := mentionEntities(t, p, text, "وزارة الداخلية"); len(es) == 0 || es[0].Type != "Organization" {
		t.Errorf("وزارة الداخلية is %v", es)
	}
	if es := mentionEntities(t, p, text, "وزارة الداخلية اللواء"); len(es) > 0 {
		t.Errorf("وزارة الداخلية اللواء is %v", es)
	}
}
