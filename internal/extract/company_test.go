package extract

import (
	"context"
	"testing"

	"github.com/kg-project/kg/internal/model"
)

// TestCompanyAfterName: a name that ends with a company's loanword written
// in English order (lexicon ar_org_after_name), or joins two names with
// the English "and" (ar_and_loanword), is an organisation's, not a
// person's.
func TestCompanyAfterName(t *testing.T) {
	for _, c := range []struct{ text, name string }{
		// invented companies: the gazetteer knows Toshiba and Mitsubishi
		{"وأعلنت شركة ساكوراغي كورب اليابانية عن خسائر كبيرة.", "ساكوراغي كورب"},
		{"وقالت كاواموتو ماتيريالز إنها ستعتذر للعمال.", "كاواموتو ماتيريالز"},
		// the English "and" between two names (lexicon ar_and_loanword)
		{"وقالت ماركس اند سبنسر إن أرباحها تراجعت.", "ماركس اند سبنسر"},
		{"وأعلنت رالف آند روسو عن مجموعة جديدة.", "رالف آند روسو"},
	} {
		x, err := NewPipeline().Extract(context.Background(), &model.Article{ID: "c", Lang: "ar", Text: c.text})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, e := range x.Entities {
			for _, m := range e.Mentions {
				if m.Text == c.name {
					found = true
					if e.Type != model.Organization {
						t.Errorf("%s: %s is a %s", c.text, c.name, e.Type)
					}
				}
			}
		}
		if !found {
			t.Errorf("%s: no mention %q", c.text, c.name)
		}
	}
}
