// @name top_entities
// @description The most connected entities, optionally of one type, by the number of distinct entities they are related to.
// @param type enum(any|Person|Organization|Location|Misc) any the entity type, or any
// @param limit int 25 the most entities to return
// @example kg query top_entities --param type=Person --param limit=10
//
// neighbours counts distinct related entities (typed relations, either
// direction); relations counts the relation edges; statements adds up their
// evidence counts. Ties go to the entity mentioned in more articles.
MATCH (e:Entity)
WHERE $type = 'any' OR $type IN labels(e)
CALL (e) {
  OPTIONAL MATCH (e)-[r:{{relation_types}}]-(n:Entity)
  RETURN count(DISTINCT n) AS neighbours, count(r) AS relations, coalesce(sum(r.count), 0) AS statements,
         collect(DISTINCT type(r)) AS types
}
RETURN e AS entity, [l IN labels(e) WHERE NOT l IN ['Entity', 'KgDirty']][0] AS type, neighbours, relations, statements,
       e.article_count AS articles, types AS relation_types
ORDER BY neighbours DESC, statements DESC, articles DESC, e.name
LIMIT toInteger($limit)
