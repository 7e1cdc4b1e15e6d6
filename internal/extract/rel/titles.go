package rel

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kg-project/kg/internal/gazetteer"
	"github.com/kg-project/kg/internal/lexicon"
	"github.com/kg-project/kg/internal/text/arabic"
	"github.com/kg-project/kg/internal/translit"
	"github.com/kg-project/kg/internal/vocab"
)

type titleDef struct {
	words []string // folded words
	pred  string
	// needCountryMention: the country must be written as a name (أمير قطر),
	// not only as an adjective (الأمير السعودي is a prince, not a monarch).
	needCountryMention bool
	orgTitle           bool // the object is an organisation (الأمين العام لـ)
	placeTitle         bool // the object is a region or city (محافظ جدة)
}

// arTitles and enTitles are the title phrases of titles.yaml, in order
// (longer phrases first: the first match wins).
var (
	arTitles = titleDefs(lex.ArTitles)
	enTitles = titleDefs(lex.EnTitles)
)

// titleTable is a list of title definitions (each of at least one word,
// as the lexicon gives them) with, for each first word, the definitions
// that begin with it.
type titleTable struct {
	defs    []titleDef
	byFirst map[string][]int // of defs, in table order
}

func titleDefs(ts []lexicon.Title) titleTable {
	t := titleTable{defs: make([]titleDef, len(ts)), byFirst: map[string][]int{}}
	for i, d := range ts {
		t.defs[i] = titleDef{words: d.Words, pred: d.Pred, needCountryMention: d.CountryNamed, orgTitle: d.Org, placeTitle: d.Place}
		t.byFirst[d.Words[0]] = append(t.byFirst[d.Words[0]], i)
	}
	return t
}

// matchTitles returns every title definition of t that matches at token
// i, in table order, with the index after each.
func (x *extractor) matchTitles(i int, t *titleTable) (out []*titleDef, ends []int) {
	if i >= len(x.norm) {
		return nil, nil
	}
	for _, k := range t.byFirst[x.bare[i]] {
		d := &t.defs[k]
		ok := true
		for w, word := range d.words {
			j := i + w
			if j >= len(x.norm) || (x.mAt[j] >= 0 && w > 0 && !x.bodyHead(j) && !x.placeHead(d, w, j)) || x.bare[j] != word {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, d)
			ends = append(ends, i+len(d.words))
		}
	}
	return out, ends
}

// placeHead reports whether token j, word w of the title def, is the last
// word of a place title and begins the name of a place that is no
// country: منطقة of أمير منطقة الجوف, where the gazetteer's name is منطقة
// الجوف.
func (x *extractor) placeHead(def *titleDef, w, j int) bool {
	m := x.mention(j)
	return def.placeTitle && w == len(def.words)-1 && m != nil && m.Start == j && m.Type == "Location" && !x.isCountry(m)
}

// bodyHead reports whether token j begins the name of a public body that
// its nationality relates to a country (الحكومة in الحكومة التركية): a
// title may end with it (رئيس الحكومة التركية, titleRest).
func (x *extractor) bodyHead(j int) bool {
	m := x.mention(j)
	return m != nil && m.Start == j && m.Of != ""
}

// titleRef is a title phrase found in the text.
type titleRef struct {
	pred    string
	object  string // country (or organisation) id, "" when none written
	person  string // person id when the name follows, "" when the title stands alone
	end     int    // token after the phrase
	trigger string
	body    string // the public body whose name the title ended in (رئيس الحكومة التركية), ""
	// orgCountry: the nationality adjective after the organisation's name
	// (هيئة الهلال الأحمر [السعودي]): the body's, not the holder's office
	orgCountry string
	// countryTitle: the title is a country's office (not an organisation's
	// or a region's)
	countryTitle bool
	// placeTitle: the title is an office of a region or city (أمير منطقة
	// الرياض), which says nothing of the holder's country
	placeTitle bool
	// needCountry: the title holds only with its country written as a
	// name (titleDef.needCountryMention: الأمير is also an honorific)
	needCountry bool
	// oneWord: the title is one word (رئيس, not رئيس الوزراء)
	oneWord bool
	// former: the title is a former holder's (السابق): no relation, and
	// none from the model either (noStruct)
	former bool
	// formerOf: the body or country named right after the former
	// holder's السابق (الرئيس السابق للمجلس الوطني السوري), whatever the
	// title's reading
	formerOf string
	// formerHolder: the person named after that body (the title's
	// holder whatever the reading)
	formerHolder string
	// next: 1 + the index of the mention of a person named after the
	// title and a comma (وزير الخارجية السعودي، عادل الجبير،), 0 for
	// none: the title's holder when no name before the title can be
	// (titles)
	next int
}

// parseTitleAr reads an Arabic title phrase at i: TITLE [portfolio]
// [COUNTRY | DEMONYM | ORG] [PERSON].
func (x *extractor) parseTitleAr(i int, prevPred string) *titleRef {
	if i < 0 || i >= len(x.bare) {
		return nil // e.g. an honorific that ends the sentence
	}
	var defs []*titleDef
	var ends []int
	if x.bare[i] == wNaziruh || x.bare[i] == wNaziratuh {
		if prevPred == "" {
			return nil
		}
		defs, ends = []*titleDef{{pred: prevPred}}, []int{i + 1}
	} else if arMinister[x.bare[i]] && i+1 < len(x.norm) && x.mAt[i+1] < 0 && strings.HasPrefix(x.norm[i+1], "ال") && x.norm[i+1] != wForeign {
		defs, ends = []*titleDef{{pred: "MINISTER_OF"}}, []int{i + 2}
	} else {
		defs, ends = x.matchTitles(i, &arTitles)
	}
	for k, def := range defs {
		if ref := x.titleRest(i, ends[k], def); ref != nil {
			return ref // (a former holder's too: رئيس الوزراء الأسبق is not رئيس, president, either)
		}
	}
	return nil
}

// titleRest reads what follows the title words: [COUNTRY | DEMONYM | ORG] [PERSON].
func (x *extractor) titleRest(start, j int, def *titleDef) *titleRef {
	ref := &titleRef{pred: def.pred, countryTitle: !def.orgTitle && !def.placeTitle, placeTitle: def.placeTitle, needCountry: def.needCountryMention,
		oneWord: len(def.words) == 1}
	if j < len(x.norm) && x.mAt[j] < 0 && arFormer[x.bare[j]] && j+1 < len(x.norm) && x.mAt[j+1] >= 0 {
		// a former holder's title before its body or country (الرئيس
		// السابق للمجلس الوطني السوري, الأمين العام السابق لحلف الناتو)
		ref.former = true
		of := &x.d.Mentions[x.mAt[j+1]]
		ref.formerOf = of.Entity
		k := of.End
		for k < len(x.norm) && x.mAt[k] < 0 && arTitleToName[x.bare[k]] {
			k++
		}
		if m := x.mention(k); m != nil && m.Start == k && m.Type == "Person" {
			ref.formerHolder = m.Entity
		}
		j++
	}
	if def.orgTitle && j < len(x.mAt) && x.mAt[j] < 0 {
		// an organisation's title may reach its name through في (القيادي
		// في حزب الدعوة, المتحدث الأمني في وزارة الداخلية) or a head noun
		// the name leaves out (رئيس هيئة الهلال الأحمر)
		k := j
		if k < len(x.norm) && arTitleToOrg[x.norm[k]] {
			k++
		}
		if k < len(x.norm) && x.mAt[k] < 0 && x.orgHead(k) {
			k++
		}
		if m := x.mention(k); k > j && m != nil && m.Start == k && m.Type == "Organization" {
			j = k
		}
	}
	// The country, organisation or place.
	if m := x.mention(j); m != nil && m.Start == j {
		switch {
		case def.placeTitle:
			if m.Type == "Location" && !x.isCountry(m) && m.Role != RoleFacility {
				ref.object = m.Entity
				j = m.End
			}
		case def.orgTitle && m.Type == "Organization":
			ref.object = m.Entity
			j = m.End
		case !def.orgTitle && x.isCountry(m) && !(def.needCountryMention && m.Demonym):
			ref.object = m.Entity
			j = m.End
		}
	} else if m := x.mention(j - 1); m != nil && m.Start > start && x.placeHead(def, len(def.words)-1, j-1) {
		// the title's last word begins the place's name: أمير [منطقة
		// الجوف], أمير [المنطقة الشرقية]
		ref.object = m.Entity
		j = m.End
	}
	if ref.countryTitle && ref.object == "" && j < len(x.norm) {
		// the title's last word began a public body's name: رئيس [الحكومة
		// التركية] is Türkiye's prime minister
		if m := x.mention(j); m != nil && m.Start < j && m.Start > start && m.Of != "" {
			ref.object, ref.body = m.Of, m.Entity
			j = m.End
		}
	}
	if (def.orgTitle || def.placeTitle) && ref.object == "" {
		return nil // زعيم / رئيس without an organisation, محافظ without a place: another reading may fit
	}
	// A former holder's title (رئيس الوزراء البريطاني السابق) gives no
	// relation, and the model may give none either (titles): read on for
	// the person it names.
	if j < len(x.norm) && arFormer[x.bare[j]] {
		ref.former = true
		j++
	}
	pj := j
	if pj < len(x.norm) && x.norm[pj] == ")" { // (وزير الدفاع البريطاني) مايكل فالون
		pj++
	}
	if ref.former && pj < len(x.norm) && x.isComma(pj) {
		pj++ // رئيس الوزراء اللبناني الأسبق، سعد الحريري: the former holder
	}
	if m := x.mention(pj); def.orgTitle && ref.object != "" && m != nil && m.Start == pj && m.Demonym {
		pj = m.End // the organisation's nationality: رئيس هيئة الهلال الأحمر [السعودي] الأمير فيصل
		ref.orgCountry = m.Entity
	}
	// adjectives of the holder between the title and the name, before or
	// after the country's (المرجع العراقي [الشيعي] محمود الصرخي, الداعية
	// [الإسلامي] المصري ...)
	for n := 0; n < 2 && pj < len(x.norm) && x.titleAdjective(pj) && !x.longerTitle(start, pj); n++ {
		pj++
		if m := x.mention(pj); ref.countryTitle && ref.object == "" && m != nil && m.Start == pj && x.isCountry(m) && m.Demonym {
			ref.object = m.Entity
			pj = m.End
		}
	}
	for n := 0; n < 3 && pj < len(x.norm) && x.mAt[pj] < 0 && arTitleToName[x.norm[pj]]; n++ {
		pj++ // وزير الداخلية [الأمير] محمد بن نايف
	}
	if m := x.mention(pj); m != nil && m.Start == pj && m.Type == "Person" && !strings.HasPrefix(m.Prefix, "و") && !(x.ar && x.inNamedThing(start)) {
		// (a name joined by و is another person: زعيم الجماعة وعبدالله يحيى;
		// a thing named after the title and name is no holder's: وسام
		// الملك عبد العزيز, مستشفى الملك سعود)
		ref.person = m.Entity
		j = m.End
	} else if m := x.mention(start); ref.countryTitle && m != nil && m.Start == start && m.End > j && m.Type == "Person" && !m.Title && !x.inNamedThing(start) {
		// the title begins the name's span (the gazetteer's الملك سلمان,
		// الرئيس عبدربه منصور هادي): the name is its holder's, unless a
		// thing is named after it (جائزة الملك فيصل)
		ref.person = m.Entity
		j = m.End
	}
	if ref.person == "" && x.ar && pj+1 < len(x.norm) && x.isComma(pj) {
		// a name after the comma, its honorifics before it (وزير الداخلية
		// السعودي، الأمير محمد بن نايف،), that a comma, a colon, a
		// parenthesis, أن or the sentence's end closes: an apposition,
		// not the subject of a clause (عقب لقائه رئيس الوزراء البريطاني،
		// بايدن يعلن ...)
		k := pj + 1
		for n := 0; n < 3 && k < len(x.norm) && x.mAt[k] < 0 && arTitleToName[x.norm[k]]; n++ {
			k++
		}
		if k < len(x.norm) && x.mAt[k] >= 0 {
			if m := &x.d.Mentions[x.mAt[k]]; m.Start == k && m.Type == "Person" && !m.Title && !strings.HasPrefix(m.Prefix, "و") && x.closesApposition(m.End) {
				ref.next = 1 + x.mAt[k]
			}
		}
	}
	ref.end = j
	ref.trigger = x.phrase(start, j)
	return ref
}

// closesApposition reports whether token k closes a name in apposition
// (titleRest's next): a punctuation mark of ar_boundary (a comma, a
// colon, a parenthesis), أن/إن, or the end of the sentence.
func (x *extractor) closesApposition(k int) bool {
	return k >= len(x.norm) || k > 0 && x.d.Tokens[k].Sentence != x.d.Tokens[k-1].Sentence ||
		x.isBoundary(k) || arThat[x.bare[k]]
}

// longerTitle reports whether a title that starts at start goes on to
// token j (الرئيس التنفيذي is a title of its own, not الرئيس described).
func (x *extractor) longerTitle(start, j int) bool {
	_, ends := x.matchTitles(start, &arTitles)
	for _, e := range ends {
		if e > j {
			return true
		}
	}
	return false
}

// titleAdjective reports whether the word at j, in no mention, is an
// adjective that may describe a title's holder before the name: one of
// ar_title_adjective (البارز، المخضرم) or a definite nisba adjective of
// five letters or more (الشيعي، الإسلامي، الصحفي) that is no title word.
func (x *extractor) titleAdjective(j int) bool {
	if x.mAt[j] >= 0 || arTitleToName[x.norm[j]] {
		return false
	}
	w := x.norm[j]
	if arTitleAdjective[w] {
		return true
	}
	if !strings.HasPrefix(w, "ال") || !strings.HasSuffix(w, "ي") || utf8.RuneCountInString(w) < 5 || arFormer[x.bare[j]] {
		return false
	}
	if defs, _ := x.matchTitles(j, &arTitles); len(defs) > 0 {
		return false
	}
	if info, ok := translit.LookupWord(x.stem(j)); ok && info.Class == "noun" {
		return false // a noun of that form (رئيس النادي السعودي: the club's)
	}
	return true
}

// parseTitleEn reads an English title phrase at i:
// [COUNTRY|DEMONYM|ORG] TITLE PERSON, or TITLE PERSON of COUNTRY.
func (x *extractor) parseTitleEn(i int) *titleRef {
	start := i
	var obj *Mention
	j := i
	if m := x.mention(i); m != nil && m.Start == i && (x.isCountry(m) || m.Type == "Organization") {
		obj = m
		j = m.End
	}
	var def *titleDef
	k := j
	if defs, ends := x.matchTitles(j, &enTitles); len(defs) > 0 {
		def, k = defs[0], ends[0]
	}
	if def == nil {
		if j >= len(x.bare) {
			return nil // the text ends with the country or organisation
		}
		// "Defence Minister", "Home Secretary"
		if j+1 < len(x.norm) && (x.bare[j+1] == "minister" || x.bare[j+1] == "secretary") && x.mAt[j] < 0 && isCap(x.d.Tokens[j].Text) {
			def, k = &titleDef{pred: "MINISTER_OF"}, j+2
		} else if x.bare[j] == "chancellor" && i > 0 && obj != nil && obj.Demonym && (x.bare[i] == "german" || x.bare[i] == "austrian") {
			def, k = &titleDef{pred: "PRIME_MINISTER_OF"}, j+1
		} else if obj != nil && obj.Type == "Organization" && obj.End == i+1 && enPartyMember[x.bare[i]] {
			// the noun for a party's member as the title (Democrat John
			// Kerry): a member of the party
			def, k = &titleDef{pred: "MEMBER_OF", orgTitle: true}, j
		} else {
			return nil
		}
	}
	if obj != nil && def.orgTitle != (obj.Type == "Organization") {
		obj = nil
	}
	m := x.mention(k)
	if m == nil || m.Start != k || m.Type != "Person" {
		return x.appositiveTitleEn(start, def, k, obj)
	}
	ref := &titleRef{pred: def.pred, person: m.Entity, end: m.End, countryTitle: !def.orgTitle, needCountry: def.needCountryMention}
	if obj != nil {
		ref.object = obj.Entity
	} else if m.End+1 < len(x.norm) && x.bare[m.End] == "of" {
		if c := x.mention(m.End + 1); c != nil && c.Start == m.End+1 && (x.isCountry(c) || def.orgTitle && c.Type == "Organization") {
			ref.object = c.Entity
			ref.end = c.End
		}
	}
	if ref.object == "" && !ref.countryTitle {
		return nil
	}
	ref.trigger = x.phrase(start, k)
	return ref
}

// appositiveTitleEn reads an English title that no name follows, as it
// stands in apposition after one ("Carla Ferstman, legal director of the
// human rights group Redress, said"; "Jack Straw, the foreign secretary,
// said"): the title def at [start, k), with the country or body obj
// before it (the US secretary of state), or then "of", "for" or "at",
// "the" and at most maxDescWords lower-case words describing the body (the
// charity, the human rights group), and the body's name (a country's for
// a country's title; none needed: titles gives the holder's country).
// The person is left to titles (the name before the comma).
func (x *extractor) appositiveTitleEn(start int, def *titleDef, k int, obj *Mention) *titleRef {
	ref := &titleRef{pred: def.pred, end: k, countryTitle: !def.orgTitle, trigger: x.phrase(start, k)}
	if obj != nil {
		ref.object = obj.Entity // the US secretary of state, the Oxfam director
	} else if k < len(x.bare) && enTitleOf[x.bare[k]] {
		j := k + 1
		if j < len(x.bare) && x.bare[j] == "the" {
			j++
		}
		for n := 0; j < len(x.bare) && x.mAt[j] < 0 && n < maxDescWords; j, n = j+1, n+1 {
			if t := x.d.Tokens[j].Text; isCap(t) || enPreps[x.bare[j]] || x.isBoundary(j) || x.isComma(j) {
				break
			}
		}
		c := x.mention(j)
		if c == nil || c.Start != j || c.Demonym {
			return nil // the head of the delegation, of the party's youth wing
		}
		switch {
		case def.orgTitle && c.Type == "Organization", !def.orgTitle && x.isCountry(c):
			ref.object, ref.end = c.Entity, c.End
		default:
			return nil
		}
	} else if def.orgTitle {
		return nil // the leader: of what?
	}
	if ref.end < len(x.bare) && !x.isComma(ref.end) && !x.isBoundary(ref.end) {
		return nil // the title goes on, or is a verb's object: ", the leader said"
	}
	return ref
}

// modifiedTitleEn reads an English title in apposition after a comma that
// opens with an article or with at most two lower-case words before the
// title's own (", the foreign secretary,", ", legal director of Redress,",
// ", a senior adviser to"): none when one of them says the person does not
// hold the office (en_not_holder: former, deputy), is capitalised, or
// opens a clause (en_relative, en_passive, en_and, en_clause_link: ", who
// was foreign secretary,", ", then foreign secretary,").
func (x *extractor) modifiedTitleEn(i int) *titleRef {
	j := i
	if j < len(x.bare) && (x.bare[j] == "the" || x.bare[j] == "a" || x.bare[j] == "an") {
		j++
	}
	for n := 0; j < len(x.bare); j, n = j+1, n+1 {
		if defs, _ := x.matchTitles(j, &enTitles); len(defs) > 0 || x.mAt[j] >= 0 {
			break // the title, or the country or body before it (the US secretary of state)
		}
		t := x.d.Tokens[j].Text
		if n == 2 || isCap(t) || enNotHolder[x.bare[j]] || enPreps[x.bare[j]] || x.isComma(j) || x.isBoundary(j) ||
			enRelative[x.bare[j]] || enPassive[x.bare[j]] || enAnd[x.bare[j]] || enClauseLink[x.bare[j]] {
			return nil // a clause, not a modifier (", who was foreign secretary,")
		}
	}
	if j == i {
		return nil // parseTitleEn read it
	}
	ref := x.parseTitleEn(j)
	if ref == nil || ref.person != "" {
		return nil
	}
	ref.trigger = x.phrase(i, ref.end)
	return ref
}

// maxDescWords is how many lower-case words may describe a body between an
// English title's "of" and the body's name (the human rights group Redress).
const maxDescWords = 4

// enTitleOf are the words between an English title and its body (chief
// executive of Oxfam, spokesman for the UN, a professor at Cairo
// University): lexicon en_title_of.
var enTitleOf = class("en_title_of")

// enPartyMember are the nouns of lexicon en_party_member (democrat,
// republican): one before a name is the person's party.
var enPartyMember = class("en_party_member")

// lateBefore reports whether the holder of the title at i is marked as
// dead or relieved of it before it: a phrase of ar_late_before (المغفور
// له، الراحل) or ar_relieved (بإعفاء، إقالة) right before the title, or
// before an honorific that ends there (المغفور له خادم الحرمين الشريفين
// الملك عبدالله), or before the name the title follows (بإعفاء الأمير
// مشعل بن عبدالله أمير منطقة مكة).
func (x *extractor) lateBefore(a, i int) bool {
	if x.pastBefore(a, i) {
		return true
	}
	j := i
	if j > a && x.isComma(j-1) {
		j--
	}
	if m := x.mention(j - 1); m != nil && m.Type == "Person" && m.End == j {
		k := m.Start
		for k > a && arTitleToName[x.norm[k-1]] {
			k-- // بإعفاء [الأمير] مشعل
		}
		return x.pastBefore(a, k)
	}
	return false
}

// pastBefore reports whether a phrase of ar_late_before or ar_relieved
// ends right before token i, or before an honorific that ends there.
func (x *extractor) pastBefore(a, i int) bool {
	for _, p := range pastBeforePhrases {
		for _, end := range []int{i, i - 2, i - 3, i - 4} {
			j := end - len(p)
			if j < a || end != i && x.skipHonorific(end) != i {
				continue
			}
			if x.phraseAt(j, p) {
				return true
			}
		}
	}
	return false
}

// lateAfter reports whether a phrase of ar_late_after (رحمه الله، طيب الله
// ثراه) follows the name that ends at end, after a dash, bracket or comma:
// the holder is dead.
func (x *extractor) lateAfter(end, b int) bool {
	for end < b && (x.norm[end] == "-" || x.norm[end] == "(" || x.norm[end] == "،" || x.norm[end] == ",") {
		end++
	}
	for _, p := range lateAfterPhrases {
		if end+len(p) <= b && x.phraseAt(end, p) {
			return true
		}
	}
	return false
}

// phraseAt reports whether the words of p (MatchForm) are written from
// token j, with or without a conjunction on the first.
func (x *extractor) phraseAt(j int, p []string) bool {
	if j < 0 || j+len(p) > len(x.norm) {
		return false
	}
	for k, w := range p {
		if x.norm[j+k] != w && (k > 0 || x.bare[j+k] != w) {
			return false
		}
	}
	return true
}

func isCap(s string) bool {
	for _, r := range s {
		return r >= 'A' && r <= 'Z'
	}
	return false
}

// titles finds the structural relations of titles and appositions in the
// whole article first, so that a title used alone later (رئيس كازاخستان)
// is known to refer to its holder.
func (x *extractor) titles() {
	for si := range x.d.Sentences {
		a, b := x.sentTok[si][0], x.sentTok[si][1]
		prev := ""
		for i := a; i >= 0 && i < b; i++ {
			var ref *titleRef
			if i > a && x.notHolderBefore(i) {
				continue // نائب رئيس ...، Vice President ...
			}
			if x.ar {
				ref = x.parseTitleAr(i, prev)
			} else if ref = x.parseTitleEn(i); ref == nil && i >= 2 && x.isComma(i-1) {
				ref = x.modifiedTitleEn(i) // X, the foreign secretary; X, legal director of Y
			}
			if ref == nil {
				continue
			}
			if x.ar && !ref.former && (x.lateBefore(a, i) || x.lateAfter(ref.end, b)) {
				ref.former = true // المغفور له الملك عبدالله، الملك فيصل رحمه الله
			}
			if ref.former {
				if ref.formerOf != "" && ref.formerHolder != "" {
					x.noStruct[noStructKey{si, ref.formerHolder, ref.formerOf}] = true
				}
				// no relation, from the rules or the model, between the
				// former office and the name it follows or precedes, nor
				// the holder's country when the title does not name it
				for _, k := range []int{i - 1, i - 2, ref.end - 1} {
					m := x.mention(k)
					if k < a || m == nil || m.Type != "Person" {
						continue
					}
					for _, obj := range []string{cmp.Or(ref.object, x.country[m.Entity]), ref.formerOf} {
						if obj != "" {
							x.noStruct[noStructKey{si, m.Entity, obj}] = true
						}
					}
				}
				continue
			}
			prev = ref.pred
			if ref.person != "" && ref.end > i {
				if mi := x.mAt[ref.end-1]; mi >= 0 && x.d.Mentions[mi].Title {
					continue // رئيس مجلس الشورى خادم الحرمين الشريفين: a held title holds no other
				}
				if mi := x.mAt[ref.end-1]; mi >= 0 && x.d.Mentions[mi].Entity == ref.person && x.d.Mentions[mi].Start > i && x.titleAt[mi] < 0 {
					x.titleAt[mi] = i
				}
			}
			apposed := ref.person == "" // the name, if any, stands before the title
			if ref.person == "" && i-2 >= a && x.isComma(i-1) && (!x.ar || x.bare[i] == x.norm[i]) {
				// Apposition after the name: رياض ياسين، وزير الخارجية اليمني
				// (not after "and": محمد بن نايف، ووزير خارجية مصر is
				// another person), unless that name has its title before
				// it and another follows this one after a comma: الرئيس
				// المصري، عبد الفتاح السيسي، وزير الخارجية السعودي، عادل
				// الجبير is the Saudi minister's title, not Sisi's
				if m := x.mention(i - 2); m != nil && m.Type == "Person" && !m.Title && m.End == i-1 &&
					!(ref.next > 0 && x.titleAt[x.mAt[i-2]] >= 0) {
					ref.person = m.Entity
				}
			}
			if ref.person == "" && ref.next > 0 {
				// Apposition before the name, with a comma: وزير الخارجية
				// السعودي، عادل الجبير، قال
				mi := ref.next - 1
				m := &x.d.Mentions[mi]
				ref.person, ref.end = m.Entity, m.End
				apposed = false
				if x.titleAt[mi] < 0 {
					x.titleAt[mi] = i
				}
			}
			if ref.person == "" && x.ar && i > a && x.words[i].Conj == "" {
				// Apposition without a comma, where no verb can take the
				// title as its object: at the start of the sentence (سيب
				// بلاتر رئيس الفيفا) or as the subject of a speech verb
				// (قال نبيل العربي الأمين العام للجامعة العربية), where no verb
				// stands before the name (appositionSlot), or where the
				// sentence goes on with the verb's object (officeObjectAfter).
				// Otherwise the title may be the object (التقى بوتين رئيس
				// وزراء اليابان): not taken. A title with و is the next of a
				// list (سعد زغلول والعاهل الأردني الملك حسين).
				if m := x.mention(i - 1); m != nil && m.Type == "Person" && !m.Title && m.End == i {
					if x.appositionSlot(a, m.Start) || x.officeObjectAfter(ref.end, b) || x.holdsOffice(m, ref) {
						ref.person = m.Entity
					} else if ref.object != "" && ref.countryTitle {
						// a country's title is the verb's object's, not the
						// name's before it: no model may read it as an
						// apposition (an organisation's, عضو مجلس الشورى, is
						// as often the name's: the model decides)
						x.noStruct[noStructKey{si, m.Entity, ref.object}] = true
					}
				}
			}
			conf := 0.9
			if ref.person != "" && ref.object == "" && ref.countryTitle && !ref.needCountry && (!ref.oneWord || !apposed || x.phraseEndsAt(ref.end, b)) {
				// a title without its country (وزير الخارجية عادل الجبير):
				// the person's country, when the gazetteer knows it and the
				// article names it
				if c := x.country[ref.person]; c != "" {
					ref.object, conf = c, 0.8
				} else if c := x.ministersCountry(); c != "" && !x.ar && cabinetOffice[ref.pred] {
					// English news names its own government's ministers
					// without the country (Home Secretary Charles Clarke):
					// the corpus's country, or the one the article is
					// about (not a president or king: a country the
					// article is about may have none)
					ref.object, conf = c, 0.8
				}
			}
			if ref.person == "" || ref.object == "" {
				continue
			}
			x.add(si, ref.person, ref.pred, ref.object, conf, "asserted", ref.trigger)
			if ref.orgCountry != "" {
				x.noStruct[noStructKey{si, ref.person, ref.orgCountry}] = true
			}
			if ref.body != "" {
				// the head of the country's government, not a leader of the body
				x.noStruct[noStructKey{si, ref.person, ref.body}] = true
			}
			if _, ok := x.holders[ref.pred+"|"+ref.object]; !ok {
				x.holders[ref.pred+"|"+ref.object] = ref.person
			}
			if !ref.placeTitle && !strings.HasSuffix(ref.pred, "LEADER_OF") && !strings.HasSuffix(ref.pred, "SPOKESPERSON_FOR") {
				x.country[ref.person] = ref.object
			}
		}
	}
}

// holdsOffice reports whether the gazetteer knows the person of mention m
// to hold the office of title ref on the article's date: its role is the
// title's (officeOfRole, or foreign minister) and its country the title's.
// Then a title right after the name is the name's apposition even after a
// verb (استقبل الشيخ صباح الأحمد أمير دولة الكويت), which otherwise may be
// the verb's object (التقى بوتين رئيس وزراء اليابان).
func (x *extractor) holdsOffice(m *Mention, ref *titleRef) bool {
	if m.Role == "" || strings.HasPrefix(m.Role, "former_") || m.Country == "" || m.Country != ref.object {
		return false
	}
	if x.outOfOffice(m) {
		return false
	}
	if m.Role == gazetteer.RoleForeignMinister {
		return ref.pred == "FOREIGN_MINISTER_OF"
	}
	return slices.Contains(officeOfRole[m.Role], ref.pred)
}

// appositionSlot reports whether a name starting at token j, in a sentence
// starting at a, stands where an apposition after it cannot be a verb's
// object. Past the name's own honorifics, titles, roles and nationality
// (الدكتور, الرئيس, المخرج, الفرنسي), that is: first in the sentence;
// right after a speech verb; in Arabic also where no verb stands before
// it — a preposition, a noun with a clitic preposition or the article
// (برئاسة, بحضور), كان or أن (ar_before_apposition): اتصالا من آشتون
// كارتر وزير الدفاع الأميركي. A noun without either is not told from a
// verb (وجه الملك وزير الداخلية is the king directing the minister).
func (x *extractor) appositionSlot(a, j int) bool {
	for j > a && x.ar {
		w := &x.words[j-1]
		if arTitleToName[x.norm[j-1]] {
			j-- // قال [الدكتور] صدقة فاضل عضو مجلس الشورى
		} else if m := x.mention(j - 1); m != nil && m.Demonym && m.End == j {
			j = m.Start // لكن [الفرنسي] ميشال بلاتيني رئيس الاتحاد الأوروبي
		} else if x.mAt[j-1] < 0 && w.Article != "" && w.Prep == "" && arTitleOrRole[arabic.MatchForm(w.Stem)] {
			j-- // التقى [الرئيس] بوتين, وأكد [المخرج] ممدوح سالم: the name's own
		} else {
			break
		}
	}
	if j <= a {
		return true
	}
	if x.ar && x.listedPerson(j) {
		return true // وسيلتقي العبادي رئيس الوزراء وسليم الجبوري رئيس مجلس النواب
	}
	noun := x.ar && x.mAt[j-1] < 0
	prep := x.words[j].Prep != "" // للأمير
	if m := x.mention(j); m != nil {
		// a name's own analysis is no guide (فلاديمير is not ف + ل + ...):
		// the clitics the linker took off it
		prep = strings.TrimLeft(m.Prefix, "وف") != ""
	}
	if noun && (prep || x.words[j-1].Prep != "") {
		return true // بحضور الأمير, للأمير, لبوتين
	}
	if noun && x.words[j-1].Suffix != "" && x.words[j-1].Article == "" {
		// a word with its pronoun: the verb's object or the noun's owner
		// (عقده جوزيف بلاتر رئيس الفيفا، نظيره سيرغي لافروف): the name
		// that follows is its subject or apposition, not its object
		return true
	}
	if tr, end, _ := x.verbAt(j - 1); tr != nil && end == j {
		// a speech verb, or one whose object stands after a preposition
		// (اجتمع مع، أشاد ب) or is a place (زار، وصل إلى): no title is its
		// object (التقى reads as ال + تقى)
		return tr.speech || (len(tr.preps) > 0 || tr.objTypes == "Location") && !arPersonObjectVerb[x.bare[j-1]]
	}
	if noun && x.words[j-1].Article == "" && x.words[j-1].Suffix == "" && (verbShaped(x.words[j-1].Stem) || slices.Contains(x.cues(j-1), "STATED")) && !x.personObject(j-1) {
		// a verb that takes no person as its object (أصدر الشيخ خليفة بن
		// زايد رئيس دولة الإمارات مرسوما), or one of speech (حذر ميكالوس
		// رئيس غرفة تجارة أثينا): a title after the name is its apposition
		return true
	}
	return noun && (x.words[j-1].Article != "" || arPreps[x.bare[j-1]] || arBeforeApposition[x.bare[j-1]])
}

// listedPerson reports whether the Arabic name at token j is joined by و
// to a person named before it, or to that person's title or description
// (العبادي رئيس الوزراء وسليم الجبوري): a later item of a list, where no
// verb takes a title after it as its object.
func (x *extractor) listedPerson(j int) bool {
	m := x.mention(j)
	if m == nil || m.Start != j || m.Type != "Person" || !strings.HasPrefix(m.Prefix, "و") && x.words[j].Conj != "و" {
		return false
	}
	for k := j - 1; k >= 0 && k >= j-maxDesc; k-- {
		if x.isBoundary(k) && !x.isComma(k) || x.d.Tokens[k].Sentence != x.d.Tokens[j].Sentence {
			return false
		}
		if mi := x.mAt[k]; mi >= 0 {
			return x.d.Mentions[mi].Type == "Person" && x.descEnd(mi) >= k+1
		}
	}
	return false
}

// titleComplement reports whether mention mi is a held title (خادم الحرمين
// الشريفين) after the word of one who acts for its holder (ar_for_holder:
// مستشار خادم الحرمين الشريفين أمير منطقة مكة المكرمة "the King's adviser,
// emir of Mecca Province"): part of the title of the name before, no
// other person between that name and its next office.
func (x *extractor) titleComplement(mi int) bool {
	m := x.d.Mentions[mi]
	return x.ar && m.Title && m.Start > 0 && x.mAt[m.Start-1] < 0 && arForHolder[x.bare[m.Start-1]]
}

// personObject reports whether Arabic token k, before a name, may take a
// person or an office as its object: a verb of ar_person_object_verb (as
// written, without و), or a word that cues an act on a person or body
// other than speech (لقاء، استقبال، تهنئة).
func (x *extractor) personObject(k int) bool {
	if arPersonObjectVerb[x.bare[k]] {
		return true
	}
	for _, p := range x.cues(k) {
		if r, ok := vocab.Get(p); ok && r.Group != "structural" && p != "STATED" && p != "COMMENTED_ON" && typeAllowed(r.Object, "Person") {
			return true
		}
	}
	return false
}

// phraseEndsAt reports whether a noun phrase ending before token k (of a
// sentence ending before b) ends there: the sentence ends, or a name, a
// punctuation mark, a word with و, a preposition or أن follows. A one-word
// title followed by another noun is that noun's office (خالد مشعل رئيس
// المكتب السياسي, رئيس لجنة المقابلة), not a country's president.
func (x *extractor) phraseEndsAt(k, b int) bool {
	if k >= b {
		return true
	}
	w := &x.words[k]
	return x.mAt[k] >= 0 || arBoundary[x.norm[k]] || w.Conj != "" || w.Prep != "" || arPreps[x.bare[k]] || arThat[x.bare[k]]
}

// officeObjectAfter reports whether the sentence goes on, after a title
// phrase ending before token k (and before b), with a person's name or an
// office of a person (السفير) not joined to it by و: then that is the
// verb's object, and the title the apposition of the name before it
// (استقبل الأمير فيصل بن بندر أمير منطقة الرياض في مكتبه السفير الياباني).
func (x *extractor) officeObjectAfter(k, b int) bool {
	for ; k < b; k++ {
		if x.isComma(k) || x.words[k].Conj != "" {
			return false
		}
		if mi := x.mAt[k]; mi >= 0 && x.d.Mentions[mi].Type == "Person" {
			return true
		}
		if arAgentTitle[x.bare[k]] && x.words[k].Prep == "" {
			return true
		}
	}
	return false
}

var (
	wNaziruh   = arabic.MatchForm("نظيره")
	wNaziratuh = arabic.MatchForm("نظيرته")
	wForeign   = arabic.MatchForm("الخارجية")
)

// officeWindow is how many words before a person's name (or after the comma
// of an apposition) may hold the word of its office.
const officeWindow = 5

// officePreds are the relation types of titles.yaml's offices.
var officePreds = func() map[string]bool {
	m := map[string]bool{}
	for _, offices := range []map[string][]string{lex.ArOffices, lex.EnOffices} {
		for _, ps := range offices {
			for _, p := range ps {
				m[p] = true
			}
		}
	}
	return m
}()

// officeStated reports whether the relation model may give pred to the
// person of mention mi in sentence si: always, unless pred is an office
// (titles.yaml's offices), which needs a word of that office by the name —
// in the title phrase that introduces it, in the officeWindow words before
// it (names of places and bodies not counted, another person's name ends
// them), or in an apposition after a comma that does not begin with "and".
// An office word in a phrase right after a not-holder word (نائب الرئيس,
// نائب وزير الخارجية, Vice President) does not count.
func (x *extractor) officeStated(si, mi, oi int, pred string) bool {
	if !officePreds[pred] {
		return true
	}
	offices := lex.ArOffices
	if !x.ar {
		offices = lex.EnOffices
	}
	m := x.d.Mentions[mi]
	a, b := x.sentTok[si][0], x.sentTok[si][1]
	office := func(k int) string { // the word of token k as offices has it
		if x.ar {
			return strings.TrimPrefix(arabic.MatchForm(x.words[k].Stem), "ال")
		}
		return x.bare[k]
	}
	names := func(k int) bool {
		if x.mAt[k] >= 0 {
			return false
		}
		if !slices.Contains(offices[office(k)], pred) {
			return false
		}
		// the office's phrase: the office words before it (نائب [وزير
		// الخارجية]: الخارجية is a deputy's too)
		for ; k > a; k-- {
			if x.notHolderBefore(k) {
				return false
			}
			if x.ar && x.mAt[k-1] < 0 && arOfficeFiller[office(k-1)] {
				continue // وزير [الشؤون] الخارجية: one office's phrase
			}
			if x.mAt[k-1] >= 0 || len(offices[office(k-1)]) == 0 || x.words[k-1].Article != "" {
				break // a definite word ends a title: نائب رئيس الوزراء [وزير الخارجية]
			}
		}
		return true
	}
	if t := x.titleAt[mi]; t >= a && t < m.Start {
		for k := t; k < m.Start; k++ {
			if names(k) {
				return true
			}
		}
	}
	// the words before the name, names of places and bodies between them
	// not counted (رئيس [الاتحاد الدولي لكرة القدم] جوزيف بلاتر), and a
	// comma right before the name (مدير [الهيئة الفيدرالية ...]، ألكسندر
	// فومين) unless a person's name stands before it (a list of people)
	words := 0
	for k := m.Start - 1; k >= a && words < officeWindow; k-- {
		if o := x.mAt[k]; o >= 0 {
			if x.d.Mentions[o].Type == "Person" {
				break // another person's title
			}
			continue
		}
		if x.isBoundary(k) {
			comma := k == m.Start-1 && x.isComma(k)
			if !comma || k > a && x.mAt[k-1] >= 0 && x.d.Mentions[x.mAt[k-1]].Type == "Person" {
				break
			}
		}
		words++
		if names(k) {
			return true
		}
	}
	if k := m.End; x.ar && oi >= 0 && k < b && !x.isComma(k) && x.words[k].Conj == "" && names(k) && x.appositionSlot(a, m.Start) {
		// an apposition without a comma, where no verb can take it as its
		// object (قال محمد الحمادي رئيس تحرير صحيفة الاتحاد): the office
		// word heads it, and the body or place is in it
		if o := x.d.Mentions[oi]; o.Start > k && o.Start-k <= officeWindow {
			j := k + 1
			for ; j < o.Start; j++ {
				if x.isBoundary(j) || x.mAt[j] >= 0 && x.d.Mentions[x.mAt[j]].Type == "Person" && !x.titleComplement(x.mAt[j]) {
					break
				}
			}
			if j == o.Start {
				return true
			}
		}
	}
	if k := m.End; k+1 < b && x.isComma(k) {
		if x.ar && x.words[k+1].Conj != "" || !x.ar && enAnd[x.bare[k+1]] {
			return false
		}
		for j := k + 1; j < min(b, k+1+officeWindow); j++ {
			if x.mAt[j] < 0 && x.isBoundary(j) {
				break
			}
			if names(j) {
				return true
			}
		}
	}
	return false
}

// notHolderBefore reports whether the word before token i makes the title
// at i a compound one whose holder is someone else (نائب رئيس الوزراء,
// Vice President: ar_not_holder, en_not_holder), an honorific maybe
// between (مساعد سمو رئيس الهيئة: ar_honorific_word).
func (x *extractor) notHolderBefore(i int) bool {
	w := x.bare[i-1]
	if x.ar && i > 1 && arHonorificWord[w] {
		w = x.bare[i-2] // مساعد سمو رئيس الهيئة
	}
	if x.ar {
		return inClass(arNotHolder, w)
	}
	if w == "-" && i > 1 {
		w = x.bare[i-2] // ex-foreign secretary
	}
	return enNotHolder[w]
}

// roleWord reports whether token k is a title, office or role word
// (ar_title_or_role), on its stem or as written without its conjunction.
func (x *extractor) roleWord(k int) bool {
	return arTitleOrRole[arabic.MatchForm(x.words[k].Stem)] || arTitleOrRole[x.bare[k]]
}

// inTitleOf reports whether mention o stands inside a title phrase that
// introduces another person than mention s's: a role word before it and
// the person's name after it, nothing but title words between (التقى
// [وزير الخارجية الأمريكي] جون كيري، أشاد بوزير الداخلية [السعودي] الأمير
// محمد بن نايف). That country or body says whose the office is: an act on
// the person is no act on it, nor is the person's act its own.
func (x *extractor) inTitleOf(o, s int) bool {
	mo, ms := x.d.Mentions[o], x.d.Mentions[s]
	if mo.Type == "Person" {
		return false
	}
	role := false // a role word before the name (Arabic), or after it (English)
	for k := mo.Start - 1; x.ar && k >= 0 && k >= mo.Start-titleSpan; k-- {
		if x.mAt[k] >= 0 || x.isBoundary(k) || x.isComma(k) {
			break
		}
		if x.roleWord(k) || x.roleWithClitic(k) {
			role = true
			break
		}
	}
	if x.ar && !role {
		return false
	}
	for k := mo.End; k < len(x.mAt) && k < mo.End+titleSpan; k++ {
		if p := x.mAt[k]; p >= 0 && p != o {
			mp := x.d.Mentions[p]
			return role && mp.Type == "Person" && mp.Entity != ms.Entity && mp.Entity != mo.Entity
		}
		if x.isBoundary(k) || x.isComma(k) || x.ar && x.words[k].Conj != "" || !x.ar && x.bare[k] == "and" {
			return false
		}
		if tr, _, _ := x.verbAt(k); tr != nil {
			return false
		}
		switch {
		case !x.ar && enTitleOrRole[x.bare[k]]:
			role = true
		case x.ar && (x.roleWord(k) || x.nisba(k)), !x.ar && isCapitalized(x.d.Tokens[k].Text):
			// more of the title: الدكتور، الأمريكي; Home, Lord
		default:
			return false // other words: the name is no part of a title (Kazakhstan last week after President Tokayev)
		}
	}
	return false
}

// nisba reports whether token k is an adjective of relation with the
// article (الأمريكي، السعودية), as titles have after the office.
func (x *extractor) nisba(k int) bool {
	w := x.bare[k]
	return strings.HasPrefix(w, "ال") && (strings.HasSuffix(w, "ي") || strings.HasSuffix(w, "يه"))
}

// isCapitalized reports whether an English token begins with a capital
// letter.
func isCapitalized(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// roleWithClitic reports whether token k is a role word (ar_title_or_role)
// with a preposition or conjunction the analysis left on it (بوزير الداخلية
// "with the interior minister").
func (x *extractor) roleWithClitic(k int) bool {
	for _, p := range []string{"ب", "ل", "ك", "وب", "ول", "فب", "فل"} {
		if rest, ok := strings.CutPrefix(x.bare[k], p); ok && arTitleOrRole[rest] {
			return true
		}
	}
	return false
}

// titleSpan is how far (in tokens) from a name inside a title its role word
// and the person it introduces may stand (وزير الدولة للشؤون الخارجية في
// [الإمارات] العربية المتحدة الدكتور أنور قرقاش).
const titleSpan = 6

// inApposition reports whether mention o names the country or body of a
// description of the person of mention p: the first name after p's, in a
// title or role phrase or relative clause right after it (إيميلي هابر
// وزيرة الدولة بالداخلية [الألمانية]، بشار مشير، النائب ... عن [الحزب
// الديمقراطي الكردستاني]، تشافيز الذي يشغل منصب رئيس الاتحاد [البوليفي]), or
// a nationality right before p's name ([الروسي] فلاديمير بوتين). Such a
// name says whose the office is; it is no object of p's acts.
func (x *extractor) inApposition(p, o int) bool {
	mp, mo := x.d.Mentions[p], x.d.Mentions[o]
	if mp.Type != "Person" || !x.ar {
		return false
	}
	if mo.Demonym && mo.End <= mp.Start {
		return mp.Start-mo.End <= 2
	}
	if mo.Start < mp.End || mo.Start-mp.End > 8 {
		return false
	}
	j := mp.End
	if x.isComma(j) {
		j++
	}
	if j >= mo.Start || x.words[j].Conj != "" {
		return false // (بخاري والرئيس أوباما: the next of a list)
	}
	if arRelative[x.bare[j]] {
		// a relative clause describes the person only with a role in it
		// (الذي يشغل منصب رئيس ...); else it may tell an act (الذي جاء
		// إلى دكار)
		k := j + 1
		for k < mo.Start && !x.roleWord(k) {
			k++
		}
		if k == mo.Start {
			return false
		}
	} else if !x.roleWord(j) {
		return false
	}
	for k := mp.End; k < mo.Start; k++ {
		if x.mAt[k] >= 0 || arThat[x.bare[k]] || x.norm[k] == ":" {
			return false
		}
		if tr, _, _ := x.verbAt(k); tr != nil {
			return false
		}
	}
	return true
}

// inOthersTitle reports whether mention o names the country, body or place
// of the title or description of a person other than the one of mention s
// (and o's own): in its title phrase before the name (شكر العقيد [أمير
// منطقة الرياض] الأمير فيصل بن بندر) or its apposition after it
// (inApposition: شكر الأمير خالد الفيصل أمير منطقة مكة المكرمة). An act on
// that person is not on the body or place that says whose office it is.
func (x *extractor) inOthersTitle(s, o int) bool {
	ms, mo := x.d.Mentions[s], x.d.Mentions[o]
	si := x.d.Tokens[mo.Start].Sentence
	for p := range x.d.Mentions {
		mp := x.d.Mentions[p]
		if p == s || p == o || mp.Type != "Person" || mp.Entity == ms.Entity || mp.Entity == mo.Entity || x.d.Tokens[mp.Start].Sentence != si {
			continue
		}
		if t := x.titleAt[p]; t >= 0 && t <= mo.Start && mo.End <= mp.Start {
			return true
		}
		if x.inApposition(p, o) {
			return true
		}
	}
	return false
}

// personBetween reports whether the name of another person stands between
// the person of mention s and the body or place of mention o after it: in
// a list of people each with an office (إيفيت كوبر وزيرة الداخلية في حكومة
// الظل، وجيريمي كوربين العضو في البرلمان البريطاني), a body after a name
// is that name's office, not the one before it.
func (x *extractor) personBetween(s, o int) bool {
	ms := x.d.Mentions[s]
	if ms.Type != "Person" || o < s {
		return false // (a body named first may head a list of its people: حماس، برئاسة مشعل، وعضوية أبو مرزوق)
	}
	mo := x.d.Mentions[o]
	for k := s + 1; k < o; k++ {
		m := x.d.Mentions[k]
		if m.Type == "Person" && m.Entity != ms.Entity && m.Entity != mo.Entity && !x.titleComplement(k) {
			return true
		}
	}
	return false
}

// nextHoldersTitle reports whether the body or place of mention o is in
// the title or description of another person of a list than the person of
// mention s: a title that opens with و after s's name and runs on, through
// title and role words, honorifics and names of bodies, to another
// person's name (عادل الجبير ووزير الدولة عضو [مجلس الوزراء] رئيس [الديوان
// الملكي] المكلف الأستاذ خالد العيسى: العيسى's offices, not الجبير's); or,
// before s's name, the title or description of another name that و then
// follows (وزير الدولة عضو [مجلس الوزراء] الدكتور مساعد العيبان، ووزير
// الخارجية عادل الجبير). A title with و that no name follows may be s's
// own second one (خالد العيسى وزير الدولة وعضو مجلس الوزراء).
func (x *extractor) nextHoldersTitle(s, o int) bool {
	ms, mo := x.d.Mentions[s], x.d.Mentions[o]
	if !x.ar || ms.Type != "Person" || mo.Type == "Person" {
		return false
	}
	si := x.d.Tokens[ms.Start].Sentence
	if si < 0 || si >= len(x.sentTok) || x.d.Tokens[mo.Start].Sentence != si {
		return false
	}
	if mo.Start >= ms.End {
		// the list's title opens with و between the two, and runs to o
		open := -1
		for k := ms.End; k < mo.Start; k++ {
			if open < 0 {
				if x.listOpener(k) {
					open = k
				}
				continue
			}
			if !x.titleChain(k) {
				return false
			}
		}
		if open < 0 {
			return false
		}
		p := x.chainHolder(o)
		return p >= 0 && x.d.Mentions[p].Entity != ms.Entity
	}
	if mo.End > ms.Start {
		return false
	}
	// before s: another name's, and a list goes on (و) from it to s,
	// with no pronoun that points back
	from := -1
	if p := x.chainHolder(o); p >= 0 {
		if x.d.Mentions[p].Entity == ms.Entity || x.d.Mentions[p].End > ms.Start {
			return false // s's own title
		}
		from = x.d.Mentions[p].End
	} else {
		for p := o - 1; p >= 0; p-- {
			mp := x.d.Mentions[p]
			if mp.End <= x.sentTok[si][0] {
				break
			}
			if mp.Type == "Person" && mp.Entity != ms.Entity && x.descEnd(p) >= mo.End {
				from = mo.End
				break
			}
		}
	}
	if from < 0 {
		return false
	}
	list := false
	for k := from; k < ms.Start; k++ {
		if x.words[k].Suffix != "" {
			return false // a title of its own (ووزير خارجيته): whose, it says
		}
		list = list || x.words[k].Conj == "و" || x.norm[k] == "و"
	}
	return list
}

// listOpener reports whether token k opens the title of the next name of a
// list: a title or role word or an honorific with و (ووزير، ومعالي), or
// the same after a و standing alone (و وزير).
func (x *extractor) listOpener(k int) bool {
	if x.mAt[k] >= 0 {
		return false
	}
	title := func(j int) bool { return x.roleWord(j) || arHonorificWord[x.bare[j]] }
	if x.words[k].Conj == "و" && title(k) {
		return true
	}
	return x.norm[k] == "و" && k+1 < len(x.norm) && x.mAt[k+1] < 0 && title(k+1)
}

// titleChain reports whether token k may stand in a title phrase between
// a name of a body or place and the holder's name: a title or role word,
// an honorific, a word with the article (المكلف), a body or place's name;
// no verb, preposition, comma or boundary.
func (x *extractor) titleChain(k int) bool {
	if x.isBoundary(k) || x.isComma(k) || arPreps[x.bare[k]] || arThat[x.bare[k]] {
		return false
	}
	if m := x.mention(k); m != nil {
		return m.Type != "Person"
	}
	if tr, _, _ := x.verbAt(k); tr != nil {
		return false
	}
	return x.descRole(k) || arHonorificWord[x.bare[k]] || arTitleToName[x.bare[k]] || x.words[k].Article != ""
}

// descRole reports whether token k is a title or role word that may
// describe a name after it (roleWord, or ar_title_after_name on the stem or
// as written): the words of descEnd's and titleChain's phrases.
func (x *extractor) descRole(k int) bool {
	return x.roleWord(k) || arTitleAfterName[arabic.MatchForm(x.words[k].Stem)] || arTitleAfterName[x.bare[k]]
}

// chainHolder returns the person's mention that the title phrase holding
// mention o leads to (عضو [مجلس الوزراء] رئيس الديوان الملكي المكلف الأستاذ
// [خالد العيسى]), -1 when none: the words after o are of a title
// (titleChain) up to the name, and open no title of another name.
func (x *extractor) chainHolder(o int) int {
	mo := x.d.Mentions[o]
	b := x.sentTok[x.d.Tokens[mo.Start].Sentence][1]
	for k := mo.End; k < b && k < mo.End+maxDesc; k++ {
		if mi := x.mAt[k]; mi >= 0 && x.d.Mentions[mi].Type == "Person" {
			return mi
		}
		if x.words[k].Conj != "" && x.roleWord(k) || !x.titleChain(k) {
			return -1
		}
	}
	return -1
}

// reportedBetween reports whether what someone said begins between
// mentions s and o: a word that opens a reported clause (أن/إن, that), a
// colon, or an English speech verb (Beckett has said the US will act).
// The one is then in what was said and the other outside it, and no
// title, membership or place joins them (وقال باولو جينتيلوني أن ... في
// ليبيا is no foreign minister of Libya).
func (x *extractor) reportedBetween(s, o int) bool {
	ms, mo := x.d.Mentions[s], x.d.Mentions[o]
	lo, hi := min(ms.End, mo.End), max(ms.Start, mo.Start)
	for j := lo; j < hi; j++ {
		if x.opensSaid(j) {
			return true
		}
		if !x.ar {
			if tr, _, _ := x.verbAt(j); tr != nil && tr.speech {
				return true
			}
		}
	}
	return false
}

// opensSaid reports whether token j opens what someone said: أن/إن, that
// (lexicon ar_that, en_that), a participle of speech (en_said_opener: ",
// saying the UN should lead") or a colon.
func (x *extractor) opensSaid(j int) bool {
	if x.ar {
		return arThat[x.bare[j]] || x.norm[j] == ":"
	}
	return enThat[x.bare[j]] || enSaidOpener[x.bare[j]] || x.norm[j] == ":"
}

// participleBetween reports whether an English participle of speech
// (en_said_opener: ", saying ...") stands between mentions s and o, the
// one first: the later one is in what the earlier one's subject said, not
// a party to the act of the clause before it.
func (x *extractor) participleBetween(s, o int) bool {
	if x.ar {
		return false
	}
	ms, mo := x.d.Mentions[s], x.d.Mentions[o]
	for j := min(ms.End, mo.End); j < max(ms.Start, mo.Start); j++ {
		if enSaidOpener[x.bare[j]] {
			return true
		}
	}
	return false
}

// enSaidOpener are the English participles of speech after which what was
// said follows (lexicon en_said_opener).
var enSaidOpener = class("en_said_opener")

// venue reports whether the place of mention o is where the speaker of
// mention s made a statement, not what it was about: after the speaker and
// before what was said begins (أن/إن, that, a colon or quote), introduced
// by a preposition of place (قال الجبير في مؤتمر صحفي في جدة إن ..., said
// in Vienna that ...; lexicon ar_venue_prep, en_venue_prep: في, in, at). Without a
// word that begins what was said nothing is known.
func (x *extractor) venue(si, s, o int) bool {
	ms, mo := x.d.Mentions[s], x.d.Mentions[o]
	if mo.Type != "Location" || mo.Start < ms.End {
		return false
	}
	b := x.sentTok[si][1]
	preps := arVenuePrep
	if !x.ar {
		preps = enVenuePrep
	}
	said := func(j int) bool { return x.opensSaid(j) || isQuote(x.norm[j]) } // what was said begins at j
	// (from the sentence's start when the speaker is carried over from an
	// earlier one: وأضاف في مؤتمر صحفي في موسكو إن ...)
	for j := max(ms.End, x.sentTok[si][0]); j < b && j < mo.Start; j++ {
		if said(j) {
			return false // the place is in what was said
		}
	}
	for j := mo.End; j < b; j++ {
		if said(j) {
			return x.hasPrep(mo.Start, preps)
		}
	}
	return false
}

// isQuote reports whether a token is a quotation mark.
func isQuote(t string) bool {
	switch t {
	case "\"", "«", "»", "“", "”":
		return true
	}
	return false
}

// orgHead reports whether token i is a noun that heads organisations'
// names (هيئة, وزارة, شركة), as translit's word list says.
func (x *extractor) orgHead(i int) bool {
	w, ok := translit.LookupWord(x.stem(i))
	return ok && w.OrgHead
}

// cabinetOffice are the offices of a government's ministers, which an
// English title without its country gets from homeCountry.
var cabinetOffice = map[string]bool{"MINISTER_OF": true, "FOREIGN_MINISTER_OF": true, "PRIME_MINISTER_OF": true}

// ministersCountry returns whose an English minister's title without its
// country is: the corpus's home country when the article names it
// (Doc.Home), else the country the article is about (homeCountry).
func (x *extractor) ministersCountry() string {
	if x.d.Home != "" {
		return x.d.Home
	}
	return x.homeCountry()
}

// homeCountry returns the country the article names most, by name or
// adjective, when it names it at least twice and more often than any
// other; "" otherwise.
func (x *extractor) homeCountry() string {
	if x.home != nil {
		return *x.home
	}
	n := map[string]int{}
	for i := range x.d.Mentions {
		if m := &x.d.Mentions[i]; x.isCountry(m) {
			n[m.Entity]++
		}
	}
	best, top, second := "", 0, 0
	for c, k := range n {
		switch {
		case k > top:
			best, top, second = c, k, top
		case k > second:
			second = k
		}
	}
	home := ""
	if top >= 2 && top > second {
		home = best
	}
	x.home = &home
	return home
}

// inNamedThing reports whether the name starting at token start is part
// of a thing's name: after a noun a thing is named after (جائزة الملك
// فيصل), or joined by و to such a name (مستشفى الملك فهد والملك سعود).
func (x *extractor) inNamedThing(start int) bool {
	if start == 0 {
		return false
	}
	if x.namedAfter(start - 1) {
		return true
	}
	if x.words[start].Conj != "" {
		// the name before: a thing's (مستشفى الملك فهد) or a name after its noun
		if pm := x.mention(start - 1); pm != nil && (x.namedAfter(pm.Start) || pm.Start > 0 && x.namedAfter(pm.Start-1)) {
			return true
		}
	}
	return false
}

// namedAfter reports whether token i is a noun a thing is named after a
// title (جائزة، مستشفى: ar_named_after), with or without its clitics
// (بمستشفى الملك سعود, لجسر الملك سلمان).
func (x *extractor) namedAfter(i int) bool {
	// (the word as written too: bare takes the و of وسام for a conjunction)
	return arNamedAfter[x.norm[i]] || arNamedAfter[x.bare[i]] || arNamedAfter[x.stem(i)]
}

// aideOf reports whether an Arabic person's mention s is followed, after a
// comma at most, by an aide's word (ar_not_holder, ar_aide) and a title
// head (ar_title_head, past honorifics) whose title o stands in: the
// title is another's whose aide s is (خالد الفهيد، مستشار الرئيس التنفيذي
// لشركة أرامكو; X نائب رئيس مجلس إدارة Y); a second title of s's after it
// (نائب رئيس الدولة، رئيس مجلس الوزراء) is s's own.
func (x *extractor) aideOf(s, o int) bool {
	ms, mo := x.d.Mentions[s], x.d.Mentions[o]
	if !x.ar || ms.Type != "Person" || mo.Start < ms.End {
		return false
	}
	k := ms.End
	if k < mo.Start && x.isComma(k) {
		k++
	}
	if k >= mo.Start || !(arNotHolder[x.bare[k]] || arAide[x.bare[k]]) {
		return false
	}
	for k++; k < mo.Start && arHonorificWord[x.bare[k]]; k++ {
	}
	if k >= mo.Start || !arTitleHead[x.bare[k]] {
		return false
	}
	// o stands in that title, the first name after it, not in a second
	// one of s's own (نائب رئيس الدولة، رئيس مجلس الوزراء) nor after
	// another (مستشار رئيس شركة أرامكو في اليمن: Yemen is no body of the
	// title)
	for k++; k < mo.Start; k++ {
		if x.isComma(k) || x.isBoundary(k) || arTitleHead[x.bare[k]] || arTitleHead[x.norm[k]] || x.mAt[k] >= 0 {
			return false
		}
	}
	return true
}

// subUnitOf reports whether an Arabic person's mention s is followed,
// after a comma at most, by a leader's title (titles.yaml, LEADER_OF),
// then words naming a unit, then the body of mention o after a preposition
// (ب، ل, on the name or on a noun of the body's before it, or a word of
// ar_unit_prep): the head of one of the body's units
// (مدير الكرة بنادي الاتحاد، رئيس لجنة الاحتراف بنادي الرائد، مدير عام
// الجوازات بوزارة الداخلية) holds an office in the body, he does not lead
// it. The title's own words (الرئيس التنفيذي لشركة) name no unit.
func (x *extractor) subUnitOf(s, o int) bool {
	ms, mo := x.d.Mentions[s], x.d.Mentions[o]
	if !x.ar || ms.Type != "Person" || mo.Type != "Organization" || mo.Start <= ms.End {
		return false
	}
	k := ms.End
	if x.isComma(k) {
		k++
	}
	end := -1
	defs, ends := x.matchTitles(k, &arTitles)
	for i, d := range defs {
		if d.pred == "LEADER_OF" && ends[i] > end {
			end = ends[i]
		}
	}
	if end < 0 || end >= mo.Start {
		return false
	}
	// the body's name, with a noun of the body's written before it
	// (نادي الاتحاد: بنادي، في نادي)
	body := mo.Start
	if x.mAt[body-1] < 0 && (arBodyNoun[x.bare[body-1]] || x.bodyNounWithPrep(body-1)) {
		body--
	}
	last := body // the end of the unit's words
	switch {
	case arUnitPrep[x.bare[body-1]]:
		last-- // في هيئة الطيران
	case body == mo.Start && (x.prepClitic(body) == "ب" || x.prepClitic(body) == "ل"):
	case body < mo.Start && (x.words[body].Prep == "ب" || x.words[body].Prep == "ل" || x.bodyNounWithPrep(body)):
	default:
		return false
	}
	if last <= end {
		return false // no unit named
	}
	for j := end; j < last; j++ {
		if x.mAt[j] >= 0 || x.isComma(j) || x.isBoundary(j) || arThat[x.bare[j]] || arRelative[x.bare[j]] {
			return false
		}
	}
	return true
}

// bodyNounWithPrep reports whether token j is a noun of a body
// (ar_body_noun) written with ب or ل (بنادي، لشركة), which the analysis of
// the word alone may not split off.
func (x *extractor) bodyNounWithPrep(j int) bool {
	return prefixedIn(x.bare[j], bodyPreps, arBodyNoun)
}
