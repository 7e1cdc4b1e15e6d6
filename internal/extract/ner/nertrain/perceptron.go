package nertrain

import (
	"fmt"
	"math"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strconv"
	"time"

	"github.com/kg-project/kg/internal/extract/ner/clusters"
	"github.com/kg-project/kg/internal/extract/ner/internal/core"
	"github.com/kg-project/kg/internal/sources"
)

// Train trains a model with the averaged structured perceptron and Viterbi
// decoding. It is deterministic: the same options and data give the same
// model bytes.
func Train(opts TrainOptions) (*core.Model, Report, error) {
	t0 := time.Now()
	opts.defaults()
	tr := &trainer{opts: opts}
	if err := tr.readSentences(); err != nil {
		return nil, tr.rep, err
	}
	if err := tr.loadTableAndLists(); err != nil {
		return nil, tr.rep, err
	}
	hashes := tr.featureHashes()
	tr.model = tr.finalModel()
	domainOnly := tr.domainCopies(hashes)
	tr.encode(hashes)
	a, trans, start := tr.ensemble()
	for i, h := range tr.keys {
		if domainOnly[h] {
			clear(a[i*core.NumTags : (i+1)*core.NumTags]) // pruned by SetWeights
		}
	}
	tr.model.SetWeights(tr.keys, a, trans, start, true)
	tr.finish()
	tr.rep.Duration = time.Since(t0)
	return tr.model, tr.rep, nil
}

// trainer carries a training run from its data to its model.
type trainer struct {
	opts       TrainOptions
	rep        Report
	train, dev []Sentence
	nMain      int // train[:nMain] are the main sentences, the rest Extra
	table      *clusters.Table
	lists      map[string][]string // the word lists without training entities
	keys       []uint64            // the feature dictionary, ascending
	data       []encoded           // train, encoded over keys
	model      *core.Model
}

// readSentences reads (or takes) the training sentences, holds out the dev
// part and appends Extra.
func (tr *trainer) readSentences() error {
	sents := tr.opts.Train
	if sents == nil {
		path := tr.opts.TrainFile
		if path == "" {
			path = filepath.Join(tr.opts.DataDir, "ner", "anercorp", "train.txt")
		}
		var err error
		if sents, err = sources.ReadCoNLLFile(path); err != nil {
			return err
		}
	}
	tr.train, tr.dev = sources.SplitDev(sents, tr.opts.DevFraction)
	tr.nMain = len(tr.train)
	tr.train = append(slices.Clip(tr.train), tr.opts.Extra...)
	for _, s := range tr.train {
		tr.rep.TrainTokens += len(s.Tokens)
	}
	for _, s := range tr.dev {
		tr.rep.DevTokens += len(s.Tokens)
	}
	tr.rep.TrainSentences, tr.rep.DevSentences = len(tr.train), len(tr.dev)
	tr.opts.logf("train: %d sentences, %d tokens; dev: %d sentences, %d tokens", len(tr.train), tr.rep.TrainTokens, len(tr.dev), tr.rep.DevTokens)
	return nil
}

// loadTableAndLists sets the word-cluster table and the word lists (built
// from DataDir unless given), training-entity lists left out.
func (tr *trainer) loadTableAndLists() error {
	tr.table = tr.opts.Clusters
	if tr.table == nil && !tr.opts.NoClusters {
		var err error
		if tr.table, err = clusters.Default(); err != nil {
			return err
		}
	}
	if tr.opts.NoClusters {
		tr.table = nil
	}
	lists := tr.opts.Lists
	if lists == nil {
		var err error
		if lists, tr.rep.Notes, err = BuildLists(tr.opts.DataDir); err != nil {
			return err
		}
	}
	tr.lists = copyLists(lists)
	for _, name := range []string{core.ListTrainPER, core.ListTrainLOC, core.ListTrainORG, core.ListTrainMIS} {
		delete(tr.lists, name)
	}
	for _, name := range sortedKeys(tr.lists) {
		tr.opts.logf("list %-10s %6d entries", name, len(tr.lists[name]))
	}
	return nil
}

// featureHashes returns the feature hashes of every token of every
// training sentence, with jackknifed training-entity lists: the main data
// and Extra are each cut into the folds (so that a main fold's lists come
// from as much main data as with no Extra), and the document context stays
// within each.
func (tr *trainer) featureHashes() [][][]uint64 {
	hashes := make([][][]uint64, len(tr.train))
	for _, seg := range [][2]int{{0, tr.nMain}, {tr.nMain, len(tr.train)}} {
		n := seg[1] - seg[0]
		folds := tr.opts.Folds
		if folds < 0 || n < 2*folds {
			folds = 1
		}
		for k := 0; k < folds && n > 0; k++ {
			lo, hi := seg[0]+k*n/folds, seg[0]+(k+1)*n/folds
			tr.foldHashes(hashes, seg, lo, hi)
		}
	}
	return hashes
}

// foldHashes fills hashes[lo:hi], a fold of segment seg, with features
// whose training-entity lists and tag memory come from the other folds.
func (tr *trainer) foldHashes(hashes [][][]uint64, seg [2]int, lo, hi int) {
	train := tr.train
	l := copyLists(tr.lists)
	before, after := train[:lo], train[hi:]
	if tr.opts.ExtraNoLists {
		before, after = train[:min(lo, tr.nMain)], train[min(hi, tr.nMain):tr.nMain]
	}
	var mem map[string][5]int32
	if tr.opts.Folds > 0 {
		var others []Sentence
		others = append(others, before...)
		others = append(others, after...)
		addEntityLists(l, others)
		mem = tagMemory(before, after)
	}
	m := core.NewModel(l, mem, tr.table)
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

// finalModel returns the model to be trained: the word lists with all the
// training entities, and the tag memory of all training sentences.
func (tr *trainer) finalModel() *core.Model {
	final := copyLists(tr.lists)
	listed := tr.train
	if tr.opts.ExtraNoLists {
		listed = tr.train[:tr.nMain]
	}
	var mem map[string][5]int32
	if tr.opts.Folds > 0 {
		addEntityLists(final, listed)
		mem = tagMemory(listed)
	}
	return core.NewModel(final, mem, tr.table)
}

// domainCopies adds, with ExtraDomain, to every feature of an Extra token a
// copy of its own, which only Extra data trains and the model leaves out,
// so that what is peculiar to Extra's domain goes there rather than into
// the weights the tagger uses (Daumé's feature augmentation, one-sided).
// It returns the copies (nil without ExtraDomain or Extra).
func (tr *trainer) domainCopies(hashes [][][]uint64) map[uint64]bool {
	if !tr.opts.ExtraDomain || tr.nMain >= len(tr.train) {
		return nil
	}
	domainOnly := map[uint64]bool{}
	for _, s := range hashes[tr.nMain:] {
		for i, hs := range s {
			for _, h := range hs {
				h2 := h ^ 0x5f77696b695f6470
				domainOnly[h2] = true
				hs = append(hs, h2)
			}
			s[i] = hs
		}
	}
	for _, s := range hashes[:tr.nMain] {
		for _, hs := range s {
			for _, h := range hs {
				delete(domainOnly, h)
			}
		}
	}
	return domainOnly
}

// encode builds the feature dictionary (features seen at least MinCount
// times) and encodes every training sentence over it, with its gold tags
// (-1 where unlabelled) and the size of its updates.
func (tr *trainer) encode(hashes [][][]uint64) {
	count := map[uint64]int{}
	for _, s := range hashes {
		for _, hs := range s {
			for _, h := range hs {
				count[h]++
			}
		}
	}
	for h, c := range count {
		if c >= tr.opts.MinCount {
			tr.keys = append(tr.keys, h)
		}
	}
	slices.Sort(tr.keys)
	index := make(map[uint64]int32, len(tr.keys))
	for i, h := range tr.keys {
		index[h] = int32(i)
	}
	mainStep := int32(math.Round(1 / tr.opts.ExtraWeight))
	tr.data = make([]encoded, len(tr.train))
	for si, s := range hashes {
		e := encoded{feats: make([][]int32, len(s)), gold: make([]int, len(s)), step: 1}
		if si < tr.nMain {
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
			e.gold[i] = core.TagIndex(tr.train[si].Tags[i])
		}
		repairIOB2(e.gold)
		for i, t := range tr.train[si].Tags {
			if t == core.Unlabelled {
				e.gold[i] = -1
			}
		}
		tr.data[si] = e
	}
	tr.opts.logf("features: %d (min count %d)", len(tr.keys), tr.opts.MinCount)
}

// ensemble runs the perceptron Ensemble times with different shuffle and
// dropout seeds and averages their averaged weights (a linear model
// still: one weight vector).
func (tr *trainer) ensemble() ([]float32, [core.NumTags][core.NumTags]float32, [core.NumTags]float32) {
	members := max(tr.opts.Ensemble, 1)
	var a []float32
	var avgTrans [core.NumTags][core.NumTags]float32
	var avgStart [core.NumTags]float32
	for k := range members {
		ak, at, as := tr.run(tr.opts.Seed+uint64(k)*7919, k)
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
	return a, avgTrans, avgStart
}

// finish records the training in the model's header and scores the model
// on the dev sentences and the Eval sets.
func (tr *trainer) finish() {
	model, opts := tr.model, tr.opts
	model.Header.Info = map[string]string{
		"trained_sentences": strconv.Itoa(len(tr.train)),
		"trained_tokens":    strconv.Itoa(tr.rep.TrainTokens),
		"dev_fraction":      strconv.FormatFloat(opts.DevFraction, 'f', -1, 64),
		"epochs":            strconv.Itoa(opts.Epochs),
		"seed":              strconv.FormatUint(opts.Seed, 10),
		"extra_sentences":   strconv.Itoa(len(opts.Extra)),
		"extra_weight":      strconv.FormatFloat(opts.ExtraWeight, 'f', -1, 64),
		"ensemble":          strconv.Itoa(max(opts.Ensemble, 1)),
	}
	if tr.table != nil {
		model.Header.Info[core.InfoClusters] = tr.table.Fingerprint
	}
	tr.rep.Features = model.NumFeatures()
	tr.rep.Epochs = opts.Epochs
	tg := core.NewTagger(model)
	if len(tr.dev) > 0 {
		tr.rep.Dev = Evaluate(tg, tr.dev)
		model.Header.Info["dev_f1"] = strconv.FormatFloat(tr.rep.Dev.Overall.F1, 'f', 4, 64)
		tr.rep.DevSeen, tr.rep.DevUnseen = RecallBySeen(tg, tr.dev, tr.train)
		if tr.nMain < len(tr.train) {
			_, tr.rep.DevUnseenMain = RecallBySeen(tg, tr.dev, tr.train[:tr.nMain])
		}
	}
	for _, name := range sortedKeys(opts.Eval) {
		if tr.rep.Eval == nil {
			tr.rep.Eval = map[string]Scores{}
		}
		tr.rep.Eval[name] = Evaluate(tg, opts.Eval[name])
	}
}

// perceptron is one run of the averaged structured perceptron: weights w
// of feature-major NumTags blocks, transitions and start weights, their
// running sums for the average (u, tu, startU), the update counter c, and
// the xorshift state of feature dropout.
type perceptron struct {
	w      []int32
	u      []int64
	tw     [core.NumTags][core.NumTags]int32
	tu     [core.NumTags][core.NumTags]int64
	startW [core.NumTags]int32
	startU [core.NumTags]int64
	c      int64
	rs     uint64
	// buffers reused from sentence to sentence
	em      [][core.NumTags]float32
	dropped [][]int32
}

// run trains one member of the ensemble and returns its averaged weights.
// With dev sentences, each epoch's averaged model is scored on them.
func (tr *trainer) run(seed uint64, member int) ([]float32, [core.NumTags][core.NumTags]float32, [core.NumTags]float32) {
	nf := len(tr.keys)
	p := &perceptron{
		w: make([]int32, nf*core.NumTags), u: make([]int64, nf*core.NumTags), c: 1,
		rs: seed*0x9E3779B97F4A7C15 | 1, em: make([][core.NumTags]float32, 0, 256),
	}
	order := make([]int, len(tr.data))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(seed, 0x6b67206e6572))
	for ep := 1; ep <= tr.opts.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs := 0
		for _, si := range order {
			if !p.learn(&tr.data[si], tr.opts.Dropout) {
				errs++
			}
		}
		msg := fmt.Sprintf("epoch %2d: %d/%d training sentences wrong", ep, errs, len(tr.data))
		if tr.opts.Ensemble > 1 {
			msg = fmt.Sprintf("run %d ", member+1) + msg
		}
		if len(tr.dev) > 0 {
			a, at, as := p.avg()
			tr.model.SetWeights(tr.keys, a, at, as, false)
			sc := Evaluate(core.NewTagger(tr.model), tr.dev)
			tr.rep.EpochF1 = append(tr.rep.EpochF1, sc.Overall.F1)
			msg += fmt.Sprintf("; dev F1 %.4f", sc.Overall.F1)
		}
		tr.opts.logf("%s", msg)
	}
	return p.avg()
}

// avg returns the averaged weights so far.
func (p *perceptron) avg() ([]float32, [core.NumTags][core.NumTags]float32, [core.NumTags]float32) {
	a := make([]float32, len(p.w))
	cf := float64(p.c)
	for i := range p.w {
		a[i] = float32(float64(p.w[i]) - float64(p.u[i])/cf)
	}
	var at [core.NumTags][core.NumTags]float32
	var as [core.NumTags]float32
	for q := range core.NumTags {
		for y := range core.NumTags {
			at[q][y] = float32(float64(p.tw[q][y]) - float64(p.tu[q][y])/cf)
		}
		as[q] = float32(float64(p.startW[q]) - float64(p.startU[q])/cf)
	}
	return a, at, as
}

// learn decodes one sentence with the current weights and, when the path
// disagrees with its gold tags, updates the weights towards them. It
// reports whether the path agreed.
func (p *perceptron) learn(e *encoded, dropout float64) bool {
	feats := e.feats
	if dropout > 0 {
		feats = p.dropout(e, dropout)
	}
	trans, start := p.transitions()
	pred := core.Viterbi(p.emissions(feats), trans, start)
	if agrees(pred, e.gold) {
		p.c++
		return true
	}
	p.update(e, feats, pred)
	p.c++
	return false
}

// dropout leaves each feature out of this sentence's update with
// probability dropout, so that no single feature (a neighbour word, a
// bigram) explains the training tags alone.
func (p *perceptron) dropout(e *encoded, dropout float64) [][]int32 {
	n := len(e.gold)
	if cap(p.dropped) < n {
		p.dropped = make([][]int32, n)
	}
	p.dropped = p.dropped[:n]
	thr := uint64(dropout * (1 << 32))
	for i := 0; i < n; i++ {
		d := p.dropped[i][:0]
		for _, k := range e.feats[i] {
			p.rs ^= p.rs << 13
			p.rs ^= p.rs >> 7
			p.rs ^= p.rs << 17
			if p.rs&0xffffffff >= thr {
				d = append(d, k)
			}
		}
		p.dropped[i] = d
	}
	return p.dropped
}

// emissions sums the current weights of each token's features.
func (p *perceptron) emissions(feats [][]int32) [][core.NumTags]float32 {
	p.em = p.em[:0]
	for i := range feats {
		var s [core.NumTags]int32
		for _, k := range feats[i] {
			ws := p.w[int(k)*core.NumTags : int(k)*core.NumTags+core.NumTags]
			for y := range core.NumTags {
				s[y] += ws[y]
			}
		}
		var sf [core.NumTags]float32
		for y := range core.NumTags {
			sf[y] = float32(s[y])
		}
		p.em = append(p.em, sf)
	}
	return p.em
}

// transitions returns the current transition and start weights as floats
// for Viterbi.
func (p *perceptron) transitions() (*[core.NumTags][core.NumTags]float32, *[core.NumTags]float32) {
	var ftw [core.NumTags][core.NumTags]float32
	var fst [core.NumTags]float32
	for q := range core.NumTags {
		for y := range core.NumTags {
			ftw[q][y] = float32(p.tw[q][y])
		}
		fst[q] = float32(p.startW[q])
	}
	return &ftw, &fst
}

// update moves the weights of the features of each wrongly tagged token,
// and the transitions at and around it, from the predicted tags to the
// gold ones (unlabelled tokens learn nothing, nor their neighbours' links).
func (p *perceptron) update(e *encoded, feats [][]int32, pred []int) {
	st, sc := e.step, int64(e.step)*p.c
	for i := range e.gold {
		g, q := e.gold[i], pred[i]
		if g < 0 {
			continue
		}
		if g != q {
			for _, k := range feats[i] {
				b := int(k) * core.NumTags
				p.w[b+g] += st
				p.u[b+g] += sc
				p.w[b+q] -= st
				p.u[b+q] -= sc
			}
		}
		if i == 0 {
			if g != q {
				p.startW[g] += st
				p.startU[g] += sc
				p.startW[q] -= st
				p.startU[q] -= sc
			}
		} else if gp, pp := e.gold[i-1], pred[i-1]; gp >= 0 && (gp != pp || g != q) {
			p.tw[gp][g] += st
			p.tu[gp][g] += sc
			p.tw[pp][q] -= st
			p.tu[pp][q] -= sc
		}
	}
}
