package arabic

import "testing"

func TestInvisibleFolded(t *testing.T) {
	for _, s := range []string{"بو\u200fتين", "\u202bبوتين\u202c", "بو\u200cتين\u2069", "بوتين\u00ad"} {
		if got := MatchForm(s); got != MatchForm("بوتين") {
			t.Errorf("MatchForm(%q) = %q", s, got)
		}
		if got := Normalize(s); got != "بوتين" {
			t.Errorf("Normalize(%q) = %q", s, got)
		}
	}
}
