package stage

import (
	"errors"
	"path/filepath"
	"testing"

	"github.com/kg-project/kg/internal/model"
)

func art(id, text string) *model.Article { return &model.Article{ID: id, Text: text} }

func ext(id string) *model.Extraction { return &model.Extraction{Doc: model.DocInfo{ID: id}} }

func TestJournal(t *testing.T) {
	s, err := OpenInMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	v1 := "v1"
	// Staged before any target exists: nothing journalled.
	if j, err := s.Stage(art("a", "x"), Ref{"h1", v1}, ext("a")); err != nil || j {
		t.Fatalf("stage: %v %v", j, err)
	}
	// A new target gets everything.
	if n, err := s.AddTarget("db1", v1); err != nil || n != 1 {
		t.Fatalf("AddTarget: %d %v", n, err)
	}
	if n, _ := s.AddTarget("db1", v1); n != 0 {
		t.Fatalf("known target requeued %d", n)
	}
	if _, err := s.Stage(art("b", "y"), Ref{"h2", v1}, ext("b")); err != nil {
		t.Fatal(err)
	}
	p, err := s.PendingBatch("db1", 10)
	if err != nil || len(p) != 2 || p[0].ID != "a" || p[1].ID != "b" {
		t.Fatalf("pending %v %v", p, err)
	}
	if err := s.MarkDone("db1", p[:1]); err != nil {
		t.Fatal(err)
	}
	// Re-staging an unchanged, loaded article journals nothing.
	if j, _ := s.Stage(art("a", "x"), Ref{"h1", v1}, nil); j {
		t.Error("unchanged article re-journalled")
	}
	// A new version of it is journalled.
	if j, _ := s.Stage(art("a", "x2"), Ref{"h3", v1}, ext("a")); !j {
		t.Error("changed article not journalled")
	}
	st, err := s.Status()
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 2 || st.ExtractionsByVersion[v1] != 3 || st.Targets[0].Pending != 2 || st.Targets[0].Loaded != 1 {
		t.Errorf("status %+v", st)
	}
	if n, missing, err := s.Requeue("db1", v1); err != nil || n != 2 || missing != 0 {
		t.Errorf("requeue %d %d %v", n, missing, err)
	}
	if n, missing, err := s.Requeue("db1", "v0"); err != nil || n != 0 || missing != 2 {
		t.Errorf("requeue of a version never extracted: %d %d %v", n, missing, err)
	}
	if n, err := s.GC(); err != nil || n != 0 {
		t.Errorf("gc keeping every version dropped %d, %v", n, err)
	}
	if n, err := s.GC("v2", v1); err != nil || n != 0 {
		t.Errorf("gc keeping v1 among others dropped %d, %v", n, err)
	}
	if n, err := s.GC("v2"); err != nil || n != 3 {
		t.Errorf("gc dropped %d, %v", n, err)
	}
	if _, err := s.Extraction(Ref{"h1", v1}); !errors.Is(err, ErrNotFound) {
		t.Errorf("after gc: %v", err)
	}
}

func TestLocked(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "stage")
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := Open(dir); !errors.Is(err, ErrLocked) {
		t.Fatalf("second open: %v", err)
	}
}

func TestReopen(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "stage")
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Stage(art("a", "x"), Ref{"h", "v"}, ext("a")); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r, err := s.Article("a")
	if err != nil || r.Hash != "h" {
		t.Fatalf("%v %v", r, err)
	}
	if ok, _ := s.HasExtraction(Ref{"h", "v"}); !ok {
		t.Error("extraction lost")
	}
}
