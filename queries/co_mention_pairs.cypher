// @name co_mention_pairs
// @description The co-mention network: pairs of entities that appear in the same articles, most shared articles first.
// @param min_articles int 2 only pairs that share at least this many articles
// @param limit int 50 the most pairs to return
// @example kg query co_mention_pairs --param min_articles=3 --param limit=100
// @example kg export --format graphml --query co_mention_pairs --out comentions.graphml
//
// Each unordered pair once (a.key < b.key). `related` says whether the pair
// is also linked by a typed relation. On a large graph raise min_articles.
MATCH (a:Entity)-[:MENTIONED_IN]->(art:Article)<-[:MENTIONED_IN]-(b:Entity)
WHERE a.key < b.key
WITH a, b, count(art) AS shared
WHERE shared >= toInteger($min_articles)
RETURN a AS entity_a, b AS entity_b, shared AS articles, EXISTS { (a)--(b) } AS related
ORDER BY articles DESC, a.name, b.name
LIMIT toInteger($limit)
