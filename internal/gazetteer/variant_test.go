package gazetteer

import (
	"testing"

	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/text/arabic"
)

func TestVariant(t *testing.T) {
	g := New([]*Entry{
		{Key: "wd:Q2256", Name: "Birmingham", Type: model.Location, Aliases: []string{"Birmingham", "برمنغهام", "برمينغهام"}, Rank: 2_000_000},
		{Key: "location:birmingham_us", Name: "Birmingham", Type: model.Location, Aliases: []string{"برمنغهام"}, Rank: 200_000},
		{Key: "wd:Q43723", Name: "Benjamin Netanyahu", Type: model.Person, Aliases: []string{"نتنياهو", "بنيامين نتنياهو"}},
		{Key: "wd:Q22", Name: "Scotland", Type: model.Location, Aliases: []string{"اسكتلندا"}},
		{Key: "organization:fc_bern", Name: "FC Bern", Type: model.Organization, Aliases: []string{"نادي برن"}},
		{Key: "person:jane_seymour", Name: "Jane Seymour", Type: model.Person, Aliases: []string{"جين سيمور"}},
		{Key: "person:qasem_soleimani", Name: "Qasem Soleimani", Type: model.Person, Aliases: []string{"سليماني"}},
		{Key: "person:سليم_ساري", Name: "Salim Sari", Type: model.Person, Aliases: []string{"سليم ساري"}},
		{Key: "location:a", Name: "Lorina", Type: model.Location, Aliases: []string{"لورينا"}},
		{Key: "location:b", Name: "Lurina", Type: model.Location, Aliases: []string{"لورنا"}},
		{Key: "wd:Q971", QID: "Q971", Name: "Congo", Type: model.Location, Aliases: []string{"الكونغو"}},
		{Key: "wd:Q1005", QID: "Q1005", Name: "Gambia", Type: model.Location, Aliases: []string{"غامبيا"}},
		{Key: "wd:Q32", QID: "Q32", Name: "Luxembourg", Type: model.Location, Aliases: []string{"لوكسمبورغ"}},
		{Key: "location:igdir", Name: "Igdır", Type: model.Location, Aliases: []string{"إغدير"}},
		{Key: "person:carl_sagan", Name: "Carl Sagan", Type: model.Person, Aliases: []string{"كارل ساغان"}},
		{Key: "person:sagan", Name: "Sagan", Type: model.Person, Aliases: []string{"ساغان"}},
	})
	for _, c := range []struct {
		name, typ, want string
	}{
		{"بيرمنغهام", model.Location, "wd:Q2256"},       // one spelling of two entries: the first by rank
		{"اسكوتلندا", model.Location, "wd:Q22"},         // a vowel letter more
		{"نتانياهو", model.Person, "wd:Q43723"},         // a vowel letter more
		{"بنيامين نتانياهو", model.Person, "wd:Q43723"}, // two-word name
		{"اسكوتلندا", model.Person, ""},                 // not of the type asked
		{"اسكتلندا", model.Location, "wd:Q22"},          // the alias itself (Lookup's job, not wrong)
		{"نادي بايرن", model.Organization, ""},          // two letters more in a three-consonant word
		{"جون سيمور", model.Person, ""},                 // و for ي: another vowel
		{"سليمان", model.Person, ""},                    // the end of a word differs
		{"سالم ساري", model.Person, ""},                 // an entry keyed by an Arabic name
		{"لورينا", model.Location, ""},                  // two spellings of two entries: ambiguous
		{"عمان", model.Location, ""},                    // a letter of Arabic words
		{"بيرمنغهام", "", ""},                           // no type
		{"الكونجو", model.Location, "wd:Q971"},          // ج for a foreign g
		{"جامبيا", model.Location, "wd:Q1005"},
		{"لوكسيمبورج", model.Location, "wd:Q32"},          // and a vowel letter more
		{"كارل ساجان", model.Person, "person:carl_sagan"}, // a foreign person's full name
		{"أجدير", model.Location, ""},                     // no QID: another place may be meant
		{"ساجان", model.Person, ""},                       // one word of a person without a QID
		{"الكونجو", model.Person, ""},                     // not of the type asked
	} {
		got := ""
		if e := g.Variant(arabic.MatchForm(c.name), c.typ); e != nil {
			got = e.Key
		}
		if got != c.want {
			t.Errorf("Variant(%s, %q) = %q, want %q", c.name, c.typ, got, c.want)
		}
	}
}
