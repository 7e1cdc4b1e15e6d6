package gazbuild

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/kg-project/kg/internal/gazetteer"
	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/text/arabic"
)

// written/*.yaml are the project's own lists of well-known organisations
// (companies, banks, media, clubs, universities, agencies, parties, armed
// groups, international bodies) with the Arabic forms news writes them in
// and their English names, written from general knowledge, domain by
// domain (each file's header says which): the public lists give few
// companies and brands an Arabic name, and without one kg romanised them
// letter by letter or took them for persons. They take the schema of
// curated.yaml's organisations, without QIDs (a QID is only taken from a
// source that pairs it with the entity).
//
//go:embed written/*.yaml
var writtenFS embed.FS

// writtenFile is one file of written/: organisations (orgs-*.yaml) or
// people (people-*.yaml).
type writtenFile struct {
	Organisations []curated `yaml:"organisations"`
	People        []curated `yaml:"people"`
}

// readWritten reads and checks written/*.yaml: every entity of
// organisations an organisation and of people a person, with a name and
// an Arabic form, no QID, a valid country code, each English name once
// over all the files (per type); people have no ar_ambig or en_ambig (a
// person's one-word form is always ambiguous: writtenPersons) and a name
// as news writes it, with no qualifier in brackets.
func readWritten(fsys fs.FS) ([]curated, error) {
	names, err := fs.Glob(fsys, "written/*.yaml")
	if err != nil {
		return nil, err
	}
	var out []curated
	seen := map[string]string{}
	for _, name := range names {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		var f writtenFile
		dec := yaml.NewDecoder(bytes.NewReader(b))
		dec.KnownFields(true)
		if err := dec.Decode(&f); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		for i, c := range slices.Concat(f.Organisations, f.People) {
			want := model.Organization
			if i >= len(f.Organisations) {
				want = model.Person
			}
			switch {
			case c.Type != want || c.Name == "" || len(c.Ar) == 0:
				return nil, fmt.Errorf("%s: entity %q: want type %s, a name and an Arabic form", name, c.Name, want)
			case want == model.Person && (len(c.ArAmbig) > 0 || len(c.EnAmbig) > 0):
				return nil, fmt.Errorf("%s: person %q: no ar_ambig or en_ambig", name, c.Name)
			case want == model.Person && strings.ContainsAny(c.Name, "()"):
				return nil, fmt.Errorf("%s: person %q: a name as news writes it, no qualifier in brackets", name, c.Name)
			case c.QID != "" || c.Role != "" || c.Term != "" || len(c.Demonyms) > 0 || len(c.Context) > 0 || c.Namesake:
				return nil, fmt.Errorf("%s: entity %q: only type, name, country, ar, ar_ambig, en and en_ambig", name, c.Name)
			case c.Country != "" && !iso2RE.MatchString(c.Country):
				return nil, fmt.Errorf("%s: entity %q: country %q: want an ISO 3166-1 alpha-2 code", name, c.Name, c.Country)
			}
			k := string(want) + "|" + foldName(c.Name)
			if prev, ok := seen[k]; ok {
				return nil, fmt.Errorf("%s: entity %q: also in %s", name, c.Name, prev)
			}
			seen[k] = name
			out = append(out, c)
		}
	}
	return out, nil
}

// frequentWord is how often (in the 8M words of the Arabic Wikipedia
// sample) an outlet's or club's one-word name must occur for its form
// with a nationality after it to be left out (writtenAmbiguous).
const frequentWord = 200

// quotedHeads are the head nouns of outlets and clubs (lexicon
// ar_quoted_name_head), in MatchForm.
var quotedHeads = classSet("ar_quoted_name_head")

// stateBodies are lexicon ar_state_body (phrases joined by _), in
// MatchForm.
var stateBodies = classSet("ar_state_body")

// relationInName are lexicon ar_relation_in_name, in MatchForm.
var relationInName = classSet("ar_relation_in_name")

// statesRelation reports whether an Arabic form (MatchForm) states a
// relation to another name (التابع للأمم المتحدة, بقيادة السعودية).
func statesRelation(m string) bool {
	return slices.ContainsFunc(strings.Fields(m), func(w string) bool { return relationInName[w] })
}

// nationalFormHeads are lexicon ar_national_form_head, in MatchForm.
var nationalFormHeads = classSet("ar_national_form_head")

// writtenOrgs and writtenPeople are the organisations and the people of
// written/*.yaml.
var writtenOrgs, writtenPeople = func() ([]curated, []curated) {
	w, err := readWritten(writtenFS)
	if err != nil {
		panic(err) // TestWritten reads them: a broken file fails the tests
	}
	var orgs, people []curated
	for _, c := range w {
		if c.Type == model.Person {
			people = append(people, c)
		} else {
			orgs = append(orgs, c)
		}
	}
	return orgs, people
}()

// written adds the organisations of written/*.yaml. One whose English name
// (or an English form) is that of exactly one organisation of the sources
// before (the curated tables, the list of international bodies) adds its
// forms to it; another becomes an entry of its own, ranked with the
// organisations of the lists (RankOrg: under the curated ones, over the
// cities and the name lists, so that تويوتا is the company, not the
// Japanese city). An Arabic form another entry ranked higher has (a
// country's, a capital's, a curated body's), or a place with a QID, is
// left to it, and so is a state's national body named by its nationality
// (national), a form that is another with a nationality after it
// (redundant: the adjective relates the body to its country), and a form
// that states a relation to another name (statesRelation). The one-word
// Arabic forms are checked against ordinary text as those of the noisy
// lists are (commonWords), and one found ambiguous
// there, or called so by the file (ar_ambig), is no form of the entry at
// all (writtenAmbiguous): the tagger's organisations would link to it
// (ليلى, a bookshop, to Eli Lilly).
func (b *builder) written() error {
	byLatin := map[string][]*gazetteer.Entry{}
	owner := map[string]*gazetteer.Entry{}      // Arabic MatchForm -> the highest ranked entry with it
	mistyped := map[string][]*gazetteer.Entry{} // folded English name -> lesser entries of other types
	for _, k := range b.sortedKeys() {
		e := b.byKey[k]
		if e.Type != model.Organization && e.Rank < gazetteer.RankOrg && e.QID == "" {
			mistyped[foldName(e.Name)] = append(mistyped[foldName(e.Name)], e)
		}
		for _, a := range append([]string{e.Name}, e.Aliases...) {
			if arabic.HasScript(a) {
				m := arabic.MatchForm(a)
				if o := owner[m]; o == nil || e.Rank > o.Rank {
					owner[m] = e
				}
				continue
			}
			if e.Type != model.Organization {
				continue
			}
			if f := foldName(a); !slices.Contains(byLatin[f], e) {
				byLatin[f] = append(byLatin[f], e)
			}
		}
	}
	demonym := map[string]bool{} // MatchForm of the places' nationality adjectives (countries, England)
	for _, k := range b.sortedKeys() {
		for _, d := range b.byKey[k].Demonyms {
			if arabic.HasScript(d) {
				demonym[arabic.MatchForm(d)] = true
			}
		}
	}
	ambig := map[string]bool{} // the one-word forms the lists call ambiguous
	for _, c := range writtenOrgs {
		for _, a := range c.ArAmbig {
			ambig[arabic.MatchForm(clean(a))] = true
		}
	}
	// national reports whether an Arabic form is a state's national body
	// named by the state (الجيش اليمني): link names those itself; or an
	// ambiguous word with a nationality after it, which is as often the
	// word (الشباب السعودي "Saudi youth", not the club Al-Shabab; الثورة
	// السورية "the Syrian revolution", not the newspaper Al-Thawra)
	national := func(m string) bool {
		ws := strings.Fields(m)
		if len(ws) >= 3 && demonym[ws[1]] && strings.HasPrefix(ws[0], "ال") && strings.HasPrefix(ws[2], "ل") {
			// the adjective between the head and a complement with ل
			// (الاتحاد السعودي لكرة القدم is اتحاد كرة القدم السعودي)
			construct := append([]string{strings.TrimPrefix(ws[0], "ال"), strings.TrimPrefix(strings.TrimPrefix(ws[2], "ل"), "ل")}, ws[3:]...)
			if stateBodies[strings.Join(construct, "_")] {
				return true
			}
		}
		return len(ws) >= 2 && demonym[ws[len(ws)-1]] && (nationalFormHeads[ws[0]] || len(ws) == 2 && ambig[ws[0]])
	}
	b.writtenNational, b.writtenDemonym = national, demonym
	for _, c := range writtenOrgs {
		var same []*gazetteer.Entry
		for _, n := range append([]string{c.Name}, c.En...) {
			for _, e := range byLatin[foldName(n)] {
				if !slices.Contains(same, e) {
					same = append(same, e)
				}
			}
		}
		var e *gazetteer.Entry
		key := gazetteer.KeyFor(model.Organization, c.Name)
		switch old := b.byKey[key]; {
		case len(same) == 1:
			e = same[0]
		case old != nil && old.Type == model.Organization:
			e = old // several of the same English forms, one of the name
		case old != nil:
			return fmt.Errorf("written: %q: key %s taken by %q", c.Name, key, old.Name)
		default:
			e = b.add(&gazetteer.Entry{Key: key, Name: c.Name, Type: model.Organization, Rank: gazetteer.RankOrg})
			if !slices.ContainsFunc(c.EnAmbig, func(a string) bool { return foldName(a) == foldName(c.Name) }) {
				b.addAlias(e, c.Name) // not "Total" alone: en_ambig says so
			}
		}
		// a lesser list's person or place of the same English name
		// (UniversalPetrarch's Morgan Stanley) is this organisation,
		// mistyped: its forms are the organisation's
		for _, o := range mistyped[foldName(c.Name)] {
			o.Aliases = slices.DeleteFunc(o.Aliases, func(a string) bool {
				return arabic.HasScript(a) && slices.ContainsFunc(c.Ar, func(x string) bool { return arabic.MatchForm(clean(x)) == arabic.MatchForm(a) })
			})
			if len(o.Aliases) == 0 {
				delete(b.byKey, o.Key)
			}
			b.stats.WrittenMistyped++
		}
		forms := map[string]bool{}
		for _, a := range slices.Concat(c.Ar, e.Aliases) {
			forms[arabic.MatchForm(clean(a))] = true
		}
		// a form that is another with a nationality after it (مانشستر
		// يونايتد الإنجليزي, بوينغ الأمريكية) would take the adjective,
		// which relates the body to its country
		redundant := func(m string) bool {
			ws := strings.Fields(m)
			return len(ws) >= 2 && demonym[ws[len(ws)-1]] && forms[strings.Join(ws[:len(ws)-1], " ")]
		}
		for _, a := range c.Ar {
			m := arabic.MatchForm(clean(a))
			if o := owner[m]; o != nil && o != e && (o.Rank > e.Rank || o.Type == model.Location && o.QID != "") || national(m) || redundant(m) || statesRelation(m) {
				b.stats.WrittenFormsLeft++
				continue
			}
			if !b.addAlias(e, a) {
				continue
			}
			owner[m] = e
			if !strings.Contains(m, " ") {
				if b.noisy[e] == nil {
					b.noisy[e] = map[string]string{}
				}
				b.noisy[e][m] = gazetteer.SrcWritten
				if ambig[m] {
					e.Ambiguous = append(e.Ambiguous, clean(a)) // writtenAmbiguous takes it out
				}
			}
		}
		for _, a := range c.En {
			b.addAlias(e, a)
		}
		for _, a := range c.EnAmbig {
			if b.addAlias(e, a) {
				e.Ambiguous = append(e.Ambiguous, clean(a))
			}
		}
		if c.Country != "" && e.Country == "" {
			if ce := b.iso2[c.Country]; ce != nil {
				e.Country = ce.Key
			}
		}
		addSource(e, gazetteer.SrcWritten)
	}
	return nil
}

// writtenAmbiguous takes out of their entries the one-word Arabic forms
// written/*.yaml gave that the build found ambiguous (ambiguity,
// commonWords): an ambiguous alias still links a name the tagger finds,
// and a one-word form of a well-known company is as often another name
// or a word (سيمونز Simmons, not Siemens; إيرينا Irina, not IRENA).
func (b *builder) writtenAmbiguous() error {
	// an outlet or club named by a word frequent in ordinary text, with a
	// nationality after it, is as often the word (الثورة السورية "the
	// Syrian revolution", not the newspaper Al-Thawra; الشباب السعودي
	// "Saudi youth"): the lists' two-word forms so are left out
	need := map[string]bool{}
	for _, k := range b.sortedKeys() {
		e := b.byKey[k]
		if e.Type != model.Organization || e.Rank != gazetteer.RankOrg || !slices.Contains(e.Sources, gazetteer.SrcWritten) {
			continue
		}
		for _, a := range e.Aliases {
			if ws := strings.Fields(arabic.MatchForm(a)); len(ws) == 2 && b.writtenDemonym[ws[1]] {
				need[ws[0]] = true
			}
		}
	}
	// headed reports whether e has a form of an outlet's or a club's head
	// noun before the word w (صحيفة الثورة): the outlet is named by the
	// word, which alone is an ordinary one
	headed := func(e *gazetteer.Entry, w string) bool {
		for _, a := range e.Aliases {
			if ws := strings.Fields(arabic.MatchForm(a)); len(ws) == 2 && ws[1] == w && quotedHeads[ws[0]] {
				return true
			}
		}
		return false
	}
	count, err := b.wordCounts(need)
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	for _, k := range b.sortedKeys() {
		e := b.byKey[k]
		ms := b.noisy[e]
		drop := map[string]bool{}
		for _, a := range e.Ambiguous {
			if m := arabic.MatchForm(a); ms[m] == gazetteer.SrcWritten {
				drop[m] = true
			}
		}
		if e.Type == model.Organization && slices.Contains(e.Sources, gazetteer.SrcWritten) && e.Rank == gazetteer.RankOrg && b.writtenNational != nil {
			// nor the national forms a later list gave the lists' entry
			// (ArWikiCats' الاتحاد السعودي for the club), nor a frequent
			// word with a nationality
			for _, a := range e.Aliases {
				m := arabic.MatchForm(a)
				if ws := strings.Fields(m); b.writtenNational(m) || len(ws) == 2 && b.writtenDemonym[ws[1]] && count[ws[0]] >= frequentWord && headed(e, ws[0]) {
					drop[m] = true
				}
			}
		}
		if len(drop) == 0 {
			continue
		}
		gone := func(a string) bool { return drop[arabic.MatchForm(a)] }
		e.Ambiguous = slices.DeleteFunc(e.Ambiguous, gone)
		e.Aliases = slices.DeleteFunc(e.Aliases, gone)
		b.stats.WrittenAmbiguous += len(drop)
		if len(e.Aliases) == 0 {
			delete(b.byKey, k)
		}
	}
	return nil
}

// writtenPersons adds the people of written/*.yaml (well-known people
// Arabic news names, with the English spelling English news gives them:
// without them kg romanised Kristiyanu Runaldu letter by letter). It runs
// after every other source has given its persons. Each person's entry is
// chosen by personEntry and takes the forms giveForms allows; an entry
// without a QID takes the lists' English name, unless its name is one of
// the lists' English forms (Saud al-Faisal, as news writes it, stays so);
// its rank is raised to RankOrg, the lists' organisations' (over the name
// lists' persons). A one-word English form is ambiguous, as a one-word
// Arabic one is.
func (b *builder) writtenPersons() error {
	persons, err := b.loadPersons()
	if err != nil {
		return err
	}
	ix := b.personIndex()
	for _, c := range writtenPeople {
		var forms []string // MatchForm of the forms that may name the person
		for _, a := range c.Ar {
			if m := arabic.MatchForm(clean(a)); m != "" && !slices.Contains(forms, m) && (len(strings.Fields(m)) == 1 || !persons.common(m)) {
				forms = append(forms, m)
			}
		}
		e, err := b.personEntry(c, forms, ix)
		if err != nil {
			return err
		}
		if e.QID == "" && !slices.ContainsFunc(append([]string{c.Name}, c.En...), func(n string) bool { return foldName(n) == foldName(e.Name) }) {
			e.Name = c.Name
			b.stats.WrittenPersonsRenamed++
		}
		e.Rank = max(e.Rank, gazetteer.RankOrg)
		b.giveForms(e, c, forms, ix)
		for _, a := range append([]string{c.Name}, c.En...) {
			if b.addAlias(e, a) && !strings.Contains(strings.TrimSpace(a), " ") {
				e.Ambiguous = append(e.Ambiguous, clean(a))
			}
		}
		if ce := b.iso2[c.Country]; c.Country != "" && e.Country == "" && ce != nil {
			e.Country = ce.Key
		}
		addSource(e, gazetteer.SrcWritten)
	}
	return nil
}

// personIndex is the index writtenPersons keeps of the entries: persons by
// folded Latin name, and entries of every type by Arabic MatchForm.
type personIndex struct {
	byLatin map[string][]*gazetteer.Entry
	owners  map[string][]*gazetteer.Entry
}

// personIndex indexes the entries built so far.
func (b *builder) personIndex() personIndex {
	ix := personIndex{byLatin: map[string][]*gazetteer.Entry{}, owners: map[string][]*gazetteer.Entry{}}
	for _, k := range b.sortedKeys() {
		e := b.byKey[k]
		for _, a := range append([]string{e.Name}, e.Aliases...) {
			if arabic.HasScript(a) {
				if m := arabic.MatchForm(a); !slices.Contains(ix.owners[m], e) {
					ix.owners[m] = append(ix.owners[m], e)
				}
			} else if f := foldName(a); e.Type == model.Person && !slices.Contains(ix.byLatin[f], e) {
				ix.byLatin[f] = append(ix.byLatin[f], e)
			}
		}
	}
	return ix
}

// personEntry returns the entry of the lists' person c (forms: the
// MatchForm of its Arabic forms): the best (best: a QID first, then the
// rank) of the persons that have its English name or an English form, and
// of the persons that have one of its full names — one with a QID when no
// English match has one (راشد الغنوشي, a QID's, is the lists' Rached
// Ghannouchi), any when no English name matched (Dick Chini is Dick
// Cheney), but not one of another English name beside an English match
// (Mark Antony is not Marc Anthony) —; else the entry of its key, or a new
// one ranked RankOrg. Entries deleted since the index was made are not
// chosen.
func (b *builder) personEntry(c curated, forms []string, ix personIndex) (*gazetteer.Entry, error) {
	live := func(o *gazetteer.Entry) bool { return b.byKey[o.Key] == o }
	var same []*gazetteer.Entry
	for _, n := range append([]string{c.Name}, c.En...) {
		for _, o := range ix.byLatin[foldName(n)] {
			if live(o) {
				same = append(same, o)
			}
		}
	}
	qid := slices.ContainsFunc(same, func(o *gazetteer.Entry) bool { return o.QID != "" })
	english := len(same) > 0
	for _, m := range forms {
		for _, o := range ix.owners[m] {
			if live(o) && o.Type == model.Person && strings.Contains(m, " ") && (!english || o.QID != "" && !qid) {
				same = append(same, o)
			}
		}
	}
	if e := best(same); e != nil {
		return e, nil
	}
	key := gazetteer.KeyFor(model.Person, c.Name)
	switch old := b.byKey[key]; {
	case old != nil && old.Type == model.Person:
		return old, nil
	case old != nil:
		return nil, fmt.Errorf("written: %q: key %s taken by %q", c.Name, key, old.Name)
	}
	b.stats.WrittenPersonsNew++
	return b.add(&gazetteer.Entry{Key: key, Name: c.Name, Type: model.Person, Rank: gazetteer.RankOrg}), nil
}

// giveForms gives e, the entry of the lists' person c, its Arabic forms
// (forms: their MatchForm). A form is left out (WrittenFormsLeft) when
// another entry has it that is not a person and is ranked RankOrg or more
// or has a QID (a company's, a city's), and a one-word form when any other
// entry has it. Another person with a QID, or ranked as high as e, or of
// the lists, keeps the form beside e; a lesser entry without a QID, a
// person (the same person under another spelling: a second node) or one
// of another type (mistyped), gives it up (WrittenPersonsTaken), and is
// deleted when it has no Arabic alias left. A one-word form is ambiguous
// (it links only a name the tagger finds: Pelé, Fairuz); a full name is
// not, even when the name lists said so (personNames).
func (b *builder) giveForms(e *gazetteer.Entry, c curated, forms []string, ix personIndex) {
	for _, m := range forms {
		one := !strings.Contains(m, " ")
		var lesser []*gazetteer.Entry
		left := false
		for _, o := range ix.owners[m] {
			switch {
			case o == e || b.byKey[o.Key] != o:
			case one || o.Type != model.Person && (o.Rank >= gazetteer.RankOrg || o.QID != ""):
				left = true
			case o.QID != "" || o.Rank >= e.Rank || slices.Contains(o.Sources, gazetteer.SrcWritten):
			default:
				lesser = append(lesser, o)
			}
		}
		if left {
			b.stats.WrittenFormsLeft++
			continue
		}
		for _, o := range lesser {
			b.dropForm(o, m)
			ix.owners[m] = slices.DeleteFunc(ix.owners[m], func(x *gazetteer.Entry) bool { return x == o })
			b.stats.WrittenPersonsTaken++
		}
		for _, a := range c.Ar {
			if arabic.MatchForm(clean(a)) == m {
				if b.addAlias(e, a) && one {
					e.Ambiguous = append(e.Ambiguous, clean(a))
				}
				break
			}
		}
		if !one {
			e.Ambiguous = slices.DeleteFunc(e.Ambiguous, func(a string) bool { return arabic.MatchForm(a) == m })
		}
		if !slices.Contains(ix.owners[m], e) {
			ix.owners[m] = append(ix.owners[m], e)
		}
	}
}

// dropForm takes the Arabic form m (MatchForm) out of o's aliases, and o
// out of the build when it has no Arabic alias left.
func (b *builder) dropForm(o *gazetteer.Entry, m string) {
	o.Aliases = slices.DeleteFunc(o.Aliases, func(a string) bool { return arabic.HasScript(a) && arabic.MatchForm(a) == m })
	o.Ambiguous = slices.DeleteFunc(o.Ambiguous, func(a string) bool { return arabic.MatchForm(a) == m })
	delete(b.aliasSeen[o], m)
	if !slices.ContainsFunc(o.Aliases, arabic.HasScript) {
		delete(b.byKey, o.Key)
	}
}

// best returns the entry of es with a QID, then the highest ranked, then
// the first by key; nil when es is empty.
func best(es []*gazetteer.Entry) *gazetteer.Entry {
	var out *gazetteer.Entry
	for _, e := range es {
		switch {
		case out == nil:
			out = e
		case (e.QID != "") != (out.QID != ""):
			if e.QID != "" {
				out = e
			}
		case e.Rank != out.Rank:
			if e.Rank > out.Rank {
				out = e
			}
		case e.Key < out.Key:
			out = e
		}
	}
	return out
}
