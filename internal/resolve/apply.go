package resolve

import (
	"fmt"
	"slices"
	"sort"

	"github.com/kg-project/kg/internal/model"
)

// Apply rewrites an extraction with the targets of merged keys: every
// entity takes its canonical key, name, type and Wikidata id; entities of
// one article that end with the same key become one (mentions in text
// order, aliases united); relations follow their entities, a relation of
// an entity with itself is dropped, and relations that became identical
// are kept once. x is not modified.
//
// from lists, for each canonical key of the result, the keys of x that
// were merged into it, sorted (nil when Apply changed nothing).
func Apply(x *model.Extraction, m map[string]Target) (out *model.Extraction, from map[string][]string) {
	if x == nil || len(m) == 0 {
		return x, nil
	}
	hit := false
	for _, e := range x.Entities {
		if _, ok := m[e.ID]; ok {
			hit = true
			break
		}
	}
	if !hit {
		return x, nil
	}
	canon := func(k string) string {
		if t, ok := m[k]; ok {
			return t.Key
		}
		return k
	}
	y := &model.Extraction{Doc: x.Doc, Entities: []model.Entity{}, Relations: []model.Relation{}}
	byKey := map[string]int{}
	from = map[string][]string{}
	for _, e := range x.Entities {
		if t, ok := m[e.ID]; ok {
			from[t.Key] = append(from[t.Key], e.ID)
			e.ID, e.Name, e.Type, e.Wikidata = t.Key, t.Name, t.Type, t.QID
		}
		e.Mentions = slices.Clone(e.Mentions)
		e.Aliases = slices.Clone(e.Aliases)
		if j, ok := byKey[e.ID]; ok {
			d := &y.Entities[j]
			d.Mentions = append(d.Mentions, e.Mentions...)
			d.Aliases = append(d.Aliases, e.Aliases...)
			if d.Name == "" {
				d.Name = e.Name
			}
			continue
		}
		byKey[e.ID] = len(y.Entities)
		y.Entities = append(y.Entities, e)
	}
	for i := range y.Entities {
		e := &y.Entities[i]
		sort.SliceStable(e.Mentions, func(a, b int) bool { return e.Mentions[a].Start < e.Mentions[b].Start })
		slices.Sort(e.Aliases)
		e.Aliases = slices.Compact(e.Aliases)
	}
	sort.SliceStable(y.Entities, func(a, b int) bool { return y.Entities[a].ID < y.Entities[b].ID })
	for k, ks := range from {
		slices.Sort(ks)
		from[k] = slices.Compact(ks)
	}
	seen := map[string]bool{}
	for _, r := range x.Relations {
		r.Subject, r.Object = canon(r.Subject), canon(r.Object)
		if r.Subject == r.Object {
			continue
		}
		id := fmt.Sprintf("%s\x00%s\x00%s\x00%d\x00%d\x00%s", r.Subject, r.Predicate, r.Object, r.Evidence.Start, r.Evidence.End, r.Trigger)
		if seen[id] {
			continue
		}
		seen[id] = true
		if r.EventDate != nil {
			d := *r.EventDate
			r.EventDate = &d
		}
		y.Relations = append(y.Relations, r)
	}
	return y, from
}
