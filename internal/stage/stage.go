package stage

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"syscall"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/options"

	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/resolve"
)

// FormatVersion is the version of the key layout and record encoding.
const FormatVersion = "1"

// Sentinel errors.
var (
	// ErrLocked: another kg process has the staging folder open. Permanent
	// until that process exits.
	ErrLocked = errors.New("staging folder is in use by another kg process")
	// ErrNotFound: no such article or extraction.
	ErrNotFound = errors.New("not found in staging")
	// ErrFormat: the folder was written by an incompatible kg.
	ErrFormat = errors.New("staging folder has an unknown format")
	// ErrDiskFull: the staging folder's disk has less free space than kg
	// keeps to write safely. Nothing staged is lost; freeing space and
	// running the command again continues.
	ErrDiskFull = errors.New("disk full")
	// ErrDamaged: a file of the staging folder is corrupt (a checksum does
	// not match). The error is a *DamagedError naming what is unreadable;
	// Verify with Repair drops it.
	ErrDamaged = errors.New("staging folder is damaged")
)

// Ref names one extraction of one article.
type Ref struct {
	Hash    string `json:"hash"`
	Version string `json:"version"`
}

// ArticleRecord is what is stored per article.
type ArticleRecord struct {
	Article model.Article `json:"article"`
	Hash    string        `json:"hash"`
}

// Store is an open staging folder.
type Store struct {
	db     *badger.DB
	dir    string
	guard  *spaceGuard // nil in memory
	unlock func()      // releases the folder's kg lock; nil in memory
	trim   *trimmer    // keeps the folder's mapped pages out of the resident set; nil in memory
}

type quietLogger struct{}

// Errorf prints Badger's errors, except those about one unreadable value:
// kg returns them as errors that name the article.
func (quietLogger) Errorf(f string, a ...any) {
	msg := strings.TrimSpace(fmt.Sprintf(f, a...))
	if strings.HasPrefix(msg, "Unable to read") || strings.HasPrefix(msg, "Key: ") {
		return
	}
	fmt.Fprintln(os.Stderr, "kg: staging: "+msg)
}
func (quietLogger) Warningf(f string, a ...any) {}
func (quietLogger) Infof(string, ...any)        {}
func (quietLogger) Debugf(string, ...any)       {}

// Options tune a staging folder; the zero value is kg's default.
type Options struct {
	// MemTableSize and BaseLevelSize are Badger's (0: 8 MB and 10 MB).
	// 8 MB rather than Badger's 64 MB or the 16 MB kg had: Badger's
	// compactions hold whole tables in memory while they build them, and
	// the memtables and level-0 tables are this size; copying a staged
	// SaudiNewsNet (115,096 records, 241 MB) into a new folder peaked at a
	// 489 MB heap with 8 MB against 599 MB with 16 MB, for 20% more time
	// in Badger (a small share of kg load's, which extraction dominates).
	// Tests make them small to fill a small disk quickly.
	MemTableSize, BaseLevelSize int64
	// FreeSpace reports the free space of the folder's disk (nil:
	// StatfsFree). Tests inject it.
	FreeSpace FreeSpaceFunc
}

// MinFree is the free space the staging folder keeps on its disk with
// these options: below it, Open and every write fail with ErrDiskFull.
func (o Options) MinFree() uint64 {
	o = o.withDefaults()
	b := o.badger("")
	return minFree(b.MemTableSize, b.BaseLevelSize, b.NumMemtables, b.NumLevelZeroTables)
}

func (o Options) withDefaults() Options {
	if o.MemTableSize <= 0 {
		o.MemTableSize = 8 << 20
	}
	if o.BaseLevelSize <= 0 {
		o.BaseLevelSize = 10 << 20
	}
	if o.FreeSpace == nil {
		o.FreeSpace = StatfsFree
	}
	return o
}

// badger returns the Badger options of a staging folder. Every block read
// verifies its checksum and every value read from the value log its CRC,
// so that damage is an error, never garbage. (ChecksumVerificationMode
// OnTableRead is not used: Badger v4.9.6 crashes with a nil pointer
// dereference in Table.VerifyChecksum when a block is bad; checkTables does
// that check instead, before Badger opens the folder.)
//
// Tables are 1 MB at every level (Badger's default: 2 MB, doubling at each
// level): a compaction holds every table it builds in memory until it is
// written, several at once, and with the default sizes those buffers were
// a third of the peak heap of a kg load --stage-only of the whole of
// SaudiNewsNet (27,041 articles): 1 MB tables took its peak RSS from 542
// to 457 MB, its heap from 431 to 399 MB.
func (o Options) badger(dir string) badger.Options {
	b := badger.DefaultOptions(dir).
		WithValueThreshold(min(1<<20, 15*o.MemTableSize/100)). // Badger's limit: a value fits a batch
		WithLogger(quietLogger{}).
		WithMemTableSize(o.MemTableSize).
		WithBaseLevelSize(o.BaseLevelSize).
		WithBaseTableSize(1 << 20).
		WithNumMemtables(2).
		WithBlockCacheSize(16 << 20).
		WithIndexCacheSize(8 << 20).
		WithValueLogFileSize(128 << 20).
		WithNumCompactors(2).
		WithChecksumVerificationMode(options.OnBlockRead).
		WithVerifyValueChecksum(true)
	b.TableSizeMultiplier = 1
	return b
}

// Open opens (creating if needed) the staging folder dir with the default
// options.
func Open(dir string) (*Store, error) { return OpenWith(dir, Options{}) }

// OpenWith opens (creating if needed) the staging folder dir. It fails
// with ErrDiskFull when the disk has less than o.MinFree() bytes free, with
// ErrLocked when another process has the folder open, and with a
// *DamagedError (ErrDamaged) when a table of the folder fails its checksum:
// every table is checked before Badger opens the folder, because Badger's
// reads skip an unreadable block silently and its compactions would carry
// the loss on.
func OpenWith(dir string, o Options) (*Store, error) {
	o = o.withDefaults()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("staging folder %s: %w", dir, err)
	}
	guard := &spaceGuard{dir: dir, min: o.MinFree(), free: o.FreeSpace}
	if err := guard.checkNow(); err != nil {
		return nil, err
	}
	unlock, err := lockStage(dir)
	if err != nil {
		return nil, err
	}
	if err := checkBeforeOpen(dir); err != nil {
		unlock()
		return nil, err
	}
	s, err := open(o.badger(dir), dir)
	if err != nil {
		unlock()
		return nil, err
	}
	s.guard, s.unlock = guard, unlock
	s.trim = startTrimmer(dir)
	return s, nil
}

// OpenInMemory opens a throw-away store, for tests.
func OpenInMemory() (*Store, error) {
	return open(badger.DefaultOptions("").WithInMemory(true).WithLogger(quietLogger{}), "")
}

func lockedError(dir string) error {
	return fmt.Errorf("%w: %s (wait for it to finish, or use another --stage-dir)", ErrLocked, dir)
}

// LockName is the file of a staging folder that a kg process holds locked
// (flock, exclusive) for as long as it has the folder open, before Badger
// opens it: a second kg finds it locked and fails with ErrLocked. (Badger's
// own lock on the folder reports no error kg could test with errors.Is.)
// The kernel releases the lock when the process dies.
const LockName = "kg.lock"

// lockStage takes the folder's kg lock (LockName).
func lockStage(dir string) (unlock func(), err error) {
	f, err := os.OpenFile(filepath.Join(dir, LockName), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("staging folder %s: %w", dir, err)
	}
	return flock(dir, f)
}

// flock locks f (a file of the staging folder dir, or the folder itself)
// exclusively, without waiting: ErrLocked when another holds it. unlock
// releases it and closes f; on error f is closed.
func flock(dir string, f *os.File) (unlock func(), err error) {
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, lockedError(dir)
		}
		return nil, fmt.Errorf("locking staging folder %s: %w", dir, err)
	}
	return func() { syscall.Flock(int(f.Fd()), syscall.LOCK_UN); f.Close() }, nil
}

func open(opts badger.Options, dir string) (*Store, error) {
	db, err := badger.Open(opts)
	if err != nil {
		return nil, fmt.Errorf("opening staging folder %s: %w", dir, err)
	}
	s := &Store{db: db, dir: dir}
	err = db.Update(func(txn *badger.Txn) error {
		it, err := txn.Get([]byte("meta/format"))
		if errors.Is(err, badger.ErrKeyNotFound) {
			return txn.Set([]byte("meta/format"), []byte(FormatVersion))
		}
		if err != nil {
			return err
		}
		return it.Value(func(v []byte) error {
			if string(v) != FormatVersion {
				return fmt.Errorf("%w: %s has format %q, this kg reads %q", ErrFormat, dir, v, FormatVersion)
			}
			return nil
		})
	})
	if err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// Close flushes and closes the store, and releases the folder's lock.
func (s *Store) Close() error {
	if s.trim != nil {
		s.trim.Stop()
		s.trim = nil
	}
	err := s.db.Close()
	if s.unlock != nil {
		s.unlock()
		s.unlock = nil
	}
	return err
}

// Dir is the staging folder.
func (s *Store) Dir() string { return s.dir }

func articleKey(id string) []byte    { return []byte("a/" + id) }
func extractionKey(r Ref) []byte     { return []byte("x/" + r.Version + "/" + r.Hash) }
func targetKey(t string) []byte      { return []byte("t/" + t) }
func journalKey(t, id string) []byte { return []byte("j/" + t + "\x00" + id) }
func doneKey(t, id string) []byte    { return []byte("d/" + t + "\x00" + id) }
func journalPrefix(t string) []byte  { return []byte("j/" + t + "\x00") }
func donePrefix(t string) []byte     { return []byte("d/" + t + "\x00") }

func getJSON(txn *badger.Txn, key []byte, v any) error {
	it, err := txn.Get(key)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return ErrNotFound
	}
	if err != nil {
		return err
	}
	return it.Value(func(b []byte) error { return json.Unmarshal(b, v) })
}

func setJSON(txn *badger.Txn, key []byte, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return txn.Set(key, b)
}

// Article returns the staged record of an article.
func (s *Store) Article(id string) (*ArticleRecord, error) {
	var r ArticleRecord
	err := s.db.View(func(txn *badger.Txn) error { return getJSON(txn, articleKey(id), &r) })
	if err != nil {
		return nil, fmt.Errorf("article %s: %w", id, err)
	}
	return &r, nil
}

// Extraction returns the cached extraction for ref, or ErrNotFound.
func (s *Store) Extraction(r Ref) (*model.Extraction, error) {
	var x model.Extraction
	err := s.db.View(func(txn *badger.Txn) error { return getJSON(txn, extractionKey(r), &x) })
	if err != nil {
		return nil, err
	}
	return &x, nil
}

// HasExtraction reports whether ref is cached.
func (s *Store) HasExtraction(r Ref) (bool, error) {
	err := s.db.View(func(txn *badger.Txn) error {
		_, err := txn.Get(extractionKey(r))
		return err
	})
	if errors.Is(err, badger.ErrKeyNotFound) {
		return false, nil
	}
	return err == nil, err
}

// Stage stores an article and (when x is not nil) its extraction under ref,
// and journals the article for every known target that does not have ref
// yet, all in one transaction. It returns whether anything was journalled.
// Staging the same article and ref again is a no-op.
func (s *Store) Stage(a *model.Article, ref Ref, x *model.Extraction) (journalled bool, err error) {
	targets, err := s.Targets()
	if err != nil {
		return false, err
	}
	rec, err := json.Marshal(ArticleRecord{Article: *a, Hash: ref.Hash})
	if err != nil {
		return false, err
	}
	var xb, sb []byte
	if x != nil {
		if xb, err = json.Marshal(x); err != nil {
			return false, err
		}
		if sb, err = json.Marshal(resolve.Summarize(x)); err != nil {
			return false, err
		}
	}
	if err := s.guard.check(len(rec) + len(xb) + len(sb)); err != nil {
		return false, err
	}
	err = s.update(func(txn *badger.Txn) error {
		journalled = false
		// A new article, new content or a new extraction changes what
		// cross-article resolution sees.
		var oldHash string
		item, err := txn.Get(articleKey(a.ID))
		if err == nil {
			err = item.Value(func(b []byte) (err error) { oldHash, err = recordHash(b); return err })
		}
		switch {
		case errors.Is(err, badger.ErrKeyNotFound), err == nil && oldHash != ref.Hash, xb != nil:
			if err := markStale(txn); err != nil {
				return err
			}
		case err != nil:
			return fmt.Errorf("article %s: reading its staged record: %w", a.ID, err)
		}
		if err := txn.Set(articleKey(a.ID), rec); err != nil {
			return err
		}
		if xb != nil {
			if err := txn.Set(extractionKey(ref), xb); err != nil {
				return err
			}
			if err := txn.Set(summaryKey(ref), sb); err != nil {
				return err
			}
		}
		for _, t := range targets {
			var done Ref
			err := getJSON(txn, doneKey(t, a.ID), &done)
			if err == nil && done == ref {
				if err := txn.Delete(journalKey(t, a.ID)); err != nil {
					return err
				}
				continue
			}
			if err != nil && !errors.Is(err, ErrNotFound) {
				return fmt.Errorf("article %s: reading its done marker: %w", a.ID, err)
			}
			if err := setJSON(txn, journalKey(t, a.ID), ref); err != nil {
				return err
			}
			journalled = true
		}
		return nil
	})
	return journalled, err
}

// update runs fn in a read-write transaction, retrying on conflicts.
func (s *Store) update(fn func(txn *badger.Txn) error) error {
	for i := 0; ; i++ {
		err := s.db.Update(fn)
		if errors.Is(err, badger.ErrConflict) && i < 5 {
			continue
		}
		return err
	}
}

// Targets lists the target databases known to this store.
func (s *Store) Targets() ([]string, error) {
	var out []string
	err := s.db.View(func(txn *badger.Txn) error {
		o := badger.DefaultIteratorOptions
		o.PrefetchValues = false
		o.Prefix = []byte("t/")
		it := txn.NewIterator(o)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			out = append(out, string(it.Item().Key()[2:]))
		}
		return nil
	})
	return out, err
}

// AddTarget registers a target database. A target seen for the first time
// gets every staged article journalled, with the newest extraction of
// version; it returns how many were journalled (0 for a known target).
func (s *Store) AddTarget(target, version string) (int, error) {
	if strings.ContainsRune(target, 0) || target == "" {
		return 0, fmt.Errorf("bad target name %q", target)
	}
	known := false
	err := s.db.View(func(txn *badger.Txn) error {
		_, err := txn.Get(targetKey(target))
		known = err == nil
		if errors.Is(err, badger.ErrKeyNotFound) {
			return nil
		}
		return err
	})
	if err != nil || known {
		return 0, err
	}
	n, _, err := s.Requeue(target, version)
	if err != nil {
		return n, err
	}
	return n, s.update(func(txn *badger.Txn) error { return txn.Set(targetKey(target), []byte("1")) })
}

// Requeue journals every staged article that has an extraction of version
// for target, whatever was written before (kg push --all). It returns how
// many it journalled and how many staged articles it skipped because they
// have no extraction of version (kg load extracts them).
func (s *Store) Requeue(target, version string) (queued, noExtraction int, err error) {
	wb := s.db.NewWriteBatch()
	defer wb.Cancel()
	noExtraction, err = s.ForEachArticle(version, false, func(rec *ArticleRecord, _ *model.Extraction) error {
		b, _ := json.Marshal(Ref{Hash: rec.Hash, Version: version})
		if err := s.guard.check(len(b) + 64); err != nil {
			return err
		}
		if err := wb.Set(journalKey(target, rec.Article.ID), b); err != nil {
			return err
		}
		queued++
		return nil
	})
	if err != nil {
		return 0, 0, err
	}
	return queued, noExtraction, wb.Flush()
}

// Pending is one journal entry.
type Pending struct {
	ID  string
	Ref Ref
}

// PendingBatch returns up to n journal entries of target, in article id order.
func (s *Store) PendingBatch(target string, n int) ([]Pending, error) {
	var out []Pending
	err := s.db.View(func(txn *badger.Txn) error {
		o := badger.DefaultIteratorOptions
		o.Prefix = journalPrefix(target)
		it := txn.NewIterator(o)
		defer it.Close()
		for it.Rewind(); it.Valid() && len(out) < n; it.Next() {
			var p Pending
			p.ID = string(bytes.TrimPrefix(it.Item().Key(), o.Prefix))
			if err := it.Item().Value(func(b []byte) error { return json.Unmarshal(b, &p.Ref) }); err != nil {
				return fmt.Errorf("journal entry of article %s: %w", p.ID, err)
			}
			out = append(out, p)
		}
		return nil
	})
	return out, err
}

// DoneBatch returns up to n done markers of target whose article id is
// greater than after, in id order: what staging says target has, page by
// page.
func (s *Store) DoneBatch(target, after string, n int) ([]Pending, error) {
	return s.batchAfter(donePrefix(target), "done marker", after, n)
}

// PendingAfter returns up to n journal entries of target whose article id
// is greater than after, in id order: the journal page by page, for a
// reader that leaves some entries in it.
func (s *Store) PendingAfter(target, after string, n int) ([]Pending, error) {
	return s.batchAfter(journalPrefix(target), "journal entry", after, n)
}

func (s *Store) batchAfter(prefix []byte, what, after string, n int) ([]Pending, error) {
	var out []Pending
	err := s.db.View(func(txn *badger.Txn) error {
		o := badger.DefaultIteratorOptions
		o.Prefix = prefix
		it := txn.NewIterator(o)
		defer it.Close()
		from := o.Prefix
		if after != "" {
			from = append(append(slices.Clone(prefix), after...), 0)
		}
		for it.Seek(from); it.Valid() && len(out) < n; it.Next() {
			var p Pending
			p.ID = string(bytes.TrimPrefix(it.Item().Key(), o.Prefix))
			if err := it.Item().Value(func(b []byte) error { return json.Unmarshal(b, &p.Ref) }); err != nil {
				return fmt.Errorf("%s of article %s: %w", what, p.ID, err)
			}
			out = append(out, p)
		}
		return nil
	})
	return out, err
}

// Rejournal journals the entries for target again (kg push --verify found
// that the graph lacks them), except articles that already have a journal
// entry: those are written anyway. It returns how many it journalled.
func (s *Store) Rejournal(target string, ps []Pending) (int, error) {
	if err := s.guard.check(len(ps) * 256); err != nil {
		return 0, err
	}
	n := 0
	err := s.update(func(txn *badger.Txn) error {
		n = 0
		for _, p := range ps {
			_, err := txn.Get(journalKey(target, p.ID))
			if err == nil {
				continue
			}
			if !errors.Is(err, badger.ErrKeyNotFound) {
				return err
			}
			if err := setJSON(txn, journalKey(target, p.ID), p.Ref); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	return n, err
}

// MarkDone records that the entries were written to target: their journal
// entries are removed (unless re-journalled with another ref meanwhile) and
// their done refs set, in one transaction.
func (s *Store) MarkDone(target string, done []Pending) error {
	if err := s.guard.check(len(done) * 256); err != nil {
		return err
	}
	return s.update(func(txn *badger.Txn) error {
		for _, p := range done {
			var cur Ref
			err := getJSON(txn, journalKey(target, p.ID), &cur)
			if err == nil && cur == p.Ref {
				if err := txn.Delete(journalKey(target, p.ID)); err != nil {
					return err
				}
			} else if err != nil && !errors.Is(err, ErrNotFound) {
				return err
			}
			if err := setJSON(txn, doneKey(target, p.ID), p.Ref); err != nil {
				return err
			}
		}
		return nil
	})
}

// TargetStatus counts one target's journal.
type TargetStatus struct {
	Target  string `json:"target"`
	Pending int    `json:"pending"`
	Loaded  int    `json:"loaded"`
}

// Status summarises the store.
type Status struct {
	Dir                  string         `json:"dir"`
	Articles             int            `json:"articles"`
	ExtractionsByVersion map[string]int `json:"extractions_by_version"`
	Targets              []TargetStatus `json:"targets"`
	LSMBytes             int64          `json:"lsm_bytes"`
	VlogBytes            int64          `json:"vlog_bytes"`
	// Resolution is the stored cross-article entity resolution (Stale also
	// when none was computed yet).
	Resolution ResolutionInfo `json:"resolution"`
	// Counters are the run counters summed over every run (AddCounters:
	// llm.calls, llm.prompt_tokens, llm.cache_hits, ...) and
	// llm.replies_cached, the replies in the cache; absent when none.
	Counters map[string]int64 `json:"counters,omitempty"`
}

func (s *Store) count(prefix []byte, fn func(key []byte)) error {
	return s.db.View(func(txn *badger.Txn) error {
		o := badger.DefaultIteratorOptions
		o.PrefetchValues = false
		o.Prefix = prefix
		it := txn.NewIterator(o)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			fn(it.Item().Key())
		}
		return nil
	})
}

// Status counts articles, extractions per version and journal states per target.
func (s *Store) Status() (*Status, error) {
	st := &Status{Dir: s.dir, ExtractionsByVersion: map[string]int{}}
	if err := s.count([]byte("a/"), func([]byte) { st.Articles++ }); err != nil {
		return nil, err
	}
	if err := s.count([]byte("x/"), func(k []byte) {
		v := string(k[2:])
		if i := strings.LastIndexByte(v, '/'); i >= 0 {
			v = v[:i]
		}
		st.ExtractionsByVersion[v]++
	}); err != nil {
		return nil, err
	}
	targets, err := s.Targets()
	if err != nil {
		return nil, err
	}
	sort.Strings(targets)
	for _, t := range targets {
		ts := TargetStatus{Target: t}
		if err := s.count(journalPrefix(t), func([]byte) { ts.Pending++ }); err != nil {
			return nil, err
		}
		if err := s.count(donePrefix(t), func([]byte) { ts.Loaded++ }); err != nil {
			return nil, err
		}
		st.Targets = append(st.Targets, ts)
	}
	st.LSMBytes, st.VlogBytes = s.db.Size()
	if st.Resolution, err = s.ResolutionInfo(""); err != nil {
		return nil, err
	}
	if st.Counters, err = s.counters(); err != nil {
		return nil, err
	}
	return st, nil
}

// GC drops the extractions of versions other than those of keep (none
// when keep is empty: it only reclaims space) and reclaims value-log
// space. It returns how many extractions it dropped.
func (s *Store) GC(keep ...string) (int, error) {
	n := 0
	if len(keep) > 0 {
		kept := func(k []byte, prefix string) bool {
			for _, v := range keep {
				if bytes.HasPrefix(k, []byte(prefix+v+"/")) {
					return true
				}
			}
			return false
		}
		var stale [][]byte
		if err := s.count([]byte("x/"), func(k []byte) {
			if !kept(k, "x/") {
				stale = append(stale, append([]byte(nil), k...))
			}
		}); err != nil {
			return 0, err
		}
		n = len(stale)
		if err := s.count([]byte("n/"), func(k []byte) { // their summaries
			if !kept(k, "n/") {
				stale = append(stale, append([]byte(nil), k...))
			}
		}); err != nil {
			return 0, err
		}
		if err := s.guard.check(len(stale) * 64); err != nil {
			return 0, err
		}
		wb := s.db.NewWriteBatch()
		for _, k := range stale {
			if err := wb.Delete(k); err != nil {
				wb.Cancel()
				return 0, err
			}
		}
		if err := wb.Flush(); err != nil {
			return 0, err
		}
	}
	if s.dir == "" {
		return n, nil
	}
	if err := s.guard.checkNow(); err != nil {
		return n, err
	}
	if err := s.db.Flatten(1); err != nil {
		return n, err
	}
	for {
		if err := s.db.RunValueLogGC(0.5); err != nil {
			if errors.Is(err, badger.ErrNoRewrite) || errors.Is(err, badger.ErrRejected) {
				break
			}
			return n, err
		}
	}
	return n, nil
}

// ForEachArticle calls fn for every staged article that has an extraction
// of version, in article id order: the articles a new target database gets
// (AddTarget journals exactly these). With withExtraction false, x is nil
// and extractions are neither read nor decoded (a cheap pass over the
// article records). It returns how many staged articles it skipped for
// want of an extraction of version. One read transaction serves the whole
// pass, so fn sees one consistent snapshot; fn must not write to the store
// (a write batch flushed after the pass, as Requeue's, is fine).
// An error from fn stops the pass and is returned as is.
func (s *Store) ForEachArticle(version string, withExtraction bool, fn func(rec *ArticleRecord, x *model.Extraction) error) (noExtraction int, err error) {
	err = s.db.View(func(txn *badger.Txn) error {
		o := badger.DefaultIteratorOptions
		o.Prefix = []byte("a/")
		it := txn.NewIterator(o)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			id := string(it.Item().Key()[2:])
			var r ArticleRecord
			if err := it.Item().Value(func(b []byte) error { return json.Unmarshal(b, &r) }); err != nil {
				return fmt.Errorf("article %s: %w", id, err)
			}
			ref := Ref{Hash: r.Hash, Version: version}
			var x *model.Extraction
			if withExtraction {
				x = new(model.Extraction)
				err := getJSON(txn, extractionKey(ref), x)
				if errors.Is(err, ErrNotFound) {
					noExtraction++
					continue
				}
				if err != nil {
					return fmt.Errorf("article %s: its extraction: %w", id, err)
				}
			} else if _, err := txn.Get(extractionKey(ref)); errors.Is(err, badger.ErrKeyNotFound) {
				noExtraction++
				continue
			} else if err != nil {
				return fmt.Errorf("article %s: its extraction: %w", id, err)
			}
			if err := fn(&r, x); err != nil {
				return err
			}
		}
		return nil
	})
	return noExtraction, err
}
