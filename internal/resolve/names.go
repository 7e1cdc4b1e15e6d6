package resolve

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kg-project/kg/internal/text/arabic"
)

//go:embed names.txt
var namesFile string

// wordLists are the word classes of names.txt, in MatchForm.
type wordLists struct {
	titles   [][]string // each title as its words
	surtitle map[string]bool
	stop     map[string]bool
	particle map[string]bool
	chain    map[string]bool
	compound map[string]bool
	article  map[string]bool
	// cases maps an inflected form of a compound word to the form names
	// are compared in (ابي -> ابو).
	cases map[string]string
	// letterClass maps each letter of a letters line to its class (the
	// line's first letter); vowel holds the vowel letters.
	letterClass map[rune]rune
	vowel       map[rune]bool
}

var words = mustWordLists(namesFile)

func mustWordLists(s string) *wordLists {
	w, err := parseWordLists(s)
	if err != nil {
		panic("internal/resolve/names.txt: " + err.Error())
	}
	return w
}

func parseWordLists(s string) (*wordLists, error) {
	w := &wordLists{surtitle: map[string]bool{}, stop: map[string]bool{}, particle: map[string]bool{}, chain: map[string]bool{}, compound: map[string]bool{}, article: map[string]bool{},
		cases: map[string]string{}, letterClass: map[rune]rune{}, vowel: map[rune]bool{}}
	seen := map[string]bool{}
	for i, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		kind, rest, ok := strings.Cut(line, " ")
		rest = arabic.MatchForm(strings.TrimSpace(rest))
		if !ok || rest == "" {
			return nil, fmt.Errorf("line %d: want KIND WORD", i+1)
		}
		if seen[kind+" "+rest] {
			return nil, fmt.Errorf("line %d: %s %q listed twice", i+1, kind, rest)
		}
		seen[kind+" "+rest] = true
		multi := strings.Contains(rest, " ")
		switch kind {
		case "title":
			w.titles = append(w.titles, strings.Fields(rest))
			continue
		case "surtitle":
			w.surtitle[rest] = true
			continue
		case "case":
			form, base, ok := strings.Cut(rest, " ")
			if !ok || strings.Contains(base, " ") || form == base {
				return nil, fmt.Errorf("line %d: want case FORM BASE", i+1)
			}
			if _, dup := w.cases[form]; dup {
				return nil, fmt.Errorf("line %d: case form %q listed twice", i+1, form)
			}
			w.cases[form] = base
			continue
		case "letters", "vowels":
			var class rune
			for _, l := range strings.Fields(rest) {
				r, size := utf8.DecodeRuneInString(l)
				if size != len(l) {
					return nil, fmt.Errorf("line %d: %q is not one letter", i+1, l)
				}
				if kind == "vowels" {
					w.vowel[r] = true
					continue
				}
				if class == 0 {
					class = r
				}
				if c, dup := w.letterClass[r]; dup && c != class {
					return nil, fmt.Errorf("line %d: letter %q is in two classes", i+1, l)
				}
				w.letterClass[r] = class
			}
			if kind == "letters" && len(strings.Fields(rest)) < 2 {
				return nil, fmt.Errorf("line %d: a letters class has two letters or more", i+1)
			}
			continue
		case "stop":
			w.stop[rest] = true
		case "particle":
			w.particle[rest] = true
		case "chain":
			w.chain[rest] = true
		case "compound":
			w.compound[rest] = true
		case "article":
			w.article[rest] = true
		default:
			return nil, fmt.Errorf("line %d: unknown kind %q (title, surtitle, stop, particle, chain, compound, article, case, letters, vowels)", i+1, kind)
		}
		if multi {
			return nil, fmt.Errorf("line %d: a %s is one word", i+1, kind)
		}
	}
	for t := range w.surtitle {
		if !slices.ContainsFunc(w.titles, func(x []string) bool { return strings.Join(x, " ") == t }) {
			return nil, fmt.Errorf("surtitle %q is not listed as a title", t)
		}
	}
	for form, base := range w.cases {
		if !w.compound[base] {
			return nil, fmt.Errorf("case %s %s: %q is not listed as a compound", form, base, base)
		}
	}
	for r := range w.vowel {
		if _, ok := w.letterClass[r]; ok {
			return nil, fmt.Errorf("%q is listed as a vowel and in a letters class", r)
		}
	}
	return w, nil
}

// pname is a name as the rules compare it.
type pname struct {
	text    string   // the form it was parsed from
	title   string   // the title removed from its start, "" when none
	words   []string // MatchForm words: titles removed, compounds joined, chain markers as "بن"/"bin"
	content []string // words without chain markers
	given   string   // the first word
	family  string   // the last word when it is a family name (not the Y of "X بن Y"); "" otherwise
	chain   bool     // has a chain marker (بن, ابن, bin...)
	dynasty bool     // ends with the name of a dynasty, after آل (آل سعود)
	arabic  bool     // written in Arabic script
}

func (p pname) identity() string { return strings.Join(p.words, " ") }

// parseName analyses one written form of a name. It returns false when
// nothing of a name is left.
func parseName(form string) (pname, bool) {
	p := pname{text: form}
	mf := strings.TrimSuffix(arabic.MatchForm(form), "'s") // possessive: Haddad's
	toks := strings.FieldsFunc(mf, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for _, t := range toks {
		for _, r := range t {
			if arabic.InBlock(r) {
				p.arabic = true
			}
		}
	}
	// titles that open the name, as long as a name follows them
	for changed := true; changed; {
		changed = false
		if len(toks) > 1 && words.stop[toks[0]] {
			toks, changed = toks[1:], true
		}
		for _, t := range words.titles {
			if len(toks) > len(t) && equalWords(toks[:len(t)], t) && !words.chain[toks[len(t)]] {
				p.title = strings.Join(t, " ")
				toks, changed = toks[len(t):], true
			}
		}
	}
	var out []string
	dynasty := -1 // index in out of the word after آل
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		last := i == len(toks)-1
		if b, ok := words.cases[t]; ok && !last {
			t = b // أبي بكر: the kunya أبو in another case
		}
		switch {
		case t == "ال" && !last:
			dynasty = len(out) // آل سعود: a dynasty, whose name is also a given name
			continue
		case words.article[t] && !last:
			continue // al-Faisal: the family name is the next word
		case (words.compound[t] || words.chain[t] && len(out) == 0) && !last:
			out = append(out, t+toks[i+1]) // عبد الله -> عبدالله, ابن خلدون as one given name
			i++
		case words.chain[t]:
			if p.arabic {
				out = append(out, "بن")
			} else {
				out = append(out, "bin")
			}
		default:
			out = append(out, t)
		}
	}
	if len(out) == 0 {
		return p, false
	}
	p.words = out
	p.dynasty = dynasty == len(out)-1
	for i, w := range out {
		if isChain(w) {
			p.chain = true
			continue
		}
		p.content = append(p.content, w)
		if i == len(out)-1 && len(p.content) > 1 && !isChain(out[i-1]) && i != dynasty {
			p.family = w // not after آل: سعود alone is a given name, not the king's family name
		}
	}
	if len(p.content) == 0 {
		return p, false
	}
	p.given = p.content[0]
	return p, true
}

func isChain(w string) bool { return w == "بن" || w == "bin" }

func equalWords(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// bare drops the Arabic article from a word (الجبير -> جبير) when a stem
// of two letters or more remains.
func bare(w string) string {
	if strings.HasPrefix(w, "ال") && utf8.RuneCountInString(w) >= 4 {
		return w[len("ال"):]
	}
	return w
}

func hasArticle(w string) bool { return bare(w) != w }

// subsequence reports whether a's words occur in b in order, comparing
// family-name positions without the article.
func subsequence(a, b []string) bool {
	j := 0
	for i := 0; i < len(b) && j < len(a); i++ {
		if bare(a[j]) == bare(b[i]) {
			j++
		}
	}
	return j == len(a)
}

func hasSuffixWords(b, a []string) bool {
	if len(a) > len(b) {
		return false
	}
	off := len(b) - len(a)
	for i := range a {
		if bare(a[i]) != bare(b[off+i]) {
			return false
		}
	}
	return true
}

// isVowelLetter: the long vowels and alef (names.txt, vowels).
func isVowelLetter(r rune) bool { return words.vowel[r] }

// class is the letter's class of transliteration letters (names.txt,
// letters), the letter itself when it has none.
func class(r rune) rune {
	if c, ok := words.letterClass[r]; ok {
		return c
	}
	return r
}

// loose is the consonant outline of an Arabic word: swap classes for
// letters, vowel letters left out, a class repeated counted once
// (لاسزلو / لازلو).
func loose(w string) string {
	var b strings.Builder
	var prev rune
	for _, r := range w {
		if isVowelLetter(r) {
			continue
		}
		if c := class(r); c != prev {
			b.WriteRune(c)
			prev = c
		}
	}
	return b.String()
}

// letterDistance is the edit distance between two words where swapping a
// letter for another of its class costs nothing and, when moves is set, a
// vowel letter moved past its neighbour (اوغلو / اغولو) costs one edit.
func letterDistance(a, b string, moves bool) int {
	x, y := []rune(a), []rune(b)
	pprev := make([]int, len(y)+1)
	prev := make([]int, len(y)+1)
	cur := make([]int, len(y)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(x); i++ {
		cur[0] = i
		for j := 1; j <= len(y); j++ {
			sub := prev[j-1]
			if class(x[i-1]) != class(y[j-1]) {
				sub++
			}
			cur[j] = min(sub, prev[j]+1, cur[j-1]+1)
			if moves && i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] && x[i-1] != x[i-2] &&
				(isVowelLetter(x[i-1]) || isVowelLetter(x[i-2])) {
				cur[j] = min(cur[j], pprev[j-2]+1)
			}
		}
		pprev, prev, cur = prev, cur, pprev
	}
	return prev[len(y)]
}

// variantWords reports whether two different Arabic words may be two
// transliterations of one foreign word: at least four letters each, the
// same first letter (up to its class), the same consonant outline, and one
// edit apart (two for words of seven letters or more; a vowel letter moved
// is an edit in words of minMoveLetters or more, where كمال / كامل are not). A difference in
// long vowels only counts when vowelsOK says so (it tells سلمان / سليمان
// and محمد / محمود apart); words of three letters (سعد / سعيد) never
// count.
func variantWords(x, y string, vowelsOK func() bool) bool {
	nx, ny := utf8.RuneCountInString(x), utf8.RuneCountInString(y)
	if min(nx, ny) < 4 || loose(x) != loose(y) {
		return false
	}
	fx, _ := utf8.DecodeRuneInString(x)
	fy, _ := utf8.DecodeRuneInString(y)
	if class(fx) != class(fy) {
		return false
	}
	limit := 1
	if min(nx, ny) >= 7 {
		limit = 2
	}
	if letterDistance(x, y, min(nx, ny) >= minMoveLetters) > limit {
		return false
	}
	if stripVowels(x) == stripVowels(y) {
		// no consonant swapped: long vowels only
		return vowelsOK()
	}
	return true
}

// minMoveLetters: a vowel letter moved past its neighbour is a spelling
// of the same word only in words this long (اوغلو / اغولو); in shorter
// ones it makes another name (كمال / كامل, صالح / صلاح).
const minMoveLetters = 5

// vowelReplaced reports whether x and y differ only by vowel letters put
// for one another in the same places (ميشال / ميشيل), none added, dropped
// or moved.
func vowelReplaced(x, y string) bool {
	rx, ry := []rune(x), []rune(y)
	if len(rx) != len(ry) {
		return false
	}
	for i := range rx {
		if rx[i] != ry[i] && !(isVowelLetter(rx[i]) && isVowelLetter(ry[i])) {
			return false
		}
	}
	return true
}

func stripVowels(w string) string {
	return strings.Map(func(r rune) rune {
		if isVowelLetter(r) {
			return -1
		}
		return r
	}, w)
}

// transliterationVariants reports whether two Arabic names of two words
// or more, without a nasab chain, are spellings of one foreign name: word
// by word equal or variantWords, at least one pair different. A family
// name of three letters counts too when one letter of it is swapped for
// another of its class (غال / جال) and the two words or more before it
// are the same (shortSwap).
func transliterationVariants(a, b pname, vowelsOK func(a pname, i int, x, y string) bool) bool {
	if len(a.words) != len(b.words) || a.chain || b.chain || a.dynasty || b.dynasty || !a.arabic || !b.arabic || len(a.words) < 2 {
		return false // a dynasty's name (آل سعود, آل سعيد) is Arabic, no foreign name's spelling
	}
	differ := 0
	short := false
	for i := range a.words {
		x, y := a.words[i], b.words[i]
		if x == y {
			continue
		}
		differ++
		if i > 0 && i == len(a.words)-1 && len(a.words) >= 3 && shortSwap(x, y) {
			short = true
			continue
		}
		if !variantWords(x, y, func() bool { return vowelsOK(a, i, x, y) }) {
			return false
		}
	}
	return differ > 0 && (!short || differ == 1)
}

// shortSwap reports whether two words of three letters differ by one
// letter swapped for another of its class (غال / جال), vowels the same.
func shortSwap(x, y string) bool {
	rx, ry := []rune(x), []rune(y)
	if len(rx) != 3 || len(ry) != 3 {
		return false
	}
	swaps := 0
	for i := range rx {
		switch {
		case rx[i] == ry[i]:
		case class(rx[i]) == class(ry[i]):
			swaps++
		default:
			return false
		}
	}
	return swaps == 1
}

// looseKey buckets names that may be transliteration variants.
func (p pname) looseKey() string {
	ks := make([]string, len(p.words))
	for i, w := range p.words {
		ks[i] = loose(w)
	}
	return strings.Join(ks, " ")
}
