package llm_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/kg-project/kg/internal/extract"
	"github.com/kg-project/kg/internal/llm"
	"github.com/kg-project/kg/internal/llm/llmtest"
	"github.com/kg-project/kg/internal/model"
)

// A server that always gives the same reply stands in for Ollama here;
// with a real one, Endpoint is http://localhost:11434/v1 and Model the
// name of a pulled model.
func Example() {
	reply := `{"entities": [],
	  "relations": [{"subject": {"text": "Russia", "type": "Location", "sentence": 1},
	    "predicate": "DEPLOYED_TROOPS_IN",
	    "object": {"text": "Kazakhstan", "type": "Location", "sentence": 1},
	    "sentence": 1, "modality": "asserted", "confidence": 0.9},
	   {"subject": {"text": "Russia", "type": "Location", "sentence": 1},
	    "predicate": "INVADED_MARS",
	    "object": {"text": "Kazakhstan", "type": "Location", "sentence": 1},
	    "sentence": 1, "modality": "asserted", "confidence": 0.9}]}`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, llmtest.Completion("qwen2.5:7b", reply, 0, 0))
	}))
	defer srv.Close()

	x, err := llm.New(llm.Config{Endpoint: srv.URL, Model: "qwen2.5:7b"}, extract.NewPipeline(), &llm.MemCache{})
	if err != nil {
		panic(err)
	}
	a := &model.Article{ID: "a1", Lang: "en", Text: "Russia deployed troops in Kazakhstan on Thursday."}
	ex, err := x.Extract(context.Background(), a)
	if err != nil {
		panic(err)
	}
	for _, r := range ex.Relations {
		fmt.Println(r.Subject, r.Predicate, r.Object, r.Extractor, r.Evidence.Start, r.Evidence.End)
	}
	s := x.Stats()
	fmt.Println("calls", s.Calls, "dropped", s.Dropped)
	// Output:
	// wd:Q159 DEPLOYED_TROOPS_IN wd:Q232 llm 0 49
	// calls 1 dropped map[predicate_not_in_vocabulary:1]
}
