package llm

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/kg-project/kg/internal/config"
)

// Sentinel errors of a chat completion.
var (
	// ErrUnavailable: the server did not answer usably after every retry
	// (429, 5xx, a timeout, a refused connection). Transient: the article
	// is not staged and the next run asks again.
	ErrUnavailable = errors.New("LLM server unavailable")
	// ErrRejected: the server refused the request with a 4xx status other
	// than 429 (a wrong model name, a missing or bad API key). Retrying the
	// same request does not help; fix the configuration.
	ErrRejected = errors.New("LLM server rejected the request")
)

// chatRequest is the body of POST {endpoint}/chat/completions (the OpenAI
// chat completions API, which Ollama, vLLM, llama.cpp's server, LM Studio
// and the cloud providers' compatible endpoints accept). Its JSON encoding
// is deterministic: the reply cache key hashes it.
type chatRequest struct {
	Model          string          `json:"model"`
	Messages       []chatMessage   `json:"messages"`
	Temperature    float64         `json:"temperature"`
	Seed           *int64          `json:"seed,omitempty"`
	MaxTokens      int             `json:"max_tokens,omitempty"`
	ResponseFormat *responseFormat `json:"response_format,omitempty"`
}

type chatMessage struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

type responseFormat struct {
	Type       string      `json:"type"` // "json_schema"
	JSONSchema *jsonSchema `json:"json_schema,omitempty"`
}

type jsonSchema struct {
	Name   string          `json:"name"`
	Strict bool            `json:"strict"`
	Schema json.RawMessage `json:"schema"`
}

type chatResponse struct {
	Choices []struct {
		Message struct {
			Content string `json:"content"`
		} `json:"message"`
		FinishReason string `json:"finish_reason"`
	} `json:"choices"`
	Usage *struct {
		PromptTokens     int64 `json:"prompt_tokens"`
		CompletionTokens int64 `json:"completion_tokens"`
		TotalTokens      int64 `json:"total_tokens"`
	} `json:"usage"`
}

// completion is one answer: the message content and the tokens it cost.
type completion struct {
	content                  string
	promptTok, completionTok int64
}

// client calls one OpenAI-compatible endpoint.
type client struct {
	url     string // .../chat/completions
	apiKey  string
	http    *http.Client
	timeout time.Duration
	retries int
	backoff time.Duration // first wait; doubles
	maxWait time.Duration
	// sleep waits d or until ctx is done (tests replace it).
	sleep func(ctx context.Context, d time.Duration) error
	// onCall is called before each HTTP request, onRetry before each wait.
	onCall  func()
	onRetry func()
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// transientError is a failure worth retrying; after is the server's
// Retry-After (0 when none).
type transientError struct {
	msg   string
	after time.Duration
}

func (e *transientError) Error() string { return e.msg }

// complete sends the request, retrying transient failures (429, 5xx,
// timeouts, connection errors) up to c.retries times with exponential
// backoff (c.backoff, doubling, at most c.maxWait), or the server's
// Retry-After when it asks for longer (also at most c.maxWait).
func (c *client) complete(ctx context.Context, body []byte) (completion, error) {
	var last error
	for attempt := 0; ; attempt++ {
		comp, err := c.once(ctx, body)
		if err == nil {
			return comp, nil
		}
		if ctx.Err() != nil {
			return completion{}, ctx.Err()
		}
		var te *transientError
		if !errors.As(err, &te) {
			return completion{}, err
		}
		last = err
		if attempt >= c.retries {
			break
		}
		wait := c.backoff << attempt
		if te.after > wait {
			wait = te.after
		}
		if wait > c.maxWait || wait <= 0 {
			wait = c.maxWait
		}
		if c.onRetry != nil {
			c.onRetry()
		}
		if err := c.sleep(ctx, wait); err != nil {
			return completion{}, err
		}
	}
	return completion{}, fmt.Errorf("%w: %s: %v (after %d attempts)", ErrUnavailable, config.RedactURI(c.url), last, c.retries+1)
}

// once makes one HTTP request.
func (c *client) once(ctx context.Context, body []byte) (completion, error) {
	rctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(rctx, http.MethodPost, c.url, bytes.NewReader(body))
	if err != nil {
		return completion{}, fmt.Errorf("%w: %v", ErrRejected, err)
	}
	req.Header.Set("Content-Type", "application/json")
	if c.apiKey != "" {
		req.Header.Set("Authorization", "Bearer "+c.apiKey)
	}
	if c.onCall != nil {
		c.onCall()
	}
	resp, err := c.http.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return completion{}, ctx.Err()
		}
		var ne net.Error
		if errors.Is(err, context.DeadlineExceeded) || errors.As(err, &ne) && ne.Timeout() {
			return completion{}, &transientError{msg: fmt.Sprintf("no reply within %s", c.timeout)}
		}
		return completion{}, &transientError{msg: c.redact(err.Error())}
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		if ctx.Err() != nil {
			return completion{}, ctx.Err()
		}
		return completion{}, &transientError{msg: "reading the reply: " + c.redact(err.Error())}
	}
	switch {
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500:
		return completion{}, &transientError{
			msg:   fmt.Sprintf("HTTP %d %s", resp.StatusCode, c.snippet(b)),
			after: retryAfter(resp.Header.Get("Retry-After"), time.Now()),
		}
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return completion{}, fmt.Errorf("%w: %s: HTTP %d %s", ErrRejected, config.RedactURI(c.url), resp.StatusCode, c.snippet(b))
	}
	var r chatResponse
	if err := json.Unmarshal(b, &r); err != nil || len(r.Choices) == 0 {
		// not a chat completion at all: the reply is unusable, like
		// malformed JSON in the message
		return completion{}, &invalidError{fmt.Sprintf("the server's answer is not a chat completion: %s", c.snippet(b))}
	}
	comp := completion{content: r.Choices[0].Message.Content}
	if u := r.Usage; u != nil {
		comp.promptTok, comp.completionTok = u.PromptTokens, u.CompletionTokens
		if comp.promptTok+comp.completionTok == 0 && u.TotalTokens > 0 {
			comp.promptTok = u.TotalTokens
		}
	}
	if comp.promptTok+comp.completionTok == 0 {
		// no usage reported: about four bytes a token
		comp.promptTok, comp.completionTok = int64(len(body)/4), int64(len(comp.content)/4)
	}
	return comp, nil
}

// snippet is the start of a server's answer for an error message, with
// the API key (should a server echo it) hidden.
func (c *client) snippet(b []byte) string {
	s := strings.Join(strings.Fields(string(b)), " ")
	if len(s) > 200 {
		s = s[:200] + "..."
	}
	return c.redact(s)
}

func (c *client) redact(s string) string {
	if c.apiKey != "" {
		s = strings.ReplaceAll(s, c.apiKey, "xxxxx")
	}
	return s
}

// retryAfter reads a Retry-After header: seconds or an HTTP date; 0 when
// absent or unreadable.
func retryAfter(h string, now time.Time) time.Duration {
	h = strings.TrimSpace(h)
	if h == "" {
		return 0
	}
	if n, err := strconv.Atoi(h); err == nil && n >= 0 {
		return time.Duration(n) * time.Second
	}
	if t, err := http.ParseTime(h); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// models lists the models the server serves (GET {endpoint}/models); ok is
// false when the server has no such route (not every compatible server
// lists its models).
func (c *client) models(ctx context.Context) (ids []string, ok bool, err error) {
	rctx, cancel := context.WithTimeout(ctx, min(c.timeout, 30*time.Second))
	defer cancel()
	url := strings.TrimSuffix(c.url, "/chat/completions") + "/models"
	req, err := http.NewRequestWithContext(rctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, false, err
	}
	if c.apiKey != "" {
		req.Header.Set("Authorization", "Bearer "+c.apiKey)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, false, fmt.Errorf("%w: %s: %s", ErrUnavailable, config.RedactURI(url), c.redact(err.Error()))
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 8<<20))
	switch {
	case resp.StatusCode == http.StatusNotFound || resp.StatusCode == http.StatusMethodNotAllowed:
		return nil, false, nil
	case resp.StatusCode == http.StatusUnauthorized || resp.StatusCode == http.StatusForbidden:
		return nil, false, fmt.Errorf("%w: %s: HTTP %d %s (check $KG_LLM_API_KEY)", ErrRejected, config.RedactURI(url), resp.StatusCode, c.snippet(b))
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return nil, false, fmt.Errorf("%w: %s: HTTP %d %s", ErrUnavailable, config.RedactURI(url), resp.StatusCode, c.snippet(b))
	}
	var r struct {
		Data []struct {
			ID string `json:"id"`
		} `json:"data"`
	}
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, false, nil
	}
	for _, m := range r.Data {
		ids = append(ids, m.ID)
	}
	return ids, true, nil
}
