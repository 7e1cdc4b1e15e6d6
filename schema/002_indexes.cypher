// Lookup indexes for the saved queries.
CREATE INDEX entity_wikidata IF NOT EXISTS FOR (e:Entity) ON (e.wikidata);
CREATE INDEX entity_name IF NOT EXISTS FOR (e:Entity) ON (e.name);
CREATE INDEX article_published IF NOT EXISTS FOR (a:Article) ON (a.published);
CREATE INDEX evidence_article IF NOT EXISTS FOR (v:Evidence) ON (v.article_id);
CREATE INDEX evidence_triple IF NOT EXISTS FOR (v:Evidence) ON (v.subject_key, v.predicate, v.object_key);
// Full-text search over names and aliases in any script.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (e:Entity) ON EACH [e.name, e.aliases_text];
