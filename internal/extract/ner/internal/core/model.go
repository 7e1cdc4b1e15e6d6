package core

import (
	"bufio"
	"compress/gzip"

	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"strings"
	"sync"

	kgzip "github.com/klauspost/compress/gzip"

	"github.com/kg-project/kg/internal/extract/ner/clusters"
	"github.com/kg-project/kg/internal/memo"
)

// File format (gzip-compressed):
//
//	magic "KGNER" 0x00, uint32 format version (little endian),
//	uint32 length + JSON header (Header),
//	uint32 length + JSON word lists (map list name -> its sorted phrase keys
//	joined by "\n"),
//	uint32 length + JSON tag memory (map base form -> counts O PERS LOC ORG MISC),
//	uint32 number of features F,
//	F uint64 feature hashes (ascending),
//	F*9 int16 weights (feature-major, tag order as Header.Tags),
//	all little endian.
const (
	magic         = "KGNER\x00"
	formatVersion = 4 // 4: lists and memory in binary (JSON before)
)

// Header is the metadata of a model file.
type Header struct {
	Format   int                       `json:"format"`
	Features string                    `json:"features"` // feature set version
	Tags     []string                  `json:"tags"`
	Scale    float64                   `json:"scale"` // weight = int16 * Scale
	Trans    [NumTags][NumTags]float32 `json:"trans"` // Trans[prev][cur]
	Start    [NumTags]float32          `json:"start"`
	Info     map[string]string         `json:"info,omitempty"` // training data, epochs, dev scores...
}

// Model is a trained tagger: weights, transitions and the word lists its
// features use.
type Model struct {
	Header Header
	Lists  map[string][]string
	// Memory counts, for the base form of every training word, how often it
	// was O, PERS, LOC, ORG or MISC (in that order) in the training data.
	Memory map[string][5]int32

	keys    []uint64
	weights []int16

	// clusters is the word-cluster table the features read (nil: none);
	// Header.Info["clusters"] holds its fingerprint.
	clusters *clusters.Table

	// derived
	lex   *lexicon
	table []featureSlot // open addressing on mix(key)
	// tags holds, for each slot of table, a byte of the hash of its
	// feature (never 0) or 0 for an empty slot: a look-up probes this small
	// array and reads table only on a match, so the features the model does
	// not know (most of a sentence's) cost no read of the large table.
	tags []uint8
	mask uint64
}

// featureSlot is a feature's hash and weights, side by side: one cache
// line to read for a feature the tagger looks up.
type featureSlot struct {
	key uint64
	w   [NumTags]int16
}

// init builds the derived lookup structures.
func (m *Model) init() {
	if m.lex == nil {
		m.lex = compileLexicon(m.Lists)
	}
	size := 1
	for size < 2*len(m.keys) {
		size <<= 1
	}
	m.table = make([]featureSlot, size)
	m.tags = make([]uint8, size)
	m.mask = uint64(size - 1)
	for i, k := range m.keys {
		h := mix(k)
		s := h & m.mask
		for m.tags[s] != 0 {
			s = (s + 1) & m.mask
		}
		m.tags[s] = slotTag(h)
		sl := &m.table[s]
		sl.key = k
		copy(sl.w[:], m.weights[i*NumTags:i*NumTags+NumTags])
	}
}

// slotTag is the byte of a mixed feature hash that tags its slot: the top
// seven bits (the slot number takes the low ones), with the high bit set
// so it is never 0.
func slotTag(h uint64) uint8 { return uint8(h>>57) | 0x80 }

func mix(k uint64) uint64 {
	k ^= k >> 33
	k *= 0xff51afd7ed558ccd
	k ^= k >> 33
	return k
}

// lookup returns the weights of feature hash k, or nil.
func (m *Model) lookup(k uint64) *[NumTags]int16 {
	h := mix(k)
	s, t := h&m.mask, slotTag(h)
	for {
		switch m.tags[s] {
		case 0:
			return nil
		case t:
			if sl := &m.table[s]; sl.key == k {
				return &sl.w
			}
		}
		s = (s + 1) & m.mask
	}
}

// Cue reports whether word (as written) is one of the model's trigger
// words: a title or role that precedes a person's name (الأمير، الدكتورة),
// or a word that heads or precedes an organisation or place name (صحيفة،
// نادي، مدينة، محافظة: the orgtrig and loctrig lists).
func (m *Model) Cue(word string) (title, head bool) {
	b := m.lex.triggers[BaseForm(word)]
	return b&(1<<triggerIndex(ListTitle)) != 0, b&(1<<triggerIndex(ListOrgTrig)|1<<triggerIndex(ListLocTrig)) != 0
}

func triggerIndex(name string) int {
	for k, n := range triggerLists {
		if n == name {
			return k
		}
	}
	panic("ner: no trigger list " + name)
}

// NumFeatures is the number of weighted features of the model.
func (m *Model) NumFeatures() int { return len(m.keys) }

// WriteTo writes the model file (gzip) to w. The output is a pure function of
// the model: the same model gives the same bytes.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	zw, err := gzip.NewWriterLevel(cw, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	bw := bufio.NewWriter(zw)
	h := m.Header
	h.Format = formatVersion
	h.Features = featureVersion
	h.Tags = tagNames[:]
	put := func(v any) error {
		b, err := json.Marshal(v)
		if err != nil {
			return err
		}
		if err := binary.Write(bw, binary.LittleEndian, uint32(len(b))); err != nil {
			return err
		}
		_, err = bw.Write(b)
		return err
	}
	if _, err := bw.WriteString(magic); err != nil {
		return cw.n, err
	}
	if err := binary.Write(bw, binary.LittleEndian, uint32(formatVersion)); err != nil {
		return cw.n, err
	}
	if err := put(h); err != nil {
		return cw.n, err
	}
	// the lists and the memory in binary, in key order: a list is one
	// string, its phrases joined by "\n"; JSON took a third of loading
	putString := func(s string) error {
		if err := binary.Write(bw, binary.LittleEndian, uint32(len(s))); err != nil {
			return err
		}
		_, err := bw.WriteString(s)
		return err
	}
	if err := binary.Write(bw, binary.LittleEndian, uint32(len(m.Lists))); err != nil {
		return cw.n, err
	}
	for _, k := range slices.Sorted(maps.Keys(m.Lists)) {
		if err := putString(k); err != nil {
			return cw.n, err
		}
		if err := putString(strings.Join(m.Lists[k], "\n")); err != nil {
			return cw.n, err
		}
	}
	if err := binary.Write(bw, binary.LittleEndian, uint32(len(m.Memory))); err != nil {
		return cw.n, err
	}
	for _, k := range slices.Sorted(maps.Keys(m.Memory)) {
		if err := putString(k); err != nil {
			return cw.n, err
		}
		v := m.Memory[k]
		if err := binary.Write(bw, binary.LittleEndian, v[:]); err != nil {
			return cw.n, err
		}
	}
	if err := binary.Write(bw, binary.LittleEndian, uint32(len(m.keys))); err != nil {
		return cw.n, err
	}
	if err := binary.Write(bw, binary.LittleEndian, m.keys); err != nil {
		return cw.n, err
	}
	if err := binary.Write(bw, binary.LittleEndian, m.weights); err != nil {
		return cw.n, err
	}
	if err := bw.Flush(); err != nil {
		return cw.n, err
	}
	if err := zw.Close(); err != nil {
		return cw.n, err
	}
	return cw.n, nil
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// ReadModel reads a model file written by WriteTo.
func ReadModel(r io.Reader) (*Model, error) {
	zr, err := kgzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("ner model: %w", err)
	}
	defer zr.Close()
	mr := &modelReader{br: bufio.NewReaderSize(zr, 1<<16)}
	m := &Model{}
	if err := mr.header(&m.Header); err != nil {
		return nil, err
	}
	if m.Lists, err = mr.lists(); err != nil {
		return nil, fmt.Errorf("ner model lists: %w", err)
	}
	if m.Memory, err = mr.memory(); err != nil {
		return nil, fmt.Errorf("ner model memory: %w", err)
	}
	if m.keys, m.weights, err = mr.weights(); err != nil {
		return nil, err
	}
	if fp := m.Header.Info[InfoClusters]; fp != "" {
		t, err := clusters.Default()
		if err != nil {
			return nil, fmt.Errorf("ner model: %w", err)
		}
		if t.Fingerprint != fp {
			return nil, fmt.Errorf("ner model: trained with word clusters %s, the embedded table is %s (retrain with kg train ner)", fp, t.Fingerprint)
		}
		m.clusters = t
	}
	m.init()
	return m, nil
}

// modelReader reads the parts of a model file in order (see the file
// format above).
type modelReader struct {
	br  *bufio.Reader
	u32 [4]byte
}

// header reads and checks the magic, the format version and the JSON
// header: the feature set and the tags must be this kg's.
func (mr *modelReader) header(h *Header) error {
	head := make([]byte, len(magic)+4)
	if _, err := io.ReadFull(mr.br, head); err != nil {
		return fmt.Errorf("ner model: %w", err)
	}
	if string(head[:len(magic)]) != magic {
		return errors.New("ner model: not a kg NER model file")
	}
	if v := binary.LittleEndian.Uint32(head[len(magic):]); v != formatVersion {
		return fmt.Errorf("ner model: format version %d, this kg reads version %d", v, formatVersion)
	}
	var n uint32
	if err := binary.Read(mr.br, binary.LittleEndian, &n); err != nil {
		return fmt.Errorf("ner model header: %w", err)
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(mr.br, b); err != nil {
		return fmt.Errorf("ner model header: %w", err)
	}
	if err := json.Unmarshal(b, h); err != nil {
		return fmt.Errorf("ner model header: %w", err)
	}
	if h.Features != featureVersion {
		return fmt.Errorf("ner model: feature set %q, this kg extracts %q (retrain with kg train ner)", h.Features, featureVersion)
	}
	if len(h.Tags) != NumTags {
		return fmt.Errorf("ner model: %d tags, want %d", len(h.Tags), NumTags)
	}
	for i, t := range h.Tags {
		if t != tagNames[i] {
			return fmt.Errorf("ner model: tag %d is %q, want %q", i, t, tagNames[i])
		}
	}
	return nil
}

// count reads a uint32 count or length, refusing implausible ones.
func (mr *modelReader) count() (int, error) {
	if _, err := io.ReadFull(mr.br, mr.u32[:]); err != nil {
		return 0, err
	}
	n := binary.LittleEndian.Uint32(mr.u32[:])
	if n > 1<<28 {
		return 0, fmt.Errorf("implausible length %d", n)
	}
	return int(n), nil
}

// str reads a length-prefixed string.
func (mr *modelReader) str() (string, error) {
	n, err := mr.count()
	if err != nil {
		return "", err
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(mr.br, b); err != nil {
		return "", err
	}
	return string(b), nil
}

// lists reads the word lists: a count, then name and "\n"-joined phrases
// per list (an empty list is left out of the map).
func (mr *modelReader) lists() (map[string][]string, error) {
	nl, err := mr.count()
	if err != nil {
		return nil, err
	}
	lists := make(map[string][]string, nl)
	for range nl {
		k, err := mr.str()
		if err != nil {
			return nil, err
		}
		l, err := mr.str()
		if err != nil {
			return nil, err
		}
		if l != "" {
			lists[k] = strings.Split(l, "\n")
		}
	}
	return lists, nil
}

// memory reads the tag memory: a count, then per base form the form and
// its five counts.
func (mr *modelReader) memory() (map[string][5]int32, error) {
	nm, err := mr.count()
	if err != nil {
		return nil, err
	}
	memory := make(map[string][5]int32, nm)
	var mem [20]byte
	for range nm {
		k, err := mr.str()
		if err != nil {
			return nil, err
		}
		if _, err := io.ReadFull(mr.br, mem[:]); err != nil {
			return nil, err
		}
		var v [5]int32
		for i := range v {
			v[i] = int32(binary.LittleEndian.Uint32(mem[i*4:]))
		}
		memory[k] = v
	}
	return memory, nil
}

// weights reads the feature table: the count, the ascending feature
// hashes and NumTags weights per feature.
func (mr *modelReader) weights() ([]uint64, []int16, error) {
	var nf uint32
	if err := binary.Read(mr.br, binary.LittleEndian, &nf); err != nil {
		return nil, nil, fmt.Errorf("ner model: %w", err)
	}
	if nf > 1<<26 {
		return nil, nil, fmt.Errorf("ner model: implausible feature count %d", nf)
	}
	buf := make([]byte, int(nf)*8)
	if _, err := io.ReadFull(mr.br, buf); err != nil {
		return nil, nil, fmt.Errorf("ner model keys: %w", err)
	}
	keys := make([]uint64, nf)
	for i := range keys {
		keys[i] = binary.LittleEndian.Uint64(buf[i*8:])
	}
	buf = make([]byte, int(nf)*NumTags*2)
	if _, err := io.ReadFull(mr.br, buf); err != nil {
		return nil, nil, fmt.Errorf("ner model weights: %w", err)
	}
	weights := make([]int16, int(nf)*NumTags)
	for i := range weights {
		weights[i] = int16(binary.LittleEndian.Uint16(buf[i*2:]))
	}
	if !slices.IsSorted(keys) {
		return nil, nil, errors.New("ner model: feature table not sorted")
	}
	return keys, weights, nil
}

// infoClusters is the Header.Info key of the fingerprint of the cluster
// table a model was trained with.
const InfoClusters = "clusters"

// Tagger tags token sequences with IOB2 entity tags. It is safe for
// concurrent use.
type Tagger struct {
	m    *Model
	pool sync.Pool // *Featurizer
	docs sync.Pool // *DocContext, cleared
	// words memoises the per-word part of the features (bounded: see
	// wordsCached).
	words *memo.Table[*wordInfo]
}

// wordsCached is about how many words a Tagger memoises. A word costs
// some 20 µs to analyse and sum the weights of its own features, and a
// few hundred bytes to hold: on the first million tokens of SaudiNewsNet,
// 2^17 words redo a fifth fewer analyses than 2^16 (97,000 rather than
// 124,000), for some 20 MB more.
const wordsCached = 1 << 17

// NewTagger returns a tagger for a model.
func NewTagger(m *Model) *Tagger {
	t := &Tagger{m: m, words: memo.New[*wordInfo](wordsCached)}
	t.pool.New = func() any { return &Featurizer{buf: make([]uint64, 0, 128)} }
	return t
}

// Model returns the tagger's model.
func (t *Tagger) Model() *Model { return t.m }

// emissions computes the emission scores of every token of a sentence for
// every tag; d is its document context (nil: none).
func (m *Model) emissions(f *Featurizer, info []TokInfo, d *DocContext) [][NumTags]float32 {
	out := make([][NumTags]float32, len(info))
	scale := float32(m.Header.Scale)
	f.skipNb = true
	defer func() { f.skipNb = false }()
	for i := range info {
		f.buf = f.buf[:0]
		m.contextFeatures(f, info, i, d)
		acc := m.sum(f.buf)
		for y := range NumTags {
			acc[y] += info[i].static[y]
		}
		// the features of each neighbour's word alone, summed once per word
		for k, off := range nbOffsets {
			if j := i + off; j >= 0 && j < len(info) {
				nb := &info[j].nb[k]
				for y := range NumTags {
					acc[y] += nb[y]
				}
			}
		}
		for y := range NumTags {
			out[i][y] = float32(acc[y]) * scale
		}
	}
	return out
}

// sum adds up the weights of features hs.
func (m *Model) sum(hs []uint64) [NumTags]int32 {
	var acc [NumTags]int32
	for _, h := range hs {
		w := m.lookup(h)
		if w == nil {
			continue
		}
		for y := range NumTags {
			acc[y] += int32(w[y])
		}
	}
	return acc
}

// spanLists are the phrase lists that may extend a decoded entity of a type.
var spanLists = map[int]uint32{
	1: 1 << listIndex(ListPERS),
	3: 1<<listIndex(ListCountry) | 1<<listIndex(ListCity),
	5: 1 << listIndex(ListORG),
}

// extendSpans lengthens a decoded entity to the end of a longer list phrase
// of its type that starts where the entity starts, when the tokens it adds
// are tagged O (منظمة معاهدة الأمن + الجماعي).
func (m *Model) extendSpans(path []int, info []TokInfo) {
	n := len(path)
	for i := 0; i < n; i++ {
		b := path[i]
		if b == 0 || b%2 == 0 {
			continue
		}
		bits, ok := spanLists[b]
		if !ok {
			continue
		}
		end := i + 1
		for end < n && path[end] == b+1 {
			end++
		}
		best := 0
		h := uint64(fnvOffset)
		for l := 1; l <= m.lex.maxLen && i+l <= n; l++ {
			j := i + l - 1
			if info[j].base == "" || (j >= end && path[j] != 0) {
				break
			}
			if l > 1 {
				h = hashAdd(h, " ")
			}
			h = hashAdd(h, info[j].base)
			if i+l > end && m.lex.phrases.get(h)&bits != 0 {
				best = i + l
			}
		}
		for j := end; j < best; j++ {
			path[j] = b + 1
		}
		if best > end {
			end = best
		}
		i = end - 1
	}
}

// Tag returns one IOB2 tag per token of one sentence, on its own (no
// document context; see TagDocument). The result is deterministic and obeys
// IOB2: an I-X follows only B-X or I-X.
func (t *Tagger) Tag(tokens []string) []string {
	return t.TagDocument([][]string{tokens})[0]
}

// TagDocument tags the sentences of one text (an article, in order), each
// with the other sentences within DocWindow as its document context, and
// returns one tag slice per sentence. It is deterministic.
func (t *Tagger) TagDocument(sents [][]string) [][]string {
	out := make([][]string, 0, len(sents))
	st := t.NewStream(func(tags []string) { out = append(out, tags) })
	for _, toks := range sents {
		st.Add(toks)
	}
	st.Close()
	st.release()
	return out
}

func (t *Tagger) tagInfo(f *Featurizer, info []TokInfo, d *DocContext) []string {
	tags, _ := t.tagInfoScored(f, info, d, false)
	return tags
}

// tagInfoScored tags one sentence; with scored set it also returns its
// entity spans with their margins (see ScoredSpan).
func (t *Tagger) tagInfoScored(f *Featurizer, info []TokInfo, d *DocContext, scored bool) ([]string, []ScoredSpan) {
	if len(info) == 0 {
		return []string{}, nil
	}
	em := t.m.emissions(f, info, d)
	var alpha [][NumTags]float32
	if scored {
		alpha = make([][NumTags]float32, len(em))
	}
	path := viterbiAlpha(em, &t.m.Header.Trans, &t.m.Header.Start, alpha)
	t.m.extendSpans(path, info)
	out := make([]string, len(info))
	for i, y := range path {
		out[i] = tagNames[y]
	}
	if !scored {
		return out, nil
	}
	spans := Spans(out)
	ss := make([]ScoredSpan, len(spans))
	if len(spans) == 0 {
		return out, ss
	}
	best := maxScore(&alpha[len(alpha)-1])
	for k, sp := range spans {
		ss[k] = ScoredSpan{Span: sp, Margin: best - bestScoreFrom(alpha, em, &t.m.Header.Trans, &t.m.Header.Start, sp.Start, sp.End)}
	}
	return out, ss
}

// ScoredSpan is an entity span with the tagger's confidence in it.
type ScoredSpan struct {
	Span
	// Margin is the score (in the model's units, the sum of weights and
	// transitions along a tag path) by which the best tag path of the
	// sentence beats the best path that tags every token of the span O,
	// i.e. that finds no entity there: 0 when reading the tokens as
	// ordinary words is as good, larger the surer the tagger is that they
	// hold a name. Spans that extendSpans lengthened keep the margin of
	// the tokens the tagger chose. On ANERcorp's held-out part, spans of
	// margin under 16 lie on a name 76-87% of the time, those of 32 or
	// more 89-100% (TestMarginSeparates).
	Margin float32
}

// TagDocumentSpans is TagDocument returning, for every sentence, its entity
// spans (ner.Spans of the tags) with their margins.
func (t *Tagger) TagDocumentSpans(sents [][]string) [][]ScoredSpan {
	out := make([][]ScoredSpan, 0, len(sents))
	st := t.NewStream(nil)
	st.scored = func(_ []string, spans []ScoredSpan) { out = append(out, spans) }
	for _, toks := range sents {
		st.Add(toks)
	}
	st.Close()
	st.release()
	return out
}

var negInf = float32(math.Inf(-1))

// bestScore returns the score of the best IOB2-valid tag path, with the
// tokens [oStart, oEnd) forced to O (none when oStart < 0).
func bestScore(em [][NumTags]float32, trans *[NumTags][NumTags]float32, start *[NumTags]float32, oStart, oEnd int) float32 {
	return bestScoreFrom(nil, em, trans, start, oStart, oEnd)
}

// maxScore is the best of the scores of the tags.
func maxScore(cur *[NumTags]float32) float32 {
	best := negInf
	for y := range NumTags {
		if cur[y] > best {
			best = cur[y]
		}
	}
	return best
}

// bestScoreFrom is bestScore that, when alpha is not nil (the scores of
// the best paths to each token and tag, as viterbiAlpha leaves them),
// starts at token oStart from alpha[oStart-1]: the same sums in the same
// order, so the same result.
func bestScoreFrom(alpha [][NumTags]float32, em [][NumTags]float32, trans *[NumTags][NumTags]float32, start *[NumTags]float32, oStart, oEnd int) float32 {
	n := len(em)
	if n == 0 {
		return 0
	}
	i := 0
	var cur [NumTags]float32
	if alpha != nil && oStart >= 1 {
		i = min(oStart, n)
		cur = alpha[i-1]
	}
	for ; i < n; i++ {
		cur = step(&cur, em, trans, start, i, oStart, oEnd)
	}
	return maxScore(&cur)
}

// step returns the scores of the best paths to token i in each tag, from
// cur, those to token i-1 (unused for i = 0), with the tokens [oStart,
// oEnd) forced to O.
func step(cur *[NumTags]float32, em [][NumTags]float32, trans *[NumTags][NumTags]float32, start *[NumTags]float32, i, oStart, oEnd int) [NumTags]float32 {
	forced := func(i, y int) bool { return y != 0 && i >= oStart && i < oEnd }
	var next [NumTags]float32
	if i == 0 {
		for y := range NumTags {
			if Allowed(-1, y) && !forced(0, y) {
				next[y] = start[y] + em[0][y]
			} else {
				next[y] = negInf
			}
		}
		return next
	}
	for y := range NumTags {
		best := negInf
		if !forced(i, y) {
			for p := range NumTags {
				if cur[p] == negInf || !Allowed(p, y) {
					continue
				}
				if s := cur[p] + trans[p][y]; s > best {
					best = s
				}
			}
		}
		if best == negInf {
			next[y] = negInf
		} else {
			next[y] = best + em[i][y]
		}
	}
	return next
}

// viterbi returns the best IOB2-valid tag path under emission and first-order
// transition scores. Ties go to the lower tag index, so the result is
// deterministic.
func Viterbi(em [][NumTags]float32, trans *[NumTags][NumTags]float32, start *[NumTags]float32) []int {
	return viterbiAlpha(em, trans, start, nil)
}

// viterbiAlpha is viterbi that, when alpha is not nil (of len(em)), also
// leaves there the scores of the best paths to each token and tag.
func viterbiAlpha(em [][NumTags]float32, trans *[NumTags][NumTags]float32, start *[NumTags]float32, alpha [][NumTags]float32) []int {
	n := len(em)
	path := make([]int, n)
	if n == 0 {
		return path
	}
	back := make([][NumTags]uint8, n)
	var cur, next [NumTags]float32
	for y := range NumTags {
		if Allowed(-1, y) {
			cur[y] = start[y] + em[0][y]
		} else {
			cur[y] = negInf
		}
	}
	if alpha != nil {
		alpha[0] = cur
	}
	for i := 1; i < n; i++ {
		for y := range NumTags {
			best, arg := negInf, 0
			for p := range NumTags {
				if cur[p] == negInf || !Allowed(p, y) {
					continue
				}
				if s := cur[p] + trans[p][y]; s > best {
					best, arg = s, p
				}
			}
			next[y] = best + em[i][y]
			back[i][y] = uint8(arg)
		}
		cur = next
		if alpha != nil {
			alpha[i] = cur
		}
	}
	best, arg := negInf, 0
	for y := range NumTags {
		if cur[y] > best {
			best, arg = cur[y], y
		}
	}
	path[n-1] = arg
	for i := n - 1; i > 0; i-- {
		path[i-1] = int(back[i][path[i]])
	}
	return path
}
