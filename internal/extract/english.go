package extract

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/kg-project/kg/internal/extract/link"
	"github.com/kg-project/kg/internal/gazetteer"
	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/text/segment"
)

// English names the gazetteer lacks: runs of capitalised words, typed by
// their last word and the words around them. Unknown single words at the
// start of a sentence are skipped, as are runs that only hold function
// words. The word classes are data: english.txt.

//go:embed english.txt
var englishFile string

// enWords are the word classes of english.txt, in lower case.
type enWords struct {
	title, titleWord, modifier, cue, orgHead, party, placeHead, compass, role, connector,
	locCue, orgCue, medium, skip, speech, notAcronym, given, notGiven map[string]bool
}

var en = mustEnglishWords(englishFile)

func mustEnglishWords(s string) *enWords {
	w, err := parseEnglishWords(s)
	if err != nil {
		panic("internal/extract/english.txt: " + err.Error())
	}
	return w
}

func parseEnglishWords(s string) (*enWords, error) {
	w := &enWords{}
	kinds := map[string]*map[string]bool{
		"title": &w.title, "titleword": &w.titleWord, "modifier": &w.modifier, "cue": &w.cue,
		"orghead": &w.orgHead, "party": &w.party, "placehead": &w.placeHead, "compass": &w.compass, "role": &w.role, "connector": &w.connector,
		"loccue": &w.locCue, "orgcue": &w.orgCue, "medium": &w.medium, "skip": &w.skip,
		"speech": &w.speech, "notacronym": &w.notAcronym, "given": &w.given, "notgiven": &w.notGiven,
	}
	for _, m := range kinds {
		*m = map[string]bool{}
	}
	for i, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		m, ok := kinds[f[0]]
		if !ok {
			return nil, fmt.Errorf("line %d: unknown kind %q", i+1, f[0])
		}
		if len(f) < 2 {
			return nil, fmt.Errorf("line %d: %s without a word", i+1, f[0])
		}
		for _, word := range f[1:] {
			if word != strings.ToLower(word) {
				return nil, fmt.Errorf("line %d: %q is not in lower case", i+1, word)
			}
			if (*m)[word] {
				return nil, fmt.Errorf("line %d: %s %q listed twice", i+1, f[0], word)
			}
			(*m)[word] = true
		}
	}
	for p := range w.party {
		if !w.orgHead[p] {
			return nil, fmt.Errorf("party %q is not an orghead", p)
		}
	}
	return w, nil
}

func capitalised(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r) && unicode.Is(unicode.Latin, r)
	}
	return false
}

// bare returns the lower-case word without a possessive 's (Blair's -> blair).
func bare(s string) string {
	s = strings.ToLower(s)
	for _, p := range []string{"'s", "’s"} {
		if strings.HasSuffix(s, p) && len(s) > len(p) {
			return strings.TrimSuffix(s, p)
		}
	}
	return s
}

// upperWord reports whether w is a word of two or more capital Latin
// letters (with an optional possessive).
func upperWord(w string) bool {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) || !unicode.Is(unicode.Latin, r) {
			return false
		}
		n++
	}
	return n >= 2
}

// acronym reports whether toks[k] is an organisation's acronym (IRA,
// GCHQ): two to five capital letters, no Roman numeral, not a word of
// notacronym, and not among other words in capitals (emphasis, headlines).
func acronym(toks []segment.Token, k int) bool {
	w := toks[k].Text
	if !upperWord(w) {
		return false
	}
	b := bare(w)
	if n := len([]rune(b)); n > 5 || en.notAcronym[b] || strings.Trim(b, "ivxlcdm") == "" {
		return false
	}
	for _, d := range []int{-1, 1} {
		if j := k + d; j >= 0 && j < len(toks) && toks[j].Sentence == toks[k].Sentence && upperWord(toks[j].Text) {
			return false
		}
	}
	return !spelledOut(toks, b)
}

// spelledOut reports whether the text spells the acronym a (lower case)
// out in lower-case words, connectors and articles aside: an acronym of a
// common noun phrase (weapons of mass destruction) is no name.
func spelledOut(toks []segment.Token, a string) bool {
	letters := []rune(a)
	for k := range toks {
		i, j := 0, k
		for ; j < len(toks) && i < len(letters); j++ {
			w := toks[j].Text
			if w != strings.ToLower(w) || !unicode.IsLetter([]rune(w)[0]) {
				break
			}
			if j > k && (en.connector[w] || w == "the" || w == "and") {
				continue
			}
			if []rune(w)[0] != letters[i] {
				break
			}
			i++
		}
		if i == len(letters) {
			return true
		}
	}
	return false
}

// englishCandidates proposes names the gazetteer did not match, and
// reports the gazetteer candidates (indices into gaz) that a longer name
// holds (Bank of England: not England).
//
// A run of capitalised words is cut at its titles (President, Colonel,
// Lord Justice): the words after a title are a person. A name that ends with
// an organisation or place word is one (Labour Party, Queen's Lancashire
// Regiment, British Isles), with the words of an office before it (Home
// Office) and what a connector adds (Ministry of Defence, City of London),
// even around a name the gazetteer knows. Other runs are cut around the
// gazetteer's names, and each piece is a Person after a title or cue, when
// its first word is a given name, or when a speech verb follows one word;
// an Organization after an organisation noun (the charity Redress), before
// a medium (the Guardian newspaper), or when it is an acronym (GCHQ); a
// Location after "in"/"at"/...; anything else is left out, for precision.
func englishCandidates(toks []segment.Token, gaz []link.Candidate, firstNames map[string]bool) ([]link.Candidate, map[int]bool) {
	// gazAt[k]: the gazetteer candidate over token k, -1 for none
	gazAt := make([]int, len(toks))
	for k := range gazAt {
		gazAt[k] = -1
	}
	for ci, c := range gaz {
		// tokens are sorted and disjoint: from the first that ends after
		// the candidate's start
		for k := sort.Search(len(toks), func(k int) bool { return toks[k].End > c.Start }); k < len(toks) && toks[k].Start < c.End; k++ {
			gazAt[k] = ci
		}
	}
	lower := func(k int) string {
		if k < 0 || k >= len(toks) {
			return ""
		}
		return bare(toks[k].Text)
	}
	titleish := func(k int) bool {
		w := strings.ToLower(toks[k].Text)
		return en.title[w] || en.titleWord[w] || en.modifier[w]
	}
	sameSentence := func(a, b int) bool { return b < len(toks) && toks[a].Sentence == toks[b].Sentence }
	// capRun returns the end of the run of capitalised words (hyphenated
	// names such as Kassym-Jomart and particles such as al-Umma included)
	// that starts at k
	capRun := func(k int) int {
		j := k + 1
		for sameSentence(k, j) {
			if capitalised(toks[j].Text) {
				j++
				continue
			}
			if toks[j].Text == "-" && sameSentence(k, j+1) && capitalised(toks[j+1].Text) &&
				toks[j].Start == toks[j-1].End && toks[j+1].Start == toks[j].End {
				j += 2
				continue
			}
			// a lower-case particle joined by a hyphen: Jaysh al-Umma
			if w := toks[j].Text; w == strings.ToLower(w) && sameSentence(k, j+2) && toks[j+1].Text == "-" &&
				capitalised(toks[j+2].Text) && toks[j+1].Start == toks[j].End && toks[j+2].Start == toks[j+1].End {
				j += 3
				continue
			}
			break
		}
		return j
	}
	var out []link.Candidate
	absorbed := map[int]bool{}
	// typed[k]: the type of the name over token k (a demonym is none)
	typed := make([]string, len(toks))
	for k, ci := range gazAt {
		if ci >= 0 && !gaz[ci].Demonym {
			typed[k] = gaz[ci].Type
		}
	}
	emit := func(a, b int, typ string) {
		s, e := toks[a].Start, toks[b-1].End
		if t := toks[b-1].Text; strings.HasSuffix(t, "'s") || strings.HasSuffix(t, "’s") {
			e -= 2
		}
		out = append(out, link.Candidate{Start: s, End: e, Sentence: toks[a].Sentence, Type: typ})
		for k := a; k < b; k++ {
			typed[k] = typ
		}
	}
	// untyped are the runs no rule typed, for the coordination rule
	type run struct{ a, b int }
	var untyped []run
	// roleAfter reports whether a comma and a role noun follow token b-1,
	// with an article and up to three words between (Jane Doe, the
	// legal director of ...)
	roleAfter := func(b int) bool {
		if !sameSentence(b-1, b) || toks[b].Text != "," {
			return false
		}
		k := b + 1
		if sameSentence(b, k) && (toks[k].Text == "a" || toks[k].Text == "an" || toks[k].Text == "the") {
			k++
		}
		for step := 0; step < 4 && sameSentence(b, k); step, k = step+1, k+1 {
			w := toks[k].Text
			l := strings.ToLower(w)
			if en.role[l] {
				return true
			}
			if !(w == l && unicode.IsLetter([]rune(w)[0]) || en.title[l] || en.titleWord[l] || en.modifier[l]) {
				return false
			}
		}
		return false
	}
	// headed proposes tokens [a, b) as a name ending in an organisation or
	// place word; the gazetteer names inside it give way, unless one of
	// them is the whole span or crosses its edge (then it reports false)
	headed := func(a, b int, typ string) bool {
		inside := map[int]bool{}
		for k := a; k < b; k++ {
			if ci := gazAt[k]; ci >= 0 {
				c := gaz[ci]
				if c.Start < toks[a].Start || c.End > toks[b-1].End || c.Start == toks[a].Start && c.End >= toks[b-1].End-2 {
					return false
				}
				inside[ci] = true
			}
		}
		if typ == model.Location && b-a < 2 {
			return true // Street alone is no place
		}
		for ci := range inside {
			absorbed[ci] = true
		}
		emit(a, b, typ)
		return true
	}
	// plain types the uncovered run [a, b) by the words around it
	plain := func(a, b int) {
		n := b - a
		// the word before, as written: a title with a possessive is no cue
		// (Prime Minister's Questions)
		prev, next := "", ""
		if a > 0 {
			prev = strings.ToLower(toks[a-1].Text)
		}
		if sameSentence(a, b) {
			next = strings.ToLower(toks[b].Text)
		}
		startOfSentence := a == 0 || toks[a-1].Sentence != toks[a].Sentence || toks[a-1].Text == "\"" || toks[a-1].Text == "“"
		first, last := lower(a), lower(b-1)
		typ, weak := "", false
		switch {
		case n == 1 && en.skip[first]:
		case en.orgHead[last]:
			typ = model.Organization
		case en.placeHead[last] && n >= 2:
			typ = model.Location
		case (en.title[prev] || en.cue[prev]) && n <= 4:
			typ = model.Person
		case en.orgCue[prev] && n <= 4 && !startOfSentence:
			typ = model.Organization
		case en.medium[next] && n <= 4:
			typ = model.Organization
		case n == 1 && acronym(toks, a):
			typ = model.Organization
		case n >= 2 && n <= 4 && roleAfter(b):
			typ = model.Person
		case n >= 2 && n <= 4 && firstNames[first]:
			typ = model.Person
		case n == 1 && !startOfSentence && en.speech[next]:
			typ = model.Person
		case en.locCue[prev] && n <= 3 && !startOfSentence:
			typ = model.Location
			weak = true
		}
		if typ != "" {
			emit(a, b, typ)
			if weak {
				for k := a; k < b; k++ {
					typed[k] = "" // a preposition is too weak a cue to type a list
				}
			}
		} else if n <= 4 && !startOfSentence && !(n == 1 && en.skip[first]) {
			untyped = append(untyped, run{a, b})
		}
	}
	// split types the pieces of [a, b) that no gazetteer name covers
	split := func(a, b int) {
		for k := a; k < b; {
			if gazAt[k] >= 0 || toks[k].Text == "-" {
				k++
				continue
			}
			// a possessive ends a name: Radio Four's | PM
			m := k + 1
			for m < b && gazAt[m] < 0 && bare(toks[m-1].Text) == strings.ToLower(toks[m-1].Text) {
				m++
			}
			plain(k, m)
			k = m
		}
	}
	for i := 0; i < len(toks); {
		if !capitalised(toks[i].Text) || en.skip[strings.ToLower(toks[i].Text)] {
			i++
			continue
		}
		j := capRun(i)
		next := j
		// the run, cut at its titles: segments [a, c) whose name words
		// [b, c) follow the title words [a, b)
		for a := i; a < j; {
			b := a
			for b < j && titleish(b) {
				b++
			}
			c := b
			for c < j && !titleish(c) {
				c++
			}
			seg := a
			a = c
			if b == c {
				continue // a title without a name
			}
			// Democrat John Kerry: the party, then the person
			if c-b >= 3 && en.party[lower(b)] && firstNames[lower(b+1)] && gazAt[b] < 0 {
				emit(b, b+1, model.Organization)
				b++
			}
			// East Asia, Central London: a direction and a place
			if ci := gazAt[min(b+1, c-1)]; c-b >= 2 && en.compass[lower(b)] && gazAt[b] < 0 && ci >= 0 &&
				gaz[ci].Type == model.Location && !gaz[ci].Demonym && gaz[ci].Start == toks[b+1].Start && gazAt[c-1] == ci {
				absorbed[ci] = true
				emit(b, c, model.Location)
				continue
			}
			last := lower(c - 1)
			if en.orgHead[last] || en.placeHead[last] {
				typ := model.Location
				if en.orgHead[last] {
					typ = model.Organization
				}
				end := c
				// Ministry of Defence, City of London
				if c == j && sameSentence(c-1, c) && en.connector[toks[c].Text] {
					k := c + 1
					if sameSentence(c, k) && toks[k].Text == "the" {
						k++
					}
					if sameSentence(c, k) && capitalised(toks[k].Text) && !en.skip[strings.ToLower(toks[k].Text)] {
						end = capRun(k)
					}
				}
				// the words of an office belong to its name (Home Office,
				// Foreign Ministry), not a modifier (former)
				st := b
				for st > seg && (en.title[lower(st-1)] || en.titleWord[lower(st-1)]) {
					st--
				}
				if headed(st, end, typ) {
					if end > c {
						next = end
					}
					continue
				}
			}
			// Mary Jones: a given name that the gazetteer takes for a town
			// (Mary, Turkmenistan), then a name it does not know; not a
			// prominent place (Jordan, Sydney)
			if ci := gazAt[b]; ci >= 0 && c-b >= 2 && firstNames[lower(b)] && gaz[ci].Type == model.Location &&
				gaz[ci].Entry != nil && !gaz[ci].Entry.IsProminent() &&
				!gaz[ci].Demonym && gaz[ci].Start == toks[b].Start && gaz[ci].End <= toks[b].End && gazAt[b+1] < 0 {
				m := b + 1
				for m < c && gazAt[m] < 0 {
					m++
				}
				if m-b <= 4 {
					absorbed[ci] = true
					emit(b, m, model.Person)
					split(m, c)
					continue
				}
			}
			split(b, c)
		}
		i = next
	}
	// Coordination: a run in a list with a name of a known type has that
	// type (Fatah, Black September, Red Brigades; Hitler, Stalin, and the IRA).
	// A run takes the type of the name before it, or of the name after "and"
	// or "or" (a comma alone may open an apposition: his book, Lawless World,
	// Philippe Sands).
	listWord := func(k int) bool {
		if k < 0 || k >= len(toks) {
			return false
		}
		switch toks[k].Text {
		case ",", "and", "or":
			return true
		}
		return false
	}
	ends := func(k int) bool { return k >= len(toks) || listWord(k) || toks[k].Text == "." || toks[k].Text == ";" }
	for _, u := range untyped {
		k := u.a - 1 // the list word before
		if listWord(k) && k > 0 && toks[k].Text != "," && toks[k-1].Text == "," {
			k-- // ", and"
		}
		if listWord(k) && k > 0 && typed[k-1] != "" && ends(u.b) && sameSentence(k-1, u.a) {
			emit(u.a, u.b, typed[k-1])
		}
	}
	for x := len(untyped) - 1; x >= 0; x-- {
		u := untyped[x]
		if typed[u.a] != "" || !listWord(u.b) {
			continue
		}
		k := u.b // the list word after
		if toks[k].Text == "," && listWord(k+1) {
			k++ // ", and"
		}
		if toks[k].Text == "," {
			continue
		}
		if k+1 < len(toks) && typed[k+1] != "" && sameSentence(u.a, k+1) && listWord(u.a-1) {
			emit(u.a, u.b, typed[k+1])
		}
	}
	return out, absorbed
}

// firstNames are the lower-cased given names of English person names: the
// given names of english.txt, the first words of the gazetteer's people, and
// the first words that open two or more names of its person-name list
// (Mohammed, Carla), but for the words of notgiven.
func firstNames(g *gazetteer.Gazetteer) map[string]bool {
	out := map[string]bool{}
	for w := range en.given {
		out[w] = true
	}
	for _, e := range g.Entries() {
		if e.Type != model.Person {
			continue
		}
		for _, a := range e.Aliases {
			f := strings.Fields(a)
			if len(f) >= 2 && capitalised(f[0]) && len(f[0]) > 2 {
				out[strings.ToLower(f[0])] = true
			}
		}
	}
	listed := map[string]int{}
	g.ListedPersonNames(func(name string) {
		if f := strings.Fields(name); len(f) >= 2 && capitalised(f[0]) && len(f[0]) > 2 {
			listed[strings.ToLower(f[0])]++
		}
	})
	for w, n := range listed {
		if n >= 2 {
			out[w] = true
		}
	}
	for w := range en.notGiven {
		delete(out, w)
	}
	return out
}
