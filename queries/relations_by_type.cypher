// @name relations_by_type
// @description All relations of one type, strongest first, each with its evidence sentences.
// @param type relation "ADDRESSED" the relation type (see schema/relations.yaml; any case)
// @param from date null only relations seen on or after this date; null for no bound
// @param to date null only relations seen on or before this date; null for no bound
// @param evidence int 3 how many evidence sentences to show per relation
// @param limit int 100 the most relations to return
// @example kg query relations_by_type --param type=DEPLOYED_TROOPS_IN
// @example kg query relations_by_type --param type=met_with --param from=2022-01-01 --csv
//
// Relationship types cannot be Cypher parameters, so the type is matched
// with type(r) = $type. Each evidence sentence is followed by its article
// id in brackets.
MATCH (s:Entity)-[r:{{relation_types}}]->(o:Entity)
WHERE type(r) = $type
  AND ($from IS NULL OR r.last_seen >= $from)
  AND ($to IS NULL OR substring(r.first_seen, 0, 10) <= $to)
WITH s, r, o ORDER BY r.count DESC, s.name, o.name LIMIT toInteger($limit)
CALL (s, r, o) {
  MATCH (v:Evidence {subject_key: s.key, predicate: type(r), object_key: o.key})-[:IN_ARTICLE]->(art:Article)
  WITH v, art ORDER BY coalesce(v.event_date, v.published, art.published), art.id, v.start
  RETURN collect(v.sentence + ' [' + art.id + ']')[..toInteger($evidence)] AS evidence
}
RETURN s AS subject, r AS relation, o AS object, r.count AS count, r.first_seen AS first_seen,
       r.last_seen AS last_seen, evidence
ORDER BY count DESC, s.name, o.name
