package cypher

import (
	"errors"
	"strings"
	"testing"

	"github.com/kg-project/kg/queries"
)

func TestStrip(t *testing.T) {
	for in, want := range map[string]string{
		"LOAD/**/CSV FROM 'http://x' AS r":        "LOAD CSV FROM '' AS r",
		"RETURN 'LOAD CSV' // LOAD CSV\n, 1":      "RETURN '' , 1",
		`RETURN "a\"b", 'it\'s', '\\' AS x`:       "RETURN '' , '' , '' AS x",
		"MATCH (n:`LOAD CSV`) RETURN n":           "MATCH ( n : `LOAD CSV` ) RETURN n",
		"RETURN `a``b`":                           "RETURN `a``b`",
		"RETURN 1 /* unterminated":                "RETURN 1 / * unterminated",
		"RETURN 'unterminated":                    "RETURN unterminated",
		"RETURN\u00a0x\u2003AS\u3000y":            "RETURN x AS y",
		"RETURN 1.5e-3, .5, 0x1F, [1..3]":         "RETURN 1.5e-3 , .5 , 0x1F , [ 1 . . 3 ]",
		"CALL apoc . load . json ( $url )":        "CALL apoc . load . json ( $ url )",
		"RETURN 1 //x\rLOAD CSV":                  "RETURN 1 LOAD CSV",
		"RETURN 1 // x \u2028 LOAD CSV\nRETURN 2": "RETURN 1 RETURN 2",
	} {
		if got := Strip(in); got != want {
			t.Errorf("Strip(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCheckReadOnly: what an ad-hoc read-only statement may and may not
// do. The refused ones are what a read transaction alone lets through
// (or that would write through a procedure the check cannot see into).
func TestCheckReadOnly(t *testing.T) {
	refused := map[string]string{ // statement -> What
		// LOAD CSV in every disguise.
		"LOAD CSV FROM 'http://127.0.0.1:9/x' AS r RETURN r":              "LOAD CSV",
		"load csv from 'file:///etc/passwd' as r return r":                "LOAD CSV",
		"LOAD/**/CSV FROM 'http://x' AS r RETURN r":                       "LOAD CSV",
		"LOAD/* LOAD */CSV WITH HEADERS FROM 'http://x' AS r RETURN r":    "LOAD CSV",
		"LOAD // comment\nCSV FROM 'http://x' AS r RETURN r":              "LOAD CSV",
		"LOAD\u00a0CSV FROM 'http://x' AS r RETURN r":                     "LOAD CSV",
		"LOAD\u2028CSV FROM 'http://x' AS r RETURN r":                     "LOAD CSV",
		"LoAd\tCsV FROM 'http://x' AS r RETURN r":                         "LOAD CSV",
		"WITH 1 AS x LOAD CSV FROM 'http://x' AS r RETURN r":              "LOAD CSV",
		"CALL { LOAD CSV FROM 'http://x' AS r RETURN r } RETURN r":        "LOAD CSV",
		"EXPLAIN LOAD CSV FROM 'http://x' AS r RETURN r":                  "LOAD CSV",
		"RETURN '\\\\' AS s LOAD CSV FROM 'http://x' AS r RETURN r":       "LOAD CSV", // '\\' ends there
		"RETURN 'x' /* ' */ LOAD CSV FROM 'http://x' AS r RETURN r":       "LOAD CSV",
		"RETURN 1 /* unterminated LOAD CSV FROM 'http://x' AS r RETURN r": "LOAD CSV",
		"RETURN ' unterminated LOAD CSV FROM http AS r RETURN r":          "LOAD CSV",
		"WITH {load: 1} AS m LOAD CSV FROM 'http://x' AS r RETURN r":      "LOAD CSV",
		"USING PERIODIC COMMIT LOAD CSV FROM 'http://x' AS r RETURN r":    "USING PERIODIC COMMIT",
		// Administration commands.
		"SHOW TRANSACTIONS": "SHOW TRANSACTIONS",
		"show transactions yield transactionId, currentQuery":                   "SHOW TRANSACTIONS",
		"TERMINATE TRANSACTIONS 'neo4j-transaction-42'":                         "TERMINATE TRANSACTIONS",
		"SHOW TRANSACTIONS YIELD transactionId AS id TERMINATE TRANSACTIONS id": "SHOW TRANSACTIONS",
		"SHOW USERS":                                      "SHOW USERS",
		"SHOW CURRENT USER":                               "SHOW CURRENT",
		"SHOW DATABASES":                                  "SHOW DATABASES",
		"SHOW SETTINGS YIELD name, value":                 "SHOW SETTINGS",
		"SHOW PROCEDURES":                                 "SHOW PROCEDURES",
		"SHOW INDEXES":                                    "SHOW INDEXES",
		"SHOW ALL PRIVILEGES":                             "SHOW ALL",
		"USE system SHOW USERS":                           "SHOW USERS",
		"USE `system` SHOW ROLES":                         "SHOW ROLES",
		"CYPHER runtime=slotted SHOW DATABASES":           "SHOW DATABASES",
		"/* x */ SHOW/**/TRANSACTIONS":                    "SHOW TRANSACTIONS",
		"CREATE USER bob SET PASSWORD 'secret123'":        "CREATE USER",
		"create or replace user bob set password 'x'":     "CREATE OR",
		"CREATE DATABASE other":                           "CREATE DATABASE",
		"CREATE INDEX x FOR (n:Entity) ON (n.name)":       "CREATE INDEX",
		"DROP USER bob":                                   "DROP USER",
		"DROP INDEX entity_key":                           "DROP INDEX",
		"ALTER USER neo4j SET PASSWORD 'x'":               "ALTER USER",
		"ALTER CURRENT USER SET PASSWORD FROM 'a' TO 'b'": "ALTER CURRENT",
		"RENAME ROLE a TO b":                              "RENAME ROLE",
		"GRANT ROLE admin TO bob":                         "GRANT ROLE",
		"GRANT MATCH {*} ON GRAPH * TO reader":            "GRANT MATCH",
		"DENY ACCESS ON DATABASE neo4j TO bob":            "DENY ACCESS",
		"REVOKE ROLE admin FROM bob":                      "REVOKE ROLE",
		"START DATABASE neo4j":                            "START DATABASE",
		"STOP DATABASE neo4j":                             "STOP DATABASE",
		"ENABLE SERVER 'x'":                               "ENABLE SERVER",
		"DEALLOCATE DATABASES FROM SERVER 'x'":            "DEALLOCATE DATABASES",
		"RETURN 1; SHOW USERS":                            "SHOW USERS",
		// Procedures and functions.
		"CALL dbms.listConfig()":                                               "dbms.listconfig",
		"CALL dbms.killQuery('query-1')":                                       "dbms.killquery",
		"CALL dbms.components() YIELD name RETURN name":                        "dbms.components",
		"CALL dbms.security.createUser('a', 'b')":                              "dbms.security.createuser",
		"CALL DBMS.listConfig":                                                 "dbms.listconfig",
		"CALL db.createLabel('X')":                                             "db.createlabel",
		"CALL db.clearQueryCaches()":                                           "db.clearquerycaches",
		"CALL db.stats.retrieve('QUERIES')":                                    "db.stats.retrieve",
		"CALL db.listLocks()":                                                  "db.listlocks",
		"CALL apoc.load.json('http://x') YIELD value RETURN value":             "apoc.load.json",
		"CALL apoc.load.jsonParams('http://x', {}, null)":                      "apoc.load.jsonparams",
		"CALL apoc.load.csv('file:///etc/passwd')":                             "apoc.load.csv",
		"CALL apoc . load . json ('http://x')":                                 "apoc.load.json",
		"CALL apoc/**/.load.json('http://x')":                                  "apoc.load.json",
		"CALL `apoc`.`load`.json('http://x')":                                  "apoc.load.json",
		"CALL `apoc.load.json`('http://x')":                                    "apoc.load.json",
		"CALL apoc.load.json":                                                  "apoc.load.json",
		"CALL apoc.import.csv([], [], {})":                                     "apoc.import.csv",
		"CALL apoc.export.csv.all('/tmp/x.csv', {})":                           "apoc.export.csv.all",
		"CALL apoc.export.json.query('MATCH (n) RETURN n', '/tmp/x', {})":      "apoc.export.json.query",
		"CALL apoc.cypher.run('LOAD CSV FROM \"http://x\" AS r RETURN r', {})": "apoc.cypher.run",
		"CALL apoc.cypher.runMany('x', {})":                                    "apoc.cypher.runmany",
		"RETURN apoc.cypher.runFirstColumnSingle('RETURN 1', {})":              "apoc.cypher.runfirstcolumnsingle",
		"CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DELETE n', {})":     "apoc.periodic.iterate",
		"CALL apoc.when(true, 'LOAD CSV FROM \"http://x\" AS r RETURN r')":     "apoc.when",
		"CALL apoc.do.when(true, 'CREATE (n)')":                                "apoc.do.when",
		"CALL apoc.bolt.execute('bolt://other', 'RETURN 1', {})":               "apoc.bolt.execute",
		"CALL apoc.config.list()":                                              "apoc.config.list",
		"CALL apoc.spatial.geocode('Paris')":                                   "apoc.spatial.geocode",
		"CALL apoc.graph.fromCypher('MATCH (n) RETURN n', {}, 'g', {})":        "apoc.graph.fromcypher",
		"CALL apoc.trigger.add('t', 'RETURN 1', {})":                           "apoc.trigger.add",
		"CALL apoc.custom.declareProcedure('x() :: (n::INT)', 'RETURN 1')":     "apoc.custom.declareprocedure",
		"CALL gds.graph.export('g', {})":                                       "gds.graph.export",
		"MATCH (n) WITH collect(n) AS ns CALL apoc.export.csv.data(ns, [], '/tmp/x', {}) YIELD file RETURN file": "apoc.export.csv.data",
	}
	for q, what := range refused {
		err := CheckReadOnly(q)
		var r *Refusal
		if !errors.As(err, &r) || !errors.Is(err, ErrRefused) || r.What != what {
			t.Errorf("%q: %v, want a refusal of %s", q, err, what)
		}
	}

	allowed := []string{
		"MATCH (e:Entity) RETURN e.name LIMIT 5",
		"RETURN 'LOAD CSV' AS s",
		`RETURN "LOAD CSV FROM 'http://x'" AS s`,
		"RETURN 1 // LOAD CSV FROM 'http://x'",
		"RETURN 1 /* TERMINATE TRANSACTIONS */",
		"MATCH (n:`LOAD CSV`) RETURN n",
		"MATCH (n) WHERE n.name = 'SHOW USERS' RETURN n",
		"MATCH (n) RETURN n.show, n.load, n.dbms, n.grant",
		"WITH {show: 1, load: 2, dbms: 3} AS m RETURN m.show, m.dbms",
		"MATCH (show:Show) RETURN show ORDER BY show.name",
		"MATCH (show) WHERE show.x IS NOT NULL RETURN show",
		"RETURN 1 AS show",
		"WITH 1 AS drop RETURN drop LIMIT 1",
		"WITH $show AS s RETURN s",
		"MATCH (n) WHERE n.dbms = $load RETURN n",
		"CALL db.labels() YIELD label RETURN label",
		"CALL db.relationshipTypes()",
		"CALL db.schema.visualization()",
		"CALL db.index.fulltext.queryNodes('entity_names', 'Putin') YIELD node RETURN node",
		"RETURN db.nameFromElementId('x')",
		"CALL (q) { MATCH (n) RETURN n } RETURN n",
		"CALL { MATCH (n) RETURN n } RETURN n",
		"CALL apoc.neighbors.tohop.count(e, 'R', 2) YIELD value RETURN value",
		"RETURN apoc.text.join(['a', 'b'], ',') AS s, apoc.coll.sum([1, 2]) AS n",
		"CALL apoc.path.subgraphAll(n, {}) YIELD nodes RETURN nodes",
		"RETURN date.truncate('month', date()), duration.between(date(), date()), point.distance(point({x:1,y:1}), point({x:2,y:2}))",
		"RETURN vector.similarity.cosine([1.0], [1.0])",
		"MATCH p = (a)-[*1..3]->(b) RETURN p",
		"MATCH (a) WHERE a.name STARTS WITH 'Pu' RETURN a.name AS name, count(*) AS n ORDER BY n DESC",
		"UNWIND [1, 2] AS x RETURN x",
		"EXPLAIN MATCH (n) RETURN n",
		"RETURN 'it\\'s', \"a\\\"b\", '\\\\'",
		"MATCH (e:Entity) WHERE e.mention_count >= $n RETURN e.name AS name ORDER BY name",
	}
	for _, q := range allowed {
		if err := CheckReadOnly(q); err != nil {
			t.Errorf("%q refused: %v", q, err)
		}
	}
}

// TestSavedQueriesPass: every saved query is a read-only statement by
// this check too (no false alarm on the queries kg ships).
func TestSavedQueriesPass(t *testing.T) {
	set, err := queries.Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range set.All() {
		if err := CheckReadOnly(q.Cypher); err != nil {
			t.Errorf("%s: %v", q.Name, err)
		}
	}
}

func TestRefusalText(t *testing.T) {
	err := CheckReadOnly("SHOW TRANSACTIONS")
	if !strings.HasPrefix(err.Error(), "SHOW TRANSACTIONS is an administration command") {
		t.Errorf("%v", err)
	}
}
