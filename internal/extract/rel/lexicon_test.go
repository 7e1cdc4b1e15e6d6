package rel

import (
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/text/segment"
)

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

// TestCueReadings checks which relation types a word evokes as a cue of
// the model's features: the clitics, the accusative alif and the
// feminine read off the lexicon's words, and no reading that the word's
// article, its ة or a hamza rules out.
func TestCueReadings(t *testing.T) {
	for _, c := range []struct {
		word string
		want string // the cue's relation types, space-separated; "" none
	}{
		{"دعما", "SUPPORTED"},        // the accusative of دعم
		{"اجتماعا", "MET_WITH"},      // of اجتماع
		{"مستشارا", "OFFICIAL_OF"},   // of مستشار
		{"المستشارة", "OFFICIAL_OF"}, // the feminine of مستشار
		{"القتل", "KILLED"},          // a verbal noun written as the perfect
		{"وأشاد", "PRAISED"},         // a trigger with و
		{"هنأ", "PRAISED"},           // written with its hamza
		{"هنا", ""},                  // "here"
		{"هناك", ""},                 // "there", no هنأ + ك
		{"الاجتماعي", ""},            // "social", no اجتماع + ي
		{"التركي", ""},               // "Turkish", no ترك + ي
		{"تركيا", ""},                // Turkey
		{"اجتماعيا", ""},             // "socially"
		{"وزارة", ""},                // "ministry", no زار + ه
		{"الجمعة", ""},               // Friday
		{"التقدم", ""},               // "progress", no تقدم "she presents"
		{"أيدي", ""},                 // "hands", no أيد + ي
		{"القدم", ""},                // ar_not_cue: "the foot"
		{"للمؤسسة", ""},              // ar_not_cue with a preposition
		{"نجدها", ""},                // "we find it", no نجدة
	} {
		d := handDoc(t, c.word+" .")
		x := newExtractor(d)
		got := strings.Join(x.cues(0), " ")
		if got != c.want {
			t.Errorf("%s: cues %q, want %q", c.word, got, c.want)
		}
	}
}

// TestTriggerNeedsWord: a trigger that needs a word after it (قوات for
// نشر, sanctions for imposed) is a trigger of the features only with it.
func TestTriggerNeedsWord(t *testing.T) {
	for _, c := range []struct {
		text, want string
	}{
		{"نشرت روسيا قوات في سوريا .", "DEPLOYED_TROOPS_IN"},
		{"نشرت الصحيفة تقريرا عن سوريا .", ""},
		{"فرضت واشنطن عقوبات على إيران .", "IMPOSED_SANCTIONS_ON"},
		{"فرضت الظروف واقعا جديدا .", ""},
	} {
		x := newExtractor(handDoc(t, c.text))
		got := ""
		if tr := x.trigAt(0); tr != nil {
			got = tr.pred
		}
		if got != c.want {
			t.Errorf("%s: trigger %q, want %q", c.text, got, c.want)
		}
	}
}

// TestEnCueReadings: English cue words in their inflected forms.
func TestEnCueReadings(t *testing.T) {
	for _, c := range []struct{ word, want string }{
		{"accusing", "ACCUSED"},            // accuse
		{"praised", "PRAISED"},             // praise
		{"urged", "CALLED_ON"},             // urge
		{"banned", "IMPOSED_SANCTIONS_ON"}, // ban
		{"state", ""},                      // a noun far more often
		{"left", ""},                       // a direction
	} {
		text := "They " + c.word + " it."
		d := &Doc{Text: text, Lang: "en", Sentences: segment.Sentences(text), Tokens: segment.Tokenize(text)}
		x := newExtractor(d)
		if got := strings.Join(x.cues(1), " "); got != c.want {
			t.Errorf("%s: cues %q, want %q", c.word, got, c.want)
		}
	}
}
