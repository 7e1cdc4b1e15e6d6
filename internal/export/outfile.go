package export

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Errors of output paths; test with errors.Is.
var (
	// ErrNotRegular: the output path is a device, FIFO, socket, symbolic
	// link or directory. Exports replace regular files only, never those.
	ErrNotRegular = errors.New("exports only replace regular files")
	// ErrNoDir: the directory the output goes in does not exist. Exports
	// do not create missing directories.
	ErrNoDir = errors.New("directory does not exist")
)

// CheckFile reports whether path can take an export file: it does not
// exist or is a regular file (a symbolic link is not followed: it is
// refused), and its directory exists.
func CheckFile(path string) error {
	if err := checkParent(path); err != nil {
		return err
	}
	fi, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case !fi.Mode().IsRegular():
		return fmt.Errorf("%s is %s, not a regular file; not replacing it: %w", path, kind(fi.Mode()), ErrNotRegular)
	}
	return nil
}

// checkParent checks that path's directory exists.
func checkParent(path string) error {
	dir := filepath.Dir(path)
	fi, err := os.Stat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%s: %w (create it first)", dir, ErrNoDir)
	}
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return fmt.Errorf("%s is not a directory: %w", dir, ErrNoDir)
	}
	return nil
}

func kind(m fs.FileMode) string {
	switch {
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a block device"
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m.IsDir():
		return "a directory"
	}
	return "a special file"
}

// File is an export file being written: the bytes go to a temporary file
// beside the target, which Commit renames over the target and Abort
// removes, so a failed export never leaves a half-written file and never
// touches what was there.
type File struct {
	tmp  *os.File
	path string
	done bool
}

// CreateFile starts writing the file at path, after CheckFile.
func CreateFile(path string) (*File, error) {
	if err := CheckFile(path); err != nil {
		return nil, err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return nil, err
	}
	return &File{tmp: tmp, path: path}, nil
}

// Write writes to the temporary file.
func (f *File) Write(p []byte) (int, error) { return f.tmp.Write(p) }

// Commit puts the written file in place: it replaces a regular file at
// the path (keeping its permissions; new files get 0644), checking again
// that nothing else has appeared there meanwhile.
func (f *File) Commit() error {
	if f.done {
		return errors.New("export file " + f.path + " already closed")
	}
	f.done = true
	err := f.tmp.Sync()
	if cerr := f.tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.tmp.Name())
		return fmt.Errorf("%s: %w", f.path, err)
	}
	if err := CheckFile(f.path); err != nil {
		os.Remove(f.tmp.Name())
		return err
	}
	perm := fs.FileMode(0o644)
	if fi, err := os.Lstat(f.path); err == nil {
		perm = fi.Mode().Perm()
	}
	err = os.Chmod(f.tmp.Name(), perm)
	if err == nil {
		err = os.Rename(f.tmp.Name(), f.path)
	}
	if err != nil {
		os.Remove(f.tmp.Name())
		return fmt.Errorf("%s: %w", f.path, err)
	}
	return nil
}

// Abort drops what was written. It does nothing after Commit, so it can
// be deferred.
func (f *File) Abort() {
	if f.done {
		return
	}
	f.done = true
	f.tmp.Close()
	os.Remove(f.tmp.Name())
}
