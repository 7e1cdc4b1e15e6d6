package queries

import (
	"context"
	"fmt"
)

// PlanParams returns parameters for planning the query: those kg query
// passes when it is run with its defaults, and for a required parameter a
// placeholder of its declared type (planning needs every parameter, not
// its value).
func (q *Query) PlanParams() map[string]any {
	out := make(map[string]any, len(q.Params))
	for _, p := range q.Params {
		switch {
		case !p.Required:
			out[p.Name] = p.Default
		case p.Type == Int:
			out[p.Name] = int64(0)
		case p.Type == Float:
			out[p.Name] = 0.0
		case p.Type == Bool:
			out[p.Name] = false
		case p.Type == Enum && len(p.Choices) > 0:
			out[p.Name] = p.Choices[0]
		default:
			out[p.Name] = ""
		}
	}
	return out
}

// Explain runs "EXPLAIN " + cypher with params: Neo4j plans the query and
// keeps the plan in its query cache, without running it.
type Explain func(ctx context.Context, cypher string, params map[string]any) error

// Warm has Neo4j plan every query of the set and the entity look-up of
// the entity parameters (LookupCypher), so that the first run of each
// after a load does not spend a second or more compiling it. Neo4j keeps
// plans until it restarts or the statistics of the graph change a lot.
// It returns the first error, after trying every query.
func (s *Set) Warm(ctx context.Context, explain Explain) error {
	var first error
	try := func(name, cypher string, params map[string]any) {
		if err := explain(ctx, cypher, params); err != nil && first == nil {
			first = fmt.Errorf("planning %s: %w", name, err)
		}
	}
	try("the entity look-up", LookupCypher, map[string]any{"name": "", "limit": int64(0)})
	for _, q := range s.list {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		try(q.Name, q.Cypher, q.PlanParams())
	}
	return first
}
