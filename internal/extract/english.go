package extract

import (
	"strings"
	"unicode"

	"github.com/kg-project/kg/internal/extract/arabic"
	"github.com/kg-project/kg/internal/extract/link"
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
	enTitleWord = set("president prime minister foreign secretary chancellor king queen prince sheikh mr mrs ms dr sir lord general")
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

func englishCandidates(toks []arabic.Token, gaz []link.Candidate) []link.Candidate {
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
		s, e := toks[i].Start, toks[j-1].End
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
		case enPersonCue[prev]:
			typ = model.Person
		case n >= 2 && n <= 4 && !startOfSentence:
			typ = model.Person
		case n >= 2 && n <= 4 && startOfSentence && j < len(toks) && isSpeechVerb(toks[j].Text):
			typ = model.Person
		case enLocCue[prev] && n <= 3:
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
