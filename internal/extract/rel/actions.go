package rel

import (
	"github.com/kg-project/kg/internal/vocab"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/kg-project/kg/internal/lexicon"
	"github.com/kg-project/kg/internal/text/arabic"
)

// arg is one argument found in the text.
type arg struct {
	entity string
	start  int // first token
	end    int // token after it
}

// argAt reads an argument that starts exactly at token i: a title phrase
// (رئيس كازاخستان [قاسم جومارت توكاييف]), a country reference (هذا البلد,
// البلاد, بلاده), an actor noun with a nationality (القوات الروسية), or a
// mention. exclude is an entity the argument may not resolve to (the other
// argument of the relation).
func (x *extractor) argAt(i int, exclude string) (arg, bool) {
	if i < 0 || i >= len(x.norm) {
		return arg{}, false
	}
	if x.ar {
		if ref := x.parseTitleAr(i, ""); ref != nil && !ref.former && ref.end > i {
			if ref.person != "" {
				return arg{ref.person, i, ref.end}, true
			}
			if ref.object != "" {
				if h := x.holders[ref.pred+"|"+ref.object]; h != "" {
					return arg{h, i, ref.end}, true
				}
			}
		}
		b := x.bare[i]
		if x.norm[i] != b || true {
			if arThis[b] && i+1 < len(x.norm) && arCountryRef[x.bare[i+1]] {
				if c := x.focusCountry(i, exclude); c != "" {
					return arg{c, i, i + 2}, true
				}
			}
			if arCountryRef[b] {
				if c := x.focusCountry(i, exclude); c != "" {
					return arg{c, i, i + 1}, true
				}
			}
			if arHisCountry[x.norm[i]] {
				c := x.country[x.speaker]
				if c == "" || c == exclude {
					c = x.focusCountry(i, exclude)
				}
				if c != "" {
					return arg{c, i, i + 1}, true
				}
			}
			if arActorNoun[b] {
				// القوات [العسكرية] الروسية: the country of the adjective acts.
				for j := i + 1; j < i+4 && j < len(x.norm); j++ {
					if m := x.mention(j); m != nil {
						if m.Demonym && m.Start == j {
							return arg{m.Entity, i, m.End}, true
						}
						break
					}
					if x.isBoundary(j) {
						break
					}
				}
			}
		}
	} else if ref := x.parseTitleEn(i); ref != nil && ref.person != "" {
		return arg{ref.person, i, ref.end}, true
	} else if (x.bare[i] == "the" || x.bare[i] == "this") && i+1 < len(x.norm) && x.bare[i+1] == "country" {
		if c := x.focusCountry(i, exclude); c != "" {
			return arg{c, i, i + 2}, true
		}
	}
	if m := x.mention(i); m != nil && m.Start == i && !m.Demonym && !x.agentBefore(i) {
		return arg{m.Entity, i, m.End}, true
	}
	return arg{}, false
}

// newSentence reports whether token i opens a sentence (the token before it
// is another sentence's: a heading's last word, say).
func (x *extractor) newSentence(i int) bool {
	return i > 0 && i < len(x.d.Tokens) && x.d.Tokens[i-1].Sentence != x.d.Tokens[i].Sentence
}

// agentBefore reports whether the mention at i depends on a noun such as
// ممثل ("representative of"): then someone else is the actor.
func (x *extractor) agentBefore(i int) bool {
	if i == 0 || x.newSentence(i) {
		return false
	}
	if x.ar {
		return inClass(arAgentOf, x.bare[i-1])
	}
	return enAgentOf[x.bare[i-1]] || (i > 1 && enAgentOf[x.bare[i-2]] && (x.bare[i-1] == "for" || x.bare[i-1] == "of"))
}

// inClass reports whether word w, as it is or without its article, is a
// word of class c (stripArticle).
func inClass(c map[string]bool, w string) bool { return c[w] || c[stripArticle(w)] }

func stripArticle(w string) string {
	if strings.HasPrefix(w, "ال") && len([]rune(w)) > 4 {
		return string([]rune(w)[2:])
	}
	return w
}

// prepBefore reports whether the token at j is governed by a preposition:
// a separate one (في روسيا, "in Russia") or a clitic (بروسيا).
func (x *extractor) prepBefore(j int) bool {
	if x.ar {
		if j > 0 && arPreps[x.bare[j-1]] {
			return true
		}
		return x.cliticPrep(j)
	}
	return j > 0 && enPreps[x.bare[j-1]]
}

// findArg scans forward from i (at most max tokens, stopping at clause
// boundaries) for the first argument, optionally requiring one of preps just
// before it or as a clitic on its first token.
func (x *extractor) findArg(i, limit, max int, preps map[string]bool, exclude string, needType string) (arg, bool) {
	for j := i; j < limit && j < i+max; j++ {
		if x.isBoundary(j) || j > i && x.ar && (x.futureVerb(j) || x.joinedVerb(j)) {
			return arg{}, false // another clause (ستزداد عزلة الولايات المتحدة، ونطالب ...)
		}
		if x.ar && preps != nil && j > i && preps[x.bare[j-1]] && x.mAt[j] < 0 {
			// a titled object after the preposition: مع نظيره الأمريكي جون كيري
			if ref := x.parseTitleAr(j, "title"); ref != nil && !ref.former && ref.person != "" && ref.person != exclude && ref.end <= limit &&
				(needType == "" || x.types[ref.person] == needType) {
				return arg{ref.person, j, ref.end}, true
			}
		}
		a, ok := x.argAt(j, exclude)
		if !ok {
			continue
		}
		if a.entity == exclude || (needType != "" && x.types[a.entity] != needType) {
			j = a.end - 1
			continue
		}
		if preps == nil {
			if !x.separatePrepBefore(j) && !(x.ar && x.cliticPrep(j)) && !x.inTitle(j, i) {
				return a, true
			}
		} else if x.hasPrep(j, preps) {
			return a, true
		}
		j = a.end - 1
	}
	return arg{}, false
}

// separatePrepBefore reports whether a preposition word precedes token j
// (في نيويورك): such a mention is not a direct object.
func (x *extractor) separatePrepBefore(j int) bool {
	if j == 0 || x.newSentence(j) {
		return false
	}
	if x.ar {
		return arPreps[x.bare[j-1]] || (j > 1 && arThis[x.bare[j-1]] && arPreps[x.bare[j-2]])
	}
	return enPreps[x.bare[j-1]] || (j > 1 && (x.bare[j-1] == "the") && enPreps[x.bare[j-2]])
}

// inTitle reports whether the mention at j completes a title that starts
// at or after from (أمير منطقة نجران): then it describes the person before
// it and is no object.
func (x *extractor) inTitle(j, from int) bool {
	if !x.ar {
		return false
	}
	for k := j - 1; k >= from && k >= j-2; k-- {
		if arTitleHead[x.bare[k]] {
			return true
		}
	}
	return false
}

// cliticPrep reports whether the word at j carries a preposition (بمحافظة).
func (x *extractor) cliticPrep(j int) bool {
	return x.prepClitic(j) != ""
}

// prepClitic returns the preposition clitic (ب, ل, ك) of the word at j, in
// MatchForm. For a mention it is read from the text before the name (so
// that لافروف is not ل + افروف); other words are analysed.
func (x *extractor) prepClitic(j int) string {
	if m := x.mention(j); m != nil && m.Start == j {
		p := []rune(m.Prefix)
		for len(p) > 0 && (p[0] == 'و' || p[0] == 'ف') {
			p = p[1:]
		}
		if len(p) > 0 && (p[0] == 'ب' || p[0] == 'ل' || p[0] == 'ك') {
			return string(p[0])
		}
		if len(p) == 0 {
			// ل before the article loses its alif (للحوثيين = ل + الحوثيين):
			// the linker keeps the whole word as the name's
			w := strings.TrimLeft(x.d.Tokens[j].Text, "وف")
			if rest, ok := strings.CutPrefix(w, "لل"); ok && utf8.RuneCountInString(rest) >= 3 {
				return "ل"
			}
		}
		return ""
	}
	return arabic.MatchForm(arabic.Analyze(x.d.Tokens[j].Text).Prep)
}

// hasPrep reports whether the token at j is introduced by one of preps: as
// the previous word (في روسيا) or a clitic on it (بروسيا, لمنظمة).
func (x *extractor) hasPrep(j int, preps map[string]bool) bool {
	if j > 0 && preps[x.bare[j-1]] {
		return true
	}
	if !x.ar && j > 1 && x.bare[j-1] == "the" && preps[x.bare[j-2]] {
		return true
	}
	if x.ar {
		if p := x.prepClitic(j); p != "" && preps[p] {
			return true
		}
		// هذا البلد after في: the preposition is two tokens back.
		if j > 1 && arThis[x.bare[j]] && preps[x.bare[j-1]] {
			return true
		}
	}
	return false
}

// subjectBefore finds an argument that ends right before the trigger at t
// (subject-verb-object order), within the clause.
func (x *extractor) subjectBefore(t, a int, exclude string) (arg, bool) {
	for j := t - 1; j >= a && j >= t-5; j-- {
		if x.isBoundary(j) {
			break
		}
		if x.ar && (arThat[x.bare[j]] || arThatPron[x.bare[j]] || x.bare[j] == wAn || arRelative[x.bare[j]] || arSubordinate[x.bare[j]]) || !x.ar && enRelative[x.bare[j]] {
			break
		}
		if !x.ar && enAux[x.bare[j]] {
			continue
		}
		m := x.mention(j)
		if m == nil {
			continue
		}
		// Walk back to the start of an actor phrase (القوات العسكرية الروسية).
		for k := m.Start - 1; x.ar && k >= a && k >= m.Start-3; k-- {
			if arActorNoun[x.bare[k]] {
				if ar, ok := x.argAt(k, exclude); ok && ar.end >= m.End {
					return ar, true
				}
			}
		}
		if m.Demonym && !x.ar && m.End < t && enActorNoun[x.bare[m.End]] {
			// "the Russian troops would withdraw": the country acts.
			return arg{m.Entity, m.Start, m.End + 1}, true
		}
		if m.Demonym || x.agentBefore(m.Start) {
			return arg{}, false
		}
		// The mention must be the subject, not the object of a preposition.
		if x.prepBefore(m.Start) {
			return arg{}, false
		}
		// A title before the name belongs to the subject phrase.
		return arg{m.Entity, m.Start, m.End}, true
	}
	return arg{}, false
}

// verbAt recognises a trigger at token i, returning its definition, the
// index after the trigger and whether it carries the future prefix س.
func (x *extractor) verbAt(i int) (*trigger, int, bool) {
	if x.mAt[i] >= 0 {
		return nil, i, false
	}
	if !x.ar {
		w := x.bare[i]
		if enPhraseFirst[w] {
			for n := enPhraseMax; n >= 2; n-- {
				if i+n <= len(x.bare) {
					p := strings.Join(x.bare[i:i+n], "_")
					if t := enTriggers[p]; t != nil {
						return t, i + n, false
					}
				}
			}
		}
		if t := enTriggers[w]; t != nil {
			return t, i + 1, false
		}
		return nil, i, false
	}
	w := x.norm[i]
	vc := verbCandidates(w)
	for _, cand := range vc.all() {
		if t := arTriggers[cand.form]; t != nil {
			return t, i + 1, cand.future
		}
	}
	return nil, i, false
}

type verbCand struct {
	form   string
	future bool
}

// verbCandidates strips the prefixes a verb may carry: و/ف, then the
// future س (before any person's prefix: سيزور، سأزور) or ل (ليتم). The
// forms are slices of w (no allocation).
func verbCandidates(w string) verbCands {
	var out verbCands
	out.add(w, false)
	r := w
	for _, c := range []string{"و", "ف"} {
		if rest, ok := strings.CutPrefix(r, c); ok && utf8.RuneCountInString(r) > 3 {
			r = rest
			out.add(r, false)
			break
		}
	}
	if utf8.RuneCountInString(r) > 3 {
		first, size := utf8.DecodeRuneInString(r)
		second, _ := utf8.DecodeRuneInString(r[size:])
		if first == 'س' && (second == 'ي' || second == 'ت' || second == 'ن' || second == 'أ' || second == 'ا') { // سيزور، ستزور، سنزور، سأزور
			out.add(r[size:], true)
		}
		if first == 'ل' && (second == 'ي' || second == 'ت') {
			out.add(r[size:], false)
		}
	}
	return out
}

// verbCands are a word's verbCandidates, at most three.
type verbCands struct {
	c [3]verbCand
	n int
}

func (v *verbCands) add(form string, future bool) {
	v.c[v.n] = verbCand{form, future}
	v.n++
}

// all returns the candidates.
func (v *verbCands) all() []verbCand { return v.c[:v.n] }

// purpose reports whether the trigger at t is a verbal noun with ل and
// without a pronoun (للقاء, للاجتماع, لمساعدة): the act is what someone
// sets out to do. Not a verb (مضى ليقول "went on to say", an act done),
// nor a noun with a pronoun (تكملة لزيارته السابقة "to his earlier visit").
func (x *extractor) purpose(t int) bool {
	w := &x.words[t]
	if w.Prep != "ل" || w.Suffix != "" || w.Stem == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w.Stem)
	return w.Article != "" || !strings.ContainsRune("يتنأا", r)
}

// modality of a trigger at t in a sentence starting at a: negated after a
// negation, future with a future prefix or word before it (ar_future: سوف،
// المقرر، الجولة المقبلة من المفاوضات), a verbal noun with such a word
// right after it (المحادثات المرتقبة) or with ل (a purpose: للقاء,
// للاجتماع), reported inside reported speech, asserted otherwise.
func (x *extractor) modality(a, t int, future bool) string {
	for j := t - 1; j >= a && j >= t-3; j-- {
		if x.ar && x.negWord(j) || !x.ar && enNeg[x.bare[j]] {
			return "negated"
		}
	}
	if x.ar && t+1 < len(x.norm) && x.norm[t] == "لا" {
		return "negated"
	}
	if future {
		return "future"
	}
	if x.ar && t > a && x.purpose(t) {
		return "future" // وصل إلى الرياض للقاء الملك "to meet the king"
	}
	if !x.ar && t > a && enInfinitive[x.bare[t-1]] {
		return "future" // urged Syria to withdraw: asked for, not done
	}
	for j := t - 1; j >= a && j >= t-3; j-- {
		if x.ar && arFutureWord[x.bare[j]] || !x.ar && enFuture[x.bare[j]] {
			return "future"
		}
	}
	// a verbal noun described as to come (المحادثات المرتقبة "the
	// expected talks", الزيارة المقبلة), or in a clause whose verb is in
	// the future (futureClause)
	if x.ar {
		if tr, _, _ := x.verbAt(t); tr == nil && !x.isLightVerb(t) {
			for j := t + 1; j < len(x.bare) && j <= t+2 && x.mAt[j] < 0 && !x.isBoundary(j); j++ {
				if arFutureWord[x.bare[j]] {
					return "future"
				}
			}
			if x.futureClause(a, t) {
				return "future"
			}
		}
	}
	// Inside reported speech: after a speech verb, or a quotation.
	if x.speechIn(a, t) {
		return "reported"
	}
	return "asserted"
}

// futureClause reports whether the Arabic verbal noun at t, in a sentence
// starting at a, is the subject of a verb in the future later in its
// clause (وزيارة أوباما في وقت لاحق هذا الشهر ستكون الرابعة له; جولة من
// مفاوضات التجارة الحرة بين كوريا الجنوبية والصين ستعقد الأسبوع الجاري:
// at most eight words on, names aside, no boundary, other verb or word
// of the past between), or follows one closely (ستثار خلال زيارة الوزير: at most three
// words back).
func (x *extractor) futureClause(a, t int) bool {
	for j, n := t+1, 0; j < len(x.bare) && n < 8; j++ {
		if x.isBoundary(j) || arPast[x.bare[j]] {
			break
		}
		if x.mAt[j] < 0 {
			n++ // names aside
		}
		if x.futureVerb(j) {
			return true
		}
		if tr, _, _ := x.verbAt(j); tr != nil && x.mAt[j] < 0 {
			break
		}
	}
	for j := t - 1; j >= a && j >= t-3; j-- {
		if x.isBoundary(j) {
			break
		}
		if x.futureVerb(j) {
			return true
		}
	}
	return false
}

// speechIn reports whether a speech verb is among tokens [a, t).
func (x *extractor) speechIn(a, t int) bool {
	for j := a; j < t; j++ {
		if tr, _, _ := x.verbAt(j); tr != nil && tr.speech {
			return true
		}
	}
	return false
}

// sentence finds the action relations of sentence si.
func (x *extractor) sentence(si int) {
	a, b := x.sentTok[si][0], x.sentTok[si][1]
	if a < 0 {
		return
	}
	if x.ar {
		x.containment(si, a, b)
		x.institutionPlace(si, a, b)
	}
	for t := a; t < b; t++ {
		tr, after, future := x.verbAt(t)
		if tr == nil {
			if x.ar && x.lightVerb(si, a, b, t) {
				continue
			}
			x.nounPatterns(si, a, b, t)
			continue
		}
		if !x.ar && t > a && enPassive[x.bare[t-1]] {
			x.passive(si, a, b, t, after, tr, future) // "was arrested by": not subject-verb-object
			continue
		}
		x.action(si, a, b, t, after, tr, future)
	}
}

// lightVerb adds the act of a light verb at token t (ar_light_verbs:
// قدمت إيران دعما عسكريا للحوثيين): its subject found as any verb's
// (verbSubject), the verbal noun that names the act within the next
// words (lightNoun), and its object after the noun's preposition
// (actionObject with ar_noun_objects). It reports whether token t is a
// light verb.
func (x *extractor) lightVerb(si, a, b, t int) bool {
	found, future := x.lightForm(t)
	if !found {
		return false
	}
	if x.sportsSentence(a, b) {
		return true // a team "launches attacks"
	}
	c := verbClause{si: si, a: a, b: b, t: t, after: t + 1, tr: lightTriggerNone,
		trig: x.phrase(t, t+1), mod: x.modality(a, t, future), conf: lightConf}
	subj, ok := x.verbSubject(&c)
	if !ok {
		return true
	}
	x.lightAct(&c, subj, x.objectFrom(&c, subj), false)
	return true
}

// lightForm reports whether token t is a light verb (ar_light_verbs) and
// whether it is in the future. A verb of two letters keeps its و or ف
// (وشن), which verbCandidates leaves on words that short.
func (x *extractor) lightForm(t int) (found, future bool) {
	if len(arLight) == 0 || x.mAt[t] >= 0 {
		return false, false
	}
	if found, future := verbIn(x.norm[t], arLight); found {
		return true, future
	}
	return withConjIn(x.norm[t], arLight), false
}

// verbIn reports whether a reading of the Arabic word w as a verb
// (verbCandidates) is in set, and whether that reading is a future.
func verbIn(w string, set map[string]bool) (found, future bool) {
	vc := verbCandidates(w)
	for _, cand := range vc.all() {
		if set[cand.form] {
			return true, cand.future
		}
	}
	return false, false
}

// withConjIn reports whether the Arabic word w is و or ف and a word of set:
// the conjunction the analysis and verbCandidates leave on a short word
// (وشن، ولم).
func withConjIn(w string, set map[string]bool) bool { return prefixedIn(w, conjs, set) }

var (
	conjs     = []string{"و", "ف"}
	bodyPreps = []string{"ب", "ل"}
)

// prefixedIn reports whether the Arabic word w is one of prefixes and a
// word of set (a clitic the analysis left on it).
func prefixedIn(w string, prefixes []string, set map[string]bool) bool {
	for _, c := range prefixes {
		if rest, ok := strings.CutPrefix(w, c); ok && set[rest] {
			return true
		}
	}
	return false
}

// lightSpeech reports whether token t is a speech verb that may declare
// the speaker's own act with a light verb's noun (ar_light_verbs speech:
// أكدت مصر دعمها للسعودية).
func (x *extractor) lightSpeech(t int) bool {
	found, _ := verbIn(x.norm[t], arLightSpeech)
	return found
}

// isLightVerb reports whether token t is a light verb (lightForm).
func (x *extractor) isLightVerb(t int) bool {
	found, _ := x.lightForm(t)
	return found
}

// negWord reports whether token t is a negation (ar_neg), also with the
// conjunction the analysis leaves on a short word (ولم، فلا).
func (x *extractor) negWord(t int) bool {
	return arNeg[x.bare[t]] || withConjIn(x.bare[t], arNeg)
}

// lightAct reads the verbal noun of a light verb's act from token from
// (lightNoun) and adds the act of subj on the object after the noun's
// preposition. After a speech verb of ar_light_verbs' speech (أكدت مصر
// دعمها للسعودية) the noun must carry a pronoun, the speaker's own act:
// pronoun says so. It reports whether it added a relation.
func (x *extractor) lightAct(c *verbClause, subj arg, from int, pronoun bool) bool {
	j, pred, own := x.lightNoun(from, c.b)
	if j < 0 || pronoun && !own {
		return false
	}
	// the object follows the noun and its adjectives closely, before any
	// relative clause (المساعدات التي قدمتها السعودية لليمن: another's aid)
	b := c.b
	for k := j + 1; k < b; k++ {
		if k >= j+1+lightObjectWindow || arRelative[x.bare[k]] || arThat[x.bare[k]] {
			b = k
			break
		}
	}
	lc := *c
	lc.b = b
	lc.tr = &trigger{pred: pred, preps: arNounObjectSet[pred], byPerson: lex.LightByPerson[pred], conf: lightConf}
	lc.trig += " ... " + x.phrase(j, j+1)
	lc.conf = lightConf
	n := len(x.out)
	x.actionObject(&lc, subj, j+1)
	return len(x.out) > n
}

// lightObjectWindow is how many tokens after a light verb's noun its
// object may start within (دعما عسكريا مباشرا للحوثيين); lightNounWindow
// how many from the verb's subject its noun may (أعربت مصر عن تأييدها).
const (
	lightObjectWindow = 5
	lightNounWindow   = 4
)

// lightNoun returns the verbal noun of a light verb's act, its relation
// type and whether it carries a pronoun (دعمها): the first word from
// token from, after words of ar_light_between (عن، تقديم) and before any
// name or boundary, that is a noun of ar_nouns of a type the light verbs
// take, with the article (الدعم), a pronoun, the accusative's alif (دعما)
// or as it is (مساعدات، بزيارة). A name right after the noun that is no
// object of it — a nationality adjective (الغارات الروسية) or the agent
// of the construct (دعم إيران: the noun's own reading, nounAgent) — makes
// the act another's: -1.
func (x *extractor) lightNoun(from, b int) (int, string, bool) {
	for j := from; j < b && j < from+lightNounWindow; j++ {
		if x.mAt[j] >= 0 || x.isBoundary(j) || x.isComma(j) {
			return -1, "", false
		}
		if arLightBetween[x.bare[j]] || arLightBetween[x.norm[j]] {
			continue
		}
		pred, form := "", ""
		forEachCueForm(x.norm[j], strings.HasSuffix(x.d.Tokens[j].Text, "ة"), func(f string, _ map[string]bool) {
			if p := arActionNoun[f]; pred == "" && p != "" && lex.LightPreds[p] {
				pred, form = p, f
			}
		})
		if pred == "" {
			return -1, "", false
		}
		if m := x.mention(j + 1); m != nil && j+1 < b && (m.Demonym || !x.hasPrep(j+1, arNounObjectSet[pred])) {
			return -1, "", false
		}
		return j, pred, hasPronoun(x.norm[j], form)
	}
	return -1, "", false
}

// hasPronoun reports whether the Arabic word w (MatchForm) is its noun
// form with a pronoun after it (دعمها, مساندته for مسانده), not only with
// clitics before it or the accusative's alif.
func hasPronoun(w, form string) bool {
	for _, suf := range cueSuffixes {
		if suf == "ي" || suf == "نا" {
			continue
		}
		r, ok := strings.CutSuffix(w, suf)
		if !ok {
			continue
		}
		if strings.HasSuffix(r, form) {
			return true
		}
		if t, ok := strings.CutSuffix(r, "ت"); ok && strings.HasSuffix(t+"ه", form) {
			return true // مساندتها: مسانده
		}
	}
	return false
}

// passive adds the relation of an English trigger in the passive, its
// agent after "by" (Ahmet Yilmaz was arrested by the police; Israel was
// accused by Amnesty International; the Russian troops: Russia): the
// agent acts on the name before the verb. Speech verbs and triggers
// whose object needs a preposition or a word are left out.
func (x *extractor) passive(si, a, b, t, after int, tr *trigger, future bool) {
	if tr.speech || tr.preps != nil || tr.needs != nil || after+1 >= b || x.bare[after] != "by" {
		return
	}
	j := after + 1
	if x.bare[j] == "the" && j+1 < b {
		j++
	}
	var agent arg
	if m := x.mention(j); m != nil && m.Start == j && m.Demonym {
		if m.End >= b || !enActorNoun[x.bare[m.End]] {
			return // by Israeli air strikes: no actor named
		}
		agent = arg{m.Entity, j, m.End + 1} // by Russian troops: Russia
	} else if ag, ok := x.argAt(j, ""); ok {
		agent = ag
	} else {
		return
	}
	patient, ok := x.subjectBefore(t-1, a, agent.entity)
	if !ok || patient.entity == agent.entity || !x.actorOK(agent) ||
		tr.objTypes != "" && x.types[patient.entity] != tr.objTypes {
		return
	}
	pred := tr.pred
	if tr.byPerson != "" && x.verbalActor(agent) {
		pred = tr.byPerson
	}
	x.add(si, agent.entity, pred, patient.entity, tr.conf, x.modality(a, t, future), x.phrase(t-1, after+1))
}

// verbClause is a verb trigger that action reads: tr at token t of
// sentence si (tokens [a, b)), its phrase ending before token after, and
// what the relation it finds will carry.
type verbClause struct {
	si, a, b, t, after int
	tr                 *trigger
	trig               string  // the trigger phrase, as written
	mod                string  // the modality (modality)
	conf               float64 // the relation's confidence
}

// action finds the action relation of the verb trigger tr at token t of
// sentence si (tokens [a, b)), whose phrase ends before token after: its
// subject (verbSubject), then what a speech verb states (stated) or the
// verb's object (actionObject). future marks a verb in the future tense.
func (x *extractor) action(si, a, b, t, after int, tr *trigger, future bool) {
	if !tr.speech && x.sportsSentence(a, b) {
		return // teams "meet" and "attack" in match reports
	}
	c := verbClause{si: si, a: a, b: b, t: t, after: after, tr: tr,
		trig: x.phrase(t, after), mod: x.modality(a, t, future), conf: tr.conf}
	subj, ok := x.verbSubject(&c)
	if !ok {
		return
	}
	from := x.objectFrom(&c, subj)
	if tr.speech {
		if x.ar && x.lightSpeech(t) && x.lightAct(&c, subj, from, true) {
			return // أكدت مصر دعمها للسعودية: support declared, no statement about Saudi Arabia
		}
		x.stated(&c, subj, from)
		return
	}
	if tr.needs != nil && !x.neededWord(&c) {
		return
	}
	x.actionObject(&c, subj, from)
}

// verbSubject returns the subject of the verb of c, one that can act: an
// argument that ends right before the verb (SVO, subjectBefore), else in
// Arabic one after it (VSO, subjectAfter), else the current speaker for
// speech verbs (then c.conf is lowered). The subject of a speech verb
// that is a person becomes the current speaker.
//
// A verb with a conjunction (وقالت، فرفض) opens a new clause: its subject
// is after it or unwritten, never the noun before it (إيطاليا وبلجيكا
// وقالت: Belgium did not say).
func (x *extractor) verbSubject(c *verbClause) (arg, bool) {
	t := c.t
	var subj arg
	ok := false
	if !x.ar || x.norm[t] == x.bare[t] {
		subj, ok = x.subjectBefore(t, c.a, "")
	}
	if !ok && x.ar && x.firstPersonVerb(t) {
		// a verb in the first person: no name after it is its subject; in
		// what a speaker says (قال X: «نطالب الأمم المتحدة ...») it is the
		// speaker's, or his side's, act
		if x.speaker == "" || x.spokeAt != c.si || !x.quotedFrom(c.a, t) {
			return arg{}, false
		}
		subj, ok = arg{entity: x.speaker, start: t, end: t}, true
		c.conf -= 0.05
	} else if !ok && x.ar {
		subj, ok = x.subjectAfter(c)
	} else if !ok && c.tr.speech {
		subj, ok = x.speakerAfterEn(c)
		if !ok {
			subj, ok = x.spokesmanBody(c)
		}
	}
	carried := false
	if !ok && c.tr.speech && x.speaker != "" && c.si-x.spokeAt <= 3 && !x.otherSubject(c.after, c.b) &&
		!x.pluralVerb(t) && x.feminineVerb(t) == x.speakerFem {
		subj, ok = arg{entity: x.speaker, start: c.after, end: c.after}, true
		c.conf -= 0.1
		carried = true
	}
	if !ok || !x.actorOK(subj) {
		return arg{}, false
	}
	if x.types[subj.entity] == "Person" && c.tr.speech {
		x.speaker = subj.entity
		x.spokeAt = c.si // a carried speaker goes on speaking
		if !carried {
			x.speakerFem = x.feminineVerb(t)
		}
	}
	return subj, true
}

// speakerAfterEn returns the speaker named after an English speech verb
// that follows the statement and its comma (..., said Ms Short; "...,"
// said the minister, Jack Straw): a person or organisation within four
// tokens of the verb, before any boundary.
func (x *extractor) speakerAfterEn(c *verbClause) (arg, bool) {
	k := c.t - 1
	if k > c.a && enQuoteMark(x.norm[k]) {
		k--
	}
	if k <= c.a || x.norm[k] != "," {
		return arg{}, false
	}
	for j := c.after; j < c.b && j < c.after+4; j++ {
		if x.isBoundary(j) {
			break
		}
		if a, ok := x.argAt(j, ""); ok {
			if t := x.types[a.entity]; t == "Person" || t == "Organization" {
				return a, true
			}
			break
		}
	}
	return arg{}, false
}

// partner returns the other name of a list of two that the subject a is
// one of (السيسي وكيري, Blair and Bush), both named alone and of types
// that act (not a place that is no state).
func (x *extractor) partner(a arg) (arg, bool) {
	i := x.mAt[a.start]
	if i < 0 || x.d.Mentions[i].Entity != a.entity || x.d.Mentions[i].Start != a.start {
		return arg{}, false
	}
	list := x.coordinated(i)
	if len(list) != 1 {
		return arg{}, false
	}
	m := x.d.Mentions[list[0]]
	p := arg{m.Entity, m.Start, m.End}
	if m.Entity == a.entity || !x.actorOK(p) {
		return arg{}, false
	}
	first := min(p.start, a.start)
	if x.separatePrepBefore(first) || x.ar && x.cliticPrep(first) {
		return arg{}, false // بين الكاميرون ونيجيريا: a preposition's objects
	}
	return p, true
}

// namedAlone reports whether the subject a is the mention of its entity
// itself, not an actor phrase before it (قوات صالح, the Russian troops):
// a person who acts by himself.
func (x *extractor) namedAlone(a arg) bool {
	m := x.mention(a.start)
	if m == nil || m.Entity != a.entity || m.Start != a.start {
		return false
	}
	for k := a.start - 1; k >= 0 && k >= a.start-2; k-- {
		if x.ar && (arActorNoun[x.bare[k]] || arFighters[x.bare[k]]) || !x.ar && (enActorNoun[x.bare[k]] || enFighters[x.bare[k]]) {
			return false // وهاجمت قوات صالح: his forces
		}
	}
	return true
}

// verbalActor reports whether actor a attacks with words, for the
// triggers with by_person: a person named alone (namedAlone), or an English
// parliamentary party (a mention with a word of en_party_words: "Labour
// attacked the plans").
func (x *extractor) verbalActor(a arg) bool {
	if !x.namedAlone(a) {
		return false
	}
	switch x.types[a.entity] {
	case "Person":
		return true
	case "Organization":
		if x.ar {
			return false
		}
		for k := a.start; k < a.end; k++ {
			if enPartyWords[x.bare[k]] {
				return true
			}
		}
	}
	return false
}

// spokesmanBody returns the body an English spokesman speaks for, as the
// subject of his speech verb: "a Labour spokesman said", "a spokesman for
// Downing Street said", "the Foreign Office's spokeswoman said" (the
// body states what its spokesman says).
func (x *extractor) spokesmanBody(c *verbClause) (arg, bool) {
	k := c.t - 1
	for k > c.a && enAux[x.bare[k]] {
		k--
	}
	body := func(m *Mention) (arg, bool) {
		if m == nil || m.Demonym || x.types[m.Entity] == "Person" {
			return arg{}, false
		}
		a := arg{m.Entity, m.Start, m.End}
		return a, x.actorOK(a) // a place that is no state speaks for none

	}
	if k <= c.a {
		return arg{}, false
	}
	if enSpokesman[x.bare[k]] {
		return body(x.mention(k - 1)) // a Labour spokesman said
	}
	// a spokesman for (the) X said
	m := x.mention(k)
	if m == nil || m.End != k+1 {
		return arg{}, false
	}
	j := m.Start - 1
	if j > c.a && x.bare[j] == "the" {
		j--
	}
	if j > c.a && (x.bare[j] == "for" || x.bare[j] == "of") && enSpokesman[x.bare[j-1]] {
		return body(m)
	}
	return arg{}, false
}

// joinedVerb reports whether the Arabic word at j is a trigger verb with
// و or ف before it: the start of another clause (ندين الهجوم ونطالب
// الأمم المتحدة: the United Nations is no object of ندين).
func (x *extractor) joinedVerb(j int) bool {
	if x.mAt[j] >= 0 || x.norm[j] == x.bare[j] {
		return false
	}
	w := x.norm[j]
	if !strings.HasPrefix(w, "و") && !strings.HasPrefix(w, "ف") {
		return false
	}
	if b := x.bare[j]; strings.HasPrefix(b, "ال") || strings.HasPrefix(b, "لل") {
		return false // a verbal noun with the article (والتنسيق) joins the object
	}
	tr, _, _ := x.verbAt(j)
	return tr != nil
}

// firstPersonVerb reports whether the Arabic verb at t is in the first
// person plural, the imperfect of a trigger whose third person is one too
// (نطالب beside يطالب; not ندد or نفى, perfects that begin with ن).
func (x *extractor) firstPersonVerb(t int) bool {
	vc := verbCandidates(x.norm[t])
	for _, cand := range vc.all() {
		rest, ok := strings.CutPrefix(cand.form, "ن")
		if !ok || utf8.RuneCountInString(rest) < 2 {
			continue
		}
		if tr := arTriggers[cand.form]; tr != nil && arTriggers["ي"+rest] == tr {
			return true
		}
	}
	return false
}

// quotedFrom reports whether a quotation mark or a colon opens what is
// said between token a and token t.
func (x *extractor) quotedFrom(a, t int) bool {
	for k := a; k < t; k++ {
		if tx := x.d.Tokens[k].Text; isQuote(tx) || tx == ":" {
			return true
		}
	}
	return false
}

// subjectAfter returns the Arabic subject written after the verb of c: a
// titled person (وزير الخارجية الروسي سيرغي لافروف) or an argument within
// three tokens, before any أن/إن, and not one the verb's prepositions
// mark as its object.
func (x *extractor) subjectAfter(c *verbClause) (arg, bool) {
	// the subject comes before any أن/إن: what follows is the clause
	// (وأضاف الوزير أن روسيا ...: روسيا is not the one speaking)
	lim := c.b
	for j := c.after; j < c.b && j < c.after+3; j++ {
		if arThat[x.bare[j]] {
			lim = j
			break
		}
	}
	var subj arg
	ok := false
	start := x.skipHonorific(c.after)
	if ref := x.parseTitleAr(start, ""); ref != nil && !ref.former && ref.person != "" && ref.end <= lim {
		// a titled subject: وزير الخارجية الروسي سيرغي لافروف
		subj, ok = arg{ref.person, start, ref.end}, true
	} else {
		// three words, not counting the adjectives of the subject's
		// description (طالب المرجع العراقي الشيعي محمود الصرخي)
		n := 3
		for j := start; j < lim && j < start+n && n < 6; j++ {
			if m := x.mention(j); m != nil && m.Start == j && m.Demonym || x.titleAdjective(j) {
				n++
			}
		}
		subj, ok = x.findArg(start, lim, n, nil, "", "")
	}
	if !ok && c.tr.speech {
		subj, ok = x.describedSpeaker(start, c.b)
	}
	if ok && c.tr.preps != nil && x.hasPrep(subj.start, c.tr.preps) {
		ok = false // that was the object
	}
	return subj, ok
}

// describedSpeaker returns the speaker a speech verb names after a long
// description (وقال المتحدث الرسمي باسم أهالي السجناء عبدالله الناهض:):
// the first person named within eight words of start, before any other
// clause, when a colon, a comma or أن/إن follows the name.
func (x *extractor) describedSpeaker(start, b int) (arg, bool) {
	for j := start; j < b && j < start+8; j++ {
		if x.isBoundary(j) || arThat[x.bare[j]] || x.futureVerb(j) {
			return arg{}, false
		}
		m := x.mention(j)
		if m == nil || m.Start != j || m.Type != "Person" || m.Demonym {
			continue
		}
		if j > start && (x.separatePrepBefore(j) || x.cliticPrep(j) || arFamily[x.bare[j-1]] || x.constructBefore(j)) {
			return arg{}, false // a name the description governs (مقربون من آل بوش، مستشار خامنئي)
		}
		if e := m.End; e < b && (x.d.Tokens[e].Text == ":" || x.isComma(e) || arThat[x.bare[e]]) && !strings.HasPrefix(m.Prefix, "و") {
			return arg{m.Entity, m.Start, m.End}, true
		}
		return arg{}, false
	}
	return arg{}, false
}

// constructBefore reports whether the word before token j is a noun
// without the article that the name at j completes (مستشار خامنئي "the
// adviser of Khamenei"): a word of no mention, neither definite nor an
// honorific, nor punctuation.
func (x *extractor) constructBefore(j int) bool {
	k := j - 1
	if k < 0 || x.mAt[k] >= 0 || x.isBoundary(k) || x.isComma(k) {
		return false
	}
	w := x.bare[k]
	if strings.HasPrefix(w, "ال") || arTitleToName[x.norm[k]] || arNameLink[x.norm[k]] || !arabic.HasScript(w) {
		return false
	}
	return true
}

// objectFrom returns the token where the search for the object (or the
// reported clause) starts: after the verb, or after a subject written
// after it together with the rest of its name (سلمان بن عبدالعزيز آل سعود)
// and a place-and-time insertion (skipInsertion).
func (x *extractor) objectFrom(c *verbClause, subj arg) int {
	from := c.after
	if subj.start >= c.after {
		from = subj.end
	}
	// the rest of the subject's own name: سلمان بن عبدالعزيز آل سعود
	for from+1 < c.b && x.mAt[from] < 0 && arNameLink[x.norm[from]] {
		m := x.mention(from + 1)
		if m == nil {
			break
		}
		from = m.End
	}
	return x.skipInsertion(from, c.b)
}

// stated adds the STATED relation of a speech verb: subj states about the
// first entity of the reported clause (after أن/إن/that or a colon), if
// that clause opens within four tokens of from, before a boundary. English
// often leaves out "that": a name right after the verb (or after "the")
// followed by a finite verb opens the clause too (said the US will act;
// en_clause_verb); and a statement may come first, the speaker after a
// comma (The US was very bad at it, Ms Short said): the entity that opens
// it (reportedBefore).
func (x *extractor) stated(c *verbClause, subj arg, from int) {
	b := c.b
	if !x.ar {
		if o, ok := x.clauseSubject(from, b, subj.entity); ok {
			x.add(c.si, subj.entity, "STATED", o.entity, c.conf, c.mod, c.trig)
			return
		}
		if o, ok := x.reportedBefore(c, subj); ok {
			x.add(c.si, subj.entity, "STATED", o.entity, c.conf, c.mod, c.trig)
			return
		}
	}
	for j := from; j < b && j < from+4; j++ {
		if x.ar && arThat[x.bare[j]] || !x.ar && enThat[x.bare[j]] || x.norm[j] == ":" {
			// The statement is about the subject of the reported clause:
			// the entity that opens it (إن طهران دعمت ...).
			if o, ok := x.findArg(j+1, b, 3, nil, subj.entity, ""); ok {
				x.add(c.si, subj.entity, "STATED", o.entity, c.conf, c.mod, c.trig)
			}
			return
		}
		if x.isBoundary(j) {
			return
		}
	}
}

// clauseSubject returns the English entity that opens a clause right at
// token from (or after "the"): a mention of another entity than exclude
// followed by a finite verb (en_clause_verb: said the US will act, said
// Iran had broken).
func (x *extractor) clauseSubject(from, b int, exclude string) (arg, bool) {
	j := from
	if j < b && x.bare[j] == "the" {
		j++
	}
	if j >= b {
		return arg{}, false
	}
	a, ok := x.argAt(j, exclude)
	if !ok || a.start != j || a.entity == exclude || a.end >= b || !enClauseVerb[x.bare[a.end]] {
		return arg{}, false
	}
	return a, true
}

// reportedBefore returns the entity an English statement written before
// its speaker is about: the sentence up to a comma before the speaker
// (..., Ms Short said; "...," Ms Short said; ..., Foreign Secretary Jack
// Straw said) or before the verb, the speaker after it (..., said Ms
// Short), holding no other speech verb. The entity is the one that opens
// the statement (among its first three tokens, quotation marks aside) or
// else the first one named in its first eight, after a preposition too
// (Ending the war in Syria is ..., Mr Johnson warned: about Syria).
func (x *extractor) reportedBefore(c *verbClause, subj arg) (arg, bool) {
	first := subj.start // the first token after the statement
	if subj.start >= c.t {
		if subj.start < c.after {
			return arg{}, false
		}
		first = c.t // inverted: ..., said Ms Short
	}
	comma := first - 1
	// a title before the speaker's name: ..., Foreign Secretary Jack Straw said
	for k := comma; subj.start < c.t && k > c.a && k >= first-6 && x.mAt[k] < 0; k-- {
		if x.isBoundary(k) || enAnd[x.bare[k]] || enRelative[x.bare[k]] {
			comma = k
			break
		}
		if tr, _, _ := x.verbAt(k); tr != nil {
			return arg{}, false
		}
	}
	if comma > c.a && enQuoteMark(x.norm[comma]) {
		comma-- // the quote closes after the comma: "...," Ms Short said
	}
	if comma <= c.a || x.norm[comma] != "," {
		return arg{}, false
	}
	for j := c.a; j < comma; j++ {
		if tr, _, _ := x.verbAt(j); tr != nil && tr.speech {
			return arg{}, false
		}
	}
	start := c.a
	for start < comma && enQuoteMark(x.norm[start]) {
		start++
	}
	if enAttribution[x.bare[start]] {
		return arg{}, false
	}
	if a, ok := x.findArg(start, comma, 3, nil, subj.entity, ""); ok {
		return a, true
	}
	for j := start; j < comma && j < start+8; j++ {
		if x.isBoundary(j) {
			break
		}
		if a, ok := x.argAt(j, subj.entity); ok && a.entity != subj.entity {
			return a, true
		}
	}
	return arg{}, false
}

// enQuoteMark reports whether an English token is a quotation mark.
func enQuoteMark(w string) bool { return w != "" && strings.Trim(w, "\"“”'‘’") == "" }

// neededWord reports whether one of the words the trigger needs follows it
// within eight tokens (قوات for نشر), and adds that word to the trigger
// phrase c.trig: the phrase names both parts (نشرت ... قوات).
func (x *extractor) neededWord(c *verbClause) bool {
	j := x.neededAt(c.tr, c.after, c.b)
	if j < 0 {
		return false
	}
	if j == c.after {
		c.trig = x.phrase(c.t, j+1)
	} else {
		c.trig += " ... " + x.phrase(j, j+1)
	}
	return true
}

// neededAt returns the first of the eight tokens from token from (before
// b) that is one of the words trigger tr needs, -1 when none is.
func (x *extractor) neededAt(tr *trigger, from, b int) int {
	for j := from; j < b && j < from+8; j++ {
		if tr.needs[x.bare[j]] || tr.needs[x.norm[j]] {
			return j
		}
	}
	return -1
}

// actionObject finds the object of the verb of c from token from and adds
// the relation of subj to it: a direct object close to the verb, or one
// the trigger's prepositions introduce. دعا X إلى (CALLED_ON) is no
// relation before an invitation and a request for help before help.
func (x *extractor) actionObject(c *verbClause, subj arg, from int) {
	tr, b := c.tr, c.b
	limit := 4 // a direct object follows the verb and subject closely
	if tr.preps != nil {
		limit = 8
	}
	if tr.needs != nil {
		limit = 10
	}
	preps := tr.preps
	if !x.ar && preps == nil && c.after > c.t+1 && enPreps[x.bare[c.after-1]] {
		// the phrase ends with its object's preposition (agreed with X,
		// hit out at X): that one governs the object, it does not make it
		// the complement of another word
		preps = map[string]bool{x.bare[c.after-1]: true}
	}
	obj, ok := x.findArg(from, b, limit, preps, subj.entity, tr.objTypes)
	if v, _ := vocab.Get(tr.pred); v.Reciprocal && (!ok || x.conjoined(subj, obj)) {
		// two names joined by و or "and" before the verb (Blair and Bush
		// met, بايدن والعبادي بحثا): the one the other's partner. After
		// an Arabic verb the two may be its objects (يلتقي قاديروف وجعجع
		// under a headline's subject), or a noun's (تلتقي مصالح إسرائيل
		// وأميركا "the interests of Israel and America meet")
		if p, ok := x.partner(subj); ok && subj.start < c.t && p.start < c.t {
			first, second := subj, p
			if p.start < subj.start {
				first, second = p, subj // in the order written
			}
			x.add(c.si, first.entity, tr.pred, second.entity, c.conf, c.mod, c.trig)
		}
		return
	}
	if !ok || x.conjoined(subj, obj) {
		return
	}
	if tr.then != nil && (obj.end >= b || !tr.then[x.bare[obj.end]]) {
		return // asked Iran about ...: no request
	}
	pred := tr.pred
	if tr.byPerson != "" && x.verbalActor(subj) {
		pred = tr.byPerson // هاجم الوزير X: a verbal attack
	}
	if tr.possessive != "" && !x.ar {
		if m := x.mention(obj.start); m != nil && m.Demonym {
			return // welcomed the Saudi initiative: the adjective is no object
		}
		if x.possessive(obj.end - 1) {
			pred = tr.possessive // welcomed Iran's decision
		}
	}
	if pred == "CALLED_ON" && x.ar && obj.end < b && arInvite[x.bare[obj.end]] {
		return // an invitation
	}
	if pred == "CALLED_ON" {
		// دعا X إلى إرسال قوات / للمساعدة, asked Jordan to send troops: a
		// request for help
		help, window := enHelpWord, 4
		if x.ar {
			help, window = arHelpWord, 12
		}
		helpVerb := false // "to provide" before the help word
		for j := obj.end; j < b && j < obj.end+window; j++ {
			if help[x.bare[j]] && (x.ar || j > obj.end && enHelpAfter[x.bare[j-1]] || helpVerb) {
				pred = "REQUESTED_ASSISTANCE_FROM"
				break
			}
			if !x.ar && j > obj.end && x.bare[j-1] == "to" && enHelpVerb[x.bare[j]] {
				helpVerb = true
			}
		}
	}
	conf := c.conf
	if subj.start < c.after && subj.end <= c.t {
		conf -= 0.05 // subject before the verb is less certain in Arabic
	}
	x.add(c.si, subj.entity, pred, obj.entity, conf, c.mod, c.trig)
}

// arNameLink are the words that continue a name with a family or a father
// (آل سعود، بن عبدالعزيز), in MatchForm.
var arNameLink = set("آل بن ابن بنت")

// honorifics are phrases (in MatchForm words) that stand before a ruler's
// title and name: خادم الحرمين الشريفين الملك سلمان (words.yaml:
// ar_honorific, longest first).
var honorifics = lexicon.Phrases("ar_honorific")

// skipHonorific returns the token after an honorific phrase at j, or j.
func (x *extractor) skipHonorific(j int) int {
	for _, h := range honorifics {
		if j+len(h) > len(x.bare) {
			continue
		}
		ok := true
		for k, w := range h {
			if x.bare[j+k] != w && x.norm[j+k] != w {
				ok = false
				break
			}
		}
		if ok {
			return j + len(h)
		}
	}
	return j
}

// skipInsertion steps over a place-and-time insertion between the subject
// and the object (استقبل الملك سلمان، في قصر السلام بجدة اليوم، وزير
// الدفاع ...): a comma, a preposition, at most twelve tokens, a comma.
func (x *extractor) skipInsertion(j, b int) int {
	if !x.ar || j+1 >= b || (x.norm[j] != "،" && x.norm[j] != ",") || !arPreps[x.bare[j+1]] {
		return j
	}
	for k := j + 2; k < b && k <= j+13; k++ {
		switch x.norm[k] {
		case "،", ",":
			return k + 1
		case ".", "؛", ";", ":", "؟", "?", "!":
			return j
		}
	}
	return j
}

// futureVerb reports whether the word at j is a verb marked for the future
// (سيزور، ستزداد، سنعمل): it starts a clause of its own.
func (x *extractor) futureVerb(j int) bool {
	if x.mAt[j] >= 0 {
		return false
	}
	rs := []rune(x.bare[j])
	return len(rs) >= 5 && rs[0] == 'س' && (rs[1] == 'ي' || rs[1] == 'ت' || rs[1] == 'ن')
}

// actorOK reports whether an argument can act: a place only when it stands
// for a state (a country or its capital: روسيا، موسكو), not a city (حلب).
func (x *extractor) actorOK(a arg) bool {
	if x.types[a.entity] != "Location" {
		return true
	}
	for j := a.start; j < a.end && j < len(x.mAt); j++ {
		if m := x.mention(j); m != nil && m.Entity == a.entity {
			return m.Role == "country" || m.Role == "capital" || m.Demonym
		}
	}
	return true
}

// conjoined reports whether the object found right after the subject is
// joined to it by و (ورفض الحوثيين وصالح الدعوة: both refused, neither
// refused the other).
func (x *extractor) conjoined(subj, obj arg) bool {
	if !x.ar || subj.end <= subj.start {
		return false
	}
	if obj.start == subj.end {
		return x.norm[obj.start] != x.bare[obj.start] && strings.HasPrefix(x.norm[obj.start], "و")
	}
	return obj.start == subj.end+1 && x.norm[subj.end] == "و"
}

// pluralVerb reports whether the verb at t is plural (قالوا، يقولون): not
// the subject of one speaker.
func (x *extractor) pluralVerb(t int) bool {
	w := x.bare[t]
	return strings.HasSuffix(w, "وا") || strings.HasSuffix(w, "ون")
}

// feminineVerb reports whether the verb at t has the third person feminine
// form of its trigger: قالت، أكدت (the form without its ت is a trigger) or
// تقول (the form with ي is one). لفت and تابع are masculine.
func (x *extractor) feminineVerb(t int) bool {
	w := x.bare[t]
	if strings.HasSuffix(w, "ت") && arTriggers[strings.TrimSuffix(w, "ت")] != nil {
		return true
	}
	return strings.HasPrefix(w, "ت") && arTriggers["ي"+strings.TrimPrefix(w, "ت")] != nil
}

// otherSubject reports whether the word right after a speech verb at j is
// the verb's own subject, one that names no entity (ويقول سكان، وقالت
// الدعوى، قال الشاعر): then the current speaker is not the one speaking. A
// title word (وأضاف الوزير) may refer back to the speaker and does not count.
func (x *extractor) otherSubject(j, b int) bool {
	if !x.ar || j >= b || x.mAt[j] >= 0 {
		return false
	}
	w := x.bare[j]
	if arSpeechNext[w] || arSpeechNext[x.norm[j]] || !arabic.HasLetter(w) {
		return false
	}
	for _, d := range arTitles.defs {
		if len(d.words) > 0 && (d.words[0] == w || d.words[0] == "ال"+w || "ال"+d.words[0] == w) {
			return false
		}
	}
	if arMinister[w] || arAgentTitle[w] {
		return false
	}
	return true
}

// between adds the reciprocal act that a noun names between two sides
// (اشتباكات عنيفة بين عناصر حزب الله ومسلحي جبهة النصرة, لقاء بين
// لودريان وهولاند, clashes between Hamas and Fatah): the noun a
// cue of a reciprocal predicate within three words before بين/between,
// the sides the first name after it (its fighters or forces aside) and the
// name joined to it by و/"and". Not in sport, where teams meet and clash.
func (x *extractor) between(si, a, b, t int) {
	pred, cue := "", -1
	for j := t - 1; j >= a && j >= t-3 && cue < 0; j-- {
		if x.isBoundary(j) || x.mAt[j] >= 0 {
			break
		}
		for _, p := range x.cues(j) {
			if v, _ := vocab.Get(p); v.Reciprocal {
				if cue >= 0 {
					return // a noun of two acts (اتفاق: agreed, or signed): the model's to tell
				}
				pred, cue = p, j
			}
		}
	}
	if pred == "" || x.sportsSentence(a, b) {
		return
	}
	for j := a; j < cue; j++ {
		if x.ar && arConditional[x.bare[j]] || !x.ar && enConditional[x.bare[j]] {
			return // إذا تم التوقيع ... أول اتفاقية بين: an act supposed
		}
	}
	if k := cue + 1; x.ar && k < t && arFigurative[x.bare[k]] || !x.ar && cue > a && enFigurative[x.bare[cue-1]] {
		return // الحرب الإعلامية بين, a trade war between: no act of the kind
	}
	side := func(j int) (arg, bool) {
		for k := j; k < b && k < j+2; k++ {
			if m := x.mention(k); m != nil {
				if m.Start != k || m.Demonym || k > j && m.Type == "Person" && x.bare[j] != "the" {
					return arg{}, false // قوات هادي: his forces, not the man
				}
				return arg{m.Entity, m.Start, m.End}, true
			}
			w := x.bare[k]
			if w != "the" && !arActorNoun[w] && !arFighters[w] && !enActorNoun[w] && !enFighters[w] {
				return arg{}, false
			}
		}
		return arg{}, false
	}
	first, ok := side(t + 1)
	if !ok || first.end >= b {
		return
	}
	next := first.end
	if !x.ar {
		if !enAnd[x.bare[next]] {
			return
		}
		next++
	} else if x.norm[next] == x.bare[next] || !strings.HasPrefix(x.norm[next], "و") {
		if x.norm[next] != "و" {
			return
		}
		next++
	}
	second, ok := side(next)
	if !ok || second.entity == first.entity || !x.actorOK(first) || !x.actorOK(second) {
		return
	}
	if x.ar && second.end+1 < b && x.bare[second.end] == "من" && arSideWord[x.bare[second.end+1]] {
		return // بين الحوثيين وقوات صالح من جهة و...: one side, the other after it
	}
	x.add(si, first.entity, pred, second.entity, 0.65, x.modality(a, cue, false), x.phrase(cue, t+1))
}

// nounPatterns handles relations carried by nouns and relative clauses:
// participation in a session (ADDRESSED), "led by" (LEADS), "located in"
// (LOCATED_IN), "the largest city of" (LOCATED_IN).
func (x *extractor) nounPatterns(si, a, b, t int) {
	w := x.norm[t]
	bw := x.bare[t]
	switch {
	case x.ar && arBetween[bw] || !x.ar && enBetween[bw]:
		x.between(si, a, b, t)
	case !x.ar && enNouns[bw] != "":
		x.nounAgentEn(si, a, b, t, enNouns[bw])
	case x.ar && isParticipation(bw):
		// مشاركته في جلسة ... لمنظمة: the speaker addressed the organisation.
		subj := ""
		if strings.HasSuffix(bw, "ه") && len([]rune(bw)) > len([]rune("مشارك"))+1 || strings.HasSuffix(bw, "ها") {
			subj = x.speaker
			if subj == "" {
				subj = x.lastPersonBefore(t)
			}
		} else if s, ok := x.findArg(t+1, b, 3, nil, "", "Person"); ok {
			subj = s.entity
		} else if s, ok := x.subjectBefore(t, a, ""); ok {
			subj = s.entity
		}
		if subj == "" {
			return
		}
		event := false
		for j := t + 1; j < b && j < t+12; j++ {
			if arEventNoun[x.bare[j]] {
				event = true
			}
			if m := x.mention(j); m != nil && m.Start == j && m.Type == "Organization" && event {
				x.add(si, subj, "ADDRESSED", m.Entity, 0.7, x.modality(a, t, false), x.phrase(t, j))
				return
			}
		}
	case x.ar && (bw == wTaquduha || bw == wYaquduha):
		// ORG التي تقودها X: X leads ORG.
		var org string
		for j := t - 1; j >= a && j >= t-3; j-- {
			if m := x.mention(j); m != nil && m.Type == "Organization" {
				org = m.Entity
				break
			}
		}
		if s, ok := x.findArg(t+1, b, 2, nil, org, ""); ok && org != "" {
			x.add(si, s.entity, "LEADS", org, 0.8, "asserted", x.phrase(t-1, t+1))
		}
	case x.ar && (bw == wTaqud || bw == wYaqud):
		// X (باعتبارها) تقود ORG
		if o, ok := x.findArg(t+1, b, 2, nil, "", "Organization"); ok {
			if s, ok := x.lastEntityBefore(t, a, 4); ok && s != o.entity {
				x.add(si, s, "LEADS", o.entity, 0.7, "asserted", x.phrase(t, t+1))
			}
		}
	case x.ar && bw == wBiQiyada:
		if s, ok := x.findArg(t+1, b, 2, nil, "", ""); ok {
			for j := t - 1; j >= a && j >= t-4; j-- {
				if m := x.mention(j); m != nil && m.Type == "Organization" {
					x.add(si, s.entity, "LEADS", m.Entity, 0.75, "asserted", x.phrase(t, t+1))
					break
				}
			}
		}
	case x.ar && (bw == wAlWaqi || bw == wAlWaqia):
		if t+1 < b && x.bare[t+1] == "في" {
			head, ok := x.headBefore(t, a)
			if o, ok2 := x.findArg(t+2, b, 2, prepIn, head, "Location"); ok && ok2 {
				x.add(si, head, "LOCATED_IN", o.entity, 0.8, "asserted", x.phrase(t, t+2))
			}
		}
	case x.ar && bw == wAkbar && t+1 < b && (x.bare[t+1] == wMudun || x.bare[t+1] == wMadina):
		if m := x.mention(t - 1); t > a && m != nil && m.Type == "Location" {
			if o, ok := x.argAt(t+2, m.Entity); ok && x.types[o.entity] == "Location" {
				x.add(si, m.Entity, "LOCATED_IN", o.entity, 0.75, "asserted", x.phrase(t, t+2))
			}
		}
	case x.ar && arActionNoun[bw] != "":
		// الهجوم الأمريكي على إيران: a verbal noun, a nationality, the target.
		pred := arActionNoun[bw]
		if x.nounAgent(si, a, b, t, pred) {
			return
		}
		j := t + 1
		if j < b && x.mAt[j] < 0 && !x.isBoundary(j) && !arPreps[x.bare[j]] {
			j++ // one adjective between: الهجوم العسكري الأمريكي
		}
		m := x.mention(j)
		if m == nil || !m.Demonym || m.Start != j {
			return
		}
		k := m.End
		if k < b && arTargetPrep[x.bare[k]] {
			if o, ok := x.argAt(k+1, m.Entity); ok && o.entity != m.Entity {
				x.add(si, m.Entity, pred, o.entity, 0.6, x.modality(a, t, false), x.phrase(t, k+1))
			}
		} else if pred == "SUPPORTED" || pred == "PROVIDED_AID_TO" {
			// الدعم الإيراني لسوريا: the preposition is a clitic
			if o, ok := x.argAt(k, m.Entity); ok && x.hasPrep(k, set("ل")) && o.entity != m.Entity {
				x.add(si, m.Entity, pred, o.entity, 0.55, x.modality(a, t, false), x.phrase(t, k+1))
			}
		}
	case !x.ar && w == "told" || !x.ar && (w == "spoke" && t+1 < b && x.bare[t+1] == "at"):
		// "X told a summit of ORG", "X spoke at a meeting of ORG"
		s, ok := x.subjectBefore(t, a, "")
		if !ok {
			return
		}
		for j := t + 1; j < b && j < t+8; j++ {
			if enEvent[x.bare[j]] {
				if o, ok := x.findArg(j+1, b, 4, set("of"), s.entity, "Organization"); ok {
					x.add(si, s.entity, "ADDRESSED", o.entity, 0.7, x.modality(a, t, false), x.phrase(t, j+1))
				}
				return
			}
		}
	}
}

// nounAgent adds the relation of a verbal noun in the construct with a
// named agent and its object after a preposition of ar_noun_objects
// (زيارة الأمير محمد بن سلمان إلى واشنطن, دعم إيران للحوثيين, انتقادات
// ترامب للصين), and reports whether it found that reading. The noun has
// no article (الزيارة takes an adjective, not an agent); a noun said to
// come (زيارة ... المرتقبة إلى) gives nothing.
func (x *extractor) nounAgent(si, a, b, t int, pred string) bool {
	preps := arNounObjects[pred]
	if len(preps) == 0 || strings.HasPrefix(x.bare[t], "ال") || x.words[t].Prep != "" || t+1 >= b || x.cliticPrep(t+1) {
		return false
	}
	agent, ok := x.argAt(t+1, "")
	if !ok || agent.end >= b {
		return false
	}
	k := agent.end
	if arFutureWord[x.bare[k]] {
		return true // زيارة الرئيس المرتقبة إلى: not yet made
	}
	obj, found := arg{}, false
	if slices.Contains(preps, x.bare[k]) {
		obj, found = x.argAt(k+1, agent.entity)
	} else if slices.Contains(preps, "ل") && (x.hasPrep(k, set("ل")) || x.words[k].Prep == "ل") {
		obj, found = x.argAt(k, agent.entity)
		if !found {
			if m := x.mention(k); m != nil && m.Start == k && !m.Demonym {
				obj, found = arg{m.Entity, m.Start, m.End}, true // the mention written with its clitic (للحوثيين)
			}
		}
	}
	if !found || obj.entity == agent.entity || !x.actorOK(agent) {
		return false
	}
	x.add(si, agent.entity, pred, obj.entity, 0.6, x.modality(a, t, false), x.phrase(t, obj.start+1))
	return true
}

// nounAgentEn adds the relation of an English verbal noun (en_nouns) whose
// agent is named right before it (Iran's support, the US invasion, EU
// sanctions, the Russian withdrawal) and whose object follows one of its
// prepositions (for Hezbollah, of Iraq, on Iran).
func (x *extractor) nounAgentEn(si, a, b, t int, pred string) {
	if t == a || t+2 >= b || !slices.Contains(enNounObjects[pred], x.bare[t+1]) {
		return
	}
	m := x.mention(t - 1)
	if m == nil || m.End != t || m.Start < a {
		return
	}
	agent := arg{m.Entity, m.Start, m.End}
	if !x.actorOK(agent) {
		return
	}
	j := t + 2
	if x.bare[j] == "the" && j+1 < b {
		j++
	}
	obj, ok := x.argAt(j, agent.entity)
	if !ok {
		return
	}
	x.add(si, agent.entity, pred, obj.entity, 0.6, x.modality(a, t, false), x.phrase(m.Start, obj.start+1))
}

func isParticipation(bw string) bool {
	return strings.HasPrefix(bw, wMusharakat) || bw == wMusharaka ||
		bw == wSharak || bw == wSharakat || bw == wYusharik
}

func (x *extractor) lastPersonBefore(t int) string {
	for j := t - 1; j >= 0; j-- {
		if m := x.mention(j); m != nil && m.Type == "Person" {
			return m.Entity
		}
	}
	return ""
}

func (x *extractor) lastEntityBefore(t, a, max int) (string, bool) {
	for j := t - 1; j >= a && j >= t-max; j-- {
		if m := x.mention(j); m != nil {
			return m.Entity, true
		}
	}
	return "", false
}

// headBefore finds what a relative/participle clause at t describes: the
// location mention or country reference just before it.
func (x *extractor) headBefore(t, a int) (string, bool) {
	for j := t - 1; j >= a && j >= t-3; j-- {
		if arCountryRef[x.bare[j]] {
			start := j
			if j > a && arThis[x.bare[j-1]] {
				start = j - 1
			}
			if ar, ok := x.argAt(start, ""); ok {
				// Exclude the subject of the sentence (ونشرت روسيا ... في هذا البلد).
				if s, ok := x.firstEntity(a, start); ok && s == ar.entity {
					if c := x.focusCountry(start, s); c != "" {
						return c, true
					}
				}
				return ar.entity, true
			}
		}
		if m := x.mention(j); m != nil && m.Type == "Location" {
			return m.Entity, true
		}
	}
	return "", false
}

func (x *extractor) firstEntity(a, b int) (string, bool) {
	for j := a; j < b; j++ {
		if m := x.mention(j); m != nil && !m.Demonym {
			return m.Entity, true
		}
	}
	return "", false
}

// Folded forms of the words the rules compare with, folded once.
var (
	wAkbar      = arabic.MatchForm("أكبر")
	wAlWaqi     = arabic.MatchForm("الواقع")
	wAlWaqia    = arabic.MatchForm("الواقعة")
	wAn         = arabic.MatchForm("ان")
	wBiQiyada   = arabic.MatchForm("بقيادة")
	wTaqud      = arabic.MatchForm("تقود")
	wTaquduha   = arabic.MatchForm("تقودها")
	wSharak     = arabic.MatchForm("شارك")
	wSharakat   = arabic.MatchForm("شاركت")
	wMudun      = arabic.MatchForm("مدن")
	wMadina     = arabic.MatchForm("مدينة")
	wMusharaka  = arabic.MatchForm("مشاركة")
	wMusharakat = arabic.MatchForm("مشاركت")
	wYusharik   = arabic.MatchForm("يشارك")
	wYaqud      = arabic.MatchForm("يقود")
	wYaquduha   = arabic.MatchForm("يقودها")
)

// sportsSentence reports whether the sentence reads as a sports report.
func (x *extractor) sportsSentence(a, b int) bool {
	for j := a; j < b; j++ {
		if inClass(arSports, x.bare[j]) || enSports[x.bare[j]] {
			return true
		}
	}
	return false
}

// regionWord reports whether token k is a region word (ريف، محافظة).
func (x *extractor) regionWord(k int) bool {
	return arRegion[arabic.MatchForm(x.words[k].Article+x.words[k].Stem)]
}

// containment relates a place to the larger place the text puts it in
// (LOCATED_IN): a direction in a country or region (بلدة في شمال سوريا, مشهد، شمال شرق
// إيران), a region of it (قرية المالكية في ريف حلب, في محافظة إدلب), or the
// country's adjective right after a place that is no country (مدينة
// بيلغورود الروسية), or the place it belongs to (محافظة الخرج التابعة
// لمنطقة الرياض; lexicon ar_belongs_to).
func (x *extractor) containment(si, a, b int) {
	for t := a; t < b; t++ {
		m := x.mention(t)
		if m == nil || m.Start != t || m.Type != "Location" || x.isCountry(m) {
			continue
		}
		j := m.End
		if j < b && x.isComma(j) {
			j++
		}
		if j >= b {
			continue
		}
		if o := x.mention(j); o != nil && o.Start == j && o.Demonym && j == m.End && o.Entity != m.Entity {
			// a place takes the feminine (بيلغورود الروسية); the masculine
			// is a club's or a person's (برشلونة الإسباني, آسيا الكوري
			// الجنوبي "Asia's South Korean [champion]"), و another name's;
			// after a site, its owner's (قاعدة حميميم الروسية)
			if strings.HasSuffix(x.norm[j], "يه") && o.Prefix == "" && m.Role != RoleFacility {
				x.add(si, m.Entity, "LOCATED_IN", o.Entity, containConf, "asserted", x.phrase(m.Start, o.End))
			}
			continue
		}
		if arBelongsTo[x.norm[j]] && j+1 < b && strings.HasPrefix(x.norm[j+1], "ل") {
			// محافظة الخرج التابعة لمنطقة الرياض: the region word may
			// begin the name or stand before it (لريف دمشق)
			k := j + 1
			if o := x.mention(k); (o == nil || o.Start != k) && (x.regionWord(k) || arRegion[strings.TrimPrefix(x.norm[k], "ل")]) {
				k++
			} else if o == nil || o.Start != k || !strings.HasPrefix(o.Prefix, "ل") {
				continue
			}
			if o := x.mention(k); k < b && o != nil && o.Start == k && o.Type == "Location" && o.Entity != m.Entity && !o.Demonym {
				x.add(si, m.Entity, "LOCATED_IN", o.Entity, containConf, "asserted", x.phrase(m.Start, o.End))
			}
			continue
		}
		k := j
		w := x.words[k]
		if w.Conj != "" {
			continue // وجنوب سيناء: another place of a list, not where this one is
		}
		dir := arDirection[x.bare[k]] || w.Prep == "ب" && arDirection[arabic.MatchForm(w.Stem)]
		if dir {
			k++
			if k < b && arDirection[x.bare[k]] { // شمال شرق, شمال غربي
				k++
			}
		} else if x.bare[k] == "في" || w.Prep == "ب" {
			// في or ب and a region word (ريف، محافظة): alone, في and a
			// place is often where something happened, not where the place is
			if x.bare[k] == "في" {
				k++
			}
			if k >= b {
				continue
			}
			if !x.regionWord(k) {
				continue
			}
			if o := x.mention(k); o == nil || o.Start != k {
				k++ // the region word is not part of the name: ريف حلب
			} // else the name begins with it: محافظة إدلب
		} else {
			continue
		}
		if dir && k < b && arCapitalWord[x.bare[k]] {
			// جنوب العاصمة دمشق: south of the city, outside it
			if o := x.mention(k + 1); k+1 < b && o != nil && o.Start == k+1 {
				x.noStruct[noStructKey{si, m.Entity, o.Entity}] = true
			}
			continue
		}
		region := false // شمال محافظة إدلب: the north of the province
		if dir && k < b && x.regionWord(k) {
			region = true
			if o := x.mention(k); o == nil || o.Start != k {
				k++
			}
		}
		if o := x.mention(k); o != nil && o.Start == k && o.Type == "Location" && o.Entity != m.Entity {
			if dir && !region && !x.isCountry(o) {
				// a direction of a city is outside it (غرب لندن "west of
				// London"); of a country or region, inside (شمال سوريا)
				x.noStruct[noStructKey{si, m.Entity, o.Entity}] = true
				continue
			}
			x.add(si, m.Entity, "LOCATED_IN", o.Entity, containConf, "asserted", x.phrase(m.Start, o.End))
		}
	}
}

// placeWithB returns the mention of the city or region written with ب right
// after the name of mention m (الهيئة الملكية [بالجبيل]), not a country:
// nil when there is none.
func (x *extractor) placeWithB(m *Mention) *Mention {
	o := x.mention(m.End)
	if o == nil || o.Start != m.End || o.Type != "Location" || x.isCountry(o) || o.Entity == m.Entity || x.placeKind(o.Entity, "country") {
		return nil
	}
	if p := x.words[o.Start]; p.Prep != "ب" && !strings.HasPrefix(o.Prefix, "ب") || p.Conj != "" {
		return nil
	}
	return o
}

// institutionPlace relates an organisation to the city or region written
// right after its name with ب (مستشفى الملك فهد المركزي بجازان, الهيئة
// الملكية بالجبيل, مديرية الشؤون الصحية بالمدينة المنورة: LOCATED_IN), where
// news names an institution or its branch by its place. Not a country
// (داعش بالسعودية: where a group acts, not where it is), not a place of a
// list (و), and not with في, which as often says where something happened
// (استأجرها برنامج الأغذية العالمي في ميناء عدن).
func (x *extractor) institutionPlace(si, a, b int) {
	for t := a; t < b; t++ {
		m := x.mention(t)
		if m == nil || m.Start != t || m.Type != "Organization" || m.End >= b {
			continue
		}
		o := x.placeWithB(m)
		if o == nil {
			continue
		}
		if t > a && arBranch[x.bare[t-1]] {
			continue // فرع وزارة العمل بمنطقة عسير: the ministry's branch is there, not the ministry
		}
		if x.nationalBody(m) && !(o.Role == "capital" && x.generalBody(m)) {
			// الهلال الأحمر بجازان: the body's branch, or its men, are
			// there; the model gives no place either (the general
			// directorate in the capital is the body's headquarters)
			x.noStruct[noStructKey{si, m.Entity, o.Entity}] = true
			continue
		}
		x.add(si, m.Entity, "LOCATED_IN", o.Entity, containConf, "asserted", x.phrase(m.Start, o.End))
	}
}

// nationalBody reports whether the name of mention m holds the name of a
// country's national body or force (lexicon ar_national_body: الهلال
// الأحمر، حرس الحدود، الجيش), with or without the article and clitics.
func (x *extractor) nationalBody(m *Mention) bool {
	for j := m.Start; j < m.End; j++ {
		for _, p := range nationalBodies {
			if j+len(p) > m.End {
				continue
			}
			ok := true
			for k, w := range p {
				t := &x.words[j+k]
				if x.bare[j+k] != w && arabic.MatchForm(t.Article+t.Stem) != w {
					ok = false
					break
				}
			}
			if ok {
				return true
			}
		}
	}
	return false
}

// generalBody reports whether the name of mention m says the body is the
// general one (lexicon ar_general_body: المديرية العامة للدفاع المدني).
func (x *extractor) generalBody(m *Mention) bool {
	for j := m.Start; j < m.End; j++ {
		if arGeneralBody[x.bare[j]] {
			return true
		}
	}
	return false
}

// containConf is the confidence of a place's place stated by containment.
const containConf = 0.85
