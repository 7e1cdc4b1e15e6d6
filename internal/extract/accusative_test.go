package extract

import (
	"testing"

	"github.com/kg-project/kg/internal/extract/link"
	"github.com/kg-project/kg/internal/gazetteer"
	"github.com/kg-project/kg/internal/model"
)

// TestWithoutAccusativeEnds: words in the indefinite accusative end no
// name.
func TestWithoutAccusativeEnds(t *testing.T) {
	text := "فاز نادي الهلال كروياً على ضيفه، ودفع ريال شهرياً، ورأى كوبًا، وقال سعودًا الفيصل، وريال يوميا، ونادي الصفا"
	rs := []rune(text)
	span := func(s string) link.Candidate {
		r := []rune(s)
		for i := 0; i+len(r) <= len(rs); i++ {
			if string(rs[i:i+len(r)]) == s {
				return link.Candidate{Start: i, End: i + len(r), Text: s, Entry: &gazetteer.Entry{Key: s}}
			}
		}
		t.Fatalf("%q not in the text", s)
		return link.Candidate{}
	}
	cands := []link.Candidate{span("نادي الهلال كروياً"), span("ريال شهرياً"), span("كوبًا"), span("سعودًا الفيصل"),
		span("ريال يوميا"), span("نادي الصفا")}
	got := withoutAccusativeEnds(rs, cands)
	want := []struct {
		text  string
		entry bool
	}{{"نادي الهلال", false}, {"ريال", false}, {"سعودًا الفيصل", true},
		// an ordinary word's accusative without its tanween (يوميا
		// "daily"); not a name with the article (الصفا)
		{"ريال", false}, {"نادي الصفا", true}}
	if len(got) != len(want) {
		t.Fatalf("got %d candidates %+v, want %d", len(got), got, len(want))
	}
	for i, w := range want {
		c := got[i]
		if c.Text != w.text || string(rs[c.Start:c.End]) != w.text || (c.Entry != nil) != w.entry {
			t.Errorf("candidate %d: %q [%d,%d) entry %v; want %q, entry %v", i, c.Text, c.Start, c.End, c.Entry != nil, w.text, w.entry)
		}
	}
}

// TestLinkSpansAccusative: LinkSpans gives an id for each span, "" for a
// span of accusative words only, and the others keep theirs.
func TestLinkSpansAccusative(t *testing.T) {
	text := "زار محمد بن سلمان الرياض واشترى كوبًا."
	rs := []rune(text)
	at := func(s string) Span {
		r := []rune(s)
		for i := 0; i+len(r) <= len(rs); i++ {
			if string(rs[i:i+len(r)]) == s {
				return Span{Start: i, End: i + len(r), Type: model.Person}
			}
		}
		t.Fatalf("%q not in the text", s)
		return Span{}
	}
	spans := []Span{at("محمد بن سلمان"), at("كوبًا"), at("الرياض")}
	spans[1].Type, spans[2].Type = model.Location, model.Location
	_, ids, err := NewPipeline().LinkSpans(text, spans)
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) != len(spans) || ids[0] == "" || ids[1] != "" || ids[2] == "" || ids[0] == ids[2] {
		t.Errorf("ids %q for spans %v", ids, spans)
	}
}
