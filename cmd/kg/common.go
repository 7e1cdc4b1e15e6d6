package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/config"
	"github.com/kg-project/kg/internal/corpus"
	"github.com/kg-project/kg/internal/extract"
	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/stage"
)

// Flag name -> config key, for the flags shared by several commands.
var (
	neo4jFlags = map[string]string{
		"neo4j-uri":           "neo4j.uri",
		"neo4j-user":          "neo4j.user",
		"neo4j-password":      "neo4j.password",
		"neo4j-password-file": "neo4j.password_file",
		"neo4j-database":      "neo4j.database",
		"retry-timeout":       "load.retry_timeout",
	}
	stageFlags = map[string]string{"stage-dir": "stage.dir"}
	loadFlags  = map[string]string{"batch-size": "load.batch_size", "workers": "load.workers"}
	shardFlags = map[string]string{"shard": "shard", "shard-by": "shard_by"}
)

func help(text, key string) string {
	return fmt.Sprintf("%s (default from config %s; $%s)", text, key, config.EnvName(key))
}

func addNeo4jFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.String("neo4j-uri", "", help("Neo4j URI, e.g. bolt://127.0.0.1:7687 or neo4j+s://host", "neo4j.uri"))
	f.String("neo4j-user", "", help("Neo4j user", "neo4j.user"))
	f.String("neo4j-password", "", help("Neo4j password; other users can see it in the process list, prefer --neo4j-password-file", "neo4j.password"))
	f.String("neo4j-password-file", "", help("read the Neo4j password from this file (mode 600; one line); wins over a password set at the same or a lower level", "neo4j.password_file"))
	f.String("neo4j-database", "", help("Neo4j database name (empty: the server default)", "neo4j.database"))
	f.String("retry-timeout", "", help("how long to keep retrying an unreachable Neo4j, e.g. 2m", "load.retry_timeout"))
}

func addStageFlags(cmd *cobra.Command) {
	cmd.Flags().String("stage-dir", "", help("staging folder (Badger)", "stage.dir"))
}

func addLoadFlags(cmd *cobra.Command) {
	cmd.Flags().Int("batch-size", 0, help("articles per Neo4j write transaction", "load.batch_size"))
	cmd.Flags().Int("workers", 0, help("extraction workers", "load.workers"))
}

func addShardFlag(cmd *cobra.Command) {
	cmd.Flags().String("shard", "", help("read only shard I of N of the corpus, I/N numbered from 0 (0/4 ... 3/4): "+
		"by default the articles whose id hashes to I (FNV-1a 64 of the id, mod N); every article is in exactly one shard", "shard"))
	cmd.Flags().String("shard-by", "", help("how --shard cuts the corpus: id (every shard reads the whole corpus and keeps its ids) "+
		"or file (shard I reads only the I-th of N runs of files of about equal size; kg stage merge lets a later shard's copy of an id win)", "shard_by"))
}

// corpusShard is the shard of the corpus cfg asks for (--shard, $KG_SHARD
// or config shard), checked; the zero Shard reads everything.
func corpusShard(cmd *cobra.Command, cfg *config.Config) (corpus.Shard, error) {
	sh, err := corpus.ParseShard(cfg.Shard)
	if err != nil {
		from := "config.yaml shard"
		switch f := cmd.Flags().Lookup("shard"); {
		case f != nil && f.Changed:
			from = "--shard"
		case os.Getenv(config.EnvName("shard")) != "":
			from = "$" + config.EnvName("shard")
		}
		return sh, fmt.Errorf("%s: %w", from, err)
	}
	sh.ByFile = cfg.ShardBy == "file"
	return sh, nil
}

// shardNote is what kg extract and kg load print when a shard got none of
// the input's articles (not an error: the others have them).
func shardNote(w io.Writer, sh corpus.Shard) {
	if sh.ByFile {
		fmt.Fprintf(w, "kg: shard %s by file: no file of the input falls in this shard (a file bigger than 1/%d of the input leaves the next shards empty)\n", sh, sh.N)
		return
	}
	fmt.Fprintf(w, "kg: shard %s: none of the input's articles falls in this shard (bad input, if any, is reported by shard 0)\n", sh)
}

func merge(ms ...map[string]string) map[string]string {
	out := map[string]string{}
	for _, m := range ms {
		for k, v := range m {
			out[k] = v
		}
	}
	return out
}

func graphConfig(c *config.Config) graph.Config {
	return graph.Config{URI: c.Neo4j.URI, User: c.Neo4j.User, Password: c.Neo4j.Password, Database: c.Neo4j.Database, RetryTimeout: c.Load.RetryTimeout}
}

func openGraph(ctx context.Context, c *config.Config, stderr io.Writer) (*graph.Client, error) {
	gc := graphConfig(c)
	if stderr != nil {
		gc.OnRetry = func(attempt int, wait time.Duration, err error) {
			fmt.Fprintf(stderr, "kg: neo4j not ready (attempt %d), retrying in %s: %v\n", attempt, wait, err)
		}
	}
	return graph.Open(ctx, gc)
}

func openStage(c *config.Config) (*stage.Store, error) { return stage.Open(c.Stage.Dir) }

// openStageCmd loads the configuration with the staging flags of cmd and
// opens the staging store; the caller closes it.
func (g *globalOptions) openStageCmd(cmd *cobra.Command) (*stage.Store, error) {
	cfg, err := g.loadConfig(cmd, stageFlags)
	if err != nil {
		return nil, err
	}
	return openStage(cfg)
}

// inputFormatsHelp ends the help of the commands that read a corpus.
const inputFormatsHelp = `PATH is a file or a directory tree (walked in lexical order) of:
  .txt    one article; the first line is the title when it looks like one
  .jsonl  one JSON object a line
  .json   a JSON array of article objects (read element by element), or objects
  .csv    a header, then one article a record
  .gz     any of those gzipped: x.jsonl.gz, x.json.gz, x.csv.gz, x.txt.gz
  .zip, .tar, .tar.gz, .tgz  archives of those, read member by member;
          members are named ARCHIVE!MEMBER in messages
Fields (JSON, JSON Lines, CSV): id, title, text, url, published, lang, or the
names set in corpus.fields.* (config.yaml, $KG_CORPUS_FIELDS_TEXT, ...). A
field left at its default name is also found as text <- content, body,
article; published <- date, date_published, date_extracted, pubDate;
url <- link; title <- headline. Other fields are kept as article properties.
A bad line, record, element, member or file is reported and skipped.`

func corpusOptions(c *config.Config) corpus.Options {
	f := c.Corpus.Fields
	return corpus.Options{Fields: corpus.FieldNames{ID: f.ID, Title: f.Title, Text: f.Text, URL: f.URL, Published: f.Published, Lang: f.Lang}}
}

// progressOut is where progress goes: stderr unless --quiet.
func (g *globalOptions) progressOut() io.Writer {
	if g.Quiet {
		return nil
	}
	return g.stderr
}

func printJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// failureReporter prints one line per article the extractor failed on and,
// for the first panic of the run, its stack (a kg bug worth reporting).
type failureReporter struct {
	mu        sync.Mutex
	w         io.Writer
	stackDone bool
}

func (r *failureReporter) report(_ *model.Article, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	fmt.Fprintf(r.w, "kg: skipped: %v\n", err)
	var pe *extract.PanicError
	if errors.As(err, &pe) && !r.stackDone {
		r.stackDone = true
		fmt.Fprintf(r.w, "kg: this is a bug in kg; please report it with this stack:\n%s\n", pe.Stack)
	}
}

// badInputs counts the bad input items of a run for its final error. The
// corpus walk calls add from one goroutine; read it after the walk.
type badInputs struct {
	n          int    // bad items
	noArticles int    // of which paths that yielded no article
	first      string // the first bad item
	firstOther string // the first that is not a path without articles
}

func (b *badInputs) add(e *corpus.InputError) {
	b.n++
	if b.first == "" {
		b.first = e.Error()
	}
	if errors.Is(e, corpus.ErrNoArticles) {
		b.noArticles++
	} else if b.firstOther == "" {
		b.firstOther = e.Error()
	}
}

// err is the error a run over paths ends with, nil when the input was all
// good; articles were read and done says what became of them.
func (b *badInputs) err(paths []string, articles int, done string) error {
	if articles == 0 {
		err := fmt.Errorf("%w in %s", corpus.ErrNoArticles, strings.Join(paths, ", "))
		if other := b.n - b.noArticles; other > 0 {
			return fmt.Errorf("%w: %d bad input(s) skipped, first: %s", err, other, b.firstOther)
		}
		return err
	}
	if b.n > 0 {
		return fmt.Errorf("%d bad input(s) skipped (first: %s); %d article(s) %s%w", b.n, b.first, articles, done, skippedMark)
	}
	return nil
}
