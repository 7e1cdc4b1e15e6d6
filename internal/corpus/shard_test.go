package corpus

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestShardOfGolden pins the shard function: a change here moves articles
// between shards, so shard staging folders made by an older kg would no
// longer partition the corpus the way a newer kg reads it.
func TestShardOfGolden(t *testing.T) {
	for _, tt := range []struct {
		id   string
		n    int
		want int
	}{
		// computed independently (FNV-1a 64 in a few lines of Python)
		{"", 3, 2},         // the offset basis 0xcbf29ce484222325
		{"a", 3, 1},        // 0xaf63dc4c8601ec8c
		{"gen-0000", 3, 1}, // 0x3ecb19dfba370e88
		{"gen-0001", 3, 2},
		{"gen-0002", 3, 0},
		{"gen-0000", 7, 5},
		{"بوتين", 4, 2}, // 0x0402270cc941c6ba
		{"17f18ee68b87133c", 100, 5},
		{"anything", 1, 0},
	} {
		if got := ShardOf(tt.id, tt.n); got != tt.want {
			t.Errorf("ShardOf(%q, %d) = %d, want %d", tt.id, tt.n, got, tt.want)
		}
	}
}

func TestParseShard(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want Shard
		err  string
	}{
		{"", Shard{}, ""},
		{"0/1", Shard{I: 0, N: 1}, ""},
		{"2/3", Shard{I: 2, N: 3}, ""},
		{" 0 / 4 ", Shard{I: 0, N: 4}, ""},
		{"3/3", Shard{}, "I must be from 0 to 2"},
		{"-1/3", Shard{}, "I must be from 0 to 2"},
		{"1/0", Shard{}, "must be at least 1"},
		{"0/-2", Shard{}, "must be at least 1"},
		{"1", Shard{}, "want I/N"},
		{"a/3", Shard{}, "whole numbers"},
		{"1/3/4", Shard{}, "whole numbers"},
	} {
		got, err := ParseShard(tt.in)
		if tt.err == "" {
			if err != nil || got != tt.want {
				t.Errorf("ParseShard(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
			}
			continue
		}
		if err == nil || !errors.Is(err, ErrBadShard) || !strings.Contains(err.Error(), tt.err) {
			t.Errorf("ParseShard(%q) error %v, want one containing %q", tt.in, err, tt.err)
		}
	}
	if s, _ := ParseShard("1/4"); s.String() != "1/4" {
		t.Errorf("String: %q", s.String())
	}
}

// TestShardPartition: over a corpus with duplicate ids, a bad line and
// articles without ids (content-hash ids), the N shards of a walk hold
// every article of the whole walk exactly once, in the whole walk's
// relative order, every copy of an id in one shard; the bad line is
// reported by shard 0 only.
func TestShardPartition(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	for i := 0; i < 300; i++ {
		switch {
		case i == 17:
			b.WriteString("{not json\n")
		case i%50 == 3:
			fmt.Fprintf(&b, `{"text":"no id here, article %d"}`+"\n", i)
		default:
			fmt.Fprintf(&b, `{"id":"art-%d","text":"article %d"}`+"\n", i%120, i) // ids repeat
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "c.jsonl"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	walk := func(s Shard) (arts []string, bad int) {
		err := Walk(context.Background(), []string{dir}, Options{Shard: s}, func(it Item) error {
			if it.Err != nil {
				bad++
				return nil
			}
			arts = append(arts, it.Article.ID+"|"+it.Article.Source)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return arts, bad
	}
	all, allBad := walk(Shard{})
	if allBad != 1 || len(all) != 299 {
		t.Fatalf("whole walk: %d articles, %d bad", len(all), allBad)
	}
	for _, n := range []int{1, 2, 3, 7} {
		seen := map[string]int{} // article -> shard
		idShard := map[string]int{}
		order := map[string]int{}
		for i, a := range all {
			order[a] = i
		}
		for i := 0; i < n; i++ {
			arts, bad := walk(Shard{I: i, N: n})
			if wantBad := map[bool]int{true: 1, false: 0}[i == 0]; bad != wantBad {
				t.Errorf("shard %d/%d reported %d bad items, want %d", i, n, bad, wantBad)
			}
			last := -1
			for _, a := range arts {
				if s, dup := seen[a]; dup {
					t.Errorf("%s in shards %d and %d of %d", a, s, i, n)
				}
				seen[a] = i
				id, _, _ := strings.Cut(a, "|")
				if s, ok := idShard[id]; ok && s != i {
					t.Errorf("id %s in shards %d and %d of %d", id, s, i, n)
				}
				idShard[id] = i
				if order[a] <= last {
					t.Errorf("shard %d/%d: %s out of input order", i, n, a)
				}
				last = order[a]
			}
		}
		if len(seen) != len(all) {
			t.Errorf("%d shards hold %d articles, the whole walk %d", n, len(seen), len(all))
		}
	}
}

// TestShardNoArticles: a path without articles is reported by shard 0
// only, and a path whose articles all fall in other shards is not
// reported at all.
func TestShardNoArticles(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	one := filepath.Join(dir, "one.jsonl")
	if err := os.WriteFile(one, []byte(`{"id":"gen-0000","text":"x"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ { // gen-0000 is in shard 1 of 3
		var bad []string
		arts := 0
		err := Walk(context.Background(), []string{empty, one}, Options{Shard: Shard{I: i, N: 3}}, func(it Item) error {
			if it.Err != nil {
				bad = append(bad, it.Err.Error())
			} else {
				arts++
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if wantArts := map[bool]int{true: 1, false: 0}[i == 1]; arts != wantArts {
			t.Errorf("shard %d/3: %d articles, want %d", i, arts, wantArts)
		}
		if (i == 0) != (len(bad) == 1) || len(bad) > 1 || (len(bad) == 1 && !strings.Contains(bad[0], "empty")) {
			t.Errorf("shard %d/3 reported %q", i, bad)
		}
	}
}

// TestShardByFile: cut by file, the shards' walks, one after the other in
// shard order, are the whole walk (the same articles in the same order),
// and every bad item is reported by exactly one shard.
func TestShardByFile(t *testing.T) {
	dir := t.TempDir()
	for f := 0; f < 9; f++ {
		var b strings.Builder
		for i := 0; i < 3+f*f; i++ { // files of different sizes
			if f == 4 && i == 2 {
				b.WriteString("{not json\n")
				continue
			}
			fmt.Fprintf(&b, `{"id":"art-%d","text":"file %d article %d"}`+"\n", (f*7+i)%40, f, i) // ids repeat across files
		}
		sub := filepath.Join(dir, fmt.Sprintf("d%d", f%3))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("f%d.jsonl", f)), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	paths := []string{dir, filepath.Join(dir, "missing")}
	walk := func(s Shard) (arts, bad []string) {
		err := Walk(context.Background(), paths, Options{Shard: s}, func(it Item) error {
			if it.Err != nil {
				bad = append(bad, it.Err.Error())
				return nil
			}
			arts = append(arts, it.Article.Source+" "+it.Article.ID+" "+it.Article.Lang)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return arts, bad
	}
	all, allBad := walk(Shard{})
	if len(allBad) != 2 {
		t.Fatalf("whole walk: bad %q", allBad)
	}
	for _, n := range []int{2, 3, 5, 12} {
		var arts, bad []string
		nonEmpty := 0
		for i := 0; i < n; i++ {
			a, b := walk(Shard{I: i, N: n, ByFile: true})
			if len(a) > 0 {
				nonEmpty++
			}
			arts = append(arts, a...)
			bad = append(bad, b...)
		}
		if strings.Join(arts, "\n") != strings.Join(all, "\n") {
			t.Errorf("%d shards by file, one after the other, differ from the whole walk", n)
		}
		slices.Sort(bad)
		if want := slices.Sorted(slices.Values(allBad)); !slices.Equal(bad, want) {
			t.Errorf("%d shards by file reported %q, the whole walk %q", n, bad, allBad)
		}
		if nonEmpty < min(n, 3) {
			t.Errorf("%d shards by file: only %d hold articles", n, nonEmpty)
		}
	}
}

func TestFileShardBalance(t *testing.T) {
	var files []listed
	for i := 0; i < 100; i++ {
		files = append(files, listed{fmt.Sprint(i), 1000})
	}
	for i := 0; i < 4; i++ {
		if n := len(fileShard(files, Shard{I: i, N: 4, ByFile: true})); n != 25 {
			t.Errorf("shard %d/4 of 100 equal files: %d files", i, n)
		}
	}
	empty := []listed{{"a", 0}, {"b", 0}, {"c", 0}}
	got := 0
	for i := 0; i < 3; i++ {
		got += len(fileShard(empty, Shard{I: i, N: 3, ByFile: true}))
	}
	if got != 3 {
		t.Errorf("empty files: %d assigned", got)
	}
}
