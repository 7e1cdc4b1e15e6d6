package arabic

import (
	"reflect"
	"testing"
)

func TestNormalizeAndMatchForm(t *testing.T) {
	cases := []struct{ in, norm, match string }{
		{"الْمَدِينَةِ", "المدينة", "المدينه"},
		{"أحمد", "أحمد", "احمد"},
		{"إسرائيل", "إسرائيل", "اسراييل"},
		{"مصطفى", "مصطفى", "مصطفي"},
		{"مــوسكو", "موسكو", "موسكو"},
		{"مؤتمر", "مؤتمر", "موتمر"},
		{"  Vladimir   PUTIN ", "  Vladimir   PUTIN ", "vladimir putin"},
		{"ﻻ", "لا", "لا"}, // presentation form, NFKC
	}
	for _, c := range cases {
		if got := Normalize(c.in); got != c.norm {
			t.Errorf("Normalize(%q) = %q, want %q", c.in, got, c.norm)
		}
		if got := MatchForm(c.in); got != c.match {
			t.Errorf("MatchForm(%q) = %q, want %q", c.in, got, c.match)
		}
	}
}

func TestAnalyze(t *testing.T) {
	cases := []struct {
		in   string
		want Analysis
	}{
		{"وبالمدينة", Analysis{Conj: "و", Prep: "ب", Article: "ال", Stem: "مدينة"}},
		{"بلاده", Analysis{Stem: "بلاد", Suffix: "ه"}},
		{"للأمم", Analysis{Prep: "ل", Article: "ال", Stem: "أمم"}},
		{"وبوتين", Analysis{Conj: "و", Stem: "بوتين"}},
		{"لروسيا", Analysis{Prep: "ل", Stem: "روسيا"}},
		{"والرئيس", Analysis{Conj: "و", Article: "ال", Stem: "رئيس"}},
		{"فالحكومة", Analysis{Conj: "ف", Article: "ال", Stem: "حكومة"}},
		{"كالعادة", Analysis{Prep: "ك", Article: "ال", Stem: "عادة"}},
		{"وزير", Analysis{Stem: "وزير"}},
		{"لبنان", Analysis{Stem: "لبنان"}},
		{"للبنان", Analysis{Prep: "ل", Stem: "لبنان"}},
		{"فرنسا", Analysis{Stem: "فرنسا"}},
		{"المدينة", Analysis{Article: "ال", Stem: "مدينة"}},
		{"الروسي", Analysis{Article: "ال", Stem: "روسي"}},
		{"روسي", Analysis{Stem: "روسي"}},
		{"التي", Analysis{Stem: "التي"}},
		{"الله", Analysis{Stem: "الله"}},
		{"في", Analysis{Stem: "في"}},
		{"ولد", Analysis{Stem: "ولد"}},
		{"حكومتهم", Analysis{Stem: "حكومت", Suffix: "هم"}},
		{"وأعضاؤها", Analysis{Conj: "و", Stem: "أعضاؤ", Suffix: "ها"}},
		{"اتجاه", Analysis{Stem: "اتجاه"}},
		{"كورونا", Analysis{Stem: "كورونا"}},
		{"بروسيا", Analysis{Prep: "ب", Stem: "روسيا"}},
		{"لبلاده", Analysis{Prep: "ل", Stem: "بلاد", Suffix: "ه"}},
		{"بلادنا", Analysis{Stem: "بلاد", Suffix: "نا"}},
		{"Putin", Analysis{Stem: "Putin"}},
		{"2023", Analysis{Stem: "2023"}},
	}
	for _, c := range cases {
		if got := Analyze(c.in); got != c.want {
			t.Errorf("Analyze(%q) = %+v, want %+v", c.in, got, c.want)
		}
	}
}

func TestStems(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"وبوتين", []string{"وبوتين", "بوتين"}},
		{"لروسيا", []string{"لروسيا", "روسيا"}},
		{"بلاده", []string{"بلاده", "بلاد"}},
		{"للأمم", []string{"للامم", "الامم", "امم"}},
		{"وبالمدينة", []string{"وبالمدينه", "بالمدينه", "المدينه", "مدينه"}},
		{"الرئيس", []string{"الرييس", "رييس"}},
		{"موسكو", []string{"موسكو"}},
		{"Putin", []string{"putin"}},
		{"", nil},
	}
	for _, c := range cases {
		got := Stems(c.in)
		if len(got) == 0 && len(c.want) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("Stems(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestAnalyzeWordAgrees: AnalyzeWord is MatchForm, Stems and Analyze at once.
func TestAnalyzeWordAgrees(t *testing.T) {
	for _, w := range []string{"وبوتين", "لروسيا", "بلاده", "للأمم", "وزير", "الرئيس", "Putin's", "U.S.", "٢٠٢٢", "ـ", "", "كتابٌ", "فيينا", "وبالمدينة", "ک"} {
		got := AnalyzeWord(w)
		if got.MF != MatchForm(w) {
			t.Errorf("%q: MF %q, MatchForm %q", w, got.MF, MatchForm(w))
		}
		if !reflect.DeepEqual(got.Stems, Stems(w)) {
			t.Errorf("%q: Stems %q, want %q", w, got.Stems, Stems(w))
		}
		if got.Analysis != Analyze(w) {
			t.Errorf("%q: Analysis %+v, want %+v", w, got.Analysis, Analyze(w))
		}
	}
}

func FuzzAnalyzeWord(f *testing.F) {
	for _, s := range []string{"وبوتين", "للأمم", "بلاده", "Putin", "ـــ", "\u0670\u064b", "ۀکی"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, w string) {
		got := AnalyzeWord(w)
		if got.MF != MatchForm(w) {
			t.Fatalf("%q: MF %q, MatchForm %q", w, got.MF, MatchForm(w))
		}
		if !reflect.DeepEqual(got.Stems, Stems(w)) || got.Analysis != Analyze(w) {
			t.Fatalf("%q: AnalyzeWord disagrees with Stems/Analyze", w)
		}
	})
}
