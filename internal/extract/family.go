package extract

import (
	"strings"

	"github.com/kg-project/kg/internal/extract/link"
	"github.com/kg-project/kg/internal/lexicon"
	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/text/arabic"
	"github.com/kg-project/kg/internal/text/segment"
)

// familyNames drops a person's candidate that the word آل "the family of"
// stands right before, written apart, after a family noun or من / بين
// (lexicon ar_family_before): من آل بوش "of the Bush family", أسرة آل
// غريمالدي, بين آل سعود name a family or a royal house, not one of its
// members, whose node the mention would join (George W. Bush's, King
// Saud's). After a given name آل is part of a person's name (إبراهيم آل
// مسفر), after a verb the family name names a person (وأضاف آل فاضل): the
// candidate stays. cands have their text (trimClitics).
func (p *Pipeline) familyNames(toks []segment.Token, words []arabic.Word, cands []link.Candidate) []link.Candidate {
	out := cands[:0]
	for _, c := range cands {
		if c.Type == model.Person && !c.Anaphor && !c.Title && afterFamilyWord(toks, words, c.Start) {
			continue
		}
		out = append(out, c)
	}
	return out
}

// familyBefore: lexicon ar_family_before, in MatchForm.
var familyBefore = arabic.WordSet(strings.Join(lexicon.Class("ar_family_before"), " "))

// afterFamilyWord reports whether the token before the one starting at
// start is آل (with a clitic و ف ل ب or not), and the token before آل, in
// the same sentence, a word of familyBefore (with its clitics or not).
func afterFamilyWord(toks []segment.Token, words []arabic.Word, start int) bool {
	j := firstToken(toks, start)
	if j < 2 || j >= len(toks) || toks[j].Start != start || toks[j-2].Sentence != toks[j].Sentence {
		return false
	}
	if t := strings.TrimLeft(toks[j-1].Text, "وفلب"); t != "آل" {
		return false
	}
	return inWordSet(familyBefore, &words[j-2])
}
