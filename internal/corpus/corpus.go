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
	// Fields names the record keys (JSON, JSON Lines) and CSV columns that
	// hold the article fields; empty names take the defaults (id, title,
	// text, url, published, lang, each with its Alternatives).
	Fields FieldNames
	// MaxArticleBytes bounds one article's text (0 = DefaultMaxArticleBytes).
	// A JSON Lines line, a CSV record and a JSON value may be twice as long
	// (plus 4 KiB) before they are refused unread.
	MaxArticleBytes int
	// Shard keeps the articles of one shard and drops the others (see
	// Shard). Cut by id, every file is read, the articles of other shards
	// never reach the callback, and bad input items reach it in shard 0
	// only; cut by file (ByFile), only the shard's files are opened, and
	// their bad items reach the callback in their shard (the others, such
	// as a missing path, in shard 0). The zero value keeps everything.
	Shard Shard

	fields []field // Fields resolved by withDefaults
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
	ErrUnsupported = errors.New("unsupported file type (want " + Types + ")")
	ErrCorrupt     = errors.New("corrupt archive or compressed file")
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

func (o Options) withDefaults() Options {
	if o.MaxArticleBytes <= 0 {
		o.MaxArticleBytes = DefaultMaxArticleBytes
	}
	o.fields = fieldList(o.Fields)
	return o
}

// recordLimit bounds one JSON Lines line, CSV record or JSON value.
func (o Options) recordLimit() int { return o.MaxArticleBytes*2 + 4096 }

type reader struct {
	opts  Options
	fn    func(Item) error
	items int // articles and bad items handed to fn
	files int // files with a supported extension opened or tried

	// Sharding by file (Shard.ByFile): keep holds the files of the shard;
	// inFile is true while one of them is read. list, when not nil,
	// collects the files instead of reading them (listFiles).
	keep   map[string]bool
	inFile bool
	list   *[]listed
}

func (r *reader) bad(file string, line int, err error) error {
	r.items++
	switch {
	case r.list != nil:
		return nil
	case r.keep != nil:
		// a file's problems are its shard's; the others (a path that is
		// missing, a directory that cannot be read...) are shard 0's
		if !r.inFile && r.opts.Shard.I != 0 {
			return nil
		}
	case !r.opts.Shard.reportsBadInput():
		return nil
	}
	return r.fn(Item{Err: &InputError{File: file, Line: line, Err: err}})
}

func (r *reader) emit(a *model.Article) error {
	r.items++
	if !r.opts.Shard.Has(a.ID) {
		return nil
	}
	// After the shard's choice: most of a shard's reading is of articles
	// of other shards, and telling the language costs a fifth of it.
	if a.Lang == "" {
		a.Lang = DetectLang(a.Title + " " + a.Text)
	}
	return r.fn(Item{Article: a})
}

// file reads one file; explicit is true when it was named in Walk's paths.
func (r *reader) file(ctx context.Context, path string, explicit bool) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	k := kindOf(path)
	if k == kNone {
		if explicit {
			return r.bad(path, 0, ErrUnsupported)
		}
		return nil
	}
	r.files++
	if r.list != nil {
		var size int64
		if fi, err := os.Stat(path); err == nil {
			size = fi.Size()
		}
		*r.list = append(*r.list, listed{path, size})
		return nil
	}
	if r.keep != nil {
		if !r.keep[path] {
			r.items++ // another shard's: the path is not without articles
			return nil
		}
		r.inFile = true
		defer func() { r.inFile = false }()
	}
	f, err := openRegular(path)
	if err != nil {
		return r.bad(path, 0, err)
	}
	defer f.Close()
	switch k {
	case kZip:
		return r.zip(ctx, path, f)
	case kTar, kTarGz:
		return r.tar(ctx, path, f, k == kTarGz)
	case kGz:
		reopen := func() (io.ReadCloser, error) { return openRegular(path) }
		return r.member(ctx, path, k, io.NopCloser(f), reopen)
	}
	return r.plain(ctx, path, k, f)
}

// plain reads one file or member of a plain kind; rs is at its start.
// Only the CSV reader seeks, and only to go back over a bad record.
func (r *reader) plain(ctx context.Context, name string, k kind, rs io.ReadSeeker) error {
	switch k {
	case kTxt:
		return r.txt(name, rs)
	case kJSONL:
		return r.jsonl(ctx, name, rs)
	case kJSON:
		return r.json(ctx, name, rs)
	}
	return r.csv(ctx, name, rs)
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

func (r *reader) txt(path string, f io.Reader) error {
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

func (r *reader) jsonl(ctx context.Context, path string, f io.Reader) error {
	br := bufio.NewReaderSize(f, 64<<10)
	limit := r.opts.recordLimit()
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
			if err := r.jsonLine(path, line, b); err != nil {
				return err
			}
		}
		if rerr == io.EOF {
			return nil
		}
	}
}

func (r *reader) jsonLine(path string, line int, b []byte) error {
	a, err := r.record(b, fmt.Sprintf("%s:%d", path, line))
	if err != nil {
		return r.bad(path, line, err)
	}
	return r.emit(a)
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

// record reads one JSON object, a JSON Lines line or an element of a JSON
// array, into an article whose Source is source. Each article field is
// taken from the first of its names (Options.Fields) the object has with a
// non-null value; every other key but the fields' own names (Fields, or
// the defaults) becomes a property, its value the string
// or else the JSON text. NUL (raw or escaped) and invalid UTF-8 anywhere,
// a field that is not a string (a number is fine for the id), text over
// MaxArticleBytes and blank text are errors.
func (r *reader) record(b []byte, source string) (*model.Article, error) {
	if i, err := checkString(string(b)); err != nil {
		return nil, fmt.Errorf("%w at byte %d of the record", err, i)
	}
	// a raw control character is a space, as an escaped one is (scrub);
	// JSON allows neither inside a string
	b = []byte(scrub(string(b)))
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	a := &model.Article{Source: source}
	dst := [...]*string{fID: &a.ID, fTitle: &a.Title, fText: &a.Text, fURL: &a.URL, fPublished: &a.Published, fLang: &a.Lang}
	used := make(map[string]bool, len(dst))
	textKey := ""
	for i, f := range r.opts.fields {
		used[f.names[0]] = true // a field's own name is never a property, even when null
		k, raw := pick(m, f.names)
		if k == "" {
			continue
		}
		if i == fText {
			textKey = k
		}
		s, err := jsonString(raw, f.name == "id")
		if err != nil {
			return nil, fmt.Errorf("%w: field %q is not a string", ErrMalformed, k)
		}
		*dst[i], used[k] = s, true
	}
	for k, raw := range m {
		if used[k] {
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
	if err := checkValues(a, r.opts.fields); err != nil {
		return nil, err
	}
	if len(a.Text) > r.opts.MaxArticleBytes {
		return nil, fmt.Errorf("%w: %d bytes > limit %d", ErrTooLarge, len(a.Text), r.opts.MaxArticleBytes)
	}
	if textKey == "" {
		return nil, fmt.Errorf("%w: no %s", ErrEmpty, r.opts.fields[fText].describe())
	}
	if blankText(a.Text) {
		return nil, fmt.Errorf("%w: %q is blank", ErrEmpty, textKey)
	}
	finish(a)
	return a, nil
}

// pick returns the first of names that m holds with a non-null value,
// and that value; "" when there is none.
func pick(m map[string]json.RawMessage, names []string) (string, json.RawMessage) {
	for _, k := range names {
		if raw, ok := m[k]; ok && string(raw) != "null" {
			return k, raw
		}
	}
	return "", nil
}

// jsonString reads a JSON string; with number, a JSON number too (ids).
func jsonString(raw json.RawMessage, number bool) (string, error) {
	var s string
	err := json.Unmarshal(raw, &s)
	if err != nil && number {
		var n json.Number
		if json.Unmarshal(raw, &n) == nil {
			return n.String(), nil
		}
	}
	return s, err
}

// checkValues checks every field and property once JSON escapes such as
// "\u0000" are decoded (see checkString).
func checkValues(a *model.Article, fields []field) error {
	vals := [...]string{fID: a.ID, fTitle: a.Title, fText: a.Text, fURL: a.URL, fPublished: a.Published, fLang: a.Lang}
	for i, v := range vals {
		if _, err := checkString(v); err != nil {
			return fmt.Errorf("%w in %q", err, fields[i].name)
		}
	}
	for k, v := range a.Props {
		if _, err := checkString(k); err != nil {
			return fmt.Errorf("%w in a field name", err)
		}
		if _, err := checkString(v); err != nil {
			return fmt.Errorf("%w in %q", err, k)
		}
	}
	return nil
}

// finish fills the derived fields: stable id, trimmed values (emit tells
// the language when the record gives none).
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
	// An empty Lang is told by emit.
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
