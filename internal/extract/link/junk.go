package link

import (
	"strings"
	"unicode"
	"unicode/utf8"

	lex "github.com/kg-project/kg/internal/lexicon"
	"github.com/kg-project/kg/internal/text/arabic"
)

// Names the NER proposes that are not names: words that are common in news
// text but are never (or almost never) a name on their own. A candidate
// outside the gazetteer whose every word is one of these is dropped, so are
// code fragments and English phrases in Arabic text. The lists are in
// MatchForm and hold words, not names: a name made of these words and
// others (طه ياسين رمضان) is kept.
var stopWords = classSet("ar_not_a_name", "ar_title_no_name") // titles and honorifics (words.yaml)

// fixedPhrases are the expressions of lexicon ar_fixed_phrase (حسن الجوار
// "good neighbourliness"), their words in MatchForm joined by spaces.
var fixedPhrases = func() map[string]bool {
	m := map[string]bool{}
	for _, p := range lex.Phrases("ar_fixed_phrase") {
		m[strings.Join(p, " ")] = true
	}
	return m
}()

// thingNames are the names of products, currencies and units (lexicon
// ar_thing_name: آيفون، الين), in MatchForm.
var thingNames = classSet("ar_thing_name")

// productHeads are the first words of product lines (lexicon
// ar_product_head: غالاكسي نوت), in MatchForm.
var productHeads = func() map[string]bool {
	m := map[string]bool{}
	for w := range classSet("ar_product_head") {
		m[arabic.MatchForm(w)] = true
	}
	return m
}()

// productName reports whether the words ws of a name begin with the first
// word of a product line (productHeads), its clitics on or off.
func productName(ws []string) bool {
	if len(ws) == 0 || !arabic.HasScript(ws[0]) {
		return false
	}
	if productHeads[arabic.MatchForm(ws[0])] {
		return true
	}
	for _, s := range arabic.Stems(ws[0]) {
		if productHeads[s] {
			return true
		}
	}
	return false
}

// fixedPhrase reports whether the words ws of a name are one of
// fixedPhrases, the clitics of the first word on or off (لحسن الجوار), or
// with the و of its first word that the analysis took for a conjunction
// (فقهم الله of وفقهم الله "may God grant them success").
func fixedPhrase(ws []string) bool {
	if fixedPhraseAsWritten(ws) {
		return true
	}
	// a preposition with a pronoun after the phrase is none of it (حسن
	// ظنكم بي "your good opinion of me")
	n := len(ws)
	for n > 2 && prepPronouns[arabic.MatchForm(ws[n-1])] {
		n--
	}
	return n < len(ws) && fixedPhraseAsWritten(ws[:n])
}

// fixedPhraseAsWritten is fixedPhrase without a preposition after it.
func fixedPhraseAsWritten(ws []string) bool {
	if len(ws) < 2 || len(ws) > 3 || !arabic.HasScript(ws[0]) {
		return false
	}
	k := make([]string, len(ws))
	for i, w := range ws {
		k[i] = arabic.MatchForm(w)
	}
	lasts := []string{k[len(k)-1]}
	if len(k) == 2 {
		// the noun with a possessive pronoun instead of the article
		// (حسن ظنك "your good opinion", حسن نيته "his good faith")
		last := k[1]
		for _, suf := range possessives {
			if rest, ok := strings.CutSuffix(last, suf); ok && utf8.RuneCountInString(rest) >= 2 {
				if r, ok := strings.CutSuffix(rest, "ت"); ok {
					rest = r + "ه" // the ة before a pronoun (نيته)
				}
				lasts = append(lasts, "ال"+rest)
			}
		}
	}
	first := k[0]
	for _, last := range lasts {
		k[len(k)-1] = last
		for _, p := range []string{"", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل"} {
			if rest, ok := strings.CutPrefix(first, p); ok {
				k[0] = rest
				if fixedPhrases[strings.Join(k, " ")] {
					return true
				}
			}
		}
		k[0] = "و" + first
		if fixedPhrases[strings.Join(k, " ")] {
			return true
		}
	}
	return false
}

// prepPronouns are the prepositions with a pronoun of lexicon
// ar_prep_pronoun and ar_bi_pronoun (لي "to me", بي "in me"), in MatchForm.
var prepPronouns = func() map[string]bool {
	m := map[string]bool{}
	for w := range classSet("ar_prep_pronoun", "ar_bi_pronoun") {
		m[arabic.MatchForm(w)] = true
	}
	return m
}()

// possessives are the possessive pronouns a noun may end in, longest
// first, in MatchForm.
var possessives = []string{"هما", "كما", "هم", "هن", "كم", "كن", "ها", "نا", "ك", "ه", "ي"}

// latinParticles may be written in lower case inside a Latin name.
var latinParticles = map[string]bool{"of": true, "the": true, "de": true, "del": true, "da": true,
	"di": true, "al": true, "el": true, "bin": true, "ibn": true, "von": true, "van": true, "der": true,
	"den": true, "la": true, "le": true, "du": true, "and": true, "for": true, "y": true}

// isStopWord reports whether the word w (as written) is a stop word, with or
// without its clitics.
func isStopWord(w string) bool {
	w = strings.Trim(w, ".,;:!?\"'()[]«»“”")
	if w == "" {
		return true
	}
	if stopWords[arabic.MatchForm(w)] {
		return true
	}
	if !arabic.HasScript(w) {
		return false
	}
	for _, s := range arabic.Stems(w) {
		if stopWords[s] {
			return true
		}
	}
	// one clitic the analysis keeps on short words: لحزب، وعيد
	if m := []rune(arabic.MatchForm(w)); len(m) >= 4 && strings.ContainsRune(arabic.CliticLetters, m[0]) && stopWords[string(m[1:])] {
		return true
	}
	return false
}

// currencyClubHeads are the currencies that begin clubs' names too
// (lexicon ar_currency_club_head: ريال), in MatchForm.
var currencyClubHeads = classSet("ar_currency_club_head")

// moneyPhrase reports whether the words ws of a name are a sum of money,
// not a club: a currency of currencyClubHeads, then a word with a clitic
// preposition (ريال للمالك "riyals to the owner", ريال للفرد "riyals a
// head"); a club's name goes on with a name (ريال مدريد).
func moneyPhrase(ws []string) bool {
	if len(ws) < 2 || !currencyClubHeads[arabic.MatchForm(ws[0])] {
		return false
	}
	w := arabic.AnalyzeWord(ws[1])
	return w.Prep == "ل" || w.Prep == "ب" || strings.HasPrefix(w.MF, "لل")
}

// junkName reports whether text, proposed as a name the gazetteer lacks, is
// not a name: only stop words (and numbers); a product's name (productName);
// a sum of money (moneyPhrase);
// a single Arabic word of under three letters;
// code or markup (background:, {margin}); Latin words in lower case (an
// English phrase: "Break out", "webkit"); Arabic and Latin script mixed in
// one name (مبدأ Snap Back).
func junkName(text string) bool {
	ws := strings.Fields(text)
	if len(ws) == 0 {
		return true
	}
	if fixedPhrase(ws) || productName(ws) || len(ws) == 1 && thingNames[arabic.MatchForm(ws[0])] || moneyPhrase(ws) {
		return true
	}
	if strings.ContainsAny(text, "{}<>=;:/\\#@_|*&%$~^") {
		return true
	}
	ar, lat := false, false
	allStop := true
	letters := 0
	for _, w := range ws {
		if arabic.HasScript(w) {
			ar = true
		}
		lower, latinWord := false, false
		for i, r := range w {
			if r < 0x250 && unicode.IsLetter(r) {
				latinWord = true
				if i == 0 && unicode.IsLower(r) {
					lower = true
				}
			}
			if unicode.IsLetter(r) {
				letters++
			}
		}
		if latinWord {
			lat = true
			// a particle may be joined by a hyphen: al-Umma
			if p, _, _ := strings.Cut(strings.ToLower(w), "-"); lower && !latinParticles[p] {
				return true
			}
		}
		// a number among stop words is a date (نيسان 2015), not a name
		if !isStopWord(w) && strings.IndexFunc(w, unicode.IsLetter) >= 0 {
			allStop = false
		}
	}
	if ar && lat {
		return true
	}
	if allStop {
		return true
	}
	if ar && len(ws) == 1 && len([]rune(arabic.MatchForm(stripFirst(ws[0])))) < 3 {
		return true
	}
	return letters < 2
}
