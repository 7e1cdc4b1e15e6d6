package extract

import (
	"strings"
	"unicode/utf8"

	"github.com/kg-project/kg/internal/extract/link"
	"github.com/kg-project/kg/internal/gazetteer"
	"github.com/kg-project/kg/internal/lexicon"
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
//   - a noun or adjective of the table joined by و to one of its kind
//     before it (جمعية الثقافة والفنون, هيئة الاتصالات وتقنية المعلومات),
//   - a definite word the table does not know, when a known one follows
//     (not after a nationality, which ends the name but for adjectives,
//     nationalities and a complement with ل: وزارة الخارجية الأميركية
//     [الاتفاق النووي]).
// A definite head (الجيش) takes definite words only, in agreement; a head
// without the article is in the construct state (وزارة الدفاع) and takes a
// definite word or a name. The phrase ends at the last known word and must
// say whose body it is or what it does: a nationality, a name or a noun of
// the table. Adjectives alone (الحكومة الجديدة "the new government", اللجنة
// التنفيذية) are descriptions, not names.

// orgStop are definite words that never continue a name (lexicon
// ar_org_stop, MatchForm).
var orgStop = arabic.WordSet(strings.Join(lexicon.Class("ar_org_stop"), " "))

// alVerb are the verbs whose first letters spell the article (words.yaml's
// ar_al_verbs): التقت is no definite word of a name.
var alVerb = arabic.WordSet(strings.Join(lexicon.Class("ar_al_verbs"), " "))

// plural reports whether a word (MatchForm) ends as a sound masculine
// plural (الوطنيين, اليمنيون).
func plural(mf string) bool { return strings.HasSuffix(mf, "ين") || strings.HasSuffix(mf, "ون") }

// rankBeforeName are the honorifics and ranks that stand between an office
// and a name (words.yaml's ar_between_title_and_name): after the words
// that follow an organisation's head they begin a person's name.
var rankBeforeName = arabic.WordSet(strings.Join(lexicon.Class("ar_between_title_and_name"), " "))

// orgPhrases returns an Organization candidate for each organisation phrase
// of the text that no gazetteer candidate of gaz already covers.
func (p *Pipeline) orgPhrases(toks []segment.Token, words []arabic.Word, gaz []link.Candidate) []link.Candidate {
	s := orgScan{p: p, toks: toks, words: words, gaz: gaz, gazAt: gazIndex(toks, gaz)}
	var out []link.Candidate
	fixed := []func(int) int{s.refHeadNational, s.shortMinistry, s.bareStateBody}
next:
	for i := 0; i < len(toks); i++ {
		// the bodies no head noun begins, or none reads alone
		for _, f := range fixed {
			if end := f(i); end > i {
				out = append(out, s.candidate(&orgPhrase{i: i, known: end}))
				i = end - 1
				continue next
			}
		}
		ph, hf, ok := s.headPhrase(i)
		if !ok {
			continue
		}
		c := s.candidate(&ph)
		// شركة الاتصالات "the telecoms company", لجنة التنمية "the
		// development committee": a head of genericHeads in the construct
		// state with one noun of the table and nothing that says whose
		// body it is describes one of many
		c.Generic = genericHeads[hf] && !ph.definite && ph.known == ph.i+2 && !ph.named && ph.nations == 0 && s.tableNoun(i+1)
		out = append(out, c)
		i = ph.known - 1
	}
	return out
}

// bareStateBodies are the state bodies of lexicon ar_state_body that the
// phrases beginning with a head noun cannot find: those whose first word
// heads no organisation name of translit's table (الدفاع المدني "civil
// defence": الدفاع heads none), and a definite head with its adjective
// (النيابة العامة "the public prosecution": adjectives alone describe a
// head, الحكومة الجديدة, but these name one body); their words in
// MatchForm, the first without the article.
var bareStateBodies = func() []stateBodyPhrase {
	var out []stateBodyPhrase
	for _, ph := range lexicon.Phrases("ar_state_body") {
		first := arabic.Analyze(ph[0])
		if first.Article == "" || len(ph) < 2 {
			continue // a head in the construct state (مجلس الوزراء: orgPhrases finds it), or one word (البرلمان)
		}
		b := stateBodyPhrase{words: []string{arabic.MatchForm(first.Stem)}}
		for _, w := range ph[1:] {
			b.words = append(b.words, arabic.MatchForm(w))
		}
		hw, ok := translit.LookupWord(b.words[0])
		b.headed = ok && hw.OrgHead
		out = append(out, b)
	}
	return out
}()

// stateBodyPhrase is a phrase of bareStateBodies: its words, and whether
// its first is a head of translit's table, whose phrase the head scan can
// read further (المنتخب الوطني لكرة القدم).
type stateBodyPhrase struct {
	words  []string
	headed bool
}

// bareStateBody returns the token after a bare state body (bareStateBodies)
// that starts at token i, i when none does: its first word with the article
// and no pronoun (a preposition or و before it is no part of the name: لل
// الدفاع المدني), the others as written, all in one sentence and outside
// the gazetteer's names (الدفاع المدني السعودي is its own entry), with a
// nationality after it, which says whose body it is (الدفاع المدني
// الفلسطيني); not one an adjective describes further (agreeingAdjective:
// النيابة العامة العسكرية), nor one the head scan reads further
// (headPhraseEnd: المنتخب الوطني لكرة القدم).
func (s *orgScan) bareStateBody(i int) int {
	w := &s.words[i]
	if len(bareStateBodies) == 0 || w.Article == "" || w.Suffix != "" || s.gazAt[i] >= 0 {
		return i
	}
	stem := arabic.MatchForm(w.Stem)
	for _, b := range bareStateBodies {
		ph := b.words
		if ph[0] != stem || i+len(ph) > len(s.toks) {
			continue
		}
		end := i + 1
		for _, want := range ph[1:] {
			x := &s.words[end]
			if s.toks[end].Sentence != s.toks[i].Sentence || s.gazAt[end] >= 0 || x.Conj != "" || x.Prep != "" || x.Suffix != "" || x.MF != want {
				break
			}
			end++
		}
		if end != i+len(ph) {
			continue
		}
		if s.nationalityAt(end, i) {
			end++
		} else if agreeingAdjective(s.toks, s.words, end, i, func(k int) bool { return s.gazAt[k] >= 0 }) {
			continue // النيابة العامة العسكرية: another body, described further
		}
		if b.headed && s.headPhraseEnd(i) > end {
			continue // المنتخب الوطني لكرة القدم: a longer name, the head scan's
		}
		return end
	}
	return i
}

// ministryShort are the ministries called by what they are of alone
// (lexicon ar_ministry_short: الخارجية), ministryShortOffice the words
// before them that make them part of an office (ar_ministry_short_office:
// حقيبة الخارجية), in MatchForm.
var (
	ministryShort       = arabic.WordSet(strings.Join(lexicon.Class("ar_ministry_short"), " "))
	ministryShortOffice = arabic.WordSet(strings.Join(lexicon.Class("ar_ministry_short_office"), " "))
)

// shortMinistry returns the token after a ministry called by what it is of
// with the state's adjective that starts at token i (أكدت الخارجية
// المصرية), i when none does: the word with the article and no pronoun,
// outside the gazetteer's names, and right after it, in its sentence, a
// nationality the gazetteer matched as that word alone (nationalityAt); the
// word before it, in its sentence, neither definite (السياسة الخارجية
// الأميركية is foreign policy: adjectiveAfter) nor an office (وزير الخارجية
// المصري, حقيبة الخارجية).
func (s *orgScan) shortMinistry(i int) int {
	w := &s.words[i]
	if w.Article == "" || w.Suffix != "" || s.gazAt[i] >= 0 || !ministryShort[w.Article+arabic.MatchForm(w.Stem)] {
		return i
	}
	if !s.nationalityAt(i+1, i) || s.adjectiveAfter(i) {
		return i
	}
	if i > 0 && s.toks[i-1].Sentence == s.toks[i].Sentence {
		// an office's words (وزير الخارجية المصري, حقيبة الخارجية); a
		// definite word before also takes an object (انتقدت الحكومة
		// المصرية الخارجية الأمريكية) as its adjective: left out
		if p := &s.words[i-1]; wordIn(officeWords, p) || wordIn(ministryShortOffice, p) {
			return i
		}
	}
	return i + 2
}

// adjectiveAfter reports whether the word at token i is the adjective of
// the word before it (adjectiveOf; السياسة الخارجية "foreign policy",
// الأحزاب المعارضة "the opposition parties"), not a noun of its own.
func (s *orgScan) adjectiveAfter(i int) bool {
	return adjectiveOf(s.toks, s.words, i, func(k int) bool { return s.gazAt[k] >= 0 })
}

// adjectiveOf reports whether the word at token i is the adjective of the
// word before it, in its sentence: that word definite, no verb (التقت) and
// outside the candidates (covered), and word i an adjective that agrees with
// it (agreeingAdjective). A preposition makes word i a noun (التابع
// للمعارضة السورية), and a word that does not agree is the verb's object
// (واتهم النظام المعارضة السورية: the regime accused the opposition).
func adjectiveOf(toks []segment.Token, words []arabic.Word, i int, covered func(int) bool) bool {
	if i < 1 || toks[i-1].Sentence != toks[i].Sentence || covered(i-1) {
		return false
	}
	p := &words[i-1]
	return p.Article != "" && !alVerb[p.MF] && agreeingAdjective(toks, words, i, i-1, covered)
}

// agreeingAdjective reports whether token j, in token head's sentence, is
// a definite word that may be an adjective of the noun at token head: no
// preposition, conjunction or pronoun, outside the candidates (covered), no
// verb, no day or date word (اليوم, الأربعاء: lexicon ar_not_a_name), no
// office or rank (مدير عام الدفاع المدني الفريق ...: the next name's), and
// of the head's gender (feminine; the plurals of ar_plural_feminine_adj take
// a feminine adjective): العسكرية after النيابة العامة, الجديد after
// التحالف.
func agreeingAdjective(toks []segment.Token, words []arabic.Word, j, head int, covered func(int) bool) bool {
	if j >= len(toks) || toks[j].Sentence != toks[head].Sentence || covered(j) {
		return false
	}
	x, h := &words[j], &words[head]
	if x.Article == "" || x.Prep != "" || x.Conj != "" || x.Suffix != "" || alVerb[x.MF] || notANameWords[x.MF] ||
		wordIn(officeWords, x) || rankBeforeName[x.MF] {
		return false
	}
	return feminine(x.MF) == feminine(h.MF) || feminine(x.MF) && feminineAdjPlurals[arabic.MatchForm(h.Stem)]
}

var (
	// notANameWords are words of dates and days (lexicon ar_not_a_name),
	// feminineAdjPlurals the plurals that take a feminine adjective
	// (ar_plural_feminine_adj), in MatchForm
	notANameWords      = arabic.WordSet(strings.Join(lexicon.Class("ar_not_a_name"), " "))
	feminineAdjPlurals = arabic.WordSet(strings.Join(lexicon.Class("ar_plural_feminine_adj"), " "))
)

// headPhrase reads the organisation phrase whose head is token i (see the
// comment at the top of the file) and returns it with its head's form
// (MatchForm, without a kept preposition); ok is false when token i heads no
// phrase or the phrase is no name.
func (s *orgScan) headPhrase(i int) (ph orgPhrase, hf string, ok bool) {
	hw, ok := s.head(i)
	if !ok {
		return orgPhrase{}, "", false
	}
	hf = arabic.MatchForm(s.words[i].Stem)[headClitic(&s.words[i]):]
	ph = orgPhrase{i: i, hw: hw, definite: s.words[i].Article != "", known: i + 1, activity: activityHeads[hf]}
	s.extend(&ph)
	return ph, hf, ph.isName()
}

// headPhraseEnd returns the token after the organisation phrase the head
// scan reads from token i (headPhrase), i when it reads no name there.
func (s *orgScan) headPhraseEnd(i int) int {
	if ph, _, ok := s.headPhrase(i); ok {
		return ph.known
	}
	return i
}

// refHeadNational returns the token after a noun that refers back to a
// body (translit's mark "ref": المعارضة, المقاومة) with the article and a
// nationality right after it that starts at token i (المعارضة السورية
// "the Syrian opposition", المقاومة الفلسطينية): the one body of that kind
// the nationality names, as الجيش اللبناني is; i when none does. It
// heads no other phrase: المجلس الوطني للمقاومة الإيرانية is one name,
// read from its own head.
func (s *orgScan) refHeadNational(i int) int {
	w := &s.words[i]
	if w.Article == "" || w.Suffix != "" || s.gazAt[i] >= 0 {
		return i
	}
	if hw, ok := translit.LookupWord(arabic.MatchForm(w.Stem)); !ok || !hw.RefHead || !s.nationalityAt(i+1, i) || s.adjectiveAfter(i) {
		return i // الأحزاب المعارضة السورية: the parties are
	}
	return i + 2
}

// nationalityAt reports whether token j is a country's nationality
// adjective right after token j-1, in its sentence (nationalAfter), with the
// article and no clitic, that the gazetteer matched as that word alone: as
// an adjective (المصرية), or as the country whose name it also is
// (السعودية); and that it agrees with the phrase's head at token head
// (feminine: الخارجية المصرية, المحكمة العليا الكندية; not وزيرا الخارجية
// الأمريكي والروسي).
func (s *orgScan) nationalityAt(j, head int) bool {
	if j < 1 || !s.p.nationalAfter(s.toks, s.words, j-1) || s.gazAt[j] < 0 {
		return false
	}
	if c := &s.gaz[s.gazAt[j]]; c.Start != s.toks[j].Start || c.End != s.toks[j].End {
		return false
	}
	x := &s.words[j]
	if x.Article == "" || x.Conj != "" || x.Prep != "" || x.Suffix != "" || feminine(x.MF) != feminine(s.words[head].MF) {
		return false
	}
	e := s.p.gaz.Demonym(x.MF)
	return e != nil && e.Role == gazetteer.RoleCountry
}

// stateBodyWord reports whether w begins a state body that no head noun of
// translit's table begins (a ministry called by what it is of, الخارجية;
// the first word of a bare state body, الدفاع): with a nationality after
// it, the body is that state's, as a public body's (publicBodyOf).
func stateBodyWord(w *arabic.Word) bool {
	if w.Article == "" {
		return false
	}
	st := arabic.MatchForm(w.Stem)
	if ministryShort[w.Article+st] {
		return true
	}
	if hw, ok := translit.LookupWord(st); ok && hw.OrgHead {
		return false // a head of the table: publicBodyOf asks whether it is Public
	}
	for _, b := range bareStateBodies {
		if b.words[0] == st {
			return true
		}
	}
	return false
}

// orgScan is what orgPhrases reads: the tokens, their words, and the
// gazetteer candidates over them.
type orgScan struct {
	p     *Pipeline
	toks  []segment.Token
	words []arabic.Word
	gaz   []link.Candidate
	gazAt []int // gazAt[k]: the gazetteer candidate over token k, -1 when none
}

// orgPhrase is an organisation phrase being read: its head at token i and
// what the words after it have shown so far.
type orgPhrase struct {
	i           int
	hw          translit.WordInfo // the head word
	definite    bool              // the head has the article (الجيش)
	specifiers  int               // the words that specify the head
	nations     int               // the nationalities among them
	afterNation bool              // a nationality was read: only adjectives, nationalities and a complement with ل may follow
	other       bool              // specified by more than a nationality
	known       int               // the token after the last known word
	specific    bool              // the phrase says whose body it is or what it does
	lUsed       bool              // the one complement with ل is taken
	sawOrgGaz   bool              // the phrase holds an organisation the gazetteer knows
	last        string            // the table class of the last word read ("noun", "adj"; "" for others)
	coordinated bool              // a word joined by و was read: only adjectives may follow
	named       bool              // a name is among its words (not only words of the table)
	activity    bool              // the head is also an activity's noun (activityHeads)
}

// gazIndex returns, for each token, the index of the gazetteer candidate
// of gaz (sorted by start) over it, -1 when none.
func gazIndex(toks []segment.Token, gaz []link.Candidate) []int {
	gazAt := make([]int, len(toks))
	for k := range gazAt {
		gazAt[k] = -1
	}
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
	return gazAt
}

// headClitic returns the length in bytes of a preposition (ب، ل، ك) that
// the analysis kept on a short word the table knows without it (بهيئة،
// بمجلس، بشرطة: a bare ب needs a long remainder to be taken off): 0 when
// there is none, or the word is a head of the table as it is.
func headClitic(w *arabic.Word) int {
	_, n, _ := headWord(w)
	return n
}

// headWord returns the table's entry of word w when it is a head of the
// table, as it is or after a kept preposition (headClitic, whose length it
// returns too).
func headWord(w *arabic.Word) (translit.WordInfo, int, bool) {
	st := arabic.MatchForm(w.Stem)
	hw, ok := translit.LookupWord(st)
	if ok && hw.OrgHead || w.Prep != "" || w.Article != "" {
		return hw, 0, ok && hw.OrgHead
	}
	r, n := utf8.DecodeRuneInString(st)
	if utf8.RuneCountInString(st) < 5 || r != 'ب' && r != 'ل' && r != 'ك' {
		return translit.WordInfo{}, 0, false
	}
	if hw, ok := translit.LookupWord(st[n:]); ok && hw.OrgHead {
		return hw, n, true
	}
	return translit.WordInfo{}, 0, false
}

// headForm is w's MatchForm as the first word of a phrase of the table:
// without a clitic ب, ل or ك the analysis kept on a head noun (بشبكة,
// headWord's cut).
func headForm(w *arabic.Word) string {
	if _, cut, ok := headWord(w); ok && cut > 0 {
		return arabic.MatchForm(w.Stem)[cut:]
	}
	return w.MF
}

// head returns the table's entry of token i when it can head an
// organisation phrase: a head noun of the table without a pronoun suffix,
// not inside a gazetteer name (a nationality aside), and not the first
// word of a fixed phrase of the table that is no body.
func (s *orgScan) head(i int) (translit.WordInfo, bool) {
	w := &s.words[i]
	if w.Suffix != "" || s.gazAt[i] >= 0 && !s.gaz[s.gazAt[i]].Demonym {
		return translit.WordInfo{}, false
	}
	hw, _, ok := headWord(w)
	if !ok {
		return translit.WordInfo{}, false
	}
	if i+1 < len(s.toks) {
		// a fixed phrase of the table that is no body: مجلس الإدارة
		// "the board of directors"; بشبكة الإنترنت with its ب
		if fw, ok := translit.LookupWord(headForm(w) + " " + s.words[i+1].MF); ok && !fw.OrgHead {
			return translit.WordInfo{}, false
		}
	}
	return hw, true
}

// extend reads the words after the head of ph, in its sentence, that make
// it one body, up to the first that cannot (see the comment at the top of
// the file); ph.known ends up after the last known word.
func (s *orgScan) extend(ph *orgPhrase) {
	toks, words := s.toks, s.words
	for j := ph.i + 1; j < len(toks) && toks[j].Sentence == toks[ph.i].Sentence; {
		x := &words[j]
		if x.Suffix != "" || !isArabicWord(toks[j].Text) {
			return
		}
		goOn := false
		short := s.shortComplement(j) // nil for a word with a conjunction or preposition
		switch {
		case x.Conj != "":
			j, goOn = s.coordinate(ph, j)
		case x.Prep != "":
			j, goOn = s.complement(ph, j, x)
		case short != nil:
			j, goOn = s.complement(ph, j, short)
		case s.gazAt[j] >= 0:
			j, goOn = s.gazName(ph, j)
		case x.Article == "":
			j, goOn = s.indefinite(ph, j)
		default:
			j, goOn = s.definite(ph, j)
		}
		if !goOn {
			return
		}
	}
}

// shortComplement returns word j read as ل and the first noun of a
// phrase of the organisation table that word j+1 completes, when the
// analyser left the ل on (it takes no clitic off a stem of three letters:
// لكرة القدم "for football"), else nil.
func (s *orgScan) shortComplement(j int) *arabic.Word {
	x := &s.words[j]
	if x.Conj != "" || x.Prep != "" || x.Article != "" || !strings.HasPrefix(x.Stem, "ل") || !strings.HasPrefix(s.toks[j].Text, "ل") ||
		j+1 >= len(s.toks) || s.toks[j+1].Sentence != s.toks[j].Sentence {
		return nil
	}
	stem := strings.TrimPrefix(x.Stem, "ل")
	if utf8.RuneCountInString(stem) < 3 {
		return nil
	}
	if pw, ok := translit.LookupWord(arabic.MatchForm(stem) + " " + s.words[j+1].MF); !ok || pw.Class != "noun" {
		return nil
	}
	w := *x
	w.Prep, w.Stem = "ل", stem
	return &w
}

// complement reads token j, word x, a word with a preposition: the
// phrase's one complement with ل whose noun is in the table (للتعاون,
// لحقوق الإنسان).
// It returns the token to go on from and whether the phrase goes on.
func (s *orgScan) complement(ph *orgPhrase, j int, x *arabic.Word) (int, bool) {
	if x.Prep != "ل" || ph.lUsed || j == ph.i+1 && !ph.definite {
		return j, false
	}
	if !ph.definite && ph.hw.Of && ph.hw.Public && j == ph.i+2 && ph.last == "noun" && s.words[ph.i+1].MF != "الدوله" {
		return j, false // a ministry is named by its noun: وكيل وزارة الصحة [للخدمات العلاجية] (وزارة الدولة لشؤون ... aside)
	}
	if xw, ok := translit.LookupWord(arabic.MatchForm(x.Stem)); !ok || xw.Class != "noun" || xw.OrgHead || xw.PlaceHead || xw.WorkHead ||
		xw.TakesName && x.Article != "" {
		// not for another body (هيئة التفاوض للحكومة, الجهاز الفني
		// [للفريق] "the team's technical staff"), nor a work's (لجنة
		// التحكيم للفيلم)
		return j, false
	}
	if x.Article == "" && (j+1 >= len(s.toks) || s.words[j+1].Article == "" || s.words[j+1].Conj != "") {
		return j, false // لحقوق needs its complement: لحقوق الإنسان
	}
	ph.lUsed = true
	ph.afterNation = false // the complement's own words follow (المؤسسة التركية لحقوق الإنسان)
	if x.Article == "" {
		// a phrase of the table, the noun and the word that completes it
		// (لكرة القدم "for football")
		if pw, ok := translit.LookupWord(arabic.MatchForm(x.Stem) + " " + s.words[j+1].MF); ok && pw.Class == "noun" && s.words[j+1].Prep == "" {
			j += 2
			ph.known, ph.specific, ph.other = j, true, true
			ph.last = "noun"
			return j, true
		}
	}
	j++
	ph.last = ""
	if x.Article != "" {
		ph.known, ph.specific, ph.other = j, true, true
		ph.last = "noun"
	} // لحقوق counts with the word that completes it
	return j, true
}

// coordinate reads token j, a word with و after a noun or adjective of the
// table that specifies the head: a noun or adjective of the table (after
// an adjective, an adjective: الجيش الوطني والمقاومة are two bodies), or a
// group of its words, that joins it in the name (جمعية الثقافة والفنون, هيئة التحقيق والادعاء العام,
// وزارة الشؤون البلدية والقروية), a noun also in the construct state before
// a definite word (هيئة الاتصالات وتقنية المعلومات). Not a head, a place, a
// work or a product (وزارة الداخلية والوزارة), nor a nationality (الجيش
// السوري والروسي are two armies). It returns the token to go on from and
// whether the phrase goes on.
func (s *orgScan) coordinate(ph *orgPhrase, j int) (int, bool) {
	x := &s.words[j]
	if x.Conj != "و" || x.Prep != "" || ph.last == "" || x.Article == "" && ph.last != "noun" {
		return j, false
	}
	mf := arabic.MatchForm(x.Article + x.Stem)
	if s.p.gaz.Demonym(mf) != nil {
		return j, false
	}
	// a group of words of the table (والادعاء العام)
	for k := 3; k >= 2; k-- {
		if j+k > len(s.toks) || s.toks[j+k-1].Sentence != s.toks[j].Sentence {
			continue
		}
		key := mf
		for _, w := range s.words[j+1 : j+k] {
			if w.Conj != "" || w.Prep != "" || w.Suffix != "" {
				key = ""
				break
			}
			key += " " + w.MF
		}
		if xw, ok := translit.LookupWord(key); key != "" && ok && xw.Class == "noun" && noHead(xw) {
			ph.known, ph.last, ph.coordinated = j+k, "", true
			return j + k, true
		}
	}
	xw, ok := translit.LookupWord(mf)
	if !ok || xw.Class != "noun" && xw.Class != "adj" || !noHead(xw) || xw.Rank == 3 {
		return j, false
	}
	if ph.last == "adj" && xw.Class != "adj" {
		return j, false // الجيش الوطني والمقاومة are two bodies
	}
	if x.Article == "" {
		// in the construct state: the definite noun of the table after it completes it
		if j+1 >= len(s.toks) || s.toks[j+1].Sentence != s.toks[j].Sentence {
			return j, false
		}
		y := &s.words[j+1]
		yw, ok := translit.LookupWord(arabic.MatchForm(y.Article + y.Stem))
		if y.Article == "" || y.Conj != "" || y.Prep != "" || y.Suffix != "" || !ok || yw.Class != "noun" || !noHead(yw) {
			return j, false
		}
		j++
		xw.Class = "" // the pair ends in its complement
	}
	j++
	ph.known, ph.last, ph.coordinated = j, xw.Class, true // a list goes on (للمواصفات والمقاييس والجودة)
	return j, true
}

// noHead reports whether a word of the table heads no name of a body, a
// place, a work or a product (coordinate).
func noHead(xw translit.WordInfo) bool {
	return !xw.OrgHead && !xw.PlaceHead && !xw.WorkHead && !xw.ProductHead
}

// gazName reads the gazetteer name that starts at token j: a nationality
// (العراقية) or a name that says whose body it is (محكمة الناصرية). It
// returns the token to go on from and whether the phrase goes on.
func (s *orgScan) gazName(ph *orgPhrase, j int) (int, bool) {
	x := &s.words[j]
	g := s.gazAt[j]
	c := s.gaz[g]
	if c.Start != s.toks[j].Start {
		return j, false // a name that began before, or after a clitic: not ours
	}
	if c.Demonym && x.Article == "" {
		return j, false // an indefinite adjective (قوة سورية "a Syrian force")
	}
	if !c.Demonym && ph.definite && !ph.hw.Of && j == ph.i+1 && x.Article != "" && c.End == s.toks[j].End && s.p.gaz.Demonym(arabic.MatchForm(x.Article+x.Stem)) != nil {
		// a country's name that is also its nationality adjective, after a
		// definite head in agreement, is the adjective: الهيئة السعودية is
		// "the Saudi authority", one of many, as الهيئة الكويتية is (an
		// embassy's or a presidency's head, of the country, aside:
		// السفارة السعودية)
		c.Demonym = true
	}
	if !c.Demonym && c.Type == model.Person && !afterTitle(s.words, ph.i, j) && !(j == ph.i+1 && !ph.hw.Public && isTitle(&s.words[j])) {
		return j, false // a person's government (حكومة حيدر العبادي) is no name; a titled one's name is (جامعة الملك فهد)
	}
	if ph.definite && !c.Demonym && x.Article == "" {
		return j, false // الحكومة حيدر العبادي: a definite head takes no name
	}
	if ph.afterNation && !c.Demonym {
		return j, false // حكومة اليمن [عدن]: a name after the country's begins another phrase
	}
	if !c.Demonym && c.Type == model.Organization {
		ph.sawOrgGaz = true
	}
	ph.named = ph.named || !c.Demonym
	// the whole name
	k := j
	for k < len(s.toks) && s.gazAt[k] == g {
		k++
	}
	ph.known = k
	ph.last = ""
	ph.specifiers++
	if !c.Demonym || !ph.hw.Forces { // القوات الروسية are Russia's forces
		ph.specific = true
		ph.other = ph.other || !c.Demonym
	}
	if c.Demonym {
		ph.afterNation = true
		ph.nations++
		ph.other = ph.other || ph.nations > 1 // اللجنة التنسيقية السعودية الفرنسية: two countries' body
	} else if c.Entry != nil && c.Entry.Role == gazetteer.RoleCountry {
		// a country's name ends the body's name as its adjective does
		// (حكومة اليمن [تحرير عدن] "the government of Yemen [announced]
		// the liberation of Aden"), but for adjectives, nationalities and
		// a complement with ل
		ph.afterNation = true
	}
	return k, true
}

// indefinite reads token j, a word without the article. A head without
// the article takes a name or a definite word: a name after a title
// (جامعة الملك سعود), a word that is no ordinary word right after the head
// (حزب كاديما), a noun of the table that a known word completes (جيش
// تحرير كوسوفو). It returns the token to go on from and whether the phrase
// goes on.
func (s *orgScan) indefinite(ph *orgPhrase, j int) (int, bool) {
	x := &s.words[j]
	if ph.afterNation {
		return j, false // a noun after the nationality or the country begins another phrase
	}
	ph.last = ""
	mf := arabic.MatchForm(x.Article + x.Stem)
	if afterTitle(s.words, ph.i, j) || j == ph.i+1 && !ph.definite && ph.hw.TakesName && s.p.nameWord(s.toks, s.words, j) {
		j++
		if afterTitle(s.words, ph.i, j-1) {
			j = s.nasab(j)
		}
		ph.known, ph.specific, ph.other, ph.named = j, true, true, true
		return j, true
	}
	if xw, ok := translit.LookupWord(mf); ok && xw.Class == "noun" && !xw.OrgHead && !xw.PlaceHead && !xw.WorkHead && !ph.definite && j-ph.known == 0 {
		return j + 1, true
	}
	return j, false
}

// nasab returns the token after the nasab that continues, from token j,
// the given name after a title: بن, ابن or بنت and a name, as often as
// they follow (جامعة الإمام محمد بن سعود الإسلامية, مستشفى الملك عبدالله
// بن عبدالعزيز).
func (s *orgScan) nasab(j int) int {
	for j+1 < len(s.toks) && s.toks[j+1].Sentence == s.toks[j-1].Sentence && nasabLinks[s.words[j].MF] {
		y := &s.words[j+1]
		if y.Conj != "" || y.Prep != "" || y.Suffix != "" || !isArabicWord(s.toks[j+1].Text) {
			break
		}
		if _, ok := translit.LookupWord(arabic.MatchForm(y.Article + y.Stem)); ok {
			break // بن and a word of the table: no name
		}
		j += 2
		if y.MF == "عبد" && j < len(s.toks) && s.toks[j].Sentence == s.toks[j-1].Sentence && s.words[j].Article != "" && s.words[j].Conj == "" && s.words[j].Prep == "" {
			j++ // بن عبد العزيز
		}
	}
	return j
}

// nasabLinks are the words that join a name to its father's (lexicon
// ar_nasab: بن ابن بنت).
var nasabLinks = arabic.WordSet(strings.Join(lexicon.Class("ar_nasab"), " "))

// definite reads token j, a word with the article: a word of the table, a
// nationality, or a word the table does not know, which is part of the
// name only if a known word follows. It returns the token to go on from
// and whether the phrase goes on.
func (s *orgScan) definite(ph *orgPhrase, j int) (int, bool) {
	x := &s.words[j]
	mf := arabic.MatchForm(x.Article + x.Stem)
	if orgStop[mf] || j > ph.i+1 && rankBeforeName[mf] {
		return j, false // وزارة الداخلية [اللواء منصور التركي]: a rank or honorific begins a name
	}
	if xw, ok := translit.LookupWord(mf); ok && xw.Class != "prep" && xw.Class != "conj" {
		return s.tableWord(ph, j, mf, xw)
	}
	ph.last = ""
	if alVerb[mf] {
		return j, false // اللجنة [التقت] السلطة المحلية: a verb, not a definite word
	}
	if s.p.gaz.Demonym(mf) != nil {
		j++
		ph.known = j
		ph.specific = ph.specific || !ph.hw.Forces
		ph.afterNation = true
		return j, true
	}
	if ph.afterNation {
		return j, false // وزارة الخارجية الأميركية [الاتفاق النووي]: the nationality ends the name
	}
	j++
	ph.named = true // a word the table does not know: a name, if a known word follows
	return j, j-ph.known <= 1
}

// tableWord reads token j, a definite word of the table (xw, its entry; mf,
// its MatchForm): a noun, title or adjective that specifies the head
// (الدفاع, المركزي, العامة), unless it is a place, product or work word, a
// person's title after the name, or a plural adjective. It returns the
// token to go on from and whether the phrase goes on.
func (s *orgScan) tableWord(ph *orgPhrase, j int, mf string, xw translit.WordInfo) (int, bool) {
	if xw.PlaceHead || xw.ProductHead || xw.WorkHead || xw.Class == "title" && j > ph.i+1 {
		return j, false // a place (لتأمين المدينة), a product (شبكة الهواتف "the phone network"), a work (الحركة المسرحية "the theatre"), a person after the name
	}
	if xw.Class == "adj" && plural(mf) {
		return j, false // a plural adjective is no part of a body's name (الجيش الوطنيين)
	}
	if ph.coordinated && xw.Class != "adj" {
		return j, false // وزارة الشؤون البلدية والقروية [المشروع]: the name ends with the pair
	}
	if ph.afterNation && xw.Class != "adj" && s.p.gaz.Demonym(mf) == nil {
		return j, false // a noun after the nationality begins another phrase
	}
	if xw.Class == "noun" && s.words[j-1].Article != "" && s.words[j-1].Conj == "" && !strings.Contains(mf, " ") && !strings.HasSuffix(mf, "يه") {
		// a definite noun is no genitive of the definite word before it
		// (اللجنة العليا [المنظمة] "the organising supreme committee",
		// المنظمة الدولية [الأمم المتحدة]): an adjective, an apposition or
		// what follows the name; a genitive follows a word in the
		// construct state (وزارة الدفاع, لتحفيظ القرآن). A noun of the
		// table that reads as a nisba adjective (البلدية "municipal",
		// المالية) may be one.
		return j, false
	}
	j++
	ph.known = j
	ph.last = ""
	if xw.Class == "noun" || xw.Class == "adj" && xw.Rank != 3 {
		ph.last = xw.Class
	}
	switch {
	case xw.Class == "noun" || xw.Class == "title":
		ph.specific, ph.other = true, true
		ph.specifiers++
	case s.p.gaz.Demonym(mf) != nil || xw.Class == "adj" && xw.Rank == 3:
		ph.specific = ph.specific || !ph.hw.Forces // القوات الروسية are Russia's forces
		ph.specifiers++
		ph.afterNation = ph.afterNation || s.p.gaz.Demonym(mf) != nil
	case ph.hw.Forces:
		if xw.Branch { // القوات الجوية, not القوات العسكرية "the military forces"
			ph.specific, ph.other = true, true
			ph.specifiers++
		}
	case xw.Naming:
		ph.specific, ph.other = true, true // الحزب الشيوعي
		ph.specifiers++
	default:
		ph.specifiers++
	}
	return j, true
}

// isName reports whether the phrase read is the name of one body: it has
// a known word after its head, says whose body it is or what it does,
// holds no organisation the gazetteer knows, and a definite head
// specified by a nationality alone is a state's (الجيش اللبناني).
func (ph *orgPhrase) isName() bool {
	if ph.known == ph.i+1 || !ph.specific || ph.sawOrgGaz || ph.hw.Forces && ph.specifiers < 2 {
		return false // قوات الأمن "security forces" is no name, قوات الطوارئ الخاصة is
	}
	if ph.definite && !ph.other && !ph.hw.State && !ph.hw.Team {
		return false // النادي الكويتي "the Kuwaiti club" is one of many; الجيش اللبناني is one, المنتخب السعودي too
	}
	if !ph.named && ph.activity && !ph.definite {
		// تنظيم سوق العمل "regulating the labour market", حركة السوق "the
		// market's movement": a name makes them a body (تنظيم داعش); with
		// the article and an adjective they are one (الحركة القومية)
		return false
	}
	return true
}

// tableNoun reports whether token j is a noun of translit's table, with
// the article (الاتصالات, التنمية).
func (s *orgScan) tableNoun(j int) bool {
	x := &s.words[j]
	if x.Article == "" || x.Conj != "" || x.Prep != "" {
		return false
	}
	mf := arabic.MatchForm(x.Article + x.Stem)
	xw, ok := translit.LookupWord(mf)
	return ok && xw.Class == "noun" && s.p.gaz.Demonym(mf) == nil
}

// genericHeads are the heads that, in the construct state with one noun of
// the table alone, describe a body rather than name one (lexicon
// ar_generic_body_head), in MatchForm.
var genericHeads = arabic.WordSet(strings.Join(lexicon.Class("ar_generic_body_head"), " "))

// activityHeads are the heads that are also the nouns of an activity
// (lexicon ar_activity_head: تنظيم "organising", حركة "movement"): they
// head a body's name only with a name in it, in MatchForm.
var activityHeads = arabic.WordSet(strings.Join(lexicon.Class("ar_activity_head"), " "))

// candidate returns the Organization candidate of the phrase: from its
// head, without the head's conjunction and preposition, to its last known
// word.
func (s *orgScan) candidate(ph *orgPhrase) link.Candidate {
	w := &s.words[ph.i]
	start := s.toks[ph.i].Start + len([]rune(w.Conj+w.Prep))
	if headClitic(w) > 0 {
		start++
	}
	if w.Prep == "ل" && w.Article != "" {
		start = s.toks[ph.i].Start + len([]rune(w.Conj)) // لل: keep the ل, no substring spells the article
	}
	return link.Candidate{Start: start, End: s.toks[ph.known-1].End, Sentence: s.toks[ph.i].Sentence, Type: model.Organization}
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

// withoutNonBodies drops the tagger's organisations that are a phrase of
// the organisation table naming a thing and no body (mark "thing": شبكة
// الإنترنت "the internet", حركة المرور "traffic"), written alone, the
// first word without its conjunction and preposition.
func withoutNonBodies(toks []segment.Token, words []arabic.Word, ner []link.Candidate) []link.Candidate {
	out := ner[:0:0]
	for _, c := range ner {
		if c.Type == model.Organization && nonBodyPhrase(toks, words, c) {
			continue
		}
		out = append(out, c)
	}
	return out
}

// nonBodyPhrase reports whether the tokens of c are a phrase of the
// organisation table that names a thing (translit.WordInfo.Thing).
func nonBodyPhrase(toks []segment.Token, words []arabic.Word, c link.Candidate) bool {
	a := firstToken(toks, c.Start)
	var mfs []string
	for k := a; k < len(toks) && toks[k].Start < c.End; k++ {
		if k > a && (words[k].Conj != "" || words[k].Prep != "") || words[k].Suffix != "" {
			return false
		}
		mf := words[k].MF
		if k == a {
			mf = headForm(&words[k])
		}
		mfs = append(mfs, mf)
	}
	if len(mfs) < 2 {
		return false
	}
	wi, ok := translit.LookupWord(strings.Join(mfs, " "))
	return ok && wi.Thing
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
	return j == i+2 && isTitle(&words[j-1])
}

// isTitle reports whether w is a title of the organisation table (الملك).
func isTitle(w *arabic.Word) bool {
	xw, ok := translit.LookupWord(arabic.MatchForm(w.Article + w.Stem))
	return ok && xw.Class == "title"
}

// isArabicWord reports whether a token is an Arabic word.
func isArabicWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return s != "" && arabic.InBlock(r)
}

// withoutNamesakes drops the persons inside an organisation phrase, after
// its head: an institution named after a titled person (جامعة الملك فهد,
// مركز الملك سلمان للإغاثة) is no mention of the person.
func withoutNamesakes(cands, orgs []link.Candidate) []link.Candidate {
	if len(orgs) == 0 {
		return cands
	}
	out := make([]link.Candidate, 0, len(cands))
	for _, c := range cands {
		inside := false
		if c.Type == model.Person && !c.Demonym {
			for _, o := range orgs {
				if o.Start < c.Start && c.End <= o.End {
					inside = true
					break
				}
			}
		}
		if !inside {
			out = append(out, c)
		}
	}
	return out
}

// withoutTeamCountries drops, in place, the places named inside a national
// team's name (translit's mark "team": منتخب جامايكا, المنتخب السعودي لكرة
// القدم): the country there stands for its team, which the organisation
// candidate over it names; it is no mention of the country. So is a city
// inside a city's team (منتخب جدة), which package link names as other
// bodies.
func withoutTeamCountries(toks []segment.Token, words []arabic.Word, cands []link.Candidate) []link.Candidate {
	var teams [][2]int
	for _, c := range cands {
		if c.Type != model.Organization {
			continue
		}
		k := firstToken(toks, c.Start)
		if k >= len(toks) {
			continue
		}
		if hw, ok := translit.LookupWord(arabic.MatchForm(words[k].Stem)); ok && hw.Team {
			teams = append(teams, [2]int{c.Start, c.End})
		}
	}
	return withoutPlacesIn(cands, teams, false)
}

// withoutPlacesIn drops, in place, the places that lie inside one of spans
// (code point offsets) and are shorter than it: names inside a longer name
// (withoutTeamCountries, withoutPlacesInQuotedNames). A nationality
// adjective stays when keepDemonyms is set. cands keep their order.
func withoutPlacesIn(cands []link.Candidate, spans [][2]int, keepDemonyms bool) []link.Candidate {
	if len(spans) == 0 {
		return cands
	}
	kept := cands[:0]
	for _, c := range cands {
		inside := false
		for _, s := range spans {
			if c.Type == model.Location && !(keepDemonyms && c.Demonym) && s[0] <= c.Start && c.End <= s[1] && c.End-c.Start < s[1]-s[0] {
				inside = true
				break
			}
		}
		if !inside {
			kept = append(kept, c)
		}
	}
	return kept
}
