package graph

import (
	"context"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kg-project/kg/internal/vocab"
)

// settlePage is the number of marked entities one Settle transaction
// updates (a variable for the tests).
var settlePage = 2000

const (
	cyMarkedPage = `MATCH (e:KgDirty) WHERE e.key > $after
RETURN e.key AS k ORDER BY k LIMIT $n`
	// Taking the write lock of every entity of the page first, in key
	// order (the order of WriteBatch), makes what follows read what a
	// concurrent writer of these entities committed: its batch set the
	// mark, under the same lock, and marks again after this transaction
	// if it commits later.
	cyUnmark = `UNWIND $keys AS k
MATCH (e:Entity {key: k})
REMOVE e:KgDirty`
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
	// A typed relation is an aggregate of the Evidence nodes of its
	// (subject, type, object) triple: every triple with evidence from the
	// entities gets its edge, created or updated. The relationship type
	// is set by one FOREACH per type of the vocabulary (relationBranches).
	// (The composite index evidence_triple serves subject_key alone with
	// the IS NOT NULL tests; the hint pins a seek, as in cyCoMentions.)
	cyRelations = `UNWIND $keys AS k
MATCH (v:Evidence) USING INDEX SEEK v:Evidence(subject_key, predicate, object_key)
WHERE v.subject_key = k AND v.predicate IS NOT NULL AND v.object_key IS NOT NULL
WITH k, v ORDER BY v.article_id, v.start, v.id
WITH k, v.predicate AS p, v.object_key AS ok, collect(v) AS evs
MATCH (s:Entity {key: k}), (o:Entity {key: ok})
WITH s, o, p, {
    count: size(evs),
    articles: reduce(acc = [], x IN evs | CASE WHEN x.article_id IN acc THEN acc ELSE acc + x.article_id END),
    first_seen: reduce(m = null, x IN evs | CASE WHEN x.published IS NOT NULL AND (m IS NULL OR x.published < m) THEN x.published ELSE m END),
    last_seen: reduce(m = null, x IN evs | CASE WHEN x.published IS NOT NULL AND (m IS NULL OR x.published > m) THEN x.published ELSE m END),
    confidence: reduce(m = 0.0, x IN evs | CASE WHEN x.confidence > m THEN x.confidence ELSE m END),
    modalities: reduce(acc = [], x IN evs | CASE WHEN x.modality IN acc THEN acc ELSE acc + x.modality END),
    asserted_count: size([x IN evs WHERE x.modality = 'asserted']),
    extractors: CASE WHEN any(x IN evs WHERE x.extractor IS NOT NULL)
      THEN reduce(acc = [], x IN evs | CASE WHEN x.extractor IS NULL OR x.extractor IN acc THEN acc ELSE acc + x.extractor END)
      ELSE null END
  } AS agg
%s`
	// The edges of kg's types (relationTypes, spliced in from the
	// vocabulary only) from the entities that no evidence supports any
	// more.
	cyDeleteUnsupported = `UNWIND $keys AS k
MATCH (s:Entity {key: k})-[r:%s]->(o:Entity)
WHERE NOT EXISTS {
  MATCH (v:Evidence) USING INDEX SEEK v:Evidence(subject_key, predicate, object_key)
  WHERE v.subject_key = k AND v.predicate = type(r) AND v.object_key = o.key
}
DELETE r`
)

// CoMentionMinArticles is the least number of shared articles for which
// a pair of entities gets a :CoMention record (pairs in one article only
// are not kept: they are most of the pairs and no query ranks them).
const CoMentionMinArticles = 2

const (
	// Co-mention counts: (:CoMention {a, b, articles}) for each unordered
	// pair of entities (a < b, their keys) sharing at least $min articles.
	// Settle recounts the pairs of every entity of its page from
	// MENTIONED_IN: the entity's records of pairs that no longer reach
	// $min go, the others are created or updated (only when the count
	// changed). Any change to an article marks every entity it mentioned
	// before and after (cyArticles, cyMentions), so the two entities of a
	// pair whose count changes are both marked, and the pairs of unmarked
	// entities stay right. A pair with both entities in the page is
	// written and deleted from its a side only. Records are updated in
	// place rather than deleted and created again: a transaction that
	// deletes many index entries and then seeks the same index is slow
	// (every seek merges the deleted entries). MENTIONED_IN links only
	// entities to articles, so the pattern checks no label, and it groups
	// by node, reading the key of the pairs that reach $min only: on a
	// first load this statement is most of Settle's added cost, and each
	// row of the expansion counts. (The uniqueness constraint
	// comention_pair on (a, b) serves a alone with b IS NOT NULL; the
	// index comention_b serves b. The hints pin these lookups to index
	// SEEKS whatever the statistics were when the plan was cached: a plan
	// cached while the database had no CoMention yet (the first page of a
	// first push) otherwise may scan the whole index, or the label, once
	// per entity of every later page; on 5,000 articles that was 50
	// million index entries for the last page, 20 s of a 35 s push.)
	cyCoMentions = `UNWIND $keys AS k
CALL (k) {
  MATCH (e:Entity {key: k})-[:MENTIONED_IN]->(art)<-[:MENTIONED_IN]-(o)
  WHERE o <> e
  WITH o, count(art) AS n
  WHERE n >= $min
  RETURN collect(o.key) AS partners, collect(n) AS counts
}
CALL (k, partners) {
  MATCH (c:CoMention) USING INDEX SEEK c:CoMention(a, b)
  WHERE c.a = k AND c.b IS NOT NULL AND NOT c.b IN partners
  DELETE c
}
CALL (k, partners) {
  MATCH (c:CoMention) USING INDEX SEEK c:CoMention(b)
  WHERE c.b = k AND NOT c.a IN partners AND NOT c.a IN $keys
  DELETE c
}
WITH k, partners, counts
UNWIND range(0, size(partners) - 1) AS i
WITH k, partners[i] AS ok, counts[i] AS n
WHERE k < ok OR NOT ok IN $keys
WITH CASE WHEN k < ok THEN k ELSE ok END AS a, CASE WHEN k < ok THEN ok ELSE k END AS b, n
MERGE (c:CoMention {a: a, b: b})
ON CREATE SET c.articles = n
WITH c, n
WHERE c.articles <> n
SET c.articles = n`
	// The marker of a graph whose co-mention counts are complete: set
	// once every entity's pairs were counted (by Settle or
	// RecountCoMentions). The saved queries read the counts only when it
	// is there (a graph written by an older kg, or imported and not
	// finished yet, has none) and for min_articles >= its min_articles.
	cyCoMentionsMarker    = `OPTIONAL MATCH (m:KgMeta {name: 'co_mentions'}) RETURN m IS NOT NULL`
	cyCoMentionsSetMarker = `MERGE (m:KgMeta {name: 'co_mentions'}) SET m.min_articles = $min`
	// Whether some entity is not marked: a graph without the marker then
	// has entities whose pairs Settle will not count.
	cyAnyUnmarked = `MATCH (e:Entity) WHERE NOT e:KgDirty RETURN e.key LIMIT 1`
	cyEntityPage  = `MATCH (e:Entity) WHERE e.key > $after
RETURN e.key AS k ORDER BY k LIMIT $n`
)

// Settle brings every entity WriteBatch marked up to date, settlePage
// entities per transaction, in key order: it deletes the ones left
// without mentions, recomputes the aggregates of the others (names,
// aliases, counts, merged keys), the typed relation edges from their
// evidence (created, updated, or deleted when no evidence is left) and
// their co-mention counts (:CoMention), and removes the mark. Each
// aggregate is computed once, however many batches touched it. Entities marked while Settle runs (by a concurrent writer)
// with a key before the page under way are left for that writer's own
// Settle. It is idempotent, and safe to stop at any point: what it did
// not reach stays marked.
//
// On a graph without co-mention counts (written by a kg that kept none)
// that has unmarked entities, Settle first counts the pairs of every
// entity (RecountCoMentions); the counts are then complete and the graph
// is marked as having them once Settle ends.
func (c *Client) Settle(ctx context.Context, progress func(n int)) (int, error) {
	counted, err := c.CoMentionsCounted(ctx)
	if err != nil {
		return 0, err
	}
	if !counted {
		r, err := c.Query(ctx, cyAnyUnmarked, nil, true)
		if err != nil {
			return 0, err
		}
		if len(r.Rows) > 0 {
			if _, err := c.RecountCoMentions(ctx, nil); err != nil {
				return 0, err
			}
			counted = true
		}
	}
	n, err := c.forPages(ctx, "settling the marked entities", cyMarkedPage, settle, progress)
	if err != nil || counted {
		return n, err
	}
	return n, c.setCoMentionsMarker(ctx)
}

// RecountCoMentions counts the co-mention pairs of every entity again, a
// page of entities per transaction, and marks the graph as having
// complete counts: kg finish-import runs it on a graph neo4j-admin
// imported, and Settle on a graph an older kg wrote. It changes nothing
// on a graph whose counts are right; progress gets the number of entities
// of each page. It returns the number of entities.
func (c *Client) RecountCoMentions(ctx context.Context, progress func(n int)) (int, error) {
	n, err := c.forPages(ctx, "counting the co-mention pairs of the entities", cyEntityPage, func(ctx context.Context, tx neo4j.ManagedTransaction, keys []any) error {
		return coMentions(ctx, tx, map[string]any{"keys": keys, "min": int64(CoMentionMinArticles)})
	}, progress)
	if err != nil {
		return n, err
	}
	return n, c.setCoMentionsMarker(ctx)
}

// CoMentionsCounted reports whether the graph's co-mention counts are
// complete (the marker node Settle and RecountCoMentions set); a graph
// written by a kg older than the counts, or imported without kg
// finish-import, lacks them and co_mention_pairs then scans.
func (c *Client) CoMentionsCounted(ctx context.Context) (bool, error) {
	r, err := c.Query(ctx, cyCoMentionsMarker, nil, true)
	if err != nil {
		return false, fmt.Errorf("reading the co-mention marker: %w", err)
	}
	ok, _ := r.Rows[0][0].(bool)
	return ok, nil
}

func (c *Client) setCoMentionsMarker(ctx context.Context) error {
	return c.write(ctx, func(tx neo4j.ManagedTransaction) error {
		return run(ctx, tx, cyCoMentionsSetMarker, map[string]any{"min": int64(CoMentionMinArticles)})
	})
}

// forPages runs fn on the entity keys page (a query of $after and $n
// returning keys in order) returns, settlePage keys per transaction,
// until a page is empty; what names the work in errors.
func (c *Client) forPages(ctx context.Context, what, page string, fn func(context.Context, neo4j.ManagedTransaction, []any) error, progress func(n int)) (int, error) {
	done := 0
	after := ""
	for {
		var keys []any
		err := c.write(ctx, func(tx neo4j.ManagedTransaction) error {
			res, err := tx.Run(ctx, page, map[string]any{"after": after, "n": int64(settlePage)})
			if err != nil {
				return err
			}
			recs, err := res.Collect(ctx)
			if err != nil {
				return err
			}
			keys = make([]any, 0, len(recs))
			for _, r := range recs {
				k, _ := r.Values[0].(string)
				keys = append(keys, k)
			}
			if len(keys) == 0 {
				return nil
			}
			return fn(ctx, tx, keys)
		})
		if err != nil {
			return done, fmt.Errorf("%s after %q: %w", what, after, err)
		}
		if len(keys) == 0 {
			return done, nil
		}
		done += len(keys)
		after = keys[len(keys)-1].(string)
		if progress != nil {
			progress(len(keys))
		}
	}
}

// settle updates the entities of keys (sorted) in tx.
func settle(ctx context.Context, tx neo4j.ManagedTransaction, keys []any) error {
	km := map[string]any{"keys": keys}
	for _, st := range []string{cyUnmark, cyDeleteOrphans, cyEntityAggregates, cyMergedKeys} {
		if err := run(ctx, tx, st, km); err != nil {
			return err
		}
	}
	if err := run(ctx, tx, cyRelationsTyped, km); err != nil {
		return err
	}
	if err := run(ctx, tx, cyDeleteUnsupportedTyped, km); err != nil {
		return err
	}
	return coMentions(ctx, tx, map[string]any{"keys": keys, "min": int64(CoMentionMinArticles)})
}

// coMentions recounts the co-mention pairs of the entities of $keys in tx.
func coMentions(ctx context.Context, tx neo4j.ManagedTransaction, params map[string]any) error {
	return run(ctx, tx, cyCoMentions, params)
}

// cyDeleteUnsupportedTyped is cyDeleteUnsupported for every relation type
// of the vocabulary.
var cyDeleteUnsupportedTyped = fmt.Sprintf(cyDeleteUnsupported, strings.Join(vocab.Names(), "|"))

// cyRelationsTyped is cyRelations with one FOREACH per relation type of
// the vocabulary: the types come from vocab only, never from data.
var cyRelationsTyped = func() string {
	var b strings.Builder
	for _, n := range vocab.Names() {
		if !propKeyRE.MatchString(n) { // vocab checks it; never splice anything else
			panic("relation type " + n + " is not a plain identifier")
		}
		fmt.Fprintf(&b, "FOREACH (_ IN CASE WHEN p = '%s' THEN [1] ELSE [] END | MERGE (s)-[r:%s]->(o) SET r += agg)\n", n, n)
	}
	return fmt.Sprintf(cyRelations, strings.TrimSuffix(b.String(), "\n"))
}()

// Unsettled counts the entities WriteBatch marked and no Settle has
// updated yet (a push stopped before its end leaves them).
func (c *Client) Unsettled(ctx context.Context) (int64, error) {
	r, err := c.Query(ctx, "MATCH (e:KgDirty) RETURN count(e)", nil, true)
	if err != nil {
		return 0, err
	}
	n, _ := r.Rows[0][0].(int64)
	return n, nil
}
