package core

import (
	"bytes"
	"reflect"
	"strings"
	"sync"
	"testing"

	nermodel "github.com/kg-project/kg/internal/extract/ner/model"
)

var (
	embeddedOnce   sync.Once
	embeddedTagger *Tagger
	embeddedErr    error
)

// mustDefault returns a tagger of the embedded model, loaded once.
func mustDefault(t testing.TB) *Tagger {
	t.Helper()
	embeddedOnce.Do(func() {
		var m *Model
		if m, embeddedErr = ReadModel(bytes.NewReader(nermodel.Data)); embeddedErr == nil {
			embeddedTagger = NewTagger(m)
		}
	})
	if embeddedErr != nil {
		t.Fatalf("embedded model: %v", embeddedErr)
	}
	return embeddedTagger
}

func TestTagShapeAndIOB2(t *testing.T) {
	tg := mustDefault(t)
	if got := tg.Tag(nil); len(got) != 0 {
		t.Fatalf("Tag(nil) = %q", got)
	}
	inputs := [][]string{
		{"."},
		{"الرئيس"},
		strings.Fields("قال الأمين العام للأمم المتحدة ، إن حلف شمال الأطلسي و Google و 2023 ( X ) !"),
		strings.Fields("I-PERS B-LOC ؟ ؟ ؟ ـــ \u200f"),
	}
	for _, in := range inputs {
		tags := tg.Tag(in)
		if len(tags) != len(in) {
			t.Fatalf("Tag(%q) returned %d tags", in, len(tags))
		}
		prev := 0
		for i, tag := range tags {
			k := TagIndex(tag)
			if tagNames[k] != tag {
				t.Fatalf("unknown tag %q", tag)
			}
			if !Allowed(prev, k) || (i == 0 && !Allowed(-1, k)) {
				t.Fatalf("IOB2 violation in %q: %q", in, tags)
			}
			prev = k
		}
	}
}

func TestSpans(t *testing.T) {
	cases := []struct {
		tags []string
		want []Span
	}{
		{[]string{"O", "B-PERS", "I-PERS", "O", "B-LOC"}, []Span{{1, 3, "PERS"}, {4, 5, "LOC"}}},
		{[]string{"B-ORG", "I-ORG", "B-ORG"}, []Span{{0, 2, "ORG"}, {2, 3, "ORG"}}},
		{[]string{"I-LOC", "I-LOC", "I-PER"}, []Span{{0, 2, "LOC"}, {2, 3, "PERS"}}}, // IOB1 / stray I-
		{[]string{"B-MISC", "I-ORG"}, []Span{{0, 1, "MISC"}, {1, 2, "ORG"}}},
		{[]string{"O", "O"}, nil},
		{nil, nil},
	}
	for _, c := range cases {
		if got := Spans(c.tags); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Spans(%q) = %v, want %v", c.tags, got, c.want)
		}
	}
}
