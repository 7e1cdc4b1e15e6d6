package extract

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/text/arabic"
	"github.com/kg-project/kg/internal/text/segment"
)

func loaded(t *testing.T) *Pipeline {
	t.Helper()
	p := NewPipeline()
	if err := p.load(); err != nil {
		t.Fatal(err)
	}
	return p
}

// span returns the tokens and words of text and the token range of the
// first occurrence of sub in it.
func span(t *testing.T, text, sub string) ([]segment.Token, []arabic.Word, int, int) {
	t.Helper()
	toks := segment.Tokenize(text)
	subToks := segment.Tokenize(sub)
	for a := range toks {
		b := a + len(subToks)
		if b > len(toks) {
			break
		}
		ok := true
		for k := range subToks {
			if toks[a+k].Text != subToks[k].Text {
				ok = false
				break
			}
		}
		if ok {
			return toks, arabic.AnalyzeTokens(toks), a, b
		}
	}
	t.Fatalf("%q not in %q", sub, text)
	return nil, nil, 0, 0
}

// TestOrdinarySpan: a span the tagger is unsure of is dropped when its words
// are ordinary words, and kept when something speaks for a name.
func TestOrdinarySpan(t *testing.T) {
	p := loaded(t)
	for _, tc := range []struct {
		text, span, typ string
		margin          float32
		drop            bool
	}{
		{"وسقط شهيد في المواجهات أمس.", "شهيد", model.Person, 10, true},
		{"يقف المشرف العام على الفريق الكروي بنادي الاتحاد.", "الكروي", model.Organization, 10, true},
		{"روسي يرصد 100 مليون دولار للبحث عن مخلوقات ذكية.", "يرصد", model.Person, 10, true},
		{"سيدرس الاتحاد الأوروبي إمكانية إنشاء مجموعة دعم.", "سيدرس", model.Organization, 10, true},
		{"وقالت أمل إن الأمر صعب.", "أمل", model.Person, 10, true},
		{"وقالت أمل إن الأمر صعب.", "أمل", model.Person, 40, false},                                    // the tagger is sure
		{"وقالت الدكتورة هدى إن الأمر صعب.", "هدى", model.Person, 10, false},                           // a title before
		{"ووقع الانفجار في سورية أمس.", "سورية", model.Location, 10, false},                            // Syria, a prominent entry
		{"وبحسب صحيفة \"الوسط\" البحرينية فإن الواردات زادت.", "الوسط", model.Organization, 20, false}, // quoted after صحيفة
		{"إن المنظم الحراري الذي بدأنا به رائع.", "المنظم الحراري", model.Person, 10, true},
		{"وقال محمد العتيبي إن الأمر صعب.", "محمد العتيبي", model.Person, 10, false},
		{"وهو معروف بين الناس بحسن الخلق وحسن التعامل.", "وحسن", model.Person, 10, true}, // a construct phrase
		{"وقال حسن إن الأمر صعب.", "حسن", model.Person, 10, false},                       // a name
		{"وأعلن فلاديسفاو الرابع الحرب.", "فلاديسفاو", model.Person, 10, false},
		{"وأكد ولي العهد حفظه الله دعمه.", "حفظه الله", model.Organization, 40, true},                    // a formula, however sure
		{"وقال أريسمندي إن الفريق جاهز.", "أريسمندي", model.Person, 10, true},                            // nothing but the tagger
		{"وقال أريسمندي إن الفريق جاهز.", "أريسمندي", model.Person, 40, false},                           // the tagger sure of it                          // an ordinal after a king
		{"تراه مثل أي شارع بيروتي مكتظ بالمحلات.", "بيروتي", model.Location, 10, true},                   // the adjective of Beirut
		{"الموجودة في البلاستيك الصلد وبعض الراتنجات.", "البلاستيك الصلد", model.Organization, 10, true}, // definite words nothing calls a name
		{"وقال الاتحاد الديمقراطي إن الأمر صعب.", "الاتحاد الديمقراطي", model.Organization, 10, false},   // an organisation word
		{"لجمعية خيرية تدعم مالياً الفقراء.", "مالياً", model.Person, 10, true},                          // tanween
		{"شاشة بدقة 1920 بيكسل مغطاة بزجاج.", "بيكسل", model.Location, 10, true},                         // after a number
		{"كنت أقول إن الأحوال ستتحسن قريبا.", "ستتحسن", model.Person, 10, true},                          // the future of a verb
		{"وقال الحزب الجمهوري إن الأمر صعب.", "الحزب الجمهوري", model.Organization, 10, false},
	} {
		toks, words, a, b := span(t, tc.text, tc.span)
		if got := p.ordinarySpan(toks, words, a, b, tc.typ, tc.margin); got != tc.drop {
			t.Errorf("ordinarySpan(%s as %s, margin %v) = %v, want %v", tc.span, tc.typ, tc.margin, got, tc.drop)
		}
	}
}

// TestLoneOrdinaryPerson: one strongly ordinary word tagged a person, with
// nothing else calling it a name, is dropped however sure the tagger is;
// after a title, or as the surname of a person the article names in full,
// it stays.
func TestLoneOrdinaryPerson(t *testing.T) {
	p := loaded(t)
	for _, tc := range []struct {
		text, span string
		surnames   []string
		drop       bool
	}{
		{"وقال الباحثون إن النتائج مشجعة.", "الباحثون", nil, true},
		{"وحذر الجواسيس من الخطر.", "الجواسيس", nil, true},
		{"وقال الدكتور غريب إن النتائج مشجعة.", "غريب", nil, false},      // a title before
		{"وقال غريب إن النتائج مشجعة.", "غريب", []string{"غريب"}, false}, // the surname of a person named in full
		{"وقال سامر الخطيبي إن النتائج مشجعة.", "الخطيبي", nil, false},   // no ordinary word
	} {
		toks, words, a, b := span(t, tc.text, tc.span)
		sn := map[string]bool{}
		for _, w := range tc.surnames {
			sn[arabic.MatchForm(w)] = true
		}
		if got := p.loneOrdinaryPerson(toks, words, a, b, model.Person, sn); got != tc.drop {
			t.Errorf("loneOrdinaryPerson(%s) = %v, want %v", tc.span, got, tc.drop)
		}
	}
}

// TestGivenNameBefore: a frequent given name that is also an ordinary word
// (a month's name) between a title and a person's span starts the name; a
// word that may carry a preposition (باسم "in the name of") or a span after
// و does not take it.
func TestGivenNameBefore(t *testing.T) {
	for _, tc := range []struct {
		text, want string
		not        []string
	}{
		{"زار فخامة الرئيس رمضان أحمد قاديروف رئيس جمهورية الشيشان المدينة.", "رمضان أحمد قاديروف", nil},
		{"وصل رئيس جمهورية الشيشان رمضان أحمد قاديروف إلى المدينة أمس.", "رمضان أحمد قاديروف", nil},
		{"وقال المتحدث باسم سامر الخطيبي إن الأمر صعب.", "", []string{"باسم سامر الخطيبي"}},
	} {
		x := checkMentions(t, NewPipeline(), model.Person, tc.text, nil, tc.not)
		if tc.want == "" {
			continue
		}
		found := false
		for _, e := range x.Entities {
			for _, m := range e.Mentions {
				found = found || e.Type == model.Person && m.Text == tc.want
			}
		}
		if !found {
			t.Errorf("%s: no person %q in %+v", tc.text, tc.want, x.Entities)
		}
	}
}

// TestOrdinaryGazetteerMatch: ميلا "miles" is also a town of Algeria; the
// town stays when the text names it as one. زواره "his visitors" is not
// زوارة, Zuwarah in Libya, nor بئرا "a well" Beira.
func TestOrdinaryGazetteerMatch(t *testing.T) {
	p := loaded(t)
	ids := func(text string) []string {
		x, err := p.Extract(context.Background(), &model.Article{ID: "t", Lang: "ar", Text: text})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range x.Entities {
			out = append(out, e.Name)
		}
		return out
	}
	if got := ids("قطعت الطائرة 20 ميلا قبل أن تهبط."); slices.Contains(got, "Mila") {
		t.Errorf("miles linked to the town: %v", got)
	}
	// a letter the name does not have: ه "his" for ة, a hamza on its seat
	for _, c := range []struct{ text, place string }{
		{"واستقبل الأمير زواره في قصره أمس.", "Zuwarah"},
		{"وقال إن الخصوم لم يسمموا بئرا واحدة في المدينة.", "Beira"},
	} {
		if got := ids(c.text); slices.Contains(got, c.place) {
			t.Errorf("%s: linked to %s: %v", c.text, c.place, got)
		}
	}
	if got := ids("وسيطر المسلحون على مدينة زوارة الليبية أمس."); !slices.Contains(got, "Zuwarah") {
		t.Errorf("the town of Zuwarah not found: %v", got)
	}
}

// TestAndSplits: two names joined by و or ل in one span are two names, a
// name that begins with و or ل is not.
func TestAndSplits(t *testing.T) {
	p := loaded(t)
	for _, tc := range []struct {
		text, span, typ string
		want            []string
	}{
		{"وقد تأثر الفلاسفة مثل هوبز ولوك بهذه الأفكار.", "هوبز ولوك", model.Person, []string{"ولوك"}},
		{"ودافع عن الفريق خالد وفهد أمس.", "خالد وفهد", model.Person, []string{"وفهد"}},
		{"وقال محمد وليد إن الأمر صعب.", "محمد وليد", model.Person, nil},
		{"وقال عبد الله وعبد الرحمن إن الأمر صعب.", "عبد الله وعبد الرحمن", model.Person, []string{"وعبد"}},
		{"وقال جوليان ويلسون إن الأمر صعب.", "جوليان ويلسون", model.Person, nil},
		{"وقالت وزارة الخارجية والتعاون إن الأمر صعب.", "وزارة الخارجية والتعاون", model.Organization, nil},
		{"وقرأ رواية روبنسون كروزو لدانيال ديفو في صغره.", "روبنسون كروزو لدانيال ديفو", model.Person, []string{"لدانيال"}},
		{"وقال محمد لطفي إن الأمر صعب.", "محمد لطفي", model.Person, nil}, // Lutfi is a name
		{"وقال سامي لبيب إن الأمر صعب.", "سامي لبيب", model.Person, nil}, // Labib too
	} {
		toks, words, a, b := span(t, tc.text, tc.span)
		var got []string
		for _, k := range p.andSplits(toks, words, a, b, tc.typ) {
			got = append(got, toks[k].Text)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("andSplits(%s) at %q, want %q", tc.span, got, tc.want)
		}
	}
}

// TestTypeVote: a place made of people's names is a person; a place with a
// word of places in it is not.
func TestTypeVote(t *testing.T) {
	p := loaded(t)
	for _, tc := range []struct {
		text, span, typ, want string
	}{
		{"وقالت الممثلة جين فوندا إن الأمر صعب.", "جين فوندا", model.Location, model.Person},
		{"وقال فهد العتيبي إن الأمر صعب.", "فهد العتيبي", model.Location, model.Person},
		{"وصل الوفد إلى سان فرانسيسكو أمس.", "سان فرانسيسكو", model.Location, model.Location},
		{"وقالت رضوان الله عليه.", "رضوان الله", model.Organization, model.Organization},
		{"وقالت شركة بلاك روك إن الأمر صعب.", "بلاك روك", model.Organization, model.Organization},
	} {
		toks, words, a, b := span(t, tc.text, tc.span)
		if got := p.typeVote(toks, words, a, b, tc.typ); got != tc.want {
			t.Errorf("typeVote(%s, %s) = %s, want %s", tc.span, tc.typ, got, tc.want)
		}
	}
}

// TestCurrencyAdjectives: a nationality adjective after a currency word
// names the currency, not the country, and after a language noun the
// language; the country named otherwise stays.
func TestCurrencyAdjectives(t *testing.T) {
	p := NewPipeline()
	for _, c := range []struct {
		text      string
		want, not []string // Location mentions
	}{
		{text: "بلغت قيمة الصفقة 100 مليون دولار أميركي العام الماضي.", not: []string{"أميركي"}},
		{text: "ارتفعت الأسعار إلى 5 ملايين ريال سعودي في الربع الأول.", not: []string{"سعودي"}},
		{text: "تراجع سعر الجنيه المصري أمام الدولار.", not: []string{"المصري"}},
		// an actor: the adjective after a body, not a currency
		{text: "وأعلنت الحكومة المصرية خطة جديدة لدعم الجنيه.", want: []string{"المصرية"}},
		// a language (languageAdjective), not the country
		{text: "وتحدث الرئيس باللغة الفرنسية أمام الصحفيين.", not: []string{"الفرنسية"}},
		{text: "وكتب البيان بالعربية والإنجليزية.", not: []string{"والإنجليزية"}},
		{text: "ويتحدث اللاعب بالإنجليزية بطلاقة.", not: []string{"بالإنجليزية"}},
		// England's adjective, a club's country
		{text: "وفاز مانشستر يونايتد الإنجليزي على منافسه.", want: []string{"الإنجليزي"}},
	} {
		checkMentions(t, p, model.Location, c.text, c.want, c.not)
	}
	x, err := p.Extract(context.Background(), &model.Article{ID: "t", Lang: "en", Text: "The deal was worth 100 million US dollars, officials in Washington said."})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range x.Entities {
		for _, m := range e.Mentions {
			if m.Text == "US" {
				t.Errorf("US in 'US dollars' is a mention of %s", e.ID)
			}
		}
	}
}

func TestNumberToken(t *testing.T) {
	for tok, want := range map[string]bool{"284": true, "و284": true, "ب100": true, "3.5": true, "وزير": false, "و": false, "": false} {
		if got := numberToken(tok); got != want {
			t.Errorf("numberToken(%q) = %v, want %v", tok, got, want)
		}
	}
}

// TestOnBehalfOf: باسم after a spokesman's word is "on behalf of", not the
// given name Basem: the body he speaks for follows.
func TestOnBehalfOf(t *testing.T) {
	p := NewPipeline()
	x, err := p.Extract(context.Background(), &model.Article{ID: "t", Lang: "ar", Text: "وقال كريس فيليرز المتحدث باسم بوينغ إن الطائرة آمنة."})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range x.Entities {
		if e.Type == model.Person && slices.ContainsFunc(e.Mentions, func(m model.Mention) bool { return strings.HasPrefix(m.Text, "باسم") }) {
			t.Errorf("person %s from باسم", e.Name)
		}
	}
	found := false
	for _, r := range x.Relations {
		found = found || r.Predicate == "SPOKESPERSON_FOR"
	}
	if !found {
		t.Errorf("no SPOKESPERSON_FOR in %+v", x.Relations)
	}
}
