package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestLLMSettings(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(cfg, []byte("extract:\n  backend: llm\nllm:\n  model: qwen2.5:7b\n  timeout: 30s\n  token_budget: 50000\n  temperature: 0.2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv(LLMAPIKeyEnv, "sk-secret")
	t.Setenv("KG_LLM_ENDPOINT", "https://api.example.com/v1")
	c, err := Load(cfg)
	if err != nil {
		t.Fatal(err)
	}
	want := LLM{Endpoint: "https://api.example.com/v1", Model: "qwen2.5:7b", APIKey: "sk-secret", Temperature: 0.2, Seed: 42,
		MaxConcurrency: 2, Timeout: 30 * time.Second, Retries: 4, TokenBudget: 50000, MaxChars: 8000}
	if c.Extract.Backend != BackendLLM || c.LLM != want {
		t.Errorf("got %s %+v\nwant %+v", c.Extract.Backend, c.LLM, want)
	}
	if len(c.Warnings) > 0 {
		t.Errorf("warnings %v", c.Warnings)
	}

	for env, msg := range map[string]string{
		"KG_EXTRACT_BACKEND": "want builtin, llm or hybrid",
		"KG_LLM_MODEL":       "needs llm.model",
		"KG_LLM_TEMPERATURE": "not a number",
		"KG_LLM_ENDPOINT":    "not an http:// or https:// URL",
	} {
		t.Run(env, func(t *testing.T) {
			val := map[string]string{"KG_EXTRACT_BACKEND": "gpt", "KG_LLM_MODEL": " ", "KG_LLM_TEMPERATURE": "warm", "KG_LLM_ENDPOINT": "localhost:11434"}[env]
			t.Setenv(env, val)
			_, err := Load(cfg)
			if err == nil || !strings.Contains(err.Error(), msg) {
				t.Fatalf("err %v, want %q", err, msg)
			}
			if strings.Contains(err.Error(), "sk-secret") {
				t.Error("the API key is in an error")
			}
		})
	}
}
