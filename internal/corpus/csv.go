package corpus

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/kg-project/kg/internal/model"
)

// CSV files are read record by record. kg frames each record itself, by
// quote parity: a record ends at the first newline after an even number of
// double quotes, which is where encoding/csv ends every record it accepts.
// Each framed record is then parsed with encoding/csv. Framing first keeps
// memory bounded (a record over the limit is skipped without being held)
// and makes a bad record recoverable: the reader goes back to the line after
// the bad record's first line and skips lines until one starts a record that
// parses and has as many fields as the header (resync). The error names the
// record's first line and every line skipped.

// csvLine is one physical line of a CSV file.
type csvLine struct {
	n      int    // 1-based line number
	off    int64  // byte offset of its start
	size   int    // bytes, newline included
	quotes int    // double quotes in it
	b      []byte // the line with its newline; nil when longer than the limit
}

// lineReader reads the physical lines of a seekable file and can go back.
type lineReader struct {
	f     io.ReadSeeker
	br    *bufio.Reader
	limit int
	n     int   // number of the next line
	off   int64 // offset of the next line
}

// newLineReader reads f from its start, skipping a UTF-8 byte order mark.
func newLineReader(f io.ReadSeeker, limit int) *lineReader {
	lr := &lineReader{f: f, br: bufio.NewReaderSize(f, 64<<10), limit: limit, n: 1}
	if head, _ := lr.br.Peek(3); bytes.Equal(head, []byte("\uFEFF")) {
		lr.br.Discard(3)
		lr.off = 3
	}
	return lr
}

// next reads one line; io.EOF when there is none left. A line longer than
// the limit is consumed and returned without its bytes.
func (lr *lineReader) next() (csvLine, error) {
	l := csvLine{n: lr.n, off: lr.off}
	for {
		chunk, err := lr.br.ReadSlice('\n')
		l.size += len(chunk)
		l.quotes += bytes.Count(chunk, []byte{'"'})
		if l.size <= lr.limit {
			l.b = append(l.b, chunk...)
		} else {
			l.b = nil
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil && err != io.EOF {
			return l, err
		}
		if l.size == 0 {
			return l, io.EOF
		}
		lr.n++
		lr.off += int64(l.size)
		return l, nil
	}
}

// seek goes back to line n, which starts at offset off.
func (lr *lineReader) seek(n int, off int64) error {
	if _, err := lr.f.Seek(off, io.SeekStart); err != nil {
		return err
	}
	lr.br.Reset(lr.f)
	lr.n, lr.off = n, off
	return nil
}

// csvRecord is the lines of one framed record.
type csvRecord struct {
	first   csvLine // its first line
	last    int     // number of its last line
	data    []byte  // its bytes; nil when tooLong
	tooLong bool    // longer than the limit
	open    bool    // the file ends inside a quoted field
}

// record frames the next record, skipping blank lines (as encoding/csv
// does); io.EOF when there is none left.
func (lr *lineReader) record() (csvRecord, error) {
	var rec csvRecord
	var l csvLine
	var err error
	for {
		if l, err = lr.next(); err != nil {
			return rec, err
		}
		if !blank(l.b) {
			break
		}
	}
	rec.first = l
	quotes, size := 0, 0
	for {
		rec.last = l.n
		quotes += l.quotes
		size += l.size
		if l.b == nil || size > lr.limit {
			rec.tooLong, rec.data = true, nil
		} else {
			rec.data = append(rec.data, l.b...)
		}
		if quotes%2 == 0 {
			return rec, nil
		}
		if l, err = lr.next(); err == io.EOF {
			rec.open = true
			return rec, nil
		} else if err != nil {
			return rec, err
		}
	}
}

// blank reports whether a line is empty, as encoding/csv sees it ("\r"
// can only be the last line: encoding/csv drops a "\r" before the end).
func blank(b []byte) bool {
	s := string(b)
	return s == "\n" || s == "\r\n" || s == "\r"
}

// csvFields is one parsed record: its fields and the line each starts on.
type csvFields struct {
	rec   []string
	lines []int
}

// parseCSV parses one framed record.
func parseCSV(rec csvRecord, limit int) (csvFields, error) {
	if rec.tooLong {
		if rec.open {
			return csvFields{}, fmt.Errorf("%w: a quoted field is never closed", ErrMalformed)
		}
		return csvFields{}, fmt.Errorf("%w: record longer than %d bytes", ErrTooLarge, limit)
	}
	cr := csv.NewReader(bytes.NewReader(rec.data))
	cr.FieldsPerRecord = -1
	fields, err := cr.Read()
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			line := rec.first.n + pe.Line - 1
			if rec.open && line >= rec.last {
				return csvFields{}, fmt.Errorf("%w: a quoted field is never closed", ErrMalformed)
			}
			if line == rec.first.n {
				return csvFields{}, fmt.Errorf("%w: column %d: %v", ErrMalformed, pe.Column, pe.Err)
			}
			return csvFields{}, fmt.Errorf("%w: line %d, column %d: %v", ErrMalformed, line, pe.Column, pe.Err)
		}
		return csvFields{}, fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	if cr.InputOffset() != int64(len(rec.data)) { // cannot happen given the framing; be safe
		return csvFields{}, fmt.Errorf("%w: more than one record", ErrMalformed)
	}
	f := csvFields{rec: fields, lines: make([]int, len(fields))}
	for i := range fields {
		line, _ := cr.FieldPos(i)
		f.lines[i] = rec.first.n + line - 1
	}
	return f, nil
}

// resync handles a bad record: the reader goes back to the line after its
// first line and skips lines until one starts a record that parses and has
// nfields fields; it is left at the start of that record (or at the end of
// the file). It returns the number of the last line skipped.
func (lr *lineReader) resync(ctx context.Context, bad csvRecord, nfields int) (int, error) {
	last := bad.first.n
	if bad.last > bad.first.n {
		if err := lr.seek(bad.first.n+1, bad.first.off+int64(bad.first.size)); err != nil {
			return last, err
		}
	}
	for {
		if err := ctx.Err(); err != nil {
			return last, err
		}
		rec, err := lr.record()
		if err == io.EOF {
			return last, nil
		}
		if err != nil {
			return last, err
		}
		if !rec.open {
			if f, err := parseCSV(rec, lr.limit); err == nil && len(f.rec) == nfields {
				return last, lr.seek(rec.first.n, rec.first.off)
			}
		}
		last = rec.first.n
		if rec.last > rec.first.n {
			if err := lr.seek(rec.first.n+1, rec.first.off+int64(rec.first.size)); err != nil {
				return last, err
			}
		}
	}
}

// checkFields checks the text of every field (see checkString); line is
// the line of the first bad character.
func checkFields(f csvFields, header []string) (line int, err error) {
	for i, v := range f.rec {
		j, err := checkString(v)
		if err == nil {
			continue
		}
		name := fmt.Sprintf("field %d", i+1)
		if i < len(header) {
			name = fmt.Sprintf("column %q", strings.TrimSpace(header[i]))
		}
		return f.lines[i] + strings.Count(v[:j], "\n"), fmt.Errorf("%w in %s", err, name)
	}
	return 0, nil
}

func skipped(first, last int) string {
	if first == last {
		return fmt.Sprintf("skipped line %d", first)
	}
	return fmt.Sprintf("skipped lines %d-%d", first, last)
}

// columns finds the column of each article field in a CSV header (the
// first of its names present; see FieldNames), -1 when none; the text
// column is required.
func (r *reader) columns(header []string) ([]int, error) {
	col := map[string]int{}
	for i, h := range header {
		col[strings.TrimSpace(h)] = i
	}
	cols := make([]int, len(r.opts.fields))
	for i, f := range r.opts.fields {
		cols[i] = -1
		for _, name := range f.names {
			if c, ok := col[name]; ok {
				cols[i] = c
				break
			}
		}
	}
	if cols[fText] < 0 {
		return nil, fmt.Errorf("%w: no %s column in the header (set corpus.fields.text)", ErrMalformed, r.opts.fields[fText].describe())
	}
	return cols, nil
}

func (r *reader) csv(ctx context.Context, path string, f io.ReadSeeker) error {
	limit := r.opts.recordLimit()
	lr := newLineReader(f, limit)
	hrec, err := lr.record()
	if err == io.EOF {
		return r.bad(path, 0, fmt.Errorf("%w: no header", ErrEmpty))
	}
	if err != nil {
		return r.bad(path, lr.n, fmt.Errorf("reading the header: %w; file skipped", err))
	}
	hf, err := parseCSV(hrec, limit)
	if err != nil {
		return r.bad(path, hrec.first.n, fmt.Errorf("header: %w; file skipped", err))
	}
	header := hf.rec
	if bline, err := checkFields(hf, nil); err != nil {
		return r.bad(path, bline, fmt.Errorf("header: %w; file skipped", err))
	}
	cols, err := r.columns(header)
	if err != nil {
		return r.bad(path, hrec.first.n, fmt.Errorf("%w; file skipped", err))
	}
	known := map[int]bool{}
	for _, i := range cols {
		known[i] = true
	}
	textCol, iID, iTitle, iURL, iPub, iLang := cols[fText], cols[fID], cols[fTitle], cols[fURL], cols[fPublished], cols[fLang]
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		rec, err := lr.record()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return r.bad(path, lr.n, fmt.Errorf("%w; rest of the file skipped", err))
		}
		line := rec.first.n
		fields, perr := parseCSV(rec, limit)
		if perr != nil {
			last := rec.last
			if !rec.tooLong || rec.open {
				// the framing is not to be trusted: look for the next record
				if last, err = lr.resync(ctx, rec, len(header)); err != nil {
					if ctx.Err() != nil {
						return ctx.Err()
					}
					return r.bad(path, line, fmt.Errorf("%w; rest of the file skipped", err))
				}
			}
			if err := r.bad(path, line, fmt.Errorf("%w; %s", perr, skipped(line, last))); err != nil {
				return err
			}
			continue
		}
		rv := fields.rec
		get := func(i int) string {
			if i < 0 || i >= len(rv) {
				return ""
			}
			return rv[i]
		}
		text := get(textCol)
		if len(text) > r.opts.MaxArticleBytes {
			if err := r.bad(path, line, fmt.Errorf("%w: %d bytes > limit %d", ErrTooLarge, len(text), r.opts.MaxArticleBytes)); err != nil {
				return err
			}
			continue
		}
		if bline, err := checkFields(fields, header); err != nil {
			if err := r.bad(path, bline, err); err != nil {
				return err
			}
			continue
		}
		if blankText(text) {
			if err := r.bad(path, line, ErrEmpty); err != nil {
				return err
			}
			continue
		}
		a := &model.Article{ID: get(iID), Title: get(iTitle), Text: text, URL: get(iURL), Published: get(iPub), Lang: get(iLang), Source: fmt.Sprintf("%s:%d", path, line)}
		for i, h := range header {
			if !known[i] && i < len(rv) && rv[i] != "" {
				if a.Props == nil {
					a.Props = map[string]string{}
				}
				a.Props[strings.TrimSpace(h)] = rv[i]
			}
		}
		finish(a)
		if err := r.emit(a); err != nil {
			return err
		}
	}
}
