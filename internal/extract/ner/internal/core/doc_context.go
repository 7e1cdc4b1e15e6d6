package core

// Document context: a name that a reader recognises in one sentence
// (فريق العربي "the team al-Arabi", the full name ايكر كاسياس) is recognised
// again when it recurs alone (العربي، كاسياس). The tagger sees, for every
// token, the cues that surround the other occurrences of its base form within
// DocWindow sentences on either side: the trigger class of the word before
// (title, organisation head, place word), a first name before, a
// nationality adjective after, and the words before and after. The cues come
// from the text only, never from predicted tags, so training and tagging see
// the same thing.

// DocWindow is the number of sentences on each side of a sentence that form
// its document context (a news article is rarely longer than 2*DocWindow+1
// sentences; ANERcorp has no article boundaries, so training uses the same
// sliding window over the running text).
const DocWindow = 10

// cue kinds
const (
	cueTrig  byte = iota + 1 // trigger bits of the word before
	cueFirst                 // a first name before
	cueNat                   // a nationality adjective after
	cuePrev                  // the base form of the word before
	cueNext                  // the base form of the word after
)

type docKey struct {
	base string
	cue  uint64
}

// DocContext counts the cues of base forms over a window of sentences.
type DocContext struct {
	counts map[docKey]int32
	cues   map[string][]uint64 // base -> cues ever added (counts may be 0 now)
	own    []uint64            // scratch
}

func newDocContext() *DocContext {
	return &DocContext{counts: map[docKey]int32{}, cues: map[string][]uint64{}}
}

// docEligible reports whether a token takes part in document context: Arabic
// or Latin words of three letters or more that the training data does not
// know as common words outside names (five or more times, mostly O).
func docEligible(t *TokInfo) bool {
	if t.mem == "O" && (t.memB == "all+" || t.memB == "most+") {
		return false
	}
	return (t.shape == "A" || t.shape == "Aa" || t.shape == "AA") && len(t.base) >= 6
}

func cueHash(kind byte, s string) uint64 {
	h := uint64(fnvOffset)
	h ^= uint64(kind)
	h *= fnvPrime
	return hashAdd(h, s)
}

var trigNames = [...]string{"", "1", "2", "3", "4", "5", "6", "7"}

// localCues appends the cues of token i of a sentence to dst.
func localCues(dst []uint64, info []TokInfo, i int) []uint64 {
	if i > 0 {
		p := &info[i-1]
		if p.trig != 0 {
			dst = append(dst, cueHash(cueTrig, trigNames[p.trig&7]))
		}
		if p.single&firstBit != 0 {
			dst = append(dst, cueHash(cueFirst, ""))
		}
		dst = append(dst, cueHash(cuePrev, p.base))
	}
	if i+1 < len(info) {
		x := &info[i+1]
		if x.nat {
			dst = append(dst, cueHash(cueNat, ""))
		}
		dst = append(dst, cueHash(cueNext, x.base))
	}
	return dst
}

// add adds (sign 1) or removes (sign -1) the cues of a sentence.
func (d *DocContext) add(info []TokInfo, sign int32) {
	var buf [8]uint64
	for i := range info {
		t := &info[i]
		if !docEligible(t) {
			continue
		}
		for _, c := range localCues(buf[:0], info, i) {
			k := docKey{t.base, c}
			n, seen := d.counts[k]
			d.counts[k] = n + sign
			if !seen && sign > 0 {
				d.cues[t.base] = append(d.cues[t.base], c)
			}
		}
	}
}

// features appends, for token i, a feature for every cue that some other
// occurrence of its base form has in the window.
func (d *DocContext) features(f *Featurizer, info []TokInfo, i int) {
	t := &info[i]
	if d == nil || !docEligible(t) {
		return
	}
	cs := d.cues[t.base]
	if len(cs) == 0 {
		return
	}
	d.own = localCues(d.own[:0], info, i)
	others := false
	for _, c := range cs {
		n := d.counts[docKey{t.base, c}]
		for _, o := range d.own {
			if o == c {
				n--
			}
		}
		if n > 0 {
			others = true
			h := uint64(fnvOffset)
			h ^= uint64(fDoc)
			h *= fnvPrime
			f.buf = append(f.buf, (h^c)*fnvPrime)
		}
	}
	if others {
		f.add(fDocSeen, t.shape)
	}
}

// slider moves a document context along a running text: push adds the
// next sentence, pop hands out the oldest untagged one once its window of
// DocWindow sentences on either side is in the context (or, flushing, at the
// end), dropping what fell out of that window first.
type slider struct {
	d     *DocContext
	infos [][]TokInfo // sentences [first, first+len(infos)) are held
	first int         // index of infos[0]
	next  int         // next sentence to pop
	total int         // sentences pushed
}

func (w *slider) push(info []TokInfo) {
	w.infos = append(w.infos, info)
	w.d.add(info, 1)
	w.total++
}

// ready reports whether a sentence can be popped: its window is complete,
// or flush is set and sentences remain.
func (w *slider) ready(flush bool) bool {
	return w.next < w.total && (flush || w.next+DocWindow < w.total)
}

// pop returns the next sentence's index and information; until the next
// push, w.d is its document context.
func (w *slider) pop() (int, []TokInfo) {
	for w.first < w.next-DocWindow {
		w.d.add(w.infos[0], -1)
		w.infos[0] = nil
		w.infos = w.infos[1:]
		w.first++
	}
	s := w.next
	w.next++
	return s, w.infos[s-w.first]
}

// WithDocContext calls fn for every sentence of a running text with its
// document context (the window of DocWindow sentences on either side).
// infos[s] is the information of sentence s.
func WithDocContext(infos [][]TokInfo, fn func(s int, d *DocContext)) {
	w := &slider{d: newDocContext()}
	drain := func(flush bool) {
		for w.ready(flush) {
			s, _ := w.pop()
			fn(s, w.d)
		}
	}
	for _, info := range infos {
		w.push(info)
		drain(false)
	}
	drain(true)
}

// firstBit is the bit of the first-name list in phrase-list bit sets.
var firstBit = uint32(1) << listIndex(ListFirst)

// Stream tags a long running text (a CoNLL file, an article) sentence by
// sentence with the same document context as TagDocument, holding at most
// 2*DocWindow+1 sentences: a sentence's tags are emitted once the DocWindow
// sentences after it have been added, or at Close. Tags are emitted in the
// order sentences were added. A Stream is not safe for concurrent use.
type Stream struct {
	t      *Tagger
	f      *Featurizer
	w      slider
	emit   func(tags []string)
	scored func(tags []string, spans []ScoredSpan) // instead of emit, with margins
}

// NewStream returns a stream that calls emit with the tags of each sentence.
func (t *Tagger) NewStream(emit func(tags []string)) *Stream {
	d, _ := t.docs.Get().(*DocContext)
	if d == nil {
		d = newDocContext()
	}
	return &Stream{t: t, f: t.pool.Get().(*Featurizer), w: slider{d: d}, emit: emit}
}

// release returns the stream's buffers to its tagger; the stream is not
// usable after.
func (s *Stream) release() {
	clear(s.w.d.counts)
	clear(s.w.d.cues)
	s.t.docs.Put(s.w.d)
	s.t.pool.Put(s.f)
	s.w.d, s.f = nil, nil
}

// Add adds the next sentence.
func (s *Stream) Add(tokens []string) {
	s.w.push(s.t.m.sentenceInfo(tokens, s.t.words))
	s.tag(false)
}

// Close tags the sentences still held.
func (s *Stream) Close() { s.tag(true) }

func (s *Stream) tag(flush bool) {
	for s.w.ready(flush) {
		_, info := s.w.pop()
		if s.scored != nil {
			s.scored(s.t.tagInfoScored(s.f, info, s.w.d, true))
			continue
		}
		s.emit(s.t.tagInfo(s.f, info, s.w.d))
	}
}
