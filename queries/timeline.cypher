// @name timeline
// @description The relations of one entity in date order, each with the sentence and article that state it.
// @param name entity "Vladimir Putin" the entity's key, name or alias, in any script
// @param from date null first date (YYYY-MM-DD, inclusive); null for no bound
// @param to date null last date (YYYY-MM-DD, inclusive); null for no bound
// @param limit int 200 the most rows to return
// @example kg query timeline --param name=Putin --param from=2022-01-01
//
// One row per Evidence node of a relation the entity takes part in, as
// subject or object. The date is the evidence's event date when known, else
// the article's published date; undated rows come last.
WITH $name AS q
CALL (q) {
  MATCH (e:Entity {key: q})
  RETURN e, 0 AS rank
  UNION
  CALL db.index.fulltext.queryNodes('entity_names', '"' + replace(replace(q, '\\', '\\\\'), '"', '\\"') + '"') YIELD node
  RETURN node AS e, 1 AS rank
}
WITH e ORDER BY rank, coalesce(e.article_count, 0) DESC, coalesce(e.mention_count, 0) DESC, e.key LIMIT 1
MATCH (e)-[r:{{relation_types}}]-(:Entity)
WITH DISTINCT r
WITH r, startNode(r) AS s, endNode(r) AS o
MATCH (v:Evidence {subject_key: s.key, predicate: type(r), object_key: o.key})-[:IN_ARTICLE]->(art:Article)
WITH s, r, o, v, art, coalesce(v.event_date, v.published, art.published) AS date
WHERE ($from IS NULL OR substring(date, 0, 10) >= $from)
  AND ($to IS NULL OR substring(date, 0, 10) <= $to)
RETURN date, s AS subject, type(r) AS relation, o AS object, v.modality AS modality,
       v.sentence AS sentence, art.id AS article, art.title AS title
ORDER BY date IS NULL, date, article, v.start
LIMIT toInteger($limit)
