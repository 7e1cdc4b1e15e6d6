package main

import (
	"context"
	"fmt"
	"io"
	"slices"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/config"
	"github.com/kg-project/kg/internal/loader"
	"github.com/kg-project/kg/internal/resolve"
	"github.com/kg-project/kg/internal/stage"
)

type entitiesShowOptions struct {
	cfg    *config.Config
	key    string
	reason string // list-merges: only members merged for this reason
	json   bool
}

// entityShow is what kg entities show prints.
type entityShow struct {
	Key        string               `json:"key"`
	Canonical  string               `json:"canonical"`
	MergedInto *resolve.Target      `json:"merged_into,omitempty"`
	Group      *resolve.Group       `json:"group"`
	Manual     []stage.ManualRecord `json:"manual_records,omitempty"`
	Resolution stage.ResolutionInfo `json:"resolution"`
}

func newEntitiesShowCommand(g *globalOptions) *cobra.Command {
	var o entitiesShowOptions
	cmd := &cobra.Command{
		Use:   "show KEY",
		Short: "Show the entity a key belongs to: its canonical key and every key merged into it, with the reason",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := g.loadConfig(cmd, merge(stageFlags, extractorFlags))
			if err != nil {
				return err
			}
			o.cfg, o.key, o.json = cfg, args[0], g.JSON
			return runEntitiesShow(cmd.Context(), o, g.stdout)
		},
	}
	addStageFlags(cmd)
	addExtractorFlags(cmd)
	return cmd
}

func newEntitiesListCommand(g *globalOptions) *cobra.Command {
	var o entitiesShowOptions
	cmd := &cobra.Command{
		Use:   "list-merges",
		Short: "List every entity made of several keys, each merged key with its reason, and the manual records",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := g.loadConfig(cmd, merge(stageFlags, extractorFlags))
			if err != nil {
				return err
			}
			o.cfg, o.json = cfg, g.JSON
			return runEntitiesList(cmd.Context(), o, g.stdout)
		},
	}
	cmd.Flags().StringVar(&o.reason, "reason", "", "only keys merged for this reason: "+resolve.ReasonQID+", "+resolve.ReasonSpelling+", "+resolve.ReasonPartial+" or "+resolve.ReasonManual)
	addStageFlags(cmd)
	addExtractorFlags(cmd)
	return cmd
}

func runEntitiesShow(_ context.Context, o entitiesShowOptions, stdout io.Writer) error {
	st, err := openStage(o.cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	r := entityShow{Key: o.key}
	version, err := extractorVersion(o.cfg)
	if err != nil {
		return err
	}
	if r.Resolution, err = st.ResolutionInfo(loader.ResolutionVersion(version)); err != nil {
		return err
	}
	if r.Canonical, r.MergedInto, err = entityTarget(st, o.key); err != nil {
		return err
	}
	if r.Group, err = entityGroup(st, o.key); err != nil {
		return err
	}
	recs, err := st.ManualRecords()
	if err != nil {
		return err
	}
	for _, m := range recs {
		if slices.Contains(m.Keys, o.key) || r.Group != nil && slices.Contains(m.Keys, r.Group.Key) {
			r.Manual = append(r.Manual, m)
		}
	}
	return output{
		json: func() any { return r },
		text: func() error {
			if r.MergedInto != nil {
				fmt.Fprintf(stdout, "%s is merged into %s (%s: %s; matched with %s)\n", o.key, r.Canonical, r.MergedInto.Reason, r.MergedInto.Detail, r.MergedInto.Via)
			}
			if r.Group != nil {
				printGroup(stdout, r.Group)
			} else {
				fmt.Fprintf(stdout, "%s is not merged with any other key\n", o.key)
			}
			for _, m := range r.Manual {
				note := ""
				if m.Note != "" {
					note = ": " + m.Note
				}
				fmt.Fprintf(stdout, "manual %s of %s on %s%s\n", m.Kind, joinKeys(m.Keys), m.At, note)
			}
			if r.Resolution.Stale {
				fmt.Fprintln(stdout, "(the resolution is out of date: staged articles or manual records changed since; kg push or kg load updates it)")
			}
			return nil
		},
	}.print(stdout, o.json, false)
}

func runEntitiesList(_ context.Context, o entitiesShowOptions, stdout io.Writer) error {
	switch o.reason {
	case "", resolve.ReasonQID, resolve.ReasonSpelling, resolve.ReasonPartial, resolve.ReasonManual:
	default:
		return fmt.Errorf("--reason %q: want %s, %s, %s or %s", o.reason, resolve.ReasonQID, resolve.ReasonSpelling, resolve.ReasonPartial, resolve.ReasonManual)
	}
	st, err := openStage(o.cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	version, err := extractorVersion(o.cfg)
	if err != nil {
		return err
	}
	info, err := st.ResolutionInfo(loader.ResolutionVersion(version))
	if err != nil {
		return err
	}
	recs, err := st.ManualRecords()
	if err != nil {
		return err
	}
	filter := func(g *resolve.Group) bool {
		if o.reason == "" {
			return true
		}
		ms := g.Members[:0:0]
		for _, m := range g.Members {
			if m.Reason == o.reason {
				ms = append(ms, m)
			}
		}
		g.Members = ms
		return len(ms) > 0
	}
	if o.json {
		var groups []*resolve.Group
		err := st.Groups(func(g *resolve.Group) error {
			if filter(g) {
				groups = append(groups, g)
			}
			return nil
		})
		if err != nil {
			return err
		}
		return printJSON(stdout, map[string]any{"resolution": info, "groups": groups, "manual_records": recs})
	}
	n, keys := 0, 0
	err = st.Groups(func(g *resolve.Group) error {
		if !filter(g) {
			return nil
		}
		printGroup(stdout, g)
		n++
		keys += len(g.Members)
		return nil
	})
	if err != nil {
		return err
	}
	for _, m := range recs {
		note := ""
		if m.Note != "" {
			note = ": " + m.Note
		}
		fmt.Fprintf(stdout, "manual %s of %s on %s%s\n", m.Kind, joinKeys(m.Keys), m.At, note)
	}
	fmt.Fprintf(stdout, "%d entities made of several keys, %d keys merged into them (%d keys in all)\n", n, keys, info.Keys)
	if info.Stale {
		fmt.Fprintln(stdout, "(the resolution is out of date: staged articles or manual records changed since; kg push or kg load updates it)")
	}
	return nil
}
