package wordstats

import (
	"bytes"
	"testing"
)

func mustDefault(t *testing.T) *Table {
	t.Helper()
	tb, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

func TestDefaultLoads(t *testing.T) {
	tb := mustDefault(t)
	w, n := tb.Len()
	if w < 10_000 || n < 50_000 || tb.Tokens() < 1_000_000 {
		t.Fatalf("table too small: %d words, %d names, %d tokens", w, n, tb.Tokens())
	}
}

// TestOrdinary: words that news text takes for names are ordinary words
// in unlabelled text; names are not.
func TestOrdinary(t *testing.T) {
	tb := mustDefault(t)
	for _, w := range []string{"ميلا", "شهيد", "أمل", "الكروي", "يرصد", "الميكانيكا", "ميكانيكا"} {
		if !tb.Ordinary(Base(w)) {
			t.Errorf("%s (%s %+v) should be ordinary", w, Base(w), tb.WordOf(w))
		}
	}
	for _, w := range []string{"محمد", "مصر", "القاهرة", "بوتين", "واشنطن", "نابولي"} {
		if tb.Ordinary(Base(w)) {
			t.Errorf("%s (%s %+v) should not be ordinary", w, Base(w), tb.WordOf(w))
		}
	}
	// rare forms of ordinary words
	for _, w := range []string{"سيدرس", "حبتان", "خمسيني", "ميلا"} {
		if !tb.OrdinaryForm(w) {
			t.Errorf("OrdinaryForm(%s) = false", w)
		}
	}
	for _, w := range []string{"بلاتيني", "دايمون", "فابريغاس"} {
		if tb.OrdinaryForm(w) {
			t.Errorf("OrdinaryForm(%s) = true", w)
		}
	}
}

// TestVerbForms: rare forms of verbs the table knows by their other forms
// (an imperfect verb, a verb with "me"); not foreign names that look so.
func TestVerbForms(t *testing.T) {
	tb := mustDefault(t)
	for w, want := range map[string]bool{
		"يستذكر": true, "يكتسح": true, "يستقبلني": true, "تبايع": true, "يحشدون": true, "يلتقيان": true,
		"يعالون": false, "تايسون": false, "تومسون": false, "تونكس": false, "تشارني": false, "ليزار": false, "فيلليني": false, "يوسف": false, "تامر": false, "تيسير": false, "يلدريم": false,
	} {
		if got := tb.ImperfectVerb(w); got != want {
			t.Errorf("ImperfectVerb(%s) = %v, want %v", w, got, want)
		}
	}
	for w, want := range map[string]bool{
		"أحبني": true, "وكلمني": true, "فسألني": true,
		"فيلليني": false, "روحاني": false, "الحسيني": false, "جيوفاني": false,
	} {
		if got := tb.VerbWithMe(w); got != want {
			t.Errorf("VerbWithMe(%s) = %v, want %v", w, got, want)
		}
	}
}

func TestBase(t *testing.T) {
	for in, want := range map[string]string{
		"والشهيد": "الشهيد", "بالميكانيكا": "الميكانيكا", "سورية": "سوريه", "لروسيا": "روسيا", "Putin": "",
	} {
		if got := Base(in); got != want {
			t.Errorf("Base(%s) = %q, want %q", in, got, want)
		}
	}
}

func TestNames(t *testing.T) {
	tb := mustDefault(t)
	if n := tb.Name("محمد"); n.Given < 1000 {
		t.Errorf("محمد: %+v", n)
	}
	if n := tb.Name("لوك"); n.PersonCount() == 0 {
		t.Errorf("لوك (Locke, Luke) unknown: %+v", n)
	}
	if n := tb.Name("يونيل"); n.Known() {
		t.Errorf("يونيل (ليونيل without its ل) known: %+v", n)
	}
}

func TestWriteRead(t *testing.T) {
	words := map[string]Word{"ميلا": {Count: 230, Person: 8, Unsure: 127, AfterNumber: 171}, "مصر": {Count: 12288, Location: 12258}}
	names := map[string]Name{"محمد": {Given: 11829, Family: 466, Person: 1338}}
	var w, n bytes.Buffer
	if err := WriteWords(&w, 7_000_000, []string{"مصر", "ميلا"}, words); err != nil {
		t.Fatal(err)
	}
	if err := WriteNames(&n, []string{"محمد"}, names); err != nil {
		t.Fatal(err)
	}
	var x bytes.Buffer
	if err := WriteWritten(&x, []string{"وليام", "ويسكونسن"}, map[string]Written{"وليام": {298, 2}, "ويسكونسن": {213, 0}}); err != nil {
		t.Fatal(err)
	}
	tb, err := Read(bytes.NewReader(w.Bytes()), bytes.NewReader(n.Bytes()), bytes.NewReader(x.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if tb.Written("وليام") != (Written{298, 2}) || !tb.WrittenWhole("ويسكونسن") || tb.WrittenWhole("وبوتين") {
		t.Errorf("written: %+v %v %v", tb.Written("وليام"), tb.WrittenWhole("ويسكونسن"), tb.WrittenWhole("وبوتين"))
	}
	if tb.Tokens() != 7_000_000 || tb.Word("ميلا") != words["ميلا"] || tb.Word("مصر") != words["مصر"] || tb.Name("محمد") != names["محمد"] {
		t.Errorf("round trip: %d %+v %+v %+v", tb.Tokens(), tb.Word("ميلا"), tb.Word("مصر"), tb.Name("محمد"))
	}
	if _, err := Read(bytes.NewReader(n.Bytes()), bytes.NewReader(w.Bytes()), bytes.NewReader(x.Bytes())); err == nil {
		t.Error("files swapped: no error")
	}
}
