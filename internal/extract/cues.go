package extract

import (
	"github.com/kg-project/kg/internal/extract/link"
	"github.com/kg-project/kg/internal/gazetteer"
	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/text/arabic"
	"github.com/kg-project/kg/internal/text/segment"
	"github.com/kg-project/kg/internal/translit"
)

// The noun right before a name says what kind of thing it names: مروحيات
// أباتشي are helicopters, سيارة تاهو a car, متحف مدام توسو a museum, شبكة
// بلومبيرغ a network, نادي برشلونة a club. The tagger, which has seen few
// such names, takes many of them for people, and the gazetteer links the
// club to its city. The nouns and their kinds are translit's
// data/orgwords.tsv (the marks "product", "work", "org" and "place").

type cueKind int

const (
	noCue cueKind = iota
	// productCue: a kind of product, vehicle or weapon; the name after it
	// is a model's or a brand's, no person and no place
	productCue
	// orgCue: a kind of organisation named by its own name (شبكة،
	// وكالة، مجموعة), not by its field or owner (وزارة الصحة): a name
	// after it is the organisation's
	orgCue
	// nameOrgCue: an orgCue always followed by a name (نادي, صحيفة, قناة):
	// even a place's name after it is the club's or the newspaper's
	nameOrgCue
	// placeCue: a kind of place or building (متحف, قصر, فندق)
	placeCue
	// workCue: a kind of work (فيلم, رواية, مسلسل): the name after it is
	// a title, no entity at all
	workCue
)

// cueAt returns the kind of noun token j is; noCue when the noun carries a
// pronoun (سيارته "his car"), makes a fixed phrase with the next word
// (قناة السويس "the Suez Canal") or is also a title (لواء "brigade" and
// "major general"). An organisation noun with the article is followed
// by a name in apposition, not in the construct state: the name is then
// the person who speaks for it (المتحدث باسم المنظمة كريستيان ليندماير).
func (p *Pipeline) cueAt(toks []segment.Token, words []arabic.Word, j int) cueKind {
	if j < 0 || j >= len(toks) || words[j].Suffix != "" || words[j].Stem == "" {
		return noCue
	}
	if title, _ := p.tagger.Model().Cue(toks[j].Text); title {
		return noCue
	}
	k := p.cueWord(toks, words, j)
	if (k == orgCue || k == nameOrgCue) && words[j].Article != "" {
		return noCue
	}
	return k
}

func (p *Pipeline) cueWord(toks []segment.Token, words []arabic.Word, j int) cueKind {
	stem := arabic.MatchForm(words[j].Stem)
	if j+1 < len(toks) && toks[j+1].Sentence == toks[j].Sentence {
		if _, ok := translit.LookupWord(stem + " " + words[j+1].MF); ok {
			return noCue
		}
	}
	if j > 0 && toks[j-1].Sentence == toks[j].Sentence && words[j-1].Stem != "" {
		if wi, ok := translit.LookupWord(arabic.MatchForm(words[j-1].Stem) + " " + stem); ok {
			return kindOf(wi) // علامة تجارية
		}
	}
	wi, ok := translit.LookupWord(stem)
	if !ok {
		return noCue
	}
	return kindOf(wi)
}

func kindOf(wi translit.WordInfo) cueKind {
	switch {
	case wi.Class != "noun" || wi.Of:
		return noCue
	case wi.ProductHead:
		return productCue
	case wi.WorkHead:
		return workCue
	case wi.OrgHead && !wi.State && !wi.Forces && wi.TakesName:
		return nameOrgCue
	case wi.OrgHead && !wi.State && !wi.Forces:
		return orgCue
	case wi.PlaceHead:
		return placeCue
	}
	return noCue
}

// cueBefore returns the kind of the noun before token a, an opening quote
// between them allowed (سيارات «رولزرويس»).
func (p *Pipeline) cueBefore(toks []segment.Token, words []arabic.Word, a int) cueKind {
	j := a - 1
	if j >= 0 && isOpenQuote(toks[j].Text) {
		j--
	}
	if j < 0 || toks[j].Sentence != toks[a].Sentence {
		return noCue
	}
	return p.cueAt(toks, words, j)
}

// cueType returns the type of the NER span tokens [a, b) tagged typ once the
// noun before it (cueAt; or its own first word, شبكة بلومبيرغ) has had its say,
// and false when the span names a work or a product (dropped): after a work
// noun, anything is a title (فيلم تيتانيك); after a product noun,
// a person or place is a model or brand (an organisation is its maker:
// طائرة بوينغ); after an organisation noun, a person is the organisation
// (and after a noun always followed by a name, a place too); after a place
// noun, a person is the place. A person's name the lists support
// (personSupported: جوال محمد البكيري "Muhammad al-Bukairi's mobile")
// stays a person, unless an organisation's or place's noun is the span's
// own first word.
func (p *Pipeline) cueType(toks []segment.Token, words []arabic.Word, a, b int, typ string) (string, bool) {
	k, first := p.cueBefore(toks, words, a), a
	if k == noCue && b-a >= 2 {
		k, first = p.cueAt(toks, words, a), a+1
	}
	// a person's name after the noun is still the person's (مكتب
	// كيسنجر, جوال محمد البكيري), but an organisation's or a place's noun
	// inside the span makes one name with it, the body's or the place's
	// (ميليشيا الحوثي, شارع الملك فهد)
	own := first > a && (k == orgCue || k == nameOrgCue || k == placeCue)
	if k == noCue || typ == model.Person && !own && p.personSupported(words, first, b) {
		return typ, true
	}
	switch {
	case k == workCue:
		return "", false
	case k == productCue && typ != model.Organization:
		return "", false
	case (k == orgCue || k == nameOrgCue) && typ == model.Person, k == nameOrgCue && typ == model.Location:
		return model.Organization, true
	case k == placeCue && typ == model.Person:
		return model.Location, true
	case k == placeCue && typ == model.Organization && first == a && b-a <= 2 && settlementBefore(toks, words, a):
		// منطقة «انفيلد» "the Enfield area"; not a body's longer name
		// (مدينة [الملك عبدالعزيز للعلوم والتقنية])
		return model.Location, true
	}
	return typ, true
}

// settlementBefore reports whether the word before token a (an opening
// quote between allowed) is a noun of a city, district, settlement or
// region (ar_city_word, ar_district_word, ar_settlement_word, ar_region):
// the name after it is a place's, whatever the tagger made of it.
func settlementBefore(toks []segment.Token, words []arabic.Word, a int) bool {
	j := a - 1
	if j >= 0 && isOpenQuote(toks[j].Text) {
		j--
	}
	if j < 0 || toks[j].Sentence != toks[a].Sentence {
		return false
	}
	w := &words[j]
	return wordIn(cityWords, w) || wordIn(districtWords, w) || wordIn(settlementWords, w) || wordIn(regionWords, w)
}

// personSupported reports whether the name lists support tokens [a, b) as a
// person's name: the first word is a given name of firstGiven people, or
// some word is a name word of personNameCount people (مكتب كيسنجر is
// Kissinger's office; بلومبيرغ, two people of the lists, is the network).
func (p *Pipeline) personSupported(words []arabic.Word, a, b int) bool {
	if p.words == nil || a >= b {
		return false
	}
	if p.words.Name(words[a].MF).Given >= firstGiven {
		return true
	}
	for k := a; k < b; k++ {
		if p.words.Name(words[k].MF).PersonCount() >= personNameCount {
			return true
		}
	}
	return false
}

// cueMatches applies the nouns before gazetteer matches: a place or person
// of one word after a product noun that is not a prominent entry is a
// model's name (سيارات تاهو is no Lake Tahoe) and is dropped; a place
// after a noun always followed by a name (نادي برشلونة, صحيفة نيويورك
// تايمز) is the club or the newspaper: the match (returned in names) becomes an
// organisation the gazetteer lacks, over the tagger's organisation span
// when one begins there and goes on (returned in orgs).
func (p *Pipeline) cueMatches(toks []segment.Token, words []arabic.Word, ms []gazetteer.Match, tg *tagged) (kept, names []gazetteer.Match, orgs []link.Candidate) {
	kept = ms[:0]
	for _, m := range ms {
		if m.IsDemonym || m.Entry == nil {
			kept = append(kept, m)
			continue
		}
		k := p.cueBefore(toks, words, m.Start)
		switch {
		case k == productCue && m.Entry.Type != model.Organization && m.End-m.Start == 1 && !m.Entry.IsProminent():
			continue
		case k == nameOrgCue && m.Entry.Type == model.Location:
			cs := link.FromMatches(toks, []gazetteer.Match{m})
			if len(cs) == 0 {
				continue
			}
			c := cs[0]
			c.Entry, c.Type = nil, model.Organization
			if end := tg.orgSpanEnd(m.Start); end > m.End {
				c.End = toks[end-1].End
			}
			names = append(names, m)
			orgs = append(orgs, c)
			continue
		}
		kept = append(kept, m)
	}
	return kept, names, orgs
}

// preferCueOrgs settles the overlaps of the organisation phrases and the
// organisations cueMatches made of places: the phrase that holds the place
// is the name (إذاعة الرياض, صحيفة الشرق الأوسط), unless the tagger's
// span goes on beyond it (صحيفة نيويورك | تايمز).
func preferCueOrgs(phrases, cue []link.Candidate) ([]link.Candidate, []link.Candidate) {
	dropPhrase := make([]bool, len(phrases))
	keptCue := cue[:0]
	for _, c := range cue {
		keep := true
		for i, o := range phrases {
			if o.Start < c.End && c.Start < o.End {
				if c.End > o.End {
					dropPhrase[i] = true
				} else {
					keep = false
				}
			}
		}
		if keep {
			keptCue = append(keptCue, c)
		}
	}
	keptPhrases := phrases[:0]
	for i, o := range phrases {
		if !dropPhrase[i] {
			keptPhrases = append(keptPhrases, o)
		}
	}
	return keptPhrases, keptCue
}

// orgSpanEnd returns the end (token index) of the tagger's organisation
// span that begins at token i, or -1.
func (t *tagged) orgSpanEnd(i int) int {
	for si, spans := range t.spans {
		if si+1 < len(t.starts) && t.starts[si+1] <= i {
			continue
		}
		for _, sp := range spans {
			if sp.Type == "ORG" && t.starts[si]+sp.Start == i {
				return t.starts[si] + sp.End
			}
		}
		break
	}
	return -1
}
