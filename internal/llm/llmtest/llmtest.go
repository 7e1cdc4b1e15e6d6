// Package llmtest is a fake OpenAI-compatible chat completions server for
// tests: it runs in the test process (httptest) and replays a script of
// recorded replies — valid ones, malformed JSON, HTTP errors, replies that
// never come — so that the LLM back end is tested without a model.
package llmtest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// Reply is one scripted answer.
type Reply struct {
	// Status is the HTTP status (0: 200).
	Status int
	// Header is added to the answer (Retry-After).
	Header map[string]string
	// Content is the assistant message of a 200 answer, wrapped in a chat
	// completion with Usage's token counts.
	Content string
	// Body, when not empty, is the whole answer body instead.
	Body string
	// Hang makes the server answer only when the client gives up (to
	// exercise the client's timeout).
	Hang bool
	// PromptTokens and CompletionTokens are reported in usage (0: 1000
	// and 200).
	PromptTokens, CompletionTokens int
}

// Request is one request the server received.
type Request struct {
	Auth string         // the Authorization header
	Body map[string]any // the decoded JSON body
	Raw  []byte
}

// Server is the fake server. Its URL + "/v1" is the endpoint.
type Server struct {
	*httptest.Server
	// Models are the models GET /v1/models lists; nil: the route is
	// missing (404), as on servers that do not list their models.
	Models   []string
	mu       sync.Mutex
	script   []Reply
	fallback *Reply
	requests []Request
}

// New starts a server that answers with replies in order, then with the
// last one again and again; it stops when the test ends.
func New(t testing.TB, replies ...Reply) *Server {
	s := &Server{}
	s.Push(replies...)
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

// Endpoint is the base URL to configure (llm.endpoint).
func (s *Server) Endpoint() string { return s.URL + "/v1" }

// Push appends replies to the script.
func (s *Server) Push(replies ...Reply) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.script = append(s.script, replies...)
	if len(replies) > 0 {
		r := replies[len(replies)-1]
		s.fallback = &r
	}
}

// Calls is the number of requests received.
func (s *Server) Calls() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.requests)
}

// Requests returns the requests received, in order.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodGet && r.URL.Path == "/v1/models" && s.Models != nil {
		data := []any{}
		for _, m := range s.Models {
			data = append(data, map[string]any{"id": m, "object": "model"})
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{"object": "list", "data": data})
		return
	}
	if r.Method != http.MethodPost || r.URL.Path != "/v1/chat/completions" {
		http.Error(w, `{"error":{"message":"not found"}}`, http.StatusNotFound)
		return
	}
	raw, _ := io.ReadAll(r.Body)
	req := Request{Auth: r.Header.Get("Authorization"), Raw: raw}
	if err := json.Unmarshal(raw, &req.Body); err != nil {
		http.Error(w, `{"error":{"message":"bad JSON"}}`, http.StatusBadRequest)
		return
	}
	s.mu.Lock()
	s.requests = append(s.requests, req)
	var rep Reply
	switch {
	case len(s.script) > 0:
		rep, s.script = s.script[0], s.script[1:]
	case s.fallback != nil:
		rep = *s.fallback
	default:
		rep = Reply{Status: http.StatusInternalServerError, Body: `{"error":{"message":"no scripted reply"}}`}
	}
	s.mu.Unlock()
	if rep.Hang {
		<-r.Context().Done()
		return
	}
	for k, v := range rep.Header {
		w.Header().Set(k, v)
	}
	w.Header().Set("Content-Type", "application/json")
	status := rep.Status
	if status == 0 {
		status = http.StatusOK
	}
	body := rep.Body
	if body == "" && status == http.StatusOK {
		body = Completion(req.Body["model"], rep.Content, rep.PromptTokens, rep.CompletionTokens)
	}
	w.WriteHeader(status)
	io.WriteString(w, body)
}

// Completion returns a chat completion answer with content as the
// assistant's message (token counts 0: 1000 and 200).
func Completion(model any, content string, promptTok, completionTok int) string {
	if promptTok == 0 {
		promptTok = 1000
	}
	if completionTok == 0 {
		completionTok = 200
	}
	b, _ := json.Marshal(map[string]any{
		"id": "chatcmpl-test", "object": "chat.completion", "model": fmt.Sprint(model),
		"choices": []any{map[string]any{"index": 0, "finish_reason": "stop",
			"message": map[string]any{"role": "assistant", "content": content}}},
		"usage": map[string]any{"prompt_tokens": promptTok, "completion_tokens": completionTok, "total_tokens": promptTok + completionTok},
	})
	return string(b)
}

// UserMessage returns the user message of a request ("" when none).
func (r Request) UserMessage() string {
	ms, _ := r.Body["messages"].([]any)
	for _, m := range ms {
		if mm, ok := m.(map[string]any); ok && mm["role"] == "user" {
			s, _ := mm["content"].(string)
			return s
		}
	}
	return ""
}

// HasSchema reports whether the request asks for structured output with a
// JSON schema.
func (r Request) HasSchema() bool {
	rf, _ := r.Body["response_format"].(map[string]any)
	return rf != nil && rf["type"] == "json_schema" && strings.Contains(string(r.Raw), `"schema"`)
}
