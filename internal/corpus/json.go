package corpus

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// JSON files (.json) hold a JSON array of article objects, as SaudiNewsNet
// ships them, or one article object (or several, one after the other).
// The array is streamed with json.Decoder: one element is held at a time,
// so a file of any size reads in the memory of its largest element. Each
// element is read as a JSON Lines record is (record): the same fields,
// checks and properties.
//
// An element's Source is FILE:LINE, LINE being where it starts; when it
// starts on the line of the element before it (an array written on one
// line) it is FILE:LINE#N, N being its 1-based number among the file's
// values. Both depend only on the file's bytes, so they are the same on
// every run.
//
// A bad element (not an object, a NUL escaped, empty text, ...) is an
// InputError naming the file, the line it starts on and its number, and
// reading goes on with the next element. What json.Decoder cannot go on
// from ends the file with one InputError naming the line where it stopped:
// a syntax error (ErrMalformed; ErrControlChar for a raw NUL, which JSON
// forbids in a string), a value longer than twice MaxArticleBytes plus 4
// KiB (ErrTooLarge), a top-level value that is neither an array nor an
// object (ErrMalformed), a read error. The other raw control characters
// that JSON forbids in a string become spaces before decoding, as in JSON
// Lines (see scrub).

// errSkipFile is returned inside the JSON reader once the error that ends
// the file has been reported.
var errSkipFile = errors.New("rest of the file skipped")

// errBudget is the read error of a value over the size limit.
var errBudget = errors.New("value over the size limit")

// jsonFile is the state of reading one JSON file.
type jsonFile struct {
	r        *reader
	name     string
	lc       *lineCounter
	dec      *json.Decoder
	n        int // values read
	prevLine int // line of the last value's start
}

// json reads a .json file (or member) named name from rd; see above.
func (r *reader) json(ctx context.Context, name string, rd io.Reader) error {
	br := bufio.NewReader(rd)
	if head, _ := br.Peek(3); bytes.Equal(head, []byte("\uFEFF")) {
		br.Discard(3)
	}
	lc := &lineCounter{r: br, line: 1, nul: -1}
	j := &jsonFile{r: r, name: name, lc: lc, dec: json.NewDecoder(lc)}
	if err := j.read(ctx); err != errSkipFile {
		return err
	}
	return nil
}

// read reads the top-level values: arrays of articles and articles.
func (j *jsonFile) read(ctx context.Context) error {
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		j.budget()
		if !j.dec.More() {
			if _, err := j.dec.Token(); err != io.EOF {
				return j.stop(err, j.tokenErrorOffset(err))
			}
			return nil
		}
		var err error
		switch c, off := j.peek(); c {
		case '[':
			err = j.array(ctx)
		case '{':
			err = j.value("value")
		default:
			err = j.stop(fmt.Errorf("%w: the top-level value is not an array of articles or an article object", ErrMalformed), off)
		}
		if err != nil {
			return err
		}
	}
}

// array reads one array, element by element.
func (j *jsonFile) array(ctx context.Context) error {
	if _, err := j.dec.Token(); err != nil { // [
		return j.stop(err, j.tokenErrorOffset(err))
	}
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		j.budget()
		if !j.dec.More() {
			break
		}
		if err := j.value("element"); err != nil {
			return err
		}
	}
	if _, err := j.dec.Token(); err != nil { // ]
		return j.stop(err, j.tokenErrorOffset(err))
	}
	return nil
}

// value reads one article object, an array element or a top-level value.
func (j *jsonFile) value(what string) error {
	var raw json.RawMessage
	if err := j.dec.Decode(&raw); err != nil {
		return j.stop(err, j.decodeErrorOffset(err))
	}
	j.n++
	line := j.lc.lineAt(j.dec.InputOffset() - int64(len(raw)))
	src := fmt.Sprintf("%s:%d", j.name, line)
	if line == j.prevLine {
		src += fmt.Sprintf("#%d", j.n)
	}
	j.prevLine = line
	a, err := j.r.record(raw, src)
	if err != nil {
		return j.r.bad(j.name, line, fmt.Errorf("%s %d: %w", what, j.n, err))
	}
	return j.r.emit(a)
}

// decodeErrorOffset is the offset of the byte where Decode met err. For a
// syntax error in the value, the value is scanned again by a decoder of
// its own: json.Decoder counts SyntaxError.Offset from where it started,
// not from the value. For an error before the value (a missing comma) or
// the end of the file inside it, the offset is the value's start.
func (j *jsonFile) decodeErrorOffset(err error) int64 {
	off := j.dec.InputOffset()
	var se *json.SyntaxError
	if errors.As(err, &se) {
		var v json.RawMessage
		if err := json.NewDecoder(j.dec.Buffered()).Decode(&v); errors.As(err, &se) {
			return off + max(se.Offset-1, 0)
		}
	}
	_, start := j.peek()
	return start
}

// tokenErrorOffset is where Token met err.
func (j *jsonFile) tokenErrorOffset(err error) int64 {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return se.Offset
	}
	return j.dec.InputOffset()
}

// peek returns the first byte of the next value, and its offset, from
// what the decoder holds: past white space and a comma. After More it
// holds at least that byte, unless a comma comes at the end of its
// buffer; c is then 0 and off the offset of the comma.
func (j *jsonFile) peek() (c byte, off int64) {
	off = j.dec.InputOffset()
	br := bufio.NewReaderSize(j.dec.Buffered(), 16)
	for {
		b, err := br.ReadByte()
		if err != nil {
			return 0, off
		}
		switch b {
		case ' ', '\t', '\r', '\n', ',':
			off++
			continue
		}
		return b, off
	}
}

// budget lets the decoder read one value's worth past what it consumed.
func (j *jsonFile) budget() {
	j.lc.limit = j.dec.InputOffset() + int64(j.r.opts.recordLimit())
}

// stop reports the error that ends the file, met at offset off, and
// returns errSkipFile (or the callback's error).
func (j *jsonFile) stop(err error, off int64) error {
	var se *json.SyntaxError
	switch {
	case errors.Is(err, errBudget):
		err = fmt.Errorf("%w: a value longer than %d bytes", ErrTooLarge, j.r.opts.recordLimit())
	case errors.As(err, &se) && j.lc.nul >= 0 && j.lc.nul <= off:
		off, err = j.lc.nul, fmt.Errorf("%w U+0000 (NUL) at byte %d", ErrControlChar, j.lc.nul)
	case errors.As(err, &se):
		err = fmt.Errorf("%w: %v", ErrMalformed, err)
	case err == io.ErrUnexpectedEOF:
		err = fmt.Errorf("%w: the file ends inside a value", ErrMalformed)
	case err == io.EOF:
		err = fmt.Errorf("%w: the file ends inside an array", ErrMalformed)
	}
	if err := j.r.bad(j.name, j.lc.lineAt(off), fmt.Errorf("%w; rest of the file skipped", err)); err != nil {
		return err
	}
	return errSkipFile
}

// lineCounter passes a stream on to a json.Decoder and counts its lines:
// it notes where each newline it passed on lies, and lineAt tells the
// line of a byte offset. It passes no byte at or past limit (errBudget),
// and turns the raw control characters that are neither NUL nor white
// space into spaces (see scrub), noting where the first NUL is.
type lineCounter struct {
	r     io.Reader
	read  int64   // bytes passed on
	limit int64   // offset not to read past
	nl    []int64 // offsets of the newlines passed on, not yet counted
	line  int     // line of the offsets counted up to
	nul   int64   // offset of the first NUL passed on; -1 when none
}

func (lc *lineCounter) Read(p []byte) (int, error) {
	room := lc.limit - lc.read
	if room <= 0 {
		return 0, errBudget
	}
	if int64(len(p)) > room {
		p = p[:room]
	}
	n, err := lc.r.Read(p)
	for i, c := range p[:n] {
		switch {
		case c == '\n':
			lc.nl = append(lc.nl, lc.read+int64(i))
		case c == 0:
			if lc.nul < 0 {
				lc.nul = lc.read + int64(i)
			}
		case disallowed(c):
			p[i] = ' '
		}
	}
	lc.read += int64(n)
	return n, err
}

// lineAt returns the line (from 1) of byte offset off, for offsets that
// never go back; an offset before one already asked for gets its line.
func (lc *lineCounter) lineAt(off int64) int {
	i := 0
	for i < len(lc.nl) && lc.nl[i] < off {
		i++
	}
	lc.line += i
	lc.nl = lc.nl[i:]
	return lc.line
}
