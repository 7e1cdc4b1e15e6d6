package gazetteer

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/text/arabic"
	"github.com/kg-project/kg/internal/translit"
)

// Arabic writes a foreign name's vowels with the long-vowel letters ا و ي,
// and writers disagree on which to write: برمنغهام and بيرمنغهام are both
// Birmingham, نتنياهو and نتانياهو both Netanyahu, أوباما and أوبما both
// Obama. Variant finds the entry a name names when it is spelt with more or
// fewer of those letters than the gazetteer's spelling.

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
	gaps [][]string // its words' gaps (outlineOf)
}

// variantIndex maps the type and consonant outline of each foreign-looking
// Arabic alias of an entry keyed by its English name (not an Arabic name) to
// the aliases with that outline.
type variantIndex map[string][]variantAlias

// foreignWord reports whether the word w (MatchForm) may be a foreign name
// Arabic transcribes (translit.ForeignLike: a word with a letter like ع or
// ح is Arabic, and Arabic names differ by their vowel letters: سالم,
// سليم), with a vowel letter after its first letter.
func foreignWord(w string) bool {
	_, size := utf8.DecodeRuneInString(w)
	return translit.ForeignLike(w) && strings.ContainsAny(w[size:], "اوي")
}

// outlineOf cuts the name m (MatchForm) into word outlines, the article ال
// of a word of more than four letters left out: the key is the words'
// consonants (the first letter and the letters that are not ا و ي, a letter
// doubled without a vowel between counted once), and gaps[w][i] the vowel
// letters after the i-th consonant of word w. ok is false when a word is
// not foreignWord or the key has fewer than variantMinConsonants letters.
func outlineOf(m string) (key string, gaps [][]string, ok bool) {
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
		g := []string{""}
		for i, r := range w {
			if i > 0 && (r == 'ا' || r == 'و' || r == 'ي') {
				g[len(g)-1] += string(r)
				continue
			}
			if len(cons) > 0 && r == cons[len(cons)-1] && g[len(g)-1] == "" {
				continue
			}
			cons = append(cons, r)
			if i > 0 {
				g = append(g, "")
			}
		}
		n += len(cons)
		if kb.Len() > 0 {
			kb.WriteByte(' ')
		}
		kb.WriteString(string(cons))
		gaps = append(gaps, g)
	}
	return kb.String(), gaps, n >= variantMinConsonants
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
func vowelDiff(a, b [][]string) int {
	if len(a) != len(b) {
		return -1
	}
	d := 0
	for w := range a {
		ga, gb := a[w], b[w]
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
				key, gaps, ok := outlineOf(m)
				if !ok || slices.Contains(seen, m) {
					continue
				}
				seen = append(seen, m)
				k := e.Type + "\x00" + key
				idx[k] = append(idx[k], variantAlias{e: e, m: m, gaps: gaps})
			}
		}
		g.variantIdx = idx
	})
	return g.variantIdx
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
//
// A name with ج is also looked up with غ for each ج: Egyptian and older
// spelling writes a foreign g with ج (الكونجو Congo, جامبيا Gambia, كارل
// ساجان Carl Sagan) where the gazetteer writes غ. Such a spelling names an
// entry with a QID, or a foreign person by a name of two words or more, so
// that a name that only differs by that letter (أجدير, إغدير Igdır) is not
// taken for a lesser place.
func (g *Gazetteer) Variant(matchForm, typ string) *Entry {
	if e := g.vowelVariant(matchForm, typ); e != nil || typ == "" || !strings.Contains(matchForm, "ج") {
		return e
	}
	for _, w := range strings.Fields(matchForm) {
		if !translit.ForeignLike(w) {
			return nil
		}
	}
	sure := func(e *Entry) bool {
		return e != nil && e.Type == typ && !arabic.HasScript(e.Key) &&
			(e.QID != "" || typ == model.Person && strings.Contains(matchForm, " "))
	}
	withG := strings.ReplaceAll(matchForm, "ج", "غ")
	for _, e := range g.Lookup(withG) {
		if e.Type == typ {
			if sure(e) {
				return e
			}
			return nil
		}
	}
	if e := g.vowelVariant(withG, typ); sure(e) {
		return e
	}
	return nil
}

// vowelVariant is Variant for the vowel letters only.
func (g *Gazetteer) vowelVariant(matchForm, typ string) *Entry {
	key, gaps, ok := outlineOf(matchForm)
	if !ok || typ == "" {
		return nil
	}
	limit := variantMaxDiff
	if len(gaps) == 1 {
		limit = variantMaxDiffOne
	}
	var matched []variantAlias
	for _, a := range g.variants()[typ+"\x00"+key] {
		if d := vowelDiff(gaps, a.gaps); d >= 0 && d <= limit {
			matched = append(matched, a)
		}
	}
	// one spelling of several entries is the best of them, as for Lookup;
	// when two spellings match, all must be of one entry
	var found *Entry
	var spellings []string
	for _, a := range matched {
		if found == nil || better(a.e, found) {
			found = a.e
		}
		if !slices.Contains(spellings, a.m) {
			spellings = append(spellings, a.m)
		}
	}
	if len(spellings) > 1 {
		for _, a := range matched {
			if a.e != found {
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
