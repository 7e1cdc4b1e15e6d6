package extract

import (
	"slices"
	"sort"
	"strings"

	"github.com/kg-project/kg/internal/extract/link"
	"github.com/kg-project/kg/internal/gazetteer"
	"github.com/kg-project/kg/internal/lexicon"
	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/text/arabic"
	"github.com/kg-project/kg/internal/text/segment"
	"github.com/kg-project/kg/internal/translit"
)

// Sports news names football clubs by bare names that are also ordinary
// words: الهلال "the crescent", النصر "victory", الاتحاد "the union". The
// gazetteer holds them as ambiguous aliases of club entries (Role club),
// which FindAll matches only inside longer names (نادي الهلال).
//
// clubRefs adds, in a sentence about sport (a word of lexicon ar_sports),
// a club's bare name that a club cue stands right before (لاعب الهلال,
// مدرب النصر, أمام الاتحاد, فاز الأهلي; lexicon ar_club_cue, on the stem;
// a noun in the construct state, without the article or a pronoun:
// الفريق النصر is "the team [won] victory", مدربه النصر "his coach [gave
// them] victory") and no nationality follows (الاتحاد السعودي لكرة القدم
// is the federation, الأهلي المصري another club)
// or that is joined to a club so found by و or a word of a game or a
// transfer (الهلال والنصر, الهلال على النصر, من الشباب إلى الهلال; lexicon
// ar_club_link), both ways. So does a city's name that is a club's
// (برشلونة، ليفربول: an ambiguous alias of the club's entry), a place's
// candidate of one word, which becomes the club's. A word another candidate
// covers is left alone. cands are sorted by Start; the result is too.
func (p *Pipeline) clubRefs(toks []segment.Token, words []arabic.Word, cands []link.Candidate) []link.Candidate {
	cov := coveredTokens(toks, cands)
	city := cityTokens(toks, cands)
	// the clubs other candidates name (ريال مدريد، نادي الهلال), by token
	known := make([]*gazetteer.Entry, len(toks))
	inPlay := map[int]bool{} // sentences about sport or naming a club
	for _, c := range cands {
		if c.Entry != nil && c.Entry.Role == gazetteer.RoleClub {
			for k := firstToken(toks, c.Start); k < len(toks) && toks[k].Start < c.End; k++ {
				known[k] = c.Entry
				inPlay[toks[k].Sentence] = true
			}
		}
	}
	sports := map[int]bool{} // sentences about sport
	for k := range toks {
		if s := toks[k].Sentence; !sports[s] && isSportsWord(&words[k]) {
			sports[s], inPlay[s] = true, true
		}
	}
	// a bare name is a club's only in a sentence about sport, or joined
	// to a club another candidate names (below): elsewhere it is not
	// looked up
	club := make([]*gazetteer.Entry, len(toks)) // the club a bare name may be
	some := false
	for j := range toks {
		if !inPlay[toks[j].Sentence] {
			continue
		}
		w := &words[j]
		switch ct, isCity := city[j]; {
		case isCity && !strings.HasPrefix(ct.form, "ال"):
			// the place's name, whatever the analysis took for clitics
			// (ليفربول); not a place named with the article (الخليج is the
			// Gulf of كأس الخليج, not the club)
			club[j] = p.clubNamed(ct.form)
		case w.Suffix != "" || cov[j]:
		case w.Article != "":
			club[j] = p.clubNamed(arabic.MatchForm(w.Article + w.Stem))
		default:
			// a city's name the gazetteer leaves to the tagger, for it is
			// ambiguous (مرسيليا): as written, or without a clitic (لمرسيليا)
			if club[j] = p.clubNamed(arabic.MatchForm(strings.TrimPrefix(toks[j].Text, w.Conj))); club[j] == nil && w.Prep != "" {
				club[j] = p.clubNamed(arabic.MatchForm(w.Stem))
			}
		}
		some = some || club[j] != nil
	}
	if !some {
		return cands
	}
	stem := func(k int) string { return arabic.MatchForm(words[k].Stem) }
	found := make([]bool, len(toks))
	for j := range toks {
		if club[j] != nil && sports[toks[j].Sentence] && j > 0 && toks[j-1].Sentence == toks[j].Sentence && clubCues[stem(j-1)] && words[j-1].Article == "" && words[j-1].Suffix == "" && words[j].Conj == "" &&
			!p.nationalAfter(toks, words, j) {
			found[j] = true
		}
	}
	// a club's name joined to another's (الهلال والنصر, فاز الهلال على
	// النصر, من الشباب إلى الهلال): both are clubs when one is
	// (or to a club another candidate names: لبرشلونة أمام ريال مدريد)
	entry := func(k int) *gazetteer.Entry {
		if known[k] != nil {
			return known[k]
		}
		return club[k]
	}
	isClub := func(k int) bool { return found[k] || known[k] != nil }
	joined := func(i, j int) bool {
		if entry(i) == nil || entry(j) == nil || entry(i) == entry(j) || toks[i].Sentence != toks[j].Sentence {
			return false
		}
		switch j - i {
		case 1:
			return words[j].Conj == "و"
		case 2:
			return words[j].Conj == "" && clubLinks[words[i+1].MF]
		}
		return false
	}
	for changed := true; changed; {
		changed = false
		for j := 1; j < len(toks); j++ {
			for i := max(0, j-2); i < j; i++ {
				if isClub(i) == isClub(j) || !joined(i, j) {
					continue
				}
				for _, k := range []int{i, j} {
					if !isClub(k) && club[k] != nil {
						found[k], changed = true, true
					}
				}
			}
		}
	}
	var out []link.Candidate
	for j, ok := range found {
		if !ok {
			continue
		}
		if ct, isCity := city[j]; isCity && club[j] != nil && !strings.HasPrefix(ct.form, "ال") {
			c := &cands[ct.cand]
			c.Type, c.Entry, c.Tagged = model.Organization, club[j], false
			continue
		}
		out = append(out, link.Candidate{Start: toks[j].Start, End: toks[j].End, Sentence: toks[j].Sentence, Type: model.Organization, Entry: club[j]})
	}
	if len(out) == 0 {
		return cands
	}
	cands = append(slices.Clip(cands), out...)
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].Start < cands[j].Start })
	return cands
}

// cityToken is a place's candidate of one token (cityTokens).
type cityToken struct {
	cand int    // its index
	form string // its name (MatchForm), clitics off
}

// cityTokens maps each token that holds all of a place's candidate (a
// gazetteer place, not a country nor a nationality adjective) to it: the
// city names that clubRefs may find a club's.
func cityTokens(toks []segment.Token, cands []link.Candidate) map[int]cityToken {
	var out map[int]cityToken
	for i, c := range cands {
		if c.Type != model.Location || c.Entry == nil || c.Demonym || c.Entry.Role == gazetteer.RoleCountry {
			continue
		}
		j := firstToken(toks, c.Start)
		if j >= len(toks) || j+1 < len(toks) && toks[j+1].Start < c.End {
			continue // not one word
		}
		rs := []rune(toks[j].Text)
		a, b := c.Start-toks[j].Start, c.End-toks[j].Start
		if a < 0 || b > len(rs) || a >= b {
			continue
		}
		if out == nil {
			out = map[int]cityToken{}
		}
		out[j] = cityToken{cand: i, form: arabic.MatchForm(string(rs[a:b]))}
	}
	return out
}

// clubNamed returns the gazetteer's first club (Role club) of the name
// form (MatchForm), ambiguous aliases included; nil when none.
func (p *Pipeline) clubNamed(form string) *gazetteer.Entry {
	for _, e := range p.gaz.Lookup(form) {
		if e.Role == gazetteer.RoleClub && e.Type == model.Organization {
			return e
		}
	}
	return nil
}

// nationalAfter reports whether a nationality adjective follows token j.
func (p *Pipeline) nationalAfter(toks []segment.Token, words []arabic.Word, j int) bool {
	return j+1 < len(toks) && toks[j+1].Sentence == toks[j].Sentence && p.gaz.Demonym(words[j+1].MF) != nil
}

var (
	// sportsWords make a sentence one about sport (lexicon ar_sports)
	sportsWords = arabic.WordSet(strings.Join(lexicon.Class("ar_sports"), " "))
	// clubCues make a club's bare name after them the club's (ar_club_cue)
	clubCues = arabic.WordSet(strings.Join(lexicon.Class("ar_club_cue"), " "))
	// clubLinks join two clubs' names (ar_club_link)
	clubLinks = arabic.WordSet(strings.Join(lexicon.Class("ar_club_link"), " "))
	// teamCues make a country's bare name after them its team (ar_team_cue)
	teamCues = arabic.WordSet(strings.Join(lexicon.Class("ar_team_cue"), " "))
	// teamOpponents make a country's bare name after them its team in a
	// sentence about sport (ar_team_opponent)
	teamOpponents = arabic.WordSet(strings.Join(lexicon.Class("ar_team_opponent"), " "))
	// teamVerbs make a country's bare name before them its team (ar_team_verb)
	teamVerbs = arabic.WordSet(strings.Join(lexicon.Class("ar_team_verb"), " "))
	// gameWords make a sentence one about a game (ar_team_game)
	gameWords = arabic.WordSet(strings.Join(lexicon.Class("ar_team_game"), " "))
	// teamNotBefore, after a country's bare name, make it no team
	// (ar_team_not_before)
	teamNotBefore = arabic.WordSet(strings.Join(lexicon.Class("ar_team_not_before"), " "))
	// teamLinks join a country's bare name to a team (ar_team_link)
	teamLinks = arabic.WordSet(strings.Join(lexicon.Class("ar_team_link"), " "))
)

// sportsBodies gives to a sports federation of the gazetteer (Role
// sports_body) the candidates of another body named by one of the
// federation's ambiguous aliases, in an article about sport: الاتحاد
// الأوروبي is the European Union, but UEFA where the article also names a
// club or a federation (رئيس الاتحاد الأوروبي ميشال بلاتيني beside الفيفا)
// or the mention's sentence has two words of sport (lexicon ar_sports).
// cands have their text (trimClitics).
func (p *Pipeline) sportsBodies(toks []segment.Token, words []arabic.Word, cands []link.Candidate) {
	sportsNews := -1 // unknown yet
	for i := range cands {
		c := &cands[i]
		if c.Entry == nil || c.Demonym || c.Entry.Role == gazetteer.RoleSportsBody {
			continue
		}
		m := arabic.MatchForm(c.Text)
		var body *gazetteer.Entry
		for _, e := range p.gaz.Lookup(m) {
			if e.Role == gazetteer.RoleSportsBody && slices.ContainsFunc(e.Ambiguous, func(a string) bool { return arabic.MatchForm(a) == m }) {
				body = e
				break
			}
		}
		if body == nil {
			continue
		}
		if sportsNews < 0 {
			sportsNews = 0
			for _, o := range cands {
				if o.Entry != nil && (o.Entry.Role == gazetteer.RoleClub || o.Entry.Role == gazetteer.RoleSportsBody) {
					sportsNews = 1
					break
				}
			}
		}
		if sportsNews == 0 && sportsWordsIn(toks, words, c.Sentence) < 2 {
			continue
		}
		c.Entry, c.Type = body, body.Type
	}
}

// cityClubs makes a club of a place's name that a nationality adjective
// in the masculine follows in a sentence about sport (lexicon ar_sports):
// برشلونة الإسباني، موناكو الفرنسي، توتنهام الإنجليزي are clubs, for a
// place takes the feminine (مدينة بيلغورود الروسية). The club is the
// gazetteer's of that name (Role club) when it has one, else an
// organisation of its own; not the place. A country is left alone
// (السعودي after a country is another body's adjective). cands have their
// text (trimClitics).
func (p *Pipeline) cityClubs(toks []segment.Token, words []arabic.Word, cands []link.Candidate) {
	for i := range cands {
		c := &cands[i]
		if c.Type != model.Location || c.Demonym || c.Anaphor || c.Entry != nil && c.Entry.Role == gazetteer.RoleCountry {
			continue
		}
		j := firstToken(toks, c.End)
		if j >= len(toks) || toks[j].Start < c.End || j == 0 || toks[j].Sentence != toks[j-1].Sentence {
			continue
		}
		w := &words[j]
		if w.Article == "" || w.Conj != "" || w.Prep != "" || !strings.HasSuffix(w.MF, "ي") {
			continue // the feminine (الروسية) is a place's; و begins another name
		}
		if p.gaz.Demonym(w.MF) == nil {
			continue
		}
		if sportsWordsIn(toks, words, toks[j].Sentence) == 0 {
			continue
		}
		c.Type, c.Entry, c.Tagged = model.Organization, p.clubNamed(arabic.MatchForm(c.Text)), false
	}
}

// companyNames makes a company of a person's name right after a head noun
// of commercial bodies in the construct state (lexicon ar_company_head:
// شركة عبداللطيف جميل، مجموعة محمد الفوزان، مؤسسة سليمان الراجحي): the head
// and the name are the company's name, named after its founder, not a
// mention of the person. With the article the head is another body (قال
// رئيس الشركة محمد ...). cands have their text (trimClitics).
func (p *Pipeline) companyNames(toks []segment.Token, words []arabic.Word, cands []link.Candidate) {
	var cov []bool // the tokens candidates cover, made when needed
	for i := range cands {
		c := &cands[i]
		if c.Type != model.Person || c.Anaphor || c.Title {
			continue
		}
		j := firstToken(toks, c.Start)
		if j >= len(toks) || toks[j].Start != c.Start || j == 0 || toks[j-1].Sentence != toks[j].Sentence {
			continue
		}
		h := &words[j-1]
		if h.Article != "" || h.Suffix != "" || !companyHeads[arabic.MatchForm(h.Stem)] {
			continue
		}
		if cov == nil {
			cov = coveredTokens(toks, cands)
		}
		if cov[j-1] {
			continue // the head is another candidate's
		}
		start := toks[j-1].Start + len([]rune(h.Conj+h.Prep))
		c.Start, c.Type, c.Entry, c.Tagged, c.Whole = start, model.Organization, nil, false, false
		c.Text = toks[j-1].Text[len(h.Conj+h.Prep):] + " " + c.Text
	}
}

// companyHeads: lexicon ar_company_head, in MatchForm.
var companyHeads = arabic.WordSet(strings.Join(lexicon.Class("ar_company_head"), " "))

// sportsWordsIn counts the words of sport (lexicon ar_sports) of sentence s.
func sportsWordsIn(toks []segment.Token, words []arabic.Word, s int) int {
	n := 0
	for k := firstSentenceToken(toks, s); k < len(toks) && toks[k].Sentence == s; k++ {
		if isSportsWord(&words[k]) {
			n++
		}
	}
	return n
}

// isSportsWord reports whether w is a word of sport (lexicon ar_sports): its
// stem, as written, or with the article.
func isSportsWord(w *arabic.Word) bool { return inWordSet(sportsWords, w) }

// inWordSet reports whether the word w is in set (MatchForms of a lexicon
// class): its stem, the word as written, or its stem with the article.
func inWordSet(set map[string]bool, w *arabic.Word) bool {
	return set[arabic.MatchForm(w.Stem)] || set[w.MF] || w.Article != "" && set[arabic.MatchForm(w.Article+w.Stem)]
}

// firstSentenceToken returns the index of the first token of sentence s
// (toks are in order).
func firstSentenceToken(toks []segment.Token, s int) int {
	return sort.Search(len(toks), func(k int) bool { return toks[k].Sentence >= s })
}

// clubNamesakes moves a club's candidate (Role club) to another club of
// the gazetteer that shares the name as written (الأهلي is Al-Ahli of
// Jeddah, Al Ahly of Cairo and Al Ahli of Dubai) when the article speaks of
// the other club's country at least twice and more than of the club's own,
// once at least by one of its clubs: it names the country, its places or
// its clubs (الزمالك; the Qatari sponsors of a Saudi club are not Qatari
// football). A bare name the
// tagger found, without an entry yet, is taken as the gazetteer's first
// club of the name (the Saudi one) and moved the same way. cands have
// their text (trimClitics).
func (p *Pipeline) clubNamesakes(cands []link.Candidate) {
	for i := range cands {
		c := &cands[i]
		own := c.Entry
		name := arabic.MatchForm(c.Text)
		if own == nil && c.Type == model.Organization && !c.Anaphor {
			// the tagger's bare name: the gazetteer's first club of the name
			own = p.clubNamed(name)
		}
		if own == nil || own.Role != gazetteer.RoleClub || own.Country == "" {
			continue
		}
		var best *gazetteer.Entry
		n, _ := clubEvidence(cands, name, own.Country)
		need := max(2, n+1)
		for _, e := range p.gaz.Lookup(name) {
			if e == own || e.Role != gazetteer.RoleClub || e.Type != model.Organization || e.Country == "" || e.Country == own.Country {
				continue
			}
			if n, clubs := clubEvidence(cands, name, e.Country); n >= need && clubs > 0 {
				best, need = e, n+1
			}
		}
		if best != nil {
			c.Entry = best
		}
	}
}

// clubEvidence counts the candidates, but those written name, that name
// the country with key country, a place in it (countryEvidence) or one of
// its clubs (n), and the last apart (clubs).
func clubEvidence(cands []link.Candidate, name, country string) (n, clubs int) {
	for _, o := range cands {
		if o.Entry != nil && o.Entry.Role == gazetteer.RoleClub && o.Entry.Country == country && arabic.MatchForm(o.Text) != name {
			clubs++
		}
	}
	return countryEvidence(cands, name, country) + clubs, clubs
}

// countryTeams makes a country's bare name in a game its national team's
// mention (link.Candidate.Team: "Vanuatu national team", the node منتخب
// فانواتو names too), not the country's. A country's whole word (no
// preposition on it: في اليابان is where a game is played) is its team
// after a word of sport only, its players, coach, fans, games or a draw
// (lexicon ar_team_cue: لاعب البرازيل, تعادلت فانواتو), in an article that
// names a national team or a club (منتخب ..., الهلال) or in a sentence
// about sport; and, in a sentence about sport only, after a word of an
// opponent or a result (ar_team_opponent: أمام اليابان, فوز ألمانيا),
// before a verb of a result (ar_team_verb: السعودية تفوز), after a word of
// ar_team_link that such a verb stands at most three words before, a
// score aside (تعادل 1-1 مع فانواتو), or joined by a word of ar_team_link
// to a national team, a club or a country so found, a score between
// aside (فاز المنتخب السعودي 3-2 على فلسطين, مباراة السعودية واليابان). A
// sentence is about sport when it names a national team or a club, has a
// word of a game (ar_team_game: مباراة، منتخب، ملعب), or has a word of
// lexicon ar_sports in an article that names a team: politics writes هدف
// "aim", كأس, بطولة, ضد إيران and تواجه ليبيا as well. A country before
// a word of ar_team_not_before is the state (فازت قطر بحق استضافة كأس
// العالم), and two countries side by side name something else (كوبا
// أمريكا, Copa América). Countries standing for their teams had carried
// their Wikidata IDs into sports news (Vanuatu's U-23 game with Fiji as a
// mention of the state). cands have their text (trimClitics); they keep
// their order.
func (p *Pipeline) countryTeams(toks []segment.Token, words []arabic.Word, cands []link.Candidate) {
	type country struct {
		cand, first, last int    // candidate and its tokens
		conj              string // و or ف before it, "" for none
	}
	var cs []country
	for i := range cands {
		c := &cands[i]
		if c.Type != model.Location || c.Entry == nil || c.Entry.Role != gazetteer.RoleCountry || c.Demonym || c.Anaphor || c.Title {
			continue
		}
		a := firstToken(toks, c.Start)
		if a >= len(toks) || words[a].Prep != "" {
			continue
		}
		rs := []rune(toks[a].Text)
		out := c.Start - toks[a].Start // letters before it: a preposition or و
		if out < 0 || out > 1 || out >= len(rs) {
			continue
		}
		conj := string(rs[:out])
		if conj != "" && conj != "و" && conj != "ف" {
			continue
		}
		b := a
		for b+1 < len(toks) && toks[b+1].Start < c.End {
			b++
		}
		// the candidate holds its tokens whole, but for a و before it
		if c.End != toks[b].End || toks[a].Sentence != toks[b].Sentence {
			continue
		}
		if b+1 < len(toks) && toks[b+1].Sentence == toks[b].Sentence && inWordSet(teamNotBefore, &words[b+1]) {
			continue // فازت قطر بحق استضافة البطولة: the state wins the right to host
		}
		cs = append(cs, country{i, a, b, conj})
	}
	if len(cs) == 0 {
		return
	}
	// two countries side by side name something else (كوبا أمريكا, Copa
	// América): neither is a team
	countryAt := map[int]bool{}
	for _, c := range cs {
		for k := c.first; k <= c.last; k++ {
			countryAt[k] = true
		}
	}
	kept := cs[:0]
	for _, c := range cs {
		if !(c.conj == "" && countryAt[c.first-1]) && !(countryAt[c.last+1] && !strings.HasPrefix(toks[c.last+1].Text, "و")) {
			kept = append(kept, c)
		}
	}
	cs = kept
	// the tokens that begin and end a team: a national team (a team head,
	// منتخب) or a club of the gazetteer
	teamStart, teamEnd := map[int]bool{}, map[int]bool{}
	inPlay := map[int]bool{}
	for _, c := range cands {
		club := c.Entry != nil && c.Entry.Role == gazetteer.RoleClub
		k := firstToken(toks, c.Start)
		if k >= len(toks) {
			continue
		}
		if !club && c.Type == model.Organization && c.Entry == nil {
			hw, ok := translit.LookupWord(arabic.MatchForm(words[k].Stem))
			club = ok && hw.Team
		}
		if !club {
			continue
		}
		e := k
		for e+1 < len(toks) && toks[e+1].Start < c.End {
			e++
		}
		teamStart[k], teamEnd[e], inPlay[toks[k].Sentence] = true, true, true
	}
	articleTeams := len(teamStart) > 0
	nSports, game := map[int]int{}, map[int]bool{}
	for k := range toks {
		if isSportsWord(&words[k]) {
			nSports[toks[k].Sentence]++
		}
		if inWordSet(gameWords, &words[k]) {
			game[toks[k].Sentence] = true
		}
	}
	// a sentence about sport: a team or club in it, a word of a game
	// (ar_team_game), or a word of ar_sports in an article that names a
	// team; هدف "aim", كأس and بطولة alone are also politics' words
	sports := func(s int) bool {
		return inPlay[s] || game[s] || articleTeams && nSports[s] > 0
	}
	bare := func(k int) string { return arabic.MatchForm(strings.TrimPrefix(toks[k].Text, words[k].Conj)) }
	same := func(k, s int) bool { return k >= 0 && k < len(toks) && toks[k].Sentence == s }
	// wordBefore: the word before token k, a score skipped; -1 for none
	wordBefore := func(k, s int) int {
		for j := k - 1; same(j, s); j-- {
			if arabic.HasLetter(toks[j].Text) {
				return j
			}
		}
		return -1
	}
	// resultBefore: a verb of a result at most three words before token k,
	// a score not counted (تعادل 1-1 مع)
	resultBefore := func(k, s int) bool {
		for j, n := k-1, 0; n < 3 && same(j, s); j-- {
			if teamVerbs[bare(j)] {
				return true
			}
			if arabic.HasLetter(toks[j].Text) {
				n++
			}
		}
		return false
	}
	found := make([]bool, len(cs))
	for changed, first := true, true; changed; first = false {
		changed = false
		for n, c := range cs {
			if found[n] {
				continue
			}
			s := toks[c.first].Sentence
			inSport := sports(s)
			if !inSport && !articleTeams {
				continue
			}
			// opens its clause: the sentence's first word, after a
			// punctuation mark, or with و
			opens := !same(c.first-1, s) || c.conj != "" || !arabic.HasLetter(toks[c.first-1].Text)
			var ok bool
			switch {
			case first && same(c.first-1, s) && c.conj == "" && teamCues[bare(c.first-1)]:
				ok = true // لاعب البرازيل, تعادلت فانواتو
			case !inSport:
			case first && same(c.first-1, s) && c.conj == "" && teamOpponents[bare(c.first-1)]:
				ok = true // أمام اليابان
			case first && opens && same(c.last+1, s) && teamVerbs[bare(c.last+1)]:
				ok = true // السعودية تفوز
			case c.conj == "و" && same(c.first-1, s) && teamEnd[c.first-1]:
				ok = true // المنتخب السعودي وقطر
			case c.conj == "" && same(c.first-1, s) && teamLinks[bare(c.first-1)] && teamEnd[wordBefore(c.first-1, s)]:
				ok = true // فاز المنتخب السعودي (3-2) على فلسطين
			case first && c.conj == "" && same(c.first-1, s) && teamLinks[bare(c.first-1)] && resultBefore(c.first-1, s):
				ok = true // تعادل 1-1 مع فانواتو
			case same(c.last+2, s) && teamLinks[bare(c.last+1)] && words[c.last+1].Conj == "" && teamStart[c.last+2]:
				ok = true // فوز اليابان على المنتخب السعودي
			case same(c.last+1, s) && words[c.last+1].Conj == "و" && teamStart[c.last+1]:
				ok = true // اليابان والمنتخب السعودي
			}
			if ok {
				found[n], changed = true, true
				teamStart[c.first], teamEnd[c.last] = true, true
			}
		}
	}
	for n, c := range cs {
		if found[n] {
			cd := &cands[c.cand]
			cd.Team, cd.Entry, cd.Type, cd.Tagged = cd.Entry, nil, model.Organization, false
		}
	}
}
