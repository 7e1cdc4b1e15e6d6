package translit

import (
	"fmt"
	"strings"
	"sync"

	"github.com/kg-project/kg/internal/text/arabic"
	"github.com/kg-project/kg/internal/translit/data"
)

// parseLetterNames reads data/letternames.tsv: the Arabic spelling of a
// Latin letter's name (after arabic.Normalize) to the letter.
func parseLetterNames(text string) (map[string]string, error) {
	t := map[string]string{}
	for n, line := range strings.Split(text, "\n") {
		if line = strings.TrimSpace(line); line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		ar, letter, ok := strings.Cut(line, "\t")
		if !ok || len(letter) != 1 || letter[0] < 'A' || letter[0] > 'Z' || !arabic.HasScript(ar) || arabic.Normalize(ar) != ar {
			return nil, fmt.Errorf("letternames.tsv line %d: want an Arabic spelling, a tab and a capital letter: %q", n+1, line)
		}
		if _, dup := t[ar]; dup {
			return nil, fmt.Errorf("letternames.tsv line %d: %s twice", n+1, ar)
		}
		t[ar] = letter
	}
	return t, nil
}

// letterNames is the table of data/letternames.tsv, read on first use;
// empty if the file is malformed (TestDataFiles checks that it is not).
var letterNames = sync.OnceValue(func() map[string]string {
	t, err := parseLetterNames(data.LetterNames)
	if err != nil {
		return map[string]string{}
	}
	return t
})

// Acronym returns the Latin acronym an Arabic name spells letter by letter
// (بي بي سي BBC, إف بي آي FBI, إم.بي.سي MBC): two words or more, each the
// name of a Latin letter (data/letternames.tsv), apart or between dots, the
// first with the article or not (السي آي إيه the CIA). It
// returns false for any other name: a name with one word of another kind
// is no acronym (بان كي مون is Ban Ki-moon).
func Acronym(s string) (string, bool) {
	words := strings.FieldsFunc(arabic.Normalize(s), func(r rune) bool { return r == ' ' || r == '.' || r == '-' || r == '\u00a0' })
	if len(words) < 2 {
		return "", false
	}
	if a, n := acronymRun(words); n == len(words) {
		return a, true
	}
	return "", false
}

// letterName returns the Latin letter whose name w is (after
// arabic.Normalize); the first word of an acronym may carry the article
// (السي آي إيه "the CIA", الـ إف بي آي).
func letterName(w string, first bool) string {
	t := letterNames()
	if l := t[w]; l != "" || !first {
		return l
	}
	if rest, ok := strings.CutPrefix(w, "ال"); ok {
		return t[strings.TrimPrefix(rest, "ـ")]
	}
	return ""
}

// acronymRun returns the acronym spelled by the longest run of two words
// or more at the start of ws (after arabic.Normalize) that name Latin
// letters, and the number of words; 0 when there is none.
func acronymRun(ws []string) (string, int) {
	var b strings.Builder
	n := 0
	for n < len(ws) {
		l := letterName(ws[n], n == 0)
		if l == "" {
			break
		}
		b.WriteString(l)
		n++
	}
	if n < 2 {
		return "", 0
	}
	return b.String(), n
}

// HasAcronym reports whether the Arabic name s holds a Latin acronym
// spelled letter by letter, alone or among other words (تلفزيون أي بي سي).
func HasAcronym(s string) bool {
	words := strings.Fields(arabic.Normalize(s))
	for i := range words {
		if _, n := acronymRun(words[i:]); n > 0 {
			return true
		}
	}
	return false
}
