package extract

import (
	"strings"
	"unicode"

	"github.com/kg-project/kg/internal/extract/arabic"
	"github.com/kg-project/kg/internal/extract/link"
	"github.com/kg-project/kg/internal/gazetteer"
	"github.com/kg-project/kg/internal/model"
)

// English names the gazetteer lacks: runs of capitalised words, typed by
// the words around them. Unknown single words at the start of a sentence
// are skipped, as are runs that only hold function words.

var (
	enPersonCue = set("president mr mrs ms dr minister secretary chancellor king queen prince sheikh leader spokesman spokeswoman senator governor general sir lord")
	enOrgHead   = set("party council union organization organisation ministry committee commission bank agency army police court parliament assembly office department league movement front alliance company corporation group association institute university bureau")
	enLocCue    = set("in at to from near")
	enSkip      = set("the a an this that these those he she it they we i his her its their our mr mrs ms dr on monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december")
	enTitleWord = set("president prime minister foreign secretary chancellor king queen prince sheikh mr mrs ms dr sir lord general state defence defense home deputy vice former chief senior")
	enPlaceHead = set("square street river sea ocean mountains mountain valley island islands gulf bay strait province region city county state")
)

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

func capitalised(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r) && unicode.Is(unicode.Latin, r)
	}
	return false
}

// englishCandidates proposes names the gazetteer did not match. A run of
// capitalised words is a Person after a title or when its first word is a
// known first name, an Organization when it ends with an organisation
// word, a Location after "in"/"at"/... or when it ends with a place word;
// anything else is left out, for precision.
func englishCandidates(toks []arabic.Token, gaz []link.Candidate, firstNames map[string]bool) []link.Candidate {
	covered := func(s, e int) bool {
		for _, c := range gaz {
			if c.Start < e && s < c.End {
				return true
			}
		}
		return false
	}
	var out []link.Candidate
	for i := 0; i < len(toks); {
		if !capitalised(toks[i].Text) || enSkip[strings.ToLower(toks[i].Text)] || enTitleWord[strings.ToLower(toks[i].Text)] {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) && toks[j].Sentence == toks[i].Sentence {
			w := toks[j].Text
			if capitalised(w) && !enTitleWord[strings.ToLower(w)] {
				j++
				continue
			}
			// Hyphenated names: Kassym-Jomart
			if w == "-" && j+1 < len(toks) && capitalised(toks[j+1].Text) && toks[j].Start == toks[j-1].End && toks[j+1].Start == toks[j].End {
				j += 2
				continue
			}
			break
		}
		// Possessive: Blair's -> Blair
		s, e := toks[i].Start, toks[j-1].End
		if t := toks[j-1].Text; strings.HasSuffix(t, "'s") || strings.HasSuffix(t, "’s") {
			e -= 2
		}
		startOfSentence := i == 0 || toks[i-1].Sentence != toks[i].Sentence || toks[i-1].Text == "\"" || toks[i-1].Text == "“"
		n := j - i
		typ := ""
		prev := ""
		if i > 0 {
			prev = strings.ToLower(toks[i-1].Text)
		}
		last := strings.ToLower(toks[j-1].Text)
		switch {
		case enOrgHead[last]:
			typ = model.Organization
		case enPlaceHead[last] && n >= 2:
			typ = model.Location
		case enPersonCue[prev] && n <= 4:
			typ = model.Person
		case n >= 2 && n <= 4 && firstNames[strings.ToLower(toks[i].Text)]:
			typ = model.Person
		case n == 1 && !startOfSentence && j < len(toks) && isSpeechVerb(toks[j].Text):
			typ = model.Person
		case enLocCue[prev] && n <= 3 && !startOfSentence:
			typ = model.Location
		}
		if typ != "" && !covered(s, e) {
			out = append(out, link.Candidate{Start: s, End: e, Sentence: toks[i].Sentence, Type: typ})
		}
		i = j
	}
	return out
}

func isSpeechVerb(w string) bool {
	switch strings.ToLower(w) {
	case "said", "says", "told", "added", "met", "visited", "called", "urged", "condemned", "warned", "thanked":
		return true
	}
	return false
}

// commonGivenNames complements the gazetteer's leaders with frequent given
// names of English-language news.
const commonGivenNames = `john james robert michael william david richard joseph thomas charles
christopher daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george
edward ronald timothy jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott
brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry tyler aaron jose
adam henry nathan douglas zachary peter kyle walter ethan jeremy harold keith christian roger noah
gerald carl terry sean austin arthur lawrence jesse dylan bryan joe jordan billy bruce albert willie
gabriel logan alan juan wayne roy ralph randy eugene vincent russell elijah louis bobby philip johnny
mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret
sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca
sharon laura cynthia kathleen amy shirley angela helen anna brenda pamela nicole emma samantha
katherine christine debra rachel catherine carolyn janet ruth maria heather diane virginia julie
joyce victoria olivia kelly christina lauren joan evelyn judith megan cheryl andrea hannah martha
jacqueline frances gloria ann teresa kathryn sara janice jean alice madison doris abigail julia
judy grace denise amber marilyn beverly danielle theresa sophia marie diana brittany natalie
isabella charlotte rose alexis kayla tony gordon clare charles gerhard jacques vladimir sergei
sergey mohammed muhammad ahmed ali hassan hussein omar abdul abdel abdullah khalid recep kofi ban
boris angela emmanuel nicolas xi hu li wen kim shinzo narendra manmohan benjamin ariel ehud
mahmoud yasser bashar hosni barack hillary condoleezza colin dick silvio romano jose luis`

func firstNames(g *gazetteer.Gazetteer) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(commonGivenNames) {
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
	return out
}
