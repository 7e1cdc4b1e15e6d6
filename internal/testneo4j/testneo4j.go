// Package testneo4j connects integration tests to a real Neo4j.
//
// The server is named by KG_TEST_NEO4J_URI (user KG_TEST_NEO4J_USER,
// default neo4j; password KG_TEST_NEO4J_PASSWORD, default kgpassword).
// `make test` starts a dedicated local instance and sets the variable. When
// no server answers, tests skip, except under CI=true, where they fail:
// CI must never pass by skipping.
//
// The tests wipe the database they are given.
package testneo4j

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/schema"
)

// Config returns the test server's settings and whether one is configured.
func Config() (graph.Config, bool) {
	uri := os.Getenv("KG_TEST_NEO4J_URI")
	c := graph.Config{URI: uri, User: env("KG_TEST_NEO4J_USER", "neo4j"), Password: env("KG_TEST_NEO4J_PASSWORD", "kgpassword"), RetryTimeout: 60 * time.Second}
	return c, uri != ""
}

func env(k, d string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return d
}

// Skip skips (or, under CI=true, fails) the test when no Neo4j is
// configured or reachable.
func unavailable(t testing.TB, why string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("CI=true but Neo4j is not available for integration tests: %s", why)
	}
	t.Skipf("no Neo4j for integration tests (%s); `make test` starts one", why)
}

// Open connects to the test server, wipes it and applies kg's schema.
func Open(t testing.TB) *graph.Client {
	t.Helper()
	c := Connect(t)
	Wipe(t, c)
	migs, err := graph.ReadMigrations(schema.Files)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.ApplySchema(context.Background(), migs); err != nil {
		t.Fatal(err)
	}
	return c
}

// Connect connects to the test server without touching its data. The
// test holds the server for itself until it ends: test binaries of several
// packages run at once, and each wipes the database.
func Connect(t testing.TB) *graph.Client {
	t.Helper()
	if testing.Short() {
		t.Skip("integration test skipped in -short mode")
	}
	cfg, ok := Config()
	if !ok {
		unavailable(t, "KG_TEST_NEO4J_URI is not set")
	}
	lock(t, cfg.URI)
	ctx := context.Background()
	c, err := graph.Open(ctx, cfg)
	if err != nil {
		unavailable(t, err.Error())
	}
	t.Cleanup(func() { c.Close(ctx) })
	return c
}

// Ctl returns the command that stops and starts the test server
// (KG_TEST_NEO4J_CTL: it takes stop, start or import DIR; make test sets it
// for its own instance), for tests that restart it. The test is skipped in
// -short mode, or when the variable is unset (why says what it needs the
// command for), except under CI=true, where it fails.
func Ctl(t testing.TB, why string) string {
	t.Helper()
	if testing.Short() {
		t.Skip("integration test skipped in -short mode")
	}
	ctl := os.Getenv("KG_TEST_NEO4J_CTL")
	if ctl == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("CI=true but KG_TEST_NEO4J_CTL is not set")
		}
		t.Skip("KG_TEST_NEO4J_CTL not set" + why)
	}
	return ctl
}

// Wipe deletes every node and relationship (the schema stays).
func Wipe(t testing.TB, c *graph.Client) {
	t.Helper()
	if _, err := c.Query(context.Background(), "MATCH (n) DETACH DELETE n", nil, false); err != nil {
		t.Fatal(err)
	}
}

// Dump returns a canonical text form of the whole graph, without internal
// ids, timestamps or the instance id: equal dumps mean equal graphs.
func Dump(t testing.TB, c *graph.Client) string {
	t.Helper()
	return dump(t, c, canon)
}

// DumpTyped is Dump with the type of every property value written out (an
// integer and a float, a list of integers and of strings, differ): for
// graphs built by different writers, such as kg push and a bulk import.
func DumpTyped(t testing.TB, c *graph.Client) string {
	t.Helper()
	return dump(t, c, typedProps)
}

// dump is Dump with props as the text of a property map.
func dump(t testing.TB, c *graph.Client, props func(map[string]any) string) string {
	t.Helper()
	ctx := context.Background()
	nodes, err := c.Query(ctx, `MATCH (n) WHERE NOT n:KgMeta AND NOT n:KgMigration
RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props`, nil, true)
	if err != nil {
		t.Fatal(err)
	}
	name := map[string]string{}
	var lines []string
	for _, r := range nodes.Rows {
		id := r[0].(string)
		p := r[2].(map[string]any)
		labels := toStrings(r[1])
		sort.Strings(labels)
		key := fmt.Sprint(p["key"], p["id"])
		name[id] = strings.Join(labels, ":") + "/" + key
		lines = append(lines, "N "+name[id]+" "+props(p))
	}
	rels, err := c.Query(ctx, `MATCH (a)-[r]->(b) RETURN elementId(a), type(r), elementId(b), properties(r)`, nil, true)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rels.Rows {
		a, b := name[r[0].(string)], name[r[2].(string)]
		if a == "" || b == "" {
			continue
		}
		lines = append(lines, "R "+a+" -"+r[1].(string)+"-> "+b+" "+props(r[3].(map[string]any)))
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// DumpDiff lists the lines only one of two dumps has, "- " for want's and
// "+ " for got's, at most max of them.
func DumpDiff(want, got string, max int) string {
	w, g := map[string]bool{}, map[string]bool{}
	for _, l := range strings.Split(want, "\n") {
		w[l] = true
	}
	for _, l := range strings.Split(got, "\n") {
		g[l] = true
	}
	var out []string
	for _, l := range strings.Split(want, "\n") {
		if !g[l] {
			out = append(out, "- "+l)
		}
	}
	for _, l := range strings.Split(got, "\n") {
		if !w[l] {
			out = append(out, "+ "+l)
		}
	}
	if len(out) > max {
		out = append(out[:max], fmt.Sprintf("... %d more", len(out)-max))
	}
	return strings.Join(out, "\n")
}

func toStrings(v any) []string {
	var out []string
	for _, x := range v.([]any) {
		out = append(out, x.(string))
	}
	return out
}

func canon(m map[string]any) string {
	b, _ := json.Marshal(m) // encoding/json sorts map keys
	return string(b)
}

// typedProps writes a property map with each value's Go type.
func typedProps(m map[string]any) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, " %s=%s", k, typedValue(m[k]))
	}
	return b.String()
}

func typedValue(v any) string {
	if l, ok := v.([]any); ok {
		parts := make([]string, len(l))
		for i, x := range l {
			parts[i] = typedValue(x)
		}
		return "[" + strings.Join(parts, ",") + "]"
	}
	return fmt.Sprintf("%T(%q)", v, fmt.Sprint(v))
}

var (
	lockMu    sync.Mutex
	lockCount int
	lockFile  *os.File
)

// lock takes an exclusive, cross-process lock on the test server for the
// rest of the test (re-entrant within this process).
func lock(t testing.TB, uri string) {
	t.Helper()
	lockMu.Lock()
	defer lockMu.Unlock()
	if lockCount == 0 {
		sum := sha256.Sum256([]byte(uri))
		path := filepath.Join(os.TempDir(), "kg-testneo4j-"+hex.EncodeToString(sum[:6])+".lock")
		f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o666)
		if err != nil {
			t.Fatal(err)
		}
		if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
			t.Fatal(err)
		}
		lockFile = f
	}
	lockCount++
	t.Cleanup(func() {
		lockMu.Lock()
		defer lockMu.Unlock()
		lockCount--
		if lockCount == 0 {
			syscall.Flock(int(lockFile.Fd()), syscall.LOCK_UN)
			lockFile.Close()
		}
	})
}
