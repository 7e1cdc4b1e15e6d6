package extract

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"

	"github.com/kg-project/kg/internal/model"
)

// ErrPanic is wrapped by the error Safe returns when an extractor panicked
// on an article: a bug in kg, never a reason to stop a run.
var ErrPanic = errors.New("extractor panicked")

// PanicError describes an extractor panic on one article.
type PanicError struct {
	ArticleID string
	Value     any    // what the extractor panicked with
	Stack     []byte // the goroutine's stack at the panic, for bug reports
}

func (e *PanicError) Error() string {
	return fmt.Sprintf("%v: %v", ErrPanic, e.Value)
}

// Unwrap makes errors.Is(err, ErrPanic) true.
func (e *PanicError) Unwrap() error { return ErrPanic }

// Safe wraps an extractor so that a panic while extracting one article is
// returned as a *PanicError for that article instead of ending the
// process. Callers count and skip the article and go on with the next.
func Safe(ex Extractor) Extractor {
	if s, ok := ex.(safe); ok {
		return s
	}
	return safe{ex}
}

type safe struct{ Extractor }

func (s safe) Extract(ctx context.Context, a *model.Article) (x *model.Extraction, err error) {
	defer func() {
		if r := recover(); r != nil {
			x, err = nil, &PanicError{ArticleID: a.ID, Value: r, Stack: debug.Stack()}
		}
	}()
	return s.Extractor.Extract(ctx, a)
}
