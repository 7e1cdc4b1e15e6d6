// Uniqueness constraints on the keys kg merges on.
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT entity_key IF NOT EXISTS FOR (e:Entity) REQUIRE e.key IS UNIQUE;
CREATE CONSTRAINT evidence_id IF NOT EXISTS FOR (v:Evidence) REQUIRE v.id IS UNIQUE;
CREATE CONSTRAINT kg_migration_name IF NOT EXISTS FOR (m:KgMigration) REQUIRE m.name IS UNIQUE;
