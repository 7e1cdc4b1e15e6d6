// @name shortest_paths
// @description The shortest chains of typed relations between two entities (names, keys or aliases in any script).
// @param from string "Tokayev" the first entity's key, name or alias
// @param to string "Collective Security Treaty Organization" the second entity's key, name or alias
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
    RETURN e, 0 AS rank, 0.0 AS score
    UNION
    CALL db.index.fulltext.queryNodes('entity_names', '"' + replace(replace(q, '\\', '\\\\'), '"', '\\"') + '"') YIELD node, score
    RETURN node AS e,
           CASE WHEN toLower(node.name) = toLower(q) THEN 1
                WHEN any(a IN node.aliases WHERE toLower(a) = toLower(q)) THEN 2
                ELSE 3 END AS rank, score
  }
  WITH e ORDER BY rank, score DESC, e.mention_count DESC LIMIT 1
  RETURN e
}
WITH collect(e) AS ends
WHERE size(ends) = 2 AND ends[0] <> ends[1]
WITH ends[0] AS a, ends[1] AS b
MATCH p = allShortestPaths((a)-[*..6]-(b))
WHERE length(p) <= toInteger($max_hops) AND all(n IN nodes(p) WHERE n:Entity)
RETURN p AS path, length(p) AS hops, [r IN relationships(p) | type(r)] AS relations
LIMIT toInteger($limit)
