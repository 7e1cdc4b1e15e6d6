package corpus

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"errors"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/kg-project/kg/internal/model"
)

// member is one file of a test archive.
type member struct{ name, content string }

// the same articles in every format
var (
	mJSON  = member{"day/2015-07-21.json", "[\n {\"title\": \"J1\", \"content\": \"Json one.\"},\n {\"title\": \"J2\", \"content\": \"Json two.\"}\n]\n"}
	mJSONL = member{"b.jsonl", "{\"title\": \"L1\", \"text\": \"Line one.\"}\n{\"title\": \"L2\", \"text\": \"Line two.\"}\n"}
	mCSV   = member{"c.csv", "title,body\nC1,Csv one.\nC2,\"Csv two, quoted.\"\n"}
	mTxt   = member{"d/e/t.txt", "T1\nText one."}
)

func zipBytes(t *testing.T, ms ...member) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, m := range ms {
		w, err := zw.Create(m.name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(m.content))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func gzBytes(t *testing.T, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func tarBytes(t *testing.T, ms ...member) []byte {
	t.Helper()
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	for _, m := range ms {
		h := &tar.Header{Name: m.name, Mode: 0o644, Size: int64(len(m.content)), ModTime: time.Unix(0, 0), Typeflag: tar.TypeReg}
		if err := tw.WriteHeader(h); err != nil {
			t.Fatal(err)
		}
		tw.Write([]byte(m.content))
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// sources lists "SOURCE TITLE" of each article, the directory cut off.
func sources(dir string, arts []*model.Article) string {
	var s []string
	for _, a := range arts {
		s = append(s, strings.TrimPrefix(a.Source, dir+string(filepath.Separator))+" "+a.Title)
	}
	return strings.Join(s, "|")
}

// TestContainers: archives are read member by member, each by its own
// extension; names and Sources say ARCHIVE!MEMBER.
func TestContainers(t *testing.T) {
	all := []member{mJSON, mJSONL, mCSV, mTxt,
		{"notes.md", "# skipped"}, {".hidden.json", "[{\"text\": \"hidden\"}]"}, {"__x/._a.json", "junk"}, {"in.zip", "PK junk"}}
	allZip := "a.zip!b.jsonl:1 L1|a.zip!b.jsonl:2 L2|a.zip!c.csv:2 C1|a.zip!c.csv:3 C2|a.zip!d/e/t.txt T1|a.zip!day/2015-07-21.json:2 J1|a.zip!day/2015-07-21.json:3 J2"
	tests := []struct {
		name string
		data func(t *testing.T) []byte
		want string
	}{
		{"a.zip", func(t *testing.T) []byte { return zipBytes(t, all...) }, allZip},
		{"a.zip", func(t *testing.T) []byte { // members of a zip in name order, gzipped members too
			return zipBytes(t, mTxt, member{"g/x.jsonl.gz", string(gzBytes(t, []byte(mJSONL.content)))})
		}, "a.zip!d/e/t.txt T1|a.zip!g/x.jsonl.gz:1 L1|a.zip!g/x.jsonl.gz:2 L2"},
		{"a.tar.gz", func(t *testing.T) []byte { return gzBytes(t, tarBytes(t, all...)) },
			"a.tar.gz!day/2015-07-21.json:2 J1|a.tar.gz!day/2015-07-21.json:3 J2|a.tar.gz!b.jsonl:1 L1|a.tar.gz!b.jsonl:2 L2|a.tar.gz!c.csv:2 C1|a.tar.gz!c.csv:3 C2|a.tar.gz!d/e/t.txt T1"},
		{"a.tgz", func(t *testing.T) []byte { return gzBytes(t, tarBytes(t, member{"./x/" + mCSV.name, mCSV.content})) },
			"a.tgz!./x/c.csv:2 C1|a.tgz!./x/c.csv:3 C2"},
		{"a.tar", func(t *testing.T) []byte { return tarBytes(t, mTxt) }, "a.tar!d/e/t.txt T1"},
		{"x.json.gz", func(t *testing.T) []byte { return gzBytes(t, []byte(mJSON.content)) }, "x.json.gz:2 J1|x.json.gz:3 J2"},
		{"x.jsonl.gz", func(t *testing.T) []byte { return gzBytes(t, []byte(mJSONL.content)) }, "x.jsonl.gz:1 L1|x.jsonl.gz:2 L2"},
		{"x.csv.gz", func(t *testing.T) []byte { return gzBytes(t, []byte(mCSV.content)) }, "x.csv.gz:2 C1|x.csv.gz:3 C2"},
		{"x.TXT.GZ", func(t *testing.T) []byte { return gzBytes(t, []byte(mTxt.content)) }, "x.TXT.GZ T1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			write(t, dir, tt.name, string(tt.data(t)))
			arts, errs := collect(t, Options{}, filepath.Join(dir, tt.name))
			if len(errs) != 0 {
				t.Fatalf("errs %v", errs)
			}
			if got := sources(dir, arts); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// TestContainersInWalk: archives in a directory are read with its files;
// other .gz files are skipped as other files are.
func TestContainersInWalk(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.zip", string(zipBytes(t, mTxt)))
	write(t, dir, "b.txt.gz", string(gzBytes(t, []byte("B\nBody."))))
	write(t, dir, "c.pdf.gz", string(gzBytes(t, []byte("%PDF"))))
	write(t, dir, "d.txt", "D\nBody.")
	arts, errs := collect(t, Options{}, dir)
	if len(errs) != 0 || sources(dir, arts) != "a.zip!d/e/t.txt T1|b.txt.gz B|d.txt D" {
		t.Errorf("arts %s errs %v", sources(dir, arts), errs)
	}
	for _, name := range []string{"a.zip", "x.JSON", "x.json.gz", "x.tgz", "x.tar.gz", "x.tar"} {
		if !Supported(name) {
			t.Errorf("%s not supported", name)
		}
	}
	for _, name := range []string{"x.gz", "x.pdf.gz", "x.md", "x.zip.gz"} {
		if Supported(name) {
			t.Errorf("%s supported", name)
		}
	}
	_, errs = collect(t, Options{}, write(t, dir, "e.pdf.gz", "x"))
	if len(errs) != 1 || !errors.Is(errs[0], ErrUnsupported) || !strings.Contains(errs[0].Error(), ".zip") {
		t.Errorf("errs %v", errs)
	}
}

// TestContainersBad: a corrupt archive, member or compressed stream is one
// error naming it, and reading goes on with the next member and file.
func TestContainersBad(t *testing.T) {
	good := zipBytes(t, mTxt)
	gz := gzBytes(t, []byte(mJSONL.content+strings.Repeat("{\"text\": \"more\"}\n", 200)))
	// a zip whose member b.txt has its compressed data damaged
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, m := range []member{{"a.txt", "A\nFirst."}, {"b.txt", strings.Repeat("Second member text. ", 200)}, {"c.txt", "C\nThird."}} {
		w, _ := zw.Create(m.name)
		w.Write([]byte(m.content))
	}
	zw.Close()
	damaged := buf.Bytes()
	i := bytes.Index(damaged, []byte("b.txt")) + len("b.txt") + 5
	for j := i; j < i+20; j++ {
		damaged[j] ^= 0x55
	}
	tests := []struct {
		name, content string
		want          string // titles read
		errFile       string // the file or member named by the one error
		errLine       int
	}{
		{"garbage.zip", "this is not a zip file", "", "garbage.zip", 0},
		{"truncated.zip", string(good[:len(good)-30]), "", "truncated.zip", 0},
		{"damaged.zip", string(damaged), "A C", "damaged.zip!b.txt", 0},
		{"truncated.jsonl.gz", string(gz[:len(gz)/2]), "L1", "truncated.jsonl.gz", -1},
		{"garbage.json.gz", "not gzip at all", "", "garbage.json.gz", 0},
		{"truncated.tar.gz", string(gzBytes(t, tarBytes(t, mTxt, mJSONL))[:60]), "", "truncated.tar.gz", 0},
		{"truncated.tar", string(tarBytes(t, mTxt, mJSONL)[:1100]), "T1", "truncated.tar", -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			p := write(t, dir, tt.name, tt.content)
			next := write(t, dir, "next.txt", "Next\nStill read.")
			arts, errs := collect(t, Options{}, p, next)
			if titles(arts) != strings.TrimSpace(tt.want+" Next") {
				t.Errorf("titles %q, want %q", titles(arts), tt.want+" Next")
			}
			if len(errs) != 1 {
				t.Fatalf("errs %v", errs)
			}
			e := errs[0]
			if rel, _ := filepath.Rel(dir, e.File); rel != tt.errFile || !errors.Is(e, ErrCorrupt) || (tt.errLine >= 0 && e.Line != tt.errLine) {
				t.Errorf("error %v, want ErrCorrupt on %s", e, tt.errFile)
			}
		})
	}
}

// TestCSVInContainers: a bad CSV record inside a compressed file or an
// archive is skipped as in a file: the reader goes back by opening the
// stream again.
func TestCSVInContainers(t *testing.T) {
	const csv = "id,text\n1,\"Para one.\nPara \"two\" here,\nPara three.\"\n2,Two.\n3,Three.\n"
	for _, tt := range []struct {
		name string
		data func(t *testing.T) []byte
	}{
		{"a.csv.gz", func(t *testing.T) []byte { return gzBytes(t, []byte(csv)) }},
		{"a.zip", func(t *testing.T) []byte { return zipBytes(t, member{"a.csv", csv}) }},
		{"a.tar.gz", func(t *testing.T) []byte { return gzBytes(t, tarBytes(t, mTxt, member{"a.csv", csv}, mJSONL)) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := write(t, t.TempDir(), tt.name, string(tt.data(t)))
			arts, errs := collect(t, Options{}, p)
			var ids []string
			for _, a := range arts {
				ids = append(ids, a.ID)
			}
			if !strings.Contains(strings.Join(ids, " "), "2 3") || len(errs) != 1 || errs[0].Line != 2 ||
				!errors.Is(errs[0], ErrMalformed) || !strings.HasSuffix(errs[0].Error(), "skipped lines 2-4") {
				t.Errorf("ids %q errs %v", ids, errs)
			}
		})
	}
}

// TestFieldNames: the mapping applies to every format; a field set to a
// name of its own is looked for under that name only.
func TestFieldNames(t *testing.T) {
	dir := t.TempDir()
	jl := write(t, dir, "a.jsonl", `{"text": "T", "body": "B", "content": "C"}
{"content": "C", "article": "A"}
{"headline": "H", "text": "T"}
`)
	cv := write(t, dir, "a.csv", "article,content\nA,C\n")
	arts, errs := collect(t, Options{}, jl, cv)
	if len(errs) != 0 || len(arts) != 4 || arts[0].Text != "T" || arts[0].Props["body"] != "B" || arts[0].Props["content"] != "C" ||
		arts[1].Text != "C" || arts[1].Props["article"] != "A" || arts[2].Title != "H" || arts[3].Text != "C" || arts[3].Props["article"] != "A" {
		t.Fatalf("defaults: arts %+v errs %v", arts, errs)
	}
	arts, errs = collect(t, Options{Fields: FieldNames{Text: "body", Title: "text"}}, jl, cv)
	if len(arts) != 1 || arts[0].Text != "B" || arts[0].Title != "T" || arts[0].Props["content"] != "C" {
		t.Errorf("explicit: arts %+v", arts)
	}
	if len(errs) != 3 || !errors.Is(errs[0], ErrEmpty) || errs[0].Line != 2 || !strings.Contains(errs[0].Error(), `no "body"`) ||
		!errors.Is(errs[2], ErrMalformed) || !strings.Contains(errs[2].Error(), `no "body" column`) {
		t.Errorf("explicit: errs %v", errs)
	}
	// set to its default name: the alternatives still apply
	arts, _ = collect(t, Options{Fields: FieldNames{Text: "text"}}, cv)
	if len(arts) != 1 || arts[0].Text != "C" {
		t.Errorf("text: text: arts %+v", arts)
	}
}

// TestDecompressionBomb: 16 MB that compress to almost nothing cost one
// error, not memory: a line, record or JSON value is never held past the
// limit, and a text file is read up to its limit only.
func TestDecompressionBomb(t *testing.T) {
	huge := bytes.Repeat([]byte("x"), 16<<20)
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"a.jsonl.gz", gzBytes(t, huge), ErrTooLarge},
		{"a.json.gz", gzBytes(t, append([]byte(`[{"text": "`), huge...)), ErrTooLarge},
		{"a.txt.gz", gzBytes(t, huge), ErrTooLarge},
		{"a.csv.gz", gzBytes(t, append([]byte("text\n"), huge...)), ErrTooLarge},
		{"a.zip", zipBytes(t, member{"a.jsonl", string(huge)}), ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := write(t, t.TempDir(), tt.name, string(tt.data))
			var ms runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&ms)
			before := ms.TotalAlloc
			arts, errs := collect(t, Options{MaxArticleBytes: 1000}, p)
			runtime.ReadMemStats(&ms)
			if len(arts) != 0 || len(errs) != 1 || !errors.Is(errs[0], tt.want) {
				t.Fatalf("arts %d errs %v", len(arts), errs)
			}
			// allocations, not only the live heap: nothing of the 16 MB is kept
			if alloc := ms.TotalAlloc - before; alloc > 4<<20 {
				t.Errorf("allocated %d bytes", alloc)
			}
		})
	}
}
