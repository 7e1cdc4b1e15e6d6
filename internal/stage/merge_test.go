package stage

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// shardFolder stages the articles ids into a new folder dir that holds
// the shard sh (nil: none).
func shardFolder(t *testing.T, dir string, sh *ShardInfo, ids ...string) {
	t.Helper()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.SetShard(sh); err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		if _, err := s.Stage(art(id, "text of "+id), Ref{"h-" + id, "v1"}, ext(id)); err != nil {
			t.Fatal(err)
		}
	}
}

func TestSetShard(t *testing.T) {
	dir := t.TempDir()
	shardFolder(t, filepath.Join(dir, "s"), &ShardInfo{I: 1, N: 3}, "a")
	shardFolder(t, filepath.Join(dir, "whole"), nil, "a")
	s, err := Open(filepath.Join(dir, "s"))
	if err != nil {
		t.Fatal(err)
	}
	if sh, err := s.Shard(); err != nil || sh == nil || *sh != (ShardInfo{I: 1, N: 3}) {
		t.Fatalf("Shard() = %v, %v", sh, err)
	}
	if err := s.SetShard(&ShardInfo{I: 1, N: 3}); err != nil {
		t.Errorf("the same shard again: %v", err)
	}
	for _, sh := range []*ShardInfo{{I: 0, N: 3}, {I: 1, N: 4}, {I: 1, N: 3, By: "file"}, nil} {
		if err := s.SetShard(sh); !errors.Is(err, ErrShard) {
			t.Errorf("SetShard(%v) on shard 1/3: %v", sh, err)
		}
	}
	s.Close()
	w, err := Open(filepath.Join(dir, "whole"))
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if err := w.SetShard(&ShardInfo{I: 0, N: 2}); !errors.Is(err, ErrShard) || !strings.Contains(err.Error(), "without --shard") {
		t.Errorf("a shard into a folder staged whole: %v", err)
	}
	if sh, _ := w.Shard(); sh != nil {
		t.Errorf("refused shard recorded: %v", sh)
	}
}

// TestMerge: shard folders merge into one that holds every article,
// extraction and summary, with the resolution marked stale; the sources
// must be shards of one N, each once, all of them unless Partial; merging
// again changes nothing; a target the destination knows gets the merged
// articles journalled, except those it has.
func TestMerge(t *testing.T) {
	dir := t.TempDir()
	var srcs []string
	all := 0
	for i := 0; i < 3; i++ {
		var ids []string
		for j := 0; j < 5+i; j++ {
			ids = append(ids, fmt.Sprintf("s%d-%d", i, j))
		}
		all += len(ids)
		src := filepath.Join(dir, fmt.Sprint(i))
		shardFolder(t, src, &ShardInfo{I: i, N: 3}, ids...)
		srcs = append(srcs, src)
	}
	other := filepath.Join(dir, "other")
	shardFolder(t, other, &ShardInfo{I: 1, N: 4}, "z")
	whole := filepath.Join(dir, "whole")
	shardFolder(t, whole, nil, "z")

	d, err := Open(filepath.Join(dir, "merged"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	for _, bad := range [][]string{
		{srcs[0], srcs[1]},                   // shard 2 missing
		{srcs[0], srcs[0], srcs[1]},          // shard 0 twice
		{srcs[0], srcs[1], other},            // another N
		{srcs[0], srcs[1], whole},            // not a shard
		{srcs[0], srcs[1], srcs[2], d.Dir()}, // itself
	} {
		if _, err := d.Merge(bad, MergeOptions{Version: "v1"}); !errors.Is(err, ErrShard) {
			t.Errorf("Merge(%v): %v, want ErrShard", bad, err)
		}
	}
	if st, _ := d.Status(); st.Articles != 0 {
		t.Fatalf("a refused merge wrote %d articles", st.Articles)
	}
	if _, err := d.Merge([]string{filepath.Join(dir, "none")}, MergeOptions{}); err == nil {
		t.Error("merging a missing folder succeeded")
	}
	ms, err := d.Merge(srcs[:2], MergeOptions{Version: "v1", Partial: true})
	if err != nil || len(ms.Missing) != 1 || ms.Missing[0] != 2 || ms.Articles != 11 {
		t.Fatalf("partial merge: %+v %v", ms, err)
	}
	n := 0
	ms, err = d.Merge(srcs, MergeOptions{Version: "v1", OnArticle: func() { n++ }})
	if err != nil || ms.Articles != all || n != all || ms.Extractions != all || ms.Summaries != all || ms.Sources != 3 || ms.Shards != 3 || ms.Pending != 0 {
		t.Fatalf("merge: %+v (%d progress calls) %v", ms, n, err)
	}
	st, err := d.Status()
	if err != nil || st.Articles != all || st.ExtractionsByVersion["v1"] != all || !st.Resolution.Stale {
		t.Fatalf("merged folder: %+v %v", st, err)
	}
	if sh, _ := d.Shard(); sh != nil {
		t.Errorf("the merged folder holds shard %v", sh)
	}
	rec, err := d.Article("s2-6")
	if err != nil || rec.Article.Text != "text of s2-6" || rec.Hash != "h-s2-6" {
		t.Errorf("merged article: %+v %v", rec, err)
	}
	// A known target: what it has is not journalled again, the rest is.
	if _, err := d.AddTarget("db", "v1"); err != nil {
		t.Fatal(err)
	}
	p, _ := d.PendingBatch("db", 100)
	if err := d.MarkDone("db", p[:4]); err != nil {
		t.Fatal(err)
	}
	if ms, err = d.Merge(srcs, MergeOptions{Version: "v1"}); err != nil || ms.Pending != all-4 {
		t.Errorf("merge again with a target: %d pending, want %d (%v)", ms.Pending, all-4, err)
	}
	if st, _ := d.Status(); st.Articles != all || st.Targets[0].Pending != all-4 {
		t.Errorf("after merging again: %+v", st)
	}
}

// TestMergeByFileOrder: shards cut by file merge in shard order whatever
// the order they are given in, so the later shard's copy of an id wins,
// and the replaced copy is reported.
func TestMergeByFileOrder(t *testing.T) {
	dir := t.TempDir()
	s0, s1 := filepath.Join(dir, "0"), filepath.Join(dir, "1")
	for i, d := range []string{s0, s1} {
		s, err := Open(d)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.SetShard(&ShardInfo{I: i, N: 2, By: "file"}); err != nil {
			t.Fatal(err)
		}
		a := art("x", fmt.Sprintf("copy %d", i))
		a.Source = fmt.Sprintf("f%d.jsonl:1", i)
		if _, err := s.Stage(a, Ref{fmt.Sprintf("h%d", i), "v1"}, ext("x")); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Stage(art(fmt.Sprintf("only-%d", i), "y"), Ref{fmt.Sprintf("o%d", i), "v1"}, ext("o")); err != nil {
			t.Fatal(err)
		}
		s.Close()
	}
	d, err := Open(filepath.Join(dir, "merged"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	var got []string
	ms, err := d.Merge([]string{s1, s0}, MergeOptions{OnDuplicate: func(id, replaced, by string) { got = append(got, id+" "+replaced+" "+by) }})
	if err != nil || ms.Duplicates != 1 || len(got) != 1 || got[0] != "x f0.jsonl:1 f1.jsonl:1" {
		t.Fatalf("merge: %+v %q %v", ms, got, err)
	}
	if rec, err := d.Article("x"); err != nil || rec.Article.Text != "copy 1" {
		t.Errorf("x after the merge: %+v %v", rec, err)
	}
	mixed := filepath.Join(dir, "byid")
	shardFolder(t, mixed, &ShardInfo{I: 1, N: 2}, "z")
	if _, err := d.Merge([]string{s0, mixed}, MergeOptions{}); !errors.Is(err, ErrShard) {
		t.Errorf("shards cut by file and by id merged: %v", err)
	}
}
