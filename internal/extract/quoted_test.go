package extract

import (
	"context"
	"slices"
	"testing"

	"github.com/kg-project/kg/internal/model"
)

// TestQuotedOrgs: names between guillemets after an organisation noun, or
// headed by one, are organisations; quotations and descriptions are not.
// The sentences are the project's own.
func TestQuotedOrgs(t *testing.T) {
	p := NewPipeline()
	for _, c := range []struct {
		text      string
		want, not []string // organisation mentions
	}{
		{text: "وقال المسؤول في مقابلة مع قناة «الرافدين» إن المفاوضات تعثرت.", want: []string{"الرافدين"}},
		{text: "وأعلن مقاتلو «لواء الحرمين» سيطرتهم على التلة.", want: []string{"لواء الحرمين"}},
		{text: "واشتبكت «الفرقة 17» مع المسلحين قرب المعبر.", want: []string{"الفرقة 17"}},
		// an indefinite head with indefinite words describes
		{text: "شكلت الحكومة «مجموعة عمل» لدراسة الملف.", not: []string{"مجموعة عمل"}},
		// a definite head followed by a verb is a quotation
		{text: "وقال الحزب «الحكومة فشلت» في بيان.", not: []string{"الحكومة فشلت"}},
		// a quotation is no name
		{text: "وقالت الحركة في بيانها «إننا لن نتراجع»، مضيفة أن الحوار مستمر.", not: []string{"إننا لن نتراجع"}},
	} {
		checkOrgMentions(t, p, c.text, c.want, c.not)
	}
}

// TestWorkTitles: the name after a kind of work (فيلم, مسلسل, رواية) is a
// title, no entity; the work nouns start no organisation phrase either.
// The sentences are the project's own.
func TestWorkTitles(t *testing.T) {
	p := NewPipeline()
	for _, text := range []string{
		"وحقق فيلم تيتانيك إيرادات كبيرة في دور العرض.",
		"وعرضت القناة مسلسل باب الحارة في رمضان الماضي.",
		"ونشرت الكاتبة رواية ساق البامبو قبل عامين.",
	} {
		x := checkMentions(t, p, model.Organization, text, nil, nil)
		for _, e := range x.Entities {
			if e.Type != model.Location {
				t.Errorf("%s: entity %s %q (a work's title)", text, e.Type, e.Name)
			}
		}
	}
	checkOrgMentions(t, p, "وشاركت الفرقة المسرحية في المهرجان، واجتمعت لجنة التحكيم الخاصة للفيلم.", nil, []string{"الفرقة المسرحية", "لجنة التحكيم الخاصة للفيلم"})
}

// TestBareHead: a bare indefinite noun of the name table, which the tagger
// takes for a name when a quoted name follows it, is no entity; the quoted
// name is. Nor is a kind of place with the article alone. The sentences
// are the project's own.
func TestBareHead(t *testing.T) {
	p := NewPipeline()
	checkOrgMentions(t, p, "وقالت الباحثة التي درست في جامعة «هارفارد» الأميركية إن النتائج مشجعة.", []string{"هارفارد"}, []string{"جامعة"})
	checkOrgMentions(t, p, "وأوضح زميل في معهد «الدراسات الاستراتيجية» أن الخطة طموحة.", nil, []string{"معهد"})
	// a kind of place with the article alone: "the desert"
	checkMentions(t, p, model.Location, "وانسحب المسلحون إلى الصحراء بعد المعارك في المدينة.", nil, []string{"الصحراء"})
}

// TestQuotedNamed: a quoted name that the gazetteer knows after an outlet's
// or a club's head noun (صحيفة الشرق الأوسط, قناة العربية) is that outlet,
// not the region, city or common word it also is; unquoted it is not. The
// sentences are the project's own.
func TestQuotedNamed(t *testing.T) {
	p := NewPipeline()
	for _, c := range []struct {
		text      string
		key, name string // the entity of the quoted name; "" for none
		not       string // an entity the quoted name must not be
	}{
		{text: "وقال المحلل لـ«الشرق الأوسط» إن الأسعار سترتفع.", key: "organization:asharq_al_awsat", not: "wd:Q7204"},
		{text: "وأكدت مصادر \"الوطن\" أن اللجنة اجتمعت أمس.", key: "organization:al_watan_newspaper"},
		// the curated newspaper, not the lists' club of the name (نادي
		// الرياض, ranked under it), nor the city
		{text: "وأوضح في حديث لـ«الرياض» أن المشروع اكتمل.", key: "organization:al_riyadh_newspaper", not: "wd:Q3692"},
		{text: "وقال الوزير في مقابلة مع قناة «روسيا اليوم» إن الحوار مستمر.", key: "organization:rt_tv_network"},
		// unquoted, the region
		{text: "وتشهد منطقة الشرق الأوسط توترا متزايدا.", key: "wd:Q7204", not: "organization:asharq_al_awsat"},
		// the text's own head noun makes the name: the armed group, not the club
		{text: "وقال إن مقاتلين من حركة «الشباب» الصومالية هاجموا القرية.", key: "organization:al_shabaab", not: "organization:al_shabab"},
		{text: "وفاز «الشباب» على الهلال في الدوري.", key: "organization:al_shabab", not: "organization:al_shabaab"},
		{text: "«الشباب» فاز على الهلال في الدوري.", key: "organization:al_shabab"}, // a quote first: no noun before it
	} {
		x, err := p.Extract(context.Background(), &model.Article{ID: "t", Lang: "ar", Text: c.text})
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, e := range x.Entities {
			ids = append(ids, e.ID)
		}
		if !slices.Contains(ids, c.key) {
			t.Errorf("%s: no entity %s (%v)", c.text, c.key, ids)
		}
		if c.not != "" && slices.Contains(ids, c.not) {
			t.Errorf("%s: entity %s (%v)", c.text, c.not, ids)
		}
	}
}

// TestPlacesInQuotedNames: a place's name inside a quoted name of a firm,
// a hotel or an agreement is no mention of the place; a quoted headline or
// phrase keeps its places.
func TestPlacesInQuotedNames(t *testing.T) {
	p := NewPipeline()
	for _, c := range []struct {
		text      string
		want, not []string // place mentions
	}{
		// after the noun of a kind of organisation or place
		{text: "وقال مدير في شركة «كابيتال طوكيو القابضة» إن الأسعار سترتفع.", not: []string{"طوكيو"}},
		{text: "ونزل الوفد في فندق «رويال باريس بالاس» قرب النهر.", not: []string{"باريس"}},
		// a number: an agreement, a festival
		{text: "وتمسك الطرفان بتطبيق «اتفاق الدوحة 2» كاملا.", not: []string{"الدوحة"}},
		// a headline, a phrase with a preposition, a single quoted word
		{text: "ونشرت الصحيفة مقالا تحت عنوان «القاهرة تستعد للقمة» أمس.", want: []string{"القاهرة"}},
		{text: "ووصف الوزير الاجتماع بأنه «لقاء حاسم في باريس» أمس.", want: []string{"باريس"}},
		{text: "ووصل الوفد إلى جزيرة «قبرص» صباح أمس.", want: []string{"قبرص"}},
		// a work's title, with a number or not, and a place after an area's noun
		{text: "وعرض المهرجان فيلم «بيروت 1982» في افتتاحه.", want: []string{"بيروت"}},
		{text: "وكتب المحرر افتتاحية بعنوان «الكويت تتحدى الطائفية» أمس.", want: []string{"الكويت"}},
		{text: "وتصاعد التوتر في منطقة «القدس الشرقية» أمس.", want: []string{"القدس"}},
	} {
		checkMentions(t, p, model.Location, c.text, c.want, c.not)
	}
}
