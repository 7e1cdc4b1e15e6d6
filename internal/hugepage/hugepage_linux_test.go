//go:build linux && (amd64 || arm64)

package hugepage

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"testing"
	"unsafe"

	"github.com/kg-project/kg/internal/procmaps"
)

func TestAdvise(t *testing.T) {
	maps := strings.Join([]string{
		"00400000-00c00000 r-xp 00000000 08:01 123 /usr/bin/kg",                 // code
		"c000000000-c004000000 rw-p 00000000 00:00 0",                           // heap arena, unnamed: 64 MB
		"c004000000-c008000000 rw-p 00000000 00:00 0 [anon: Go: heap]",          // heap arena, named
		"c008000000-c00c000000 rw-p 00000000 00:00 0 [anon: Go: heap metadata]", // another runtime mapping
		"7f0000001000-7f0000801000 rw-p 00000000 00:00 0",                       // 8 MB, unaligned
		"7f0001000000-7f0001200000 rw-p 00000000 00:00 0",                       // one huge page: too small
		"7f0002000000-7f0004000000 rw-p 00000000 08:01 9 /tmp/badger.vlog",      // a file
		"7f0004000000-7f0006000000 rw-s 00000000 00:01 7 /dev/zero (deleted)",   // shared
		"7ffd00000000-7ffd00800000 rw-p 00000000 00:00 0 [stack]",
		"garbage",
		"",
	}, "\n")
	type call struct{ start, length uintptr }
	var calls []call
	n := advise(strings.NewReader(maps), 2<<20, func(s, l uintptr) bool { calls = append(calls, call{s, l}); return true })
	want := []call{{0xc000000000, 64 << 20}, {0xc004000000, 64 << 20}, {0x7f0000200000, 6 << 20}}
	if len(calls) != len(want) {
		t.Fatalf("calls %x, want %x", calls, want)
	}
	for i := range want {
		if calls[i] != want[i] {
			t.Errorf("call %d = %x, want %x", i, calls[i], want[i])
		}
	}
	if n != 134<<20 {
		t.Errorf("advised %d bytes, want %d", n, 134<<20)
	}
	// what madvise refuses is not counted
	if n := advise(strings.NewReader(maps), 2<<20, func(uintptr, uintptr) bool { return false }); n != 0 {
		t.Errorf("advised %d bytes when madvise refused all", n)
	}
}

// childReport is what TestHeapChild finds, for TestHeap.
type childReport struct {
	Result
	RSSGrowth int64 // VmRSS after Heap less before, bytes
	Flagged   bool  // the mapping of an allocation made after Heap is marked
}

// TestHeap runs Reserve and Heap first thing in a fresh process
// (TestHeapChild) and checks that Reserve reserved without touching memory and that what the heap
// allocates afterwards lies in a mapping marked for huge pages (the "hg"
// of VmFlags in /proc/self/smaps).
func TestHeap(t *testing.T) {
	mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil || !strings.Contains(string(mode), "[madvise]") {
		t.Skip("transparent huge pages are not in madvise mode here")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestHeapChild$")
	cmd.Env = append(os.Environ(), "KG_HUGEPAGE_CHILD=1", "GOGC=off")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	var r childReport
	line, _, _ := strings.Cut(string(out), "\n")
	if err := json.Unmarshal([]byte(line), &r); err != nil {
		t.Fatalf("child said %q: %v", out, err)
	}
	if r.Why != "" {
		t.Skipf("no reservation here: %s", r.Why)
	}
	if r.Reserved != 64<<20 || r.Marked < r.Reserved {
		t.Errorf("reserved %d, marked %d bytes; want 64 MiB reserved and marked", r.Reserved, r.Marked)
	}
	if r.RSSGrowth > 16<<20 {
		t.Errorf("the resident set grew by %d bytes: the reservation was touched", r.RSSGrowth)
	}
	if !r.Flagged {
		t.Error("memory allocated after Heap is not in a mapping marked for huge pages")
	}
}

func TestHeapChild(t *testing.T) {
	if os.Getenv("KG_HUGEPAGE_CHILD") == "" {
		t.Skip("run by TestHeap")
	}
	before := residentBytes()
	if before == 0 {
		t.Fatal("no VmRSS in /proc/self/status")
	}
	var r childReport
	res := Reserve(64 << 20)
	r.RSSGrowth = residentBytes() - before
	m := Heap()
	r.Result = Result{Reserved: res.Reserved, Marked: m.Marked, Why: res.Why + m.Why}
	// the reservation is garbage now, as it is in kg once the models load:
	// collected, its space takes what the heap allocates next (with the
	// collector off it would stay, and a new allocation could land in
	// memory mapped later, which Heap never saw)
	runtime.GC()
	b := make([]byte, 8<<20)
	r.Flagged = flagged(t, uintptr(unsafe.Pointer(&b[0])))
	if again := Reserve(64 << 20); again != res {
		t.Errorf("second Reserve %+v, first %+v", again, res)
	}
	if again := Heap(); again != m {
		t.Errorf("second Heap %+v, first %+v", again, m)
	}
	out, _ := json.Marshal(r)
	fmt.Println(string(out))
}

// flagged reports whether the mapping holding address p carries the "hg"
// flag in /proc/self/smaps.
func flagged(t *testing.T, p uintptr) bool {
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := sc.Text()
		if m, ok := procmaps.Parse(l); ok {
			in = uint64(p) >= m.Start && uint64(p) < m.End
			continue
		}
		if v, ok := strings.CutPrefix(l, "VmFlags:"); ok && in {
			return strings.Contains(" "+v+" ", " hg ")
		}
	}
	return false
}
