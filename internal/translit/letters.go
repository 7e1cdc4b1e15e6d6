package translit

import (
	"strings"
	"unicode"

	"github.com/kg-project/kg/internal/text/arabic"
)

var translitConsonant = map[rune]string{
	'ب': "b", 'ت': "t", 'ث': "th", 'ج': "j", 'ح': "h", 'خ': "kh", 'د': "d", 'ذ': "dh",
	'ر': "r", 'ز': "z", 'س': "s", 'ش': "sh", 'ص': "s", 'ض': "d", 'ط': "t", 'ظ': "z",
	'غ': "gh", 'ف': "f", 'ق': "q", 'ك': "k", 'ل': "l", 'م': "m", 'ن': "n",
	'ه': "h", 'ء': "", 'پ': "p", 'چ': "ch", 'گ': "g", 'ڤ': "v", 'ک': "k",
}

// Letters returns a simple, deterministic Latin rendering of an Arabic name:
// kg's transliteration before the learnt one (Romanize), kept as its last
// fallback and for consonant skeletons, which must not change when the
// learnt data does. Frequent given names, family names and particles take
// their news spelling (data/spellings.txt: محمد Mohammed, عبد الله
// Abdullah, بن bin, آية الله Ayatollah); عبد before a word with the article
// is "Abdul" (عبد العزيز Abdulaziz); the article ال is
// written "al-". Other words get one letter or digraph per consonant, و and
// ي as vowels (u, i) after a consonant and as consonants (w, y) elsewhere,
// ا/آ/أ/ى as a, إ as i, ة as a, and a guessed short vowel where Arabic
// writes none: a after a first consonant followed by another (حسن Hasan),
// i between the last two consonants after a long a (قاسم Qasim). Every word
// is capitalised but the particles: "قاسم جومارت توكاييف" -> "Qasim Jumart
// Tukayif". Latin letters and digits are kept as they are.
func Letters(s string) string {
	words := strings.Fields(arabic.Normalize(s))
	out := make([]string, 0, len(words))
	for i := 0; i < len(words); i++ {
		m := arabic.MatchForm(words[i])
		next := ""
		if i+1 < len(words) {
			next = arabic.MatchForm(words[i+1])
		}
		// two-word compounds: عبد الله، عبد العزيز، آية الله، روح الله
		if t, ok := translitCompound(m, next); ok {
			out = append(out, t)
			i++
			continue
		}
		if t := translitName(m, []rune(words[i])); t != "" {
			out = append(out, t)
		}
	}
	return strings.Join(out, " ")
}

// translitCompound renders the two-word names written as one in Latin.
func translitCompound(m, next string) (string, bool) {
	switch {
	case next == "":
		return "", false
	case spellings.words[m+" "+next] != "":
		return spellings.words[m+" "+next], true
	case m == "عبد" && strings.HasPrefix(next, "ال") && len([]rune(next)) > 3:
		return "Abdul" + strings.ToLower(translitName(next[len("ال"):], []rune(next[len("ال"):]))), true
	}
	return "", false
}

// translitName renders one word: the table, the joined forms of عبد
// (عبدالله، عبدالعزيز), the article, then letter by letter.
func translitName(m string, w []rune) string {
	if t, ok := spellings.words[m]; ok {
		return t
	}
	if strings.HasPrefix(m, "عبد") && len([]rune(m)) > 4 {
		rest := m[len("عبد"):]
		if rest == "الله" {
			return "Abdullah"
		}
		if strings.HasPrefix(rest, "ال") && len([]rune(rest)) > 3 {
			return "Abdul" + strings.ToLower(translitName(rest[len("ال"):], []rune(rest[len("ال"):])))
		}
	}
	if rs := []rune(m); len(rs) > 3 && rs[0] == 'ا' && rs[1] == 'ل' && m != "الله" {
		if t, ok := spellings.words[string(rs[2:])]; ok {
			return "al-" + t
		}
	}
	return translitWord(w)
}

func translitWord(w []rune) string {
	if string(w) == "الله" {
		return "Allah"
	}
	for i, r := range w { // Persian letters
		switch r {
		case 'ی', 'ې':
			w[i] = 'ي'
		case 'ک':
			w[i] = 'ك'
		}
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
			if i > 0 && (w[i-1] == 'ا' || w[i-1] == 'آ') || i == 1 && w[0] == 'ع' {
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
			if i == 0 || vowel || !last && (w[i+1] == 'ا' || w[i+1] == 'آ') {
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
	t := guessVowels(b.String())
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

// guessVowels adds the short vowels Arabic does not write to a Latin
// rendering made of consonants and long vowels: a after the first consonant
// when another consonant follows (Hsn -> Hasan, Mkarm -> Makarm), i between
// two final consonants after a (Qasm -> Qasim, Makarm -> Makarim). Digraphs
// (sh, kh, th, dh, gh) count as one consonant; words holding Latin capitals
// or digits are left alone.
func guessVowels(t string) string {
	if t == "" || strings.ContainsAny(t, "0123456789-.") {
		return t
	}
	for _, r := range t {
		if r >= 0x80 || unicode.IsUpper(r) {
			return t
		}
	}
	// split into units: vowels, consonants (digraphs kept whole), apostrophes
	var units []string
	for i := 0; i < len(t); {
		if i+1 < len(t) && strings.Contains("sh kh th dh gh", t[i:i+2]) && t[i+1] == 'h' {
			units = append(units, t[i:i+2])
			i += 2
			continue
		}
		units = append(units, t[i:i+1])
		i++
	}
	isV := func(u string) bool { return u == "a" || u == "i" || u == "u" }
	isC := func(u string) bool { return !isV(u) && u != "'" }
	var out []string
	added := -1 // index of the vowel added after the first consonant
	for k, u := range units {
		out = append(out, u)
		if k == 0 && isC(u) && k+1 < len(units) && isC(units[k+1]) {
			added = len(out)
			out = append(out, "a")
		}
	}
	n := len(out)
	if (n == 4 || n == 3 || added == n-3) && isC(out[n-1]) && isC(out[n-2]) && out[n-3] == "a" {
		v := "i" // after a long a: the active participle, Qasim, Khalid
		if added == n-3 {
			v = "a" // three consonants: Hasan, Qamar
		}
		out = append(out[:n-1:n-1], v, out[n-1])
	}
	return strings.Join(out, "")
}
