// Package lexicon holds kg's linguistic knowledge as data: the trigger
// words (triggers.yaml) and title phrases (titles.yaml) of the relation
// step, and the word classes and calendar words (words.yaml) that package
// rel reads and, for title and honorific words, packages link, ner and
// gazetteer too (Class, ClassAsWritten, Phrases), embedded and validated
// when they are read. Every predicate must
// be a relation type of the vocabulary (package vocab), every object type
// one the relation type allows, and every field must be known, so that a
// misspelt predicate or field fails a test instead of vanishing.
//
// The package holds data and its reader only; it imports nothing of kg but
// packages arabic (MatchForm), memo and vocab (TestIsolation), so any
// package above those can read the same words without an import cycle.
// Package arabic itself cannot: lexicon folds its words with it.
package lexicon

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/kg-project/kg/internal/text/arabic"
	"github.com/kg-project/kg/internal/vocab"
)

var (
	//go:embed triggers.yaml
	triggersFile []byte
	//go:embed titles.yaml
	titlesFile []byte
	//go:embed words.yaml
	wordsFile []byte
)

// Trigger is one reading of a set of trigger words.
type Trigger struct {
	Pred string
	// Forms are the words that trigger it: Arabic in MatchForm with the
	// verbs expanded (VerbForms), English as written, a phrase's words
	// joined by "_".
	Forms []string
	// Preps: the object must follow one of these prepositions (MatchForm);
	// nil: a direct object.
	Preps []string
	// Needs: one of these words (MatchForm) must stand between the trigger
	// and the object; nil: none.
	Needs []string
	// Speech verbs take the current speaker as their subject when none is
	// written.
	Speech bool
	// ObjType restricts the object's entity type ("" = any).
	ObjType string
	// ByPerson is the relation type when the subject is a person named
	// alone, no forces or other actor noun before the name ("" = Pred):
	// a politician's attack is a verbal one.
	ByPerson string
	// Possessive is the relation type when the object is an English
	// possessive ("welcomed Iran's decision": PRAISED, where "welcomed the
	// president" is HOSTED; "" = Pred); a nationality adjective then
	// qualifies what is welcomed and is no object at all.
	Possessive string
	// Then: one of these words must follow the object right after it
	// (asked Iran to ...: a request, where "asked Iran about" is a
	// question); nil: none.
	Then []string
	Conf float64
	// formKind tells, for each of Forms, what gave it: a plain word
	// (plainForm), a verb's perfect or its imperfect (ArCueVerbs).
	formKind []formKind
}

// Title is one title phrase.
type Title struct {
	Words []string // in MatchForm
	Pred  string
	// CountryNamed: the country must be written as a name, not only as an
	// adjective.
	CountryNamed bool
	// Org: the object is an organisation.
	Org bool
	// Place: the object is a place below a country, a region or a city
	// (محافظ جدة), never a country.
	Place bool
}

// HeldTitle is a title one person holds at a time (titles.yaml held_by):
// the gazetteer key of the country whose office it is, and its holders.
type HeldTitle struct {
	Country string
	// Unique: no other country's office bears the title, so an article
	// need not name the country for the title to be its office.
	Unique  bool
	Holders []Holder
}

// Holder is one holder of a HeldTitle: a gazetteer key and the term,
// "SINCE/UNTIL" (ISO dates; UNTIL empty while in office).
type Holder struct {
	Key, Term string
}

// Lexicon is the content of the three files.
type Lexicon struct {
	ArTriggers, EnTriggers []Trigger // in file order
	ArActionNouns          map[string]string
	// ArNounObjects gives, of each relation type of ArActionNouns, the
	// prepositions (MatchForm; ل also as a clitic) that introduce the
	// object of its verbal noun after a named agent (زيارة الأمير محمد
	// بن سلمان إلى واشنطن, دعم إيران للحوثيين); none: no such reading.
	ArNounObjects map[string][]string
	// ArLightVerbs are the Arabic light verbs (ar_light_verbs): verbs whose
	// act is that of the verbal noun of ArActionNouns after them (قدمت
	// إيران دعما للحوثيين, شن التحالف غارات على). Its Pred is empty;
	// LightPreds are the relation types whose nouns it takes.
	ArLightVerbs Trigger
	LightPreds   map[string]bool
	// ArLightSpeech are the forms of the speech verbs (triggers of STATED)
	// that may declare the speaker's own act with a light verb's noun and
	// a pronoun (أكدت مصر دعمها للسعودية); LightByPerson the relation type
	// of a light verb's act by a person named alone (شن ترامب هجوما على
	// الصين: CRITICIZED), as a trigger's by_person.
	ArLightSpeech []string
	LightByPerson map[string]string
	// EnNouns maps English verbal nouns (lower case) to the relation they
	// state between a named agent before them (Iran's support, the US
	// invasion) and the object after one of EnNounObjects[pred] (for
	// Hezbollah, of Iraq).
	EnNouns       map[string]string
	EnNounObjects map[string][]string
	// ArCues and EnCues map each cue word (triggers.yaml's cues, its
	// triggers and ar_nouns; Arabic in MatchForm, also without ال) to the
	// relation types it evokes, sorted: features of the relation model.
	ArCues, EnCues map[string][]string
	// ArCueVerbs are the Arabic cue forms that only a verb's expansion
	// gives (PERFECT/IMPERFECT), no plain word: a verb takes no possessive
	// ي (أيدي "hands" is no أيد "supported" + ي). ArCueImperfect are
	// those only its imperfect gives, which take no article either: the
	// verbal noun of a verb may be written as its perfect (القتل، التحالف),
	// not as its imperfect (التقدم "progress" is no تقدم "she presents").
	ArCueVerbs, ArCueImperfect map[string]bool
	// CueFree are the actions the relation model may find in a sentence
	// that has no cue word of theirs (cues' cue_free): any other action
	// needs one.
	CueFree            map[string]bool
	ArTitles, EnTitles []Title // in file order: the first match wins
	// ArOffices and EnOffices map each word of titles.yaml's offices
	// (Arabic in MatchForm, without ال; English lower case) to the
	// relation types it names the office of, sorted.
	ArOffices, EnOffices map[string][]string
	// ArHeldBy maps each held title of titles.yaml's held_by (its words in
	// MatchForm joined by "_", a phrase of words.yaml's ar_held_titles) to
	// its holders and their terms of office.
	ArHeldBy map[string]HeldTitle
	// Classes are the word classes of words.yaml by name, each in file
	// order and in MatchForm (a phrase's words joined by "_"); Written has
	// the same words as written in the file, for readers that fold words
	// their own way. Read them with Class, ClassAsWritten or Phrases.
	Classes, Written map[string][]string
	ClassRefs        map[string]bool // the classes triggers name with @
	// Calendar lists: the index gives the number, each item its spellings
	// (MatchForm).
	Calendar map[string][][]string
}

// CalendarLists are the lists of words.yaml's calendar, with their length.
var CalendarLists = map[string]int{"ar_days": 7, "en_days": 7, "ar_months": 12, "en_months": 12, "ar_ordinals": 10}

// Get returns the embedded lexicon. It panics if the embedded files are
// broken, which TestEmbedded rules out.
var Get = sync.OnceValue(func() *Lexicon {
	l, err := Parse(triggersFile, titlesFile, wordsFile)
	if err != nil {
		panic("internal/lexicon: " + err.Error())
	}
	return l
})

// Class returns the words of the class name of words.yaml, in file order
// and MatchForm, a copy the caller may change. It panics when
// words.yaml has no such class, so that a misspelt name fails every test
// of the package that asks for it (the packages ask when they start).
func Class(name string) []string { return Get().class(name, false) }

// ClassAsWritten is Class with the words as written in words.yaml, not
// folded: for readers that compare them in another form (package ner's
// word lists go through its own base forms).
func ClassAsWritten(name string) []string { return Get().class(name, true) }

// Phrases returns the class name (as Class does) with each phrase split
// into its words: "صاحب_السمو" is [صاحب السمو].
func Phrases(name string) [][]string {
	ws := Class(name)
	out := make([][]string, len(ws))
	for i, w := range ws {
		out[i] = strings.Split(w, "_")
	}
	return out
}

func (l *Lexicon) class(name string, written bool) []string {
	m := l.Classes
	if written {
		m = l.Written
	}
	ws, ok := m[name]
	if !ok {
		panic("lexicon: words.yaml has no class " + name)
	}
	return slices.Clone(ws)
}

// Parse reads and validates the three files.
func Parse(triggers, titles, words []byte) (*Lexicon, error) {
	l := &Lexicon{ArActionNouns: map[string]string{}, Classes: map[string][]string{}, Written: map[string][]string{}, ClassRefs: map[string]bool{}, Calendar: map[string][][]string{}}
	if err := l.parseWords(words); err != nil {
		return nil, fmt.Errorf("words.yaml: %w", err)
	}
	if err := l.parseTriggers(triggers); err != nil {
		return nil, fmt.Errorf("triggers.yaml: %w", err)
	}
	if err := l.parseTitles(titles); err != nil {
		return nil, fmt.Errorf("titles.yaml: %w", err)
	}
	return l, nil
}

// decode reads YAML strictly: unknown fields are errors.
func decode(b []byte, v any) error {
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		if errors.Is(err, io.EOF) {
			return errors.New("empty file")
		}
		return err
	}
	return nil
}

var (
	classNameRE = regexp.MustCompile(`^(ar|en)_[a-z_]+$`)
	enWordRE    = regexp.MustCompile(`^[a-z]+(?: [a-z]+){0,3}$`)
	enTitleRE   = regexp.MustCompile(`^[a-z-]+(?: [a-z-]+)*$`)
)

func (l *Lexicon) parseWords(b []byte) error {
	var f struct {
		Classes  map[string]string   `yaml:"classes"`
		Calendar map[string][]string `yaml:"calendar"`
	}
	if err := decode(b, &f); err != nil {
		return err
	}
	if len(f.Classes) == 0 {
		return errors.New("no classes")
	}
	for name, words := range f.Classes {
		if !classNameRE.MatchString(name) {
			return fmt.Errorf("class %q: a name is ar_ or en_ and lower-case letters", name)
		}
		seen := map[string]bool{}
		var ws []string
		for _, w := range strings.Fields(words) {
			if seen[w] {
				return fmt.Errorf("class %s: %q listed twice", name, w)
			}
			if strings.HasPrefix(w, "_") || strings.HasSuffix(w, "_") || strings.Contains(w, "__") {
				return fmt.Errorf("class %s: %q: a phrase is words joined by one _", name, w)
			}
			seen[w] = true
			ws = append(ws, arabic.MatchForm(w))
		}
		if len(ws) == 0 {
			return fmt.Errorf("class %s: no words", name)
		}
		l.Classes[name] = ws
		l.Written[name] = strings.Fields(words)
	}
	for name, items := range f.Calendar {
		n, ok := CalendarLists[name]
		if !ok {
			return fmt.Errorf("calendar: unknown list %q", name)
		}
		if len(items) != n {
			return fmt.Errorf("calendar %s: %d items, want %d", name, len(items), n)
		}
		for i, it := range items {
			var sp []string
			for _, s := range strings.Split(it, "|") {
				if s = strings.TrimSpace(s); s == "" || strings.ContainsAny(s, " \t") {
					return fmt.Errorf("calendar %s item %d: %q is not one word or a|b", name, i+1, it)
				}
				sp = append(sp, arabic.MatchForm(s))
			}
			l.Calendar[name] = append(l.Calendar[name], sp)
		}
	}
	for name := range CalendarLists {
		if _, ok := l.Calendar[name]; !ok {
			return fmt.Errorf("calendar: %s missing", name)
		}
	}
	return nil
}

type triggerEntry struct {
	Pred     string   `yaml:"pred"`
	Conf     float64  `yaml:"conf"`
	Words    []string `yaml:"words"`
	Preps    string   `yaml:"preps"`
	Needs    string   `yaml:"needs"`
	Speech   bool     `yaml:"speech"`
	Object   string   `yaml:"object"`
	ByPerson string   `yaml:"by_person"`
	// Possessive: see Trigger.Possessive
	Possessive string `yaml:"possessive"`
	// Then: see Trigger.Then
	Then string `yaml:"then"`
}

func (l *Lexicon) parseTriggers(b []byte) error {
	var f struct {
		Ar            []triggerEntry    `yaml:"ar"`
		En            []triggerEntry    `yaml:"en"`
		ArNouns       map[string]string `yaml:"ar_nouns"`
		ArNounObjects map[string]string `yaml:"ar_noun_objects"`
		EnNouns       map[string]string `yaml:"en_nouns"`
		EnNounObjects map[string]string `yaml:"en_noun_objects"`
		ArLightVerbs  lightEntry        `yaml:"ar_light_verbs"`
		Cues          struct {
			Ar      map[string]string `yaml:"ar"`
			En      map[string]string `yaml:"en"`
			CueFree []string          `yaml:"cue_free"`
		} `yaml:"cues"`
	}
	if err := decode(b, &f); err != nil {
		return err
	}
	if len(f.Ar) == 0 || len(f.En) == 0 {
		return errors.New("want triggers under both ar and en")
	}
	for _, lang := range []string{"ar", "en"} {
		entries, dst := f.Ar, &l.ArTriggers
		if lang == "en" {
			entries, dst = f.En, &l.EnTriggers
		}
		owner := map[string]int{}
		for i, e := range entries {
			t, err := l.trigger(lang, e)
			if err != nil {
				return fmt.Errorf("%s entry %d (%s): %w", lang, i+1, e.Pred, err)
			}
			for _, form := range t.Forms {
				if j, dup := owner[form]; dup {
					return fmt.Errorf("%s entry %d (%s): %q is also a form of entry %d (%s)", lang, i+1, e.Pred, form, j+1, entries[j].Pred)
				}
				owner[form] = i
			}
			*dst = append(*dst, t)
		}
	}
	for pred, words := range f.ArNouns {
		if err := checkPred(pred); err != nil {
			return fmt.Errorf("ar_nouns: %w", err)
		}
		for _, w := range strings.Fields(words) {
			mf := arabic.MatchForm(w)
			if !isArabic(mf) {
				return fmt.Errorf("ar_nouns %s: %q is no Arabic word", pred, w)
			}
			if p, dup := l.ArActionNouns[mf]; dup {
				return fmt.Errorf("ar_nouns %s: %q is also a noun of %s", pred, w, p)
			}
			l.ArActionNouns[mf] = pred
		}
	}
	l.ArNounObjects = map[string][]string{}
	for pred, words := range f.ArNounObjects {
		if err := checkPred(pred); err != nil {
			return fmt.Errorf("ar_noun_objects: %w", err)
		}
		if strings.TrimSpace(f.ArNouns[pred]) == "" {
			return fmt.Errorf("ar_noun_objects %s: no noun of ar_nouns states it", pred)
		}
		for _, w := range strings.Fields(words) {
			mf := arabic.MatchForm(w)
			if !isArabic(mf) {
				return fmt.Errorf("ar_noun_objects %s: %q is no Arabic word", pred, w)
			}
			l.ArNounObjects[pred] = append(l.ArNounObjects[pred], mf)
		}
	}
	l.EnNouns, l.EnNounObjects = map[string]string{}, map[string][]string{}
	for pred, words := range f.EnNouns {
		if err := checkPred(pred); err != nil {
			return fmt.Errorf("en_nouns: %w", err)
		}
		if strings.TrimSpace(f.EnNounObjects[pred]) == "" {
			return fmt.Errorf("en_nouns %s: no en_noun_objects", pred)
		}
		for _, w := range strings.Fields(words) {
			if p, dup := l.EnNouns[w]; dup {
				return fmt.Errorf("en_nouns %s: %q is also a noun of %s", pred, w, p)
			}
			l.EnNouns[w] = pred
		}
		l.EnNounObjects[pred] = strings.Fields(f.EnNounObjects[pred])
	}
	for pred := range f.EnNounObjects {
		if f.EnNouns[pred] == "" {
			return fmt.Errorf("en_noun_objects %s: no en_nouns", pred)
		}
	}
	if err := l.parseLightVerbs(f.ArLightVerbs); err != nil {
		return fmt.Errorf("ar_light_verbs: %w", err)
	}
	l.CueFree = map[string]bool{}
	for _, p := range f.Cues.CueFree {
		if err := checkPred(p); err != nil {
			return fmt.Errorf("cues cue_free: %w", err)
		}
		l.CueFree[p] = true
	}
	return l.parseCues(f.Cues.Ar, f.Cues.En)
}

// parseLightVerbs reads ar_light_verbs: its verbs expanded as the
// triggers' are, none of them a trigger's form, and the relation types
// whose verbal nouns they take, each with nouns (ar_nouns) and their
// objects' prepositions (ar_noun_objects).
func (l *Lexicon) parseLightVerbs(e lightEntry) error {
	conf, nouns, words := e.Conf, e.Nouns, e.Words
	l.LightPreds, l.LightByPerson = map[string]bool{}, map[string]string{}
	if conf == 0 && len(words) == 0 && nouns == "" {
		return nil // none
	}
	if conf <= 0 || conf > 1 {
		return fmt.Errorf("conf %v: want a confidence in (0, 1]", conf)
	}
	if len(words) == 0 || strings.TrimSpace(nouns) == "" {
		return errors.New("want words and nouns")
	}
	for _, p := range strings.Fields(nouns) {
		if err := checkPred(p); err != nil {
			return fmt.Errorf("nouns: %w", err)
		}
		if len(l.ArNounObjects[p]) == 0 {
			return fmt.Errorf("nouns: %s has no ar_noun_objects", p)
		}
		l.LightPreds[p] = true
	}
	trig := map[string]string{}
	for _, t := range l.ArTriggers {
		for _, f := range t.Forms {
			trig[f] = t.Pred
		}
	}
	t := Trigger{Conf: conf}
	for _, w := range words {
		forms, err := wordForms("ar", strings.TrimSpace(w))
		if err != nil {
			return err
		}
		for _, f := range forms {
			if p, dup := trig[f]; dup {
				return fmt.Errorf("%q is also a form of a trigger of %s", f, p)
			}
		}
		t.Forms = append(t.Forms, forms...)
	}
	l.ArLightVerbs = t
	for p, bp := range e.ByPerson {
		if !l.LightPreds[p] {
			return fmt.Errorf("by_person: %s is none of the nouns' types", p)
		}
		if err := checkPred(bp); err != nil {
			return fmt.Errorf("by_person: %w", err)
		}
		l.LightByPerson[p] = bp
	}
	speech := map[string]bool{}
	for _, tr := range l.ArTriggers {
		if tr.Speech {
			for _, f := range tr.Forms {
				speech[f] = true
			}
		}
	}
	for _, w := range e.Speech {
		forms, err := wordForms("ar", strings.TrimSpace(w))
		if err != nil {
			return fmt.Errorf("speech: %w", err)
		}
		for _, f := range forms {
			if !speech[f] {
				return fmt.Errorf("speech: %q is no form of a speech trigger", f)
			}
		}
		l.ArLightSpeech = append(l.ArLightSpeech, forms...)
	}
	return nil
}

// lightEntry is triggers.yaml's ar_light_verbs.
type lightEntry struct {
	Conf     float64           `yaml:"conf"`
	Nouns    string            `yaml:"nouns"`
	Words    []string          `yaml:"words"`
	Speech   []string          `yaml:"speech"`
	ByPerson map[string]string `yaml:"by_person"`
}

// parseCues fills ArCues and EnCues from the cues section and the triggers.
func (l *Lexicon) parseCues(ar, en map[string]string) error {
	l.ArCues, l.EnCues = map[string][]string{}, map[string][]string{}
	add := func(m map[string][]string, form, pred string) {
		if !slices.Contains(m[form], pred) {
			m[form] = append(m[form], pred)
			slices.Sort(m[form])
		}
	}
	kinds := map[string][3]bool{} // by form: what gave it (formKind)
	addAr := func(form, pred string, kind formKind) {
		add(l.ArCues, form, pred)
		if rest, ok := strings.CutPrefix(form, "ال"); ok && len([]rune(rest)) >= 2 {
			add(l.ArCues, rest, pred)
			k := kinds[rest]
			k[plainForm] = true
			kinds[rest] = k
		}
		k := kinds[form]
		k[kind] = true
		kinds[form] = k
	}
	for _, t := range l.ArTriggers {
		for i, f := range t.Forms {
			addAr(f, t.Pred, t.formKind[i])
		}
	}
	for f, p := range l.ArActionNouns {
		addAr(f, p, plainForm)
	}
	for _, t := range l.EnTriggers {
		for _, f := range t.Forms {
			add(l.EnCues, f, t.Pred)
		}
	}
	for _, lang := range []string{"ar", "en"} {
		src := ar
		if lang == "en" {
			src = en
		}
		for pred, words := range src {
			if err := checkPred(pred); err != nil {
				return fmt.Errorf("cues %s: %w", lang, err)
			}
			seen := map[string]bool{}
			for _, w := range strings.Fields(words) {
				if seen[w] {
					return fmt.Errorf("cues %s %s: %q listed twice", lang, pred, w)
				}
				seen[w] = true
				forms, err := wordForms(lang, w)
				if err != nil {
					return fmt.Errorf("cues %s %s: %w", lang, pred, err)
				}
				ks := kindsOf(w, forms)
				for i, f := range forms {
					if lang == "en" {
						add(l.EnCues, f, pred)
					} else {
						addAr(f, pred, ks[i])
					}
				}
			}
		}
	}
	l.ArCueVerbs, l.ArCueImperfect = map[string]bool{}, map[string]bool{}
	for f, k := range kinds {
		if !k[plainForm] {
			l.ArCueVerbs[f] = true
			if !k[perfectForm] {
				l.ArCueImperfect[f] = true
			}
		}
	}
	return nil
}

// perfectForms is how many of VerbForms' forms, first, are the perfect's.
const perfectForms = 5

// formKind is what gave a cue form: a plain word, or a verb's perfect or
// imperfect (VerbForms).
type formKind uint8

const (
	plainForm formKind = iota
	perfectForm
	imperfectForm
)

// kindsOf returns the kind of each of forms, the forms of the listed
// word w (wordForms).
func kindsOf(w string, forms []string) []formKind {
	ks := make([]formKind, len(forms))
	if !strings.Contains(w, "/") {
		return ks
	}
	for i := range forms {
		ks[i] = perfectForm
		if i >= perfectForms {
			ks[i] = imperfectForm
		}
	}
	return ks
}

// wordForms reads one word of a trigger or cue list: English lower-case
// words (a phrase's words joined by "_"), an Arabic PERFECT/IMPERFECT verb
// expanded (VerbForms) or a plain Arabic word, folded with MatchForm.
func wordForms(lang, w string) ([]string, error) {
	if lang == "en" {
		if !enWordRE.MatchString(w) {
			return nil, fmt.Errorf("%q is no lower-case English word (one to four lower-case words)", w)
		}
		return []string{strings.ReplaceAll(w, " ", "_")}, nil
	}
	if perfect, imperfect, verb := strings.Cut(w, "/"); verb {
		if !isArabic(arabic.MatchForm(perfect)) || !isArabic(arabic.MatchForm(imperfect)) {
			return nil, fmt.Errorf("%q: want PERFECT/IMPERFECT, two Arabic words", w)
		}
		return VerbForms(perfect, imperfect), nil
	}
	mf := arabic.MatchForm(w)
	if !isArabic(mf) {
		return nil, fmt.Errorf("%q is no Arabic word", w)
	}
	return []string{mf}, nil
}

func checkPred(pred string) error {
	if pred == "" {
		return errors.New("no pred")
	}
	if !vocab.Valid(pred) {
		return fmt.Errorf("pred %q is no relation type of schema/relations.yaml", pred)
	}
	return nil
}

// trigger validates one entry and expands its words.
func (l *Lexicon) trigger(lang string, e triggerEntry) (Trigger, error) {
	t := Trigger{Pred: e.Pred, Speech: e.Speech, ObjType: e.Object, ByPerson: e.ByPerson, Possessive: e.Possessive, Conf: e.Conf}
	if err := checkPred(e.Pred); err != nil {
		return t, err
	}
	if e.ByPerson != "" {
		if err := checkPred(e.ByPerson); err != nil {
			return t, fmt.Errorf("by_person: %w", err)
		}
		r, _ := vocab.Get(e.ByPerson)
		if !slices.Contains(r.Subject, "Person") {
			return t, fmt.Errorf("by_person %q takes no Person subject", e.ByPerson)
		}
	}
	if e.Possessive != "" {
		if err := checkPred(e.Possessive); err != nil {
			return t, fmt.Errorf("possessive: %w", err)
		}
		if lang != "en" {
			return t, fmt.Errorf("possessive %q: only English writes a possessive 's", e.Possessive)
		}
	}
	if e.Conf <= 0 || e.Conf > 1 {
		return t, fmt.Errorf("conf %v: want a confidence in (0, 1]", e.Conf)
	}
	if e.Object != "" {
		r, _ := vocab.Get(e.Pred)
		if !slices.Contains(r.Object, e.Object) {
			return t, fmt.Errorf("object %q: %s takes an object of type %s", e.Object, e.Pred, strings.Join(r.Object, ", "))
		}
	}
	var err error
	if t.Preps, err = l.wordList(e.Preps); err != nil {
		return t, fmt.Errorf("preps: %w", err)
	}
	if t.Then, err = l.wordList(e.Then); err != nil {
		return t, fmt.Errorf("then: %w", err)
	}
	if t.Needs, err = l.wordList(e.Needs); err != nil {
		return t, fmt.Errorf("needs: %w", err)
	}
	if len(e.Words) == 0 {
		return t, errors.New("no words")
	}
	for _, w := range e.Words {
		forms, err := wordForms(lang, strings.TrimSpace(w))
		if err != nil {
			return t, err
		}
		t.Forms = append(t.Forms, forms...)
		t.formKind = append(t.formKind, kindsOf(w, forms)...)
	}
	return t, nil
}

// wordList reads a field of words and @classes, folded; nil when empty.
func (l *Lexicon) wordList(s string) ([]string, error) {
	var out []string
	for _, w := range strings.Fields(s) {
		if name, ok := strings.CutPrefix(w, "@"); ok {
			ws, ok := l.Classes[name]
			if !ok {
				return nil, fmt.Errorf("no class %q in words.yaml", name)
			}
			l.ClassRefs[name] = true
			out = append(out, ws...)
			continue
		}
		out = append(out, arabic.MatchForm(w))
	}
	return out, nil
}

// VerbForms expands a regular verb from its perfect (3rd person masculine
// singular) and imperfect stem (without the person prefix) into the common
// third-person forms, in MatchForm: the perfect's (perfectForms of them)
// first.
func VerbForms(perfect, imperfect string) []string {
	p, i := arabic.MatchForm(perfect), arabic.MatchForm(imperfect)
	out := []string{p, p + "ت", p + "وا", p + "ا", p + "تا"}
	if i != "" {
		for _, pre := range []string{"ي", "ت", "ن"} {
			out = append(out, pre+i, pre+i+"ون", pre+i+"ان")
		}
	}
	return out
}

func (l *Lexicon) parseTitles(b []byte) error {
	type entry struct {
		Pred         string   `yaml:"pred"`
		Phrases      []string `yaml:"phrases"`
		Org          bool     `yaml:"org"`
		Place        bool     `yaml:"place"`
		CountryNamed bool     `yaml:"country_named"`
	}
	var f struct {
		Ar      []entry `yaml:"ar"`
		En      []entry `yaml:"en"`
		Offices struct {
			Ar map[string]string `yaml:"ar"`
			En map[string]string `yaml:"en"`
		} `yaml:"offices"`
		HeldBy struct {
			Ar map[string]struct {
				Country string `yaml:"country"`
				Unique  bool   `yaml:"unique"`
				Holders []struct {
					Key  string `yaml:"key"`
					Term string `yaml:"term"`
				} `yaml:"holders"`
			} `yaml:"ar"`
		} `yaml:"held_by"`
	}
	if err := decode(b, &f); err != nil {
		return err
	}
	if len(f.Ar) == 0 || len(f.En) == 0 {
		return errors.New("want titles under both ar and en")
	}
	for _, lang := range []string{"ar", "en"} {
		entries, dst := f.Ar, &l.ArTitles
		if lang == "en" {
			entries, dst = f.En, &l.EnTitles
		}
		for i, e := range entries {
			if err := checkPred(e.Pred); err != nil {
				return fmt.Errorf("%s entry %d: %w", lang, i+1, err)
			}
			if r, _ := vocab.Get(e.Pred); r.Group != "structural" {
				return fmt.Errorf("%s entry %d: %s is no structural relation", lang, i+1, e.Pred)
			}
			if len(e.Phrases) == 0 {
				return fmt.Errorf("%s entry %d (%s): no phrases", lang, i+1, e.Pred)
			}
			if e.Place && (e.Org || e.CountryNamed) {
				return fmt.Errorf("%s entry %d (%s): place with org or country_named", lang, i+1, e.Pred)
			}
			if r, _ := vocab.Get(e.Pred); e.Place && !slices.Contains(r.Object, "Location") {
				return fmt.Errorf("%s entry %d: %s takes no place", lang, i+1, e.Pred)
			}
			for _, p := range e.Phrases {
				var ws []string
				for _, w := range strings.Fields(p) {
					mf := arabic.MatchForm(w)
					if lang == "ar" && !isArabic(mf) {
						return fmt.Errorf("ar entry %d (%s): %q is no Arabic word", i+1, e.Pred, w)
					}
					ws = append(ws, mf)
				}
				if lang == "en" && !enTitleRE.MatchString(p) || len(ws) == 0 {
					return fmt.Errorf("%s entry %d (%s): bad phrase %q", lang, i+1, e.Pred, p)
				}
				*dst = append(*dst, Title{Words: ws, Pred: e.Pred, CountryNamed: e.CountryNamed, Org: e.Org, Place: e.Place})
			}
		}
	}
	l.ArHeldBy = map[string]HeldTitle{}
	held := l.Classes["ar_held_titles"]
	for t, h := range f.HeldBy.Ar {
		var ws []string
		for _, w := range strings.Fields(t) {
			ws = append(ws, arabic.MatchForm(w))
		}
		k := strings.Join(ws, "_")
		if !slices.Contains(held, k) {
			return fmt.Errorf("held_by: %q is no phrase of words.yaml's ar_held_titles", t)
		}
		if !countryKeyRE.MatchString(h.Country) {
			return fmt.Errorf("held_by %s: country %q is no gazetteer key with a QID (wd:Q…)", t, h.Country)
		}
		if len(h.Holders) == 0 {
			return fmt.Errorf("held_by %s: no holders", t)
		}
		ht := HeldTitle{Country: h.Country, Unique: h.Unique}
		for _, x := range h.Holders {
			if !keyRE.MatchString(x.Key) || !termRE.MatchString(x.Term) {
				return fmt.Errorf("held_by %s: bad holder %q, term %q (want a gazetteer key and SINCE/UNTIL)", t, x.Key, x.Term)
			}
			ht.Holders = append(ht.Holders, Holder{Key: x.Key, Term: x.Term})
		}
		l.ArHeldBy[k] = ht
	}
	return l.parseOffices(f.Offices.Ar, f.Offices.En)
}

// countryKeyRE is a gazetteer key of a country with a QID; keyRE any
// gazetteer key; termRE a term of office, SINCE/UNTIL (ISO dates, UNTIL
// may be empty).
var (
	countryKeyRE = regexp.MustCompile(`^wd:Q[1-9][0-9]*$`)
	keyRE        = regexp.MustCompile(`^(wd:Q[1-9][0-9]*|(person|organization|location):[^\s:]+)$`)
	termRE       = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}/(\d{4}-\d{2}-\d{2})?$`)
)

// parseOffices fills ArOffices and EnOffices: each relation type must be a
// structural one, each word a plain word (no verb forms).
func (l *Lexicon) parseOffices(ar, en map[string]string) error {
	if len(ar) == 0 || len(en) == 0 {
		return errors.New("want offices under both ar and en")
	}
	l.ArOffices, l.EnOffices = map[string][]string{}, map[string][]string{}
	for _, lang := range []string{"ar", "en"} {
		src, dst := ar, l.ArOffices
		if lang == "en" {
			src, dst = en, l.EnOffices
		}
		for pred, words := range src {
			if err := checkPred(pred); err != nil {
				return fmt.Errorf("offices %s: %w", lang, err)
			}
			if r, _ := vocab.Get(pred); r.Group != "structural" {
				return fmt.Errorf("offices %s: %s is no structural relation", lang, pred)
			}
			for _, w := range strings.Fields(words) {
				if strings.Contains(w, "/") {
					return fmt.Errorf("offices %s %s: %q: want one plain word", lang, pred, w)
				}
				forms, err := wordForms(lang, w)
				if err != nil {
					return fmt.Errorf("offices %s %s: %w", lang, pred, err)
				}
				f := forms[0]
				if lang == "ar" {
					f = strings.TrimPrefix(f, "ال")
				}
				if slices.Contains(dst[f], pred) {
					return fmt.Errorf("offices %s %s: %q listed twice", lang, pred, w)
				}
				dst[f] = append(dst[f], pred)
				slices.Sort(dst[f])
			}
		}
	}
	return nil
}

// isArabic reports whether s is a non-empty word of Arabic letters.
func isArabic(s string) bool { return arabic.AllLetters(s) }
