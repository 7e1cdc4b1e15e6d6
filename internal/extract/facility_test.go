package extract

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/model"
)

// TestFacilities: a kind of site in the construct state and its name are
// one place of their own, not the city or the person it is named after;
// the sentences are the project's own.
func TestFacilities(t *testing.T) {
	p := NewPipeline()
	for _, c := range []struct {
		text      string
		want, not []string // Location mentions
		notPerson []string
	}{
		// a city's name: the airport, and the city named too
		{text: "أقلعت الطائرة من مطار القاهرة الدولي صباح السبت.", want: []string{"مطار القاهرة الدولي", "القاهرة"}},
		// a person's name: no king
		{text: "وصل الوفد الرسمي إلى مطار الملك عبدالعزيز الدولي مساء الأربعاء.", want: []string{"مطار الملك عبدالعزيز الدولي"}, notPerson: []string{"الملك عبدالعزيز"}},
		// a name of its own, and an adjective of the table
		{text: "هبطت طائرات النقل في قاعدة إنجرليك الجوية بعد الظهر.", want: []string{"قاعدة إنجرليك الجوية"}},
		// a nationality after it is the owner's, not part of the name
		{text: "تمركزت المقاتلات في قاعدة حميميم الروسية منذ أشهر.", want: []string{"قاعدة حميميم"}, not: []string{"قاعدة حميميم الروسية"}},
		// the article makes it no name: المطار الدولي is any airport
		{text: "افتتح الوزير المطار الدولي الجديد في المدينة.", not: []string{"المطار الدولي"}},
		// an ordinary word after it: the city's airport, no name
		{text: "تأخرت الرحلات في مطار المدينة بسبب الضباب.", not: []string{"مطار المدينة"}},
	} {
		x := checkMentions(t, p, model.Location, c.text, c.want, c.not)
		checkNoPerson(t, x, c.text, c.notPerson)
		for _, r := range x.Relations {
			if r.Predicate == "LOCATED_IN" {
				t.Errorf("%s: unexpected %s LOCATED_IN %s", c.text, r.Subject, r.Object)
			}
		}
	}
}

// TestBackRefs: once an article has named a body of the gazetteer, the
// noun its name begins with refers back to it, unless two bodies share it
// or a word describes it further.
func TestBackRefs(t *testing.T) {
	p := NewPipeline()
	for _, c := range []struct {
		text      string
		want, not []string // Organization mentions
	}{
		{text: "أصدرت حركة حماس بيانا أمس. وقالت الحركة إنها لن تشارك في الاجتماع.", want: []string{"حركة حماس", "الحركة"}},
		{text: "أعلن التحالف العربي بقيادة السعودية بدء عملية جديدة. وشنت طائرات التحالف غارات على مواقع المسلحين.", want: []string{"التحالف"}},
		// before the name, the noun refers to nothing yet
		{text: "قالت الحركة إن الاجتماع تأجل. وأصدرت حركة حماس بيانا.", not: []string{"الحركة"}},
		// described further: another party
		{text: "رحبت حركة حماس بالقرار. وانتقد الحزب الحاكم الحركة الإسلامية في بيان.", not: []string{"الحركة الإسلامية"}},
		// a noun that heads no name of a phrase ("ref") still refers back
		{text: "تقدمت المقاومة الشعبية في أحياء المدينة. وقالت المقاومة إنها أسرت عشرة مسلحين.", want: []string{"المقاومة الشعبية", "المقاومة"}},
		// ... and inside another body's name it is that name's word
		{text: "أكدت المقاومة الشعبية تقدمها. وقال المجلس العسكري للمقاومة إن المعارك مستمرة.", not: []string{"للمقاومة", "المقاومة"}},
		// ... and refers to nothing when the article named no body with it
		{text: "وقالت المقاومة إنها أسرت عشرة مسلحين في المدينة.", not: []string{"المقاومة"}},
		// ... but with a nationality it is that state's one body of its kind
		{text: "أكدت المعارضة السورية أنها سيطرت على البلدة.", want: []string{"المعارضة السورية"}},
		// ... and after a definite word it is that word's adjective
		{text: "أعلنت المعارضة السورية مشاركتها في المفاوضات. وانتقدت الأحزاب المعارضة في تركيا الحكومة التركية.", not: []string{"المعارضة"}},
		{text: "انتقدت الأحزاب المعارضة السورية قرار الحكومة.", not: []string{"المعارضة السورية"}},
		// ... but after a word it does not agree with it is the object
		{text: "واتهم النظام المعارضة السورية بخرق الهدنة.", want: []string{"المعارضة السورية"}},
		{text: "التقت المعارضة السورية بالمبعوث الأممي.", want: []string{"المعارضة السورية"}},
		// the adjective that leaves the body of the article's war the same
		{text: "شن طيران التحالف الدولي غارات على مواقع الحوثيين في عدن.", want: []string{"التحالف الدولي"}},
	} {
		checkOrgMentions(t, p, c.text, c.want, c.not)
	}
}

// TestBackRefAmbiguous: an organisation the gazetteer lacks, named with
// the same head noun, leaves the bare noun unresolved.
func TestBackRefAmbiguous(t *testing.T) {
	p := NewPipeline()
	checkOrgMentions(t, p, "ناقش مجلس الأمن الدولي الأزمة، ثم اجتمع مجلس التنسيق الاقتصادي الأردني. وقال المجلس إن القرار نهائي.", nil, []string{"المجلس"})
}

// TestAliasBackRefs: a body named by its name alone is referred back to by
// the noun the gazetteer's name of it begins with (أرامكو: شركة أرامكو
// السعودية, so الشركة), when it is the only such body named before and no
// organisation the gazetteer lacks is named in between; and a noun with an
// adjective that judges the body (ar_same_body_adj) refers back as the
// bare noun does. The sentences are the project's own.
func TestAliasBackRefs(t *testing.T) {
	p := NewPipeline()
	for _, c := range []struct {
		text, mention, want string // want: the entity's name; "" none
	}{
		{"أعلنت أرامكو السعودية ارتفاع إنتاجها من الغاز. وقالت الشركة إنها ستبني مصنعا جديدا.", "الشركة", "Saudi Aramco"},
		{"شن داعش هجوما على قرية في ريف حلب. وقال التنظيم في بيان إن مقاتليه سيطروا عليها.", "التنظيم", "Islamic State"},
		{"قرر فيفا تأجيل الانتخابات. وقال الاتحاد إن موعدها سيحدد لاحقا.", "الاتحاد", "FIFA"},
		// before the name, the noun refers to nothing yet
		{"قالت الشركة إن أرباحها ارتفعت. وأعلنت أرامكو السعودية خطة جديدة.", "الشركة", ""},
		// two such bodies named: unresolved
		{"وقعت أرامكو السعودية وسابك اتفاقا أمس. وقالت الشركة إن الاتفاق يشمل مصنعين.", "الشركة", ""},
		// described further: another body
		{"أعلنت أرامكو السعودية نتائجها. وقالت الشركة الصينية إنها ستشتري النفط.", "الشركة الصينية", ""},
		// another body of the noun named in between may be the one meant
		{"قالت أرامكو السعودية إنها ستشتري حصة في شركة هندية لتكرير النفط. وتنتج الشركة مئة ألف برميل يوميا.", "الشركة", ""},
		{"أعلنت أرامكو السعودية نتائجها. وقالت الشركة الصينية إنها ستشتري النفط. وأضافت الشركة أن العقد طويل.", "الشركة", ""},
		// ... but an earlier bare reference to it does not stand between
		{"أعلنت أرامكو السعودية نتائجها. وقالت الشركة إن أرباحها زادت. وأضافت الشركة أن الإنتاج ارتفع.", "الشركة", "Saudi Aramco"},
		// a noun not in ar_alias_ref_head: حركة is also "traffic"
		{"دعت حماس إلى إضراب شامل في غزة. وشلت الحركة في المدينة.", "الحركة", ""},
		// described further by a word the analysis leaves whole
		{"أعلنت سابك أرباحها. وقالت الشركة الأم إن التوسع مستمر.", "الشركة", ""},
		// ... but an adjective that judges it leaves it the body named
		{"تبنى داعش التفجير. وقال التنظيم الإرهابي إن منفذه سعودي.", "التنظيم الإرهابي", "Islamic State"},
		{"أصدرت حركة حماس بيانا أمس. وقالت الحركة المتطرفة في بيانها إنها لن تشارك.", "الحركة المتطرفة", "Hamas"},
		{"تبنى داعش التفجير. وقال التنظيم الإرهابي الجديد إن منفذه سعودي.", "التنظيم الإرهابي", ""},
		{"تبنى داعش التفجير. وقال التنظيم الإرهابي الجديد إن منفذه سعودي.", "التنظيم", ""},
	} {
		es := mentionEntities(t, p, c.text, c.mention)
		var got []string
		for _, e := range es {
			got = append(got, e.Name)
		}
		ok := len(es) > 0 == (c.want != "")
		for _, e := range es {
			ok = ok && e.Name == c.want
		}
		if !ok {
			t.Errorf("%s\n%q is %v, want %q", c.text, c.mention, got, c.want)
		}
	}
}

// TestNamedAfterTitledPerson: a place or an institution named after a
// titled person (a park, a road, a hospital, a centre) is one entity of its
// own and no mention of the person; the title and name alone, elsewhere,
// are the person. The sentences are the project's own.
func TestNamedAfterTitledPerson(t *testing.T) {
	p := NewPipeline()
	for _, c := range []struct {
		text, typ string
		want, not []string // mentions of type typ
		notPerson []string
	}{
		{text: "تجمع الأهالي في حديقة الملك فهد مساء الخميس.", typ: model.Location, want: []string{"حديقة الملك فهد"}, notPerson: []string{"فهد", "الملك فهد"}},
		{text: "أغلقت الشرطة طريق الملك عبدالعزيز أمام السيارات.", typ: model.Location, want: []string{"طريق الملك عبدالعزيز"}, notPerson: []string{"عبدالعزيز", "الملك عبدالعزيز"}},
		{text: "نقل المصابون إلى مستشفى الملك فهد بعد الحادث.", typ: model.Organization, want: []string{"مستشفى الملك فهد"}, notPerson: []string{"فهد", "الملك فهد"}},
		{text: "أرسل مركز الملك سلمان للإغاثة قافلة جديدة.", typ: model.Organization, want: []string{"مركز الملك سلمان للإغاثة"}, notPerson: []string{"الملك سلمان"}},
		// a state's body headed by the king is no institution named after him
		{text: "أقرت حكومة الملك سلمان الميزانية الجديدة.", typ: model.Organization, not: []string{"حكومة الملك سلمان"}},
		// a preposition the analysis leaves on the noun
		{text: "أقيم الحفل بمركز الملك فهد الثقافي مساء أمس.", typ: model.Organization, want: []string{"مركز الملك فهد الثقافي"}, notPerson: []string{"الملك فهد"}},
		{text: "وصل الوفد بمطار الملك خالد الدولي صباحا.", typ: model.Location, want: []string{"مطار الملك خالد الدولي"}, notPerson: []string{"الملك خالد"}},
		// ... but with a person and no title it is the verbal noun: سجن "imprisoning"
		{text: "دعا المحامي لسجن سامر الخطيبي عشر سنوات.", typ: model.Location, not: []string{"سجن سامر الخطيبي"}},
		// without a title: the city itself
		{text: "وصل الوفد إلى مدينة جدة صباح اليوم.", typ: model.Location, want: []string{"جدة"}, not: []string{"مدينة جدة"}},
	} {
		x := checkMentions(t, p, c.typ, c.text, c.want, c.not)
		checkNoPerson(t, x, c.text, c.notPerson)
	}
	// the title and name alone are the king
	x := checkMentions(t, p, model.Person, "بنيت المدرسة في عهد الملك فهد.", []string{"الملك فهد"}, nil)
	for _, e := range x.Entities {
		if e.Type == model.Person && e.Name != "Fahd of Saudi Arabia" {
			t.Errorf("person %q, want Fahd of Saudi Arabia", e.Name)
		}
	}
}

// checkNoPerson reports an error for each mention of a person in x whose
// text is one of names.
func checkNoPerson(t *testing.T, x *model.Extraction, text string, names []string) {
	t.Helper()
	for _, e := range x.Entities {
		for _, m := range e.Mentions {
			if e.Type == model.Person && slices.Contains(names, m.Text) {
				t.Errorf("%s: %q is no person here", text, m.Text)
			}
		}
	}
}

// TestKingdomRefs: a bare المملكة refers to the kingdom the article names
// (by far the most), not to a kingdom named otherwise, and to none when no
// kingdom or two alike are named.
func TestKingdomRefs(t *testing.T) {
	p := NewPipeline()
	for _, c := range []struct {
		text      string
		want, not []string // Location mentions
	}{
		{text: "زار الوزير السعودية أمس. وقال إن المملكة شريك مهم في المنطقة.", want: []string{"المملكة"}},
		{text: "قال الملك عبدالله الثاني إن الأردن قوي. وأكد أن المملكة لن تتراجع.", want: []string{"المملكة"}},
		{text: "وقال إن المملكة شريك مهم في المنطقة.", not: []string{"المملكة"}},
		{text: "ناقش الأردن والسعودية الأمر أمس. وقال إن المملكة شريك مهم.", not: []string{"المملكة"}},
		{text: "زار الوزير السعودية أمس. وقال إن المملكة المتحدة تدعم الاتفاق.", not: []string{"المملكة"}},
	} {
		checkMentions(t, p, model.Location, c.text, c.want, c.not)
	}
}

// TestStreets: a person's name after a street or square noun (orgwords'
// "street") names the street, with a title or without; a place after it
// stays the place.
func TestStreets(t *testing.T) {
	p := NewPipeline()
	for _, c := range []struct {
		text      string
		want, not []string // Location mentions
		notPerson []string
	}{
		{text: "تجمع عشرات المحتجين مساء الخميس في شارع جواد حسني وسط المدينة.", want: []string{"شارع جواد حسني"}, notPerson: []string{"جواد حسني"}},
		{text: "أغلقت الشرطة بميدان مصطفى كامل كل المداخل صباح اليوم.", want: []string{"ميدان مصطفى كامل"}, notPerson: []string{"مصطفى كامل"}},
		{text: "افتتح المحل الجديد في شارع الملك فيصل بعد ترميمه.", want: []string{"شارع الملك فيصل"}, notPerson: []string{"الملك فيصل"}},
	} {
		x := checkMentions(t, p, model.Location, c.text, c.want, c.not)
		checkNoPerson(t, x, c.text, c.notPerson)
	}
}

// TestSpelledAcronyms: a Latin acronym spelled in Arabic letter by letter is
// named by its letters, an organisation and not a person; one of a thing
// (يو إس بي USB) is no entity.
func TestSpelledAcronyms(t *testing.T) {
	p := NewPipeline()
	x, err := p.Extract(context.Background(), &model.Article{ID: "acr", Lang: "ar",
		Text: "وقالت شبكة سي بي سي إن مكتب إف بي آي فتح تحقيقا. وباعت الشركة مليون وحدة تخزين يو إس بي خلال العام."})
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]string{}
	for _, e := range x.Entities {
		names[e.Name] = e.Type
	}
	if names["CBC"] != model.Organization {
		t.Errorf("CBC: %q; entities %v", names["CBC"], names)
	}
	// the gazetteer knows the FBI by its letters (إف بي آي)
	if names["Federal Bureau of Investigation"] != model.Organization {
		t.Errorf("no FBI; entities %v", names)
	}
	for n := range names {
		if strings.Contains(n, "USB") || strings.Contains(n, "Bibi") {
			t.Errorf("entity %q", n)
		}
	}
}

// TestContextBodyAdjective: التحالف الدولي is the coalition of the war the
// article is about: the Saudi-led one in news of Yemen, the US-led one in
// news of Syria; after a coalition the article names, it is left alone.
func TestContextBodyAdjective(t *testing.T) {
	p := NewPipeline()
	for _, c := range []struct{ text, want string }{
		{"شن طيران التحالف الدولي غارات على مواقع الحوثيين في عدن اليمنية.", "Saudi-led coalition"},
		// the verb's object after it describes nothing
		{"شن الحوثيون هجوما على عدن اليمنية. وقصف التحالف الدولي الحوثيين في صنعاء.", "Saudi-led coalition"},
		{"قصف التحالف الدولي مواقع تنظيم داعش في الرقة السورية.", "US-led coalition against the Islamic State"},
	} {
		es := mentionEntities(t, p, c.text, "التحالف الدولي")
		if len(es) != 1 || es[0].Name != c.want {
			t.Errorf("%s: %v, want %s", c.text, es, c.want)
		}
	}
	for _, text := range []string{
		// after a coalition the article names
		"أعلن التحالف العربي بدء عملية جديدة في عدن. وقال التحالف الدولي إن الغارات مستمرة.",
		// described further, or a common noun
		"شن الحوثيون هجوما على عدن اليمنية. وقال المتحدث إن التحالف الدولي الجديد سيفشل.",
		"قصفت طائرات التحالف الدولي مع روسيا مواقع داعش في الرقة السورية.",
	} {
		if es := mentionEntities(t, p, text, "التحالف الدولي"); len(es) != 0 {
			t.Errorf("%s: %v", text, es)
		}
	}
}
