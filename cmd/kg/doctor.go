package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/config"
	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/llm"
	"github.com/kg-project/kg/internal/stage"
	"github.com/kg-project/kg/schema"
)

type check struct {
	Name   string `json:"name"`
	OK     bool   `json:"ok"`
	Detail string `json:"detail"`
	Fix    string `json:"fix,omitempty"`
}

func newDoctorCommand(g *globalOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "doctor",
		Short: "Check the configuration, the staging folder and the Neo4j connection, and say what to fix",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			checks := runDoctor(cmd.Context(), g, cmd)
			bad := 0
			for _, c := range checks {
				if !c.OK {
					bad++
				}
			}
			if g.JSON {
				if err := printJSON(g.stdout, checks); err != nil {
					return err
				}
			} else {
				printChecks(g.stdout, checks)
			}
			if bad > 0 {
				return fmt.Errorf("%d of %d checks failed", bad, len(checks))
			}
			return nil
		},
	}
	addNeo4jFlags(cmd)
	addStageFlags(cmd)
	addExtractorFlags(cmd)
	return cmd
}

func printChecks(w io.Writer, checks []check) {
	for _, c := range checks {
		mark := "ok  "
		if !c.OK {
			mark = "FAIL"
		}
		fmt.Fprintf(w, "[%s] %-10s %s\n", mark, c.Name, c.Detail)
		if c.Fix != "" {
			fmt.Fprintf(w, "           fix: %s\n", c.Fix)
		}
	}
}

func runDoctor(ctx context.Context, g *globalOptions, cmd *cobra.Command) []check {
	var out []check
	cfg, err := g.loadConfig(cmd, merge(neo4jFlags, stageFlags, extractorFlags))
	if err != nil {
		return append(out, check{Name: "config", Detail: err.Error(), Fix: "correct the value named above in config.yaml, the KG_* variable or the flag"})
	}
	src := cfg.File
	if src == "" {
		src = "no config file (defaults and KG_* variables)"
	}
	out = append(out, check{Name: "config", OK: true, Detail: fmt.Sprintf("%s; neo4j %s as %s%s", src, config.RedactURI(cfg.Neo4j.URI), cfg.Neo4j.User, passwordSource(cfg))})
	out = append(out, checkStage(cfg))
	if c, ok := checkLLM(ctx, cfg); ok {
		out = append(out, c)
	}
	out = append(out, checkNeo4j(ctx, cfg)...)
	out = append(out, checkGraphMatchesStaging(ctx, cfg))
	return out
}

// checkLLM checks the LLM server when extract.backend uses one (ok false
// otherwise): it answers, and serves llm.model. No chat request is made.
func checkLLM(ctx context.Context, cfg *config.Config) (check, bool) {
	_, lx, err := newExtractor(cfg, nil)
	if err != nil {
		return check{Name: "llm", Detail: err.Error(), Fix: "set llm.endpoint and llm.model (--llm-endpoint, --llm-model; $KG_LLM_ENDPOINT, $KG_LLM_MODEL)"}, true
	}
	if lx == nil {
		return check{}, false
	}
	detail, err := lx.Check(ctx)
	if err != nil {
		fix := "start the server (ollama serve) or set llm.endpoint ($KG_LLM_ENDPOINT) to it"
		if errors.Is(err, llm.ErrRejected) {
			fix = "set llm.model ($KG_LLM_MODEL) to a model the server serves (ollama pull MODEL), and $KG_LLM_API_KEY when it needs a key"
		}
		return check{Name: "llm", Detail: err.Error(), Fix: fix}, true
	}
	return check{Name: "llm", OK: true, Detail: detail + " (extractor " + cfg.Extract.Backend + ")"}, true
}

// passwordSource says where the password comes from when it is a file.
func passwordSource(cfg *config.Config) string {
	if cfg.Neo4j.PasswordFile != "" {
		return ", password from " + cfg.Neo4j.PasswordFile
	}
	return ""
}

func checkStage(cfg *config.Config) check {
	dir, _ := filepath.Abs(cfg.Stage.Dir)
	if _, err := os.Stat(dir); errors.Is(err, os.ErrNotExist) {
		return check{Name: "staging", OK: true, Detail: dir + " does not exist yet; kg load creates it"}
	}
	st, err := stage.Open(dir)
	if err != nil {
		fix := "check the folder's permissions and free space, or point stage.dir ($KG_STAGE_DIR) elsewhere"
		switch {
		case errors.Is(err, stage.ErrLocked):
			fix = "another kg is running on this folder; wait for it to finish"
		case errors.Is(err, stage.ErrDamaged):
			fix = "run `kg stage verify --repair`, then `kg load CORPUS` to re-extract what it dropped"
		case errors.Is(err, stage.ErrDiskFull):
			fix = "free space on the staging folder's disk, or point stage.dir ($KG_STAGE_DIR) to another disk"
		}
		return check{Name: "staging", Detail: err.Error(), Fix: fix}
	}
	defer st.Close()
	s, err := st.Status()
	if err != nil {
		return check{Name: "staging", Detail: err.Error(), Fix: "the folder may be damaged; move it away and run kg load again"}
	}
	pending := 0
	for _, t := range s.Targets {
		pending += t.Pending
	}
	return check{Name: "staging", OK: true, Detail: fmt.Sprintf("%s: %d articles, %d pending writes", dir, s.Articles, pending)}
}

func checkNeo4j(ctx context.Context, cfg *config.Config) []check {
	gc := graphConfig(cfg)
	c, err := graph.Open(ctx, gc)
	if err != nil {
		fix := "start the local server with `make neo4j-up`, or set KG_NEO4J_URI / neo4j.uri to your server"
		if errors.Is(err, graph.ErrAuth) {
			fix = "set the right KG_NEO4J_USER and KG_NEO4J_PASSWORD_FILE or KG_NEO4J_PASSWORD (config neo4j.user, neo4j.password_file, neo4j.password)"
		}
		return []check{{Name: "neo4j", Detail: err.Error(), Fix: fix}}
	}
	defer c.Close(ctx)
	ver, _ := c.ServerVersion(ctx)
	out := []check{{Name: "neo4j", OK: true, Detail: fmt.Sprintf("connected to %s (%s)", config.RedactURI(cfg.Neo4j.URI), ver)}}
	migs, err := graph.ReadMigrations(schema.Files)
	if err == nil {
		var r *graph.Result
		r, err = c.Query(ctx, "MATCH (m:KgMigration) RETURN m.name, m.checksum", nil, true)
		if err == nil {
			have := map[string]string{}
			for _, row := range r.Rows {
				n, _ := row[0].(string)
				s, _ := row[1].(string)
				have[n] = s
			}
			missing := 0
			for _, m := range migs {
				if have[m.Name] != m.Checksum {
					missing++
				}
			}
			if missing > 0 {
				out = append(out, check{Name: "schema", Detail: fmt.Sprintf("%d of %d migrations not applied", missing, len(migs)), Fix: "run `kg schema apply` (kg load also applies it)"})
			} else {
				out = append(out, check{Name: "schema", OK: true, Detail: fmt.Sprintf("%d migrations applied", len(migs))})
			}
		}
	}
	if err != nil {
		out = append(out, check{Name: "schema", Detail: err.Error()})
	}
	if _, err := c.Query(ctx, "RETURN apoc.version() AS v", nil, true); err != nil {
		out = append(out, check{Name: "apoc", OK: true, Detail: "APOC not installed: kg works without it; the saved queries marked APOC need it"})
	} else {
		out = append(out, check{Name: "apoc", OK: true, Detail: "APOC available"})
	}
	if n, r, err := c.Counts(ctx); err == nil {
		out = append(out, check{Name: "graph", OK: true, Detail: fmt.Sprintf("%d nodes, %d relationships", n, r)})
	}
	if n, err := c.Unsettled(ctx); err != nil {
		out = append(out, check{Name: "settled", Detail: err.Error()})
	} else if n > 0 {
		out = append(out, check{Name: "settled", Detail: fmt.Sprintf("%d entities written by a push that stopped before its end: their aggregates and relation edges may be stale", n),
			Fix: "run `kg push`: it settles them, even with nothing left to write"})
	} else {
		out = append(out, check{Name: "settled", OK: true, Detail: "the aggregates of every entity are up to date"})
	}
	return append(out, coMentionCheck(ctx, c))
}

// coMentionCheck says whether the co-mention counts are complete. An empty
// graph needs none.
func coMentionCheck(ctx context.Context, c *graph.Client) check {
	counted, err := c.CoMentionsCounted(ctx)
	if err != nil {
		return check{Name: "co-mention", Detail: err.Error()}
	}
	if counted {
		return check{Name: "co-mention", OK: true, Detail: "the co-mention counts are complete"}
	}
	r, err := c.Query(ctx, "MATCH (e:Entity) RETURN count(e) > 0", nil, true)
	if err != nil {
		return check{Name: "co-mention", Detail: err.Error()}
	}
	if some, _ := r.Rows[0][0].(bool); !some {
		return check{Name: "co-mention", OK: true, Detail: "no entities yet"}
	}
	return check{Name: "co-mention", Detail: "the graph has no complete co-mention counts (written by an older kg, or bulk-imported without kg finish-import): co_mention_pairs scans every article instead",
		Fix: "run `kg push` (it counts them first) or, after a bulk import, `kg finish-import`"}
}
