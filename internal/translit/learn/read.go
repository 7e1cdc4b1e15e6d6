package learn

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/kg-project/kg/internal/text/arabic"
	"github.com/kg-project/kg/internal/translit"
)

// Split is the part of the data a pair belongs to.
type Split int

const (
	Train Split = iota
	Dev         // held out while tuning (Options.HoldDev), built from otherwise
	Test        // never built from
)

// Pair is one attested Arabic name (unit or full name) and a Latin spelling.
type Pair struct {
	Arabic  string  // arabic.MatchForm; one word or more
	Latin   string  // as attested
	Count   float64 // how many times it is attested
	Weight  float64 // Count times the weight of its source and country (see weight)
	Country string  // ISO code of the person's citizenship, "" when unknown
	Source  string  // units, full, google, netranslit
	Origin  string  // of units and full names: wikidata, or dzirinames (the Algerian registry)
	Lang    string  // of full names: en, fr, or alias (a Latin alias in Wikidata)
	Split   Split
}

// splits are the split names of the data sets.
var splits = map[string]Split{"train": Train, "eval": Dev, "dev": Dev, "test": Test}

// hashSplit splits data without a split of its own by a hash of the Arabic
// key: 10% test, 10% dev.
func hashSplit(key string) Split {
	h := fnv.New32a()
	h.Write([]byte(key))
	switch h.Sum32() % 10 {
	case 0:
		return Test
	case 1:
		return Dev
	}
	return Train
}

// Country groups. kg reads Gulf news, whose English press writes names the
// Gulf way (Abdulaziz, Khalid, Mohammed); the Levant and Egypt write them
// a little differently (Abdelaziz, Khaled), the Maghreb after French
// (Abdelkader, Youcef), Iran, Pakistan and Afghanistan after other
// languages. An attestation counts as much as the group is near the Gulf.
var (
	gulf    = arabic.WordSet("SA AE KW QA BH OM YE")
	mashriq = arabic.WordSet("IQ SY LB JO PS EG SD")
	maghreb = arabic.WordSet("MA DZ TN LY MR")
	// Arab League members and the three Persian/Urdu/Pashto-speaking
	// countries of the data set
	arabCountries = arabic.WordSet("SA AE KW QA BH OM YE IQ SY LB JO PS EG SD MA DZ TN LY MR SO DJ KM")
)

// countryWeight is how much an attestation by a person of country c counts
// towards the spelling kg writes.
func countryWeight(c string) float64 {
	switch {
	case gulf[c]:
		return 1
	case mashriq[c]:
		return 0.3
	case maghreb[c]:
		return 0.1
	case arabCountries[c]:
		return 0.2
	}
	return 0.05 // IR, PK, AF
}

// readTSV calls f with the fields of every row of a gzipped TSV file with a
// header, by column name.
func readTSV(path string, f func(row map[string]string) error) error {
	fh, err := os.Open(path)
	if err != nil {
		return err
	}
	defer fh.Close()
	zr, err := gzip.NewReader(fh)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	var head []string
	line := 0
	for sc.Scan() {
		line++
		fs := strings.Split(sc.Text(), "\t")
		if head == nil {
			head = fs
			continue
		}
		if len(fs) != len(head) {
			return fmt.Errorf("%s:%d: %d fields, want %d", path, line, len(fs), len(head))
		}
		row := make(map[string]string, len(head))
		for i, h := range head {
			row[h] = fs[i]
		}
		if err := f(row); err != nil {
			return fmt.Errorf("%s:%d: %w", path, line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return zr.Close()
}

// Data is every name pair read from the shared data folder.
type Data struct {
	Units      []Pair // wikidata-person-names-ar name_units (one word or a compound)
	FullNames  []Pair // wikidata-person-names-ar full_names
	Google     []Pair // google-translit-ar2en (one word)
	NETranslit []Pair // netranslit-wikidata-ar, reversed (one word)
	// Latin is the list of known Latin names (BuildLatin); Build ships it
	// with the table.
	Latin []translit.LatinWord
}

// Files are the data files Read uses, relative to the data folder.
var Files = []string{
	"names/wikidata-person-names-ar/name_units.tsv.gz",
	"names/wikidata-person-names-ar/full_names.tsv.gz",
	"names/google-translit-ar2en/ar2en.tsv.gz",
	"names/netranslit-wikidata-ar/en_ar_name_tokens.tsv.gz",
}

// Read reads the name pairs of the shared data folder dir; holdTest leaves
// the test splits out of the known Latin names (BuildLatin), for a build
// that is scored on them (Options.HoldTest).
func Read(dir string, holdTest bool) (*Data, error) {
	if holdTest {
		return ReadHeld(dir, Test)
	}
	return ReadHeld(dir)
}

// ReadHeld is Read leaving the given splits out of the known Latin names:
// Test for a build scored on the test pairs, Test and Dev for one tuned
// on the dev pairs (Options.HoldDev), whose names must not be known either.
func ReadHeld(dir string, held ...Split) (*Data, error) {
	d := &Data{}
	p := func(i int) string { return filepath.Join(dir, filepath.FromSlash(Files[i])) }
	num := func(s string) (float64, error) {
		n, err := strconv.Atoi(s)
		if err != nil || n <= 0 {
			return 0, fmt.Errorf("bad count %q", s)
		}
		return float64(n), nil
	}
	wiki := func(dst *[]Pair, src string) func(map[string]string) error {
		return func(r map[string]string) error {
			c, err := num(r["count"])
			if err != nil {
				return err
			}
			ar := arabic.MatchForm(r["arabic_key"])
			w := c * countryWeight(r["country"])
			switch {
			case r["source"] != "wikidata":
				w *= 0.5 // the Algerian registry: French transcriptions
			case r["latin_lang"] == "fr":
				w *= 0.3
			case r["latin_lang"] == "alias":
				w *= 0.5
			}
			*dst = append(*dst, Pair{Arabic: ar, Latin: strings.TrimSpace(r["latin"]), Count: c, Weight: w,
				Country: r["country"], Source: src, Origin: r["source"], Lang: r["latin_lang"], Split: hashSplit(ar)})
			return nil
		}
	}
	if err := readTSV(p(0), wiki(&d.Units, "units")); err != nil {
		return nil, err
	}
	if err := readTSV(p(1), wiki(&d.FullNames, "full")); err != nil {
		return nil, err
	}
	err := readTSV(p(2), func(r map[string]string) error {
		sp, ok := splits[r["split"]]
		if !ok {
			return fmt.Errorf("bad split %q", r["split"])
		}
		d.Google = append(d.Google, Pair{Arabic: arabic.MatchForm(r["arabic"]), Latin: r["english"], Count: 1, Weight: 1, Source: "google", Split: sp})
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readTSV(p(3), func(r map[string]string) error {
		sp, ok := splits[r["split"]]
		if !ok {
			return fmt.Errorf("bad split %q", r["split"])
		}
		c, err := num(r["count"])
		if err != nil {
			return err
		}
		// occurrences among Wikidata persons of every country: weighed like
		// the attestations of countries whose spelling kg does not follow
		d.NETranslit = append(d.NETranslit, Pair{Arabic: arabic.MatchForm(r["arabic"]), Latin: r["english"], Count: c, Weight: 0.2 * c, Source: "netranslit", Split: sp})
		return nil
	})
	if err != nil {
		return nil, err
	}
	if d.Latin, err = BuildLatin(dir, held...); err != nil {
		return nil, err
	}
	return d, nil
}
