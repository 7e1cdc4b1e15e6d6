package translit

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/translit/data"
)

// TestDataFiles: the embedded files are well formed (their readers fall
// back to empty tables otherwise).
func TestDataFiles(t *testing.T) {
	if _, err := parseSpellings(data.Spellings); err != nil {
		t.Errorf("spellings.txt: %v", err)
	}
	if ew, err := parseSpellings(data.English); err != nil {
		t.Errorf("english.tsv: %v", err)
	} else if len(ew.words) < 150 {
		t.Errorf("english.tsv: only %d entries", len(ew.words))
	}
	ow, err := parseOrgWords(data.OrgWords)
	if err != nil {
		t.Errorf("orgwords.tsv: %v", err)
	} else if len(ow.words) < 300 {
		t.Errorf("orgwords.tsv: only %d entries", len(ow.words))
	}
	if gw, err := parseGlossary(data.Glossary, orgWords()); err != nil {
		t.Errorf("glossary.tsv: %v", err)
	} else if len(gw.words) < 1000 {
		t.Errorf("glossary.tsv: only %d entries", len(gw.words))
	}
	if ln, err := parseLetterNames(data.LetterNames); err != nil {
		t.Errorf("letternames.tsv: %v", err)
	} else if len(ln) < 26 {
		t.Errorf("letternames.tsv: only %d entries", len(ln))
	}
	c, err := Default()
	if err != nil {
		t.Fatalf("names.tsv.gz: %v", err)
	}
	if len(c.Table) < 10000 || c.Model == nil || len(c.Model.Graphones) < 100 {
		t.Errorf("names.tsv.gz: %d table entries, model %+v", len(c.Table), c.Model != nil)
	}
	// the reader and the writer agree
	var b bytes.Buffer
	if err := WriteCompiled(&b, c); err != nil {
		t.Fatal(err)
	}
	back, err := ReadCompiled(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	var b2 bytes.Buffer
	if err := WriteCompiled(&b2, back); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), b2.Bytes()) {
		t.Error("read/write round trip changes the file")
	}
}

func TestParseErrors(t *testing.T) {
	for _, text := range []string{
		"بنك\tBank\tnoun\tbefore",           // unknown option
		"عام\tGeneral\tadj\t5",              // rank out of range
		"بنك\tBank\tthing",                  // unknown class
		"Bank\tبنك\tnoun",                   // columns swapped
		"بنك\tBank\nبنك\tBank\tnoun",        // too few fields
		"بنك\tBank\tnoun\nبنك\tBanks\tnoun", // twice
	} {
		if _, err := parseOrgWords(text); err == nil {
			t.Errorf("parseOrgWords(%q): no error", text)
		}
	}
	for _, text := range []string{
		"بي\tb",        // not a capital
		"بي\tBB",       // two letters
		"B\tبي",        // columns swapped
		"بي\tB\nبي\tP", // twice
		"بِي\tB",       // not normalised (a diacritic)
	} {
		if _, err := parseLetterNames(text); err == nil {
			t.Errorf("parseLetterNames(%q): no error", text)
		}
	}
	if _, err := parseSpellings("محمد Mohammed"); err == nil {
		t.Error("parseSpellings without a tab: no error")
	}
}

func TestRomanize(t *testing.T) {
	for in, want := range map[string]string{
		"عادل الجبير":                 "Adel al-Jubeir",
		"محمد بن سلمان":               "Mohammed bin Salman",
		"عبدالعزيز":                   "Abdulaziz",
		"عبد العزيز":                  "Abdulaziz",
		"سلمان بن عبد العزيز آل سعود": "Salman bin Abdulaziz Al Saud",
		"أدولف هتلر":                  "Adolf Hitler",
		"فلاديمير بوتين":              "Vladimir Putin",
		"موبايلي":                     "Mobily",
		"هنري الثاني":                 "Henry II", // a regnal number
		"إليزابيث الثانية":            "Elizabeth II",
		"محمد السادس":                 "Mohammed VI",
		"إلسا غونزاليس":               "Elsa Gonzalez", // إل is no article
		"اللورد هول":                  "Lord Hall",
		"Putin":                       "Putin",
		"":                            "",
	} {
		if got := Romanize(in); got != want {
			t.Errorf("Romanize(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestLetters: the letter-by-letter rendering (kg's transliteration before
// the learnt one) does not move.
func TestLetters(t *testing.T) {
	for in, want := range map[string]string{
		"قاسم جومارت توكاييف":   "Qassem Jumart Tukayif",
		"فلاديمير بوتين":        "Vladimir Putin",
		"عبد الله":              "Abdullah",
		"عبدالعزيز":             "Abdulaziz",
		"محمد":                  "Mohammed",
		"عبد ربه منصور هادي":    "Abd Rabbo Mansour Hadi",
		"محمد بن نايف":          "Mohammed bin Nayef",
		"عبد الرحمن الشمري":     "Abdulrahman al-Shammari",
		"آية الله مكارم شيرازي": "Ayatollah Makarem Shirazi",
		"حسن هاشميان":           "Hassan Hashmian",
		"شبیری زنجانی":          "Shabiri Zanjani", // Persian letters
		"حسب":                   "Hasab",           // three consonants: a short a
		"سالم":                  "Salim",           // CaCiC after a long a
		"نواف":                  "Nawaf",           // و before a long a is a consonant
		"أدولف هتلر":            "Adulf Hatlr",
		"Putin":                 "Putin",
	} {
		if got := Letters(in); got != want {
			t.Errorf("Letters(%q) = %q, want %q", in, got, want)
		}
	}
}

// gaz is a Lexicon of a few entries.
type gaz struct{}

func (gaz) Name(m string) (string, bool) {
	switch m {
	case "الرياض":
		return "Riyadh", true
	case "نيويورك":
		return "New York City", true
	case "ديلي":
		return "Dili", true
	}
	return "", false
}

func (gaz) Demonym(m string) (string, bool) {
	if m == "الاسكتلندي" {
		return "Scottish", true
	}
	return "", false
}

// TestEnglishWords: the English words of an organisation's name written in
// Arabic letters are those words (data/english.tsv), the places among them
// the lexicon's, and a person's name is romanised as before.
func TestEnglishWords(t *testing.T) {
	for _, tc := range []struct{ in, typ, want string }{
		{"عرب نيوز", model.Organization, "Arab News"},
		{"نيويورك تايمز", model.Organization, "New York Times"}, // not "New York City Times"
		{"ديلي ميل", model.Organization, "Daily Mail"},          // not Dili
		{"ذي غارديان", model.Organization, "The Guardian"},
		{"فيس بوك", model.Organization, "Facebook"},
		{"شركة جنرال موتورز", model.Organization, "General Motors Company"},
		{"هيومن رايتس ووتش", model.Organization, "Human Rights Watch"},
		{"وارنر بروس", model.Organization, "Warner Bros"},
		{"لجنة الشؤون الخارجية", model.Organization, "Foreign Affairs Committee"}, // a word of the noun and of its adjective once
		{"المنتخب الوطني", model.Organization, "National Team"},
		{"لجنة العلاقات الخارجية", model.Organization, "Foreign Relations Committee"},
		{"الجماعة الليبية الإسلامية المقاتلة", model.Organization, "Libyan Islamic Fighting Group"},
		{"جهاز المخابرات العامة المصرية", model.Organization, "Egyptian General Intelligence Agency"},
		{"نقابة المحامين", model.Organization, "Lawyers Syndicate"},
	} {
		if got := Name(tc.in, tc.typ, gaz{}); got != tc.want {
			t.Errorf("Name(%s, %s) = %q, want %q", tc.in, tc.typ, got, tc.want)
		}
	}
	for _, in := range []string{"تايمز", "نيوز"} {
		if got, org := Name(in, model.Person, gaz{}), Name(in, model.Organization, gaz{}); got == org {
			t.Errorf("Name(%s) of a person = %q, as of an organisation", in, got)
		}
	}
}

// TestEnglishNameWords: an organisation's or a place's word that no known
// Latin name fits is the English word of data/englishwords it writes; a
// person's is not; a word a known name fits keeps it; Latin gh may be the
// g and h Arabic writes غه.
func TestEnglishNameWords(t *testing.T) {
	for _, tc := range []struct{ in, typ, want string }{
		{"هندوستان تايمز", model.Organization, "Hindustan Times"},
		{"فوركاستس", model.Organization, "Forecasts"},
		{"بيتشكومبر", model.Organization, "Beachcomber"},
		{"سبرينت موبايل", model.Organization, "Sprint Mobile"}, // not the rare surname Sprent
		{"بيرمنغهام", model.Location, "Birmingham"},
		{"نوتنغهام", model.Location, "Nottingham"},
	} {
		if got := Name(tc.in, tc.typ, gaz{}); got != tc.want {
			t.Errorf("Name(%s, %s) = %q, want %q", tc.in, tc.typ, got, tc.want)
		}
	}
	if got := Name("بولونيوم", model.Person, gaz{}); got == "Polonium" {
		t.Errorf("Name(بولونيوم, Person) = %q: an English word in a person's name", got)
	}
}

// TestReadEnglishWords: each word once, a line that is no word of Latin
// letters an error naming the file and line.
func TestReadEnglishWords(t *testing.T) {
	l, err := ReadEnglishWords(fstest.MapFS{
		"d/a.txt": {Data: []byte("# a list\nSprint\nForecasts\n")},
		"d/b.txt": {Data: []byte("sprint\n\nBeach\n")},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Words) != 3 {
		t.Errorf("%d words, want 3: %v", len(l.Words), l.Words)
	}
	_, err = ReadEnglishWords(fstest.MapFS{"d/a.txt": {Data: []byte("Sprint\nNew York\n")}})
	if err == nil || !strings.Contains(err.Error(), "d/a.txt:2") {
		t.Errorf("got %v, want an error naming d/a.txt:2", err)
	}
}

func TestName(t *testing.T) {
	for _, tc := range []struct{ in, typ, want string }{
		{"بنك الألماس", model.Organization, "Diamond Bank"},
		{"ابن بطوطة مول", model.Location, "Ibn Battuta Mall"}, // a loanword after the name
		{"وزارة الخارجية", model.Organization, "Ministry of Foreign Affairs"},
		{"جامعة الملك سعود", model.Organization, "King Saud University"},
		{"استاد الأمير فيصل بن فهد", model.Location, "Prince Faisal bin Fahd Stadium"}, // a title after a noun that takes a name
		{"وزارة الخارجية السعودية", model.Organization, "Saudi Ministry of Foreign Affairs"},
		{"مجلس التعاون الخليجي", model.Organization, "Gulf Cooperation Council"},
		{"الهيئة العامة للاستثمار", model.Organization, "General Authority for Investment"},
		{"منظمة الصحة العالمية", model.Organization, "World Health Organization"},
		{"مدينة الملك عبدالعزيز للعلوم والتقنية", model.Organization, "King Abdulaziz City for Science and Technology"},
		// adjectives joined by و keep their "and"; a list of three or more
		// nouns is one list, "A, B and C"
		{"المؤسسة العامة للتدريب التقني والمهني", model.Organization, "General Foundation for Technical and Vocational Training"},
		{"مجلس الشؤون السياسية والأمنية", model.Organization, "Political and Security Affairs Council"},
		{"الهيئة السعودية للمواصفات والمقاييس والجودة", model.Organization, "Saudi Authority for Standards, Metrology and Quality"},
		{"الجيش السوري الحر", model.Organization, "Free Syrian Army"},
		{"المجلس الوطني السوري", model.Organization, "Syrian National Council"},
		{"الحزب الشيوعي اللبناني", model.Organization, "Lebanese Communist Party"},
		{"القوات الجوية الملكية السعودية", model.Organization, "Royal Saudi Air Forces"},
		{"المجلس الإسلامي الأعلى", model.Organization, "Supreme Islamic Council"},
		{"مستشفى الملك فيصل التخصصي", model.Organization, "King Faisal Specialist Hospital"},
		{"وزارة الشؤون الإسلامية والأوقاف", model.Organization, "Ministry of Islamic Affairs and Endowments"},
		{"أرامكو السعودية", model.Organization, "Saudi Aramco"},
		{"هيئة كبار العلماء", model.Organization, "Council of Senior Scholars"},
		{"جامعة ستانفورد", model.Organization, "Stanford University"},
		{"بنك الرياض", model.Organization, "Riyadh Bank"},                 // a place from the Lexicon
		{"الاتحاد الاسكتلندي", model.Organization, "Scottish Federation"}, // an adjective from the Lexicon
		{"نادي الهلال", model.Organization, "Al-Hilal Club"},              // a club's name is a name
		{"منطقة الرياض", model.Location, "Riyadh Region"},
		{"البحر الأحمر", model.Location, "Red Sea"},
		{"إم بي سي", model.Organization, "MBC"}, // a Latin acronym letter by letter
		{"إف بي آي", model.Organization, "FBI"},
		{"اف بي اي", model.Organization, "FBI"},
		{"إل جي", model.Organization, "LG"},
		{"سي آي إيه", model.Organization, "CIA"},
		{"إيه.بي.سي", model.Person, "ABC"},                  // whatever the type, between dots too
		{"مكتب إف بي آي", model.Organization, "FBI Office"}, // inside a name too
		{"واشنطن دي سي", model.Location, "Washington DC"},
		{"السي آي إيه", model.Organization, "CIA"},                                                    // the article on the first letter
		{"شارع عبد السلام عارف", model.Location, capitalise(Romanize("عبد السلام عارف")) + " Street"}, // a name's words are not translated
	} {
		if got := Name(tc.in, tc.typ, gaz{}); got != tc.want {
			t.Errorf("Name(%q, %s) = %q, want %q", tc.in, tc.typ, got, tc.want)
		}
	}
	// no acronym: one letter's name alone, or a word of another kind
	for _, in := range []string{"بي", "بان كي مون", "ام درمان", "بي السي", "جي إس إم آرينا"} {
		if a, ok := Acronym(in); ok || a != "" {
			t.Errorf("Acronym(%q) = %q", in, a)
		}
	}
	if !HasAcronym("تلفزيون أي بي سي") || HasAcronym("بان كي مون") {
		t.Error("HasAcronym: wrong")
	}
	// a title with no name after it is a name
	if got, want := Name("مدرسة الإمام", model.Organization, gaz{}), capitalise(Romanize("الإمام"))+" School"; got != want {
		t.Errorf("Name(مدرسة الإمام) = %q, want %q", got, want)
	}
	// romanised, not translated (the spelling is the model's)
	for _, tc := range []struct{ in, typ, prefix string }{
		{"الرياض الجديدة", model.Location, "Al-Riyadh al-J"}, // a place translated only after a common noun
		{"الجزيرة", model.Organization, "Al-Jaz"},            // one word: a name, not "Island"
		{"بنك الألماس", model.Person, ""},                    // people are not translated
		{"جامعة ستانفورد", model.Person, "J"},
	} {
		if got := Name(tc.in, tc.typ, gaz{}); !strings.HasPrefix(got, tc.prefix) || got != capitalise(Romanize(tc.in)) {
			t.Errorf("Name(%q, %s) = %q, want the romanisation %q", tc.in, tc.typ, got, capitalise(Romanize(tc.in)))
		}
	}
}

func FuzzName(f *testing.F) {
	for _, s := range []string{"بنك الألماس", "وزارة الشؤون الإسلامية والأوقاف", "و ل لل", "الملك", "عبدال", "ابو", "x y", "لل"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, typ := range model.EntityTypes {
			n := Name(s, typ, gaz{})
			if strings.ContainsRune(n, '\n') && !strings.ContainsRune(s, '\n') {
				t.Errorf("Name(%q) = %q", s, n)
			}
		}
	})
}

// nameLex is a Lexicon that knows the given names (MatchForm) and no
// adjectives.
type nameLex map[string]string

func (l nameLex) Name(m string) (string, bool) { e, ok := l[m]; return e, ok }
func (nameLex) Demonym(string) (string, bool)  { return "", false }

// TestGlossed checks how the glossary's words enter the names translate
// builds, with a glossary of its own (not data/glossary.tsv).
func TestGlossed(t *testing.T) {
	g, err := parseGlossary("مصنعين\tManufacturers\tnoun\nسيدات\tWomen\tnoun\nمبارك\tBlessed\tadj\t4\nمدهش\tAmazing\tadj\t1\nسعيد\tHappy\tadj\t4\nفقراء\tPoor\tnoun\n", orgWords())
	if err != nil {
		t.Fatal(err)
	}
	name := func(s string, lex Lexicon) string {
		var b strings.Builder
		for _, it := range glossed(items(s, orgWords(), lex), g, lex) {
			if it.w.class == "name" {
				fmt.Fprintf(&b, "[%s]", strings.Join(it.name, " "))
				continue
			}
			if it.conj {
				b.WriteString("and ")
			}
			if it.prep != "" {
				b.WriteString(it.prep + " ")
			}
			fmt.Fprintf(&b, "<%s>", it.w.en)
		}
		return b.String()
	}
	for _, tc := range []struct {
		in   string
		lex  Lexicon
		want string
	}{
		{"تحالف المصنعين الأميركيين", nil, "<Coalition><Manufacturers><American>"},
		{"اتحاد المصنعين والسيدات", nil, "<Federation><Manufacturers>and <Women>"},
		// ل before the first word, لل inside the name
		{"جمعية للسيدات", nil, "<Association>for <Women>"},
		{"جمعية السيدات للفقراء", nil, "<Association><Women>for <Poor>"},
		// the feminine of an adjective
		{"جمعية السيدات المدهشة", nil, "<Association><Women><Amazing>"},
		// a name with a word not in the glossary stays a name, whole
		{"مركز هشام مبارك", nil, "<Center>[هشام مبارك]"},
		{"مركز العوالم المدهشة", nil, "<Center>[العوالم المدهشة]"},
		{"شركة سعيد بن محمد", nil, "<Company>[سعيد بن محمد]"},
		// after a noun that takes only names, after a title
		{"نادي السيدات", nil, "<Club>[السيدات]"},
		{"مستشفى الأمير سعيد", nil, "<Hospital>[سعيد]"},
		// a name the gazetteer knows
		{"جمعية السيدات", nameLex{"السيدات": "Sayidat"}, "<Association>[السيدات]"},
		// no head of a body's name first: a house (دار) is no body's head
		{"دار السيدات", nil, "<House>[السيدات]"},
	} {
		if got := name(tc.in, tc.lex); got != tc.want {
			t.Errorf("%s: got %s, want %s", tc.in, got, tc.want)
		}
	}
	for _, bad := range []string{
		"وزارة\tMinistry\tnoun\n",            // in orgwords.tsv
		"مصنع جديد\tNew Plant\tnoun\n",       // two words
		"ل\tfor\tprep\n",                     // not a noun or adjective
		"سيارات\tCars\tnoun\tpre\tproduct\n", // a head mark
		"صحف\tPapers\tnoun\tname\n",          // an option for heads
	} {
		if _, err := parseGlossary(bad, orgWords()); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

// TestNameGlossary checks translit.Name with the shipped glossary: a
// body's name of common words is translated, a place's is not.
func TestNameGlossary(t *testing.T) {
	for _, tc := range []struct{ in, typ, want string }{
		{"بنك الطعام", model.Organization, "Food Bank"},
		{"تحالف المصنعين الأميركيين", model.Organization, "American Manufacturers Coalition"},
		{"تجمع الشخصيات الفلسطينية المستقلة", model.Organization, "Palestinian Independent Figures Rally"},
	} {
		if got := Name(tc.in, tc.typ, nil); got != tc.want {
			t.Errorf("Name(%s) = %q, want %q", tc.in, got, tc.want)
		}
	}
	// a place's name keeps its names: the glossary is for bodies
	for _, s := range []string{"جزر الأمواج", "حي المصنعين"} {
		if got := Name(s, model.Location, nil); strings.Contains(got, "Waves") || strings.Contains(got, "Manufacturers") {
			t.Errorf("Name(%s, Location) = %q, translated from the glossary", s, got)
		}
	}
}
