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

// TestBareFamilyNames: a nationality adjective alone that is the family
// name of a person named in full, after a rank or a verb of saying, is
// that person; after an office, or with no such person, the country's.
func TestBareFamilyNames(t *testing.T) {
	checkMentionNames(t, []mentionName{
		{text: "وقال المتحدث باسم الشرطة العقيد خالد المصري إن الحادث وقع فجرا. وأضاف العقيد المصري أن التحقيق جار.", mention: "المصري", want: "Khalid El-Masri"},
		{text: "وأكد اللواء سالم العراقي أن القوات جاهزة. وأوضح العراقي أن الخطة تسير كما رسمت.", mention: "العراقي", want: "Salem al-Iraqi"},
		// another family name after the rank, and الفريق "the team"
		{text: "وأكد اللواء سالم العراقي أن القوات جاهزة. وقال اللواء السوري إن الخطة تسير.", mention: "السوري", want: "Syria"},
		{text: "وسجل اللاعب خالد المصري هدفا. وفاز الفريق المصري على منافسه.", mention: "المصري", want: "Egypt"},
		{text: "وقال العقيد خالد المصري إن الحادث وقع فجرا. والتقى الرئيس المصري وفدا أمنيا.", mention: "المصري", want: "Egypt"},
		{text: "وقال التركي إن الأسعار مرتفعة.", mention: "التركي", want: "Türkiye"},
	})
}
