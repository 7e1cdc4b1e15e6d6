// One instance id per database, even when two kg processes connect to a
// new database at once (their MERGEs of the KgMeta node race).
CREATE CONSTRAINT kg_meta_name IF NOT EXISTS FOR (m:KgMeta) REQUIRE m.name IS UNIQUE;
