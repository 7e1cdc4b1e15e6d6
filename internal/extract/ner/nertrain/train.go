package nertrain

import (
	"fmt"
	"io"
	"maps"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/kg-project/kg/internal/sources"

	"github.com/kg-project/kg/internal/extract/ner/internal/core"

	"github.com/kg-project/kg/internal/extract/ner/clusters"
	"github.com/kg-project/kg/internal/text/arabic"
)

// Sentence is one training or evaluation sentence: tokens and their tags
// (any IOB spelling; tags may be nil for unlabelled text).
type Sentence = sources.Sentence

// TrainOptions configure Train. Zero values get the defaults noted.
type TrainOptions struct {
	// DataDir is the shared data directory (ner/anercorp/train.txt, the
	// gazetteer and lexicon files). Default "../shared/data".
	DataDir string
	// TrainFile overrides DataDir/ner/anercorp/train.txt.
	TrainFile string
	// Train, when set, is used instead of reading TrainFile (tests).
	Train []Sentence
	// DevFraction of the sentences, taken from the end, is held out for
	// evaluation (default 0.1; negative: none).
	DevFraction float64
	// Extra labelled sentences added to the training part (e.g. AQMAR train).
	Extra []Sentence
	// ExtraWeight is the weight of an Extra sentence's updates against one
	// of the main training data, in (0, 1] (default 1): the main data's
	// updates count round(1/ExtraWeight) times.
	ExtraWeight float64
	// ExtraNoLists keeps the Extra sentences' entities out of the
	// training-entity lists and the tag memory (they still train weights).
	ExtraNoLists bool
	// ExtraDomain trains a copy of every feature on the Extra sentences
	// only, left out of the model: Extra's own habits go there.
	ExtraDomain bool
	// Eval are further labelled sets scored after training (name -> data).
	Eval map[string][]Sentence
	// Lists are the gazetteer lists; nil builds them from DataDir.
	Lists map[string][]string
	// Epochs of the perceptron (default 12).
	Epochs int
	// Seed of the sentence shuffle (default 1).
	Seed uint64
	// MinCount drops features seen fewer times in training (default 2).
	MinCount int
	// Folds for the jackknifed lists of training-data entities (default 5;
	// negative disables the training-entity lists).
	Folds int
	// Dropout is the probability of leaving a feature out of a training
	// update (default 0.3; negative: none).
	Dropout float64
	// Ensemble is the number of perceptron runs (different seeds) whose
	// weights are averaged into the model (default 5).
	Ensemble int
	// Clusters is the word-cluster table of the features (nil: the embedded
	// one, clusters.Default, unless NoClusters).
	Clusters   *clusters.Table
	NoClusters bool
	// Log receives progress lines (nil: none).
	Log io.Writer
}

// PRF is precision, recall and F1 with the counts they come from.
type PRF struct {
	Precision, Recall, F1 float64
	Gold, Pred, Correct   int
}

// Scores are entity-level scores (exact span and type), overall and per type.
type Scores struct {
	Overall PRF
	ByType  map[string]PRF
}

// Report says what Train did and how well the model does on held-out data.
type Report struct {
	TrainSentences, TrainTokens int
	DevSentences, DevTokens     int
	Features                    int
	Epochs                      int
	EpochF1                     []float64 // dev F1 after each epoch
	Dev                         Scores
	// DevSeen and DevUnseen are the recall on the dev entities whose text
	// is (is not) the text of an entity of the training data.
	DevSeen, DevUnseen PRF
	// DevUnseenMain is DevUnseen with only the main training data (not
	// Extra) counting as seen; zero without Extra.
	DevUnseenMain PRF
	Eval          map[string]Scores
	Duration      time.Duration
	Notes         []string
}

func (o *TrainOptions) defaults() {
	if o.DataDir == "" {
		o.DataDir = filepath.Join("..", "shared", "data")
	}
	if o.DevFraction == 0 {
		o.DevFraction = 0.1
	}
	if o.Epochs <= 0 {
		o.Epochs = 12
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.MinCount <= 0 {
		o.MinCount = 2
	}
	if o.Dropout == 0 {
		o.Dropout = 0.3
	}
	if o.Folds == 0 {
		o.Folds = 5
	}
	if o.Ensemble <= 0 {
		o.Ensemble = 5
	}
	if o.ExtraWeight <= 0 || o.ExtraWeight > 1 {
		o.ExtraWeight = 1
	}
}

func (o *TrainOptions) logf(format string, args ...any) {
	if o.Log != nil {
		fmt.Fprintf(o.Log, format+"\n", args...)
	}
}

// encoded is a sentence as feature indices and gold tag indices.
type encoded struct {
	feats [][]int32
	gold  []int // -1: unlabelled
	step  int32 // size of this sentence's updates
}

// Train trains a model with the averaged structured perceptron and Viterbi
// decoding. It is deterministic: the same options and data give the same
// model bytes.
func Train(opts TrainOptions) (*core.Model, Report, error) {
	t0 := time.Now()
	opts.defaults()
	var rep Report
	sents := opts.Train
	if sents == nil {
		path := opts.TrainFile
		if path == "" {
			path = filepath.Join(opts.DataDir, "ner", "anercorp", "train.txt")
		}
		f, err := os.Open(path)
		if err != nil {
			return nil, rep, err
		}
		sents, err = sources.ReadCoNLL(f)
		f.Close()
		if err != nil {
			return nil, rep, err
		}
	}
	train, dev := sources.SplitDev(sents, opts.DevFraction)
	nMain := len(train)
	mainStep := int32(math.Round(1 / opts.ExtraWeight))
	train = append(slices.Clip(train), opts.Extra...)
	for _, s := range train {
		rep.TrainTokens += len(s.Tokens)
	}
	for _, s := range dev {
		rep.DevTokens += len(s.Tokens)
	}
	rep.TrainSentences, rep.DevSentences = len(train), len(dev)
	opts.logf("train: %d sentences, %d tokens; dev: %d sentences, %d tokens", len(train), rep.TrainTokens, len(dev), rep.DevTokens)

	table := opts.Clusters
	if table == nil && !opts.NoClusters {
		var err error
		if table, err = clusters.Default(); err != nil {
			return nil, rep, err
		}
	}
	if opts.NoClusters {
		table = nil
	}

	lists := opts.Lists
	if lists == nil {
		var err error
		lists, rep.Notes, err = BuildLists(opts.DataDir)
		if err != nil {
			return nil, rep, err
		}
	}
	lists = copyLists(lists)
	for _, name := range []string{core.ListTrainPER, core.ListTrainLOC, core.ListTrainORG, core.ListTrainMIS} {
		delete(lists, name)
	}
	for _, name := range sortedKeys(lists) {
		opts.logf("list %-10s %6d entries", name, len(lists[name]))
	}

	// feature extraction, with jackknifed training-entity lists: the main
	// data and Extra are each cut into the folds (so that a main fold's
	// lists come from as much main data as with no Extra), and the document
	// context stays within each
	hashes := make([][][]uint64, len(train))
	for _, seg := range [][2]int{{0, nMain}, {nMain, len(train)}} {
		n := seg[1] - seg[0]
		folds := opts.Folds
		if folds < 0 || n < 2*folds {
			folds = 1
		}
		for k := 0; k < folds && n > 0; k++ {
			lo, hi := seg[0]+k*n/folds, seg[0]+(k+1)*n/folds
			l := copyLists(lists)
			before, after := train[:lo], train[hi:]
			if opts.ExtraNoLists {
				before, after = train[:min(lo, nMain)], train[min(hi, nMain):nMain]
			}
			if opts.Folds > 0 {
				var others []Sentence
				others = append(others, before...)
				others = append(others, after...)
				addEntityLists(l, others)
			}
			var mem map[string][5]int32
			if opts.Folds > 0 {
				mem = tagMemory(before, after)
			}
			m := core.NewModel(l, mem, table)
			f := &core.Featurizer{}
			// sentence information for the fold and its document-context margin
			a, b := max(lo-core.DocWindow, seg[0]), min(hi+core.DocWindow, seg[1])
			infos := make([][]core.TokInfo, b-a)
			for si := a; si < b; si++ {
				infos[si-a] = m.SentenceInfo(train[si].Tokens)
			}
			core.WithDocContext(infos, func(s int, d *core.DocContext) {
				si := s + a
				if si < lo || si >= hi {
					return
				}
				info := infos[s]
				hs := make([][]uint64, len(info))
				for i := range info {
					hs[i] = f.Hashes(m, info, i, d)
				}
				hashes[si] = hs
			})
		}
	}
	final := copyLists(lists)
	listed := train
	if opts.ExtraNoLists {
		listed = train[:nMain]
	}
	if opts.Folds > 0 {
		addEntityLists(final, listed)
	}
	var mem map[string][5]int32
	if opts.Folds > 0 {
		mem = tagMemory(listed)
	}
	model := core.NewModel(final, mem, table)

	// domain copies: every feature of an Extra token also fires as a copy
	// of its own, which only Extra data trains and the model leaves out, so
	// that what is peculiar to Extra's domain goes there rather than into
	// the weights the tagger uses (Daumé's feature augmentation, one-sided)
	var domainOnly map[uint64]bool
	if opts.ExtraDomain && nMain < len(train) {
		domainOnly = map[uint64]bool{}
		for _, s := range hashes[nMain:] {
			for i, hs := range s {
				for _, h := range hs {
					h2 := h ^ 0x5f77696b695f6470
					domainOnly[h2] = true
					hs = append(hs, h2)
				}
				s[i] = hs
			}
		}
		for _, s := range hashes[:nMain] {
			for _, hs := range s {
				for _, h := range hs {
					delete(domainOnly, h)
				}
			}
		}
	}

	// feature dictionary
	count := map[uint64]int{}
	for _, s := range hashes {
		for _, hs := range s {
			for _, h := range hs {
				count[h]++
			}
		}
	}
	var keys []uint64
	for h, c := range count {
		if c >= opts.MinCount {
			keys = append(keys, h)
		}
	}
	slices.Sort(keys)
	index := make(map[uint64]int32, len(keys))
	for i, h := range keys {
		index[h] = int32(i)
	}
	count = nil
	data := make([]encoded, len(train))
	for si, s := range hashes {
		e := encoded{feats: make([][]int32, len(s)), gold: make([]int, len(s)), step: 1}
		if si < nMain {
			e.step = mainStep
		}
		for i, hs := range s {
			fs := make([]int32, 0, len(hs))
			for _, h := range hs {
				if k, ok := index[h]; ok {
					fs = append(fs, k)
				}
			}
			e.feats[i] = fs
			e.gold[i] = core.TagIndex(train[si].Tags[i])
		}
		repairIOB2(e.gold)
		for i, t := range train[si].Tags {
			if t == core.Unlabelled {
				e.gold[i] = -1
			}
		}
		data[si] = e
	}
	hashes = nil
	opts.logf("features: %d (min count %d)", len(keys), opts.MinCount)

	// averaged structured perceptron; with Ensemble > 1, several runs with
	// different shuffle and dropout seeds whose averaged weights are
	// averaged again (a linear model still: one weight vector)
	run := func(seed uint64, member int) ([]float32, [core.NumTags][core.NumTags]float32, [core.NumTags]float32) {
		nf := len(keys)
		w := make([]int32, nf*core.NumTags)
		u := make([]int64, nf*core.NumTags)
		var tw [core.NumTags][core.NumTags]int32 // transitions
		var tu [core.NumTags][core.NumTags]int64
		var startW [core.NumTags]int32
		var startU [core.NumTags]int64
		c := int64(1)
		order := make([]int, len(data))
		for i := range order {
			order[i] = i
		}
		rng := rand.New(rand.NewPCG(seed, 0x6b67206e6572))
		em := make([][core.NumTags]float32, 0, 256)
		var dropped [][]int32
		rs := seed*0x9E3779B97F4A7C15 | 1
		avg := func() ([]float32, [core.NumTags][core.NumTags]float32, [core.NumTags]float32) {
			a := make([]float32, len(w))
			cf := float64(c)
			for i := range w {
				a[i] = float32(float64(w[i]) - float64(u[i])/cf)
			}
			var at [core.NumTags][core.NumTags]float32
			var as [core.NumTags]float32
			for p := range core.NumTags {
				for y := range core.NumTags {
					at[p][y] = float32(float64(tw[p][y]) - float64(tu[p][y])/cf)
				}
				as[p] = float32(float64(startW[p]) - float64(startU[p])/cf)
			}
			return a, at, as
		}
		for ep := 1; ep <= opts.Epochs; ep++ {
			rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
			errs := 0
			for _, si := range order {
				e := &data[si]
				n := len(e.gold)
				em = em[:0]
				feats := e.feats
				if opts.Dropout > 0 {
					// feature dropout: each feature is left out of this
					// sentence's update with probability Dropout, so that no
					// single feature (a neighbour word, a bigram) explains the
					// training tags alone
					if cap(dropped) < n {
						dropped = make([][]int32, n)
					}
					dropped = dropped[:n]
					thr := uint64(opts.Dropout * (1 << 32))
					for i := 0; i < n; i++ {
						d := dropped[i][:0]
						for _, k := range e.feats[i] {
							rs ^= rs << 13
							rs ^= rs >> 7
							rs ^= rs << 17
							if rs&0xffffffff >= thr {
								d = append(d, k)
							}
						}
						dropped[i] = d
					}
					feats = dropped
				}
				for i := 0; i < n; i++ {
					var s [core.NumTags]int32
					for _, k := range feats[i] {
						ws := w[int(k)*core.NumTags : int(k)*core.NumTags+core.NumTags]
						for y := range core.NumTags {
							s[y] += ws[y]
						}
					}
					var sf [core.NumTags]float32
					for y := range core.NumTags {
						sf[y] = float32(s[y])
					}
					em = append(em, sf)
				}
				var ftw [core.NumTags][core.NumTags]float32
				var fst [core.NumTags]float32
				for p := range core.NumTags {
					for y := range core.NumTags {
						ftw[p][y] = float32(tw[p][y])
					}
					fst[p] = float32(startW[p])
				}
				pred := core.Viterbi(em, &ftw, &fst)
				if agrees(pred, e.gold) {
					c++
					continue
				}
				errs++
				st, sc := e.step, int64(e.step)*c
				for i := 0; i < n; i++ {
					g, p := e.gold[i], pred[i]
					if g < 0 {
						continue // unlabelled: nothing to learn here or next to it
					}
					if g != p {
						for _, k := range feats[i] {
							b := int(k) * core.NumTags
							w[b+g] += st
							u[b+g] += sc
							w[b+p] -= st
							u[b+p] -= sc
						}
					}
					// transitions
					if i == 0 {
						if g != p {
							startW[g] += st
							startU[g] += sc
							startW[p] -= st
							startU[p] -= sc
						}
					} else if gp, pp := e.gold[i-1], pred[i-1]; gp >= 0 && (gp != pp || g != p) {
						tw[gp][g] += st
						tu[gp][g] += sc
						tw[pp][p] -= st
						tu[pp][p] -= sc
					}
				}
				c++
			}
			msg := fmt.Sprintf("epoch %2d: %d/%d training sentences wrong", ep, errs, len(data))
			if opts.Ensemble > 1 {
				msg = fmt.Sprintf("run %d ", member+1) + msg
			}
			if len(dev) > 0 {
				a, at, as := avg()
				model.SetWeights(keys, a, at, as, false)
				sc := Evaluate(core.NewTagger(model), dev)
				rep.EpochF1 = append(rep.EpochF1, sc.Overall.F1)
				msg += fmt.Sprintf("; dev F1 %.4f", sc.Overall.F1)
			}
			opts.logf("%s", msg)
		}
		return avg()
	}
	members := max(opts.Ensemble, 1)
	var a []float32
	var avgTrans [core.NumTags][core.NumTags]float32
	var avgStart [core.NumTags]float32
	for k := range members {
		ak, at, as := run(opts.Seed+uint64(k)*7919, k)
		if a == nil {
			a = make([]float32, len(ak))
		}
		for i := range ak {
			a[i] += ak[i] / float32(members)
		}
		for p := range core.NumTags {
			for y := range core.NumTags {
				avgTrans[p][y] += at[p][y] / float32(members)
			}
			avgStart[p] += as[p] / float32(members)
		}
	}
	for i, h := range keys {
		if domainOnly[h] {
			clear(a[i*core.NumTags : (i+1)*core.NumTags]) // pruned by SetWeights
		}
	}
	model.SetWeights(keys, a, avgTrans, avgStart, true)
	model.Header.Info = map[string]string{
		"trained_sentences": strconv.Itoa(len(train)),
		"trained_tokens":    strconv.Itoa(rep.TrainTokens),
		"dev_fraction":      strconv.FormatFloat(opts.DevFraction, 'f', -1, 64),
		"epochs":            strconv.Itoa(opts.Epochs),
		"seed":              strconv.FormatUint(opts.Seed, 10),
		"extra_sentences":   strconv.Itoa(len(opts.Extra)),
		"extra_weight":      strconv.FormatFloat(opts.ExtraWeight, 'f', -1, 64),
		"ensemble":          strconv.Itoa(members),
	}
	if table != nil {
		model.Header.Info[core.InfoClusters] = table.Fingerprint
	}
	rep.Features = model.NumFeatures()
	rep.Epochs = opts.Epochs
	tg := core.NewTagger(model)
	if len(dev) > 0 {
		rep.Dev = Evaluate(tg, dev)
		model.Header.Info["dev_f1"] = strconv.FormatFloat(rep.Dev.Overall.F1, 'f', 4, 64)
		rep.DevSeen, rep.DevUnseen = RecallBySeen(tg, dev, train)
		if nMain < len(train) {
			_, rep.DevUnseenMain = RecallBySeen(tg, dev, train[:nMain])
		}
	}
	for _, name := range sortedKeys(opts.Eval) {
		if rep.Eval == nil {
			rep.Eval = map[string]Scores{}
		}
		rep.Eval[name] = Evaluate(tg, opts.Eval[name])
	}
	rep.Duration = time.Since(t0)
	return model, rep, nil
}

// agrees reports whether pred has the gold tag at every labelled token.
func agrees(pred, gold []int) bool {
	for i, g := range gold {
		if g >= 0 && pred[i] != g {
			return false
		}
	}
	return true
}

// repairIOB2 turns an I-X that does not continue X into B-X (IOB1 input).
func repairIOB2(tags []int) {
	prev := 0
	for i, t := range tags {
		if t != 0 && t%2 == 0 && !core.Allowed(prev, t) {
			tags[i] = t - 1
		}
		prev = tags[i]
	}
}

// addEntityLists adds the gold entities of sents to the training-entity lists.
func addEntityLists(lists map[string][]string, sents []Sentence) {
	name := map[string]string{"PERS": core.ListTrainPER, "LOC": core.ListTrainLOC, "ORG": core.ListTrainORG, "MISC": core.ListTrainMIS}
	raw := map[string][]string{}
	for _, s := range sents {
		for _, sp := range core.Spans(s.Tags) {
			if l, ok := name[sp.Type]; ok && sp.End-sp.Start <= core.MaxPhrase {
				raw[l] = append(raw[l], strings.Join(s.Tokens[sp.Start:sp.End], " "))
			}
		}
	}
	for l, r := range raw {
		lists[l] = core.CleanList(append(lists[l], r...))
	}
}

func copyLists(l map[string][]string) map[string][]string {
	out := make(map[string][]string, len(l))
	for k, v := range l {
		out[k] = slices.Clone(v)
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }

// Evaluate tags sents and scores the result against their tags (entity
// level, exact span and type).
func Evaluate(t *core.Tagger, sents []Sentence) Scores {
	type key struct {
		s, a, b int
		t       string
	}
	gold := map[key]bool{}
	pred := map[key]bool{}
	toks := make([][]string, len(sents))
	for si, s := range sents {
		toks[si] = s.Tokens
	}
	tags := t.TagDocument(toks)
	for si, s := range sents {
		for _, sp := range core.Spans(s.Tags) {
			gold[key{si, sp.Start, sp.End, sp.Type}] = true
		}
		for _, sp := range core.Spans(tags[si]) {
			pred[key{si, sp.Start, sp.End, sp.Type}] = true
		}
	}
	sc := Scores{ByType: map[string]PRF{}}
	counts := map[string]*PRF{}
	get := func(t string) *PRF {
		if counts[t] == nil {
			counts[t] = &PRF{}
		}
		return counts[t]
	}
	for k := range gold {
		get(k.t).Gold++
		sc.Overall.Gold++
		if pred[k] {
			get(k.t).Correct++
			sc.Overall.Correct++
		}
	}
	for k := range pred {
		get(k.t).Pred++
		sc.Overall.Pred++
	}
	finish := func(p *PRF) {
		if p.Pred > 0 {
			p.Precision = float64(p.Correct) / float64(p.Pred)
		}
		if p.Gold > 0 {
			p.Recall = float64(p.Correct) / float64(p.Gold)
		}
		if p.Precision+p.Recall > 0 {
			p.F1 = 2 * p.Precision * p.Recall / (p.Precision + p.Recall)
		}
	}
	finish(&sc.Overall)
	for t, p := range counts {
		finish(p)
		sc.ByType[t] = *p
	}
	return sc
}

// RecallBySeen tags sents and returns the recall (exact span and type) on
// their entities whose text (MatchForm of the tokens) is the text of some
// entity in train, and on the others: how well the tagger finds names it
// has never been taught.
func RecallBySeen(t *core.Tagger, sents, train []Sentence) (seen, unseen PRF) {
	known := map[string]bool{}
	text := func(s Sentence, sp core.Span) string {
		w := make([]string, 0, sp.End-sp.Start)
		for _, tok := range s.Tokens[sp.Start:sp.End] {
			w = append(w, arabic.MatchForm(tok))
		}
		return strings.Join(w, " ")
	}
	for _, s := range train {
		for _, sp := range core.Spans(s.Tags) {
			known[text(s, sp)] = true
		}
	}
	toks := make([][]string, len(sents))
	for si, s := range sents {
		toks[si] = s.Tokens
	}
	tags := t.TagDocument(toks)
	for si, s := range sents {
		pred := map[core.Span]bool{}
		for _, sp := range core.Spans(tags[si]) {
			pred[sp] = true
		}
		for _, sp := range core.Spans(s.Tags) {
			p := &unseen
			if known[text(s, sp)] {
				p = &seen
			}
			p.Gold++
			if pred[sp] {
				p.Correct++
			}
		}
	}
	for _, p := range []*PRF{&seen, &unseen} {
		if p.Gold > 0 {
			p.Recall = float64(p.Correct) / float64(p.Gold)
		}
	}
	return seen, unseen
}

// tagMemory counts the types each base form had in sents.
func tagMemory(sets ...[]Sentence) map[string][5]int32 {
	mem := map[string][5]int32{}
	for _, set := range sets {
		for _, s := range set {
			for i, tok := range s.Tokens {
				b := core.BaseForm(tok)
				if b == "" || s.Tags[i] == core.Unlabelled {
					continue
				}
				k := 0
				if t := core.TagIndex(s.Tags[i]); t > 0 {
					k = 1 + (t-1)/2
				}
				c := mem[b]
				c[k]++
				mem[b] = c
			}
		}
	}
	return mem
}
