package nertrain

import (
	"fmt"
	"io"
	"maps"
	"path/filepath"
	"slices"
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
