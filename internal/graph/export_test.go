package graph

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// SetSettlePage sets the number of entities per Settle transaction until
// the returned function restores it.
func SetSettlePage(n int) (restore func()) {
	old := settlePage
	settlePage = n
	return func() { settlePage = old }
}

// Statements returns the generated statements, for inspection.
func Statements() map[string]string {
	return map[string]string{"relations": cyRelationsTyped, "delete": cyDeleteUnsupportedTyped, "mentions": cyMentionsLabelled}
}

// SettleStatements returns the statements of one Settle page, by name.
func SettleStatements() map[string]string {
	return map[string]string{
		"unmark": cyUnmark, "orphans": cyDeleteOrphans, "aggregates": cyEntityAggregates,
		"merged": cyMergedKeys, "relations": cyRelationsTyped, "unsupported": cyDeleteUnsupportedTyped,
		"comentions": cyCoMentions,
	}
}

// ProfileOperators runs PROFILE cypher (planned afresh) in a transaction
// it rolls back, and returns each operator of the plan as "Operator
// details".
func (c *Client) ProfileOperators(ctx context.Context, cypher string, params map[string]any) ([]string, error) {
	s := c.session(ctx, neo4j.AccessModeWrite)
	defer s.Close(ctx)
	tx, err := s.BeginTransaction(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback(ctx)
	res, err := tx.Run(ctx, "PROFILE CYPHER replan=force "+cypher, params)
	if err != nil {
		return nil, err
	}
	sum, err := res.Consume(ctx)
	if err != nil {
		return nil, err
	}
	var ops []string
	var walk func(p neo4j.ProfiledPlan)
	walk = func(p neo4j.ProfiledPlan) {
		ops = append(ops, fmt.Sprintf("%s %v", p.Operator(), p.Arguments()["Details"]))
		for _, ch := range p.Children() {
			walk(ch)
		}
	}
	walk(sum.Profile())
	return ops, nil
}
