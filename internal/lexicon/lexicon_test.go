package lexicon

import (
	"slices"
	"strings"
	"testing"
)

// TestEmbedded: the embedded files are valid and hold what rel needs.
func TestEmbedded(t *testing.T) {
	l, err := Parse(triggersFile, titlesFile, wordsFile)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.ArTriggers) < 20 || len(l.EnTriggers) < 20 || len(l.ArTitles) < 20 || len(l.EnTitles) < 10 || len(l.ArActionNouns) < 20 {
		t.Errorf("suspiciously small lexicon: %d ar and %d en triggers, %d ar and %d en titles, %d action nouns",
			len(l.ArTriggers), len(l.EnTriggers), len(l.ArTitles), len(l.EnTitles), len(l.ArActionNouns))
	}
	if Get() == nil {
		t.Fatal("Get returned nil")
	}
	// cues: the triggers are among them, and the cues section adds more
	if !slices.Contains(l.ArOffices["وزير"], "FOREIGN_MINISTER_OF") || !slices.Contains(l.EnOffices["ambassador"], "AMBASSADOR_TO") {
		t.Errorf("offices: وزير %v, ambassador %v", l.ArOffices["وزير"], l.EnOffices["ambassador"])
	}
	if len(l.ArCues) < 500 || len(l.EnCues) < 150 {
		t.Errorf("suspiciously few cues: %d ar, %d en", len(l.ArCues), len(l.EnCues))
	}
	for form, want := range map[string]string{"لقاء": "MET_WITH", "يلتقي": "MET_WITH", "زياره": "VISITED", "اغتيال": "KILLED"} {
		if !slices.Contains(l.ArCues[form], want) {
			t.Errorf("ArCues[%s] = %v, want %s among them", form, l.ArCues[form], want)
		}
	}
	if !slices.Contains(l.EnCues["talks"], "MET_WITH") || !slices.Contains(l.EnCues["talks"], "NEGOTIATED_WITH") {
		t.Errorf("EnCues[talks] = %v", l.EnCues["talks"])
	}
	// every class a trigger names exists (Parse checks) and speech verbs
	// are STATED ones
	for _, tr := range append(append([]Trigger{}, l.ArTriggers...), l.EnTriggers...) {
		if tr.Speech && tr.Pred != "STATED" {
			t.Errorf("%s: a speech verb that does not state", tr.Pred)
		}
	}
}

// TestVerbForms: a PERFECT/IMPERFECT line expands to the third-person forms.
func TestVerbForms(t *testing.T) {
	got := strings.Join(VerbForms("أكد", "ؤكد"), " ")
	want := "اكد اكدت اكدوا اكدا اكدتا يوكد يوكدون يوكدان توكد توكدون توكدان نوكد نوكدون نوكدان"
	if got != want {
		t.Errorf("VerbForms = %s\nwant %s", got, want)
	}
	l := Get()
	var said *Trigger
	for i := range l.ArTriggers {
		if slices.Contains(l.ArTriggers[i].Forms, "قال") {
			said = &l.ArTriggers[i]
		}
	}
	if said == nil || said.Pred != "STATED" || !said.Speech || !slices.Contains(said.Forms, "يقولون") || !slices.Contains(said.Forms, "مشيرا") {
		t.Errorf("قال/قول: %+v", said)
	}
}

// TestParseRejects: a misspelt predicate, an unknown field or a malformed
// word fails instead of vanishing.
func TestParseRejects(t *testing.T) {
	const okTriggers = "ar:\n  - {pred: STATED, conf: 0.5, words: [قال/قول]}\nen:\n  - {pred: STATED, conf: 0.5, words: [said]}\n"
	const okOffices = "offices:\n  ar:\n    PRESIDENT_OF: رئيس\n  en:\n    PRESIDENT_OF: president\n"
	const okTitles = "ar:\n  - {pred: PRESIDENT_OF, phrases: [الرئيس]}\nen:\n  - {pred: PRESIDENT_OF, phrases: [president]}\n" + okOffices
	const okWords = "classes:\n  ar_in: في\n" +
		"calendar:\n  ar_days: [a, b, c, d, e, f, g]\n  en_days: [a, b, c, d, e, f, g]\n" +
		"  ar_months: [a, b, c, d, e, f, g, h, i, j, k, l]\n  en_months: [a, b, c, d, e, f, g, h, i, j, k, l]\n" +
		"  ar_ordinals: [a, b, c, d, e, f, g, h, i, j]\n"
	if _, err := Parse([]byte(okTriggers), []byte(okTitles), []byte(okWords)); err != nil {
		t.Fatalf("the minimal files are rejected: %v", err)
	}
	en := "en:\n  - {pred: STATED, conf: 0.5, words: [said]}\n"
	ar := "ar:\n  - {pred: STATED, conf: 0.5, words: [قال/قول]}\n"
	for _, c := range []struct{ name, file, text, want string }{
		{"unknown predicate", "triggers", "ar:\n  - {pred: STATES, conf: 0.5, words: [قال/قول]}\n" + en, `"STATES" is no relation type`},
		{"lower-case predicate", "triggers", ar + "en:\n  - {pred: stated, conf: 0.5, words: [said]}\n", "no relation type"},
		{"no predicate", "triggers", "ar:\n  - {conf: 0.5, words: [قال/قول]}\n" + en, "no pred"},
		{"unknown field", "triggers", "ar:\n  - {pred: STATED, conf: 0.5, word: [قال/قول]}\n" + en, "field word not found"},
		{"misspelt flag", "triggers", "ar:\n  - {pred: STATED, conf: 0.5, speach: true, words: [قال/قول]}\n" + en, "field speach not found"},
		{"no confidence", "triggers", "ar:\n  - {pred: STATED, words: [قال/قول]}\n" + en, "confidence in (0, 1]"},
		{"confidence above 1", "triggers", "ar:\n  - {pred: STATED, conf: 5, words: [قال/قول]}\n" + en, "confidence in (0, 1]"},
		{"confidence not a number", "triggers", "ar:\n  - {pred: STATED, conf: high, words: [قال/قول]}\n" + en, "cannot unmarshal"},
		{"no words", "triggers", "ar:\n  - {pred: STATED, conf: 0.5}\n" + en, "no words"},
		{"verb without imperfect", "triggers", "ar:\n  - {pred: STATED, conf: 0.5, words: [قال/]}\n" + en, "PERFECT/IMPERFECT"},
		{"latin word in Arabic", "triggers", "ar:\n  - {pred: STATED, conf: 0.5, words: [said]}\n" + en, "no Arabic word"},
		{"capitalised English", "triggers", ar + "en:\n  - {pred: STATED, conf: 0.5, words: [Said]}\n", "lower-case words"},
		{"English phrase too long", "triggers", ar + "en:\n  - {pred: MET_WITH, conf: 0.5, words: [held long and hard talks with]}\n", "one to four"},
		{"object type the relation lacks", "triggers", "ar:\n  - {pred: VISITED, object: Person, conf: 0.5, words: [زار]}\n" + en, `object "Person"`},
		{"unknown entity type", "triggers", "ar:\n  - {pred: VISITED, object: Place, conf: 0.5, words: [زار]}\n" + en, `object "Place"`},
		{"unknown class", "triggers", "ar:\n  - {pred: VISITED, preps: \"@ar_into\", conf: 0.5, words: [زار]}\n" + en, `no class "ar_into"`},
		{"form in two entries", "triggers", "ar:\n  - {pred: STATED, conf: 0.5, words: [قال/قول]}\n  - {pred: ACCUSED, conf: 0.5, words: [قالت]}\n" + en, "also a form of entry 1"},
		{"no English", "triggers", ar, "both ar and en"},
		{"not a list", "triggers", "ar: STATED\n" + en, "cannot unmarshal"},
		{"bad YAML", "triggers", "ar:\n  - {pred: STATED, conf: 0.5, words: [قال/قول\n" + en, "yaml"},
		{"empty", "triggers", "", "empty file"},
		{"action noun of an unknown predicate", "triggers", okTriggers + "ar_nouns:\n  ATACKED: الهجوم\n", `"ATACKED" is no relation type`},
		{"action noun twice", "triggers", okTriggers + "ar_nouns:\n  ATTACKED: الهجوم\n  THREATENED: الهجوم\n", "also a noun of"},
		{"light verb that is a trigger", "triggers", okTriggers + "ar_nouns:\n  VISITED: زيارة\nar_noun_objects:\n  VISITED: إلى\nar_light_verbs:\n  {conf: 0.5, nouns: VISITED, words: [قال/قول]}\n", "also a form of a trigger of STATED"},
		{"light verb of a noun without objects", "triggers", okTriggers + "ar_nouns:\n  VISITED: زيارة\nar_light_verbs:\n  {conf: 0.5, nouns: VISITED, words: [قام/قوم]}\n", "VISITED has no ar_noun_objects"},
		{"light speech verb that is no speech trigger", "triggers", okTriggers + "ar_nouns:\n  VISITED: زيارة\nar_noun_objects:\n  VISITED: إلى\nar_light_verbs:\n  {conf: 0.5, nouns: VISITED, words: [قام/قوم], speech: [زار]}\n", "no form of a speech trigger"},
		{"light by_person of another type", "triggers", okTriggers + "ar_nouns:\n  VISITED: زيارة\nar_noun_objects:\n  VISITED: إلى\nar_light_verbs:\n  {conf: 0.5, nouns: VISITED, words: [قام/قوم], by_person: {ATTACKED: CRITICIZED}}\n", "ATTACKED is none of the nouns' types"},
		{"light verb without nouns", "triggers", okTriggers + "ar_light_verbs:\n  {conf: 0.5, words: [قام/قوم]}\n", "want words and nouns"},
		{"cue of an unknown predicate", "triggers", okTriggers + "cues:\n  ar:\n    MEETS: لقاء\n", `cues ar: pred "MEETS" is no relation type`},
		{"cue twice", "triggers", okTriggers + "cues:\n  ar:\n    MET_WITH: لقاء لقاء\n", "listed twice"},
		{"latin cue in Arabic", "triggers", okTriggers + "cues:\n  ar:\n    MET_WITH: meeting\n", "no Arabic word"},
		{"capitalised English cue", "triggers", okTriggers + "cues:\n  en:\n    MET_WITH: Meeting\n", "no lower-case English word"},
		{"unknown cue language", "triggers", okTriggers + "cues:\n  fr:\n    MET_WITH: réunion\n", "field fr not found"},
		{"title of an unknown predicate", "titles", "ar:\n  - {pred: PRESIDENT, phrases: [الرئيس]}\nen:\n  - {pred: PRESIDENT_OF, phrases: [president]}\n", `"PRESIDENT" is no relation type`},
		{"title of an action", "titles", "ar:\n  - {pred: MET_WITH, phrases: [الرئيس]}\nen:\n  - {pred: PRESIDENT_OF, phrases: [president]}\n", "no structural relation"},
		{"title without phrases", "titles", "ar:\n  - {pred: PRESIDENT_OF}\nen:\n  - {pred: PRESIDENT_OF, phrases: [president]}\n", "no phrases"},
		{"misspelt title flag", "titles", "ar:\n  - {pred: LEADER_OF, orgs: true, phrases: [زعيم]}\nen:\n  - {pred: PRESIDENT_OF, phrases: [president]}\n", "field orgs not found"},
		{"capitalised English title", "titles", "ar:\n  - {pred: PRESIDENT_OF, phrases: [الرئيس]}\nen:\n  - {pred: PRESIDENT_OF, phrases: [President]}\n", "bad phrase"},
		{"office of an action", "titles", strings.Replace(okTitles, "    PRESIDENT_OF: رئيس", "    MET_WITH: لقاء", 1), "MET_WITH is no structural relation"},
		{"office of an unknown predicate", "titles", strings.Replace(okTitles, "    PRESIDENT_OF: president", "    PRESIDENT: president", 1), `"PRESIDENT" is no relation type`},
		{"office word twice", "titles", strings.Replace(okTitles, "    PRESIDENT_OF: رئيس", "    PRESIDENT_OF: رئيس الرئيس", 1), "listed twice"},
		{"no offices", "titles", strings.Replace(okTitles, okOffices, "", 1), "want offices"},
		{"bad class name", "words", strings.Replace(okWords, "ar_in", "In", 1), `class "In"`},
		{"word twice in a class", "words", strings.Replace(okWords, "ar_in: في", "ar_in: في في", 1), "listed twice"},
		{"empty class", "words", strings.Replace(okWords, "ar_in: في", "ar_in: \"\"", 1), "no words"},
		{"short calendar list", "words", strings.Replace(okWords, "[a, b, c, d, e, f, g]", "[a, b, c]", 1), "3 items, want 7"},
		{"unknown calendar list", "words", okWords + "  en_seasons: [a]\n", `unknown list "en_seasons"`},
		{"missing calendar list", "words", strings.Replace(okWords, "  ar_ordinals: [a, b, c, d, e, f, g, h, i, j]\n", "", 1), "ar_ordinals missing"},
		{"two words as one item", "words", strings.Replace(okWords, "[a, b, c, d, e, f, g]", "[a b, b, c, d, e, f, g]", 1), "not one word"},
		{"unknown section", "words", okWords + "months: [x]\n", "field months not found"},
	} {
		tr, ti, wo := okTriggers, okTitles, okWords
		switch c.file {
		case "triggers":
			tr = c.text
		case "titles":
			ti = c.text
		case "words":
			wo = c.text
		}
		_, err := Parse([]byte(tr), []byte(ti), []byte(wo))
		if err == nil {
			t.Errorf("%s: accepted", c.name)
			continue
		}
		if !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), c.file+".yaml: ") {
			t.Errorf("%s: error %q, want %s.yaml: ...%s...", c.name, err, c.file, c.want)
		}
	}
}
