// @name co_mentions
// @description The entities mentioned in the same articles as one entity, with how many articles they share.
// @param name entity "Vladimir Putin" the entity's key, name or alias, in any script
// @param min_articles int 1 only entities that share at least this many articles
// @param limit int 25 the most entities to return
// @example kg query co_mentions --param name=Tokayev --param min_articles=2
//
// Co-mention goes through MENTIONED_IN edges to :Article nodes. `related`
// says whether the two are also linked by a typed relation; `sample` lists
// up to five shared article ids.
WITH $name AS q
CALL (q) {
  MATCH (e:Entity {key: q})
  RETURN e, 0 AS rank
  UNION
  CALL db.index.fulltext.queryNodes('entity_names', '"' + replace(replace(q, '\\', '\\\\'), '"', '\\"') + '"') YIELD node
  RETURN node AS e, 1 AS rank
}
WITH e ORDER BY rank, coalesce(e.article_count, 0) DESC, coalesce(e.mention_count, 0) DESC, e.key LIMIT 1
MATCH (e)-[:MENTIONED_IN]->(art:Article)<-[:MENTIONED_IN]-(o:Entity)
WHERE o <> e
WITH e, o, art ORDER BY art.published DESC, art.id
WITH e, o, count(DISTINCT art) AS shared, collect(DISTINCT art.id)[..5] AS sample
WHERE shared >= toInteger($min_articles)
RETURN e AS entity, o AS co_mentioned, [l IN labels(o) WHERE NOT l IN ['Entity', 'KgDirty']][0] AS type, shared AS articles,
       EXISTS { (e)--(o) } AS related, sample
ORDER BY articles DESC, o.name
LIMIT toInteger($limit)
