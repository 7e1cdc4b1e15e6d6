package stage

import (
	"encoding/binary"
	"errors"
	"fmt"
	"strings"

	"github.com/dgraph-io/badger/v4"
)

// Replies of a remote extractor (package llm) are kept under "l/" + key,
// whatever the extractor version: a reply costs money and time, and the
// key (the prompt's version and a hash of the request) says all that it
// depends on. Run counters are kept under "c/" + name, as 8-byte big-endian
// integers. kg gc keeps both.
func replyKey(k string) []byte   { return []byte("l/" + k) }
func counterKey(k string) []byte { return []byte("c/" + k) }

// Reply returns the reply stored under key; ok is false when there is
// none. It implements llm.Cache.
func (s *Store) Reply(key string) (b []byte, ok bool, err error) {
	err = s.db.View(func(txn *badger.Txn) error {
		it, err := txn.Get(replyKey(key))
		if errors.Is(err, badger.ErrKeyNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		ok = true
		b, err = it.ValueCopy(nil)
		return err
	})
	if err != nil {
		return nil, false, fmt.Errorf("reply %s: %w", key, err)
	}
	return b, ok, nil
}

// PutReply stores a reply under key. It implements llm.Cache.
func (s *Store) PutReply(key string, b []byte) error {
	if err := s.guard.check(len(key) + len(b)); err != nil {
		return err
	}
	return s.update(func(txn *badger.Txn) error { return txn.Set(replyKey(key), b) })
}

// AddCounters adds n to the named run counters ("llm.calls", ...), which
// Status reports summed over every run. A zero is not stored.
func (s *Store) AddCounters(n map[string]int64) error {
	if err := s.guard.check(64 * len(n)); err != nil {
		return err
	}
	return s.update(func(txn *badger.Txn) error {
		for k, v := range n {
			if v == 0 {
				continue
			}
			var cur int64
			it, err := txn.Get(counterKey(k))
			switch {
			case errors.Is(err, badger.ErrKeyNotFound):
			case err != nil:
				return err
			default:
				if err := it.Value(func(b []byte) error {
					if len(b) == 8 {
						cur = int64(binary.BigEndian.Uint64(b))
					}
					return nil
				}); err != nil {
					return err
				}
			}
			if err := txn.Set(counterKey(k), binary.BigEndian.AppendUint64(nil, uint64(cur+v))); err != nil {
				return err
			}
		}
		return nil
	})
}

// counters reads every run counter, and counts the stored replies as
// "llm.replies_cached".
func (s *Store) counters() (map[string]int64, error) {
	out := map[string]int64{}
	err := s.db.View(func(txn *badger.Txn) error {
		o := badger.DefaultIteratorOptions
		o.Prefix = []byte("c/")
		it := txn.NewIterator(o)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			k := strings.TrimPrefix(string(it.Item().Key()), "c/")
			if err := it.Item().Value(func(b []byte) error {
				if len(b) == 8 {
					out[k] = int64(binary.BigEndian.Uint64(b))
				}
				return nil
			}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	n := int64(0)
	if err := s.count([]byte("l/"), func([]byte) { n++ }); err != nil {
		return nil, err
	}
	if n > 0 {
		out["llm.replies_cached"] = n
	}
	if len(out) == 0 {
		return nil, nil
	}
	return out, nil
}
