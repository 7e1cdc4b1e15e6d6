package segment

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
)

func texts(toks []Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text
	}
	return out
}

func TestTokenize(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"وقال الرئيس الروسي فلاديمير بوتين، إن روسيا ستنسحب.",
			[]string{"وقال", "الرئيس", "الروسي", "فلاديمير", "بوتين", "،", "إن", "روسيا", "ستنسحب", "."}},
		{"ارتفع بنسبة 3.5% في 2023 (أي 1,000 دولار)",
			[]string{"ارتفع", "بنسبة", "3.5", "%", "في", "2023", "(", "أي", "1,000", "دولار", ")"}},
		{"قمة G20 في «نيودلهي»...", []string{"قمة", "G20", "في", "«", "نيودلهي", "»", "..."}},
		{"عَلَى الْمَدِينَةِ", []string{"عَلَى", "الْمَدِينَةِ"}},
		{"Vladimir Putin's O'Brien", []string{"Vladimir", "Putin's", "O'Brien"}},
		{"١٢٫٥ مليون", []string{"١٢٫٥", "مليون"}},
		{"   ", nil},
		// invisible formatting characters never split a word and are never
		// tokens of their own
		{"فلاديمير \u200fبوتين\u200f، وبو\u200cتين", []string{"فلاديمير", "بوتين", "،", "وبو\u200cتين"}},
		{"\u202bقال بوتين\u202c \u2067روسيا\u2069", []string{"قال", "بوتين", "روسيا"}},
		{"ألما\u200eتي \u200e\u200f . Pu\u00adtin", []string{"ألما\u200eتي", ".", "Pu\u00adtin"}},
	}
	for _, c := range cases {
		got := texts(Tokenize(c.in))
		if len(got) == 0 && len(c.want) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("Tokenize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestTokenOffsetsAndSentences(t *testing.T) {
	text := "قال بوتين: «سننتصر.» ثم غادر!\nوفي موسكو، اجتمع المجلس؟ نعم"
	toks := Tokenize(text)
	rs := []rune(text)
	for _, tk := range toks {
		if string(rs[tk.Start:tk.End]) != tk.Text {
			t.Fatalf("token %q at %d-%d does not match text %q", tk.Text, tk.Start, tk.End, string(rs[tk.Start:tk.End]))
		}
	}
	sents := Sentences(text)
	wantS := []string{"قال بوتين: «سننتصر.»", "ثم غادر!", "وفي موسكو، اجتمع المجلس؟", "نعم"}
	var got []string
	for _, s := range sents {
		got = append(got, s.Text)
		if string(rs[s.Start:s.End]) != s.Text {
			t.Errorf("sentence offsets wrong for %q", s.Text)
		}
	}
	if !reflect.DeepEqual(got, wantS) {
		t.Fatalf("Sentences = %q, want %q", got, wantS)
	}
	for _, tk := range toks {
		s := sents[tk.Sentence]
		if tk.Start < s.Start || tk.End > s.End {
			t.Errorf("token %q (%d-%d) not inside its sentence %d %q", tk.Text, tk.Start, tk.End, tk.Sentence, s.Text)
		}
	}
}

func TestSentences(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"جملة أولى. جملة ثانية! هل هذه ثالثة؟ رابعة؛ خامسة; سادسة",
			[]string{"جملة أولى.", "جملة ثانية!", "هل هذه ثالثة؟", "رابعة؛", "خامسة;", "سادسة"}},
		{"ارتفع 3.5 في المئة. وقال U.S. officials", []string{"ارتفع 3.5 في المئة.", "وقال U.S. officials"}},
		{"قال: «ذهبت. ثم عدت.» وأضاف أنه راض.", []string{"قال: «ذهبت. ثم عدت.»", "وأضاف أنه راض."}},
		{`قال "انتهى الأمر." ثم رحل`, []string{`قال "انتهى الأمر."`, "ثم رحل"}},
		{"قال “هذا صحيح!” ومضى", []string{"قال “هذا صحيح!”", "ومضى"}},
		{"سطر أول\n\n  سطر ثان  \r\n", []string{"سطر أول", "سطر ثان"}},
		{"ماذا؟!... لا أعرف", []string{"ماذا؟!...", "لا أعرف"}},
		{"انتهى.وقال آخر", []string{"انتهى.", "وقال آخر"}},
		{" \n ", nil},
		// a paragraph opening with the last one's closing quote does not
		// invert its quotations: the sentence after "...". splits off
		{`" When in Tokyo, he said it was " a worrying issue overall". Washington argues. He said: "This is huge.`,
			[]string{`" When in Tokyo, he said it was " a worrying issue overall".`, "Washington argues.", `He said: "This is huge.`}},
		{`قال " انتهى الأمر. " ثم رحل. وعاد`, []string{`قال " انتهى الأمر. "`, "ثم رحل.", "وعاد"}},
	}
	for _, c := range cases {
		var got []string
		for _, s := range Sentences(c.in) {
			got = append(got, s.Text)
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("Sentences(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func checkTokens(t *testing.T, text string) {
	toks := Tokenize(text)
	rs := []rune(text)
	covered := make([]bool, len(rs))
	prevEnd := 0
	prevSent := 0
	nsent := len(Sentences(text))
	for _, tk := range toks {
		if tk.Start < prevEnd || tk.End <= tk.Start || tk.End > len(rs) {
			t.Fatalf("bad token offsets %+v (prev end %d, len %d) in %q", tk, prevEnd, len(rs), text)
		}
		if string(rs[tk.Start:tk.End]) != tk.Text {
			t.Fatalf("token text %q != slice %q", tk.Text, string(rs[tk.Start:tk.End]))
		}
		if tk.Sentence < prevSent || tk.Sentence >= nsent {
			t.Fatalf("bad sentence index %d (prev %d, %d sentences) in %q", tk.Sentence, prevSent, nsent, text)
		}
		for i := tk.Start; i < tk.End; i++ {
			covered[i] = true
		}
		prevEnd, prevSent = tk.End, tk.Sentence
	}
	for i, r := range rs {
		if !covered[i] && !isSpace(r) && !IsInvisible(r) {
			t.Fatalf("rune %q at %d not covered by any token in %q", r, i, text)
		}
	}
	for _, tk := range toks {
		if IsInvisible(rs[tk.Start]) || IsInvisible(rs[tk.End-1]) {
			t.Fatalf("token %q starts or ends with an invisible character in %q", tk.Text, text)
		}
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{
		"وقال الرئيس الروسي فلاديمير بوتين، إن روسيا ستنسحب.",
		"قال: «ذهبت. ثم عدت.» وأضاف",
		"3.5% U.S. 1,000 ١٢٫٥ ...!?؟",
		"\"a.\" b\n\nc", "\xff\xfe", "ـــ", "a'b'", "“”«»",
		"فلاديمير \u200fبوتين\u200f", "\u202bقال\u202c", "بو\u200c\u200dتين",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkTokens(t, s)
		rs := []rune(s)
		sents := Sentences(s)
		for _, se := range sents {
			if strings.TrimSpace(se.Text) == "" || unicode.IsSpace([]rune(se.Text)[0]) {
				t.Fatalf("empty or untrimmed sentence %q", se.Text)
			}
			if se.Text != string(rs[se.Start:se.End]) {
				t.Fatalf("sentence [%d, %d) is %q, not the text's %q", se.Start, se.End, se.Text, string(rs[se.Start:se.End]))
			}
		}
		toks, sents2 := TokenizeSentences(s)
		if !reflect.DeepEqual(toks, Tokenize(s)) || !reflect.DeepEqual(sents2, sents) {
			t.Fatalf("TokenizeSentences(%q) differs from Tokenize and Sentences", s)
		}
	})
}

func TestIsNumber(t *testing.T) {
	for s, want := range map[string]bool{"1080": true, "١٠٠٠": true, "3.5": true, "1,000": true, "": false, "3D": false, "ثلاثة": false, ",": false} {
		if got := IsNumber(s); got != want {
			t.Errorf("IsNumber(%q) = %v, want %v", s, got, want)
		}
	}
}
