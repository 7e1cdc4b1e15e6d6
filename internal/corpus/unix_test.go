//go:build unix

package corpus

import (
	"context"
	"errors"
	"net"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestNotRegular: a FIFO, a socket or a device, met in the walk or given
// explicitly, is reported without being opened (opening a FIFO blocks until
// someone writes to it); the walk goes on.
func TestNotRegular(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "c/b.txt", "Two\nBody two.")
	fifo := filepath.Join(dir, "c/a.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	sock := filepath.Join(dir, "c/s.sock")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Skipf("unix socket: %v", err)
	}
	defer l.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	done := make(chan struct{})
	var items []Item
	var werr error
	go func() {
		defer close(done)
		werr = Walk(ctx, []string{filepath.Join(dir, "c"), fifo, "/dev/null"}, Options{}, func(it Item) error {
			items = append(items, it)
			return nil
		})
	}()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("the walk hangs")
	}
	if werr != nil {
		t.Fatal(werr)
	}
	want := []string{"c/a.txt: not a regular file: named pipe (FIFO)", "article Two", "c/s.sock: not a regular file: socket",
		"c/a.txt: not a regular file: named pipe (FIFO)", "/dev/null: not a regular file: character device"}
	if len(items) != len(want) {
		t.Fatalf("items %v", items)
	}
	for i, it := range items {
		var got string
		if it.Article != nil {
			got = "article " + it.Article.Title
		} else {
			got = it.Err.Error()
			if rel, err := filepath.Rel(dir, it.Err.File); err == nil && it.Err.File != "/dev/null" {
				got = (&InputError{File: filepath.ToSlash(rel), Err: it.Err.Err}).Error()
			}
			if !errors.Is(it.Err, ErrNotRegular) {
				t.Errorf("%v is not ErrNotRegular", it.Err)
			}
		}
		if got != want[i] {
			t.Errorf("item %d: %q, want %q", i, got, want[i])
		}
	}
}
