package core

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// TestStreamMatchesWindow checks that TagDocument (a Stream) gives every
// sentence exactly the document context of its window: the same tags as a
// context built afresh from sentences [s-DocWindow, s+DocWindow].
func TestStreamMatchesWindow(t *testing.T) {
	tg := mustDefault(t)
	words := strings.Fields(`قال فريق العربي إن لاعب الغرافة كاسياس سجل هدفا في مرمى السد
		الرئيس بوتين زار موسكو وحزب الليكود البنك التجاري ايكر ليون الفرنسي نادي الوحدة
		وأكد وزير الخارجية المصري أن القاهرة ستستضيف الاجتماع . ،`)
	rng := rand.New(rand.NewPCG(7, 7))
	for _, n := range []int{0, 1, 3, DocWindow, 2*DocWindow + 1, 57} {
		sents := make([][]string, n)
		for s := range sents {
			k := rng.IntN(12)
			for range k {
				sents[s] = append(sents[s], words[rng.IntN(len(words))])
			}
		}
		got := tg.TagDocument(sents)
		if len(got) != n {
			t.Fatalf("%d sentences: %d tag slices", n, len(got))
		}
		infos := make([][]TokInfo, n)
		for s := range sents {
			infos[s] = tg.m.sentenceInfo(sents[s], nil)
		}
		f := &Featurizer{}
		for s := range sents {
			d := newDocContext()
			for k := max(s-DocWindow, 0); k <= min(s+DocWindow, n-1); k++ {
				d.add(infos[k], 1)
			}
			want := tg.tagInfo(f, infos[s], d)
			if !reflect.DeepEqual(got[s], want) {
				t.Fatalf("%d sentences, sentence %d: stream %q, window %q", n, s, got[s], want)
			}
		}
	}
}

// TestDocumentContext: a name seen with its cue in one sentence (the coach
// حسام الغندور, the club نادي أسيك) is recognised when it recurs alone in
// another sentence of the same document, and not without that sentence.
func TestDocumentContext(t *testing.T) {
	tg := mustDefault(t)
	cases := []struct {
		context, sentence string
		at                int
		want              string
	}{
		{"وقال المدرب حسام الغندور إن الفريق جاهز .", "وأضاف الغندور أن المباراة صعبة .", 1, "B-PERS"},
		{"وفاز نادي أسيك على منافسه .", "وتجاوز أسيك عقبة المنافس .", 1, "B-ORG"},
	}
	for _, c := range cases {
		sent := strings.Fields(c.sentence)
		inDoc := tg.TagDocument([][]string{strings.Fields(c.context), sent})[1]
		if inDoc[c.at] != c.want {
			t.Errorf("%s after %s: %s is %s, want %s", c.sentence, c.context, sent[c.at], inDoc[c.at], c.want)
		}
		if alone := tg.Tag(sent); alone[c.at] == c.want {
			t.Errorf("%s alone: %s is already %s; the case no longer tests document context", c.sentence, sent[c.at], c.want)
		}
	}
}
