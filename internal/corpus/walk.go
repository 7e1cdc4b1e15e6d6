package corpus

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// Walk reads every article under paths (files or directories, walked in
// lexical order) and calls fn for each article and each bad input item. A
// non-nil error from fn, or ctx's cancellation, stops the walk and is
// returned.
//
// Symlinks are followed, to files and to directories, given in paths or
// met in the walk. A symlink that leads back to a directory being walked is
// reported (ErrSymlinkLoop) and not followed; a directory reached a second
// time by another way is not read again. Names starting with "." are
// skipped in the walk, and so are gold annotations (NAME.gold.json, which
// kg eval reads beside NAME.txt). Files in a directory with other
// extensions are skipped silently; a file named explicitly with an unknown extension is an
// error (ErrUnsupported). Archives and gzipped files are read member by
// member (see Types and archive.go); a corrupt one is reported (ErrCorrupt)
// and the walk goes on. Anything that is not a regular file or a directory (a FIFO, a
// socket, a device) is reported (ErrNotRegular) without being opened, so it
// can never block the walk. A path that yields no article and no other
// error is reported (ErrNoArticles).
func Walk(ctx context.Context, paths []string, opts Options, fn func(Item) error) error {
	opts = opts.withDefaults()
	w := &walker{reader: reader{opts: opts, fn: fn}, seen: map[fileID]bool{}}
	if opts.Shard.ByFile && !opts.Shard.All() {
		files, err := listFiles(ctx, paths, opts)
		if err != nil {
			return err
		}
		w.keep = fileShard(files, opts.Shard)
	}
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		items, files, hidden, dups := w.items, w.files, w.hidden, w.dups
		if err := w.top(ctx, p); err != nil {
			return err
		}
		if w.items > items || w.dups > dups {
			continue
		}
		var err error = ErrNoArticles
		if st, serr := os.Stat(p); serr == nil && st.IsDir() {
			switch n := w.files - files; {
			case n > 0:
				err = fmt.Errorf("%w in its %d file(s) of a type kg reads", ErrNoArticles, n)
			case w.hidden > hidden:
				err = fmt.Errorf("%w: no file of a type kg reads in it (names starting with \".\" are skipped)", ErrNoArticles)
			default:
				err = fmt.Errorf("%w: no file of a type kg reads in it (%s)", ErrNoArticles, Types)
			}
		}
		if err := w.bad(p, 0, err); err != nil {
			return err
		}
	}
	return nil
}

// walker walks the directory trees; Walk uses one per call.
type walker struct {
	reader
	stack  []ancestor      // the directories being walked, outermost first
	seen   map[fileID]bool // directories walked (where the OS gives file ids)
	hidden int             // entries skipped because their name starts with "."
	dups   int             // directories skipped because they were walked already
}

type ancestor struct {
	path string
	fi   fs.FileInfo
}

// top reads one path given to Walk.
func (w *walker) top(ctx context.Context, p string) error {
	fi, err := os.Stat(p)
	if err != nil {
		return w.bad(p, 0, statError(p, err))
	}
	switch {
	case fi.IsDir():
		return w.dir(ctx, p, fi)
	case fi.Mode().IsRegular():
		return w.file(ctx, p, true)
	}
	return w.bad(p, 0, notRegular(fi.Mode()))
}

// dir walks one directory, fi being its (followed) FileInfo.
func (w *walker) dir(ctx context.Context, path string, fi fs.FileInfo) error {
	for _, a := range w.stack {
		if os.SameFile(a.fi, fi) {
			return w.bad(path, 0, fmt.Errorf("%w: leads back to %s", ErrSymlinkLoop, a.path))
		}
	}
	if id, ok := fileKey(fi); ok {
		if w.seen[id] {
			w.dups++
			return nil
		}
		w.seen[id] = true
	}
	w.stack = append(w.stack, ancestor{path, fi})
	defer func() { w.stack = w.stack[:len(w.stack)-1] }()
	entries, err := os.ReadDir(path) // sorted by name
	if err != nil {
		// entries holds what could be read before the error
		if err := w.bad(path, 0, statError(path, err)); err != nil {
			return err
		}
	}
	for _, e := range entries {
		if err := ctx.Err(); err != nil {
			return err
		}
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			w.hidden++
			continue
		}
		if goldFile(name) {
			continue // kg eval's annotation of the article beside it
		}
		full := filepath.Join(path, name)
		typ := e.Type()
		var fi fs.FileInfo
		if typ&fs.ModeSymlink != 0 || typ.IsDir() {
			if fi, err = os.Stat(full); err != nil {
				if err := w.bad(full, 0, statError(full, err)); err != nil {
					return err
				}
				continue
			}
			typ = fi.Mode().Type()
		}
		switch {
		case typ.IsDir():
			err = w.dir(ctx, full, fi)
		case typ.IsRegular():
			err = w.file(ctx, full, false)
		default:
			err = w.bad(full, 0, notRegular(typ))
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// openRegular opens a file for reading if it is a regular file. The open
// does not block on a FIFO (O_NONBLOCK where there is one), and the type is
// checked on the open file, so a file swapped after the walk looked at it
// is still refused.
func openRegular(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|openFlags, 0)
	if err != nil {
		return nil, statError(path, err)
	}
	fi, err := f.Stat()
	if err == nil && !fi.Mode().IsRegular() {
		err = notRegular(fi.Mode())
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// statError drops the path from a *fs.PathError about path (InputError
// names it already) and marks a symlink loop found by the OS.
func statError(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) && pe.Path == path {
		err = fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	if errors.Is(err, syscall.ELOOP) {
		return fmt.Errorf("%w (%w)", ErrSymlinkLoop, err)
	}
	if errors.Is(err, fs.ErrNotExist) {
		if target, lerr := os.Readlink(path); lerr == nil {
			return fmt.Errorf("symlink to %s: %w", target, err)
		}
	}
	return err
}

// notRegular is the error for a file of type m, which is neither a regular
// file nor a directory.
func notRegular(m fs.FileMode) error {
	kind := "special file"
	switch {
	case m&fs.ModeNamedPipe != 0:
		kind = "named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		kind = "socket"
	case m&fs.ModeCharDevice != 0:
		kind = "character device"
	case m&fs.ModeDevice != 0:
		kind = "device"
	}
	return fmt.Errorf("%w: %s", ErrNotRegular, kind)
}

// goldFile reports whether a file name is a gold annotation's
// (NAME.gold.json), not articles.
func goldFile(name string) bool {
	return strings.HasSuffix(strings.ToLower(name), ".gold.json")
}
