package rel

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/kg-project/kg/internal/extract/ner/clusters"
	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/text/arabic"
	"github.com/kg-project/kg/internal/text/segment"
)

// Candidate is one ordered pair of entity mentions of a sentence that may
// stand in a relation: Subject does it to Object. Feats describe the pair
// and the words around it; the relation model (Model) scores them.
type Candidate struct {
	Sentence        int
	Subject, Object int // indices into Doc.Mentions
	Feats           []string
	// Carried marks a subject carried over from an earlier sentence.
	Carried bool
}

// maxGap is the largest number of tokens between the two mentions of an
// Arabic candidate: farther pairs are rarely stated together. At rules
// 0.6.34, 30 gave 52,173 of the training set's 68,326 relations a
// candidate pair instead of 48,968, but the model trained so found fewer
// on Arabic news (dev/ar all 30 micro F1 0.441 to 0.428) and more on
// English (0.367 to 0.382): English writes as separate tokens what Arabic
// writes as clitics (و، ب، ل، ال), and its reported speech runs longer
// (Mr X said a win by Mr Kerry would have given ...), so an English pair
// may be maxGapEn tokens apart.
const (
	maxGap   = 20
	maxGapEn = 30
)

// gapLimit is maxGap for Arabic documents, maxGapEn for English.
func (x *extractor) gapLimit() int {
	if x.ar {
		return maxGap
	}
	return maxGapEn
}

// Candidates returns the candidate pairs of every sentence of d, in
// sentence order: both orders of each pair of mentions of two different
// entities at most maxGap tokens apart (maxGapEn in English), each with its own features, among
// them the relations the rules find ("rule=" + predicate, "rulerev=" for
// the other direction).
func Candidates(d *Doc) []Candidate {
	x := newExtractor(d)
	x.runRules()
	return x.candidates(x.result())
}

func (x *extractor) candidates(rules []model.Relation) []Candidate {
	var out []Candidate
	byPair := rulePairs(rules)
	for _, pr := range x.pairs() {
		var f []string
		x.features(pr, byPair, func(b []byte) { f = append(f, string(b)) })
		out = append(out, Candidate{Sentence: pr.si, Subject: pr.s, Object: pr.o, Feats: f, Carried: pr.carried})
	}
	return out
}

// pair is a candidate: mentions s (subject) and o (object) of sentence si,
// whose tokens are [a, b). A carried pair's subject is the speaker of an
// earlier sentence, which this one continues without naming it (وأضاف ...،
// كما دعا ...).
type pair struct {
	si, a, b, s, o int
	carried        bool
}

// carriedSpan is how far into a sentence the object of a carried subject
// may stand.
const carriedSpan = 25

// pairs lists the candidate pairs of the document: both orders of each
// pair of mentions of two different entities of a sentence at most
// gapLimit tokens apart.
func (x *extractor) pairs() []pair {
	d := x.d
	var out []pair
	mi := 0
	for si := range d.Sentences {
		a, b := x.sentTok[si][0], x.sentTok[si][1]
		if a < 0 {
			continue
		}
		for mi < len(d.Mentions) && d.Mentions[mi].Start < a {
			mi++
		}
		var ms []int
		for k := mi; k < len(d.Mentions) && d.Mentions[k].Start < b; k++ {
			if d.Mentions[k].End <= b {
				ms = append(ms, k)
			}
		}
		for _, i := range ms {
			for _, j := range ms {
				m1, m2 := d.Mentions[i], d.Mentions[j]
				if i == j || m1.Entity == m2.Entity {
					continue
				}
				lo, hi := m1, m2
				if m2.Start < m1.Start {
					lo, hi = m2, m1
				}
				if hi.Start-x.gapStart(lo, hi) > x.gapLimit() {
					continue
				}
				out = append(out, pair{si: si, a: a, b: b, s: i, o: j})
			}
		}
		// a sentence that goes on without a subject: its verb comes first
		// and no person or organisation stands before its first object
		sp := x.speakerAt[si]
		if sp < 0 || len(ms) == 0 {
			continue
		}
		v := x.clauseVerb(a, b) // the verb, after a particle (كما دعا)
		pronoun := false
		if v < 0 {
			if v = x.pronounVerb(a, b); v < 0 {
				continue
			}
			pronoun = true // He added ...: the subject is written
		}
		if x.ar && (x.pluralVerb(v) || x.feminineVerb(v) != x.speakerFemAt[si]) {
			continue // the verb does not agree with the speaker: someone else
		}
		ownSubject := false // a person or organisation near the verb
		for _, j := range ms {
			m := d.Mentions[j]
			if m.Start-v < 6 && !m.Demonym && (m.Type == "Person" || m.Type == "Organization") && !x.disagrees(v, m) {
				ownSubject = true
			}
		}
		if !pronoun && (ownSubject || x.otherSubject(v+1, b) && !x.nameWordOf(v+1, d.Mentions[sp].Entity)) {
			continue // (وأضاف التقرير أن ...: the report goes on, not the speaker; وأضاف سلال: the speaker by a name the tagger missed)
		}
		// a carried pair's a is its verb: its features are read from there
		for _, j := range ms {
			if m := d.Mentions[j]; m.Entity != d.Mentions[sp].Entity && m.Start > v && m.Start-v <= carriedSpan {
				out = append(out, pair{si: si, a: v, b: b, s: sp, o: j, carried: true})
			}
		}
	}
	return out
}

// maxDesc is how many tokens a description after a person's name
// (descEnd) may have.
const maxDesc = 16

// descEnd returns the token after the description that follows the name of
// mention mi, a person's in Arabic: a title or role right after it (or
// between commas after it) and the words of the same noun phrase (ولي ولي العهد النائب الثاني لرئيس مجلس
// الوزراء وزير الدفاع), up to a preposition, a word with و, a verb, a
// punctuation mark, an indefinite word that is no title (أمس، مساء) or
// another person's name (and that name's own title). The mention's End
// when none follows.
func (x *extractor) descEnd(mi int) int {
	if e := x.descEnds[mi]; e > 0 {
		return e
	}
	e := x.findDescEnd(mi)
	x.descEnds[mi] = e
	return e
}

func (x *extractor) findDescEnd(mi int) int {
	m := &x.d.Mentions[mi]
	if !x.ar || m.Type != "Person" || m.End >= len(x.d.Tokens) {
		return m.End
	}
	si := x.d.Tokens[m.Start].Sentence
	if si < 0 || si >= len(x.sentTok) {
		return m.End
	}
	b := x.sentTok[si][1]
	j := m.End
	comma := x.isComma(j) // an apposition between commas (لافروف، وزير الخارجية الروسي، ...)
	if comma {
		j++
	}
	if j >= b || !x.descRole(j) || x.words[j].Conj != "" {
		return m.End
	}
	end := m.End
	for k := j; k < b && k < m.End+maxDesc; {
		if x.isBoundary(k) || x.words[k].Conj != "" || arPreps[x.bare[k]] || arThat[x.bare[k]] {
			break
		}
		if mi2 := x.mAt[k]; mi2 >= 0 {
			o := &x.d.Mentions[mi2]
			if o.Type == "Person" && o.Entity != m.Entity || o.End <= k {
				if t := x.titleAt[mi2]; t >= m.End && t < end {
					end = t // that name's own title
				}
				break
			}
			k = o.End
			end = k
			continue
		}
		if tr, _, _ := x.verbAt(k); tr != nil {
			break
		}
		if !x.descRole(k) && x.words[k].Article == "" {
			break
		}
		k++
		end = k
	}
	if comma {
		if end <= j || end >= b || !x.isComma(end) {
			return m.End // no closing comma: not known to be a description
		}
		end++ // its closing comma
	}
	return end
}

// gapStart returns where the words between mentions lo and hi (lo first)
// begin: after lo's description (descEnd) when it ends before hi, else
// after lo.
func (x *extractor) gapStart(lo, hi Mention) int {
	if lo.Type != "Person" || !x.ar {
		return lo.End
	}
	if mi := x.mAt[lo.Start]; mi >= 0 {
		if e := x.descEnd(mi); e <= hi.Start {
			return e
		}
	}
	return lo.End
}

// nameWordOf reports whether token j is written as a word of a name of
// entity e in the text (its family name: سلال of عبد المالك سلال), with or
// without the article.
func (x *extractor) nameWordOf(j int, e string) bool {
	w := stripArticle(x.bare[j])
	if len([]rune(w)) < 3 {
		return false
	}
	for _, m := range x.d.Mentions {
		if m.Entity != e {
			continue
		}
		for k := m.Start; k < m.End; k++ {
			if stripArticle(x.norm[k]) == w || stripArticle(x.bare[k]) == w {
				return true
			}
		}
	}
	return false
}

// disagrees reports whether the Arabic verb at v, a trigger in its
// masculine form (طالب، دعا), cannot have the organisation m as its
// subject: m's name is feminine (its first word ends in ة, or is a
// feminine broken plural, ar_feminine_plural: الأمم المتحدة), so it would
// take the feminine verb (طالبت): m is the verb's object.
func (x *extractor) disagrees(v int, m Mention) bool {
	return m.Type == "Organization" && x.verbGender(v) == "m" && x.nameGender(m) == "f"
}

// verbGender returns the gender of the Arabic verb trigger at v: "f" for
// its feminine form (feminineVerb: قالت، تقول), "m" for a trigger's own
// form (قال، طالب), "" for any other word.
func (x *extractor) verbGender(v int) string {
	switch {
	case !x.ar || v < 0 || v >= len(x.bare):
		return ""
	case x.feminineVerb(v):
		return "f"
	case arTriggers[x.bare[v]] != nil && !strings.HasPrefix(x.bare[v], "ت"):
		return "m"
	}
	return ""
}

// nameGender returns the grammatical gender of the Arabic name of mention
// m as a verb's subject: "f" for a country (أعلنت روسيا) and for an
// organisation whose first word ends in ة or is a feminine broken plural
// (ar_feminine_plural: الأمم المتحدة), "m" for other organisations and for
// persons, "" for other places and nationality adjectives.
func (x *extractor) nameGender(m Mention) string {
	switch {
	case !x.ar || m.Demonym:
		return ""
	case m.Type == "Location" && m.Role == "country":
		return "f"
	case m.Type == "Organization":
		w := x.words[m.Start]
		if f := arabic.MatchForm(w.Article + w.Stem); strings.HasSuffix(f, "ه") || arFemPlural[f] {
			return "f"
		}
		return "m"
	case m.Type == "Person":
		return "m"
	}
	return ""
}

// agreement returns "agree" or "disagree" for the verb at v and the name
// of mention m, "" when either gender is unknown (verbGender, nameGender).
func (x *extractor) agreement(v int, m Mention) string {
	vg, ng := x.verbGender(v), x.nameGender(m)
	switch {
	case vg == "" || ng == "":
		return ""
	case vg == ng:
		return "agree"
	}
	return "disagree"
}

// pronounVerb returns the English verb of a sentence of tokens [a, b) that
// opens with a subject pronoun (en_subject_pronoun: He added that ..., She
// later told reporters ...): a verb trigger or a cue word, after at most
// two adverbs or auxiliaries (en_pronoun_adverb); -1 for any other
// sentence.
func (x *extractor) pronounVerb(a, b int) int {
	if x.ar || a >= b || !enPronoun[x.bare[a]] {
		return -1
	}
	for v := a + 1; v < b && v <= a+3; v++ {
		if x.trigAt(v) != nil || len(x.tok(v).cues) > 0 {
			return v
		}
		if !enPronounAdverb[x.bare[v]] {
			return -1
		}
	}
	return -1
}

// clauseVerb returns the verb that opens the sentence of tokens [a, b)
// (opensWithVerb), or in Arabic the one right after a particle that goes on
// with the last subject (ar_clause_particle: كما دعا، ثم أكد), not أن/إن;
// -1 when the sentence opens otherwise.
func (x *extractor) clauseVerb(a, b int) int {
	if x.opensWithVerb(a, b) {
		return a
	}
	if !x.ar || a+1 >= b || x.mAt[a] >= 0 || !arClauseOpener[x.bare[a]] {
		return -1
	}
	v := a + 1
	if x.mAt[v] >= 0 || arThat[x.bare[v]] || x.words[v].Article != "" {
		return -1
	}
	if x.trigAt(v) != nil || x.words[v].Conj == "" && verbShaped(x.words[v].Stem) {
		return v
	}
	return -1
}

// opensWithVerb reports whether the sentence of tokens [a, b) begins with
// a verb (after و or ف): a trigger, or a word that is not a mention and
// has a verb's prefix or ending.
func (x *extractor) opensWithVerb(a, b int) bool {
	if a >= b || x.mAt[a] >= 0 {
		return false
	}
	if x.trigAt(a) != nil {
		return true
	}
	if !x.ar {
		return false
	}
	w := x.words[a]
	return w.Conj != "" && w.Article == "" && verbShaped(w.Stem)
}

// verbShaped reports whether an Arabic stem of three letters or more has a
// verb's prefix (ي ت ا) or ending (ت ا).
func verbShaped(stem string) bool {
	rs := []rune(arabic.MatchForm(stem))
	if len(rs) < 3 {
		return false
	}
	switch rs[0] {
	case 'ي', 'ت', 'ا':
		return true
	}
	switch rs[len(rs)-1] {
	case 'ت', 'ا':
		return true
	}
	return false
}

// rulePairs indexes the rules' relations by subject, object and sentence
// start.
func rulePairs(rules []model.Relation) map[[3]string][]string {
	byPair := map[[3]string][]string{}
	for _, r := range rules {
		k := [3]string{r.Subject, r.Object, strconv.Itoa(r.Evidence.Start)}
		byPair[k] = append(byPair[k], r.Predicate)
	}
	return byPair
}

// features emits the features of candidate pr: those of pairFeatures and
// the rules' verdicts on the pair ("rule=" + predicate, "rulerev=" for the
// other direction). The slice emit receives is reused: copy it to keep it.
func (x *extractor) features(pr pair, byPair map[[3]string][]string, emit func([]byte)) {
	if pr.carried {
		x.carriedFeatures(pr, emit)
	} else {
		x.pairFeatures(pr.a, pr.b, pr.s, pr.o, emit)
	}
	s, o := x.d.Mentions[pr.s].Entity, x.d.Mentions[pr.o].Entity
	st := strconv.Itoa(x.d.Sentences[pr.si].Start)
	for _, p := range byPair[[3]string{s, o, st}] {
		x.emitFeature(emit, "rule=", p)
	}
	for _, p := range byPair[[3]string{o, s, st}] {
		x.emitFeature(emit, "rulerev=", p)
	}
}

func gapBucket(n int) string {
	switch {
	case n <= 2:
		return strconv.Itoa(n)
	case n <= 4:
		return "3-4"
	case n <= 7:
		return "5-7"
	case n <= 12:
		return "8-12"
	case n <= 20:
		return "13-20"
	}
	return "21+"
}

// tokFeat caches what the features read of one token.
type tokFeat struct {
	word, stem, lemma string
	class             string // the word's cluster (150 classes), "" when unknown
	trig              *trigger
	cues              []string // the relation types the word evokes (cueOf)
}

// tok returns the cached features of token k, computed on first use.
func (x *extractor) tok(k int) *tokFeat {
	if x.toks == nil {
		x.toks = make([]*tokFeat, len(x.d.Tokens))
	}
	if t := x.toks[k]; t != nil {
		return t
	}
	sm := "" // MatchForm of the stem, which stem, lemma and class read
	if x.ar && x.mAt[k] < 0 {
		sm = arabic.MatchForm(x.words[k].Stem)
	}
	t := &tokFeat{word: x.wordOf(k), stem: x.stemOf(k, sm), lemma: x.lemmaOf(k, sm), class: x.classOf(k, sm)}
	var after int
	t.trig, after, _ = x.verbAt(k)
	if t.trig != nil && t.trig.needs != nil && x.neededAt(t.trig, after, x.sentenceEndOf(k)) < 0 {
		// a trigger without the word it needs (قوات for نشر، عقوبات for
		// فرض) is no trigger of the features either, as of the rules
		// (neededWord): نشرت الصحيفة "the paper published" deploys no troops
		t.trig = nil
	}
	t.cues = x.cueOf(k, sm, t.lemma)
	x.toks[k] = t
	return t
}

// sentenceEndOf returns the end (exclusive) of the tokens of the
// sentence of token k.
func (x *extractor) sentenceEndOf(k int) int {
	i := sort.Search(len(x.sentTok), func(i int) bool { return x.sentTok[i][1] > k })
	if i == len(x.sentTok) || x.sentTok[i][0] > k {
		return k + 1 // between sentences
	}
	return x.sentTok[i][1]
}

// cueOf returns the relation types token k evokes (the lexicon's cues:
// triggers, action nouns and the words of its cues section), nil for
// mentions and other words. sm is the MatchForm of its stem, lemma its
// lemma.
func (x *extractor) cueOf(k int, sm, lemma string) []string {
	if x.mAt[k] >= 0 {
		return nil
	}
	var out []string
	addAll := func(ps []string) {
		for _, p := range ps {
			if !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
	}
	if !x.ar {
		addAll(lex.EnCues[x.bare[k]])
		if lemma != "" {
			addAll(lex.EnCues[lemma])
		}
		forEachEnCueForm(x.bare[k], func(f string) { addAll(lex.EnCues[f]) })
		return out
	}
	if notCue(x.d.Tokens[k].Text, x.bare[k]) {
		return nil
	}
	taMarbuta := strings.HasSuffix(x.d.Tokens[k].Text, "ة") // no verb ends in ة
	if !taMarbuta {
		vc := verbCandidates(x.norm[k])
		for _, c := range vc.all() {
			addAll(lex.ArCues[c.form])
		}
	}
	if sm != "" && (x.words[k].Article == "" || !lex.ArCueImperfect[sm]) {
		addAll(lex.ArCues[sm])
	}
	forEachCueForm(x.norm[k], taMarbuta, func(f string, not map[string]bool) {
		if !not[f] {
			addAll(lex.ArCues[f])
		}
	})
	return out
}

// forEachEnCueForm calls f with the readings of an English word (lower
// case) as an inflected form of a cue word that lemmaOf misses: the
// silent e its ending took (accused, praising: accuse, praise), a final
// consonant it doubled (banned: ban), the d or s of a short verb (urged,
// urges: urge).
func forEachEnCueForm(w string, f func(string)) {
	for _, suf := range []string{"ing", "ed", "es"} {
		r, ok := strings.CutSuffix(w, suf)
		if !ok || len(r) < 2 {
			continue
		}
		f(r + "e")
		if n := len(r); n >= 3 && r[n-1] == r[n-2] {
			f(r[:n-1])
		}
	}
	for _, suf := range []string{"d", "s"} {
		if r, ok := strings.CutSuffix(w, suf); ok && len(r) >= 3 {
			f(r)
		}
	}
}

// Clitics a cue word may carry (MatchForm): the word is looked up without
// each that it starts or ends with, so that only the lexicon decides what
// is a clitic (بغزو is ب + غزو because غزو is a cue). The second person
// (ـك، ـكم) is left out: news hardly speaks to its reader, and هناك
// "there" is no هنأ "congratulated" + ك.
var (
	cuePrefixes = []string{"و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "ال", "وال", "بال", "فال", "كال", "وبال", "فبال", "لل", "ولل", "فلل"}
	cueSuffixes = []string{"ه", "ها", "هم", "هما", "هن", "ي", "نا"}
)

// forEachCueForm calls f with each reading of the Arabic word w (MatchForm)
// without the clitics it may carry: a feminine ending before a pronoun
// (زيارته) is read as ة (ه in MatchForm), a hamza on ي (لقائه) as ء, and
// the alif of an indefinite noun in the accusative (دعما، اجتماعا، عضوا،
// مستشارا) is left off, though not after ي, where the word is an adverb
// made of an adjective (اجتماعيا "socially", ثنائيا) or a name (تركيا),
// nor where it ends a pronoun or a verb (نجدها، زارتا); the word
// without it is read as it is, not again without a suffix. A word with
// the article takes no pronoun after it (الاجتماعي is no اجتماع + ي,
// التركي no ترك + ي) and is no verb's imperfect (التقدم "progress" is no
// تقدم "she presents"). taMarbuta says the word was written with ة, whose
// ه in MatchForm is no pronoun (وزارة is no وزار + ه, الجمعة no جمع + ه;
// the lexicon lists the feminine of its nouns, مستشارة). f is told which
// of the lexicon's forms the reading cannot be (nil: any): ArCueImperfect
// after the article, ArCueVerbs with the possessive ي (أيدي is no أيد +
// ي).
func forEachCueForm(w string, taMarbuta bool, f func(form string, not map[string]bool)) {
	try := func(stem string, not map[string]bool) {
		if utf8.RuneCountInString(stem) < 3 {
			return
		}
		f(stem, not)
	}
	withSuffixes := func(stem string, article bool) {
		if article {
			try(stem, lex.ArCueImperfect)
			return
		}
		try(stem, nil)
		if r, ok := strings.CutSuffix(stem, "ا"); ok && !strings.HasSuffix(r, "ي") && !strings.HasSuffix(r, "ه") && !strings.HasSuffix(r, "ت") {
			try(r, nil)
		}
		for _, suf := range cueSuffixes {
			if suf == "ه" && taMarbuta {
				continue
			}
			if r, ok := strings.CutSuffix(stem, suf); ok && utf8.RuneCountInString(r) >= 3 {
				if suf == "ي" {
					try(r, lex.ArCueVerbs)
				} else {
					try(r, nil)
				}
				if t, ok := strings.CutSuffix(r, "ت"); ok {
					try(t+"ه", nil)
				}
				if t, ok := strings.CutSuffix(r, "ي"); ok && strings.HasSuffix(t, "ا") {
					try(t+"ء", nil)
				}
			}
		}
	}
	for _, pre := range cuePrefixes {
		if r, ok := strings.CutPrefix(w, pre); ok && utf8.RuneCountInString(r) >= 3 {
			withSuffixes(r, strings.Contains(pre, "ال") || strings.HasSuffix(pre, "لل"))
		}
	}
	withSuffixes(w, false)
}

func (x *extractor) cues(k int) []string { return x.tok(k).cues }

func (x *extractor) word(k int) string     { return x.tok(k).word }
func (x *extractor) stem(k int) string     { return x.tok(k).stem }
func (x *extractor) lemma(k int) string    { return x.tok(k).lemma }
func (x *extractor) trigAt(k int) *trigger { return x.tok(k).trig }
func (x *extractor) class(k int) string    { return x.tok(k).class }

// classOf returns the word cluster of an Arabic token (its middle level,
// 150 classes, learnt from Arabic Wikipedia), "" for mentions, English and
// words the table lacks: lexical features that generalise to words the
// training set never saw.
func (x *extractor) classOf(k int, sm string) string {
	if !x.ar || x.mAt[k] >= 0 {
		return ""
	}
	t, err := clusters.Default()
	if err != nil || t == nil {
		return ""
	}
	w := x.words[k]
	for _, f := range []string{w.MF, arabic.MatchForm(w.Article + w.Stem), sm} {
		if c, ok := t.Lookup(f); ok {
			return strconv.Itoa(int(c.C[1]))
		}
	}
	return ""
}

// wordOf returns the form of token k used as a lexical feature: without
// the conjunction, in MatchForm (lower case in English).
func (x *extractor) wordOf(k int) string {
	if x.mAt[k] >= 0 {
		return "<" + x.d.Mentions[x.mAt[k]].Type + ">"
	}
	if segment.IsNumber(x.d.Tokens[k].Text) {
		return "<num>"
	}
	return x.bare[k]
}

// stemOf returns the token's stem without clitics (Arabic), sm, or "".
func (x *extractor) stemOf(k int, sm string) string {
	if !x.ar || x.mAt[k] >= 0 {
		return ""
	}
	return sm
}

// carriedFeatures describes a carried pair: the subject's type, the verb
// that opens the sentence, the words before the object.
func (x *extractor) carriedFeatures(pr pair, emit func([]byte)) {
	add := func(parts ...string) { x.emitFeature(emit, parts...) }
	S, O := x.d.Mentions[pr.s], x.d.Mentions[pr.o]
	types := S.Type + ">" + O.Type
	add("carried")
	add("carried|types=", types)
	add("carried|gap=", gapBucket(x.wordCount(pr.a, x.outerStart(&O))))
	if lm := x.lemma(pr.a); lm != "" {
		add("carried|verb=", lm)
		add("carried|verb=", lm, "|", O.Type)
	}
	if tr := x.trigAt(pr.a); tr != nil {
		add("carried|trig=", tr.pred)
		add("carried|trig=", tr.pred, "|", types)
	}
	if O.Demonym {
		add("carried|odem")
	}
	if ag := x.agreement(pr.a, O); ag != "" {
		add("carried|overb=", ag)
	}
	if p := x.prefixOf(&O); p != "" {
		add("carried|opfx=", p)
	}
	for k, n := x.outerStart(&O)-1, 1; k > pr.a && n <= 3; k-- {
		if x.nameQuote[k] {
			continue
		}
		add("carried|l", strconv.Itoa(n), "=", x.word(k))
		if lm := x.lemma(k); lm != "" {
			add("carried|ll=", lm)
		}
		if tr := x.trigAt(k); tr != nil {
			add("carried|ltrig=", tr.pred)
		}
		n++
	}
	others := 0
	for k := pr.a; k < O.Start; k++ {
		if x.mAt[k] >= 0 && (k == pr.a || x.mAt[k] != x.mAt[k-1]) {
			others++
		}
	}
	add("carried|others=", strconv.Itoa(min(others, 3)))
}

// emitFeature joins parts into the feature buffer and emits it (the slice
// is reused: emit copies it to keep it).
func (x *extractor) emitFeature(emit func([]byte), parts ...string) {
	x.fbuf = x.fbuf[:0]
	for _, p := range parts {
		x.fbuf = append(x.fbuf, p...)
	}
	emit(x.fbuf)
}

// lemmaOf returns a rough lemma of token k (sm: the MatchForm of its
// stem) for lexical features that generalise over inflection: in Arabic the stem without the imperfect and
// future prefixes and the person, number and pronoun endings (يلتقي,
// التقت, والتقوا -> التقي), in English the word without -s, -ed, -ing.
// "" for mentions, numbers and short words.
func (x *extractor) lemmaOf(k int, sm string) string {
	if x.mAt[k] >= 0 || segment.IsNumber(x.d.Tokens[k].Text) {
		return ""
	}
	if !x.ar {
		w := x.bare[k]
		for _, suf := range []string{"ing", "ed", "es", "s"} {
			if r, ok := strings.CutSuffix(w, suf); ok && len(r) >= 4 {
				return r
			}
		}
		if len(w) < 3 {
			return ""
		}
		return w
	}
	rs := []rune(sm)
	if len(rs) >= 5 && rs[0] == 'س' && (rs[1] == 'ي' || rs[1] == 'ت' || rs[1] == 'ن') {
		rs = rs[1:]
	}
	if len(rs) >= 4 && (rs[0] == 'ي' || rs[0] == 'ت' || rs[0] == 'ن') {
		rs = rs[1:]
	}
	w := string(rs)
	for _, suf := range []string{"وها", "وهم", "ها", "هم", "وا", "ون", "ان", "تا", "ت", "ه", "ا", "ي"} {
		if r, ok := strings.CutSuffix(w, suf); ok && len([]rune(r)) >= 3 {
			w = r
			break
		}
	}
	if len([]rune(w)) < 3 {
		return ""
	}
	return w
}

// betweenFeatures emits the features of token k between the two mentions
// of a pair of direction dir and entity types types: the word, its stem
// and lemma, its trigger. They depend on k, dir and types only, so that
// scoring caches their weights (scorer.addToken).
func (x *extractor) betweenFeatures(k int, dir, types string, emit func([]byte)) {
	x.betweenDir(k, dir, emit)
	x.betweenTypes(k, types, emit)
}

// betweenDir emits the features of a token between the mentions that
// depend on the direction of the pair only.
func (x *extractor) betweenDir(k int, dir string, emit func([]byte)) {
	add := func(parts ...string) { x.emitFeature(emit, parts...) }
	w := x.word(k)
	add("bw=", w, "|", dir)
	if st := x.stem(k); st != "" && st != w {
		add("bs=", st, "|", dir)
	}
	if lm := x.lemma(k); lm != "" {
		add("bl=", lm, "|", dir)
	}
	if c := x.class(k); c != "" {
		add("bc=", c, "|", dir)
	}
	if tr := x.trigAt(k); tr != nil {
		add("btrig=", tr.pred, "|", dir)
	}
	for _, c := range x.cues(k) {
		add("bcue=", c, "|", dir)
	}
}

// betweenTypes emits the features of a token between the mentions that
// depend on the entity types of the pair only.
func (x *extractor) betweenTypes(k int, types string, emit func([]byte)) {
	add := func(parts ...string) { x.emitFeature(emit, parts...) }
	if lm := x.lemma(k); lm != "" {
		add("bl=", lm, "|", types)
	}
	if tr := x.trigAt(k); tr != nil {
		add("btrig=", tr.pred, "|", types)
	}
	for _, c := range x.cues(k) {
		add("bcue=", c, "|", types)
	}
}

// pairView is a candidate pair as pairFeatures and cueFeatures describe it.
type pairView struct {
	a, b  int      // the sentence's tokens [a, b)
	S, O  *Mention // the subject and the object
	L, R  *Mention // the first and the second of them in the text
	dir   string   // "SO" when the subject comes first, else "OS"
	types string   // the subject's type, ">", the object's type
	// lx is where the first mention's phrase starts (at its title, if a
	// title phrase of the sentence stands before it), rx where the words
	// between the two end (at the second mention's title, if any), bx
	// where they begin (after the first mention's description, if any:
	// descEnd)
	lx, rx, bx int
	emit       func([]byte)
}

// pairFeatures describes the candidate (subject mention si, object mention
// oi) in the sentence of tokens [a, b): the two mentions, the words between
// them and around them, the cue words and the nearest trigger.
func (x *extractor) pairFeatures(a, b, si, oi int, emit func([]byte)) {
	pv := pairView{a: a, b: b, S: &x.d.Mentions[si], O: &x.d.Mentions[oi], dir: "SO", emit: emit} // subject first
	pv.L, pv.R = pv.S, pv.O
	if pv.O.Start < pv.S.Start {
		pv.dir = "OS"
		pv.L, pv.R = pv.O, pv.S
	}
	pv.types = pv.S.Type + ">" + pv.O.Type
	x.titleEdges(&pv)
	x.mentionFeatures(&pv)
	x.betweenSummary(&pv)
	x.contextFeatures(&pv)
	x.cueFeatures(&pv)
	x.nearestTrigger(&pv)
}

// mentionFeatures emits the features of the two mentions of a pair: the
// direction, the types, the gap between them, their nationality
// adjectives, roles and clitics, and whether the object is the subject's
// country.
func (x *extractor) mentionFeatures(pv *pairView) {
	add := func(parts ...string) { x.emitFeature(pv.emit, parts...) }
	S, O, dir, types := pv.S, pv.O, pv.dir, pv.types
	add("dir=", dir)
	add("types=", types)
	add("types|dir=", types, "|", dir)
	add("gap=", gapBucket(x.wordCount(pv.bx, x.outerStart(pv.R))), "|", dir)
	if S.Demonym {
		add("sdem")
	}
	if O.Demonym {
		add("odem")
		add("odem|", S.Type)
	}
	if S.Role != "" {
		add("srole=", S.Role)
	}
	if O.Role != "" {
		add("orole=", O.Role, "|", S.Type)
	}
	if x.country[S.Entity] == O.Entity {
		add("scountry=o")
	}
	if p := x.prefixOf(S); p != "" {
		add("spfx=", p)
	}
	if p := x.prefixOf(O); p != "" {
		add("opfx=", p, "|", dir)
	}
	// a verb right before the first mention (before its title): whether
	// that mention can be its subject (طالبت الأمم المتحدة، طالب الأمم
	// المتحدة: the UN asks, or is asked)
	if v := pv.lx - 1; x.ar && v >= pv.a && x.prefixOf(pv.L) == "" {
		if ag := x.agreement(v, *pv.L); ag != "" {
			add("lverb=", ag, "|", dir)
		}
	}
}

// titleEdges sets pv.lx and pv.rx and emits a feature for each mention a
// title phrase introduces: a title phrase before the second mention is its
// own, so the words between end where it starts.
func (x *extractor) titleEdges(pv *pairView) {
	add := func(parts ...string) { x.emitFeature(pv.emit, parts...) }
	L, R := pv.L, pv.R
	pv.rx = x.outerStart(R)
	if t := x.titleAt[x.mAt[R.Start]]; t >= L.End && t < pv.rx {
		pv.rx = t
		add("rtitle|", pv.dir)
	}
	pv.lx = x.outerStart(L)
	if t := x.titleAt[x.mAt[L.Start]]; t >= pv.a && t < pv.lx {
		pv.lx = t
		add("ltitle|", pv.dir)
	}
	pv.bx = x.outerEnd(L)
	if L.Type == "Person" && x.ar {
		if e := x.descEnd(x.mAt[L.Start]); e > pv.bx && e <= pv.rx {
			pv.bx = e
			add("ldesc|", pv.dir)
		}
	}
}

// betweenSummary emits the features of the words between the two
// mentions: each word's (betweenFeatures, or the scorer's cached weights
// of them), the first and last of them, how many other mentions, and
// whether a speech verb, a complementiser (أن, that, or a colon, which
// news writes after the speaker more often than the training passages
// do, and the quote that may follow it) or another boundary stands
// between.
func (x *extractor) betweenSummary(pv *pairView) {
	add := func(parts ...string) { x.emitFeature(pv.emit, parts...) }
	bx, rx, dir, types := pv.bx, pv.rx, pv.dir, pv.types
	others, speech, an, boundary := 0, false, false, false
	first, second, last, gapx := -1, -1, -1, 0 // the words between, quotes of names aside
	for k := bx; k < rx; k++ {
		if x.nameQuote[k] {
			continue
		}
		switch gapx {
		case 0:
			first = k
		case 1:
			second = k
		}
		last = k
		gapx++
		w := x.word(k)
		if x.mAt[k] >= 0 {
			if k == bx || x.mAt[k] != x.mAt[k-1] {
				others++
			}
		}
		if x.sc != nil {
			x.sc.addToken(x, k, dir, types, pv.S.Type, pv.O.Type)
		} else {
			x.betweenFeatures(k, dir, types, pv.emit)
		}
		if tr := x.trigAt(k); tr != nil && tr.speech {
			speech = true
		}
		switch {
		case x.ar && (w == "ان" || w == "بان" || w == "لان") || !x.ar && w == "that" || x.norm[k] == ":":
			an = true // a colon opens what was said as أن/إن does (وقال الجبير: «...»)
		case x.isBoundary(k) && !(isQuote(x.norm[k]) && k > bx && x.norm[k-1] == ":"):
			boundary = true
		}
	}
	if gapx > 0 {
		add("bw1=", x.word(first), "|", dir)
		add("bwl=", x.word(last), "|", dir)
		if gapx > 1 {
			add("bw12=", x.word(first), "_", x.word(second), "|", dir)
		}
	} else if x.outerStart(pv.R)-bx == 0 {
		add("adjacent|", dir, "|", types)
	}
	add("others=", strconv.Itoa(min(others, 3)))
	if speech {
		add("speech|", dir)
	}
	if an {
		add("an|", dir)
	}
	if boundary {
		add("punct|", dir)
	}
}

// contextFeatures emits the features of the words before the first
// mention (up to three, in its sentence) and after the second (up to two),
// and whether the first mention opens the sentence.
func (x *extractor) contextFeatures(pv *pairView) {
	add := func(parts ...string) { x.emitFeature(pv.emit, parts...) }
	a, lx, dir, types := pv.a, pv.lx, pv.dir, pv.types
	for k, n := lx-1, 1; k >= a && n <= 3; k-- {
		if x.nameQuote[k] {
			continue
		}
		w := x.word(k)
		if n <= 2 {
			add("l", strconv.Itoa(n), "=", w, "|", dir)
		}
		if tr := x.trigAt(k); tr != nil {
			add("ltrig=", tr.pred, "|", dir)
			add("ltrig=", tr.pred, "|", types)
		}
		if st := x.stem(k); n == 1 && st != "" && st != w {
			add("ls=", st, "|", dir)
		}
		if lm := x.lemma(k); lm != "" {
			add("ll=", lm, "|", dir)
		}
		if c := x.class(k); c != "" && n <= 2 {
			add("lc", strconv.Itoa(n), "=", c, "|", dir)
		}
		n++
	}
	for k, n := x.outerEnd(pv.R), 1; k < pv.b && n <= 2; k++ {
		if x.nameQuote[k] {
			continue
		}
		add("r", strconv.Itoa(n), "=", x.word(k), "|", dir)
		n++
	}
	if lx == a {
		add("first|", dir)
	}
}

// nearestTrigger emits the trigger nearest the pair (between the mentions,
// else up to four tokens before the first): its predicate with the order
// of the subject, trigger and object (VSO, SVO, SOV...), and its lemma.
func (x *extractor) nearestTrigger(pv *pairView) {
	add := func(parts ...string) { x.emitFeature(pv.emit, parts...) }
	bx, lx, dir := pv.bx, pv.lx, pv.dir
	for k := pv.rx - 1; k >= max(pv.a, lx-4); k-- {
		if k >= lx && k < bx {
			continue
		}
		tr := x.trigAt(k)
		if tr == nil {
			continue
		}
		pos := "V" + map[bool]string{true: "SO", false: "OS"}[dir == "SO"]
		if k >= bx {
			pos = map[bool]string{true: "SVO", false: "OVS"}[dir == "SO"]
		}
		add("near=", tr.pred, "|", pos)
		if lm := x.lemma(k); lm != "" {
			add("nearl=", lm, "|", pos)
		}
		break
	}
}

// cueWindow is how far before the first mention cue words count.
const cueWindow = 8

// cueFeatures emits the cue words around a pair (pv: mentions L before R;
// S the subject, O the object): those before L in its clause (up to
// cueWindow tokens), just after R, the nearest one with the preposition
// that governs the object, and that preposition alone.
func (x *extractor) cueFeatures(pv *pairView) {
	add := func(parts ...string) { x.emitFeature(pv.emit, parts...) }
	a, b, lx, rx, R, dir, types := pv.a, pv.b, pv.lx, pv.rx, pv.R, pv.dir, pv.types
	sx, ox := lx, rx
	if dir == "OS" {
		sx, ox = rx, lx
	}
	nearest, pos := []string(nil), ""
	for k := pv.bx; k < rx && nearest == nil; k++ {
		if cs := x.cues(k); len(cs) > 0 {
			nearest, pos = cs, "B"
		}
	}
	for k := lx - 1; k >= a && k >= lx-cueWindow; k-- {
		if x.isBoundary(k) && !x.nameQuote[k] {
			break
		}
		cs := x.cues(k)
		for _, c := range cs {
			add("lcue=", c, "|", dir)
			add("lcue=", c, "|", types)
		}
		if nearest == nil && len(cs) > 0 {
			nearest, pos = cs, "L"
		}
	}
	e := x.outerEnd(R)
	for k := e; k < b && k < e+3; k++ {
		if x.nameQuote[k] {
			continue
		}
		if x.isBoundary(k) {
			break
		}
		for _, c := range x.cues(k) {
			add("rcue=", c, "|", dir)
		}
	}
	gov := x.governor(ox, a)
	add("ogov=", gov, "|", dir)
	add("sgov=", x.governor(sx, a), "|", dir)
	for _, c := range nearest {
		add("ncue=", c, "|", pos, "|", dir)
		add("ncue=", c, "|", gov)
		add("ncue=", c, "|", types)
	}
	if nearest == nil {
		add("nocue|", dir)
	}
}

// governor returns the preposition that governs the mention starting at
// j: a separate word just before it or before the title words that
// introduce it (مع نظيره الأمريكي [جون كيري]), or its clitic; "-" when
// none.
func (x *extractor) governor(j, a int) string {
	if x.ar {
		if p := x.prepClitic(j); p != "" {
			return p
		}
		if mi := x.nameAt(j); mi >= 0 {
			if p := x.detached[mi]; p != "" {
				return p // written apart (لـ«الشرق الأوسط»)
			}
			if p := x.prepClitic(x.d.Mentions[mi].Start); p != "" {
				return p // inside the quotes («وللنصرة»)
			}
		}
	}
	for k := j - 1; k >= a && k >= j-5; k-- {
		if x.nameQuote[k] {
			continue
		}
		if x.isBoundary(k) || x.mAt[k] >= 0 && !x.d.Mentions[x.mAt[k]].Demonym {
			break
		}
		w := x.bare[k]
		if x.ar && arPreps[w] || !x.ar && enPreps[w] {
			return w
		}
		if x.ar {
			if p := x.prepClitic(k); p != "" && x.mAt[k] < 0 {
				return p
			}
		}
		if x.trigAt(k) != nil || len(x.cues(k)) > 0 {
			break
		}
	}
	return "-"
}
