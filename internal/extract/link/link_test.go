package link

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/gazetteer"
	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/text/arabic"
	"github.com/kg-project/kg/internal/text/segment"
	"github.com/kg-project/kg/internal/translit"
)

func gaz(t testing.TB) *gazetteer.Gazetteer {
	t.Helper()
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// candidates returns the gazetteer candidates of text plus NER-like
// candidates (no gazetteer entry) for the given spans of text.
func candidates(t testing.TB, text string, ner map[string]string) []Candidate {
	toks := segment.Tokenize(text)
	cands := FromMatches(toks, gaz(t).FindAll(toks))
	rs := []rune(text)
	for span, typ := range ner {
		from := 0
		for {
			i := strings.Index(string(rs[from:]), span)
			if i < 0 {
				break
			}
			start := from + len([]rune(string(rs[from:])[:i]))
			end := start + len([]rune(span))
			sent := 0
			for _, tk := range toks {
				if tk.Start == start {
					sent = tk.Sentence
				}
			}
			cands = append(cands, Candidate{Start: start, End: end, Sentence: sent, Text: span, Type: typ})
			from = end
		}
	}
	sort.SliceStable(cands, func(a, b int) bool { return cands[a].Start < cands[b].Start })
	return cands
}

// outermost drops the candidates inside a longer one (candidates finds a
// surname again inside the full name).
func outermost(cands []Candidate) []Candidate {
	var cs []Candidate
	for _, c := range cands {
		inside := false
		for _, o := range cands {
			if o.Start <= c.Start && o.End >= c.End && o.End-o.Start > c.End-c.Start {
				inside = true
			}
		}
		if !inside {
			cs = append(cs, c)
		}
	}
	return cs
}

func byID(ents []model.Entity) map[string]model.Entity {
	m := map[string]model.Entity{}
	for _, e := range ents {
		m[e.ID] = e
	}
	return m
}

func TestResolveSeed(t *testing.T) {
	files, _ := filepath.Glob("/work/shared/corpus/seed/*.txt")
	if len(files) == 0 {
		t.Skip("seed article not found under /work/shared/corpus/seed")
	}
	raw, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	text := string(raw)
	toks := segment.Tokenize(text)
	cands := FromMatches(toks, gaz(t).FindAll(toks))
	ents, ids := Resolve(text, cands)
	if len(ids) != len(cands) {
		t.Fatalf("%d ids for %d candidates", len(ids), len(cands))
	}
	m := byID(ents)
	for id, qid := range map[string]string{
		"wd:Q7747": "Q7747", "wd:Q159": "Q159", "wd:Q232": "Q232", "wd:Q649": "Q649",
		"wd:Q15180": "Q15180", "wd:Q318693": "Q318693", "wd:Q27275": "Q27275",
	} {
		e, ok := m[id]
		if !ok {
			t.Errorf("entity %s missing", id)
			continue
		}
		if e.Wikidata != qid {
			t.Errorf("%s: wikidata %q", id, e.Wikidata)
		}
	}
	putin := m["wd:Q7747"]
	if len(putin.Mentions) != 2 || putin.Type != model.Person {
		t.Errorf("Putin: %+v", putin)
	}
	// every mention is in the text at its offsets
	rs := []rune(text)
	for _, e := range ents {
		for _, mn := range e.Mentions {
			if string(rs[mn.Start:mn.End]) != mn.Text {
				t.Errorf("%s: mention %q at %d:%d is %q", e.ID, mn.Text, mn.Start, mn.End, string(rs[mn.Start:mn.End]))
			}
		}
		t.Logf("%s %s %s %v (%d mentions)", e.ID, e.Type, e.Name, e.Aliases, len(e.Mentions))
	}
	// deterministic
	again, _ := Resolve(text, cands)
	if !reflect.DeepEqual(ents, again) {
		t.Error("Resolve is not deterministic")
	}

}

func TestPartialNames(t *testing.T) {
	// invented names, not in the gazetteer
	text := "التقى الوزير سامر الخطيبي بنظيره. وقال الخطيبي إن الاجتماع كان مثمرا. Samer Khatibi said more. Khatibi left."
	cands := candidates(t, text, map[string]string{
		"سامر الخطيبي": model.Person, "الخطيبي": model.Person, "Samer Khatibi": model.Person, "Khatibi": model.Person,
	})
	// "الخطيبي" also occurs inside "سامر الخطيبي": drop that overlapping copy
	cs := outermost(cands)
	ents, ids := Resolve(text, cs)
	persons := 0
	for _, e := range ents {
		if e.Type == model.Person {
			persons++
		}
	}
	if persons != 1 {
		t.Fatalf("got %d persons, want 1: %+v", persons, ents)
	}
	e := ents[0]
	if e.ID != "person:سامر_الخطيبي" || len(e.Mentions) != 4 {
		t.Errorf("entity %+v", e)
	}
	if e.Name != "Samer Khatibi" {
		t.Errorf("name %q", e.Name)
	}
	for i, id := range ids {
		if id != e.ID {
			t.Errorf("candidate %d (%s) -> %q", i, cs[i].Text, id)
		}
	}
}

// TestSurnameTypedOtherwise: a one-word surname the tagger typed a place
// or an organisation joins the person of the article whose longer name ends
// with it (invented names), unless it is mentioned more often than the
// person, or the person's other words are ordinary words (a span like
// "the X virus").
func TestSurnameTypedOtherwise(t *testing.T) {
	cases := []struct {
		name, text string
		ner        map[string]string
		persons    int // person entities
		joined     bool
	}{
		{"surname after a verb of motion", "قالت الوزيرة سيلما كارسترون إن الحوار مستمر. وزارت كارسترون العاصمة أمس.",
			map[string]string{"سيلما كارسترون": model.Person, "كارسترون": model.Location}, 1, true},
		{"typed an organisation", "وقع المهاجم جوليانو ريبيكوف عقدا جديدا. وقال ريبيكوف إنه سعيد.",
			map[string]string{"جوليانو ريبيكوف": model.Person, "ريبيكوف": model.Organization}, 1, true},
		{"mentioned more often than the person", "التقى سامر ريبيكوف وفدا. ريبيكوف ريبيكوف.",
			map[string]string{"سامر ريبيكوف": model.Person, "ريبيكوف": model.Organization}, 1, false},
		{"ordinary words before it", "انتشر فيروس ريبيكوف في المدينة. وقالت شركة ريبيكوف إنها تبحث عن علاج.",
			map[string]string{"فيروس ريبيكوف": model.Person, "ريبيكوف": model.Organization}, 1, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var cands []Candidate
			for _, cd := range candidates(t, c.text, c.ner) {
				inside := false
				for _, o := range candidates(t, c.text, c.ner) {
					if o.Start <= cd.Start && o.End >= cd.End && o.End-o.Start > cd.End-cd.Start {
						inside = true
					}
				}
				if !inside && cd.Entry == nil {
					cands = append(cands, cd)
				}
			}
			ents, _ := Resolve(c.text, cands)
			persons, others := 0, 0
			for _, e := range ents {
				if e.Type == model.Person {
					persons++
				} else {
					others++
				}
			}
			if persons != c.persons || (others == 0) != c.joined {
				t.Errorf("persons %d, others %d; want %d persons, joined %v: %+v", persons, others, c.persons, c.joined, ents)
			}
		})
	}
}

func TestSurnameBeforeFullName(t *testing.T) {
	text := "قال توكاييف أمس. وكان قاسم جومارت توكاييف قد ندد بالهجوم."
	cands := candidates(t, text, nil)
	ents, ids := Resolve(text, cands)
	if len(ents) != 1 || ents[0].ID != "wd:Q200881" {
		t.Fatalf("got %+v", ents)
	}
	if ids[0] != ids[1] {
		t.Errorf("ids %v", ids)
	}
}

func TestNERCandidateJoinsGazetteerPerson(t *testing.T) {
	text := "قال فلاديمير بوتين إن بوتين الرئيس."
	toks := segment.Tokenize(text)
	cands := FromMatches(toks, gaz(t).FindAll(toks))
	// NER proposes a partial name the gazetteer would not match (with a clitic)
	cands = append(cands, Candidate{Start: 0, End: 3, Text: "قال", Type: model.Misc})
	ents, _ := Resolve(text, cands)
	m := byID(ents)
	if e := m["wd:Q7747"]; len(e.Mentions) != 2 {
		t.Errorf("Putin: %+v", e)
	}
}

func TestCrossScript(t *testing.T) {
	text := "قال ميرزويان إن المحادثات ستستمر. Mirzoyan said talks would go on."
	cands := candidates(t, text, map[string]string{"ميرزويان": model.Person, "Mirzoyan": model.Person})
	ents, _ := Resolve(text, cands)
	if len(ents) != 1 {
		t.Fatalf("got %d entities: %+v", len(ents), ents)
	}
	if ents[0].ID != "person:ميرزويان" || len(ents[0].Mentions) != 2 {
		t.Errorf("got %+v", ents[0])
	}
}

func TestDemonymOnlyCountry(t *testing.T) {
	text := "أعلنت الحكومة الكازاخستانية توقيف المحتجين في روسيا والقوات الروسية."
	cands := candidates(t, text, nil)
	ents, ids := Resolve(text, cands)
	m := byID(ents)
	kz, ru := m["wd:Q232"], m["wd:Q159"]
	if len(kz.Mentions) != 1 || kz.Mentions[0].Text != "الكازاخستانية" {
		t.Errorf("Kazakhstan from its adjective only: %+v", kz)
	}
	if len(ru.Mentions) != 1 || ru.Mentions[0].Text != "روسيا" {
		t.Errorf("Russia: the adjective is not a mention when the name is there: %+v", ru)
	}
	for i, c := range cands {
		if c.Demonym && ids[i] == "" {
			t.Errorf("demonym %q unresolved", c.Text)
		}
	}
}

func TestSkeleton(t *testing.T) {
	for a, b := range map[string]string{"توكاييف": "Tokayev", "بوتين": "Putin", "ميرزويان": "Mirzoyan"} {
		if skeleton(a) != skeleton(b) {
			t.Errorf("skeleton(%q)=%q != skeleton(%q)=%q", a, skeleton(a), b, skeleton(b))
		}
	}
}

func TestJunkName(t *testing.T) {
	for text, junk := range map[string]bool{
		"نيسان": true, "شهر رمضان": true, "الفطر السعيد": true, "يرحمه الله": true, "لله الحمد": true,
		"البنك": true, "المنظمة الدولية": true, "لحزب": true, "الشيعة": true, "ريال": true,
		"{ background": true, "webkit": true, "Break out": true, "مبدأ Snap Back": true, "لي": true,
		"طه ياسين رمضان": false, "حزب العمال": false, "سامر الخطيبي": false, "Human Rights Watch": false,
		"Bank of England": false, "رويترز": false, "عبد الله": false,
		"نيسان 2015": true, "أيار ٢٠١٥": true, "بوينغ 747": false,
		// fixed expressions (lexicon ar_fixed_phrase), a clitic on or not
		"حسن الجوار": true, "لحسن الجوار": true, "بفارغ الصبر": true, "حسن البنا": false, "حسن نصر الله": false,
		"البحر متوسط": true, // البحر متوسط الموج "the sea moderately wavy"
		// the noun with a possessive pronoun instead of the article
		"حسن ظنك": true, "بحسن نيته": true, "حسن ظنكم بي": true, "حسن بكري": false,
		// blessings: the و the analysis took off is put back (وفقهم الله)
		"رحمه الله": true, "فقهم الله": true, "العياذ بالله": true, "فتح الله": false,
		// products, currencies, units (ar_thing_name)
		"آيفون": true, "الين": true, "يوان": true, "آيفون إسلام": false, "سيلفي": true, "هاتريك": true,
		// product lines (ar_product_head), technical terms (ar_fixed_phrase)
		"غالاكسي نوت": true, "بجالكسي اس": true, "آيباد ميني": true, "مايكرو يو اس بي": true,
		"يو اس بي": true, "اس اس دي": true, "مايكروسوفت": false,
		// a sum of money, not a club (ar_currency_club_head)
		"ريال للمالك": true, "ريال للفرد": true, "ريال مدريد": false, "ريال مايوركا": false, "ريال بيتيس": false, "ريال بلد الوليد": false,
	} {
		if got := junkName(text); got != junk {
			t.Errorf("junkName(%q) = %v, want %v", text, got, junk)
		}
	}
}

func TestJunkDropped(t *testing.T) {
	text := "وفي شهر نيسان قال سامر الخطيبي إن البنك سيعلن النتائج."
	cands := candidates(t, text, map[string]string{"نيسان": model.Organization, "سامر الخطيبي": model.Person, "البنك": model.Organization})
	ents, ids := Resolve(text, cands)
	if len(ents) != 1 || ents[0].ID != "person:سامر_الخطيبي" {
		t.Fatalf("got %+v", ents)
	}
	dropped := 0
	for _, id := range ids {
		if id == "" {
			dropped++
		}
	}
	if dropped != 2 {
		t.Errorf("ids %v: want the two junk candidates without entity", ids)
	}
}

func TestNERNameInGazetteer(t *testing.T) {
	// NER finds what the matcher leaves alone: a common word typed as a
	// person, a name without its article, an adjective in the accusative
	text := "قال روحاني إن بلاده ستكون يابان المنطقة وإن شعبا إيرانيا يدعمه."
	cands := candidates(t, text, map[string]string{"روحاني": model.Person, "يابان": model.Location, "إيرانيا": model.Location})
	ents, _ := Resolve(text, cands)
	m := byID(ents)
	for _, id := range []string{"person:hassan_rouhani", "wd:Q17", "wd:Q794"} {
		if _, ok := m[id]; !ok {
			t.Errorf("missing %s in %+v", id, ents)
		}
	}
	if e := m["wd:Q794"]; len(e.Aliases) != 1 || e.Aliases[0] != "Iran" {
		t.Errorf("the adjective is a demonym, not an alias: %+v", e)
	}
}

func TestFirstNamesJoinFullName(t *testing.T) {
	// a name cut by a parenthesis: "محمد جواد (...) ظريف"
	text := "قال محمد جواد (وزير الخارجية) ظريف إن محمد جواد ظريف سيزور فيينا."
	cands := candidates(t, text, map[string]string{"محمد جواد": model.Person})
	var cs []Candidate
	for _, c := range cands {
		if c.Entry == nil && c.Start > 10 {
			continue // the copy inside the full name
		}
		cs = append(cs, c)
	}
	ents, _ := Resolve(text, cs)
	e, ok := byID(ents)["person:mohammad_javad_zarif"]
	if !ok || len(e.Mentions) < 2 {
		t.Fatalf("got %+v", ents)
	}
}

func TestDisplayNames(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"محمد بن سالم بن حمد ولي العهد", "محمد بن سالم بن حمد"}, // a title after the name
		{"الرئيس سامر الخطيبي", "سامر الخطيبي"},
		{"Khatibi's", "Khatibi"},
		{"أبي بكر السامرائي", "أبو بكر السامرائي"}, // a kunya in the genitive
		{"سعودًا الفيصل", "سعود الفيصل"},           // a given name in the accusative
		{"سعوداً الفيصل", "سعود الفيصل"},           // the tanween written after the alif
		{"أبا خالد", "أبو خالد"},
		{"أبي", "أبي"},                                                 // "my father" alone is no kunya
		{"الرقيب أول سيف يوسف الفلاسي", "سيف يوسف الفلاسي"},            // a rank and its أول
		{"سلطان بن سلمان بن عبدالعزيز", "سلطان بن سلمان بن عبدالعزيز"}, // a title's word before بن is a given name
		{"الأمير سلطان بن سلمان", "سلطان بن سلمان"},
		{"العريف حسين السالم", "حسين السالم"},
		{"لواء اليرموك", "لواء اليرموك"},      // a brigade: no rank here
		{"الراحل سعود الفيصل", "سعود الفيصل"}, // an epithet
		{"المخلوع صالح", "صالح"},
		{"مليكنا سلمان", "سلمان"},
		{"الحبيب الصيد", "الحبيب الصيد"}, // a given name, not "the beloved"
	} {
		if got := displayName(tc.text, nil); got != tc.want {
			t.Errorf("displayName(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestFatherIsNotSurname(t *testing.T) {
	// "عبد العزيز" after "بن" is the father of the crown prince, not his surname
	text := "استقبل الأمير محمد بن نايف بن عبد العزيز الوفد. وقال عبد العزيز إن الزيارة ناجحة."
	cands := candidates(t, text, map[string]string{"عبد العزيز": model.Person})
	var cs []Candidate
	for _, c := range cands {
		if c.Entry == nil && c.Start < 40 {
			continue
		}
		cs = append(cs, c)
	}
	ents, _ := Resolve(text, cs)
	if len(ents) != 2 {
		t.Fatalf("want the prince and another person, got %+v", ents)
	}
}

// TestShortForms: after a person's long name, the given and the family
// name alone, a nasab chain cut after the father and a compound given name
// written apart or joined are that person (invented names); a given name
// with the last word of a chain, which names a forefather, is another.
func TestShortForms(t *testing.T) {
	for _, c := range []struct {
		text, long, short string
		same              bool
	}{
		{"وقال سامر بن فهد الخطيبي إن الخطة جاهزة. وأضاف سامر الخطيبي أن التنفيذ يبدأ غدا.", "سامر بن فهد الخطيبي", "سامر الخطيبي", true},
		{"وقال سامر جميل الخطيبي إن الخطة جاهزة. وأضاف سامر الخطيبي أن التنفيذ يبدأ غدا.", "سامر جميل الخطيبي", "سامر الخطيبي", true},
		{"واستقبل الأمير سامر بن فهد بن سعود الوفد. وقال سامر بن فهد إن الزيارة ناجحة.", "سامر بن فهد بن سعود", "سامر بن فهد", true},
		{"وقال عبد الكريم الخطيبي إن الخطة جاهزة. وأضاف عبدالكريم الخطيبي أن التنفيذ يبدأ غدا.", "عبد الكريم الخطيبي", "عبدالكريم الخطيبي", true},
		{"واستقبل الأمير سامر بن فهد بن سعود الوفد. وقال سامر سعود إن الزيارة ناجحة.", "سامر بن فهد بن سعود", "سامر سعود", false},
	} {
		cands := candidates(t, c.text, map[string]string{c.long: model.Person, c.short: model.Person})
		var cs []Candidate
		for _, cd := range cands {
			if cd.Type == model.Person {
				cs = append(cs, cd)
			}
		}
		_, ids := Resolve(c.text, outermost(cs))
		var long, short string
		for i, cd := range outermost(cs) {
			switch cd.Text {
			case c.long:
				long = ids[i]
			case c.short:
				short = ids[i]
			}
		}
		if long == "" || short == "" {
			t.Fatalf("%s: names not found: %+v", c.text, cs)
		}
		if (long == short) != c.same {
			t.Errorf("%s: %s is %s, %s is %s; want same %v", c.text, c.long, long, c.short, short, c.same)
		}
	}
}

func TestFromMatchesSkipsClitics(t *testing.T) {
	text := "وصل وباكستان ولمصر"
	toks := segment.Tokenize(text)
	cands := FromMatches(toks, gaz(t).FindAll(toks))
	var got []string
	for _, c := range cands {
		got = append(got, c.Text)
	}
	if !reflect.DeepEqual(got, []string{"باكستان", "مصر"}) {
		t.Errorf("got %q", got)
	}
}

func TestNisbaAloneNamesItsBearer(t *testing.T) {
	// invented names: a person with two family names, named by the first
	// alone; a word without the nisba ending that a name holds inside is
	// not a family name alone
	for _, tc := range []struct {
		text, alone string
		want        int // persons
	}{
		{"ألقى مهند الزيباري الكركوكي خطبة. وقال الزيباري إن الوضع صعب.", "الزيباري", 1},
		{"ألقى مهند الزيباري الكركوكي خطبة. وقال الكركوكي إن الوضع صعب.", "الكركوكي", 1},
		{"ألقى نور الهدى الكركوكي خطبة. وقال الهدى إن الوضع صعب.", "الهدى", 2},
	} {
		full := strings.Fields(tc.text)[1:4]
		ner := map[string]string{strings.Join(full, " "): model.Person, tc.alone: model.Person}
		cands := candidates(t, tc.text, ner)
		var cs []Candidate
		for _, c := range cands {
			overlap := false
			for _, o := range cands {
				if o.Start <= c.Start && o.End >= c.End && o.End-o.Start > c.End-c.Start {
					overlap = true
				}
			}
			if !overlap && c.Entry == nil {
				cs = append(cs, c)
			}
		}
		ents, _ := Resolve(tc.text, cs)
		persons := 0
		for _, e := range ents {
			if e.Type == model.Person {
				persons++
			}
		}
		if persons != tc.want {
			t.Errorf("%s: %d persons, want %d: %+v", tc.alone, persons, tc.want, ents)
		}
	}
}

// TestSurnameGoesToMainBearer: a surname alone, after two persons of the
// article who bear it, is the one mentioned more often, not the one named
// last (invented names).
func TestSurnameGoesToMainBearer(t *testing.T) {
	text := "قال سامر الخطيبي إن الوضع صعب. وأضاف سامر الخطيبي أن الحل قريب. وكان والده نبيل الخطيبي وزيرا. وقال الخطيبي إن العمل مستمر."
	cands := candidates(t, text, map[string]string{"سامر الخطيبي": model.Person, "نبيل الخطيبي": model.Person, "الخطيبي": model.Person})
	cs := outermost(cands)
	ents, ids := Resolve(text, cs)
	for i, c := range cs {
		if c.Text == "الخطيبي" && ids[i] != "person:سامر_الخطيبي" {
			t.Errorf("الخطيبي alone -> %q, want person:سامر_الخطيبي (%d entities)", ids[i], len(ents))
		}
	}
}

// TestAnaphorJoinsItsName: a mention by office or pronoun (Anaphor, no
// gazetteer entry) joins the entity of the mention it refers back to, of
// its type or one left untyped by the tagger; without one it resolves to
// nothing.
func TestAnaphorJoinsItsName(t *testing.T) {
	text := "Bob Nardelli spoke. Nardelli left. He said no."
	for _, c := range []struct {
		name    string
		refType string
		join    bool
	}{{"typed", model.Person, true}, {"untyped", "", true}, {"place", model.Location, false}} {
		t.Run(c.name, func(t *testing.T) {
			cands := []Candidate{
				{Start: 0, End: 12, Sentence: 0, Text: "Bob Nardelli", Type: model.Person},
				{Start: 20, End: 28, Sentence: 1, Text: "Nardelli", Type: c.refType},
				{Start: 35, End: 37, Sentence: 2, Text: "He", Type: model.Person, Title: true, Anaphor: true, RefStart: 20, RefEnd: 28},
			}
			_, ids := Resolve(text, cands)
			if got := ids[2] != "" && ids[2] == ids[1]; got != c.join {
				t.Errorf("ids %q: He joins Nardelli %v, want %v", ids, got, c.join)
			}
		})
	}
}

// TestGivenNameAlone: a given name standing alone is the one person of the
// article named before it whose name begins with it (invented names); not
// when two persons share the given name, not when the only bearer is named
// after it, and not beside a prophet's title.
func TestGivenNameAlone(t *testing.T) {
	cases := []struct {
		name, text string
		ner        []string // person spans
		alone      string   // the bare given name
		want       string   // its entity, "" for its own
	}{
		{"one bearer", "قالت الممثلة نجلاء الخطيبي إن الفيلم نجح. وأضافت نجلاء أن التصوير انتهى.",
			[]string{"نجلاء الخطيبي", "نجلاء"}, "نجلاء", "person:نجلاء_الخطيبي"},
		{"two bearers", "التقى سامر الخطيبي وسامر الحلواني أمس. وقال سامر إن اللقاء مثمر.",
			[]string{"سامر الخطيبي", "سامر الحلواني", "سامر"}, "سامر", ""},
		{"named after it once", "وقالت نجلاء إن الفيلم نجح. وأضافت الممثلة نجلاء الخطيبي أن التصوير انتهى.",
			[]string{"نجلاء الخطيبي", "نجلاء"}, "نجلاء", ""},
		// the only bearer, named in full after it twice (a headline's
		// bare given name before the body's full name)
		{"named after it twice", "وقالت نجلاء إن الفيلم نجح. وأضافت الممثلة نجلاء الخطيبي أن التصوير انتهى. وختمت نجلاء الخطيبي حديثها.",
			[]string{"نجلاء الخطيبي", "نجلاء"}, "نجلاء", "person:نجلاء_الخطيبي"},
		{"one bearer named most", "قال سامر الخطيبي إن الفيلم نجح. وأضاف سامر الخطيبي أن العرض قريب، وشكر سامر الحلواني. وختم سامر الخطيبي حديثه. وقال سامر إن اللقاء مثمر.",
			[]string{"سامر الخطيبي", "سامر الحلواني", "سامر"}, "سامر", "person:سامر_الخطيبي"},
		{"two bearers named twice", "قال سامر الخطيبي إن الفيلم نجح. وأضاف سامر الخطيبي أن العرض قريب، وشكر سامر الحلواني. وختم سامر الخطيبي وسامر الحلواني الحديث. وقال سامر إن اللقاء مثمر.",
			[]string{"سامر الخطيبي", "سامر الحلواني", "سامر"}, "سامر", ""},
		// a given name is the given name of the longer name the article
		// repeats, not the last word of a span with a verb glued on
		{"glued before", "قال سامر الخطيبي إن الفيلم نجح. وأضاف سامر الخطيبي أن العرض قريب. وأرخى سامر عينيه. وقال سامر إن اللقاء مثمر.",
			[]string{"سامر الخطيبي", "أرخى سامر", "سامر"}, "سامر", "person:سامر_الخطيبي"},
		{"prophet", "قال سامر الخطيبي إن النبي سامر أوصى بالجار.",
			[]string{"سامر الخطيبي", "سامر"}, "سامر", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, id := range aloneIDs(t, c.text, c.ner, c.alone) {
				if c.want != "" && id != c.want || c.want == "" && id != "person:"+c.alone {
					t.Errorf("%s alone -> %q, want %q", c.alone, id, c.want)
				}
			}
		})
	}
}

// aloneIDs resolves the person spans ner of text and returns the entity
// ids of the candidates written alone ("" for a candidate that resolves
// to none); it fails the test when there is none.
func aloneIDs(t *testing.T, text string, ner []string, alone string) []string {
	t.Helper()
	spans := map[string]string{}
	for _, s := range ner {
		spans[s] = model.Person
	}
	cs := outermost(candidates(t, text, spans))
	_, ids := Resolve(text, cs)
	var out []string
	for i, cd := range cs {
		if cd.Text == alone {
			out = append(out, ids[i])
		}
	}
	if len(out) == 0 {
		t.Fatalf("no candidate %q in %+v", alone, cs)
	}
	return out
}

// TestGivenNameAloneIsJunk: a person named by a common given name alone
// everywhere in the article is no node (invented article); a family name
// alone is kept, and so is a given name whose bearer the article names in
// full after it.
func TestGivenNameAloneIsJunk(t *testing.T) {
	cases := []struct {
		name, text string
		ner        []string
		alone      string
		kept       bool
	}{
		{"given name", "وقال خالد إن الجو كان حارا في المدينة.", []string{"خالد"}, "خالد", false},
		{"family name", "وقال الزهراني إن الجو كان حارا في المدينة.", []string{"الزهراني"}, "الزهراني", true},
		{"bearer named after", "وقال خالد إن الجو حار. وأضاف خالد الزهراني أن الحر سيستمر.", []string{"خالد", "خالد الزهراني"}, "خالد", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, id := range aloneIDs(t, c.text, c.ner, c.alone) {
				if (id != "") != c.kept {
					t.Errorf("%s alone -> %q, kept %v", c.alone, id, c.kept)
				}
			}
		})
	}
}

// TestGovernmentOf: the government of a country is one node whichever way
// the article names it, with or without an adjective that leaves it the
// same body; other bodies keep their own names.
func TestGovernmentOf(t *testing.T) {
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	afghanistan := func() *gazetteer.Entry { return g.Demonym(arabic.MatchForm("الأفغانية")) }
	if afghanistan() == nil {
		t.Fatal("no Afghanistan")
	}
	for text, want := range map[string]string{
		"الحكومة اليمنية":                "Government of Yemen",
		"حكومة اليمن":                    "Government of Yemen",
		"الحكومة الشرعية اليمنية":        "Government of Yemen",
		"حكومة المملكة العربية السعودية": "Government of Saudi Arabia",
		"الحكومة المحلية":                "",
		"حكومة الوفاق":                   "",
		"الحكومة":                        "",
		"الحكومة المركزية":               "Government of Afghanistan", // the article's country
		"الحكومة الشرعية":                "Government of Afghanistan",
		"حكومة المركزية":                 "",
	} {
		got := ""
		if e := governmentOf(model.Organization, text, afghanistan); e != nil {
			got = "Government of " + e.Name
		}
		if got != want {
			t.Errorf("governmentOf(%s) = %q, want %q", text, got, want)
		}
	}
	if governmentOf(model.Person, "حكومة اليمن", afghanistan) != nil {
		t.Error("a person is no government")
	}
	if governmentOf(model.Organization, "الحكومة المركزية", func() *gazetteer.Entry { return nil }) != nil {
		t.Error("the central government of no country")
	}
}

// TestNationalTeam: a national team is named after its country, whichever
// way the article writes it, with the sport when it gives one.
func TestNationalTeam(t *testing.T) {
	for text, want := range map[string]string{
		"المنتخب السعودي":                "Saudi Arabia national team",
		"منتخب المملكة العربية السعودية": "Saudi Arabia national team",
		"منتخب جامايكا":                  "Jamaica national team",
		"منتخب بلجيكا لكرة القدم":        "Belgium national football team",
		"المنتخب المصري لكرة اليد":       "Egypt national handball team",
		"المنتخب الإسباني للكرة الطائرة": "Spain national volleyball team",
		"المنتخب الأولمبي السعودي":       "", // an age group: named as other bodies
		"منتخب السعودي":                  "", // an adjective without the article
		"المنتخب جامايكا":                "",
		"منتخب مصر للشباب":               "", // no sport
		"النادي السعودي":                 "",
		"منتخب سانت لوسيا":               "Saint Lucia national team", // a country's name with ل in it
		"منتخب":                          "",
	} {
		if got := nationalTeam(model.Organization, text); got != want {
			t.Errorf("nationalTeam(%s) = %q, want %q", text, got, want)
		}
	}
	if got := nationalTeam(model.Person, "منتخب مصر"); got != "" {
		t.Errorf("a person is no team: %q", got)
	}
	// every sport of the lexicon has its English in translit's table
	for s := range sports {
		if w, ok := translit.LookupWord(s); !ok || w.English == "" {
			t.Errorf("ar_team_sport %q: not in translit's orgwords.tsv", s)
		}
	}
}

// TestNationalBody: a body every state has one of is the country's its
// adjective names, or, named alone, the article's country; other
// organisations are left alone.
func TestNationalBody(t *testing.T) {
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	iraq := g.ByKey("wd:Q796")
	if iraq == nil {
		t.Fatal("no Iraq in the gazetteer")
	}
	focus := func() *gazetteer.Entry { return iraq }
	none := func() *gazetteer.Entry { return nil }
	for _, c := range []struct {
		name, body, country string
		focus               func() *gazetteer.Entry
	}{
		{"وزارة الداخلية السعودية", "وزارة الداخلية", "Saudi Arabia", none},
		{"وزارة الخارجية الأميركية", "وزارة الخارجية", "United States", focus},
		{"البرلمان اليوناني", "البرلمان", "Greece", none},
		{"مجلس النواب", "مجلس النواب", "Iraq", focus},
		{"وزارة الشؤون البلدية والقروية", "وزارة الشؤون البلدية والقروية", "Iraq", focus},
		{"المنتخب الوطني العراقي", "المنتخب الوطني", "Iraq", none},
		{"رئاسة الحكومة", "رئاسة الحكومة", "Iraq", focus},
		{"الاتحاد السعودي لكرة القدم", "اتحاد كره القدم", "Saudi Arabia", focus}, // the adjective before a complement with ل
		{"اتحاد الكرة المصري", "اتحاد الكرة", "Egypt", none},
		{"مجلس النواب", "", "", none},           // no country in focus: left alone
		{"وزارة", "", "", focus},                // a head alone names nothing
		{"مجلس الأمن", "", "", focus},           // not a state's body
		{"جامعة الملك سعود", "", "", focus},     // an organisation of its own name
		{"مجلس التعاون الخليجي", "", "", focus}, // not a state's body
	} {
		e, body := nationalBody(model.Organization, c.name, c.focus)
		got := ""
		if e != nil {
			got = e.Name
		}
		if got != c.country || body != c.body {
			t.Errorf("nationalBody(%s) = %q, %q; want %q, %q", c.name, got, body, c.country, c.body)
		}
	}
	if e, _ := nationalBody(model.Person, "مجلس النواب", focus); e != nil {
		t.Error("a person is no state body")
	}
}

// TestNationalBodyNames: an article about Iraq names its ministry alone;
// the node is Iraq's, as the ministry an adjective makes Saudi is Saudi
// Arabia's, with one key a country whatever the article writes.
func TestNationalBodyNames(t *testing.T) {
	text := "قالت وزارة الداخلية إن الشرطة العراقية اعتقلت ثلاثة في بغداد والبصرة، وأكد مسؤول عراقي أن العراق آمن. ورحبت وزارة الداخلية السعودية بذلك."
	cands := outermost(candidates(t, text, map[string]string{"وزارة الداخلية": model.Organization, "وزارة الداخلية السعودية": model.Organization}))
	ents, _ := Resolve(text, cands)
	names := map[string]string{}
	for _, e := range ents {
		names[e.ID] = e.Name
	}
	for id, want := range map[string]string{
		"organization:ministry_of_interior_iraq":         "Ministry of Interior (Iraq)",
		"organization:ministry_of_interior_saudi_arabia": "Ministry of Interior (Saudi Arabia)",
	} {
		if names[id] != want {
			t.Errorf("%s: %q, want %q (entities %v)", id, names[id], want, names)
		}
	}
}

// TestHomeCountryBodies: a bare state body (وزارة الداخلية، مجلس الوزراء)
// in an article about no country, or naming the corpus's home country
// among others, is the home country's; with no home country, or in an
// article that names other countries only, it stays bare; a country the
// article is clearly about comes first.
func TestHomeCountryBodies(t *testing.T) {
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	sa := g.Country("Saudi Arabia")
	if sa == nil {
		t.Fatal("no Saudi Arabia in the gazetteer")
	}
	for _, c := range []struct {
		text string
		home *gazetteer.Entry
		want string
	}{
		{"وأعلنت وزارة الداخلية أمس القبض على خلية.", sa, "Ministry of Interior (Saudi Arabia)"},
		{"وأعلنت وزارة الداخلية أمس القبض على خلية.", nil, "Ministry of Interior"},
		{"وأعلنت وزارة الداخلية أمس القبض على خلية في اليمن بعد زيارة إلى السعودية.", sa, "Ministry of Interior (Saudi Arabia)"},
		{"وأعلنت وزارة الداخلية أمس القبض على خلية في تونس وفرنسا.", sa, "Ministry of Interior"},
		{"وأعلنت وزارة الداخلية أن العراق آمن وأن الشرطة العراقية اعتقلت ثلاثة من العراق في بغداد.", sa, "Ministry of Interior (Iraq)"},
	} {
		ents, _ := ResolveHome(c.text, outermost(candidates(t, c.text, map[string]string{"وزارة الداخلية": model.Organization})), c.home)
		got := ""
		for _, e := range ents {
			if e.Type == model.Organization {
				got = e.Name
			}
		}
		if got != c.want {
			t.Errorf("%s (home %v): %q, want %q", c.text, c.home != nil, got, c.want)
		}
	}
}

// TestNationalEntry: a state body named alone, which link names by the
// article's country, is the gazetteer's entry when the gazetteer knows the
// body by that country's adjective, whichever synonym the article writes
// (اتحاد الكرة, اتحاد كرة القدم); one it does not know stays link's own.
func TestNationalEntry(t *testing.T) {
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	sa := g.Country("Saudi Arabia")
	for _, c := range []struct {
		text, org, want string
	}{
		{"وأعلن الدفاع المدني أمس إخماد الحريق.", "الدفاع المدني", "Saudi Civil Defense"},
		{"وأصدر الديوان الملكي بيانا أمس.", "الديوان الملكي", "Royal Court of Saudi Arabia"},
		{"وأعلن اتحاد الكرة أمس موعد الدوري.", "اتحاد الكرة", "Saudi Arabian Football Federation"},
		{"وأعلن اتحاد كرة القدم أمس موعد الدوري.", "اتحاد كرة القدم", "Saudi Arabian Football Federation"},
		{"وأعلنت وزارة الصحة أمس حملة جديدة.", "وزارة الصحة", "Ministry of Health (Saudi Arabia)"},
		// a government named by an adjective that leaves it the same body
		{"وقالت الحكومة الشرعية إنها ستعود قريبا إلى عدن في اليمن.", "الحكومة الشرعية", "Government of Yemen"},
	} {
		ents, _ := ResolveHome(c.text, outermost(candidates(t, c.text, map[string]string{c.org: model.Organization})), sa)
		got := ""
		for _, e := range ents {
			if e.Type == model.Organization {
				got = e.Name
			}
		}
		if got != c.want {
			t.Errorf("%s: %q, want %q", c.text, got, c.want)
		}
	}
}

// TestBranchNames: a body with branches written with a city after it is
// the city's branch, with the city in its name and no QID of the body; the
// same body without a city (or with a country) stays the body.
func TestBranchNames(t *testing.T) {
	for _, c := range []struct {
		text, org, want string
	}{
		{"وقال مدير جمعية الثقافة والفنون بجدة إن المهرجان يبدأ غدا.", "جمعية الثقافة والفنون", "Culture and Arts Association (Jeddah)"},
		{"وأعلنت لجنة التنمية الاجتماعية في الرياض برنامجها.", "لجنة التنمية الاجتماعية", "(Riyadh)"},
		{"وقالت جمعية الثقافة والفنون إن المهرجان يبدأ غدا.", "جمعية الثقافة والفنون", ""},
		{"وقالت جمعية الثقافة والفنون في السعودية إن المهرجان يبدأ غدا.", "جمعية الثقافة والفنون", ""},
		{"وقالت جامعة الملك سعود بالرياض إن الدراسة تبدأ غدا.", "جامعة الملك سعود", ""},
		{"وألقى الرئيس كلمة أمام الجمعية العامة للأمم المتحدة في نيويورك.", "الجمعية العامة للأمم المتحدة", ""},
	} {
		ents, _ := Resolve(c.text, outermost(candidates(t, c.text, map[string]string{c.org: model.Organization})))
		got := ""
		for _, e := range ents {
			if e.Type == model.Organization && strings.HasSuffix(e.Name, ")") {
				got = e.Name
				if e.Wikidata != "" || slices.Contains(e.Aliases, c.org) {
					t.Errorf("%s: the branch %q has the body's QID %q or name (aliases %v)", c.text, e.Name, e.Wikidata, e.Aliases)
				}
			}
		}
		if c.want == "" && got != "" || c.want != "" && !strings.HasSuffix(got, c.want) {
			t.Errorf("%s: branch %q, want %q", c.text, got, c.want)
		}
	}
}

// TestVariantSpelling: a foreign name spelt with other vowel letters than
// the gazetteer's is the gazetteer's entry, QID and English name.
func TestVariantSpelling(t *testing.T) {
	text := "وصل رئيس الوزراء الإسرائيلي بنيامين نتانياهو إلى مدينة بيرمنغهام."
	ents, _ := Resolve(text, outermost(candidates(t, text, map[string]string{"بنيامين نتانياهو": model.Person, "بيرمنغهام": model.Location})))
	names := map[string]string{}
	for _, e := range ents {
		names[e.Name] = e.Wikidata
	}
	for _, want := range []string{"Benjamin Netanyahu", "Birmingham"} {
		if names[want] == "" {
			t.Errorf("no %s with a QID in %v", want, names)
		}
	}
}

// TestGluedWordJoinsBearer: a given name with an ordinary word run on into
// it, written once (عمر ضاحكا "Omar, laughing"), is the article's bearer of
// the given name named in full, without the word, and so is a name after a
// verb glued on (يقول الشريف "al-Sharif says"); a two-word name the article
// repeats keeps its own entity.
func TestGluedWordJoinsBearer(t *testing.T) {
	text := "قال عمر الشريف إن الفيلم نجح. وكتب عمر الشريف في مذكراته عن الرحلة. وأضاف عمر الشريف أن الجمهور أحبه. وانفجر عمر ضاحكا. وعاد يقول الشريف ذلك. وقال خالد البلطان إن خالد الفيصل وصل. ثم قال خالد البلطان ذلك."
	cands := outermost(candidates(t, text, map[string]string{"عمر الشريف": model.Person, "عمر ضاحكا": model.Person,
		"يقول الشريف": model.Person, "خالد البلطان": model.Person, "خالد الفيصل": model.Person}))
	ents, _ := Resolve(text, cands)
	sharif := ""
	for _, e := range ents {
		for _, m := range e.Mentions {
			if m.Text == "عمر الشريف" {
				sharif = e.ID
			}
		}
	}
	var omar, baltan int
	for _, e := range ents {
		for _, m := range e.Mentions {
			if (m.Text == "الشريف" || m.Text == "عمر") && e.ID != sharif {
				t.Errorf("يقول الشريف: الشريف joined %s", e.ID)
			}
			if strings.Contains(m.Text, "يقول") {
				t.Errorf("a mention %q of %s kept the verb", m.Text, e.ID)
			}
			switch {
			case strings.HasPrefix(m.Text, "عمر"):
				if e.ID == "person:عمر_ضاحكا" {
					t.Errorf("عمر ضاحكا is its own entity")
				}
				if m.Text == "عمر" {
					omar++
				}
			case m.Text == "خالد البلطان":
				if e.ID != "person:خالد_البلطان" {
					t.Errorf("خالد البلطان joined %s", e.ID)
				}
				baltan++
			}
		}
	}
	if omar != 1 || baltan != 2 {
		t.Errorf("got %d mentions عمر (want 1) and %d خالد البلطان (want 2): %+v", omar, baltan, ents)
	}
}
