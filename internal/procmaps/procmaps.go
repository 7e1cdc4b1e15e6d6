// Package procmaps parses the lines of Linux's /proc/self/maps, for the
// packages that advise the kernel about the process's own mappings
// (stage drops Badger's file pages, hugepage marks the heap).
package procmaps

import (
	"strconv"
	"strings"
)

// Mapping is one line of /proc/self/maps:
// "7f..-7f.. rw-s 00000000 08:01 1234 /path/000001.vlog".
type Mapping struct {
	Start, End uint64 // the address range [Start, End)
	Perms      string // "rw-p": read, write, execute, p(rivate) or s(hared)
	Inode      string // "0" for anonymous memory
	// Path is the rest of the line after the inode: a file's path (which
	// may hold spaces, and end in " (deleted)"), a name such as "[stack]"
	// or "[anon: Go: heap]", or "" for unnamed anonymous memory.
	Path string
}

// Parse reads one line; ok is false when it is not a mapping.
func Parse(line string) (m Mapping, ok bool) {
	var f [5]string // address perms offset dev inode
	rest := line
	for i := range f {
		rest = strings.TrimLeft(rest, " \t")
		var found bool
		if f[i], rest, found = strings.Cut(rest, " "); f[i] == "" || !found && i < 4 {
			return Mapping{}, false
		}
	}
	lo, hi, found := strings.Cut(f[0], "-")
	if !found {
		return Mapping{}, false
	}
	a, err1 := strconv.ParseUint(lo, 16, 64)
	b, err2 := strconv.ParseUint(hi, 16, 64)
	if err1 != nil || err2 != nil || b <= a {
		return Mapping{}, false
	}
	return Mapping{Start: a, End: b, Perms: f[1], Inode: f[4], Path: strings.TrimSpace(rest)}, true
}
