package extract

import (
	"slices"
	"strings"

	"github.com/kg-project/kg/internal/extract/link"
	"github.com/kg-project/kg/internal/gazetteer"
	"github.com/kg-project/kg/internal/lexicon"
	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/text/arabic"
	"github.com/kg-project/kg/internal/text/segment"
)

// Once an Arabic article has introduced a person by office (وزير الخارجية
// الأميركي جون كيري, المرجع الشيعي علي السيستاني), it goes on calling the
// person by that office: وقال الوزير, وطالب المرجع الشيعي, وأكد وزير
// الخارجية الأميركي. Those mentions are the subject of many of its
// sentences, and without them the sentences' relations have none.
//
// officeRefs adds a candidate for each such office phrase: a head noun of
// lexicon class ar_office_ref_head, definite (الوزير) or followed by a
// definite word (وزير الخارجية), then the definite words and the
// nationality adjectives after it (its description), when
//   - no candidate but a nationality adjective lies over it, no name
//     follows it (then it is that name's title) and none stands right
//     before it (an apposition);
//   - no word before it makes it another person's office (نائب الرئيس,
//     مستشار الرئيس) or a thing's name (جائزة الملك);
//   - exactly one person named earlier in the article was introduced by
//     an office with the same head whose description holds every word and
//     every country or body of the phrase's (الوزير fits وزير الخارجية
//     الأميركي; وزير الخارجية الروسي does not), where a head of class
//     ar_office_ref_exact alone fits only an office described by no word
//     (الرئيس is not رئيس الوزراء).
//
// An office introduces a person when it stands before the name, with only
// its description and honorifics (الأمير, الدكتور: ar_between_title_and_name)
// between, or after the name and a comma (سيرغي لافروف، وزير الخارجية
// الروسي), or without the comma where no verb can take the office as its
// object (first in the sentence, or after a speech verb: قال نبيل العربي
// الأمين العام; not التقى بوتين رئيس وزراء اليابان). The candidate is the
// person's mention (link.Candidate.Anaphor) but
// holds no office itself (Title): its nationality adjective is not a
// mention of the country.
func (p *Pipeline) officeRefs(rs []rune, toks []segment.Token, words []arabic.Word, cands []link.Candidate) []link.Candidate {
	if len(cands) == 0 {
		return cands
	}
	ix := indexCandidates(toks, cands)
	over := ix.over
	startsAt := map[int]int{} // person candidates by first token
	endsAt := map[int]int{}   // by last token
	persons := false
	for i := range cands {
		if c := &cands[i]; c.Type == model.Person && ix.end[i] > ix.first[i] && !c.Title {
			startsAt[ix.first[i]] = i
			endsAt[ix.end[i]-1] = i
			persons = true
		}
	}
	if !persons {
		return cands
	}
	x := officeScan{toks: toks, words: words, cands: cands, over: over}

	// the offices that introduce the article's persons, in text order
	type holder struct {
		at         int // the person's first token
		key        string
		entry      *gazetteer.Entry
		start, end int // the candidate's span
		office     office
	}
	var holders []holder
	for first := 0; first < len(toks); first++ {
		i, ok := startsAt[first]
		if !ok {
			continue
		}
		c := &cands[i]
		key, e := p.personEntry(toks, words, c)
		var country string
		if e != nil {
			country = e.Country
		}
		add := func(o office) {
			if country != "" && !slices.Contains(o.ents, country) {
				o.ents = append(o.ents, country)
			}
			holders = append(holders, holder{at: first, key: key, entry: e, start: c.Start, end: c.End, office: o})
		}
		// before the name: the nearest heads whose description runs up to
		// it, honorifics between
		sent := toks[first].Sentence
		for k := first - 1; k >= 0 && k >= first-6 && toks[k].Sentence == sent; k-- {
			if over[k] >= 0 && !cands[over[k]].Demonym && cands[over[k]].Type == model.Person {
				break
			}
			o, end, ok := x.office(k, true)
			if !ok {
				continue
			}
			j := end
			if j < first && toks[j].Text == "،" {
				j++ // وزير الصناعة والتجارة المصري، منير فخري عبد النور
			}
			for j < first && officeHonorific[words[j].MF] {
				j++
			}
			if j == first && !x.notHolder(k) {
				add(o)
			}
		}
		// the name's own first word (الملك سلمان, الأمير خالد الفيصل as
		// the gazetteer writes them)
		if k := first; k+1 < len(toks) && toks[k+1].Start < c.End && words[k].Conj == "" && words[k].Prep == "" {
			if h := arabic.MatchForm(words[k].Stem); officeHeads[h] && words[k].Article != "" && words[k].Suffix == "" && !x.notHolder(k) {
				add(office{head: h, definite: true})
			}
		}
		// after it, past a comma, or without one where the office cannot
		// be a verb's object (عبد الواحد النبوي وزير الثقافة المصري)
		last := first
		for last+1 < len(toks) && toks[last+1].Start < c.End {
			last++
		}
		k := last + 1
		comma := k < len(toks) && toks[k].Text == "،"
		if comma {
			k++
		}
		if k < len(toks) && toks[k].Sentence == sent && words[k].Conj == "" && (comma || x.appositionSlot(first)) {
			// (not the next of a list: الملك سلمان وولي العهد)
			if o, _, ok := x.office(k, true); ok {
				add(o)
			}
		}
	}
	if len(holders) == 0 {
		return cands
	}

	var out []link.Candidate
	drop := map[int]bool{}
	for k := 0; k < len(toks); k++ {
		o, end, ok := x.office(k, false)
		if !ok {
			continue
		}
		if !o.definite {
			continue // وزير "a minister", رئيس جديد
		}
		sent := toks[k].Sentence
		// part of a name or a body's (رئيس الوزراء العراقي حيدر العبادي
		// as one name, مجلس الوزراء)
		skip := over[k] >= 0 && !cands[over[k]].Demonym
		skip = skip || x.titlesName(end, startsAt)
		if !skip && k > 0 && toks[k-1].Sentence == sent {
			prev := &words[k-1]
			_, named := endsAt[k-1]
			_, apposed := endsAt[k-2]
			skip = named || (toks[k-1].Text == "،" && k > 1 && apposed) || x.notHolder(k) ||
				wordIn(namedAfter, prev) || wordIn(officeWords, prev) || officeHeads[arabic.MatchForm(prev.Stem)]
		}
		if skip {
			k = end - 1
			continue
		}
		found := soleHolder(holders, func(h *holder) (string, bool) { return h.key, h.at < k && o.fits(h.office) })
		if found == nil {
			k = end - 1
			continue
		}
		// the span: the head and its description up to its last word or
		// nationality adjective; a body or place named after it stays its
		// own mention
		last := k
		for j := k + 1; j < end; j++ {
			if c := over[j]; c < 0 || cands[c].Demonym {
				last = j
			} else {
				break
			}
		}
		for j := k; j <= last; j++ {
			if c := over[j]; c >= 0 {
				drop[c] = true
			}
		}
		c := link.Candidate{Start: refStart(toks, words, k), End: toks[last].End, Sentence: sent,
			Type: model.Person, Entry: found.entry, Title: true, Anaphor: true}
		if found.entry == nil {
			c.RefStart, c.RefEnd = found.start, found.end
		}
		c.Text = string(rs[c.Start:c.End])
		out = append(out, c)
		k = end - 1
	}
	if len(out) == 0 {
		return cands
	}
	return append(withoutCandidates(cands, drop), out...)
}

// candIndex places an article's candidates in its tokens.
type candIndex struct {
	over  []int // the longest candidate over each token, -1: none
	first []int // each candidate's first token
	end   []int // one past each candidate's last token
}

// indexCandidates places cands in toks.
func indexCandidates(toks []segment.Token, cands []link.Candidate) candIndex {
	x := candIndex{over: make([]int, len(toks)), first: make([]int, len(cands)), end: make([]int, len(cands))}
	for k := range x.over {
		x.over[k] = -1
	}
	for i := range cands {
		c := &cands[i]
		first := firstToken(toks, c.Start)
		k := first
		for ; k < len(toks) && toks[k].Start < c.End; k++ {
			if o := x.over[k]; o < 0 || cands[o].End-cands[o].Start < c.End-c.Start {
				x.over[k] = i
			}
		}
		x.first[i], x.end[i] = first, k
	}
	return x
}

// soleHolder returns the one holder of an office a mention by office may
// refer to: of the holders fit accepts (returning the holder's person
// key), the first, when they are all one person; nil when fit accepts
// none or two persons.
func soleHolder[H any](holders []H, fit func(*H) (key string, ok bool)) *H {
	var found *H
	var foundKey string
	for i := range holders {
		key, ok := fit(&holders[i])
		if !ok {
			continue
		}
		if found != nil && foundKey != key {
			return nil
		}
		found, foundKey = &holders[i], key
	}
	return found
}

// office is an office phrase: its head noun and its description.
type office struct {
	head  string   // MatchForm of the head noun's stem (وزير)
	words []string // MatchForm stems of the definite words after it (خارجيه)
	ents  []string // the countries and bodies it names (the gazetteer keys of الأميركي, للأمم المتحدة)
	// definite: the phrase has a definite word (الوزير, وزير الخارجية,
	// رئيس مصر), not رئيس جديد "a new president"
	definite bool
}

// fits reports whether the office phrase o may refer to a holder of t.
func (o office) fits(t office) bool {
	if o.head != t.head {
		return false
	}
	if len(o.words) == 0 && officeExact[o.head] && len(t.words) > 0 {
		return false
	}
	for _, w := range o.words {
		if !slices.Contains(t.words, w) {
			return false
		}
	}
	for _, e := range o.ents {
		if !slices.Contains(t.ents, e) {
			return false
		}
	}
	return true
}

// officeScan reads office phrases over an article's tokens.
type officeScan struct {
	toks  []segment.Token
	words []arabic.Word
	cands []link.Candidate
	over  []int
}

// office returns the office phrase whose head is token k and the token
// after it, or false when token k is no head. With and, the description
// goes on past a definite word joined by و (وزير الصناعة والتجارة).
func (x *officeScan) office(k int, and bool) (office, int, bool) {
	w := &x.words[k]
	h := arabic.MatchForm(w.Stem)
	if !officeHeads[h] || w.Suffix != "" {
		return office{}, 0, false
	}
	o := office{head: h, definite: w.Article != ""}
	sent := x.toks[k].Sentence
	// construct: an indefinite head and indefinite words after it so far
	// (أمين عام, وزير خارجية), which a name in the genitive may end
	construct := w.Article == ""
	j := k + 1
	for j < len(x.toks) && j <= k+5 && x.toks[j].Sentence == sent {
		v := &x.words[j]
		if c := x.over[j]; c >= 0 {
			cd := &x.cands[c]
			if cd.Type == model.Person && !cd.Demonym {
				break
			}
			// a nationality, or a body or place in the genitive: after an
			// indefinite head (رئيس مصر، أمين عام جامعة الدول العربية) or
			// with ل (الأمين العام للأمم المتحدة; لحزب الله, whose ل the
			// analyser leaves on a stem of three letters but the
			// candidate does not cover)
			withL := v.Prep == "ل" || cd.Start == x.toks[j].Start+1 && strings.HasPrefix(x.toks[j].Text, "ل")
			if !cd.Demonym && (v.Conj != "" || !withL && !construct) {
				break
			}
			construct = false
			o.definite = o.definite || !cd.Demonym || x.words[j].Article != ""
			o.ents = append(o.ents, candidateKey(cd))
			for j < len(x.toks) && x.toks[j].Start < cd.End {
				j++
			}
			continue
		}
		if v.Conj != "" && !(and && v.Conj == "و" && v.Article != "") || v.Prep != "" || officeHonorific[v.MF] || officeHeads[arabic.MatchForm(v.Stem)] ||
			v.Article == "" && !construct || !arabic.HasScript(x.toks[j].Text) {
			break
		}
		construct = construct && v.Article == ""
		o.definite = o.definite || v.Article != ""
		o.words = append(o.words, arabic.MatchForm(v.Stem))
		j++
	}
	return o, j, true
}

// titlesName reports whether the office phrase that ends before token
// end is the title of a name soon after it: past honorifics, definite words
// and words no particle or preposition (الرئيس الأميركي بارك أوباما when
// the tagger took only أوباما, رئيس الوزراء الأسترالي المحافظ أبوت), and
// a preposition before a place (السفير المصري في باريس إيهاب بدوي); not
// past another preposition (وبحث ولي العهد مع الرئيس ماكرون) or office.
func (x *officeScan) titlesName(end int, startsAt map[int]int) bool {
	if end >= len(x.toks) {
		return false
	}
	sent := x.toks[end-1].Sentence
	for j := end; j < end+5 && j < len(x.toks) && x.toks[j].Sentence == sent; j++ {
		if _, ok := startsAt[j]; ok {
			return true
		}
		w := &x.words[j]
		if c := x.over[j]; c >= 0 {
			return false
		}
		if officeHonorific[w.MF] {
			continue
		}
		if officePreps[w.MF] {
			// في باريس: a place, then the name
			if j+1 < len(x.toks) && x.over[j+1] >= 0 && x.cands[x.over[j+1]].Type == model.Location {
				c := &x.cands[x.over[j+1]]
				for j+1 < len(x.toks) && x.toks[j+1].Start < c.End {
					j++
				}
				continue
			}
			return false
		}
		if w.Conj != "" || w.Prep != "" || w.Suffix != "" || officeFunction[w.MF] || !arabic.HasScript(x.toks[j].Text) ||
			officeHeads[arabic.MatchForm(w.Stem)] {
			return false
		}
	}
	return false
}

// appositionSlot reports whether a name starting at token j stands where
// an office right after it cannot be a verb's object (the name's own
// honorifics, nationality and role before it: الأمير, الفرنسي, المخرج):
// first in its sentence, after a speech verb, or where no verb stands
// before it — a preposition, a noun with a clitic preposition or the
// article (بحضور, برئاسة), كان or أن (lexicon ar_preps,
// ar_before_apposition), as rel reads titles.
func (x *officeScan) appositionSlot(j int) bool {
	sent := x.toks[j].Sentence
	for j > 0 && x.toks[j-1].Sentence == sent {
		w := &x.words[j-1]
		if o := x.over[j-1]; officeHonorific[w.MF] || o >= 0 && x.cands[o].Demonym ||
			o < 0 && w.Article != "" && w.Prep == "" && officeWords[arabic.MatchForm(w.Stem)] {
			j-- // the name's own honorific, nationality or role: التقى الرئيس بوتين
		} else {
			break
		}
	}
	if j == 0 || x.toks[j-1].Sentence != sent {
		return true
	}
	w := &x.words[j-1]
	bare := arabic.MatchForm(strings.TrimPrefix(x.toks[j-1].Text, w.Conj))
	if speechVerbs[w.MF] || w.Conj != "" && speechVerbs[bare] {
		return true
	}
	if x.over[j-1] < 0 && w.Suffix != "" && w.Article == "" {
		return true // a word with its pronoun: عقده جوزيف بلاتر رئيس الفيفا (as rel's appositionSlot)
	}
	if x.over[j-1] >= 0 || actionVerbs[w.MF] || actionVerbs[bare] {
		return false // (التقى reads as ال + تقى)
	}
	// (a name's own analysis is no guide: فلاديمير is not ف + ل + ...)
	return x.over[j] < 0 && x.words[j].Prep != "" || w.Prep != "" || w.Article != "" || beforeApposition[bare]
}

// beforeApposition: the words after which a name is no verb's subject
// (lexicon ar_preps and ar_before_apposition), in MatchForm.
var beforeApposition = arabic.WordSet(strings.Join(append(lexicon.Class("ar_preps"), lexicon.Class("ar_before_apposition")...), " "))

// speechVerbs and actionVerbs are the one-word forms of the lexicon's
// Arabic speech verbs (قال، أكد، أوضح) and of its other trigger verbs
// (التقى، استقبل), in MatchForm.
var (
	speechVerbs = triggerForms(true)
	actionVerbs = triggerForms(false)
)

func triggerForms(speech bool) map[string]bool {
	out := map[string]bool{}
	for _, t := range lexicon.Get().ArTriggers {
		if t.Speech == speech {
			for _, f := range t.Forms {
				if !strings.Contains(f, "_") {
					out[f] = true
				}
			}
		}
	}
	return out
}

// notHolder reports whether the word before token k makes the office
// another's (نائب الرئيس).
func (x *officeScan) notHolder(k int) bool {
	return k > 0 && x.toks[k-1].Sentence == x.toks[k].Sentence && wordIn(notHolderWords, &x.words[k-1])
}

// candidateKey is the gazetteer key of c, or its text.
func candidateKey(c *link.Candidate) string {
	if c.Entry != nil {
		return c.Entry.Key
	}
	return localKey + arabic.MatchForm(c.Text)
}

var (
	// officeHeads: lexicon ar_office_ref_head; officeExact:
	// ar_office_ref_exact; officeHonorific: ar_between_title_and_name;
	// notHolderWords: ar_not_holder (all MatchForm)
	officeHeads     = arabic.WordSet(strings.Join(lexicon.Class("ar_office_ref_head"), " "))
	officeExact     = arabic.WordSet(strings.Join(lexicon.Class("ar_office_ref_exact"), " "))
	officeHonorific = arabic.WordSet(strings.Join(lexicon.Class("ar_between_title_and_name"), " "))
	notHolderWords  = arabic.WordSet(strings.Join(lexicon.Class("ar_not_holder"), " "))
	// officePreps: ar_preps; officeFunction: ar_speech_next (the words
	// after a speech verb that are not its subject: أن، أمس)
	officePreps    = arabic.WordSet(strings.Join(lexicon.Class("ar_preps"), " "))
	officeFunction = arabic.WordSet(strings.Join(lexicon.Class("ar_speech_next"), " "))
)
