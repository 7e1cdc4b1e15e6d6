// Package host describes the machine and checkout a benchmark ran on, for
// the headers of bench/results tables (bench/kgbench, bench/pushbench).
package host

import (
	"os"
	"os/exec"
	"strings"
)

// Commit is the short commit of the working directory's checkout, with
// " (modified)" when tracked files differ from it; "?" outside git.
func Commit() string {
	c := git("rev-parse", "--short", "HEAD")
	if git("status", "--porcelain", "--untracked-files=no") != "" {
		c += " (modified)"
	}
	return c
}

func git(args ...string) string {
	b, err := exec.Command("git", args...).Output()
	if err != nil {
		return "?"
	}
	return strings.TrimSpace(string(b))
}

// CPUModel is the first "model name" of /proc/cpuinfo ("?" when unknown).
func CPUModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return "?"
	}
	for _, l := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return "?"
}

// EnvOr is the environment variable k, or d when it is unset or empty.
func EnvOr(k, d string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return d
}
