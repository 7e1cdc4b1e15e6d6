package arabic

import "testing"

func TestClosedClass(t *testing.T) {
	if _, err := parseClosedClass(closedClassText); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ word, kind string }{
		{"هذان", "demonstrative"}, {"وهؤلاء", "demonstrative"}, {"وبهتانا", "adverb"}, {"زوراً", "adverb"},
		{"إياه", "pronoun"}, {"الذين", "relative"}, {"محمد", ""}, {"هنا", ""}, {"بريطانيا", ""},
		{"كلنا", "quantifier"}, {"وجميعهم", "quantifier"},
	} {
		w := AnalyzeWord(c.word)
		if got := w.ClosedClass(); got != c.kind {
			t.Errorf("ClosedClass(%s) = %q, want %q", c.word, got, c.kind)
		}
	}
	// as written: واين may be the conjunction and أين, or Wayne
	for _, c := range []struct{ word, kind string }{
		{"هذان", "demonstrative"}, {"كلنا", "quantifier"}, {"واين", ""}, {"وهذا", ""},
	} {
		w := AnalyzeWord(c.word)
		if got := w.ClosedClassAsWritten(); got != c.kind {
			t.Errorf("ClosedClassAsWritten(%s) = %q, want %q", c.word, got, c.kind)
		}
	}
}
