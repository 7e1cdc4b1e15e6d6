package corpus

import (
	"archive/tar"
	"archive/zip"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// Containers. A .zip, .tar, .tar.gz or .tgz archive is read member by
// member in name order (zip) or archive order (tar), each member by its own
// extension as a file would be: .txt, .jsonl, .json, .csv, or one of them
// gzipped (x.jsonl.gz). Archives inside archives, directories, links and
// members whose name or folder starts with "." are skipped silently, as
// other files are in a directory walk. A member is named in messages and
// in Source as ARCHIVE!MEMBER (corpus/2015-07-21.zip!2015-07-21.json:123).
// A .gz file (x.jsonl.gz, x.json.gz, x.csv.gz, x.txt.gz) is read by its
// inner extension and named as the file.
//
// Everything is read streaming, decompressed on the fly, with no temporary
// file; the limits of the readers (MaxArticleBytes for an article, twice
// that for a line, record or JSON value) bound the memory whatever a
// member decompresses to. A corrupt archive, member or compressed stream is
// one InputError (ErrCorrupt) naming it, and the walk goes on with the
// next member or file.

// Types lists the file types kg reads, for messages.
const Types = ".txt, .jsonl, .json, .csv, gzipped (x.jsonl.gz) or in .zip, .tar, .tar.gz, .tgz archives"

// kind is how a file or member is read.
type kind int

const (
	kNone  kind = iota // not read
	kTxt               // plain text
	kJSONL             // JSON Lines
	kJSON              // a JSON array of articles, or article objects
	kCSV               // CSV with a header
	kGz                // one gzipped file of a plain kind
	kZip               // zip archive
	kTar               // tar archive
	kTarGz             // gzipped tar archive
)

// plainKind tells the plain kind of a name from its extension.
func plainKind(name string) kind {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt":
		return kTxt
	case ".jsonl":
		return kJSONL
	case ".json":
		return kJSON
	case ".csv":
		return kCSV
	}
	return kNone
}

// kindOf tells how a file or member is read from its name.
func kindOf(name string) kind {
	lower := strings.ToLower(name)
	switch {
	case strings.HasSuffix(lower, ".tar.gz"), strings.HasSuffix(lower, ".tgz"):
		return kTarGz
	case strings.HasSuffix(lower, ".tar"):
		return kTar
	case strings.HasSuffix(lower, ".zip"):
		return kZip
	case strings.HasSuffix(lower, ".gz"):
		if plainKind(name[:len(name)-3]) != kNone {
			return kGz
		}
		return kNone
	}
	return plainKind(name)
}

// Supported reports whether a file name has an extension kg reads (see
// Types).
func Supported(name string) bool { return kindOf(name) != kNone }

// memberKind is the kind of an archive member: a plain kind or gzipped
// one; kNone for the rest (archives, hidden names).
func memberKind(name string) kind {
	for _, part := range strings.Split(name, "/") {
		if strings.HasPrefix(part, ".") {
			return kNone
		}
	}
	if k := kindOf(name); k <= kGz {
		return k
	}
	return kNone
}

// member reads one member of kind k (or a .gz file) named name: first
// reads it from its start, reopen opens it again from its start (for CSV's
// resync). member closes first and what reopen opened.
func (r *reader) member(ctx context.Context, name string, k kind, first io.ReadCloser, reopen func() (io.ReadCloser, error)) error {
	if k == kGz {
		inner := reopen
		reopen = func() (io.ReadCloser, error) {
			rc, err := inner()
			if err != nil {
				return nil, err
			}
			return gunzip(rc)
		}
		z, err := gunzip(first)
		if err != nil {
			first.Close()
			return r.bad(name, 0, err)
		}
		first, k = z, plainKind(name[:len(name)-3])
	}
	rw := &rewinder{rc: first, open: reopen}
	defer rw.Close()
	return r.plain(ctx, name, k, rw)
}

// zip reads the members of a zip archive, in name order.
func (r *reader) zip(ctx context.Context, name string, f *os.File) error {
	fi, err := f.Stat()
	if err != nil {
		return r.bad(name, 0, err)
	}
	zr, err := zip.NewReader(f, fi.Size())
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) { // nothing is written to disk
		return r.bad(name, 0, corruptErr("zip", err))
	}
	files := slices.Clone(zr.File)
	slices.SortStableFunc(files, func(a, b *zip.File) int { return strings.Compare(a.Name, b.Name) })
	for _, zf := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		k := memberKind(path.Clean(zf.Name))
		if k == kNone || !zf.Mode().IsRegular() {
			continue
		}
		open := func() (io.ReadCloser, error) {
			rc, err := zf.Open()
			if err != nil {
				return nil, corruptErr("zip", err)
			}
			return corrupt{rc, "zip"}, nil
		}
		mname := name + "!" + zf.Name
		rc, err := open()
		if err == nil {
			err = r.member(ctx, mname, k, rc, open)
		} else {
			err = r.bad(mname, 0, err)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// tar reads the members of a tar archive, gzipped or not, in order.
func (r *reader) tar(ctx context.Context, name string, f *os.File, gz bool) error {
	tr, err := tarReader(f, gz)
	if err != nil {
		return r.bad(name, 0, err)
	}
	for i := 0; ; i++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		h, err := tr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			err = corruptErr("tar", err)
			return r.bad(name, 0, fmt.Errorf("%w; rest of the archive skipped", err))
		}
		k := memberKind(path.Clean(h.Name))
		if k == kNone || h.Typeflag != tar.TypeReg {
			continue
		}
		reopen := func() (io.ReadCloser, error) { return tarMember(name, gz, i) }
		rc := io.NopCloser(corrupt{io.NopCloser(tr), "tar"})
		if err := r.member(ctx, name+"!"+h.Name, k, rc, reopen); err != nil {
			return err
		}
	}
}

// tarReader reads a tar archive from f, gunzipping it when gz is true.
func tarReader(f io.Reader, gz bool) (*tar.Reader, error) {
	if !gz {
		return tar.NewReader(f), nil
	}
	z, err := gunzip(io.NopCloser(f))
	if err != nil {
		return nil, err
	}
	return tar.NewReader(z), nil
}

// tarMember opens the archive anew and returns its member number i (from
// 0); the read goes through the archive up to it.
func tarMember(name string, gz bool, i int) (io.ReadCloser, error) {
	f, err := openRegular(name)
	if err != nil {
		return nil, err
	}
	tr, err := tarReader(f, gz)
	for j := 0; err == nil && j <= i; j++ {
		_, err = tr.Next()
	}
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("reopening member %d: %w", i, corruptErr("tar", err))
	}
	return readCloser{corrupt{io.NopCloser(tr), "tar"}, f}, nil
}

// gunzip decompresses rc; closing the result closes rc.
func gunzip(rc io.ReadCloser) (io.ReadCloser, error) {
	z, err := gzip.NewReader(rc)
	if err != nil {
		return nil, corruptErr("gzip", err)
	}
	return readCloser{corrupt{z, "gzip"}, rc}, nil
}

// corrupt marks every read error of a decompressing reader but io.EOF as
// ErrCorrupt.
type corrupt struct {
	rc   io.ReadCloser
	what string // zip, tar, gzip
}

func (c corrupt) Read(p []byte) (int, error) {
	n, err := c.rc.Read(p)
	if err != nil && err != io.EOF {
		err = corruptErr(c.what, err)
	}
	return n, err
}

// corruptErr marks err, met reading a what (zip, tar, gzip) stream, as
// ErrCorrupt, naming the format unless the message does.
func corruptErr(what string, err error) error {
	switch {
	case errors.Is(err, ErrCorrupt):
		return err
	case strings.Contains(err.Error(), what):
		return fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	return fmt.Errorf("%w: %s: %v", ErrCorrupt, what, err)
}

func (c corrupt) Close() error { return c.rc.Close() }

// readCloser reads from one reader and closes another too.
type readCloser struct {
	io.ReadCloser
	under io.Closer
}

func (rc readCloser) Close() error {
	err := rc.ReadCloser.Close()
	if cerr := rc.under.Close(); err == nil {
		err = cerr
	}
	return err
}

// rewinder makes a stream that can only be read forward seekable: a seek
// forward reads and drops bytes, a seek back opens the stream again and
// reads up to the offset. The CSV reader's resync is the only reader that
// goes back, over one bad record, so this stays rare.
type rewinder struct {
	rc   io.ReadCloser
	open func() (io.ReadCloser, error)
	pos  int64
}

func (w *rewinder) Read(p []byte) (int, error) {
	n, err := w.rc.Read(p)
	w.pos += int64(n)
	return n, err
}

// Seek supports io.SeekStart only.
func (w *rewinder) Seek(off int64, whence int) (int64, error) {
	if whence != io.SeekStart || off < 0 {
		return w.pos, errors.New("rewinder: only seeks from the start")
	}
	if off < w.pos {
		rc, err := w.open()
		if err != nil {
			return w.pos, err
		}
		w.rc.Close()
		w.rc, w.pos = rc, 0
	}
	_, err := io.CopyN(io.Discard, w, off-w.pos)
	return w.pos, err
}

func (w *rewinder) Close() error { return w.rc.Close() }
