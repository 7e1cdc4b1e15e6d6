package link

import (
	"github.com/kg-project/kg/internal/gazetteer"
	"github.com/kg-project/kg/internal/text/arabic"
	"github.com/kg-project/kg/internal/wordstats"
)

// A name the gazetteer lacks may begin with a letter that is also a clitic:
// ليونيل ميسي is Lionel Messi, not ل + يونيل; بلاتيني is Platini, not ب +
// لاتيني "Latin"; but وبوتين is و + بوتين and لروسيا ل + روسيا. The clitic
// analysis (arabic.Analyze) cannot tell them apart; the name lists, the
// gazetteer and unlabelled text can: the word that is a known name, whole
// or without the letter, is the name.

// Strengths of the evidence that a word is a name (nameStrength).
const (
	prominentStrength = 1_000_000 // an alias of a prominent gazetteer entry
	aliasStrength     = 1_000     // an alias of another entry
	// a word that is, as written, the name of a place of the name lists
	// (GeoNames, not all in the gazetteer) weighs as much as this many
	// people against reading it as a clitic and a name: a town's name is
	// counted once, a given name once per bearer (لوزان Lausanne)
	placeStrength = 100
	// a word must be this many times better attested without its first
	// letters than with them for the letters to be clitics: a whole word in
	// a name list is rarely a clitic and a name by chance (وسام "Wissam"
	// is no و + سام "Sam")
	stripRatio = 10
	// the evidence a name needs for a clitic the analysis does not propose
	// to be taken off: محمد (some 13,000 people in the lists) in بمحمد, not
	// جنة in لجنة "committee" or ادي in وادي "valley"
	extraStrength = 500
	// a word whose rest without its first letter the name lists know must
	// be written whole this many times for the letter to be its own
	// (writtenWhole)
	knownRestWritten = 10
)

// nameStrength weighs the evidence that the word m (MatchForm) is a name:
// the gazetteer's aliases, the people and places the name lists give it,
// and the names kg's NER finds it in in unlabelled text (when most of its
// occurrences are).
func nameStrength(m string) int {
	if len([]rune(m)) < 2 {
		return 0
	}
	s := 0
	if g, err := gazetteer.Default(); err == nil {
		for _, e := range g.Lookup(m) {
			if e.IsProminent() {
				return prominentStrength
			}
			s = aliasStrength
		}
	}
	return s + listStrength(m)
}

// listStrength is nameStrength without the gazetteer's aliases: the
// evidence of the name lists and of the unlabelled text alone.
func listStrength(m string) int {
	if len([]rune(m)) < 2 {
		return 0
	}
	s := 0
	if ws, err := wordstats.Default(); err == nil {
		n := ws.Name(m)
		s += int(n.PersonCount() + n.Place)
		if w := ws.Word(m); w.Names() >= 5 && w.NameShare() >= 0.5 {
			s += int(w.Names())
		}
	}
	return s
}

// CliticLen returns how many leading letters of w, the first word of a
// name the gazetteer does not know as written, are a conjunction or
// preposition rather than the name's own (counted in arabic.Normalize
// form, as arabic.Analyze proposes them). None when unlabelled text writes
// w whole far more often than without its first letter (writtenWhole). The conjunction ف begins too
// many names to be taken off as the analysis proposes: only before a name
// that is very well attested (extraStrength) and much better than the word
// as written (فناصر "so Nasser", not فيصل or فرنسا). Before the article
// (وبالمدينة) the analysis stands. A bare و, ب, ل or ك (with or without a و before it) is
// a clitic when the word without it is much better attested as a name
// (stripRatio) than the word as written; the word as written is kept
// when it is the better attested. When neither is known, و is taken for
// the conjunction, ب، ل and ك for the name's own letter: in news, a name
// the lists lack that begins with B, P or L (بارتوميو، لودريان) is more
// common than a preposition on one.
func CliticLen(w string) int {
	if r := []rune(w); len(r) == 0 || !isClitic(r[0], "وبلكف") {
		return 0
	}
	// آل "the family of" with a clitic (وآل كلينتون "and the Clintons"):
	// no name is written so (وائل "Wael" has its hamza)
	if len(w) > len("آل") && w[len(w)-len("آل"):] == "آل" && len([]rune(w)) == 3 {
		return 1
	}
	if writtenWhole(w) {
		return 0
	}
	a := arabic.Analyze(w)
	if a.Conj == "ف" {
		a.Conj = ""
	}
	conj, prep := len([]rune(a.Conj)), len([]rune(a.Prep))
	if a.Article != "" {
		return conj + prep
	}
	rs := []rune(arabic.Normalize(w))
	// the analysis keeps short words and words it knows whole (بمحمد،
	// لجنة، وادي): one or two clitics are tried there too, for a name
	// that is very well attested (extraStrength)
	tries := []int{conj + prep, conj}
	if len(rs) >= 4 && isClitic(rs[0], "وبلك") {
		tries = append(tries, 1)
		if len(rs) >= 5 && rs[0] == 'و' && isClitic(rs[1], "بلك") {
			tries = append(tries, 2)
		}
	}
	m := arabic.MatchForm(w)
	whole := nameStrength(m)
	if ws, err := wordstats.Default(); err == nil && whole < aliasStrength {
		whole += (placeStrength - 1) * int(ws.Name(m).Place)
	}
	if len(rs) >= 4 && rs[0] == 'ف' && conj+prep == 0 && whole == 0 {
		// فناصر "so Nasser"; not a name as written (فاتن، فريال), whose ف
		// is its own
		tries = append(tries, 1)
	}
	best, bestStrength := 0, whole
	for k, n := range tries {
		if n == 0 || n >= len(rs) {
			continue
		}
		rest := arabic.MatchForm(string(rs[n:]))
		s := nameStrength(rest)
		if whole > 0 && s < prominentStrength {
			// a word the lists know as written is not read as a clitic and a
			// lesser entry's alias on the strength of the alias alone:
			// لوزان is Lausanne, not ل + وزان (Ouezzane); فوزان the name
			// Fawzan
			s = listStrength(rest)
		}
		if k >= 2 && n != conj+prep && n != conj && s < extraStrength {
			continue
		}
		if s > stripRatio*whole && s > bestStrength {
			best, bestStrength = n, s
		}
	}
	if best > 0 || whole > 0 || conj+prep == 0 {
		return best
	}
	return conj // nothing known: و is the conjunction, ب ل ك the name's own
}

// writtenWhole reports whether unlabelled text writes w whole far more
// often than without its first letter (wordstats.WrittenWhole: وليام
// "William" 298 times, ليام 3; ويسكونسن "Wisconsin" 213, never without
// its و; والتر "Walter", not و + التر), unless that rest is a prominent
// gazetteer name and w is not, or a name of the lists and w written
// under knownRestWritten times.
func writtenWhole(w string) bool {
	ws, err := wordstats.Default()
	if err != nil {
		return false
	}
	m := arabic.MatchForm(w)
	if !ws.WrittenWhole(m) {
		return false
	}
	rest := string([]rune(m)[1:])
	if ws.Name(rest).Known() && ws.Written(m).Count < knownRestWritten {
		return false // وشيماء, 4 times against 2: و + شيماء "Shaimaa"
	}
	return nameStrength(rest) < prominentStrength || nameStrength(m) >= prominentStrength
}

// Unattested reports whether no name resource knows the word w as
// written: neither the gazetteer, the name lists and unlabelled text
// (nameStrength) nor the table of words written whole (writtenWhole).
func Unattested(w string) bool {
	return nameStrength(arabic.MatchForm(w)) == 0 && !writtenWhole(w)
}

func isClitic(r rune, letters string) bool {
	for _, l := range letters {
		if r == l {
			return true
		}
	}
	return false
}
