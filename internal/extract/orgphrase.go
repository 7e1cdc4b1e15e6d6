package extract

import (
	"strings"

	"github.com/kg-project/kg/internal/extract/link"
	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/text/arabic"
	"github.com/kg-project/kg/internal/text/segment"
	"github.com/kg-project/kg/internal/translit"
)

// Arabic news names most bodies by what they are and whose they are:
// وزارة الدفاع العراقية "the Iraqi Ministry of Defence", البنك المركزي
// المصري, الحرس الثوري الإيراني, هيئة الأركان العامة للجيش السوري. Neither
// the gazetteer (which lists each body once, by its full name) nor the
// tagger (trained on little text of this kind) finds most of them, and a
// missed ministry is a missed actor of every relation it takes part in.
//
// orgPhrases finds them with the words of translit's data/orgwords.tsv: a
// noun marked as the head of organisation names (وزارة, البنك, الجيش),
// then the words that make it one body, each of them
//   - a noun or adjective of that table (الدفاع, المركزي, العامة),
//   - a nationality adjective the gazetteer knows (العراقية),
//   - a name the gazetteer matched (محكمة الناصرية),
//   - the name after a title of the table (جامعة الملك سعود),
//   - once, a complement with ل whose noun is in the table (لحقوق الإنسان,
//     للتعاون العسكري),
//   - a definite word the table does not know, when a known one follows.
// A definite head (الجيش) takes definite words only, in agreement; a head
// without the article is in the construct state (وزارة الدفاع) and takes a
// definite word or a name. The phrase ends at the last known word and must
// say whose body it is or what it does: a nationality, a name or a noun of
// the table. Adjectives alone (الحكومة الجديدة "the new government", اللجنة
// التنفيذية) are descriptions, not names.

// orgStop are definite words that never continue a name (MatchForm).
var orgStop = arabic.WordSet(arabic.MatchForm(`الذي التي الذين اللذين اللتين اللاتي اللواتي الان اليوم الماضي الماضيه
	المقبل المقبله الحالي الحاليه الجاري السابق السابقه الاول الثاني الاخير الاخيره الامس`))

// orgPhrases returns an Organization candidate for each organisation phrase
// of the text that no gazetteer candidate of gaz already covers.
func (p *Pipeline) orgPhrases(toks []segment.Token, words []arabic.Word, gaz []link.Candidate) []link.Candidate {
	// gazAt[k]: the gazetteer candidate over token k, -1 when none
	gazAt := make([]int, len(toks))
	for k := range gazAt {
		gazAt[k] = -1
	}
	{
		k := 0
		for ci, c := range gaz {
			for k > 0 && toks[k-1].End > c.Start {
				k--
			}
			for ; k < len(toks) && toks[k].Start < c.End; k++ {
				if toks[k].End > c.Start {
					gazAt[k] = ci
				}
			}
		}
	}
	var out []link.Candidate
	for i := 0; i < len(toks); i++ {
		w := &words[i]
		if w.Suffix != "" || gazAt[i] >= 0 && !gaz[gazAt[i]].Demonym {
			continue
		}
		hw, ok := translit.LookupWord(arabic.MatchForm(w.Stem))
		if !ok || !hw.OrgHead {
			continue
		}
		if i+1 < len(toks) {
			// a fixed phrase of the table that is no body: مجلس الإدارة
			// "the board of directors"
			if fw, ok := translit.LookupWord(w.MF + " " + words[i+1].MF); ok && !fw.OrgHead {
				continue
			}
		}
		definite := w.Article != ""
		specifiers := 0
		other := false // specified by more than a nationality
		known, specific := i+1, false
		lUsed := false
		sawOrgGaz := false
		for j := i + 1; j < len(toks) && toks[j].Sentence == toks[i].Sentence; {
			x := &words[j]
			if x.Conj != "" || x.Suffix != "" || !isArabicWord(toks[j].Text) {
				break
			}
			if x.Prep != "" {
				// one complement with ل: للتعاون, لحقوق الإنسان
				if x.Prep != "ل" || lUsed || j == i+1 && !definite {
					break
				}
				if xw, ok := translit.LookupWord(arabic.MatchForm(x.Stem)); !ok || xw.Class != "noun" || xw.OrgHead || xw.PlaceHead || xw.WorkHead {
					break // not for another body (هيئة التفاوض للحكومة), nor a work's (لجنة التحكيم للفيلم)
				}
				if x.Article == "" && (j+1 >= len(toks) || words[j+1].Article == "" || words[j+1].Conj != "") {
					break // لحقوق needs its complement: لحقوق الإنسان
				}
				lUsed = true
				j++
				if x.Article != "" {
					known, specific, other = j, true, true
				} // لحقوق counts with the word that completes it
				continue
			}
			if g := gazAt[j]; g >= 0 {
				c := gaz[g]
				if c.Start != toks[j].Start {
					break // a name that began before, or after a clitic: not ours
				}
				if c.Demonym && x.Article == "" {
					break // an indefinite adjective (قوة سورية "a Syrian force")
				}
				if !c.Demonym && c.Type == model.Person && !afterTitle(words, i, j) {
					break // a person's government (حكومة حيدر العبادي) is no name
				}
				if definite && !c.Demonym && x.Article == "" {
					break // الحكومة حيدر العبادي: a definite head takes no name
				}
				if !c.Demonym && c.Type == model.Organization {
					sawOrgGaz = true
				}
				// the whole name
				k := j
				for k < len(toks) && gazAt[k] == g {
					k++
				}
				j, known = k, k
				specifiers++
				if !c.Demonym || !hw.Forces { // القوات الروسية are Russia's forces
					specific = true
					other = other || !c.Demonym
				}
				continue
			}
			mf := arabic.MatchForm(x.Article + x.Stem)
			if x.Article == "" {
				// a head without the article takes a name or a definite
				// word: a name after a title (جامعة الملك سعود), a word
				// that is no ordinary word right after the head (حزب
				// كاديما), a noun of the table that a known word completes
				// (جيش تحرير كوسوفو)
				if afterTitle(words, i, j) || j == i+1 && !definite && hw.TakesName && p.nameWord(toks, words, j) {
					j++
					known, specific, other = j, true, true
					continue
				}
				if xw, ok := translit.LookupWord(mf); ok && xw.Class == "noun" && !xw.OrgHead && !xw.PlaceHead && !xw.WorkHead && !definite && j-known == 0 {
					j++
					continue
				}
				break
			}
			if orgStop[mf] {
				break
			}
			if xw, ok := translit.LookupWord(mf); ok && xw.Class != "prep" && xw.Class != "conj" {
				if xw.PlaceHead || xw.ProductHead || xw.WorkHead || xw.Class == "title" && j > i+1 {
					break // a place (لتأمين المدينة), a product (شبكة الهواتف "the phone network"), a work (الحركة المسرحية "the theatre"), a person after the name
				}
				if xw.Class == "adj" && (strings.HasSuffix(mf, "ين") || strings.HasSuffix(mf, "ون")) {
					break // a plural adjective is no part of a body's name (الجيش الوطنيين)
				}
				j++
				known = j
				switch {
				case xw.Class == "noun" || xw.Class == "title":
					specific, other = true, true
					specifiers++
				case p.gaz.Demonym(mf) != nil || xw.Class == "adj" && xw.Rank == 3:
					specific = specific || !hw.Forces // القوات الروسية are Russia's forces
					specifiers++
				case hw.Forces:
					if xw.Branch { // القوات الجوية, not القوات العسكرية "the military forces"
						specific, other = true, true
						specifiers++
					}
				case xw.Naming:
					specific, other = true, true // الحزب الشيوعي
					specifiers++
				default:
					specifiers++
				}
				continue
			}
			if p.gaz.Demonym(mf) != nil {
				j++
				known = j
				specific = specific || !hw.Forces
				continue
			}
			// a word the table does not know: part of the name only if a
			// known word follows
			j++
			if j-known > 1 {
				break
			}
		}
		if known == i+1 || !specific || sawOrgGaz || hw.Forces && specifiers < 2 {
			continue // قوات الأمن "security forces" is no name, قوات الطوارئ الخاصة is
		}
		if definite && !other && !hw.State {
			continue // النادي الكويتي "the Kuwaiti club" is one of many; الجيش اللبناني is one
		}
		start := toks[i].Start + len([]rune(w.Conj+w.Prep))
		if w.Prep == "ل" && w.Article != "" {
			start = toks[i].Start + len([]rune(w.Conj)) // لل: keep the ل, no substring spells the article
		}
		out = append(out, link.Candidate{Start: start, End: toks[known-1].End, Sentence: toks[i].Sentence, Type: model.Organization})
		i = known - 1
	}
	return out
}

// withOrgPhrases joins the tagger's candidates and the organisation
// phrases: a phrase inside a longer organisation the tagger found gives way
// to it (مكتب التحقيقات الفدرالي, whose last word the table lacks); any other
// tagger candidate it overlaps gives way to the phrase (سعود in جامعة الملك
// سعود).
func withOrgPhrases(ner, orgs []link.Candidate) []link.Candidate {
	out := make([]link.Candidate, 0, len(ner)+len(orgs))
	keep := make([]bool, len(ner))
	for i := range keep {
		keep[i] = true
	}
	for _, o := range orgs {
		inside := false
		for _, n := range ner {
			if n.Type == model.Organization && n.Start <= o.Start && o.End <= n.End && n.End-n.Start > o.End-o.Start {
				inside = true
				break
			}
		}
		if inside {
			continue
		}
		for i, n := range ner {
			if n.Start < o.End && o.Start < n.End {
				keep[i] = false
			}
		}
		out = append(out, o)
	}
	for i, n := range ner {
		if keep[i] {
			out = append(out, n)
		}
	}
	return out
}

// nameWord reports whether token j, written without the article, is a
// name rather than an ordinary word: unknown to the organisation table and
// not an ordinary word of unlabelled text (wordstats), nor a function word.
func (p *Pipeline) nameWord(toks []segment.Token, words []arabic.Word, j int) bool {
	w := &words[j]
	if w.Conj != "" || w.Prep != "" || w.Suffix != "" || isEdgeWord(toks[j].Text, w.MF) || particles[w.MF] {
		return false
	}
	if _, ok := translit.LookupWord(w.MF); ok {
		return false
	}
	return len([]rune(w.MF)) >= 3 && p.ordinary(toks, words, j) == 0 && !p.words.Ordinary(baseOf(w)) &&
		!p.words.Name(w.MF).Known() // a given name: مكتب أحمد is someone's office
}

// afterTitle reports whether token j follows a title that follows the head
// at i (جامعة الملك سعود).
func afterTitle(words []arabic.Word, i, j int) bool {
	if j != i+2 {
		return false
	}
	w, ok := translit.LookupWord(arabic.MatchForm(words[j-1].Article + words[j-1].Stem))
	return ok && w.Class == "title"
}

// isArabicWord reports whether a token is an Arabic word.
func isArabicWord(s string) bool {
	for _, r := range s {
		return r >= 0x0600 && r <= 0x06FF
	}
	return false
}
