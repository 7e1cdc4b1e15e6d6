package stage

import (
	"path/filepath"
	"sync"
	"time"
)

// Badger maps its tables, value log and memtable logs into memory
// (MAP_SHARED). Every page it writes or reads through those mappings stays
// in the process's resident set until the mapping goes, so a process
// staging a large corpus shows a resident set that grows with the staging
// folder (about 200 MB for the whole SaudiNewsNet corpus), although those
// pages are the kernel's file cache, written back and reclaimable at any
// time. A trimmer drops them from the process's page tables now and then
// (madvise MADV_DONTNEED on the folder's shared file mappings, which keeps
// their contents in the page cache and writes dirty ones back as usual), so
// that kg's resident set is its own memory and stays bounded as the corpus
// grows. A page read again after a trim is mapped again by a minor fault.

// trimEvery is how often a trimmer runs (a burst of reads, such as the
// resolution reading every staged summary, maps 100 MB in a few seconds).
const trimEvery = time.Second

// trimmer runs trimMappings for a folder every trimEvery until stopped.
type trimmer struct {
	stop chan struct{}
	done sync.WaitGroup
}

// startTrimmer starts a trimmer for the files under dir. On systems
// without trimMappings it does nothing.
func startTrimmer(dir string) *trimmer {
	t := &trimmer{stop: make(chan struct{})}
	if !canTrim {
		return t
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return t
	}
	if r, err := filepath.EvalSymlinks(abs); err == nil {
		abs = r
	}
	t.done.Add(1)
	go func() {
		defer t.done.Done()
		tick := time.NewTicker(trimEvery)
		defer tick.Stop()
		for {
			select {
			case <-t.stop:
				return
			case <-tick.C:
				trimMappings(abs)
			}
		}
	}()
	return t
}

// Stop stops the trimmer and waits for a trim in progress.
func (t *trimmer) Stop() {
	close(t.stop)
	t.done.Wait()
}
