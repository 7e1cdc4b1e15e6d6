package core

import (
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/kg-project/kg/internal/extract/ner/clusters"
	"github.com/kg-project/kg/internal/memo"
	"github.com/kg-project/kg/internal/text/arabic"
)

// featureVersion names the feature set; a model is only usable by code that
// extracts the same features.
const featureVersion = "f3"

// TokInfo is what the features look at for one token: what depends on
// the word alone (shared, memoised per word by a Tagger) and its phrase-list
// matches, which depend on its neighbours.
type TokInfo struct {
	*wordInfo
	single uint32
	begin  uint32
	inside uint32
}

// wordInfo is the part of TokInfo that depends on the word alone. It is
// shared between tokens: read-only once made.
type wordInfo struct {
	mf    string // arabic.MatchForm
	base  string // clitics stripped (baseForm)
	noCl  string // without conjunction and preposition, article kept
	cl    string // clitic pattern: conj, prep, article, suffix
	shape string
	trig  uint8 // bit set of triggerLists (of base)
	nat   bool
	// clust are the word's classes in the cluster table (of mf, or else of
	// the word without clitics), finest first, "" if none; clustB those of
	// the word without clitics when they differ
	clust  [clusters.Levels]string
	clustB [clusters.Levels]string
	freq   string // frequency class in the clusters' text, "" if unknown
	mem    string // majority training type of base, "" if unseen
	memB   string // how clear the majority is
	// static is the sum of the weights of wordFeatures, when the model has
	// weights (not while training); nb[k] that of neighbourFeatures of the
	// word at offset nbOffsets[k] from a token
	static [NumTags]int32
	nb     [len(nbOffsets)][NumTags]int32
}

// nbOffsets are the positions, relative to a token, of the neighbours whose
// features of their own word alone (neighbourFeatures) a tagger sums once
// per word (wordInfo.nb).
var nbOffsets = [4]int{-2, -1, 1, 2}

// sentenceInfo computes the per-token information for a sentence; words,
// when not nil, memoises the part that depends on the word alone.
func (m *Model) sentenceInfo(tokens []string, words *memo.Table[*wordInfo]) []TokInfo {
	n := len(tokens)
	info := make([]TokInfo, n)
	base := make([]string, n)
	for i, t := range tokens {
		if words != nil {
			info[i].wordInfo = words.Get(t, m.newWordInfo)
		} else {
			info[i].wordInfo = m.newWordInfo(t)
		}
		base[i] = info[i].base
	}
	single := make([]uint32, n)
	begin := make([]uint32, n)
	inside := make([]uint32, n)
	m.lex.match(base, begin, inside, single)
	for i := range info {
		info[i].single, info[i].begin, info[i].inside = single[i], begin[i], inside[i]
	}
	return info
}

// newWordInfo computes the fields of TokInfo that depend on the word alone
// (all but the phrase-list matches, which depend on the neighbours).
func (m *Model) newWordInfo(t string) *wordInfo {
	ti := &wordInfo{}
	w := arabic.AnalyzeWord(t) // MatchForm, stems and clitics in one pass
	ti.mf = w.MF
	if len(w.Stems) > 0 {
		ti.base = w.Stems[len(w.Stems)-1]
	}
	a := w.Analysis
	ti.cl = a.Conj + "|" + a.Prep + "|" + a.Article + "|" + a.Suffix
	if a.Article != "" {
		ti.noCl = "ال" + ti.base
	} else {
		ti.noCl = ti.base
	}
	ti.shape = shapeOf(t)
	ti.trig = m.lex.triggers[ti.base]
	if m.clusters != nil {
		c, ok := m.clusters.Lookup(ti.mf)
		cb, okB := m.clusters.Lookup(ti.noCl)
		if !okB {
			cb, okB = m.clusters.Lookup(ti.base)
		}
		if !ok && okB {
			c, ok, okB = cb, true, false
		}
		if ok {
			ti.clust = classNames(c)
			ti.freq = strconv.Itoa(int(c.Freq))
		}
		if okB && cb.C != c.C {
			ti.clustB = classNames(cb)
		}
	}
	if c, ok := m.Memory[ti.base]; ok {
		ti.mem, ti.memB = memFeature(c)
	}
	ti.nat = m.isNat(ti.base)
	ti.pack()
	if len(m.weights) > 0 {
		f := wordFeaturizers.Get().(*Featurizer)
		f.buf = f.buf[:0]
		wordFeatures(f, ti)
		ti.static = m.sum(f.buf)
		for k, off := range nbOffsets {
			f.buf = f.buf[:0]
			neighbourFeatures(f, ti, off)
			ti.nb[k] = m.sum(f.buf)
		}
		wordFeaturizers.Put(f)
	}
	return ti
}

// wordFeaturizers are the buffers of newWordInfo.
var wordFeaturizers = sync.Pool{New: func() any { return &Featurizer{buf: make([]uint64, 0, 64)} }}

// pack copies the strings of t into one, which they then share: a
// memoised word is two objects for the garbage collector to trace, not a
// dozen.
func (t *wordInfo) pack() {
	var buf [8 + 2*clusters.Levels]*string
	ss := append(buf[:0], &t.mf, &t.base, &t.noCl, &t.cl, &t.shape, &t.freq, &t.mem, &t.memB)
	for l := range t.clust {
		ss = append(ss, &t.clust[l], &t.clustB[l])
	}
	n := 0
	for _, s := range ss {
		n += len(*s)
	}
	var b strings.Builder
	b.Grow(n)
	for _, s := range ss {
		b.WriteString(*s)
	}
	all := b.String()
	for _, s := range ss {
		l := len(*s)
		*s, all = all[:l], all[l:]
	}
}

// isNat reports whether base is a nationality adjective in any gender or
// number: روسي، روسيه، روسيين، روسيون، روسيات.
func (m *Model) isNat(base string) bool {
	if len(base) < 4 {
		return false
	}
	try := func(s string) bool {
		return m.lex.phrases.get(hashAdd(fnvOffset, s))&natBit != 0
	}
	if try(base) {
		return true
	}
	for _, suf := range []string{"ه", "ين", "ون", "ات"} {
		if len(base) > len(suf)+3 && base[len(base)-len(suf):] == suf && try(base[:len(base)-len(suf)]) {
			return true
		}
	}
	return false
}

// classNames spells a word's classes, one string per level.
func classNames(c clusters.Class) [clusters.Levels]string {
	var out [clusters.Levels]string
	for l, k := range c.C {
		out[l] = strconv.Itoa(l) + ":" + strconv.Itoa(int(k))
	}
	return out
}

var memTypes = [5]string{"O", "PERS", "LOC", "ORG", "MISC"}

// memFeature summarises tag counts: the majority type and whether it is
// unanimous, a clear majority or a plurality, with a frequency class.
func memFeature(c [5]int32) (string, string) {
	tot, best := int32(0), 0
	for k, v := range c {
		tot += v
		if v > c[best] {
			best = k
		}
	}
	if tot == 0 {
		return "", ""
	}
	frac := float64(c[best]) / float64(tot)
	b := "plur"
	switch {
	case frac == 1:
		b = "all"
	case frac >= 0.7:
		b = "most"
	}
	if tot >= 5 {
		b += "+"
	}
	return memTypes[best], b
}

func listIndex(name string) int {
	for k, n := range phraseLists {
		if n == name {
			return k
		}
	}
	panic("unknown list " + name)
}

// shapeOf classifies a token's script and form: "A" Arabic word, "Aa" Latin
// capitalised, "a" Latin lower case, "AA" Latin all caps, "9" number,
// "9a" mixed letters and digits, "p" punctuation, plus "q" for quotes.
func shapeOf(t string) string {
	var arab, upper, lower, digit, other int
	first := true
	capFirst := false
	for _, r := range t {
		switch {
		case r >= 0x0600 && r <= 0x06FF || r >= 0x0750 && r <= 0x077F || r >= 0xFB50 && r <= 0xFEFF:
			if unicode.IsDigit(r) {
				digit++
			} else {
				arab++
			}
		case unicode.IsDigit(r):
			digit++
		case unicode.IsUpper(r):
			upper++
			if first {
				capFirst = true
			}
		case unicode.IsLower(r):
			lower++
		default:
			other++
		}
		first = false
	}
	switch {
	case arab > 0 && digit == 0 && upper+lower == 0:
		return "A"
	case arab > 0:
		return "Am"
	case digit > 0 && upper+lower == 0 && other == 0:
		if digit == 4 {
			return "9999"
		}
		return "9"
	case digit > 0 && upper+lower > 0:
		return "9a"
	case digit > 0:
		return "9p"
	case upper > 0 && lower == 0:
		return "AA"
	case capFirst:
		return "Aa"
	case lower > 0:
		return "a"
	}
	switch t {
	case "\"", "«", "»", "“", "”", "'":
		return "q"
	case "(", ")", "[", "]":
		return "b"
	}
	return "p:" + t
}

// feature template ids
const (
	fBias byte = iota + 1
	fW
	fBase
	fNoCl
	fCl
	fPre
	fSuf
	fBPre
	fBSuf
	fShape
	fWm1
	fWm2
	fWp1
	fWp2
	fBm1
	fBm2
	fBp1
	fBp2
	fBigL
	fBigR
	fBBigL
	fBBigR
	fSufP1
	fSufM1
	fShM1
	fShP1
	fGazS
	fGazB
	fGazI
	fGazBm1
	fGazBp1
	fGazIp1
	fNat
	fNatP1
	fNatM1
	fTrig
	fTrigM1
	fTrigM2
	fTrigM1W
	fFirst
	fLast
	fLen
	fTriL
	fClust
	fClustM1
	fClustP1
	fShWord
	fClP1
	fGazSm1
	fGazSp1
	fMem
	fMemM1
	fMemP1
	fDoc
	fDocSeen
	fFreq
	fClustB
	fClustBigL
	fClustBigR
	fClustM2
	fClustP2
	fClustWm1
	fClustWp1
	fClustUnseen
)

// Featurizer appends hashed features to a buffer without allocating per
// feature. With skipNb set, contextFeatures leaves out the features that
// depend on one neighbour's word alone (neighbourFeatures): a tagger adds
// their sums memoised per word (wordInfo.nb) instead.
type Featurizer struct {
	buf    []uint64
	skipNb bool
}

func (f *Featurizer) add(id byte, s string) {
	h := uint64(fnvOffset)
	h ^= uint64(id)
	h *= fnvPrime
	f.buf = append(f.buf, hashAdd(h, s))
}

func (f *Featurizer) add2(id byte, a, b string) {
	h := uint64(fnvOffset)
	h ^= uint64(id)
	h *= fnvPrime
	h = hashAdd(h, a)
	h ^= 0xff
	h *= fnvPrime
	f.buf = append(f.buf, hashAdd(h, b))
}

func (f *Featurizer) addBits(id byte, bits uint32) {
	for bits != 0 {
		k := trailingZeros(bits)
		bits &^= 1 << k
		f.add(id, phraseLists[k])
	}
}

// prefix/suffix of s in runes
func runePrefix(s string, n int) (string, bool) {
	i := 0
	for k := 0; k < n; k++ {
		if i >= len(s) {
			return "", false
		}
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
	}
	return s[:i], i < len(s)
}

func runeSuffix(s string, n int) (string, bool) {
	i := len(s)
	for k := 0; k < n; k++ {
		if i <= 0 {
			return "", false
		}
		_, w := utf8.DecodeLastRuneInString(s[:i])
		i -= w
	}
	return s[i:], i > 0
}

var lenNames = []string{"0", "1", "2", "3", "4", "5", "6", "7", "8+"}

// features appends the features of token i to f.buf: those of the word
// itself and those of its context.
func (m *Model) features(f *Featurizer, info []TokInfo, i int, d *DocContext) {
	wordFeatures(f, info[i].wordInfo)
	m.contextFeatures(f, info, i, d)
}

// wordFeatures appends the features that depend on the word alone, so that
// a tagger can sum their weights once per word (TokInfo.static).
func wordFeatures(f *Featurizer, t *wordInfo) {
	f.add(fBias, "")
	f.add(fW, t.mf)
	f.add(fBase, t.base)
	f.add(fNoCl, t.noCl)
	f.add(fCl, t.cl)
	for k := 1; k <= 4; k++ {
		if p, ok := runePrefix(t.mf, k); ok {
			f.add(fPre, p)
		}
		if s, ok := runeSuffix(t.mf, k); ok {
			f.add(fSuf, s)
		}
	}
	for k := 1; k <= 3; k++ {
		if p, ok := runePrefix(t.base, k); ok {
			f.add(fBPre, p)
		}
		if s, ok := runeSuffix(t.base, k); ok {
			f.add(fBSuf, s)
		}
	}
	f.add(fShape, t.shape)
	if t.nat {
		f.add(fNat, "")
	}
	if t.trig != 0 {
		f.add(fTrig, strconv.Itoa(int(t.trig)))
	}
	l := utf8.RuneCountInString(t.base)
	if l >= len(lenNames) {
		l = len(lenNames) - 1
	}
	f.add(fLen, lenNames[l])
	if t.clust[0] != "" {
		for _, c := range t.clust {
			f.add(fClust, c)
		}
		f.add(fFreq, t.freq)
		if t.clustB[0] != "" {
			f.add(fClustB, t.clustB[0])
			f.add(fClustB, t.clustB[1])
		}
	} else {
		f.add(fClust, "none")
	}
	if t.shape != "A" {
		f.add2(fShWord, t.shape, t.mf)
	}
	if t.mem != "" {
		f.add2(fMem, t.mem, t.memB)
	} else {
		f.add(fMem, "unseen")
		// the classes of a word the training data does not know (the
		// memory is jackknifed in training, so they learn from words
		// unseen in the other folds)
		if t.clust[0] != "" {
			f.add(fClustUnseen, t.clust[0])
			f.add(fClustUnseen, t.clust[1])
		}
	}
}

// contextFeatures appends the features of token i that depend on its
// neighbours, its position, the phrase-list matches and the document.
func (m *Model) contextFeatures(f *Featurizer, info []TokInfo, i int, d *DocContext) {
	d.features(f, info, i)
	w := window(info)
	t := &info[i]
	neighbourWordFeatures(f, w, i)
	if x := w.at(i + 1); x != nil {
		nextTokenFeatures(f, t, x)
	} else {
		f.add(fShP1, "</s>")
	}
	if x := w.at(i - 1); x != nil {
		prevTokenFeatures(f, t, x)
	} else {
		f.add(fShM1, "<s>")
		f.add(fFirst, "")
	}
	if x := w.at(i - 2); x != nil && x.trig != 0 && !f.skipNb {
		f.add(fTrigM2, strconv.Itoa(int(x.trig)))
	}
	if x := w.at(i - 2); x != nil && x.clust[1] != "" && !f.skipNb {
		f.add(fClustM2, x.clust[1])
	}
	if x := w.at(i + 2); x != nil && x.clust[1] != "" && !f.skipNb {
		f.add(fClustP2, x.clust[1])
	}
	if t.clust[0] != "" {
		f.add2(fClustWm1, w.base(i-1), t.clust[1])
		f.add2(fClustWp1, t.clust[1], w.base(i+1))
	}
	if i == len(info)-1 {
		f.add(fLast, "")
	}
	f.addBits(fGazS, t.single)
	f.addBits(fGazB, t.begin)
	f.addBits(fGazI, t.inside)
	if x := w.at(i + 1); x != nil && !f.skipNb {
		f.add2(fMemP1, x.mem, x.memB)
	}
}

// window is a sentence seen from one of its tokens: positions outside it
// read as the sentence boundaries.
type window []TokInfo

// at returns the token at j, or nil outside the sentence.
func (w window) at(j int) *TokInfo {
	if j < 0 || j >= len(w) {
		return nil
	}
	return &w[j]
}

// boundary names the sentence boundary on j's side.
func boundary(j int) string {
	if j < 0 {
		return "<s>"
	}
	return "</s>"
}

// word returns the MatchForm of the token at j, or the boundary.
func (w window) word(j int) string {
	if x := w.at(j); x != nil {
		return x.mf
	}
	return boundary(j)
}

// base returns the base form of the token at j, or the boundary.
func (w window) base(j int) string {
	if x := w.at(j); x != nil {
		return x.base
	}
	return boundary(j)
}

// ctxOffsets are the positions, relative to a token, of the words and base
// forms neighbourWordFeatures adds, in this order; ctxWordIDs and
// ctxBaseIDs are their features.
var (
	ctxOffsets = [4]int{-1, -2, 1, 2}
	ctxWordIDs = [4]byte{fWm1, fWm2, fWp1, fWp2}
	ctxBaseIDs = [4]byte{fBm1, fBm2, fBp1, fBp2}
)

// neighbourWordFeatures adds the words and base forms at ±1 and ±2 of
// token i, and the bigrams and the left trigram around it. A neighbour's
// own word features are added here unless f.skipNb is set and there is a
// word there (neighbourFeatures lists them; keep the two in step).
func neighbourWordFeatures(f *Featurizer, w window, i int) {
	for k, off := range ctxOffsets {
		if !f.skipNb || w.at(i+off) == nil {
			f.add(ctxWordIDs[k], w.word(i+off))
		}
	}
	for k, off := range ctxOffsets {
		if !f.skipNb || w.at(i+off) == nil {
			f.add(ctxBaseIDs[k], w.base(i+off))
		}
	}
	t := &w[i]
	f.add2(fBigL, w.word(i-1), t.mf)
	f.add2(fBigR, t.mf, w.word(i+1))
	f.add2(fBBigL, w.base(i-1), t.base)
	f.add2(fBBigR, t.base, w.base(i+1))
	f.add2(fTriL, w.base(i-2), w.base(i-1))
}

// nextTokenFeatures adds the features of token t that look at the token x
// after it.
func nextTokenFeatures(f *Featurizer, t, x *TokInfo) {
	if !f.skipNb {
		if s, ok := runeSuffix(x.mf, 2); ok {
			f.add(fSufP1, s)
		}
		f.add(fShP1, x.shape)
		f.add(fClP1, x.cl)
	}
	f.addBits(fGazBp1, x.begin)
	f.addBits(fGazIp1, x.inside)
	f.addBits(fGazSp1, x.single)
	if x.nat && !f.skipNb {
		f.add(fNatP1, "")
	}
	if x.clust[0] != "" {
		if !f.skipNb {
			f.add(fClustP1, x.clust[0])
			f.add(fClustP1, x.clust[1])
		}
		f.add2(fClustBigR, t.clust[1], x.clust[1])
	}
}

// prevTokenFeatures adds the features of token t that look at the token x
// before it.
func prevTokenFeatures(f *Featurizer, t, x *TokInfo) {
	if !f.skipNb {
		if s, ok := runeSuffix(x.mf, 2); ok {
			f.add(fSufM1, s)
		}
		f.add(fShM1, x.shape)
	}
	f.addBits(fGazBm1, x.begin|x.inside)
	f.addBits(fGazSm1, x.single)
	if x.nat && !f.skipNb {
		f.add(fNatM1, "")
	}
	if x.trig != 0 {
		if !f.skipNb {
			f.add(fTrigM1, strconv.Itoa(int(x.trig)))
		}
		f.add2(fTrigM1W, strconv.Itoa(int(x.trig)), t.shape)
	}
	if x.clust[0] != "" {
		if !f.skipNb {
			f.add(fClustM1, x.clust[0])
			f.add(fClustM1, x.clust[1])
		}
		f.add2(fClustBigL, x.clust[1], t.clust[1])
	}
	if !f.skipNb {
		f.add2(fMemM1, x.mem, x.memB)
	}
}

// neighbourFeatures appends the features of contextFeatures that depend
// on the word x alone, standing at offset off (one of nbOffsets) from the
// token, in the order contextFeatures gives them. A tagger sums their
// weights once per word (wordInfo.nb).
func neighbourFeatures(f *Featurizer, x *wordInfo, off int) {
	switch off {
	case -2:
		f.add(fWm2, x.mf)
		f.add(fBm2, x.base)
		if x.trig != 0 {
			f.add(fTrigM2, strconv.Itoa(int(x.trig)))
		}
		if x.clust[1] != "" {
			f.add(fClustM2, x.clust[1])
		}
	case -1:
		f.add(fWm1, x.mf)
		f.add(fBm1, x.base)
		if s, ok := runeSuffix(x.mf, 2); ok {
			f.add(fSufM1, s)
		}
		f.add(fShM1, x.shape)
		if x.nat {
			f.add(fNatM1, "")
		}
		if x.trig != 0 {
			f.add(fTrigM1, strconv.Itoa(int(x.trig)))
		}
		if x.clust[0] != "" {
			f.add(fClustM1, x.clust[0])
			f.add(fClustM1, x.clust[1])
		}
		f.add2(fMemM1, x.mem, x.memB)
	case 1:
		f.add(fWp1, x.mf)
		f.add(fBp1, x.base)
		if s, ok := runeSuffix(x.mf, 2); ok {
			f.add(fSufP1, s)
		}
		f.add(fShP1, x.shape)
		f.add(fClP1, x.cl)
		if x.nat {
			f.add(fNatP1, "")
		}
		if x.clust[0] != "" {
			f.add(fClustP1, x.clust[0])
			f.add(fClustP1, x.clust[1])
		}
		f.add2(fMemP1, x.mem, x.memB)
	case 2:
		f.add(fWp2, x.mf)
		f.add(fBp2, x.base)
		if x.clust[1] != "" {
			f.add(fClustP2, x.clust[1])
		}
	default:
		panic("ner: no neighbour features at offset " + strconv.Itoa(off))
	}
}

// natBit is the bit of the nationality list in phrase-list bit sets.
var natBit = uint32(1) << listIndex(ListNat)
