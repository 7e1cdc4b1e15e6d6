package main

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/extract"
	"github.com/kg-project/kg/internal/stage"
)

func newGCCommand(g *globalOptions) *cobra.Command {
	var keepAll bool
	cmd := &cobra.Command{
		Use:   "gc",
		Short: "Reclaim staging space: drop extractions of old extractor versions, run Badger's value-log GC",
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
			before, _ := st.Status()
			var keep []string
			if !keepAll {
				keep = keptVersions(cur, before)
			}
			n, err := st.GC(keep...)
			if err != nil {
				return err
			}
			after, _ := st.Status()
			mb := func(lsm, vlog int64) float64 { return float64(lsm+vlog) / 1e6 }
			fmt.Fprintf(g.stdout, "dropped %d old extractions; %.1f MB -> %.1f MB\n", n,
				mb(before.LSMBytes, before.VlogBytes), mb(after.LSMBytes, after.VlogBytes))
			return nil
		},
	}
	addStageFlags(cmd)
	addExtractorFlags(cmd)
	cmd.Flags().BoolVar(&keepAll, "keep-old-versions", false, "keep extractions of every extractor version")
	return cmd
}

// keptVersions are the extractor versions kg gc keeps: the configured
// extractor's, cur, and the same rules run for another home country
// (extract.home_country adds "+home=QID" to the version), which are
// another setting's extractions, not an old extractor's: a gc run without
// the load's --home-country must not drop them.
func keptVersions(cur string, st *stage.Status) []string {
	base, _, _ := strings.Cut(cur, extract.HomeSuffix)
	keep := []string{cur}
	if st == nil {
		return keep
	}
	for _, v := range slices.Sorted(maps.Keys(st.ExtractionsByVersion)) {
		if v != cur && (v == base || strings.HasPrefix(v, base+extract.HomeSuffix)) {
			keep = append(keep, v)
		}
	}
	return keep
}

// otherSettings are the versions staged in st of the same rules as cur
// with another home country, or none (keptVersions without cur); nil when
// the status cannot be read.
func otherSettings(cur string, st *stage.Store) []string {
	status, err := st.Status()
	if err != nil {
		return nil
	}
	return keptVersions(cur, status)[1:]
}
