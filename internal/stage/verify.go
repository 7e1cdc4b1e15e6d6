package stage

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/options"
	"github.com/dgraph-io/badger/v4/table"
	"github.com/dgraph-io/badger/v4/y"
	"github.com/dgraph-io/ristretto/v2/z"

	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/resolve"
)

// Why kg checks tables itself: a Badger iterator (and Txn.Get) treats a
// block that cannot be read or decoded as the end of its table and has no
// Err method, so a scan over a damaged table ends early without an error.
// That is how `kg push --all` once wrote 441 of 2,000 articles and exited
// 0: Requeue's scan of the article records stopped at the damaged block.
// kg verifies every block's checksum before Badger opens a folder
// (checkBeforeOpen) and refuses a damaged folder with a *DamagedError;
// `kg stage verify` reports and repairs.

// BadBlock is one unreadable block of a table file: its checksum does not
// match, it does not decode, or (Block -1) the whole table is unreadable.
type BadBlock struct {
	File  string `json:"file"`
	Block int    `json:"block"`
	// First and Last are the keys at the block's bounds: every record
	// between them (inclusive) may be lost.
	First string `json:"first_key,omitempty"`
	Last  string `json:"last_key,omitempty"`
	Err   string `json:"error"`

	lo, hi []byte
}

func (b BadBlock) covers(key []byte) bool {
	return b.lo != nil && bytes.Compare(key, b.lo) >= 0 && bytes.Compare(key, b.hi) <= 0
}

// BadRecord is one record that could not be used.
type BadRecord struct {
	Key string `json:"key"`
	Err string `json:"error"`
}

// VerifyReport is what Verify found.
type VerifyReport struct {
	Dir       string     `json:"dir"`
	Tables    int        `json:"tables"`
	Blocks    int        `json:"blocks"`
	BadBlocks []BadBlock `json:"bad_blocks,omitempty"`
	// Fatal is set when Badger cannot open the folder at all; nothing
	// else could be checked.
	Fatal string `json:"fatal,omitempty"`
	// Records read, and how many of them were good or bad (in a damaged
	// block, or the value could not be read or decoded).
	Records    int         `json:"records"`
	Good       int         `json:"good"`
	Bad        int         `json:"bad"`
	BadRecords []BadRecord `json:"bad_records,omitempty"` // the first 100
	// Lost counts records that other records show existed but that are
	// missing, their key inside a damaged block.
	Lost int `json:"lost"`
	// Dangling counts the other journal entries whose article or
	// extraction is not staged (push would fail on them; e.g. an extraction
	// dropped by kg gc) and done markers whose article is not staged.
	Dangling int `json:"dangling"`
	// Articles are the ids of the articles with an unreadable, lost or
	// dangling record.
	Articles []string `json:"unreadable_articles,omitempty"`
	// Repair says what Verify with Repair did.
	Repair *RepairResult `json:"repair,omitempty"`
}

// OK reports whether nothing is wrong.
func (r *VerifyReport) OK() bool {
	return r.Fatal == "" && len(r.BadBlocks) == 0 && r.Bad == 0 && r.Lost == 0 && r.Dangling == 0
}

// Summary is one line about the damage.
func (r *VerifyReport) Summary() string {
	if r.Fatal != "" {
		return r.Fatal
	}
	var parts []string
	if n := len(r.BadBlocks); n > 0 {
		files := map[string]bool{}
		for _, b := range r.BadBlocks {
			files[b.File] = true
		}
		b := r.BadBlocks[0]
		p := fmt.Sprintf("%d unreadable block(s) in %s", n, strings.Join(sortedKeys(files), ", "))
		if b.First != "" {
			p += fmt.Sprintf(" (first: keys %q to %q)", b.First, b.Last)
		}
		parts = append(parts, p)
	}
	if r.Bad > 0 {
		parts = append(parts, fmt.Sprintf("%d of %d records unreadable", r.Bad, r.Records))
	}
	if r.Lost > 0 {
		parts = append(parts, fmt.Sprintf("%d records lost in damaged blocks", r.Lost))
	}
	if r.Dangling > 0 {
		parts = append(parts, fmt.Sprintf("%d journal or done entries without their article or extraction", r.Dangling))
	}
	if len(parts) == 0 {
		return "no problems"
	}
	s := strings.Join(parts, "; ")
	if len(r.Articles) > 0 {
		s += fmt.Sprintf("; %d article(s) affected: %s", len(r.Articles), listIDs(r.Articles, 10))
	}
	return s
}

func sortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }

func listIDs(ids []string, n int) string {
	if len(ids) <= n {
		return strings.Join(ids, ", ")
	}
	return strings.Join(ids[:n], ", ") + fmt.Sprintf(", … (%d more)", len(ids)-n)
}

// RepairResult says what a repair did.
type RepairResult struct {
	Kept    int `json:"kept"`
	Dropped int `json:"dropped"`
	// DamagedCopy is where the damaged folder was moved to.
	DamagedCopy string `json:"damaged_copy"`
}

// DamagedError is returned by Open for a damaged folder. It wraps
// ErrDamaged.
type DamagedError struct{ Report *VerifyReport }

func (e *DamagedError) Error() string {
	fix := "run `kg stage verify --repair` to drop the unreadable records, then `kg load CORPUS` to re-extract and re-stage them"
	if e.Report.Fatal != "" {
		fix = "it cannot be repaired in place: move it away and run `kg load CORPUS`, which rebuilds it from the sources"
	}
	return fmt.Sprintf("%v: %s: %s; %s", ErrDamaged, e.Report.Dir, e.Report.Summary(), fix)
}

func (e *DamagedError) Unwrap() error { return ErrDamaged }

// lockDir takes the same lock Badger takes (flock on the folder), so that
// no other kg changes the tables while they are checked.
func lockDir(dir string) (unlock func(), err error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, fmt.Errorf("staging folder %s: %w", dir, err)
	}
	return flock(dir, f)
}

// tableCheck is the result of checkTables.
type tableCheck struct {
	tables, blocks int
	bad            []BadBlock
	fatal          string
}

// checkBeforeOpen checks every table of an existing folder; on damage it
// analyses the folder and returns a *DamagedError.
func checkBeforeOpen(dir string) error {
	if _, err := os.Stat(filepath.Join(dir, badger.ManifestFilename)); errors.Is(err, os.ErrNotExist) {
		return nil // a new folder
	}
	unlock, err := lockDir(dir)
	if err != nil {
		return err
	}
	tc := checkTables(dir)
	unlock()
	if tc.fatal == "" && len(tc.bad) == 0 {
		return nil
	}
	r, err := analyze(dir, Options{}.withDefaults(), false)
	if err != nil {
		return err
	}
	return &DamagedError{Report: r}
}

// checkTables reads every block of every table listed in the folder's
// MANIFEST and verifies its checksum, without Badger opening the folder.
func checkTables(dir string) tableCheck {
	var tc tableCheck
	f, err := os.Open(filepath.Join(dir, badger.ManifestFilename))
	if err != nil {
		tc.fatal = fmt.Sprintf("%s: %v", badger.ManifestFilename, err)
		return tc
	}
	defer f.Close()
	mf, _, err := badger.ReplayManifestFile(f, 0, badger.DefaultOptions(dir))
	if err != nil {
		tc.fatal = fmt.Sprintf("%s is unreadable: %v", badger.ManifestFilename, err)
		return tc
	}
	ids := make([]uint64, 0, len(mf.Tables))
	for id := range mf.Tables {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		n, bad := checkTable(table.NewFilename(id, dir), mf.Tables[id].Compression)
		tc.tables++
		tc.blocks += n
		tc.bad = append(tc.bad, bad...)
		for _, b := range bad {
			if b.Block < 0 && tc.fatal == "" {
				tc.fatal = fmt.Sprintf("table %s is unreadable (%s)", b.File, b.Err)
			}
		}
	}
	return tc
}

// checkTable opens one table file read-only and reads each of its blocks,
// which verifies the block's checksum. It never lets the table package
// delete the file (Table.DecrRef to zero would).
func checkTable(path string, c options.CompressionType) (blocks int, bad []BadBlock) {
	name := filepath.Base(path)
	whole := func(err any) []BadBlock { return []BadBlock{{File: name, Block: -1, Err: fmt.Sprint(err)}} }
	mf, err := z.OpenMmapFile(path, os.O_RDONLY, 0)
	if err != nil {
		return 0, whole(err)
	}
	defer mf.Close(-1)
	var t *table.Table
	func() {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("%v", r)
			}
		}()
		t, err = table.OpenTable(mf, table.Options{ChkMode: options.OnBlockRead, BlockSize: 4 << 10, Compression: c, BloomFalsePositive: 0.01})
	}()
	if err != nil {
		return 0, whole(err)
	}
	bases := t.KeySplits(math.MaxInt32, nil) // the first key of every block
	it := t.NewIterator(table.NOCACHE)
	defer it.Close()
	for i, base := range bases {
		ok := func() (ok bool) {
			defer func() {
				if recover() != nil {
					ok = false
				}
			}()
			it.Seek([]byte(base))
			return it.Valid()
		}()
		if ok {
			continue
		}
		lo := y.ParseKey([]byte(base))
		hi := y.ParseKey(t.Biggest())
		if i+1 < len(bases) {
			hi = y.ParseKey([]byte(bases[i+1]))
		}
		bad = append(bad, BadBlock{File: name, Block: i, First: string(lo), Last: string(hi),
			Err: "checksum mismatch or undecodable block", lo: bytes.Clone(lo), hi: bytes.Clone(hi)})
	}
	return len(bases), bad
}

// VerifyOptions configure Verify.
type VerifyOptions struct {
	Options
	// Repair rebuilds the folder from its good records when anything is
	// wrong, and keeps the damaged folder beside it.
	Repair bool
}

// Verify checks a staging folder: every block checksum of every table,
// then every record (its value, with the value log's CRC, and its JSON),
// then the references between records. With Repair, a folder with
// problems is rebuilt from the good records only: unreadable records are
// dropped, and so are the journal entries and done markers of articles
// whose record or extraction was dropped, so that `kg load` stages,
// extracts and writes those articles again. The damaged folder is kept as
// DIR.damaged-TIME.
func Verify(dir string, o VerifyOptions) (*VerifyReport, error) {
	if _, err := os.Stat(filepath.Join(dir, badger.ManifestFilename)); err != nil {
		return nil, fmt.Errorf("staging folder %s: no staging data there (%w)", dir, err)
	}
	release, err := lockStage(dir)
	if err != nil {
		return nil, err
	}
	defer release()
	return analyze(dir, o.withDefaults(), o.Repair)
}

// verifyOptions open a possibly damaged folder: no compaction (it would
// carry a damaged table's loss into new tables), no write stalls.
func verifyOptions(o Options, dir string) badger.Options {
	return o.badger(dir).WithNumCompactors(0).WithNumLevelZeroTablesStall(math.MaxInt32)
}

// record is one staged record, as Verify classifies it.
type record struct {
	key, val []byte
}

// analyze checks the tables of dir, then (when Badger can open it) every
// record and the references between records, and reports what it found.
// With repair, a folder with problems is rebuilt from its good records
// (rebuild) and the report says so. A folder Badger cannot open is
// reported with Fatal set and a nil error; the error is for what stopped
// the check itself (the lock, free space, the scan, the rebuild).
func analyze(dir string, o Options, repair bool) (*VerifyReport, error) {
	r := &VerifyReport{Dir: dir}
	guard := &spaceGuard{dir: dir, min: o.MinFree(), free: o.FreeSpace}
	if err := guard.checkNow(); err != nil {
		return nil, err
	}
	unlock, err := lockDir(dir)
	if err != nil {
		return nil, err
	}
	tc := checkTables(dir)
	unlock()
	r.Tables, r.Blocks, r.BadBlocks, r.Fatal = tc.tables, tc.blocks, tc.bad, tc.fatal
	if r.Fatal != "" {
		return r, nil
	}
	db, err := badger.Open(verifyOptions(o, dir))
	if err != nil {
		r.Fatal = fmt.Sprintf("Badger cannot open it: %v", err)
		return r, nil
	}
	defer func() {
		if db != nil {
			db.Close()
		}
	}()

	s := newRecordCheck(r, repair)
	if err := scanRecords(db, r.BadBlocks, s.record); err != nil {
		return nil, err
	}
	s.markBadKeys()
	s.findLost()
	s.checkReferences()
	r.Articles = sortedKeys(s.affected)

	if !repair || r.OK() {
		return r, nil
	}
	keep, added := s.repairRecords()
	if err := db.Close(); err != nil {
		return nil, fmt.Errorf("closing the damaged folder: %w", err)
	}
	db = nil
	res, err := rebuild(dir, o, keep)
	if err != nil {
		return nil, err
	}
	if added {
		res.Kept-- // not a record of the damaged folder
	}
	res.Dropped = r.Records - res.Kept
	r.Repair = res
	return r, nil
}

// recordCheck is the state of analyze's check of the records of one
// folder: what the scan found good, what it found bad, and the articles
// affected. It fills in the counts and lists of its report as it goes.
type recordCheck struct {
	r      *VerifyReport
	repair bool

	arts    map[string]string          // id -> hash of good article records
	xs      map[string]bool            // good extraction keys
	refs    map[string]map[string]Ref  // "j/t" or "d/t" -> id -> ref, good entries
	targets map[string]bool            // known targets
	byHash  map[string]map[string]bool // hash -> ids
	badKeys [][]byte
	keep    []record // good records that are not journal or done entries (for repair)

	affected map[string]bool // ids of the articles with a bad, lost or dangling record
	lost     map[string]bool // keys of records lost in damaged blocks
}

// newRecordCheck returns an empty check that reports into r; with repair
// it keeps the good records for rebuilding the folder.
func newRecordCheck(r *VerifyReport, repair bool) *recordCheck {
	return &recordCheck{
		r:        r,
		repair:   repair,
		arts:     map[string]string{},
		xs:       map[string]bool{},
		refs:     map[string]map[string]Ref{},
		targets:  map[string]bool{},
		byHash:   map[string]map[string]bool{},
		affected: map[string]bool{},
		lost:     map[string]bool{},
	}
}

// addHash records that article id has content hash h.
func (s *recordCheck) addHash(h, id string) {
	if s.byHash[h] == nil {
		s.byHash[h] = map[string]bool{}
	}
	s.byHash[h][id] = true
}

// fail counts key as a bad record for the reason e; the report lists the
// first 100.
func (s *recordCheck) fail(key []byte, e string) {
	s.r.Bad++
	s.badKeys = append(s.badKeys, bytes.Clone(key))
	if len(s.r.BadRecords) < 100 {
		s.r.BadRecords = append(s.r.BadRecords, BadRecord{Key: string(key), Err: e})
	}
}

// badBlock returns the first damaged block whose key range holds key.
func (s *recordCheck) badBlock(key []byte) (BadBlock, bool) {
	for _, b := range s.r.BadBlocks {
		if b.covers(key) {
			return b, true
		}
	}
	return BadBlock{}, false
}

// inBad reports whether key falls in a damaged block.
func (s *recordCheck) inBad(key []byte) bool {
	_, ok := s.badBlock(key)
	return ok
}

// record classifies one record of the scan (scanRecords' fn): it is bad
// when its key is in a damaged block or its value cannot be read or
// decoded, and good otherwise. Journal entries and done markers are held
// in refs until their references are checked; with repair, the other good
// records are kept.
func (s *recordCheck) record(key []byte, item *badger.Item) {
	s.r.Records++
	if b, ok := s.badBlock(key); ok {
		s.fail(key, fmt.Sprintf("in damaged block %d of %s", b.Block, b.File))
		return
	}
	val, err := item.ValueCopy(nil)
	if err != nil {
		s.fail(key, err.Error())
		return
	}
	k := string(key)
	if strings.HasPrefix(k, "j/") || strings.HasPrefix(k, "d/") {
		if err := s.reference(k, val); err != nil {
			s.fail(key, err.Error())
			return
		}
		s.r.Good++
		return // written after the references are checked
	}
	if err := s.decode(k, val); err != nil {
		s.fail(key, err.Error())
		return
	}
	s.r.Good++
	if s.repair {
		s.keep = append(s.keep, record{bytes.Clone(key), val})
	}
}

// reference decodes the journal entry or done marker k ("j/" or "d/",
// target, NUL, article id) and records it, its target and its article's
// hash.
func (s *recordCheck) reference(k string, val []byte) error {
	t, id, ok := strings.Cut(k[2:], "\x00")
	if !ok {
		return errors.New("malformed key")
	}
	var ref Ref
	if err := json.Unmarshal(val, &ref); err != nil {
		return err
	}
	m := k[:2] + t
	if s.refs[m] == nil {
		s.refs[m] = map[string]Ref{}
	}
	s.refs[m][id] = ref
	s.targets[t] = true
	s.addHash(ref.Hash, id)
	return nil
}

// decode checks that the value of the record k (not a journal entry or
// done marker) decodes as its kind of record, and records the articles,
// extractions and targets it shows. Records of other kinds are not
// checked.
func (s *recordCheck) decode(k string, val []byte) error {
	switch {
	case strings.HasPrefix(k, "a/"):
		var a ArticleRecord
		if err := json.Unmarshal(val, &a); err != nil {
			return err
		}
		s.arts[k[2:]] = a.Hash
		s.addHash(a.Hash, k[2:])
	case strings.HasPrefix(k, "x/"):
		var x model.Extraction
		if err := json.Unmarshal(val, &x); err != nil {
			return err
		}
		s.xs[k] = true
	case strings.HasPrefix(k, "t/"):
		s.targets[k[2:]] = true
	case strings.HasPrefix(k, "n/"), strings.HasPrefix(k, "r/"), strings.HasPrefix(k, "g/"), strings.HasPrefix(k, "m/"):
		// resolution records: a bad one is dropped by repair and
		// made again (summaries from their extractions, the rest by
		// the next resolution; a lost manual record is lost)
		var v any
		switch k[0] {
		case 'n':
			v = &resolve.Summary{}
		case 'r':
			v = &resolve.Target{}
		case 'g':
			v = &resolve.Group{}
		default:
			v = &ManualRecord{}
		}
		return json.Unmarshal(val, v)
	}
	return nil
}

// idsOfKey returns the ids of the articles whose record k is: the article
// of an article record, journal entry or done marker, and the articles
// with the content hash of an extraction.
func (s *recordCheck) idsOfKey(k string) []string {
	switch {
	case strings.HasPrefix(k, "a/"):
		return []string{k[2:]}
	case strings.HasPrefix(k, "j/"), strings.HasPrefix(k, "d/"):
		if _, id, ok := strings.Cut(k[2:], "\x00"); ok {
			return []string{id}
		}
	case strings.HasPrefix(k, "x/"):
		if i := strings.LastIndexByte(k, '/'); i > 1 {
			return sortedKeys(s.byHash[k[i+1:]])
		}
	}
	return nil
}

// markBadKeys counts the articles of the bad records as affected.
func (s *recordCheck) markBadKeys() {
	for _, k := range s.badKeys {
		for _, id := range s.idsOfKey(string(k)) {
			s.affected[id] = true
		}
	}
}

// lose counts the record key of article id as lost when key falls in a
// damaged block.
func (s *recordCheck) lose(key []byte, id string) {
	if s.inBad(key) {
		s.affected[id] = true
		s.lost[string(key)] = true
	}
}

// findLost counts the records lost in damaged blocks (Lost) and their
// articles as affected. Records lost in a damaged block leave no trace
// but the references to them: an article record or extraction that a
// journal entry or done marker needs is lost when its key falls in a
// damaged block. Journal entries and done markers whose key falls in one
// may have been lost (nothing says whether they existed): their articles
// count as affected. A record already counted as bad is not lost.
func (s *recordCheck) findLost() {
	if len(s.r.BadBlocks) > 0 {
		ids := map[string]bool{}
		for id := range s.arts {
			ids[id] = true
		}
		for _, m := range s.refs {
			for id, ref := range m {
				ids[id] = true
				if !s.xs[string(extractionKey(ref))] {
					s.lose(extractionKey(ref), id)
				}
			}
		}
		for id := range ids {
			if _, ok := s.arts[id]; !ok {
				s.lose(articleKey(id), id)
			}
			for t := range s.targets {
				s.checkTarget(t, id)
			}
		}
	}
	for _, k := range s.badKeys {
		delete(s.lost, string(k)) // counted as bad
	}
	s.r.Lost = len(s.lost)
}

// checkTarget counts article id as affected when its journal entry or
// done marker for target t may have been lost in a damaged block. A lost
// done marker costs one rewrite; a lost journal entry matters when the
// article is staged with other content than the target has.
func (s *recordCheck) checkTarget(t, id string) {
	j, d := s.refs["j/"+t][id], s.refs["d/"+t][id]
	switch {
	case j != Ref{}:
	case d != Ref{}:
		if h, ok := s.arts[id]; ok && h != d.Hash && s.inBad(journalKey(t, id)) {
			s.affected[id] = true
		}
	case s.inBad(journalKey(t, id)) || s.inBad(doneKey(t, id)):
		s.affected[id] = true
	}
}

// keepRef reports whether the entry of article id in refs[m] has what it
// needs: a journal entry its article and extraction, a done marker its
// article.
func (s *recordCheck) keepRef(m, id string, ref Ref) bool {
	if _, ok := s.arts[id]; !ok {
		return false
	}
	return m[0] == 'd' || s.xs[string(extractionKey(ref))]
}

// checkReferences counts the articles of the journal entries and done
// markers that lack what they need as affected, and those entries as
// dangling unless what they lack was lost in a damaged block.
func (s *recordCheck) checkReferences() {
	for m, entries := range s.refs {
		for id, ref := range entries {
			if s.keepRef(m, id, ref) {
				continue
			}
			s.affected[id] = true
			if !s.lost[string(articleKey(id))] && !s.lost[string(extractionKey(ref))] {
				s.r.Dangling++
			}
		}
	}
}

// repairRecords returns the records a repaired folder is made of: the
// good records kept by the scan and the journal entries and done markers
// that have what they need. Dropped records may have been used by the
// stored entity resolution, so the records also mark it stale (the next
// load or push computes it again); added says whether that marker was
// added rather than kept.
func (s *recordCheck) repairRecords() (keep []record, added bool) {
	keep = s.keep
	for m, entries := range s.refs {
		t := m[2:]
		for id, ref := range entries {
			if !s.keepRef(m, id, ref) {
				continue
			}
			b, _ := json.Marshal(ref)
			key := journalKey(t, id)
			if m[0] == 'd' {
				key = doneKey(t, id)
			}
			keep = append(keep, record{key, b})
		}
	}
	added = !slices.ContainsFunc(keep, func(r record) bool { return bytes.Equal(r.key, staleKey) })
	if added {
		keep = append(keep, record{bytes.Clone(staleKey), []byte("1")})
	}
	return keep, added
}

// scanRecords calls fn for the newest version of every record. A scan
// through a damaged table would stop at its first bad block, so the scan is
// cut into segments at the bounds of every bad block and re-seeks at each:
// only the records inside bad blocks are missed. A segment whose block
// makes Badger panic is skipped (its records are in a bad block).
func scanRecords(db *badger.DB, bad []BadBlock, fn func(key []byte, item *badger.Item)) error {
	bounds := [][]byte{{}}
	for _, b := range bad {
		if b.lo == nil {
			continue
		}
		bounds = append(bounds, b.lo, append(bytes.Clone(b.lo), 0), b.hi, append(bytes.Clone(b.hi), 0))
	}
	sort.Slice(bounds, func(i, j int) bool { return bytes.Compare(bounds[i], bounds[j]) < 0 })
	bounds = slices.CompactFunc(bounds, bytes.Equal)
	return db.View(func(txn *badger.Txn) error {
		for i, from := range bounds {
			var to []byte
			if i+1 < len(bounds) {
				to = bounds[i+1]
			}
			func() {
				defer func() { _ = recover() }()
				o := badger.DefaultIteratorOptions
				o.PrefetchValues = false
				it := txn.NewIterator(o)
				defer it.Close()
				for it.Seek(from); it.Valid(); it.Next() {
					k := it.Item().Key()
					if to != nil && bytes.Compare(k, to) >= 0 {
						break
					}
					fn(k, it.Item())
				}
			}()
		}
		return nil
	})
}

// rebuild writes the records into a new folder beside dir, then moves dir
// to DIR.damaged-TIME and the new folder to dir.
func rebuild(dir string, o Options, recs []record) (*RepairResult, error) {
	dir = filepath.Clean(dir)
	tmp := dir + ".repair"
	if err := os.RemoveAll(tmp); err != nil {
		return nil, err
	}
	ns, err := OpenWith(tmp, o)
	if err != nil {
		return nil, fmt.Errorf("creating the repaired folder: %w", err)
	}
	wb := ns.db.NewWriteBatch()
	for _, rec := range recs {
		if string(rec.key) == "meta/format" {
			continue // set by OpenWith
		}
		if err := ns.guard.check(len(rec.key) + len(rec.val)); err != nil {
			wb.Cancel()
			ns.Close()
			return nil, err
		}
		if err := wb.Set(rec.key, rec.val); err != nil {
			wb.Cancel()
			ns.Close()
			return nil, err
		}
	}
	if err := wb.Flush(); err != nil {
		ns.Close()
		return nil, err
	}
	if err := ns.Close(); err != nil {
		return nil, err
	}
	old := dir + ".damaged-" + time.Now().Format("20060102-150405")
	if err := os.Rename(dir, old); err != nil {
		return nil, err
	}
	if err := os.Rename(tmp, dir); err != nil {
		return nil, fmt.Errorf("moving the repaired folder %s to %s (the damaged one is now %s): %w", tmp, dir, old, err)
	}
	return &RepairResult{Kept: len(recs), DamagedCopy: old}, nil
}
