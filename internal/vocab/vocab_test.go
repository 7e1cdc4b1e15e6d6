package vocab

import "testing"

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
