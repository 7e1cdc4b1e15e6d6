package arabic

import "strings"

// InBlock reports whether r is in the Unicode Arabic block (U+0600 to
// U+06FF: letters, marks, digits and punctuation).
func InBlock(r rune) bool { return r >= 0x0600 && r <= 0x06FF }

// HasScript reports whether s has a rune of the Arabic block (InBlock).
func HasScript(s string) bool { return strings.ContainsFunc(s, InBlock) }

// IsLetter reports whether r is one of the basic Arabic letters, hamza to
// yeh (U+0621 to U+064A), without marks, tatweel, digits or punctuation.
func IsLetter(r rune) bool { return r >= 0x0621 && r <= 0x064A }

// HasLetter reports whether s has an Arabic letter (IsLetter).
func HasLetter(s string) bool { return strings.ContainsFunc(s, IsLetter) }

// AllLetters reports whether s is non-empty and every rune of it is an
// Arabic letter (IsLetter): a word as the word lists write it.
func AllLetters(s string) bool {
	return s != "" && !strings.ContainsFunc(s, func(r rune) bool { return !IsLetter(r) })
}

// WordSet returns the set of the white-space separated words of s, as
// written (callers that match in MatchForm give it MatchForm text).
func WordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
