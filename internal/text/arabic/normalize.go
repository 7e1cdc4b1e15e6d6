package arabic

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/kg-project/kg/internal/text/segment"
)

// Normalize returns the display-safe normal form of s: Unicode NFKC, with
// Arabic diacritics, tatweel and invisible formatting characters
// (IsInvisible) removed. Letters are otherwise unchanged.
func Normalize(s string) string {
	if !nfkcStable(s) {
		s = norm.NFKC.String(s)
	}
	return strings.Map(func(r rune) rune {
		if segment.IsDiacritic(r) || segment.IsInvisible(r) {
			return -1
		}
		return r
	}, s)
}

// FoldRune maps one rune to its matching form: alef and hamza variants to
// bare alef, alef maqsura to ya, ta marbuta to ha, hamza on waw/ya to waw/ya,
// Persian/Urdu look-alikes to Arabic letters, Latin to lower case. It returns
// -1 for runes that are dropped (diacritics, tatweel, invisible formatting
// characters).
func FoldRune(r rune) rune {
	if r >= 0x0621 && r <= 0x064A && r != 'أ' && r != 'إ' && r != 'آ' && r != 'ى' && r != 'ئ' && r != 'ؤ' && r != 'ة' && r != 'ـ' {
		return r // plain Arabic letters: the common case, kept as they are
	}
	if segment.IsDiacritic(r) || segment.IsInvisible(r) {
		return -1
	}
	switch r {
	case 'أ', 'إ', 'آ', 'ٱ', 'ٲ', 'ٳ':
		return 'ا'
	case 'ى', 'ی', 'ې':
		return 'ي'
	case 'ئ':
		return 'ي'
	case 'ؤ':
		return 'و'
	case 'ة', 'ۀ', 'ە':
		return 'ه'
	case 'ک':
		return 'ك'
	case 'ـ':
		return -1
	case '’', '‘', '`', '´':
		return '\''
	}
	if r < 0x80 || unicode.IsUpper(r) {
		return unicode.ToLower(r)
	}
	return r
}

// MatchForm returns the form used for every lookup and comparison of names
// (gazetteer build, NER features, alias resolution): Normalize, then FoldRune
// on every rune, with runs of white space collapsed to one space.
// Offsets are not preserved; keep the original text for display.
func MatchForm(s string) string {
	i := matchFormPrefix(s)
	if i == len(s) {
		return s // most words: nothing to fold, nothing to copy
	}
	return buildMatchForm(s, i)
}

// buildMatchForm is MatchForm of s, whose first i bytes are their own
// match form (matchFormPrefix), building the rest rune by rune.
func buildMatchForm(s string, i int) string {
	if !nfkcStable(s) {
		s, i = norm.NFKC.String(s), 0
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	space := false
	for _, r := range s[i:] {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		f := FoldRune(r)
		if f < 0 {
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(f)
	}
	return b.String()
}

// matchFormPrefix returns the length of the longest prefix of s that
// MatchForm, cheaply, keeps as it is: ASCII and Arabic block runes that NFKC
// and FoldRune leave as they are, with single spaces between words and
// none at either end (len(s): s is its own match form). It may stop short
// of where MatchForm would change s (the caller then builds the rest).
func matchFormPrefix(s string) int {
	end := 0      // after the last rune kept, not a space
	space := true // a leading space is dropped
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ':
			if space {
				return end
			}
			space = true
			i++
			continue
		case c < 0x80:
			if !keepASCII[c] {
				return end
			}
			i++
		case c >= 0xD8 && c <= 0xDB && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			// a rune of the Arabic block, U+0600..U+06FF, in two bytes
			if !keepArabic[uint16(c&0x03)<<6|uint16(s[i+1]&0x3F)] {
				return end
			}
			i += 2
		default:
			return end
		}
		space = false
		end = i
	}
	return end // short of len(s) after a trailing space
}

// keepASCII and keepArabic mark the runes matchFormPrefix keeps as they
// are: the ASCII ones that are no control character and that FoldRune
// leaves, and those of the Arabic block (by rune - U+0600) that NFKC and
// FoldRune leave (not the four letters with compatibility forms,
// U+0675..U+0678).
var keepASCII, keepArabic = func() (a [0x80]bool, b [0x100]bool) {
	for r := rune(' ' + 1); r < 0x80; r++ {
		a[r] = FoldRune(r) == r
	}
	for r := rune(0x0600); r <= 0x06FF; r++ {
		b[r-0x0600] = (r < 0x0675 || r > 0x0678) && FoldRune(r) == r
	}
	return a, b
}()

// nfkcStable reports, cheaply, whether NFKC leaves s unchanged: ASCII, the
// Arabic block (but for the four letters with compatibility forms) and the
// guillemets are stable; anything else goes through NFKC.
func nfkcStable(s string) bool {
	for _, r := range s {
		switch {
		case r < 0x80, r == 0xAB, r == 0xBB:
		case r >= 0x0600 && r <= 0x06FF && (r < 0x0675 || r > 0x0678):
		default:
			return false
		}
	}
	return true
}

// IsAccusative reports whether word ends in the ending of the
// indefinite accusative, an alif with the tanween fatha (سعودًا, شهرياً,
// ثريًّا), leaving at least two letters. Proper names of places and
// foreign names never take it, so a word written with it is, in a name,
// an Arabic given name in the accusative (سعودًا الفيصل) and otherwise an
// adverb, an adjective or a common noun (شهرياً "monthly", كوبًا "a cup").
func IsAccusative(word string) bool {
	// the alif and the marks around it, at the end of the word; the
	// tanween fatha must be among them
	i, alif, tanween := len(word), false, false
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(word[:i])
		switch {
		case r == 'ا' && !alif:
			alif = true
		case r == '\u064b':
			tanween = true
		case segment.IsDiacritic(r):
		default:
			return alif && tanween && utf8.RuneCountInString(word[:i]) >= 2
		}
		i -= size
	}
	return false
}
