// Package wsbuild builds the tables of package wordstats from the shared
// public data (command: kg build wordstats). It is build code: the
// extractor never imports it.
package wsbuild

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/kg-project/kg/internal/extract/ner"
	"github.com/kg-project/kg/internal/gztsv"
	"github.com/kg-project/kg/internal/sources"
	"github.com/kg-project/kg/internal/text/arabic"
	"github.com/kg-project/kg/internal/text/segment"
	"github.com/kg-project/kg/internal/wordstats"
)

// Inputs, relative to the data folder.
const (
	WikiFile      = sources.WikiFile
	NameUnitsFile = "names/wikidata-person-names-ar/name_units.tsv.gz"
	NameTokFile   = "names/netranslit-wikidata-ar/en_ar_name_tokens.tsv.gz"
	TranslitFile  = "names/google-translit-ar2en/ar2en.tsv.gz"
	PlacesFile    = "names/geonames-cities-ar/cities500_ar.tsv.gz"
)

// Options bound the word table.
type Options struct {
	// MaxWords is the number of base forms kept, the most frequent first
	// (default 40,000).
	MaxWords int
	// MinCount is the number of occurrences a base form needs to be kept
	// (default 10).
	MinCount int32
	// Workers tag the text in parallel (default 2); the result does not
	// depend on it.
	Workers int
	// Tagger tags the text (default: ner.Default, the model kg embeds).
	Tagger *ner.Tagger
	// Progress, when set, is called after every 1,000 articles.
	Progress func(articles int)
}

func (o *Options) defaults() error {
	if o.MaxWords <= 0 {
		o.MaxWords = 40_000
	}
	if o.MinCount <= 0 {
		o.MinCount = 10
	}
	if o.Workers <= 0 {
		o.Workers = 2
	}
	if o.Tagger == nil {
		tg, err := ner.Default()
		if err != nil {
			return err
		}
		o.Tagger = tg
	}
	return nil
}

// Result is what Build computes.
type Result struct {
	Tokens    int64 // Arabic words of the text
	Articles  int
	Bases     []string // kept base forms, most frequent first (ties by form)
	Words     map[string]wordstats.Word
	NameWords []string // sorted
	Names     map[string]wordstats.Name
	// WrittenWords are the words of the text written whole (sorted), with
	// their counts (wordstats.Written).
	WrittenWords []string
	Written      map[string]wordstats.Written
}

// Build computes both tables from the data folder dir. It is
// deterministic: the same data and tagger give the same result.
func Build(dir string, opts Options) (*Result, error) {
	if err := opts.defaults(); err != nil {
		return nil, err
	}
	r := &Result{}
	if err := r.words(filepath.Join(dir, WikiFile), &opts); err != nil {
		return nil, err
	}
	if err := r.names(dir); err != nil {
		return nil, err
	}
	return r, nil
}

// words tags every article of the Wikipedia text with kg's NER and counts,
// for every base form, its occurrences and those inside a name.
func (r *Result) words(path string, opts *Options) error {
	type counts struct {
		words  map[string]wordstats.Word
		raw    map[string]int32 // tokens as written (MatchForm)
		tokens int64
	}
	texts := make(chan string, 2*opts.Workers)
	parts := make([]counts, opts.Workers)
	var wg sync.WaitGroup
	for k := range parts {
		parts[k].words = map[string]wordstats.Word{}
		parts[k].raw = map[string]int32{}
		wg.Add(1)
		go func(c *counts) {
			defer wg.Done()
			for text := range texts {
				c.tokens += countText(opts.Tagger, text, c.words, c.raw)
			}
		}(&parts[k])
	}
	line := 0
	readErr := sources.EachWikiArticle(path, func(n int, a sources.WikiArticle) error {
		line = n
		texts <- a.Text
		if opts.Progress != nil && line%1000 == 0 {
			opts.Progress(line)
		}
		return nil
	})
	close(texts)
	wg.Wait()
	if readErr != nil {
		return readErr
	}
	all := map[string]wordstats.Word{}
	raw := map[string]int32{}
	for _, c := range parts {
		for m, n := range c.raw {
			raw[m] += n
		}
		r.Tokens += c.tokens
		for b, w := range c.words {
			s := all[b]
			s.Count += w.Count
			s.Person += w.Person
			s.Location += w.Location
			s.Org += w.Org
			s.Unsure += w.Unsure
			s.AfterNumber += w.AfterNumber
			all[b] = s
		}
	}
	r.Articles = line
	r.written(raw)
	bases := make([]string, 0, len(all))
	for b, w := range all {
		if w.Count >= opts.MinCount {
			bases = append(bases, b)
		}
	}
	sort.Slice(bases, func(i, j int) bool {
		if ci, cj := all[bases[i]].Count, all[bases[j]].Count; ci != cj {
			return ci > cj
		}
		return bases[i] < bases[j]
	})
	if len(bases) > opts.MaxWords {
		bases = bases[:opts.MaxWords]
	}
	r.Bases = bases
	r.Words = make(map[string]wordstats.Word, len(bases))
	for _, b := range bases {
		r.Words[b] = all[b]
	}
	return nil
}

// SureMargin is the NER margin (ner.ScoredSpan) from which a name the
// tagger finds in the text counts as one. Under it, spans are right much
// less often (ner.TestMarginSeparates: on ANERcorp's held-out part, spans of
// margin >= 32 overlap a gold name 89-100% of the time, those under 16
// 76-87%), and on Wikipedia the tagger's doubtful guesses are mostly its
// systematic mistakes (ميكانيكا "mechanics" as a place, 10 to 15), which
// must not make a word look like a name.
const SureMargin = 32

// cliticLetters are the letters a clitic can be (Written).
const cliticLetters = "وبلكف"

// written keeps, of the tokens counted as written, those that begin with a
// clitic letter, are seen wordstats.MinWritten times or more and at least
// as often as their rest without that letter.
func (r *Result) written(raw map[string]int32) {
	r.Written = map[string]wordstats.Written{}
	for m, n := range raw {
		rs := []rune(m)
		if len(rs) < 3 || !strings.ContainsRune(cliticLetters, rs[0]) || n < wordstats.MinWritten {
			continue
		}
		rest := raw[string(rs[1:])]
		if n < rest {
			continue
		}
		r.Written[m] = wordstats.Written{Count: n, Rest: rest}
		r.WrittenWords = append(r.WrittenWords, m)
	}
	sort.Strings(r.WrittenWords)
}

// countText tags one article and adds its words to w and its tokens as
// written (MatchForm) to raw; it returns the number of Arabic words
// counted.
func countText(tg *ner.Tagger, text string, w map[string]wordstats.Word, raw map[string]int32) int64 {
	toks := segment.Tokenize(text)
	_, sents := segment.SentenceWords(toks)
	var n int64
	for si, spans := range tg.TagDocumentSpans(sents) {
		typ := make([]byte, len(sents[si]))
		for _, sp := range spans {
			k := byte('w') // a name the tagger is not sure of
			if sp.Margin >= SureMargin {
				k = sp.Type[0] // P, L, O(RG), M(ISC)
			}
			for i := sp.Start; i < sp.End; i++ {
				typ[i] = k
			}
		}
		for i, t := range sents[si] {
			b := wordstats.Base(t)
			if b == "" || !arabicWord(b) {
				continue
			}
			n++
			if m := arabic.MatchForm(t); arabicWord(m) {
				raw[m]++
			}
			s := w[b]
			s.Count++
			if i > 0 && segment.IsNumber(sents[si][i-1]) {
				s.AfterNumber++
			}
			switch typ[i] {
			case 'P':
				s.Person++
			case 'L':
				s.Location++
			case 'O':
				s.Org++
			case 'w':
				s.Unsure++
			}
			w[b] = s
		}
	}
	return n
}

// arabicWord reports whether s is made of Arabic letters only.
func arabicWord(s string) bool {
	for _, r := range s {
		if r < 0x0621 || r > 0x064A {
			return false
		}
	}
	return s != ""
}

// names reads the name lists: every one-word name or name unit, in
// MatchForm, with the number of people or places it names by kind.
func (r *Result) names(dir string) error {
	names := map[string]wordstats.Name{}
	add := func(word string, fn func(n *wordstats.Name)) {
		m := arabic.MatchForm(word)
		if len([]rune(m)) < 2 || !arabicWord(m) {
			return
		}
		n := names[m]
		fn(&n)
		names[m] = n
	}
	// name units: arabic_key latin latin_lang country role count source
	err := gztsv.Read(filepath.Join(dir, NameUnitsFile), atLeast(7, func(f []string) error {
		c, err := strconv.Atoi(f[5])
		if err != nil {
			return err
		}
		add(f[0], func(n *wordstats.Name) {
			switch f[4] {
			case "given":
				n.Given += int32(c)
			case "surname":
				n.Family += int32(c)
			default:
				n.Person += int32(c)
			}
		})
		return nil
	}))
	if err != nil {
		return err
	}
	// Wikidata name tokens: english arabic count split
	err = gztsv.Read(filepath.Join(dir, NameTokFile), atLeast(4, func(f []string) error {
		c, err := strconv.Atoi(f[2])
		if err != nil {
			return err
		}
		if !strings.Contains(strings.TrimSpace(f[1]), " ") {
			add(f[1], func(n *wordstats.Name) { n.Person += int32(c) })
		}
		return nil
	}))
	if err != nil {
		return err
	}
	// Wikipedia transliteration pairs (mostly names): arabic english split
	err = gztsv.Read(filepath.Join(dir, TranslitFile), atLeast(3, func(f []string) error {
		if !strings.Contains(strings.TrimSpace(f[0]), " ") {
			add(f[0], func(n *wordstats.Name) { n.Person++ })
		}
		return nil
	}))
	if err != nil {
		return err
	}
	// GeoNames: geonameid name country_code admin1_code population lat lon name_ar_script
	err = gztsv.Read(filepath.Join(dir, PlacesFile), atLeast(8, func(f []string) error {
		if !strings.Contains(strings.TrimSpace(f[7]), " ") {
			add(f[7], func(n *wordstats.Name) { n.Place++ })
		}
		return nil
	}))
	if err != nil {
		return err
	}
	r.Names = names
	r.NameWords = make([]string, 0, len(names))
	for w := range names {
		r.NameWords = append(r.NameWords, w)
	}
	sort.Strings(r.NameWords)
	return nil
}

// atLeast adapts fn to gztsv.Read: a row with fewer than n fields is an
// error.
func atLeast(n int, fn func(f []string) error) func(_, f []string, _ int) error {
	return func(_, f []string, _ int) error {
		if len(f) < n {
			return fmt.Errorf("%d fields, want %d", len(f), n)
		}
		return fn(f)
	}
}

// Write writes the three tables to w (words), n (names) and x (words
// written whole).
func (r *Result) Write(w, n, x io.Writer) error {
	if err := wordstats.WriteWords(w, r.Tokens, r.Bases, r.Words); err != nil {
		return err
	}
	if err := wordstats.WriteNames(n, r.NameWords, r.Names); err != nil {
		return err
	}
	return wordstats.WriteWritten(x, r.WrittenWords, r.Written)
}

// WriteFiles writes words.tsv.gz, names.tsv.gz and written.tsv.gz into the folder out,
// each through a temporary file renamed into place.
func (r *Result) WriteFiles(out string) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	for _, f := range []struct {
		name  string
		write func(io.Writer) error
	}{
		{"words.tsv.gz", func(w io.Writer) error { return wordstats.WriteWords(w, r.Tokens, r.Bases, r.Words) }},
		{"names.tsv.gz", func(w io.Writer) error { return wordstats.WriteNames(w, r.NameWords, r.Names) }},
		{"written.tsv.gz", func(w io.Writer) error { return wordstats.WriteWritten(w, r.WrittenWords, r.Written) }},
	} {
		path := filepath.Join(out, f.name)
		tmp := path + ".tmp"
		fh, err := os.Create(tmp)
		if err != nil {
			return err
		}
		bw := bufio.NewWriter(fh)
		err = f.write(bw)
		if err == nil {
			err = bw.Flush()
		}
		if cerr := fh.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(tmp)
			return err
		}
		if err := os.Rename(tmp, path); err != nil {
			return err
		}
	}
	return nil
}
