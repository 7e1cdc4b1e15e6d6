package stage

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestSharedMappingUnder(t *testing.T) {
	for _, c := range []struct {
		line   string
		ok     bool
		lo, hi uintptr
	}{
		{"7f1c2a000000-7f1c2a800000 rw-s 00000000 08:01 1234 /st/000001.vlog", true, 0x7f1c2a000000, 0x7f1c2a800000},
		{"7f1c2a000000-7f1c2a800000 r--s 00000000 08:01 1234 /st/a b/000002.sst (deleted)", true, 0x7f1c2a000000, 0x7f1c2a800000},
		{"7f1c2a000000-7f1c2a800000 rw-p 00000000 08:01 1234 /st/000001.vlog", false, 0, 0}, // private
		{"7f1c2a000000-7f1c2a800000 rw-s 00000000 08:01 1234 /stage2/000001.vlog", false, 0, 0},
		{"7f1c2a000000-7f1c2a800000 rw-s 00000000 00:00 0 ", false, 0, 0},
		{"00400000-00452000 r-xp 00000000 08:02 173521 /usr/bin/dbus-daemon", false, 0, 0},
		{"garbage", false, 0, 0},
	} {
		lo, hi, ok := sharedMappingUnder(c.line, "/st/")
		if ok != c.ok || lo != c.lo || hi != c.hi {
			t.Errorf("%q: got %x-%x %v", c.line, lo, hi, ok)
		}
	}
}

// TestTrimMappingsKeepsContents: after a trim, a shared mapping of a file
// in the folder still reads what was written through it, and the file
// holds it too; a mapping elsewhere is left alone.
func TestTrimMappingsKeepsContents(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "000001.vlog")
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	const size = 1 << 20
	if err := f.Truncate(size); err != nil {
		t.Fatal(err)
	}
	m, err := syscall.Mmap(int(f.Fd()), 0, size, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_SHARED)
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if m != nil {
			syscall.Munmap(m)
		}
	}()
	want := strings.Repeat("kg staging ", size/11)
	copy(m, want)
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		t.Fatal(err)
	}
	if n := trimMappings(real); n < size {
		t.Fatalf("trimMappings advised %d bytes, want at least %d", n, size)
	}
	if got := string(m[:len(want)]); got != want {
		t.Fatal("the mapping lost what was written through it")
	}
	if err := syscall.Munmap(m); err != nil {
		t.Fatal(err)
	}
	m = nil
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(b[:len(want)]) != want {
		t.Fatal("the file lost what was written through the mapping")
	}
	if n := trimMappings(filepath.Join(real, "elsewhere")); n != 0 {
		t.Fatalf("trimMappings advised %d bytes of another folder", n)
	}
}
