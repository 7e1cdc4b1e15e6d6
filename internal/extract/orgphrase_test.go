package extract

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/model"
)

// TestOrgPhrases: bodies named by what they are and whose they are, and
// descriptions that are no names.
func TestOrgPhrases(t *testing.T) {
	p := NewPipeline()
	for _, c := range []struct {
		text      string
		want, not []string // organisation mentions
	}{
		{text: "وأعلنت وزارة الصحة البحرينية أن الحالات تراجعت.", want: []string{"وزارة الصحة البحرينية"}},
		{text: "رفع البنك المركزي الأردني سعر الفائدة.", want: []string{"البنك المركزي الأردني"}},
		{text: "وقال بيان للجيش الباكستاني إن الهجوم فشل.", want: []string{"للجيش الباكستاني"}},
		{text: "نشر المرصد المغربي لحقوق الإنسان تقريره.", want: []string{"المرصد المغربي لحقوق الإنسان"}},
		{text: "افتتحت جامعة الملك فيصل كلية جديدة.", want: []string{"جامعة الملك فيصل"}},
		// a definite head with an adjective only is a description
		{text: "أعلنت الحكومة الجديدة برنامجها.", not: []string{"الحكومة الجديدة"}},
		// a head that is also an activity's noun needs a name in the
		// construct state (ar_activity_head); with the article it is a body
		{text: "ويهدف القرار إلى تنظيم سوق العمل في المملكة.", not: []string{"تنظيم سوق العمل"}},
		{text: "وتراجعت حركة الملاحة الدولية في المضيق.", not: []string{"حركة الملاحة الدولية"}},
		{text: "وقال زعيم الحركة القومية إن الانتخابات مبكرة.", want: []string{"الحركة القومية"}},
		// a phrase of the table naming a thing, not a body (mark "thing"),
		// with or without a preposition the analysis keeps on its head
		{text: "ونشر المقطع على شبكة الإنترنت أمس.", not: []string{"شبكة الإنترنت"}},
		{text: "ويعد البلد من الأقل اتصالا بشبكة الإنترنت في العالم.", not: []string{"شبكة الإنترنت", "بشبكة الإنترنت"}},
		{text: "وقالت الأرصاد إن حركة الرياح ستكون نشطة.", not: []string{"حركة الرياح"}},
		// an indefinite adjective: "a Tunisian company"
		{text: "فازت شركة تونسية بالعقد.", not: []string{"شركة تونسية"}},
		// a person's government is no name of a body
		{text: "انتقد النائب الحكومة حيدر العبادي بشدة.", not: []string{"الحكومة حيدر العبادي"}},
		// a nationality ends the name but for adjectives, nationalities
		// and a complement with ل
		{text: "وقال متحدث باسم وزارة الخارجية الأميركية الاتفاق النووي إن المحادثات مستمرة.", want: []string{"وزارة الخارجية الأميركية"}, not: []string{"وزارة الخارجية الأميركية الاتفاق النووي"}},
		{text: "وأصدرت المؤسسة التركية لحقوق الإنسان تقريرا.", want: []string{"المؤسسة التركية لحقوق الإنسان"}},
		// a complement with ل on a noun of three letters, which the
		// analysis leaves on: a phrase of the table (كرة القدم)
		{text: "وقال الاتحاد السعودي لكرة القدم إن المباراة ستقام.", want: []string{"الاتحاد السعودي لكرة القدم"}},
		{text: "وقرر الاتحاد المصري لكرة السلة تأجيل الدوري.", want: []string{"الاتحاد المصري لكرة السلة"}},
		{text: "وقال اتحاد الكرة السعودي إن المباراة ستقام.", want: []string{"اتحاد الكرة السعودي"}},
		// a country's name ends it as its adjective does
		{text: "أعلنت حكومة اليمن تحرير عدن من المليشيات.", want: []string{"حكومة اليمن"}, not: []string{"حكومة اليمن تحرير عدن"}},
		{text: "وقال بنك الكويت الوطني إن الأرباح ارتفعت.", want: []string{"بنك الكويت الوطني"}},
		{text: "واتهمت الحكومة اليمنية الحوثيين بقصف الأحياء السكنية.", want: []string{"الحكومة اليمنية"}},
		{text: "وقال رئيس لجنة العدل والمصالحة الوطنية إن التحقيق مستمر.", want: []string{"لجنة العدل والمصالحة الوطنية"}},
		// a complement with ل of a kind of body that takes a name refers
		// to a body named elsewhere: "the team's technical staff"
		{text: "وحسب طلب الجهاز الفني للفريق تعاقد النادي مع اللاعب.", not: []string{"الجهاز الفني للفريق"}},
		// a definite noun is no genitive of the definite word before it
		{text: "وشكر رئيس اللجنة العليا المنظمة للمهرجان الحضور.", not: []string{"اللجنة العليا المنظمة", "اللجنة العليا المنظمة للمهرجان"}},
		// words of the fields bodies deal with (orgwords.tsv)
		{text: "وقالت مؤسسة دبي للمهرجانات والتجزئة إن الخطة تتضمن مسابقات.", want: []string{"مؤسسة دبي للمهرجانات والتجزئة"}},
		{text: "ووقعت وزارة الكهرباء والماء الكويتية العقد.", want: []string{"وزارة الكهرباء والماء الكويتية"}},
		// a time word ends the name
		{text: "وقالت وزارة الخارجية الفرنسية الأسبوع الماضي إنها قلقة.", want: []string{"وزارة الخارجية الفرنسية"}},
		// a preposition the analysis keeps on a short head (بهيئة،
		// بمجلس، بشرطة): the phrase and its mention begin after it
		{text: "وقال مسؤول بهيئة الطيران المدني السعودية إن الرحلات مستمرة.", want: []string{"هيئة الطيران المدني السعودية"}, not: []string{"بهيئة الطيران المدني السعودية"}},
		{text: "وقال مسؤول بمجلس الشورى الإيراني إن الاتفاق جيد.", want: []string{"مجلس الشورى الإيراني"}},
		{text: "وقال الناطق الإعلامي بشرطة منطقة مكة المكرمة إن الشرطة تلقت بلاغا.", want: []string{"شرطة منطقة مكة المكرمة"}},
		// words of the table joined by و (a list, a group of words, a noun
		// in the construct state with its complement)
		{text: "نظمت جمعية الثقافة والفنون أمسية شعرية أمس.", want: []string{"جمعية الثقافة والفنون"}},
		{text: "وأحالت الشرطة القضية إلى هيئة التحقيق والادعاء العام للنظر فيها.", want: []string{"هيئة التحقيق والادعاء العام"}},
		{text: "وحذرت هيئة الاتصالات وتقنية المعلومات من الرسائل.", want: []string{"هيئة الاتصالات وتقنية المعلومات"}},
		{text: "أصدرت الهيئة السعودية للمواصفات والمقاييس والجودة لائحة جديدة.", want: []string{"الهيئة السعودية للمواصفات والمقاييس والجودة"}},
		// the nasab after a titled name is the name's
		{text: "وتخرج في جامعة الإمام محمد بن سعود الإسلامية عام 2010.", want: []string{"جامعة الإمام محمد بن سعود الإسلامية"}},
		{text: "وزار الوفد جامعة الأمير سطام بن عبد العزيز في الخرج.", want: []string{"جامعة الأمير سطام بن عبد العزيز"}},
		// after the pair only adjectives: the verb's object is not the name's
		{text: "وتسلمت وزارة الشؤون البلدية والقروية المشروع الجديد.", want: []string{"وزارة الشؤون البلدية والقروية"}, not: []string{"وزارة الشؤون البلدية والقروية المشروع"}},
		// an adjective and a noun are two bodies; nationalities two armies
		{text: "تقدمت قوات الجيش الوطني والمقاومة الشعبية نحو المدينة.", not: []string{"الجيش الوطني والمقاومة"}},
		{text: "وقصف الجيش السوري والروسي مواقع المعارضة.", not: []string{"الجيش السوري والروسي"}},
		// السعودية right after a definite head is the adjective: one
		// authority or company of many, cut before a complement the table
		// lacks; a head of the state's own body takes it as its name
		{text: "وأعلنت الهيئة السعودية للحياة الفطرية إطلاق الغزلان.", not: []string{"الهيئة السعودية"}},
		{text: "وقالت الشركة السعودية للتشخيص القابضة إن أرباحها ارتفعت.", not: []string{"الشركة السعودية"}},
		{text: "وقالت الحكومة السعودية إن السفارة السعودية تتابع الأمر.", want: []string{"الحكومة السعودية", "السفارة السعودية"}},
		{text: "وفاز اللاعب بميدالية مع اللجنة البارالمبية العربية السعودية أمس.", want: []string{"اللجنة البارالمبية العربية السعودية"}},
		// two countries' body; a plural nationality after a plural
		{text: "وبدأت أعمال اللجنة التنسيقية السعودية الفرنسية الدائمة.", want: []string{"اللجنة التنسيقية السعودية الفرنسية الدائمة"}},
		{text: "وقال نقيب نقابة الصحفيين اليمنيين إن الوضع صعب.", want: []string{"نقابة الصحفيين اليمنيين"}},
		// those a body addresses, a verb that looks definite, and a
		// ministry's official's office are no part of its name
		{text: "ودعت المديرية العامة للجوازات الإخوة اليمنيين إلى مراجعة مراكز التصحيح.", want: []string{"المديرية العامة للجوازات"}},
		{text: "وقال إن اللجنة التقت السلطة المحلية أمس.", not: []string{"اللجنة التقت السلطة المحلية"}},
		{text: "وقال وكيل وزارة الصحة للخدمات العلاجية إن المستشفى جاهز.", want: []string{"وزارة الصحة"}, not: []string{"وزارة الصحة للخدمات"}},
		{text: "وأعلنت وزارة الدولة لشؤون الإعلام الخبر.", want: []string{"وزارة الدولة لشؤون الإعلام"}},
	} {
		checkOrgMentions(t, p, c.text, c.want, c.not)
	}
}

// TestNationalTeams: a national team is one body, its country's (a
// nationality alone after منتخب names it), and the country named inside
// its name stands for the team: no mention of the country.
func TestNationalTeams(t *testing.T) {
	p := NewPipeline()
	for _, c := range []struct {
		text, team, name string
	}{
		{"وفاز المنتخب السعودي على منافسه بهدفين.", "المنتخب السعودي", "Saudi Arabia national team"},
		{"وتعادل منتخب جامايكا مع منافسه أمس.", "منتخب جامايكا", "Jamaica national team"},
		{"وانضم اللاعب إلى معسكر المنتخب البلجيكي لكرة القدم.", "المنتخب البلجيكي لكرة القدم", "Belgium national football team"},
	} {
		checkOrgMentions(t, p, c.text, []string{c.team}, nil)
		checkMentions(t, p, model.Location, c.text, nil, []string{"السعودي", "جامايكا", "البلجيكي"})
		es := mentionEntities(t, p, c.text, c.team)
		if len(es) != 1 || es[0].Name != c.name {
			t.Errorf("%s: the team's entity %v, want one named %q", c.text, es, c.name)
		}
	}
	// a club's nationality is its country's mention as before
	checkMentions(t, p, model.Location, "وانتقل اللاعب من النادي البلجيكي إلى الدوري الإنجليزي.", []string{"البلجيكي"}, nil)
}

// checkOrgMentions extracts an Arabic text and checks that each of want is
// the text of an organisation's mention and none of not is.
func checkOrgMentions(t *testing.T, p *Pipeline, text string, want, not []string) {
	t.Helper()
	checkMentions(t, p, model.Organization, text, want, not)
}

// checkMentions extracts text and checks that the mentions of entities of
// type typ include want and none of not.
// mentionEntities extracts the Arabic text and returns, for each mention
// whose text is mention, the entity holding it.
func mentionEntities(t *testing.T, p *Pipeline, text, mention string) []model.Entity {
	t.Helper()
	x, err := p.Extract(context.Background(), &model.Article{ID: "t", Lang: "ar", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	var out []model.Entity
	for _, e := range x.Entities {
		for _, m := range e.Mentions {
			if m.Text == mention {
				out = append(out, e)
			}
		}
	}
	return out
}

func checkMentions(t *testing.T, p *Pipeline, typ, text string, want, not []string) *model.Extraction {
	t.Helper()
	x, err := p.Extract(context.Background(), &model.Article{ID: "t", Lang: "ar", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range x.Entities {
		if e.Type != typ {
			continue
		}
		for _, m := range e.Mentions {
			got = append(got, m.Text)
		}
	}
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("%s: no %s %q in %q", text, typ, w, got)
		}
	}
	for _, n := range not {
		if slices.Contains(got, n) {
			t.Errorf("%s: %q is no %s name", text, n, typ)
		}
	}
	return x
}

// TestCommonWordPlaces: names of the gazetteer that news writes as other
// words (curated ambiguous_common, extra_country_names) and a club its
// short name names.
func TestCommonWordPlaces(t *testing.T) {
	p := NewPipeline()
	for _, c := range []struct {
		text, mention, want string // want: the entity's id, "" none
	}{
		{"وقال المحلل: وأرى أن تكاليف البيع مرتفعة في لندن.", "وأرى", ""},
		{"وقال إن قوات صرب البوسنة نفذت المذبحة.", "البوسنة", "wd:Q225"},
		{"ودافع اللاعب عن ألوان باريس سان جرمان الفرنسي.", "باريس سان جرمان", "wd:Q483020"},
		{"وأصبح اللاعب ثاني لاعب ينضم إلى سان جيرمان هذا الصيف.", "سان جيرمان", "wd:Q483020"},
	} {
		es := mentionEntities(t, p, c.text, c.mention)
		got := ""
		if len(es) > 0 {
			got = es[0].ID
		}
		if got != c.want {
			t.Errorf("%s: %q is %q, want %q", c.text, c.mention, got, c.want)
		}
	}
}

// TestBareStateBodies: a state body whose name begins with no head noun
// (الدفاع المدني "civil defence"), or with a definite head and the
// adjective that makes it one body (النيابة العامة), is an organisation of
// its own, alone, with a preposition or with the country's adjective; other
// words that begin alike are none (الدفاعات الجوية, الدفاع عن).
func TestBareStateBodies(t *testing.T) {
	p := NewPipeline()
	for _, c := range []struct {
		text      string
		want, not []string
	}{
		{text: "وتمكنت فرق الدفاع المدني من إخماد الحريق.", want: []string{"الدفاع المدني"}},
		{text: "وقال المتحدث الرسمي للدفاع المدني إن الحريق أخمد.", want: []string{"للدفاع المدني"}},
		{text: "وقال الدفاع المدني الفلسطيني إن الحريق أخمد.", want: []string{"الدفاع المدني الفلسطيني"}},
		{text: "وأطلقت الدفاعات الجوية صواريخ على الطائرة.", not: []string{"الدفاعات الجوية"}},
		// a definite head with the adjective that makes it one body
		{text: "وقالت النيابة العامة إن المتهم اعترف.", want: []string{"النيابة العامة"}},
		{text: "وأكدت القوات المسلحة جاهزيتها لحماية الحدود.", want: []string{"القوات المسلحة"}},
		// the adjective that is also the country's name (السعودية)
		{text: "وأكدت القوات المسلحة السعودية جاهزيتها.", want: []string{"القوات المسلحة السعودية"}},
		// a word that goes on with a head's phrase leaves it to the head
		// scan: another body, or a longer name
		{text: "وأحالت النيابة العامة العسكرية المتهمين إلى المحكمة.", not: []string{"النيابة العامة"}},
		// ... but the verb's object or a day after it does not (VSO)
		{text: "وأحالت النيابة العامة المتهمين إلى المحكمة.", want: []string{"النيابة العامة"}},
		{text: "وقالت المحكمة العليا الأربعاء إن الطعن مرفوض.", want: []string{"المحكمة العليا"}},
		{text: "واعتقلت القوات المسلحة الحوثيين في المدينة.", want: []string{"القوات المسلحة"}},
		{text: "وفاز المنتخب الوطني لكرة القدم على نظيره.", want: []string{"المنتخب الوطني لكرة القدم"}},
		// ... but no head reads الدفاع: its complement does not stop it
		{text: "وقال المتحدث الرسمي للدفاع المدني لمنطقة مكة المكرمة إن الحريق أخمد.", want: []string{"للدفاع المدني"}},
		{text: "أكدت النيابة العامة البلجيكية أن التحقيق مستمر.", want: []string{"النيابة العامة البلجيكية"}},
		{text: "وناقش الوزير الدفاع عن المدنيين في الحرب.", not: []string{"الدفاع"}},
	} {
		checkOrgMentions(t, p, c.text, c.want, c.not)
	}
}

// TestShortMinistries: a ministry called by what it is of with the state's
// adjective (الخارجية المصرية) is the state's ministry, one node with its
// full name, and part of the state; the same words after a definite noun
// (foreign policy) or in an office (the foreign minister) are no body.
func TestShortMinistries(t *testing.T) {
	p := NewPipeline()
	x := checkMentions(t, p, model.Organization, "أكدت الخارجية المصرية رفض التدخل. وقالت وزارة الخارجية المصرية إن الاجتماع تأجل.", []string{"الخارجية المصرية", "وزارة الخارجية المصرية"}, nil)
	names := map[string]bool{}
	for _, e := range x.Entities {
		if e.Type == model.Organization {
			names[e.Name] = true
		}
	}
	if len(names) != 1 || !names["Ministry of Foreign Affairs (Egypt)"] {
		t.Errorf("organisations %v, want the one Ministry of Foreign Affairs (Egypt)", names)
	}
	partOf := false
	for _, r := range x.Relations {
		if r.Predicate == "PART_OF" && strings.HasPrefix(r.Subject, "organization:ministry_of_foreign_affairs") {
			partOf = true
		}
		if r.Predicate != "PART_OF" && strings.HasPrefix(r.Subject, "organization:ministry_of_foreign_affairs") && r.Object == "wd:Q79" {
			t.Errorf("the ministry's act on its own state: %+v", r)
		}
	}
	if !partOf {
		t.Errorf("no PART_OF of the ministry in %+v", x.Relations)
	}
	checkOrgMentions(t, p, "وأكدت الخارجية السعودية رفضها للتدخل.", []string{"الخارجية السعودية"}, nil)
	for _, text := range []string{
		"وقال وزيرا الخارجية الأمريكي والروسي إن المحادثات مستمرة.",
		"التقى وزيري الخارجية السعودي والأمريكي في الرياض.",
		"انتقد الكاتب السياسة الخارجية الأميركية في مقاله.",
		"وقال وزير الخارجية المصري إن الاجتماع تأجل.",
		"وتولت كلينتون حقيبة الخارجية الأميركية عام 2009.",
	} {
		checkOrgMentions(t, p, text, nil, []string{"الخارجية الأميركية", "الخارجية المصري", "الخارجية الأمريكي", "الخارجية السعودي"})
	}
}

// TestOwnStateActs: a public body's act on the state its name names is
// none (أكدت الخارجية المصرية رفض مصر ...: Egypt rejects, its ministry
// does not reject Egypt).
func TestOwnStateActs(t *testing.T) {
	p := NewPipeline()
	x, err := p.Extract(context.Background(), &model.Article{ID: "t", Lang: "ar", Text: "أكدت الخارجية المصرية مجددا رفض مصر الكامل للتدخل الإيراني في شؤون الدول العربية."})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range x.Relations {
		if r.Predicate == "REJECTED" && r.Object == "wd:Q79" {
			t.Errorf("%+v: a body's act on its own state", r)
		}
	}
}
