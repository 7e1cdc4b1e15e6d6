package arabic

import "testing"

func TestScript(t *testing.T) {
	for _, tc := range []struct {
		s              string
		script, letter bool
	}{
		{"Putin", false, false}, {"بوتين", true, true}, {"٢٠١٥", true, false}, {"،", true, false},
		{"Putin بوتين", true, true}, {"", false, false},
	} {
		if got := HasScript(tc.s); got != tc.script {
			t.Errorf("HasScript(%q) = %v", tc.s, got)
		}
		if got := HasLetter(tc.s); got != tc.letter {
			t.Errorf("HasLetter(%q) = %v", tc.s, got)
		}
	}
	for s, want := range map[string]bool{"بوتين": true, "": false, "بوتين ": false, "بوتينُ": false, "پوتين": false, "Putin": false} {
		if got := AllLetters(s); got != want {
			t.Errorf("AllLetters(%q) = %v", s, got)
		}
	}
	if m := WordSet(" a  b\nc a "); len(m) != 3 || !m["a"] || !m["c"] {
		t.Errorf("WordSet = %v", m)
	}
}
