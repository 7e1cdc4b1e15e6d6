package core

import (
	"math"
	"slices"

	"github.com/kg-project/kg/internal/extract/ner/clusters"
)

// The functions of this file are what the trainer (package nertrain) needs
// of the model beyond tagging: a model built from word lists before it has
// weights, the per-token feature hashes it learns over, and the weights it
// learnt put back.

// NewModel returns a model without weights over the given word lists (list
// name -> phrases), tag memory (nil: none) and word-cluster table (nil:
// none), ready for SentenceInfo and Featurizer.Hashes.
func NewModel(lists map[string][]string, memory map[string][5]int32, table *clusters.Table) *Model {
	m := &Model{Lists: lists, Memory: memory, clusters: table}
	m.init()
	return m
}

// SentenceInfo computes the per-token information of a sentence that
// features are built from, without memoising words.
func (m *Model) SentenceInfo(tokens []string) []TokInfo { return m.sentenceInfo(tokens, nil) }

// Hashes returns a fresh slice of the feature hashes of token i of a
// sentence (info from SentenceInfo) in document context d (nil: none).
func (f *Featurizer) Hashes(m *Model, info []TokInfo, i int, d *DocContext) []uint64 {
	f.buf = f.buf[:0]
	m.features(f, info, i, d)
	return slices.Clone(f.buf)
}

// SetWeights quantises averaged weights into the model. With prune, features
// whose weights all quantise to zero are dropped.
func (m *Model) SetWeights(keys []uint64, a []float32, trans [NumTags][NumTags]float32, start [NumTags]float32, prune bool) {
	maxAbs := float64(0)
	for _, v := range a {
		if x := math.Abs(float64(v)); x > maxAbs {
			maxAbs = x
		}
	}
	if maxAbs == 0 {
		maxAbs = 1
	}
	scale := maxAbs / 32767
	q := func(v float32) int16 { return int16(math.Round(float64(v) / scale)) }
	var nk []uint64
	var nw []int16
	for i, k := range keys {
		var ws [NumTags]int16
		nz := false
		for y := range NumTags {
			ws[y] = q(a[i*NumTags+y])
			nz = nz || ws[y] != 0
		}
		if prune && !nz {
			continue
		}
		nk = append(nk, k)
		nw = append(nw, ws[:]...)
	}
	m.keys, m.weights = nk, nw
	m.Header.Scale = scale
	m.Header.Trans = trans
	m.Header.Start = start
	m.init()
}
