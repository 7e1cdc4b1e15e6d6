package memo

import (
	"hash/maphash"
	"strings"
	"sync"
)

const shards = 32

// Table memoises values of type V by string key. The zero value is not
// usable; make one with New. Values handed out are shared between callers and
// must be treated as read-only.
type Table[V any] struct {
	seed     maphash.Seed
	perShard int
	shard    [shards]struct {
		mu       sync.RWMutex
		cur, old map[string]V
	}
}

// New returns a table holding at most about capacity entries.
func New[V any](capacity int) *Table[V] {
	t := &Table[V]{seed: maphash.MakeSeed(), perShard: max(capacity/shards/2, 1)}
	for i := range t.shard {
		t.shard[i].cur = make(map[string]V)
	}
	return t
}

// Get returns the value for key, computing it with f on a miss. f must be a
// pure function of key.
func (t *Table[V]) Get(key string, f func(string) V) V {
	s := &t.shard[maphash.String(t.seed, key)%shards]
	s.mu.RLock()
	v, ok := s.cur[key]
	if ok {
		s.mu.RUnlock()
		return v
	}
	v, ok = s.old[key]
	s.mu.RUnlock()
	if !ok {
		v = f(key)
	}
	s.mu.Lock()
	if _, in := s.cur[key]; !in {
		if len(s.cur) >= t.perShard {
			// the old generation's map, emptied, holds the new one: no
			// allocation for it
			next := s.old
			if next == nil {
				next = make(map[string]V, t.perShard)
			} else {
				clear(next)
			}
			s.old, s.cur = s.cur, next
		}
		// the key is often a slice of a whole article: keep only its bytes
		s.cur[strings.Clone(key)] = v
	}
	s.mu.Unlock()
	return v
}

// Len is the number of entries held.
func (t *Table[V]) Len() int {
	n := 0
	for i := range t.shard {
		s := &t.shard[i]
		s.mu.RLock()
		n += len(s.cur) + len(s.old)
		s.mu.RUnlock()
	}
	return n
}
