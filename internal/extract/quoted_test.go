package extract

import "testing"

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
