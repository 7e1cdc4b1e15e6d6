package stage

import (
	"encoding/json"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/resolve"
)

func TestRecordHash(t *testing.T) {
	for _, a := range []model.Article{
		{ID: "1", Text: `a text that says "hash":"nope" and \"hash\":\"no\"`},
		{ID: "2", Text: "x", Props: map[string]string{"hash": "not this one"}},
		{ID: "3"},
	} {
		b, _ := json.Marshal(ArticleRecord{Article: a, Hash: "h-" + a.ID})
		if got, err := recordHash(b); err != nil || got != "h-"+a.ID {
			t.Errorf("%s: %q %v", b, got, err)
		}
	}
	if _, err := recordHash([]byte("{broken")); err == nil {
		t.Error("a broken record gives no error")
	}
}

func TestResolutionRecords(t *testing.T) {
	s, err := OpenInMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if info, _ := s.ResolutionInfo("v"); !info.Stale {
		t.Error("no resolution yet: stale")
	}
	x := &model.Extraction{Entities: []model.Entity{{ID: "person:a", Name: "A", Type: model.Person, Aliases: []string{"A"}}}}
	if _, err := s.Stage(art("a1", "t1"), Ref{"h1", "v"}, x); err != nil {
		t.Fatal(err)
	}
	// an extraction staged by an older kg has no summary: made on first use
	if err := s.db.Update(func(txn *badger.Txn) error { return txn.Delete(summaryKey(Ref{"h1", "v"})) }); err != nil {
		t.Fatal(err)
	}
	var seen []string
	for range 2 {
		seen = nil
		missing, err := s.ForEachSummary("v", func(r SummaryRef) error {
			seen = append(seen, r.ID+":"+r.Summary.Entities[0].Key)
			return nil
		})
		if err != nil || missing != 0 || len(seen) != 1 || seen[0] != "a1:person:a" {
			t.Fatalf("summaries %v missing %d %v", seen, missing, err)
		}
	}
	if missing, _ := s.ForEachSummary("other", func(SummaryRef) error { return nil }); missing != 1 {
		t.Errorf("no extraction of version other: %d", missing)
	}

	res := &resolve.Result{Keys: 3, Groups: []resolve.Group{{Key: "person:a", Name: "A", Type: model.Person,
		Members: []resolve.Member{{Key: "person:b", Reason: resolve.ReasonSpelling}, {Key: "person:c", Reason: resolve.ReasonPartial}}}}}
	if err := s.SaveResolution(res, "v/r"); err != nil {
		t.Fatal(err)
	}
	if info, _ := s.ResolutionInfo("v/r"); info.Stale || info.Merged != 2 || info.Groups != 1 {
		t.Errorf("info %+v", info)
	}
	if info, _ := s.ResolutionInfo("v/other-rules"); !info.Stale {
		t.Error("other rules: stale")
	}
	m, _ := s.ResolutionMap()
	if len(m) != 2 || m["person:c"].Key != "person:a" || m["person:c"].Reason != resolve.ReasonPartial {
		t.Errorf("map %+v", m)
	}
	// a smaller resolution replaces it: stale records go
	res.Groups[0].Members = res.Groups[0].Members[:1]
	if err := s.SaveResolution(res, "v/r"); err != nil {
		t.Fatal(err)
	}
	if m, _ = s.ResolutionMap(); len(m) != 1 {
		t.Errorf("map after: %+v", m)
	}

	// manual records mark the resolution stale; a split removes the merges that name the key
	if err := s.AddMerge("person:x", "person:a", "same"); err != nil {
		t.Fatal(err)
	}
	if err := s.AddMerge("person:a", "person:a", ""); err == nil {
		t.Error("a key merged with itself")
	}
	if info, _ := s.ResolutionInfo("v/r"); !info.Stale {
		t.Error("a manual merge: stale")
	}
	removed, err := s.AddSplit("person:x", "no")
	if err != nil || len(removed) != 1 || removed[0].Keys[0] != "person:a" {
		t.Fatalf("split: %v %v", removed, err)
	}
	man, _ := s.Manual()
	if len(man.Merges) != 0 || len(man.Splits) != 1 || man.Splits[0] != "person:x" {
		t.Errorf("manual %+v", man)
	}
	if ok, _ := s.RemoveSplit("person:x"); !ok {
		t.Error("unsplit")
	}
	if ok, _ := s.RemoveSplit("person:x"); ok {
		t.Error("unsplit twice")
	}
}
