package extract

import (
	"context"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/model"
)

// TestEnglishWords checks english.txt and the parser's errors.
func TestEnglishWords(t *testing.T) {
	w, err := parseEnglishWords(englishFile)
	if err != nil {
		t.Fatal(err)
	}
	if !w.title["colonel"] || !w.orgHead["regiment"] || !w.given["john"] || !w.notAcronym["id"] {
		t.Error("english.txt lacks words it should hold")
	}
	for _, bad := range []string{"nokind word", "title", "title Lord", "title lord lord", "party whigs"} {
		if _, err := parseEnglishWords(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

// TestEnglishCandidates: the kinds of English names the gazetteer lacks
// (sentences written for the test).
func TestEnglishCandidates(t *testing.T) {
	p := NewPipeline()
	tests := []struct {
		text string
		want []string // "Type:name" of the entities expected, among others
		not  []string // names that must not be entities
	}{
		{"Officials at the Ministry of Agriculture met farmers on Monday.",
			[]string{"Organization:Ministry of Agriculture"}, []string{"Ministry"}},
		{"The Foreign Office said the talks would go on.",
			[]string{"Organization:Foreign Office"}, []string{"Office"}},
		{"Troops of the Royal Welsh Regiment left the base.",
			[]string{"Organization:Royal Welsh Regiment"}, nil},
		{"The vote split Socialists and Nationalists on the budget.",
			[]string{"Organization:Socialists", "Organization:Nationalists"}, nil},
		// the American parties by their members' nouns (the gazetteer)
		{"The vote split Democrats and Republicans on the budget.",
			[]string{"Organization:Democratic Party (United States)", "Organization:Republican Party (United States)"}, nil},
		{"Earlier, Republican Robert Dole said he would vote against it.",
			[]string{"Organization:Republican Party (United States)", "Person:Bob Dole"}, nil}, // the name he is known by (the project's lists)
		{"The motion was debated in the House of Lords yesterday.",
			[]string{"Organization:House of Lords"}, nil},
		{"The report was written by Major General Tim Cross, who said so.",
			[]string{"Person:Tim Cross"}, nil},
		{"Retired Admiral Alan West spoke first and Dame Stella Rimington later.",
			[]string{"Person:Alan West", "Person:Stella Rimington"}, nil},
		{"The charity Oxfam warned of famine.",
			[]string{"Organization:Oxfam"}, nil},
		{"He wrote to the Financial Times newspaper about it.",
			[]string{"Organization:Financial Times"}, nil},
		{"The attack was claimed by the ETA, the police said.",
			[]string{"Organization:ETA"}, nil},
		{"They have weapons of mass destruction, and WMD are a threat. We WILL NOT give in.",
			nil, []string{"WMD", "WILL", "NOT"}},
		{"He said ID cards and a CCTV camera would not help.",
			nil, []string{"ID", "CCTV"}},
		{"Talks on the Bank of England rate ended.",
			[]string{"Organization:Bank of England"}, []string{"England"}},
		{"Drought hit West Africa and Central Asia this year.",
			[]string{"Location:West Africa", "Location:Central Asia"}, []string{"Africa"}},
		{"The raid was blamed on Hamas, Hezbollah, Jaysh al-Umma and Saraya al-Quds.",
			[]string{"Organization:Jaysh al-Umma"}, nil},
		{"However, Mr Brown said no.",
			[]string{"Person:Brown"}, []string{"However"}},
		{"But Tarquin Fintimlinbin, a senior economist at the bank, disagreed.",
			[]string{"Person:Tarquin Fintimlinbin"}, []string{"But Tarquin Fintimlinbin"}},
		{"In his book, Fortress Europe, Henry Smith argues otherwise.",
			nil, []string{"Fortress Europe"}},
		{"At Prime Minister's Questions he praised the Royal Navy and the Church of England.",
			[]string{"Organization:Royal Navy", "Organization:Church of England"}, []string{"Questions", "England"}},
		{"The GCSE results and the PFI deals were criticised by the SNP.",
			[]string{"Organization:Scottish National Party"}, []string{"GCSE", "PFI"}},
		{"Shares in General Motors fell.", // a title word opens the organisation's name
			[]string{"Organization:General Motors"}, []string{"Motors"}},
		{"The EU's ministers and the UK's envoy met.",
			[]string{"Organization:European Union", "Location:United Kingdom"}, nil},
	}
	for _, tc := range tests {
		x, err := p.Extract(context.Background(), &model.Article{ID: "t", Lang: "en", Text: tc.text})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]bool{}
		names := map[string]bool{}
		for _, e := range x.Entities {
			got[e.Type+":"+e.Name] = true
			for _, m := range e.Mentions {
				names[m.Text] = true
			}
		}
		for _, w := range tc.want {
			if !got[w] {
				t.Errorf("%q: no %s; got %v", tc.text, w, keys(got))
			}
		}
		for _, n := range tc.not {
			if names[n] {
				t.Errorf("%q: %q is an entity; got %v", tc.text, n, keys(got))
			}
		}
	}
}

func keys(m map[string]bool) string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return strings.Join(out, ", ")
}
