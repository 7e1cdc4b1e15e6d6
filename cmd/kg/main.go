// Command kg builds a knowledge graph from a corpus of news articles: it
// extracts entities and typed relations, stages them in a local Badger cache
// and loads them into Neo4j.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strings"
	"syscall"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/kg-project/kg/internal/config"
	"github.com/kg-project/kg/internal/hugepage"
)

// globalOptions are the flags every command shares.
type globalOptions struct {
	ConfigFile string
	JSON       bool
	Quiet      bool
	CPUProfile string // developers: write a CPU profile of the command here
	MemProfile string // developers: write a heap profile at the command's end here

	stdout, stderr io.Writer
	profile        *os.File
	flags          *pflag.FlagSet
}

// loadConfig reads the configuration, letting the given command flags (flag
// name -> config key) override env and file when they were set. Its
// warnings (unknown keys in the config file...) go to stderr.
func (g *globalOptions) loadConfig(cmd *cobra.Command, flagKeys map[string]string) (*config.Config, error) {
	var b []config.Binding
	for name, key := range flagKeys {
		if f := cmd.Flags().Lookup(name); f != nil && f.Changed {
			b = append(b, config.Binding{Key: key, Flag: f})
		}
	}
	cfg, err := config.Load(g.ConfigFile, b...)
	if err != nil {
		return nil, err
	}
	applyMemoryLimit(cfg.MemoryLimit)
	for _, w := range cfg.Warnings {
		if g.JSON {
			b, _ := json.Marshal(map[string]string{"warning": w})
			fmt.Fprintln(g.stderr, string(b))
		} else {
			fmt.Fprintln(g.stderr, "kg: warning: "+w)
		}
	}
	return cfg, nil
}

// applyMemoryLimit sets Go's soft memory limit to memory_limit, unless
// GOMEMLIMIT is set (the runtime has read it) or the limit is 0. Without
// a limit the heap grows to twice what is live between collections: with
// kg's models live that is most of its peak memory.
func applyMemoryLimit(limit int64) {
	if limit > 0 && os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(limit)
	}
}

// applyHugePages marks kg's heap for transparent huge pages when
// huge_pages is on (package hugepage), having reserved as much heap
// address space as the memory limit in force lets the heap use (GOMEMLIMIT
// or memory_limit; hugepage.Reserve caps it, and no limit is the cap).
// Commands that extract call it right after loading their configuration,
// before the models load.
func applyHugePages(cfg *config.Config) {
	if !cfg.HugePages {
		return
	}
	hugepage.Reserve(debug.SetMemoryLimit(-1))
	hugepage.Heap()
}

func newRootCommand(g *globalOptions) *cobra.Command {
	root := &cobra.Command{
		Use:   "kg",
		Short: "Build a knowledge graph of entities and relations from news articles",
		Long: `kg turns Arabic and English news articles into entities (people,
organisations, places) and typed relations backed by the sentence that states
them, stages them in a local Badger cache and loads them into Neo4j.

Settings come from flags, then KG_* environment variables, then config.yaml,
then built-in defaults.`,
		SilenceErrors: true,
		SilenceUsage:  true,
	}
	pf := root.PersistentFlags()
	pf.StringVar(&g.ConfigFile, "config", "", "config file (default: config.yaml in the working directory; $KG_CONFIG)")
	pf.BoolVar(&g.JSON, "json", false, "machine-readable output: JSON on stdout, errors as one JSON line on stderr")
	pf.BoolVarP(&g.Quiet, "quiet", "q", false, "no progress on stderr")
	pf.StringVar(&g.CPUProfile, "cpuprofile", "", "write a CPU profile of the command to this file (for go tool pprof)")
	_ = pf.MarkHidden("cpuprofile")
	pf.StringVar(&g.MemProfile, "memprofile", "", "write a heap profile at the end of the command to this file (for go tool pprof)")
	_ = pf.MarkHidden("memprofile")
	g.flags = pf
	root.AddCommand(
		newSchemaCommand(g),
		newExtractCommand(g),
		newLoadCommand(g),
		newPushCommand(g),
		newStatusCommand(g),
		newStageCommand(g),
		newGCCommand(g),
		newDoctorCommand(g),
		newNERCommand(g),
		newTrainCommand(g),
		newBuildCommand(g),
		newVersionCommand(g),
		newQueryCommand(g),
		newExportCommand(g),
		newFinishImportCommand(g),
		newEvalCommand(g),
		newBrowserCommand(g),
		newEntitiesCommand(g),
	)
	markUsageErrors(root)
	return root
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	g := &globalOptions{stdout: os.Stdout, stderr: os.Stderr}
	root := newRootCommand(g)
	root.PersistentPreRunE = func(*cobra.Command, []string) error { return g.startProfile() }
	cmd, err := root.ExecuteContextC(ctx)
	if err != nil && cmd == root && !errors.Is(err, context.Canceled) {
		err = usageError(err) // no command was found: kg foo
	}
	g.stopProfile()
	os.Exit(exitCode(g, err))
}

// startProfile starts the CPU profile --cpuprofile asks for; stopProfile
// ends it (a no-op when none runs).
func (g *globalOptions) startProfile() error {
	if g.CPUProfile == "" {
		return nil
	}
	f, err := os.Create(g.CPUProfile)
	if err != nil {
		return fmt.Errorf("cpuprofile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return fmt.Errorf("cpuprofile: %w", err)
	}
	g.profile = f
	return nil
}

func (g *globalOptions) stopProfile() {
	if g.profile != nil {
		pprof.StopCPUProfile()
		g.profile.Close()
		g.profile = nil
	}
	if g.MemProfile != "" {
		if f, err := os.Create(g.MemProfile); err == nil {
			runtime.GC() // the live heap, not what awaits collection
			_ = pprof.WriteHeapProfile(f)
			f.Close()
		}
	}
}

// exitCode prints err as one line and returns its exit code (codeOf).
func exitCode(g *globalOptions, err error) int {
	if err == nil {
		return exitOK
	}
	code := codeOf(err)
	if code == exitInterrupted {
		err = errors.New("interrupted; re-run the same command to resume")
	}
	if errors.Is(err, errUsage) {
		err = errors.New(strings.TrimPrefix(err.Error(), errUsage.Error()+": "))
	}
	if g.JSON {
		b, _ := json.Marshal(map[string]any{"error": err.Error(), "code": code})
		fmt.Fprintln(g.stderr, string(b))
	} else {
		fmt.Fprintln(g.stderr, "kg: "+err.Error())
	}
	return code
}
