package loader

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/kg-project/kg/internal/progress"
	"github.com/kg-project/kg/internal/resolve"
	"github.com/kg-project/kg/internal/stage"
)

// ResolveOptions configure Resolve.
type ResolveOptions struct {
	Version string // extractor version whose extractions are resolved
	// Force computes the resolution even when staging says it is up to
	// date (kg entities merge/split do, after recording).
	Force    bool
	Progress io.Writer
}

// ResolveStats says what Resolve did.
type ResolveStats struct {
	Skipped  bool `json:"skipped"`  // up to date: nothing computed
	Articles int  `json:"articles"` // articles read
	Keys     int  `json:"keys"`     // distinct entity keys
	Groups   int  `json:"groups"`   // entities of two keys or more
	Merged   int  `json:"merged"`   // keys merged into another
	Changed  int  `json:"changed"`  // keys whose target changed since the last resolution
	// Rejournalled counts the journal entries made so that articles with a
	// changed key are written again (per target database).
	Rejournalled int      `json:"rejournalled"`
	Unknown      []string `json:"unknown_manual_keys,omitempty"` // keys of manual records no staged article has
	Seconds      float64  `json:"seconds"`
}

// Resolve computes cross-article entity resolution over every staged
// article that has an extraction of o.Version (see internal/resolve), and
// stores it in staging. Articles that mention a key whose target changed
// (a new merge, a merge undone, a new canonical key or name) are journalled
// again for every target, so that the next Push rewrites them and the graph
// follows. It reads the staged summaries twice at most; memory grows with
// the number of distinct entity keys, not articles.
//
// Unless o.Force, it does nothing when no article, extraction or manual
// record changed since the stored resolution was computed, with the same
// rules (ResolutionVersion). A run stopped
// half way leaves the stored resolution stale, and the next one redoes it.
func Resolve(ctx context.Context, st *stage.Store, o ResolveOptions) (ResolveStats, error) {
	var rs ResolveStats
	start := time.Now()
	info, err := st.ResolutionInfo(ResolutionVersion(o.Version))
	if err != nil {
		return rs, err
	}
	if !info.Stale && !o.Force {
		rs.Skipped = true
		rs.Keys, rs.Groups, rs.Merged = info.Keys, info.Groups, info.Merged
		return rs, nil
	}
	bar := progress.New(o.Progress, "resolving entities", 0)
	ix := resolve.NewIndex()
	_, err = st.ForEachSummary(o.Version, func(s stage.SummaryRef) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		ix.Add(*s.Summary)
		rs.Articles++
		bar.Add(1)
		return nil
	})
	bar.Done()
	if err != nil {
		return rs, fmt.Errorf("resolving entities: %w", err)
	}
	man, err := st.Manual()
	if err != nil {
		return rs, err
	}
	res := resolve.Build(ix, man)
	rs.Keys, rs.Groups, rs.Merged, rs.Unknown = res.Keys, len(res.Groups), res.MergedKeys(), res.Unknown
	ix = nil
	old, err := st.ResolutionMap()
	if err != nil {
		return rs, err
	}
	changed := ChangedKeys(old, res.Map())
	rs.Changed = len(changed)
	if len(changed) > 0 {
		n, err := rejournalKeys(ctx, st, o.Version, changed)
		rs.Rejournalled = n
		if err != nil {
			return rs, err
		}
	}
	if err := st.SaveResolution(res, ResolutionVersion(o.Version)); err != nil {
		return rs, fmt.Errorf("storing the entity resolution: %w", err)
	}
	rs.Seconds = time.Since(start).Seconds()
	return rs, nil
}

// ResolutionVersion is what a stored resolution was computed with: the
// extractor version of the extractions and the version of the rules
// (resolve.Version). A stored resolution of another version is computed
// again.
func ResolutionVersion(extractor string) string { return extractor + "/" + resolve.Version() }

// ChangedKeys returns the keys whose target differs between two
// resolution maps: merged in one and not the other, or merged into another
// key, name, type or Wikidata id.
func ChangedKeys(old, cur map[string]resolve.Target) map[string]bool {
	out := map[string]bool{}
	same := func(a, b resolve.Target) bool {
		return a.Key == b.Key && a.Name == b.Name && a.Type == b.Type && a.QID == b.QID
	}
	for k, t := range old {
		if n, ok := cur[k]; !ok || !same(t, n) {
			out[k] = true
		}
	}
	for k := range cur {
		if _, ok := old[k]; !ok {
			out[k] = true
		}
	}
	return out
}

// rejournalKeys journals, for every target, each article whose extraction
// mentions one of keys.
func rejournalKeys(ctx context.Context, st *stage.Store, version string, keys map[string]bool) (int, error) {
	targets, err := st.Targets()
	if err != nil || len(targets) == 0 {
		return 0, err
	}
	const batch = 1000
	var ps []stage.Pending
	n := 0
	flush := func() error {
		for _, t := range targets {
			k, err := st.Rejournal(t, ps)
			if err != nil {
				return err
			}
			n += k
		}
		ps = ps[:0]
		return nil
	}
	_, err = st.ForEachSummary(version, func(s stage.SummaryRef) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		for _, e := range s.Summary.Entities {
			if keys[e.Key] {
				ps = append(ps, stage.Pending{ID: s.ID, Ref: s.Ref})
				break
			}
		}
		if len(ps) >= batch {
			return flush()
		}
		return nil
	})
	if err != nil {
		return n, err
	}
	return n, flush()
}

// KnownKeys returns which of keys some staged article (with an extraction
// of version) has as an entity key.
func KnownKeys(ctx context.Context, st *stage.Store, version string, keys []string) (map[string]bool, error) {
	want := map[string]bool{}
	for _, k := range keys {
		want[k] = true
	}
	found := map[string]bool{}
	_, err := st.ForEachSummary(version, func(s stage.SummaryRef) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		for _, e := range s.Summary.Entities {
			if want[e.Key] {
				found[e.Key] = true
			}
		}
		return nil
	})
	return found, err
}
