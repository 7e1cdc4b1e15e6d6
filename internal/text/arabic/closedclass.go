package arabic

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
)

//go:embed closedclass.txt
var closedClassText string

// ClosedClassKinds are the kinds of closedclass.txt.
var ClosedClassKinds = []string{"demonstrative", "pronoun", "relative", "interrogative", "adverb", "quantifier", "formula", "kin"}

// closedClass maps the MatchForm of each word of closedclass.txt to its
// kind; it is empty when the file is malformed (TestClosedClass checks
// that it is not).
var closedClass = sync.OnceValue(func() map[string]string {
	m, err := parseClosedClass(closedClassText)
	if err != nil {
		return map[string]string{}
	}
	return m
})

func parseClosedClass(text string) (map[string]string, error) {
	m := map[string]string{}
	kind := ""
	for n, line := range strings.Split(text, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		if line[0] != ' ' && line[0] != '\t' {
			kind = f[0]
			f = f[1:]
			known := false
			for _, k := range ClosedClassKinds {
				known = known || k == kind
			}
			if !known {
				return nil, fmt.Errorf("closedclass.txt line %d: unknown kind %q", n+1, kind)
			}
		} else if kind == "" {
			return nil, fmt.Errorf("closedclass.txt line %d: a continuation before any kind", n+1)
		}
		for _, w := range f {
			mf := MatchForm(w)
			if mf == "" || !isArabicWord([]rune(mf)) {
				return nil, fmt.Errorf("closedclass.txt line %d: %q is no Arabic word", n+1, w)
			}
			if k, dup := m[mf]; dup {
				return nil, fmt.Errorf("closedclass.txt line %d: %q listed twice (also %s)", n+1, w, k)
			}
			m[mf] = kind
		}
	}
	return m, nil
}

// ClosedClassAsWritten is ClosedClass for the word as written, its
// clitics kept: واين is "and where" only when و is the conjunction, and
// Wayne otherwise.
func (w *Word) ClosedClassAsWritten() string { return closedClass()[w.MF] }

// ClosedClass returns the kind (ClosedClassKinds) of a word of a closed
// class (a demonstrative, a pronoun, an adverb: هذان، إياه، بهتانا) as
// written, with or without the clitics و ف ب ل ك, and "" for any other
// word. Such a word is never a name on its own.
func (w *Word) ClosedClass() string {
	cc := closedClass()
	if k := cc[w.MF]; k != "" {
		return k
	}
	for _, s := range w.Stems {
		if k := cc[s]; k != "" {
			return k
		}
	}
	return ""
}
