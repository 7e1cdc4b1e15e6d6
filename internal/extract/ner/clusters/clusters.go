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

	kgzip "github.com/klauspost/compress/gzip"

	"github.com/kg-project/kg/internal/extract/ner/clusters/data"
	"github.com/kg-project/kg/internal/memo"
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
	// text is the file's lines after the header, sorted by word; line[i]
	// is where line i starts (and line[len-1] the end): quicker to load
	// than a map.
	text string
	line []int32
	// slots index the lines by a hash of their word (open addressing;
	// line+1, 0 empty): Lookup probes them rather than search the text.
	slots []int32
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
	if t == nil || len(t.slots) == 0 {
		return Class{}, false
	}
	mask := uint64(len(t.slots) - 1)
	for s := wordHash(mf) & mask; t.slots[s] != 0; s = (s + 1) & mask {
		if i := int(t.slots[s] - 1); t.word(i) == mf {
			c, _ := t.parse(i)
			return c, true
		}
	}
	return Class{}, false
}

// index fills t.slots.
func (t *Table) index() {
	size := 1
	for size < 2*t.Len()+1 {
		size <<= 1
	}
	t.slots = make([]int32, size)
	mask := uint64(size - 1)
	for i := range t.Len() {
		s := wordHash(t.word(i)) & mask
		for t.slots[s] != 0 {
			s = (s + 1) & mask
		}
		t.slots[s] = int32(i + 1)
	}
}

// wordHash is FNV-1a of w, its bits mixed.
func wordHash(w string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(w); i++ {
		h ^= uint64(w[i])
		h *= 1099511628211
	}
	return h ^ h>>29
}

// word is the word of line i.
func (t *Table) word(i int) string {
	l := t.text[t.line[i]:t.line[i+1]]
	if k := strings.IndexByte(l, '\t'); k >= 0 {
		return l[:k]
	}
	return l
}

// parse reads the count and classes of line i.
func (t *Table) parse(i int) (Class, error) {
	l := strings.TrimSuffix(t.text[t.line[i]:t.line[i+1]], "\n")
	var f [2 + Levels]string // the fields, as strings.Split would give them
	n := 0
	for rest := l; ; n++ {
		k := strings.IndexByte(rest, '\t')
		if n < len(f) {
			if k < 0 {
				f[n] = rest
			} else {
				f[n] = rest[:k]
			}
		}
		if k < 0 {
			n++
			break
		}
		rest = rest[k+1:]
	}
	if n != 2+Levels || f[0] == "" {
		return Class{}, fmt.Errorf("%d fields, want %d", n, 2+Levels)
	}
	cnt, err := strconv.ParseInt(f[1], 10, 64)
	if err != nil || cnt <= 0 {
		return Class{}, fmt.Errorf("bad count %q", f[1])
	}
	c := Class{Freq: uint8(log2(cnt))}
	for l := range Levels {
		v, err := strconv.Atoi(f[2+l])
		if err != nil || v < 0 || v >= t.Sizes[l] {
			return Class{}, fmt.Errorf("bad class %q", f[2+l])
		}
		c.C[l] = uint16(v)
	}
	return c, nil
}

// Check parses every line, for tests: Read checks only the order.
func (t *Table) Check() error {
	for i := range t.Len() {
		if _, err := t.parse(i); err != nil {
			return fmt.Errorf("clusters: line %d: %w", i+2, err)
		}
	}
	return nil
}

// Len is the number of words in the table.
func (t *Table) Len() int { return len(t.line) - 1 }

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
	zr, err := kgzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("clusters: %w", err)
	}
	defer zr.Close()
	sum := sha256.Sum256(raw)
	t := &Table{Info: map[string]string{}, Fingerprint: hex.EncodeToString(sum[:8])}
	body, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("clusters: %w", err)
	}
	text := string(body)
	head, text, ok := strings.Cut(text, "\n")
	if !ok && head == "" {
		return nil, errors.New("clusters: empty file")
	}
	hf := strings.Split(head, "\t")
	if hf[0] != Header || len(hf) < 1+Levels {
		return nil, fmt.Errorf("clusters: header %q, want %q and %d sizes", hf[0], Header, Levels)
	}
	for l := range Levels {
		n, err := strconv.Atoi(hf[1+l])
		if err != nil || n <= 0 || n > 1<<16 {
			return nil, fmt.Errorf("clusters: bad size %q", hf[1+l])
		}
		t.Sizes[l] = n
	}
	for _, kv := range hf[1+Levels:] {
		k, v, _ := strings.Cut(kv, "=")
		t.Info[k] = v
	}
	if text != "" && !strings.HasSuffix(text, "\n") {
		text += "\n"
	}
	if len(text) >= 1<<31 {
		return nil, errors.New("clusters: table too large")
	}
	t.text = text
	t.line = make([]int32, 0, strings.Count(text, "\n")+1)
	for i := 0; i < len(text); {
		t.line = append(t.line, int32(i))
		k := strings.IndexByte(text[i:], '\n')
		i += k + 1
	}
	t.line = append(t.line, int32(len(text)))
	// the words must be sorted, so no word comes twice; each line is
	// checked when a test reads them all (Check)
	for i := 1; i < t.Len(); i++ {
		if t.word(i-1) >= t.word(i) {
			return nil, fmt.Errorf("clusters: line %d: %q not after %q", i+2, t.word(i), t.word(i-1))
		}
	}
	t.index()
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

var defaultTable = memo.NewLazy(func() (*Table, error) {
	if len(data.Clusters) == 0 {
		return nil, errors.New("clusters: no embedded table (run kg train clusters)")
	}
	return Read(bytes.NewReader(data.Clusters))
})

// Default returns the embedded table, read on the first call.
func Default() (*Table, error) { return defaultTable.Get() }

// DropDefault forgets the loaded table (a later Default reads it again).
func DropDefault() { defaultTable.Drop() }
