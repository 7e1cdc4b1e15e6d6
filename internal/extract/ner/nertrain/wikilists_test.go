package nertrain

import (
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/extract/ner/internal/core"
	lex "github.com/kg-project/kg/internal/lexicon"
)

func TestWikiType(t *testing.T) {
	types := map[string]string{}
	for _, w := range lex.ClassAsWritten("ar_person_description") {
		types[core.BaseForm(w)] = core.ListWikiPER
	}
	for _, w := range strings.Fields(wikiPlaceWords) {
		types[core.BaseForm(w)] = core.ListWikiLOC
	}
	for _, w := range strings.Fields(wikiOrgWords) {
		types[core.BaseForm(w)] = core.ListWikiORG
	}
	for _, c := range []struct {
		title, text, want string
	}{
		{"فخري عبد النور", "فخري عبد النور بك (15 يونيو 1881-9 ديسمبر 1942) سياسي مصري. ولد في جرجا.", core.ListWikiPER},
		{"مصطفى حجازي", "مصطفى حجازي أكاديمي ومفكر مصري.", core.ListWikiPER},
		{"خالد علي", "خالد علي هو محام وسياسي مصري وعضو في الجبهة الاشتراكية.", core.ListWikiPER},
		{"أبو رديس", "أبو رديس مدينة مصرية تتبع جنوب سيناء.", core.ListWikiLOC},
		{"لاهيجان", "لاهیجان (والنسب اللاهيجي) هي مدينة إيرانية تقع في محافظة الكيلان.", core.ListWikiLOC},
		{"جامعة فيينا", "جامعة فيينا (بالألمانية:Universität Wien) هي جامعة حكومية.", core.ListWikiORG},
		{"قناة الجديد", "قناة الجديد هي قناة فضائية لبنانية.", core.ListWikiORG},
		{"سد النهضة", "سد النهضة أو سد الألفية الكبير هو سد إثيوبي قيد البناء.", ""},
		// years in brackets make a person; a place word then is no type
		{"بوريس", "بوريس (1964) مدينة", ""},
	} {
		if got := wikiType(c.text, len(strings.Fields(c.title)), types); got != c.want {
			t.Errorf("%s: %q, want %q", c.title, got, c.want)
		}
	}
}

func TestRecallBySeen(t *testing.T) {
	tg := mustDefault(t)
	train := []Sentence{{Tokens: []string{"زار", "بوتين", "موسكو"}, Tags: []string{"O", "B-PERS", "B-LOC"}}}
	dev := []Sentence{{Tokens: []string{"وقال", "الرئيس", "بوتين", "إن", "روسيا", "مستعدة", "."}, Tags: []string{"O", "O", "B-PERS", "O", "B-LOC", "O", "O"}}}
	seen, unseen := RecallBySeen(tg, dev, train)
	if seen.Gold != 1 || unseen.Gold != 1 {
		t.Fatalf("seen %+v, unseen %+v: want one gold entity each", seen, unseen)
	}
	if seen.Recall != 1 {
		t.Errorf("بوتين after الرئيس not found: %+v", seen)
	}
}
