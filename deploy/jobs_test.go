// Package deploy_test checks the cluster job files of deploy/slurm and
// deploy/k8s: they parse, they agree with kg's flags, and their scripts,
// run here with the variables Slurm and Kubernetes set, stage the shards
// of a corpus and merge them into the export of one run.
package deploy_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// kgBin is the kg binary the script tests run, built once by TestMain
// ("" with -short).
var kgBin string

func TestMain(m *testing.M) {
	flag.Parse()
	if !testing.Short() {
		dir, err := os.MkdirTemp("", "kgdeploy")
		if err != nil {
			panic(err)
		}
		kgBin = filepath.Join(dir, "kg")
		if out, err := exec.Command("go", "build", "-o", kgBin, "../cmd/kg").CombinedOutput(); err != nil {
			fmt.Fprintf(os.Stderr, "building kg: %v\n%s", err, out)
			os.Exit(1)
		}
	}
	code := m.Run()
	if kgBin != "" {
		os.RemoveAll(filepath.Dir(kgBin))
	}
	os.Exit(code)
}

type container struct {
	Name    string
	Image   string
	Command []string
	Args    []string
	Env     []struct{ Name, Value string }
}

type job struct {
	APIVersion string `yaml:"apiVersion"`
	Kind       string
	Metadata   struct{ Name string }
	Spec       struct {
		CompletionMode string `yaml:"completionMode"`
		Completions    int
		Parallelism    int
		Template       struct {
			Spec struct {
				RestartPolicy string `yaml:"restartPolicy"`
				Containers    []container
			}
		}
	}
}

func readJob(t *testing.T, path string) job {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var j job
	if err := yaml.Unmarshal(b, &j); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if j.APIVersion != "batch/v1" || j.Kind != "Job" || j.Metadata.Name == "" || len(j.Spec.Template.Spec.Containers) != 1 {
		t.Fatalf("%s: not a batch/v1 Job with one container: %+v", path, j)
	}
	c := j.Spec.Template.Spec.Containers[0]
	if j.Spec.Template.Spec.RestartPolicy != "Never" || len(c.Command) != 2 || c.Command[0] != "/bin/sh" || len(c.Args) != 1 {
		t.Fatalf("%s: want restartPolicy Never and command /bin/sh -c with one script: %+v", path, j.Spec.Template.Spec)
	}
	return j
}

func env(c container, name string) string {
	for _, e := range c.Env {
		if e.Name == name {
			return e.Value
		}
	}
	return ""
}

// TestJobFilesParse: the YAML files are Kubernetes Jobs (the shards one an
// Indexed Job whose completions are its KG_SHARDS), every script passes
// the shell's syntax check, and the Slurm array starts at 0.
func TestJobFilesParse(t *testing.T) {
	j := readJob(t, "k8s/kg-shards-job.yaml")
	c := j.Spec.Template.Spec.Containers[0]
	if by := env(c, "KG_SHARD_BY"); by != "file" && by != "id" {
		t.Errorf("kg-shards: KG_SHARD_BY %q", by)
	}
	if j.Spec.CompletionMode != "Indexed" || j.Spec.Completions < 1 || strconv.Itoa(j.Spec.Completions) != env(c, "KG_SHARDS") {
		t.Errorf("kg-shards: completionMode %q, completions %d, KG_SHARDS %q: want Indexed and KG_SHARDS = completions",
			j.Spec.CompletionMode, j.Spec.Completions, env(c, "KG_SHARDS"))
	}
	m := readJob(t, "k8s/kg-merge-job.yaml")
	for _, s := range []struct{ name, sh, script string }{
		{"kg-shards-job.yaml", "sh", c.Args[0]},
		{"kg-merge-job.yaml", "sh", m.Spec.Template.Spec.Containers[0].Args[0]},
	} {
		if out, err := exec.Command(s.sh, "-n", "-c", s.script).CombinedOutput(); err != nil {
			t.Errorf("%s: script: %v\n%s", s.name, err, out)
		}
	}
	for _, f := range []string{"slurm/kg-shards.sbatch", "slurm/kg-merge.sbatch"} {
		if out, err := exec.Command("bash", "-n", f).CombinedOutput(); err != nil {
			t.Errorf("%s: %v\n%s", f, err, out)
		}
	}
	b, _ := os.ReadFile("slurm/kg-shards.sbatch")
	if !strings.Contains(string(b), "#SBATCH --array=0-") {
		t.Errorf("kg-shards.sbatch: the array must start at 0")
	}
}

// TestJobScriptsRun runs the Slurm scripts as 3 array tasks (cut by file,
// their default) and the Kubernetes scripts as 2 indexed pods (cut by id),
// with the variables each sets, on the examples; then their merge scripts.
// Both give the neo4j-admin export of one kg load of the corpus, byte for
// byte.
func TestJobScriptsRun(t *testing.T) {
	if testing.Short() {
		t.Skip("builds kg and runs it")
	}
	tmp := t.TempDir()
	kg := kgBin
	cfg := filepath.Join(tmp, "config.yaml") // no settings from the repo's config.yaml
	if err := os.WriteFile(cfg, []byte("{}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	corpus, err := filepath.Abs("../examples")
	if err != nil {
		t.Fatal(err)
	}
	base := append(os.Environ(), "KG_BIN="+kg, "KG_CONFIG="+cfg, "KG_CORPUS="+corpus, "KG_LOCAL="+tmp)
	run := func(name string, extra []string, args ...string) {
		t.Helper()
		cmd := exec.Command(args[0], args[1:]...)
		cmd.Env = append(append([]string{}, base...), extra...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%s: %v\n%s", name, err, out)
		}
	}

	slurm := filepath.Join(tmp, "slurm")
	for i := range 3 {
		run("kg-shards.sbatch task "+strconv.Itoa(i), []string{"KG_WORK=" + slurm, "SLURM_ARRAY_TASK_ID=" + strconv.Itoa(i),
			"SLURM_ARRAY_TASK_COUNT=3", "SLURM_ARRAY_TASK_MIN=0", "SLURM_CPUS_PER_TASK=1"}, "bash", "slurm/kg-shards.sbatch")
	}
	run("kg-merge.sbatch", []string{"KG_WORK=" + slurm}, "bash", "slurm/kg-merge.sbatch")

	k8s := filepath.Join(tmp, "k8s")
	shards := readJob(t, "k8s/kg-shards-job.yaml").Spec.Template.Spec.Containers[0].Args[0]
	for i := range 2 {
		run("kg-shards-job.yaml pod "+strconv.Itoa(i), []string{"KG_WORK=" + k8s, "KG_SHARDS=2", "KG_SHARD_BY=id", "JOB_COMPLETION_INDEX=" + strconv.Itoa(i)},
			"sh", "-c", shards)
	}
	merge := readJob(t, "k8s/kg-merge-job.yaml").Spec.Template.Spec.Containers[0].Args[0]
	run("kg-merge-job.yaml", []string{"KG_WORK=" + k8s}, "sh", "-c", merge)

	one := filepath.Join(tmp, "one")
	run("kg load", []string{"KG_STAGE_DIR=" + filepath.Join(one, "stage")}, kg, "load", "-q", "--stage-only", corpus)
	run("kg export", []string{"KG_STAGE_DIR=" + filepath.Join(one, "stage")}, kg, "export", "-q", "--format", "neo4j-admin", filepath.Join(one, "import"))

	for _, f := range []string{"articles.csv", "entities.csv", "evidence.csv", "mentioned_in.csv", "in_article.csv", "relations.csv"} {
		want, err := os.ReadFile(filepath.Join(one, "import", f))
		if err != nil {
			t.Fatal(err)
		}
		for _, dir := range []string{slurm, k8s} {
			got, err := os.ReadFile(filepath.Join(dir, "import", f))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s/import/%s differs from one run's", dir, f)
			}
		}
	}
	for i := range 3 {
		if b, err := os.ReadFile(filepath.Join(slurm, "shards", strconv.Itoa(i)+".json")); err != nil ||
			!bytes.Contains(b, []byte(`"shard": "`+strconv.Itoa(i)+`/3"`)) || !bytes.Contains(b, []byte(`"shard_by": "file"`)) {
			t.Errorf("shard %d summary: %s %v", i, b, err)
		}
	}
	if rest, _ := filepath.Glob(filepath.Join(tmp, "kg-shard-*")); len(rest) > 0 {
		t.Errorf("local staging folders left behind: %v", rest)
	}
}

// TestShardScriptExitCodes: a task whose kg skipped bad input (exit 1, its
// summary written) succeeds and keeps its shard; a task whose kg failed
// otherwise (exit 1, no summary) fails and leaves no shard folder. Both
// the Slurm script and the Indexed Job's.
func TestShardScriptExitCodes(t *testing.T) {
	if testing.Short() {
		t.Skip("builds kg and runs it")
	}
	tmp := t.TempDir()
	kg := kgBin
	cfg := filepath.Join(tmp, "config.yaml")
	if err := os.WriteFile(cfg, []byte("{}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(tmp, "bad.jsonl")
	if err := os.WriteFile(bad, []byte(`{"id":"a","text":"Omar Farouk met Mei Lin in Cairo."}`+"\n{not json\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	k8s := readJob(t, "k8s/kg-shards-job.yaml").Spec.Template.Spec.Containers[0].Args[0]
	for _, tc := range []struct {
		name string
		bin  string
		ok   bool
	}{{"bad input", kg, true}, {"kg fails", "/bin/false", false}} {
		for _, script := range []struct {
			name string
			args []string
			env  []string
		}{
			{"slurm", []string{"bash", "slurm/kg-shards.sbatch"}, []string{"SLURM_ARRAY_TASK_ID=0", "SLURM_ARRAY_TASK_COUNT=1"}},
			{"k8s", []string{"sh", "-c", k8s}, []string{"JOB_COMPLETION_INDEX=0", "KG_SHARDS=1"}},
		} {
			work := filepath.Join(t.TempDir(), "work")
			cmd := exec.Command(script.args[0], script.args[1:]...)
			cmd.Env = append(append(os.Environ(), "KG_BIN="+tc.bin, "KG_CONFIG="+cfg, "KG_CORPUS="+bad, "KG_LOCAL="+tmp, "KG_WORK="+work), script.env...)
			out, err := cmd.CombinedOutput()
			_, statErr := os.Stat(filepath.Join(work, "shards", "0", "MANIFEST"))
			if (err == nil) != tc.ok || (statErr == nil) != tc.ok {
				t.Errorf("%s, %s: exit %v, shard folder %v; want success %v\n%s", script.name, tc.name, err, statErr, tc.ok, out)
			}
		}
	}
}
