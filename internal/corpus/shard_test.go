package corpus

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
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
		{"0/1", Shard{0, 1}, ""},
		{"2/3", Shard{2, 3}, ""},
		{" 0 / 4 ", Shard{0, 4}, ""},
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
