//go:build linux && (amd64 || arm64)

package hugepage

import (
	"bufio"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"syscall"

	"github.com/kg-project/kg/internal/procmaps"
)

const (
	madvHugepage = 14 // MADV_HUGEPAGE
	// MaxReserve bounds the address space Heap reserves.
	MaxReserve = 512 << 20
)

var (
	reserveOnce, markOnce sync.Once
	reserved              Result
	marked                Result
)

// Reserve reserves up to n bytes (at most MaxReserve) of heap address space
// for Heap to mark, when that cannot fail (see the package doc): call it
// before the large allocations it is for.
// Only its first call in a process does anything; later calls return the
// first one's Result.
func Reserve(n int64) Result {
	reserveOnce.Do(func() {
		if why := modeUnfit(); why != "" {
			reserved.Why = why
		} else if why := reserveUnsafe(); why != "" {
			reserved.Why = why
		} else if n > 0 {
			n = min(n, MaxReserve)
			before := residentBytes()
			b := make([]byte, n)
			runtime.KeepAlive(b)
			if grown := residentBytes() - before; before > 0 && grown > n/4 {
				// the allocation reused pages the runtime had to clear:
				// give them back at once (b is dead after KeepAlive)
				debug.FreeOSMemory()
				reserved.Why = "the reservation reused freed pages and was released"
				return
			}
			reserved.Reserved = n
		}
	})
	return reserved
}

// Heap marks the Go heap's mappings for transparent huge pages (those
// Reserve mapped among them). Only its first call in a process does
// anything; later calls return the first one's Result.
func Heap() Result {
	markOnce.Do(func() {
		if marked.Why = modeUnfit(); marked.Why != "" {
			return
		}
		f, err := os.Open("/proc/self/maps")
		if err != nil {
			marked.Why = err.Error()
			return
		}
		defer f.Close()
		marked.Marked = advise(f, hugeSize(), func(start, length uintptr) bool {
			_, _, errno := syscall.Syscall(syscall.SYS_MADVISE, start, length, madvHugepage)
			return errno == 0
		})
	})
	return marked
}

// modeUnfit says why marking would do nothing, "" when the kernel's mode
// is madvise.
func modeUnfit() string {
	mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil {
		return "no transparent huge pages"
	}
	if !strings.Contains(string(mode), "[madvise]") {
		return "transparent huge pages are not in madvise mode"
	}
	return ""
}

// reserveUnsafe says why the reservation could fail, "" when it cannot.
func reserveUnsafe() string {
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_AS, &lim); err != nil || lim.Cur != ^uint64(0) {
		return "the address space is limited"
	}
	if b, err := os.ReadFile("/proc/sys/vm/overcommit_memory"); err != nil || strings.TrimSpace(string(b)) == "2" {
		return "the kernel does not overcommit memory"
	}
	return ""
}

// residentBytes returns the process's resident set (VmRSS), 0 when
// unknown.
func residentBytes() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "VmRSS:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			if err != nil {
				return 0
			}
			return kb << 10
		}
	}
	return 0
}

// hugeSize is the size of a transparent huge page (2 MB on x86-64 and on
// arm64 with 4 KB pages).
func hugeSize() uint64 {
	if b, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/hpage_pmd_size"); err == nil {
		if n, err := strconv.ParseUint(strings.TrimSpace(string(b)), 10, 64); err == nil && n > 0 && n&(n-1) == 0 {
			return n
		}
	}
	return 2 << 20
}

// advise calls madvise for the huge-aligned inside, at least two huge
// pages long, of each mapping of maps (the format of /proc/self/maps) that
// holds the Go heap: private, read-write and anonymous, named "[anon: Go:
// heap]" where the kernel names mappings (Go 1.25+), unnamed otherwise. It
// returns the bytes madvise accepted.
func advise(maps io.Reader, huge uint64, madvise func(start, length uintptr) bool) int64 {
	var total int64
	sc := bufio.NewScanner(maps)
	for sc.Scan() {
		m, ok := procmaps.Parse(sc.Text())
		if !ok || m.Perms != "rw-p" || m.Inode != "0" || m.Path != "" && m.Path != "[anon: Go: heap]" {
			continue
		}
		a, b := m.Start, m.End
		a = (a + huge - 1) &^ (huge - 1)
		b &^= huge - 1
		if b <= a || b-a < 2*huge {
			continue
		}
		if madvise(uintptr(a), uintptr(b-a)) {
			total += int64(b - a)
		}
	}
	return total
}
