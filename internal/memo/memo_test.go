package memo

import (
	"fmt"
	"strings"
	"sync"
	"testing"
)

func TestGetComputesOnceAndStaysBounded(t *testing.T) {
	tab := New[string](256)
	calls := 0
	f := func(s string) string { calls++; return strings.ToUpper(s) }
	if got := tab.Get("abc", f); got != "ABC" {
		t.Fatalf("Get = %q", got)
	}
	if got := tab.Get("abc", f); got != "ABC" || calls != 1 {
		t.Fatalf("second Get = %q after %d calls, want one call", got, calls)
	}
	for i := range 10000 {
		k := fmt.Sprint("k", i)
		if got := tab.Get(k, f); got != strings.ToUpper(k) {
			t.Fatalf("Get(%q) = %q", k, got)
		}
	}
	if n := tab.Len(); n > 256+2*shards {
		t.Fatalf("table holds %d entries, capacity 256", n)
	}
}

func TestFrequentKeysSurvive(t *testing.T) {
	tab := New[int](64 * shards)
	calls := map[string]int{}
	f := func(s string) int { calls[s]++; return len(s) }
	for i := range 20000 {
		tab.Get("frequent", f)
		tab.Get(fmt.Sprint("rare", i), f)
	}
	if calls["frequent"] != 1 {
		t.Fatalf("frequent key computed %d times, want once", calls["frequent"])
	}
}

func TestConcurrentGet(t *testing.T) {
	tab := New[string](128)
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 5000 {
				k := fmt.Sprint((i*7+g)%300, "w")
				if got := tab.Get(k, strings.ToUpper); got != strings.ToUpper(k) {
					t.Errorf("Get(%q) = %q", k, got)
					return
				}
			}
		}()
	}
	wg.Wait()
}
