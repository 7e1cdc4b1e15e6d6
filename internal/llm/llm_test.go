package llm

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kg-project/kg/internal/extract"
	"github.com/kg-project/kg/internal/extract/extracttest"
	"github.com/kg-project/kg/internal/llm/llmtest"
	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/vocab"
)

const seedPath = "../../../shared/corpus/seed/000_17f18ee68b87133c.txt"

var (
	pipeline     = extract.NewPipeline() // shared: its models load once
	seedOnce     sync.Once
	seedArticle  *model.Article
	seedReplyStr string
)

func seed(t *testing.T) (*model.Article, string) {
	t.Helper()
	seedOnce.Do(func() {
		b, err := os.ReadFile(seedPath)
		if err != nil {
			return
		}
		seedArticle = &model.Article{ID: "seed", Text: string(b), Lang: "ar"}
		r, err := os.ReadFile("testdata/seed.content.json")
		if err != nil {
			return
		}
		seedReplyStr = string(r)
	})
	if seedArticle == nil || seedReplyStr == "" {
		t.Fatalf("reading %s and testdata/seed.content.json failed", seedPath)
	}
	return seedArticle, seedReplyStr
}

var seedValue = int64(7)

// newX returns an extractor on the fake server, with waits recorded
// instead of slept.
func newX(t *testing.T, srv *llmtest.Server, cfg Config) (*Extractor, *[]time.Duration) {
	t.Helper()
	cfg.Endpoint = srv.Endpoint()
	if cfg.Model == "" {
		cfg.Model = "test/model:7b"
	}
	if cfg.Seed == nil {
		cfg.Seed = &seedValue
	}
	x, err := New(cfg, pipeline, nil)
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	waits := &[]time.Duration{}
	x.client.sleep = func(ctx context.Context, d time.Duration) error {
		mu.Lock()
		*waits = append(*waits, d)
		mu.Unlock()
		return ctx.Err()
	}
	return x, waits
}

func hasRel(x *model.Extraction, s, p, o string) *model.Relation {
	for i, r := range x.Relations {
		if r.Subject == s && r.Predicate == p && r.Object == o {
			return &x.Relations[i]
		}
	}
	return nil
}

// checkGrounded checks that every mention is the text at its offsets and
// every evidence a sentence of the text.
func checkGrounded(t *testing.T, a *model.Article, x *model.Extraction) {
	t.Helper()
	rs := []rune(a.Text)
	ids := map[string]bool{}
	for _, e := range x.Entities {
		if ids[e.ID] {
			t.Errorf("entity %s twice", e.ID)
		}
		ids[e.ID] = true
		for _, m := range e.Mentions {
			if m.Start < 0 || m.End > len(rs) || string(rs[m.Start:m.End]) != m.Text {
				t.Errorf("mention %q at [%d, %d) is not the text there", m.Text, m.Start, m.End)
			}
		}
	}
	for _, r := range x.Relations {
		if !ids[r.Subject] || !ids[r.Object] {
			t.Errorf("relation %s %s %s names an unknown entity", r.Subject, r.Predicate, r.Object)
		}
		if !vocab.Valid(r.Predicate) {
			t.Errorf("relation type %q not in the vocabulary", r.Predicate)
		}
		if string(rs[r.Evidence.Start:r.Evidence.End]) != r.Evidence.Sentence {
			t.Errorf("evidence %q is not the text at its offsets", r.Evidence.Sentence)
		}
	}
}

func TestSeedBuildsCoreRelations(t *testing.T) {
	a, content := seed(t)
	srv := llmtest.New(t, llmtest.Reply{Content: content})
	x, _ := newX(t, srv, Config{APIKey: "sk-secret"})
	got, err := x.Extract(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	checkGrounded(t, a, got)
	for _, c := range [][3]string{
		{"wd:Q7747", "ADDRESSED", "wd:Q318693"},      // Vladimir Putin -> CSTO
		{"wd:Q159", "DEPLOYED_TROOPS_IN", "wd:Q232"}, // Russia -> Kazakhstan
		{"wd:Q7747", "PRESIDENT_OF", "wd:Q159"},      // through the demonym الروسي
		{"wd:Q35493", "LOCATED_IN", "wd:Q232"},
	} {
		r := hasRel(got, c[0], c[1], c[2])
		if r == nil {
			t.Errorf("missing %v; got %+v", c, got.Relations)
			continue
		}
		if r.Extractor != LLM {
			t.Errorf("%v: extractor %q, want %q", c, r.Extractor, LLM)
		}
	}
	if got.Fallback != "" {
		t.Errorf("fallback %q", got.Fallback)
	}
	// linked through kg's gazetteer: canonical name and QID
	for _, e := range got.Entities {
		if e.ID == "wd:Q318693" && (e.Name != "Collective Security Treaty Organization" || e.Wikidata != "Q318693") {
			t.Errorf("CSTO linked as %+v", e)
		}
	}
	reqs := srv.Requests()
	if len(reqs) != 1 {
		t.Fatalf("%d requests, want 1", len(reqs))
	}
	r := reqs[0]
	if r.Auth != "Bearer sk-secret" {
		t.Errorf("Authorization %q", r.Auth)
	}
	if r.Body["temperature"] != 0.0 || r.Body["seed"] != 7.0 || r.Body["model"] != "test/model:7b" {
		t.Errorf("request temperature %v seed %v model %v", r.Body["temperature"], r.Body["seed"], r.Body["model"])
	}
	if !r.HasSchema() {
		t.Error("no response_format json_schema")
	}
	if u := r.UserMessage(); !strings.Contains(u, "[19] ونشرت روسيا") || !strings.Contains(u, "[1] قال الرئيس") {
		t.Errorf("user message does not number the sentences:\n%s", u)
	}
	st := x.Stats()
	if st.Calls != 1 || st.PromptTokens != 1000 || st.CompletionTokens != 200 || st.CacheHits != 0 {
		t.Errorf("stats %+v", st)
	}

	// again: from the cache, the same extraction, no call
	again, err := x.Extract(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	b1, _ := json.Marshal(got)
	b2, _ := json.Marshal(again)
	if string(b1) != string(b2) {
		t.Error("the cached reply gives another extraction")
	}
	if srv.Calls() != 1 || x.Stats().CacheHits != 1 {
		t.Errorf("calls %d, stats %+v: want the cache to answer", srv.Calls(), x.Stats())
	}
}

func TestMalformedReplyRetriedOnceThenFallback(t *testing.T) {
	a, content := seed(t)
	t.Run("second reply valid", func(t *testing.T) {
		srv := llmtest.New(t, llmtest.Reply{Content: `{"entities": [`}, llmtest.Reply{Content: content})
		x, _ := newX(t, srv, Config{})
		got, err := x.Extract(context.Background(), a)
		if err != nil {
			t.Fatal(err)
		}
		if got.Fallback != "" || hasRel(got, "wd:Q159", "DEPLOYED_TROOPS_IN", "wd:Q232") == nil {
			t.Errorf("fallback %q, relations %+v", got.Fallback, got.Relations)
		}
		if s := x.Stats(); srv.Calls() != 2 || s.InvalidReplies != 1 || s.Fallbacks != 0 {
			t.Errorf("calls %d, stats %+v", srv.Calls(), s)
		}
		// the second request says what was wrong
		if raw := string(srv.Requests()[1].Raw); !strings.Contains(raw, "Your previous answer could not be used") {
			t.Errorf("the retry does not say why: %s", raw[len(raw)-300:])
		}
		// the valid reply is cached for the first request: no call again
		if _, err := x.Extract(context.Background(), a); err != nil || srv.Calls() != 2 {
			t.Errorf("again: %v, calls %d", err, srv.Calls())
		}
	})
	for name, bad := range map[string]llmtest.Reply{
		"unparseable":        {Content: "Sure! Here are the relations: Putin addressed the CSTO."},
		"schema violation":   {Content: `{"entities": [{"text": "روسيا", "type": "Location"}], "relations": []}`},
		"wrong field type":   {Content: `{"entities": [], "relations": [{"subject": "روسيا", "predicate": "LEADS", "object": "x", "sentence": 1, "modality": "asserted", "confidence": 1}]}`},
		"unknown field":      {Content: `{"entities": [], "relations": [], "summary": "..."}`},
		"not a completion":   {Body: `{"result": "ok"}`},
		"truncated response": {Content: strings.TrimSuffix(content, "}\n")},
	} {
		t.Run(name, func(t *testing.T) {
			srv := llmtest.New(t, bad)
			x, _ := newX(t, srv, Config{})
			got, err := x.Extract(context.Background(), a)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(got.Fallback, "invalid reply") {
				t.Errorf("fallback %q, want it marked", got.Fallback)
			}
			want, _ := pipeline.Extract(context.Background(), a)
			if len(got.Relations) != len(want.Relations) || len(got.Entities) != len(want.Entities) {
				t.Errorf("fallback gives %d relations, %d entities; the built-in extractor %d, %d", len(got.Relations), len(got.Entities), len(want.Relations), len(want.Entities))
			}
			for _, r := range got.Relations {
				if r.Extractor != Builtin {
					t.Errorf("fallback relation marked %q", r.Extractor)
				}
			}
			if s := x.Stats(); srv.Calls() != 2 || s.InvalidReplies != 2 || s.Fallbacks != 1 {
				t.Errorf("calls %d, stats %+v: want one retry, then the fallback", srv.Calls(), s)
			}
			// an invalid reply is not cached: the staged fallback is what
			// saves the next run its calls
			if _, ok, _ := x.cache.Reply(mustKey(t, x, a)); ok {
				t.Error("an invalid reply was cached")
			}
		})
	}
}

func mustKey(t *testing.T, x *Extractor, a *model.Article) string {
	t.Helper()
	_, _, key, err := x.request(a, sentencesOf(a), nil)
	if err != nil {
		t.Fatal(err)
	}
	return key
}

func TestValidationDropsWhatDoesNotHold(t *testing.T) {
	a, _ := seed(t)
	rel := func(s, p, o string, ss, os, ev int) string {
		return `{"subject": {"text": "` + s + `", "type": "Location", "sentence": ` + itoa(ss) + `}, "predicate": "` + p +
			`", "object": {"text": "` + o + `", "type": "Location", "sentence": ` + itoa(os) + `}, "sentence": ` + itoa(ev) +
			`, "modality": "asserted", "confidence": 0.9}`
	}
	content := `{"entities": [{"text": "Atlantis", "type": "Location", "sentence": 1}, {"text": "روسيا", "type": "Alien", "sentence": 19}],
	"relations": [` + strings.Join([]string{
		rel("روسيا", "DEPLOYED_TROOPS_IN", "كازاخستان", 19, 18, 19), // kept
		rel("روسيا", "INVADED_BY_ALIENS", "كازاخستان", 19, 18, 19),  // invented relation type
		rel("روسيا", "DEPLOYED_TROOPS_IN", "كازاخستان", 19, 18, 99), // evidence sentence not in the article
		rel("روسيا", "DEPLOYED_TROOPS_IN", "أوكرانيا", 19, 19, 19),  // object not in the text
		rel("روسيا", "LEADS", "كازاخستان", 1, 18, 19),               // subject not in the sentence it names
		rel("روس", "LEADS", "كازاخستان", 19, 18, 19),                // part of a word
		rel("روسيا", "DEPLOYED_TROOPS_IN", "روسيا", 19, 19, 19),     // the same entity
		rel("روسيا", "DEPLOYED_TROOPS_IN", "كازاخستان", 19, 18, 19), // a duplicate
	}, ",") + `]}`
	srv := llmtest.New(t, llmtest.Reply{Content: content})
	x, _ := newX(t, srv, Config{})
	got, err := x.Extract(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	checkGrounded(t, a, got)
	if len(got.Relations) != 1 || hasRel(got, "wd:Q159", "DEPLOYED_TROOPS_IN", "wd:Q232") == nil {
		t.Errorf("relations %+v, want only Russia DEPLOYED_TROOPS_IN Kazakhstan", got.Relations)
	}
	want := map[string]int64{DropPredicate: 1, DropSentence: 1, DropSpan: 4, DropSelf: 1, DropDuplicate: 1, DropType: 1}
	if d := x.Stats().Dropped; !mapsEqual(d, want) {
		t.Errorf("dropped %v, want %v", d, want)
	}
	if got.Fallback != "" {
		t.Errorf("a valid reply with bad items fell back: %q", got.Fallback)
	}
}

func mapsEqual(a, b map[string]int64) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func TestTransientFailures(t *testing.T) {
	a, content := seed(t)
	ok := llmtest.Reply{Content: content}
	t.Run("429 honours Retry-After", func(t *testing.T) {
		srv := llmtest.New(t, llmtest.Reply{Status: 429, Header: map[string]string{"Retry-After": "7"}, Body: `{"error":{"message":"rate limited"}}`}, ok)
		x, waits := newX(t, srv, Config{Retries: 3, Backoff: time.Millisecond})
		if _, err := x.Extract(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		if srv.Calls() != 2 || !slices.Equal(*waits, []time.Duration{7 * time.Second}) {
			t.Errorf("calls %d, waits %v: want one retry after 7s", srv.Calls(), *waits)
		}
	})
	t.Run("500 backs off exponentially, then gives up", func(t *testing.T) {
		srv := llmtest.New(t, llmtest.Reply{Status: 500, Body: `{"error":{"message":"boom"}}`})
		x, waits := newX(t, srv, Config{Retries: 3, Backoff: time.Second, MaxWait: 3 * time.Second})
		_, err := x.Extract(context.Background(), a)
		if !errors.Is(err, ErrUnavailable) || !strings.Contains(err.Error(), "HTTP 500") {
			t.Fatalf("err %v, want ErrUnavailable naming HTTP 500", err)
		}
		if srv.Calls() != 4 || !slices.Equal(*waits, []time.Duration{time.Second, 2 * time.Second, 3 * time.Second}) {
			t.Errorf("calls %d, waits %v", srv.Calls(), *waits)
		}
		if x.Stats().Fallbacks != 0 {
			t.Error("a transient failure fell back to the built-in extractor (it must be retried by the next run)")
		}
	})
	t.Run("server down: gives up after GiveUpAfter articles", func(t *testing.T) {
		srv := llmtest.New(t, llmtest.Reply{Status: 502})
		x, _ := newX(t, srv, Config{Retries: 1, Backoff: time.Millisecond})
		for i := range GiveUpAfter + 2 {
			b := *a
			b.ID, b.Text = itoa(i), a.Text+" "+itoa(i)
			if _, err := x.Extract(context.Background(), &b); !errors.Is(err, ErrUnavailable) {
				t.Fatalf("article %d: %v", i, err)
			}
		}
		if srv.Calls() != GiveUpAfter*2 {
			t.Errorf("%d calls, want %d: the server is not asked again once given up", srv.Calls(), GiveUpAfter*2)
		}
	})
	t.Run("503 then success", func(t *testing.T) {
		srv := llmtest.New(t, llmtest.Reply{Status: 503}, ok)
		x, _ := newX(t, srv, Config{Retries: 2, Backoff: time.Millisecond})
		got, err := x.Extract(context.Background(), a)
		if err != nil || hasRel(got, "wd:Q7747", "ADDRESSED", "wd:Q318693") == nil {
			t.Fatalf("err %v", err)
		}
	})
	t.Run("slow reply times out", func(t *testing.T) {
		srv := llmtest.New(t, llmtest.Reply{Hang: true})
		x, _ := newX(t, srv, Config{Retries: 1, Timeout: 50 * time.Millisecond, Backoff: time.Millisecond})
		_, err := x.Extract(context.Background(), a)
		if !errors.Is(err, ErrUnavailable) || !strings.Contains(err.Error(), "no reply within") {
			t.Fatalf("err %v, want a timeout", err)
		}
		if srv.Calls() != 2 {
			t.Errorf("calls %d, want 2", srv.Calls())
		}
	})
	t.Run("401 is not retried and hides the key", func(t *testing.T) {
		srv := llmtest.New(t, llmtest.Reply{Status: 401, Body: `{"error":{"message":"bad key sk-secret"}}`})
		x, _ := newX(t, srv, Config{Retries: 3, APIKey: "sk-secret"})
		_, err := x.Extract(context.Background(), a)
		if !errors.Is(err, ErrRejected) || strings.Contains(err.Error(), "sk-secret") {
			t.Fatalf("err %v", err)
		}
		if srv.Calls() != 1 {
			t.Errorf("calls %d", srv.Calls())
		}
	})
	t.Run("cancelled", func(t *testing.T) {
		srv := llmtest.New(t, llmtest.Reply{Hang: true})
		x, _ := newX(t, srv, Config{})
		ctx, cancel := context.WithCancel(context.Background())
		go func() {
			for srv.Calls() == 0 {
				time.Sleep(time.Millisecond)
			}
			cancel()
		}()
		if _, err := x.Extract(ctx, a); !errors.Is(err, context.Canceled) {
			t.Fatalf("err %v", err)
		}
	})
}

func TestTokenBudget(t *testing.T) {
	a, content := seed(t)
	other := *a
	other.ID, other.Text = "other", "ونشرت روسيا بالفعل قوات في كازاخستان."
	srv := llmtest.New(t, llmtest.Reply{Content: content, PromptTokens: 900, CompletionTokens: 200})
	x, _ := newX(t, srv, Config{TokenBudget: 1000})
	if _, err := x.Extract(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	_, err := x.Extract(context.Background(), &other)
	if !errors.Is(err, extract.ErrBudgetSpent) {
		t.Fatalf("err %v, want ErrBudgetSpent", err)
	}
	if srv.Calls() != 1 || x.Stats().BudgetSkipped != 1 {
		t.Errorf("calls %d, stats %+v", srv.Calls(), x.Stats())
	}
	// a cached reply costs nothing: still served
	if _, err := x.Extract(context.Background(), a); err != nil {
		t.Errorf("cached article after the budget: %v", err)
	}
}

func TestHybrid(t *testing.T) {
	a, content := seed(t)
	srv := llmtest.New(t, llmtest.Reply{Content: content})
	x, _ := newX(t, srv, Config{Hybrid: true})
	got, err := x.Extract(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	checkGrounded(t, a, got)
	if u := srv.Requests()[0].UserMessage(); !strings.Contains(u, `"فلاديمير بوتين" (Person), sentence 1`) {
		t.Errorf("no hints in the user message:\n%s", u)
	}
	b, _ := pipeline.Extract(context.Background(), a)
	// every built-in relation is kept; the ones the model found too are
	// marked so
	for _, r := range b.Relations {
		g := hasRel(got, r.Subject, r.Predicate, r.Object)
		if g == nil {
			t.Errorf("built-in relation %s %s %s lost", r.Subject, r.Predicate, r.Object)
		}
	}
	if r := hasRel(got, "wd:Q7747", "ADDRESSED", "wd:Q318693"); r == nil || r.Extractor != Both || r.Confidence != 0.9 {
		t.Errorf("ADDRESSED found by both: %+v", r)
	}
	if r := hasRel(got, "wd:Q7747", "PRESIDENT_OF", "wd:Q159"); r == nil || r.Extractor != Both {
		t.Errorf("PRESIDENT_OF found by both: %+v", r)
	}
	for _, r := range got.Relations {
		if r.Extractor == "" {
			t.Errorf("relation %s %s %s without extractor", r.Subject, r.Predicate, r.Object)
		}
	}
	if len(got.Entities) < len(b.Entities) {
		t.Errorf("%d entities, the built-in extraction has %d", len(got.Entities), len(b.Entities))
	}
	if !strings.HasPrefix(x.Version(), "hybrid:") {
		t.Errorf("version %s", x.Version())
	}
}

func TestVersion(t *testing.T) {
	srv := llmtest.New(t)
	x, _ := newX(t, srv, Config{Model: "meta-llama/Llama 3"})
	v := x.Version()
	if strings.Contains(v, "/") || !strings.HasPrefix(v, "llm:meta-llama_Llama_3+"+PromptName+"-") || !strings.HasSuffix(v, "+"+pipeline.Version()) {
		t.Errorf("version %q", v)
	}
	if strings.Contains(v, "secret") {
		t.Error("key in version")
	}
}

func TestNewChecksConfig(t *testing.T) {
	for _, c := range []Config{{Model: "m"}, {Endpoint: "localhost:11434", Model: "m"}, {Endpoint: "http://x/v1"}} {
		if _, err := New(c, pipeline, nil); err == nil {
			t.Errorf("%+v: no error", c)
		}
	}
}

func TestFindName(t *testing.T) {
	text := "وقد جاء ذلك خلال مشاركته لمنظمة معاهدة الأمن الجماعي التي تقودها موسكو. وبلاده الروسية في مجلس \t  التعاون"
	var ss []sentence
	for _, s := range sentencesOf(&model.Article{Text: text}) {
		ss = append(ss, sentence{runes: []rune(s.Text), start: s.Start})
	}
	for _, c := range []struct {
		name string
		n    int
		ok   bool
		at   int
	}{
		{"منظمة معاهدة الأمن الجماعي", 1, true, 26}, // after the clitic ل
		{"موسكو", 1, true, 65},
		{"موسكو", 2, false, 0},  // not in sentence 2
		{"معاهدة", 3, false, 0}, // no sentence 3
		{"الروس", 2, false, 0},  // part of a word
		{"وسية", 2, false, 0},   // ال is not a clitic prefix
		{"بلاده", 2, true, 73},  // after و
		{" «موسكو» ", 1, true, 65},
		{"", 1, false, 0},
		{"مجلس التعاون", 2, true, 90}, // over a run of white space
	} {
		s, e, ok := findName(ss, c.n, c.name)
		if ok && string([]rune(text)[s:e]) != strings.Join(strings.Fields(string([]rune(text)[s:e])), " ") && c.name != "مجلس التعاون" {
			t.Errorf("findName(%q): span %q", c.name, string([]rune(text)[s:e]))
		}
		if ok != c.ok || ok && s != c.at {
			t.Errorf("findName(%q, %d) = %d, %d, %v; want %v at %d", c.name, c.n, s, e, ok, c.ok, c.at)
		}
	}
}

func TestPromptAndSchema(t *testing.T) {
	p, err := loadPrompt()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range vocab.All() {
		if !strings.Contains(p.system, "- "+r.Name+" (") || !strings.Contains(p.system, r.Definition) {
			t.Fatalf("the system message lacks %s and its definition", r.Name)
		}
	}
	var s map[string]any
	if err := json.Unmarshal(p.schema, &s); err != nil {
		t.Fatal(err)
	}
	name, _ := dig(s, "$defs", "name", "properties", "type")
	var types []string
	for _, x := range name["enum"].([]any) {
		types = append(types, x.(string))
	}
	if !slices.Equal(types, model.EntityTypes) {
		t.Errorf("schema entity types %v, model %v", types, model.EntityTypes)
	}
	pred, _ := dig(s, "properties", "relations", "items", "properties", "predicate")
	if n := len(pred["enum"].([]any)); n != len(vocab.All()) {
		t.Errorf("predicate enum of %d names, vocabulary %d", n, len(vocab.All()))
	}
	// the recorded seed reply follows the schema
	_, content := seed(t)
	if _, err := parseReply(content); err != nil {
		t.Error(err)
	}
	if _, err := parseReply("```json\n" + content + "\n```"); err != nil {
		t.Errorf("fenced: %v", err)
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	for h, want := range map[string]time.Duration{
		"":                              0,
		"3":                             3 * time.Second,
		"soon":                          0,
		"Mon, 30 Nov 2026 12:00:10 GMT": 10 * time.Second,
	} {
		if got := retryAfter(h, now); got != want {
			t.Errorf("retryAfter(%q) = %s, want %s", h, got, want)
		}
	}
}

// TestConformance runs the Extractor conformance suite on the LLM back end
// in both modes, and on its fallback.
func TestConformance(t *testing.T) {
	a, content := seed(t)
	en := &model.Article{ID: "en", Lang: "en", Text: "Russia deployed troops in Kazakhstan on Thursday."}
	for name, tc := range map[string]struct {
		reply  llmtest.Reply
		hybrid bool
	}{
		"llm":      {llmtest.Reply{Content: content}, false},
		"hybrid":   {llmtest.Reply{Content: content}, true},
		"fallback": {llmtest.Reply{Content: "not JSON"}, false},
	} {
		t.Run(name, func(t *testing.T) {
			srv := llmtest.New(t, tc.reply)
			x, _ := newX(t, srv, Config{Hybrid: tc.hybrid, MaxConcurrency: 2})
			extracttest.Run(t, x, []*model.Article{a, en})
		})
	}
}

func TestLinkSpans(t *testing.T) {
	a, _ := seed(t)
	rs := []rune(a.Text)
	span := func(s string, from int, typ string) extract.Span {
		for i := from; i+len([]rune(s)) <= len(rs); i++ {
			if string(rs[i:i+len([]rune(s))]) == s {
				return extract.Span{Start: i, End: i + len([]rune(s)), Type: typ}
			}
		}
		t.Fatalf("%q not in the seed", s)
		return extract.Span{}
	}
	spans := []extract.Span{
		span("لمنظمة معاهدة الأمن الجماعي", 119, model.Organization), // with the clitic
		span("فلاديمير بوتين", 0, model.Person),
		span("بوتين", 422, model.Person), // the short form: the same entity
		span("قاسم جومارت توكاييف", 841, model.Person),
		span("الحكومة الكازاخستانية", 1069, model.Organization), // not in the gazetteer: the government of its country
	}
	ents, ids, err := pipeline.LinkSpans(a.Text, spans)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"wd:Q318693", "wd:Q7747", "wd:Q7747", "wd:Q200881", "organization:government_of_kazakhstan"}
	if !slices.Equal(ids, want) {
		t.Errorf("ids %v, want %v", ids, want)
	}
	for _, e := range ents {
		for _, m := range e.Mentions {
			if strings.HasPrefix(m.Text, "ل") && e.ID == "wd:Q318693" {
				t.Errorf("the clitic stayed on the mention %q", m.Text)
			}
		}
	}
	if _, _, err := pipeline.LinkSpans(a.Text, []extract.Span{{Start: 5, End: 4, Type: model.Person}}); err == nil {
		t.Error("a span out of order is not an error")
	}
}

func TestCheck(t *testing.T) {
	srv := llmtest.New(t)
	x, _ := newX(t, srv, Config{Model: "qwen2.5:7b"})
	if d, err := x.Check(context.Background()); err != nil || !strings.Contains(d, "does not list its models") {
		t.Errorf("no /models route: %q, %v", d, err)
	}
	srv.Models = []string{"llama3.1:8b", "qwen2.5:7b"}
	if d, err := x.Check(context.Background()); err != nil || !strings.Contains(d, "serves qwen2.5:7b") {
		t.Errorf("served: %q, %v", d, err)
	}
	srv.Models = []string{"llama3.1:8b"}
	if _, err := x.Check(context.Background()); !errors.Is(err, ErrRejected) || !strings.Contains(err.Error(), "llama3.1:8b") {
		t.Errorf("not served: %v", err)
	}
	if srv.Calls() != 0 {
		t.Errorf("Check made %d chat requests", srv.Calls())
	}
}

// TestLongArticleInRuns: an article longer than MaxChars goes to the model
// in runs of whole sentences, each numbered from 1; the replies are put
// together with the article's sentence numbers, and a number outside its
// run names no sentence.
func TestLongArticleInRuns(t *testing.T) {
	a, _ := seed(t)
	n := len(sentencesOf(a)) // 22 sentences, ~2,000 code points
	rel := func(s string, ss int, p, o string, os, ev int) string {
		return `{"subject": {"text": "` + s + `", "type": "Location", "sentence": ` + itoa(ss) + `}, "predicate": "` + p +
			`", "object": {"text": "` + o + `", "type": "Location", "sentence": ` + itoa(os) + `}, "sentence": ` + itoa(ev) +
			`, "modality": "asserted", "confidence": 0.9}`
	}
	// the runs, by the sentence each starts with: replies by content
	srv := llmtest.New(t)
	x, _ := newX(t, srv, Config{MaxChars: 700})
	runs := chunkSentences(sentencesOf(a), 700)
	if len(runs) < 3 || runs[0][0] != 0 || runs[len(runs)-1][1] != n {
		t.Fatalf("runs %v", runs)
	}
	var replies []llmtest.Reply
	for _, r := range runs {
		content := `{"entities": [], "relations": []}`
		lo, hi := r[0], r[1]
		if lo <= 18 && 18 < hi { // sentence 19 (ونشرت روسيا ...) and 18 (كازاخستان)
			content = `{"entities": [], "relations": [` + rel("روسيا", 19-lo, "DEPLOYED_TROOPS_IN", "كازاخستان", 18-lo, 19-lo) + `,` +
				rel("روسيا", 19-lo, "LEADS", "كازاخستان", hi-lo+1, 19-lo) + `]}` // the object's sentence outside the run
		}
		replies = append(replies, llmtest.Reply{Content: content})
	}
	srv.Push(replies...)
	got, err := x.Extract(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	if srv.Calls() != len(runs) {
		t.Errorf("%d calls for %d runs", srv.Calls(), len(runs))
	}
	for i, r := range srv.Requests() {
		u := r.UserMessage()
		if !strings.Contains(u, "\n[1] ") || strings.Contains(u, "["+itoa(runs[i][1]-runs[i][0]+1)+"] ") {
			t.Errorf("request %d is not numbered from 1 to its %d sentences:\n%s", i, runs[i][1]-runs[i][0], u)
		}
	}
	if len(got.Relations) != 1 || hasRel(got, "wd:Q159", "DEPLOYED_TROOPS_IN", "wd:Q232") == nil || got.Relations[0].Evidence.Start != 1558 {
		t.Errorf("relations %+v", got.Relations)
	}
	if d := x.Stats().Dropped; d[DropSentence] != 1 {
		t.Errorf("dropped %v", d)
	}
	checkGrounded(t, a, got)
}
