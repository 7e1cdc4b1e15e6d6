// @name shortest_paths
// @description The shortest chains of typed relations between two entities (names, keys or aliases in any script).
// @param from entity "Tokayev" the first entity's key, name or alias
// @param to entity "Collective Security Treaty Organization" the second entity's key, name or alias
// @param max_hops int 4 the longest chain to consider (1 to 6)
// @param limit int 10 the most paths to return
// @example kg query shortest_paths --param from=Tokayev --param to=CSTO
//
// All shortest paths, in either direction, over :Entity nodes and typed
// relations only (no co-mention through articles). Entities are matched
// as in ego_network.
UNWIND [$from, $to] AS q
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
WHERE size(ends) = 2 AND ends[0] <> ends[1]
WITH ends[0] AS a, ends[1] AS b
MATCH p = allShortestPaths((a)-[:{{relation_types}}*..6]-(b))
WHERE length(p) <= toInteger($max_hops) AND all(n IN nodes(p) WHERE n:Entity)
RETURN p AS path, length(p) AS hops, [r IN relationships(p) | type(r)] AS relations
LIMIT toInteger($limit)
