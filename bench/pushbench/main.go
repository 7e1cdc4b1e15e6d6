// Command pushbench times `kg push` against a plain UNWIND ... MERGE
// baseline writing the same rows, in the same run, on the same Neo4j
// (issue 15: kg push within 2x of the plain script).
//
//	go run ./bench/pushbench -stage DIR -kg bin/kg -uri bolt://127.0.0.1:7692 [-rounds N] [-out FILE]
//
// DIR is a staging folder filled by `kg load --stage-only`. Each round
// times two writers, each into a database emptied first (it must be a
// scratch database: everything in it is deleted); odd rounds start with
// kg, even rounds with the baseline:
//
//   - `kg push` (a subprocess, with KG_STAGE_DIR=DIR), which applies kg's
//     schema and writes every staged article;
//   - the baseline: the same schema (constraints and indexes), then, in
//     batches of -batch rows per transaction, one statement per kind: the
//     articles, the entities, the MENTIONED_IN edges and one typed edge per
//     relation triple (with its count), with the same cross-article
//     resolution applied. No evidence nodes, no aggregates: the floor of
//     what any writer of these rows must do.
//
// It prints both wall times and their ratio, articles/s and relations/s,
// the CPU time of each writer and, with -server-pid, of the Neo4j server
// during each (on a shared machine the CPU ratio moves less than the wall
// ratio), the node and edge counts of both graphs, and appends the table
// to -out (markdown). bench/push.sh builds everything and is what
// `make bench-push` runs.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/kg-project/kg/bench/internal/host"
	"github.com/kg-project/kg/internal/extract"
	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/loader"
	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/resolve"
	"github.com/kg-project/kg/internal/stage"
	"github.com/kg-project/kg/schema"
)

type options struct {
	stage, kg, uri, user, password string
	rounds, batch, serverPID       int
	out, note, jsonOut             string
	kgArgs                         []string
}

func main() {
	var o options
	var kgArgs string
	flag.StringVar(&o.stage, "stage", "", "staging folder filled by kg load --stage-only (required)")
	flag.StringVar(&o.kg, "kg", "bin/kg", "kg binary")
	flag.StringVar(&o.uri, "uri", os.Getenv("KG_BENCH_NEO4J_URI"), "scratch Neo4j, wiped by every round (default: $KG_BENCH_NEO4J_URI)")
	flag.StringVar(&o.user, "user", "neo4j", "Neo4j user")
	flag.StringVar(&o.password, "password", host.EnvOr("KG_NEO4J_PASSWORD", "kgpassword"), "Neo4j password (default: $KG_NEO4J_PASSWORD or kgpassword)")
	flag.IntVar(&o.rounds, "rounds", 1, "rounds of (kg push, baseline)")
	flag.IntVar(&o.batch, "batch", 5000, "rows per baseline transaction")
	flag.StringVar(&o.out, "out", "", "append the results to this markdown file")
	flag.StringVar(&o.jsonOut, "json", "", "write the last round's figures to this file as JSON (for make bench)")
	flag.StringVar(&o.note, "note", "", "a line of text to put in the results")
	flag.IntVar(&o.serverPID, "server-pid", 0, "pid of the (local) Neo4j server: its CPU time per phase is measured too")
	flag.StringVar(&kgArgs, "kg-args", "", "extra arguments for kg push, space-separated (e.g. --batch-size 500)")
	flag.Parse()
	o.kgArgs = strings.Fields(kgArgs)
	if o.stage == "" || o.uri == "" {
		fmt.Fprintln(os.Stderr, "pushbench: -stage and -uri (or $KG_BENCH_NEO4J_URI) are required")
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := runBench(ctx, o, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "pushbench:", err)
		os.Exit(1)
	}
}

// rowCounts are the rows both writers write.
type rowCounts struct {
	Articles, Mentions, Relations int
}

type timing struct {
	kg, base             time.Duration
	kgCPU, baseCPU       time.Duration // the writer's own CPU time
	kgSrv, baseSrv       time.Duration // the Neo4j server's CPU time (-server-pid)
	kgNodes, kgRels      int64
	baseNodes, baseRels  int64
	kgBatches, kgWritten int
	kgFirst              bool
}

// ratio is kg's wall time over the baseline's.
func (t timing) ratio() float64 { return t.kg.Seconds() / t.base.Seconds() }

// cpuRatio is kg's CPU time (its own and the server's) over the
// baseline's: steadier than wall time on a shared machine.
func (t timing) cpuRatio() float64 {
	return (t.kgCPU + t.kgSrv).Seconds() / (t.baseCPU + t.baseSrv).Seconds()
}

func runBench(ctx context.Context, o options, out io.Writer) error {
	version := extract.NewPipeline().Version()
	rows, err := prepareStage(ctx, o.stage, version)
	if err != nil {
		return err
	}
	c, err := graph.Open(ctx, graph.Config{URI: o.uri, User: o.user, Password: o.password, RetryTimeout: time.Minute})
	if err != nil {
		return err
	}
	defer c.Close(ctx)
	agent, _ := c.ServerVersion(ctx)
	fmt.Fprintf(out, "pushbench: %d articles, %d mentions, %d relations staged (extractor %s); %s\n", rows.Articles, rows.Mentions, rows.Relations, version, agent)
	var ts []timing
	for r := 1; r <= o.rounds; r++ {
		// Odd rounds run kg first, even rounds the baseline first, so
		// that a warmer server or a change of load does not always favour
		// the same side.
		t := timing{kgFirst: r%2 == 1}
		for _, kgTurn := range []bool{t.kgFirst, !t.kgFirst} {
			if kgTurn {
				err = timeKG(ctx, c, o, &t)
			} else {
				err = timeBaseline(ctx, c, o, version, &t)
			}
			if err != nil {
				return err
			}
		}
		fmt.Fprintf(out, "round %d: kg push %.1f s (CPU: kg %.1f s, neo4j %.1f s), %d articles in %d batches, %d nodes, %d edges\n",
			r, t.kg.Seconds(), t.kgCPU.Seconds(), t.kgSrv.Seconds(), t.kgWritten, t.kgBatches, t.kgNodes, t.kgRels)
		fmt.Fprintf(out, "round %d: plain UNWIND %.1f s (CPU: writer %.1f s, neo4j %.1f s), %d nodes, %d edges; ratio %.2f (CPU %.2f)\n",
			r, t.base.Seconds(), t.baseCPU.Seconds(), t.baseSrv.Seconds(), t.baseNodes, t.baseRels, t.ratio(), t.cpuRatio())
		ts = append(ts, t)
	}
	table := report(o, rows, version, agent, ts)
	fmt.Fprint(out, "\n"+table)
	if o.jsonOut != "" && len(ts) > 0 {
		t := ts[len(ts)-1]
		b, _ := json.Marshal(map[string]float64{
			"KGSeconds": t.kg.Seconds(), "ArticlesPerSec": float64(rows.Articles) / t.kg.Seconds(),
			"RelationsPerSec": float64(rows.Relations) / t.kg.Seconds(), "PlainSeconds": t.base.Seconds(),
			"Ratio": t.ratio(), "CPURatio": t.cpuRatio(),
		})
		if err := os.WriteFile(o.jsonOut, b, 0o644); err != nil {
			return err
		}
	}
	if o.out != "" {
		f, err := os.OpenFile(o.out, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		if err != nil {
			return err
		}
		defer f.Close()
		if _, err := f.WriteString(table + "\n"); err != nil {
			return err
		}
	}
	return nil
}

// timeKG empties the database and times kg push into it.
func timeKG(ctx context.Context, c *graph.Client, o options, t *timing) error {
	if err := wipe(ctx, c); err != nil {
		return err
	}
	srv0 := serverCPU(o.serverPID)
	start := time.Now()
	ps, cpu, err := runKGPush(ctx, o)
	if err != nil {
		return err
	}
	t.kg, t.kgCPU, t.kgSrv = time.Since(start), cpu, serverCPU(o.serverPID)-srv0
	t.kgBatches, t.kgWritten = ps.Batches, ps.Articles
	t.kgNodes, t.kgRels, err = c.Counts(ctx)
	return err
}

// timeBaseline empties the database, applies kg's schema and times the
// plain script (schema included, as kg push applies it too).
func timeBaseline(ctx context.Context, c *graph.Client, o options, version string, t *timing) error {
	if err := wipe(ctx, c); err != nil {
		return err
	}
	migs, err := graph.ReadMigrations(schema.Files)
	if err != nil {
		return err
	}
	srv0, cpu0 := serverCPU(o.serverPID), ownCPU()
	start := time.Now()
	if _, err := c.ApplySchema(ctx, migs); err != nil {
		return err
	}
	if err := baseline(ctx, c, o, version); err != nil {
		return fmt.Errorf("baseline: %w", err)
	}
	t.base, t.baseCPU, t.baseSrv = time.Since(start), ownCPU()-cpu0, serverCPU(o.serverPID)-srv0
	t.baseNodes, t.baseRels, err = c.Counts(ctx)
	return err
}

// serverCPU is the CPU time (user + system) process pid has used so far,
// from /proc; 0 when pid is 0 or unreadable.
func serverCPU(pid int) time.Duration {
	if pid == 0 {
		return 0
	}
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	// The command name (field 2) may hold spaces; fields after ")".
	f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+1:]))
	if len(f) < 13 {
		return 0
	}
	var ut, st int64
	fmt.Sscan(f[11], &ut)
	fmt.Sscan(f[12], &st)
	return time.Duration(ut+st) * time.Second / clockTicks
}

// clockTicks is USER_HZ, 100 on Linux.
const clockTicks = 100

// ownCPU is this process's CPU time so far.
func ownCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// prepareStage brings the stored entity resolution up to date (as kg push
// would, so that its own Resolve finds nothing to do and both writers see
// the same keys) and counts the rows.
func prepareStage(ctx context.Context, dir, version string) (rowCounts, error) {
	var rc rowCounts
	st, err := stage.Open(dir)
	if err != nil {
		return rc, err
	}
	defer st.Close()
	if _, err := loader.Resolve(ctx, st, loader.ResolveOptions{Version: version}); err != nil {
		return rc, err
	}
	err = forEachItem(ctx, st, version, func(it graph.Item) error {
		rc.Articles++
		rc.Mentions += len(it.Extraction.Entities)
		rc.Relations += len(it.Extraction.Relations)
		return nil
	})
	return rc, err
}

// forEachItem calls fn for every staged article with an extraction of
// version, resolution applied, as loader.Push builds its items.
func forEachItem(ctx context.Context, st *stage.Store, version string, fn func(graph.Item) error) error {
	resolution, err := st.ResolutionMap()
	if err != nil {
		return err
	}
	_, err = st.ForEachSummary(version, func(s stage.SummaryRef) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		rec, err := st.Article(s.ID)
		if err != nil {
			return err
		}
		x, err := st.Extraction(s.Ref)
		if err != nil {
			return err
		}
		a := rec.Article
		a.Text = ""
		x, from := resolve.Apply(x, resolution)
		return fn(graph.Item{Article: a, ContentHash: s.Ref.Hash, Extractor: s.Ref.Version, Extraction: x, MergedFrom: from})
	})
	return err
}

func runKGPush(ctx context.Context, o options) (loader.PushStats, time.Duration, error) {
	var ps loader.PushStats
	args := append([]string{"push", "-q", "--json"}, o.kgArgs...)
	cmd := exec.CommandContext(ctx, o.kg, args...)
	cmd.Env = append(os.Environ(), "KG_STAGE_DIR="+o.stage, "KG_NEO4J_URI="+o.uri, "KG_NEO4J_USER="+o.user, "KG_NEO4J_PASSWORD="+o.password)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return ps, 0, fmt.Errorf("kg push: %w: %s", err, stderr.String())
	}
	cpu := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	if err := json.Unmarshal(stdout.Bytes(), &ps); err != nil {
		return ps, cpu, fmt.Errorf("kg push output %q: %w", stdout.String(), err)
	}
	return ps, cpu, nil
}

// wipe deletes every node and edge, a slice at a time (one transaction
// over a large graph would exceed the transaction memory limit).
func wipe(ctx context.Context, c *graph.Client) error {
	for {
		r, err := c.Query(ctx, "MATCH (n) WITH n LIMIT 5000 DETACH DELETE n RETURN count(*)", nil, false)
		if err != nil {
			return fmt.Errorf("wiping: %w", err)
		}
		if len(r.Rows) == 0 || r.Rows[0][0].(int64) == 0 {
			return nil
		}
	}
}

const (
	baseArticles = `UNWIND $rows AS a
MERGE (n:Article {id: a.id})
SET n += a.props
SET n.title = a.title, n.url = a.url, n.published = a.published, n.lang = a.lang,
    n.source = a.source, n.content_hash = a.content_hash, n.extractor = a.extractor`
	baseEntities = `UNWIND $rows AS e
MERGE (n:Entity {key: e.key})
ON CREATE SET n.name = e.name
SET n:%s
SET n.wikidata = coalesce(e.wikidata, n.wikidata)`
	baseMentions = `UNWIND $rows AS m
MATCH (e:Entity {key: m.key}), (a:Article {id: m.article})
MERGE (e)-[r:MENTIONED_IN]->(a)
SET r.count = m.count, r.first_offset = m.first, r.surface_forms = m.forms, r.name = m.name`
	baseRelations = `UNWIND $rows AS t
MATCH (s:Entity {key: t.s}), (o:Entity {key: t.o})
MERGE (s)-[r:%s]->(o)
SET r.count = coalesce(r.count, 0) + 1`
)

// baseline writes the staged rows with plain UNWIND ... MERGE statements,
// o.batch rows per statement and transaction.
func baseline(ctx context.Context, c *graph.Client, o options, version string) error {
	st, err := stage.Open(o.stage)
	if err != nil {
		return err
	}
	defer st.Close()
	var arts, ments []any
	ents := map[string][]any{}
	rels := map[string][]any{}
	nEnts, nRels := 0, 0
	put := func(cypher string, rows []any) error {
		if len(rows) == 0 {
			return nil
		}
		_, err := c.Query(ctx, cypher, map[string]any{"rows": rows}, false)
		return err
	}
	flush := func(all bool) error {
		if !all && len(arts) < o.batch && nEnts < o.batch && len(ments) < o.batch && nRels < o.batch {
			return nil
		}
		if err := put(baseArticles, arts); err != nil {
			return err
		}
		for _, l := range slices.Sorted(maps.Keys(ents)) {
			if !model.ValidEntityType(l) {
				return fmt.Errorf("label %q", l)
			}
			if err := put(fmt.Sprintf(baseEntities, l), ents[l]); err != nil {
				return err
			}
		}
		if err := put(baseMentions, ments); err != nil {
			return err
		}
		for _, p := range slices.Sorted(maps.Keys(rels)) {
			if err := put(fmt.Sprintf(baseRelations, p), rels[p]); err != nil {
				return err
			}
		}
		arts, ments, nEnts, nRels = nil, nil, 0, 0
		clear(ents)
		clear(rels)
		return nil
	}
	err = forEachItem(ctx, st, version, func(it graph.Item) error {
		a := it.Article
		props := map[string]any{}
		for k, v := range a.Props {
			props[k] = v
		}
		arts = append(arts, map[string]any{"id": a.ID, "title": a.Title, "url": a.URL, "published": a.Published, "lang": a.Lang,
			"source": a.Source, "content_hash": it.ContentHash, "extractor": it.Extractor, "props": props})
		for _, e := range it.Extraction.Entities {
			ents[e.Type] = append(ents[e.Type], map[string]any{"key": e.ID, "name": e.Name, "wikidata": e.Wikidata})
			nEnts++
			var forms []any
			first := -1
			for _, m := range e.Mentions {
				forms = append(forms, m.Text)
				if first < 0 || m.Start < first {
					first = m.Start
				}
			}
			ments = append(ments, map[string]any{"key": e.ID, "article": a.ID, "count": int64(len(e.Mentions)), "first": int64(first), "forms": forms, "name": e.Name})
		}
		for _, r := range it.Extraction.Relations {
			rels[r.Predicate] = append(rels[r.Predicate], map[string]any{"s": r.Subject, "o": r.Object})
			nRels++
		}
		return flush(false)
	})
	if err != nil {
		return err
	}
	return flush(true)
}

func report(o options, rc rowCounts, version, agent string, ts []timing) string {
	var b strings.Builder
	commit := host.Commit()
	hostname, _ := os.Hostname()
	cpu := host.CPUModel()
	fmt.Fprintf(&b, "## kg push vs plain UNWIND, %s\n\n", time.Now().UTC().Format("2006-01-02 15:04 UTC"))
	fmt.Fprintf(&b, "- commit %s, extractor %s, %s\n", commit, version, agent)
	fmt.Fprintf(&b, "- machine: %s, %d cores (%s), %s\n", hostname, runtime.NumCPU(), cpu, runtime.Version())
	fmt.Fprintf(&b, "- rows: %d articles, %d MENTIONED_IN, %d relations (evidence); baseline batches of %d rows\n", rc.Articles, rc.Mentions, rc.Relations, o.batch)
	if len(o.kgArgs) > 0 {
		fmt.Fprintf(&b, "- kg push %s\n", strings.Join(o.kgArgs, " "))
	}
	if o.note != "" {
		fmt.Fprintf(&b, "- %s\n", o.note)
	}
	if o.serverPID == 0 {
		b.WriteString("- Neo4j's CPU time not measured (-server-pid)\n")
	}
	b.WriteString("\n| round | first | kg push s | articles/s | relations/s | batches | plain UNWIND s | ratio | CPU s kg + neo4j | CPU s plain + neo4j | CPU ratio | kg nodes / edges | plain nodes / edges |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|\n")
	for i, t := range ts {
		first := "plain"
		if t.kgFirst {
			first = "kg"
		}
		fmt.Fprintf(&b, "| %d | %s | %.1f | %.0f | %.0f | %d | %.1f | **%.2f** | %.1f + %.1f | %.1f + %.1f | **%.2f** | %d / %d | %d / %d |\n", i+1, first, t.kg.Seconds(),
			float64(rc.Articles)/t.kg.Seconds(), float64(rc.Relations)/t.kg.Seconds(), t.kgBatches,
			t.base.Seconds(), t.ratio(), t.kgCPU.Seconds(), t.kgSrv.Seconds(), t.baseCPU.Seconds(), t.baseSrv.Seconds(), t.cpuRatio(),
			t.kgNodes, t.kgRels, t.baseNodes, t.baseRels)
	}
	return b.String()
}
