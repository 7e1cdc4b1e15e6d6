package main

import (
	"fmt"

	"github.com/spf13/cobra"
)

func newGCCommand(g *globalOptions) *cobra.Command {
	var keepAll bool
	cmd := &cobra.Command{
		Use:   "gc",
		Short: "Reclaim staging space: drop extractions of old extractor versions, run Badger's value-log GC",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := g.loadConfig(cmd, stageFlags)
			if err != nil {
				return err
			}
			keep, err := extractorVersion(cfg) // the configured extractor's (extract.backend)
			if err != nil {
				return err
			}
			st, err := openStage(cfg)
			if err != nil {
				return err
			}
			defer st.Close()
			before, _ := st.Status()
			if keepAll {
				keep = ""
			}
			n, err := st.GC(keep)
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
	cmd.Flags().BoolVar(&keepAll, "keep-old-versions", false, "keep extractions of every extractor version")
	return cmd
}
