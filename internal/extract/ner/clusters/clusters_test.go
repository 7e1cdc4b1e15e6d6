package clusters

import (
	"bytes"
	"compress/gzip"
	"sort"
	"testing"
	"time"

	"github.com/kg-project/kg/internal/extract/ner/clusters/data"
)

func TestWriteReadRoundTrip(t *testing.T) {
	es := []Entry{
		{Word: "بغداد", Count: 900, C: [Levels]uint16{3, 1, 0}},
		{Word: "القاهرة", Count: 1200, C: [Levels]uint16{3, 1, 0}},
		{Word: "قال", Count: 5000, C: [Levels]uint16{0, 0, 1}},
	}
	sizes := [Levels]int{4, 2, 2}
	var a, b bytes.Buffer
	if err := Write(&a, es, sizes, map[string]string{"k": "v"}); err != nil {
		t.Fatal(err)
	}
	// the order of the entries does not matter
	if err := Write(&b, []Entry{es[2], es[0], es[1]}, sizes, map[string]string{"k": "v"}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("Write depends on the order of the entries")
	}
	tb, err := Read(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if tb.Len() != 3 || tb.Sizes != sizes || tb.Info["k"] != "v" || tb.Fingerprint == "" {
		t.Fatalf("read %d words, sizes %v, info %v, fingerprint %q", tb.Len(), tb.Sizes, tb.Info, tb.Fingerprint)
	}
	c, ok := tb.Lookup("القاهرة")
	if !ok || c.C != es[1].C || c.Freq != 10 {
		t.Fatalf("القاهرة: %+v %v", c, ok)
	}
	if _, ok := tb.Lookup("لندن"); ok {
		t.Fatal("لندن found")
	}
	var nilTable *Table
	if _, ok := nilTable.Lookup("قال"); ok {
		t.Fatal("nil table finds words")
	}
}

func TestWriteRejects(t *testing.T) {
	sizes := [Levels]int{2, 1, 1}
	for _, es := range [][]Entry{
		{{Word: "a\tb", Count: 1}},
		{{Word: "a", Count: 1}, {Word: "a", Count: 2}},
		{{Word: "a", Count: 1, C: [Levels]uint16{2, 0, 0}}},
	} {
		if err := Write(&bytes.Buffer{}, es, sizes, nil); err == nil {
			t.Errorf("%v: no error", es)
		}
	}
}

func TestReadRejects(t *testing.T) {
	for _, in := range []string{"", "not gzip"} {
		if _, err := Read(bytes.NewReader([]byte(in))); err == nil {
			t.Errorf("%q: no error", in)
		}
	}
	for _, text := range []string{
		"",
		"#kg-clusters v0\t1\t1\t1\n",
		Header + "\t1\t1\t1\nb\t1\t0\t0\t0\na\t1\t0\t0\t0\n", // not sorted
	} {
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write([]byte(text))
		zw.Close()
		if _, err := Read(&b); err == nil {
			t.Errorf("%q: no error", text)
		}
	}
	// a bad line is found by Check
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(Header + "\t1\t1\t1\na\t1\t0\t7\t0\n"))
	zw.Close()
	tb, err := Read(&b)
	if err != nil {
		t.Fatal(err)
	}
	if err := tb.Check(); err == nil {
		t.Error("Check accepts class 7 of 1")
	}
}

func BenchmarkRead(b *testing.B) {
	for b.Loop() {
		if _, err := Read(bytes.NewReader(data.Clusters)); err != nil {
			b.Fatal(err)
		}
	}
}

// TestDefault loads the embedded table: large enough to matter, quick to
// load, and its classes group words that are used alike.
func TestDefault(t *testing.T) {
	t0 := time.Now()
	tb, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d words, sizes %v, loaded in %s", tb.Len(), tb.Sizes, time.Since(t0))
	if tb.Len() < 50000 {
		t.Fatalf("only %d words", tb.Len())
	}
	if err := tb.Check(); err != nil {
		t.Fatal(err)
	}
	// every word is found, with the classes of its line; a word with a
	// letter more or less is not (unless it is a word too)
	for i := range tb.Len() {
		w := tb.word(i)
		want, _ := tb.parse(i)
		if c, ok := tb.Lookup(w); !ok || c != want {
			t.Fatalf("Lookup(%q) = %v, %v; its line says %v", w, c, ok, want)
		}
		for _, o := range []string{w + "ة", w[:len(w)-1], "x" + w} {
			k := sort.Search(tb.Len(), func(k int) bool { return tb.word(k) >= o })
			want := k < tb.Len() && tb.word(k) == o
			if _, ok := tb.Lookup(o); ok != want {
				t.Fatalf("Lookup(%q) finds it: %v, the sorted lines: %v", o, ok, want)
			}
		}
	}
	same := func(a, b string, level int) bool {
		ca, oka := tb.Lookup(a)
		cb, okb := tb.Lookup(b)
		return oka && okb && ca.C[level] == cb.C[level]
	}
	// weekdays share a fine class; two countries share a coarser one
	if !same("الاثنين", "الخميس", 0) {
		t.Error("الاثنين and الخميس in different classes")
	}
	if !same("مصر", "العراق", 1) {
		t.Error("مصر and العراق in different classes")
	}
}

// FuzzRead: no table text makes Read or a lookup panic, and what Read
// accepts Check parses or rejects cleanly.
func FuzzRead(f *testing.F) {
	f.Add(Header + "\t2\t1\t1\na\t3\t1\t0\t0\nb\t1\t0\t0\t0\n")
	f.Add(Header + "\t1\t1\t1\n")
	f.Add("a\tb")
	f.Fuzz(func(t *testing.T, text string) {
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write([]byte(text))
		zw.Close()
		tb, err := Read(&b)
		if err != nil {
			return
		}
		_ = tb.Check()
		for _, w := range []string{"a", "b", "", "\t", text} {
			tb.Lookup(w)
		}
	})
}
