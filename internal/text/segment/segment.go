package segment

import (
	"unicode"
	"unicode/utf8"
)

// Token is one token; Start/End are offsets in Unicode code points into the
// original text (End exclusive).
type Token struct {
	Text       string
	Start, End int
	Sentence   int
}

// Sentence is one sentence of a text; Start/End are code point offsets into
// the original text (End exclusive) and Text is that slice.
type Sentence struct {
	Text       string
	Start, End int
}

// isWordRune reports whether r belongs inside a word token: letters, combining
// marks (tashkeel), tatweel and digits. Invisible formatting characters
// (IsInvisible) join a word only when a word rune follows them.
func isWordRune(r rune) bool {
	if r >= 0x0621 && r <= 0x064A { // the Arabic letters: most runes of the text
		return true
	}
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) ||
		r == 0x0640 || IsDiacritic(r)
}

// invisibleRun returns the index of the first rune at or after j that is
// not invisible (IsInvisible).
func invisibleRun(rs []rune, j int) int {
	for j < len(rs) && IsInvisible(rs[j]) {
		j++
	}
	return j
}

// isNumSep reports whether r may join two digit runs inside one number token
// (3.5, 1,000, ١٢٫٥).
func isNumSep(r rune) bool {
	return r == '.' || r == ',' || r == 0x066B || r == 0x066C
}

// IsNumber reports whether a token is a number written in digits (3, ٣,
// 3.5, 1,000, ١٢٫٥): digits and the separators isNumSep allows, at least
// one digit. Both the run-time rules and the build of the word statistics
// use it, so that they agree on what a number is.
func IsNumber(t string) bool {
	digits := false
	for _, r := range t {
		switch {
		case unicode.IsDigit(r):
			digits = true
		case isNumSep(r):
		default:
			return false
		}
	}
	return digits
}

// isSpace reports whether r is white space, zero width space or BOM;
// ASCII and the Arabic block, most of the text, without table lookups.
func isSpace(r rune) bool {
	switch {
	case r < 0x80:
		return r == ' ' || r >= '\t' && r <= '\r'
	case r >= 0x0600 && r <= 0x06FF:
		return false
	}
	return unicode.IsSpace(r) || r == 0x200B || r == 0xFEFF
}

// Tokenize splits text into word, number and punctuation tokens. Arabic and
// Latin words are kept whole (clitics are not split; see Analyze and Stems);
// a run of letters and digits is one token (G20, كوفيد19); digits joined by
// '.', ',', '٫' or '٬' are one number; runs of '.' are one token ("...");
// every other punctuation or symbol rune is its own token. Invisible
// formatting characters (IsInvisible: bidi marks, ZWJ, ZWNJ, …) never split
// a word — بو<RLM>تين is one token — and are skipped like white space
// elsewhere, so that no token starts or ends with one or consists of them.
// Every token's Sentence is the index of the sentence of Sentences(text)
// that contains it.
func Tokenize(text string) []Token {
	rs := []rune(text)
	return tokenize(text, rs, sentenceBounds(rs))
}

// TokenizeSentences returns Tokenize(text) and Sentences(text), reading
// text once.
func TokenizeSentences(text string) ([]Token, []Sentence) {
	return TokenizeSentencesRunes(text, []rune(text))
}

// TokenizeSentencesRunes is TokenizeSentences given rs, which must be
// []rune(text) (for a caller that needs them too); rs is only read.
func TokenizeSentencesRunes(text string, rs []rune) ([]Token, []Sentence) {
	b := sentenceBounds(rs)
	return tokenize(text, rs, b), sentences(text, rs, b)
}

// tokenize is Tokenize, given the runes of text and its sentence bounds.
func tokenize(text string, rs []rune, sents []bound) []Token {
	toks := make([]Token, 0, len(rs)/6+1)
	n := len(rs)
	// token texts are slices of text when the rune and byte offsets can be
	// kept in step (valid UTF-8); b is the byte offset of rune i
	valid := utf8.ValidString(text)
	b := 0
	for i := 0; i < n; {
		r := rs[i]
		if isSpace(r) || IsInvisible(r) {
			b += utf8.RuneLen(r)
			i++
			continue
		}
		j := i + 1
		switch {
		case isWordRune(r):
			for j < n {
				c := rs[j]
				if isWordRune(c) {
					j++
					continue
				}
				if IsInvisible(c) {
					if k := invisibleRun(rs, j); k < n && isWordRune(rs[k]) {
						j = k + 1 // inside the word: بو<ZWNJ>تين
						continue
					}
					break
				}
				// digit SEP digit stays one number
				if isNumSep(c) && j+1 < n && unicode.IsDigit(rs[j-1]) && unicode.IsDigit(rs[j+1]) {
					j += 2
					continue
				}
				// Latin apostrophe inside a word: O'Brien, d'Estaing
				if (c == '\'' || c == '’') && j+1 < n && isLatinLetter(rs[j-1]) && isLatinLetter(rs[j+1]) {
					j += 2
					continue
				}
				break
			}
		case r == '.':
			for j < n && rs[j] == '.' {
				j++
			}
		}
		var tt string
		if valid {
			e := b
			for k := i; k < j; k++ {
				e += utf8.RuneLen(rs[k])
			}
			tt = text[b:e]
			b = e
		} else {
			tt = string(rs[i:j])
		}
		toks = append(toks, Token{Text: tt, Start: i, End: j})
		i = j
	}
	if len(toks) == 0 {
		return toks
	}
	s := 0
	for k := range toks {
		for s+1 < len(sents) && toks[k].Start >= sents[s].End {
			s++
		}
		toks[k].Sentence = s
	}
	return toks
}

func isLatinLetter(r rune) bool {
	return r < 0x250 && unicode.IsLetter(r)
}

// Sentences splits text into sentences: after . ! ? ؟ ; ؛ … (and runs of
// them) and at line breaks. A closing quote or bracket right after the
// terminator stays with its sentence; terminators inside «», “” or "..."
// quotes do not end the sentence (a line break always does). A '.' between a
// Latin letter or digit and a following letter or digit (3.5, U.S.A) is not a
// terminator. Sentences are trimmed of white space and never empty.
func Sentences(text string) []Sentence {
	rs := []rune(text)
	return sentences(text, rs, sentenceBounds(rs))
}

// sentences makes the sentences of text from its runes and sentence
// bounds. Their texts are slices of text when it is valid UTF-8 (the runes
// then spell it exactly), else made from the runes.
func sentences(text string, rs []rune, b []bound) []Sentence {
	out := make([]Sentence, len(b))
	valid := utf8.ValidString(text)
	i, off := 0, 0 // rune i is at byte off of text
	at := func(k int) int {
		for ; i < k; i++ {
			off += utf8.RuneLen(rs[i])
		}
		return off
	}
	for k, s := range b {
		var t string
		if valid {
			t = text[at(s.Start):at(s.End)]
		} else {
			t = string(rs[s.Start:s.End])
		}
		out[k] = Sentence{Text: t, Start: s.Start, End: s.End}
	}
	return out
}

type bound struct{ Start, End int }

func isTerminator(r rune) bool {
	switch r {
	case '.', '!', '?', '؟', ';', '؛', '…', '۔':
		return true
	}
	return false
}

func isCloser(r rune) bool {
	switch r {
	case '»', '”', '"', ')', ']', '}', '’', '\'', '›':
		return true
	}
	return false
}

func isLineBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', 0x85, 0x2028, 0x2029:
		return true
	}
	return false
}

func sentenceBounds(rs []rune) []bound {
	var out []bound
	n := len(rs)
	emit := func(a, b int) {
		for a < b && isSpace(rs[a]) {
			a++
		}
		for b > a && isSpace(rs[b-1]) {
			b--
		}
		if a < b {
			out = append(out, bound{a, b})
		}
	}
	start := 0
	depth := 0        // «» and “” nesting
	straight := false // inside "..."
	for i := 0; i < n; i++ {
		r := rs[i]
		switch {
		case isLineBreak(r):
			emit(start, i)
			start = i + 1
			depth, straight = 0, false
			continue
		case r == '«' || r == '“':
			depth++
			continue
		case r == '»' || r == '”':
			if depth > 0 {
				depth--
			}
			if depth == 0 && !straight && prevIsTerminator(rs, start, i) {
				i = splitAfter(rs, i+1, &straight, emit, &start)
			}
			continue
		case r == '"':
			straight = straightQuote(rs, i, straight)
			if !straight && depth == 0 && prevIsTerminator(rs, start, i) {
				i = splitAfter(rs, i+1, &straight, emit, &start)
			}
			continue
		}
		if !isTerminator(r) || depth > 0 || straight {
			continue
		}
		if r == '.' && i > 0 && i+1 < n {
			p, q := rs[i-1], rs[i+1]
			if (isLatinLetter(p) || unicode.IsDigit(p)) && (unicode.IsLetter(q) || unicode.IsDigit(q)) {
				continue
			}
		}
		// a single Latin capital before '.' is an initial or abbreviation
		// (U.S. officials, J. Smith)
		if r == '.' && i > 0 && unicode.IsUpper(rs[i-1]) && isLatinLetter(rs[i-1]) && (i == 1 || !unicode.IsLetter(rs[i-2])) {
			continue
		}
		i = splitAfter(rs, i+1, &straight, emit, &start)
	}
	emit(start, n)
	return out
}

// straightQuote returns whether the text after the straight quote rs[i] is
// inside "...", given whether the text before it is (inside). A quote with
// a space (or the start of the line) before it and a word after it opens a
// quotation, one with a word or a terminator before it and a space or
// punctuation after it closes one; any other toggles. Reading the quote's
// side keeps one stray quote from inverting every quotation after it: a
// paragraph that opens with the closing quote of the last one ("
// When he was ... was " a worrying issue ... overall". Washington argues)
// would otherwise read its sentences as quoted and never split them. A
// quote with spaces on both sides (common in Arabic news: " نص ") toggles.
func straightQuote(rs []rune, i int, inside bool) bool {
	lineStart := i == 0 || isLineBreak(rs[i-1])
	before := lineStart || isSpace(rs[i-1])
	after := i+1 >= len(rs) || isSpace(rs[i+1]) || isLineBreak(rs[i+1])
	switch {
	case lineStart && after:
		return false // the last paragraph's closing quote, on this line
	case before && !after:
		return true
	case !before && (after || unicode.IsPunct(rs[i+1])):
		return false
	}
	return !inside
}

// prevIsTerminator reports whether the last non-space rune of rs[start:i] is
// a sentence terminator.
func prevIsTerminator(rs []rune, start, i int) bool {
	for k := i - 1; k >= start; k-- {
		if isSpace(rs[k]) {
			continue
		}
		return isTerminator(rs[k])
	}
	return false
}

// splitAfter absorbs the terminators and closing quotes/brackets from j on,
// ends the current sentence there and returns the index of the last rune
// absorbed (the loop variable of the caller).
func splitAfter(rs []rune, j int, straight *bool, emit func(a, b int), start *int) int {
	n := len(rs)
	for j < n && (isTerminator(rs[j]) || isCloser(rs[j])) {
		if rs[j] == '"' {
			if straightQuote(rs, j, *straight) {
				break // an opening straight quote starts the next sentence
			}
			*straight = false
		}
		j++
	}
	emit(*start, j)
	*start = j
	return j - 1
}

// SentenceWords groups tokens (from Tokenize) by sentence: words[s] are the
// texts of sentence s's tokens and starts[s] the index of its first token.
func SentenceWords(toks []Token) (starts []int, words [][]string) {
	for i := 0; i < len(toks); {
		j := i
		for j < len(toks) && toks[j].Sentence == toks[i].Sentence {
			j++
		}
		ws := make([]string, j-i)
		for k := i; k < j; k++ {
			ws[k-i] = toks[k].Text
		}
		starts = append(starts, i)
		words = append(words, ws)
		i = j
	}
	return starts, words
}

// IsInvisible reports whether r is an invisible formatting character that
// news text carries inside or between words: zero-width joiner and
// non-joiner, the left-to-right, right-to-left and Arabic letter marks,
// bidi embeddings, overrides and isolates, the word joiner and invisible
// operators, the soft hyphen. They are folded away (Normalize, FoldRune,
// MatchForm) and never split a word (Tokenize); offsets into the original
// text still count them. The zero-width space and the byte order mark are
// word separators instead (see Tokenize).
func IsInvisible(r rune) bool {
	switch {
	case r == 0x00AD, r == 0x061C, r == 0x180E:
		return true
	case r >= 0x200C && r <= 0x200F: // ZWNJ, ZWJ, LRM, RLM
		return true
	case r >= 0x202A && r <= 0x202E: // LRE, RLE, PDF, LRO, RLO
		return true
	case r >= 0x2060 && r <= 0x2069 && r != 0x2065: // word joiner, invisible operators, isolates
		return true
	}
	return false
}

// IsDiacritic reports whether r is an Arabic diacritic (tashkeel, Quranic
// marks, superscript alef) or the tatweel, which carry no letter identity.
func IsDiacritic(r rune) bool {
	switch {
	case r >= 0x0610 && r <= 0x061A:
		return true
	case r >= 0x064B && r <= 0x065F:
		return true
	case r == 0x0670, r == 0x0640:
		return true
	case r >= 0x06D6 && r <= 0x06ED:
		return true
	}
	return false
}
