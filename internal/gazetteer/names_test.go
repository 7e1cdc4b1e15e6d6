package gazetteer

import (
	"testing"

	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/text/arabic"
	"github.com/kg-project/kg/internal/text/segment"
)

// TestNameLists checks what the names/ sources bring to the embedded
// gazetteer: QIDs from WikiKGE-10 and the leader lists, Arabic names of
// QID entries from ArWikiCats, GeoNames towns, and the person names that
// only name what the NER finds.
func TestNameLists(t *testing.T) {
	g := mustDefault(t)
	for form, key := range map[string]string{
		"لشبونة":              "wd:Q597",     // a world-cities city that WikiKGE gives its QID
		"طبرق":                "wd:Q182092",  // idem
		"عبد ربه منصور هادي":  "wd:Q57480",   // curated Mansur, leader list Mansour: one person
		"راشد الغنوشي":        "wd:Q360792",  // a petrarch person that WikiKGE gives its QID
		"جوكو ويدودو":         "wd:Q3318231", // a leader's Arabic name from ArWikiCats
		"الدرعية":             "wd:Q277505",  // a GeoNames town (its QID from curated.yaml)
		"سلمان بن عبد العزيز": "wd:Q367825",
	} {
		es := g.Lookup(arabic.MatchForm(form))
		if len(es) == 0 || es[0].Key != key {
			t.Errorf("Lookup(%q) = %v, want %s first", form, keys(es), key)
		}
	}
	// a person of the name list: a name with its attested spelling, found by
	// Lookup (for the NER's persons), never matched by FindAll, no QID
	m := arabic.MatchForm("عصمت الحبروك")
	es := g.Lookup(m)
	if len(es) != 1 || es[0].Type != model.Person || es[0].Name != "Ismat Al-Habrouk" || es[0].QID != "" {
		t.Fatalf("Lookup(%q) = %+v", m, es)
	}
	if es[0].Key != KeyFor(model.Person, "عصمت الحبروك") {
		t.Errorf("key %s, want the key the linker gives a name the gazetteer lacks", es[0].Key)
	}
	if again := g.Lookup(m); &again[0] != &es[0] && again[0] != es[0] {
		t.Error("a second Lookup makes another entry")
	}
	if !g.IsAmbiguous(m) {
		t.Errorf("%q is not ambiguous", m)
	}
	for _, text := range []string{
		"قال عصمت الحبروك",        // the name list's persons need the NER
		"قطع 300 ميلا",            // "miles", not Mila (Algeria)
		"عند مفرق الطريق",         // "junction", not Al Mafraq (Jordan)
		"تفتيش المنشأة النووية",   // "the facility", not Al Minshah (Egypt)
		"في رقة",                  // "softness", not Ar Raqqah
		"قال سالم",                // a given name, not Salem (India)
		"أكد أن صالح حماه",        // "that Saleh", not In Salah (إن صالح)
		"قال محمد بخاري",          // a frequent name, not Muhammadu Buhari
		"قالت فاطمة الزهراء",      // a frequent name, not the Prophet's daughter
		"ربات البيوت",             // "housewives": ربات is only a variant spelling of Rabat
		"مبادرة Share The Meal",   // SHARE, an abbreviation of the lists, matches in upper case only
		"Eric Rohmer directed it", // idem ERIC
	} {
		if ms := g.FindAll(segment.Tokenize(text)); len(ms) != 0 {
			t.Errorf("%q: matched %q -> %s", text, ms[0].Surface, ms[0].Entry.Key)
		}
	}
	// an alias a small town shares with a prominent entry stays the
	// prominent entry's
	for text, key := range map[string]string{"في الرياض": "wd:Q3692", "في الرقة": "wd:Q283368", "في الإسكندرية": "wd:Q87"} {
		ms := g.FindAll(segment.Tokenize(text))
		if len(ms) != 1 || ms[0].Entry.Key != key {
			t.Errorf("%q: %v, want %s", text, ms, key)
		}
	}
	// but the NER may still link a common word that is a name
	if es := g.Lookup(arabic.MatchForm("ميلا")); len(es) == 0 || es[0].Key != "location:mila_dz" {
		t.Errorf("Lookup(ميلا) = %v", keys(es))
	}
}
