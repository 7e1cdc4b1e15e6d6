//go:build !(linux && (amd64 || arm64))

package hugepage

// MaxReserve bounds the address space Reserve reserves.
const MaxReserve = 512 << 20

const unsupported = "not Linux on amd64 or arm64"

// Reserve does nothing here: transparent huge pages are marked on Linux
// (amd64, arm64) only.
func Reserve(n int64) Result { return Result{Why: unsupported} }

// Heap does nothing here.
func Heap() Result { return Result{Why: unsupported} }
