package gazetteer

import (
	"fmt"
	"testing"
)

func TestKeyFilter(t *testing.T) {
	f := newKeyFilter(1000)
	for i := range 1000 {
		f.add(fmt.Sprint("key ", i))
	}
	pass := 0
	for i := range 1000 {
		if !f.mayHave(fmt.Sprint("key ", i)) {
			t.Fatalf("key %d added but filtered out", i)
		}
		if f.mayHave(fmt.Sprint("other ", i)) {
			pass++
		}
	}
	if pass > 50 {
		t.Errorf("%d of 1000 strings never added pass the filter, want about 14", pass)
	}
	var zero keyFilter
	if !zero.mayHave("x") {
		t.Error("the zero filter must let everything through")
	}
}
