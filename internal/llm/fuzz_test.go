package llm

import (
	"os"
	"testing"

	"github.com/kg-project/kg/internal/model"
)

// FuzzReply: whatever a server answers, parsing and grounding do not panic,
// and what they keep is grounded in the text.
func FuzzReply(f *testing.F) {
	if b, err := os.ReadFile("testdata/seed.content.json"); err == nil {
		f.Add(string(b))
	}
	f.Add(`{"entities": [], "relations": []}`)
	f.Add(`{"entities": [{"text": "", "type": "Person", "sentence": 0}], "relations": []}`)
	f.Add(`{"entities": [{"text": "روسيا", "type": "Location", "sentence": -1}], "relations": [{"subject": {"text": "ا", "type": "Location", "sentence": 19}, "predicate": "LEADS", "object": {"text": "ا", "type": "Organization", "sentence": 19}, "sentence": 2147483647, "modality": "asserted", "confidence": -1e308}]}`)
	f.Add("```json\n{}\n```")
	text, err := os.ReadFile(seedPath)
	if err != nil {
		f.Skip(err)
	}
	a := &model.Article{ID: "seed", Text: string(text), Lang: "ar"}
	sents := sentencesOf(a)
	x := &Extractor{builtin: pipeline}
	f.Fuzz(func(t *testing.T, content string) {
		r, err := parseReply(content)
		if err != nil {
			return
		}
		ents, rels, err := x.ground(a.Text, sents, r, nil)
		if err != nil {
			t.Fatal(err)
		}
		x := &model.Extraction{Entities: ents, Relations: rels}
		checkGrounded(t, a, x)
	})
}
