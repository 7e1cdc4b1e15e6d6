package graph

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
)

// Result is a query result with plain Go values: nil, bool, int64, float64,
// string, []any, map[string]any, and maps for nodes ({"_labels", "_id",
// props...}), relationships ({"_type", "_start", "_end", props...}) and
// paths ({"_nodes", "_rels"}).
type Result struct {
	Keys []string
	Rows [][]any
}

// Query runs one statement with parameters. readOnly runs it in a read
// transaction, where the server rejects writes.
func (c *Client) Query(ctx context.Context, cypher string, params map[string]any, readOnly bool) (*Result, error) {
	var out *Result
	work := func(tx neo4j.ManagedTransaction) (any, error) {
		res, err := tx.Run(ctx, cypher, params)
		if err != nil {
			return nil, err
		}
		keys, err := res.Keys()
		if err != nil {
			return nil, err
		}
		r := &Result{Keys: keys}
		for res.Next(ctx) {
			rec := res.Record()
			row := make([]any, len(rec.Values))
			for i, v := range rec.Values {
				row[i] = plain(v)
			}
			r.Rows = append(r.Rows, row)
		}
		if err := res.Err(); err != nil {
			return nil, err
		}
		out = r
		return nil, nil
	}
	if readOnly {
		s := c.session(ctx, neo4j.AccessModeRead)
		defer s.Close(ctx)
		if _, err := s.ExecuteRead(ctx, work); err != nil {
			return nil, c.wrap(err)
		}
		return out, nil
	}
	err := c.write(ctx, func(tx neo4j.ManagedTransaction) error { _, err := work(tx); return err })
	return out, err
}

func plain(v any) any {
	switch x := v.(type) {
	case dbtype.Node:
		m := map[string]any{"_labels": sortedCopy(x.Labels), "_id": x.ElementId}
		for k, p := range x.Props {
			m[k] = plain(p)
		}
		return m
	case dbtype.Relationship:
		m := map[string]any{"_type": x.Type, "_id": x.ElementId, "_start": x.StartElementId, "_end": x.EndElementId}
		for k, p := range x.Props {
			m[k] = plain(p)
		}
		return m
	case dbtype.Path:
		nodes := make([]any, len(x.Nodes))
		for i, n := range x.Nodes {
			nodes[i] = plain(n)
		}
		rels := make([]any, len(x.Relationships))
		for i, r := range x.Relationships {
			rels[i] = plain(r)
		}
		return map[string]any{"_nodes": nodes, "_rels": rels}
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = plain(e)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = plain(e)
		}
		return out
	case dbtype.Date:
		return x.Time().Format("2006-01-02")
	case dbtype.LocalDateTime:
		return x.Time().Format("2006-01-02T15:04:05")
	case time.Time:
		return x.Format(time.RFC3339)
	case dbtype.Duration:
		return x.String()
	case nil, bool, int64, float64, string:
		return x
	}
	return fmt.Sprint(v)
}

func sortedCopy(s []string) []string {
	c := append([]string(nil), s...)
	sort.Strings(c)
	return c
}
