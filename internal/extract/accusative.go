package extract

import (
	"strings"
	"unicode"

	"github.com/kg-project/kg/internal/extract/link"
	"github.com/kg-project/kg/internal/text/arabic"
	"github.com/kg-project/kg/internal/wordstats"
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
		if w := string(rs[k:end]); !arabic.IsAccusative(w) && (k == c.Start || !unmarkedAccusative(w)) {
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

// minAccusativeStem is how often unlabelled text must write the word
// without the alif of the accusative for unmarkedAccusative to trust it.
const minAccusativeStem = 50

// unmarkedAccusative reports whether w, a word after the first of a name,
// is the indefinite accusative of an ordinary word written without its
// tanween (عمر ضاحكا "Omar, laughing", مبتسما "smiling"): it ends in alif,
// no name list knows it, and without the alif it is an ordinary word of
// unlabelled text (wordstats.Ordinary) seen minAccusativeStem times or
// more, while the word itself is not known as a name there.
func unmarkedAccusative(w string) bool {
	m := arabic.MatchForm(w)
	stem, ok := strings.CutSuffix(m, "ا")
	if !ok || len([]rune(stem)) < 3 || strings.HasPrefix(m, "ال") {
		return false // الصفا, a name with the article, takes no tanween
	}
	ws, err := wordstats.Default()
	if err != nil || ws.Name(m).Known() {
		return false
	}
	if x := ws.Word(m); x.Count >= wordstats.MinCount && !ws.Ordinary(m) {
		return false
	}
	return ws.Word(stem).Count >= minAccusativeStem && ws.Ordinary(stem)
}
