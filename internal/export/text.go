package export

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// ListSep joins list items in text cells (tables, CSV, GraphML attributes).
const ListSep = " | "

// Text renders one result value (as graph.Result holds them) for a table
// or CSV cell: nil as "", nodes by name (else key, title or id),
// relationships by type, paths as "A -TYPE-> B <-TYPE- C", lists joined
// with ListSep, other maps as compact JSON.
func Text(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case bool:
		return strconv.FormatBool(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case int:
		return strconv.Itoa(x)
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = Text(e)
		}
		return strings.Join(parts, ListSep)
	case []string:
		return strings.Join(x, ListSep)
	case map[string]any:
		switch {
		case IsNode(x):
			return NodeCaption(x)
		case IsRel(x):
			return x["_type"].(string)
		case IsPath(x):
			return pathText(x)
		}
		b, err := json.Marshal(x)
		if err != nil {
			return fmt.Sprint(x)
		}
		return string(b)
	}
	return fmt.Sprint(v)
}

// IsNode reports whether v is a node as graph.Result holds it.
func IsNode(m map[string]any) bool { _, ok := m["_labels"]; return ok }

// IsRel reports whether v is a relationship as graph.Result holds it.
func IsRel(m map[string]any) bool { _, ok := m["_type"]; return ok }

// IsPath reports whether v is a path as graph.Result holds it.
func IsPath(m map[string]any) bool {
	_, n := m["_nodes"]
	_, r := m["_rels"]
	return n && r
}

// NodeCaption is a node's display text: name, else key, title or id, else
// its element id.
func NodeCaption(n map[string]any) string {
	for _, k := range []string{"name", "key", "title", "id"} {
		if s, ok := n[k].(string); ok && s != "" {
			return s
		}
	}
	return fmt.Sprint(n["_id"])
}

func pathText(p map[string]any) string {
	nodes, _ := p["_nodes"].([]any)
	rels, _ := p["_rels"].([]any)
	if len(nodes) == 0 {
		return ""
	}
	var b strings.Builder
	prev, _ := nodes[0].(map[string]any)
	b.WriteString(NodeCaption(prev))
	for i, r := range rels {
		rm, _ := r.(map[string]any)
		if i+1 >= len(nodes) || rm == nil {
			break
		}
		next, _ := nodes[i+1].(map[string]any)
		t, _ := rm["_type"].(string)
		if rm["_start"] == prev["_id"] {
			b.WriteString(" -" + t + "-> ")
		} else {
			b.WriteString(" <-" + t + "- ")
		}
		b.WriteString(NodeCaption(next))
		prev = next
	}
	return b.String()
}

// Props returns the user properties of a node or relationship map (the
// keys that do not start with "_").
func Props(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		if !strings.HasPrefix(k, "_") {
			out[k] = v
		}
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }
