package wordstats

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	kgzip "github.com/klauspost/compress/gzip"

	"github.com/kg-project/kg/internal/memo"
	"github.com/kg-project/kg/internal/text/arabic"
	"github.com/kg-project/kg/internal/wordstats/data"
)

// Word is what the unlabelled text says of one base form.
type Word struct {
	// Count is the number of its occurrences.
	Count int32
	// Person, Location and Org count the occurrences that kg's NER tagged
	// inside a name of that type with a margin of at least
	// wsbuild.SureMargin; Unsure those it tagged inside a name (of any type)
	// with a smaller margin.
	Person, Location, Org, Unsure int32
	// AfterNumber counts the occurrences right after a number written in
	// digits (20 ميلا "20 miles"): a unit or a counted noun follows
	// numbers, a name seldom does.
	AfterNumber int32
}

// Names is the number of occurrences inside a name of any type, tagged with
// a high margin.
func (w Word) Names() int32 { return w.Person + w.Location + w.Org }

// NameShare is the share of the occurrences inside a name, 0 for a word not
// in the table.
func (w Word) NameShare() float64 {
	if w.Count == 0 {
		return 0
	}
	return float64(w.Names()) / float64(w.Count)
}

// Name is what the name lists say of one word: how many people or places
// it names, by kind. The zero Name is a word no list knows.
type Name struct {
	Given  int32 // given names (Wikidata name units)
	Family int32 // family names (Wikidata name units)
	Person int32 // other words of person names (unknown role, name tokens, transliteration pairs)
	Place  int32 // one-word place names (GeoNames)
}

// Known reports whether some list has the word.
func (n Name) Known() bool { return n.Given+n.Family+n.Person+n.Place > 0 }

// PersonCount is the number of attestations as a word of a person's name.
func (n Name) PersonCount() int32 { return n.Given + n.Family + n.Person }

// Table holds both tables. Its methods are safe for concurrent use.
type Table struct {
	words   map[string]Word
	names   map[string]Name
	written map[string]Written
	tokens  int64 // words in the unlabelled text
}

// Written is how often the unlabelled text writes a word that begins with a
// letter that is also a clitic (و ب ل ك ف) as written, and how often it
// writes the rest of it, without that first letter, as a word of its own.
type Written struct {
	Count, Rest int32
}

// Thresholds of WrittenWhole.
const (
	// MinWritten is the number of times the text must write a word as
	// written for it to say anything (the table keeps words seen so often).
	MinWritten = 3
	// WholeRatio: a word written at least this many times as often as its
	// rest without the first letter has that letter as its own. A
	// conjunction or preposition is attached to a minority of a name's
	// occurrences (وبريطانيا 210 times, بريطانيا 1,796); the first letter
	// of a name that begins with one is attached to all (وليام "William"
	// 298 times, ليام 2; ويسكونسن 213, يسكونسن never).
	WholeRatio = 2
)

// Written returns how often the text writes the word m (MatchForm, its first
// letter one of و ب ل ك ف) as written and without its first letter; zero
// for a word the table lacks (seen under MinWritten times, or more rarely
// than its rest).
func (t *Table) Written(m string) Written { return t.written[m] }

// WrittenWhole reports whether unlabelled text shows the first letter of m
// (MatchForm) to be the word's own, not a clitic: the word is written
// MinWritten times or more, and WholeRatio times as often as its rest.
func (t *Table) WrittenWhole(m string) bool {
	w := t.written[m]
	return w.Count >= MinWritten && w.Count >= WholeRatio*w.Rest
}

// Tokens is the number of words of the unlabelled text the word counts come
// from.
func (t *Table) Tokens() int64 { return t.tokens }

// Len returns the number of base forms and of name words held.
func (t *Table) Len() (words, names int) { return len(t.words), len(t.names) }

// Word returns the statistics of a base form (see Base); a word the table
// lacks (rare in the text) has Count 0.
func (t *Table) Word(base string) Word { return t.words[base] }

// WordOf returns the statistics of a token as written (its Base).
func (t *Table) WordOf(token string) Word { return t.words[Base(token)] }

// PerMillion is the frequency of w in occurrences per million words.
func (t *Table) PerMillion(w Word) float64 {
	if t.tokens == 0 {
		return 0
	}
	return float64(w.Count) * 1e6 / float64(t.tokens)
}

// Name returns what the name lists say of a word in MatchForm.
func (t *Table) Name(matchForm string) Name { return t.names[matchForm] }

// Base is the form the word table is keyed by: the MatchForm of the word
// without its leading clitics (و/ف، ب/ل/ك; arabic.Analyze), "" for a token
// without an Arabic letter. The article stays, for it tells words apart
// (الخرج, the town of Al-Kharj, is no form of the verb خرج "went out"),
// and so does a pronoun suffix: in MatchForm the ta marbuta is ه, and
// taking it off would make سورية the adjective سوري.
func Base(token string) string {
	if !arabic.HasLetter(token) {
		return ""
	}
	a := arabic.Analyze(token)
	return arabic.MatchForm(a.Article + a.Stem + a.Suffix)
}

// otherForm is the base form with the article if b has none, without it
// if it has.
func otherForm(b string) string {
	if rest, ok := strings.CutPrefix(b, "ال"); ok && len([]rune(rest)) >= 2 {
		return rest
	}
	return "ال" + b
}

// File headers (the first line of each file); a change of format changes
// them.
const (
	WordsHeader   = "#kg-words v1\tbase\tcount\tperson\tlocation\torganization\tunsure\tafter_number"
	NamesHeader   = "#kg-names v1\tword\tgiven\tfamily\tperson\tplace"
	WrittenHeader = "#kg-written v1\tword\tcount\trest"
	tokensLine    = "#tokens\t"
)

// WriteWords writes the word table: the header, the number of words of the
// text, then one base form per line in the order given (the builder sorts
// them). The output is deterministic.
func WriteWords(w io.Writer, tokens int64, bases []string, stats map[string]Word) error {
	return writeGzip(w, func(bw *bufio.Writer) error {
		fmt.Fprintf(bw, "%s\n%s%d\n", WordsHeader, tokensLine, tokens)
		for _, b := range bases {
			s := stats[b]
			if strings.ContainsAny(b, "\t\n") || b == "" {
				return fmt.Errorf("wordstats: bad base form %q", b)
			}
			fmt.Fprintf(bw, "%s\t%d\t%d\t%d\t%d\t%d\t%d\n", b, s.Count, s.Person, s.Location, s.Org, s.Unsure, s.AfterNumber)
		}
		return nil
	})
}

// WriteNames writes the name table, one word per line in the order given.
func WriteNames(w io.Writer, words []string, names map[string]Name) error {
	return writeGzip(w, func(bw *bufio.Writer) error {
		fmt.Fprintf(bw, "%s\n", NamesHeader)
		for _, x := range words {
			n := names[x]
			if strings.ContainsAny(x, "\t\n") || x == "" {
				return fmt.Errorf("wordstats: bad name word %q", x)
			}
			fmt.Fprintf(bw, "%s\t%d\t%d\t%d\t%d\n", x, n.Given, n.Family, n.Person, n.Place)
		}
		return nil
	})
}

// WriteWritten writes the table of words written whole, one word per line
// in the order given.
func WriteWritten(w io.Writer, words []string, written map[string]Written) error {
	return writeGzip(w, func(bw *bufio.Writer) error {
		fmt.Fprintf(bw, "%s\n", WrittenHeader)
		for _, x := range words {
			n := written[x]
			if strings.ContainsAny(x, "\t\n") || x == "" {
				return fmt.Errorf("wordstats: bad written word %q", x)
			}
			fmt.Fprintf(bw, "%s\t%d\t%d\n", x, n.Count, n.Rest)
		}
		return nil
	})
}

func writeGzip(w io.Writer, fill func(*bufio.Writer) error) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	if err := fill(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// Read reads the three files written by WriteWords, WriteNames and
// WriteWritten.
func Read(words, names, written io.Reader) (*Table, error) {
	t := &Table{words: map[string]Word{}, names: map[string]Name{}, written: map[string]Written{}}
	err := readLines(words, WordsHeader, 7, func(f []string, n []int32) error {
		if f[0] == "#tokens" {
			v, err := strconv.ParseInt(f[1], 10, 64)
			t.tokens = v
			return err
		}
		t.words[f[0]] = Word{Count: n[0], Person: n[1], Location: n[2], Org: n[3], Unsure: n[4], AfterNumber: n[5]}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readLines(names, NamesHeader, 5, func(f []string, n []int32) error {
		t.names[f[0]] = Name{Given: n[0], Family: n[1], Person: n[2], Place: n[3]}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readLines(written, WrittenHeader, 3, func(f []string, n []int32) error {
		t.written[f[0]] = Written{Count: n[0], Rest: n[1]}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return t, nil
}

// readLines reads a gzipped table: the header line, then lines of a key and
// fields-1 counts; lines starting with '#' are passed with their raw
// fields.
func readLines(r io.Reader, header string, fields int, fn func(f []string, n []int32) error) error {
	zr, err := kgzip.NewReader(r)
	if err != nil {
		return fmt.Errorf("wordstats: %w", err)
	}
	defer zr.Close()
	// one string for the whole file, which the keys passed to fn share:
	// one object for the garbage collector rather than one a line
	body, err := io.ReadAll(zr)
	if err != nil {
		return fmt.Errorf("wordstats: %w", err)
	}
	text := string(body)
	line := 0
	for text != "" {
		line++
		l, rest, _ := strings.Cut(text, "\n")
		text = rest
		l = strings.TrimSuffix(l, "\r")
		if line == 1 {
			if l != header {
				return fmt.Errorf("wordstats: header %.40q, want %.40q", l, header)
			}
			continue
		}
		f := strings.Split(l, "\t")
		if strings.HasPrefix(l, "#") {
			if err := fn(f, nil); err != nil {
				return fmt.Errorf("wordstats: line %d: %w", line, err)
			}
			continue
		}
		if len(f) != fields {
			return fmt.Errorf("wordstats: line %d: %d fields, want %d", line, len(f), fields)
		}
		n := make([]int32, fields-1)
		for k := range n {
			v, err := strconv.ParseInt(f[k+1], 10, 32)
			if err != nil {
				return fmt.Errorf("wordstats: line %d: %w", line, err)
			}
			n[k] = int32(v)
		}
		if err := fn(f, n); err != nil {
			return fmt.Errorf("wordstats: line %d: %w", line, err)
		}
	}
	if line == 0 {
		return fmt.Errorf("wordstats: empty file")
	}
	return nil
}

var defaultTable = memo.NewLazy(func() (*Table, error) {
	return Read(bytes.NewReader(data.Words), bytes.NewReader(data.Names), bytes.NewReader(data.Written))
})

// Default returns the tables embedded in kg (internal/wordstats/data),
// loaded on first use.
func Default() (*Table, error) { return defaultTable.Get() }

// DropDefault forgets the loaded tables (a later Default loads them
// again).
func DropDefault() { defaultTable.Drop() }

// Thresholds of Ordinary.
const (
	// MinCount is the number of occurrences a word needs before its
	// statistics say anything (the table keeps words seen 10 times or more).
	MinCount = 20
	// MaxNameShare: a word that the NER finds, with a high margin, inside a
	// name in under this share of its occurrences, and at all (Unsure
	// included) in under MaxTaggedShare, is an ordinary word (أمل 2 and 3
	// of 304, الكروي 1 and 1 of 67, أين "where" 20 and 25 of 268; محمد
	// 8,965 of 8,969). A word the tagger often guesses may be a name is
	// more likely a name it does not know (نابولي "Napoli", 6 and 68 of 165).
	MaxNameShare   = 0.1
	MaxTaggedShare = 0.25
	// MinAfterNumber: a word that follows a number in this share of its
	// occurrences or more is a unit or a counted noun (ميلا "miles" 171 of
	// 232, كيلومترا 392 of 448; مصر 67 of 12,292).
	MinAfterNumber = 0.3
	// MixedArticle: a word written with the article in between this share
	// and 1 minus it of the occurrences of both its forms, and that the NER
	// seldom finds in a name (under MaxMixedNameShare of both forms), is an
	// ordinary noun or adjective (ميكانيكا "mechanics" 98 and الميكانيكا 90
	// times); a name keeps one form (القاهرة 4,399 times, قاهرة 14; محمد
	// 8,969, المحمد 3).
	MixedArticle      = 0.15
	MaxMixedNameShare = 0.3
)

// Ordinary reports whether the unlabelled text shows the base form (Base:
// with the article as written) to be an ordinary word rather than a name:
// frequent enough to judge (MinCount) and rarely inside a name the NER is
// sure of (MaxNameShare), or mostly after a number (MinAfterNumber), or
// written as often with the article as without (MixedArticle). A word the
// table lacks is not ordinary: it is rare, and rare words in news are as
// often names as not.
func (t *Table) Ordinary(base string) bool {
	w, ok := t.words[base]
	if !ok || w.Count < MinCount {
		return false
	}
	c := float64(w.Count)
	share := w.NameShare()
	switch {
	case share < MaxNameShare && float64(w.Names()+w.Unsure)/c < MaxTaggedShare:
		return true
	case float64(w.AfterNumber)/c >= MinAfterNumber:
		return true
	}
	o := t.words[otherForm(base)]
	both := float64(w.Count + o.Count)
	art := float64(w.Count) / both
	if !strings.HasPrefix(base, "ال") {
		art = float64(o.Count) / both
	}
	return art >= MixedArticle && art <= 1-MixedArticle && float64(w.Names()+o.Names())/both < MaxMixedNameShare
}

// Affixes that make a rare word out of an ordinary one (in MatchForm):
// the future prefix before an imperfect verb (سيدرس "he will study"), a
// pronoun suffix (دنيانا "our world", صورتي "my picture", where the ta
// marbuta of صورة shows as ت), the dual and plural endings of
// words in ة (حبتان "two grains", where the ta marbuta of حبة shows as ت),
// the nisba ending (خمسيني "in his fifties"). The masculine endings ان، ين،
// ون are taken off imperfect verbs only (يحاربان "they both fight"): they
// end too many names (دايمون "Dimon" is no plural of دائم "lasting").
var (
	futurePrefixes = []string{"سي", "ست", "سن", "سا"}
	verbSuffixes   = []string{"ان", "ون", "ين"}
	formSuffixes   = []struct{ suffix, restore string }{
		{"تان", "ه"}, {"تين", "ه"}, {"ات", ""}, {"ات", "ه"},
		{"تها", "ه"}, {"تهم", "ه"}, {"تنا", "ه"}, {"تي", "ه"}, {"تك", "ه"}, {"ته", "ه"},
		{"هما", ""}, {"هم", ""}, {"هن", ""}, {"ها", ""}, {"كم", ""}, {"نا", ""}, {"ني", ""}, {"ه", ""}, {"ك", ""},
		{"يه", ""}, {"ي", ""},
	}
)

// FutureVerb reports whether a token (as written) is the future prefix س
// before an imperfect verb that unlabelled text knows as an ordinary word
// (سيطلع "he will brief": يطلع), the verb seen MinCount times or more, and
// the token itself too rare to be judged on its own: a name that begins
// so (سيلفا "Silva") is not a verb the text knows.
func (t *Table) FutureVerb(token string) bool {
	b := Base(token)
	return b != "" && t.words[b].Count < MinCount && t.futureVerb(b)
}

func (t *Table) futureVerb(b string) bool {
	for _, p := range futurePrefixes {
		if rest, ok := strings.CutPrefix(b, p); ok && len([]rune(rest)) >= 2 {
			// the prefix's second letter is the verb's own (سيدرس = س +
			// يدرس); an imperfect verb after the future prefix is evidence
			// enough that MinCount occurrences of it do
			if v := string([]rune(b)[1:]); t.ordinarySeen(v, MinCount) {
				return true
			}
		}
	}
	return false
}

// objectSuffixes are the object pronouns a verb may end in (يستقبلني
// "receives me", يبايعه "pledges allegiance to him"), in MatchForm.
var objectSuffixes = []string{"هما", "هم", "هن", "ها", "كم", "نا", "ني", "ه", "ك"}

// pluralVerbSuffixes are the endings of the plural and dual of an
// imperfect verb (يحشدون "they mobilise", يلتقيان "they both meet").
var pluralVerbSuffixes = []string{"ون", "ان", "وا"}

// verbEndings are the endings ImperfectVerb takes off: the object pronouns,
// then the plural and dual endings.
var verbEndings = slices.Concat(objectSuffixes, pluralVerbSuffixes)

// ordinarySeen reports whether the table knows w as an ordinary word seen n
// times or more.
func (t *Table) ordinarySeen(w string, n int32) bool {
	return t.words[w].Count >= n && t.Ordinary(w)
}

// ImperfectVerb reports whether a token (as written) is an imperfect verb
// of a verb unlabelled text knows, though the table does not know the
// form itself (it keeps the most frequent words): يكتسح "sweeps"
// (اكتسح), يستذكر "recalls" (ذكر), تبايع "pledges allegiance" (يبايع),
// يستقبلني "receives me" (استقبل). The token, as written, is too rare to
// be judged on its own (under MinCount), no word the name lists know, and
// begins with ي or ت before a consonant (no clitic before it: فيلليني
// "Fellini" is no ف + verb; not تش, which writes a foreign ch: تشارني
// "Charney"; a long vowel after it writes a foreign name: تونكس "Tonks",
// whose يونكس "Unix" is an ordinary word); without its
// object pronoun, the letters after ي or ت are four or more of a verb
// unlabelled text knows as an ordinary word: its form with ي (MinCount
// times or more), the past of a derived verb (ا before them when they
// begin with ن or ست or have ت, ط or د second: انسحب، استقبل، اكتسح;
// MinCount times), or the root after the ت or ست of a derived verb
// (DerivedMinCount times: يستذكر, ذكر).
func (t *Table) ImperfectVerb(token string) bool {
	b := arabic.MatchForm(token)
	if b == "" || Base(token) != b || t.words[b].Count >= MinCount || t.names[b].Known() || strings.HasPrefix(b, "تش") {
		return false
	}
	forms := []string{b}
	for _, s := range verbEndings {
		if rest, ok := strings.CutSuffix(b, s); ok {
			forms = append(forms, rest)
		}
	}
	for _, v := range forms {
		r := []rune(v)
		if len(r) == 4 && len([]rune(b)) >= 6 && (r[0] == 'ي' || r[0] == 'ت') && !strings.ContainsAny(string(r[1:]), "واىي") && t.ordinarySeen(string(r[1:]), DerivedMinCount) {
			// a plural or a pronoun on a verb of three consonants:
			// يحشدون "they mobilise" (حشد); not يعالون, Ya'alon
			return true
		}
		if len(r) < 5 || r[0] != 'ي' && r[0] != 'ت' {
			continue
		}
		stem := r[1:]
		if stem[0] == 'و' || stem[0] == 'ا' || stem[0] == 'ي' {
			continue // a long vowel after ت or ي writes a foreign name (تونكس "Tonks", تايلور)
		}
		if r[0] == 'ت' && t.ordinarySeen("ي"+string(stem), MinCount) {
			return true
		}
		if (stem[0] == 'ن' || stem[1] == 'ت' || stem[1] == 'ط' || stem[1] == 'د' || stem[0] == 'س' && stem[1] == 'ت') && t.ordinarySeen("ا"+string(stem), MinCount) {
			return true
		}
		for _, p := range []string{"ست", "ت"} {
			if root, ok := strings.CutPrefix(string(stem), p); ok && len([]rune(root)) >= 3 && t.ordinarySeen(root, DerivedMinCount) {
				return true
			}
		}
	}
	return false
}

// VerbWithMe reports whether a token (as written) is a verb with the
// object pronoun ني "me" (أحبني "he loved me", وكلمني "and he spoke to
// me"), a word that ends no name: too rare to be judged on its own (under
// MinCount), no word the name lists know, and without ني a word of three
// letters or more that unlabelled text knows as an ordinary word
// (DerivedMinCount times or more; names end in ني as nisbas, روحاني،
// الحسيني, whose rest is no such word).
func (t *Table) VerbWithMe(token string) bool {
	b := Base(token)
	if b == "" || t.words[b].Count >= MinCount || t.names[b].Known() {
		return false
	}
	rest, ok := strings.CutSuffix(b, "ني")
	if !ok || len([]rune(rest)) < 3 || !t.ordinarySeen(rest, DerivedMinCount) {
		return false
	}
	// a verb's prefix, or the conjunction before a past verb: a noun with
	// ني is rarer than a name in ني (فيلليني "Fellini", فيلل "villas")
	r := []rune(arabic.MatchForm(token))
	return r[0] == 'ي' || r[0] == 'ت' || r[0] == 'ا' || (r[0] == 'و' || r[0] == 'ف') && len(r) > len([]rune(b))
}

// DerivedMinCount is the number of occurrences the ordinary word under an
// affix needs for OrdinaryForm: a rare name may end like a form of a rarer
// word (دايمون "Dimon" is no plural of دايم).
const DerivedMinCount = 100

// OrdinaryForm reports whether a token (as written) is an ordinary word:
// its base form is Ordinary, or it is too rare to judge (under MinCount)
// and its other form (with or without the article) is Ordinary, or it is, with one of
// the affixes above, an ordinary word seen DerivedMinCount times or more
// (the rest at least three letters).
func (t *Table) OrdinaryForm(token string) bool {
	b := Base(token)
	if b == "" {
		return false
	}
	if t.Ordinary(b) {
		return true
	}
	if t.words[b].Count >= MinCount {
		return false // frequent enough to be judged on its own
	}
	// a rare form whose other form (with or without the article) is an
	// ordinary word: بيسبول "baseball", البيسبول 44 times; when a clitic
	// was taken off, the word without it must occur at all, or the clitic
	// reading is a guess (بلاتيني "Platini" is not ب + لاتيني "Latin")
	clitic := b != arabic.MatchForm(token)
	if o := otherForm(b); t.ordinarySeen(o, MinCount) && (!clitic || t.words[b].Count > 0) {
		return true
	}
	derived := func(w string) bool { return t.ordinarySeen(w, DerivedMinCount) }
	if t.futureVerb(b) {
		return true
	}
	// the dual and plural of an imperfect verb (يحاربان "they both fight")
	if strings.HasPrefix(b, "ي") || strings.HasPrefix(b, "ت") {
		for _, suf := range verbSuffixes {
			if rest, ok := strings.CutSuffix(b, suf); ok && len([]rune(rest)) >= 4 && derived(rest) {
				return true
			}
		}
	}
	for _, s := range formSuffixes {
		if rest, ok := strings.CutSuffix(b, s.suffix); ok && len([]rune(rest+s.restore)) >= 3 && derived(rest+s.restore) {
			return true
		}
	}
	return false
}
