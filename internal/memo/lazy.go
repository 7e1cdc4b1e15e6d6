package memo

import (
	"sync"
	"sync/atomic"
)

// Lazy is a value loaded on first use, such as an embedded model, that
// can be dropped to let the garbage collector have it and is loaded again
// when next asked for. The zero value is not usable; make one with
// NewLazy. Safe for concurrent use.
type Lazy[T any] struct {
	load func() (T, error)
	mu   sync.Mutex
	cur  atomic.Pointer[lazyResult[T]]
}

type lazyResult[T any] struct {
	v   T
	err error
}

// NewLazy returns a Lazy whose value load computes.
func NewLazy[T any](load func() (T, error)) *Lazy[T] { return &Lazy[T]{load: load} }

// Get returns the value, loading it if it is not loaded (an error is kept
// like a value, until Drop).
func (l *Lazy[T]) Get() (T, error) {
	if r := l.cur.Load(); r != nil {
		return r.v, r.err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if r := l.cur.Load(); r != nil {
		return r.v, r.err
	}
	v, err := l.load()
	l.cur.Store(&lazyResult[T]{v, err})
	return v, err
}

// Drop forgets the value: the holders of what Get returned keep it, and
// the next Get loads it again.
func (l *Lazy[T]) Drop() {
	l.mu.Lock()
	l.cur.Store(nil)
	l.mu.Unlock()
}
