package stage

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/dgraph-io/badger/v4"

	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/resolve"
)

// Records of cross-article entity resolution (see internal/resolve):
//
//	n/<version>/<content hash>  -> resolve.Summary of the extraction (written with it)
//	m/merge/<key1>\x00<key2>    -> ManualRecord: the two keys are one entity (key1 < key2)
//	m/split/<key>               -> ManualRecord: no automatic merge for key
//	r/<key>                     -> resolve.Target: what a merged key becomes
//	g/<canonical key>           -> resolve.Group: a canonical key and its merged keys
//	meta/resolution             -> ResolutionInfo of the stored r/ and g/ records
//	meta/resolve-stale          -> present when articles or manual records changed since
//
// These records were added without a format change: a folder written by an
// older kg has no summaries, and ForEachSummary makes them from the
// extractions the first time.

func summaryKey(r Ref) []byte      { return []byte("n/" + r.Version + "/" + r.Hash) }
func targetRecKey(k string) []byte { return []byte("r/" + k) }
func groupKey(k string) []byte     { return []byte("g/" + k) }

var (
	staleKey      = []byte("meta/resolve-stale")
	resolutionKey = []byte("meta/resolution")
)

// ManualRecord is one merge or split made by hand.
type ManualRecord struct {
	Kind string   `json:"kind"` // "merge" or "split"
	Keys []string `json:"keys"` // two keys for a merge, one for a split
	Note string   `json:"note,omitempty"`
	At   string   `json:"at"` // RFC 3339
}

// ResolutionInfo describes the stored resolution.
type ResolutionInfo struct {
	Version string `json:"version"` // what it was computed with (loader.ResolutionVersion: extractor and rules)
	Keys    int    `json:"keys"`    // distinct entity keys
	Groups  int    `json:"groups"`  // entities made of two keys or more
	Merged  int    `json:"merged"`  // keys merged into another
	Stale   bool   `json:"stale"`   // articles or manual records changed since
}

func manualMergeKey(a, b string) []byte {
	if b < a {
		a, b = b, a
	}
	return []byte("m/merge/" + a + "\x00" + b)
}
func manualSplitKey(k string) []byte { return []byte("m/split/" + k) }

func checkEntityKey(k string) error {
	if k == "" || strings.ContainsRune(k, 0) {
		return fmt.Errorf("bad entity key %q", k)
	}
	return nil
}

// markStale records that the resolution must be computed again.
func markStale(txn *badger.Txn) error { return txn.Set(staleKey, []byte("1")) }

// AddMerge records by hand that keys a and b name one entity.
func (s *Store) AddMerge(a, b, note string) error {
	if err := checkEntityKey(a); err != nil {
		return err
	}
	if err := checkEntityKey(b); err != nil {
		return err
	}
	if a == b {
		return fmt.Errorf("cannot merge %s with itself", a)
	}
	rec := ManualRecord{Kind: "merge", Keys: []string{min(a, b), max(a, b)}, Note: note, At: time.Now().UTC().Format(time.RFC3339)}
	return s.update(func(txn *badger.Txn) error {
		if err := setJSON(txn, manualMergeKey(a, b), rec); err != nil {
			return err
		}
		return markStale(txn)
	})
}

// AddSplit records by hand that key is its own entity: the manual merges
// that name it are removed, and no automatic rule merges it any more. It
// returns the manual merges it removed.
func (s *Store) AddSplit(key, note string) (removed []ManualRecord, err error) {
	if err := checkEntityKey(key); err != nil {
		return nil, err
	}
	rec := ManualRecord{Kind: "split", Keys: []string{key}, Note: note, At: time.Now().UTC().Format(time.RFC3339)}
	err = s.update(func(txn *badger.Txn) error {
		removed = nil
		recs, err := manualRecords(txn)
		if err != nil {
			return err
		}
		for _, r := range recs {
			if r.Kind == "merge" && slices.Contains(r.Keys, key) {
				if err := txn.Delete(manualMergeKey(r.Keys[0], r.Keys[1])); err != nil {
					return err
				}
				removed = append(removed, r)
			}
		}
		if err := setJSON(txn, manualSplitKey(key), rec); err != nil {
			return err
		}
		return markStale(txn)
	})
	return removed, err
}

// RemoveSplit removes the manual split of key (the automatic rules apply
// to it again); it reports whether there was one.
func (s *Store) RemoveSplit(key string) (bool, error) {
	found := false
	err := s.update(func(txn *badger.Txn) error {
		_, err := txn.Get(manualSplitKey(key))
		if errors.Is(err, badger.ErrKeyNotFound) {
			found = false
			return nil
		}
		if err != nil {
			return err
		}
		found = true
		if err := txn.Delete(manualSplitKey(key)); err != nil {
			return err
		}
		return markStale(txn)
	})
	return found, err
}

func manualRecords(txn *badger.Txn) ([]ManualRecord, error) {
	var out []ManualRecord
	o := badger.DefaultIteratorOptions
	o.Prefix = []byte("m/")
	it := txn.NewIterator(o)
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		var r ManualRecord
		if err := it.Item().Value(func(b []byte) error { return json.Unmarshal(b, &r) }); err != nil {
			return nil, fmt.Errorf("manual record %q: %w", it.Item().Key(), err)
		}
		out = append(out, r)
	}
	return out, nil
}

// ManualRecords returns the merges and splits made by hand, in key order.
func (s *Store) ManualRecords() ([]ManualRecord, error) {
	var out []ManualRecord
	err := s.db.View(func(txn *badger.Txn) error {
		var err error
		out, err = manualRecords(txn)
		return err
	})
	return out, err
}

// Manual returns the manual records as resolve.Build takes them.
func (s *Store) Manual() (resolve.Manual, error) {
	recs, err := s.ManualRecords()
	var m resolve.Manual
	for _, r := range recs {
		switch {
		case r.Kind == "merge" && len(r.Keys) == 2:
			m.Merges = append(m.Merges, [2]string{r.Keys[0], r.Keys[1]})
		case r.Kind == "split" && len(r.Keys) == 1:
			m.Splits = append(m.Splits, r.Keys[0])
		}
	}
	return m, err
}

// ResolutionInfo returns what the stored resolution was computed from;
// Stale is also true when it was computed with another version than
// version (when version is not ""), or never.
func (s *Store) ResolutionInfo(version string) (ResolutionInfo, error) {
	var info ResolutionInfo
	err := s.db.View(func(txn *badger.Txn) error {
		err := getJSON(txn, resolutionKey, &info)
		if errors.Is(err, ErrNotFound) {
			info = ResolutionInfo{Stale: true}
			return nil
		}
		if err != nil {
			return fmt.Errorf("resolution record: %w", err)
		}
		_, err = txn.Get(staleKey)
		switch {
		case err == nil:
			info.Stale = true
		case !errors.Is(err, badger.ErrKeyNotFound):
			return err
		}
		return nil
	})
	if version != "" && info.Version != version {
		info.Stale = true
	}
	return info, err
}

// ResolutionMap returns the targets of every merged key (empty when no
// resolution is stored). Its size is the number of merged keys.
func (s *Store) ResolutionMap() (map[string]resolve.Target, error) {
	m := map[string]resolve.Target{}
	err := s.db.View(func(txn *badger.Txn) error {
		o := badger.DefaultIteratorOptions
		o.Prefix = []byte("r/")
		it := txn.NewIterator(o)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			k := string(it.Item().Key()[2:])
			var t resolve.Target
			if err := it.Item().Value(func(b []byte) error { return json.Unmarshal(b, &t) }); err != nil {
				return fmt.Errorf("resolution of %s: %w", k, err)
			}
			m[k] = t
		}
		return nil
	})
	return m, err
}

// Group returns the stored group whose canonical key is key.
func (s *Store) Group(key string) (*resolve.Group, error) {
	var g resolve.Group
	err := s.db.View(func(txn *badger.Txn) error { return getJSON(txn, groupKey(key), &g) })
	if err != nil {
		return nil, err
	}
	return &g, nil
}

// Groups calls fn for every stored group, in canonical key order.
func (s *Store) Groups(fn func(g *resolve.Group) error) error {
	return s.db.View(func(txn *badger.Txn) error {
		o := badger.DefaultIteratorOptions
		o.Prefix = []byte("g/")
		it := txn.NewIterator(o)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			var g resolve.Group
			if err := it.Item().Value(func(b []byte) error { return json.Unmarshal(b, &g) }); err != nil {
				return fmt.Errorf("group %q: %w", it.Item().Key(), err)
			}
			if err := fn(&g); err != nil {
				return err
			}
		}
		return nil
	})
}

// SaveResolution replaces the stored resolution with res, computed with
// version, and clears the stale mark (one process at a
// time holds the folder, so nothing staged meanwhile).
func (s *Store) SaveResolution(res *resolve.Result, version string) error {
	newTargets := res.Map()
	groups := map[string]resolve.Group{}
	for _, g := range res.Groups {
		groups[g.Key] = g
	}
	var drop [][]byte
	err := s.db.View(func(txn *badger.Txn) error {
		o := badger.DefaultIteratorOptions
		o.PrefetchValues = false
		for _, p := range []string{"r/", "g/"} {
			o.Prefix = []byte(p)
			it := txn.NewIterator(o)
			for it.Rewind(); it.Valid(); it.Next() {
				k := string(it.Item().Key()[2:])
				_, keep := newTargets[k]
				if p == "g/" {
					_, keep = groups[k]
				}
				if !keep {
					drop = append(drop, bytes.Clone(it.Item().Key()))
				}
			}
			it.Close()
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := s.guard.check(len(newTargets)*256 + len(groups)*1024); err != nil {
		return err
	}
	wb := s.db.NewWriteBatch()
	defer wb.Cancel()
	for _, k := range drop {
		if err := wb.Delete(k); err != nil {
			return err
		}
	}
	for _, k := range sortedKeys(newTargets) {
		b, err := json.Marshal(newTargets[k])
		if err != nil {
			return err
		}
		if err := wb.Set(targetRecKey(k), b); err != nil {
			return err
		}
	}
	for _, k := range sortedKeys(groups) {
		b, err := json.Marshal(groups[k])
		if err != nil {
			return err
		}
		if err := wb.Set(groupKey(k), b); err != nil {
			return err
		}
	}
	info := ResolutionInfo{Version: version, Keys: res.Keys, Groups: len(res.Groups), Merged: res.MergedKeys()}
	b, _ := json.Marshal(info)
	if err := wb.Set(resolutionKey, b); err != nil {
		return err
	}
	if err := wb.Flush(); err != nil {
		return err
	}
	return s.update(func(txn *badger.Txn) error { return txn.Delete(staleKey) })
}

// SummaryRef is one staged article with the summary of its extraction.
type SummaryRef struct {
	ID      string
	Ref     Ref
	Summary *resolve.Summary
}

// ForEachSummary calls fn for every staged article that has an extraction
// of version, with the summary of that extraction, in article id order.
// A summary missing (a folder written by an older kg) is made from the
// extraction and stored. It returns how many staged articles it skipped
// because they have no extraction of version. Memory does not grow with
// the number of articles.
func (s *Store) ForEachSummary(version string, fn func(SummaryRef) error) (noExtraction int, err error) {
	const maxBackfill = 256
	var backfill []SummaryRef
	flush := func() error {
		if len(backfill) == 0 {
			return nil
		}
		if err := s.guard.check(len(backfill) * 1024); err != nil {
			return err
		}
		wb := s.db.NewWriteBatch()
		defer wb.Cancel()
		for _, r := range backfill {
			b, err := json.Marshal(r.Summary)
			if err != nil {
				return err
			}
			if err := wb.Set(summaryKey(r.Ref), b); err != nil {
				return err
			}
		}
		backfill = backfill[:0]
		return wb.Flush()
	}
	err = s.db.View(func(txn *badger.Txn) error {
		o := badger.DefaultIteratorOptions
		o.Prefix = []byte("a/")
		it := txn.NewIterator(o)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			id := string(it.Item().Key()[2:])
			var hash string
			if err := it.Item().Value(func(b []byte) (err error) { hash, err = recordHash(b); return err }); err != nil {
				return fmt.Errorf("article %s: %w", id, err)
			}
			ref := Ref{Hash: hash, Version: version}
			var sum resolve.Summary
			err := getJSON(txn, summaryKey(ref), &sum)
			if errors.Is(err, ErrNotFound) {
				var x model.Extraction
				err = getJSON(txn, extractionKey(ref), &x)
				if errors.Is(err, ErrNotFound) {
					noExtraction++
					continue
				}
				if err != nil {
					return fmt.Errorf("article %s: its extraction: %w", id, err)
				}
				sum = resolve.Summarize(&x)
				backfill = append(backfill, SummaryRef{ID: id, Ref: ref, Summary: &sum})
				if len(backfill) >= maxBackfill {
					if err := flush(); err != nil {
						return err
					}
				}
			} else if err != nil {
				return fmt.Errorf("article %s: its summary: %w", id, err)
			}
			if err := fn(SummaryRef{ID: id, Ref: ref, Summary: &sum}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return noExtraction, err
	}
	return noExtraction, flush()
}

// recordHash returns the content hash of an encoded ArticleRecord without
// decoding the article: the record is {"article":{...},"hash":"..."}, the
// hash last, and the sequence "hash":" cannot occur inside a JSON string
// (its quotes would be escaped), so the last one is the field. Anything
// else is decoded in full.
func recordHash(b []byte) (string, error) {
	const field = `"hash":"`
	if i := bytes.LastIndex(b, []byte(field)); i >= 0 {
		rest := b[i+len(field):]
		if j := bytes.IndexByte(rest, '"'); j >= 0 && bytes.Equal(bytes.TrimSpace(rest[j+1:]), []byte("}")) && bytes.IndexByte(rest[:j], '\\') < 0 {
			return string(rest[:j]), nil
		}
	}
	var rec struct {
		Hash string `json:"hash"`
	}
	err := json.Unmarshal(b, &rec)
	return rec.Hash, err
}
