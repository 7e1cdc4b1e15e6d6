// @name co_mention_pairs
// @description The co-mention network: pairs of entities that appear in the same articles, most shared articles first.
// @param min_articles int 2 only pairs that share at least this many articles
// @param limit int 50 the most pairs to return
// @example kg query co_mention_pairs --param min_articles=3 --param limit=100
// @example kg export --format graphml --query co_mention_pairs --out comentions.graphml
//
// Each unordered pair once (a.key < b.key). `related` says whether the pair
// is also linked by a typed relation. The counts are kept at load time:
// one (:CoMention {a, b, articles}) node per pair of entity keys sharing at
// least 2 articles, so the pairs with the most articles come from the index
// on `articles`. With min_articles=1, or on a graph that has no counts (the
// KgMeta node co_mentions is missing: written by an older kg and not
// pushed to since, or imported and not finished yet), the pairs are counted from MENTIONED_IN
// instead, which takes seconds on a large graph.
CALL () {
  OPTIONAL MATCH (m:KgMeta {name: 'co_mentions'})
  RETURN coalesce(toInteger($min_articles) >= m.min_articles, false) AS counted
}
CALL (counted) {
  // The counts: the top pairs by articles, then every pair tied with the
  // last of them, so that the order by name below picks as the scan does.
  WITH counted WHERE counted
  MATCH (c:CoMention) WHERE c.articles >= toInteger($min_articles)
  WITH c ORDER BY c.articles DESC LIMIT toInteger($limit)
  WITH min(c.articles) AS cutoff
  MATCH (c:CoMention) WHERE c.articles >= cutoff
  MATCH (a:Entity {key: c.a}), (b:Entity {key: c.b})
  RETURN a, b, c.articles AS shared
  UNION
  WITH counted WHERE NOT counted
  MATCH (a:Entity)-[:MENTIONED_IN]->(art:Article)<-[:MENTIONED_IN]-(b:Entity)
  WHERE a.key < b.key
  WITH a, b, count(art) AS shared
  WHERE shared >= toInteger($min_articles)
  RETURN a, b, shared
}
RETURN a AS entity_a, b AS entity_b, shared AS articles, EXISTS { (a)--(b) } AS related
ORDER BY articles DESC, a.name, b.name, a.key, b.key
LIMIT toInteger($limit)
