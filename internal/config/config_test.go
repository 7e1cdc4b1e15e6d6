package config

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/spf13/pflag"
)

func TestPrecedence(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(cfg, []byte("neo4j:\n  uri: bolt://file:1\n  user: fileuser\nload:\n  batch_size: 7\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		env      map[string]string
		flag     string // value for --neo4j-uri, "" = not set
		wantURI  string
		wantUser string
		wantBS   int
	}{
		{name: "file over default", wantURI: "bolt://file:1", wantUser: "fileuser", wantBS: 7},
		{name: "env over file", env: map[string]string{"KG_NEO4J_URI": "bolt://env:2", "KG_LOAD_BATCH_SIZE": "9"}, wantURI: "bolt://env:2", wantUser: "fileuser", wantBS: 9},
		{name: "flag over env", env: map[string]string{"KG_NEO4J_URI": "bolt://env:2"}, flag: "bolt://flag:3", wantURI: "bolt://flag:3", wantUser: "fileuser", wantBS: 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			fs := pflag.NewFlagSet("x", pflag.ContinueOnError)
			fs.String("neo4j-uri", "", "")
			if tt.flag != "" {
				if err := fs.Parse([]string{"--neo4j-uri=" + tt.flag}); err != nil {
					t.Fatal(err)
				}
			}
			var b []Binding
			if f := fs.Lookup("neo4j-uri"); f.Changed {
				b = append(b, Binding{Key: "neo4j.uri", Flag: f})
			}
			c, err := Load(cfg, b...)
			if err != nil {
				t.Fatal(err)
			}
			if c.Neo4j.URI != tt.wantURI || c.Neo4j.User != tt.wantUser || c.Load.BatchSize != tt.wantBS {
				t.Errorf("got uri=%q user=%q bs=%d, want %q %q %d", c.Neo4j.URI, c.Neo4j.User, c.Load.BatchSize, tt.wantURI, tt.wantUser, tt.wantBS)
			}
		})
	}
}

func TestDefaultsWithoutFile(t *testing.T) {
	t.Chdir(t.TempDir())
	c, err := Load("")
	if err != nil {
		t.Fatal(err)
	}
	if c.Neo4j.URI != "bolt://127.0.0.1:7687" || c.File != "" {
		t.Errorf("defaults: %+v", c)
	}
}

func TestExplicitMissingFile(t *testing.T) {
	if _, err := Load(filepath.Join(t.TempDir(), "nope.yaml")); err == nil {
		t.Fatal("want error for a missing explicit config file")
	}
}

func TestInvalid(t *testing.T) {
	t.Chdir(t.TempDir())
	t.Setenv("KG_LOAD_BATCH_SIZE", "0")
	if _, err := Load(""); err == nil {
		t.Fatal("want error for batch size 0")
	}
}

func TestEnvName(t *testing.T) {
	if got := EnvName("neo4j.uri"); got != "KG_NEO4J_URI" {
		t.Errorf("EnvName = %q", got)
	}
}
