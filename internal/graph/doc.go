// Package graph is kg's only door to Neo4j: connecting, applying the schema
// migrations, writing staged extractions with batched, parameterised
// UNWIND ... MERGE statements in managed write transactions, and running
// saved or ad-hoc queries. No other package imports the Neo4j driver.
//
// # Graph model
//
//	(:Article {id, title, url, published, lang, source, content_hash, extractor})
//	(:Entity:Person|Organization|Location|Misc {key, name, wikidata, aliases,
//	     alias_counts, aliases_text, names_ar, mention_count, article_count,
//	     merged_keys})
//	(:Entity)-[:MENTIONED_IN {count, first_offset, surface_forms, surface_counts, name,
//	     merged_from}]->(:Article)
//	(:Entity)-[:<RELATION> {count, articles, first_seen, last_seen, confidence,
//	     modalities, asserted_count, extractors}]->(:Entity)
//	(:Evidence {id, article_id, subject_key, predicate, object_key, sentence,
//	     start, end, trigger, modality, confidence, published, event_date,
//	     event_date_precision, extractor})-[:IN_ARTICLE]->(:Article)
//	(:CoMention {a, b, articles})   a < b, two entity keys sharing >= 2 articles
//	(:KgMeta {name: 'co_mentions', min_articles: 2})   the counts are complete
//
// extractor (on Evidence) and extractors (on the edge: the distinct values
// of its evidence) are set only when the LLM back end made the extraction
// (model.Relation.Extractor: builtin, llm or builtin+llm); a graph built by
// the built-in extractor alone has neither.
//
// Typed relations are aggregates: they are computed from the Evidence
// nodes of the (subject, type, object) triple; the entity properties
// mention_count, article_count, name, aliases, alias_counts, aliases_text,
// names_ar and merged_keys from the entity's MENTIONED_IN edges. Writing an
// article (WriteBatch) first removes its old evidence and mentions, so
// re-loading is idempotent and a new version of an article replaces its
// contribution, and marks every entity whose mentions or evidence changed
// with the label KgDirty. Settle, run once at the end of kg push (and of
// WriteArticles), recomputes the aggregates and edges of the marked
// entities, deletes edges and entities left with no support, and removes
// the mark: each aggregate is computed once per push, not once per batch.
// The marks live in the graph, written with the batch, so a push stopped
// between its batches and Settle loses nothing; until the next push
// settles, the marked entities' aggregates and edges may be stale.
//
// Co-mention counts are aggregates too: one :CoMention node per unordered
// pair of entities that share at least CoMentionMinArticles articles,
// holding the pair's keys and the number of articles, kept so that
// co_mention_pairs reads the top pairs from an index instead of pairing
// the entities of every article. They are nodes, not relationships, so
// that Browser's graph view, typed-relation queries and every
// (a)--(b) test see only kg's relations. Settle recounts the pairs of each
// marked entity (old records deleted, new ones written); an article's
// change marks every entity it mentioned before and after, so both ends
// of every pair whose count changes are marked. The marker node
// (:KgMeta {name: 'co_mentions'}) says the counts are complete: Settle
// sets it, and on a graph without it (written by an older kg) first
// recounts every entity's pairs (RecountCoMentions, which kg
// finish-import runs on an imported graph).
//
// Entity keys arrive resolved across articles (internal/resolve, applied by
// the loader): merged_from on a MENTIONED_IN edge lists the keys extraction
// gave in that article that were merged into the entity, and merged_keys
// on the entity gathers them (absent when nothing was merged). A change of
// resolution rewrites the articles concerned, and the old node, left
// without mentions, is deleted like any entity without support.
package graph
