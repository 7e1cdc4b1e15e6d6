package learn

import (
	"fmt"
	"maps"
	"math"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/kg-project/kg/internal/sources"
	"github.com/kg-project/kg/internal/text/arabic"
	"github.com/kg-project/kg/internal/translit"
)

// LatinFiles are the files BuildLatin reads, relative to the data folder,
// with their licences (NOTICE.md of package translit): the English name
// tokens of Wikidata persons (CC0), the Latin names of Wikidata persons of
// Arab countries (CC0 data in an MIT package), GeoNames places (CC BY 4.0),
// the English labels of ArWikiCats (MIT, declared), the English names of
// countries (ODC-PDDL) and cities (CC BY 4.0), and world leaders (CC0).
var LatinFiles = []string{
	"names/netranslit-wikidata-ar/en_ar_name_tokens.tsv.gz",
	"names/wikidata-person-names-ar/full_names.tsv.gz",
	"names/geonames-cities-ar/cities500_ar.tsv.gz",
	"names/arwikicats-en-ar/en_ar_labels.tsv.gz",
	"gazetteer/country-codes/country-codes.csv",
	"gazetteer/world-cities-ar/world-cities.csv",
	"gazetteer/leaders-everypolitician/wikidata.csv",
}

// Weights of an attestation by source: a person-name token counts once per
// person who bears it; a place as much as its population's order of
// magnitude (twice), more when a list of the world's cities or countries
// holds it.
const (
	weightCity    = 10
	weightCountry = 50
	weightCapital = 10
	weightLeader  = 2
	weightLabel   = 1
)

// latinStop are words of Latin names that name nothing by themselves.
var latinStop = map[string]bool{
	"the": true, "and": true, "of": true, "de": true, "del": true, "des": true, "der": true, "den": true,
	"van": true, "von": true, "la": true, "le": true, "les": true, "di": true, "da": true, "du": true,
	"do": true, "dos": true, "das": true, "st": true, "ste": true, "bin": true, "ibn": true, "bint": true,
	"abu": true, "umm": true, "county": true, "province": true, "district": true, "municipality": true,
	"governorate": true, "region": true, "state": true, "republic": true,
}

// latinArticle are the Latin spellings of the Arabic article.
var latinArticle = map[string]bool{"al": true, "el": true, "ad": true, "ar": true, "as": true, "ash": true, "at": true, "az": true, "an": true, "adh": true, "ath": true, "ul": true}

// latinList gathers Latin name words.
type latinList struct {
	weight  map[string]float64            // folded word -> weight
	forms   map[string]map[string]float64 // folded word -> written form -> weight
	article map[string]float64            // folded word -> weight of its attestations after the article
	// common gathers the words of labels that translate (addLabel)
	common *latinList
}

func newLatinList() *latinList {
	return &latinList{weight: map[string]float64{}, forms: map[string]map[string]float64{}, article: map[string]float64{}}
}

// stripMarks removes diacritics and keeps the case (Zürich Zurich).
func stripMarks(s string) string {
	t, _, err := transform.String(transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC), s)
	if err != nil {
		return s
	}
	return t
}

// addName adds the words of a Latin name with weight w; cased says
// whether the source writes names with their capitals.
func (l *latinList) addName(name string, w float64, cased bool) {
	if w <= 0 {
		return
	}
	name = stripMarks(name)
	fs := strings.FieldsFunc(name, nameSeparator)
	art := false
	for _, f := range fs {
		f = strings.Trim(f, "'")
		k := translitFold(f)
		if k == "" {
			art = false
			continue
		}
		if latinArticle[k] {
			art = true
			continue
		}
		if len(k) < 3 || latinStop[k] || !strings.ContainsAny(k, "aeiouy") {
			art = false
			continue
		}
		form := f
		if !cased || strings.ToLower(f) == f || strings.ToUpper(f) == f {
			form = strings.ToUpper(k[:1]) + k[1:]
		}
		l.weight[k] += w
		if l.forms[k] == nil {
			l.forms[k] = map[string]float64{}
		}
		l.forms[k][form] += w
		if art {
			l.article[k] += w
		}
		art = false
	}
}

// nameSeparator reports whether r separates the words of a name.
func nameSeparator(r rune) bool {
	return r == ' ' || r == '-' || r == ',' || r == '(' || r == ')' || r == '/' || r == '.' || r == '"' || r == '،'
}

// addLabel adds, with weight w, the words of an English label that a word
// of its Arabic transcribes (translit.Transcribes); the others to the
// common words: a label may translate (دون أثر "without a trace",
// الإمبراطورية الروسية "Russian Empire"), and a translated word is no
// person's name, though a foreign organisation's name may be made of it
// (ديلي تليجراف Daily Telegraph).
func (l *latinList) addLabel(english, ar string, w float64) {
	var ms []string
	for _, a := range strings.FieldsFunc(ar, nameSeparator) {
		m := arabic.MatchForm(a)
		if rs := []rune(m); len(rs) > 4 && rs[0] == 'ا' && rs[1] == 'ل' {
			m = string(rs[2:])
		}
		ms = append(ms, m)
	}
	// a name Arabic writes in two words (دي كابريو DiCaprio, مي فير Mayfair)
	for i, n := 1, len(ms); i < n; i++ {
		ms = append(ms, ms[i-1]+ms[i])
	}
	fs := strings.FieldsFunc(stripMarks(english), nameSeparator)
	other := slices.Clone(fs)
	for i, f := range fs {
		k := translitFold(strings.Trim(f, "'"))
		if k == "" || latinArticle[k] {
			continue
		}
		if slices.ContainsFunc(ms, func(m string) bool { return translit.Transcribes(m, k) }) {
			other[i] = "0" // no word: the article before it is not the next word's
		} else {
			fs[i] = "0"
		}
	}
	l.addName(strings.Join(fs, " "), w, false)
	if l.common == nil {
		l.common = newLatinList()
	}
	l.common.addName(strings.Join(other, " "), w, false)
}

// translitFold is the folded form of a Latin word: lower case, no
// diacritics, letters and apostrophes only; "" otherwise.
func translitFold(s string) string {
	t := strings.ToLower(stripMarks(s))
	for _, r := range t {
		if (r < 'a' || r > 'z') && r != '\'' {
			return ""
		}
	}
	return t
}

// words returns the list, each word in its most attested written form;
// a word takes the article when half its attestations or more do.
func (l *latinList) words() []translit.LatinWord {
	keys := make([]string, 0, len(l.weight))
	for k := range l.weight {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]translit.LatinWord, 0, len(keys))
	for _, k := range keys {
		if w, ok := l.word(k); ok {
			if l.common != nil {
				// a name that labels also translate to: all its weight
				if c, ok := l.common.word(k); ok {
					w.Weight = translit.RoundCount(w.Weight + c.Weight)
				}
			}
			out = append(out, w)
		}
	}
	if l.common != nil {
		// the common words no other attestation makes a name
		for _, k := range slices.Sorted(maps.Keys(l.common.weight)) {
			if _, ok := l.word(k); ok {
				continue
			}
			if w, ok := l.common.word(k); ok {
				w.Common = true
				out = append(out, w)
			}
		}
		sort.Slice(out, func(i, j int) bool { return out[i].Latin < out[j].Latin })
	}
	return out
}

// word returns the list's word of folded key k in its most attested
// written form; false when the list lacks it.
func (l *latinList) word(k string) (translit.LatinWord, bool) {
	w := translit.RoundCount(l.weight[k])
	if w <= 0 {
		return translit.LatinWord{}, false
	}
	best, bw := "", -1.0
	for _, f := range sortedKeys(l.forms[k]) {
		if w := l.forms[k][f]; w > bw {
			best, bw = f, w
		}
	}
	return translit.LatinWord{Latin: best, Weight: w, Article: l.article[k] >= l.weight[k]/2}, true
}

// BuildLatin reads the known Latin names of the data folder dir (LatinFiles)
// into the list translit.Latin matches foreign names against. The held
// splits of the name-pair sets (those of Read) are left out, so that the
// held-out scores of Evaluate stay held out. The result is deterministic.
func BuildLatin(dir string, held ...Split) ([]translit.LatinWord, error) {
	l := newLatinList()
	hold := func(s Split) bool { return slices.Contains(held, s) }
	p := func(i int) string { return filepath.Join(dir, filepath.FromSlash(LatinFiles[i])) }
	err := readTSV(p(0), func(r map[string]string) error {
		if sp, ok := splits[r["split"]]; ok && hold(sp) {
			return nil
		}
		c, err := strconv.Atoi(r["count"])
		if err != nil {
			return fmt.Errorf("bad count %q", r["count"])
		}
		l.addName(r["english"], float64(c), false)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readTSV(p(1), func(r map[string]string) error {
		if r["source"] != "wikidata" || r["latin_lang"] != "en" || hold(hashSplit(arabic.MatchForm(r["arabic_key"]))) {
			return nil
		}
		c, err := strconv.Atoi(r["count"])
		if err != nil {
			return fmt.Errorf("bad count %q", r["count"])
		}
		l.addName(r["latin"], float64(c), true)
		return nil
	})
	if err != nil {
		return nil, err
	}
	places := map[string]bool{}
	err = readTSV(p(2), func(r map[string]string) error {
		if places[r["geonameid"]] {
			return nil // one row per Arabic name of a place
		}
		places[r["geonameid"]] = true
		pop, _ := strconv.ParseFloat(r["population"], 64)
		l.addName(r["name"], 2*math.Log10(math.Max(pop, 10)), true)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readTSV(p(3), func(r map[string]string) error {
		l.addLabel(r["english_lower"], r["arabic"], weightLabel)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = sources.EachCSVRow(p(4), func(r map[string]string) error {
		l.addName(r["CLDR display name"], weightCountry, true)
		l.addName(r["Capital"], weightCapital, true)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = sources.EachCSVRow(p(5), func(r map[string]string) error {
		l.addName(r["CityNameEn"], weightCity, true)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = sources.EachCSVRow(p(6), func(r map[string]string) error {
		if lb := r["officeholderLabel"]; !strings.HasPrefix(lb, "Q") {
			l.addName(lb, weightLeader, true)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return l.words(), nil
}
