// Co-mention counts: (:CoMention {a, b, articles}), one node per unordered
// pair of entity keys (a < b) sharing at least 2 articles, kept by Settle.
// The pair is unique (and the constraint's index serves a alone); b is
// looked up alone when an entity's pairs are recounted; articles serves
// ORDER BY articles DESC LIMIT n in co_mention_pairs.
CREATE CONSTRAINT comention_pair IF NOT EXISTS FOR (c:CoMention) REQUIRE (c.a, c.b) IS UNIQUE;
CREATE INDEX comention_b IF NOT EXISTS FOR (c:CoMention) ON (c.b);
CREATE INDEX comention_articles IF NOT EXISTS FOR (c:CoMention) ON (c.articles);
