// Package config reads kg's settings with the precedence
// flag > KG_* environment variable > config.yaml > built-in default.
//
// It is the only package that imports viper. Commands call Load once and get a
// plain Config struct; nothing else reads global state.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"time"

	"github.com/spf13/pflag"
	"github.com/spf13/viper"
)

// Config is every setting kg knows. Field tags name the config.yaml key;
// the environment variable is KG_ followed by the key upper-cased with dots
// replaced by underscores (neo4j.uri -> KG_NEO4J_URI).
type Config struct {
	Neo4j  Neo4j
	Stage  Stage
	Load   LoadOpts
	Corpus Corpus
	// File is the config file that was read ("" when none).
	File string
}

// Neo4j says where the graph lives.
type Neo4j struct {
	URI      string // neo4j.uri
	User     string // neo4j.user
	Password string // neo4j.password
	Database string // neo4j.database ("" = server default)
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

// Corpus tunes the corpus readers.
type Corpus struct {
	// CSV column names for the article fields.
	CSVColumns CSVColumns
}

// CSVColumns maps article fields to CSV header names.
type CSVColumns struct {
	ID, Title, Text, URL, Published, Lang string
}

// Defaults holds the built-in defaults, keyed like config.yaml.
var Defaults = map[string]any{
	"neo4j.uri":            "bolt://127.0.0.1:7687",
	"neo4j.user":           "neo4j",
	"neo4j.password":       "kgpassword",
	"neo4j.database":       "",
	"stage.dir":            ".kg/stage",
	"load.batch_size":      50,
	"load.workers":         2,
	"load.retry_timeout":   "2m",
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
	cfgFile := ""
	if err := v.ReadInConfig(); err != nil {
		if !(errors.Is(err, fs.ErrNotExist) && !explicit) {
			return nil, fmt.Errorf("config %s: %w", file, err)
		}
	} else {
		cfgFile = file
	}
	for _, b := range bindings {
		if b.Flag == nil {
			continue
		}
		if err := v.BindPFlag(b.Key, b.Flag); err != nil {
			return nil, err
		}
	}
	c := &Config{File: cfgFile}
	c.Neo4j = Neo4j{
		URI:      v.GetString("neo4j.uri"),
		User:     v.GetString("neo4j.user"),
		Password: v.GetString("neo4j.password"),
		Database: v.GetString("neo4j.database"),
	}
	c.Stage.Dir = v.GetString("stage.dir")
	c.Load.BatchSize = v.GetInt("load.batch_size")
	c.Load.Workers = v.GetInt("load.workers")
	rt, err := time.ParseDuration(v.GetString("load.retry_timeout"))
	if err != nil {
		return nil, fmt.Errorf("load.retry_timeout (%s): %w", EnvName("load.retry_timeout"), err)
	}
	c.Load.RetryTimeout = rt
	c.Corpus.CSVColumns = CSVColumns{
		ID:        v.GetString("corpus.csv.id"),
		Title:     v.GetString("corpus.csv.title"),
		Text:      v.GetString("corpus.csv.text"),
		URL:       v.GetString("corpus.csv.url"),
		Published: v.GetString("corpus.csv.published"),
		Lang:      v.GetString("corpus.csv.lang"),
	}
	if err := c.Validate(); err != nil {
		return nil, err
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
	if c.Stage.Dir == "" {
		return fmt.Errorf("stage.dir is empty (%s)", EnvName("stage.dir"))
	}
	if !strings.Contains(c.Neo4j.URI, "://") {
		return fmt.Errorf("neo4j.uri %q is not a URI like bolt://host:7687 (%s)", c.Neo4j.URI, EnvName("neo4j.uri"))
	}
	return nil
}
