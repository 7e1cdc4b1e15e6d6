package export

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/kg-project/kg/internal/graph"
)

// Source runs read queries; *graph.Client is one.
type Source interface {
	Query(ctx context.Context, cypher string, params map[string]any, readOnly bool) (*graph.Result, error)
}

var _ Source = (*graph.Client)(nil)

// Options tune the whole-graph export.
type Options struct {
	// WithArticles adds the :Article nodes and the MENTIONED_IN edges.
	WithArticles bool
	// PageSize is how many nodes (or source entities, for edges) each
	// query reads (0 = 1000).
	PageSize int
}

// Stats counts what was written.
type Stats struct {
	Nodes int `json:"nodes"`
	Edges int `json:"edges"`
}

// ArticleID is the export id of the article with the given id.
func ArticleID(id string) string { return "article:" + id }

const (
	cyEntityKeys  = `MATCH (n:Entity) UNWIND keys(n) AS k RETURN k, collect(DISTINCT valueType(n[k])) AS types`
	cyArticleKeys = `MATCH (n:Article) UNWIND keys(n) AS k RETURN k, collect(DISTINCT valueType(n[k])) AS types`
	cyRelKeys     = `MATCH (:Entity)-[r]->(:Entity) UNWIND keys(r) AS k RETURN k, collect(DISTINCT valueType(r[k])) AS types`
	cyMentionKeys = `MATCH (:Entity)-[r:MENTIONED_IN]->(:Article) UNWIND keys(r) AS k RETURN k, collect(DISTINCT valueType(r[k])) AS types`

	cyEntities = `MATCH (n:Entity) WHERE n.key > $after
RETURN n.key AS cursor, labels(n) AS labels, properties(n) AS props
ORDER BY n.key LIMIT $page`
	cyArticles = `MATCH (n:Article) WHERE n.id > $after
RETURN n.id AS cursor, labels(n) AS labels, properties(n) AS props
ORDER BY n.id LIMIT $page`
	// Edges are read per page of source entities, so a page holds the
	// edges of at most $page entities.
	cyRelations = `MATCH (s:Entity) WHERE s.key > $after
WITH s ORDER BY s.key LIMIT $page
OPTIONAL MATCH (s)-[r]->(o:Entity)
RETURN s.key AS cursor, type(r) AS type, o.key AS target, properties(r) AS props
ORDER BY cursor, type, target`
	cyMentions = `MATCH (s:Entity) WHERE s.key > $after
WITH s ORDER BY s.key LIMIT $page
OPTIONAL MATCH (s)-[r:MENTIONED_IN]->(a:Article)
RETURN s.key AS cursor, type(r) AS type, a.id AS target, properties(r) AS props
ORDER BY cursor, target`
)

// Graph writes the whole graph of entities and typed relations (and with
// WithArticles, articles and mentions) to w, page by page.
func Graph(ctx context.Context, src Source, o Options, w Writer) (st Stats, err error) {
	if a, ok := w.(Aborter); ok {
		defer func() {
			if err != nil {
				a.Abort()
			}
		}()
	}
	if o.PageSize <= 0 {
		o.PageSize = 1000
	}
	nodeQ, edgeQ := []string{cyEntityKeys}, []string{cyRelKeys}
	if o.WithArticles {
		nodeQ, edgeQ = append(nodeQ, cyArticleKeys), append(edgeQ, cyMentionKeys)
	}
	var s Schema
	if s.Node, err = discover(ctx, src, nodeQ...); err != nil {
		return st, err
	}
	if s.Edge, err = discover(ctx, src, edgeQ...); err != nil {
		return st, err
	}
	if err := w.Begin(s); err != nil {
		return st, err
	}
	nodes := func(cypher string, id func(string) string) error {
		return pages(ctx, src, cypher, o.PageSize, func(row []any) error {
			st.Nodes++
			return w.Node(Node{ID: id(row[0].(string)), Labels: strs(row[1]), Props: asMap(row[2])})
		})
	}
	edges := func(cypher string, target func(string) string) error {
		return pages(ctx, src, cypher, o.PageSize, func(row []any) error {
			t, ok := row[1].(string)
			if !ok { // an entity without edges (OPTIONAL MATCH)
				return nil
			}
			s, to := row[0].(string), target(row[2].(string))
			st.Edges++
			return w.Edge(Edge{ID: s + "|" + t + "|" + to, Source: s, Target: to, Type: t, Props: asMap(row[3])})
		})
	}
	same := func(s string) string { return s }
	if err := nodes(cyEntities, same); err != nil {
		return st, err
	}
	if o.WithArticles {
		if err := nodes(cyArticles, ArticleID); err != nil {
			return st, err
		}
	}
	if err := edges(cyRelations, same); err != nil {
		return st, err
	}
	if o.WithArticles {
		if err := edges(cyMentions, ArticleID); err != nil {
			return st, err
		}
	}
	return st, w.End()
}

// pages runs a cursor query ($after, $page; first column the cursor)
// until a page comes back empty.
func pages(ctx context.Context, src Source, cypher string, size int, row func([]any) error) error {
	after := ""
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		res, err := src.Query(ctx, cypher, map[string]any{"after": after, "page": int64(size)}, true)
		if err != nil {
			return err
		}
		if len(res.Rows) == 0 {
			return nil
		}
		for _, r := range res.Rows {
			if err := row(r); err != nil {
				return err
			}
		}
		next, _ := res.Rows[len(res.Rows)-1][0].(string)
		if next <= after {
			return fmt.Errorf("export: cursor did not advance past %q", after)
		}
		after = next
	}
}

// discover runs key/type queries (rows: key, list of valueType strings)
// and merges them into sorted property columns.
func discover(ctx context.Context, src Source, cyphers ...string) ([]Key, error) {
	types := map[string]map[PropType]bool{}
	for _, c := range cyphers {
		res, err := src.Query(ctx, c, nil, true)
		if err != nil {
			return nil, err
		}
		for _, r := range res.Rows {
			k, _ := r[0].(string)
			if types[k] == nil {
				types[k] = map[PropType]bool{}
			}
			for _, t := range strs(r[1]) {
				types[k][neo4jType(t)] = true
			}
		}
	}
	return keysOf(types), nil
}

// neo4jType maps a Cypher valueType() string to a GraphML type.
func neo4jType(t string) PropType {
	t = strings.TrimSuffix(t, " NOT NULL")
	switch t {
	case "INTEGER":
		return TLong
	case "FLOAT":
		return TDouble
	case "BOOLEAN":
		return TBoolean
	}
	return TString
}

func keysOf(types map[string]map[PropType]bool) []Key {
	var out []Key
	for _, k := range sortedKeys(types) {
		ts := types[k]
		t := TString
		switch {
		case len(ts) == 1:
			for x := range ts {
				t = x
			}
		case len(ts) == 2 && ts[TLong] && ts[TDouble]:
			t = TDouble
		}
		out = append(out, Key{Name: k, Type: t})
	}
	return out
}

func goType(v any) PropType {
	switch v.(type) {
	case int64:
		return TLong
	case float64:
		return TDouble
	case bool:
		return TBoolean
	}
	return TString
}

func strs(v any) []string {
	if l, ok := v.([]string); ok {
		out := append([]string(nil), l...)
		sort.Strings(out)
		return out
	}
	l, _ := v.([]any)
	out := make([]string, 0, len(l))
	for _, x := range l {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}

func asMap(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

// ---- query results ----

// ResultCSV writes a result as one CSV table: a header of the result keys,
// then one line per row with Text-rendered cells, each made safe for
// spreadsheets by CSVCell.
func ResultCSV(res *graph.Result, w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvSafe(res.Keys)); err != nil {
		return err
	}
	for _, r := range res.Rows {
		cells := make([]string, len(r))
		for i, v := range r {
			cells[i] = CSVCell(Text(v))
		}
		if err := cw.Write(cells); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// ResultJSONL writes one JSON object (result key -> value) per row.
func ResultJSONL(res *graph.Result, w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, r := range res.Rows {
		if err := enc.Encode(RowObject(res.Keys, r)); err != nil {
			return err
		}
	}
	return nil
}

// RowObject pairs a row's values with the result keys.
func RowObject(keys []string, row []any) map[string]any {
	m := make(map[string]any, len(keys))
	for i, k := range keys {
		m[k] = row[i]
	}
	return m
}

// ErrNoGraph: a result has no nodes, relationships or paths to draw.
var ErrNoGraph = errors.New("the query returns no nodes, relationships or paths; export it as csv or jsonl")

// ResultGraph writes the nodes, relationships and paths found anywhere in a
// result's rows (also inside lists and maps) as a graph. Relationships
// whose end nodes the result does not hold get bare nodes named by element
// id, so no edge dangles.
func ResultGraph(res *graph.Result, w Writer) (Stats, error) {
	var st Stats
	c := collector{nodeIdx: map[string]int{}, edgeSeen: map[string]bool{}}
	for _, r := range res.Rows {
		for _, v := range r {
			c.walk(v)
		}
	}
	if len(c.nodes) == 0 && len(c.edges) == 0 {
		return st, ErrNoGraph
	}
	ids := map[string]string{} // element id -> export id
	for _, n := range c.nodes {
		ids[n.elem] = n.ID
	}
	var edges []Edge
	for _, e := range c.edges {
		for _, end := range []string{e.start, e.end} {
			if _, ok := ids[end]; !ok {
				ids[end] = end
				c.nodes = append(c.nodes, exNode{Node: Node{ID: end, Props: map[string]any{}}, elem: end})
			}
		}
		e.Source, e.Target = ids[e.start], ids[e.end]
		if e.ID == "" {
			e.ID = e.Source + "|" + e.Type + "|" + e.Target
		}
		edges = append(edges, e.Edge)
	}
	nt, et := map[string]map[PropType]bool{}, map[string]map[PropType]bool{}
	add := func(m map[string]map[PropType]bool, props map[string]any) {
		for k, v := range props {
			if m[k] == nil {
				m[k] = map[PropType]bool{}
			}
			m[k][goType(v)] = true
		}
	}
	for _, n := range c.nodes {
		add(nt, n.Props)
	}
	for _, e := range edges {
		add(et, e.Props)
	}
	if err := w.Begin(Schema{Node: keysOf(nt), Edge: keysOf(et)}); err != nil {
		return st, err
	}
	for _, n := range c.nodes {
		st.Nodes++
		if err := w.Node(n.Node); err != nil {
			return st, err
		}
	}
	for _, e := range edges {
		st.Edges++
		if err := w.Edge(e); err != nil {
			return st, err
		}
	}
	return st, w.End()
}

type exNode struct {
	Node
	elem string
}

type exEdge struct {
	Edge
	start, end string
}

type collector struct {
	nodes    []exNode
	nodeIdx  map[string]int
	edges    []exEdge
	edgeSeen map[string]bool
}

func (c *collector) walk(v any) {
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			c.walk(e)
		}
	case map[string]any:
		switch {
		case IsNode(x):
			c.node(x)
		case IsRel(x):
			c.rel(x)
		case IsPath(x):
			c.walk(x["_nodes"])
			c.walk(x["_rels"])
		default:
			for _, k := range sortedKeys(x) {
				c.walk(x[k])
			}
		}
	}
}

func (c *collector) node(m map[string]any) {
	elem := fmt.Sprint(m["_id"])
	if _, ok := c.nodeIdx[elem]; ok {
		return
	}
	labels := strs(m["_labels"])
	props := Props(m)
	id := elem
	if k, ok := props["key"].(string); ok && contains(labels, "Entity") {
		id = k
	} else if a, ok := props["id"].(string); ok && contains(labels, "Article") {
		id = ArticleID(a)
	}
	c.nodeIdx[elem] = len(c.nodes)
	c.nodes = append(c.nodes, exNode{Node: Node{ID: id, Labels: labels, Props: props}, elem: elem})
}

func (c *collector) rel(m map[string]any) {
	elem := fmt.Sprint(m["_id"])
	if c.edgeSeen[elem] {
		return
	}
	c.edgeSeen[elem] = true
	t, _ := m["_type"].(string)
	c.edges = append(c.edges, exEdge{Edge: Edge{Type: t, Props: Props(m)}, start: fmt.Sprint(m["_start"]), end: fmt.Sprint(m["_end"])})
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}
