package rel

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/kg-project/kg/internal/gazetteer"
	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/text/arabic"
	"github.com/kg-project/kg/internal/text/segment"
	"github.com/kg-project/kg/internal/vocab"
)

// Mention is one resolved entity mention, in token indices.
type Mention struct {
	Start, End int    // tokens [Start, End)
	Entity     string // entity id
	Type       string // model.Person, ...
	Demonym    bool   // a nationality adjective of Entity (الروسي, Russian)
	Role       string // gazetteer role ("country", "capital", "head_of_state", ...), or RoleFacility
	// Term is when a person held the office Role names (gazetteer
	// Entry.Term: "SINCE/UNTIL"), "" when unknown
	Term    string
	Country string // entity id of the mention's country when known
	// Of is the entity id of the country whose public body the mention
	// names by its nationality adjective (وزارة الدفاع العراقية: Iraq).
	Of string
	// In is the entity id of the city or region a local body is by its
	// name (جامعة جدة, شرطة منطقة القصيم: Jeddah, Al-Qassim).
	In string
	// Prefix holds the clitics written before the name in its first token
	// (و, ب, ل, وب, ...): "" when the token starts with the name itself.
	Prefix string
	// Title marks a held title standing for its holder (خادم الحرمين
	// الشريفين): the person acts in its sentence, but the words around it
	// state no title, office, membership or place of its own (رئيس حزب
	// القوات اللبنانية خادم الحرمين الشريفين names no leader of the party):
	// it takes no structural relation.
	Title bool
}

// RoleFacility is the Role of a place that is a site named after a place
// or person (مطار بغداد الدولي, قاعدة حميميم): a nationality after it says
// whose it is, not where it is.
const RoleFacility = "facility"

// Doc is one article, tokenised, with its resolved mentions.
type Doc struct {
	Text string
	// Runes are the runes of Text ([]rune(Text)), which token offsets
	// count, read and never changed; nil: made here
	Runes     []rune
	Lang      string // "ar" or "en"
	Published string // article date, "" when unknown
	Sentences []segment.Sentence
	Tokens    []segment.Token
	// Words are the analyses of Tokens (arabic.AnalyzeTokens); nil: made here
	Words    []arabic.Word
	Mentions []Mention // sorted by Start, not overlapping
	// Home is the entity id of the corpus's home country (kg's
	// --home-country) when the article names it, "" otherwise: an English
	// minister's title without its country is its (Home Secretary
	// Charles Clarke in a British paper).
	Home string
}

// Extract returns the relations stated in d, deterministically ordered:
// those the relation model (DefaultModel) decides on, the rules' verdicts
// being some of its features; the rules' own when no model is embedded.
func Extract(d *Doc) []model.Relation {
	m, err := DefaultModel()
	if err != nil {
		panic(err) // the embedded file is checked by a test
	}
	return extractWith(d, m)
}

// extractWith extracts with model m (nil: the rules alone).
func extractWith(d *Doc, m *Model) []model.Relation {
	x := newExtractor(d)
	x.runRules()
	if m != nil {
		m.decide(x, x.result())
	}
	x.dropNegated()
	x.dropOutOfOffice()
	x.dropDatedOffices()
	x.dropNamedThings()
	x.dropAddressees()
	x.dropTitleBodies()
	x.dropPraiseReasons()
	x.dropStrikePlaces()
	x.dropOwnOfficeActs()
	x.dropDeparted()
	x.dropOffTopic()
	x.dropFormerHolders()
	x.dropPastOffices()
	x.dropReportedEvents()
	x.dropClubVenues()
	x.dropSportsBodies()
	x.dropOtherCapitals()
	x.dropCoordinated()
	x.capitalsAsStates()
	x.branchHeads()
	x.secretaryGenerals()
	x.regionOffices()
	x.bodyRoles()
	x.carriedEvidence()
	return x.result()
}

// dropNegated removes the relations a negation denies (إننا لا نتفاوض مع
// الولايات المتحدة "we do not negotiate with the United States", لم
// يلتق): a negated fact is no relation (the dev set's GUIDELINES.md), and
// an edge of the graph would state it. Their modality (negated) is found
// as the rules' and the model's relations are made; they stay features of
// the model until here.
func (x *extractor) dropNegated() {
	for k, r := range x.out {
		if r.Modality == model.Negated {
			delete(x.out, k)
		}
	}
}

// dropOtherCapitals removes the CAPITAL_OF of a city to a country whose
// capital the gazetteer does not know it to be (Minsk of Russia, Dubai of
// the UAE, Damaturu, the capital of a Nigerian state, of Nigeria), from
// the rules or the model: a country's capital is world knowledge the
// gazetteer holds for every country (its role "capital"), and the news
// names a region's capital far more often than a new one of a country.
func (x *extractor) dropOtherCapitals() {
	if !x.hasPredicate("CAPITAL_OF") {
		return
	}
	capitalOf := map[string]map[string]bool{} // city -> the countries it is the capital of
	for _, m := range x.d.Mentions {
		if m.Role == "capital" && m.Country != "" {
			if capitalOf[m.Entity] == nil {
				capitalOf[m.Entity] = map[string]bool{}
			}
			capitalOf[m.Entity][m.Country] = true
		}
	}
	for k, r := range x.out {
		if r.Predicate == "CAPITAL_OF" && x.placeKind(r.Object, "country") && !capitalOf[r.Subject][r.Object] {
			delete(x.out, k)
		}
	}
}

// capitalsAsStates puts a country in place of its capital on the sides of
// a relation where the capital stands for the country (the vocabulary's
// StateSides: واشنطن فرضت عقوبات على ... "Washington imposed sanctions on
// ..." is the United States'; زار موسكو "visited Moscow" is the city),
// when the article names the country too. A relation that would hold
// between the country and itself is dropped; one the sentence already
// gives the country is kept once, with the higher confidence.
func (x *extractor) capitalsAsStates() {
	capitalOf := map[string]string{}
	for _, m := range x.d.Mentions {
		if m.Role == "capital" && m.Country != "" && x.types[m.Country] != "" {
			capitalOf[m.Entity] = m.Country
		}
	}
	if len(capitalOf) == 0 {
		return
	}
	for _, k := range slices.Sorted(maps.Keys(x.out)) {
		r := x.out[k]
		v, ok := vocab.Get(r.Predicate)
		if !ok || len(v.StateSides) == 0 {
			continue
		}
		s, o := r.Subject, r.Object
		if c := capitalOf[s]; c != "" && slices.Contains(v.StateSides, "subject") {
			s = c
		}
		if c := capitalOf[o]; c != "" && slices.Contains(v.StateSides, "object") {
			o = c
		}
		if s == r.Subject && o == r.Object {
			continue
		}
		delete(x.out, k)
		if s == o || !typeAllowed(v.Subject, x.types[s]) || !typeAllowed(v.Object, x.types[o]) {
			continue
		}
		nk := s + "|" + r.Predicate + "|" + o + k[strings.LastIndex(k, "|"):]
		if old, ok := x.out[nk]; ok {
			old.Confidence = max(old.Confidence, r.Confidence)
			continue
		}
		r.Subject, r.Object = s, o
		x.out[nk] = r
	}
}

// hasPredicate reports whether a relation of predicate pred is found so
// far: the filters after the model read the mentions only then.
func (x *extractor) hasPredicate(pred string) bool {
	for _, r := range x.out {
		if r.Predicate == pred {
			return true
		}
	}
	return false
}

// dropSportsBodies removes the PART_OF of a sports body to a place
// (اللجنة الأولمبية السعودية, لجنة الحكام الأرجنتينية: a word of lexicon
// class ar_sports_body in one of its mentions), from the rules or the
// model: a national committee of a sport is no body of the state, as a
// company is not, though its nationality reads as a public body's.
func (x *extractor) dropSportsBodies() {
	if !x.ar || !x.hasPredicate("PART_OF") {
		return
	}
	sports := map[string]bool{}
	for _, m := range x.d.Mentions {
		if m.Type != "Organization" {
			continue
		}
		for i := m.Start; i < m.End && i < len(x.bare); i++ {
			if inClass(arSportsBody, x.bare[i]) {
				sports[m.Entity] = true
			}
		}
	}
	for k, r := range x.out {
		if r.Predicate == "PART_OF" && sports[r.Subject] && x.types[r.Object] == "Location" {
			delete(x.out, k)
		}
	}
}

// dropCoordinated removes the actions that are not reciprocal (the
// vocabulary's reciprocal: MET_WITH, FOUGHT...) between two names joined
// by و or "and" (listed, whatever their types: فرض الاتحاد الأوروبي والولايات المتحدة عقوبات
// على طهران "the EU and the US imposed sanctions on Tehran"), each named
// once in the sentence, from the rules or the model: they are two
// subjects or two objects of the act, not one the other's.
func (x *extractor) dropCoordinated() {
	if len(x.out) == 0 {
		return
	}
	x.dropWhere(func(r *model.Relation) bool {
		v, ok := vocab.Get(r.Predicate)
		return ok && v.Group == "action" && !v.Reciprocal
	}, func(si int, r *model.Relation) bool {
		a, b := x.sentTok[si][0], x.sentTok[si][1]
		subj, obj := -1, -1
		for i, m := range x.d.Mentions {
			if m.Start < a || m.End > b {
				continue
			}
			switch m.Entity {
			case r.Subject:
				if subj >= 0 {
					return false // named twice: another mention may be the actor
				}
				subj = i
			case r.Object:
				if obj >= 0 {
					return false
				}
				obj = i
			}
		}
		return subj >= 0 && obj >= 0 && (subj < obj && x.listed(subj, obj) || obj < subj && x.listed(obj, subj))
	})
}

// dropNamedThings removes the relations of a person whom their sentence
// names only inside the name of a thing named after them (جائزة الملك
// فيصل، قلادة الملك عبد العزيز، مستشفى عائشة: inNamedThing), from the
// rules or the model: such a name is no actor and holds no office there.
func (x *extractor) dropNamedThings() {
	if !x.ar || len(x.out) == 0 {
		return
	}
	// onlyNamed reports whether every mention of person e in sentence si
	// is in a thing's name (and there is one)
	onlyNamed := func(e string, si int) bool {
		return x.types[e] == "Person" && x.everyMentionIn(si, e, func(t int, _ *Mention) bool { return x.inNamedThing(t) })
	}
	for k, r := range x.out {
		si, ok := x.sentenceAt(r.Evidence.Start)
		if ok && (onlyNamed(r.Subject, si) || onlyNamed(r.Object, si)) {
			delete(x.out, k)
		}
	}
}

// dropAddressees removes the relations of a speaker to the body he speaks
// to: after a speech verb, an organisation written with ل right after the
// speaker's name (the speaker's title may stand between the verb and the
// name) is whom he told (قال رامي عبد الرحمن لوكالة فرانس برس,
// قال كامبل لرويترز), not a body he leads, belongs to or speaks of
// (STATED and the structural predicates); a quoted organisation a person
// speaks to or with (quotedAddressee) is the object of no relation of his.
// From the rules or the model.
func (x *extractor) dropAddressees() {
	if !x.ar || len(x.out) == 0 {
		return
	}
	var drop []string
	for k, r := range x.out {
		si, ok := x.sentenceAt(r.Evidence.Start)
		if !ok {
			continue
		}
		if x.types[r.Subject] == "Person" && x.quotedAddressee(r.Object, si) {
			drop = append(drop, k) // any predicate: what he said is not about the outlet
			continue
		}
		if v, ok := vocab.Get(r.Predicate); !ok || v.Group != "structural" && r.Predicate != "STATED" {
			continue
		}
		if x.toldIn(r.Subject, r.Object, si) {
			drop = append(drop, k)
		}
	}
	for _, k := range drop {
		delete(x.out, k)
	}
}

// dropTitleBodies removes the actions one of whose sides is named, in the
// sentence, only inside the title of another person (inTitleOf: أشاد
// الرئيس هادي بوزير الداخلية [السعودي] الأمير محمد بن نايف, met Home Office
// Minister Lord Falconer): the act is on the person, or the person's, not
// the country's or body's whose office it is. From the rules or the model.
func (x *extractor) dropTitleBodies() {
	if len(x.out) == 0 {
		return
	}
	x.dropWhere(func(r *model.Relation) bool {
		v, ok := vocab.Get(r.Predicate)
		return ok && v.Group == "action"
	}, func(si int, r *model.Relation) bool {
		a, b := x.sentTok[si][0], x.sentTok[si][1]
		var subj, obj []int
		for mi, m := range x.d.Mentions {
			if m.Start < a || m.Start >= b {
				continue
			}
			switch m.Entity {
			case r.Subject:
				subj = append(subj, mi)
			case r.Object:
				obj = append(obj, mi)
			}
		}
		if len(subj) == 0 || len(obj) == 0 {
			return false // carried over, or in the title: nothing to read here
		}
		for _, s := range subj {
			for _, o := range obj {
				if !x.inTitleOf(o, s) && !x.inTitleOf(s, o) {
					return false
				}
			}
		}
		return true
	})
}

// ownOfficeActs are the acts a holder of an office does to others, not to
// the country or body of the office (ownOfficeActs of dropOwnOfficeActs).
var ownOfficeActs = map[string]bool{"PRAISED": true, "CRITICIZED": true, "CONDEMNED": true, "ACCUSED": true,
	"THREATENED": true, "ATTACKED": true, "FOUGHT": true, "CALLED_ON": true, "REJECTED": true, "HOSTED": true,
	"IMPOSED_SANCTIONS_ON": true, "PROTESTED_AGAINST": true}

// dropOwnOfficeActs removes an act of praise, blame, threat, attack, call
// or hosting by a person on the country or body the document gives as the
// person's office (titles.yaml's offices, officePreds, but an
// ambassador's: the ambassador's acts are on the country of the post): its name stands in the holder's title
// (أمير منطقة الرياض ... أشاد: the region is the emir's, not whom he
// praised; الرئيس الإيراني حسن روحاني أشاد بالاتفاق ... لإيران), or the act
// is read from the title. The rules' and the model's alike; statements and
// visits stay (a president speaks of his country, a minister returns to
// it), and so does an ambassador's or a member's act. So too the same acts
// of a public body on the state its name names (Mention.Of: أكدت الخارجية
// المصرية رفض مصر ... is no rejection of Egypt by its ministry).
func (x *extractor) dropOwnOfficeActs() {
	held := map[[2]string]bool{}
	for _, r := range x.out {
		if officePreds[r.Predicate] && r.Predicate != "AMBASSADOR_TO" {
			held[[2]string{r.Subject, r.Object}] = true
		}
	}
	for _, m := range x.d.Mentions {
		if m.Of != "" {
			held[[2]string{m.Entity, m.Of}] = true
		}
	}
	if len(held) == 0 {
		return
	}
	own := func(r *model.Relation) bool {
		return ownOfficeActs[r.Predicate] && held[[2]string{r.Subject, r.Object}]
	}
	x.dropWhere(own, func(int, *model.Relation) bool { return true })
}

// dropPraiseReasons removes the praise or thanks of a name that stands in
// the reason or occasion of it, not among those praised: after an occasion
// word (ar_occasion_prep: أشاد بأداء رجال الأمن إثر الإعلان عن تفكيك خلايا
// [داعش]), or after a reason word (ar_reason_prep) that follows a name the
// praise is addressed to with ل or ب (أعرب عن شكره للمملكة على ما يجده
// [لبنان] من دعم); or of a name that only says who leads the one praised
// (ar_led_by: شكره للمملكة بقيادة [خادم الحرمين الشريفين]); a nationality
// that describes another name (حزب القوات [اللبنانية], الرئيس [اللبناني]
// ميشال عون) is no mention of the one praised there. And it removes the
// greetings that read as praise: a sentence whose only praise cues are
// congratulations (ar_greeting) on a holiday (بمناسبة, then a word of
// ar_greeting_holiday: وهنأ السفير خادم الحرمين الشريفين بمناسبة حلول عيد
// الفطر). From the rules or the model; أثنى على [التحالف], where على
// introduces the one praised, stays.
func (x *extractor) dropPraiseReasons() {
	if !x.ar || len(x.out) == 0 {
		return
	}
	x.dropWhere(func(r *model.Relation) bool { return r.Predicate == "PRAISED" }, func(si int, r *model.Relation) bool {
		a, b := x.sentTok[si][0], x.sentTok[si][1]
		if x.greetingOnly(a, b) {
			return true
		}
		inReason := false
		for oi, o := range x.d.Mentions {
			if o.Entity != r.Object || o.Start < a || o.Start >= b || x.describesName(oi) {
				continue
			}
			if !x.inPraiseReason(oi, r.Subject, a) && !x.ledByOther(oi, r.Subject, a) {
				return false // named free of a reason too
			}
			inReason = true
		}
		return inReason
	})
}

// dropStrikePlaces removes an attack on a place that the sentence names
// only as where the attack's target was: after في or ب, a few words after
// the name of another body or person (شن التحالف غارات على مواقع الحوثيين
// في [محافظة الضالع]: the Houthis were attacked, in al-Dhale). From the
// rules or the model; a place that is itself the target (غارات على
// [صنعاء]) stays.
func (x *extractor) dropStrikePlaces() {
	if !x.ar || len(x.out) == 0 {
		return
	}
	x.dropWhere(func(r *model.Relation) bool {
		return r.Predicate == "ATTACKED" && x.types[r.Object] == model.Location
	}, func(si int, r *model.Relation) bool {
		a, b := x.sentTok[si][0], x.sentTok[si][1]
		where := false
		for oi, o := range x.d.Mentions {
			if o.Entity != r.Object || o.Start < a || o.Start >= b {
				continue
			}
			if !x.placeOfTarget(oi, r.Subject, a) {
				return false // named as a target too
			}
			where = true
		}
		return where
	})
}

// placeOfTarget reports whether mention o, in the sentence that starts at
// token a, is governed by في or ب and follows, within a few words and no
// boundary, verb or cue word, the name of a body or person other than
// subject's and o's, no nationality and not joined to the subject by و
// (dropStrikePlaces).
func (x *extractor) placeOfTarget(o int, subject string, a int) bool {
	mo := x.d.Mentions[o]
	if g := x.governor(mo.Start, a); g != "في" && g != "ب" {
		return false
	}
	for k := mo.Start - 1; k >= a && k >= mo.Start-6; k-- {
		if x.isBoundary(k) || x.mAt[k] < 0 && (x.trigAt(k) != nil || len(x.cues(k)) > 0) {
			return false // (a verb or cue word: another clause, بقصف أحياء في تعز)
		}
		if p := x.mAt[k]; p >= 0 {
			m := x.d.Mentions[p]
			if m.Entity != subject && m.Entity != mo.Entity && (m.Type == model.Organization || m.Type == model.Person) && !m.Demonym &&
				!x.coordinatedWith(m, subject) {
				return true
			}
		}
	}
	return false
}

// coordinatedWith reports whether mention m is joined by و to a mention of
// entity e right before it (ميليشيات الحوثي وصالح: Saleh's militias attack
// with the Houthis').
func (x *extractor) coordinatedWith(m Mention, e string) bool {
	p := m.Start - 1
	return p >= 0 && x.words[m.Start].Conj == "و" && x.mAt[p] >= 0 && x.d.Mentions[x.mAt[p]].Entity == e
}

// describesName reports whether mention o is a nationality that describes
// the name before it (حزب القوات اللبنانية) or the person's name after it
// (الرئيس اللبناني ميشال عون).
func (x *extractor) describesName(o int) bool {
	m := x.d.Mentions[o]
	if !m.Demonym {
		return false
	}
	if p := m.Start - 1; p >= 0 && x.mAt[p] >= 0 && x.d.Mentions[x.mAt[p]].Entity != m.Entity {
		return true
	}
	n := m.End
	return n < len(x.mAt) && x.mAt[n] >= 0 && x.d.Mentions[x.mAt[n]].Type == model.Person
}

// greetingOnly reports whether the tokens [a, b) name a holiday as an
// occasion and cue praise by congratulation words only (dropPraiseReasons).
func (x *extractor) greetingOnly(a, b int) bool {
	greeting, occasion := false, false
	for k := max(a, 0); k < b; k++ {
		if arGreetingOcc[x.bare[k]] && k+1 < b && arHoliday[x.bare[k+1]] {
			occasion = true
		}
		if !slices.Contains(x.cues(k), "PRAISED") {
			continue
		}
		if !arGreeting[x.stem(k)] && !arGreeting[x.bare[k]] {
			return false // another praise cue: شاكرا, مثمنا
		}
		greeting = true
	}
	return greeting && occasion
}

// ledByOther reports whether mention o, in the sentence that starts at
// token a, follows a word of ar_led_by (and at most a few title words:
// بقيادة خادم الحرمين الشريفين الملك سلمان) that stands right after the
// mention of another entity than o's and subject's, or after a noun with ل
// or ب (للمملكة where kg reads no kingdom, بالحكومة): it says who leads
// that one (dropPraiseReasons). After the subject it is what is praised:
// أشاد العطية بقيادة بارزاني "praised Barzani's leadership".
func (x *extractor) ledByOther(o int, subject string, a int) bool {
	mo := x.d.Mentions[o]
	k := mo.Start - 1
	for ; k > a && k >= mo.Start-6 && !arLedBy[x.bare[k]]; k-- {
		if x.mAt[k] >= 0 || x.isBoundary(k) || x.words[k].Conj != "" {
			return false
		}
	}
	if k-1 < a || !arLedBy[x.bare[k]] {
		return false
	}
	if p := x.mAt[k-1]; p >= 0 {
		return x.d.Mentions[p].Entity != mo.Entity && x.d.Mentions[p].Entity != subject
	}
	c := x.prepClitic(k - 1)
	return c == "ل" || c == "ب"
}

// inPraiseReason reports whether mention o, in the sentence that starts at
// token a, stands after an occasion word, or after a reason word that
// follows the name of another (than subject's or o's) entity governed by ل
// or ب and no praise word (أثنى على introduces the one praised), both after
// the last mention of subject before it or, when the sentence does not name
// the subject (carried from the one before), after its start
// (dropPraiseReasons).
func (x *extractor) inPraiseReason(o int, subject string, a int) bool {
	mo := x.d.Mentions[o]
	after := -1 // the end of the description of the subject's last mention before o
	for mi, m := range x.d.Mentions {
		if m.Start >= mo.Start {
			break
		}
		if m.Entity == subject && m.Start >= a && m.End <= mo.Start {
			after = x.descEnd(mi)
		}
	}
	if after < 0 {
		if x.mentionedIn(subject, mo.Start, x.sentenceEndOf(mo.Start)) {
			return false // named after o only
		}
		after = a // a subject the sentence does not name (carried): from its start
	}
	addressed := false // a name governed by ل or ب since the subject
	for k := after; k < mo.Start; k++ {
		if p := x.mAt[k]; p >= 0 {
			if m := x.d.Mentions[p]; m.Start == k && m.Entity != subject && m.Entity != mo.Entity {
				if g := x.governor(k, a); g == "ل" || g == "ب" || g == "لل" {
					addressed = true
				}
			}
			continue
		}
		if arOccasionPrep[x.bare[k]] || addressed && arReasonPrep[x.bare[k]] && !slices.Contains(x.cues(k-1), "PRAISED") {
			return true // (but أثنى على: the one praised)
		}
	}
	return false
}

// mentionedIn reports whether entity e has a mention that starts in tokens
// [from, to).
func (x *extractor) mentionedIn(e string, from, to int) bool {
	for _, m := range x.d.Mentions {
		if m.Start >= to {
			break // mentions are in text order
		}
		if m.Entity == e && m.Start >= from {
			return true
		}
	}
	return false
}

// dropDeparted removes a person's membership of, or office in, a body the
// sentence says he leaves or left: every mention of the body in the
// sentence comes right after a phrase of departure (lexicon
// ar_departed_from, its head noun ar_departed_head between: وكان بينتيكي
// انضم إلى أستون فيلا قادما من غنك، انتقاله من يونايتد إلى فنربغشه). From
// the rules or the model.
func (x *extractor) dropDeparted() {
	if !x.ar || len(x.out) == 0 {
		return
	}
	var drop []string
	for k, r := range x.out {
		if r.Predicate != "MEMBER_OF" && r.Predicate != "OFFICIAL_OF" && r.Predicate != "LEADER_OF" || x.types[r.Subject] != "Person" {
			continue
		}
		si, ok := x.sentenceAt(r.Evidence.Start)
		if !ok {
			continue
		}
		a, b := x.sentTok[si][0], x.sentTok[si][1]
		left, seen := true, false
		for t := max(a, 0); t < b && left; t++ {
			if m := x.mention(t); m != nil && m.Start == t && m.Entity == r.Object {
				seen = true
				left = x.departedBefore(a, t)
			}
		}
		if seen && left {
			drop = append(drop, k)
		}
	}
	for _, k := range drop {
		delete(x.out, k)
	}
}

// departedBefore reports whether a phrase of ar_departed_from ends right
// before token t, or before one or two head nouns (ar_departed_head) that
// end there; a is the sentence's first token.
func (x *extractor) departedBefore(a, t int) bool {
	for end, k := t, 0; end > a && k <= 2; end, k = end-1, k+1 {
		for _, p := range departedFromPhrases {
			if x.phraseAt(end-len(p), p) && end-len(p) >= a {
				return true
			}
		}
		if !arDepartedHead[x.bare[end-1]] {
			return false
		}
	}
	return false
}

// toldIn reports whether sentence si has a mention of s after a speech
// verb (its title between them: وقال مدير المرصد رامي عبد الرحمن),
// followed right away by a mention of organisation o written with ل, the ل
// alone before a quoted name too (وقال الداراني لـ«الشرق الأوسط»)
// (dropAddressees).
func (x *extractor) toldIn(s, o string, si int) bool {
	a, b := x.sentTok[si][0], x.sentTok[si][1]
	for t := max(a, 0); t < b; t++ {
		m := x.mention(t)
		if m == nil || m.Start != t || m.Entity != s || m.Type != "Person" || m.End >= b {
			continue
		}
		// ل may stand alone before a quoted name (لـ«الشرق الأوسط»)
		j, lam := m.End, false
		for j < b && x.mAt[j] < 0 && (x.norm[j] == "ل" && !lam || isQuote(x.norm[j])) {
			lam = lam || x.norm[j] == "ل"
			j++
		}
		n := x.mention(j)
		if n == nil || n.Start != j || n.Entity != o || n.Type != "Organization" || !lam && x.words[n.Start].Prep != "ل" && !strings.HasPrefix(n.Prefix, "ل") {
			continue
		}
		if x.speechIn(a, t) {
			return true
		}
	}
	return false
}

// quotedAddressee reports whether sentence si writes organisation o as
// whom something is said to: its quoted name after a ل or إلى standing
// alone that follows a noun of saying (في حديث لـ«الشرق الأوسط», تصريحات
// إلى "الوطن"; lexicon ar_speech_noun), a speech verb (وقال لـ«عكاظ») or,
// after a speech verb, a comma that closes the speaker's description
// (وقال عسيري، المتحدث باسم التحالف، لـ«الشرق الأوسط»); or after مع and
// such a noun (في مقابلة خاصة مع قناة «العربية»); or right after a verb of
// telling, with ل or without (أبلغ «الشرق الأوسط», كشف لـ«عكاظ»; lexicon
// ar_tell_verb); or after "sources" (مصادر مطلعة لـ"الوطن"; lexicon
// ar_source_noun); or, after a speech verb, right after a name or a
// nationality (وقال ... عبدالحفيظ الثبيتي لـ"سبق"). A name in brackets
// counts as quoted (أوضح لـ(عكاظ)). A ل of belonging (اللجنة التنفيذية
// لـ"فيفا", المدير العام لـ«المنظمة») follows none of them.
func (x *extractor) quotedAddressee(o string, si int) bool {
	a, b := x.sentTok[si][0], x.sentTok[si][1]
	for t := a + 3; t < b; t++ {
		m := x.mention(t)
		if m == nil || m.Start != t || m.Entity != o || m.Type != "Organization" || !isQuote(x.norm[t-1]) && x.norm[t-1] != "(" {
			continue
		}
		j := t - 2
		if j > a+1 && x.orgHead(j) {
			j-- // مع قناة «العربية»
		}
		w := x.bare[j]
		if arTellVerb[w] && x.mAt[j] < 0 {
			return true // أبلغ «الشرق الأوسط»
		}
		if w != "ل" && w != "الي" && w != "مع" {
			continue
		}
		prev := j - 1
		if w == "ل" && prev >= a && arTellVerb[x.bare[prev]] {
			return true // كشف لـ«عكاظ»، أوضح لـ(عكاظ)
		}
		source := func(k int) bool { return k >= a && inClass(arSourceNoun, x.bare[k]) }
		if w == "ل" && (source(prev) || source(prev-1) && x.mAt[prev] < 0) {
			return true // مصادر لـ«الشرق الأوسط»، مصادر مطلعة لـ"الوطن"
		}
		if w == "ل" && prev >= a && x.mAt[prev] >= 0 && x.speechIn(a, prev) {
			// after a speech verb, the ل right after the speaker's name
			// or his description's nationality: وقال ... الثبيتي لـ"سبق"،
			// الناطق باسم «...» السورية لـ«الشرق الأوسط»
			return true
		}
		noun := func(k int) bool { return k >= a && inClass(arSpeechNoun, x.bare[k]) }
		if noun(prev) || noun(prev-1) && x.mAt[prev] < 0 { // (مقابلة خاصة مع)
			return true
		}
		if w == "مع" {
			continue
		}
		if tr, _, _ := x.verbAt(prev); tr != nil && tr.speech || x.isComma(prev) && x.speechIn(a, prev) {
			return true // وقال لـ«عكاظ» ...; وقال عسيري، المتحدث ...، لـ«الشرق الأوسط»
		}
	}
	return false
}

// branchHeads turns the LEADER_OF of a body's branch into OFFICIAL_OF of
// the body: a head of the body's branch (قائد حرس الحدود بمنطقة تبوك،
// مدير فرع وزارة العمل بعسير) holds an office in the body, he does not lead
// it. A branch is a body written with ب and a city or region (مدير عام
// الهيئة العامة للسياحة والتراث الوطني بمنطقة عسير، رئيس جمعية الثقافة
// والفنون بجدة), or any body after فرع (ar_branch). The head of a local
// body so written (مدير مستشفى الملك فهد بجازان) holds an office in it too:
// OFFICIAL_OF is as true of him, and the body is often one of many of the
// name (لجنة التنمية الاجتماعية).
func (x *extractor) branchHeads() {
	if !x.ar || len(x.out) == 0 {
		return
	}
	var heads []string
	for k, r := range x.out {
		if r.Predicate == "LEADER_OF" {
			if si, ok := x.sentenceAt(r.Evidence.Start); ok && x.branchIn(r.Object, si) {
				heads = append(heads, k)
			}
		}
	}
	x.relabel(heads, func(r *model.Relation) (string, string) { return "OFFICIAL_OF", r.Object })
}

// relabel replaces the relations under keys of x.out, in key order (x.out
// is a map: the same order every run), by the predicate and object to
// returns for each, in the same sentence, with the same confidence,
// modality and trigger; an empty predicate drops the relation. The new
// relation must pass add's checks like any other.
func (x *extractor) relabel(keys []string, to func(r *model.Relation) (pred, obj string)) {
	slices.Sort(keys)
	for _, k := range keys {
		r := x.out[k]
		delete(x.out, k)
		pred, obj := to(r)
		if pred == "" {
			continue
		}
		si, _ := x.sentenceAt(r.Evidence.Start)
		x.add(si, r.Subject, pred, obj, r.Confidence, r.Modality, r.Trigger)
	}
}

// branchIn reports whether sentence si names organisation e only as a
// branch of it (branchHeads).
func (x *extractor) branchIn(e string, si int) bool {
	a, b := x.sentTok[si][0], x.sentTok[si][1]
	return x.everyMentionIn(si, e, func(t int, m *Mention) bool {
		return t > a && arBranch[x.bare[t-1]] || m.Type == "Organization" && m.End < b && x.placeWithB(m) != nil
	})
}

// maxCarriedBack is how many sentences before a relation's the evidence of
// a carried subject may reach back to the sentence that names it.
const maxCarriedBack = 3

// outOfOffice reports whether the article's date falls outside the term of
// office (Mention.Term) of mention m's person: false when either is
// unknown.
func (x *extractor) outOfOffice(m *Mention) bool {
	return m.Term != "" && len(x.d.Published) >= 10 && !gazetteer.InOffice(m.Term, x.d.Published[:10])
}

// carriedEvidence widens the evidence of each relation whose subject its
// sentence does not name — a speaker carried over (وأضاف أن ...، كما دعا
// ...) — to begin with the last sentence before it that does, at most
// maxCarriedBack sentences back: the evidence then shows who. The
// relation's own sentence stays its key (the rules' verdicts and the
// model's decisions are taken before).
func (x *extractor) carriedEvidence() {
	if len(x.out) == 0 {
		return
	}
	for _, r := range x.out {
		si, ok := x.sentenceAt(r.Evidence.Start)
		if !ok {
			continue
		}
		last := -1 // the last sentence up to si that names the subject
		for _, m := range x.d.Mentions {
			ms := x.d.Tokens[m.Start].Sentence
			if ms > si {
				break
			}
			if m.Entity == r.Subject {
				last = ms
			}
		}
		if last < 0 || last == si || si-last > maxCarriedBack {
			continue
		}
		rs := x.textRunes()
		start, end := x.d.Sentences[last].Start, r.Evidence.End
		if start < 0 || end > len(rs) || start > end {
			continue
		}
		r.Evidence = model.Evidence{Sentence: string(rs[start:end]), Start: start, End: end}
	}
}

// officeOfRole are the predicates that state the office of a gazetteer
// role, former or not.
var officeOfRole = map[string][]string{
	"head_of_state":      {"KING_OF", "PRESIDENT_OF"},
	"head_of_government": {"PRIME_MINISTER_OF"},
}

// dropOutOfOffice removes the relations that give a person the office of
// their gazetteer role in their own country on a date the gazetteer's
// term says they did not hold it (King Abdulaziz in a 2015 article; Obama
// in 2005): the title names the holder of another time. The rules'
// verdicts, features of the model, are taken before.
func (x *extractor) dropOutOfOffice() {
	if len(x.d.Published) < 10 {
		return
	}
	out := map[string][]string{} // person -> predicates not held on date, "|" + country
	for _, m := range x.d.Mentions {
		if !x.outOfOffice(&m) {
			continue
		}
		if _, done := out[m.Entity]; done || m.Country == "" {
			continue
		}
		for _, p := range officeOfRole[strings.TrimPrefix(m.Role, "former_")] {
			out[m.Entity] = append(out[m.Entity], p+"|"+m.Country)
		}
	}
	if len(out) == 0 {
		return
	}
	for k, r := range x.out {
		if slices.Contains(out[r.Subject], r.Predicate+"|"+r.Object) {
			delete(x.out, k)
		}
	}
}

// datedOfficeYears is how many years before the article's a year the
// sentence of an office names must be for the office to be another
// time's (dropDatedOffices).
const datedOfficeYears = 3

// datedOfficeSpan is how many tokens before the holder's name the year
// may stand (dropDatedOffices).
const datedOfficeSpan = 8

// dropDatedOffices removes the offices of a person (the offices of
// titles.yaml) whose sentence opens with a year datedOfficeYears or more
// before the article's, at most datedOfficeSpan tokens before the
// holder's name (وفي عام 1977 نزل الرئيس المصري أنور السادات، "in 2002
// President Chirac ..."): the title is the holder's of that time, not
// the article's; another sentence may give it for now. From the rules or
// the model; articles without a date keep them.
func (x *extractor) dropDatedOffices() {
	pub, ok := x.published()
	if !ok || len(x.out) == 0 {
		return
	}
	x.dropWhere(func(r *model.Relation) bool { return officePreds[r.Predicate] && x.types[r.Subject] == "Person" },
		func(si int, r *model.Relation) bool {
			a, b := x.sentTok[si][0], x.sentTok[si][1]
			for t := a; t < b; t++ {
				y := x.yearAfter(t, b)
				if y == 0 || y > pub.Year()-datedOfficeYears || t == a || x.bare[t-1] != wYear && x.bare[t-1] != "in" {
					continue
				}
				for k := t + 1; k < b && k <= t+datedOfficeSpan; k++ {
					if m := x.mention(k); m != nil && m.Start == k && m.Entity == r.Subject {
						return true
					}
				}
			}
			return false
		})
}

type extractor struct {
	d            *Doc
	ar           bool
	norm         []string // MatchForm of each token
	bare         []string // norm without a leading و/ف conjunction
	mAt          []int    // index of the mention covering each token, -1
	sentTok      [][2]int // token range of each sentence
	types        map[string]string
	country      map[string]string          // person/city id -> country id (gazetteer or stated titles)
	home         *string                    // homeCountry, once computed
	holders      map[string]string          // pred+"|"+country -> person holding the title in this article
	out          map[string]*model.Relation // dedup key -> relation
	speaker      string
	speakerFem   bool // the speaker's verb was feminine (قالت)
	spokeAt      int  // sentence of the last explicit speaker
	dates        map[int]*model.EventDate
	runes        []rune // the text, for phrases
	words        []arabic.Word
	toks         []*tokFeat // features of the tokens, filled lazily
	fbuf         []byte     // the feature being built
	sc           *scorer    // while a model scores the pairs
	speakerAt    []int      // of each sentence, the mention of the speaker it may continue, -1
	speakerFemAt []bool     // and whether the speaker's verb was feminine
	// noStruct holds the pairs the rules know to have no structural
	// relation, so that the model gives them none either: a title after a
	// name that is not the name's (the object of a verb before it: التقى
	// بوتين رئيس وزراء اليابان), a place in a direction of a city (بلدة
	// ريدينغ غرب لندن: outside London).
	noStruct map[noStructKey]bool
	// titleAt holds, for a mention that a title phrase introduces
	// (وزير الخارجية الروسي [سيرغي لافروف]), the phrase's first token; -1
	// for the others.
	titleAt []int
	// descEnds caches descEnd: of each mention, the token after the
	// description that follows its name, 0 when not yet known
	descEnds []int
	sentAt   map[int]int // sentenceAt: rune offset -> sentence, made once
	// nameQuote marks the quotation marks that wrap a mention's name and
	// a preposition written apart before it; detached holds, of each
	// mention, that preposition (markNameQuotes)
	nameQuote []bool
	detached  []string
	outer     [][2]int // of each mention, its tokens with those marks
}

type noStructKey struct {
	si             int
	person, object string
}

func newExtractor(d *Doc) *extractor {
	x := &extractor{d: d, ar: d.Lang == "ar", types: map[string]string{}, country: map[string]string{},
		holders: map[string]string{}, out: map[string]*model.Relation{}, spokeAt: -10, dates: map[int]*model.EventDate{},
		noStruct: map[noStructKey]bool{}}
	n := len(d.Tokens)
	x.norm = make([]string, n)
	x.bare = make([]string, n)
	x.mAt = make([]int, n)
	words := d.Words
	if len(words) != n {
		words = arabic.AnalyzeTokens(d.Tokens)
	}
	x.words = words
	for i := range d.Tokens {
		x.norm[i] = words[i].MF
		x.bare[i] = x.norm[i]
		if x.ar {
			x.bare[i] = stripConj(x.norm[i], &words[i])
		} else {
			x.bare[i] = strings.ToLower(x.norm[i])
		}
		x.mAt[i] = -1
	}
	x.titleAt = make([]int, len(d.Mentions))
	x.descEnds = make([]int, len(d.Mentions))
	for mi, m := range d.Mentions {
		x.titleAt[mi] = -1
		for i := m.Start; i < m.End && i < n; i++ {
			x.mAt[i] = mi
		}
		x.types[m.Entity] = m.Type
		if m.Country != "" && m.Country != m.Entity {
			x.country[m.Entity] = m.Country
		}
	}
	for _, m := range d.Mentions {
		if m.Of != "" && x.types[m.Of] == "" {
			x.types[m.Of] = "Location" // named only inside the body's name
		}
		if m.In != "" && x.types[m.In] == "" {
			x.types[m.In] = "Location"
		}
	}
	x.sentTok = make([][2]int, len(d.Sentences))
	for i := range x.sentTok {
		x.sentTok[i] = [2]int{-1, -1}
	}
	for i, t := range d.Tokens {
		s := t.Sentence
		if s < 0 || s >= len(x.sentTok) {
			continue
		}
		if x.sentTok[s][0] < 0 {
			x.sentTok[s][0] = i
		}
		x.sentTok[s][1] = i + 1
	}
	x.markNameQuotes()
	return x
}

// markNameQuotes marks the tokens that belong to how a mention's name is
// written rather than to the words around it: the quotation marks that
// wrap it, one right before its first token and one right after its last,
// in its sentence («جبهة النصرة» التابعة لتنظيم القاعدة, "Hamas"), and a
// preposition written apart before it or its quotes (لـ«الشرق الأوسط»,
// بـ داعش), which is the name's clitic (detached). The relation model's
// features read such a name as if written plainly (outerStart, outerEnd,
// prefixOf): a third of SaudiNewsNet's articles quote names so, its training
// passages hardly ever, and a quote is no boundary between a name and the
// words that govern it. The rules read the tokens as written
// (quotedAddressee).
func (x *extractor) markNameQuotes() {
	n := len(x.d.Tokens)
	x.nameQuote = make([]bool, n)
	x.detached = make([]string, len(x.d.Mentions))
	x.outer = make([][2]int, len(x.d.Mentions))
	for mi, m := range x.d.Mentions {
		a, b, s := m.Start-1, m.End, x.d.Tokens[m.Start].Sentence
		same := func(k int) bool {
			return k >= 0 && k < n && x.d.Tokens[k].Sentence == s && x.mAt[k] < 0 && !x.nameQuote[k]
		}
		x.outer[mi] = [2]int{m.Start, m.End}
		if same(a) && same(b) && isQuote(x.norm[a]) && isQuote(x.norm[b]) {
			x.nameQuote[a], x.nameQuote[b] = true, true
			x.outer[mi] = [2]int{a, b + 1}
			a--
		}
		if x.ar && m.Prefix == "" && same(a) && detachedClitic[x.norm[a]] != "" {
			x.nameQuote[a] = true
			x.detached[mi] = detachedClitic[x.norm[a]]
			x.outer[mi][0] = a
		}
	}
}

// detachedClitic maps a preposition written apart before a name, tatweel
// aside (لـ, وبـ), to the clitic it is.
var detachedClitic = map[string]string{"ل": "ل", "ب": "ب", "ك": "ك", "ول": "ل", "وب": "ب", "وك": "ك", "فل": "ل", "فب": "ب"}

// prefixOf returns the clitics written before mention m's name: its own
// (Mention.Prefix), else the preposition written apart (markNameQuotes).
func (x *extractor) prefixOf(m *Mention) string {
	if m.Prefix != "" {
		return m.Prefix
	}
	return x.detached[x.mAt[m.Start]]
}

// wordCount counts the tokens [a, b), the quotes around names aside
// (markNameQuotes).
func (x *extractor) wordCount(a, b int) int {
	n := 0
	for k := a; k < b; k++ {
		if !x.nameQuote[k] {
			n++
		}
	}
	return n
}

// nameAt returns the mention whose name as written begins at token j, at
// a quote or a preposition written apart before it (markNameQuotes); -1
// when none does.
func (x *extractor) nameAt(j int) int {
	if j < 0 || j >= len(x.nameQuote) || !x.nameQuote[j] {
		return -1
	}
	for k := j + 1; k < len(x.mAt) && k <= j+2; k++ {
		if mi := x.mAt[k]; mi >= 0 {
			if x.outer[mi][0] == j {
				return mi
			}
			return -1
		}
	}
	return -1
}

// outerStart is where mention m's name begins as written, at the quote
// that opens it or the preposition written apart, if any
// (markNameQuotes).
func (x *extractor) outerStart(m *Mention) int {
	return x.outer[x.mAt[m.Start]][0]
}

// outerEnd is the token after mention m's name as written, after the
// quote that closes it if any (markNameQuotes).
func (x *extractor) outerEnd(m *Mention) int {
	return x.outer[x.mAt[m.Start]][1]
}

// runRules finds the rules' relations, noting before each sentence the
// mention of the speaker it may continue (speakerAt).
func (x *extractor) runRules() {
	x.titles()
	x.publicBodies()
	x.affiliationsEn()
	x.speakerAt = make([]int, len(x.d.Sentences))
	x.speakerFemAt = make([]bool, len(x.d.Sentences))
	for si := range x.d.Sentences {
		x.speakerAt[si] = -1
		x.speakerFemAt[si] = x.speakerFem
		if x.speaker != "" && si-x.spokeAt <= 3 && x.sentTok[si][0] >= 0 {
			// the speaker's last mention before the sentence
			for mi := len(x.d.Mentions) - 1; mi >= 0; mi-- {
				m := x.d.Mentions[mi]
				if m.Entity == x.speaker && m.End <= x.sentTok[si][0] {
					x.speakerAt[si] = mi
					break
				}
			}
		}
		x.sentence(si)
	}
}

// publicBodies relates each public body to the country its name's
// nationality adjective names: وزارة الدفاع العراقية -[PART_OF]-> Iraq;
// and each local body to the city or region its name ends with: جامعة جدة
// -[LOCATED_IN]-> Jeddah.
func (x *extractor) publicBodies() {
	for _, m := range x.d.Mentions {
		if m.Of == "" || m.Start >= len(x.d.Tokens) {
			continue
		}
		if si := x.d.Tokens[m.Start].Sentence; si >= 0 && si < len(x.d.Sentences) {
			x.add(si, m.Entity, "PART_OF", m.Of, publicBodyConf, "asserted", x.phrase(m.Start, m.End))
		}
	}
	for _, m := range x.d.Mentions {
		if m.In == "" || m.In == m.Entity || m.Start >= len(x.d.Tokens) {
			continue
		}
		if si := x.d.Tokens[m.Start].Sentence; si >= 0 && si < len(x.d.Sentences) {
			x.add(si, m.Entity, "LOCATED_IN", m.In, localBodyConf, "asserted", x.phrase(m.Start, m.End))
		}
	}
}

// affiliationsEn relates, in English, a person to the organisation the
// text names as theirs right after or before the name, with no title to
// say the office: "Kenneth Roth of Human Rights Watch", "Brad Adams, from
// the UK's Human Rights Watch,", "Amnesty International's Kate Allen",
// "Labour's Robin Cook" (MEMBER_OF: a member or someone who works for it).
func (x *extractor) affiliationsEn() {
	if x.ar {
		return
	}
	ms := x.d.Mentions
	for i := range ms {
		m := &ms[i]
		if m.Title || m.Start >= len(x.d.Tokens) {
			continue
		}
		si := x.d.Tokens[m.Start].Sentence
		switch m.Type {
		case "Person":
			j := m.End
			if j < len(x.bare) && x.bare[j] == "," {
				j++
			}
			if j >= len(x.bare) || x.bare[j] != "of" && x.bare[j] != "from" {
				continue
			}
			j++
			if j < len(x.bare) && x.bare[j] == "the" {
				j++
			}
			if c := x.mention(j); c != nil && c.Start == j && x.isCountry(c) && x.possessive(c.End-1) {
				j = c.End // from the UK's Human Rights Watch
			}
			if o := x.mention(j); o != nil && o.Start == j && o.Type == "Organization" && o.Entity != m.Entity && !x.possessive(o.End-1) {
				x.add(si, m.Entity, "MEMBER_OF", o.Entity, affiliationConf, "asserted", x.phrase(m.Start, o.End))
			}
		case "Organization":
			if !x.possessive(m.End - 1) {
				continue
			}
			if p := x.mention(m.End); p != nil && p.Start == m.End && p.Type == "Person" && !p.Title {
				x.add(si, p.Entity, "MEMBER_OF", m.Entity, affiliationConf, "asserted", x.phrase(m.Start, p.End))
			}
		}
	}
}

// possessive reports whether token i is an English word with the
// possessive 's (International's, UK’s).
func (x *extractor) possessive(i int) bool {
	if i < 0 || i >= len(x.d.Tokens) {
		return false
	}
	t := strings.ToLower(x.d.Tokens[i].Text)
	return strings.HasSuffix(t, "'s") || strings.HasSuffix(t, "’s")
}

// affiliationConf is the confidence of a person's organisation named right
// beside the name (affiliationsEn).
const affiliationConf = 0.85

// localBodyConf is the confidence of a local body's place (Mention.In):
// its name says it, but not that it stands there now.
const localBodyConf = 0.85

// publicBodyConf is the confidence of a public body's country: the name
// states it.
const publicBodyConf = 0.9

// stripConj removes a leading conjunction (و، ف) from a folded word m, as
// the analysis w of the word finds it (it keeps words like وزير whole).
func stripConj(m string, w *arabic.Word) string {
	if c := w.Conj; c != "" {
		return strings.TrimPrefix(m, arabic.MatchForm(c))
	}
	return m
}

func (x *extractor) mention(i int) *Mention {
	if i < 0 || i >= len(x.mAt) || x.mAt[i] < 0 {
		return nil
	}
	return &x.d.Mentions[x.mAt[i]]
}

// isComma reports whether token i is an Arabic or Latin comma.
func (x *extractor) isComma(i int) bool {
	return x.norm[i] == "،" || x.norm[i] == ","
}

func (x *extractor) isBoundary(i int) bool {
	if x.ar {
		return arBoundary[x.norm[i]]
	}
	return enBoundary[x.norm[i]]
}

func (x *extractor) isCountry(m *Mention) bool {
	return m != nil && (m.Role == "country" || m.Demonym)
}

// placeKind reports whether entity id is a place of the kind (vocab.Places)
// by one of its mentions: "country", a country's name or adjective;
// "capital", a capital's name.
func (x *extractor) placeKind(id, kind string) bool {
	for i := range x.d.Mentions {
		m := &x.d.Mentions[i]
		if m.Entity != id {
			continue
		}
		if kind == "country" && x.isCountry(m) || kind == "capital" && m.Role == "capital" {
			return true
		}
	}
	return false
}

// focusCountry is the country in focus before token i: the most mentioned
// country so far (ties: the latest), other than exclude.
func (x *extractor) focusCountry(i int, exclude string) string {
	count := map[string]int{}
	last := map[string]int{}
	for _, m := range x.d.Mentions {
		if m.Start >= i {
			break
		}
		if m.Role == "country" || m.Demonym {
			count[m.Entity]++
			last[m.Entity] = m.Start
		}
	}
	best := ""
	for e, c := range count {
		if e == exclude {
			continue
		}
		if best == "" || c > count[best] || (c == count[best] && last[e] > last[best]) {
			best = e
		}
	}
	return best
}

// add records a relation found in sentence si.
func (x *extractor) add(si int, s, pred, o string, conf float64, modality, trigger string) {
	if s == "" || o == "" || s == o || !vocab.Valid(pred) {
		return
	}
	r, ok := vocab.Get(pred)
	if !ok || !typeAllowed(r.Subject, x.types[s]) || !typeAllowed(r.Object, x.types[o]) {
		return
	}
	// kinds of place the subject and object may not be, and a country
	// object that must be the subject's own (relations.yaml): in كابل
	// عاصمة أفغانستان، كاتماندو عاصمة نيبال، كولومبو ... neither a country
	// nor Kathmandu is the capital of the next
	for _, k := range r.SubjectNot {
		if x.placeKind(s, k) {
			return
		}
	}
	for _, k := range r.ObjectNot {
		if x.placeKind(o, k) {
			return
		}
	}
	if c := x.country[s]; r.OwnCountry && c != "" && c != o && x.placeKind(o, "country") {
		return
	}
	sent := x.d.Sentences[si]
	a, b := s, o
	if r.Reciprocal && b < a {
		a, b = b, a // one act both ways (Blair met Bush, Bush met Blair): one relation, the first reading's direction
	}
	key := fmt.Sprintf("%s|%s|%s|%d", a, pred, b, si)
	conf = math.Round(conf*100) / 100
	if old, ok := x.out[key]; ok {
		if conf > old.Confidence {
			old.Confidence = conf
		}
		return
	}
	var date *model.EventDate
	if r.Group == "action" { // a title is a state, not an event with a date
		date = x.eventDate(si)
	}
	x.out[key] = &model.Relation{
		Subject: s, Predicate: pred, Object: o, Confidence: conf, Modality: modality, Trigger: trigger,
		EventDate: date,
		Evidence:  model.Evidence{Sentence: sent.Text, Start: sent.Start, End: sent.End},
	}
}

func typeAllowed(allowed []string, t string) bool {
	if t == "" {
		return false
	}
	for _, a := range allowed {
		if a == t {
			return true
		}
	}
	return false
}

func (x *extractor) result() []model.Relation {
	out := make([]model.Relation, 0, len(x.out))
	for _, r := range x.out {
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Evidence.Start != b.Evidence.Start {
			return a.Evidence.Start < b.Evidence.Start
		}
		if a.Predicate != b.Predicate {
			return a.Predicate < b.Predicate
		}
		if a.Subject != b.Subject {
			return a.Subject < b.Subject
		}
		if a.Object != b.Object {
			return a.Object < b.Object
		}
		// the same relation in two sentences whose evidence begins at the
		// same place (a speaker carried over: carriedEvidence)
		return a.Evidence.End < b.Evidence.End
	})
	return out
}

// textRunes returns the runes of the text, made once.
func (x *extractor) textRunes() []rune {
	if x.runes == nil {
		x.runes = x.d.Runes
	}
	if x.runes == nil {
		x.runes = []rune(x.d.Text)
	}
	return x.runes
}

// sentenceAt returns the sentence that starts at rune offset start (a
// relation's Evidence.Start before carriedEvidence widens it).
func (x *extractor) sentenceAt(start int) (int, bool) {
	if x.sentAt == nil {
		x.sentAt = make(map[int]int, len(x.d.Sentences))
		for i, s := range x.d.Sentences {
			x.sentAt[s.Start] = i
		}
	}
	si, ok := x.sentAt[start]
	return si, ok
}

// phrase returns the text of tokens [i, j) as written.
func (x *extractor) phrase(i, j int) string {
	if i < 0 || j > len(x.d.Tokens) || i >= j {
		return ""
	}
	rs := x.textRunes()
	a, b := x.d.Tokens[i].Start, x.d.Tokens[j-1].End
	if a < 0 || b > len(rs) || a > b {
		return ""
	}
	return string(rs[a:b])
}
