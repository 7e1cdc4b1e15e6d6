// Package config reads kg's settings with the precedence
// flag > KG_* environment variable > config.yaml > built-in default.
//
// It is the only package that imports viper. Commands call Load once and get a
// plain Config struct; nothing else reads global state.
//
// Load checks what it reads: a key of config.yaml that kg does not know is
// reported in Config.Warnings (with the closest known key), and a value that
// does not parse is an error naming the value and where it came from (the
// flag, the KG_* variable or the file and line).
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/pflag"
	"github.com/spf13/viper"
	"go.yaml.in/yaml/v3"
)

// Config is every setting kg knows. Field tags name the config.yaml key;
// the environment variable is KG_ followed by the key upper-cased with dots
// replaced by underscores (neo4j.uri -> KG_NEO4J_URI).
type Config struct {
	Neo4j  Neo4j
	Stage  Stage
	Load   LoadOpts
	Corpus Corpus
	// Shard (shard, $KG_SHARD) is the shard of the corpus kg extract and
	// kg load read: "I/N", the articles whose id hashes to I of N shards
	// (numbered from 0; see corpus.Shard); "" reads every article.
	Shard string
	// ShardBy (shard_by, $KG_SHARD_BY) is how the corpus is cut into
	// shards: "id" (by article id) or "file" (contiguous runs of files).
	ShardBy string
	// Extract chooses the extractor; LLM configures the LLM back end.
	Extract Extract
	LLM     LLM
	// File is the config file that was read ("" when none).
	File string
	// Warnings are problems that do not stop kg (an unknown key in the
	// config file, a password file others can read); the command prints
	// them on stderr.
	Warnings []string
	// MemoryLimit (memory_limit) is the soft limit, in bytes, on the
	// memory of kg's Go heap and runtime (runtime/debug.SetMemoryLimit):
	// near it the garbage collector works harder instead of letting the
	// heap grow to twice what is live. 0: no limit. GOMEMLIMIT, when set,
	// wins over it (the Go runtime reads it).
	MemoryLimit int64
	// HugePages (huge_pages) marks kg's heap for the kernel's transparent
	// huge pages (package hugepage): less CPU for the models' random reads.
	HugePages bool
}

// Neo4j says where the graph lives.
type Neo4j struct {
	URI      string // neo4j.uri
	User     string // neo4j.user
	Password string // neo4j.password, or the content of neo4j.password_file
	Database string // neo4j.database ("" = server default)
	// PasswordFile (neo4j.password_file) is the file Password was read
	// from ("" when none). It wins over neo4j.password given at the same
	// or a lower level of precedence.
	PasswordFile string
}

// Stage says where the Badger staging cache lives.
type Stage struct {
	Dir string // stage.dir
}

// LoadOpts tunes writing to Neo4j.
type LoadOpts struct {
	BatchSize    int           // load.batch_size: articles per write transaction
	Workers      int           // load.workers: extraction workers
	RetryTimeout time.Duration // load.retry_timeout: how long to retry an unreachable Neo4j
}

// Extractor back ends (extract.backend).
const (
	BackendBuiltin = "builtin"
	BackendLLM     = "llm"
	BackendHybrid  = "hybrid"
)

// Extract chooses the extractor.
type Extract struct {
	// Backend (extract.backend) is "builtin" (the default: kg's own
	// pipeline, no network), "llm" (an OpenAI-compatible server, see LLM)
	// or "hybrid" (both: the built-in names go to the model as hints and
	// the relations of both are kept).
	Backend string
	// HomeCountry (extract.home_country) is the corpus's country, by name
	// or Wikidata id (Saudi Arabia, Q851): the country of the ministries
	// and government an article names without saying whose, when the
	// article is about no other (extract.Pipeline.SetHomeCountry). Empty:
	// none, such a body is left without a country.
	HomeCountry string
}

// LLMAPIKeyEnv is the environment variable that holds the LLM server's API
// key. The key is read from the environment only (never from config.yaml
// or a flag, which others may see) and never printed.
const LLMAPIKeyEnv = "KG_LLM_API_KEY"

// LLM configures the LLM back end (package llm).
type LLM struct {
	Endpoint       string        // llm.endpoint: base URL before /chat/completions
	Model          string        // llm.model
	APIKey         string        // $KG_LLM_API_KEY; never printed
	Temperature    float64       // llm.temperature (0: repeatable)
	Seed           int64         // llm.seed
	MaxTokens      int           // llm.max_tokens: reply length bound (0: the server's)
	MaxConcurrency int           // llm.max_concurrency: requests in flight
	Timeout        time.Duration // llm.timeout: one request
	Retries        int           // llm.retries: on 429, 5xx, timeouts
	TokenBudget    int64         // llm.token_budget: tokens per run (0: no bound)
	MaxChars       int           // llm.max_chars: article text per request (code points; 0: whole articles)
}

// Corpus tunes the corpus readers.
type Corpus struct {
	// Fields (corpus.fields.*) names the record keys (JSON, JSON Lines)
	// and CSV columns of the article fields. A field left at its default
	// name is also looked for under a few common alternatives (content for
	// text, date_extracted for published, ...; see corpus.Alternatives);
	// one set to another name is looked for under that name only.
	Fields Fields
}

// Fields maps article fields to record keys and CSV header names. The
// older keys corpus.csv.* set the same values and still work (a warning
// says so); at the same level of precedence corpus.fields.* wins.
type Fields struct {
	ID, Title, Text, URL, Published, Lang string
}

// fieldNames are the article fields of corpus.fields.* (and corpus.csv.*).
var fieldNames = []string{"id", "title", "text", "url", "published", "lang"}

// Defaults holds the built-in defaults, keyed like config.yaml. Its keys
// are every key kg knows.
var Defaults = map[string]any{
	"neo4j.uri":               "bolt://127.0.0.1:7687",
	"neo4j.user":              "neo4j",
	"neo4j.password":          "kgpassword",
	"neo4j.password_file":     "",
	"neo4j.database":          "",
	"stage.dir":               ".kg/stage",
	"load.batch_size":         50,
	"load.workers":            2,
	"load.retry_timeout":      "2m",
	"memory_limit":            "400MiB",
	"huge_pages":              true,
	"shard":                   "",
	"shard_by":                "id",
	"extract.backend":         "builtin",
	"extract.home_country":    "",
	"llm.endpoint":            "http://localhost:11434/v1",
	"llm.model":               "",
	"llm.temperature":         0.0,
	"llm.seed":                42,
	"llm.max_tokens":          0,
	"llm.max_concurrency":     2,
	"llm.timeout":             "2m",
	"llm.retries":             4,
	"llm.token_budget":        0,
	"llm.max_chars":           8000,
	"corpus.fields.id":        "id",
	"corpus.fields.title":     "title",
	"corpus.fields.text":      "text",
	"corpus.fields.url":       "url",
	"corpus.fields.published": "published",
	"corpus.fields.lang":      "lang",
	// deprecated spellings of corpus.fields.*
	"corpus.csv.id":        "id",
	"corpus.csv.title":     "title",
	"corpus.csv.text":      "text",
	"corpus.csv.url":       "url",
	"corpus.csv.published": "published",
	"corpus.csv.lang":      "lang",
}

// EnvName returns the environment variable that sets key.
func EnvName(key string) string {
	return "KG_" + strings.ToUpper(strings.NewReplacer(".", "_").Replace(key))
}

// Binding ties a command-line flag to a config key.
type Binding struct {
	Key  string
	Flag *pflag.Flag
}

// Load reads the configuration. file is the config file to read; "" means
// config.yaml in the working directory when it exists (KG_CONFIG names
// another). Each binding's flag wins over everything when it was set on the
// command line.
func Load(file string, bindings ...Binding) (*Config, error) {
	v := viper.New()
	for k, d := range Defaults {
		v.SetDefault(k, d)
	}
	v.SetEnvPrefix("KG")
	v.SetEnvKeyReplacer(strings.NewReplacer(".", "_"))
	v.AutomaticEnv()
	for k := range Defaults {
		if err := v.BindEnv(k); err != nil {
			return nil, err
		}
	}
	if file == "" {
		file = os.Getenv("KG_CONFIG")
	}
	explicit := file != ""
	if file == "" {
		file = "config.yaml"
	}
	v.SetConfigFile(file)
	v.SetConfigType("yaml")
	c := &Config{}
	src := sources{v: v, flags: map[string]string{}}
	if err := v.ReadInConfig(); err != nil {
		if !(errors.Is(err, fs.ErrNotExist) && !explicit) {
			return nil, fmt.Errorf("config %s: %w", file, err)
		}
	} else {
		c.File, src.file = file, file
		keys, warnings, err := fileKeys(file)
		if err != nil {
			return nil, err
		}
		src.lines, c.Warnings = keys, warnings
	}
	for _, b := range bindings {
		if b.Flag == nil {
			continue
		}
		if err := v.BindPFlag(b.Key, b.Flag); err != nil {
			return nil, err
		}
		if b.Flag.Changed {
			src.flags[b.Key] = b.Flag.Name
		}
	}
	var errs []error
	check := func(err error) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	c.Neo4j = Neo4j{
		URI:      v.GetString("neo4j.uri"),
		User:     v.GetString("neo4j.user"),
		Password: v.GetString("neo4j.password"),
		Database: v.GetString("neo4j.database"),
	}
	if pf := v.GetString("neo4j.password_file"); pf != "" && src.level("neo4j.password_file") >= src.level("neo4j.password") {
		pw, warn, err := readPasswordFile(pf, src.of("neo4j.password_file"))
		check(err)
		if warn != "" {
			c.Warnings = append(c.Warnings, warn)
		}
		c.Neo4j.Password, c.Neo4j.PasswordFile = pw, pf
	}
	c.Stage.Dir = v.GetString("stage.dir")
	c.Shard = strings.TrimSpace(v.GetString("shard"))
	c.ShardBy = strings.TrimSpace(v.GetString("shard_by"))
	var err error
	c.Load.BatchSize, err = src.int("load.batch_size", 1)
	check(err)
	c.Load.Workers, err = src.int("load.workers", 1)
	check(err)
	c.Load.RetryTimeout, err = src.duration("load.retry_timeout")
	check(err)
	c.MemoryLimit, err = src.size("memory_limit")
	check(err)
	c.HugePages, err = src.bool("huge_pages")
	check(err)
	c.Extract.Backend = strings.ToLower(strings.TrimSpace(v.GetString("extract.backend")))
	c.Extract.HomeCountry = strings.TrimSpace(v.GetString("extract.home_country"))
	c.LLM.Endpoint = strings.TrimSpace(v.GetString("llm.endpoint"))
	c.LLM.Model = strings.TrimSpace(v.GetString("llm.model"))
	c.LLM.APIKey = strings.TrimSpace(os.Getenv(LLMAPIKeyEnv))
	c.LLM.Temperature, err = src.float("llm.temperature", 0, 2)
	check(err)
	c.LLM.Seed, err = src.int64("llm.seed", math.MinInt64)
	check(err)
	c.LLM.MaxTokens, err = src.int("llm.max_tokens", 0)
	check(err)
	c.LLM.MaxConcurrency, err = src.int("llm.max_concurrency", 1)
	check(err)
	c.LLM.Timeout, err = src.duration("llm.timeout")
	check(err)
	c.LLM.Retries, err = src.int("llm.retries", 0)
	check(err)
	c.LLM.TokenBudget, err = src.int64("llm.token_budget", 0)
	check(err)
	c.LLM.MaxChars, err = src.int("llm.max_chars", 0)
	check(err)
	var warnings []string
	c.Corpus.Fields, warnings = src.fields()
	c.Warnings = append(c.Warnings, warnings...)
	if len(errs) == 0 {
		check(c.Validate())
	}
	if len(errs) > 0 {
		// An unknown key often explains a bad value: show both.
		for _, w := range c.Warnings {
			errs = append(errs, errors.New("warning: "+w))
		}
		return nil, errors.Join(errs...)
	}
	return c, nil
}

// Validate checks values that would otherwise fail late.
func (c *Config) Validate() error {
	if c.Load.BatchSize < 1 {
		return fmt.Errorf("load.batch_size must be at least 1 (got %d; set with --batch-size or %s)", c.Load.BatchSize, EnvName("load.batch_size"))
	}
	if c.Load.Workers < 1 {
		return fmt.Errorf("load.workers must be at least 1 (got %d; %s)", c.Load.Workers, EnvName("load.workers"))
	}
	if c.Load.RetryTimeout <= 0 {
		return fmt.Errorf("load.retry_timeout must be more than 0 (got %s; %s)", c.Load.RetryTimeout, EnvName("load.retry_timeout"))
	}
	if c.ShardBy != "id" && c.ShardBy != "file" {
		return fmt.Errorf("shard_by must be id or file (got %q; --shard-by, %s)", c.ShardBy, EnvName("shard_by"))
	}
	if c.Stage.Dir == "" {
		return fmt.Errorf("stage.dir is empty (%s)", EnvName("stage.dir"))
	}
	switch c.Extract.Backend {
	case BackendBuiltin:
	case BackendLLM, BackendHybrid:
		if c.LLM.Model == "" {
			return fmt.Errorf("extract.backend %s needs llm.model, the model the server serves (--llm-model or %s; e.g. qwen2.5:7b for Ollama)", c.Extract.Backend, EnvName("llm.model"))
		}
		if !strings.HasPrefix(c.LLM.Endpoint, "http://") && !strings.HasPrefix(c.LLM.Endpoint, "https://") {
			return fmt.Errorf("llm.endpoint %q is not an http:// or https:// URL like http://localhost:11434/v1 (--llm-endpoint or %s)", RedactURI(c.LLM.Endpoint), EnvName("llm.endpoint"))
		}
	default:
		return fmt.Errorf("extract.backend %q: want builtin, llm or hybrid (--extractor or %s)", c.Extract.Backend, EnvName("extract.backend"))
	}
	if !strings.Contains(c.Neo4j.URI, "://") {
		return fmt.Errorf("neo4j.uri %q is not a URI like bolt://host:7687 (%s)", RedactURI(c.Neo4j.URI), EnvName("neo4j.uri"))
	}
	return nil
}

// sources tells where a key's value came from.
type sources struct {
	v     *viper.Viper
	file  string
	lines map[string]int    // key -> line in file
	flags map[string]string // key -> name of the flag set on the command line
}

// level ranks where key was set: 3 flag, 2 environment, 1 file, 0 default.
func (s sources) level(key string) int {
	if _, ok := s.flags[key]; ok {
		return 3
	}
	if os.Getenv(EnvName(key)) != "" {
		return 2
	}
	if _, ok := s.lines[key]; ok {
		return 1
	}
	return 0
}

// of names where key was set: "--flag", "$KG_VAR", "file:line" or "the
// default".
func (s sources) of(key string) string {
	switch s.level(key) {
	case 3:
		return "--" + s.flags[key]
	case 2:
		return "$" + EnvName(key)
	case 1:
		return fmt.Sprintf("%s:%d", s.file, s.lines[key])
	}
	return "the default"
}

// fields reads corpus.fields.*, each from corpus.csv.* instead when that
// was set at a higher level of precedence; setting corpus.csv.* at all
// gives a warning.
func (s sources) fields() (Fields, []string) {
	vals := map[string]string{}
	var warnings []string
	for _, f := range fieldNames {
		key, old := "corpus.fields."+f, "corpus.csv."+f
		vals[f] = s.v.GetString(key)
		if lo := s.level(old); lo > 0 {
			warnings = append(warnings, fmt.Sprintf("%s (from %s) is deprecated: use %s (%s)", old, s.of(old), key, EnvName(key)))
			if lo > s.level(key) {
				vals[f] = s.v.GetString(old)
			}
		}
	}
	return Fields{ID: vals["id"], Title: vals["title"], Text: vals["text"], URL: vals["url"], Published: vals["published"], Lang: vals["lang"]}, warnings
}

// int reads a whole number of at least min.
func (s sources) int(key string, min int) (int, error) {
	raw := s.v.Get(key)
	var n int
	switch x := raw.(type) {
	case int:
		n = x
	case int64:
		n = int(x)
	case float64:
		if x != math.Trunc(x) || math.Abs(x) > math.MaxInt32 {
			return 0, fmt.Errorf("%s: %v (from %s) is not a whole number", key, x, s.of(key))
		}
		n = int(x)
	default:
		t := strings.TrimSpace(fmt.Sprint(raw))
		i, err := strconv.Atoi(t)
		if err != nil {
			return 0, fmt.Errorf("%s: %q (from %s) is not a whole number", key, fmt.Sprint(raw), s.of(key))
		}
		n = i
	}
	if n < min {
		return 0, fmt.Errorf("%s must be at least %d (got %d from %s)", key, min, n, s.of(key))
	}
	return n, nil
}

// int64 reads a whole number of at least min.
func (s sources) int64(key string, min int64) (int64, error) {
	raw := s.v.Get(key)
	var n int64
	switch x := raw.(type) {
	case int:
		n = int64(x)
	case int64:
		n = x
	case float64:
		if x != math.Trunc(x) || math.Abs(x) > 1<<53 {
			return 0, fmt.Errorf("%s: %v (from %s) is not a whole number", key, x, s.of(key))
		}
		n = int64(x)
	default:
		i, err := strconv.ParseInt(strings.TrimSpace(fmt.Sprint(raw)), 10, 64)
		if err != nil {
			return 0, fmt.Errorf("%s: %q (from %s) is not a whole number", key, fmt.Sprint(raw), s.of(key))
		}
		n = i
	}
	if n < min {
		return 0, fmt.Errorf("%s must be at least %d (got %d from %s)", key, min, n, s.of(key))
	}
	return n, nil
}

// float reads a number in [lo, hi].
func (s sources) float(key string, lo, hi float64) (float64, error) {
	raw := s.v.Get(key)
	var f float64
	switch x := raw.(type) {
	case float64:
		f = x
	case int:
		f = float64(x)
	case int64:
		f = float64(x)
	default:
		v, err := strconv.ParseFloat(strings.TrimSpace(fmt.Sprint(raw)), 64)
		if err != nil {
			return 0, fmt.Errorf("%s: %q (from %s) is not a number", key, fmt.Sprint(raw), s.of(key))
		}
		f = v
	}
	if math.IsNaN(f) || f < lo || f > hi {
		return 0, fmt.Errorf("%s must be between %g and %g (got %g from %s)", key, lo, hi, f, s.of(key))
	}
	return f, nil
}

// bool reads key as on/off, true/false, yes/no or 1/0.
func (s sources) bool(key string) (bool, error) {
	raw := s.v.GetString(key)
	switch strings.ToLower(strings.TrimSpace(raw)) {
	case "true", "on", "yes", "1":
		return true, nil
	case "false", "off", "no", "0":
		return false, nil
	default:
		return false, fmt.Errorf("%s: %q (from %s) is not on or off", key, raw, s.of(key))
	}
}

// duration reads a positive duration with a unit: 90s, 2m, 1h30m.
func (s sources) duration(key string) (time.Duration, error) {
	t := strings.TrimSpace(s.v.GetString(key))
	if _, err := strconv.ParseFloat(t, 64); err == nil {
		return 0, fmt.Errorf("%s: %q (from %s) has no unit; write e.g. 90s, 2m or 1h", key, t, s.of(key))
	}
	d, err := time.ParseDuration(t)
	if err != nil {
		return 0, fmt.Errorf("%s: %q (from %s) is not a duration like 90s, 2m or 1h", key, t, s.of(key))
	}
	if d <= 0 {
		return 0, fmt.Errorf("%s must be more than 0 (got %q from %s)", key, t, s.of(key))
	}
	return d, nil
}

// size reads a number of bytes: a whole number with a unit B, KiB, MiB,
// GiB (or KB, MB, GB, taken as the same powers of two, as Go's GOMEMLIMIT
// does not), or 0 / off for none.
func (s sources) size(key string) (int64, error) {
	t := strings.TrimSpace(s.v.GetString(key))
	if t == "0" || strings.EqualFold(t, "off") {
		return 0, nil
	}
	i := strings.IndexFunc(t, func(r rune) bool { return r < '0' || r > '9' })
	if i <= 0 {
		return 0, fmt.Errorf("%s: %q (from %s) is not a size like 450MiB or 2GiB (or off)", key, t, s.of(key))
	}
	n, err := strconv.ParseInt(t[:i], 10, 64)
	unit := map[string]int64{"b": 1, "kib": 1 << 10, "kb": 1 << 10, "mib": 1 << 20, "mb": 1 << 20, "gib": 1 << 30, "gb": 1 << 30}[strings.ToLower(strings.TrimSpace(t[i:]))]
	if err != nil || unit == 0 || n > math.MaxInt64/unit {
		return 0, fmt.Errorf("%s: %q (from %s) is not a size like 450MiB or 2GiB (or off)", key, t, s.of(key))
	}
	return n * unit, nil
}

// readPasswordFile reads a password: the file's content without its final
// line break. It warns when other users may read the file.
func readPasswordFile(path, from string) (pw, warning string, err error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", "", fmt.Errorf("neo4j.password_file (from %s): %w", from, err)
	}
	pw = strings.TrimRight(string(b), "\r\n")
	if pw == "" {
		return "", "", fmt.Errorf("neo4j.password_file %s (from %s) is empty", path, from)
	}
	if fi, err := os.Stat(path); err == nil && fi.Mode().Perm()&0o077 != 0 {
		warning = fmt.Sprintf("password file %s can be read by other users (mode %04o); chmod 600 %s", path, fi.Mode().Perm(), path)
	}
	return pw, warning, nil
}

// fileKeys reads the keys of a YAML config file with their lines, and
// warns about the keys kg does not know.
func fileKeys(file string) (map[string]int, []string, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, nil, fmt.Errorf("config %s: %w", file, err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return nil, nil, fmt.Errorf("config %s: %w", file, err)
	}
	lines := map[string]int{}
	var warnings []string
	var walk func(n *yaml.Node, prefix string)
	walk = func(n *yaml.Node, prefix string) {
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
			key := prefix + strings.ToLower(k.Value)
			_, leaf := Defaults[key]
			switch {
			case leaf && val.Kind != yaml.MappingNode:
				lines[key] = k.Line
			case !leaf && isSection(key) && val.Kind == yaml.MappingNode:
				walk(val, key+".")
			case !leaf && isSection(key):
				warnings = append(warnings, fmt.Sprintf("%s:%d: %q is a section (%s), not a value; it is ignored", file, k.Line, key, strings.Join(sectionKeys(key), ", ")))
			case leaf:
				warnings = append(warnings, fmt.Sprintf("%s:%d: %q takes a value, not a section; it is ignored", file, k.Line, key))
			default:
				w := fmt.Sprintf("%s:%d: unknown key %q is ignored", file, k.Line, key)
				if s := closestKey(key); s != "" {
					w += fmt.Sprintf(" (did you mean %q?)", s)
				}
				warnings = append(warnings, w)
			}
		}
	}
	if len(doc.Content) > 0 && doc.Content[0].Kind == yaml.MappingNode {
		walk(doc.Content[0], "")
	}
	return lines, warnings, nil
}

// isSection reports whether key is a prefix of known keys (load, corpus.fields).
func isSection(key string) bool { return len(sectionKeys(key)) > 0 }

func sectionKeys(section string) []string {
	var out []string
	for k := range Defaults {
		if rest, ok := strings.CutPrefix(k, section+"."); ok {
			out = append(out, rest)
		}
	}
	slices.Sort(out)
	return out
}

// closestKey is the known key nearest to key by edit distance, when near
// enough to be a misspelling; else a known key with the same last part
// (batch_size written outside load:); else "".
func closestKey(key string) string {
	known := slices.Sorted(maps.Keys(Defaults))
	best, bestD := "", math.MaxInt
	for _, k := range known {
		if d := editDistance(key, k); d < bestD {
			best, bestD = k, d
		}
	}
	if bestD <= max(2, len(key)/3) {
		return best
	}
	last := key[strings.LastIndex(key, ".")+1:]
	for _, k := range known {
		if k[strings.LastIndex(k, ".")+1:] == last {
			return k
		}
	}
	return ""
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
