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
		x, err := p.Extract(context.Background(), &model.Article{ID: "t", Lang: "ar", Text: c.text})
		if err != nil {
			t.Fatal(err)
		}
		var orgs []string
		for _, e := range x.Entities {
			if e.Type != model.Organization {
				continue
			}
			for _, m := range e.Mentions {
				orgs = append(orgs, m.Text)
			}
		}
		for _, w := range c.want {
			if !slices.Contains(orgs, w) {
				t.Errorf("%s: no organisation %q in %q", c.text, w, orgs)
			}
		}
		for _, n := range c.not {
			if slices.Contains(orgs, n) {
				t.Errorf("%s: %q is no organisation name", c.text, n)
			}
		}
	}
}
