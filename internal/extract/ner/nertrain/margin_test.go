package nertrain

import (
	"os"
	"testing"

	"github.com/kg-project/kg/internal/sources"

	"github.com/kg-project/kg/internal/extract/ner/internal/core"
)

// TestMarginSeparates checks, on the held-out end of ANERcorp (read from
// ../shared; skipped when absent), that TagDocumentSpans gives the same
// spans as TagDocument and that a span's margin tells names from other
// words: spans with a small margin lie on a name much less often. With
// the model of this commit (go test -v shows the table):
//
//	margin >=    0:   34 spans, 0.35 right, 0.74 on a name
//	margin >=    8:   31 spans, 0.42 right, 0.87 on a name
//	margin >=   16:   53 spans, 0.53 right, 0.83 on a name
//	margin >=   32:   65 spans, 0.72 right, 0.92 on a name
//	margin >=   48:   60 spans, 0.65 right, 0.92 on a name
//	margin >=   64:  129 spans, 0.72 right, 0.96 on a name
//	margin >=   96:  145 spans, 0.83 right, 0.98 on a name
//	margin >=  128:  190 spans, 0.88 right, 0.98 on a name
//	margin >=  192:   67 spans, 0.93 right, 1.00 on a name
//	margin >=  256:   58 spans, 0.86 right, 1.00 on a name
func TestMarginSeparates(t *testing.T) {
	f, err := os.Open("../../../../../shared/data/ner/anercorp/train.txt")
	if err != nil {
		t.Skip("ANERcorp not available:", err)
	}
	sents, err := sources.ReadCoNLL(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	_, dev := sources.SplitDev(sents, 0.1)
	toks := make([][]string, len(dev))
	for i, s := range dev {
		toks[i] = s.Tokens
	}
	tg := mustDefault(t)
	tags := tg.TagDocument(toks)
	scored := tg.TagDocumentSpans(toks)
	buckets := []float32{8, 16, 32, 48, 64, 96, 128, 192, 256}
	right := make([]int, len(buckets)+1)
	names := make([]int, len(buckets)+1) // overlapping a gold entity of any type
	all := make([]int, len(buckets)+1)
	for si, s := range dev {
		plain := core.Spans(tags[si])
		if len(plain) != len(scored[si]) {
			t.Fatalf("sentence %d: %d spans, %d scored", si, len(plain), len(scored[si]))
		}
		gold := map[core.Span]bool{}
		inName := make([]bool, len(s.Tags))
		for _, sp := range core.Spans(s.Tags) {
			gold[sp] = true
			for i := sp.Start; i < sp.End; i++ {
				inName[i] = true
			}
		}
		for k, sp := range scored[si] {
			if sp.Span != plain[k] {
				t.Fatalf("sentence %d: span %v scored as %v", si, plain[k], sp.Span)
			}
			if sp.Margin < 0 {
				t.Fatalf("negative margin %v", sp)
			}
			b := 0
			for b < len(buckets) && sp.Margin >= buckets[b] {
				b++
			}
			all[b]++
			for i := sp.Start; i < sp.End; i++ {
				if inName[i] {
					names[b]++
					break
				}
			}
			if gold[sp.Span] {
				right[b]++
			}
		}
	}
	for b := range all {
		lo := float32(0)
		if b > 0 {
			lo = buckets[b-1]
		}
		if all[b] > 0 {
			t.Logf("margin >= %4.0f: %4d spans, %.2f right, %.2f on a name", lo, all[b],
				float64(right[b])/float64(all[b]), float64(names[b])/float64(all[b]))
		}
	}
	// margins under 16 against 96 and more
	low := float64(names[0]+names[1]) / float64(max(1, all[0]+all[1]))
	high := float64(names[6]+names[7]+names[8]+names[9]) / float64(max(1, all[6]+all[7]+all[8]+all[9]))
	if low >= high || high < 0.9 {
		t.Errorf("spans of margin < 16 are on a name %.2f of the time, of margin >= 96 %.2f: the margin does not separate", low, high)
	}
}
