package corpus

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kg-project/kg/internal/model"
)

// DefaultMaxArticleBytes is the largest article accepted by default.
const DefaultMaxArticleBytes = 8 << 20

// Options tunes the readers. The zero value is usable.
type Options struct {
	// CSV column names; empty fields take the defaults (id, title, text,
	// url, published, lang).
	CSV ColumnNames
	// MaxArticleBytes bounds one article's text (0 = DefaultMaxArticleBytes).
	MaxArticleBytes int
}

// ColumnNames maps article fields to CSV header names.
type ColumnNames struct {
	ID, Title, Text, URL, Published, Lang string
}

// InputError is one bad input item: a file or one line of it.
type InputError struct {
	File string
	Line int // 0 when the error concerns the whole file
	Err  error
}

func (e *InputError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.File, e.Err)
}

func (e *InputError) Unwrap() error { return e.Err }

// Sentinel causes of InputError.
var (
	ErrEmpty       = errors.New("empty article")
	ErrControlChar = errors.New("disallowed control character")
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	ErrTooLarge    = errors.New("article too large")
	ErrMalformed   = errors.New("malformed record")
	ErrUnsupported = errors.New("unsupported file type (want .txt, .jsonl, .csv)")
	ErrNotRegular  = errors.New("not a regular file")
	ErrSymlinkLoop = errors.New("symlink loop")
	ErrNoArticles  = errors.New("no articles found")
)

// Item is what the walk hands to its callback: an article, or the error of
// one bad input item (Article is then nil).
type Item struct {
	Article *model.Article
	Err     *InputError
}

// Supported reports whether a file name has an extension kg reads.
func Supported(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".jsonl", ".csv":
		return true
	}
	return false
}

func (o Options) withDefaults() Options {
	d := func(s *string, v string) {
		if *s == "" {
			*s = v
		}
	}
	d(&o.CSV.ID, "id")
	d(&o.CSV.Title, "title")
	d(&o.CSV.Text, "text")
	d(&o.CSV.URL, "url")
	d(&o.CSV.Published, "published")
	d(&o.CSV.Lang, "lang")
	if o.MaxArticleBytes <= 0 {
		o.MaxArticleBytes = DefaultMaxArticleBytes
	}
	return o
}

type reader struct {
	opts  Options
	fn    func(Item) error
	items int // articles and bad items handed to fn
	files int // files with a supported extension opened or tried
}

func (r *reader) bad(file string, line int, err error) error {
	r.items++
	return r.fn(Item{Err: &InputError{File: file, Line: line, Err: err}})
}

func (r *reader) emit(a *model.Article) error {
	r.items++
	return r.fn(Item{Article: a})
}

// file reads one file; explicit is true when it was named in Walk's paths.
func (r *reader) file(ctx context.Context, path string, explicit bool) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if !Supported(path) {
		if explicit {
			return r.bad(path, 0, ErrUnsupported)
		}
		return nil
	}
	r.files++
	f, err := openRegular(path)
	if err != nil {
		return r.bad(path, 0, err)
	}
	defer f.Close()
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt":
		return r.txt(path, f)
	case ".jsonl":
		return r.jsonl(ctx, path, f)
	}
	return r.csv(ctx, path, f)
}

// Text (every field of an article) may hold any Unicode character but NUL
// (U+0000), which marks binary input and would break the keys staging
// builds from ids: an item holding one, raw or escaped (JSON's "\u0000"),
// is bad input. The other control characters that are not white space —
// U+0001-U+0008, U+000E-U+001F and U+007F, such as the stray U+001A
// (Ctrl-Z) that 85 of 27,499 SaudiNewsNet articles carry — are replaced by
// a space, raw or escaped, in every field (see scrub): one code point for
// one, so offsets into the text stay those of the input. The C1 controls
// (U+0080-U+009F), common in mis-decoded Windows-1252 text, are kept.
func disallowed(c byte) bool { return c < 0x20 && (c < '\t' || c > '\r') || c == 0x7f }

// checkString finds the first NUL or invalid UTF-8 in s; i is its byte
// offset.
func checkString(s string) (i int, err error) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == 0 {
				return i, fmt.Errorf("%w U+0000 (NUL)", ErrControlChar)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return i, ErrInvalidUTF8
		}
		i += n
	}
	return -1, nil
}

// blankText reports whether s holds nothing but white space once scrubbed.
func blankText(s string) bool { return strings.TrimSpace(scrub(s)) == "" }

// scrub replaces every disallowed control character but NUL (which
// checkString refuses) by a space.
func scrub(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != 0 && disallowed(c) {
			return strings.Map(func(r rune) rune {
				if r < utf8.RuneSelf && r != 0 && disallowed(byte(r)) {
					return ' '
				}
				return r
			}, s)
		}
	}
	return s
}

func (r *reader) txt(path string, f *os.File) error {
	b, err := io.ReadAll(io.LimitReader(f, int64(r.opts.MaxArticleBytes)+1))
	if err != nil {
		return r.bad(path, 0, err)
	}
	if len(b) > r.opts.MaxArticleBytes {
		return r.bad(path, 0, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, r.opts.MaxArticleBytes))
	}
	s := string(b)
	if i, err := checkString(s); err != nil {
		return r.bad(path, 1+strings.Count(s[:i], "\n"), fmt.Errorf("%w at byte %d", err, i))
	}
	s = strings.TrimPrefix(s, "\uFEFF")
	title, text := splitTitle(strings.ReplaceAll(s, "\r\n", "\n"))
	if blankText(text) {
		return r.bad(path, 0, ErrEmpty)
	}
	a := &model.Article{Title: title, Text: text, Source: path}
	finish(a)
	return r.emit(a)
}

// splitTitle takes the first line as the title when it looks like a
// headline: more lines follow, it is short, and it does not end like a
// sentence.
func splitTitle(s string) (title, text string) {
	s = strings.TrimLeft(s, "\n")
	i := strings.IndexByte(s, '\n')
	if i < 0 {
		return "", s
	}
	first := strings.TrimSpace(s[:i])
	rest := strings.TrimLeft(s[i+1:], "\n")
	if first == "" || strings.TrimSpace(rest) == "" {
		return "", s
	}
	if len(strings.Fields(first)) > 30 || strings.ContainsAny(lastRune(first), ".:؛;") {
		return "", s
	}
	return first, rest
}

func lastRune(s string) string {
	r, _ := utf8.DecodeLastRuneInString(s)
	return string(r)
}

var knownJSON = map[string]bool{"id": true, "title": true, "text": true, "url": true, "published": true, "lang": true}

func (r *reader) jsonl(ctx context.Context, path string, f *os.File) error {
	br := bufio.NewReaderSize(f, 64<<10)
	limit := r.opts.MaxArticleBytes*2 + 4096
	for line := 1; ; line++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		b, tooLong, rerr := readLine(br, limit)
		if rerr != nil && rerr != io.EOF {
			return r.bad(path, line, fmt.Errorf("%w; rest of the file skipped", rerr))
		}
		if tooLong {
			if err := r.bad(path, line, fmt.Errorf("%w: line longer than %d bytes", ErrTooLarge, limit)); err != nil {
				return err
			}
		} else if len(bytes.TrimSpace(b)) > 0 {
			if err := r.jsonRecord(path, line, b); err != nil {
				return err
			}
		}
		if rerr == io.EOF {
			return nil
		}
	}
}

// readLine reads one line without its newline; lines longer than limit are
// consumed and reported as tooLong.
func readLine(br *bufio.Reader, limit int) (line []byte, tooLong bool, err error) {
	var buf []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if len(buf)+len(chunk) > limit {
			tooLong = true
		} else {
			buf = append(buf, chunk...)
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if tooLong {
			buf = nil
		}
		return bytes.TrimRight(buf, "\r\n"), tooLong, err
	}
}

func (r *reader) jsonRecord(path string, line int, b []byte) error {
	if i, err := checkString(string(b)); err != nil {
		return r.bad(path, line, fmt.Errorf("%w at byte %d of the line", err, i))
	}
	// a raw control character is a space, as an escaped one is (scrub);
	// JSON allows neither inside a string
	b = []byte(scrub(string(b)))
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		return r.bad(path, line, fmt.Errorf("%w: %v", ErrMalformed, err))
	}
	a := &model.Article{Source: fmt.Sprintf("%s:%d", path, line)}
	str := func(k string) (string, error) {
		raw, ok := m[k]
		if !ok || string(raw) == "null" {
			return "", nil
		}
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			if k == "id" { // numeric ids are fine
				var n json.Number
				if json.Unmarshal(raw, &n) == nil {
					return n.String(), nil
				}
			}
			return "", fmt.Errorf("%w: field %q is not a string", ErrMalformed, k)
		}
		return s, nil
	}
	var err error
	fields := []struct {
		k string
		p *string
	}{{"id", &a.ID}, {"title", &a.Title}, {"text", &a.Text}, {"url", &a.URL}, {"published", &a.Published}, {"lang", &a.Lang}}
	for _, f := range fields {
		if *f.p, err = str(f.k); err != nil {
			return r.bad(path, line, err)
		}
	}
	for k, raw := range m {
		if knownJSON[k] {
			continue
		}
		if a.Props == nil {
			a.Props = map[string]string{}
		}
		var s string
		if json.Unmarshal(raw, &s) == nil {
			a.Props[k] = s
		} else {
			a.Props[k] = string(raw)
		}
	}
	// escapes such as "\u0000" are decoded now: check the values again
	for _, f := range fields {
		if _, err := checkString(*f.p); err != nil {
			return r.bad(path, line, fmt.Errorf("%w in %q", err, f.k))
		}
	}
	for k, v := range a.Props {
		if _, err := checkString(k); err != nil {
			return r.bad(path, line, fmt.Errorf("%w in a field name", err))
		}
		if _, err := checkString(v); err != nil {
			return r.bad(path, line, fmt.Errorf("%w in %q", err, k))
		}
	}
	if len(a.Text) > r.opts.MaxArticleBytes {
		return r.bad(path, line, fmt.Errorf("%w: %d bytes > limit %d", ErrTooLarge, len(a.Text), r.opts.MaxArticleBytes))
	}
	if blankText(a.Text) {
		return r.bad(path, line, fmt.Errorf("%w: no \"text\"", ErrEmpty))
	}
	finish(a)
	return r.emit(a)
}

// finish fills the derived fields: stable id, language, trimmed values.
func finish(a *model.Article) {
	a.ID, a.Title, a.Text, a.URL, a.Published, a.Lang = scrub(a.ID), scrub(a.Title), scrub(a.Text), scrub(a.URL), scrub(a.Published), scrub(a.Lang)
	for k, v := range a.Props {
		if sk, sv := scrub(k), scrub(v); sk != k || sv != v {
			delete(a.Props, k)
			a.Props[sk] = sv
		}
	}
	a.ID = strings.TrimSpace(a.ID)
	a.Title = strings.TrimSpace(a.Title)
	a.Published = strings.TrimSpace(a.Published)
	if a.ID == "" {
		a.ID = ContentID(a.Title, a.Text)
	}
	if a.Lang == "" {
		a.Lang = DetectLang(a.Title + " " + a.Text)
	}
}

// ContentID is the id of an article that has none: a hash of its content.
func ContentID(title, text string) string {
	h := sha256.Sum256([]byte(title + "\x00" + text))
	return hex.EncodeToString(h[:8])
}

// ContentHash is the hash of everything in an article that the extraction
// depends on; staging keys extractions by it.
func ContentHash(a *model.Article) string {
	h := sha256.New()
	for _, s := range []string{a.ID, a.Title, a.Text, a.Published, a.Lang, a.URL} {
		fmt.Fprintf(h, "%d:%s;", len(s), s)
	}
	keys := make([]string, 0, len(a.Props))
	for k := range a.Props {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(h, "%d:%s=%d:%s;", len(k), k, len(a.Props[k]), a.Props[k])
	}
	return hex.EncodeToString(h.Sum(nil))
}

// DetectLang tells Arabic ("ar") from other text ("en") by the share of
// Arabic letters among all letters.
func DetectLang(s string) string {
	ar, letters := 0, 0
	for i, r := range s {
		if i > 20000 {
			break
		}
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		if unicode.Is(unicode.Arabic, r) {
			ar++
		}
	}
	if letters > 0 && ar*10 >= letters*3 {
		return "ar"
	}
	return "en"
}
