//go:build !unix

package corpus

import "io/fs"

// openFlags: elsewhere FIFOs are not met in a file tree.
const openFlags = 0

// fileID identifies a file on this machine; not available here, so a
// directory reached twice by different symlinks is read twice (a loop is
// still found, by os.SameFile on the directories being walked).
type fileID struct{}

func fileKey(fs.FileInfo) (fileID, bool) { return fileID{}, false }
