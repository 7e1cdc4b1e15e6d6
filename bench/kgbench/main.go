// Command kgbench is `make bench`: one run that measures kg as a whole on
// this machine and prints a table, appended to bench/results/bench.md with
// the date, the commit and the machine (issue 15).
//
//	go run ./bench/kgbench [-articles 5000] [-corpus ../shared/data/corpus/saudinewsnet] [-quick]
//
// What it measures, each as a whole command (a subprocess: wall time, CPU
// time, peak resident memory from the kernel's rusage):
//
//   - extraction (`kg extract`, 1 worker and one per core) of the first
//     -articles SaudiNewsNet articles (Arabic) and of the English news
//     articles under ../shared/corpus (few: repeated to make a corpus of
//     about 1,000 articles, which the table says);
//   - `kg load` of the same Arabic articles into an empty Neo4j;
//   - `kg push` against a plain UNWIND ... MERGE script writing the same
//     rows, in the same run (bench/pushbench, whose table also goes to
//     bench/results/push.md);
//   - `kg load` of the whole corpus folder as shipped (zip files of JSON
//     arrays), the articles in Neo4j against those read, and the peak
//     memory at 5,000 against the whole corpus;
//   - every saved query of `kg query --list` with its defaults on that
//     graph (the whole `kg query` command, first run and best of three);
//   - the bulk path: `kg export --format neo4j-admin`, neo4j-admin's import
//     of it and `kg finish-import`.
//
// It starts its own Neo4j (deploy/neo4j/neo4j.sh, state in .neo4j-bench,
// bolt port 7693, HTTP 7480), which it empties as it goes: never point it
// at a graph you keep. -quick leaves out the whole-corpus steps. Corpora
// are read from ../shared for measurement only; nothing of them is kept
// beyond the work folder (-work), which is deleted at the end.
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/kg-project/kg/bench/internal/host"
	"github.com/kg-project/kg/internal/corpus"
	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/queries"
)

type options struct {
	articles        int
	corpus, shared  string
	work, out       string
	state           string
	bolt, http      int
	quick, keepWork bool
}

func main() {
	var o options
	flag.IntVar(&o.articles, "articles", 5000, "Arabic articles for the extraction, load and push steps")
	flag.StringVar(&o.corpus, "corpus", "../shared/data/corpus/saudinewsnet", "the SaudiNewsNet folder as shipped")
	flag.StringVar(&o.shared, "shared-corpus", "../shared/corpus", "folder with news/en and dev/en (English articles)")
	flag.StringVar(&o.work, "work", "", "work folder (default: a new temporary folder, deleted at the end)")
	flag.StringVar(&o.out, "out", "bench/results/bench.md", "append the table to this file (\"\": don't)")
	flag.StringVar(&o.state, "neo4j-state", ".neo4j-bench", "state folder of the bench's own Neo4j")
	flag.IntVar(&o.bolt, "bolt-port", 7693, "bolt port of the bench's own Neo4j")
	flag.IntVar(&o.http, "http-port", 7480, "HTTP port of the bench's own Neo4j")
	flag.BoolVar(&o.quick, "quick", false, "leave out the whole-corpus steps (load, saved queries, bulk import)")
	flag.BoolVar(&o.keepWork, "keep", false, "keep the work folder")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, o); err != nil {
		fmt.Fprintln(os.Stderr, "kgbench:", err)
		os.Exit(1)
	}
}

// result is one measured command.
type result struct {
	wall, cpu time.Duration
	maxRSSMB  float64
	stdout    []byte
	stderr    []byte
	exit      int
}

type bench struct {
	o        options
	kg       string
	env      []string // the Neo4j instance's variables for neo4j.sh
	state    string   // its state folder (KG_NEO4J_STATE)
	uri      string
	rows     []row
	notes    []string
	neo4jSh  string
	extrVers string
}

// row is one line of the table: what, the value, and the floor when the
// issue names one.
type row struct{ what, value, floor, ok string }

func (b *bench) add(what, value, floor string, ok *bool) {
	r := row{what: what, value: value, floor: floor}
	if ok != nil {
		r.ok = "✗"
		if *ok {
			r.ok = "✓"
		}
	}
	b.rows = append(b.rows, r)
	fmt.Fprintf(os.Stderr, "kgbench: %s: %s\n", what, value)
}

func run(ctx context.Context, o options) error {
	if o.work == "" {
		d, err := os.MkdirTemp("", "kgbench-")
		if err != nil {
			return err
		}
		o.work = d
		if !o.keepWork {
			defer os.RemoveAll(d)
		}
	}
	state, err := filepath.Abs(o.state)
	if err != nil {
		return err
	}
	b := &bench{o: o, kg: filepath.Join(o.work, "kg"), neo4jSh: "deploy/neo4j/neo4j.sh", state: state,
		uri: fmt.Sprintf("bolt://127.0.0.1:%d", o.bolt),
		env: []string{"KG_NEO4J_STATE=" + state, fmt.Sprintf("KG_NEO4J_BOLT_PORT=%d", o.bolt), fmt.Sprintf("KG_NEO4J_HTTP_PORT=%d", o.http)}}
	for _, t := range [][]string{{b.kg, "./cmd/kg"}, {filepath.Join(o.work, "pushbench"), "./bench/pushbench"}} {
		if out, err := exec.CommandContext(ctx, "go", "build", "-o", t[0], t[1]).CombinedOutput(); err != nil {
			return fmt.Errorf("go build %s: %v: %s", t[1], err, out)
		}
	}
	v, err := exec.CommandContext(ctx, b.kg, "version").Output()
	if err != nil {
		return fmt.Errorf("kg version: %w", err)
	}
	b.extrVers = strings.Join(strings.Fields(strings.ReplaceAll(strings.TrimSpace(string(v)), "\n", ", ")), " ")

	// The corpora.
	ar := filepath.Join(o.work, "ar.jsonl")
	arN, arBytes, err := firstArticles(ctx, o.corpus, o.articles, ar)
	if err != nil {
		return err
	}
	en := filepath.Join(o.work, "en.jsonl")
	enN, enBytes, enDistinct, err := englishCorpus(o.shared, 1000, en)
	if err != nil {
		return err
	}
	b.notes = append(b.notes, fmt.Sprintf("Arabic: the first %d SaudiNewsNet articles (%.1f MB of text); English: %d BBC articles of ../shared/corpus repeated to %d (%.1f MB)",
		arN, float64(arBytes)/1e6, enDistinct, enN, float64(enBytes)/1e6))

	// Extraction.
	cores := runtime.NumCPU()
	var one, many float64
	for _, c := range []struct {
		lang         string
		file         string
		n            int
		bytes        int64
		workers      int
		floorPerCore bool
	}{{"Arabic", ar, arN, arBytes, 1, true}, {"Arabic", ar, arN, arBytes, cores, false}, {"English", en, enN, enBytes, 1, true}, {"English", en, enN, enBytes, cores, false}} {
		r, err := b.cmd(ctx, nil, b.kg, "extract", "-q", "--workers", strconv.Itoa(c.workers), "--format", "jsonl", c.file)
		if err != nil {
			return err
		}
		mbs := float64(c.bytes) / 1e6 / r.wall.Seconds()
		perCore := float64(c.bytes) / 1e6 / r.cpu.Seconds()
		value := fmt.Sprintf("%.2f MB/s, %.0f articles/s, %.2f MB/s per core of CPU, %.1f s, peak %.0f MB", mbs, float64(c.n)/r.wall.Seconds(), perCore, r.wall.Seconds(), r.maxRSSMB)
		if c.floorPerCore {
			ok := perCore >= 1
			b.add(fmt.Sprintf("kg extract, %s, 1 worker", c.lang), value, "≥ 1 MB/s per core", &ok)
		} else {
			b.add(fmt.Sprintf("kg extract, %s, %d workers", c.lang, c.workers), value, "", nil)
		}
		if c.lang == "Arabic" {
			if c.workers == 1 {
				one = r.wall.Seconds()
			} else {
				many = r.wall.Seconds()
			}
		}
	}
	ok := one/many >= 1.6
	b.add(fmt.Sprintf("%d workers against 1 (Arabic, wall time)", cores), fmt.Sprintf("%.2f×", one/many), "≥ 1.6× on 2 cores", &ok)

	// Neo4j, empty.
	defer b.neo4j(context.Background(), "stop")
	if err := b.freshNeo4j(ctx); err != nil {
		return err
	}
	stage5 := filepath.Join(o.work, "stage-ar")
	r, err := b.load(ctx, stage5, ar)
	if err != nil {
		return err
	}
	rss5 := r.maxRSSMB
	b.add(fmt.Sprintf("kg load, %d Arabic articles, empty Neo4j", arN), fmt.Sprintf("%.1f s, %.0f articles/s, peak %.0f MB", r.wall.Seconds(), float64(arN)/r.wall.Seconds(), rss5), "", nil)

	// kg push against the plain script, same rows, same run.
	pj := filepath.Join(o.work, "push.json")
	_, err = b.cmd(ctx, nil, filepath.Join(o.work, "pushbench"), "-stage", stage5, "-kg", b.kg, "-uri", b.uri,
		"-server-pid", strconv.Itoa(b.neo4jPID()), "-out", "bench/results/push.md", "-json", pj,
		"-note", fmt.Sprintf("make bench, %d SaudiNewsNet articles", arN))
	if err != nil {
		return err
	}
	var push struct {
		KGSeconds, ArticlesPerSec, RelationsPerSec, PlainSeconds, Ratio, CPURatio float64
	}
	if err := readJSON(pj, &push); err != nil {
		return err
	}
	ok = push.Ratio <= 2
	b.add(fmt.Sprintf("kg push, %d Arabic articles, against a plain UNWIND script (same rows, same run)", arN),
		fmt.Sprintf("%.1f s (%.0f articles/s, %.0f relations/s) against %.1f s: **%.2f×** (CPU, kg and Neo4j: %.2f×)", push.KGSeconds, push.ArticlesPerSec, push.RelationsPerSec, push.PlainSeconds, push.Ratio, push.CPURatio),
		"≤ 2×", &ok)

	if o.quick {
		b.notes = append(b.notes, "-quick: the whole-corpus steps were left out")
		return b.report()
	}

	// The whole corpus as shipped.
	if err := b.freshNeo4j(ctx); err != nil {
		return err
	}
	stageAll := filepath.Join(o.work, "stage-all")
	r, err = b.load(ctx, stageAll, o.corpus)
	if err != nil {
		return err
	}
	var ls struct {
		Stage struct {
			Articles   int `json:"articles"`
			Duplicates int `json:"duplicates"`
			Bad        int `json:"bad_inputs"`
		} `json:"stage"`
	}
	if err := json.Unmarshal(r.stdout, &ls); err != nil {
		return fmt.Errorf("kg load --json: %w: %.200s", err, r.stdout)
	}
	inNeo4j, err := b.count(ctx, "MATCH (a:Article) RETURN count(a)")
	if err != nil {
		return err
	}
	ok = r.wall < 6*time.Minute && inNeo4j == int64(ls.Stage.Articles)
	b.add("kg load, the whole SaudiNewsNet folder as shipped (zips of JSON arrays), empty Neo4j",
		fmt.Sprintf("%.0f s; %d articles in Neo4j = %d staged (%d empty articles skipped as bad input, %d duplicate ids: the last one kept); peak %.0f MB",
			r.wall.Seconds(), inNeo4j, ls.Stage.Articles, ls.Stage.Bad, ls.Stage.Duplicates, r.maxRSSMB),
		"< 6 min, nothing lost", &ok)
	ok = r.maxRSSMB < 600 && r.maxRSSMB < 1.5*rss5
	b.add("peak memory of kg load, whole corpus against the first "+strconv.Itoa(arN), fmt.Sprintf("%.0f MB against %.0f MB: %.2f×", r.maxRSSMB, rss5, r.maxRSSMB/rss5), "< 600 MB, < 1.5×", &ok)

	// Saved queries on the whole corpus.
	set, err := queries.Load(nil)
	if err != nil {
		return err
	}
	var slowest time.Duration
	var slowName string
	var lines []string
	for _, q := range set.All() {
		var times []time.Duration
		for i := 0; i < 3; i++ {
			r, err := b.cmd(ctx, b.neo4jEnv(), b.kg, "query", q.Name, "--json")
			if err != nil {
				return err
			}
			times = append(times, r.wall)
		}
		best := slices.Min(times)
		lines = append(lines, fmt.Sprintf("%s %.2f/%.2f", q.Name, times[0].Seconds(), best.Seconds()))
		if times[0] > slowest {
			slowest, slowName = times[0], q.Name
		}
	}
	ok = slowest < time.Second
	b.add("saved queries with their defaults, whole corpus (whole kg query command; s, first run/best of 3)",
		fmt.Sprintf("slowest %s %.2f s; %s", slowName, slowest.Seconds(), strings.Join(lines, ", ")), "each < 1 s", &ok)

	// The bulk path.
	imp := filepath.Join(o.work, "import")
	ex, err := b.cmd(ctx, []string{"KG_STAGE_DIR=" + stageAll}, b.kg, "export", "-q", "--format", "neo4j-admin", imp)
	if err != nil {
		return err
	}
	ir, err := b.cmd(ctx, b.env, b.neo4jSh, "import", imp)
	if err != nil {
		return err
	}
	adminSecs := importSeconds(ir.stderr)
	fr, err := b.cmd(ctx, b.neo4jEnv(), b.kg, "finish-import", "-q")
	if err != nil {
		return err
	}
	imported, err := b.count(ctx, "MATCH (a:Article) RETURN count(a)")
	if err != nil {
		return err
	}
	ok = adminSecs > 0 && adminSecs < 60 && imported == inNeo4j
	b.add("bulk import of the whole corpus: kg export --format neo4j-admin, neo4j-admin import, kg finish-import",
		fmt.Sprintf("export %.1f s, neo4j-admin import **%.1f s** (with Neo4j's stop and start %.1f s), finish-import %.1f s; %d articles", ex.wall.Seconds(), adminSecs, ir.wall.Seconds(), fr.wall.Seconds(), imported),
		"import < 60 s", &ok)
	return b.report()
}

// cmd runs a command from the repository root, with extra environment,
// and measures it. A non-zero exit is an error, except kg's 1 when the
// only problem was bad input (SaudiNewsNet has empty articles).
func (b *bench) cmd(ctx context.Context, env []string, name string, args ...string) (result, error) {
	c := exec.CommandContext(ctx, name, args...)
	c.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	c.Stdout, c.Stderr = &stdout, &stderr
	start := time.Now()
	err := c.Run()
	r := result{wall: time.Since(start), stdout: stdout.Bytes(), stderr: stderr.Bytes()}
	if c.ProcessState != nil {
		r.cpu = c.ProcessState.UserTime() + c.ProcessState.SystemTime()
		if ru, ok := c.ProcessState.SysUsage().(*syscall.Rusage); ok {
			r.maxRSSMB = float64(ru.Maxrss) / 1024 // KiB on Linux
		}
		r.exit = c.ProcessState.ExitCode()
	}
	var ee *exec.ExitError
	if errors.As(err, &ee) && r.exit == 3 { // bad input skipped, the rest done (README, "Exit codes")
		err = nil
	}
	if err != nil {
		tail := stderr.Bytes()
		if len(tail) > 2000 {
			tail = tail[len(tail)-2000:]
		}
		return r, fmt.Errorf("%s %s: %w\n%s", filepath.Base(name), strings.Join(args, " "), err, tail)
	}
	return r, nil
}

func (b *bench) neo4jEnv() []string {
	return []string{"KG_NEO4J_URI=" + b.uri}
}

// load runs kg load of path into the bench's Neo4j with a new staging
// folder.
func (b *bench) load(ctx context.Context, stage, path string) (result, error) {
	os.RemoveAll(stage)
	return b.cmd(ctx, append(b.neo4jEnv(), "KG_STAGE_DIR="+stage), b.kg, "load", "-q", "--json", path)
}

func (b *bench) neo4j(ctx context.Context, verb string) error {
	_, err := b.cmd(ctx, b.env, b.neo4jSh, verb)
	return err
}

// freshNeo4j stops the bench's Neo4j, deletes its databases and starts it
// again, empty, with kg's schema.
func (b *bench) freshNeo4j(ctx context.Context) error {
	if err := b.neo4j(ctx, "stop"); err != nil {
		return err
	}
	if err := os.RemoveAll(filepath.Join(b.state, "data")); err != nil {
		return err
	}
	if err := b.neo4j(ctx, "start"); err != nil {
		return err
	}
	_, err := b.cmd(ctx, b.neo4jEnv(), b.kg, "schema", "apply", "-q")
	return err
}

// neo4jPID is the pid of the server listening on the bolt port (0 when
// unknown): pushbench measures its CPU time.
func (b *bench) neo4jPID() int {
	out, err := exec.Command("ss", "-ltnpH", fmt.Sprintf("sport = :%d", b.o.bolt)).Output()
	if err != nil {
		return 0
	}
	m := regexp.MustCompile(`pid=(\d+)`).FindSubmatch(out)
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

func (b *bench) count(ctx context.Context, cypher string) (int64, error) {
	c, err := graph.Open(ctx, graph.Config{URI: b.uri, User: "neo4j", Password: host.EnvOr("KG_NEO4J_PASSWORD", "kgpassword"), RetryTimeout: time.Minute})
	if err != nil {
		return 0, err
	}
	defer c.Close(ctx)
	r, err := c.Query(ctx, cypher, nil, true)
	if err != nil {
		return 0, err
	}
	if len(r.Rows) != 1 {
		return 0, fmt.Errorf("%s: %d rows", cypher, len(r.Rows))
	}
	n, _ := r.Rows[0][0].(int64)
	return n, nil
}

func (b *bench) report() error {
	var s strings.Builder
	commit := host.Commit()
	hostname, _ := os.Hostname()
	fmt.Fprintf(&s, "## make bench, %s\n\n", time.Now().UTC().Format("2006-01-02 15:04 UTC"))
	fmt.Fprintf(&s, "- commit %s, %s\n", commit, b.extrVers)
	fmt.Fprintf(&s, "- machine: %s, %d cores (%s), %.0f GB, %s; load average at the end %s\n", hostname, runtime.NumCPU(), host.CPUModel(), memGB(), runtime.Version(), loadAvg())
	for _, n := range b.notes {
		fmt.Fprintf(&s, "- %s\n", n)
	}
	s.WriteString("\n| measure | value | floor (issue 15) | |\n|---|---|---|---|\n")
	for _, r := range b.rows {
		fmt.Fprintf(&s, "| %s | %s | %s | %s |\n", r.what, r.value, r.floor, r.ok)
	}
	fmt.Print("\n" + s.String())
	if b.o.out == "" {
		return nil
	}
	f, err := os.OpenFile(b.o.out, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.WriteString("\n" + s.String()); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// firstArticles writes the first n articles kg reads from dir (in kg's
// order: files sorted by name) as JSON Lines, and returns how many and
// the bytes of their text.
func firstArticles(ctx context.Context, dir string, n int, out string) (int, int64, error) {
	f, err := os.Create(out)
	if err != nil {
		return 0, 0, err
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	var got int
	var bytes int64
	errEnough := errors.New("enough")
	err = corpus.Walk(ctx, []string{dir}, corpus.Options{}, func(it corpus.Item) error {
		if it.Article == nil {
			return nil // bad input: kg reports it; here it is not an article
		}
		a := *it.Article
		a.Source = ""
		if err := enc.Encode(&a); err != nil {
			return err
		}
		got++
		bytes += int64(len(a.Text))
		if got == n {
			return errEnough
		}
		return nil
	})
	if err != nil && !errors.Is(err, errEnough) {
		f.Close()
		return 0, 0, fmt.Errorf("reading %s: %w", dir, err)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return 0, 0, err
	}
	return got, bytes, f.Close()
}

// englishCorpus repeats the English articles of ../shared/corpus (news/en,
// dev/en: the texts only) with new ids until there are at least n.
func englishCorpus(shared string, n int, out string) (int, int64, int, error) {
	var texts []string
	for _, sub := range []string{"news/en", "dev/en"} {
		files, _ := filepath.Glob(filepath.Join(shared, sub, "*.txt"))
		sort.Strings(files)
		for _, p := range files {
			t, err := os.ReadFile(p)
			if err != nil {
				return 0, 0, 0, err
			}
			texts = append(texts, string(t))
		}
	}
	if len(texts) == 0 {
		return 0, 0, 0, fmt.Errorf("no English articles in %s/news/en or %s/dev/en", shared, shared)
	}
	f, err := os.Create(out)
	if err != nil {
		return 0, 0, 0, err
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	var got int
	var bytes int64
	for got < n {
		for i, t := range texts {
			if err := enc.Encode(model.Article{ID: fmt.Sprintf("en-%d-%d", got/len(texts), i), Text: t, Lang: "en"}); err != nil {
				f.Close()
				return 0, 0, 0, err
			}
			got++
			bytes += int64(len(t))
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return 0, 0, 0, err
	}
	return got, bytes, len(texts), f.Close()
}

// importSeconds reads neo4j.sh's "import done in S s" line.
func importSeconds(stderr []byte) float64 {
	m := regexp.MustCompile(`import done in ([0-9.]+) s`).FindSubmatch(stderr)
	if m == nil {
		return 0
	}
	f, _ := strconv.ParseFloat(string(m[1]), 64)
	return f
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, v)
}

func memGB() float64 {
	b, err := os.ReadFile("/proc/meminfo")
	if err != nil {
		return 0
	}
	var kb float64
	fmt.Sscanf(strings.TrimPrefix(strings.SplitN(string(b), "\n", 2)[0], "MemTotal:"), "%f", &kb)
	return kb / 1024 / 1024
}

func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "?"
	}
	return strings.Join(f[:3], " ")
}
