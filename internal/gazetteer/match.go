package gazetteer

import (
	"slices"
	"strings"
	"unicode"

	"github.com/kg-project/kg/internal/lexicon"
	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/text/arabic"
	"github.com/kg-project/kg/internal/text/segment"
)

// Match is one gazetteer name found in a token sequence.
type Match struct {
	Start, End int    // token indices, End exclusive
	Entry      *Entry // the most prominent entry of the alias (see Lookup)
	Surface    string // the original text of the tokens
	IsDemonym  bool   // an adjective/demonym (الروسية، Russian) of Entry
	// Skip is the number of leading code points of the first token that are
	// clitics (و، ب، ل ...) outside the name: وبوتين -> 1, لمصر -> 1. It is 0
	// when the name is the whole token and for لل (ل + ال, whose alef is
	// elided: no substring spells the name).
	Skip int
}

// tokenKey is the lookup form of a name in token space: the MatchForm of each
// token of segment.Tokenize(s), joined by single spaces ("U.S." -> "u . s .").
func tokenKey(s string) string {
	toks := segment.Tokenize(s)
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
// Latin names match case-insensitively but must start with a capital letter
// (or, for a name written so, with a lower-case particle joined by a hyphen:
// al-Qaeda),
// and Latin names of three letters or less (UN, EU, WHO) and the
// abbreviations of the source lists (SHARE, ERIC) only match in upper case. Single words marked ambiguous (common words such as مالي) and Arabic
// single words under three letters are not matched alone. A name of
// several words headed by a body's noun (قناة الجديد) does not match with
// the article on that noun (القناة الجديد, a description).
func (g *Gazetteer) FindAll(tokens []segment.Token) []Match {
	return g.FindAllWords(tokens, arabic.AnalyzeTokens(tokens))
}

// FindAllWords is FindAll with the tokens' analyses already made
// (arabic.AnalyzeTokens), for callers that share them between stages.
func (g *Gazetteer) FindAllWords(tokens []segment.Token, words []arabic.Word) []Match {
	n := len(tokens)
	mf := make([]string, n)
	for i := range words {
		mf[i] = words[i].MF
	}
	var out []Match
	maqsuraYa := -1 // whether the text writes a final ي as ى (yaAsMaqsura), once needed
	for i := 0; i < n; {
		bestEnd, bestKey, bestFirst := -1, "", ""
		bestDem := false
		if mf[i] == "" || !hasLetter(mf[i]) {
			i++
			continue
		}
		forms, alone := g.firstForms(&words[i])
		for fi, f := range forms {
			// single token (not a form firstForms gives only as the first
			// word of a longer name)
			if i+1 > bestEnd && fi < alone {
				if ok, dem := g.accept(f, tokens[i:i+1]); ok && g.singleOK(mf[i], f, dem) {
					bestEnd, bestKey, bestFirst, bestDem = i+1, f, f, dem
				}
			}
			cur := f
			// a name of several words headed by a body's noun without the
			// article is in the construct state (قناة الجديد, شركة أبل):
			// written with the article it is a description (مجرى القناة
			// الجديد "the new canal's course"), no mention of the name
			if bodyHeads[f] && articleTaken(mf[i], f) {
				continue
			}
			for j := i + 1; j < n && j-i < g.maxTokens; j++ {
				if !g.prefixesIn.mayHave(cur) || !g.prefixes[cur] || tokens[j].Sentence != tokens[i].Sentence {
					break
				}
				if j+1 > bestEnd {
					for _, l := range lastForms(&words[j]) {
						k := cur + " " + l
						if ok, dem := g.accept(k, tokens[i:j+1]); ok {
							bestEnd, bestKey, bestFirst, bestDem = j+1, k, f, dem
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
		// a nationality adjective ends in ي: written with ى it is another
		// word (اليمنى "the right", مجرى "course"), unless the text
		// writes every final ي so
		if bestDem && endsInMaqsura(tokens[bestEnd-1].Text) {
			if maqsuraYa < 0 {
				maqsuraYa = 0
				if yaAsMaqsura(tokens) {
					maqsuraYa = 1
				}
			}
			if maqsuraYa == 0 {
				i++
				continue
			}
		}
		m := Match{Start: i, End: bestEnd, Surface: surface(tokens[i:bestEnd]), IsDemonym: bestDem,
			Skip: skipRunes(tokens[i].Text, mf[i], bestFirst)}
		if bestDem {
			m.Entry = g.demonym[bestKey]
		} else {
			m.Entry = g.best[bestKey]
		}
		// after بن the name is a father's: سلطان بن سلمان بن عبدالعزيز is not
		// King Salman
		if m.Entry.Type == model.Person && i > 0 && patronymic[mf[i-1]] && m.Skip == 0 {
			i = bestEnd
			continue
		}
		out = append(out, m)
		i = bestEnd
	}
	return out
}

// bodyHeads are the head nouns of bodies' names (lexicon
// ar_generic_body_head, ar_company_head, ar_local_body,
// ar_quoted_name_head, ar_activity_head, ar_state_body_head,
// ar_government_head), in MatchForm.
var bodyHeads = func() map[string]bool {
	m := map[string]bool{}
	for _, c := range []string{"ar_generic_body_head", "ar_company_head", "ar_local_body", "ar_quoted_name_head", "ar_activity_head", "ar_state_body_head", "ar_government_head"} {
		for _, w := range lexicon.Class(c) {
			m[w] = true
		}
	}
	return m
}()

// articleTaken reports whether the form f of a token (MatchForm m) is m
// without an article: ال, or لل (ل and ال), after any other clitics; f
// itself without one, in Arabic script.
func articleTaken(m, f string) bool {
	if f == m || strings.HasPrefix(f, "ال") || isLatinKey(f) {
		return false
	}
	p, ok := strings.CutSuffix(m, f)
	return ok && (strings.HasSuffix(p, "ال") || strings.HasSuffix(p, "لل"))
}

// endsInMaqsura reports whether the last letter of a token is ى (alef
// maqsura), diacritics aside.
func endsInMaqsura(text string) bool {
	rs := []rune(text)
	for k := len(rs) - 1; k >= 0; k-- {
		switch r := rs[k]; {
		case unicode.Is(unicode.Mn, r) || r == 'ـ':
			continue
		case r == 'ى':
			return true
		default:
			return false
		}
	}
	return false
}

// maqsuraWords are words that end in ي, as a text that writes every
// final ي as ى (Egyptian print) writes them: في، الذي، التي.
var maqsuraWords = map[string]bool{"فى": true, "الذى": true, "التى": true, "والذى": true, "والتى": true, "وفى": true}

// yaAsMaqsura reports whether the text writes a final ي as ى: one of its
// tokens is a frequent word in ي so written (maqsuraWords).
func yaAsMaqsura(tokens []segment.Token) bool {
	for _, t := range tokens {
		if maqsuraWords[t.Text] {
			return true
		}
	}
	return false
}

// patronymic are the words (MatchForm) after which a name is that of a
// father or a family, not of the person named.
var patronymic = map[string]bool{"بن": true, "ابن": true, "بنت": true, "ولد": true}

// accept reports whether key, matched on span, is a name (or a demonym).
// An alias that every entry marks ambiguous is not a name on its own.
func (g *Gazetteer) accept(key string, span []segment.Token) (ok, demonym bool) {
	if !g.keysIn.mayHave(key) {
		return false, false
	}
	isAlias := g.best[key] != nil
	isDem := false
	if !isAlias {
		_, isDem = g.demonym[key]
	}
	if !isAlias && !isDem {
		return false, false
	}
	latin := isLatinKey(key)
	if len(span) == 1 && !latin && len([]rune(key)) < 3 {
		return false, false
	}
	if latin {
		first := []rune(span[0].Text)
		if len(first) == 0 || !(unicode.IsUpper(first[0]) || unicode.IsDigit(first[0]) || g.lowerFirst[key] && len(span) > 1) {
			return false, false
		}
		if letterCount(key) <= 3 || g.upper[key] {
			for _, t := range span {
				// a possessive is no part of the name: the UK's
				for _, r := range strings.TrimSuffix(strings.TrimSuffix(t.Text, "'s"), "’s") {
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
// word with and without a possessive 's. Short words the clitic analysis
// keeps whole (لمصر، بلندن، وكوريا، بجدة) also yield the word without one or
// two leading clitics when that names a prominent entry (see prominent),
// or begins a name of several words. The first alone forms may match as a
// name of one token; the others only as the first word of a longer one.
func (g *Gazetteer) firstForms(w *arabic.Word) (forms []string, alone int) {
	m := w.MF
	if isLatinKey(m) {
		forms = latinForms(m)
		return forms, len(forms)
	}
	out := slices.Clip(w.Stems)
	if notClitic[m] {
		return out, len(out)
	}
	rs := []rune(m)
	var extra []string
	// لل is ل + ال (للحج "for the pilgrimage"), never ل + a name in ل
	if len(rs) >= 4 && strings.ContainsRune(arabic.CliticLetters, rs[0]) && !(rs[0] == 'ل' && rs[1] == 'ل') {
		extra = append(extra, string(rs[1:]))
	}
	if len(rs) >= 5 && strings.ContainsRune("وف", rs[0]) && strings.ContainsRune("بلك", rs[1]) && !(rs[1] == 'ل' && rs[2] == 'ل') {
		extra = append(extra, string(rs[2:]))
	}
	// a clitic the analysis leaves on a short word comes off before a
	// prominent name (بجدة), which may then stand alone, and before the
	// first word of a name of several words (لحزب [العمال الكردستاني]),
	// which may not
	for _, f := range extra {
		if g.prominent(f) && !contains(out, f) {
			out = append(out, f)
		}
	}
	alone = len(out)
	for _, f := range extra {
		if g.prefixes[f] && !contains(out, f) {
			out = append(out, f)
		}
	}
	return out, alone
}

// notClitic are common words (MatchForm) that read as a clitic and a
// prominent name but are not: بليون "billion" (not ب + ليون), كسرت "broke".
var notClitic = arabic.WordSet(arabic.MatchForm("بليون وبليون بليونا بليونات كسرت وكسرت فكسرت بسرت"))

// prominent reports whether the alias f names a prominent entry: a
// country, territory, region, leader, capital or curated organisation, or a
// city of a million people or more (بجدة، بحلب).
func (g *Gazetteer) prominent(f string) bool {
	e := g.best[f]
	if e == nil {
		return false
	}
	return e.IsProminent()
}

// IsProminent reports whether e is a country, territory, region, leader,
// capital or curated organisation, or a city of a million people or more.
func (e *Entry) IsProminent() bool {
	return e.Rank > RankCapital || e.Role == RoleCapital || e.Type == model.Location && e.Rank >= BigCity
}

// Prominent reports whether the alias (in MatchForm) names a prominent
// entry (see prominent): a country, territory, region, leader, capital,
// curated organisation or a city of a million people or more.
func (g *Gazetteer) Prominent(matchForm string) bool { return g.prominent(matchForm) }

// BigCity is the population from which a city counts as prominent.
const BigCity = 1_000_000

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// singleOK reports whether a one-token match of form f (from the token m)
// is kept. A name does not carry a pronoun suffix (مساكنهم "their homes" is
// not the town Msaken), and a name written without the article is not
// matched on a word that has it (المطروح "the proposed" is not Matruh),
// except for the prominent entries.
func (g *Gazetteer) singleOK(m, f string, demonym bool) bool {
	if demonym || isLatinKey(m) || strings.HasSuffix(m, f) && !strings.HasSuffix(m, "ال"+f) {
		return true // the word itself or without its leading clitics
	}
	if strings.HasPrefix(f, "ال") && strings.HasSuffix(m, "ل"+f[len("ال"):]) {
		return true // لل = ل + ال
	}
	if strings.HasSuffix(m, "ال"+f) {
		e := g.best[f]
		return e != nil && e.Rank >= RankTerritory
	}
	return false // a pronoun suffix was stripped
}

// skipRunes returns the number of leading code points of the token text
// that precede the matched first form f (in MatchForm), 0 when f is not a
// suffix of the token's MatchForm m.
func skipRunes(text, m, f string) int {
	if f == "" || isLatinKey(m) || !strings.HasSuffix(m, f) {
		return 0
	}
	drop := len([]rune(m)) - len([]rune(f))
	n := 0
	for _, r := range text {
		if drop == 0 {
			break
		}
		n++
		if arabic.FoldRune(r) >= 0 && !unicode.IsSpace(r) {
			drop--
		}
	}
	return n
}

// lastForms are the candidate forms of the last token of an n-gram: the
// word, then the word without its pronoun suffix.
func lastForms(w *arabic.Word) []string {
	m := w.MF
	if isLatinKey(m) {
		return latinForms(m)
	}
	a := w.Analysis
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

func surface(toks []segment.Token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 && t.Start > toks[i-1].End {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	return b.String()
}

// MatchSpan links a name that the NER found at tokens[a:b] and FindAll did
// not: the first token may carry one or two leading clitics that the
// conservative clitic analysis keeps (بمكة، وبصنعاء), which FindAll strips
// only before prominent names. Here the tagger vouches for the span, so any
// entry of the tagged type (typ, a model type) is taken, under FindAll's
// other rules (no ambiguous single words, no pronoun suffix, the article
// kept). The match covers exactly tokens[a:b].
func (g *Gazetteer) MatchSpan(tokens []segment.Token, words []arabic.Word, a, b int, typ string) (Match, bool) {
	if a < 0 || b > len(tokens) || a >= b {
		return Match{}, false
	}
	w := &words[a]
	m := w.MF
	if m == "" || isLatinKey(m) {
		return Match{}, false
	}
	rest := ""
	for j := a + 1; j < b; j++ {
		rest += " " + words[j].MF
	}
	forms := slices.Clip(w.Stems)
	rs := []rune(m)
	if len(rs) >= 4 && strings.ContainsRune(arabic.CliticLetters, rs[0]) {
		forms = append(forms, string(rs[1:]))
	}
	if len(rs) >= 5 && strings.ContainsRune("وف", rs[0]) && strings.ContainsRune("بلك", rs[1]) {
		forms = append(forms, string(rs[2:]))
	}
	for _, f := range forms {
		if f == m {
			continue // the word as written: FindAll's business
		}
		key := f + rest
		ok, dem := g.accept(key, tokens[a:b])
		if !ok || dem || (b-a == 1 && !g.singleOK(m, f, dem)) {
			continue
		}
		e := g.best[key]
		if e.Type != typ {
			continue
		}
		return Match{Start: a, End: b, Entry: e, Surface: surface(tokens[a:b]), Skip: skipRunes(tokens[a].Text, m, f)}, true
	}
	return Match{}, false
}
