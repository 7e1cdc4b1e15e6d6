package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"

	"github.com/kg-project/kg/internal/testneo4j"
	"github.com/kg-project/kg/queries/querytest"
)

// runRoot runs kg in process with args, outside the repository (no
// config.yaml), and returns stdout, stderr and the error.
func runRoot(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	t.Chdir(t.TempDir())
	t.Setenv("KG_CONFIG", "")
	var out, errb bytes.Buffer
	g := &globalOptions{stdout: &out, stderr: &errb}
	root := newRootCommand(g)
	root.SetArgs(args)
	err := root.ExecuteContext(context.Background())
	return out.String(), errb.String(), err
}

// TestConfigWarningsOnStderr: a misspelt key in the config file is named
// on stderr with the key kg knows; a bad KG_* value names the variable.
func TestConfigWarningsOnStderr(t *testing.T) {
	cfg := filepath.Join(t.TempDir(), "kg.yaml")
	if err := os.WriteFile(cfg, []byte("load:\n  batchsize: 10\n  wokers: 3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, err := runRoot(t, "browser", "--config", cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"kg: warning: " + cfg + `:2: unknown key "load.batchsize" is ignored (did you mean "load.batch_size"?)`,
		"kg: warning: " + cfg + `:3: unknown key "load.wokers" is ignored (did you mean "load.workers"?)`,
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	_, stderr, _ = runRoot(t, "--json", "browser", "--config", cfg)
	if !strings.Contains(stderr, `{"warning":"`+cfg+`:2: unknown key`) {
		t.Errorf("--json warning: %s", stderr)
	}

	t.Setenv("KG_LOAD_BATCH_SIZE", "abc")
	_, _, err = runRoot(t, "status")
	if err == nil || !strings.Contains(err.Error(), `load.batch_size: "abc" (from $KG_LOAD_BATCH_SIZE) is not a whole number`) {
		t.Errorf("KG_LOAD_BATCH_SIZE=abc: %v", err)
	}
}

// TestURIPasswordRedacted: kg doctor and kg browser print the URI without
// the password written in it, whether Neo4j answers or not.
func TestURIPasswordRedacted(t *testing.T) {
	uri := "bolt://neo4j:Sup3rSecret@127.0.0.1:1"
	out, stderr, err := runRoot(t, "doctor", "--neo4j-uri", uri, "--retry-timeout", "1s")
	if err == nil || !strings.Contains(out, "bolt://neo4j:xxxxx@127.0.0.1:1") {
		t.Errorf("doctor: %v\n%s", err, out)
	}
	out, _, err = runRoot(t, "browser", "--neo4j-uri", uri)
	if err != nil || !strings.Contains(out, "Connect URL:    bolt://neo4j:xxxxx@127.0.0.1:1") {
		t.Errorf("browser: %v\n%s", err, out)
	}
	_, _, err = runRoot(t, "browser", "--neo4j-uri", "neo4j:Sup3rSecret@127.0.0.1:1")
	if err == nil || strings.Contains(err.Error(), "Sup3rSecret") {
		t.Errorf("browser, bad URI: %v", err)
	}
	if strings.Contains(out+stderr, "Sup3rSecret") {
		t.Errorf("password shown:\n%s\n%s", out, stderr)
	}

	// On the real server: connected, with the password from a file.
	testneo4j.Connect(t)
	cfg, _ := testneo4j.Config()
	pw := filepath.Join(t.TempDir(), "pw")
	if err := os.WriteFile(pw, []byte(cfg.Password+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("KG_NEO4J_PASSWORD", "wrong-password")
	uri = strings.Replace(cfg.URI, "://", "://neo4j:Sup3rSecret@", 1)
	out, stderr, err = runRoot(t, "doctor", "--neo4j-uri", uri, "--neo4j-user", cfg.User, "--neo4j-password-file", pw)
	if !strings.Contains(out, "[ok  ] neo4j      connected to "+redactedURI(cfg.URI)) || !strings.Contains(out, "password from "+pw) || strings.Contains(out+stderr, "Sup3rSecret") {
		t.Errorf("doctor with a password file: %v\n%s\n%s", err, out, stderr)
	}
}

func redactedURI(uri string) string { return strings.Replace(uri, "://", "://neo4j:xxxxx@", 1) }

// TestToOutputFailure: an export that fails half-way leaves the file that
// was there, and no temporary file.
func TestToOutputFailure(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "kg.graphml")
	os.WriteFile(p, []byte("previous export"), 0o644)
	err := toOutput(p, io.Discard, func(w io.Writer) error {
		io.WriteString(w, "<graphml>half")
		return errors.New("connection lost")
	})
	if err == nil || !strings.Contains(err.Error(), "export to "+p+": connection lost") {
		t.Errorf("err %v", err)
	}
	if b, _ := os.ReadFile(p); string(b) != "previous export" {
		t.Errorf("half file: %q", b)
	}
	if m, _ := filepath.Glob(filepath.Join(dir, ".*")); len(m) > 0 {
		t.Errorf("left %v", m)
	}
	var out bytes.Buffer
	if err := toOutput("-", &out, func(w io.Writer) error { _, err := io.WriteString(w, "x"); return err }); err != nil || out.String() != "x" {
		t.Errorf("--out -: %v %q", err, out.String())
	}
}

// TestExportOutSafety runs kg export on the real test Neo4j: --out never
// replaces a device, FIFO or symlink, never creates missing directories,
// and - means stdout.
func TestExportOutSafety(t *testing.T) {
	c := testneo4j.Open(t)
	ctx := context.Background()
	if err := querytest.Load(ctx, c); err != nil {
		t.Fatal(err)
	}
	cfg := testConfig(t)
	run := func(o exportOptions) (string, error) {
		o.cfg = cfg
		var out bytes.Buffer
		err := runExport(ctx, o, &out, io.Discard)
		return out.String(), err
	}
	dir := t.TempDir()
	// As root, a private copy of /dev/full: a regression must not destroy
	// the real one. Others cannot replace /dev/null.
	dev := "/dev/null"
	if os.Geteuid() == 0 {
		dev = filepath.Join(dir, "full")
		if err := syscall.Mknod(dev, syscall.S_IFCHR|0o666, 1<<8|7); err != nil {
			t.Fatal(err)
		}
	}
	fifo := filepath.Join(dir, "fifo")
	syscall.Mkfifo(fifo, 0o644)
	link := filepath.Join(dir, "stdout")
	os.Symlink("/proc/self/fd/1", link)
	for _, tc := range []struct {
		o    exportOptions
		want string
	}{
		{exportOptions{format: "graphml", out: dev}, "--out: " + dev + " is a character device, not a regular file; not replacing it"},
		{exportOptions{format: "jsonl", out: fifo}, "--out: " + fifo + " is a FIFO, not a regular file"},
		{exportOptions{format: "graphml", out: link}, "--out: " + link + " is a symbolic link, not a regular file"},
		{exportOptions{format: "csv", query: "timeline", out: link}, "is a symbolic link"},
		{exportOptions{format: "graphml", out: filepath.Join(dir, "missing", "kg.graphml")}, "--out: " + filepath.Join(dir, "missing") + ": directory does not exist"},
		{exportOptions{format: "csv", out: filepath.Join(dir, "missing", "csv")}, "--out: " + filepath.Join(dir, "missing") + ": directory does not exist"},
		{exportOptions{format: "csv", out: "-"}, "give the directory with --out DIR"},
		{exportOptions{format: "csv", out: dev}, dev + " is not a directory"},
	} {
		if _, err := run(tc.o); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: %v, want %q", tc.o, err, tc.want)
		}
	}
	if fi, err := os.Lstat(dev); err != nil || fi.Mode()&fs.ModeCharDevice == 0 {
		t.Errorf("%s is no longer a device: %v", dev, fi.Mode())
	}
	if fi, _ := os.Lstat(fifo); fi.Mode()&fs.ModeNamedPipe == 0 {
		t.Error("FIFO replaced")
	}
	if fi, _ := os.Lstat(link); fi.Mode()&fs.ModeSymlink == 0 {
		t.Error("symlink replaced")
	}
	if _, err := os.Stat(filepath.Join(dir, "missing")); !errors.Is(err, fs.ErrNotExist) {
		t.Error("missing directory created")
	}

	out, err := run(exportOptions{format: "jsonl", out: "-", pageSize: 2})
	if err != nil || strings.Count(out, "\n") != 6+9 || !strings.HasPrefix(out, `{"kind":"node"`) {
		t.Errorf("--out -: %v\n%s", err, out)
	}
	p := filepath.Join(dir, "kg.graphml")
	os.WriteFile(p, []byte("old"), 0o600)
	if _, err := run(exportOptions{format: "graphml", out: p}); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(p); !strings.HasPrefix(string(b), "<?xml") {
		t.Errorf("regular file not replaced: %.20q", b)
	}
}

// TestCSVInjectionOnNeo4j: kg query --csv and kg export --format csv, on
// the real test Neo4j, quote cells a spreadsheet would run as formulas.
func TestCSVInjectionOnNeo4j(t *testing.T) {
	c := testneo4j.Open(t)
	ctx := context.Background()
	if err := querytest.Load(ctx, c); err != nil {
		t.Fatal(err)
	}
	cfg := testConfig(t)
	var out bytes.Buffer
	err := runQuery(ctx, queryOptions{cfg: cfg, csv: true, cypher: `RETURN '=1+1' AS f, -3 AS n, '@SUM(A1)' AS a, '-2+3' AS m, '\tx' AS t, 'ok' AS ok, 1.5 AS x`}, &out, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if want := "f,n,a,m,t,ok,x\n'=1+1,-3,'@SUM(A1),'-2+3,'\tx,ok,1.5\n"; out.String() != want {
		t.Errorf("query --csv:\n%q\nwant\n%q", out.String(), want)
	}

	hostile := `=HYPERLINK("http://evil.example/","x")`
	if _, err := c.Query(ctx, "MATCH (e:Entity {key: $k}) SET e.name = $n", map[string]any{"k": querytest.Putin, "n": hostile}, false); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "csv")
	if err := runExport(ctx, exportOptions{cfg: cfg, format: "csv", out: dir}, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	f, _ := os.Open(filepath.Join(dir, "nodes.csv"))
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range rows {
		if r[0] == querytest.Putin {
			found = r[1] == "'"+hostile
		}
		for _, cell := range r {
			if cell != "" && strings.ContainsRune("=+@\t\r", rune(cell[0])) {
				t.Errorf("unescaped cell %q", cell)
			}
		}
	}
	if !found {
		t.Errorf("Putin's label not escaped: %v", rows)
	}
	out.Reset()
	if err := runExport(ctx, exportOptions{cfg: cfg, format: "csv", query: "timeline", params: []string{"name=Putin"}}, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), ",'"+strings.ReplaceAll(hostile, `"`, `""`)) && !strings.Contains(out.String(), `"'`+strings.ReplaceAll(hostile, `"`, `""`)+`"`) {
		t.Errorf("export --query csv:\n%s", out.String())
	}
}

// TestQueryGuardBeforeConnecting: without --write, kg query -e refuses
// LOAD CSV, administration commands and procedures that reach outside,
// before connecting (no configuration is even needed), saying that
// --write allows it.
func TestQueryGuardBeforeConnecting(t *testing.T) {
	for _, q := range []string{
		"LOAD CSV FROM 'http://127.0.0.1:9/x.csv' AS r RETURN r",
		"LOAD/**/CSV FROM 'http://127.0.0.1:9/x.csv' AS r RETURN r",
		"TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
		"SHOW TRANSACTIONS",
		"CREATE USER mallory SET PASSWORD 'password123'",
		"CALL dbms.listConfig()",
		"CALL apoc.load.json('http://127.0.0.1:9/x')",
		"RETURN apoc.cypher.runFirstColumnSingle('RETURN 1', {})",
	} {
		err := runQuery(context.Background(), queryOptions{cypher: q}, io.Discard, io.Discard)
		if err == nil || !strings.Contains(err.Error(), "--write allows it") || !strings.HasPrefix(err.Error(), "-e: refused: ") {
			t.Errorf("%q: %v", q, err)
		}
	}
}

// TestQueryGuardOnNeo4j: on the real test Neo4j, LOAD CSV without --write
// is refused and the server never fetches the URL; with --write it does.
// SHOW TRANSACTIONS likewise; a string that only mentions LOAD CSV runs.
func TestQueryGuardOnNeo4j(t *testing.T) {
	testneo4j.Connect(t)
	cfg := testConfig(t)
	ctx := context.Background()
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		io.WriteString(w, "a,b\n1,2\n")
	}))
	defer srv.Close()
	load := "LOAD CSV FROM '" + srv.URL + "/x.csv' AS r RETURN r"
	query := func(o queryOptions) (string, error) {
		o.cfg = cfg
		var out bytes.Buffer
		err := runQuery(ctx, o, &out, io.Discard)
		return out.String(), err
	}
	if _, err := query(queryOptions{cypher: load}); err == nil || !strings.Contains(err.Error(), "LOAD CSV makes the server read a file or fetch a URL") {
		t.Errorf("LOAD CSV without --write: %v", err)
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("the server fetched the URL %d times without --write", n)
	}
	out, err := query(queryOptions{cypher: load, write: true, csv: true})
	if err != nil || !strings.Contains(out, "a | b") || hits.Load() == 0 {
		t.Errorf("LOAD CSV with --write: %v %q, %d hits", err, out, hits.Load())
	}

	if _, err := query(queryOptions{cypher: "SHOW TRANSACTIONS YIELD transactionId"}); err == nil || !strings.Contains(err.Error(), "SHOW TRANSACTIONS is an administration command") {
		t.Errorf("SHOW TRANSACTIONS without --write: %v", err)
	}
	if out, err := query(queryOptions{cypher: "SHOW TRANSACTIONS YIELD transactionId", write: true, json: true}); err != nil || !strings.Contains(out, "transactionId") {
		t.Errorf("SHOW TRANSACTIONS with --write: %v %s", err, out)
	}
	if out, err := query(queryOptions{cypher: "RETURN 'LOAD CSV FROM x' AS s // TERMINATE TRANSACTIONS", csv: true}); err != nil || out != "s\nLOAD CSV FROM x\n" {
		t.Errorf("LOAD CSV in a string: %v %q", err, out)
	}
}

// TestReadOnlyProtectionsKept: on the real test Neo4j, the protections
// that were there before the Cypher check still hold: without --write,
// writing statements fail in the read transaction (the error says --write),
// and hostile parameter values stay data. The graph is unchanged after.
func TestReadOnlyProtectionsKept(t *testing.T) {
	c := testneo4j.Open(t)
	ctx := context.Background()
	if err := querytest.Load(ctx, c); err != nil {
		t.Fatal(err)
	}
	cfg := testConfig(t)
	before := testneo4j.Dump(t, c)
	for _, q := range []string{
		"CREATE (:Scratch)",
		"MERGE (n:Scratch {k: 1}) RETURN n",
		"MATCH (n:Entity) SET n.name = 'x'",
		"MATCH (n:Entity) SET n += {name: 'x'}",
		"MATCH (n:Entity) SET n:Hacked",
		"MATCH (n:Entity) REMOVE n.name",
		"MATCH (n:Entity) REMOVE n:Entity",
		"MATCH (n) DETACH DELETE n",
		"MATCH ()-[r]->() DELETE r",
		"MATCH (a:Entity), (b:Entity) CREATE (a)-[:HACKED]->(b)",
		"UNWIND range(1, 3) AS i CREATE (:Scratch {i: i})",
		"MATCH (n:Entity) FOREACH (x IN [1] | SET n.x = x)",
		"CALL { CREATE (:Scratch) } RETURN 1",
		"MATCH (n:Entity) CALL (n) { SET n.y = 1 } RETURN n",
		"CREATE p = (:Scratch)-[:R]->(:Scratch) RETURN p",
		"MATCH (n:Entity) WITH n LIMIT 1 DETACH DELETE n",
		"OPTIONAL MATCH (n:Nope) MERGE (:Scratch)",
		"CALL apoc.create.node(['Scratch'], {}) YIELD node RETURN node",
		"CALL apoc.refactor.rename.label('Entity', 'Hacked')",
		"MATCH (n:Entity) CALL apoc.create.setProperty(n, 'name', 'x') YIELD node RETURN node",
		"RETURN 1 AS x UNION CREATE (:Scratch) RETURN 2 AS x",
		"CREATE INDEX hacked FOR (n:Entity) ON (n.hacked)",
	} {
		err := runQuery(ctx, queryOptions{cfg: cfg, cypher: q}, io.Discard, io.Discard)
		if err == nil || !strings.Contains(err.Error(), "--write") {
			t.Errorf("%q: %v", q, err)
		}
	}
	for _, v := range []string{
		"' OR 1=1 //", `"}) MATCH (n) DETACH DELETE n //`, "x') DETACH DELETE n //", "$name", "{name}",
		"\\' RETURN 1 //", "`Entity`", "LOAD CSV FROM 'http://127.0.0.1:9/x' AS r RETURN r", "*/ MATCH (n) DELETE n /*",
		"\x00", "بوتين'; DROP", strings.Repeat("A", 10000),
	} {
		for _, p := range []string{"name=" + v, "q:string=" + v} {
			o := queryOptions{cfg: cfg, name: "ego_network", params: []string{p}}
			if strings.HasPrefix(p, "q:") {
				o = queryOptions{cfg: cfg, cypher: "RETURN $q AS q", params: []string{p}, json: true}
			}
			var out bytes.Buffer
			if err := runQuery(ctx, o, &out, io.Discard); err != nil {
				t.Errorf("%s: %v", p, err)
			}
			if o.cypher != "" && !strings.Contains(out.String(), `"q":`) {
				t.Errorf("%s: %s", p, out.String())
			}
		}
	}
	if after := testneo4j.Dump(t, c); after != before {
		t.Errorf("the graph changed")
	}
}
