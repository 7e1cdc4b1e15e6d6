// @name key_players
// @description Entities ranked by how much of the graph they reach within two hops (APOC), beside their direct connections.
// @param type enum(any|Person|Organization|Location|Misc) any the entity type, or any
// @param candidates int 200 how many of the best-connected entities to score (bounds the work on large graphs)
// @param limit int 20 the most entities to return
// @requires apoc
// @example kg query key_players --param type=Person
//
// Degree says who has many direct ties; two-hop reach (distinct entities
// within two typed relations, apoc.neighbors.tohop.count) says who sits
// where it can reach much of the network through others: a broker with few
// but well-placed ties ranks high here and low in top_entities. reach_share
// is reach as a share of all entities. MENTIONED_IN and IN_ARTICLE are left
// out, so only typed relations between entities count.
CALL db.relationshipTypes() YIELD relationshipType
WITH collect(relationshipType) AS all
WITH reduce(s = '', t IN [x IN all WHERE NOT x IN ['MENTIONED_IN', 'IN_ARTICLE']] | s + CASE s WHEN '' THEN '' ELSE '|' END + t) AS types
CALL () {
  MATCH (n:Entity)
  RETURN count(n) AS total
}
MATCH (e:Entity)
WHERE $type = 'any' OR $type IN labels(e)
WITH types, total, e, COUNT { (e)-[:{{relation_types}}]-(:Entity) } AS degree
ORDER BY degree DESC, e.article_count DESC
LIMIT toInteger($candidates)
CALL (e, types) {
  WITH e, types WHERE types <> ''
  CALL apoc.neighbors.tohop.count(e, types, 2) YIELD value
  RETURN value AS reach
  UNION
  WITH e, types WHERE types = ''
  RETURN 0 AS reach
}
RETURN e AS entity, [l IN labels(e) WHERE NOT l IN ['Entity', 'KgDirty']][0] AS type, degree, reach AS reach_2_hops,
       round(toFloat(reach) / CASE total WHEN 0 THEN 1 ELSE total END, 3) AS reach_share
ORDER BY reach_2_hops DESC, degree DESC, e.name
LIMIT toInteger($limit)
