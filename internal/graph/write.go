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
// Contract: WriteArticles is idempotent: writing the same items again
// leaves the graph unchanged; writing an article id again with new content
// replaces that article's contribution. All items of a call are written in
// one transaction, or none is. Errors wrapping ErrUnavailable are
// transient; ErrAuth and ErrInvalidLabel are permanent.
type Writer interface {
	WriteArticles(ctx context.Context, items []Item) error
}

var _ Writer = (*Client)(nil)

var propKeyRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]{0,63}$`)

var reservedArticleProps = map[string]bool{"id": true, "title": true, "url": true, "published": true, "lang": true, "source": true, "content_hash": true, "extractor": true}

// WriteArticles writes a batch of articles in one managed write transaction.
func (c *Client) WriteArticles(ctx context.Context, items []Item) error {
	if len(items) == 0 {
		return nil
	}
	p, err := prepare(items)
	if err != nil {
		return err
	}
	return c.write(ctx, func(tx neo4j.ManagedTransaction) error { return p.run(ctx, tx) })
}

type triple struct{ s, p, o string }

type prepared struct {
	ids       []any
	articles  []any
	entsByLbl map[string][]any
	mentions  []any
	evidence  []any
	triples   map[triple]bool
	keys      map[string]bool
}

func prepare(items []Item) (*prepared, error) {
	p := &prepared{entsByLbl: map[string][]any{}, triples: map[triple]bool{}, keys: map[string]bool{}}
	seen := map[string]bool{}
	for _, it := range items {
		a, x := it.Article, it.Extraction
		if seen[a.ID] {
			return nil, fmt.Errorf("article %q twice in one batch", a.ID)
		}
		seen[a.ID] = true
		p.ids = append(p.ids, a.ID)
		props := map[string]any{}
		for k, v := range a.Props {
			if propKeyRE.MatchString(k) && !reservedArticleProps[k] {
				props[k] = v
			}
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
			p.entsByLbl[e.Type] = append(p.entsByLbl[e.Type], map[string]any{"key": e.ID, "name": e.Name, "wikidata": nilIfEmpty(e.Wikidata)})
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
			p.mentions = append(p.mentions, map[string]any{"key": e.ID, "article": a.ID, "count": int64(len(e.Mentions)),
				"first": int64(first), "forms": fl, "counts": fc, "name": e.Name, "from": from})
			p.keys[e.ID] = true
		}
		for i, r := range x.Relations {
			if !vocab.Valid(r.Predicate) {
				return nil, fmt.Errorf("article %s: relation %q: %w", a.ID, r.Predicate, ErrInvalidLabel)
			}
			if types[r.Subject] == "" || types[r.Object] == "" {
				return nil, fmt.Errorf("article %s: relation %d refers to an unknown entity", a.ID, i)
			}
			ev := map[string]any{
				"id":          evidenceID(a.ID, r),
				"article_id":  a.ID,
				"subject_key": r.Subject, "predicate": r.Predicate, "object_key": r.Object,
				"sentence": r.Evidence.Sentence, "start": int64(r.Evidence.Start), "end": int64(r.Evidence.End),
				"trigger": r.Trigger, "modality": r.Modality, "confidence": r.Confidence,
				"published": nilIfEmpty(a.Published), "event_date": nil, "event_date_precision": nil,
			}
			if r.EventDate != nil {
				ev["event_date"] = r.EventDate.Date
				ev["event_date_precision"] = r.EventDate.Precision
			}
			p.evidence = append(p.evidence, ev)
			p.triples[triple{r.Subject, r.Predicate, r.Object}] = true
		}
	}
	// One lock order for every writer: articles by id, entities by label
	// and key (see cyLockArticles).
	slices.SortFunc(p.ids, func(a, b any) int { return strings.Compare(a.(string), b.(string)) })
	for _, rows := range p.entsByLbl {
		slices.SortStableFunc(rows, func(a, b any) int {
			return strings.Compare(a.(map[string]any)["key"].(string), b.(map[string]any)["key"].(string))
		})
	}
	return p, nil
}

func evidenceID(article string, r model.Relation) string {
	h := sha256.Sum256([]byte(fmt.Sprintf("%s\x00%s\x00%s\x00%s\x00%d\x00%d\x00%s", article, r.Subject, r.Predicate, r.Object, r.Evidence.Start, r.Evidence.End, r.Trigger)))
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
	cyOldTriples = `UNWIND $ids AS id
MATCH (v:Evidence {article_id: id})
RETURN DISTINCT v.subject_key AS s, v.predicate AS p, v.object_key AS o`
	cyOldKeys = `UNWIND $ids AS id
MATCH (e:Entity)-[:MENTIONED_IN]->(:Article {id: id})
RETURN DISTINCT e.key AS k`
	// Taking the write lock of every article of the batch first
	// serialises two writers of the same article (two kg loads from
	// different staging folders): without it, each deletes the other's
	// uncommitted nothing and both create mentions and evidence. The ids
	// are sorted, so two batches lock in the same order.
	cyLockArticles = `UNWIND $ids AS id
MERGE (a:Article {id: id})
SET a.kg_lock = true
REMOVE a.kg_lock`
	cyDeleteEvidence = `UNWIND $ids AS id
MATCH (v:Evidence {article_id: id})
DETACH DELETE v`
	cyDeleteMentions = `UNWIND $ids AS id
MATCH (:Entity)-[m:MENTIONED_IN]->(:Article {id: id})
DELETE m`
	cyArticles = `UNWIND $rows AS a
MERGE (n:Article {id: a.id})
SET n += a.props
SET n.title = a.title, n.url = a.url, n.published = a.published, n.lang = a.lang,
    n.source = a.source, n.content_hash = a.content_hash, n.extractor = a.extractor`
	// The label is spliced in from model.EntityTypes only.
	cyEntities = `UNWIND $rows AS e
MERGE (n:Entity {key: e.key})
ON CREATE SET n.name = e.name
SET n:%s
SET n.wikidata = coalesce(e.wikidata, n.wikidata)`
	cyMentions = `UNWIND $rows AS m
MATCH (e:Entity {key: m.key}), (a:Article {id: m.article})
CREATE (e)-[:MENTIONED_IN {count: m.count, first_offset: m.first, surface_forms: m.forms,
    surface_counts: m.counts, name: m.name, merged_from: m.from}]->(a)`
	cyEvidence = `UNWIND $rows AS v
MATCH (a:Article {id: v.article_id})
CREATE (ev:Evidence {id: v.id})
SET ev += v
CREATE (ev)-[:IN_ARTICLE]->(a)`
	// The relationship type is spliced in from the vocabulary only.
	cyRelations = `UNWIND $rows AS t
MATCH (v:Evidence {subject_key: t.s, predicate: t.p, object_key: t.o})
WITH t, v ORDER BY v.article_id, v.start, v.id
WITH t, collect(v) AS evs
MATCH (s:Entity {key: t.s}), (o:Entity {key: t.o})
MERGE (s)-[r:%s]->(o)
SET r.count = size(evs),
    r.articles = reduce(acc = [], x IN evs | CASE WHEN x.article_id IN acc THEN acc ELSE acc + x.article_id END),
    r.first_seen = reduce(m = null, x IN evs | CASE WHEN x.published IS NOT NULL AND (m IS NULL OR x.published < m) THEN x.published ELSE m END),
    r.last_seen = reduce(m = null, x IN evs | CASE WHEN x.published IS NOT NULL AND (m IS NULL OR x.published > m) THEN x.published ELSE m END),
    r.confidence = reduce(m = 0.0, x IN evs | CASE WHEN x.confidence > m THEN x.confidence ELSE m END),
    r.modalities = reduce(acc = [], x IN evs | CASE WHEN x.modality IN acc THEN acc ELSE acc + x.modality END),
    r.asserted_count = size([x IN evs WHERE x.modality = 'asserted'])`
	cyDeleteUnsupported = `UNWIND $rows AS t
MATCH (s:Entity {key: t.s})-[r:%s]->(o:Entity {key: t.o})
WHERE NOT EXISTS { MATCH (v:Evidence {subject_key: t.s, predicate: t.p, object_key: t.o}) }
DELETE r`
	cyDeleteOrphans = `UNWIND $keys AS k
MATCH (e:Entity {key: k})
WHERE NOT EXISTS { (e)-[:MENTIONED_IN]->() }
DETACH DELETE e`
	cyEntityAggregates = `UNWIND $keys AS k
MATCH (e:Entity {key: k})-[m:MENTIONED_IN]->()
WITH e, collect(m) AS ms
WITH e, ms,
     reduce(s = 0, m IN ms | s + m.count) AS total,
     reduce(best = null, m IN ms | CASE WHEN best IS NULL OR size(m.name) > size(best) OR (size(m.name) = size(best) AND m.name < best) THEN m.name ELSE best END) AS name
UNWIND ms AS m
UNWIND range(0, size(m.surface_forms) - 1) AS i
WITH e, total, size(ms) AS n, name, m.surface_forms[i] AS form, m.surface_counts[i] AS c
WITH e, total, n, name, form, sum(c) AS cnt ORDER BY form
WITH e, total, n, name, collect(form) AS forms, collect(cnt) AS counts
SET e.mention_count = total, e.article_count = n, e.name = name,
    e.aliases = forms, e.alias_counts = counts,
    e.aliases_text = reduce(s = '', f IN forms | s + CASE WHEN s = '' THEN '' ELSE ' | ' END + f),
    e.names_ar = [f IN forms WHERE f =~ '.*\\p{IsArabic}.*']`
	// The extraction keys cross-article resolution merged into the entity
	// (none: no property).
	cyMergedKeys = `UNWIND $keys AS k
MATCH (e:Entity {key: k})
CALL (e) {
  MATCH (e)-[m:MENTIONED_IN]->()
  UNWIND coalesce(m.merged_from, []) AS mk
  WITH DISTINCT mk ORDER BY mk
  RETURN collect(mk) AS merged
}
SET e.merged_keys = CASE WHEN size(merged) = 0 THEN null ELSE merged END`
)

func (p *prepared) run(ctx context.Context, tx neo4j.ManagedTransaction) error {
	ids := map[string]any{"ids": p.ids}
	if err := run(ctx, tx, cyLockArticles, ids); err != nil {
		return err
	}
	triples := map[triple]bool{}
	keys := map[string]bool{}
	for t := range p.triples {
		triples[t] = true
	}
	for k := range p.keys {
		keys[k] = true
	}
	// What the previous versions of these articles touched.
	res, err := tx.Run(ctx, cyOldTriples, ids)
	if err != nil {
		return err
	}
	recs, err := res.Collect(ctx)
	if err != nil {
		return err
	}
	for _, r := range recs {
		s, _ := r.Values[0].(string)
		pr, _ := r.Values[1].(string)
		o, _ := r.Values[2].(string)
		if vocab.Valid(pr) {
			triples[triple{s, pr, o}] = true
		}
	}
	res, err = tx.Run(ctx, cyOldKeys, ids)
	if err != nil {
		return err
	}
	if recs, err = res.Collect(ctx); err != nil {
		return err
	}
	for _, r := range recs {
		k, _ := r.Values[0].(string)
		keys[k] = true
	}
	for _, st := range []string{cyDeleteEvidence, cyDeleteMentions} {
		if err := run(ctx, tx, st, ids); err != nil {
			return err
		}
	}
	if err := run(ctx, tx, cyArticles, map[string]any{"rows": p.articles}); err != nil {
		return err
	}
	for _, lbl := range sortedKeys(p.entsByLbl) {
		if !model.ValidEntityType(lbl) { // checked in prepare; never splice anything else
			return fmt.Errorf("%q: %w", lbl, ErrInvalidLabel)
		}
		if err := run(ctx, tx, fmt.Sprintf(cyEntities, lbl), map[string]any{"rows": p.entsByLbl[lbl]}); err != nil {
			return err
		}
	}
	if len(p.mentions) > 0 {
		if err := run(ctx, tx, cyMentions, map[string]any{"rows": p.mentions}); err != nil {
			return err
		}
	}
	if len(p.evidence) > 0 {
		if err := run(ctx, tx, cyEvidence, map[string]any{"rows": p.evidence}); err != nil {
			return err
		}
	}
	byPred := map[string][]any{}
	for t := range triples {
		byPred[t.p] = append(byPred[t.p], map[string]any{"s": t.s, "p": t.p, "o": t.o})
	}
	for _, pred := range sortedKeys(byPred) {
		if !vocab.Valid(pred) {
			return fmt.Errorf("%q: %w", pred, ErrInvalidLabel)
		}
		rows := map[string]any{"rows": byPred[pred]}
		if err := run(ctx, tx, fmt.Sprintf(cyRelations, pred), rows); err != nil {
			return err
		}
		if err := run(ctx, tx, fmt.Sprintf(cyDeleteUnsupported, pred), rows); err != nil {
			return err
		}
	}
	kl := make([]any, 0, len(keys))
	for _, k := range sortedKeys(keys) {
		kl = append(kl, k)
	}
	km := map[string]any{"keys": kl}
	if err := run(ctx, tx, cyDeleteOrphans, km); err != nil {
		return err
	}
	if err := run(ctx, tx, cyEntityAggregates, km); err != nil {
		return err
	}
	return run(ctx, tx, cyMergedKeys, km)
}
