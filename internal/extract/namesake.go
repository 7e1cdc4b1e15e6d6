package extract

import (
	"strings"

	"github.com/kg-project/kg/internal/extract/link"
	"github.com/kg-project/kg/internal/gazetteer"
	"github.com/kg-project/kg/internal/lexicon"
	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/text/arabic"
	"github.com/kg-project/kg/internal/text/segment"
)

// Places of different countries share names: القنيطرة is Quneitra in
// Syria and Kenitra in Morocco, طرابلس Tripoli in Libya and in Lebanon,
// رفح Rafah in Gaza and in Egypt. The gazetteer gives the name to the
// larger place; an article about the Golan means the other.
//
// namesakes moves each place candidate (not a nationality adjective) whose
// name the gazetteer gives to places of several countries to the namesake
// whose country the article speaks of: the country named (by its name or
// adjective) or other places of it named, counted over the article's other
// candidates. It moves only away from a place whose own country (a
// country's own: عمان is Oman and Amman) the article never names, and
// away from a prominent place (a country, a capital, or Rank 10^8 and
// more: London, Tripoli of Libya) only to a city (Rank 10^5 and more:
// Tripoli of Lebanon, not the Egyptian village الرياض) and on two such
// mentions or more. A country's name after a city's noun (العاصمة الأردنية
// عمان, lexicon ar_city_word) goes to its namesake city whatever else the
// article names: the one of the country of the adjective between, if any;
// after a country's noun or its ruler's title (سلطنة عمان, سلطان عمان;
// ar_country_word) it stays the country's.
// cands have their text (trimClitics).
func (p *Pipeline) namesakes(toks []segment.Token, words []arabic.Word, cands []link.Candidate) {
	var demAt map[int]string // token -> country of the nationality adjective over it
	for i := range cands {
		c := &cands[i]
		if c.Entry == nil || c.Demonym || c.Type != model.Location {
			continue
		}
		own := c.Entry.Country
		country := c.Entry.Role == gazetteer.RoleCountry
		if country {
			own = c.Entry.Key
		}
		if own == "" {
			continue
		}
		var alts []*gazetteer.Entry
		for _, e := range p.gaz.Lookup(arabic.MatchForm(c.Text)) {
			if e != c.Entry && e.Type == model.Location && e.Country != "" && e.Country != own {
				alts = append(alts, e)
			}
		}
		if len(alts) == 0 {
			continue
		}
		if country {
			if demAt == nil {
				demAt = demonymTokens(toks, cands)
			}
			k := firstToken(toks, c.Start)
			if k > 0 && toks[k-1].Sentence == toks[k].Sentence && wordIn(countryWords, &words[k-1]) {
				continue
			}
			if city, adj := cityBefore(toks, words, demAt, k); city {
				var best *gazetteer.Entry
				for _, e := range alts { // best first
					if e.Rank >= cityRank && (best == nil || adj != "" && e.Country == adj && best.Country != adj) {
						best = e
					}
				}
				if best != nil {
					c.Entry = best
					continue
				}
			}
		}
		// the name's own mentions are no evidence for either namesake
		name := arabic.MatchForm(c.Text)
		if countryEvidence(cands, name, own) > 0 {
			continue
		}
		need, minRank := 1, int64(0)
		if country || c.Entry.Role == gazetteer.RoleCapital || c.Entry.Rank >= prominentRank {
			need, minRank = 2, cityRank
		}
		var best *gazetteer.Entry
		for _, e := range alts {
			if e.Rank < minRank {
				continue
			}
			if n := countryEvidence(cands, name, e.Country); n >= need {
				best, need = e, n+1
			}
		}
		if best != nil {
			c.Entry = best
		}
	}
}

// districtNames unlinks each place candidate after a district's noun
// (حي العزيزية, بحي الشامية; lexicon ar_district_word) that the gazetteer
// gives to a lesser place (not prominent) of a country the article
// otherwise never names: a city's district shares its name with towns
// elsewhere (Al 'Aziziyah in Libya, Ash Shamiyah in Iraq), and the district
// is its own place, named by its words. cands have their text
// (trimClitics).
func districtNames(toks []segment.Token, words []arabic.Word, cands []link.Candidate) {
	for i := range cands {
		c := &cands[i]
		if c.Entry == nil || c.Type != model.Location {
			continue
		}
		k := firstToken(toks, c.Start)
		if k == 0 || toks[k-1].Sentence != toks[k].Sentence || !wordIn(districtWords, &words[k-1]) {
			continue
		}
		if c.Demonym {
			// a nationality's form after حي is the district's name (حي
			// السويدي "al-Suwaidi", not Sweden)
			c.Entry, c.Demonym, c.Local = nil, false, true
			continue
		}
		if c.Entry.IsProminent() || c.Entry.Country == "" || c.Entry.Role == gazetteer.RoleCountry {
			continue
		}
		if countryEvidence(cands, arabic.MatchForm(c.Text), c.Entry.Country) == 0 {
			c.Entry, c.Local = nil, true
		}
	}
}

// containedPlaces moves a place named after a settlement's noun and
// followed by the larger place it is in (ببلدة المنصورة في محافظة الأحساء,
// قرية الدالوة بمحافظة الأحساء: ar_city_word, ar_district_word or
// ar_settlement_word before; في or ب, maybe a region's noun, then the
// larger place) to its namesake of the larger place's country, or unlinks
// it (Local) when the gazetteer has none there: the text says in which
// country it is, and the gazetteer's entry of another country (the
// Egyptian city of Mansoura) is another place. Not a country's or a
// capital's name, which the settlement's noun does not make another's.
func (p *Pipeline) containedPlaces(toks []segment.Token, words []arabic.Word, cands []link.Candidate) {
	at := map[int]int{} // first token -> candidate
	for i := range cands {
		at[firstToken(toks, cands[i].Start)] = i
	}
	for i := range cands {
		c := &cands[i]
		if c.Entry == nil || c.Demonym || c.Type != model.Location || c.Entry.Country == "" ||
			c.Entry.Role == gazetteer.RoleCountry || c.Entry.Role == gazetteer.RoleCapital {
			continue
		}
		k := firstToken(toks, c.Start)
		if k == 0 || toks[k-1].Sentence != toks[k].Sentence ||
			!wordIn(cityWords, &words[k-1]) && !wordIn(districtWords, &words[k-1]) && !wordIn(settlementWords, &words[k-1]) {
			continue
		}
		end := k
		for end < len(toks) && toks[end].Start < c.End {
			end++
		}
		// the larger place: في Y, بY, في محافظة Y, بمحافظة Y
		j := end
		if j >= len(toks) || toks[j].Sentence != toks[k].Sentence {
			continue
		}
		clitic := words[j].Prep == "ب" || words[j].Prep == "في"
		if words[j].MF == "في" {
			j, clitic = j+1, true
		}
		if !clitic || j >= len(toks) {
			continue
		}
		if _, ok := at[j]; !ok && wordIn(regionWords, &words[j]) {
			j++
		}
		oi, ok := at[j]
		if !ok || j >= len(toks) || toks[j].Sentence != toks[k].Sentence {
			continue
		}
		o := &cands[oi]
		if o.Entry == nil || o.Type != model.Location {
			continue
		}
		country := o.Entry.Country
		if o.Entry.Role == gazetteer.RoleCountry {
			country = o.Entry.Key
		}
		if country == "" || country == c.Entry.Country {
			continue
		}
		var local *gazetteer.Entry
		for _, e := range p.gaz.Lookup(arabic.MatchForm(c.Text)) {
			if e.Type == model.Location && e.Country == country && (local == nil || e.Rank > local.Rank) {
				local = e
			}
		}
		if local != nil {
			c.Entry = local
		} else {
			c.Entry, c.Local = nil, true
		}
	}
}

// settlementWords are the nouns of lexicon ar_settlement_word; regionWords
// those of ar_region.
var (
	settlementWords = arabic.WordSet(strings.Join(lexicon.Class("ar_settlement_word"), " "))
	regionWords     = arabic.WordSet(strings.Join(lexicon.Class("ar_region"), " "))
)

// districtWords are the nouns of lexicon ar_district_word.
var districtWords = arabic.WordSet(strings.Join(lexicon.Class("ar_district_word"), " "))

// prominentRank is the gazetteer Rank from which a place is taken to be
// the one meant unless the article says otherwise twice (the curated
// capitals and major cities have 10^8 and more).
const prominentRank = 100_000_000

// cityRank is the gazetteer Rank (the population, for GeoNames places)
// from which a namesake may displace a prominent place.
const cityRank = 100_000

// countryEvidence counts the candidates, but those written name (MatchForm
// of their text), that name the country with key country (by its name or
// adjective) or a place in it.
func countryEvidence(cands []link.Candidate, name, country string) int {
	n := 0
	for j := range cands {
		e := cands[j].Entry
		if e == nil || arabic.MatchForm(cands[j].Text) == name {
			continue
		}
		if e.Key == country || e.Type == model.Location && e.Country == country {
			n++
		}
	}
	return n
}

// cityWords are the nouns that make the place name after them a city's
// (lexicon ar_city_word), countryWords a country's (ar_country_word).
var (
	cityWords    = arabic.WordSet(strings.Join(lexicon.Class("ar_city_word"), " "))
	countryWords = arabic.WordSet(strings.Join(lexicon.Class("ar_country_word"), " "))
)

// demonymTokens maps each token a nationality adjective covers to its
// country's key.
func demonymTokens(toks []segment.Token, cands []link.Candidate) map[int]string {
	out := map[int]string{}
	for _, c := range cands {
		if !c.Demonym || c.Entry == nil {
			continue
		}
		for k := firstToken(toks, c.Start); k < len(toks) && toks[k].Start < c.End; k++ {
			out[k] = c.Entry.Key
		}
	}
	return out
}

// cityBefore reports whether a city's noun stands right before token k,
// or before one nationality adjective before it (demAt), returning the
// adjective's country ("" when none).
func cityBefore(toks []segment.Token, words []arabic.Word, demAt map[int]string, k int) (bool, string) {
	j, adj := k-1, ""
	if c, ok := demAt[j]; ok {
		j, adj = j-1, c
	}
	if j < 0 || j >= len(words) || toks[j].Sentence != toks[k].Sentence {
		return false, ""
	}
	return wordIn(cityWords, &words[j]), adj
}

// regionNoun reports whether a word as written is a region's noun of
// ar_region after the preposition ب or ل (بريف، لمحافظة), or, when alone
// (a span of one word), bare or after any clitic (ريف، وولاية): the bare
// noun begins names (ريف دمشق, Rif Dimashq).
func regionNoun(text string, withPrep bool) bool {
	r := []rune(arabic.MatchForm(text))
	if !withPrep && regionWords[string(r)] {
		return true
	}
	clitics := arabic.CliticLetters
	if withPrep {
		clitics = "بل"
	}
	return len(r) > 3 && strings.ContainsRune(clitics, r[0]) && regionWords[string(r[1:])]
}
