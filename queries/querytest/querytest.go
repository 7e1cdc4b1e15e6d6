// Package querytest holds a small hand-made graph for the tests of the saved
// queries, exports and the Browser: three articles about the January 2022
// events in Kazakhstan, written with the real graph writer so every
// aggregate property (aliases_text, names_ar, counts, first_seen...) is
// what a real load produces. Only tests import it.
package querytest

import (
	"context"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/model"
)

// Keys of the fixture's entities.
const (
	Putin      = "wd:Q7747"
	Russia     = "wd:Q159"
	Kazakhstan = "wd:Q232"
	CSTO       = "organization:collective_security_treaty_organization"
	Tokayev    = "person:kassym_jomart_tokayev"
	Almaty     = "location:almaty"
)

type ent struct {
	key, name, typ, wd string
	forms              []string
}

var ents = map[string]ent{
	Putin:      {Putin, "Vladimir Putin", model.Person, "Q7747", []string{"فلاديمير بوتين", "بوتين", "Putin"}},
	Russia:     {Russia, "Russia", model.Location, "Q159", []string{"روسيا", "Russia"}},
	Kazakhstan: {Kazakhstan, "Kazakhstan", model.Location, "Q232", []string{"كازاخستان", "Kazakhstan"}},
	CSTO:       {CSTO, "Collective Security Treaty Organization", model.Organization, "", []string{"منظمة معاهدة الأمن الجماعي", "CSTO"}},
	Tokayev:    {Tokayev, "Kassym-Jomart Tokayev", model.Person, "", []string{"قاسم جومارت توكاييف", "Tokayev"}},
	Almaty:     {Almaty, "Almaty", model.Location, "", []string{"ألماتي", "Almaty"}},
}

type rel struct {
	s, p, o, modality, sentence string
}

type article struct {
	id, title, published, lang string
	keys                       []string
	rels                       []rel
}

var articles = []article{
	{"fx-1", "بوتين: الهجوم على كازاخستان عمل عدواني", "2022-01-10", "ar",
		[]string{Putin, Russia, Kazakhstan, CSTO, Tokayev},
		[]rel{
			{Putin, "ADDRESSED", CSTO, model.Asserted, "وقد جاء ذلك خلال مشاركته في جلسة افتراضية استثنائية لمنظمة معاهدة الأمن الجماعي."},
			{Putin, "PRESIDENT_OF", Russia, model.Asserted, "قال الرئيس الروسي فلاديمير بوتين يوم الإثنين إن الهجوم على كازاخستان عمل عدواني."},
			{Tokayev, "PRESIDENT_OF", Kazakhstan, model.Asserted, "ندد رئيس كازاخستان قاسم جومارت توكاييف بما أسماه محاولة انقلاب."},
			{Russia, "DEPLOYED_TROOPS_IN", Kazakhstan, model.Asserted, "ونشرت روسيا بالفعل قوات في هذا البلد."},
			{Tokayev, "REQUESTED_ASSISTANCE_FROM", Russia, model.Asserted, "دعا رئيس كازاخستان موسكو إلى إرسال قوات."},
		}},
	{"fx-2", "Putin and Tokayev meet as troops prepare to leave", "2022-01-12", "en",
		[]string{Putin, Tokayev, Russia, Kazakhstan, CSTO},
		[]rel{
			{Putin, "MET_WITH", Tokayev, model.Asserted, "Putin met Tokayev in Moscow on Wednesday."},
			{Russia, "WITHDREW_FROM", Kazakhstan, model.Future, "Russian troops will withdraw from Kazakhstan after their mission ends."},
			{Putin, "ADDRESSED", CSTO, model.Asserted, "Putin addressed the CSTO summit again."},
		}},
	{"fx-3", "Almaty returns to normal", "2022-02-01", "en",
		[]string{Almaty, Kazakhstan, Putin},
		[]rel{
			{Almaty, "LOCATED_IN", Kazakhstan, model.Asserted, "Almaty, the largest city of Kazakhstan, returned to normal."},
			{Putin, "COMMENTED_ON", Kazakhstan, model.Reported, "Putin said the attack on Kazakhstan was an act of aggression."},
		}},
}

// Items returns the fixture as writer items.
func Items() []graph.Item {
	var out []graph.Item
	for _, a := range articles {
		x := &model.Extraction{Doc: model.DocInfo{ID: a.id, Lang: a.lang, Title: a.title, Published: a.published}}
		off := 0
		for _, k := range a.keys {
			e := ents[k]
			me := model.Entity{ID: e.key, Name: e.name, Type: e.typ, Wikidata: e.wd, Aliases: e.forms}
			for _, f := range e.forms {
				me.Mentions = append(me.Mentions, model.Mention{Text: f, Start: off, End: off + len([]rune(f))})
				off += len([]rune(f)) + 1
			}
			x.Entities = append(x.Entities, me)
		}
		start := 0
		for _, r := range a.rels {
			n := len([]rune(r.sentence))
			x.Relations = append(x.Relations, model.Relation{Subject: r.s, Predicate: r.p, Object: r.o,
				Confidence: 0.9, Modality: r.modality, Evidence: model.Evidence{Sentence: r.sentence, Start: start, End: start + n}})
			start += n + 1
		}
		out = append(out, graph.Item{
			Article:     model.Article{ID: a.id, Title: a.title, Published: a.published, Lang: a.lang, URL: "https://example.org/" + a.id, Source: "querytest"},
			ContentHash: "fixture-" + a.id, Extractor: "querytest", Extraction: x,
		})
	}
	return out
}

// Load writes the fixture into the graph, aggregates included (idempotent).
func Load(ctx context.Context, w graph.Writer) error {
	if err := w.WriteBatch(ctx, Items()); err != nil {
		return err
	}
	_, err := w.Settle(ctx, nil)
	return err
}
