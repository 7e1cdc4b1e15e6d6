package main

import (
	"context"
	"fmt"
	"io"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/queries"
)

// warmAfter is how many articles a kg load or kg push must write for it to
// end by planning the saved queries (queries.Set.Warm): compiling one
// takes Neo4j up to a second or two the first time, which a researcher
// meets as a slow first query after a large load. Small loads (tests, the
// examples) skip it; kg finish-import always plans them.
const warmAfter = 1000

// warmQueries has Neo4j plan the saved queries; a failure is a warning
// (the first run of a query plans it anyway).
func warmQueries(ctx context.Context, c *graph.Client, stderr io.Writer) {
	err := queries.MustLoad().Warm(ctx, func(ctx context.Context, cypher string, params map[string]any) error {
		_, err := c.Query(ctx, "EXPLAIN "+cypher, params, true)
		return err
	})
	if err != nil && ctx.Err() == nil {
		fmt.Fprintf(stderr, "kg: warning: %v (the first run of the query plans it)\n", err)
	}
}
