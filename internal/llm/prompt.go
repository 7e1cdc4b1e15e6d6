package llm

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"text/template"

	"github.com/kg-project/kg/internal/vocab"
)

// PromptName is the prompt in use: prompt/<PromptName>.txt (a text/template
// with the templates "system" and "user") and prompt/<PromptName>.schema.json
// (the JSON schema of the reply). A change of wording that should not reuse
// cached replies gets a new file (v2.txt); the cache key and the extractor
// version also carry a hash of both files and of the vocabulary, so an
// edit in place never serves a reply to another prompt.
const PromptName = "v1"

//go:embed prompt/*.txt prompt/*.schema.json
var promptFiles embed.FS

// prompt is the parsed prompt: templates, the schema sent to the server
// (with the vocabulary's relation names as the predicate's enum) and the
// system message, which does not depend on the article.
type prompt struct {
	version string // PromptName + "-" + 8 hex digits of the files' hash
	schema  json.RawMessage
	system  string
	user    *template.Template
}

var loadPrompt = sync.OnceValues(func() (*prompt, error) {
	txt, err := promptFiles.ReadFile("prompt/" + PromptName + ".txt")
	if err != nil {
		return nil, err
	}
	sch, err := promptFiles.ReadFile("prompt/" + PromptName + ".schema.json")
	if err != nil {
		return nil, err
	}
	schema, err := withPredicates(sch)
	if err != nil {
		return nil, fmt.Errorf("prompt/%s.schema.json: %w", PromptName, err)
	}
	t, err := template.New(PromptName).Funcs(template.FuncMap{"join": strings.Join}).Parse(string(txt))
	if err != nil {
		return nil, fmt.Errorf("prompt/%s.txt: %w", PromptName, err)
	}
	var sys bytes.Buffer
	// the schema on one line: the relation names take one line, not 41
	if err := t.ExecuteTemplate(&sys, "system", map[string]any{"Relations": vocab.All(), "Schema": string(schema)}); err != nil {
		return nil, fmt.Errorf("prompt/%s.txt: %w", PromptName, err)
	}
	h := sha256.New()
	h.Write(sys.Bytes()) // the vocabulary and the schema are in it
	h.Write([]byte{0})
	h.Write(txt)
	return &prompt{
		version: PromptName + "-" + hex.EncodeToString(h.Sum(nil))[:8],
		schema:  schema,
		system:  sys.String(),
		user:    t,
	}, nil
})

// withPredicates returns the schema with the vocabulary's relation names as
// the enum of the relations' predicate.
func withPredicates(b []byte) (json.RawMessage, error) {
	var s map[string]any
	if err := json.Unmarshal(b, &s); err != nil {
		return nil, err
	}
	names := []string{}
	for _, r := range vocab.All() {
		names = append(names, r.Name)
	}
	p, ok := dig(s, "properties", "relations", "items", "properties", "predicate")
	if !ok {
		return nil, fmt.Errorf("no properties.relations.items.properties.predicate")
	}
	p["enum"] = names
	return json.Marshal(s)
}

func dig(m map[string]any, path ...string) (map[string]any, bool) {
	for _, k := range path {
		n, ok := m[k].(map[string]any)
		if !ok {
			return nil, false
		}
		m = n
	}
	return m, true
}

// Hint is a name the built-in extractor found, given to the model in
// hybrid mode.
type Hint struct {
	Text     string
	Type     string
	Sentence int // 1-based, as the prompt numbers sentences
}

type numbered struct {
	N    int
	Text string
}

// userMessage renders the article's sentences (numbered from 1) and the
// hints.
func (p *prompt) userMessage(lang string, sentences []string, hints []Hint) (string, error) {
	ns := make([]numbered, len(sentences))
	for i, s := range sentences {
		// one line per sentence: a line break inside would look like the
		// next number's
		ns[i] = numbered{i + 1, strings.Join(strings.Fields(s), " ")}
	}
	if lang == "" {
		lang = "unknown"
	}
	var b bytes.Buffer
	err := p.user.ExecuteTemplate(&b, "user", map[string]any{"Lang": lang, "Sentences": ns, "Hints": hints})
	return b.String(), err
}
