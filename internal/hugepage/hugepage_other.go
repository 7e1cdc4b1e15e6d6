//go:build !linux

package hugepage

// Heap does nothing outside Linux.
func Heap(reserve int64) int64 { return 0 }
