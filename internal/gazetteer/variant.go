package gazetteer

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/kg-project/kg/internal/text/arabic"
)

// Arabic writes a foreign name's vowels with the long-vowel letters ا و ي,
// and writers disagree on which to write: برمنغهام and بيرمنغهام are both
// Birmingham, نتنياهو and نتانياهو both Netanyahu, أوباما and أوبما both
// Obama. Variant finds the entry a name names when it is spelt with more or
// fewer of those letters than the gazetteer's spelling.

// variantNativeLetters are letters Arabic writes foreign names with only by
// exception (translit's nativeLetters): a word that has one is taken for an
// Arabic word, whose vowel letters tell names apart (سالم, سليم).
const variantNativeLetters = "عحضظءذ"

// variantMaxDiff is how many vowel letters a name may add or drop against
// the gazetteer's spelling: in all, and when the name is one word.
const (
	variantMaxDiff    = 2
	variantMaxDiffOne = 1
	// variantMinConsonants is the fewest consonants (the first letter
	// counted) a name must have: short outlines pair unrelated names
	variantMinConsonants = 4
)

// variantAlias is one Arabic alias of an entry, cut into its outline.
type variantAlias struct {
	e    *Entry
	m    string     // the alias (MatchForm)
	gaps [][]string // per word, the vowel letters before each consonant and after the last
}

// variantIndex maps the type and consonant outline of each foreign-looking
// Arabic alias of an entry keyed by its English name (not an Arabic name) to
// the aliases with that outline.
type variantIndex map[string][]variantAlias

// variantWord is the outline of one word: its first letter and the letters
// that are not ا و ي (a letter doubled without a vowel between counts once),
// and the vowel letters of each gap: gaps[i] before cons[i+1], the last gap
// after the last consonant.
type variantWord struct {
	cons string
	gaps []string
}

// foreignWord reports whether the word w (MatchForm) may be a foreign name
// Arabic transcribes: three letters or more, none of variantNativeLetters,
// not ending in ه (ة), a vowel letter after its first letter.
func foreignWord(w string) bool {
	if utf8.RuneCountInString(w) < 3 || strings.ContainsAny(w, variantNativeLetters) || strings.HasSuffix(w, "ه") {
		return false
	}
	_, size := utf8.DecodeRuneInString(w)
	return strings.ContainsAny(w[size:], "اوي")
}

// outlineOf cuts the name m (MatchForm) into word outlines, the article ال
// of a word of more than four letters left out; ok is false when a word is
// not foreignWord or the outline is shorter than variantMinConsonants.
func outlineOf(m string) (key string, words []variantWord, ok bool) {
	if m == "" || !arabic.HasScript(m) {
		return "", nil, false
	}
	var kb strings.Builder
	n := 0
	for _, w := range strings.Fields(m) {
		if !foreignWord(w) {
			return "", nil, false
		}
		if strings.HasPrefix(w, "ال") && utf8.RuneCountInString(w) > 4 {
			w = w[len("ال"):]
		}
		var cons []rune
		gaps := []string{""}
		for i, r := range w {
			if i > 0 && (r == 'ا' || r == 'و' || r == 'ي') {
				gaps[len(gaps)-1] += string(r)
				continue
			}
			if len(cons) > 0 && r == cons[len(cons)-1] && gaps[len(gaps)-1] == "" {
				continue
			}
			cons = append(cons, r)
			if i > 0 {
				gaps = append(gaps, "")
			}
		}
		n += len(cons)
		if kb.Len() > 0 {
			kb.WriteByte(' ')
		}
		kb.WriteString(string(cons))
		words = append(words, variantWord{cons: string(cons), gaps: gaps})
	}
	return kb.String(), words, n >= variantMinConsonants
}

// isSubsequence reports whether the letters of a occur in b in order.
func isSubsequence(a, b string) bool {
	for _, r := range a {
		i := strings.IndexRune(b, r)
		if i < 0 {
			return false
		}
		b = b[i+utf8.RuneLen(r):]
	}
	return true
}

// vowelDiff returns how many vowel letters one outline's gaps add to or
// drop from the other's, or -1 when they differ otherwise, by more than one
// in a word of three consonants, or by a gap that is
// neither a subsequence of the other (و for ي changes the vowel: جون John
// is not جين Jane) nor the same at the end of a word (سليمان is not
// سليماني).
func vowelDiff(a, b []variantWord) int {
	if len(a) != len(b) {
		return -1
	}
	d := 0
	for w := range a {
		ga, gb := a[w].gaps, b[w].gaps
		if len(ga) != len(gb) {
			return -1
		}
		dw := d
		for i := range ga {
			x, y := ga[i], gb[i]
			switch {
			case x == y:
			case i == len(ga)-1:
				return -1
			case len(x) < len(y) && isSubsequence(x, y):
				d += utf8.RuneCountInString(y) - utf8.RuneCountInString(x)
			case len(y) < len(x) && isSubsequence(y, x):
				d += utf8.RuneCountInString(x) - utf8.RuneCountInString(y)
			default:
				return -1
			}
		}
		// a short word has fewer letters to spare: one with three
		// consonants (بايرن Bayern is not برن Bern)
		if d-dw > 1 && len(ga) <= 3 {
			return -1
		}
	}
	return d
}

// variants returns the index, built on first use.
func (g *Gazetteer) variants() variantIndex {
	g.variantOnce.Do(func() {
		idx := variantIndex{}
		for _, e := range g.entries {
			if arabic.HasScript(e.Key) {
				continue // an Arabic name: its vowel letters tell it from others
			}
			var seen []string
			for _, a := range e.Aliases {
				m := arabic.MatchForm(a)
				key, words, ok := outlineOf(m)
				if !ok {
					continue
				}
				k := e.Type + "\x00" + key
				if containsString(seen, m) {
					continue
				}
				seen = append(seen, m)
				gaps := make([][]string, len(words))
				for i, w := range words {
					gaps[i] = w.gaps
				}
				idx[k] = append(idx[k], variantAlias{e: e, m: m, gaps: gaps})
			}
		}
		g.variantIdx = idx
	})
	return g.variantIdx
}

func containsString(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// Variant returns the entry of type typ (model.Person, model.Organization
// or model.Location) whose Arabic name the foreign-looking name matchForm
// (MatchForm) writes with more or fewer long-vowel letters (ا و ي) — at
// most two in all and one in a one-word name, none at the end of a word —
// with the same consonants, or nil: when no entry or more than one has such
// a spelling, when a word of the name is not foreign-looking (it has a
// letter like ع or ح that Arabic words have, or ends in ة), when the name
// has fewer than four consonants, or when the entry is keyed by an Arabic
// name (Arabic names differ by their vowel letters: سالم, سليم). An exact
// alias is Lookup's, not Variant's.
func (g *Gazetteer) Variant(matchForm, typ string) *Entry {
	key, words, ok := outlineOf(matchForm)
	if !ok || typ == "" {
		return nil
	}
	limit := variantMaxDiff
	if len(words) == 1 {
		limit = variantMaxDiffOne
	}
	var found *Entry
	var spellings []string // the aliases matched
	other := make([]variantWord, len(words))
	for _, a := range g.variants()[typ+"\x00"+key] {
		for i, gs := range a.gaps {
			other[i] = variantWord{gaps: gs}
		}
		if d := vowelDiff(words, other); d < 0 || d > limit {
			continue
		}
		if !containsString(spellings, a.m) {
			spellings = append(spellings, a.m)
		}
		if found == nil || better(a.e, found) {
			found = a.e
		}
	}
	if len(spellings) > 1 {
		// two spellings of different entries are ambiguous (one spelling
		// of several entries is the best of them, as for Lookup)
		for _, a := range g.variants()[typ+"\x00"+key] {
			for i, gs := range a.gaps {
				other[i] = variantWord{gaps: gs}
			}
			if d := vowelDiff(words, other); d >= 0 && d <= limit && a.e != found {
				return nil
			}
		}
	}
	return found
}

// variantState is the lazily built index of Variant.
type variantState struct {
	variantOnce sync.Once
	variantIdx  variantIndex
}
