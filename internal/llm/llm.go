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
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/kg-project/kg/internal/config"
	"github.com/kg-project/kg/internal/extract"
	"github.com/kg-project/kg/internal/extract/arabic"
	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/vocab"
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
}

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
func (x *Extractor) request(a *model.Article, sents []arabic.Sentence, hints []Hint) (req chatRequest, body []byte, key string, err error) {
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
	comp, err := x.client.complete(ctx, body)
	if err != nil {
		return "", false, err
	}
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
	req, body, key, err := x.request(a, sents, hints)
	if err != nil {
		return nil, err
	}
	var r *reply
	var lastInvalid error
	for attempt := 0; attempt < 2 && r == nil; attempt++ {
		if attempt > 0 {
			if body, err = retryBody(req, lastInvalid); err != nil {
				return nil, err
			}
		}
		// the reply is cached under the first request's key, whichever
		// attempt gave it: the next run asks the first request
		content, cached, err := x.ask(ctx, key, body, attempt > 0)
		var inv *invalidError
		if errors.As(err, &inv) {
			lastInvalid = err
			x.count(func(s *Stats) { s.InvalidReplies++ })
			continue
		}
		if err != nil {
			return nil, err
		}
		r, err = parseReply(content)
		if err != nil {
			lastInvalid = err
			x.count(func(s *Stats) { s.InvalidReplies++ })
			continue
		}
		if !cached {
			if err := x.cache.PutReply(key, []byte(content)); err != nil {
				return nil, fmt.Errorf("caching the reply: %w", err)
			}
		}
	}
	if r == nil {
		b, err := builtin()
		if err != nil {
			return nil, err
		}
		x.count(func(s *Stats) { s.Fallbacks++ })
		out := *b
		out.Relations = marked(b.Relations, Builtin)
		out.Fallback = fmt.Sprintf("%s: %v (twice); built-in extraction", x.cfg.Model, lastInvalid)
		return &out, nil
	}
	return x.result(a, sents, r, base)
}

// hintsOf lists the built-in extraction's mentions, once per text, type
// and sentence, in text order.
func hintsOf(b *model.Extraction, sents []arabic.Sentence) []Hint {
	type k struct {
		text, typ string
		s         int
	}
	seen := map[k]bool{}
	var ms []struct {
		m   model.Mention
		typ string
	}
	for _, e := range b.Entities {
		for _, m := range e.Mentions {
			ms = append(ms, struct {
				m   model.Mention
				typ string
			}{m, e.Type})
		}
	}
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].m.Start < ms[j].m.Start })
	var out []Hint
	for _, x := range ms {
		if x.m.Sentence < 0 || x.m.Sentence >= len(sents) {
			continue
		}
		kk := k{x.m.Text, x.typ, x.m.Sentence}
		if seen[kk] {
			continue
		}
		seen[kk] = true
		out = append(out, Hint{Text: x.m.Text, Type: x.typ, Sentence: x.m.Sentence + 1})
	}
	return out
}

// marked returns a copy of rels with Extractor set to who.
func marked(rels []model.Relation, who string) []model.Relation {
	out := make([]model.Relation, len(rels))
	for i, r := range rels {
		r.Extractor = who
		out[i] = r
	}
	return out
}

// result grounds a valid reply (r nil: an article without sentences) and
// builds the extraction; in hybrid mode base is the built-in extraction
// it is merged with.
func (x *Extractor) result(a *model.Article, sents []arabic.Sentence, r *reply, base *model.Extraction) (*model.Extraction, error) {
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

// ground turns a valid reply into entities and relations, keeping only
// what holds:
//   - every name (an entity mention, a relation's subject or object) must
//     be written, as whole words, in the sentence the reply gives for it
//     (findName computes its offsets), with an entity type of the closed
//     set; a relation with a name that is not is dropped;
//   - a relation's type must be in the vocabulary, its sentence one of the
//     article's, its modality one of model's, its subject and object of
//     types the relation type takes (vocab), and not the same entity;
//   - the names are linked as the built-in pipeline links its own
//     (extract.Pipeline.LinkSpans), so that one real-world entity is one
//     node whichever extractor found it. In hybrid mode a name that
//     overlaps a mention of the built-in extraction is that mention's
//     entity.
//
// Each drop is counted by reason (Stats.Dropped). A relation both
// extractors found (same subject, type, object and sentence) is kept once,
// marked Both, with the higher confidence.
func (x *Extractor) ground(text string, sents []arabic.Sentence, r *reply, base *model.Extraction) ([]model.Entity, []model.Relation, error) {
	ss := make([]sentence, len(sents))
	for i, s := range sents {
		ss[i] = sentence{runes: []rune(s.Text), start: s.Start}
	}
	var spans []extract.Span
	at := map[[2]int]int{} // span offsets -> index in spans
	// add grounds a name; it returns its index in spans, or -1
	add := func(n *replyName) int {
		if !model.ValidEntityType(*n.Type) {
			x.drop(DropType)
			return -1
		}
		s, e, ok := findName(ss, *n.Sentence, *n.Text)
		if !ok {
			if *n.Sentence < 1 || *n.Sentence > len(ss) {
				x.drop(DropSentence)
			} else {
				x.drop(DropSpan)
			}
			return -1
		}
		if i, ok := at[[2]int{s, e}]; ok {
			return i
		}
		at[[2]int{s, e}] = len(spans)
		spans = append(spans, extract.Span{Start: s, End: e, Sentence: *n.Sentence - 1, Type: *n.Type})
		return len(spans) - 1
	}
	for i := range *r.Entities {
		add(&(*r.Entities)[i])
	}
	type pending struct {
		subj, obj int
		rel       model.Relation
	}
	var rels []pending
	for _, rr := range *r.Relations {
		if !vocab.Valid(*rr.Predicate) {
			x.drop(DropPredicate)
			continue
		}
		if *rr.Sentence < 1 || *rr.Sentence > len(sents) {
			x.drop(DropSentence)
			continue
		}
		if !validModality(*rr.Modality) {
			x.drop(DropModality)
			continue
		}
		si, oi := add(rr.Subject), add(rr.Object)
		if si < 0 || oi < 0 {
			continue
		}
		ev := sents[*rr.Sentence-1]
		rels = append(rels, pending{si, oi, model.Relation{
			Predicate: *rr.Predicate, Confidence: clampConfidence(*rr.Confidence), Modality: *rr.Modality,
			Evidence: model.Evidence{Sentence: ev.Text, Start: ev.Start, End: ev.End}, Extractor: LLM,
		}})
	}
	ents, ids, err := x.builtin.LinkSpans(text, spans)
	if err != nil {
		return nil, nil, err
	}
	if base != nil {
		ents, ids = mergeEntities(base.Entities, ents, spans, ids)
	}
	types := map[string]string{}
	for _, e := range ents {
		types[e.ID] = e.Type
	}
	var out []model.Relation
	if base != nil {
		out = marked(base.Relations, Builtin)
	}
	seen := map[string]int{} // subject, type, object, sentence start -> index in out
	keyOf := func(r model.Relation) string {
		return fmt.Sprintf("%s\x00%s\x00%s\x00%d", r.Subject, r.Predicate, r.Object, r.Evidence.Start)
	}
	for i, r := range out {
		if _, ok := seen[keyOf(r)]; !ok {
			seen[keyOf(r)] = i
		}
	}
	for _, p := range rels {
		r := p.rel
		r.Subject, r.Object = ids[p.subj], ids[p.obj]
		if r.Subject == "" || r.Object == "" {
			x.drop(DropSpan) // a name kg does not keep (not a name)
			continue
		}
		if r.Subject == r.Object {
			x.drop(DropSelf)
			continue
		}
		if v, ok := vocab.Get(r.Predicate); ok && (!slices.Contains(v.Subject, types[r.Subject]) || !slices.Contains(v.Object, types[r.Object])) {
			x.drop(DropType)
			continue
		}
		if i, ok := seen[keyOf(r)]; ok {
			o := &out[i]
			if o.Extractor == Builtin {
				o.Extractor = Both
			} else {
				x.drop(DropDuplicate)
			}
			o.Confidence = max(o.Confidence, r.Confidence)
			continue
		}
		seen[keyOf(r)] = len(out)
		out = append(out, r)
	}
	// the order kg extract documents: evidence offset, predicate, subject,
	// object
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Evidence.Start != b.Evidence.Start {
			return a.Evidence.Start < b.Evidence.Start
		}
		return a.Predicate+"\x00"+a.Subject+"\x00"+a.Object < b.Predicate+"\x00"+b.Subject+"\x00"+b.Object
	})
	if out == nil {
		out = []model.Relation{}
	}
	return ents, out, nil
}

// mergeEntities adds the model's entities to the built-in extraction's
// (hybrid mode): a span overlapping a built-in mention takes that
// mention's entity; the other spans keep the ID linking gave them, and
// their mentions join the built-in entity of that ID or make a new
// entity. It returns the entities sorted by ID and the spans' IDs.
func mergeEntities(base, llm []model.Entity, spans []extract.Span, ids []string) ([]model.Entity, []string) {
	out := make([]model.Entity, len(base))
	at := map[string]int{}
	for i, e := range base {
		e.Mentions = slices.Clone(e.Mentions)
		e.Aliases = slices.Clone(e.Aliases)
		out[i] = e
		at[e.ID] = i
	}
	byID := map[string]model.Entity{}
	for _, e := range llm {
		byID[e.ID] = e
	}
	newIDs := make([]string, len(ids))
	for i, sp := range spans {
		newIDs[i] = ids[i]
	overlap:
		for _, e := range base {
			for _, m := range e.Mentions {
				if m.Start < sp.End && sp.Start < m.End {
					newIDs[i] = e.ID
					break overlap
				}
			}
		}
		if newIDs[i] != ids[i] || ids[i] == "" {
			continue
		}
		e, ok := byID[ids[i]]
		if !ok {
			continue
		}
		// the mention of this span, as linking made it (clitics trimmed)
		var m *model.Mention
		for k := range e.Mentions {
			if mm := e.Mentions[k]; mm.Start >= sp.Start && mm.End <= sp.End {
				m = &e.Mentions[k]
				break
			}
		}
		if m == nil {
			continue
		}
		j, ok := at[e.ID]
		if !ok {
			ne := e
			ne.Mentions = nil
			at[e.ID] = len(out)
			out = append(out, ne)
			j = at[e.ID]
		}
		if !slices.ContainsFunc(out[j].Mentions, func(x model.Mention) bool { return x.Start == m.Start && x.End == m.End }) {
			out[j].Mentions = append(out[j].Mentions, *m)
			sort.SliceStable(out[j].Mentions, func(a, b int) bool { return out[j].Mentions[a].Start < out[j].Mentions[b].Start })
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].ID < out[b].ID })
	return out, newIDs
}

// sentencesOf splits an article as the built-in extractor does, so that
// sentence numbers, mentions' Sentence and evidence offsets agree.
func sentencesOf(a *model.Article) []arabic.Sentence { return arabic.Sentences(a.Text) }

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
