package corpus

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"math/big"
	"strconv"
	"strings"
)

// ErrBadShard is the cause of every error ParseShard returns.
var ErrBadShard = errors.New("bad shard")

// Shard selects the articles of one shard of a corpus cut into N shards by
// article id: shard I (0 ≤ I < N, numbered from 0 as Slurm array task ids
// and Kubernetes completion indexes are) holds the articles whose id has
// ShardOf(id, N) == I. The zero value (N 0) selects every article.
//
// The assignment depends on the id only (never on the input order, the
// file or the machine), so:
//   - every article is in exactly one shard;
//   - every copy of an id is in the same shard, so the rule for duplicate
//     ids (the last in input order wins) gives in each shard what it gives
//     in one run over the whole corpus;
//   - the same corpus cut into the same N gives the same shards on any run.
//
// With ByFile, the corpus is cut by file instead: the files of the walk,
// in walk order, are cut into N contiguous runs of about equal bytes, and
// shard I reads the I-th run only (see fileShard). Each shard then reads
// 1/N of the corpus instead of all of it, but copies of an id in files of
// different shards are in different shards: the later shard's copy is the
// later one in input order, so merging the shards in shard order, each
// replacing what the earlier ones staged, keeps the rule (kg stage merge
// does). Every shard must walk the same paths, unchanged: the cut depends
// on the whole list of files and their sizes, which each shard lists.
type Shard struct {
	I, N   int
	ByFile bool
}

// ShardOf returns the shard of an article id among n (n ≥ 1): the 64-bit
// FNV-1a hash of the id's UTF-8 bytes, modulo n. FNV-1a is fixed by its
// definition (hash/fnv), unlike Go's map hash, which is seeded per process.
func ShardOf(id string, n int) int {
	h := fnv.New64a()
	h.Write([]byte(id))
	return int(h.Sum64() % uint64(n))
}

// All reports whether s selects every article (no sharding).
func (s Shard) All() bool { return s.N <= 1 }

// Has reports whether the article id is in shard s.
// With ByFile every article of the shard's files is.
func (s Shard) Has(id string) bool { return s.All() || s.ByFile || ShardOf(id, s.N) == s.I }

// String is s as ParseShard reads it: "I/N", or "" for no sharding
// (ByFile is not shown).
func (s Shard) String() string {
	if s.N == 0 {
		return ""
	}
	return fmt.Sprintf("%d/%d", s.I, s.N)
}

// ParseShard reads "I/N" (0 ≤ I < N); "" is no sharding. Surrounding
// spaces are ignored.
func ParseShard(v string) (Shard, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return Shard{}, nil
	}
	is, ns, ok := strings.Cut(v, "/")
	if !ok {
		return Shard{}, fmt.Errorf("%w %q: want I/N, the shard I of N numbered from 0 (0/4, 1/4, 2/4, 3/4)", ErrBadShard, v)
	}
	i, ierr := strconv.Atoi(strings.TrimSpace(is))
	n, nerr := strconv.Atoi(strings.TrimSpace(ns))
	switch {
	case ierr != nil || nerr != nil:
		return Shard{}, fmt.Errorf("%w %q: I and N must be whole numbers (I/N, e.g. 0/4)", ErrBadShard, v)
	case n < 1:
		return Shard{}, fmt.Errorf("%w %q: N, the number of shards, must be at least 1", ErrBadShard, v)
	case i < 0 || i >= n:
		return Shard{}, fmt.Errorf("%w %q: I must be from 0 to %d (shards are numbered from 0, as Slurm array task ids and Kubernetes completion indexes are)", ErrBadShard, v, n-1)
	}
	return Shard{I: i, N: n}, nil
}

// reportsBadInput reports whether the shard reports bad input items. Every
// shard reads the whole input and meets the same bad items; shard 0 alone
// reports them, so that the counts of the N shards add up to those of one
// run over the whole corpus.
func (s Shard) reportsBadInput() bool { return s.All() || s.I == 0 }

// listed is one file of a walk and its size.
type listed struct {
	path string
	size int64
}

// listFiles returns the files a walk of paths reads (their paths as Walk
// names them, in walk order) with their sizes, without opening them.
func listFiles(ctx context.Context, paths []string, opts Options) ([]listed, error) {
	var files []listed
	opts.Shard = Shard{}
	w := &walker{reader: reader{opts: opts, fn: func(Item) error { return nil }, list: &files}, seen: map[fileID]bool{}}
	for _, p := range paths {
		if err := w.top(ctx, p); err != nil {
			return nil, err
		}
	}
	return files, nil
}

// fileShard returns the files of shard s.I: file k, starting at byte B_k
// of the T bytes of all files in walk order, is in shard floor(N·B_k/T)
// (by count when every file is empty). Shards are contiguous runs of files
// of about T/N bytes; a file larger than that leaves the next shards
// empty.
func fileShard(files []listed, s Shard) map[string]bool {
	var total int64
	for _, f := range files {
		total += f.size
	}
	keep := map[string]bool{}
	var before int64
	for k, f := range files {
		i := k * s.N / len(files)
		if total > 0 {
			i = int(new(big.Int).Div(new(big.Int).Mul(big.NewInt(before), big.NewInt(int64(s.N))), big.NewInt(total)).Int64())
		}
		if i == s.I {
			keep[f.path] = true
		}
		before += f.size
	}
	return keep
}
