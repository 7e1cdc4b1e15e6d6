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

// TestIsMatchForm checks the shortcut of MatchForm: a string it takes as
// its own match form is one.
func TestIsMatchForm(t *testing.T) {
	for _, s := range []string{"", " ", "a", "A", "ab cd", "ab  cd", " ab", "ab ", "ab\tcd", "ab\ncd", "x`y",
		"بوتين", "محمد بن سلمان", "أحمد", "مدرسة", "على", "مسؤول", "رئيس  الوزراء", "بوتين ", "مُحمد", "ـمحمد",
		"G20", "كوفيد19", "٣٫٥", "«الرياض»", "ک", "\u0675", "بو\u200fتين", "a\u00a0b", "\xff", "ab\x01"} {
		want := buildMatchForm(s)
		if isMatchForm(s) && want != s {
			t.Errorf("isMatchForm(%q), but its match form is %q", s, want)
		}
		if got := MatchForm(s); got != want {
			t.Errorf("MatchForm(%q) = %q, want %q", s, got, want)
		}
	}
}

// FuzzIsMatchForm checks the shortcut of MatchForm on any string.
func FuzzIsMatchForm(f *testing.F) {
	for _, s := range []string{"", "ab cd", "محمد بن سلمان", "أحمد ", "x\ty"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if isMatchForm(s) && buildMatchForm(s) != s {
			t.Errorf("isMatchForm(%q), but its match form is %q", s, buildMatchForm(s))
		}
	})
}
