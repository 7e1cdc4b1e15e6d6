package eval

import (
	"math"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/cases"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// Norm is the case-, hamza- and punctuation-insensitive form of a name, as
// norm() of score_extraction.py computes it: NFKC; Arabic diacritics and
// tatweel removed; أ إ آ ٱ -> ا, ى -> ي, ة -> ه; full Unicode lower case;
// every run of white space and - _ ' ’ ` " . , ( ) becomes one space, and
// the ends are trimmed. Two names match when their Norm forms are equal.
func Norm(s string) string {
	s = norm.NFKC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if isArabicDiacritic(r) {
			continue
		}
		switch r {
		case 'أ', 'إ', 'آ', 'ٱ':
			r = 'ا'
		case 'ى':
			r = 'ي'
		case 'ة':
			r = 'ه'
		}
		b.WriteRune(r)
	}
	// A Caser keeps state (final sigma): one per call, never shared.
	s = cases.Lower(language.Und).String(b.String())
	b.Reset()
	gap := false
	for _, r := range s {
		if isNameSeparator(r) {
			gap = true
			continue
		}
		if gap && b.Len() > 0 {
			b.WriteByte(' ')
		}
		gap = false
		b.WriteRune(r)
	}
	return b.String()
}

// NormPredicate is the form predicates are compared in (norm_pred of
// score_extraction.py): full Unicode upper case, white space, hyphens and
// underscores removed. "met-with", "Met With" and "MET_WITH" are equal.
func NormPredicate(p string) string {
	p = cases.Upper(language.Und).String(p)
	return strings.Map(func(r rune) rune {
		if isPySpace(r) || r == '-' || r == '_' {
			return -1
		}
		return r
	}, p)
}

// isArabicDiacritic: [\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640].
func isArabicDiacritic(r rune) bool {
	return r >= 0x610 && r <= 0x61A || r >= 0x64B && r <= 0x65F || r == 0x670 ||
		r >= 0x6D6 && r <= 0x6ED || r == 0x640
}

// isNameSeparator: [\s\-_'’`\".,()].
func isNameSeparator(r rune) bool {
	switch r {
	case '-', '_', '\'', '’', '`', '"', '.', ',', '(', ')':
		return true
	}
	return isPySpace(r)
}

// isPySpace is Python's \s (str.isspace): Go's white space plus the
// information separators U+001C..U+001F.
func isPySpace(r rune) bool {
	return unicode.IsSpace(r) || r >= 0x1c && r <= 0x1f
}

// round3 is Python's round(x, 3): the double nearest to x correctly
// rounded to three decimals, exact ties to even.
func round3(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return x
	}
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 3, 64), 64)
	return v
}

// f1 is the harmonic mean of p and r, 0 when both are 0 (as in the scripts).
func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// ratio is a/b, or ifEmpty when b is 0.
func ratio(a, b int, ifEmpty float64) float64 {
	if b == 0 {
		return ifEmpty
	}
	return float64(a) / float64(b)
}
