package extract_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/kg-project/kg/internal/extract"
	"github.com/kg-project/kg/internal/extract/extracttest"
	"github.com/kg-project/kg/internal/model"
)

// TestPipelineConformance runs the Extractor conformance suite (package
// extracttest; the LLM back end runs it too) on the built-in pipeline.
func TestPipelineConformance(t *testing.T) {
	var arts []*model.Article
	for _, p := range []string{"../../examples/articles/*.txt"} {
		files, _ := filepath.Glob(p)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			arts = append(arts, &model.Article{ID: filepath.Base(f), Text: string(b), Lang: langOf(string(b))})
		}
	}
	if len(arts) == 0 {
		t.Fatal("no example articles")
	}
	extracttest.Run(t, extract.NewPipeline(), arts)
}

func langOf(s string) string {
	for _, r := range s {
		if r >= 0x0600 && r <= 0x06FF {
			return "ar"
		}
	}
	return "en"
}
