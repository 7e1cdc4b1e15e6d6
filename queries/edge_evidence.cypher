// @name edge_evidence
// @description The evidence for the relations between two entities: each sentence, its modality and its article.
// @param subject entity "Vladimir Putin" one entity's key, name or alias, in any script
// @param object entity "Collective Security Treaty Organization" the other entity's key, name or alias
// @param type string "" only this relation type (any case); "" for every relation between the two
// @param limit int 100 the most sentences to return
// @example kg query edge_evidence --param subject=Putin --param object=CSTO --param type=ADDRESSED
//
// Relations in both directions between the two are listed; the subject and
// object columns give each one's real direction.
UNWIND [$subject, $object] AS q
CALL (q) {
  CALL (q) {
    MATCH (e:Entity {key: q})
    RETURN e, 0 AS rank
    UNION
    CALL db.index.fulltext.queryNodes('entity_names', '"' + replace(replace(q, '\\', '\\\\'), '"', '\\"') + '"') YIELD node
    RETURN node AS e, 1 AS rank
  }
  WITH e ORDER BY rank, coalesce(e.article_count, 0) DESC, coalesce(e.mention_count, 0) DESC, e.key LIMIT 1
  RETURN e
}
WITH collect(e) AS ends
WHERE size(ends) = 2
WITH ends[0] AS a, ends[1] AS b
MATCH (a)-[r]-(b)
WHERE $type = '' OR type(r) = toUpper(trim($type))
WITH DISTINCT r
WITH r, startNode(r) AS s, endNode(r) AS o
MATCH (v:Evidence {subject_key: s.key, predicate: type(r), object_key: o.key})-[:IN_ARTICLE]->(art:Article)
RETURN s AS subject, type(r) AS relation, o AS object, v.sentence AS sentence, v.trigger AS trigger,
       v.modality AS modality, v.confidence AS confidence,
       coalesce(v.event_date, v.published, art.published) AS date, art.id AS article, art.title AS title, art.url AS url
ORDER BY date IS NULL, date, article, v.start
LIMIT toInteger($limit)
