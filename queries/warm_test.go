package queries_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/testneo4j"
	"github.com/kg-project/kg/queries"
)

// TestWarmPlansEveryQuery: Warm asks for a plan of the entity look-up and
// of every saved query, with every parameter the query uses, and goes on
// after a failure, returning the first.
func TestWarmPlansEveryQuery(t *testing.T) {
	set := queries.MustLoad()
	var planned []string
	boom := errors.New("boom")
	err := set.Warm(context.Background(), func(_ context.Context, cypher string, params map[string]any) error {
		planned = append(planned, cypher)
		for name := range queries.UsedParams(cypher) {
			if _, ok := params[name]; !ok {
				t.Errorf("parameter $%s missing when planning:\n%s", name, cypher)
			}
		}
		if len(planned) == 2 {
			return boom
		}
		return nil
	})
	if !errors.Is(err, boom) || !strings.Contains(err.Error(), set.All()[0].Name) {
		t.Errorf("Warm returned %v, want the first query's failure", err)
	}
	if want := len(set.All()) + 1; len(planned) != want {
		t.Errorf("planned %d statements, want %d (the look-up and every query)", len(planned), want)
	}
	if planned[0] != queries.LookupCypher {
		t.Errorf("the entity look-up was not planned first")
	}
}

// TestWarmOnNeo4j: every saved query plans on the real test Neo4j (EXPLAIN)
// with the parameters Warm gives it.
func TestWarmOnNeo4j(t *testing.T) {
	c := testneo4j.Open(t)
	ctx := context.Background()
	_, apocErr := c.Query(ctx, "RETURN apoc.version()", nil, true)
	if apocErr != nil {
		t.Skipf("no APOC on the test server: %v", apocErr) // key_players needs it to plan
	}
	err := queries.MustLoad().Warm(ctx, func(ctx context.Context, cypher string, params map[string]any) error {
		_, err := c.Query(ctx, "EXPLAIN "+cypher, params, true)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}
