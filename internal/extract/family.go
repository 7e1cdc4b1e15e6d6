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
//
// So does a family's name right after a family noun in the construct
// (lexicon ar_family_noun: عائلة بن لادن "the bin Laden family", أسرة
// كينيدي): a word of ar_family_particle (بن، ابن، آل) and one word, or one
// word the name lists do not give givenOverFamily times as often as a
// given name as a family name; the family of a person named by a given
// name (عائلة محمد العتيبي) is that person's, and stays.
func (p *Pipeline) familyNames(toks []segment.Token, words []arabic.Word, cands []link.Candidate) []link.Candidate {
	out := cands[:0]
	for _, c := range cands {
		if c.Type == model.Person && !c.Anaphor && !c.Title && (afterFamilyWord(toks, words, c.Start) || p.familyAfterNoun(toks, words, c)) {
			continue
		}
		out = append(out, c)
	}
	return out
}

// familyBefore: lexicon ar_family_before, in MatchForm.
var familyBefore = arabic.WordSet(strings.Join(lexicon.Class("ar_family_before"), " "))

// familyNouns: lexicon ar_family_noun, in MatchForm.
var familyNouns = arabic.WordSet(strings.Join(lexicon.Class("ar_family_noun"), " "))

// familyAfterNoun reports whether the person's candidate c is a family's
// name right after a family noun in the construct (familyNames): the
// noun's token without the article or a pronoun, c a whole token or two
// of the same sentence, a word of ar_family_particle and a word, or one
// word the name lists give less than givenOverFamily times as often as a
// given name as a family name.
func (p *Pipeline) familyAfterNoun(toks []segment.Token, words []arabic.Word, c link.Candidate) bool {
	j := firstToken(toks, c.Start)
	if j < 1 || j >= len(toks) || toks[j].Start != c.Start || toks[j-1].Sentence != toks[j].Sentence {
		return false
	}
	n := &words[j-1]
	if n.Article != "" || n.Suffix != "" || !familyNouns[arabic.MatchForm(n.Stem)] {
		return false
	}
	var ws []string
	for k := j; k < len(toks) && toks[k].Start < c.End; k++ {
		ws = append(ws, arabic.MatchForm(toks[k].Text))
	}
	switch {
	case len(ws) == 2 && familyParticles[ws[0]]:
		return true
	case len(ws) == 1 && p.words != nil:
		// a given name the lists give givenOverFamily times as often as
		// a family name (محمد) is a person's; any other word a family's
		// (بوش), one the lists lack too (كينيدي)
		nm := p.words.Name(ws[0])
		return nm.Given == 0 || nm.Given < givenOverFamily*nm.Family
	}
	return false
}

// familyParticles: the words of lexicon ar_family_particle (بن لادن، آل
// سعود), in MatchForm.
var familyParticles = arabic.WordSet(strings.Join(lexicon.Class("ar_family_particle"), " "))

// givenOverFamily: familyAfterNoun keeps a word as a person's given name
// when the name lists give it this many times as often as a given name
// as a family name.
const givenOverFamily = 3

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

// nameIdioms: lexicon ar_name_idiom, each phrase's words (lexicon folds
// them in MatchForm).
var nameIdioms = lexicon.Phrases("ar_name_idiom")

// withoutIdioms drops, in place, the candidates of one word that begins a
// common phrase of lexicon ar_name_idiom (مسقط رأسه "his birthplace" is no
// mention of Muscat, الرباط الصليبي "the cruciate ligament" none of Rabat):
// the word, its conjunction and preposition off, is the phrase's first,
// and the words after it in the sentence begin with the phrase's others.
// cands keep their order.
func withoutIdioms(toks []segment.Token, words []arabic.Word, cands []link.Candidate) []link.Candidate {
	idiom := func(j int) bool {
		first := arabic.MatchForm(words[j].Article + words[j].Stem)
		for _, ph := range nameIdioms {
			if ph[0] != first || j+len(ph)-1 >= len(toks) {
				continue
			}
			ok := true
			for k := 1; k < len(ph) && ok; k++ {
				ok = toks[j+k].Sentence == toks[j].Sentence && strings.HasPrefix(words[j+k].MF, ph[k])
			}
			if ok {
				return true
			}
		}
		return false
	}
	out := cands[:0]
	for _, c := range cands {
		j := firstToken(toks, c.Start)
		if j < len(toks) && c.End <= toks[j].End && idiom(j) {
			continue
		}
		out = append(out, c)
	}
	return out
}
