package translit

import (
	"strings"
	"unicode"

	"github.com/kg-project/kg/internal/text/arabic"
)

// latinSounds rewrites the Latin letters whose sound the skeleton's
// letter classes would misread: ph is f (Joseph/يوسف), c before e, i or y
// is s (Nancy/نانسي, Cecile), and y before no vowel is a vowel unless it
// follows a, o or u (Nancy, Kennedy, Cheney, Lynn: كينيدي has no consonant
// for it; Murray/موراي has).
func latinSounds(l string) string {
	if !strings.ContainsAny(l, "cpy") {
		return l
	}
	vowel := func(b byte) bool { return strings.IndexByte("aeiou", b) >= 0 }
	b := make([]byte, 0, len(l))
	for i := 0; i < len(l); i++ {
		c := l[i]
		next := byte(0)
		if i+1 < len(l) {
			next = l[i+1]
		}
		switch {
		case c == 'p' && next == 'h':
			b = append(b, 'f')
			i++
			continue
		case c == 'c' && (next == 'e' || next == 'i' || next == 'y'):
			c = 's'
		case c == 'y' && i > 0 && l[i-1] >= 'a' && l[i-1] <= 'z' && strings.IndexByte("aou", l[i-1]) < 0 && !vowel(next):
			c = 'i'
		}
		b = append(b, c)
	}
	return string(b)
}

// Skeleton is the consonant outline of a Latin name or of the
// transliteration of an Arabic one (by Letters, so that it does not move
// with the learnt data), used to pair Arabic and Latin spellings
// of the same name: Tokayev/توكاييف -> "tkyf", Putin/بوتين -> "btn".
func Skeleton(s string) string {
	if arabic.HasScript(s) {
		if rs := []rune(s); len(rs) > 4 && rs[0] == 'ا' && rs[1] == 'ل' {
			s = string(rs[2:])
		}
		s = Letters(s)
	} else {
		l := strings.ToLower(s)
		for _, p := range []string{"al-", "el-", "al ", "el "} {
			if strings.HasPrefix(l, p) && len(l) > len(p)+2 {
				s = s[len(p):]
				break
			}
		}
		s = latinSounds(strings.ToLower(s))
	}
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch r {
		case 'a', 'e', 'i', 'o', 'u', 'h', '\'', '-', ' ', 'w':
			continue
		case 'v':
			r = 'f'
		case 'p':
			r = 'b'
		case 'c', 'q', 'g':
			r = 'k'
		case 'x':
			b.WriteString("ks")
			continue
		case 'j':
			r = 'y'
		}
		if r < 0x250 && unicode.IsLetter(r) {
			b.WriteRune(r)
		}
	}
	// letters doubled in one script and not the other
	rs := []rune(b.String())
	out := rs[:0]
	for i, r := range rs {
		if i == 0 || r != rs[i-1] {
			out = append(out, r)
		}
	}
	return string(out)
}
