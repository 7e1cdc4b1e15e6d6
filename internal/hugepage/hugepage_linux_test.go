package hugepage

import (
	"os"
	"strings"
	"testing"
)

func TestAdvise(t *testing.T) {
	maps := strings.Join([]string{
		"00400000-00c00000 r-xp 00000000 08:01 123 /usr/bin/kg",            // code
		"c000000000-c004000000 rw-p 00000000 00:00 0",                      // heap arena: 64 MB
		"7f0000001000-7f0000801000 rw-p 00000000 00:00 0",                  // 8 MB, unaligned
		"7f0001000000-7f0001200000 rw-p 00000000 00:00 0",                  // one huge page: too small
		"7f0002000000-7f0004000000 rw-p 00000000 08:01 9 /tmp/badger.vlog", // a file
		"7ffd00000000-7ffd00800000 rw-p 00000000 00:00 0 [stack]",
		"garbage",
	}, "\n")
	type call struct{ start, length uintptr }
	var calls []call
	n := advise(strings.NewReader(maps), func(s, l uintptr) bool { calls = append(calls, call{s, l}); return true })
	want := []call{{0xc000000000, 64 << 20}, {0x7f0000200000, 6 << 20}}
	if len(calls) != len(want) {
		t.Fatalf("calls %x, want %x", calls, want)
	}
	for i := range want {
		if calls[i] != want[i] {
			t.Errorf("call %d = %x, want %x", i, calls[i], want[i])
		}
	}
	if n != 70<<20 {
		t.Errorf("advised %d bytes, want %d", n, 70<<20)
	}
}

// TestHeap checks, where the kernel offers transparent huge pages, that
// Heap marks the heap: a mapping of the process then carries the "hg"
// flag (VmFlags in /proc/self/smaps).
func TestHeap(t *testing.T) {
	mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil || strings.Contains(string(mode), "[never]") {
		t.Skip("no transparent huge pages here")
	}
	if n := Heap(64 << 20); n < 64<<20 {
		t.Fatalf("Heap marked %d bytes, want at least the 64 MB reserved", n)
	}
	smaps, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		t.Skip(err)
	}
	for _, l := range strings.Split(string(smaps), "\n") {
		if strings.HasPrefix(l, "VmFlags:") && strings.Contains(l, " hg") {
			return
		}
	}
	t.Fatal("no mapping is marked for huge pages")
}
