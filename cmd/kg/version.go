package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/extract"
	"github.com/kg-project/kg/internal/stage"
)

func newVersionCommand(g *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the extractor and staging format versions",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			v := map[string]string{"extractor": extract.NewPipeline().Version(), "staging_format": stage.FormatVersion}
			if g.JSON {
				return printJSON(g.stdout, v)
			}
			fmt.Fprintf(g.stdout, "extractor %s\nstaging format %s\n", v["extractor"], v["staging_format"])
			return nil
		},
	}
}
