// Package queries embeds kg's saved Cypher queries (queries/*.cypher) and
// parses their headers, so `kg query NAME`, `kg export --query NAME` and
// `kg browser` can list them, check and type their parameters, and run them.
//
// # Header format
//
// Each file starts with a block of `//` comment lines; the first line that
// is not a comment ends the header and starts the Cypher body. Header lines
// of the form `// @tag value` are fields; other comment lines are free text
// (Doc). The tags:
//
//	// @name ego_network                 the query's name (required; defaults to the file name)
//	// @description One line for --list  (required)
//	// @param NAME TYPE DEFAULT text     one per parameter, in the order shown to users
//	// @example kg query ego_network --param name=Putin
//	// @requires apoc                    a server feature the query needs
//
// TYPE is one of int, float, string, bool, date (YYYY-MM-DD, passed to
// Cypher as a string), relation (a relationship type from
// schema/relations.yaml, passed as a string), entity (an entity's key,
// name or alias, passed as a string; kg query looks it up first with
// LookupCypher, picks the best-supported match and passes its key) or
// enum(a|b|c). DEFAULT is a
// Go-quoted string ("Vladimir Putin", "" for the empty string), a bare
// token (2, true, Person), `null` (the parameter is passed as null) or
// `required` (the user must give it).
//
// The body must use every declared parameter as $NAME and no other, and
// must read int parameters as toInteger($NAME): Neo4j Browser's
// `:params {limit: 10}` sends every number as a float, which LIMIT and
// list slices refuse. Parse checks all three. All values reach Cypher as parameters, never spliced into
// the text, so a saved query can be pasted into Neo4j Browser after
// `:params {...}`.
package queries

import (
	"bufio"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"math"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/kg-project/kg/internal/vocab"
)

//go:embed *.cypher
var files embed.FS

// Files holds the embedded *.cypher files.
var Files fs.FS = files

// Type is a parameter's type.
type Type string

// Parameter types.
const (
	Int      Type = "int"
	Float    Type = "float"
	String   Type = "string"
	Bool     Type = "bool"
	Date     Type = "date"
	Relation Type = "relation"
	Entity   Type = "entity"
	Enum     Type = "enum"
)

// LookupCypher finds the entities a value of an entity parameter ($name)
// may mean, best first: the entity whose key is $name (or that a key
// $name was merged into, see merged_keys), then every entity whose name or
// an alias holds $name as a phrase (full-text index entity_names, any
// case), the one in the most articles first, then the most mentions, then
// by key. The saved queries pick the first the same way.
const LookupCypher = `WITH $name AS q
CALL (q) {
  MATCH (e:Entity {key: q})
  RETURN e, 0 AS rank
  UNION
  WITH q WHERE q CONTAINS ':' AND NOT q CONTAINS ' '
  MATCH (e:Entity) WHERE q IN e.merged_keys
  RETURN e, 0 AS rank
  UNION
  CALL db.index.fulltext.queryNodes('entity_names', '"' + replace(replace(q, '\\', '\\\\'), '"', '\\"') + '"') YIELD node
  RETURN node AS e, 1 AS rank
}
WITH e, min(rank) AS rank
RETURN e.key AS key, e.name AS name, [l IN labels(e) WHERE NOT l IN ['Entity', 'KgDirty']][0] AS type,
       coalesce(e.article_count, 0) AS articles, coalesce(e.mention_count, 0) AS mentions, rank
ORDER BY rank, articles DESC, mentions DESC, key
LIMIT toInteger($limit)`

// Param is one declared parameter.
type Param struct {
	Name        string
	Type        Type
	Choices     []string // for Enum
	Default     any      // typed; nil with Required or a null default
	Required    bool
	Description string
}

// TypeName is the type as written in headers, e.g. "enum(any|Person)".
func (p Param) TypeName() string {
	if p.Type == Enum {
		return "enum(" + strings.Join(p.Choices, "|") + ")"
	}
	return string(p.Type)
}

// DefaultText is the default as shown to users.
func (p Param) DefaultText() string {
	switch {
	case p.Required:
		return "required"
	case p.Default == nil:
		return "null"
	}
	if s, ok := p.Default.(string); ok {
		return strconv.Quote(s)
	}
	return fmt.Sprint(p.Default)
}

// Query is one saved query.
type Query struct {
	Name        string
	Description string
	Doc         string // free text of the header
	Params      []Param
	Examples    []string
	Requires    []string // e.g. "apoc"
	File        string   // file name, e.g. "ego_network.cypher"
	Cypher      string   // the body, without the header
}

// Param returns the named parameter.
func (q *Query) Param(name string) (Param, bool) {
	for _, p := range q.Params {
		if p.Name == name {
			return p, true
		}
	}
	return Param{}, false
}

// ParamNames lists the declared parameter names in header order.
func (q *Query) ParamNames() []string {
	n := make([]string, len(q.Params))
	for i, p := range q.Params {
		n[i] = p.Name
	}
	return n
}

var (
	nameRE   = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	paramRE  = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
	enumRE   = regexp.MustCompile(`^enum\(([^()]+)\)$`)
	cyParam  = regexp.MustCompile(`\$([A-Za-z_][A-Za-z0-9_]*)`)
	cyString = regexp.MustCompile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"|`[^`]*`|//[^\\n]*|(?s:/\\*.*?\\*/)")
)

// RelationTypes, in a query's body, stands for every relation type of the
// vocabulary joined by |, so that a pattern such as (e)-[r:{{relation_types}}]-()
// follows kg's typed relations only: Neo4j then skips an entity's
// MENTIONED_IN edges, by far the most numerous, instead of reading and
// filtering them. The types come from internal/vocab, never from data.
const RelationTypes = "{{relation_types}}"

func relationTypes() string { return strings.Join(vocab.Names(), "|") }

// Parse parses one query file. file is its name (used for errors and as
// the default name).
func Parse(file string, src []byte) (*Query, error) {
	q := &Query{File: file, Name: strings.TrimSuffix(path.Base(file), ".cypher")}
	fail := func(line int, format string, a ...any) error {
		return fmt.Errorf("%s:%d: %s", file, line, fmt.Sprintf(format, a...))
	}
	sc := bufio.NewScanner(strings.NewReader(string(src)))
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	var body, doc []string
	inHeader, lineNo := true, 0
	for sc.Scan() {
		lineNo++
		line := sc.Text()
		t := strings.TrimSpace(line)
		if inHeader && !strings.HasPrefix(t, "//") {
			inHeader = false
		}
		if !inHeader {
			body = append(body, line)
			continue
		}
		c := strings.TrimSpace(strings.TrimPrefix(t, "//"))
		if !strings.HasPrefix(c, "@") {
			doc = append(doc, c)
			continue
		}
		tag, rest, _ := strings.Cut(c, " ")
		rest = strings.TrimSpace(rest)
		switch tag {
		case "@name":
			if !nameRE.MatchString(rest) {
				return nil, fail(lineNo, "@name %q: use lower case letters, digits and _", rest)
			}
			q.Name = rest
		case "@description":
			if q.Description != "" {
				q.Description += " "
			}
			q.Description += rest
		case "@param":
			p, err := parseParam(rest)
			if err != nil {
				return nil, fail(lineNo, "@param: %v", err)
			}
			if _, dup := q.Param(p.Name); dup {
				return nil, fail(lineNo, "@param %s declared twice", p.Name)
			}
			q.Params = append(q.Params, p)
		case "@example":
			q.Examples = append(q.Examples, rest)
		case "@requires":
			q.Requires = append(q.Requires, strings.Fields(rest)...)
		default:
			return nil, fail(lineNo, "unknown tag %s (known: @name @description @param @example @requires)", tag)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	q.Doc = strings.TrimSpace(strings.Join(doc, "\n"))
	q.Cypher = strings.ReplaceAll(strings.TrimSpace(strings.Join(body, "\n")), RelationTypes, relationTypes())
	if strings.Contains(q.Cypher, "{{") {
		return nil, fmt.Errorf("%s: unknown placeholder in %q (known: %s)", file, q.Cypher[strings.Index(q.Cypher, "{{"):min(len(q.Cypher), strings.Index(q.Cypher, "{{")+30)], RelationTypes)
	}
	if q.Description == "" {
		return nil, fmt.Errorf("%s: no @description in the header", file)
	}
	if q.Cypher == "" {
		return nil, fmt.Errorf("%s: no Cypher after the header", file)
	}
	used := UsedParams(q.Cypher)
	for _, p := range q.Params {
		if !used[p.Name] {
			return nil, fmt.Errorf("%s: parameter %s is declared but the query does not use $%s", file, p.Name, p.Name)
		}
		delete(used, p.Name)
	}
	if len(used) > 0 {
		return nil, fmt.Errorf("%s: the query uses undeclared parameters: $%s", file, strings.Join(sortedKeys(used), ", $"))
	}
	clean := cyString.ReplaceAllString(q.Cypher, "''")
	for _, p := range q.Params {
		if p.Type != Int {
			continue
		}
		all := regexp.MustCompile(`\$`+p.Name+`\b`).FindAllStringIndex(clean, -1)
		wrapped := regexp.MustCompile(`toInteger\(\s*\$`+p.Name+`\b`).FindAllStringIndex(clean, -1)
		if len(all) != len(wrapped) {
			return nil, fmt.Errorf("%s: int parameter %s must be read as toInteger($%s) (Neo4j Browser sends numbers as floats)", file, p.Name, p.Name)
		}
	}
	return q, nil
}

// UsedParams returns the $names a Cypher text refers to, ignoring string
// literals and // comments.
func UsedParams(cypher string) map[string]bool {
	clean := cyString.ReplaceAllString(cypher, "''")
	out := map[string]bool{}
	for _, m := range cyParam.FindAllStringSubmatch(clean, -1) {
		out[m[1]] = true
	}
	return out
}

// parseParam parses `NAME TYPE DEFAULT description...`.
func parseParam(s string) (Param, error) {
	f := strings.Fields(s)
	if len(f) < 3 {
		return Param{}, errors.New(`want "NAME TYPE DEFAULT description"`)
	}
	p := Param{Name: f[0]}
	if !paramRE.MatchString(p.Name) {
		return p, fmt.Errorf("bad name %q", p.Name)
	}
	typ := f[1]
	if m := enumRE.FindStringSubmatch(typ); m != nil {
		p.Type = Enum
		for _, c := range strings.Split(m[1], "|") {
			if c = strings.TrimSpace(c); c != "" {
				p.Choices = append(p.Choices, c)
			}
		}
		if len(p.Choices) == 0 {
			return p, fmt.Errorf("%s: empty enum", p.Name)
		}
	} else {
		p.Type = Type(typ)
		switch p.Type {
		case Int, Float, String, Bool, Date, Relation, Entity:
		default:
			return p, fmt.Errorf("%s: unknown type %q (int, float, string, bool, date, relation, entity, enum(a|b))", p.Name, typ)
		}
	}
	// The default: a quoted string (may hold spaces) or one bare token.
	rest := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(strings.TrimPrefix(s, f[0])), typ))
	var def string
	if strings.HasPrefix(rest, `"`) {
		q, err := strconv.QuotedPrefix(rest)
		if err != nil {
			return p, fmt.Errorf("%s: bad quoted default in %q", p.Name, rest)
		}
		def, _ = strconv.Unquote(q)
		rest = rest[len(q):]
		v, err := Convert(p, def)
		if err != nil {
			return p, fmt.Errorf("%s: default: %v", p.Name, err)
		}
		p.Default = v
	} else {
		tok, tail, _ := strings.Cut(rest, " ")
		rest = tail
		switch tok {
		case "required":
			p.Required = true
		case "null":
		default:
			v, err := Convert(p, tok)
			if err != nil {
				return p, fmt.Errorf("%s: default: %v", p.Name, err)
			}
			p.Default = v
		}
	}
	p.Description = strings.TrimSpace(rest)
	return p, nil
}

// Convert turns a command-line value into the parameter's Go type: int64,
// float64, bool or string (dates, relations and enums are checked
// strings).
func Convert(p Param, s string) (any, error) {
	switch p.Type {
	case Int:
		v, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
		if err != nil {
			return nil, fmt.Errorf("%q is not an integer", s)
		}
		return v, nil
	case Float:
		v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, fmt.Errorf("%q is not a number", s)
		}
		return v, nil
	case Bool:
		v, err := strconv.ParseBool(strings.TrimSpace(s))
		if err != nil {
			return nil, fmt.Errorf("%q is not true or false", s)
		}
		return v, nil
	case Date:
		s = strings.TrimSpace(s)
		if _, err := time.Parse("2006-01-02", s); err != nil {
			return nil, fmt.Errorf("%q is not a date (YYYY-MM-DD)", s)
		}
		return s, nil
	case Relation:
		s = strings.ToUpper(strings.TrimSpace(s))
		if !vocab.Valid(s) {
			return nil, fmt.Errorf("%q is not a relation type; valid: %s", s, strings.Join(vocab.Names(), ", "))
		}
		return s, nil
	case Enum:
		for _, c := range p.Choices {
			if strings.EqualFold(c, strings.TrimSpace(s)) {
				return c, nil
			}
		}
		return nil, fmt.Errorf("%q is not one of %s", s, strings.Join(p.Choices, ", "))
	case String, Entity:
		return s, nil
	}
	return nil, fmt.Errorf("unknown type %q", p.Type)
}

// ParamError reports a parameter the query does not declare.
type ParamError struct {
	Query, Param string
	Valid        []string
}

func (e *ParamError) Error() string {
	if len(e.Valid) == 0 {
		return fmt.Sprintf("query %s takes no parameters (got %s)", e.Query, e.Param)
	}
	return fmt.Sprintf("query %s has no parameter %q; valid: %s", e.Query, e.Param, strings.Join(e.Valid, ", "))
}

// Bind checks and types the given raw values (name -> text) against the
// query's parameters and fills in defaults. Unknown names, bad values and
// missing required parameters are errors that name the parameter.
func (q *Query) Bind(raw map[string]string) (map[string]any, error) {
	out := make(map[string]any, len(q.Params))
	for _, name := range sortedKeys(raw) {
		p, ok := q.Param(name)
		if !ok {
			return nil, &ParamError{Query: q.Name, Param: name, Valid: q.ParamNames()}
		}
		v, err := Convert(p, raw[name])
		if err != nil {
			return nil, fmt.Errorf("query %s: parameter %s (%s): %v", q.Name, name, p.TypeName(), err)
		}
		out[name] = v
	}
	for _, p := range q.Params {
		if _, ok := out[p.Name]; ok {
			continue
		}
		if p.Required {
			return nil, fmt.Errorf("query %s: parameter %s (%s) is required: %s", q.Name, p.Name, p.TypeName(), p.Description)
		}
		out[p.Name] = p.Default
	}
	return out, nil
}

// Set is a set of queries by name.
type Set struct {
	byName map[string]*Query
	list   []*Query
}

// Load parses every *.cypher file of fsys (the embedded files when fsys is
// nil).
func Load(fsys fs.FS) (*Set, error) {
	if fsys == nil {
		fsys = files
	}
	names, err := fs.Glob(fsys, "*.cypher")
	if err != nil {
		return nil, err
	}
	s := &Set{byName: map[string]*Query{}}
	for _, n := range names {
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, err
		}
		q, err := Parse(n, b)
		if err != nil {
			return nil, err
		}
		if o := s.byName[q.Name]; o != nil {
			return nil, fmt.Errorf("query name %s used by both %s and %s", q.Name, o.File, q.File)
		}
		s.byName[q.Name] = q
		s.list = append(s.list, q)
	}
	sort.Slice(s.list, func(i, j int) bool { return s.list[i].Name < s.list[j].Name })
	return s, nil
}

// MustLoad loads the embedded queries; a bad embedded file is a bug that
// the package's tests catch.
func MustLoad() *Set {
	s, err := Load(nil)
	if err != nil {
		panic(err)
	}
	return s
}

// All returns the queries sorted by name.
func (s *Set) All() []*Query { return append([]*Query(nil), s.list...) }

// Names returns the query names, sorted.
func (s *Set) Names() []string {
	n := make([]string, len(s.list))
	for i, q := range s.list {
		n[i] = q.Name
	}
	return n
}

// Get returns the named query, or an error that lists the valid names.
func (s *Set) Get(name string) (*Query, error) {
	if q := s.byName[name]; q != nil {
		return q, nil
	}
	return nil, fmt.Errorf("no saved query %q; available: %s (see kg query --list)", name, strings.Join(s.Names(), ", "))
}

// BrowserParams renders params as a Neo4j Browser `:params {...}` command,
// so a saved query can be pasted into Browser after it.
func BrowserParams(params map[string]any) string {
	var b strings.Builder
	b.WriteString(":params {")
	for i, k := range sortedKeys(params) {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(k)
		b.WriteString(": ")
		b.WriteString(cypherLiteral(params[k]))
	}
	b.WriteString("}")
	return b.String()
}

func cypherLiteral(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		r := strings.NewReplacer(`\`, `\\`, `'`, `\'`, "\n", `\n`, "\r", `\r`, "\t", `\t`)
		return "'" + r.Replace(x) + "'"
	case float64:
		s := strconv.FormatFloat(x, 'g', -1, 64)
		if !strings.ContainsAny(s, ".eE") {
			s += ".0"
		}
		return s
	}
	return fmt.Sprint(v)
}

func sortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }
