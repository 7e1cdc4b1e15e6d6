package export

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/kg-project/kg/internal/graph"
)

// deviceNode returns a character device to export to: as root, a private
// copy of /dev/full made in dir (so that a regression cannot destroy the
// real one), else /dev/null, which only root could replace.
func deviceNode(t *testing.T, dir string) string {
	t.Helper()
	if os.Geteuid() != 0 {
		return "/dev/null"
	}
	p := filepath.Join(dir, "full")
	if err := syscall.Mknod(p, syscall.S_IFCHR|0o666, 1<<8|7); err != nil {
		t.Fatalf("mknod: %v", err)
	}
	return p
}

// special makes a path of each kind that exports must never replace.
func special(t *testing.T, dir string) map[string]string {
	t.Helper()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	sock := filepath.Join(dir, "sock")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	toStdout := filepath.Join(dir, "stdout-link")
	if err := os.Symlink("/proc/self/fd/1", toStdout); err != nil {
		t.Fatal(err)
	}
	regular := filepath.Join(dir, "regular")
	if err := os.WriteFile(regular, []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	toRegular := filepath.Join(dir, "regular-link")
	if err := os.Symlink(regular, toRegular); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(dir, "subdir")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	return map[string]string{
		deviceNode(t, dir): "a character device",
		fifo:               "a FIFO",
		sock:               "a socket",
		toStdout:           "a symbolic link",
		toRegular:          "a symbolic link",
		sub:                "a directory",
		"/proc/self/fd/1":  "a symbolic link",
	}
}

func TestCreateFileRefusesSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	for path, kind := range special(t, dir) {
		before, err := os.Lstat(path)
		if err != nil {
			t.Fatal(err)
		}
		f, err := CreateFile(path)
		if !errors.Is(err, ErrNotRegular) || !strings.Contains(err.Error(), path+" is "+kind+", not a regular file") {
			t.Errorf("%s: %v", path, err)
		}
		if f != nil {
			f.Abort()
		}
		after, err := os.Lstat(path)
		if err != nil || after.Mode() != before.Mode() {
			t.Errorf("%s changed: %v -> %v (%v)", path, before.Mode(), after, err)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "regular")); string(b) != "keep" {
		t.Errorf("the link's target was written: %q", b)
	}
	noTemp(t, dir)
}

func TestCreateFileMissingDir(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "no", "such")
	_, err := CreateFile(filepath.Join(missing, "kg.graphml"))
	if !errors.Is(err, ErrNoDir) || !strings.HasPrefix(err.Error(), missing+": directory does not exist") {
		t.Errorf("missing dir: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "no")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a missing directory was created: %v", err)
	}
	file := filepath.Join(dir, "file")
	os.WriteFile(file, nil, 0o644)
	if _, err := CreateFile(filepath.Join(file, "x")); !errors.Is(err, ErrNoDir) || !strings.Contains(err.Error(), file+" is not a directory") {
		t.Errorf("parent is a file: %v", err)
	}
}

func TestCreateFileReplacesAtomically(t *testing.T) {
	dir := t.TempDir()
	// A new file: written whole, mode 0644.
	p := filepath.Join(dir, "new.graphml")
	f, err := CreateFile(p)
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte("half"))
	if _, err := os.Stat(p); !errors.Is(err, fs.ErrNotExist) {
		t.Error("the target exists before Commit")
	}
	f.Write([]byte(" and whole"))
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(p); fi.Mode().Perm() != 0o644 {
		t.Errorf("mode %v", fi.Mode())
	}
	f.Abort() // no-op after Commit
	if b, _ := os.ReadFile(p); string(b) != "half and whole" {
		t.Errorf("content %q", b)
	}

	// An existing private file: replaced, its mode kept.
	old := filepath.Join(dir, "old.jsonl")
	os.WriteFile(old, []byte("old"), 0o600)
	os.Chmod(old, 0o600)
	f, _ = CreateFile(old)
	f.Write([]byte("new"))
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(old); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode of a replaced file %v", fi.Mode())
	}

	// A failed export (Abort) leaves the old file and no temporary file.
	f, _ = CreateFile(old)
	f.Write([]byte("partial"))
	f.Abort()
	if b, _ := os.ReadFile(old); string(b) != "new" {
		t.Errorf("after Abort %q", b)
	}

	// Something other than a regular file appearing meanwhile is not replaced.
	late := filepath.Join(dir, "late")
	f, _ = CreateFile(late)
	syscall.Mkfifo(late, 0o644)
	if err := f.Commit(); !errors.Is(err, ErrNotRegular) {
		t.Errorf("FIFO appeared before Commit: %v", err)
	}
	if fi, _ := os.Lstat(late); fi.Mode()&fs.ModeNamedPipe == 0 {
		t.Error("the FIFO was replaced")
	}
	noTemp(t, dir)
}

// noTemp fails when a temporary export file was left in dir.
func noTemp(t *testing.T, dir string) {
	t.Helper()
	tmps, _ := filepath.Glob(filepath.Join(dir, ".*.tmp"))
	if len(tmps) > 0 {
		t.Errorf("temporary files left: %v", tmps)
	}
}

// failingSource fails the export after the first page of nodes.
type failingSource struct{ *fakeSource }

func (f failingSource) Query(ctx context.Context, cypher string, p map[string]any, ro bool) (*graph.Result, error) {
	if cypher == cyRelations {
		return nil, errors.New("connection lost")
	}
	return f.fakeSource.Query(ctx, cypher, p, ro)
}

func TestCSVDirSafety(t *testing.T) {
	root := t.TempDir()
	// A missing parent is not created.
	_, err := Graph(context.Background(), fakeGraph(), Options{}, NewCSVDir(filepath.Join(root, "a", "b")))
	if !errors.Is(err, ErrNoDir) || !strings.Contains(err.Error(), filepath.Join(root, "a")+": directory does not exist") {
		t.Errorf("missing parent: %v", err)
	}
	// A failed export leaves neither files nor the directory it created.
	out := filepath.Join(root, "out")
	if _, err := Graph(context.Background(), failingSource{fakeGraph()}, Options{}, NewCSVDir(out)); err == nil {
		t.Fatal("no error")
	}
	if _, err := os.Stat(out); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("failed export left %s: %v", out, err)
	}
	// ... nor touches the files of an earlier export.
	if _, err := Graph(context.Background(), fakeGraph(), Options{}, NewCSVDir(out)); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(filepath.Join(out, "nodes.csv"))
	if _, err := Graph(context.Background(), failingSource{fakeGraph()}, Options{}, NewCSVDir(out)); err == nil {
		t.Fatal("no error")
	}
	if after, _ := os.ReadFile(filepath.Join(out, "nodes.csv")); !bytes.Equal(before, after) || len(after) == 0 {
		t.Errorf("failed export changed nodes.csv")
	}
	noTemp(t, out)
	// nodes.csv as a link to stdout, or --out as a file, are refused.
	os.Remove(filepath.Join(out, "nodes.csv"))
	os.Symlink("/proc/self/fd/1", filepath.Join(out, "nodes.csv"))
	if _, err := Graph(context.Background(), fakeGraph(), Options{}, NewCSVDir(out)); !errors.Is(err, ErrNotRegular) {
		t.Errorf("nodes.csv link: %v", err)
	}
	dev := deviceNode(t, root)
	if err := NewCSVDir(dev).Check(); err == nil || !strings.Contains(err.Error(), dev+" is not a directory") {
		t.Errorf("device as DIR: %v", err)
	}
	dangling := filepath.Join(root, "dangling")
	os.Symlink(filepath.Join(root, "nowhere"), dangling)
	if err := NewCSVDir(dangling).Check(); !errors.Is(err, ErrNotRegular) {
		t.Errorf("dangling link as DIR: %v", err)
	}
}
