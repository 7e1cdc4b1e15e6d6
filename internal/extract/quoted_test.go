package extract

import (
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
