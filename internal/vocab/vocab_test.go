package vocab

import (
	"strings"
	"testing"
)

func TestVocabulary(t *testing.T) {
	required := []string{"PRESIDENT_OF", "PRIME_MINISTER_OF", "KING_OF", "FOREIGN_MINISTER_OF",
		"MINISTER_OF", "LEADER_OF", "SPOKESPERSON_FOR", "OFFICIAL_OF", "AMBASSADOR_TO", "MEMBER_OF", "LEADS",
		"LOCATED_IN", "CAPITAL_OF", "PART_OF", "ADDRESSED", "STATED", "COMMENTED_ON", "MET_WITH", "VISITED",
		"HOSTED", "CALLED_ON", "REQUESTED_ASSISTANCE_FROM", "PRAISED", "SUPPORTED", "AGREED_WITH",
		"SIGNED_AGREEMENT_WITH", "NEGOTIATED_WITH", "PROVIDED_AID_TO", "CONDEMNED", "CRITICIZED", "ACCUSED",
		"REJECTED", "THREATENED", "PROTESTED_AGAINST", "DEPLOYED_TROOPS_IN", "WITHDREW_FROM",
		"IMPOSED_SANCTIONS_ON", "ARRESTED", "ATTACKED", "FOUGHT", "KILLED"}
	for _, n := range required {
		r, ok := Get(n)
		if !ok {
			t.Errorf("missing %s", n)
			continue
		}
		if r.Definition == "" || len(r.Subject) == 0 || len(r.Object) == 0 || len(r.Examples["ar"]) == 0 || len(r.Examples["en"]) == 0 {
			t.Errorf("%s: incomplete entry %+v", n, r)
		}
		if r.Group != "structural" && r.Group != "action" {
			t.Errorf("%s: group %q", n, r.Group)
		}
	}
	for _, bad := range []string{"", "addressed", "ADDRESSED]->(x) DETACH DELETE x //", "FOO"} {
		if Valid(bad) {
			t.Errorf("Valid(%q) = true", bad)
		}
	}
}

// TestExamples: every relation has examples in both languages, each a
// sentence with both names.
func TestExamples(t *testing.T) {
	n := 0
	for _, r := range All() {
		for _, lang := range Languages {
			if len(r.Examples[lang]) == 0 {
				t.Errorf("%s: no %s example", r.Name, lang)
			}
			n += len(r.Examples[lang])
		}
	}
	if n < 100 {
		t.Errorf("only %d examples", n)
	}
}

// TestParseRejects: a broken entry fails the vocabulary instead of
// vanishing.
func TestParseRejects(t *testing.T) {
	const head = "version: 1\nrelations:\n  - name: MET_WITH\n    group: action\n    definition: d\n    subject: [Person]\n    object: [Person, Location]\n"
	ok := head + "    examples: {ar: [{text: t, subject: A, object: B, types: [Person, Location]}]}\n"
	if _, err := parse([]byte(ok)); err != nil {
		t.Fatalf("a good file is rejected: %v", err)
	}
	for _, c := range []struct{ name, text, want string }{
		{"bad name", strings.Replace(ok, "MET_WITH", "met_with", 1), "bad relation name"},
		{"bad group", strings.Replace(ok, "group: action", "group: actions", 1), `group "actions"`},
		{"unknown entity type", strings.Replace(ok, "subject: [Person]", "subject: [Human]", 1), `unknown entity type "Human"`},
		{"unknown field", strings.Replace(ok, "definition:", "defintion:", 1), "field defintion not found"},
		{"example field misspelt", strings.Replace(ok, "subject: A", "subj: A", 1), "field subj not found"},
		{"example without object", strings.Replace(ok, ", object: B", "", 1), "names of the subject and the object"},
		{"example without text", strings.Replace(ok, "text: t, ", "", 1), "no text"},
		{"example subject type the relation lacks", strings.Replace(ok, "types: [Person, Location]", "types: [Location, Location]", 1), `subject type "Location"`},
		{"example object type the relation lacks", strings.Replace(ok, "types: [Person, Location]", "types: [Person, Organization]", 1), `object type "Organization"`},
		{"example with one type", strings.Replace(ok, "types: [Person, Location]", "types: [Person]", 1), "want [SUBJECT_TYPE, OBJECT_TYPE]"},
		{"example language", strings.Replace(ok, "{ar:", "{fr:", 1), `unknown language "fr"`},
		{"examples as phrases", strings.Replace(ok, "[{text: t, subject: A, object: B, types: [Person, Location]}]", "[\"met\"]", 1), "cannot unmarshal"},
		{"duplicate", ok + strings.TrimPrefix(ok, "version: 1\nrelations:\n"), "duplicate relation"},
		{"unknown kind of place", strings.Replace(ok, "    subject: [Person]\n", "    subject: [Person]\n    subject_not: [city]\n", 1), `unknown kind of place "city"`},
	} {
		_, err := parse([]byte(c.text))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.name, err, c.want)
		}
	}
}
