package corpus

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
		{"bin.txt", "abc\x00def", ErrBinary, 1},
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
	opts := Options{CSV: ColumnNames{ID: "doc_id", Title: "headline", Text: "body"}}
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

func FuzzJSONL(f *testing.F) {
	f.Add([]byte(`{"id":"a","text":"x"}` + "\n"))
	f.Add([]byte("{\"text\":\"\xff\"}\n{}\n"))
	f.Add([]byte(`{"id":1e999,"text":"y","z":null}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		p := filepath.Join(dir, "f.jsonl")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		err := Walk(context.Background(), []string{p}, Options{MaxArticleBytes: 4096}, func(it Item) error {
			if it.Article != nil && (it.Article.ID == "" || strings.TrimSpace(it.Article.Text) == "") {
				t.Fatalf("article without id or text: %+v", it.Article)
			}
			if it.Err != nil && it.Err.Line < 1 {
				t.Fatalf("error without line: %v", it.Err)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
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
