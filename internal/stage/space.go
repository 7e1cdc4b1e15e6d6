package stage

import (
	"fmt"
	"sync"
	"syscall"
	"time"
)

// FreeSpaceFunc reports the bytes available to an unprivileged writer on
// the filesystem that holds dir.
type FreeSpaceFunc func(dir string) (uint64, error)

// StatfsFree is the FreeSpaceFunc of the real filesystem (statfs(2)).
func StatfsFree(dir string) (uint64, error) {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return 0, err
	}
	return uint64(st.Bavail) * uint64(st.Bsize), nil
}

// Badger writes its write-ahead log (the memtable's .mem file), its value
// log and every new table through mmap'd files that it grows with
// ftruncate, so they are sparse: on a full disk the write into the mapping
// is a SIGBUS that kills the process, not an error. Badger v4 has no
// option to allocate them up front. kg therefore keeps a margin of free
// space and refuses to write below it (ErrDiskFull):
//
//   - the active memtable's WAL may still grow by MemTableSize;
//   - every memtable (NumMemtables) may be flushed to a level-0 table of
//     about its size;
//   - a level-0 compaction writes its output (up to NumLevelZeroTables
//     tables plus the overlapping part of the base level) before it deletes
//     its input;
//   - one write puts up to two article-sized values into the value log;
//   - checkEvery bytes are written between two statfs calls.
//
// This is an estimate of what Badger may write before kg checks again, not
// a bound Badger guarantees; it covers the shapes Badger v4.9 produces.
func minFree(memTable, baseLevel int64, numMemtables, numL0 int) uint64 {
	const maxValue = 8 << 20  // corpus.DefaultMaxArticleBytes: the largest article record
	return uint64(memTable) + // active WAL
		uint64(numMemtables)*uint64(memTable) + // flushes
		uint64(numL0)*uint64(memTable) + uint64(baseLevel) + // one L0 compaction
		2*maxValue + // one write's value-log entries
		checkEvery
}

// checkEvery is how many bytes kg writes between two free-space checks
// (a check also happens at least once a second while writing).
const checkEvery = 1 << 20

// spaceGuard checks the free space before writes.
type spaceGuard struct {
	dir  string
	min  uint64
	free FreeSpaceFunc

	mu    sync.Mutex
	since int64
	last  time.Time
}

// check is called before writing about n bytes. It calls statfs when
// checkEvery bytes were written since the last call, or a second passed.
func (g *spaceGuard) check(n int) error {
	if g == nil {
		return nil
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	g.since += int64(n)
	if !g.last.IsZero() && g.since < checkEvery && time.Since(g.last) < time.Second {
		return nil
	}
	if err := g.checkNow(); err != nil {
		return err
	}
	g.since, g.last = 0, time.Now()
	return nil
}

func (g *spaceGuard) checkNow() error {
	free, err := g.free(g.dir)
	if err != nil {
		return fmt.Errorf("staging folder %s: checking free space: %w", g.dir, err)
	}
	if free < g.min {
		return fmt.Errorf("staging folder %s: %w (%s free; kg keeps at least %s free while staging, "+
			"because Badger crashes when its memory-mapped files cannot grow); everything staged so far is kept: "+
			"free some space or move the staging folder (--stage-dir, $KG_STAGE_DIR), then run the command again",
			g.dir, ErrDiskFull, mb(free), mb(g.min))
	}
	return nil
}

func mb(n uint64) string { return fmt.Sprintf("%d bytes (%.1f MB)", n, float64(n)/1e6) }
