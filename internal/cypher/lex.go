package cypher

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind is the kind of a token.
type Kind int

// Token kinds.
const (
	Word   Kind = iota // a keyword or a name: MATCH, n, apoc
	Quoted             // a backquoted name: `my label` (Text without the quotes)
	String             // a string literal (Text is its raw content)
	Number             // 42, 1.5e3, 0x1F
	Punct              // one character of punctuation: ( ) . , ; $ ...
)

// Token is one token of a Cypher text.
type Token struct {
	Kind Kind
	Text string
	Pos  int // byte offset in the text
}

// Tokens splits a Cypher text into tokens, dropping whitespace and
// comments.
func Tokens(q string) []Token {
	var out []Token
	for i := 0; i < len(q); {
		r, n := utf8.DecodeRuneInString(q[i:])
		switch {
		case r == '/' && strings.HasPrefix(q[i:], "//"):
			j := strings.IndexAny(q[i:], "\r\n")
			if j < 0 {
				return out
			}
			i += j
		case r == '/' && strings.HasPrefix(q[i:], "/*"):
			j := strings.Index(q[i+2:], "*/")
			if j < 0 { // not a comment for Neo4j either: read on as code
				out = append(out, Token{Punct, "/", i})
				i++
				continue
			}
			i += 2 + j + 2
		case r == '\'' || r == '"':
			end := stringEnd(q, i)
			if end < 0 { // unterminated: read on as code
				i++
				continue
			}
			out = append(out, Token{String, q[i+1 : end], i})
			i = end + 1
		case r == '`':
			text, end := backquoted(q, i)
			if end < 0 {
				i++
				continue
			}
			out = append(out, Token{Quoted, text, i})
			i = end + 1
		case isLetter(r):
			j := i + n
			for j < len(q) {
				r2, n2 := utf8.DecodeRuneInString(q[j:])
				if !isPart(r2) {
					break
				}
				j += n2
			}
			out = append(out, Token{Word, q[i:j], i})
			i = j
		case r >= '0' && r <= '9' || r == '.' && i+1 < len(q) && q[i+1] >= '0' && q[i+1] <= '9' && (i == 0 || q[i-1] != '.'):
			j := i + 1
			for j < len(q) {
				c := q[j]
				switch {
				case c == '.' && j+1 < len(q) && q[j+1] >= '0' && q[j+1] <= '9' && q[j-1] != '.':
				case (c == '+' || c == '-') && (q[j-1] == 'e' || q[j-1] == 'E'):
				case c < utf8.RuneSelf && (c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'):
				default:
					goto done
				}
				j++
			}
		done:
			out = append(out, Token{Number, q[i:j], i})
			i = j
		case r < utf8.RuneSelf && strings.ContainsRune("()[]{}.,:;$=<>+-*/%^|!?&~", r):
			out = append(out, Token{Punct, string(r), i})
			i++
		default: // whitespace, and characters Cypher does not use
			i += n
		}
	}
	return out
}

// stringEnd returns the index of the quote that closes the string literal
// starting at i, or -1. A backslash escapes the character after it.
func stringEnd(q string, i int) int {
	quote := q[i]
	for j := i + 1; j < len(q); j++ {
		switch q[j] {
		case '\\':
			j++
		case quote:
			return j
		}
	}
	return -1
}

// backquoted reads the name quoted with backquotes at i (a doubled backquote stands for
// one backquote) and returns it and the index of the closing backquote,
// or -1.
func backquoted(q string, i int) (string, int) {
	var b strings.Builder
	for j := i + 1; j < len(q); j++ {
		if q[j] != '`' {
			b.WriteByte(q[j])
			continue
		}
		if j+1 < len(q) && q[j+1] == '`' {
			b.WriteByte('`')
			j++
			continue
		}
		return b.String(), j
	}
	return "", -1
}

// isSpace reports the characters Neo4j's Cypher grammar treats as
// whitespace.
func isSpace(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', 0x1C, 0x1D, 0x1E, 0x1F, ' ', 0xA0, 0x1680,
		0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
		return true
	}
	return r >= 0x2000 && r <= 0x200A
}

func isLetter(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.Is(unicode.Nl, r)
}

// isPart reports the characters that continue a name: letters, digits, _,
// $, combining marks, connector punctuation and the characters Java
// ignores in identifiers (format and most control characters). None is
// whitespace, so a name never swallows what Neo4j sees as two tokens.
func isPart(r rune) bool {
	if isSpace(r) {
		return false
	}
	switch {
	case isLetter(r), unicode.IsDigit(r), r == '$':
		return true
	case unicode.In(r, unicode.Mn, unicode.Mc, unicode.Pc, unicode.Cf, unicode.Sc):
		return true
	case r <= 0x08, r >= 0x0E && r <= 0x1B, r >= 0x7F && r <= 0x9F:
		return true
	}
	return false
}

// Strip returns the statement's tokens joined by single spaces, without
// comments, with each string literal as two single quotes and backquoted names as they
// are: what the checks of this package see.
func Strip(q string) string {
	toks := Tokens(q)
	parts := make([]string, len(toks))
	for i, t := range toks {
		switch t.Kind {
		case String:
			parts[i] = "''"
		case Quoted:
			parts[i] = "`" + strings.ReplaceAll(t.Text, "`", "``") + "`"
		default:
			parts[i] = t.Text
		}
	}
	return strings.Join(parts, " ")
}
