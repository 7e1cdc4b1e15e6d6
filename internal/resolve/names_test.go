package resolve

import (
	"strings"
	"testing"
)

func TestNamesFile(t *testing.T) {
	if _, err := parseWordLists(namesFile); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"title", "nonsense word", "chain two words", "chain بن\nchain بن",
		"compound ابو\ncase ابي", "case ابي ابو", "letters غ", "letters غج ق", "letters غ ج\nletters ج ك", "vowels ا\nletters ا ب"} {
		if _, err := parseWordLists(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

func TestParseName(t *testing.T) {
	tests := []struct {
		form          string
		words         string
		given, family string
		chain, arabic bool
	}{
		{"عادل بن أحمد الفلاني", "عادل بن احمد الفلاني", "عادل", "الفلاني", true, true},
		{"الأمير فيصل بن نواف", "فيصل بن نواف", "فيصل", "", true, true},
		{"آية الله حسن الموسوي", "حسن الموسوي", "حسن", "الموسوي", false, true},
		{"عبد الرحمن أبو زيد", "عبدالرحمن ابوزيد", "عبدالرحمن", "ابوزيد", false, true},
		{"ابن خلدون", "ابنخلدون", "ابنخلدون", "", false, true},
		{"الرئيس", "الرييس", "الرييس", "", false, true}, // a title alone stays a name
		{"Saud al-Faisal", "saud faisal", "saud", "faisal", false, false},
		{"Mohammad bin Nayef", "mohammad bin nayef", "mohammad", "", true, false},
		{"President Rami Haddad's", "rami haddad", "rami", "haddad", false, false},
		{"القرني", "القرني", "القرني", "", false, true},
		{"أنا فاتن حمامة", "فاتن حمامه", "فاتن", "حمامه", false, true},
		{"الملك سلمان بن عبدالعزيز آل سعود", "سلمان بن عبدالعزيز سعود", "سلمان", "", true, true}, // a dynasty is no family name alone
		{"خالد آل خليفة", "خالد خليفه", "خالد", "", false, true},
		{"أبي خالد الزيدي", "ابوخالد الزيدي", "ابوخالد", "الزيدي", false, true}, // the kunya in the genitive
		{"أبا خالد", "ابوخالد", "ابوخالد", "", false, true},
		{"أبي", "ابي", "ابي", "", false, true}, // "my father" alone is no kunya
	}
	for _, tc := range tests {
		p, ok := parseName(tc.form)
		if !ok {
			t.Errorf("%q: not a name", tc.form)
			continue
		}
		if got := strings.Join(p.words, " "); got != tc.words || p.given != tc.given || p.family != tc.family || p.chain != tc.chain || p.arabic != tc.arabic {
			t.Errorf("%q: words %q given %q family %q chain %v arabic %v; want %q %q %q %v %v",
				tc.form, got, p.given, p.family, p.chain, p.arabic, tc.words, tc.given, tc.family, tc.chain, tc.arabic)
		}
	}
	for _, junk := range []string{"", "  ", "..", "«»"} {
		if _, ok := parseName(junk); ok {
			t.Errorf("%q parsed as a name", junk)
		}
	}
}

func TestVariantWords(t *testing.T) {
	never := func() bool { return false }
	always := func() bool { return true }
	tests := []struct {
		a, b   string
		vowels func() bool
		want   bool
	}{
		{"غابريال", "جابريل", always, true},  // غ/ج swapped, a vowel dropped
		{"سيغمار", "زيجمار", never, true},    // two swaps, no vowel difference
		{"كاميرون", "كامرون", always, true},  // a long vowel, allowed
		{"كاميرون", "كامرون", never, false},  // ... not allowed
		{"سعيد", "سعد", always, false},       // too short
		{"محمود", "محمد", never, false},      // a common given name
		{"روبين", "روبن", always, true},      // a long vowel in a four-letter word
		{"اسزلو", "ازلو", always, true},      // a consonant of the same class added
		{"عزوز", "عيسي", always, false},      // different consonants
		{"يوسف", "صافي", always, false},      // different first letter
		{"بيضي", "بدوي", always, false},      // ض is not a transliteration letter
		{"برناوي", "باريان", always, false},  // too many edits
		{"تسبيراس", "تسيبراس", always, true}, // two edits in a long word
		{"اوغلو", "اغولو", always, true},     // a vowel letter moved past its neighbour
		{"اوغلو", "اغلوو", always, false},    // two edits in a short word
		{"فانيرج", "فاريجن", always, false},  // consonants moved: another outline
	}
	for _, tc := range tests {
		if got := variantWords(tc.a, tc.b, tc.vowels); got != tc.want {
			t.Errorf("variantWords(%s, %s) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestShortSwap(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"غال", "جال", true},    // g written غ and ج
		{"قيل", "كيل", true},    // ق and ك
		{"غال", "غيل", false},   // a vowel, not a letter of a class
		{"سال", "جال", false},   // letters of different classes
		{"غالب", "جالب", false}, // four letters: variantWords
		{"غال", "غال", false},
	} {
		if got := shortSwap(tc.a, tc.b); got != tc.want {
			t.Errorf("shortSwap(%s, %s) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestVowelReplaced(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"ميشال", "ميشيل", true},
		{"كمال", "كامل", false}, // moved
		{"سلمان", "سليمان", false},
	} {
		if got := vowelReplaced(tc.a, tc.b); got != tc.want {
			t.Errorf("vowelReplaced(%s, %s) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}
