package gazetteer

import (
	"strings"
	"unicode"

	"github.com/kg-project/kg/internal/extract/arabic"
)

var translitConsonant = map[rune]string{
	'ب': "b", 'ت': "t", 'ث': "th", 'ج': "j", 'ح': "h", 'خ': "kh", 'د': "d", 'ذ': "dh",
	'ر': "r", 'ز': "z", 'س': "s", 'ش': "sh", 'ص': "s", 'ض': "d", 'ط': "t", 'ظ': "z",
	'غ': "gh", 'ف': "f", 'ق': "q", 'ك': "k", 'ل': "l", 'م': "m", 'ن': "n",
	'ه': "h", 'ء': "", 'پ': "p", 'چ': "ch", 'گ': "g", 'ڤ': "v", 'ک': "k",
}

// Transliterate returns a simple, deterministic Latin rendering of an Arabic
// name for display: one letter or digraph per consonant, و and ي as vowels
// (u, i) after a consonant and as consonants (w, y) elsewhere, ا/آ/أ/ى as a,
// إ as i, ة as a, the article ال as "al-", every word capitalised:
// "قاسم جومارت توكاييف" -> "Qasm Jumart Tukayif", "فلاديمير بوتين" ->
// "Fladimir Butin". Short vowels are not written in Arabic and are not
// guessed. Latin letters and digits are kept as they are.
func Transliterate(s string) string {
	words := strings.Fields(arabic.Normalize(s))
	out := make([]string, 0, len(words))
	for _, w := range words {
		if t := translitWord([]rune(w)); t != "" {
			out = append(out, t)
		}
	}
	return strings.Join(out, " ")
}

func translitWord(w []rune) string {
	if string(w) == "الله" {
		return "Allah"
	}
	var b strings.Builder
	prefix := ""
	if len(w) > 3 && w[0] == 'ا' && w[1] == 'ل' {
		prefix = "al-"
		w = w[2:]
	}
	vowel := true // previous output ended in a vowel (or word start)
	for i, r := range w {
		last := i == len(w)-1
		switch r {
		case 'ا', 'آ', 'أ', 'ٱ':
			if i > 0 && (w[i-1] == 'ا' || w[i-1] == 'آ') {
				continue
			}
			b.WriteString("a")
			vowel = true
		case 'إ':
			b.WriteString("i")
			vowel = true
		case 'ى':
			b.WriteString("a")
			vowel = true
		case 'ة':
			if last {
				b.WriteString("a")
			} else {
				b.WriteString("t")
			}
			vowel = last
		case 'و', 'ؤ':
			if i == 0 || vowel {
				b.WriteString("w")
				vowel = false
			} else {
				b.WriteString("u")
				vowel = true
			}
		case 'ي', 'ئ':
			if i == 0 || vowel {
				b.WriteString("y")
				vowel = false
			} else {
				b.WriteString("i")
				vowel = true
			}
		case 'ع':
			// word-initial ع is written as a vowel ("Abd"); elsewhere as an apostrophe
			if i == 0 {
				b.WriteString("a")
				vowel = true
			} else {
				b.WriteString("'")
				vowel = false
			}
		default:
			if c, ok := translitConsonant[r]; ok {
				if c == "" {
					continue
				}
				// a doubled letter (shadda dropped) is written once
				if i > 0 && w[i-1] == r {
					continue
				}
				b.WriteString(c)
				vowel = false
				continue
			}
			if r < 0x250 && (unicode.IsLetter(r) || unicode.IsDigit(r)) || r == '-' || r == '\'' || r == '.' {
				b.WriteRune(r)
				vowel = unicode.In(r, unicode.Latin) && strings.ContainsRune("aeiouAEIOU", r)
			}
		}
	}
	t := b.String()
	if t == "" {
		return ""
	}
	rs := []rune(t)
	rs[0] = unicode.ToUpper(rs[0])
	if prefix != "" {
		return prefix + string(rs)
	}
	return string(rs)
}
