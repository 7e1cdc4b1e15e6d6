// Package clusters is kg's table of Arabic word clusters: for every word
// frequent enough in the unlabelled text it was learnt from, a class at
// each of several granularities (nested: a coarse class is a set of finer
// ones) and how often the word occurred. Words that share a class are used
// alike (they follow and precede the same words), so a name the NER never
// saw in training shares its class with names it did see.
//
// The table is built by "kg train clusters" (package cbuild) and embedded in
// package data; Default reads it once, on first use.
package clusters

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/kg-project/kg/internal/extract/ner/clusters/data"
)

// Levels is the number of granularities of the table, finest first.
const Levels = 3

// Header is the first line of a cluster file; a change of format changes it.
const Header = "#kg-clusters v1"

// Class is a word's class at each level, finest first, and its frequency
// class (floor of log2 of its count in the text).
type Class struct {
	C    [Levels]uint16
	Freq uint8
}

// Entry is one line of the table.
type Entry struct {
	Word  string // arabic.MatchForm of the word
	Count int64
	C     [Levels]uint16
}

// Table maps words (in arabic.MatchForm) to their classes. It is read-only
// and safe for concurrent use.
type Table struct {
	words map[string]Class
	// Sizes is the number of classes at each level.
	Sizes [Levels]int
	// Info holds the build parameters written in the file (name=value).
	Info map[string]string
	// Fingerprint is a hash of the file's content: a model trained with a
	// table records it, and refuses another table.
	Fingerprint string
}

// Lookup returns the classes of a word in MatchForm.
func (t *Table) Lookup(mf string) (Class, bool) {
	if t == nil {
		return Class{}, false
	}
	c, ok := t.words[mf]
	return c, ok
}

// Len is the number of words in the table.
func (t *Table) Len() int { return len(t.words) }

// Write writes entries (sorted here by word) as a gzipped table: the header
// line with the level sizes and info, then word, count and one class per
// level. The output is a pure function of its arguments.
func Write(w io.Writer, entries []Entry, sizes [Levels]int, info map[string]string) error {
	es := slices.Clone(entries)
	slices.SortFunc(es, func(a, b Entry) int { return strings.Compare(a.Word, b.Word) })
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	bw.WriteString(Header)
	for _, s := range sizes {
		fmt.Fprintf(bw, "\t%d", s)
	}
	keys := make([]string, 0, len(info))
	for k := range info {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		fmt.Fprintf(bw, "\t%s=%s", k, info[k])
	}
	bw.WriteByte('\n')
	for i, e := range es {
		if e.Word == "" || strings.ContainsAny(e.Word, "\t\n") {
			return fmt.Errorf("clusters: bad word %q", e.Word)
		}
		if i > 0 && es[i-1].Word == e.Word {
			return fmt.Errorf("clusters: word %q twice", e.Word)
		}
		bw.WriteString(e.Word)
		fmt.Fprintf(bw, "\t%d", e.Count)
		for l, c := range e.C {
			if int(c) >= sizes[l] {
				return fmt.Errorf("clusters: %q has class %d at level %d of %d", e.Word, c, l, sizes[l])
			}
			fmt.Fprintf(bw, "\t%d", c)
		}
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// Read reads a table written by Write.
func Read(r io.Reader) (*Table, error) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("clusters: %w", err)
	}
	defer zr.Close()
	sum := sha256.Sum256(raw)
	t := &Table{words: map[string]Class{}, Info: map[string]string{}, Fingerprint: hex.EncodeToString(sum[:8])}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	if !sc.Scan() {
		return nil, errors.New("clusters: empty file")
	}
	head := strings.Split(sc.Text(), "\t")
	if head[0] != Header || len(head) < 1+Levels {
		return nil, fmt.Errorf("clusters: header %q, want %q and %d sizes", head[0], Header, Levels)
	}
	for l := range Levels {
		n, err := strconv.Atoi(head[1+l])
		if err != nil || n <= 0 || n > 1<<16 {
			return nil, fmt.Errorf("clusters: bad size %q", head[1+l])
		}
		t.Sizes[l] = n
	}
	for _, kv := range head[1+Levels:] {
		k, v, _ := strings.Cut(kv, "=")
		t.Info[k] = v
	}
	line := 1
	for sc.Scan() {
		line++
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 2+Levels {
			return nil, fmt.Errorf("clusters: line %d: %d fields, want %d", line, len(f), 2+Levels)
		}
		n, err := strconv.ParseInt(f[1], 10, 64)
		if err != nil || n <= 0 {
			return nil, fmt.Errorf("clusters: line %d: bad count %q", line, f[1])
		}
		c := Class{Freq: uint8(log2(n))}
		for l := range Levels {
			v, err := strconv.Atoi(f[2+l])
			if err != nil || v < 0 || v >= t.Sizes[l] {
				return nil, fmt.Errorf("clusters: line %d: bad class %q", line, f[2+l])
			}
			c.C[l] = uint16(v)
		}
		t.words[f[0]] = c
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("clusters: %w", err)
	}
	return t, nil
}

func log2(n int64) int {
	k := 0
	for n > 1 {
		n >>= 1
		k++
	}
	return k
}

var loadDefault = sync.OnceValues(func() (*Table, error) {
	if len(data.Clusters) == 0 {
		return nil, errors.New("clusters: no embedded table (run kg train clusters)")
	}
	return Read(bytes.NewReader(data.Clusters))
})

// Default returns the embedded table, read on the first call.
func Default() (*Table, error) { return loadDefault() }
