package corpus

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kg-project/kg/internal/model"
)

func write(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func collect(t *testing.T, opts Options, paths ...string) (arts []*model.Article, errs []*InputError) {
	t.Helper()
	err := Walk(context.Background(), paths, opts, func(it Item) error {
		if it.Err != nil {
			errs = append(errs, it.Err)
		} else {
			arts = append(arts, it.Article)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return
}

func TestTxt(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, content, wantTitle, wantTextPrefix, wantLang string
	}{
		{"title.txt", "Leaders meet in Geneva\nThe two leaders met on Monday.\n", "Leaders meet in Geneva", "The two", "en"},
		{"notitle.txt", "The two leaders met on Monday.\nThey talked.\n", "", "The two", "en"},
		{"one.txt", "Just one line without title", "", "Just one", "en"},
		{"ar.txt", "قمة في جنيف\nالتقى الزعيمان يوم الإثنين.\n", "قمة في جنيف", "التقى", "ar"},
		{"crlf.txt", "Headline\r\nBody text.\r\n", "Headline", "Body text.\n", "en"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := write(t, dir, tt.name, tt.content)
			arts, errs := collect(t, Options{}, p)
			if len(errs) > 0 || len(arts) != 1 {
				t.Fatalf("arts=%d errs=%v", len(arts), errs)
			}
			a := arts[0]
			if a.Title != tt.wantTitle || !strings.HasPrefix(a.Text, tt.wantTextPrefix) || a.Lang != tt.wantLang {
				t.Errorf("got title=%q text=%q lang=%q", a.Title, a.Text, a.Lang)
			}
			if len(a.ID) != 16 || a.Source != p {
				t.Errorf("id=%q source=%q", a.ID, a.Source)
			}
		})
	}
}

func TestStableContentID(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "a/x.txt", "Title\nSome text.")
	b := write(t, dir, "b/y.txt", "Title\nSome text.")
	arts, _ := collect(t, Options{}, a, b)
	if arts[0].ID != arts[1].ID {
		t.Errorf("same content, different ids %q %q", arts[0].ID, arts[1].ID)
	}
}

func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, content string
		want          error
		wantLine      int
	}{
		{"empty.txt", "  \n\n", ErrEmpty, 0},
		{"bin.txt", "abc\x00def", ErrControlChar, 1},
		{"nul2.txt", "Title\nabc\x00def", ErrControlChar, 2},
		{"utf8.txt", "good line\nbad \xff here\n", ErrInvalidUTF8, 2},
		{"big.txt", strings.Repeat("word ", 300), ErrTooLarge, 0},
		{"x.pdf", "%PDF", ErrUnsupported, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := write(t, dir, tt.name, tt.content)
			arts, errs := collect(t, Options{MaxArticleBytes: 1000}, p)
			if len(arts) != 0 || len(errs) != 1 {
				t.Fatalf("arts=%d errs=%v", len(arts), errs)
			}
			if !errors.Is(errs[0], tt.want) || errs[0].Line != tt.wantLine || errs[0].File != p {
				t.Errorf("got %v (line %d), want %v line %d", errs[0], errs[0].Line, tt.want, tt.wantLine)
			}
		})
	}
}

func TestJSONL(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "a.jsonl", `{"id":"a1","title":"T","text":"Hello world.","url":"http://x","published":"2022-01-10","lang":"en","author":"Ann","tags":["x"]}
{"id": 42, "text": "Numeric id."}

{"text": "no id, gets a hash"}
{"id":"bad", "text": 
{"id":"empty","text":""}
{"id":"notstr","text":5}
{"id":"last","text":"still read after errors"}
`)
	arts, errs := collect(t, Options{}, p)
	if len(arts) != 4 {
		t.Fatalf("got %d articles, want 4 (errs %v)", len(arts), errs)
	}
	if a := arts[0]; a.ID != "a1" || a.Props["author"] != "Ann" || a.Props["tags"] != `["x"]` || a.Published != "2022-01-10" || a.Source != p+":1" {
		t.Errorf("first: %+v", a)
	}
	if arts[1].ID != "42" || len(arts[2].ID) != 16 || arts[3].ID != "last" {
		t.Errorf("ids: %q %q %q", arts[1].ID, arts[2].ID, arts[3].ID)
	}
	wantLines := []int{5, 6, 7}
	if len(errs) != 3 {
		t.Fatalf("errs: %v", errs)
	}
	for i, e := range errs {
		if e.Line != wantLines[i] {
			t.Errorf("err %d at line %d, want %d: %v", i, e.Line, wantLines[i], e)
		}
	}
	if !errors.Is(errs[0], ErrMalformed) || !errors.Is(errs[1], ErrEmpty) || !errors.Is(errs[2], ErrMalformed) {
		t.Errorf("kinds: %v", errs)
	}
}

func TestCSV(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "a.csv", "doc_id,headline,body,section\n1,First,\"Text one, with comma.\",world\n2,Second,,x\n3,Third,\"Multi\nline\",y\n")
	opts := Options{Fields: FieldNames{ID: "doc_id", Title: "headline", Text: "body"}}
	arts, errs := collect(t, opts, p)
	if len(arts) != 2 || len(errs) != 1 {
		t.Fatalf("arts=%d errs=%v", len(arts), errs)
	}
	if arts[0].ID != "1" || arts[0].Title != "First" || arts[0].Text != "Text one, with comma." || arts[0].Props["section"] != "world" {
		t.Errorf("first: %+v", arts[0])
	}
	if errs[0].Line != 3 || !errors.Is(errs[0], ErrEmpty) {
		t.Errorf("err: %v line %d", errs[0], errs[0].Line)
	}
	if arts[1].Text != "Multi\nline" || arts[1].Source != p+":4" {
		t.Errorf("second: %+v", arts[1])
	}
	// Missing text column.
	q := write(t, dir, "b.csv", "a,b\n1,2\n")
	_, errs = collect(t, Options{}, q)
	if len(errs) != 1 || errs[0].Line != 1 {
		t.Errorf("missing column: %v", errs)
	}
}

func TestDirectoryWalk(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "b/2.txt", "Two\nBody two.")
	write(t, dir, "a/1.txt", "One\nBody one.")
	write(t, dir, "a/skip.md", "# not an article")
	write(t, dir, ".hidden/3.txt", "Three\nBody.")
	write(t, dir, "a/1.gold.json", `{"entities": [], "relations": []}`) // kg eval's, beside its article
	arts, errs := collect(t, Options{}, dir)
	if len(errs) != 0 || len(arts) != 2 || arts[0].Title != "One" || arts[1].Title != "Two" {
		t.Fatalf("arts=%v errs=%v", arts, errs)
	}
}

func TestCancel(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.txt", "x\ny")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := Walk(ctx, []string{dir}, Options{}, func(Item) error { return nil })
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v", err)
	}
}

// checkItem fails on an article without id or text or with a disallowed
// character in any field, and on an error without a line that should have
// one.
func checkItem(t *testing.T, it Item) {
	t.Helper()
	if a := it.Article; a != nil {
		if a.ID == "" || strings.TrimSpace(a.Text) == "" {
			t.Fatalf("article without id or text: %+v", a)
		}
		vals := []string{a.ID, a.Title, a.Text, a.URL, a.Published, a.Lang}
		for k, v := range a.Props {
			vals = append(vals, k, v)
		}
		for _, v := range vals {
			if _, err := checkString(v); err != nil {
				t.Fatalf("article with %v: %+v", err, a)
			}
		}
		return
	}
	if it.Err.Line < 1 && !errors.Is(it.Err, ErrNoArticles) && !errors.Is(it.Err, ErrEmpty) {
		t.Fatalf("error without line: %v", it.Err)
	}
}

func FuzzJSONL(f *testing.F) {
	f.Add([]byte(`{"id":"a","text":"x"}` + "\n"))
	f.Add([]byte("{\"text\":\"\xff\"}\n{}\n"))
	f.Add([]byte(`{"id":1e999,"text":"y","z":null}`))
	f.Add([]byte(`{"id":"a\u0000","text":"x\u001f","k\u0000":"\u007f","p":{"q":"\u0000"}}` + "\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		p := filepath.Join(dir, "f.jsonl")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		err := Walk(context.Background(), []string{p}, Options{MaxArticleBytes: 4096}, func(it Item) error {
			checkItem(t, it)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}

// FuzzCSV: the CSV reader never panics or stops early, and on a file that
// encoding/csv reads without error it reads the same records: each row is
// either an article with the row's text or one error.
func FuzzCSV(f *testing.F) {
	f.Add([]byte("id,title,text\n1,T,\"Text, with comma.\"\n2,,\"Multi\nline\"\n"))
	f.Add([]byte("id,text\n1,He said \"hi\n2,\"never closed\n3,ok\n"))
	f.Add([]byte("id,text\n1,\"a \"\"quoted\"\" word\"\r\n\r\n2,\"x\"y\n3,\"z\n"))
	f.Add([]byte("\uFEFFtext,n\n\"a\x00b\",\x01\n,\n\r\n"))
	f.Add([]byte("text\r\n\"a\r\nb\"\r\n\r\r\n\n\r"))
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		p := filepath.Join(dir, "f.csv")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		lines := 1 + bytes.Count(data, []byte("\n"))
		var items []Item
		err := Walk(context.Background(), []string{p}, Options{MaxArticleBytes: 4096}, func(it Item) error {
			checkItem(t, it)
			if it.Err != nil && it.Err.Line > lines {
				t.Fatalf("error on line %d of %d: %v", it.Err.Line, lines, it.Err)
			}
			items = append(items, it)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		// differential: what encoding/csv reads whole
		cr := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF"))))
		cr.FieldsPerRecord = -1
		recs, err := cr.ReadAll()
		if err != nil || len(recs) < 1 || len(data) > 4096 {
			return
		}
		textCol := -1
		for i, h := range recs[0] {
			if strings.TrimSpace(h) == "text" {
				textCol = i
			}
		}
		if textCol < 0 {
			return
		}
		if _, err := checkFields(csvFields{rec: recs[0], lines: make([]int, len(recs[0]))}, nil); err != nil {
			return // a bad header
		}
		rows := recs[1:]
		if len(rows) == 0 {
			if len(items) != 1 || !errors.Is(items[0].Err, ErrNoArticles) {
				t.Fatalf("no rows, items %v", items)
			}
			return
		}
		if len(items) != len(rows) {
			t.Fatalf("%d rows, %d items", len(rows), len(items))
		}
		for i, it := range items {
			if it.Err != nil {
				if errors.Is(it.Err, ErrMalformed) {
					t.Fatalf("row %d: %v", i, it.Err)
				}
				continue
			}
			if textCol >= len(rows[i]) || it.Article.Text != scrub(rows[i][textCol]) { // control characters become spaces
				t.Fatalf("row %d: text %q, want %q", i, it.Article.Text, rows[i])
			}
		}
	})
}

// TestCSVBadQuote: a row with a bad quote is reported with its file and
// line and the lines skipped, and every good row after it is still read.
func TestCSVBadQuote(t *testing.T) {
	const head = "id,title,text,section\n"
	tests := []struct {
		name, body string
		wantIDs    []string
		wantLine   int
		wantMsg    string // the error ends with it
	}{
		{"bare quote", "1,T,One.,a\n2,T,He said \"hi,b\n3,T,\"Three, with comma.\",c\n4,T,Four.,d\n",
			[]string{"1", "3", "4"}, 3, "skipped line 3"},
		{"unterminated quote", "1,T,One.,a\n2,T,\"Two never closes,b\n3,T,Three.,c\n4,T,\"Four.\",d\n",
			[]string{"1", "3", "4"}, 3, "skipped line 3"},
		{"quote after closing quote", "1,T,\"He said \"hi\" there\",a\n2,T,Two.,b\n",
			[]string{"2"}, 2, "skipped line 2"},
		{"bad quote in a multi-line field", "1,T,\"Para one.\nPara \"two\" here,\nPara three.\",a\n2,T,Two.,b\n",
			[]string{"2"}, 2, "skipped lines 2-4"},
		{"bad last row", "1,T,One.,a\n2,T,\"Two.\"x,b\n",
			[]string{"1"}, 3, "skipped line 3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := write(t, t.TempDir(), "a.csv", head+tt.body)
			arts, errs := collect(t, Options{}, p)
			var ids []string
			for _, a := range arts {
				ids = append(ids, a.ID)
			}
			if strings.Join(ids, " ") != strings.Join(tt.wantIDs, " ") {
				t.Errorf("ids %q, want %q", ids, tt.wantIDs)
			}
			if len(errs) != 1 {
				t.Fatalf("errs: %v", errs)
			}
			e := errs[0]
			if e.File != p || e.Line != tt.wantLine || !errors.Is(e, ErrMalformed) || !strings.HasSuffix(e.Error(), tt.wantMsg) {
				t.Errorf("error %q (line %d), want line %d and %q", e, e.Line, tt.wantLine, tt.wantMsg)
			}
		})
	}
}

// TestCSVHugeRecord: a well-formed record over the size limit is skipped
// whole, however many lines it spans; an unterminated quote that runs past
// the limit loses only its own line.
func TestCSVHugeRecord(t *testing.T) {
	big := strings.Repeat("A long line, with commas, of text.\n", 300)
	p := write(t, t.TempDir(), "a.csv", "id,text\n1,One.\n2,\""+big+"\"\n3,Three.\n4,\"never closed\n5,Five.\n"+strings.Repeat("6,Six.\n", 1000))
	arts, errs := collect(t, Options{MaxArticleBytes: 1000}, p)
	if len(arts) != 1003 || arts[0].ID != "1" || arts[1].ID != "3" || arts[2].ID != "5" {
		t.Fatalf("%d articles (errs %v)", len(arts), errs)
	}
	if len(errs) != 2 || errs[0].Line != 3 || !errors.Is(errs[0], ErrTooLarge) || !strings.HasSuffix(errs[0].Error(), "skipped lines 3-303") ||
		errs[1].Line != 305 || !errors.Is(errs[1], ErrMalformed) || !strings.HasSuffix(errs[1].Error(), "skipped line 305") {
		t.Errorf("errs: %v", errs)
	}
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("symlinks: %v", err)
	}
}

func titles(arts []*model.Article) string {
	var s []string
	for _, a := range arts {
		s = append(s, a.Title)
	}
	return strings.Join(s, " ")
}

// TestSymlinks: symlinks to folders and files are followed, given on the
// command line or met in the walk; a folder reached twice is read once.
func TestSymlinks(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "real/a.txt", "One\nBody one.")
	write(t, dir, "real/sub/b.txt", "Two\nBody two.")
	write(t, dir, "other/c.txt", "Three\nBody three.")
	symlink(t, filepath.Join(dir, "real"), filepath.Join(dir, "corpus"))
	symlink(t, filepath.Join(dir, "real/a.txt"), filepath.Join(dir, "a-link.txt"))

	t.Run("on the command line", func(t *testing.T) {
		arts, errs := collect(t, Options{}, filepath.Join(dir, "corpus"), filepath.Join(dir, "a-link.txt"))
		if len(errs) != 0 || titles(arts) != "One Two One" {
			t.Fatalf("arts %q errs %v", titles(arts), errs)
		}
	})
	t.Run("met in the walk", func(t *testing.T) {
		top := filepath.Join(dir, "top")
		if err := os.Mkdir(top, 0o755); err != nil {
			t.Fatal(err)
		}
		symlink(t, "../other", filepath.Join(top, "a-dir")) // relative target
		symlink(t, filepath.Join(dir, "real/a.txt"), filepath.Join(top, "b.txt"))
		symlink(t, filepath.Join(dir, "real"), filepath.Join(top, "c"))
		symlink(t, "../real", filepath.Join(top, "d")) // the same folder: read once
		arts, errs := collect(t, Options{}, top)
		if len(errs) != 0 || titles(arts) != "Three One One Two" {
			t.Fatalf("arts %q errs %v", titles(arts), errs)
		}
	})
}

// TestSymlinkBad: a symlink loop, a link to itself and a dangling link are
// reported with their path; everything else is read.
func TestSymlinkBad(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "c/a.txt", "One\nBody one.")
	write(t, dir, "c/sub/b.txt", "Two\nBody two.")
	symlink(t, "..", filepath.Join(dir, "c/sub/up"))
	symlink(t, "self", filepath.Join(dir, "c/self"))
	symlink(t, "missing.txt", filepath.Join(dir, "c/dangling.txt"))
	done := make(chan struct{})
	var arts []*model.Article
	var errs []*InputError
	go func() {
		defer close(done)
		arts, errs = collect(t, Options{}, filepath.Join(dir, "c"))
	}()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("the walk follows the loop")
	}
	if titles(arts) != "One Two" {
		t.Errorf("arts %q", titles(arts))
	}
	want := map[string]error{"c/dangling.txt": fs.ErrNotExist, "c/self": ErrSymlinkLoop, "c/sub/up": ErrSymlinkLoop}
	if len(errs) != len(want) {
		t.Fatalf("errs: %v", errs)
	}
	for _, e := range errs {
		rel, _ := filepath.Rel(dir, e.File)
		if w, ok := want[filepath.ToSlash(rel)]; !ok || !errors.Is(e, w) {
			t.Errorf("unexpected error %v", e)
		}
	}
}

// TestNoArticles: a path that yields no article and no other error is
// reported as such.
func TestNoArticles(t *testing.T) {
	dir := t.TempDir()
	good := write(t, dir, "good/a.txt", "One\nBody one.")
	empty := filepath.Join(dir, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, dir, "other/.hidden.txt", "Hidden\nBody.")
	write(t, dir, "other/notes.md", "# notes")
	blank := write(t, dir, "blank/a.jsonl", "\n\n")
	headOnly := write(t, dir, "h.csv", "id,text\n")
	tests := []struct {
		paths   []string
		arts    int
		errFile string
		errMsg  string
	}{
		{[]string{empty}, 0, empty, "no articles found: no file of a type kg reads in it (.txt, .jsonl"},
		{[]string{filepath.Join(dir, "other")}, 0, filepath.Join(dir, "other"), "(names starting with \".\" are skipped)"},
		{[]string{filepath.Join(dir, "blank")}, 0, filepath.Join(dir, "blank"), "no articles found in its 1 file(s) of a type kg reads"},
		{[]string{blank}, 0, blank, "no articles found"},
		{[]string{headOnly}, 0, headOnly, "no articles found"},
		{[]string{good, empty}, 1, empty, "no articles found"},
		{[]string{filepath.Join(dir, "good"), filepath.Join(dir, "good")}, 1, "", ""}, // the second is the same folder
	}
	for _, tt := range tests {
		arts, errs := collect(t, Options{}, tt.paths...)
		if len(arts) != tt.arts {
			t.Errorf("%v: %d articles, want %d", tt.paths, len(arts), tt.arts)
		}
		if tt.errFile == "" {
			if len(errs) != 0 {
				t.Errorf("%v: errs %v", tt.paths, errs)
			}
			continue
		}
		if len(errs) != 1 || errs[0].File != tt.errFile || !errors.Is(errs[0], ErrNoArticles) || !strings.Contains(errs[0].Error(), tt.errMsg) {
			t.Errorf("%v: errs %v, want one on %s with %q", tt.paths, errs, tt.errFile, tt.errMsg)
		}
	}
}

// TestCancelPromptly: once the context is cancelled, the walk returns
// context.Canceled without reading another item, from any reader.
func TestCancelPromptly(t *testing.T) {
	dir := t.TempDir()
	for i := range 500 {
		write(t, dir, fmt.Sprintf("tree/%03d/a.txt", i), "Title\nSome text.")
	}
	var jl, cv strings.Builder
	cv.WriteString("id,text\n1,\"bad\"x\n") // the resync then scans many lines
	for i := range 20000 {
		fmt.Fprintf(&jl, "{\"id\":\"%d\",\"text\":\"Some text.\"}\n", i)
		fmt.Fprintf(&cv, "%d,Some text.,extra field\n", i)
	}
	cv.WriteString("last,Some text.\n")
	write(t, dir, "big.jsonl", jl.String())
	write(t, dir, "big.csv", cv.String())
	arr := "[" + strings.ReplaceAll(strings.TrimSuffix(jl.String(), "\n"), "\n", ",\n") + "]"
	write(t, dir, "big.json", arr)
	write(t, dir, "big.zip", string(zipBytes(t, member{"a.json", arr}, member{"b.jsonl", jl.String()})))
	write(t, dir, "big.jsonl.gz", string(gzBytes(t, []byte(jl.String()))))
	for _, p := range []string{"tree", "big.jsonl", "big.csv", "big.json", "big.zip", "big.jsonl.gz"} {
		t.Run(p, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			n, after := 0, 0
			err := Walk(ctx, []string{filepath.Join(dir, p)}, Options{}, func(Item) error {
				if ctx.Err() != nil {
					after++
				}
				n++
				cancel()
				return nil
			})
			if !errors.Is(err, context.Canceled) || n != 1 || after != 0 {
				t.Errorf("err %v, %d items, %d after the cancel", err, n, after)
			}
		})
	}
}

// TestControlChars: NUL is bad input whether it comes raw or escaped
// (JSON's \u0000), in any field and in every format; the other control
// characters that are not white space become a space, raw or escaped, in
// every field, one code point for one; tab, newline, vertical tab, form
// feed and carriage return are text.
func TestControlChars(t *testing.T) {
	dir := t.TempDir()
	jl := write(t, dir, "a.jsonl", `{"id":"ok","text":"tab\tnl\ncr\r\u000bvt\fff \u0085 fine"}
{"id":"a","text":"x\u0000y"}
{"id":"b\u0000","text":"ok"}
{"id":"c","text":"ok","title":"t\u001b[1m"}
{"id":"d","text":"ok","k\u0000":"v"}
{"id":"e","text":"sub\u001a and raw `+"\x1a\x01"+` here","p":"v\u007f"}
{"id":"f","text":"raw \u0000 `+"\x00"+`"}
{"id":"g","text":"ok","p":{"q":"\u0000"}}
`)
	arts, errs := collect(t, Options{}, jl)
	if len(arts) != 4 || arts[0].ID != "ok" || arts[0].Text != "tab\tnl\ncr\r\vvt\fff \u0085 fine" ||
		arts[1].Title != "t [1m" || arts[2].Text != "sub  and raw    here" || arts[2].Props["p"] != "v " ||
		arts[3].Props["p"] != `{"q":"\u0000"}` {
		for _, a := range arts {
			t.Errorf("article %+v", *a)
		}
	}
	wantLines := []int{2, 3, 5, 7}
	if len(errs) != len(wantLines) {
		t.Fatalf("errs %v", errs)
	}
	for i, e := range errs {
		if e.Line != wantLines[i] || !errors.Is(e, ErrControlChar) {
			t.Errorf("err %v, want ErrControlChar on line %d", e, wantLines[i])
		}
	}

	cv := write(t, dir, "a.csv", "id,text,note\nok,\"tab\tff\f\",n\n1,\"two\nli\x00nes\",n\n2\x00,text,n\n3,te\x1axt,\x01\n")
	arts, errs = collect(t, Options{}, cv)
	if len(arts) != 2 || arts[0].ID != "ok" || arts[1].ID != "3" || arts[1].Text != "te xt" || arts[1].Props["note"] != " " {
		t.Errorf("arts %+v", arts)
	}
	if len(errs) != 2 || errs[0].Line != 4 || errs[1].Line != 5 ||
		!errors.Is(errs[0], ErrControlChar) || !errors.Is(errs[1], ErrControlChar) ||
		!strings.Contains(errs[0].Error(), `column "text"`) {
		t.Errorf("errs %v", errs)
	}
}
