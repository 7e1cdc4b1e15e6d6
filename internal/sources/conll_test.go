package sources

import (
	"reflect"
	"strings"
	"testing"
)

func TestReadCoNLL(t *testing.T) {
	in := "a B-PER\nb\tI-PER\n\n\nc x O\n"
	s, err := ReadCoNLL(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Sentence{{Tokens: []string{"a", "b"}, Tags: []string{"B-PER", "I-PER"}}, {Tokens: []string{"c"}, Tags: []string{"O"}}}
	if !reflect.DeepEqual(s, want) {
		t.Fatalf("got %+v", s)
	}
}
