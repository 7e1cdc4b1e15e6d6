// Package progress prints the progress of long work on stderr: a line
// redrawn in place on a terminal, a line every few seconds otherwise.
package progress

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// Bar counts done items of a phase, out of total when known (0 = unknown).
type Bar struct {
	mu       sync.Mutex
	w        io.Writer
	label    string
	total    int
	done     int
	start    time.Time
	last     time.Time
	tty      bool
	every    time.Duration
	finished bool
	drawn    int // done at the last draw (-1: never drawn)
}

// New starts a bar on w; a nil w gives a bar that prints nothing.
func New(w io.Writer, label string, total int) *Bar {
	now := time.Now()
	b := &Bar{w: w, label: label, total: total, start: now, last: now, drawn: -1}
	if f, ok := w.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			b.tty = true
		}
	}
	b.every = 5 * time.Second
	if b.tty {
		b.every = 150 * time.Millisecond
	}
	return b
}

// Add counts n more done items.
func (b *Bar) Add(n int) {
	if b == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.done += n
	if b.w != nil && time.Since(b.last) >= b.every {
		b.last = time.Now()
		b.draw()
	}
}

// SetTotal changes the expected total.
func (b *Bar) SetTotal(n int) {
	if b == nil {
		return
	}
	b.mu.Lock()
	b.total = n
	b.mu.Unlock()
}

// Note prints a message line without disturbing the bar.
func (b *Bar) Note(format string, a ...any) {
	if b == nil || b.w == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.tty {
		fmt.Fprint(b.w, "\r\033[K")
	}
	fmt.Fprintf(b.w, format+"\n", a...)
	if b.tty && !b.finished {
		b.draw()
	}
}

func (b *Bar) draw() {
	b.drawn = b.done
	el := time.Since(b.start).Seconds()
	rate := 0.0
	if el > 0 {
		rate = float64(b.done) / el
	}
	var s string
	if b.total > 0 {
		pct := 100 * b.done / b.total
		width := 30
		fill := width * b.done / b.total
		if fill > width {
			fill = width
		}
		bar := make([]byte, width)
		for i := range bar {
			if i < fill {
				bar[i] = '#'
			} else {
				bar[i] = '.'
			}
		}
		s = fmt.Sprintf("%s [%s] %d/%d (%d%%) %.0f/s", b.label, bar, b.done, b.total, pct, rate)
	} else {
		s = fmt.Sprintf("%s %d (%.0f/s)", b.label, b.done, rate)
	}
	if b.tty {
		fmt.Fprint(b.w, "\r\033[K"+s)
	} else {
		fmt.Fprintln(b.w, s)
	}
}

// Done draws the final state and ends the line.
func (b *Bar) Done() {
	if b == nil || b.w == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.finished {
		return
	}
	b.finished = true
	if b.tty || b.drawn != b.done {
		b.draw()
	}
	if b.tty {
		fmt.Fprintln(b.w)
	}
}
