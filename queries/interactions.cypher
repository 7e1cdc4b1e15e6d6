// @name interactions
// @description Who did what to whom between two entities or countries over a date range, one row per evidence sentence.
// @param a entity "Russia" one side: an entity or country (key, name or alias)
// @param b entity "Kazakhstan" the other side
// @param from date null first date (YYYY-MM-DD, inclusive); null for no bound
// @param to date null last date (YYYY-MM-DD, inclusive); null for no bound
// @param affiliated bool true also count the people, bodies and places tied to a side by a structural relation (its president, ministers, capital, cities...)
// @param limit int 100 the most rows to return
// @example kg query interactions --param a=Russia --param b=Kazakhstan --param from=2022-01-01 --param to=2022-01-31
// @example kg query interactions --param a=Putin --param b=CSTO --param affiliated=false
//
// The date of a row is the event date of its evidence when the extractor
// resolved one, else the article's published date; with from or to set,
// rows without a date are left out. Relations in both directions are
// listed, in date order.
UNWIND [$a, $b] AS q
CALL (q) {
  CALL (q) {
    MATCH (e:Entity {key: q})
    RETURN e, 0 AS rank
    UNION
    CALL db.index.fulltext.queryNodes('entity_names', '"' + replace(replace(q, '\\', '\\\\'), '"', '\\"') + '"') YIELD node
    RETURN node AS e, 1 AS rank
  }
  WITH e ORDER BY rank, coalesce(e.article_count, 0) DESC, coalesce(e.mention_count, 0) DESC, e.key LIMIT 1
  // The side: the entity and, with $affiliated, what is tied to it.
  OPTIONAL MATCH (x:Entity)-[:PRESIDENT_OF|PRIME_MINISTER_OF|KING_OF|FOREIGN_MINISTER_OF|MINISTER_OF|LEADER_OF|SPOKESPERSON_FOR|OFFICIAL_OF|CAPITAL_OF|LOCATED_IN|PART_OF]->(e)
  WHERE $affiliated
  WITH e, collect(DISTINCT x) AS tied
  RETURN [e] + tied AS side
}
WITH collect(side) AS sides
WHERE size(sides) = 2
WITH sides[0] AS side_a, sides[1] AS side_b
UNWIND side_a AS x
MATCH (x)-[r]-(y:Entity)
WHERE y IN side_b
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
