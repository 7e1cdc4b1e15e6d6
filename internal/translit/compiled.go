package translit

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/kg-project/kg/internal/memo"

	"github.com/kg-project/kg/internal/translit/data"
)

// Compiled is what "kg build translit" learns from name pairs: the usual
// Latin spelling of name units and the graphone model for the others.
type Compiled struct {
	// Table maps an Arabic name unit in arabic.MatchForm to its most
	// frequent attested Latin spelling. A word with the article is stored
	// by its stem (جبير Jubeir for الجبير); a word whose ال is not the
	// article is stored whole (الياس Elias). A key may hold several words
	// written as one or differently in Latin (عبد الرحمن Abdulrahman).
	Table map[string]string
	Model *Model
	// Latin is the list of known Latin names that foreign names written in
	// Arabic letters are matched against (data/latin.tsv.gz); nil: none.
	Latin *Latin
	// English is the project's list of English words of names
	// (data/englishwords: Sprint, Forecasts, Hindustan), matched in the
	// names of organisations and places against a word that no known Latin
	// name fits (latinFor); nil: none.
	English *Latin
	// embedded marks the table and model compiled into the binary
	// (Default), whose romanised words are memoised in wordCache.
	embedded bool
}

// formatHeader starts the compiled file; the number is the format version
// (bump it, and ReadCompiled's check, when the format changes).
const formatHeader = "kg-translit\t1"

// WriteCompiled writes c as gzipped TSV, sorted, so that the same input
// gives the same bytes: the header with the model order, then "t" lines
// (Arabic, Latin) of the table, "g" lines (ID, graphone) and "n" lines
// (graphone IDs, count) of the model.
func WriteCompiled(w io.Writer, c *Compiled) error {
	var b bytes.Buffer
	order := 0
	if c.Model != nil {
		order = c.Model.Order
	}
	fmt.Fprintf(&b, "%s\torder=%d\n", formatHeader, order)
	keys := make([]string, 0, len(c.Table))
	for k := range c.Table {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(&b, "t\t%s\t%s\n", k, c.Table[k])
	}
	if c.Model != nil {
		for id, g := range c.Model.Graphones {
			if id > 0 {
				fmt.Fprintf(&b, "g\t%d\t%s\n", id, graphoneString(g))
			}
		}
		type ng struct {
			ids []uint16
			c   float64
		}
		var ngs []ng
		for k, v := range c.Model.Counts {
			ngs = append(ngs, ng{unpack(k), v})
		}
		sort.Slice(ngs, func(i, j int) bool {
			a, b := ngs[i].ids, ngs[j].ids
			if len(a) != len(b) {
				return len(a) < len(b)
			}
			for k := range a {
				if a[k] != b[k] {
					return a[k] < b[k]
				}
			}
			return false
		})
		for _, n := range ngs {
			ids := make([]string, len(n.ids))
			for i, id := range n.ids {
				ids[i] = strconv.Itoa(int(id))
			}
			fmt.Fprintf(&b, "n\t%s\t%s\n", strings.Join(ids, " "), strconv.FormatFloat(RoundCount(n.c), 'f', -1, 64))
		}
	}
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := zw.Write(b.Bytes()); err != nil {
		return err
	}
	return zw.Close()
}

// RoundCount rounds an n-gram count to the two decimals the compiled file
// keeps.
func RoundCount(c float64) float64 { return math.Round(c*100) / 100 }

// WriteFile writes c to path through a temporary file renamed into place.
func WriteFile(path string, c *Compiled) error {
	return writeAtomic(path, ".translit-*", func(w io.Writer) error { return WriteCompiled(w, c) })
}

// writeAtomic writes a file through write into a temporary file (named by
// pattern) beside path, renamed into place once complete.
func writeAtomic(path, pattern string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), pattern)
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

func unpack(k uint64) []uint16 {
	n := ngramLen(k)
	ids := make([]uint16, n)
	for i := n - 1; i >= 0; i-- {
		ids[i] = uint16(k & 0xfff)
		k >>= 12
	}
	return ids
}

// ReadCompiled reads a file written by WriteCompiled.
func ReadCompiled(r io.Reader) (*Compiled, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	c := &Compiled{Table: map[string]string{}, Model: &Model{Graphones: []Graphone{{}}, Counts: map[uint64]float64{}}}
	line := 0
	bad := func(why string) error { return fmt.Errorf("translit data, line %d: %s", line, why) }
	for sc.Scan() {
		line++
		f := strings.Split(sc.Text(), "\t")
		if line == 1 {
			if len(f) != 3 || f[0]+"\t"+f[1] != formatHeader || !strings.HasPrefix(f[2], "order=") {
				return nil, bad("not a kg-translit file of format 1")
			}
			if c.Model.Order, err = strconv.Atoi(strings.TrimPrefix(f[2], "order=")); err != nil || c.Model.Order < 0 || c.Model.Order > MaxOrder {
				return nil, bad("bad order")
			}
			continue
		}
		if len(f) != 3 {
			return nil, bad("want 3 fields")
		}
		switch f[0] {
		case "t":
			c.Table[f[1]] = f[2]
		case "g":
			id, err := strconv.Atoi(f[1])
			g, ok := parseGraphone(f[2])
			if err != nil || !ok || id != len(c.Model.Graphones) || id >= MaxGraphones {
				return nil, bad("bad graphone")
			}
			c.Model.Graphones = append(c.Model.Graphones, g)
		case "n":
			var ids []uint16
			for _, s := range strings.Fields(f[1]) {
				id, err := strconv.Atoi(s)
				if err != nil || id < 0 || id >= len(c.Model.Graphones) {
					return nil, bad("bad graphone id")
				}
				ids = append(ids, uint16(id))
			}
			v, err := strconv.ParseFloat(f[2], 64)
			if err != nil || len(ids) == 0 || len(ids) > c.Model.Order || v <= 0 {
				return nil, bad("bad n-gram")
			}
			c.Model.Counts[NgramKey(ids)] = v
		default:
			return nil, bad("unknown record " + f[0])
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if line == 0 {
		return nil, bad("empty")
	}
	c.Model.Index()
	return c, nil
}

var defaultData = memo.NewLazy(func() (*Compiled, error) {
	c, err := ReadCompiled(bytes.NewReader(data.Names))
	if err == nil {
		c.embedded = true
		c.Latin, err = ReadLatin(bytes.NewReader(data.Latin))
	}
	if err == nil {
		c.English, err = ReadEnglishWords(data.EnglishWords)
	}
	return c, err
})

// ReadEnglishWords reads lists of English words (*.txt in fsys: one word of
// Latin letters a line, "#" comments) as a Latin list of Common words of
// weight 1, each word once.
func ReadEnglishWords(fsys fs.FS) (*Latin, error) {
	files, err := fs.Glob(fsys, "*/*.txt")
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var words []LatinWord
	for _, f := range files {
		b, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, err
		}
		for i, line := range strings.Split(string(b), "\n") {
			w := strings.TrimSpace(line)
			if w == "" || strings.HasPrefix(w, "#") {
				continue
			}
			k := foldLatin(w)
			if k == "" || strings.Trim(k, "abcdefghijklmnopqrstuvwxyz") != "" {
				return nil, fmt.Errorf("translit: %s:%d: %q is not one word of Latin letters", f, i+1, w)
			}
			if !seen[k] {
				seen[k] = true
				words = append(words, LatinWord{Latin: w, Weight: 1, Common: true})
			}
		}
	}
	slices.SortFunc(words, func(a, b LatinWord) int { return strings.Compare(a.Latin, b.Latin) })
	return NewLatin(words), nil
}

// Default returns the table and model compiled into the binary (package
// internal/translit/data), read on first use.
func Default() (*Compiled, error) { return defaultData.Get() }

// DropDefault forgets the loaded table and model (a later Default reads
// them again).
func DropDefault() { defaultData.Drop() }
