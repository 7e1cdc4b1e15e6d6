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

// TestMatchFormPrefix checks the shortcut of MatchForm: the prefix it
// keeps is its own match form, and the form built from there is the one
// built from the start.
func TestMatchFormPrefix(t *testing.T) {
	for _, s := range []string{"", " ", "a", "A", "ab cd", "ab  cd", " ab", "ab ", "ab\tcd", "ab\ncd", "x`y",
		"بوتين", "محمد بن سلمان", "أحمد", "مدرسة", "على", "مسؤول", "رئيس  الوزراء", "بوتين ", "مُحمد", "ـمحمد",
		"G20", "كوفيد19", "٣٫٥", "«الرياض»", "ک", "\u0675", "بو\u200fتين", "a\u00a0b", "\xff", "ab\x01", "ا\u0653"} {
		checkMatchFormPrefix(t, s)
	}
}

func checkMatchFormPrefix(t *testing.T, s string) {
	t.Helper()
	want := buildMatchForm(s, 0)
	i := matchFormPrefix(s)
	if i > len(s) || buildMatchForm(s[:i], 0) != s[:i] {
		t.Fatalf("MatchForm(%q) keeps %q as it is, whose match form is %q", s, s[:min(i, len(s))], buildMatchForm(s[:min(i, len(s))], 0))
	}
	if got := MatchForm(s); got != want {
		t.Fatalf("MatchForm(%q) = %q, want %q", s, got, want)
	}
}

// FuzzMatchForm checks the shortcut of MatchForm on any string.
func FuzzMatchForm(f *testing.F) {
	for _, s := range []string{"", "ab cd", "محمد بن سلمان", "أحمد ", "x\ty", "مدرسة  الرياض"} {
		f.Add(s)
	}
	f.Fuzz(checkMatchFormPrefix)
}

func TestIsAccusative(t *testing.T) {
	for _, c := range []struct {
		word string
		acc  bool
	}{
		{"سعودًا", true},
		{"سعوداً", true}, // the tanween written after the alif
		{"شهرياً", true},
		{"ثريًّا", true}, // a shadda too
		{"سعودا", false}, // no tanween: a name may end in alif
		{"رضا", false},
		{"بًا", false}, // too short
		{"ًا", false},
		{"", false},
		{"Cuba", false},
	} {
		if got := IsAccusative(c.word); got != c.acc {
			t.Errorf("IsAccusative(%q) = %v, want %v", c.word, got, c.acc)
		}
	}
}
