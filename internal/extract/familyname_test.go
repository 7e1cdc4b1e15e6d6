package extract

import (
	"context"
	"testing"

	"github.com/kg-project/kg/internal/model"
)

// TestLongerName: a gazetteer person's nasab followed by another family
// name is another person's name; an epithet or an ordinary word after it
// changes nothing.
func TestLongerName(t *testing.T) {
	p := NewPipeline()
	for _, c := range []struct {
		text, mention string
		notKey        string // the gazetteer person the mention must not be
		want          string // the entity key it must be ("": any other)
	}{
		{text: "وقال المشرف العام على البرنامج الدكتور عبدالله بن عبدالعزيز الربيعة إن القافلة وصلت أمس.",
			mention: "عبدالله بن عبدالعزيز الربيعة", notKey: "person:abdullah_of_saudi_arabia"},
		{text: "وقال الملك عبدالله بن عبدالعزيز إن القافلة وصلت أمس.",
			mention: "الملك عبدالله بن عبدالعزيز", want: "person:abdullah_of_saudi_arabia"},
		{text: "وأبدى الأمير محمد بن سلمان الشكر للوزيرين على تهنئتهما.",
			mention: "الأمير محمد بن سلمان", want: "wd:Q6892571"},
	} {
		ents := mentionEntities(t, p, c.text, c.mention)
		if len(ents) == 0 {
			t.Errorf("%s: no mention %q", c.text, c.mention)
			continue
		}
		for _, e := range ents {
			if c.notKey != "" && e.ID == c.notKey || c.want != "" && e.ID != c.want {
				t.Errorf("%s: %q is %s (%s)", c.text, c.mention, e.ID, e.Name)
			}
		}
	}
}

// TestTrimOrdinaryEnd: an ordinary word the tagger glued after a person's
// name is not part of it; a family name, after بن or with the article, is.
func TestTrimOrdinaryEnd(t *testing.T) {
	p := NewPipeline()
	for _, c := range []struct{ text, mention string }{
		{"وأطلق المطرب قصي حاتم أغنية جديدة أمس.", "قصي حاتم"},
		{"ونشر الفنان رامبو سيقاتل صورة جديدة.", "رامبو"},
		{"وأكد عبدالرحمن بن نومة أن المشروع بدأ.", "عبدالرحمن بن نومة"},
		{"وقال الدكتور سعد بن محمد الحريقي إن المشروع بدأ.", "سعد بن محمد الحريقي"},
		// the tagger stops before an ordinary word that is the family
		// name of a person the gazetteer knows whole (Habib Essid)
		{"وأوضح أن لقاءه مع رئيس الحكومة التونسية الحبيب الصيد أتاح له الاطلاع على الإجراءات.", "الحبيب الصيد"},
	} {
		if len(mentionEntities(t, p, c.text, c.mention)) == 0 {
			t.Errorf("%s: no mention %q", c.text, c.mention)
		}
	}
}

// nameEntities returns, for each mention of the Arabic text whose text is
// mention, the entity holding it, among the entities the names step finds
// (RelDoc): before the names the tagger is unsure of are left out
// (withoutUnsure).
func nameEntities(t *testing.T, p *Pipeline, text, mention string) []model.Entity {
	t.Helper()
	ents, _, err := p.RelDoc(text, "ar")
	if err != nil {
		t.Fatal(err)
	}
	var out []model.Entity
	for _, e := range ents {
		for _, m := range e.Mentions {
			if m.Text == mention {
				out = append(out, e)
			}
		}
	}
	return out
}

// TestGluedAfterName: words that follow a name and end none (a particle,
// لل or ل before a noun, the future prefix before a verb); not a name's own
// last word.
func TestGluedAfterName(t *testing.T) {
	p := loaded(t)
	for text, want := range map[string]bool{
		"فإن": true, "أولا": true, "للنصر": true, "لصحافيين": true, "سيطلع": true, "يكتسح": true, "وكلمني": true,
		"بوان": false, "تونكس": false, "فيلليني": false, "سيلفا": false, "الخطيبي": false, "لطفي": false, "غال": false, "لحود": false, "لافروف": false, "لاريجاني": false,
	} {
		toks, words, _, b := span(t, text, text)
		if got := p.gluedAfterName(toks, words, b-1); got != want {
			t.Errorf("gluedAfterName(%s) = %v, want %v", text, got, want)
		}
	}
}

// TestGluedVerbs: a verb the tagger glued before or after a person's name
// is cut off (an imperfect verb the word table knows by its other forms, a
// verb with "me"); a foreign name that looks like one is not.
func TestGluedVerbs(t *testing.T) {
	p := loaded(t)
	for _, c := range []struct {
		span       string
		start, end int
	}{
		{"يستذكر هول", 1, 2}, {"تبايع البغدادي", 1, 2},
		{"بارتوميو يكتسح", 0, 1}, {"كريم يستقبلني", 0, 1}, {"عبدالفتاح وكلمني", 0, 1},
		{"صالح يحشدون", 0, 1}, {"أليكس يتكيفان", 0, 1},
		{"دوف تشارني", 0, 2}, {"فديريكو فيلليني", 0, 2}, {"ديف ليزار", 0, 2}, {"موشيه يعالون", 0, 2},
		// the future prefix before a verb the table knows; not a name
		// that begins so
		{"سيطلع كارتر", 1, 2}, {"سيلفا ماركو", 0, 2},
	} {
		toks, words, a, b := span(t, c.span, c.span)
		if got := p.trimOrdinaryStart(toks, words, a, b); got != c.start {
			t.Errorf("trimOrdinaryStart(%s) = %d, want %d", c.span, got, c.start)
		}
		if got := p.trimOrdinaryEnd(toks, words, a, b); got != c.end {
			t.Errorf("trimOrdinaryEnd(%s) = %d, want %d", c.span, got, c.end)
		}
	}
}

// TestCutAtPlace: an organisation or place tagged on into "in <place>" or
// "as <word>" ends before it; a name that only looks so keeps its words.
func TestCutAtPlace(t *testing.T) {
	p := loaded(t)
	for text, want := range map[string]int{
		"الشركة بوادي نعمان": 1, "المستشفى بجدة": 1, "بوبا العربية كبديل": 2, "بوبا العربية كشريك": 3,
		"بنك برقان": 2, "هوت كوتير": 2, "مجموعة بن لادن": 3,
	} {
		toks, words, a, b := span(t, text, text)
		if got := p.cutAtPlace(toks, words, a, b); got != want {
			t.Errorf("cutAtPlace(%s) = %d, want %d", text, got, want)
		}
	}
}

// TestTrimOrdinaryStart: a word the tagger glued before a person's name
// (زميلتي "my colleague", فسألني "and he asked me") is not part of it; the
// ordinary first word of a compound given name is (صنع الله، نور الدين),
// and so is a first word of a closed class, as written (كلنا).
func TestTrimOrdinaryStart(t *testing.T) {
	p := NewPipeline()
	for _, c := range []struct{ text, mention string }{
		{"وغنت زميلتي أليسا في الحفل نفسه.", "أليسا"},
		{"فسألني منير الخطيب عن موعد السفر.", "منير الخطيب"},
		{"وكتب الروائي صنع الله إبراهيم رواية جديدة.", "صنع الله إبراهيم"},
		{"وقال نور الدين العمري إن الموسم انتهى.", "نور الدين العمري"},
		// a closed word class as written (كلنا "all of us"), not واين (Wayne)
		// nor سلفا (Salva Kiir)
		{"وقال الكاتب إن الخطأ لا يغتفر.\nورفع المغردون وسم كلنا سلمان الدوسري تضامنا معه.", "سلمان الدوسري"},
		// a kin word with a pronoun before the name (ابنك "your son")
		{"وقال لها المدرب: ابنك عبدالفتاح عسيري لاعب موهوب.", "عبدالفتاح عسيري"},
		{"وسجل واين روني هدفين في المباراة.", "واين روني"},
		// a preposition with a pronoun before an Arabic given name (لي "to
		// me"), not before a foreign one (لي Lee)
		{"وقالت الفنانة: كان لي عمر الشريف صديقا وفيا طوال حياتي.", "عمر الشريف"},
		{"وقال المدرب الكوري لي جونغ سو إن فريقه مستعد.", "لي جونغ سو"},
		{"وقال رئيس جنوب السودان سلفا كير إن الاتفاق صامد.", "سلفا كير"},
		// a noun of the feminine plural in construct (ميليشيات "the
		// militias of"), which no given name has
		{"وقال الرئيس اليمني السابق علي عبدالله صالح إنه باق.\nوقالت المصادر إن ميليشيات صالح قصفت مدينة تعز.", "صالح"},
	} {
		if len(nameEntities(t, p, c.text, c.mention)) == 0 {
			t.Errorf("%s: no mention %q", c.text, c.mention)
		}
	}
	if es := nameEntities(t, p, "وقالت المصادر إن ميليشيات صالح قصفت مدينة تعز.", "ميليشيات صالح"); len(es) > 0 {
		t.Errorf("ميليشيات صالح is a name: %+v", es)
	}
}

// TestDemonymBeforeName: a nationality adjective the tagger took into a
// person's name (after a noun: المدرب الأوروغوياني) is the person's
// country and the rest is the name; one after a name is its nisba and
// stays (التركي of عبدالله بن عبدالمحسن التركي).
func TestDemonymBeforeName(t *testing.T) {
	p := NewPipeline()
	for _, c := range []struct{ text, person, country string }{
		{"ولم يجد المدرب الأوروجوياني خورخي دا سيلفا حلا سوى استدعاء الحارس وليد العنزي.", "خورخي دا سيلفا", "الأوروجوياني"},
	} {
		if len(nameEntities(t, p, c.text, c.person)) == 0 {
			t.Errorf("%s: no person %q", c.text, c.person)
		}
		if es := nameEntities(t, p, c.text, c.country); len(es) != 1 || es[0].Type != model.Location {
			t.Errorf("%s: %q is not one place: %+v", c.text, c.country, es)
		}
	}
}

// TestNoDigitsInNames: a telephone number after a name is no part of it.
func TestNoDigitsInNames(t *testing.T) {
	p := NewPipeline()
	text := "وللتسجيل يمكن التواصل مع المنسق عبدالمحسن العبود 0505190011 أو زيارة مقر النادي الأهلي في جدة."
	ents, _, err := p.RelDoc(text, "ar")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		for _, m := range e.Mentions {
			if hasDigit(m.Text) && e.Type == model.Person {
				t.Errorf("person mention %q has a digit", m.Text)
			}
		}
	}
}

// TestPlaceInName: a place the gazetteer knows that ends a person's name
// after a given name is the person's surname (برناردينو ليون), not a
// place; not after a title (أمين حائل) or with a preposition (بعدن).
func TestPlaceInName(t *testing.T) {
	p := NewPipeline()
	for _, c := range []struct {
		text, mention, typ string
	}{
		{"وقال المبعوث الأممي برناردينو ليون إن الحوار مستمر.", "برناردينو ليون", "Person"},
		{"وهنأ الملك الرئيس الكولومبي خوان مانويل سانتوس بالفوز.", "خوان مانويل سانتوس", "Person"},
		{"وقال أمين حائل إن المشروع بدأ.", "حائل", "Location"},
	} {
		es := mentionEntities(t, p, c.text, c.mention)
		if len(es) == 0 || es[0].Type != c.typ {
			t.Errorf("%s: %q is %v, want a %s", c.text, c.mention, es, c.typ)
		}
	}
}

// TestAcronyms: an acronym of a thing is no entity (رسالة SMS); one of an
// organisation is.
func TestAcronyms(t *testing.T) {
	p := NewPipeline()
	if es := mentionEntities(t, p, "وللاشتراك أرسل رسالة SMS إلى الرقم الموحد، أو استخدم جهاز GPS في السيارة.", "SMS"); len(es) > 0 {
		t.Errorf("SMS is %v", es)
	}
	if es := mentionEntities(t, p, "وللاشتراك أرسل رسالة SMS إلى الرقم الموحد، أو استخدم جهاز GPS في السيارة.", "GPS"); len(es) > 0 {
		t.Errorf("GPS is %v", es)
	}
	if !latinAcronym("BBC") || latinAcronym("Bbc") || latinAcronym("B") || latinAcronym("9A") {
		t.Error("latinAcronym")
	}
}

// TestPluralNouns: the plural of an ordinary word the tagger took for a
// person (باحثون "researchers") names no one; a name of the same ending
// (ياسين, after a title: a bare given name alone is no entity, withoutUnsure)
// does.
func TestPluralNouns(t *testing.T) {
	p := NewPipeline()
	for _, c := range []struct {
		text, mention string
		want          bool
	}{
		{"وقال باحثون إن فرنسا تخطط لذلك.", "باحثون", false},
		{"وقال الدكتور ياسين إن فرنسا تخطط لذلك.", "ياسين", true},
	} {
		if got := len(mentionEntities(t, p, c.text, c.mention)) > 0; got != c.want {
			t.Errorf("%s: mention %q %v, want %v", c.text, c.mention, got, c.want)
		}
	}
}

// TestBlessingAfterName: a blessing written after a name (رضي الله عنه،
// رحمه الله) is no part of it, whatever the tagger took in.
func TestBlessingAfterName(t *testing.T) {
	p := NewPipeline()
	text := "وكما قال علي بن أبي طالب رضي الله عنه فإن العلم نور."
	if es := mentionEntities(t, p, text, "علي بن أبي طالب"); len(es) == 0 {
		t.Errorf("%s: no person %q", text, "علي بن أبي طالب")
	}
	for _, glued := range []string{"علي بن أبي طالب رضي الله", "علي بن أبي طالب رضي"} {
		if es := mentionEntities(t, p, text, glued); len(es) > 0 {
			t.Errorf("%s: the blessing is in the name: %q (%s)", text, glued, es[0].Name)
		}
	}
	// a blessing alone is no name either (lexicon ar_fixed_phrase)
	if es := mentionEntities(t, p, "وقال المعلم: بارك الله في جهودكم جميعا.", "بارك الله"); len(es) > 0 {
		t.Errorf("بارك الله is %s", es[0].Name)
	}
	if blessingEnd(nil, 0, 0) != 0 {
		t.Error("blessingEnd of nothing")
	}
}

// TestFamousSurnameAfterLocalName: a famous person's family name alone is,
// after another person's longer name ending with it, that person's; after
// the famous person's own name, the famous person's.
func TestFamousSurnameAfterLocalName(t *testing.T) {
	p := NewPipeline()
	for _, c := range []struct {
		text, want string // want: the name of the entity of the bare المالكي
	}{
		{"يطل النجم فايز المالكي حصريا على قناة MBC في برنامج جديد خلال رمضان. وقال المالكي إن البرنامج سيكون مختلفا.", "Fayez Al-Malki"},
		{"وقال رئيس الوزراء العراقي نوري المالكي إن الحكومة قوية. وأضاف المالكي أن الجيش سينتصر.", "Nouri al-Maliki"},
	} {
		x, err := p.Extract(context.Background(), &model.Article{ID: "t", Lang: "ar", Text: c.text})
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		for _, e := range x.Entities {
			for _, m := range e.Mentions {
				if m.Text == "المالكي" {
					got = e.Name
				}
			}
		}
		if got != c.want {
			t.Errorf("%s: المالكي is %q, want %q", c.text, got, c.want)
		}
	}
}
