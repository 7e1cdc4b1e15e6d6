package hugepage

import (
	"bufio"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
)

const (
	madvHugepage = 14      // MADV_HUGEPAGE
	hugeSize     = 2 << 20 // the huge page size of x86-64 and arm64 (4 KB base pages)
)

var once sync.Once

// Heap reserves reserve bytes of heap address space and marks the
// process's large anonymous mappings for huge pages; it returns the bytes
// marked. Only its first call in a process does anything.
func Heap(reserve int64) (marked int64) {
	once.Do(func() {
		if reserve > 0 {
			b := make([]byte, reserve)
			runtime.KeepAlive(b)
		}
		f, err := os.Open("/proc/self/maps")
		if err != nil {
			return
		}
		defer f.Close()
		marked = advise(f, func(start, length uintptr) bool {
			_, _, errno := syscall.Syscall(syscall.SYS_MADVISE, start, length, madvHugepage)
			return errno == 0
		})
	})
	return marked
}

// advise calls madvise for the 2 MB-aligned inside of each private
// anonymous read-write mapping in maps (the format of /proc/self/maps) of
// at least two huge pages, and returns the bytes it accepted.
func advise(maps io.Reader, madvise func(start, length uintptr) bool) int64 {
	var total int64
	sc := bufio.NewScanner(maps)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		// address perms offset dev inode [path]: no path is anonymous
		if len(f) != 5 || f[1] != "rw-p" {
			continue
		}
		lo, hi, ok := strings.Cut(f[0], "-")
		if !ok {
			continue
		}
		a, err1 := strconv.ParseUint(lo, 16, 64)
		b, err2 := strconv.ParseUint(hi, 16, 64)
		if err1 != nil || err2 != nil {
			continue
		}
		a = (a + hugeSize - 1) &^ (hugeSize - 1)
		b &^= hugeSize - 1
		if b <= a || b-a < 2*hugeSize {
			continue
		}
		if madvise(uintptr(a), uintptr(b-a)) {
			total += int64(b - a)
		}
	}
	return total
}
