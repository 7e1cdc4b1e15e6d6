package rel

import "testing"

// TestTriggerTables: the tables built from the lexicon keep its semantics
// (a direct object is a nil preps set; a phrase's first word is known).
func TestTriggerTables(t *testing.T) {
	for form, want := range map[string]struct {
		pred          string
		preps, speech bool
	}{"قال": {"STATED", false, true}, "يقولون": {"STATED", false, true}, "اجتمعت": {"MET_WITH", true, false}, "ندد": {"CONDEMNED", true, false}, "زارت": {"VISITED", false, false}} {
		tr := arTriggers[form]
		if tr == nil || tr.pred != want.pred || (tr.preps != nil) != want.preps || tr.speech != want.speech {
			t.Errorf("%s: %+v, want %+v", form, tr, want)
		}
	}
	if tr := enTriggers["called_on"]; tr == nil || tr.pred != "CALLED_ON" || !enPhraseFirst["called"] {
		t.Errorf("called on: %+v", tr)
	}
	if tr := arTriggers["نشروا"]; tr == nil || !tr.needs["قوات"] || !tr.preps["في"] || !tr.preps["ب"] || tr.objTypes != "Location" {
		t.Errorf("نشروا: %+v", tr)
	}
	if months["ابريل"] != 4 || months["may"] != 5 || arDays["الاثنين"] != 1 || arOrd["الثالث"] != 3 {
		t.Error("calendar words not read")
	}
}
