package corpus

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestJSONArray: arrays of articles, pretty-printed or on one line, and
// top-level objects; each element is read as a JSON Lines record is.
func TestJSONArray(t *testing.T) {
	tests := []struct {
		name, content string
		want          []string // Source suffix (after the file name) and text of each article
	}{
		{"pretty", "[\n  {\n    \"id\": \"a\",\n    \"text\": \"One.\"\n  },\n  {\n    \"text\": \"Two.\"\n  }\n]\n",
			[]string{":2 One.", ":6 Two."}},
		{"one line", `[{"text":"One."},{"text":"Two."}, {"text":"Three."}]`,
			[]string{":1 One.", ":1#2 Two.", ":1#3 Three."}},
		{"object", "\n{\"title\": \"T\", \"text\": \"Only.\"}\n", []string{":2 Only."}},
		{"objects", "{\"text\": \"One.\"}\n{\"text\": \"Two.\"}\n", []string{":1 One.", ":2 Two."}},
		{"arrays", "[{\"text\": \"One.\"}]\n[{\"text\": \"Two.\"}]", []string{":1 One.", ":2 Two."}},
		{"bom and crlf", "\uFEFF[\r\n{\"text\": \"One.\"},\r\n{\"text\": \"Two.\"}\r\n]", []string{":2 One.", ":3 Two."}},
		{"raw control characters", "[{\"text\": \"a\x1ab\"},\x01{\"text\": \"c\"}]", []string{":1 a b", ":1#2 c"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := write(t, t.TempDir(), "a.json", tt.content)
			arts, errs := collect(t, Options{}, p)
			if len(errs) != 0 {
				t.Fatalf("errs %v", errs)
			}
			var got []string
			for _, a := range arts {
				got = append(got, strings.TrimPrefix(a.Source, p)+" "+a.Text)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestJSONArrayFields: an element's fields, alternatives and properties.
func TestJSONArrayFields(t *testing.T) {
	p := write(t, t.TempDir(), "a.json", `[
 {"source": "paper", "url": "http://x/1", "date_extracted": "2015-07-21 02:51:35", "title": " T ", "author": "", "content": "Body one."},
 {"id": 7, "headline": "H", "body": "Body two.", "text": null, "link": "http://x/2", "date": "2015-07-22", "pubDate": "Wed", "tags": ["a"]}
]`)
	arts, errs := collect(t, Options{}, p)
	if len(arts) != 2 || len(errs) != 0 {
		t.Fatalf("arts %d errs %v", len(arts), errs)
	}
	a, b := arts[0], arts[1]
	if a.Text != "Body one." || a.Title != "T" || a.URL != "http://x/1" || a.Published != "2015-07-21 02:51:35" ||
		len(a.Props) != 2 || a.Props["source"] != "paper" || a.Props["author"] != "" || len(a.ID) != 16 {
		t.Errorf("first %+v", *a)
	}
	if b.ID != "7" || b.Text != "Body two." || b.Title != "H" || b.URL != "http://x/2" || b.Published != "2015-07-22" ||
		len(b.Props) != 2 || b.Props["pubDate"] != "Wed" || b.Props["tags"] != `["a"]` {
		t.Errorf("second %+v", *b)
	}
}

// TestJSONArrayBad: a bad element is reported with the line it starts on
// and its number, and reading goes on; what the decoder cannot go on from
// ends the file, naming the line.
func TestJSONArrayBad(t *testing.T) {
	tests := []struct {
		name, content string
		texts         []string // the articles read
		errs          []string // "LINE kind" of each error
	}{
		{"empty text in the middle", "[\n{\"text\": \"One.\"},\n{\"text\": \" \"},\n{\"text\": \"Three.\"}\n]",
			[]string{"One.", "Three."}, []string{"3 empty"}},
		{"escaped NUL", "[\n{\"text\": \"One.\"},\n{\"text\": \"a\\u0000b\"},\n{\"text\": \"Three.\"}\n]",
			[]string{"One.", "Three."}, []string{"3 control"}},
		{"not an object", "[\n{\"text\": \"One.\"},\n42, \"x\", [1],\n{\"text\": \"Three.\"}]",
			[]string{"One.", "Three."}, []string{"3 malformed", "3 malformed", "3 malformed"}},
		{"not a string", "[{\"text\": 5}, {\"text\": \"Two.\"}]", []string{"Two."}, []string{"1 malformed"}},
		{"invalid UTF-8", "[{\"text\": \"a\xffb\"},\n{\"text\": \"Two.\"}]", []string{"Two."}, []string{"1 utf8"}},
		{"raw NUL", "[\n{\"text\": \"One.\"},\n{\"text\": \"a\x00b\"},\n{\"text\": \"Three.\"}\n]",
			[]string{"One."}, []string{"3 control"}},
		{"syntax error", "[\n{\"text\": \"One.\"},\n{\"text\":\n \"Two.\" \"x\"},\n{\"text\": \"Three.\"}\n]",
			[]string{"One."}, []string{"4 malformed"}},
		{"missing comma", "[\n{\"text\": \"One.\"}\n{\"text\": \"Two.\"}\n]", []string{"One."}, []string{"3 malformed"}},
		{"truncated", "[\n{\"text\": \"One.\"},\n{\"text\": \"Tw", []string{"One."}, []string{"3 malformed"}},
		{"unclosed array", "[\n{\"text\": \"One.\"}", []string{"One."}, []string{"2 malformed"}},
		{"string at the top", "\n\"just a string\"", nil, []string{"2 malformed"}},
		{"number at the top", "42", nil, []string{"1 malformed"}},
		{"stray bracket", "]", nil, []string{"1 malformed"}},
		{"data after the array", "[{\"text\": \"One.\"}]\nnull", []string{"One."}, []string{"2 malformed"}},
		{"too large", "[\n{\"text\": \"One.\"},\n{\"text\": \"" + strings.Repeat("x", 7000) + "\"},\n{\"text\": \"Three.\"}\n]",
			[]string{"One."}, []string{"3 large"}},
		{"text over the limit", "[\n{\"text\": \"" + strings.Repeat("x", 1500) + "\"},\n{\"text\": \"Two.\"}\n]",
			[]string{"Two."}, []string{"2 large"}},
	}
	kinds := map[string]error{"empty": ErrEmpty, "control": ErrControlChar, "malformed": ErrMalformed, "utf8": ErrInvalidUTF8, "large": ErrTooLarge}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := write(t, t.TempDir(), "a.json", tt.content)
			arts, errs := collect(t, Options{MaxArticleBytes: 1000}, p)
			var texts []string
			for _, a := range arts {
				texts = append(texts, a.Text)
			}
			if strings.Join(texts, "|") != strings.Join(tt.texts, "|") {
				t.Errorf("texts %q, want %q", texts, tt.texts)
			}
			if len(errs) != len(tt.errs) {
				t.Fatalf("errs %v, want %q", errs, tt.errs)
			}
			for i, e := range errs {
				var line int
				var kind string
				fmt.Sscanf(tt.errs[i], "%d %s", &line, &kind)
				if e.File != p || e.Line != line || !errors.Is(e, kinds[kind]) {
					t.Errorf("error %v (line %d), want %s", e, e.Line, tt.errs[i])
				}
			}
		})
	}
}

// TestJSONArrayEmpty: an empty array is a file without articles.
func TestJSONArrayEmpty(t *testing.T) {
	p := write(t, t.TempDir(), "a.json", " [ ] ")
	arts, errs := collect(t, Options{}, p)
	if len(arts) != 0 || len(errs) != 1 || !errors.Is(errs[0], ErrNoArticles) {
		t.Errorf("arts %d errs %v", len(arts), errs)
	}
}

func FuzzJSONArray(f *testing.F) {
	f.Add([]byte("[\n {\"id\": \"a\", \"text\": \"x\"},\n {\"content\": \"y\", \"date\": 5}\n]"))
	f.Add([]byte(`[{"text":"a\u0000"}, 1, null, [], {"text":"b"}]`))
	f.Add([]byte("{\"text\":\"x\"}{\"text\":\"\xff\"}\n[\"\x00\"]"))
	f.Add([]byte("\uFEFF[{\"text\": \"a\x1a\"},,{}]"))
	f.Add([]byte(`[{"text":"` + strings.Repeat("y", 5000) + `"}, {"text":"z"}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(t.TempDir(), "f.json")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		lines := 1 + strings.Count(string(data), "\n")
		err := Walk(context.Background(), []string{p}, Options{MaxArticleBytes: 1024}, func(it Item) error {
			checkItem(t, it)
			if it.Err != nil && it.Err.Line > lines {
				t.Fatalf("error on line %d of %d: %v", it.Err.Line, lines, it.Err)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}

// arrayGen generates a JSON array of n articles of about size bytes each,
// pretty-printed, without holding it.
type arrayGen struct {
	n, size, i int
	buf        []byte
}

func (g *arrayGen) Read(p []byte) (int, error) {
	for len(g.buf) == 0 {
		switch {
		case g.i == 0:
			g.buf = []byte("[\n")
		case g.i > g.n:
			return 0, io.EOF
		case g.i == g.n:
			g.buf = []byte(fmt.Sprintf("  {\"id\": \"%d\", \"text\": \"%s\"}\n]\n", g.i, strings.Repeat("word ", g.size/5)))
		default:
			g.buf = []byte(fmt.Sprintf("  {\"id\": \"%d\", \"text\": \"%s\"},\n", g.i, strings.Repeat("word ", g.size/5)))
		}
		g.i++
	}
	n := copy(p, g.buf)
	g.buf = g.buf[n:]
	return n, nil
}

// TestJSONArrayStreams: a 32 MB array is read in the memory of a few
// elements: the live heap, sampled as it goes, stays far below the file.
func TestJSONArrayStreams(t *testing.T) {
	const n, size = 8000, 4096
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	base, peak, arts := ms.HeapAlloc, uint64(0), 0
	r := &reader{opts: Options{}.withDefaults(), fn: func(it Item) error {
		if it.Err != nil {
			return it.Err
		}
		if arts++; arts%1000 == 0 {
			runtime.GC()
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapAlloc)
		}
		return nil
	}}
	if err := r.json(context.Background(), "gen.json", &arrayGen{n: n, size: size}); err != nil {
		t.Fatal(err)
	}
	if arts != n {
		t.Fatalf("%d articles, want %d", arts, n)
	}
	if grown := int64(peak) - int64(base); grown > 4<<20 {
		t.Errorf("live heap grew by %d bytes reading a %d-byte array", grown, n*size)
	}
	t.Logf("live heap grew by at most %d bytes reading a %d-byte array", max(0, int64(peak)-int64(base)), n*size)
}

// BenchmarkJSONArray reads a generated array of 1,000 articles of 4 KiB;
// allocations per article stay a small multiple of its size.
func BenchmarkJSONArray(b *testing.B) {
	const n, size = 1000, 4096
	b.SetBytes(n * size)
	b.ReportAllocs()
	for b.Loop() {
		r := &reader{opts: Options{}.withDefaults(), fn: func(Item) error { return nil }}
		if err := r.json(context.Background(), "gen.json", &arrayGen{n: n, size: size}); err != nil {
			b.Fatal(err)
		}
	}
}
