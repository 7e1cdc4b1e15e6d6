// Package extracttest is the conformance suite of extract.Extractor: every
// implementation (the built-in Pipeline, the LLM back end) runs it, so
// that staging and the graph writer can rely on the same contract.
package extracttest

import (
	"context"
	"encoding/json"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/kg-project/kg/internal/extract"
	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/vocab"
)

// Run checks ex on the articles:
//   - Version is not empty and holds no "/" (staging keys use it);
//   - the extraction names the article (Doc.ID) and is the same, byte for
//     byte once marshalled, when extracted again and when extracted by
//     several goroutines at once (for a remote extractor: given its cache);
//   - entities have unique IDs, in ID order, a type of the closed set, and
//     every mention is the text at its code point offsets;
//   - relations name entities of the extraction, have a type of the
//     vocabulary, a confidence in [0, 1], a modality of model's, and an
//     evidence sentence that is the text at its offsets.
func Run(t *testing.T, ex extract.Extractor, articles []*model.Article) {
	t.Helper()
	v := ex.Version()
	if v == "" || strings.Contains(v, "/") {
		t.Errorf("Version() = %q: want a non-empty version without /", v)
	}
	ctx := context.Background()
	first := make([]string, len(articles))
	for i, a := range articles {
		x, err := ex.Extract(ctx, a)
		if err != nil {
			t.Fatalf("article %s: %v", a.ID, err)
		}
		check(t, a, x)
		b, _ := json.Marshal(x)
		first[i] = string(b)
	}
	var wg sync.WaitGroup
	again := make([]string, len(articles)*3)
	for k := range again {
		wg.Add(1)
		go func() {
			defer wg.Done()
			x, err := ex.Extract(ctx, articles[k%len(articles)])
			if err != nil {
				t.Errorf("article %s, concurrently: %v", articles[k%len(articles)].ID, err)
				return
			}
			b, _ := json.Marshal(x)
			again[k] = string(b)
		}()
	}
	wg.Wait()
	for k, s := range again {
		if s != "" && s != first[k%len(articles)] {
			t.Errorf("article %s: another extraction when extracted again (concurrently)", articles[k%len(articles)].ID)
		}
	}
}

func check(t *testing.T, a *model.Article, x *model.Extraction) {
	t.Helper()
	if x.Doc.ID != a.ID {
		t.Errorf("article %s: Doc.ID %q", a.ID, x.Doc.ID)
	}
	rs := []rune(a.Text)
	at := func(s, e int) (string, bool) {
		if s < 0 || e > len(rs) || s > e {
			return "", false
		}
		return string(rs[s:e]), true
	}
	ids := map[string]bool{}
	if !sort.SliceIsSorted(x.Entities, func(i, j int) bool { return x.Entities[i].ID < x.Entities[j].ID }) {
		t.Errorf("article %s: entities not in ID order", a.ID)
	}
	for _, e := range x.Entities {
		if e.ID == "" || ids[e.ID] {
			t.Errorf("article %s: entity ID %q empty or repeated", a.ID, e.ID)
		}
		ids[e.ID] = true
		if !model.ValidEntityType(e.Type) {
			t.Errorf("article %s: entity %s has type %q", a.ID, e.ID, e.Type)
		}
		for _, m := range e.Mentions {
			if s, ok := at(m.Start, m.End); !ok || s != m.Text {
				t.Errorf("article %s: mention %q of %s at [%d, %d) is %q", a.ID, m.Text, e.ID, m.Start, m.End, s)
			}
		}
	}
	for _, r := range x.Relations {
		if !ids[r.Subject] || !ids[r.Object] {
			t.Errorf("article %s: relation %s %s %s names an entity the extraction lacks", a.ID, r.Subject, r.Predicate, r.Object)
		}
		if !vocab.Valid(r.Predicate) {
			t.Errorf("article %s: relation type %q not in the vocabulary", a.ID, r.Predicate)
		}
		if r.Confidence < 0 || r.Confidence > 1 {
			t.Errorf("article %s: confidence %v", a.ID, r.Confidence)
		}
		switch r.Modality {
		case model.Asserted, model.Future, model.Negated, model.Reported:
		default:
			t.Errorf("article %s: modality %q", a.ID, r.Modality)
		}
		if s, ok := at(r.Evidence.Start, r.Evidence.End); !ok || s != r.Evidence.Sentence {
			t.Errorf("article %s: evidence %q at [%d, %d) is %q", a.ID, r.Evidence.Sentence, r.Evidence.Start, r.Evidence.End, s)
		}
	}
}
