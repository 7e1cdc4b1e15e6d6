package llm

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/kg-project/kg/internal/config"
	"github.com/kg-project/kg/internal/extract"
	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/text/segment"
)

// CodeVersion is the version of this package's handling of replies
// (validation, grounding, merging): bump it when a change may alter the
// extraction made from the same reply, so that staging re-extracts (from
// the cached replies: no call is made again).
const CodeVersion = "1"

// Extractor names, as model.Relation.Extractor records them.
const (
	Builtin = "builtin"
	LLM     = "llm"
	Both    = "builtin+llm"
)

// Config configures the LLM back end.
type Config struct {
	// Endpoint is the base URL of the OpenAI-compatible API, the part
	// before /chat/completions: http://localhost:11434/v1 (Ollama),
	// https://api.openai.com/v1.
	Endpoint string
	// Model is the model name the server knows (qwen2.5:7b, gpt-4o-mini).
	Model string
	// APIKey is sent as a bearer token when not empty. It is never
	// printed nor part of any key or version.
	APIKey string
	// Temperature (0 for repeatable replies) and Seed (sent when not
	// nil) of the sampling.
	Temperature float64
	Seed        *int64
	// MaxTokens bounds a reply's length (0: the server's default).
	MaxTokens int
	// MaxConcurrency bounds the requests in flight (0: 1).
	MaxConcurrency int
	// Timeout bounds one request (0: 2 minutes).
	Timeout time.Duration
	// Retries is how many times a transient failure (429, 5xx, timeout,
	// connection error) is retried, waiting Backoff, then twice as long
	// each time (or the server's Retry-After when longer), at most MaxWait.
	// Defaults: Backoff 1 s, MaxWait 1 minute.
	Retries          int
	Backoff, MaxWait time.Duration
	// TokenBudget bounds the tokens (prompt and reply, as the server
	// reports them) spent by this Extractor, 0 for no bound. Once spent,
	// Extract returns extract.ErrBudgetSpent for every article whose reply
	// is not cached; requests already in flight finish, so the budget may
	// be exceeded by as much as they cost.
	TokenBudget int64
	// Hybrid runs the built-in extractor too: its entities go to the
	// model as hints, and the relations of both are merged.
	Hybrid bool
	// MaxChars bounds the article text (code points) of one request: a
	// longer article is sent in runs of whole sentences, one request each,
	// and the replies are put together (0: one request per article). The
	// system message (the vocabulary and the schema) comes on top, about
	// 2,500 tokens.
	MaxChars int
	// HTTPClient makes the requests (nil: a plain http.Client; each
	// request has its own Timeout).
	HTTPClient *http.Client
}

// Cache stores replies across runs (staging implements it; see
// stage.Store.Reply). Implementations must be safe for concurrent use.
type Cache interface {
	// Reply returns the reply stored under key; ok is false when none is.
	Reply(key string) (b []byte, ok bool, err error)
	// PutReply stores a reply under key.
	PutReply(key string, b []byte) error
}

// MemCache is a Cache in memory, for one run.
type MemCache struct {
	mu sync.Mutex
	m  map[string][]byte
}

// Reply implements Cache.
func (c *MemCache) Reply(key string) ([]byte, bool, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	b, ok := c.m[key]
	return b, ok, nil
}

// PutReply implements Cache.
func (c *MemCache) PutReply(key string, b []byte) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[string][]byte{}
	}
	c.m[key] = slices.Clone(b)
	return nil
}

// Stats counts what an Extractor did.
type Stats struct {
	Calls            int64 `json:"calls"` // HTTP requests, retries included
	CacheHits        int64 `json:"cache_hits"`
	PromptTokens     int64 `json:"prompt_tokens"`
	CompletionTokens int64 `json:"completion_tokens"`
	Retries          int64 `json:"retries"`         // waits before a retry
	InvalidReplies   int64 `json:"invalid_replies"` // replies not following the schema
	Fallbacks        int64 `json:"fallbacks"`       // articles given the built-in extraction instead
	BudgetSkipped    int64 `json:"budget_skipped"`  // articles not extracted: budget spent
	// Dropped counts what validation removed from replies, by reason
	// (Drop* constants).
	Dropped map[string]int64 `json:"dropped,omitempty"`
}

// Counters returns the stats as flat counters (dropped.<reason> for the
// drops), as staging keeps them.
func (s Stats) Counters() map[string]int64 {
	m := map[string]int64{
		"calls": s.Calls, "cache_hits": s.CacheHits, "prompt_tokens": s.PromptTokens,
		"completion_tokens": s.CompletionTokens, "retries": s.Retries, "invalid_replies": s.InvalidReplies,
		"fallbacks": s.Fallbacks, "budget_skipped": s.BudgetSkipped,
	}
	for k, v := range s.Dropped {
		m["dropped."+k] = v
	}
	return m
}

// Extractor is the LLM back end: an extract.Extractor that asks an
// OpenAI-compatible server for each article's entities and relations,
// grounds them in the text and links the entities as the built-in pipeline
// does.
//
// It is deterministic given its cache: the same article, configuration and
// cached reply give the same extraction. Its errors may be transient
// (ErrUnavailable, extract.ErrBudgetSpent, a cancelled ctx): the article
// is not extracted and the next run asks again. ErrRejected means the
// configuration is wrong (model, key, endpoint).
type Extractor struct {
	cfg     Config
	builtin *extract.Pipeline
	cache   Cache
	client  *client
	sem     chan struct{}

	mu    sync.Mutex
	stats Stats
	// down counts the articles in a row the server failed (ErrUnavailable
	// after every retry); at GiveUpAfter the others fail at once, without
	// a call, until a request succeeds
	down int
}

// GiveUpAfter is how many articles in a row the server may fail (each
// after all its retries) before the Extractor stops calling it for this
// run: the articles left fail at once with ErrUnavailable (not staged; the
// next run asks again) instead of each waiting through its retries.
const GiveUpAfter = 3

var _ extract.Extractor = (*Extractor)(nil)

// New returns an LLM extractor. builtin is the pipeline used for hints
// (hybrid mode), fallbacks and entity linking; cache may be nil (no reply
// is kept beyond the Extractor's life).
func New(cfg Config, builtin *extract.Pipeline, cache Cache) (*Extractor, error) {
	if strings.TrimSpace(cfg.Endpoint) == "" {
		return nil, errors.New("llm.endpoint is empty (e.g. http://localhost:11434/v1 for Ollama)")
	}
	if !strings.HasPrefix(cfg.Endpoint, "http://") && !strings.HasPrefix(cfg.Endpoint, "https://") {
		return nil, fmt.Errorf("llm.endpoint %q is not an http:// or https:// URL", cfg.Endpoint)
	}
	if strings.TrimSpace(cfg.Model) == "" {
		return nil, errors.New("llm.model is empty: name the model the server serves (e.g. qwen2.5:7b)")
	}
	if builtin == nil {
		builtin = extract.NewPipeline()
	}
	if cache == nil {
		cache = &MemCache{}
	}
	if cfg.MaxConcurrency < 1 {
		cfg.MaxConcurrency = 1
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 2 * time.Minute
	}
	if cfg.Backoff <= 0 {
		cfg.Backoff = time.Second
	}
	if cfg.MaxWait <= 0 {
		cfg.MaxWait = time.Minute
	}
	if cfg.Retries < 0 {
		cfg.Retries = 0
	}
	hc := cfg.HTTPClient
	if hc == nil {
		hc = &http.Client{}
	}
	if _, err := loadPrompt(); err != nil {
		return nil, err
	}
	x := &Extractor{cfg: cfg, builtin: builtin, cache: cache, sem: make(chan struct{}, cfg.MaxConcurrency)}
	x.client = &client{
		url: strings.TrimRight(cfg.Endpoint, "/") + "/chat/completions", apiKey: cfg.APIKey, http: hc,
		timeout: cfg.Timeout, retries: cfg.Retries, backoff: cfg.Backoff, maxWait: cfg.MaxWait, sleep: sleepCtx,
		onCall:  func() { x.count(func(s *Stats) { s.Calls++ }) },
		onRetry: func() { x.count(func(s *Stats) { s.Retries++ }) },
	}
	return x, nil
}

// Version implements extract.Extractor: the mode, the model, the prompt
// version, this package's CodeVersion and the built-in extractor's version
// (it makes the hints, the fallbacks and the entity links). It holds no
// "/" (staging keys use it).
func (x *Extractor) Version() string {
	p, _ := loadPrompt() // New checked it
	mode := "llm"
	if x.cfg.Hybrid {
		mode = "hybrid"
	}
	m := strings.Map(func(r rune) rune {
		if r == '/' || r == ' ' || r < 0x20 {
			return '_'
		}
		return r
	}, x.cfg.Model)
	return fmt.Sprintf("%s:%s+%s.%s+%s", mode, m, p.version, CodeVersion, x.builtin.Version())
}

// Stats returns what the Extractor did so far.
func (x *Extractor) Stats() Stats {
	x.mu.Lock()
	defer x.mu.Unlock()
	s := x.stats
	s.Dropped = make(map[string]int64, len(x.stats.Dropped))
	for k, v := range x.stats.Dropped {
		s.Dropped[k] = v
	}
	return s
}

func (x *Extractor) count(f func(*Stats)) {
	x.mu.Lock()
	f(&x.stats)
	x.mu.Unlock()
}

func (x *Extractor) drop(reason string) {
	x.count(func(s *Stats) {
		if s.Dropped == nil {
			s.Dropped = map[string]int64{}
		}
		s.Dropped[reason]++
	})
}

func (x *Extractor) spent() bool {
	if x.cfg.TokenBudget <= 0 {
		return false
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.stats.PromptTokens+x.stats.CompletionTokens >= x.cfg.TokenBudget
}

// request builds the request body of an article and its cache key: a hash
// of the endpoint and of the body, which holds the model, the prompt (its
// version's wording, the vocabulary, the article's sentences, the hints)
// and the sampling settings.
func (x *Extractor) request(a *model.Article, sents []segment.Sentence, hints []Hint) (req chatRequest, body []byte, key string, err error) {
	p, err := loadPrompt()
	if err != nil {
		return req, nil, "", err
	}
	texts := make([]string, len(sents))
	for i, s := range sents {
		texts[i] = s.Text
	}
	user, err := p.userMessage(a.Lang, texts, hints)
	if err != nil {
		return req, nil, "", err
	}
	req = chatRequest{
		Model:       x.cfg.Model,
		Messages:    []chatMessage{{Role: "system", Content: p.system}, {Role: "user", Content: user}},
		Temperature: x.cfg.Temperature,
		Seed:        x.cfg.Seed,
		MaxTokens:   x.cfg.MaxTokens,
		ResponseFormat: &responseFormat{Type: "json_schema",
			JSONSchema: &jsonSchema{Name: "kg_extraction", Strict: true, Schema: p.schema}},
	}
	body, err = json.Marshal(req)
	if err != nil {
		return req, nil, "", err
	}
	h := sha256.New()
	h.Write([]byte(strings.TrimRight(x.cfg.Endpoint, "/")))
	h.Write([]byte{0})
	h.Write(body)
	return req, body, p.version + "/" + hex.EncodeToString(h.Sum(nil)), nil
}

// retryBody is the request again, with a last user message saying what
// was wrong with the previous reply (the same request would get the same
// reply at temperature 0).
func retryBody(req chatRequest, invalid error) ([]byte, error) {
	msg := fmt.Sprintf("Your previous answer could not be used (%v). Answer again with one JSON object that follows the schema exactly, and nothing else.", invalid)
	req.Messages = append(slices.Clip(req.Messages), chatMessage{Role: "user", Content: msg})
	return json.Marshal(req)
}

// ask returns the reply's content for body: from the cache, else from the
// server (fresh: skip the cache, for the second attempt after an invalid
// reply). A reply is cached by the caller once it is known to be valid.
func (x *Extractor) ask(ctx context.Context, key string, body []byte, fresh bool) (content string, cached bool, err error) {
	if !fresh {
		b, ok, err := x.cache.Reply(key)
		if err != nil {
			return "", false, fmt.Errorf("reading the reply cache: %w", err)
		}
		if ok {
			x.count(func(s *Stats) { s.CacheHits++ })
			return string(b), true, nil
		}
	}
	if x.spent() {
		x.count(func(s *Stats) { s.BudgetSkipped++ })
		return "", false, fmt.Errorf("%w (%d tokens)", extract.ErrBudgetSpent, x.cfg.TokenBudget)
	}
	select {
	case x.sem <- struct{}{}:
	case <-ctx.Done():
		return "", false, ctx.Err()
	}
	defer func() { <-x.sem }()
	if x.spent() { // spent while waiting for a slot
		x.count(func(s *Stats) { s.BudgetSkipped++ })
		return "", false, fmt.Errorf("%w (%d tokens)", extract.ErrBudgetSpent, x.cfg.TokenBudget)
	}
	x.mu.Lock()
	down := x.down
	x.mu.Unlock()
	if down >= GiveUpAfter {
		return "", false, fmt.Errorf("%w: %s failed %d articles in a row; not asked again in this run", ErrUnavailable, x.endpoint(), down)
	}
	comp, err := x.client.complete(ctx, body)
	if err != nil {
		if errors.Is(err, ErrUnavailable) {
			x.mu.Lock()
			x.down++
			x.mu.Unlock()
		}
		return "", false, err
	}
	x.mu.Lock()
	x.down = 0
	x.mu.Unlock()
	x.count(func(s *Stats) {
		s.PromptTokens += comp.promptTok
		s.CompletionTokens += comp.completionTok
	})
	return comp.content, false, nil
}

// Extract implements extract.Extractor.
//
// The article's sentences (arabic.Sentences, as the built-in extractor
// splits them) go to the model numbered from 1, with the built-in
// extractor's names as hints in hybrid mode. A reply that does not follow
// the schema is asked for once more; when the second is no better, the
// article gets the built-in extraction, with Extraction.Fallback saying
// why. A valid reply is cached, then grounded: see ground.
func (x *Extractor) Extract(ctx context.Context, a *model.Article) (*model.Extraction, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var base *model.Extraction // the built-in extraction, when made
	builtin := func() (*model.Extraction, error) {
		if base != nil {
			return base, nil
		}
		var err error
		base, err = x.builtin.Extract(ctx, a)
		return base, err
	}
	sents := sentencesOf(a)
	var hints []Hint
	if x.cfg.Hybrid {
		b, err := builtin()
		if err != nil {
			return nil, err
		}
		hints = hintsOf(b, sents)
	}
	if len(sents) == 0 {
		return x.result(a, nil, nil, base)
	}
	all := &reply{Entities: &[]replyName{}, Relations: &[]replyRelation{}}
	for _, c := range chunkSentences(sents, x.cfg.MaxChars) {
		r, invalid, err := x.askValid(ctx, a, sents[c[0]:c[1]], hintsIn(hints, c[0], c[1]))
		if err != nil {
			return nil, err
		}
		if r == nil {
			b, err := builtin()
			if err != nil {
				return nil, err
			}
			x.count(func(s *Stats) { s.Fallbacks++ })
			out := *b
			out.Relations = marked(b.Relations, Builtin)
			out.Fallback = fmt.Sprintf("%s: %v (twice); built-in extraction", x.cfg.Model, invalid)
			return &out, nil
		}
		r.shift(c[0], c[1]-c[0])
		*all.Entities = append(*all.Entities, *r.Entities...)
		*all.Relations = append(*all.Relations, *r.Relations...)
	}
	return x.result(a, sents, all, base)
}

// askValid asks for the reply about sentences (one chunk of the article,
// numbered from 1) and checks it against the schema: a reply that does not
// follow it is asked for once more, with a message saying what was wrong.
// It returns the valid reply (cached under the first request's key), or
// nil and what was wrong with the second; err is a failure to get a reply
// at all.
func (x *Extractor) askValid(ctx context.Context, a *model.Article, sents []segment.Sentence, hints []Hint) (r *reply, invalid, err error) {
	req, body, key, err := x.request(a, sents, hints)
	if err != nil {
		return nil, nil, err
	}
	for attempt := 0; attempt < 2; attempt++ {
		if attempt > 0 {
			if body, err = retryBody(req, invalid); err != nil {
				return nil, nil, err
			}
		}
		// the reply is cached under the first request's key, whichever
		// attempt gave it: the next run asks the first request
		content, cached, err := x.ask(ctx, key, body, attempt > 0)
		var inv *invalidError
		if errors.As(err, &inv) {
			invalid = err
			x.count(func(s *Stats) { s.InvalidReplies++ })
			continue
		}
		if err != nil {
			return nil, nil, err
		}
		r, err := parseReply(content)
		if err != nil {
			invalid = err
			x.count(func(s *Stats) { s.InvalidReplies++ })
			continue
		}
		if !cached {
			if err := x.cache.PutReply(key, []byte(content)); err != nil {
				return nil, nil, fmt.Errorf("caching the reply: %w", err)
			}
		}
		return r, nil, nil
	}
	return nil, invalid, nil
}

// chunkSentences cuts the sentences into runs [lo, hi) of at most max code
// points of sentence text each (a longer sentence is a run alone), so that
// a long article goes to the model in several requests that fit its
// context. max <= 0: one run.
func chunkSentences(sents []segment.Sentence, max int) [][2]int {
	var out [][2]int
	lo, n := 0, 0
	for i, s := range sents {
		l := s.End - s.Start
		if i > lo && max > 0 && n+l > max {
			out = append(out, [2]int{lo, i})
			lo, n = i, 0
		}
		n += l
	}
	if lo < len(sents) {
		out = append(out, [2]int{lo, len(sents)})
	}
	return out
}

// hintsIn returns the hints of sentences [lo, hi), numbered from 1 within
// them.
func hintsIn(hints []Hint, lo, hi int) []Hint {
	var out []Hint
	for _, h := range hints {
		if h.Sentence > lo && h.Sentence <= hi {
			h.Sentence -= lo
			out = append(out, h)
		}
	}
	return out
}

// result grounds a valid reply (r nil: an article without sentences) and
// builds the extraction; in hybrid mode base is the built-in extraction
// it is merged with.
func (x *Extractor) result(a *model.Article, sents []segment.Sentence, r *reply, base *model.Extraction) (*model.Extraction, error) {
	out := &model.Extraction{
		Doc:       model.DocInfo{ID: a.ID, Source: a.Source, Lang: a.Lang, Title: a.Title, Published: a.Published, URL: a.URL},
		Entities:  []model.Entity{},
		Relations: []model.Relation{},
	}
	if base != nil {
		out.Entities = base.Entities
		out.Relations = marked(base.Relations, Builtin)
	}
	if r == nil {
		return out, nil
	}
	ents, rels, err := x.ground(a.Text, sents, r, base)
	if err != nil {
		return nil, fmt.Errorf("linking the model's names: %w", err)
	}
	out.Entities = ents
	out.Relations = rels
	return out, nil
}

// sentencesOf splits an article as the built-in extractor does, so that
// sentence numbers, mentions' Sentence and evidence offsets agree.
func sentencesOf(a *model.Article) []segment.Sentence { return segment.Sentences(a.Text) }

// Check asks the server which models it serves (kg doctor): it returns a
// line to show when the server answers and serves the model (or does not
// list its models), and an error saying what is wrong otherwise. It makes
// no chat request and costs no token.
func (x *Extractor) Check(ctx context.Context) (string, error) {
	ids, ok, err := x.client.models(ctx)
	if err != nil {
		return "", err
	}
	if !ok {
		return fmt.Sprintf("%s answers (it does not list its models; model %s not checked)", x.endpoint(), x.cfg.Model), nil
	}
	if !slices.Contains(ids, x.cfg.Model) {
		if len(ids) > 10 {
			ids = append(ids[:10:10], "...")
		}
		return "", fmt.Errorf("%w: %s does not serve model %q (it serves: %s)", ErrRejected, x.endpoint(), x.cfg.Model, strings.Join(ids, ", "))
	}
	return fmt.Sprintf("%s serves %s", x.endpoint(), x.cfg.Model), nil
}

func (x *Extractor) endpoint() string { return config.RedactURI(x.cfg.Endpoint) }
