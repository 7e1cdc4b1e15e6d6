//go:build unix

package corpus

import (
	"io/fs"
	"syscall"
)

// openFlags keeps opening a FIFO from blocking until a writer comes.
const openFlags = syscall.O_NONBLOCK

// fileID identifies a file on this machine.
type fileID struct{ dev, ino uint64 }

func fileKey(fi fs.FileInfo) (fileID, bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return fileID{}, false
	}
	return fileID{dev: uint64(st.Dev), ino: uint64(st.Ino)}, true
}
