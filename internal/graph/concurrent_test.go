package graph_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/testneo4j"
)

// overlapping returns n articles that share entities and relations, each
// mentioning one of a few new local entities as well.
func overlapping(n int) []graph.Item {
	var items []graph.Item
	for i := 0; i < n; i++ {
		loc := ent(fmt.Sprintf("person:p%d", i%7), fmt.Sprintf("Person %d", i%7), model.Person, "", fmt.Sprintf("شخص %d", i%7))
		items = append(items, item(fmt.Sprintf("c%03d", i), fmt.Sprintf("2022-02-%02d", 1+i%28),
			[]model.Entity{putinAr, csto, kz, loc},
			rel("wd:Q7747", "ADDRESSED", "wd:Q318693", fmt.Sprintf("sentence %d", i%5)),
			rel(loc.ID, "CRITICIZED", "wd:Q232", fmt.Sprintf("criticism %d", i))))
	}
	return items
}

func writeAll(ctx context.Context, c *graph.Client, items []graph.Item, batch int) error {
	for i := 0; i < len(items); i += batch {
		if err := c.WriteArticles(ctx, items[i:min(i+batch, len(items))]); err != nil {
			return err
		}
	}
	return nil
}

// TestConcurrentWriters: two writers (two kg loads from different staging
// folders) write the same articles at once. Both must succeed, and the
// graph must be that of one writer alone.
func TestConcurrentWriters(t *testing.T) {
	c := testneo4j.Open(t)
	ctx := context.Background()
	items := overlapping(36)
	if err := writeAll(ctx, c, items, 3); err != nil {
		t.Fatal(err)
	}
	want := testneo4j.Dump(t, c)
	for round := 0; round < 2; round++ {
		testneo4j.Wipe(t, c)
		c2 := testneo4j.Connect(t)
		var wg sync.WaitGroup
		errs := make([]error, 2)
		for w, cl := range []*graph.Client{c, c2} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				errs[w] = writeAll(ctx, cl, items, 3)
			}()
		}
		wg.Wait()
		for w, err := range errs {
			if err != nil {
				t.Fatalf("round %d: writer %d: %v", round, w, err)
			}
		}
		if got := testneo4j.Dump(t, c); got != want {
			t.Fatalf("round %d: the graph of two concurrent writers differs from one writer's:\n%s", round, testneo4j.DumpDiff(want, got, 20))
		}
	}
}
