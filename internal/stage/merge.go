package stage

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/dgraph-io/badger/v4"
)

// Shard staging folders (kg load --stage-only --shard I/N; kg stage merge):
//
//	meta/shard  -> ShardInfo: the shard of the corpus the folder holds
//
// A folder records its shard when it first stages with one and refuses to
// stage another shard, or the whole corpus, after that: a folder holds
// exactly one shard or none, which is what lets Merge copy shard folders
// into one without looking for the same article id in two of them.

var shardKey = []byte("meta/shard")

// ErrShard: a staging folder holds another shard of the corpus than the
// one asked for, or shard folders do not fit together.
var ErrShard = errors.New("staging folder shard mismatch")

// ShardInfo is the shard of a corpus a staging folder holds: the articles
// whose id falls in shard I of N (corpus.Shard).
type ShardInfo struct {
	I int `json:"i"`
	N int `json:"n"`
	// By is how the corpus was cut: "" by article id, "file" by file
	// (corpus.Shard.ByFile).
	By string `json:"by,omitempty"`
}

// String is "I/N by id" or "I/N by file".
func (s ShardInfo) String() string {
	by := s.By
	if by == "" {
		by = "id"
	}
	return fmt.Sprintf("%d/%d by %s", s.I, s.N, by)
}

// Shard returns the shard the folder holds, nil when it holds none (it
// was staged without a shard, or is a merge of shards).
func (s *Store) Shard() (*ShardInfo, error) {
	var info ShardInfo
	err := s.db.View(func(txn *badger.Txn) error { return getJSON(txn, shardKey, &info) })
	if errors.Is(err, ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("staging folder %s: its shard record: %w", s.dir, err)
	}
	return &info, nil
}

// SetShard checks that the folder may stage shard sh (nil: the whole
// corpus) and records it: a folder that holds a shard stages that shard
// only, and a folder that already holds articles staged without a shard
// takes no shard. Errors wrap ErrShard.
func (s *Store) SetShard(sh *ShardInfo) error {
	cur, err := s.Shard()
	if err != nil {
		return err
	}
	switch {
	case cur == nil && sh == nil:
		return nil
	case cur != nil && sh != nil && *cur == *sh:
		return nil
	case cur != nil && sh == nil:
		return fmt.Errorf("%w: %s holds shard %s of a corpus; staging without --shard there would mix the whole corpus into it "+
			"(use --shard %d/%d, or another --stage-dir; kg stage merge combines shard folders)", ErrShard, s.dir, cur, cur.I, cur.N)
	case cur != nil:
		return fmt.Errorf("%w: %s holds shard %s; it cannot stage shard %s (give each shard its own --stage-dir)", ErrShard, s.dir, cur, sh)
	}
	empty, err := s.noArticles()
	if err != nil {
		return err
	}
	if !empty {
		return fmt.Errorf("%w: %s holds articles staged without --shard; shard %s needs a staging folder of its own (--stage-dir)", ErrShard, s.dir, sh)
	}
	return s.update(func(txn *badger.Txn) error { return setJSON(txn, shardKey, sh) })
}

// MergeOptions configure Merge.
type MergeOptions struct {
	// Version is the current extractor version: a merged article is
	// journalled for the folder's known targets (as Stage does) when it has
	// an extraction of Version that the target does not have yet.
	Version string
	// Partial allows merging some of the N shards only (the others later).
	Partial bool
	// OnArticle is called after each article copied (progress); may be nil.
	OnArticle func()
	// OnDuplicate is called for each article of a source that replaces one
	// an earlier source of the same merge staged (shards cut by file: the
	// later copy in input order wins), with the sources (file:line) of the
	// two; may be nil. Only a merge into a folder without articles tells.
	OnDuplicate func(id, replaced, by string)
	// Options open the source folders (zero: kg's defaults).
	Options Options
}

// MergeStats says what Merge did.
type MergeStats struct {
	Sources     int   `json:"sources"`
	Shards      int   `json:"shards"`                   // N, the number of shards of the corpus
	Missing     []int `json:"missing_shards,omitempty"` // shards of N not among the sources (Partial)
	Articles    int   `json:"articles"`                 // article records copied
	Extractions int   `json:"extractions"`              // extractions copied (every version)
	Summaries   int   `json:"summaries"`
	Manual      int   `json:"manual_records"` // merges and splits made by hand
	Bytes       int64 `json:"bytes"`          // keys and values copied
	// Pending counts the journal entries of the known targets after the
	// merge: what kg push writes next (summed over targets).
	Pending int `json:"pending"`
	// Duplicates counts articles replaced by a later shard's article of the
	// same id (OnDuplicate).
	Duplicates int `json:"duplicate_ids"`
}

// Merge copies the staging folders srcs, each holding one shard of the
// same corpus cut into the same N (kg load --stage-only --shard I/N), into
// s: their articles, extractions (every extractor version), extraction
// summaries and manual merges and splits, record by record in a stream
// (kg keeps nothing per article; Badger's own buffers are another matter,
// see the README). Journals, done markers and
// stored resolutions of the sources are not copied: the cross-article
// entity resolution is marked stale, to be computed over every article of
// s (loader.Resolve), and the articles are journalled for the targets s
// knows (MergeOptions.Version). s must not hold a shard itself.
//
// Shards cut by id partition a corpus by article id, so no id is in two
// sources. Shards cut by file can hold copies of one id, the later shard
// the later copy in input order: sources are copied in shard order, each
// replacing what the earlier ones staged (OnDuplicate). Either way the
// merged folder holds what one run over the whole corpus stages. An
// article s already holds is replaced by the source's (as a later run's
// content replaces the staged one). Each source is opened twice: once to
// check that the sources fit together (same N, no shard twice, every shard
// unless Partial), before anything is written, then to copy. Merging the
// same sources again writes the same records again: it changes nothing.
// Errors about sources that do not fit wrap ErrShard.
func (s *Store) Merge(srcs []string, o MergeOptions) (MergeStats, error) {
	var ms MergeStats
	if len(srcs) == 0 {
		return ms, errors.New("no shard staging folder to merge")
	}
	if cur, err := s.Shard(); err != nil {
		return ms, err
	} else if cur != nil {
		return ms, fmt.Errorf("%w: %s holds shard %s; merge shards into a folder of its own", ErrShard, s.dir, cur)
	}
	seen := map[int]string{}
	var first *ShardInfo
	for _, dir := range srcs {
		if same(dir, s.dir) {
			return ms, fmt.Errorf("%w: %s is both a source and the destination of the merge", ErrShard, dir)
		}
		if _, err := os.Stat(filepath.Join(dir, badger.ManifestFilename)); err != nil {
			return ms, fmt.Errorf("shard staging folder %s: no staging data there (%w)", dir, err)
		}
		src, err := OpenWith(dir, o.Options)
		if err != nil {
			return ms, err
		}
		sh, err := src.Shard()
		src.Close()
		switch {
		case err != nil:
			return ms, err
		case sh == nil:
			return ms, fmt.Errorf("%w: %s holds no shard (it was staged without --shard); kg stage merge combines the folders of kg load --stage-only --shard I/N", ErrShard, dir)
		case first != nil && (sh.N != first.N || sh.By != first.By):
			return ms, fmt.Errorf("%w: %s holds shard %s but %s holds shard %s: shards cut another way do not partition the corpus the same way", ErrShard, dir, sh, seen[first.I], first)
		case seen[sh.I] != "":
			return ms, fmt.Errorf("%w: %s and %s both hold shard %s", ErrShard, seen[sh.I], dir, sh)
		}
		if first == nil {
			first = sh
		}
		ms.Shards, seen[sh.I] = sh.N, dir
	}
	for i := 0; i < ms.Shards; i++ {
		if seen[i] == "" {
			ms.Missing = append(ms.Missing, i)
		}
	}
	if len(ms.Missing) > 0 && !o.Partial {
		return ms, fmt.Errorf("%w: %d of %d shards given; missing %v (merge them all, or some now with --partial and the rest later)", ErrShard, len(seen), ms.Shards, ms.Missing)
	}
	targets, err := s.Targets()
	if err != nil {
		return ms, err
	}
	empty, err := s.noArticles()
	if err != nil {
		return ms, err
	}
	// Stale before the first write: a merge stopped half way leaves the
	// stored resolution to be computed again.
	if err := s.update(markStale); err != nil {
		return ms, err
	}
	// In shard order: cut by file, a later shard's copy of an id is the
	// later one in input order, and replaces the earlier.
	var order []string
	for i := 0; i < ms.Shards; i++ {
		if seen[i] != "" {
			order = append(order, seen[i])
		}
	}
	for _, dir := range order {
		src, err := OpenWith(dir, o.Options)
		if err != nil {
			return ms, err
		}
		err = s.copyFrom(src, targets, empty, o, &ms)
		src.Close()
		if err != nil {
			return ms, fmt.Errorf("merging %s: %w", dir, err)
		}
		ms.Sources++
	}
	for _, t := range targets {
		if err := s.count(journalPrefix(t), func([]byte) { ms.Pending++ }); err != nil {
			return ms, err
		}
	}
	// What cross-article resolution sees changed.
	return ms, s.update(markStale)
}

func same(a, b string) bool {
	fa, err1 := os.Stat(a)
	fb, err2 := os.Stat(b)
	if err1 == nil && err2 == nil {
		return os.SameFile(fa, fb)
	}
	return filepath.Clean(a) == filepath.Clean(b)
}

// noArticles reports whether s holds no article.
func (s *Store) noArticles() (bool, error) {
	has := false
	err := s.db.View(func(txn *badger.Txn) error {
		o := badger.DefaultIteratorOptions
		o.PrefetchValues = false
		o.Prefix = []byte("a/")
		it := txn.NewIterator(o)
		defer it.Close()
		it.Rewind()
		has = it.Valid()
		return nil
	})
	return !has, err
}

// copyFrom copies src's article, extraction, summary and manual records
// into s with one write batch, in one read transaction of src, and flushes
// it. When dups, an article s holds already is counted as a duplicate.
func (s *Store) copyFrom(src *Store, targets []string, dups bool, o MergeOptions, ms *MergeStats) error {
	wb := s.db.NewWriteBatch()
	defer wb.Cancel()
	err := src.db.View(func(txn *badger.Txn) error {
		for _, p := range []string{"a/", "x/", "n/", "m/"} {
			opt := badger.DefaultIteratorOptions
			opt.Prefix = []byte(p)
			it := txn.NewIterator(opt)
			for it.Rewind(); it.Valid(); it.Next() {
				item := it.Item()
				k := item.KeyCopy(nil)
				v, err := item.ValueCopy(nil)
				if err != nil {
					it.Close()
					return fmt.Errorf("record %q: %w", k, err)
				}
				if err := s.guard.check(len(k) + len(v)); err != nil {
					it.Close()
					return err
				}
				if err := wb.Set(k, v); err != nil {
					it.Close()
					return err
				}
				ms.Bytes += int64(len(k) + len(v))
				switch p {
				case "a/":
					ms.Articles++
					if dups {
						if err := s.checkDuplicate(k, v, o.OnDuplicate, ms); err != nil {
							it.Close()
							return err
						}
					}
					if len(targets) > 0 && o.Version != "" {
						if err := s.journalMerged(wb, txn, string(k[2:]), v, targets, o.Version); err != nil {
							it.Close()
							return err
						}
					}
					if o.OnArticle != nil {
						o.OnArticle()
					}
				case "x/":
					ms.Extractions++
				case "n/":
					ms.Summaries++
				case "m/":
					ms.Manual++
				}
			}
			it.Close()
		}
		return nil
	})
	if err != nil {
		return err
	}
	return wb.Flush()
}

// checkDuplicate counts (and reports) the article record k, v when s
// holds one with its key already.
func (s *Store) checkDuplicate(k, v []byte, fn func(id, replaced, by string), ms *MergeStats) error {
	var old []byte
	err := s.db.View(func(txn *badger.Txn) error {
		item, err := txn.Get(k)
		if err != nil {
			return err
		}
		old, err = item.ValueCopy(nil)
		return err
	})
	if errors.Is(err, badger.ErrKeyNotFound) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("article %s: %w", k[2:], err)
	}
	ms.Duplicates++
	if fn != nil {
		var a, b ArticleRecord
		_ = json.Unmarshal(old, &a)
		_ = json.Unmarshal(v, &b)
		fn(string(k[2:]), a.Article.Source, b.Article.Source)
	}
	return nil
}

// journalMerged journals a merged article (its record rec, read in src's
// transaction txn) for each target whose done ref differs, and removes its
// journal entry for the others, when src has its extraction of version
// (the articles AddTarget would journal).
func (s *Store) journalMerged(wb *badger.WriteBatch, txn *badger.Txn, id string, rec []byte, targets []string, version string) error {
	hash, err := recordHash(rec)
	if err != nil {
		return fmt.Errorf("article %s: %w", id, err)
	}
	ref := Ref{Hash: hash, Version: version}
	if _, err := txn.Get(extractionKey(ref)); errors.Is(err, badger.ErrKeyNotFound) {
		return nil
	} else if err != nil {
		return fmt.Errorf("article %s: its extraction: %w", id, err)
	}
	b, _ := json.Marshal(ref)
	for _, t := range targets {
		var done Ref
		err := s.db.View(func(dtxn *badger.Txn) error { return getJSON(dtxn, doneKey(t, id), &done) })
		if err == nil && done == ref {
			// the target has it: drop what an earlier source (an earlier
			// copy of the id) journalled, as Stage does
			if err := wb.Delete(journalKey(t, id)); err != nil {
				return err
			}
			continue
		}
		if err != nil && !errors.Is(err, ErrNotFound) {
			return fmt.Errorf("article %s: its done marker: %w", id, err)
		}
		if err := wb.Set(journalKey(t, id), b); err != nil {
			return err
		}
	}
	return nil
}
