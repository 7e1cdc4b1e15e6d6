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
	locCue, orgCue, medium, skip, speech, notAcronym, given, notGiven, officeRef, officeExact map[string]bool
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
		"officeref": &w.officeRef, "officeexact": &w.officeExact,
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
	s := newEnScan(toks, gaz, firstNames)
	for i := 0; i < len(toks); {
		if !capitalised(toks[i].Text) || en.skip[strings.ToLower(toks[i].Text)] {
			i++
			continue
		}
		i = s.capitalisedRun(i)
	}
	s.coordinate()
	return s.out, s.absorbed
}

// enScan is the state of one englishCandidates pass: the tokens, the
// gazetteer's candidates over them, and the names proposed so far.
type enScan struct {
	toks       []segment.Token
	gaz        []link.Candidate
	firstNames map[string]bool
	gazAt      []int    // gazAt[k]: the gazetteer candidate over token k, -1 for none
	typed      []string // typed[k]: the type of the name over token k (a demonym is none)
	out        []link.Candidate
	absorbed   map[int]bool // the gazetteer candidates a longer name holds
	untyped    []enRun      // the runs no rule typed, for the coordination rule
}

// enRun is a run of tokens [a, b).
type enRun struct{ a, b int }

// newEnScan returns the scan of toks, with gazAt and typed filled in from
// the gazetteer candidates gaz (sorted and disjoint, as the tokens are).
func newEnScan(toks []segment.Token, gaz []link.Candidate, firstNames map[string]bool) enScan {
	s := enScan{toks: toks, gaz: gaz, firstNames: firstNames, absorbed: map[int]bool{}}
	s.gazAt = make([]int, len(toks))
	for k := range s.gazAt {
		s.gazAt[k] = -1
	}
	for ci, c := range gaz {
		// tokens are sorted and disjoint: from the first that ends after
		// the candidate's start
		for k := sort.Search(len(toks), func(k int) bool { return toks[k].End > c.Start }); k < len(toks) && toks[k].Start < c.End; k++ {
			s.gazAt[k] = ci
		}
	}
	s.typed = make([]string, len(toks))
	for k, ci := range s.gazAt {
		if ci >= 0 && !gaz[ci].Demonym {
			s.typed[k] = gaz[ci].Type
		}
	}
	return s
}

// lower returns token k in lower case without a possessive, "" outside the
// text.
func (s *enScan) lower(k int) string {
	if k < 0 || k >= len(s.toks) {
		return ""
	}
	return bare(s.toks[k].Text)
}

// titleish reports whether token k is a title, a word of one or a modifier
// of one (former).
func (s *enScan) titleish(k int) bool {
	w := strings.ToLower(s.toks[k].Text)
	return en.title[w] || en.titleWord[w] || en.modifier[w]
}

// sameSentence reports whether token b exists and is in the sentence of
// token a.
func (s *enScan) sameSentence(a, b int) bool {
	return b < len(s.toks) && s.toks[a].Sentence == s.toks[b].Sentence
}

// capRun returns the end of the run of capitalised words (hyphenated
// names such as Kassym-Jomart and particles such as al-Umma included)
// that starts at k.
func (s *enScan) capRun(k int) int {
	toks := s.toks
	j := k + 1
	for s.sameSentence(k, j) {
		if capitalised(toks[j].Text) {
			j++
			continue
		}
		if toks[j].Text == "-" && s.sameSentence(k, j+1) && capitalised(toks[j+1].Text) &&
			toks[j].Start == toks[j-1].End && toks[j+1].Start == toks[j].End {
			j += 2
			continue
		}
		// a lower-case particle joined by a hyphen: Jaysh al-Umma
		if w := toks[j].Text; w == strings.ToLower(w) && s.sameSentence(k, j+2) && toks[j+1].Text == "-" &&
			capitalised(toks[j+2].Text) && toks[j+1].Start == toks[j].End && toks[j+2].Start == toks[j+1].End {
			j += 3
			continue
		}
		break
	}
	return j
}

// emit proposes tokens [a, b) as a name of type typ (without a final
// possessive) and marks them typed.
func (s *enScan) emit(a, b int, typ string) {
	st, e := s.toks[a].Start, s.toks[b-1].End
	if t := s.toks[b-1].Text; strings.HasSuffix(t, "'s") || strings.HasSuffix(t, "’s") {
		e -= 2
	}
	s.out = append(s.out, link.Candidate{Start: st, End: e, Sentence: s.toks[a].Sentence, Type: typ})
	for k := a; k < b; k++ {
		s.typed[k] = typ
	}
}

// capitalisedRun types the run of capitalised words that starts at token i
// and returns the token the scan goes on from: the end of the run, or of
// the name a connector continues it with (Ministry of Defence).
//
// The run is cut at its titles: segments [seg, c) whose name words [b, c)
// follow the title words [seg, b).
func (s *enScan) capitalisedRun(i int) int {
	j := s.capRun(i)
	next := j
	for a := i; a < j; {
		b := a
		for b < j && s.titleish(b) {
			b++
		}
		c := b
		for c < j && !s.titleish(c) {
			c++
		}
		seg := a
		a = c
		if b == c {
			continue // a title without a name
		}
		next = max(next, s.nameSegment(seg, b, c, j))
	}
	return next
}

// nameSegment types the name words [b, c) of the segment that starts at
// seg of the run of capitalised words that ends at j, and returns the end
// of the name it proposed when that goes past c (else c).
func (s *enScan) nameSegment(seg, b, c, j int) int {
	// Democrat John Kerry: the party, then the person
	if c-b >= 3 && en.party[s.lower(b)] && s.firstNames[s.lower(b+1)] && s.gazAt[b] < 0 {
		s.emit(b, b+1, model.Organization)
		b++
	}
	if s.compassPlace(b, c) {
		return c
	}
	if end, ok := s.headedName(seg, b, c, j); ok {
		return max(end, c)
	}
	if s.givenNameTown(b, c) {
		return c
	}
	s.split(b, c)
	return c
}

// compassPlace proposes [b, c) as a Location when it is a direction and a
// place the gazetteer knows (East Asia, Central London), and reports
// whether it did.
func (s *enScan) compassPlace(b, c int) bool {
	gaz, gazAt := s.gaz, s.gazAt
	if ci := gazAt[min(b+1, c-1)]; c-b >= 2 && en.compass[s.lower(b)] && gazAt[b] < 0 && ci >= 0 &&
		gaz[ci].Type == model.Location && !gaz[ci].Demonym && gaz[ci].Start == s.toks[b+1].Start && gazAt[c-1] == ci {
		s.absorbed[ci] = true
		s.emit(b, c, model.Location)
		return true
	}
	return false
}

// headedName proposes the name words [b, c) of the segment starting at seg
// (of the run ending at j) as an Organization or Location when their last
// word is an organisation or place word, with the words of an office
// before them and what a connector adds after them. It returns the end of
// the name and whether it was taken (see headed).
func (s *enScan) headedName(seg, b, c, j int) (int, bool) {
	last := s.lower(c - 1)
	if !en.orgHead[last] && !en.placeHead[last] {
		return 0, false
	}
	typ := model.Location
	if en.orgHead[last] {
		typ = model.Organization
	}
	toks := s.toks
	end := c
	// Ministry of Defence, City of London
	if c == j && s.sameSentence(c-1, c) && en.connector[toks[c].Text] {
		k := c + 1
		if s.sameSentence(c, k) && toks[k].Text == "the" {
			k++
		}
		if s.sameSentence(c, k) && capitalised(toks[k].Text) && !en.skip[strings.ToLower(toks[k].Text)] {
			end = s.capRun(k)
		}
	}
	// the words of an office belong to its name (Home Office,
	// Foreign Ministry), not a modifier (former)
	st := b
	for st > seg && (en.title[s.lower(st-1)] || en.titleWord[s.lower(st-1)]) {
		st--
	}
	return end, s.headed(st, end, typ)
}

// headed proposes tokens [a, b) as a name ending in an organisation or
// place word; the gazetteer names inside it give way, unless one of them
// is the whole span or crosses its edge (then it reports false).
func (s *enScan) headed(a, b int, typ string) bool {
	inside := map[int]bool{}
	for k := a; k < b; k++ {
		if ci := s.gazAt[k]; ci >= 0 {
			c := s.gaz[ci]
			if c.Start < s.toks[a].Start || c.End > s.toks[b-1].End || c.Start == s.toks[a].Start && c.End >= s.toks[b-1].End-2 {
				return false
			}
			inside[ci] = true
		}
	}
	if typ == model.Location && b-a < 2 {
		return true // Street alone is no place
	}
	for ci := range inside {
		s.absorbed[ci] = true
	}
	s.emit(a, b, typ)
	return true
}

// givenNameTown proposes a Person for Mary Jones: a given name that the
// gazetteer takes for a town (Mary, Turkmenistan), then a name it does not
// know; not a prominent place (Jordan, Sydney). It types the rest of
// [b, c) and reports whether it did.
func (s *enScan) givenNameTown(b, c int) bool {
	gaz, gazAt, toks := s.gaz, s.gazAt, s.toks
	ci := gazAt[b]
	if !(ci >= 0 && c-b >= 2 && s.firstNames[s.lower(b)] && gaz[ci].Type == model.Location &&
		gaz[ci].Entry != nil && !gaz[ci].Entry.IsProminent() &&
		!gaz[ci].Demonym && gaz[ci].Start == toks[b].Start && gaz[ci].End <= toks[b].End && gazAt[b+1] < 0) {
		return false
	}
	m := b + 1
	for m < c && gazAt[m] < 0 {
		m++
	}
	if m-b > 4 {
		return false
	}
	s.absorbed[ci] = true
	s.emit(b, m, model.Person)
	s.split(m, c)
	return true
}

// split types the pieces of [a, b) that no gazetteer name covers.
func (s *enScan) split(a, b int) {
	for k := a; k < b; {
		if s.gazAt[k] >= 0 || s.toks[k].Text == "-" {
			k++
			continue
		}
		// a possessive ends a name: Radio Four's | PM
		m := k + 1
		for m < b && s.gazAt[m] < 0 && bare(s.toks[m-1].Text) == strings.ToLower(s.toks[m-1].Text) {
			m++
		}
		s.plain(k, m)
		k = m
	}
}

// plain types the uncovered run [a, b) by the words around it (plainType),
// or keeps it for the coordination rule.
func (s *enScan) plain(a, b int) {
	n := b - a
	toks := s.toks
	startOfSentence := a == 0 || toks[a-1].Sentence != toks[a].Sentence || toks[a-1].Text == "\"" || toks[a-1].Text == "“"
	first := s.lower(a)
	typ, weak := s.plainType(a, b, startOfSentence)
	if typ != "" {
		s.emit(a, b, typ)
		if weak {
			for k := a; k < b; k++ {
				s.typed[k] = "" // a preposition is too weak a cue to type a list
			}
		}
	} else if n <= 4 && !startOfSentence && !(n == 1 && en.skip[first]) {
		s.untyped = append(s.untyped, enRun{a, b})
	}
}

// plainType returns the type of the uncovered run [a, b) by its words and
// the words around it, "" for none; weak when only a preposition before it
// typed it (in, at).
func (s *enScan) plainType(a, b int, startOfSentence bool) (typ string, weak bool) {
	n := b - a
	// the word before, as written: a title with a possessive is no cue
	// (Prime Minister's Questions)
	prev, next := "", ""
	if a > 0 {
		prev = strings.ToLower(s.toks[a-1].Text)
	}
	if s.sameSentence(a, b) {
		next = strings.ToLower(s.toks[b].Text)
	}
	first, last := s.lower(a), s.lower(b-1)
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
	case n == 1 && acronym(s.toks, a):
		typ = model.Organization
	case n >= 2 && n <= 4 && s.roleAfter(b):
		typ = model.Person
	case n >= 2 && n <= 4 && s.firstNames[first]:
		typ = model.Person
	case n == 1 && !startOfSentence && en.speech[next]:
		typ = model.Person
	case en.locCue[prev] && n <= 3 && !startOfSentence:
		typ = model.Location
		weak = true
	}
	return typ, weak
}

// roleAfter reports whether a comma and a role noun follow token b-1,
// with an article and up to three words between (Jane Doe, the legal
// director of ...).
func (s *enScan) roleAfter(b int) bool {
	toks := s.toks
	if !s.sameSentence(b-1, b) || toks[b].Text != "," {
		return false
	}
	k := b + 1
	if s.sameSentence(b, k) && (toks[k].Text == "a" || toks[k].Text == "an" || toks[k].Text == "the") {
		k++
	}
	for step := 0; step < 4 && s.sameSentence(b, k); step, k = step+1, k+1 {
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

// coordinate types the untyped runs that stand in a list with a name of a
// known type (Fatah, Black September, Red Brigades; Hitler, Stalin, and
// the IRA). A run takes the type of the name before it, or of the name
// after "and" or "or" (a comma alone may open an apposition: his book,
// Lawless World, Philippe Sands).
func (s *enScan) coordinate() {
	toks := s.toks
	for _, u := range s.untyped {
		k := u.a - 1 // the list word before
		if s.listWord(k) && k > 0 && toks[k].Text != "," && toks[k-1].Text == "," {
			k-- // ", and"
		}
		if s.listWord(k) && k > 0 && s.typed[k-1] != "" && s.listEnds(u.b) && s.sameSentence(k-1, u.a) {
			s.emit(u.a, u.b, s.typed[k-1])
		}
	}
	for x := len(s.untyped) - 1; x >= 0; x-- {
		u := s.untyped[x]
		if s.typed[u.a] != "" || !s.listWord(u.b) {
			continue
		}
		k := u.b // the list word after
		if toks[k].Text == "," && s.listWord(k+1) {
			k++ // ", and"
		}
		if toks[k].Text == "," {
			continue
		}
		if k+1 < len(toks) && s.typed[k+1] != "" && s.sameSentence(u.a, k+1) && s.listWord(u.a-1) {
			s.emit(u.a, u.b, s.typed[k+1])
		}
	}
}

// listWord reports whether token k is a comma, "and" or "or".
func (s *enScan) listWord(k int) bool {
	if k < 0 || k >= len(s.toks) {
		return false
	}
	switch s.toks[k].Text {
	case ",", "and", "or":
		return true
	}
	return false
}

// listEnds reports whether a list item ends before token k: the text ends,
// or k is a list word, a full stop or a semicolon.
func (s *enScan) listEnds(k int) bool {
	return k >= len(s.toks) || s.listWord(k) || s.toks[k].Text == "." || s.toks[k].Text == ";"
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
