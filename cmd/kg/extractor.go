package main

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/config"
	"github.com/kg-project/kg/internal/extract"
	"github.com/kg-project/kg/internal/llm"
	"github.com/kg-project/kg/internal/stage"
)

// extractorFlags choose and configure the extractor (kg load, extract,
// eval); the other llm.* settings come from config.yaml or KG_LLM_*.
var extractorFlags = map[string]string{
	"extractor":        "extract.backend",
	"home-country":     "extract.home_country",
	"llm-endpoint":     "llm.endpoint",
	"llm-model":        "llm.model",
	"llm-token-budget": "llm.token_budget",
}

func addExtractorFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.String("extractor", "", help("extractor: builtin, llm (an OpenAI-compatible server) or hybrid (both)", "extract.backend"))
	f.String("home-country", "", help("the corpus's country (name or Wikidata id, e.g. \"Saudi Arabia\"): whose the ministries and government an article names without saying whose are, when it is about no other country", "extract.home_country"))
	f.String("llm-endpoint", "", help("OpenAI-compatible API base URL, e.g. http://localhost:11434/v1 (Ollama); the API key comes from $"+config.LLMAPIKeyEnv, "llm.endpoint"))
	f.String("llm-model", "", help("model the LLM server serves, e.g. qwen2.5:7b", "llm.model"))
	f.Int64("llm-token-budget", 0, help("tokens this run may spend on the LLM (0: no bound); the articles left are not staged and the next run goes on", "llm.token_budget"))
}

// llmConfig turns the configuration into the LLM back end's.
func llmConfig(c *config.Config) llm.Config {
	seed := c.LLM.Seed
	return llm.Config{
		Endpoint: c.LLM.Endpoint, Model: c.LLM.Model, APIKey: c.LLM.APIKey,
		Temperature: c.LLM.Temperature, Seed: &seed, MaxTokens: c.LLM.MaxTokens,
		MaxConcurrency: c.LLM.MaxConcurrency, Timeout: c.LLM.Timeout, Retries: c.LLM.Retries,
		TokenBudget: c.LLM.TokenBudget, MaxChars: c.LLM.MaxChars, Hybrid: c.Extract.Backend == config.BackendHybrid,
	}
}

// newExtractor returns the configured extractor and, for the llm and
// hybrid back ends, the LLM extractor itself (for its stats; nil for the
// built-in one). cache keeps the LLM replies (the staging folder; nil:
// this run only).
func newExtractor(c *config.Config, cache llm.Cache) (extract.Extractor, *llm.Extractor, error) {
	p := extract.NewPipeline()
	if err := p.SetHomeCountry(c.Extract.HomeCountry); err != nil {
		return nil, nil, fmt.Errorf("extract.home_country (--home-country or %s): %w", config.EnvName("extract.home_country"), err)
	}
	if c.Extract.Backend == "" || c.Extract.Backend == config.BackendBuiltin {
		return p, nil, nil
	}
	x, err := llm.New(llmConfig(c), p, cache)
	if err != nil {
		return nil, nil, err
	}
	return x, x, nil
}

// extractorVersion is the version of the configured extractor: the
// version its extractions are staged under.
func extractorVersion(c *config.Config) (string, error) {
	ex, _, err := newExtractor(c, nil)
	if err != nil {
		return "", err
	}
	return ex.Version(), nil
}

// recordLLMStats adds a run's LLM stats to the staging counters (kg
// status shows them) and prints them on stderr (unless w is nil).
func recordLLMStats(st *stage.Store, x *llm.Extractor, w io.Writer) error {
	if x == nil {
		return nil
	}
	s := x.Stats()
	if w != nil {
		fmt.Fprintf(w, "kg: llm: %s\n", llmStatsLine(s.Counters()))
	}
	if st == nil {
		return nil
	}
	n := map[string]int64{}
	for k, v := range s.Counters() {
		n["llm."+k] = v
	}
	return st.AddCounters(n)
}

// llmStatsLine renders LLM counters (without the llm. prefix) in one line.
func llmStatsLine(c map[string]int64) string {
	line := fmt.Sprintf("%d calls, %d tokens (%d prompt, %d reply), %d cache hits, %d retries, %d invalid replies, %d fallbacks to the built-in extractor",
		c["calls"], c["prompt_tokens"]+c["completion_tokens"], c["prompt_tokens"], c["completion_tokens"], c["cache_hits"], c["retries"], c["invalid_replies"], c["fallbacks"])
	if n := c["budget_skipped"]; n > 0 {
		line += fmt.Sprintf(", %d articles left for want of budget", n)
	}
	var drops []string
	for k, v := range c {
		if r, ok := strings.CutPrefix(k, "dropped."); ok && v > 0 {
			drops = append(drops, fmt.Sprintf("%s %d", r, v))
		}
	}
	if len(drops) > 0 {
		sort.Strings(drops)
		line += "; dropped: " + strings.Join(drops, ", ")
	}
	return line
}

// llmCounters returns the staging counters of the LLM back end without
// their llm. prefix; nil when there are none.
func llmCounters(c map[string]int64) map[string]int64 {
	var out map[string]int64
	for k, v := range c {
		if r, ok := strings.CutPrefix(k, "llm."); ok {
			if out == nil {
				out = map[string]int64{}
			}
			out[r] = v
		}
	}
	return out
}

// commandExtractor returns the extractor of a command that extracts
// without staging (kg extract, kg eval): nil for the built-in one (the
// command's default), unless a home country configures it; for the llm and hybrid back ends the LLM extractor,
// whose replies are cached in the staging folder (so a second run costs
// nothing), and done, which records the run's LLM counters in staging,
// prints them on stderr and closes staging.
func commandExtractor(c *config.Config, stderr io.Writer) (ex extract.Extractor, done func(), err error) {
	if c.Extract.Backend == "" || c.Extract.Backend == config.BackendBuiltin {
		if c.Extract.HomeCountry == "" {
			return nil, func() {}, nil
		}
		ex, _, err := newExtractor(c, nil) // the built-in one with its home country
		if err != nil {
			return nil, nil, err
		}
		return ex, func() {}, nil
	}
	st, err := openStage(c)
	if err != nil {
		return nil, nil, fmt.Errorf("the LLM reply cache: %w", err)
	}
	ex, lx, err := newExtractor(c, st)
	if err != nil {
		st.Close()
		return nil, nil, err
	}
	return ex, func() {
		if err := recordLLMStats(st, lx, stderr); err != nil {
			fmt.Fprintf(stderr, "kg: warning: recording the LLM counters: %v\n", err)
		}
		st.Close()
	}, nil
}
