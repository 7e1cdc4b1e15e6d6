package export

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Node is one exported node.
type Node struct {
	ID     string
	Labels []string // sorted, e.g. [Entity Person]
	Props  map[string]any
}

// Edge is one exported edge.
type Edge struct {
	ID, Source, Target, Type string
	Props                    map[string]any
}

// PropType is a property's type as GraphML names it.
type PropType string

// GraphML attribute types.
const (
	TString  PropType = "string"
	TLong    PropType = "long"
	TDouble  PropType = "double"
	TBoolean PropType = "boolean"
)

// Key is one property column.
type Key struct {
	Name string
	Type PropType
}

// Schema lists the property columns of nodes and edges, declared before
// any element is written.
type Schema struct {
	Node, Edge []Key
}

// Writer receives a graph: Begin once, then nodes (all before any edge),
// then edges, then End.
type Writer interface {
	Begin(s Schema) error
	Node(n Node) error
	Edge(e Edge) error
	End() error
}

// An Aborter is a Writer that can drop what it has written. Graph calls
// Abort when the export fails at any point (even before Begin); Abort
// after a successful End does nothing.
type Aborter interface {
	Abort() error
}

// Fixed columns every node and edge has, before its properties.
var (
	nodeFixed = []string{"label", "type", "labels"}
	edgeFixed = []string{"label", "type"}
)

// NodeType is the node's most specific label: Person, Organization,
// Location, Misc, Article...
func NodeType(labels []string) string {
	t := ""
	for _, l := range labels {
		if l != "Entity" {
			return l
		}
		t = l
	}
	return t
}

func nodeLabel(n Node) string {
	for _, k := range []string{"name", "title", "key", "id"} {
		if s, ok := n.Props[k].(string); ok && s != "" {
			return s
		}
	}
	return n.ID
}

// columns maps property names to column names that do not clash with
// the fixed columns (a clash gets the prefix "prop_").
func columns(keys []Key, fixed []string) []string {
	taken := map[string]bool{}
	for _, f := range fixed {
		taken[f] = true
	}
	out := make([]string, len(keys))
	for i, k := range keys {
		name := k.Name
		for taken[name] {
			name = "prop_" + name
		}
		taken[name] = true
		out[i] = name
	}
	return out
}

// typedText renders v for a column of type t; "" means no value.
func typedText(v any, t PropType) string {
	switch t {
	case TLong:
		if i, ok := v.(int64); ok {
			return strconv.FormatInt(i, 10)
		}
	case TDouble:
		switch x := v.(type) {
		case float64:
			return strconv.FormatFloat(x, 'g', -1, 64)
		case int64:
			return strconv.FormatInt(x, 10)
		}
	case TBoolean:
		if b, ok := v.(bool); ok {
			return strconv.FormatBool(b)
		}
	}
	return Text(v)
}

// ---- GraphML ----

type graphML struct {
	w      *bufio.Writer
	schema Schema
	nIDs   []string
	eIDs   []string
}

// NewGraphML returns a Writer of one GraphML document.
func NewGraphML(w io.Writer) Writer { return &graphML{w: bufio.NewWriterSize(w, 64<<10)} }

func esc(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

func (g *graphML) Begin(s Schema) error {
	g.schema = s
	w := g.w
	w.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	w.WriteString(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	key := func(id, forWhat, name string, t PropType) {
		fmt.Fprintf(w, "  <key id=\"%s\" for=\"%s\" attr.name=\"%s\" attr.type=\"%s\"/>\n", id, forWhat, esc(name), t)
	}
	for _, f := range nodeFixed {
		key("n"+f, "node", f, TString)
	}
	for i, c := range columns(s.Node, append([]string{"id"}, nodeFixed...)) {
		id := "n" + strconv.Itoa(i)
		g.nIDs = append(g.nIDs, id)
		key(id, "node", c, s.Node[i].Type)
	}
	for _, f := range edgeFixed {
		key("e"+f, "edge", f, TString)
	}
	for i, c := range columns(s.Edge, append([]string{"id"}, edgeFixed...)) {
		id := "e" + strconv.Itoa(i)
		g.eIDs = append(g.eIDs, id)
		key(id, "edge", c, s.Edge[i].Type)
	}
	_, err := w.WriteString(`  <graph id="kg" edgedefault="directed">` + "\n")
	return err
}

func (g *graphML) data(key, val string) {
	if val == "" {
		return
	}
	fmt.Fprintf(g.w, "      <data key=\"%s\">%s</data>\n", key, esc(val))
}

func (g *graphML) Node(n Node) error {
	fmt.Fprintf(g.w, "    <node id=\"%s\">\n", esc(n.ID))
	g.data("nlabel", nodeLabel(n))
	g.data("ntype", NodeType(n.Labels))
	g.data("nlabels", strings.Join(n.Labels, ":"))
	for i, k := range g.schema.Node {
		if v, ok := n.Props[k.Name]; ok {
			g.data(g.nIDs[i], typedText(v, k.Type))
		}
	}
	_, err := g.w.WriteString("    </node>\n")
	return err
}

func (g *graphML) Edge(e Edge) error {
	fmt.Fprintf(g.w, "    <edge id=\"%s\" source=\"%s\" target=\"%s\">\n", esc(e.ID), esc(e.Source), esc(e.Target))
	g.data("elabel", e.Type)
	g.data("etype", e.Type)
	for i, k := range g.schema.Edge {
		if v, ok := e.Props[k.Name]; ok {
			g.data(g.eIDs[i], typedText(v, k.Type))
		}
	}
	_, err := g.w.WriteString("    </edge>\n")
	return err
}

func (g *graphML) End() error {
	g.w.WriteString("  </graph>\n</graphml>\n")
	return g.w.Flush()
}

// ---- JSON Lines ----

type jsonl struct {
	w   *bufio.Writer
	enc *json.Encoder
}

// NewJSONL returns a Writer of one JSON object per node or edge per line.
func NewJSONL(w io.Writer) Writer {
	b := bufio.NewWriterSize(w, 64<<10)
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	return &jsonl{w: b, enc: enc}
}

func (j *jsonl) Begin(Schema) error { return nil }

func (j *jsonl) Node(n Node) error {
	return j.enc.Encode(struct {
		Kind       string         `json:"kind"`
		ID         string         `json:"id"`
		Labels     []string       `json:"labels"`
		Properties map[string]any `json:"properties"`
	}{"node", n.ID, n.Labels, nonNil(n.Props)})
}

func (j *jsonl) Edge(e Edge) error {
	return j.enc.Encode(struct {
		Kind       string         `json:"kind"`
		ID         string         `json:"id"`
		Source     string         `json:"source"`
		Target     string         `json:"target"`
		Type       string         `json:"type"`
		Properties map[string]any `json:"properties"`
	}{"edge", e.ID, e.Source, e.Target, e.Type, nonNil(e.Props)})
}

func (j *jsonl) End() error { return j.w.Flush() }

func nonNil(m map[string]any) map[string]any {
	if m == nil {
		return map[string]any{}
	}
	return m
}

// ---- CSV directory ----

// CSVDir writes dir/nodes.csv and dir/edges.csv. It creates dir when its
// parent exists (never missing parents), replaces only regular files, and
// writes each file beside its target until End, so a failed export leaves
// what was there before.
type CSVDir struct {
	dir     string
	created bool
	nf, ef  *File
	nw, ew  *csv.Writer
	schema  Schema
}

var (
	_ Writer  = (*CSVDir)(nil)
	_ Aborter = (*CSVDir)(nil)
)

// NewCSVDir returns a Writer of dir/nodes.csv and dir/edges.csv.
func NewCSVDir(dir string) *CSVDir { return &CSVDir{dir: dir} }

// Check reports whether the export can go to the directory: it is a
// directory (or a link to one), or missing with an existing parent, and
// nodes.csv and edges.csv in it pass CheckFile.
func (c *CSVDir) Check() error {
	fi, err := os.Stat(c.dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if fi, lerr := os.Lstat(c.dir); lerr == nil { // a dangling link
			return fmt.Errorf("%s is %s, not a directory: %w", c.dir, kind(fi.Mode()), ErrNotRegular)
		}
		return checkParent(c.dir)
	case err != nil:
		return err
	case !fi.IsDir():
		return fmt.Errorf("%s is not a directory (--format csv writes nodes.csv and edges.csv into a directory)", c.dir)
	}
	for _, f := range []string{"nodes.csv", "edges.csv"} {
		if err := CheckFile(filepath.Join(c.dir, f)); err != nil {
			return err
		}
	}
	return nil
}

func (c *CSVDir) Begin(s Schema) error {
	c.schema = s
	if err := c.Check(); err != nil {
		return err
	}
	if err := os.Mkdir(c.dir, 0o755); err == nil {
		c.created = true
	} else if !errors.Is(err, fs.ErrExist) {
		return err
	}
	var err error
	if c.nf, err = CreateFile(filepath.Join(c.dir, "nodes.csv")); err != nil {
		return err
	}
	if c.ef, err = CreateFile(filepath.Join(c.dir, "edges.csv")); err != nil {
		return err
	}
	c.nw, c.ew = csv.NewWriter(c.nf), csv.NewWriter(c.ef)
	nh := append([]string{"id"}, nodeFixed...)
	nh = append(nh, columns(s.Node, nh)...)
	eh := []string{"id", "source", "target", "type"}
	eh = append(eh, columns(s.Edge, eh)...)
	if err := c.nw.Write(csvSafe(nh)); err != nil {
		return err
	}
	return c.ew.Write(csvSafe(eh))
}

func (c *CSVDir) Node(n Node) error {
	row := []string{CSVCell(n.ID), CSVCell(nodeLabel(n)), CSVCell(NodeType(n.Labels)), CSVCell(strings.Join(n.Labels, ":"))}
	for _, k := range c.schema.Node {
		row = append(row, csvTyped(n.Props[k.Name], k.Type))
	}
	return c.nw.Write(row)
}

func (c *CSVDir) Edge(e Edge) error {
	row := []string{CSVCell(e.ID), CSVCell(e.Source), CSVCell(e.Target), CSVCell(e.Type)}
	for _, k := range c.schema.Edge {
		row = append(row, csvTyped(e.Props[k.Name], k.Type))
	}
	return c.ew.Write(row)
}

// End flushes both files and puts them in place.
func (c *CSVDir) End() error {
	for _, w := range []*csv.Writer{c.nw, c.ew} {
		if w == nil {
			continue
		}
		if w.Flush(); w.Error() != nil {
			c.Abort()
			return w.Error()
		}
	}
	for _, f := range []*File{c.nf, c.ef} {
		if f == nil {
			continue
		}
		if err := f.Commit(); err != nil {
			c.Abort()
			return err
		}
	}
	c.created = false
	return nil
}

// Abort drops the files being written (and the directory, when Begin
// created it and it is still empty). It does nothing after End.
func (c *CSVDir) Abort() error {
	for _, f := range []*File{c.nf, c.ef} {
		if f != nil {
			f.Abort()
		}
	}
	if c.created {
		c.created = false
		return os.Remove(c.dir)
	}
	return nil
}
