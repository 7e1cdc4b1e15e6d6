package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

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

func writeFile(t *testing.T, name, content string, mode os.FileMode) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(p, mode); err != nil { // whatever the umask
		t.Fatal(err)
	}
	return p
}

func TestUnknownKeysWarn(t *testing.T) {
	cfg := writeFile(t, "config.yaml", "neo4j:\n  uri: bolt://h:1\nload:\n  batchsize: 5\n  wokers: 3\n  workers: 4\nbatch_size: 9\ncorpus:\n  csv: x\nneo4j_uri: y\ntotally_unrelated_setting: z\n", 0o644)
	c, err := Load(cfg)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		cfg + `:4: unknown key "load.batchsize" is ignored (did you mean "load.batch_size"?)`,
		cfg + `:5: unknown key "load.wokers" is ignored (did you mean "load.workers"?)`,
		cfg + `:7: unknown key "batch_size" is ignored (did you mean "load.batch_size"?)`,
		cfg + `:9: "corpus.csv" is a section (id, lang, published, text, title, url), not a value; it is ignored`,
		cfg + `:10: unknown key "neo4j_uri" is ignored (did you mean "neo4j.uri"?)`,
		cfg + `:11: unknown key "totally_unrelated_setting" is ignored`,
	}
	if strings.Join(c.Warnings, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(c.Warnings, "\n"), strings.Join(want, "\n"))
	}
	if c.Load.Workers != 4 || c.Load.BatchSize != 50 {
		t.Errorf("known keys still apply: %+v", c.Load)
	}
	// When a value is wrong too, the error carries the warnings.
	cfg = writeFile(t, "config.yaml", "stage: x\n", 0o644)
	if _, err := Load(cfg); err == nil || !strings.Contains(err.Error(), "stage.dir is empty") || !strings.Contains(err.Error(), cfg+`:1: "stage" is a section (dir), not a value`) {
		t.Errorf("stage: x: %v", err)
	}
	// The shipped config.yaml has no unknown key.
	c, err = Load("../../config.yaml")
	if err != nil || len(c.Warnings) != 0 {
		t.Errorf("config.yaml: %v %v", err, c.Warnings)
	}
}

func TestMemoryLimit(t *testing.T) {
	for _, tc := range []struct {
		env  string
		want int64
	}{{"", 400 << 20}, {"1GiB", 1 << 30}, {"300 MB", 300 << 20}, {"off", 0}, {"0", 0}, {"4096b", 4096}} {
		t.Chdir(t.TempDir())
		t.Setenv("KG_MEMORY_LIMIT", tc.env)
		c, err := Load("")
		if err != nil {
			t.Errorf("KG_MEMORY_LIMIT=%q: %v", tc.env, err)
		} else if c.MemoryLimit != tc.want {
			t.Errorf("KG_MEMORY_LIMIT=%q: %d %v, want %d", tc.env, c.MemoryLimit, err, tc.want)
		}
	}
}

func TestHugePages(t *testing.T) {
	for _, tc := range []struct {
		env, file string
		want      bool
	}{{"", "", true}, {"off", "", false}, {"OFF", "", false}, {"on", "", true}, {"false", "", false}, {"0", "", false}, {"", "huge_pages: off\n", false}, {"", "huge_pages: false\n", false}, {"yes", "huge_pages: off\n", true}} {
		t.Chdir(t.TempDir())
		t.Setenv("KG_HUGE_PAGES", tc.env)
		if tc.file != "" {
			if err := os.WriteFile("config.yaml", []byte(tc.file), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		c, err := Load("")
		if err != nil {
			t.Errorf("KG_HUGE_PAGES=%q, file %q: %v", tc.env, tc.file, err)
		} else if c.HugePages != tc.want {
			t.Errorf("KG_HUGE_PAGES=%q, file %q: %v, want %v", tc.env, tc.file, c.HugePages, tc.want)
		}
	}
}

func TestBadValuesNameTheirSource(t *testing.T) {
	for _, tc := range []struct {
		name string
		env  map[string]string
		file string // config.yaml content
		flag string // --batch-size value
		want []string
	}{
		{name: "env not a number", env: map[string]string{"KG_LOAD_BATCH_SIZE": "abc"}, want: []string{`load.batch_size: "abc" (from $KG_LOAD_BATCH_SIZE) is not a whole number`}},
		{name: "env fraction", env: map[string]string{"KG_LOAD_WORKERS": "2.5"}, want: []string{`load.workers: "2.5" (from $KG_LOAD_WORKERS) is not a whole number`}},
		{name: "env zero", env: map[string]string{"KG_LOAD_BATCH_SIZE": "0"}, want: []string{"load.batch_size must be at least 1 (got 0 from $KG_LOAD_BATCH_SIZE)"}},
		{name: "file not a number", file: "load:\n  batch_size: abc\n", want: []string{`load.batch_size: "abc" (from CFG:2) is not a whole number`}},
		{name: "file fraction", file: "load:\n  workers: 1.5\n", want: []string{"load.workers: 1.5 (from CFG:2) is not a whole number"}},
		{name: "flag", flag: "-3", want: []string{"load.batch_size must be at least 1 (got -3 from --batch-size)"}},
		{name: "duration without unit (env)", env: map[string]string{"KG_LOAD_RETRY_TIMEOUT": "7.9"}, want: []string{`load.retry_timeout: "7.9" (from $KG_LOAD_RETRY_TIMEOUT) has no unit; write e.g. 90s, 2m or 1h`}},
		{name: "duration without unit (file)", file: "load:\n  retry_timeout: 7.9\n", want: []string{`load.retry_timeout: "7.9" (from CFG:2) has no unit`}},
		{name: "duration zero without unit", env: map[string]string{"KG_LOAD_RETRY_TIMEOUT": "0"}, want: []string{"has no unit"}},
		{name: "negative duration", env: map[string]string{"KG_LOAD_RETRY_TIMEOUT": "-5s"}, want: []string{`load.retry_timeout must be more than 0 (got "-5s" from $KG_LOAD_RETRY_TIMEOUT)`}},
		{name: "zero duration", file: "load:\n  retry_timeout: 0s\n", want: []string{`load.retry_timeout must be more than 0 (got "0s" from CFG:2)`}},
		{name: "bad duration", env: map[string]string{"KG_LOAD_RETRY_TIMEOUT": "soon"}, want: []string{`load.retry_timeout: "soon" (from $KG_LOAD_RETRY_TIMEOUT) is not a duration`}},
		{name: "size without unit", env: map[string]string{"KG_MEMORY_LIMIT": "512"}, want: []string{`memory_limit: "512" (from $KG_MEMORY_LIMIT) is not a size like 450MiB or 2GiB (or off)`}},
		{name: "size with a bad unit", file: "memory_limit: 2 TB\n", want: []string{`memory_limit: "2 TB" (from CFG:1) is not a size`}},
		{name: "not on or off", file: "huge_pages: maybe\n", want: []string{`huge_pages: "maybe" (from CFG:1) is not on or off`}},
		{name: "all at once", env: map[string]string{"KG_LOAD_BATCH_SIZE": "x", "KG_LOAD_RETRY_TIMEOUT": "-1m"}, want: []string{"load.batch_size:", "load.retry_timeout must"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			for k, v := range tc.env {
				t.Setenv(k, v)
			}
			file := ""
			if tc.file != "" {
				file = writeFile(t, "config.yaml", tc.file, 0o644)
			}
			fs := pflag.NewFlagSet("x", pflag.ContinueOnError)
			fs.Int("batch-size", 0, "")
			if tc.flag != "" {
				if err := fs.Parse([]string{"--batch-size=" + tc.flag}); err != nil {
					t.Fatal(err)
				}
			}
			_, err := Load(file, Binding{Key: "load.batch_size", Flag: fs.Lookup("batch-size")})
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tc.want {
				if w = strings.ReplaceAll(w, "CFG", file); !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
	// Good values still load: a duration with a unit, numbers as text.
	t.Chdir(t.TempDir())
	t.Setenv("KG_LOAD_RETRY_TIMEOUT", "90s")
	t.Setenv("KG_LOAD_BATCH_SIZE", " 12 ")
	c, err := Load("")
	if err != nil || c.Load.RetryTimeout != 90*time.Second || c.Load.BatchSize != 12 {
		t.Fatalf("%+v %v", c, err)
	}
}

func TestPasswordFile(t *testing.T) {
	secret := writeFile(t, "pw", "s3cret-from-file\n", 0o600)
	open := writeFile(t, "pw", "readable\r\n", 0o644)
	empty := writeFile(t, "pw", "\n", 0o600)
	cfgWithPassword := writeFile(t, "config.yaml", "neo4j:\n  password: from-config\n", 0o644)
	cfgWithFile := writeFile(t, "config.yaml", "neo4j:\n  password: from-config\n  password_file: "+secret+"\n", 0o644)
	for _, tc := range []struct {
		name     string
		file     string
		env      map[string]string
		flagPW   string
		flagFile string
		want     string // password, or the error when err
		err      bool
		warn     string
	}{
		{name: "env file over config password", file: cfgWithPassword, env: map[string]string{"KG_NEO4J_PASSWORD_FILE": secret}, want: "s3cret-from-file"},
		{name: "config file over config password", file: cfgWithFile, want: "s3cret-from-file"},
		{name: "env password over config file", file: cfgWithFile, env: map[string]string{"KG_NEO4J_PASSWORD": "from-env"}, want: "from-env"},
		{name: "flag password over env file", env: map[string]string{"KG_NEO4J_PASSWORD_FILE": secret}, flagPW: "from-flag", want: "from-flag"},
		{name: "flag file over env password", env: map[string]string{"KG_NEO4J_PASSWORD": "from-env"}, flagFile: secret, want: "s3cret-from-file"},
		{name: "readable by others", flagFile: open, want: "readable", warn: "password file " + open + " can be read by other users (mode 0644); chmod 600"},
		{name: "missing", env: map[string]string{"KG_NEO4J_PASSWORD_FILE": "/nonexistent/pw"}, err: true, want: "neo4j.password_file (from $KG_NEO4J_PASSWORD_FILE): open /nonexistent/pw: no such file or directory"},
		{name: "empty", flagFile: empty, err: true, want: "neo4j.password_file " + empty + " (from --neo4j-password-file) is empty"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			for k, v := range tc.env {
				t.Setenv(k, v)
			}
			fs := pflag.NewFlagSet("x", pflag.ContinueOnError)
			fs.String("neo4j-password", "", "")
			fs.String("neo4j-password-file", "", "")
			var args []string
			if tc.flagPW != "" {
				args = append(args, "--neo4j-password="+tc.flagPW)
			}
			if tc.flagFile != "" {
				args = append(args, "--neo4j-password-file="+tc.flagFile)
			}
			if err := fs.Parse(args); err != nil {
				t.Fatal(err)
			}
			c, err := Load(tc.file, Binding{Key: "neo4j.password", Flag: fs.Lookup("neo4j-password")}, Binding{Key: "neo4j.password_file", Flag: fs.Lookup("neo4j-password-file")})
			if tc.err {
				if err == nil || !strings.Contains(err.Error(), tc.want) {
					t.Fatalf("err %v, want %q", err, tc.want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if c.Neo4j.Password != tc.want {
				t.Errorf("password %q, want %q", c.Neo4j.Password, tc.want)
			}
			if w := strings.Join(c.Warnings, "\n"); (tc.warn == "") != (w == "") || !strings.Contains(w, tc.warn) {
				t.Errorf("warnings %q, want %q", w, tc.warn)
			}
		})
	}
}

func TestRedactURI(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"bolt://neo4j:secret@host:7687", "bolt://neo4j:xxxxx@host:7687"},
		{"neo4j+s://u:p%40ss@abcd.databases.neo4j.io", "neo4j+s://u:xxxxx@abcd.databases.neo4j.io"},
		{"bolt://neo4j:pa@ss@host:7687/db", "bolt://neo4j:xxxxx@host:7687/db"},
		{"bolt://neo4j@host:7687", "bolt://neo4j@host:7687"},
		{"bolt://127.0.0.1:7687", "bolt://127.0.0.1:7687"},
		{"bolt://neo4j:se%zzcret@host:7687", "bolt://xxxxx@host:7687"}, // does not parse
		{"neo4j:secret@host:7687", "xxxxx@host:7687"},                  // no "//": opaque
		{"not a uri", "not a uri"},
	} {
		if got := RedactURI(tc.in); got != tc.want {
			t.Errorf("RedactURI(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	t.Setenv("KG_NEO4J_URI", "neo4j:secret@host")
	t.Chdir(t.TempDir())
	if _, err := Load(""); err == nil || strings.Contains(err.Error(), "secret") {
		t.Errorf("invalid URI error shows the password: %v", err)
	}
}

// TestCorpusFields: corpus.fields.* name the article fields for every
// format; the older corpus.csv.* still work, with a warning, and win only
// when set at a higher level of precedence.
func TestCorpusFields(t *testing.T) {
	tests := []struct {
		name, file string
		env        map[string]string
		wantText   string
		wantTitle  string
		warn       string // a warning contains it ("" = no warning)
	}{
		{name: "defaults", wantText: "text", wantTitle: "title"},
		{name: "fields in the file", file: "corpus:\n  fields:\n    text: body\n", wantText: "body", wantTitle: "title"},
		{name: "csv in the file", file: "corpus:\n  csv:\n    text: body\n    title: headline\n", wantText: "body", wantTitle: "headline",
			warn: `corpus.csv.text (from CFG:3) is deprecated: use corpus.fields.text (KG_CORPUS_FIELDS_TEXT)`},
		{name: "fields win over csv in the file", file: "corpus:\n  csv:\n    text: body\n  fields:\n    text: content\n", wantText: "content", wantTitle: "title",
			warn: "corpus.csv.text"},
		{name: "csv env over fields file", file: "corpus:\n  fields:\n    text: content\n", env: map[string]string{"KG_CORPUS_CSV_TEXT": "article"},
			wantText: "article", wantTitle: "title", warn: "$KG_CORPUS_CSV_TEXT"},
		{name: "fields env over csv env", env: map[string]string{"KG_CORPUS_CSV_TEXT": "article", "KG_CORPUS_FIELDS_TEXT": "body"},
			wantText: "body", wantTitle: "title", warn: "corpus.csv.text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			cfg := writeFile(t, "config.yaml", tt.file, 0o644)
			c, err := Load(cfg)
			if err != nil {
				t.Fatal(err)
			}
			f := c.Corpus.Fields
			if f.Text != tt.wantText || f.Title != tt.wantTitle || f.ID != "id" || f.Published != "published" {
				t.Errorf("fields %+v, want text %q title %q", f, tt.wantText, tt.wantTitle)
			}
			warnings := strings.Join(c.Warnings, "\n")
			if tt.warn == "" && warnings != "" || !strings.Contains(warnings, strings.ReplaceAll(tt.warn, "CFG", cfg)) {
				t.Errorf("warnings %q, want one with %q", warnings, tt.warn)
			}
		})
	}
}

// TestHomeCountry: extract.home_country comes from the file, $KG_EXTRACT_HOME_COUNTRY
// or a flag, trimmed; none by default.
func TestHomeCountry(t *testing.T) {
	t.Chdir(t.TempDir())
	c, err := Load("")
	if err != nil {
		t.Fatal(err)
	}
	if c.Extract.HomeCountry != "" {
		t.Errorf("default home country %q, want none", c.Extract.HomeCountry)
	}
	t.Setenv("KG_EXTRACT_HOME_COUNTRY", " Saudi Arabia ")
	if c, err = Load(""); err != nil {
		t.Fatal(err)
	}
	if c.Extract.HomeCountry != "Saudi Arabia" {
		t.Errorf("home country from the environment %q, want %q", c.Extract.HomeCountry, "Saudi Arabia")
	}
}
