package gazetteer

import (
	"strings"
	"unicode"

	"github.com/kg-project/kg/internal/extract/arabic"
)

// Match is one gazetteer name found in a token sequence.
type Match struct {
	Start, End int    // token indices, End exclusive
	Entry      *Entry // the most prominent entry of the alias (see Lookup)
	Surface    string // the original text of the tokens
	IsDemonym  bool   // an adjective/demonym (الروسية، Russian) of Entry
}

// tokenKey is the lookup form of a name in token space: the MatchForm of each
// token of arabic.Tokenize(s), joined by single spaces ("U.S." -> "u . s .").
func tokenKey(s string) string {
	toks := arabic.Tokenize(s)
	parts := make([]string, 0, len(toks))
	for _, t := range toks {
		if m := arabic.MatchForm(t.Text); m != "" {
			parts = append(parts, m)
		}
	}
	return strings.Join(parts, " ")
}

// needsTokenKey reports whether s tokenises differently from its
// space-separated words (it holds punctuation or symbols).
func needsTokenKey(s string) bool {
	for _, r := range s {
		if !(unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) || unicode.IsSpace(r)) {
			return true
		}
	}
	return false
}

// FindAll finds the gazetteer names and demonyms in tokens (from
// arabic.Tokenize), left to right, taking the longest match at each
// position. The first token of an n-gram may carry clitics (و ب ل ك ال لل:
// any candidate of arabic.Stems), the last one a pronoun suffix; the tokens
// between must match exactly (in MatchForm). Matches do not cross sentences.
// Latin names match case-insensitively but must start with a capital letter,
// and Latin names of three letters or less (UN, EU, WHO) only match in upper
// case. Single words marked ambiguous (common words such as مالي) and Arabic
// single words under three letters are not matched alone.
func (g *Gazetteer) FindAll(tokens []arabic.Token) []Match {
	n := len(tokens)
	mf := make([]string, n)
	for i, t := range tokens {
		mf[i] = arabic.MatchForm(t.Text)
	}
	var out []Match
	for i := 0; i < n; {
		bestEnd, bestKey := -1, ""
		bestDem := false
		if mf[i] == "" || !hasLetter(mf[i]) {
			i++
			continue
		}
		for _, f := range firstForms(tokens[i].Text, mf[i]) {
			// single token
			if i+1 > bestEnd {
				if ok, dem := g.accept(f, tokens[i:i+1]); ok {
					bestEnd, bestKey, bestDem = i+1, f, dem
				}
			}
			cur := f
			for j := i + 1; j < n && j-i < g.maxTokens; j++ {
				if !g.prefixes[cur] || tokens[j].Sentence != tokens[i].Sentence {
					break
				}
				if j+1 > bestEnd {
					for _, l := range lastForms(tokens[j].Text, mf[j]) {
						k := cur + " " + l
						if ok, dem := g.accept(k, tokens[i:j+1]); ok {
							bestEnd, bestKey, bestDem = j+1, k, dem
							break
						}
					}
				}
				cur += " " + mf[j]
			}
		}
		if bestEnd < 0 {
			i++
			continue
		}
		m := Match{Start: i, End: bestEnd, Surface: surface(tokens[i:bestEnd]), IsDemonym: bestDem}
		if bestDem {
			m.Entry = g.demonym[bestKey]
		} else {
			m.Entry = g.alias[bestKey][0]
		}
		out = append(out, m)
		i = bestEnd
	}
	return out
}

// accept reports whether key, matched on span, is a name (or a demonym).
func (g *Gazetteer) accept(key string, span []arabic.Token) (ok, demonym bool) {
	_, isAlias := g.alias[key]
	_, isDem := g.demonym[key]
	if !isAlias && !isDem {
		return false, false
	}
	latin := isLatinKey(key)
	if len(span) == 1 && !latin {
		if len([]rune(key)) < 3 {
			return false, false
		}
		if isAlias && g.ambiguous[key] {
			isAlias = false
			if !isDem {
				return false, false
			}
		}
	}
	if latin {
		first := []rune(span[0].Text)
		if len(first) == 0 || !(unicode.IsUpper(first[0]) || unicode.IsDigit(first[0])) {
			return false, false
		}
		if letterCount(key) <= 3 {
			for _, t := range span {
				for _, r := range t.Text {
					if unicode.IsLower(r) {
						return false, false
					}
				}
			}
		}
	}
	if isAlias {
		return true, false
	}
	return true, true
}

func isLatinKey(k string) bool {
	for _, r := range k {
		if r < 0x250 && unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

func letterCount(k string) int {
	n := 0
	for _, r := range k {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// firstForms are the candidate forms of the first token of an n-gram: the
// clitic-stripped stems of an Arabic word (most literal first), a Latin
// word with and without a possessive 's.
func firstForms(text, m string) []string {
	if isLatinKey(m) {
		return latinForms(m)
	}
	return arabic.Stems(text)
}

// lastForms are the candidate forms of the last token of an n-gram: the
// word, then the word without its pronoun suffix.
func lastForms(text, m string) []string {
	if isLatinKey(m) {
		return latinForms(m)
	}
	a := arabic.Analyze(text)
	if a.Suffix == "" {
		return []string{m}
	}
	suf := arabic.MatchForm(a.Suffix)
	if strings.HasSuffix(m, suf) && len(m) > len(suf) {
		return []string{m, m[:len(m)-len(suf)]}
	}
	return []string{m}
}

func latinForms(m string) []string {
	for _, s := range []string{"'s", "’s", "'"} {
		if strings.HasSuffix(m, s) && len(m) > len(s)+1 {
			return []string{m, strings.TrimSuffix(m, s)}
		}
	}
	return []string{m}
}

func surface(toks []arabic.Token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 && t.Start > toks[i-1].End {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	return b.String()
}
