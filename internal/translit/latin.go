package translit

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Latin is a list of known Latin names and name words (places, people,
// clubs) with how often the shared data attests them, indexed by their
// sound outline, so that a foreign name written in Arabic letters comes
// back as the Latin name it transcribes: تشلسي Chelsea, زيوريخ Zurich,
// دييجو Diego. It is built by package learn ("kg build translit") from data
// that may ship (data/latin.tsv.gz) and read by Romanize for the words no
// attested spelling covers.
type Latin struct {
	Words []LatinWord
	// index holds the outlines of the words, sorted by consonants; their
	// strings are in text, at offsets: the index is two objects, with no
	// pointers for the garbage collector to trace
	index []latinVariant
	text  string
}

// LatinWord is a known Latin name word.
type LatinWord struct {
	Latin   string  // as written by the data, capitalised: "Chelsea", "McAllen"
	Weight  float64 // how often the data attests it (see package learn)
	Article bool    // the data writes it after the Arabic article (al-Jubail)
	// Common marks an English word the data attests only as a translation
	// (Telegraph, Control: the word of a label its Arabic does not
	// transcribe): a foreign organisation's name may be made of it (ديلي
	// تليجراف Daily Telegraph), a person's is not (أمبر is Amber, not
	// Empire). Match takes it, MatchName does not.
	Common bool
}

// latinVariant is an outline of a word of a Latin index: its consonant
// classes and its gaps (the vowel letters between the consonants, joined
// by commas) at offsets in the index's text.
type latinVariant struct {
	word       int32 // index in Words
	cons, gaps textSpan
}

// textSpan is a string at offsets in a text.
type textSpan struct{ start, end uint32 }

func (sp textSpan) of(text string) string { return text[sp.start:sp.end] }

// The outline of a word is the sequence of its consonant classes, with the
// letter classes Arabic writes foreign names with: one class for b/p (ب),
// t/th (ت ط ث), d (د ض ذ), s/z/soft c (س ص ز ث ذ), sh (ش), ch (تش),
// k/q/hard c (ك ق), g/j (ج غ ق), kh (خ), f/v/ph (ف ڤ و), l, m, n, r. Vowel
// letters (ا و ي ه ع ء ح; a e i o u y w h) are not part of it; they are
// kept per gap between two consonants and checked by quality (ا a/e, ي
// i/e/y, و o/u/w, final ه a/e/h).
const (
	vowelA   = 'A' // ا
	vowelI   = 'I' // ي
	vowelU   = 'U' // و
	vowelEnd = 'E' // final ه (ة)
	vowelAny = '*' // ع ء: anything or nothing
	vowelH   = 'H' // ه (ح) inside a word: an h
)

// arabicUnit is one letter (or the digraph تش) of an Arabic word: its
// consonant classes (a choice) or its vowel quality; a letter with both
// (و: a vowel or v) has both.
type arabicUnit struct {
	cons  string // consonant classes it may be, one byte each
	vowel rune   // its vowel quality, 0 if none
}

var arabicClasses = map[rune]arabicUnit{
	'ب': {cons: "b"}, 'پ': {cons: "b"},
	'ت': {cons: "t"}, 'ط': {cons: "t"},
	'ث': {cons: "ts"},
	'ج': {cons: "g"}, 'غ': {cons: "g"}, 'گ': {cons: "g"},
	'چ': {cons: "c"},
	'خ': {cons: "x"},
	'د': {cons: "d"}, 'ض': {cons: "d"},
	'ذ': {cons: "ds"},
	'ر': {cons: "r"},
	'ز': {cons: "s"}, 'س': {cons: "s"}, 'ص': {cons: "s"}, 'ظ': {cons: "s"}, 'ژ': {cons: "s"},
	'ش': {cons: "S"},
	'ف': {cons: "f"}, 'ڤ': {cons: "f"},
	'ق': {cons: "kg"}, 'ك': {cons: "k"},
	'ل': {cons: "l"}, 'م': {cons: "m"}, 'ن': {cons: "n"},
	'ا': {vowel: vowelA},
	'ي': {vowel: vowelI},
	'و': {vowel: vowelU, cons: "f"},
	'ع': {vowel: vowelAny}, 'ء': {vowel: vowelAny}, 'ح': {vowel: vowelH}, 'ه': {vowel: vowelH},
}

// maxVariants bounds the outlines a word may have.
const maxVariants = 16

// outline is one reading of a word: its consonant classes and the vowel
// letters of the len(cons)+1 gaps around them.
type outline struct {
	cons string
	gaps []string
}

func (o outline) clone() outline {
	return outline{cons: o.cons, gaps: append([]string(nil), o.gaps...)}
}

// addCons appends a consonant class; the same class twice with no vowel
// between is one (a doubled letter).
func (o *outline) addCons(c byte) {
	if n := len(o.cons); n > 0 && o.cons[n-1] == c && o.gaps[len(o.gaps)-1] == "" {
		return
	}
	o.cons += string(c)
	o.gaps = append(o.gaps, "")
}

func (o *outline) addVowel(v rune) { o.gaps[len(o.gaps)-1] += string(v) }

// expand applies step to every outline of os, each step giving one or more
// choices, up to maxVariants.
func expand(os []outline, choices []func(*outline)) []outline {
	if len(choices) == 1 {
		for i := range os {
			choices[0](&os[i])
		}
		return os
	}
	var out []outline
	for _, o := range os {
		for _, ch := range choices {
			if len(out) >= maxVariants {
				return out
			}
			n := o.clone()
			ch(&n)
			out = append(out, n)
		}
	}
	return out
}

// arabicOutlines returns the outlines of an Arabic word (arabic.MatchForm,
// without the article).
func arabicOutlines(m string) []outline {
	rs := []rune(m)
	os := []outline{{gaps: []string{""}}}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if i == 0 && r == 'ا' && len(rs) > 1 && (rs[1] == 'ي' || rs[1] == 'و') {
			continue // the seat of a first vowel: ايمولا Imola, اوديو Odio
		}
		if r == 'ت' && i+1 < len(rs) && rs[i+1] == 'ش' { // تش: ch, or t and sh
			i++
			os = expand(os, []func(*outline){
				func(o *outline) { o.addCons('c') },
				func(o *outline) { o.addCons('t'); o.addCons('S') },
			})
			continue
		}
		u, ok := arabicClasses[r]
		if !ok {
			return nil
		}
		v := u.vowel
		if r == 'ه' && i == len(rs)-1 {
			v = vowelEnd
		}
		var chs []func(*outline)
		if v != 0 {
			chs = append(chs, func(o *outline) { o.addVowel(v) })
		}
		// و is v only between vowels (Arabic writes a first v ف: ودادي is
		// not Vidadi)
		if r == 'و' && (i == 0 || i == len(rs)-1 || !(isArabicVowel(rs[i-1]) && isArabicVowel(rs[i+1]))) {
			u.cons = ""
		}
		for k := 0; k < len(u.cons); k++ {
			c := u.cons[k]
			chs = append(chs, func(o *outline) { o.addCons(c) })
		}
		os = expand(os, chs)
	}
	return os
}

func isArabicVowel(r rune) bool { return r == 'ا' || r == 'ي' || r == 'و' }

// foldLatin lower-cases a Latin word and removes its diacritics (Zürich
// zurich); it returns "" for a word with letters other than Latin ones, an
// apostrophe or a hyphen.
func foldLatin(s string) string {
	t := s
	if !isASCII(s) { // ASCII has no marks to remove: skip the (costly) transform
		var err error
		t, _, err = transform.String(transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC), s)
		if err != nil {
			return ""
		}
	}
	t = strings.ToLower(t)
	for _, r := range t {
		if (r < 'a' || r > 'z') && r != '\'' && r != '-' {
			return ""
		}
	}
	return t
}

var dropApostropheHyphen = strings.NewReplacer("'", "", "-", "")

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// latinOutlines returns the outlines of a folded Latin word.
func latinOutlines(w string) []outline {
	w = dropApostropheHyphen.Replace(w)
	os := []outline{{gaps: []string{""}}}
	cons := func(c byte) func(*outline) { return func(o *outline) { o.addCons(c) } }
	vowel := func(v byte) func(*outline) { return func(o *outline) { o.addVowel(rune(v)) } }
	for i := 0; i < len(w); {
		rest := w[i:]
		next := byte(0)
		if i+1 < len(w) {
			next = w[i+1]
		}
		var chs []func(*outline)
		n := 1
		switch {
		case strings.HasPrefix(rest, "tsch"):
			chs, n = []func(*outline){cons('c')}, 4
		case strings.HasPrefix(rest, "sch"):
			chs, n = []func(*outline){cons('S')}, 3
		case strings.HasPrefix(rest, "tch"):
			chs, n = []func(*outline){cons('c')}, 3
		case strings.HasPrefix(rest, "ch"):
			chs, n = []func(*outline){cons('c'), cons('S'), cons('k'), cons('x')}, 2
		case strings.HasPrefix(rest, "sh"):
			chs, n = []func(*outline){cons('S')}, 2
		case strings.HasPrefix(rest, "th"):
			chs, n = []func(*outline){cons('t')}, 2
		case strings.HasPrefix(rest, "ph"):
			chs, n = []func(*outline){cons('f')}, 2
		case strings.HasPrefix(rest, "kh"):
			chs, n = []func(*outline){cons('x')}, 2
		case strings.HasPrefix(rest, "gh"):
			// one غ (Ghana), or a g and an h of two syllables that Arabic
			// writes غه (Birmingham بيرمنغهام, Nottingham)
			chs, n = []func(*outline){cons('g'), func(o *outline) { o.addCons('g'); o.addVowel('h') }}, 2
		case strings.HasPrefix(rest, "dh"):
			chs, n = []func(*outline){cons('d')}, 2
		case strings.HasPrefix(rest, "dj"):
			chs, n = []func(*outline){cons('g')}, 2
		case strings.HasPrefix(rest, "ck"):
			chs, n = []func(*outline){cons('k')}, 2
		case w[i] == 'c' && (next == 'e' || next == 'i' || next == 'y'):
			chs = []func(*outline){cons('s'), cons('c')}
		case w[i] == 'c' || w[i] == 'k' || w[i] == 'q':
			chs = []func(*outline){cons('k')}
		case w[i] == 'g':
			chs = []func(*outline){cons('g')}
		case w[i] == 'j':
			chs = []func(*outline){cons('g'), cons('x')}
		case w[i] == 'x' && i == 0: // Xavier
			chs = []func(*outline){func(o *outline) { o.addCons('k'); o.addCons('s') }, cons('s')}
		case w[i] == 'x':
			chs = []func(*outline){func(o *outline) { o.addCons('k'); o.addCons('s') }}
		case w[i] == 's' && i == 0 && (next == 't' || next == 'p'): // Stern شتيرن
			chs = []func(*outline){cons('s'), cons('S')}
		case w[i] == 'z':
			chs = []func(*outline){cons('s'), func(o *outline) { o.addCons('t'); o.addCons('s') }}
		case w[i] == 's':
			chs = []func(*outline){cons('s')}
		case w[i] == 'b' || w[i] == 'p':
			chs = []func(*outline){cons('b')}
		case w[i] == 'v' || w[i] == 'f':
			chs = []func(*outline){cons('f')}
		case strings.IndexByte("tdlmnr", w[i]) >= 0:
			chs = []func(*outline){cons(w[i])}
		case strings.IndexByte("aeiouywh", w[i]) >= 0:
			chs = []func(*outline){vowel(w[i])}
		default:
			return nil
		}
		os = expand(os, chs)
		i += n
	}
	return os
}

// gapMatches reports whether the Latin vowel letters lat may write the
// Arabic vowel letters ar of the same gap: Arabic leaves short vowels
// unwritten, so an Arabic gap with no long vowel takes anything; one with
// a long vowel needs a Latin vowel of its quality.
//
// A Latin h needs an Arabic ه, but for a silent one after a vowel (John
// جون); an Arabic ه inside a word needs an h; a gap of several Arabic vowel
// letters (ويا) needs as many Latin letters (يو may be u: Zurich).
func gapMatches(ar, lat string, first bool) bool {
	if h := strings.IndexByte(lat, 'h'); h >= 0 && !strings.ContainsAny(ar, string([]rune{vowelH, vowelEnd, vowelAny})) {
		if first || h != len(lat)-1 || h == 0 {
			return false
		}
	}
	if strings.ContainsRune(ar, vowelH) && !strings.Contains(lat, "h") {
		return false
	}
	if first && lat != "" && (lat[0] == 'w' && !strings.ContainsRune(ar, vowelU) || lat[0] == 'y' && !strings.ContainsRune(ar, vowelI)) {
		return false // a first w or y is a consonant: و or ي
	}
	// every vowel letter needs a Latin vowel of its quality, but يو may be
	// one u (Zurich); two need two letters (بياريتز is not Perez)
	long := 0
	if strings.Contains(ar, string([]rune{vowelI, vowelU})) && strings.Contains(lat, "u") {
		ar = strings.Replace(ar, string([]rune{vowelI, vowelU}), "", 1)
		long++
	}
	for _, q := range ar {
		if q == vowelA || q == vowelI || q == vowelU {
			long++
		}
	}
	if long > 1 && len(lat) < long {
		return false
	}
	for _, q := range ar {
		if ok := vowelLetters(q); ok != "" && !strings.ContainsAny(lat, ok) {
			return false
		}
	}
	return true
}

// vowelLetters are the Latin letters that may write an Arabic vowel
// letter's quality; "" for none.
func vowelLetters(q rune) string {
	switch q {
	case vowelA:
		return "ae"
	case vowelI:
		return "iey"
	case vowelU:
		return "ouw"
	case vowelEnd:
		return "aeh"
	}
	return ""
}

// endMatches reports whether a Latin word whose last gap is lat may end an
// Arabic word whose last gap is ar: a final vowel letter is the last
// Latin vowel (ا a, ي i/y/e/ea, و o/u/w): نوكيا is not Naoki.
func endMatches(ar, lat string) bool {
	if ar == "" {
		return true
	}
	q := []rune(ar)[len([]rune(ar))-1]
	if q == vowelAny || q == vowelH {
		return true
	}
	if q == vowelEnd {
		return lat != ""
	}
	lat = strings.TrimSuffix(lat, "h")
	if lat == "" {
		return false
	}
	last := lat[len(lat)-1]
	switch q {
	case vowelA:
		return last == 'a' && !strings.HasSuffix(lat, "ea")
	case vowelI:
		return last == 'i' || last == 'y' || last == 'e' || strings.HasSuffix(lat, "ea")
	}
	return strings.IndexByte("ouw", last) >= 0
}

func outlinesMatch(a, l outline) bool {
	if a.cons != l.cons || len(a.gaps) != len(l.gaps) {
		return false
	}
	// a word that starts with a consonant in Arabic does in Latin too; one
	// that ends with a consonant ends with one or a silent e
	if a.gaps[0] == "" && l.gaps[0] != "" {
		return false
	}
	if last := len(a.gaps) - 1; a.gaps[last] == "" && l.gaps[last] != "" && l.gaps[last] != "e" || !endMatches(a.gaps[last], l.gaps[last]) {
		return false
	}
	for i := range a.gaps {
		if !gapMatches(a.gaps[i], l.gaps[i], i == 0) {
			return false
		}
	}
	return true
}

// NewLatin indexes words (sorted by Latin, as ReadLatin gives them).
func NewLatin(words []LatinWord) *Latin {
	l := &Latin{Words: words}
	var text strings.Builder
	for i, w := range words {
		first := len(l.index) // the word's variants start here
	outlines:
		for _, o := range latinOutlines(foldLatin(w.Latin)) {
			if len(o.cons) < 2 {
				continue
			}
			gaps := strings.Join(o.gaps, ",") // vowel letters: no comma
			for _, v := range l.index[first:] {
				if v.cons.of(text.String()) == o.cons && v.gaps.of(text.String()) == gaps {
					continue outlines // the same outline twice
				}
			}
			v := latinVariant{word: int32(i)}
			v.cons = textSpan{uint32(text.Len()), uint32(text.Len() + len(o.cons))}
			text.WriteString(o.cons)
			v.gaps = textSpan{uint32(text.Len()), uint32(text.Len() + len(gaps))}
			text.WriteString(gaps)
			l.index = append(l.index, v)
		}
	}
	l.text = text.String()
	slices.SortStableFunc(l.index, func(a, b latinVariant) int { return strings.Compare(a.cons.of(l.text), b.cons.of(l.text)) })
	l.index = slices.Clip(l.index)
	return l
}

// variants returns the index's outlines with consonants cons.
func (l *Latin) variants(cons string) []latinVariant {
	i, _ := slices.BinarySearchFunc(l.index, cons, func(v latinVariant, c string) int { return strings.Compare(v.cons.of(l.text), c) })
	j := i
	for j < len(l.index) && l.index[j].cons.of(l.text) == cons {
		j++
	}
	return l.index[i:j]
}

// splitGaps appends to dst the gaps of a variant, joined by commas.
func splitGaps(dst []string, gaps string) []string {
	for {
		g, rest, more := strings.Cut(gaps, ",")
		dst = append(dst, g)
		if !more {
			return dst
		}
		gaps = rest
	}
}

// nativeLetters are letters Arabic writes foreign names with only by
// exception: a word that has one (or ends in ة) is taken for an Arabic
// word (جامعة is not Jamie, عرفات not Rafat).
const nativeLetters = "عحضظءذ"

// ForeignLike reports whether the Arabic word m (MatchForm) may transcribe
// a foreign name: three letters or more, none of nativeLetters, no final
// ة, a vowel letter.
func ForeignLike(m string) bool {
	return utf8.RuneCountInString(m) >= 3 && !HasNativeLetter(m) && !strings.HasSuffix(m, "ه") && strings.ContainsAny(m, "اوي")
}

// HasNativeLetter reports whether the Arabic word m has a letter of
// nativeLetters, one foreign names are written with only by exception.
func HasNativeLetter(m string) bool { return strings.ContainsAny(m, nativeLetters) }

// Candidates returns the known Latin words an Arabic word (MatchForm,
// without the article) may transcribe, most attested first; none for a
// word of fewer than three letters, with a letter of nativeLetters, or
// with no vowel letter (غرم is not Graham: a foreign name writes its vowels).
func (l *Latin) Candidates(m string) []LatinWord { return l.candidates(m, true) }

func (l *Latin) candidates(m string, common bool) []LatinWord {
	if l == nil || !ForeignLike(m) {
		return nil
	}
	var found []int32 // of Words
	var gaps []string
	for _, a := range arabicOutlines(m) {
		if len(a.cons) < 2 {
			continue
		}
		for _, v := range l.variants(a.cons) {
			if slices.Contains(found, v.word) {
				continue
			}
			if !common && l.Words[v.word].Common {
				continue
			}
			gaps = splitGaps(gaps[:0], v.gaps.of(l.text))
			if outlinesMatch(a, outline{cons: a.cons, gaps: gaps}) {
				found = append(found, v.word)
			}
		}
	}
	out := make([]LatinWord, 0, len(found))
	for _, i := range found {
		out = append(out, l.Words[i])
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Weight != out[j].Weight {
			return out[i].Weight > out[j].Weight
		}
		return out[i].Latin < out[j].Latin
	})
	return out
}

// Transcribes reports whether the Arabic word m (arabic.MatchForm, without
// the article) may write the Latin word lat, by the outlines Candidates
// matches with: بوتين Putin, تشلسي Chelsea, but not أثر "trace" and
// Without. A word that is not ForeignLike transcribes nothing.
func Transcribes(m, lat string) bool {
	if !ForeignLike(m) {
		return false
	}
	ls := latinOutlines(foldLatin(lat))
	for _, a := range arabicOutlines(m) {
		if len(a.cons) < 2 {
			continue
		}
		for _, l := range ls {
			if outlinesMatch(a, l) {
				return true
			}
		}
	}
	return false
}

// Dominance is how many times more attested than the next the best
// candidate must be for Match to choose it.
const Dominance = 3

// Match returns the known Latin word an Arabic word (MatchForm, without
// the article) transcribes: the only candidate, or the one at least
// Dominance times more attested than any other.
func (l *Latin) Match(m string) (LatinWord, bool) { return l.match(m, true) }

// MatchName is Match among the names alone: the words not Common.
func (l *Latin) MatchName(m string) (LatinWord, bool) { return l.match(m, false) }

func (l *Latin) match(m string, common bool) (LatinWord, bool) {
	return dominant(l.candidates(m, common))
}

// dominant returns the only candidate of cs (most attested first), or the
// first when it is attested at least Dominance times more than the next.
func dominant(cs []LatinWord) (LatinWord, bool) {
	switch {
	case len(cs) == 0:
		return LatinWord{}, false
	case len(cs) == 1 || cs[0].Weight >= Dominance*cs[1].Weight:
		return cs[0], true
	}
	return LatinWord{}, false
}

// latinHeader starts data/latin.tsv.gz; the number is the format version.
const latinHeader = "kg-latin\t2"

// latinFlags are the flags field's values.
var latinFlags = map[string]bool{"": true, "a": true, "c": true, "ac": true}

// WriteLatin writes words, sorted by Latin, as gzipped TSV: the header,
// then lines Latin, weight (two decimals), flags: "a" when the word takes
// the article, "c" when it is Common.
func WriteLatin(w io.Writer, words []LatinWord) error {
	ws := append([]LatinWord(nil), words...)
	sort.Slice(ws, func(i, j int) bool { return ws[i].Latin < ws[j].Latin })
	var b bytes.Buffer
	b.WriteString(latinHeader + "\n")
	for _, x := range ws {
		art := ""
		if x.Article {
			art = "a"
		}
		if x.Common {
			art += "c"
		}
		fmt.Fprintf(&b, "%s\t%s\t%s\n", x.Latin, strconv.FormatFloat(RoundCount(x.Weight), 'f', -1, 64), art)
	}
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := zw.Write(b.Bytes()); err != nil {
		return err
	}
	return zw.Close()
}

// WriteLatinFile writes words to path through a temporary file.
func WriteLatinFile(path string, words []LatinWord) error {
	return writeAtomic(path, ".latin-*", func(w io.Writer) error { return WriteLatin(w, words) })
}

// ReadLatin reads a file written by WriteLatin and indexes it.
func ReadLatin(r io.Reader) (*Latin, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	sc := bufio.NewScanner(zr)
	var words []LatinWord
	line := 0
	for sc.Scan() {
		line++
		if line == 1 {
			if sc.Text() != latinHeader {
				return nil, fmt.Errorf("latin data: not a kg-latin file of format 2")
			}
			continue
		}
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("latin data, line %d: want 3 fields", line)
		}
		wt, err := strconv.ParseFloat(f[1], 64)
		if err != nil || wt <= 0 || foldLatin(f[0]) == "" || !latinFlags[f[2]] {
			return nil, fmt.Errorf("latin data, line %d: bad entry %q", line, sc.Text())
		}
		words = append(words, LatinWord{Latin: f[0], Weight: wt, Article: strings.Contains(f[2], "a"), Common: strings.Contains(f[2], "c")})
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if line == 0 {
		return nil, fmt.Errorf("latin data: empty")
	}
	return NewLatin(words), nil
}
