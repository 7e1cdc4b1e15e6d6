package extract

import (
	"sort"
	"strings"

	"github.com/kg-project/kg/internal/extract/link"
	"github.com/kg-project/kg/internal/lexicon"
	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/text/arabic"
	"github.com/kg-project/kg/internal/text/segment"
)

// Country names and nationality adjectives are also persons' names: تركي
// is Turkish and the given name Turki (الأمير تركي بن عبدالله, تركي
// الفيصل), التركي and المصري are family names after a given name (اللواء
// منصور التركي, خالد المصري). The gazetteer matches them as places.
//
// nationalNames replaces such a place candidate, and the name it belongs
// to, by a person candidate:
//   - a given name: a place word without the article that is a frequent
//     given name, followed by a word of lineage (بن, بنت) and a name, or
//     after an honorific or rank (الأمير, اللواء; lexicon
//     ar_between_title_and_name) followed by a name-like word with the
//     article (الأمير تركي الفيصل), or followed by a family name of the
//     name lists with the article that is no ordinary word (تركي الفيصل);
//   - a family name: a nationality adjective with the article, the
//     masculine singular (التركي, not الأتراك or العراقية) and no clitic,
//     right after a frequent given name that is no ordinary word (and the
//     given names before it), which no other candidate covers and which is
//     no title; not before a name, which the adjective describes (حافظ
//     الصربي نوفاك ديوكوفيتش "the Serb Novak Djokovic kept"). A kunya's
//     أبو is the name's (أبو أيمن العراقي).
//
// The person's other words must be free: a word another candidate covers
// ends the name. cands are sorted by Start; the result is too.
func (p *Pipeline) nationalNames(toks []segment.Token, words []arabic.Word, cands []link.Candidate) []link.Candidate {
	if p.words == nil {
		return cands
	}
	cov := coveredTokens(toks, cands)
	given := func(k int) bool {
		w := &words[k]
		return w.Article == "" && w.Prep == "" && w.Suffix == "" && !isEdgeWord(toks[k].Text, w.MF) &&
			!wordIn(officeWords, w) && p.words.Name(w.MF).Given >= frequentName
	}
	firmGiven := func(k int) bool { return given(k) && !p.words.Ordinary(baseOf(&words[k])) } // no ordinary word either
	same := func(a, b int) bool { return a >= 0 && b < len(toks) && toks[a].Sentence == toks[b].Sentence }
	bareDefinite := func(k int) bool { return words[k].Article != "" && words[k].Prep == "" && words[k].Conj == "" }
	word := func(k int) bool { return !cov[k] && isArabicWord(toks[k].Text) } // free, and a word (not بن.)
	var out []link.Candidate
	drop := map[int]bool{}
	for i, c := range cands {
		if c.Type != model.Location || c.Entry == nil {
			continue
		}
		k := firstToken(toks, c.Start)
		if k >= len(toks) || toks[k].End != c.End {
			continue // one word
		}
		w := &words[k]
		a, b := -1, -1
		switch {
		case w.Article == "" && given(k) && same(k, k+2) && nameLinks[words[k+1].MF] && !cov[k+1] && word(k+2) && words[k+2].Article == "":
			// تركي بن عبدالله [بن ...]
			a, b = k, k+3
			for {
				if same(k, b) && nameLinks[words[b-1].MF] && word(b) {
					b++ // بن عبد الله, أبو نقطة: the word after a link is the name's
				} else if same(k, b+1) && nameLinks[words[b].MF] && !cov[b] && word(b+1) {
					b += 2
				} else {
					break
				}
			}
		case w.Article == "" && given(k) && same(k-1, k+1) && rankBeforeName[words[k-1].MF] && !cov[k+1] &&
			bareDefinite(k+1) && p.nameLike(&words[k+1]):
			// الأمير تركي الفيصل
			a, b = k, k+2
		case w.Article == "" && given(k) && same(k, k+1) && !cov[k+1] && bareDefinite(k+1) && p.family(&words[k+1]):
			// تركي الفيصل: a frequent family name after it
			a, b = k, k+2
		case c.Demonym && bareDefinite(k) && strings.HasSuffix(w.MF, "ي") && same(k-1, k) && !cov[k-1] &&
			firmGiven(k-1) && !(same(k, k+1) && (cov[k+1] || p.nameLike(&words[k+1]) && !isEdgeWord(toks[k+1].Text, words[k+1].MF))):
			// [خالد] المصري, [اللواء منصور] التركي
			a, b = k-1, k+1
		default:
			continue
		}
		// the given names before (أحمد تركي العتيبي) and a kunya's أبو
		// (أبو أيمن العراقي, a name of war); after a person's name the
		// words are its own, not a new one (عبداللطيف جميل السعودي)
		for n := 0; n < 2 && same(a-1, a) && !cov[a-1] && firmGiven(a-1) && words[a].Conj == ""; n++ {
			a--
		}
		if same(a-1, a) && !cov[a-1] && wordIn(nameLinks, &words[a-1]) && words[a-1].Prep == "" && words[a].Conj == "" {
			a--
		}
		if same(a-1, a) && cov[a-1] && words[a].Conj == "" && personEnds(toks, cands, a-1) {
			continue
		}
		drop[i] = true
		for k := a; k < b; k++ {
			cov[k] = true
		}
		out = append(out, link.Candidate{Start: toks[a].Start, End: toks[b-1].End, Sentence: toks[a].Sentence, Type: model.Person})
	}
	if len(out) == 0 {
		return cands
	}
	cands = append(withoutCandidates(cands, drop), out...)
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].Start < cands[j].Start })
	return cands
}

// family reports whether w, a word with the article, is a name of persons
// (الفيصل) in the name lists, with or without its article, and no
// ordinary word.
func (p *Pipeline) family(w *arabic.Word) bool {
	if p.words.Ordinary(w.MF) {
		return false
	}
	if p.words.Name(w.MF).PersonCount() >= familyName {
		return true
	}
	rest, ok := strings.CutPrefix(w.MF, "ال")
	return ok && p.words.Name(rest).PersonCount() >= familyName
}

// familyName is how often the name lists must hold a word for it to be
// taken as a family name after a given name.
const familyName = 10

// personEnds reports whether a person candidate of cands ends at token k.
func personEnds(toks []segment.Token, cands []link.Candidate, k int) bool {
	for _, c := range cands {
		if c.Type == model.Person && c.End == toks[k].End {
			return true
		}
	}
	return false
}

// bareFamilyNames makes a person of a nationality adjective or a place's
// name with the article, alone, that is the family name of a person the
// article names in full and that stands where a person's name stands:
// after an honorific or a rank (اللواء التركي, الدكتور التركي; lexicon
// ar_rank_before_family_name) or after a verb of saying whose subject
// follows it (وأوضح التركي أن; ar_said_subject). There it is the person,
// not Turkey: the candidate becomes a person's, which the article's full
// name takes in (package link), and no place's. An adjective after an
// office (الرئيس التركي "the Turkish president") stays the country's.
// The persons are those of the gazetteer and of nationalNames (اللواء
// منصور التركي), which runs before: a full name only the tagger finds
// comes later and is not read. The word before is read without its
// conjunction (وأوضح, واللواء).
func bareFamilyNames(toks []segment.Token, words []arabic.Word, cands []link.Candidate) {
	family := map[string]bool{} // the last words of the persons' names, MatchForm
	for _, c := range cands {
		if c.Type != model.Person || c.Anaphor || c.Title {
			continue
		}
		a, b := firstToken(toks, c.Start), firstToken(toks, c.End-1)
		if b > a && b < len(toks) && words[b].Article != "" {
			family[words[b].MF] = true
		}
	}
	if len(family) == 0 {
		return
	}
	for i := range cands {
		c := &cands[i]
		if c.Type != model.Location || c.Entry == nil {
			continue
		}
		k := firstToken(toks, c.Start)
		if k == 0 || k >= len(toks) || toks[k].Start != c.Start || toks[k].End != c.End || toks[k-1].Sentence != toks[k].Sentence {
			continue // one word, whole, after another of its sentence
		}
		w := &words[k]
		if w.Article == "" || w.Prep != "" || w.Conj != "" || !family[w.MF] {
			continue
		}
		before := arabic.MatchForm(words[k-1].Stem)
		if words[k-1].Article != "" {
			before = arabic.MatchForm(words[k-1].Article + words[k-1].Stem)
		}
		if !rankBeforeFamily[before] && !saidSubject[before] {
			continue
		}
		c.Type, c.Entry, c.Demonym = model.Person, nil, false
	}
}

// rankBeforeFamily are the honorifics and ranks of lexicon
// ar_rank_before_family_name, in MatchForm.
var rankBeforeFamily = arabic.WordSet(strings.Join(lexicon.Class("ar_rank_before_family_name"), " "))
