package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/corpus"
	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/stage"
)

// Exit codes kg ends with (README "Exit codes"). A script tells the cases
// apart by them; the message on stderr says the rest.
const (
	exitOK          = 0
	exitError       = 1   // any other error
	exitUsage       = 2   // a bad command line: unknown command or flag, wrong arguments
	exitInput       = 3   // input problems: items were skipped (the rest is done), or none was found
	exitNeo4j       = 4   // Neo4j is not reachable
	exitAuth        = 5   // Neo4j refused the user name or password
	exitLocked      = 6   // the staging folder is in use by another kg process
	exitInterrupted = 130 // interrupted (Ctrl-C, SIGTERM): re-run the same command to resume
)

// errUsage marks a bad command line.
var errUsage = errors.New("usage")

// errInputSkipped marks a run that skipped bad input items (or articles
// the extractor failed on) and did the rest. skippedMark wraps it without
// adding to the message: fmt.Errorf("... %w", ..., skippedMark).
var (
	errInputSkipped = errors.New("input items skipped")
	skippedMark     = silent{errInputSkipped}
)

// silent is an error that wraps another and prints as nothing.
type silent struct{ err error }

func (silent) Error() string   { return "" }
func (s silent) Unwrap() error { return s.err }

// codeOf maps an error to its exit code, the most telling first: an
// interrupted run, a locked folder and Neo4j's refusals before input
// problems, which a failed write may come with.
func codeOf(err error) int {
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, context.Canceled):
		return exitInterrupted
	case errors.Is(err, stage.ErrLocked):
		return exitLocked
	case errors.Is(err, graph.ErrAuth):
		return exitAuth
	case errors.Is(err, graph.ErrUnavailable):
		return exitNeo4j
	case errors.Is(err, errUsage):
		return exitUsage
	case errors.Is(err, errInputSkipped), errors.Is(err, corpus.ErrNoArticles):
		return exitInput
	}
	return exitError
}

// usageError marks err as a bad command line (errUsage).
func usageError(err error) error {
	if err == nil || errors.Is(err, errUsage) {
		return err
	}
	return fmt.Errorf("%w: %w", errUsage, err)
}

// markUsageErrors makes the errors of flag parsing and argument checks of
// root and its subcommands usage errors (errUsage).
func markUsageErrors(root *cobra.Command) {
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError(err) })
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if args := c.Args; args != nil {
			c.Args = func(c *cobra.Command, a []string) error { return usageError(args(c, a)) }
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}
