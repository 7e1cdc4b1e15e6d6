package stage

import (
	"bufio"
	"os"
	"strings"
	"syscall"

	"github.com/kg-project/kg/internal/procmaps"
)

const canTrim = true

// trimMappings drops from the process's page tables the resident pages of
// every shared file mapping of a file under dir (an absolute path without
// symbolic links), as /proc/self/maps lists them, and returns how many
// bytes of mappings it advised. Private mappings are never touched:
// MADV_DONTNEED would discard their changes. Errors are ignored: a trim is
// an optimisation.
func trimMappings(dir string) int64 {
	f, err := os.Open("/proc/self/maps")
	if err != nil {
		return 0
	}
	defer f.Close()
	var advised int64
	prefix := strings.TrimSuffix(dir, "/") + "/"
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		start, end, ok := sharedMappingUnder(sc.Text(), prefix)
		if !ok {
			continue
		}
		if _, _, errno := syscall.Syscall(syscall.SYS_MADVISE, start, end-start, syscall.MADV_DONTNEED); errno == 0 {
			advised += int64(end - start)
		}
	}
	return advised
}

// sharedMappingUnder parses a line of /proc/self/maps
// ("7f..-7f.. rw-s 00000000 08:01 1234 /path/000001.vlog") and returns its
// address range when it is a shared mapping of a file whose path begins
// with prefix.
func sharedMappingUnder(line, prefix string) (start, end uintptr, ok bool) {
	m, ok := procmaps.Parse(line)
	if !ok || len(m.Perms) < 4 || m.Perms[3] != 's' || !strings.HasPrefix(m.Path, prefix) {
		return 0, 0, false
	}
	return uintptr(m.Start), uintptr(m.End), true
}
