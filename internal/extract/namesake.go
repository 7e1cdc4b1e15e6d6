package extract

import (
	"slices"

	"github.com/kg-project/kg/internal/extract/link"
	"github.com/kg-project/kg/internal/gazetteer"
	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/text/arabic"
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
// candidates. It moves only away from a place whose own country the
// article never names, and away from a prominent place (a capital, or
// Rank 10^8 and more: London, Tripoli of Libya) only to a city (Rank 10^5
// and more: Tripoli of Lebanon, not the Egyptian village الرياض) and on two
// such mentions or more. cands have their text (trimClitics).
func (p *Pipeline) namesakes(cands []link.Candidate) {
	for i := range cands {
		c := &cands[i]
		if c.Entry == nil || c.Demonym || c.Type != model.Location || c.Entry.Country == "" {
			continue
		}
		var alts []*gazetteer.Entry
		for _, e := range p.gaz.Lookup(arabic.MatchForm(c.Text)) {
			if e != c.Entry && e.Type == model.Location && e.Country != "" && e.Country != c.Entry.Country {
				alts = append(alts, e)
			}
		}
		// the namesakes' own mentions are no evidence for either
		same := append(alts, c.Entry)
		if len(alts) == 0 || countryEvidence(cands, same, c.Entry.Country) > 0 {
			continue
		}
		need, minRank := 1, int64(0)
		if c.Entry.Role == gazetteer.RoleCapital || c.Entry.Rank >= prominentRank {
			need, minRank = 2, cityRank
		}
		var best *gazetteer.Entry
		for _, e := range alts {
			if e.Rank < minRank {
				continue
			}
			if n := countryEvidence(cands, same, e.Country); n >= need {
				best, need = e, n+1
			}
		}
		if best != nil {
			c.Entry = best
		}
	}
}

// prominentRank is the gazetteer Rank from which a place is taken to be
// the one meant unless the article says otherwise twice (the curated
// capitals and major cities have 10^8 and more).
const prominentRank = 100_000_000

// cityRank is the gazetteer Rank (the population, for GeoNames places)
// from which a namesake may displace a prominent place.
const cityRank = 100_000

// countryEvidence counts the candidates, but those of the entries in skip,
// that name the country with key country or a place in it.
func countryEvidence(cands []link.Candidate, skip []*gazetteer.Entry, country string) int {
	n := 0
	for j := range cands {
		e := cands[j].Entry
		if e == nil || slices.Contains(skip, e) {
			continue
		}
		if e.Key == country || e.Type == model.Location && e.Country == country {
			n++
		}
	}
	return n
}
