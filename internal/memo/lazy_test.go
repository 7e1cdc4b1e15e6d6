package memo_test

import (
	"errors"
	"sync"
	"testing"

	"github.com/kg-project/kg/internal/memo"
)

func TestLazy(t *testing.T) {
	loads := 0
	l := memo.NewLazy(func() (int, error) { loads++; return loads * 10, nil })
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if v, err := l.Get(); v != 10 || err != nil {
				t.Errorf("Get = %d, %v", v, err)
			}
		}()
	}
	wg.Wait()
	if loads != 1 {
		t.Fatalf("%d loads, want 1", loads)
	}
	l.Drop()
	if v, _ := l.Get(); v != 20 || loads != 2 {
		t.Fatalf("after Drop: Get = %d after %d loads, want 20 after 2", v, loads)
	}
	boom := errors.New("boom")
	e := memo.NewLazy(func() (*int, error) { return nil, boom })
	if _, err := e.Get(); !errors.Is(err, boom) {
		t.Fatalf("err = %v", err)
	}
}
