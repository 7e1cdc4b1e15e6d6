package core

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestEmissionsMatchFeatures checks the tagger's shortcut: the emission
// scores it sums from memoised parts (wordInfo.static and .nb, with
// contextFeatures leaving out the neighbours' own features) are exactly
// the sums of the weights of all the features a model is trained on
// (Model.features), token by token, with and without document context.
func TestEmissionsMatchFeatures(t *testing.T) {
	tg := mustDefault(t)
	m := tg.m
	words := strings.Fields(`قال فريق العربي إن لاعب الغرافة كاسياس سجل هدفا في مرمى السد
		الرئيس بوتين زار موسكو وحزب الليكود البنك التجاري ايكر ليون الفرنسي نادي الوحدة
		وأكد وزير الخارجية المصري أن القاهرة ستستضيف الاجتماع . ، الأمير محمد بن سلمان
		منظمة معاهدة الأمن الجماعي روسي الروسية الأمريكيين 2015 12 Obama NASA iPhone « » (
		صحيفة نيويورك تايمز مدينة جدة محافظة الطائف فلاديمير الدكتورة xyzzy قققق`)
	rng := rand.New(rand.NewPCG(13, 13))
	full := &Featurizer{}
	fast := &Featurizer{}
	scale := float32(m.Header.Scale)
	for doc := range 40 {
		sents := make([][]string, 1+rng.IntN(8))
		for s := range sents {
			for range rng.IntN(14) {
				sents[s] = append(sents[s], words[rng.IntN(len(words))])
			}
		}
		infos := make([][]TokInfo, len(sents))
		for s := range sents {
			infos[s] = m.sentenceInfo(sents[s], tg.words)
		}
		d := newDocContext()
		if doc%2 == 1 {
			for _, info := range infos {
				d.add(info, 1)
			}
		}
		for s, info := range infos {
			got := m.emissions(fast, info, d)
			for i := range info {
				full.buf = full.buf[:0]
				m.features(full, info, i, d)
				acc := m.sum(full.buf)
				for y := range NumTags {
					if want := float32(acc[y]) * scale; got[i][y] != want {
						t.Fatalf("document %d sentence %d %q token %d tag %s: emission %v, features give %v",
							doc, s, sents[s], i, tagNames[y], got[i][y], want)
					}
				}
			}
		}
	}
}

// TestBestScoreFrom checks that the margins' shortcut (bestScoreFrom
// starting from forward's prefix, which viterbiAlpha leaves) gives
// bestScore's scores exactly.
func TestBestScoreFrom(t *testing.T) {
	tg := mustDefault(t)
	h := &tg.m.Header
	rng := rand.New(rand.NewPCG(5, 5))
	for range 200 {
		em := make([][NumTags]float32, rng.IntN(20))
		for i := range em {
			for y := range NumTags {
				em[i][y] = float32(rng.NormFloat64() * 4)
			}
		}
		if len(em) == 0 {
			if got := bestScoreFrom(nil, em, &h.Trans, &h.Start, -1, -1); got != 0 {
				t.Fatalf("empty sentence: %v", got)
			}
			continue
		}
		alpha := forward(em, &h.Trans, &h.Start)
		va := make([][NumTags]float32, len(em))
		if viterbiAlpha(em, &h.Trans, &h.Start, va); !slices.Equal(va, alpha) {
			t.Fatalf("viterbi's scores %v, forward's %v", va, alpha)
		}
		if got, want := maxScore(&alpha[len(em)-1]), bestScore(em, &h.Trans, &h.Start, -1, -1); got != want {
			t.Fatalf("best path: forward %v, bestScore %v", got, want)
		}
		for a := 0; a < len(em); a++ {
			for b := a + 1; b <= len(em); b++ {
				if got, want := bestScoreFrom(alpha, em, &h.Trans, &h.Start, a, b), bestScore(em, &h.Trans, &h.Start, a, b); got != want {
					t.Fatalf("%d tokens, O on [%d,%d): %v, bestScore %v", len(em), a, b, got, want)
				}
			}
		}
	}
}

// forward returns, for every token and tag, the score of the best
// IOB2-valid path up to the token that ends in the tag (nothing forced),
// one step at a time: what viterbiAlpha must leave.
func forward(em [][NumTags]float32, trans *[NumTags][NumTags]float32, start *[NumTags]float32) [][NumTags]float32 {
	alpha := make([][NumTags]float32, len(em))
	var cur [NumTags]float32
	for i := range em {
		cur = step(&cur, em, trans, start, i, -1, -1)
		alpha[i] = cur
	}
	return alpha
}
