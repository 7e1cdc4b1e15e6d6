// Package cbuild learns kg's word clusters (package clusters) from
// unlabelled Arabic text with the predictive exchange algorithm (Uszkoreit
// and Brants 2008) on both sides of a word: a word's class should predict
// it from the word before and from the word after. Words are moved, one at a
// time in a fixed order, to the class that most raises the likelihood
//
//	Σ_{w,c} N(w,c) log N(w,c) + Σ_{c,w} N(c,w) log N(c,w) - 2 Σ_c N(c) log N(c)
//
// (N(w,c): how often word w precedes a word of class c; N(c,w): follows),
// until few move. The coarser levels cluster the classes of the finer one
// the same way, so the levels nest. It is deterministic: the same text and
// options give the same table.
package cbuild

import (
	"fmt"
	"io"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/kg-project/kg/internal/extract/ner/clusters"
	"github.com/kg-project/kg/internal/sources"
	"github.com/kg-project/kg/internal/text/arabic"
	"github.com/kg-project/kg/internal/text/segment"
)

// WikiFile is the unlabelled text, relative to the data directory.
const WikiFile = sources.WikiFile

// Options configure Build. Zero values get the defaults noted.
type Options struct {
	// MinCount is the number of occurrences a word needs to get a class
	// (default 4).
	MinCount int
	// Sizes are the numbers of classes, finest first (default 600, 150, 40).
	Sizes [clusters.Levels]int
	// Iterations bound the exchange passes of each level (default 12); a
	// level stops earlier when fewer than 0.2% of its items move.
	Iterations int
	// NERFraction of the ANERcorp sentences, from its start, whose text is
	// added (default 0.9: not its held-out end).
	NERFraction float64
	// Log receives progress lines (nil: none).
	Log io.Writer
}

func (o *Options) defaults() {
	if o.MinCount <= 0 {
		o.MinCount = 4
	}
	if o.Sizes == [clusters.Levels]int{} {
		o.Sizes = [clusters.Levels]int{600, 150, 40}
	}
	if o.Iterations <= 0 {
		o.Iterations = 12
	}
	if o.NERFraction == 0 {
		o.NERFraction = 0.9
	}
}

func (o *Options) logf(format string, args ...any) {
	if o.Log != nil {
		fmt.Fprintf(o.Log, format+"\n", args...)
	}
}

// Result is a built table with what it was built from.
type Result struct {
	Entries []clusters.Entry
	Sizes   [clusters.Levels]int
	Info    map[string]string
	Tokens  int64
}

// Write writes the table (clusters.Write).
func (r *Result) Write(w io.Writer) error {
	return clusters.Write(w, r.Entries, r.Sizes, r.Info)
}

// Key is the form a token is counted in: its MatchForm, with every number
// written in digits as one word.
func Key(tok string) string {
	if segment.IsNumber(tok) {
		return "<num>"
	}
	return arabic.MatchForm(tok)
}

// ReadText calls fn with every sentence (tokens) of the unlabelled text and
// the labelled sets' training parts under dir.
func ReadText(dir string, nerFraction float64, fn func(toks []string)) error {
	err := sources.EachWikiArticle(filepath.Join(dir, WikiFile), func(_ int, doc sources.WikiArticle) error {
		for _, para := range strings.Split(doc.Text, "\n") {
			_, sents := segment.SentenceWords(segment.Tokenize(para))
			for _, s := range sents {
				fn(s)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	read := func(path string, frac float64) error {
		ss, err := sources.ReadCoNLLFile(path)
		if err != nil {
			return err
		}
		ss, _ = sources.SplitDev(ss, 1-frac)
		for _, s := range ss {
			fn(s.Tokens)
		}
		return nil
	}
	if err := read(filepath.Join(dir, "ner", "anercorp", "train.txt"), nerFraction); err != nil {
		return err
	}
	return read(filepath.Join(dir, "ner", "aqmar", "train.iob2"), 1)
}

// Build learns the clusters from the text under dir.
func Build(dir string, opts Options) (*Result, error) {
	opts.defaults()
	t0 := time.Now()
	// word ids over all types
	ids := map[string]int32{}
	var words []string
	var counts []int64
	var seq []int32 // token ids, -1 between sentences
	var tokens int64
	err := ReadText(dir, opts.NERFraction, func(toks []string) {
		for _, t := range toks {
			k := Key(t)
			if k == "" {
				continue
			}
			id, ok := ids[k]
			if !ok {
				id = int32(len(words))
				ids[k] = id
				words = append(words, k)
				counts = append(counts, 0)
			}
			counts[id]++
			seq = append(seq, id)
			tokens++
		}
		seq = append(seq, -1)
	})
	if err != nil {
		return nil, err
	}
	ids = nil
	opts.logf("clusters: %d tokens, %d types read in %s", tokens, len(words), time.Since(t0).Round(time.Millisecond))

	// the vocabulary: words seen MinCount times, most frequent first
	var vocab []int32
	for id, c := range counts {
		if c >= int64(opts.MinCount) && words[id] != "<num>" {
			vocab = append(vocab, int32(id))
		}
	}
	slices.SortFunc(vocab, func(a, b int32) int {
		if counts[a] != counts[b] {
			if counts[a] > counts[b] {
				return -1
			}
			return 1
		}
		return strings.Compare(words[a], words[b])
	})
	V := len(vocab)
	// context ids: vocabulary 0..V-1, then <num>, rare words, sentence edge
	remap := make([]int32, len(words))
	ctxNum, ctxRare, ctxEdge := int32(V), int32(V+1), int32(V+2)
	for i := range remap {
		remap[i] = ctxRare
		if words[i] == "<num>" {
			remap[i] = ctxNum
		}
	}
	for v, id := range vocab {
		remap[id] = int32(v)
	}
	nCtx := V + 3
	// bigrams (left context, right context) for pairs touching the vocabulary
	var pairs []uint64
	prev := ctxEdge
	for _, id := range seq {
		cur := ctxEdge
		if id >= 0 {
			cur = remap[id]
		}
		if !(prev == ctxEdge && cur == ctxEdge) && (prev < int32(V) || cur < int32(V)) {
			pairs = append(pairs, uint64(prev)<<32|uint64(uint32(cur)))
		}
		prev = cur
	}
	seq = nil
	slices.Sort(pairs)
	// pred[v]: (context before v, count); succ[v]: (context after v, count)
	pred := make([][]ctxCount, V)
	succ := make([][]ctxCount, V)
	for i := 0; i < len(pairs); {
		j := i
		for j < len(pairs) && pairs[j] == pairs[i] {
			j++
		}
		a, b := int32(pairs[i]>>32), int32(uint32(pairs[i]))
		n := int32(j - i)
		if b < int32(V) {
			pred[b] = append(pred[b], ctxCount{a, n})
		}
		if a < int32(V) {
			succ[a] = append(succ[a], ctxCount{b, n})
		}
		i = j
	}
	opts.logf("clusters: vocabulary %d words (count >= %d), %d bigram tokens, %s", V, opts.MinCount, len(pairs), time.Since(t0).Round(time.Millisecond))
	pairs = nil
	freq := make([]int64, V)
	for v, id := range vocab {
		freq[v] = counts[id]
	}

	// level 0: the words; level l: the classes of level l-1
	items := &itemSet{pred: pred, succ: succ, freq: freq}
	var res Result
	res.Sizes = opts.Sizes
	assign := make([][]int, clusters.Levels)
	for l := range clusters.Levels {
		k := opts.Sizes[l]
		cls := exchange(items, nCtx, k, opts.Iterations, func(it int, moved int, ll float64) {
			opts.logf("clusters: level %d (%d classes) pass %d: %d of %d moved, log-likelihood %.6g, %s", l, k, it, moved, len(items.freq), ll, time.Since(t0).Round(time.Millisecond))
		})
		assign[l] = cls
		items = items.merge(cls, k)
	}
	res.Entries = make([]clusters.Entry, V)
	for v, id := range vocab {
		e := clusters.Entry{Word: words[id], Count: counts[id]}
		c := v
		for l := range clusters.Levels {
			c = assign[l][c]
			e.C[l] = uint16(c)
		}
		res.Entries[v] = e
	}
	res.Tokens = tokens
	res.Info = map[string]string{
		"algorithm":  "predictive-exchange-2sided",
		"min_count":  strconv.Itoa(opts.MinCount),
		"iterations": strconv.Itoa(opts.Iterations),
		"tokens":     strconv.FormatInt(tokens, 10),
		"text":       "arwiki-comparable-2017+anercorp-train+aqmar-train",
	}
	opts.logf("clusters: done in %s", time.Since(t0).Round(time.Millisecond))
	return &res, nil
}

type ctxCount struct {
	ctx int32
	n   int32
}

// itemSet is what the exchange algorithm clusters: items (words, or the
// classes of a finer level) with their context counts.
type itemSet struct {
	pred, succ [][]ctxCount
	freq       []int64
}

// merge returns the items that the classes cls (of k) make.
func (s *itemSet) merge(cls []int, k int) *itemSet {
	out := &itemSet{pred: make([][]ctxCount, k), succ: make([][]ctxCount, k), freq: make([]int64, k)}
	sum := func(lists [][]ctxCount) [][]ctxCount {
		acc := make([]map[int32]int32, k)
		for i, l := range lists {
			c := cls[i]
			if acc[c] == nil {
				acc[c] = map[int32]int32{}
			}
			for _, x := range l {
				acc[c][x.ctx] += x.n
			}
		}
		res := make([][]ctxCount, k)
		for c, m := range acc {
			for ctx, n := range m {
				res[c] = append(res[c], ctxCount{ctx, n})
			}
			slices.SortFunc(res[c], func(a, b ctxCount) int { return int(a.ctx - b.ctx) })
		}
		return res
	}
	out.pred, out.succ = sum(s.pred), sum(s.succ)
	for i, f := range s.freq {
		out.freq[cls[i]] += f
	}
	return out
}

// xlogx is n ln n, from a table for small n.
type xlogx []float64

func newXlogx(n int) xlogx {
	t := make(xlogx, n)
	for i := 1; i < n; i++ {
		t[i] = float64(i) * math.Log(float64(i))
	}
	return t
}

func (t xlogx) f(n int64) float64 {
	if n < int64(len(t)) {
		return t[n]
	}
	x := float64(n)
	return x * math.Log(x)
}

// exchange clusters the items into k classes and returns each item's class.
// Items start in class i mod k in the order given (most frequent first) and
// are visited in that order.
func exchange(s *itemSet, nCtx, k, iterations int, progress func(it, moved int, ll float64)) []int {
	n := len(s.freq)
	if n <= k {
		cls := make([]int, n)
		for i := range cls {
			cls[i] = i
		}
		return cls
	}
	cls := make([]int, n)
	L := make([]int32, nCtx*k) // L[ctx*k+c]: ctx before a word of class c
	R := make([]int32, nCtx*k) // R[ctx*k+c]: ctx after a word of class c
	N := make([]int64, k)
	add := func(i, c int, sign int32) {
		for _, x := range s.pred[i] {
			L[int(x.ctx)*k+c] += sign * x.n
		}
		for _, x := range s.succ[i] {
			R[int(x.ctx)*k+c] += sign * x.n
		}
		N[c] += int64(sign) * s.freq[i]
	}
	for i := range n {
		cls[i] = i % k
		add(i, cls[i], 1)
	}
	tab := newXlogx(1 << 22)
	ll := func() float64 {
		var t float64
		for _, v := range L {
			t += tab.f(int64(v))
		}
		for _, v := range R {
			t += tab.f(int64(v))
		}
		for _, v := range N {
			t -= 2 * tab.f(v)
		}
		return t
	}
	gain := make([]float64, k)
	for it := 1; it <= iterations; it++ {
		moved := 0
		for i := range n {
			a := cls[i]
			add(i, a, -1)
			for c := range gain {
				gain[c] = 2 * (tab.f(N[c]) - tab.f(N[c]+s.freq[i]))
			}
			for _, x := range s.pred[i] {
				row := L[int(x.ctx)*k : int(x.ctx)*k+k]
				nn := int64(x.n)
				for c, v := range row {
					gain[c] += tab.f(int64(v)+nn) - tab.f(int64(v))
				}
			}
			for _, x := range s.succ[i] {
				row := R[int(x.ctx)*k : int(x.ctx)*k+k]
				nn := int64(x.n)
				for c, v := range row {
					gain[c] += tab.f(int64(v)+nn) - tab.f(int64(v))
				}
			}
			best := a
			for c, g := range gain {
				if g > gain[best]+1e-9 {
					best = c
				}
			}
			if best != a {
				moved++
			}
			cls[i] = best
			add(i, best, 1)
		}
		if progress != nil {
			progress(it, moved, ll())
		}
		if moved*500 < n {
			break
		}
	}
	// renumber classes by first item (most frequent first), dropping empty ones
	// would change k: keep k, renumber in order of first appearance
	order := make([]int, k)
	for c := range order {
		order[c] = -1
	}
	next := 0
	for i := range n {
		if order[cls[i]] < 0 {
			order[cls[i]] = next
			next++
		}
	}
	for c := range order {
		if order[c] < 0 {
			order[c] = next
			next++
		}
	}
	for i := range cls {
		cls[i] = order[cls[i]]
	}
	return cls
}
