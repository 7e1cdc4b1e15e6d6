package graph

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/vocab"
)

// Item is one staged article with its extraction, ready to be written.
type Item struct {
	Article     model.Article // metadata; Text is not written
	ContentHash string
	Extractor   string
	Extraction  *model.Extraction
	// MergedFrom lists, per entity key of Extraction, the keys extraction
	// gave that cross-article resolution merged into it (resolve.Apply);
	// written on the MENTIONED_IN edge as merged_from, and gathered on the
	// entity as merged_keys. nil when nothing was merged.
	MergedFrom map[string][]string
}

// Writer is what the loader needs from the graph.
//
// Contract: WriteBatch writes the articles of one call, their mentions and
// their evidence in one transaction, or none of them, replacing what an
// earlier version of these articles wrote; writing the same items again
// leaves the graph unchanged. What depends on more than one article (the
// entity aggregates, the typed relation edges, entities left without
// mentions) is not brought up to date by WriteBatch: the entities concerned
// are marked, and Settle updates every marked entity. The marks are in the
// graph, written in the batch's own transaction, so a push stopped before
// Settle loses nothing: any later Settle finishes the work. Settle is
// idempotent. Errors wrapping ErrUnavailable are transient; ErrAuth and
// ErrInvalidLabel are permanent.
type Writer interface {
	WriteBatch(ctx context.Context, items []Item) error
	// Settle updates every marked entity and returns how many it updated;
	// progress, when not nil, is called with each number settled.
	Settle(ctx context.Context, progress func(n int)) (int, error)
}

var _ Writer = (*Client)(nil)

var propKeyRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]{0,63}$`)

var reservedArticleProps = map[string]bool{"id": true, "title": true, "url": true, "published": true, "lang": true, "source": true, "content_hash": true, "extractor": true}

// ArticleProps returns the extra properties of an article as they are
// written on its node: the fields whose names a property may take (a
// letter, then letters, digits and _, at most 64); a field named like one
// of the node's own properties goes under the prefix "record_" (the
// newspaper SaudiNewsNet calls "source" becomes record_source: the node's
// source is the file and line it came from), unless the record has a
// field of that name too, which wins. Nil when there are none.
func ArticleProps(props map[string]string) map[string]string {
	var out map[string]string
	for k, v := range props {
		if reservedArticleProps[k] {
			k = "record_" + k
			if _, own := props[k]; own {
				continue
			}
		}
		if !propKeyRE.MatchString(k) {
			continue
		}
		if out == nil {
			out = map[string]string{}
		}
		out[k] = v
	}
	return out
}

// WriteArticles writes a batch of articles in one managed write
// transaction (WriteBatch), then settles (Settle): when it returns, the
// graph is complete, aggregates included.
func (c *Client) WriteArticles(ctx context.Context, items []Item) error {
	if err := c.WriteBatch(ctx, items); err != nil {
		return err
	}
	_, err := c.Settle(ctx, nil)
	return err
}

// WriteBatch writes a batch of articles in one managed write transaction
// and marks the entities whose aggregates it changed (see Writer).
func (c *Client) WriteBatch(ctx context.Context, items []Item) error {
	if len(items) == 0 {
		return nil
	}
	p, err := prepare(items)
	if err != nil {
		return err
	}
	return c.write(ctx, func(tx neo4j.ManagedTransaction) error { return p.run(ctx, tx) })
}

type prepared struct {
	articles []any // sorted by id
	mentions []any // one per (entity, article), sorted by entity key
	evidence []any
}

func prepare(items []Item) (*prepared, error) {
	p := &prepared{}
	seen := map[string]bool{}
	for _, it := range items {
		a, x := it.Article, it.Extraction
		if seen[a.ID] {
			return nil, fmt.Errorf("article %q twice in one batch", a.ID)
		}
		seen[a.ID] = true
		props := map[string]any{}
		for k, v := range ArticleProps(a.Props) {
			props[k] = v
		}
		p.articles = append(p.articles, map[string]any{
			"id": a.ID, "title": a.Title, "url": a.URL, "published": nilIfEmpty(a.Published), "lang": a.Lang,
			"source": a.Source, "content_hash": it.ContentHash, "extractor": it.Extractor, "props": props,
		})
		if x == nil {
			continue
		}
		types := map[string]string{}
		for _, e := range x.Entities {
			if !model.ValidEntityType(e.Type) {
				return nil, fmt.Errorf("article %s: entity %q: type %q: %w", a.ID, e.ID, e.Type, ErrInvalidLabel)
			}
			if e.ID == "" {
				return nil, fmt.Errorf("article %s: entity %q without id", a.ID, e.Name)
			}
			types[e.ID] = e.Type
			forms := map[string]int{}
			first := -1
			for _, m := range e.Mentions {
				forms[m.Text]++
				if first < 0 || m.Start < first {
					first = m.Start
				}
			}
			for _, al := range e.Aliases { // aliases not seen as mentions (e.g. canonical forms) count 0
				if _, ok := forms[al]; !ok && al != "" {
					forms[al] = 0
				}
			}
			fl, fc := []any{}, []any{}
			for _, f := range sortedKeys(forms) {
				fl = append(fl, f)
				fc = append(fc, int64(forms[f]))
			}
			var from any
			if ks := it.MergedFrom[e.ID]; len(ks) > 0 {
				l := make([]any, len(ks))
				for i, k := range ks {
					l[i] = k
				}
				from = l
			}
			p.mentions = append(p.mentions, map[string]any{"key": e.ID, "type": e.Type, "wikidata": nilIfEmpty(e.Wikidata),
				"article": a.ID, "count": int64(len(e.Mentions)), "first": int64(first), "forms": fl, "counts": fc,
				"name": e.Name, "from": from})
		}
		for i, r := range x.Relations {
			if !vocab.Valid(r.Predicate) {
				return nil, fmt.Errorf("article %s: relation %q: %w", a.ID, r.Predicate, ErrInvalidLabel)
			}
			if types[r.Subject] == "" || types[r.Object] == "" {
				return nil, fmt.Errorf("article %s: relation %d refers to an unknown entity", a.ID, i)
			}
			ev := map[string]any{
				"id":          EvidenceID(a.ID, r),
				"article_id":  a.ID,
				"subject_key": r.Subject, "predicate": r.Predicate, "object_key": r.Object,
				"sentence": r.Evidence.Sentence, "start": int64(r.Evidence.Start), "end": int64(r.Evidence.End),
				"trigger": r.Trigger, "modality": r.Modality, "confidence": r.Confidence,
				"published": nilIfEmpty(a.Published), "event_date": nil, "event_date_precision": nil,
			}
			if r.Extractor != "" { // the LLM back end's; absent from the built-in graph
				ev["extractor"] = r.Extractor
			}
			if r.EventDate != nil {
				ev["event_date"] = r.EventDate.Date
				ev["event_date_precision"] = r.EventDate.Precision
			}
			p.evidence = append(p.evidence, ev)
		}
	}
	// One lock order for every writer, and for Settle: articles by id,
	// then entities by key.
	slices.SortFunc(p.articles, func(a, b any) int {
		return strings.Compare(a.(map[string]any)["id"].(string), b.(map[string]any)["id"].(string))
	})
	slices.SortStableFunc(p.mentions, func(a, b any) int {
		return strings.Compare(a.(map[string]any)["key"].(string), b.(map[string]any)["key"].(string))
	})
	return p, nil
}

// EvidenceID is the id of the Evidence node of relation r of an article:
// the same for the same statement, whichever writer writes it (kg push,
// the neo4j-admin export).
func EvidenceID(article string, r model.Relation) string {
	key := fmt.Sprintf("%s\x00%s\x00%s\x00%s\x00%d\x00%d\x00%s", article, r.Subject, r.Predicate, r.Object, r.Evidence.Start, r.Evidence.End, r.Trigger)
	if r.Evidence.InTitle {
		key += "\x00title" // offsets into the title: never the body's sentence at the same offsets
	}
	h := sha256.Sum256([]byte(key))
	return hex.EncodeToString(h[:12])
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func sortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }

const (
	// The label KgDirty marks an entity whose aggregates, outgoing
	// relation edges or very existence Settle must recompute.
	//
	// The batch's articles, written first: MERGE takes the write lock of
	// every article of the batch (rows sorted by id, so two batches lock
	// in the same order), which serialises two writers of the same
	// article (two kg loads from different staging folders): without it,
	// each deletes the other's uncommitted nothing and both create
	// mentions and evidence. Then what the previous version of each
	// article wrote goes: its mentions, their entities marked, and its
	// evidence, the subjects marked (their outgoing edges may change).
	cyArticles = `UNWIND $rows AS a
MERGE (n:Article {id: a.id})
SET n += a.props
SET n.title = a.title, n.url = a.url, n.published = a.published, n.lang = a.lang,
    n.source = a.source, n.content_hash = a.content_hash, n.extractor = a.extractor
WITH n
CALL (n) {
  MATCH (e:Entity)-[m:MENTIONED_IN]->(n)
  SET e:KgDirty
  DELETE m
}
CALL (n) {
  MATCH (v:Evidence {article_id: n.id})
  OPTIONAL MATCH (s:Entity {key: v.subject_key})
  SET s:KgDirty
  DETACH DELETE v
}`
	// The entities, marked, and their mentions, in key order. The label is
	// set by one FOREACH per type of model.EntityTypes
	// (cyMentionsLabelled).
	cyMentions = `UNWIND $rows AS m
MERGE (e:Entity {key: m.key})
ON CREATE SET e.name = m.name
SET e:KgDirty, e.wikidata = coalesce(m.wikidata, e.wikidata)
%s
WITH e, m
MATCH (a:Article {id: m.article})
CREATE (e)-[:MENTIONED_IN {count: m.count, first_offset: m.first, surface_forms: m.forms,
    surface_counts: m.counts, name: m.name, merged_from: m.from}]->(a)`
	cyEvidence = `UNWIND $rows AS v
MATCH (a:Article {id: v.article_id})
CREATE (ev:Evidence {id: v.id})
SET ev += v
CREATE (ev)-[:IN_ARTICLE]->(a)`
)

// cyMentionsLabelled is cyMentions with one FOREACH per entity type: the
// labels come from model.EntityTypes only, never from data.
var cyMentionsLabelled = func() string {
	var b strings.Builder
	for _, t := range model.EntityTypes {
		if !propKeyRE.MatchString(t) {
			panic("entity type " + t + " is not a plain identifier")
		}
		fmt.Fprintf(&b, "FOREACH (_ IN CASE WHEN m.type = '%s' THEN [1] ELSE [] END | SET e:%s)\n", t, t)
	}
	return fmt.Sprintf(cyMentions, strings.TrimSuffix(b.String(), "\n"))
}()

func (p *prepared) run(ctx context.Context, tx neo4j.ManagedTransaction) error {
	if err := run(ctx, tx, cyArticles, map[string]any{"rows": p.articles}); err != nil {
		return err
	}
	if len(p.mentions) > 0 {
		if err := run(ctx, tx, cyMentionsLabelled, map[string]any{"rows": p.mentions}); err != nil {
			return err
		}
	}
	if len(p.evidence) > 0 {
		if err := run(ctx, tx, cyEvidence, map[string]any{"rows": p.evidence}); err != nil {
			return err
		}
	}
	return nil
}
