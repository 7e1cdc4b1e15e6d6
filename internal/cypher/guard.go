package cypher

import (
	"errors"
	"strings"
)

// ErrRefused is what CheckReadOnly's errors wrap; test with errors.Is.
var ErrRefused = errors.New("not allowed in a read-only statement")

// Refusal says what a statement does that a read-only statement may not.
type Refusal struct {
	What string // LOAD CSV, SHOW TRANSACTIONS, apoc.load.json
	Why  string
}

func (r *Refusal) Error() string { return r.What + " " + r.Why }

// Unwrap makes errors.Is(err, ErrRefused) true.
func (r *Refusal) Unwrap() error { return ErrRefused }

const (
	whyLoadCSV = "makes the server read a file or fetch a URL"
	whyAdmin   = "is an administration command (users, databases, privileges, other users' transactions, server settings)"
	whyDBMS    = "administers the server (dbms.* procedures)"
	whyDB      = "changes the database or shows server internals (only db.labels, db.schema.*, db.index.*.query* and other read-only db.* procedures are allowed)"
	whyOutside = "reaches outside the database (files, URLs, other servers) or runs Cypher given as text, which this check cannot see"
)

// CheckReadOnly returns a *Refusal when the statement does more than read
// the graph: LOAD CSV, an administration command, or a call of a
// procedure or function that reaches outside the database (see the
// package documentation); nil otherwise. It looks at code only, not at
// comments or string literals.
func CheckReadOnly(q string) error {
	toks := Tokens(q)
	for _, i := range statementStarts(toks) {
		if r := adminAt(toks, i, true); r != nil {
			return r
		}
	}
	for i, t := range toks {
		if t.Kind != Word || afterNameDot(toks, i) {
			continue
		}
		switch kw := upper(t.Text); {
		case kw == "LOAD" && isKW(toks, i+1, "CSV"):
			return &Refusal{"LOAD CSV", whyLoadCSV}
		case kw == "PERIODIC" && isKW(toks, i+1, "COMMIT"):
			return &Refusal{"USING PERIODIC COMMIT", whyLoadCSV}
		}
		if r := adminAt(toks, i, false); r != nil {
			return r
		}
	}
	for _, c := range calls(toks) {
		if why := callRefusal(c); why != "" {
			return &Refusal{c, why}
		}
	}
	return nil
}

// upper upper-cases ASCII letters only, as Cypher's keywords are matched.
func upper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'a' && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}

func isKW(toks []Token, i int, kw ...string) bool {
	if i < 0 || i >= len(toks) || toks[i].Kind != Word {
		return false
	}
	u := upper(toks[i].Text)
	for _, k := range kw {
		if u == k {
			return true
		}
	}
	return false
}

func isPunct(toks []Token, i int, p string) bool {
	return i >= 0 && i < len(toks) && toks[i].Kind == Punct && toks[i].Text == p
}

// afterNameDot reports a word used as a property key, label, parameter or
// map key: after . : or $, or before :.
func afterNameDot(toks []Token, i int) bool {
	return isPunct(toks, i-1, ".") || isPunct(toks, i-1, ":") || isPunct(toks, i-1, "$") ||
		isPunct(toks, i+1, ":") && !isPunct(toks, i+2, ":")
}

// statementStarts returns where each statement's first clause starts:
// at the beginning and after each ;, past EXPLAIN, PROFILE, CYPHER options
// and USE <graph>.
func statementStarts(toks []Token) []int {
	var out []int
	for i := 0; i < len(toks); {
		i = skipPrefixes(toks, i)
		out = append(out, i)
		for i < len(toks) && !isPunct(toks, i, ";") {
			i++
		}
		i++
	}
	return out
}

func skipPrefixes(toks []Token, i int) int {
	for i < len(toks) {
		switch {
		case isKW(toks, i, "EXPLAIN", "PROFILE"):
			i++
		case isKW(toks, i, "CYPHER"):
			i++
			for i < len(toks) {
				if toks[i].Kind == Number {
					i++
				} else if toks[i].Kind == Word && isPunct(toks, i+1, "=") && i+2 < len(toks) {
					i += 3
				} else {
					break
				}
			}
		case isKW(toks, i, "USE"):
			i++
			for i < len(toks) && (toks[i].Kind == Word || toks[i].Kind == Quoted || isPunct(toks, i, ".")) {
				i++
			}
			if isPunct(toks, i, "(") {
				depth := 0
				for ; i < len(toks); i++ {
					if isPunct(toks, i, "(") {
						depth++
					} else if isPunct(toks, i, ")") {
						if depth--; depth == 0 {
							i++
							break
						}
					}
				}
			}
		default:
			return i
		}
	}
	return i
}

// followsExpression lists the keywords that may follow a variable, so
// that a variable named show or grant is not an administration command.
var followsExpression = set("AS", "AND", "OR", "XOR", "IS", "IN", "CONTAINS", "STARTS", "ENDS",
	"ORDER", "SKIP", "LIMIT", "OFFSET", "WHERE", "RETURN", "WITH", "MATCH", "OPTIONAL", "UNWIND",
	"CALL", "UNION", "CREATE", "MERGE", "SET", "DELETE", "DETACH", "NODETACH", "REMOVE", "FOREACH",
	"LOAD", "USE", "YIELD", "DESC", "ASC", "DESCENDING", "ASCENDING", "THEN", "ELSE", "END", "WHEN",
	"NOT", "FINISH", "FILTER", "LET", "NEXT", "INSERT", "BY")

// Keywords that begin administration commands, and the words after CREATE
// that make it one.
var (
	adminFirst   = set("SHOW", "TERMINATE", "GRANT", "DENY", "REVOKE", "DROP", "ALTER", "RENAME", "DRYRUN", "DEALLOCATE", "REALLOCATE")
	adminPairs   = map[string]map[string]bool{"START": set("DATABASE"), "STOP": set("DATABASE"), "ENABLE": set("SERVER")}
	createAdmin  = set("USER", "ROLE", "DATABASE", "COMPOSITE", "ALIAS", "SERVER", "INDEX", "CONSTRAINT", "OR", "IMMUTABLE", "RANGE", "TEXT", "POINT", "LOOKUP", "FULLTEXT", "VECTOR", "BTREE")
	startOnlyKWs = set("GRANT", "DENY", "REVOKE", "DRYRUN", "DEALLOCATE", "REALLOCATE")
)

// adminAt reports an administration command starting at toks[i]. At a
// statement start any of its keywords counts; elsewhere only a keyword
// followed by a word that cannot follow a variable (SHOW TRANSACTIONS,
// TERMINATE TRANSACTIONS, CREATE USER...).
func adminAt(toks []Token, i int, start bool) *Refusal {
	if i >= len(toks) || toks[i].Kind != Word {
		return nil
	}
	kw := upper(toks[i].Text)
	next, nextWord := "", i+1 < len(toks) && toks[i+1].Kind == Word
	if nextWord {
		next = upper(toks[i+1].Text)
	}
	what := kw
	if next != "" {
		what += " " + next
	}
	switch {
	case adminFirst[kw] && start:
		return &Refusal{what, whyAdmin}
	case adminFirst[kw] && !startOnlyKWs[kw] && nextWord && !followsExpression[next]:
		return &Refusal{what, whyAdmin}
	case adminPairs[kw][next]:
		return &Refusal{what, whyAdmin}
	case kw == "CREATE" && createAdmin[next]:
		return &Refusal{what, whyAdmin}
	}
	return nil
}

// calls returns the qualified names of the procedures and functions the
// statement calls (lower case, parts joined by dots): a name of two or
// more parts followed by ( or following CALL.
func calls(toks []Token) []string {
	var out []string
	for i := 0; i < len(toks); i++ {
		if !isName(toks, i) || isPunct(toks, i-1, ".") || isPunct(toks, i-1, "$") {
			continue
		}
		var parts []string
		j := i
		for {
			parts = append(parts, strings.Split(toks[j].Text, ".")...)
			if isPunct(toks, j+1, ".") && isName(toks, j+2) {
				j += 2
				continue
			}
			break
		}
		afterCall := isKW(toks, i-1, "CALL")
		if len(parts) >= 2 && (afterCall || isPunct(toks, j+1, "(")) {
			out = append(out, strings.ToLower(strings.Join(parts, ".")))
		}
		i = j
	}
	return out
}

func isName(toks []Token, i int) bool {
	return i >= 0 && i < len(toks) && (toks[i].Kind == Word || toks[i].Kind == Quoted)
}

// dbAllowed are the db.* procedures and functions a read-only statement may
// call.
var dbAllowed = set("db.labels", "db.relationshiptypes", "db.propertykeys", "db.info", "db.ping",
	"db.awaitindex", "db.awaitindexes", "db.namefromelementid",
	"db.schema.visualization", "db.schema.nodetypeproperties", "db.schema.reltypeproperties",
	"db.index.fulltext.querynodes", "db.index.fulltext.queryrelationships", "db.index.fulltext.listavailableanalyzers",
	"db.index.vector.querynodes", "db.index.vector.queryrelationships")

// outsideParts are name parts of procedures and functions that reach
// outside the database or run Cypher given as text (apoc.load.json,
// apoc.export.csv.all, apoc.periodic.iterate, apoc.do.when, gds...export).
var outsideParts = set("load", "import", "export", "periodic", "trigger", "custom", "bolt", "systemdb",
	"config", "log", "metrics", "static", "uuid", "ttl", "mongo", "mongodb", "es", "couchbase", "redis",
	"jdbc", "dv", "ml", "nlp", "openai", "vertexai", "bedrock", "warmup", "do", "when", "case", "geocode",
	"reversegeocode", "runfile", "runfiles", "s3", "hdfs", "gephi", "write", "stream", "assert")

// callRefusal says why a call is refused ("" when it is allowed).
func callRefusal(name string) string {
	parts := strings.Split(name, ".")
	switch {
	case parts[0] == "dbms":
		return whyDBMS
	case parts[0] == "db":
		if dbAllowed[name] {
			return ""
		}
		return whyDB
	case strings.Contains(name, "cypher"):
		return whyOutside
	}
	for _, p := range parts[1:] {
		if outsideParts[p] {
			return whyOutside
		}
	}
	return ""
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
