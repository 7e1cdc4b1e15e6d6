// Package llm is kg's optional LLM back end: an extract.Extractor that asks
// any server speaking the OpenAI chat completions API (Ollama, vLLM,
// llama.cpp's server, LM Studio, OpenAI and compatible cloud endpoints) for
// an article's entities and relations, in kg's closed vocabulary, every
// edge grounded in a sentence of the article.
//
// # Request
//
// The prompt is data: prompt/v1.txt (a text/template: the system message
// with the entity types and the relation vocabulary of package vocab with
// its definitions; the user message with the article split into numbered
// sentences, as arabic.Sentences splits it, and the hints) and
// prompt/v1.schema.json (the reply's JSON schema, sent as response_format
// json_schema with the vocabulary's names as the predicate's enum). The
// request asks for temperature 0 and a fixed seed. An article longer than
// Config.MaxChars goes in runs of whole sentences, one request each; the
// replies are renumbered to the article's sentences and put together.
//
// # Validation
//
// A reply that is not JSON of the schema's shape (parseReply) is asked for
// once more, the second request saying what was wrong; when the second is no better the article gets the built-in
// extraction, with model.Extraction.Fallback saying why. In a valid reply
// everything that does not hold is dropped and counted (Stats.Dropped):
// relation types outside the vocabulary, names not written in the sentence
// the model gives for them (the offsets are computed here, never taken from
// the model), evidence sentences the article does not have, argument types
// the relation type does not take, relations of an entity with itself. The
// names are linked by the built-in pipeline's linking
// (extract.Pipeline.LinkSpans: gazetteer, canonical names, QIDs, stable
// keys), so one real-world entity is one node whichever extractor found it.
// Every relation records its extractor (model.Relation.Extractor: "llm",
// "builtin", "builtin+llm") and its confidence.
//
// # Hybrid mode
//
// With Config.Hybrid the built-in extractor runs first: its names go to the
// model as hints, its entities and relations are kept, and the model's are
// added (a name overlapping a built-in mention is that mention's entity; a
// relation both found is kept once, marked "builtin+llm").
//
// # Failures, budget and cache
//
// Requests are bounded (Config.MaxConcurrency, Config.Timeout); 429, 5xx,
// timeouts and connection errors are retried with exponential backoff,
// honouring Retry-After, then reported as ErrUnavailable: the article is
// not staged and the next run asks again. After GiveUpAfter articles in a
// row failed so, the run stops asking (the articles left fail at once). Other 4xx statuses are
// ErrRejected. Config.TokenBudget bounds a run's tokens; once spent,
// Extract returns extract.ErrBudgetSpent for every article whose reply is
// not cached, and the loader reports those articles apart, without staging
// them. Valid replies are kept in a Cache (staging: stage.Store) under the
// prompt's version and a hash of the endpoint and the request, so a second
// run makes no call. The API key is sent as a bearer token and appears in
// no key, version, message or error.
//
// Package llmtest is a fake server for tests.
package llm
