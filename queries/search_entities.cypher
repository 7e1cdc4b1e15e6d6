// @name search_entities
// @description Find entities by name or alias in any script (full-text index entity_names), with prefix matching.
// @param text string "Putin" words to look for; every word must match the start of a word of a name or alias
// @param type enum(any|Person|Organization|Location|Misc) any the entity type, or any
// @param limit int 20 the most entities to return
// @example kg query search_entities --param text=بوتين
// @example kg query search_entities --param text="collective sec" --param type=Organization
//
// The text is lower-cased, every Lucene special character in it is escaped
// (+ - & | ! ( ) { } [ ] ^ " ~ * ? : \ /), and each word w becomes
// (w OR w*), all words joined with AND; so user input can never be a
// Lucene syntax error.
WITH reduce(s = toLower(trim($text)), c IN ['\\', '+', '-', '&', '|', '!', '(', ')', '{', '}', '[', ']', '^', '"', '~', '*', '?', ':', '/']
            | replace(s, c, '\\' + c)) AS escaped
WITH [w IN split(escaped, ' ') WHERE w <> ''] AS words
WHERE size(words) > 0
WITH reduce(lq = '', w IN words | lq + CASE lq WHEN '' THEN '' ELSE ' AND ' END + '(' + w + ' OR ' + w + '*)') AS lucene
CALL db.index.fulltext.queryNodes('entity_names', lucene) YIELD node, score
WITH node, score
WHERE $type = 'any' OR $type IN labels(node)
RETURN node AS entity, [l IN labels(node) WHERE NOT l IN ['Entity', 'KgDirty']][0] AS type, node.key AS key,
       node.aliases AS aliases, node.mention_count AS mentions, round(score, 3) AS score
ORDER BY score DESC, mentions DESC, node.name
LIMIT toInteger($limit)
