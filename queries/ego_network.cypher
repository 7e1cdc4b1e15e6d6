// @name ego_network
// @description The typed relations around one entity, up to `depth` hops (1-3); the entity is matched by key, name or alias in any script.
// @param name entity "Vladimir Putin" the entity's key (wd:Q7747), name or alias, in any script (بوتين)
// @param depth int 1 how many hops out from the entity (1 to 3)
// @param limit int 200 the most relations to return, the entity's own first
// @example kg query ego_network --param name=Putin
// @example kg query ego_network --param name=بوتين --param depth=2
//
// One row per relation: source, relation and target, so Neo4j Browser draws
// the network. Only :Entity nodes and typed relations are followed (no
// articles, mentions or evidence). The entity is the one whose key is
// `name`; else, of the entities whose name or an alias holds `name` as a
// phrase (full-text, any case), the best supported: the one in the most
// articles, then with the most mentions (kg query lists the others on
// stderr). Every query with an entity parameter picks it this way.
WITH $name AS q
CALL (q) {
  MATCH (e:Entity {key: q})
  RETURN e, 0 AS rank
  UNION
  CALL db.index.fulltext.queryNodes('entity_names', '"' + replace(replace(q, '\\', '\\\\'), '"', '\\"') + '"') YIELD node
  RETURN node AS e, 1 AS rank
}
WITH e ORDER BY rank, coalesce(e.article_count, 0) DESC, coalesce(e.mention_count, 0) DESC, e.key LIMIT 1
// Breadth first, one hop at a time over distinct nodes, so hubs do not
// multiply paths.
CALL (e) {
  OPTIONAL MATCH (e)--(n:Entity)
  RETURN collect(DISTINCT n) AS hop1
}
CALL (hop1) {
  UNWIND CASE WHEN toInteger($depth) >= 2 THEN hop1 ELSE [] END AS x
  MATCH (x)--(n:Entity)
  RETURN collect(DISTINCT n) AS hop2
}
CALL (hop2) {
  UNWIND CASE WHEN toInteger($depth) >= 3 THEN hop2 ELSE [] END AS x
  MATCH (x)--(n:Entity)
  RETURN collect(DISTINCT n) AS hop3
}
WITH e, [e] + hop1 + hop2 + hop3 AS ns
UNWIND ns AS a
WITH DISTINCT e, ns, a
OPTIONAL MATCH (a)-[r]->(b:Entity)
WHERE b IN ns
WITH e, ns, a, r, b
WHERE r IS NOT NULL OR size(ns) = 1
RETURN a AS source, r AS relation, b AS target, r.count AS count
ORDER BY (a = e OR b = e) DESC, count DESC, a.name, b.name
LIMIT toInteger($limit)
