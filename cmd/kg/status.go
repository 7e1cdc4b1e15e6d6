package main

import (
	"fmt"
	"sort"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/loader"
	"github.com/kg-project/kg/internal/stage"
)

func newStatusCommand(g *globalOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "status",
		Short: "Show what is staged: articles, extractions per extractor version, pending and loaded per target",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := g.loadConfig(cmd, merge(stageFlags, extractorFlags))
			if err != nil {
				return err
			}
			cur, err := extractorVersion(cfg) // the configured extractor's (extract.backend)
			if err != nil {
				return err
			}
			st, err := openStage(cfg)
			if err != nil {
				return err
			}
			defer st.Close()
			s, err := st.Status()
			if err != nil {
				return err
			}
			sh, err := st.Shard()
			if err != nil {
				return err
			}
			if g.JSON {
				return printJSON(g.stdout, struct {
					*stage.Status
					Shard *stage.ShardInfo `json:"shard,omitempty"`
				}{s, sh})
			}
			w := g.stdout
			fmt.Fprintf(w, "staging folder  %s (%.1f MB)\n", s.Dir, float64(s.LSMBytes+s.VlogBytes)/1e6)
			if sh != nil {
				fmt.Fprintf(w, "shard           %s of a corpus (kg stage merge combines the shard folders)\n", sh)
			}
			fmt.Fprintf(w, "articles        %d\n", s.Articles)
			vs := make([]string, 0, len(s.ExtractionsByVersion))
			for v := range s.ExtractionsByVersion {
				vs = append(vs, v)
			}
			sort.Strings(vs)
			for _, v := range vs {
				mark := ""
				if v == cur {
					mark = " (current)"
				}
				fmt.Fprintf(w, "extractions     %d of extractor %s%s\n", s.ExtractionsByVersion[v], v, mark)
			}
			if r := s.Resolution; r.Version != "" {
				stale := ""
				if r.Stale || r.Version != loader.ResolutionVersion(cur) {
					stale = " (out of date: kg push or kg load updates it)"
				}
				fmt.Fprintf(w, "entities        %d keys; %d merged into %d entities (kg entities list-merges)%s\n", r.Keys, r.Merged, r.Groups, stale)
			}
			if llmc := llmCounters(s.Counters); llmc != nil {
				fmt.Fprintf(w, "llm             %s; %d replies cached\n", llmStatsLine(llmc), llmc["replies_cached"])
			}
			for _, t := range s.Targets {
				fmt.Fprintf(w, "target          %s: %d loaded, %d pending\n", t.Target, t.Loaded, t.Pending)
			}
			return nil
		},
	}
	addStageFlags(cmd)
	addExtractorFlags(cmd)
	return cmd
}
