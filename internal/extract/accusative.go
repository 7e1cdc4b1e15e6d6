package extract

import (
	"unicode"

	"github.com/kg-project/kg/internal/extract/link"
	"github.com/kg-project/kg/internal/text/arabic"
)

// withoutAccusativeEnds trims from the end of each candidate the words
// written with the ending of the indefinite accusative (arabic.
// IsAccusative): names of places and foreign names never take it, so
// such a word after a name is an adverb or adjective the tagger glued on
// (نادي الهلال كروياً "the club of al-Hilal, football-wise", ريال شهرياً "a
// riyal monthly"), and a candidate made only of such words is none
// (كوبًا "a cup" is not Cuba, درعاً "a shield" not Daraa). A candidate
// that loses words loses its gazetteer entry, which named the whole span.
// rs are the runes of the text the candidates' offsets count.
func withoutAccusativeEnds(rs []rune, cands []link.Candidate) []link.Candidate {
	out := cands[:0]
	for _, c := range cands {
		if c, ok := accusativeTrim(rs, c); ok {
			out = append(out, c)
		}
	}
	return out
}

// accusativeTrim is withoutAccusativeEnds for one candidate: the candidate
// trimmed, and false when nothing is left of it.
func accusativeTrim(rs []rune, c link.Candidate) (link.Candidate, bool) {
	if c.Start < 0 || c.End > len(rs) || c.Start >= c.End {
		return c, true
	}
	end := c.End
	for end > c.Start {
		// the last word of [c.Start, end)
		k := end
		for k > c.Start && !unicode.IsSpace(rs[k-1]) {
			k--
		}
		if !arabic.IsAccusative(string(rs[k:end])) {
			break
		}
		end = k
		for end > c.Start && unicode.IsSpace(rs[end-1]) {
			end--
		}
	}
	switch {
	case end == c.End:
		return c, true
	case end > c.Start:
		c.End, c.Text, c.Entry = end, string(rs[c.Start:end]), nil
		return c, true
	}
	return c, false
}
