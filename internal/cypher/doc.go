// Package cypher reads Cypher text just far enough to tell whether an
// ad-hoc statement stays inside the graph.
//
// A read transaction (kg query -e without --write) stops writes to the
// graph, but not everything else a statement can do: LOAD CSV makes the
// server fetch any URL or read files; administration commands (SHOW
// TRANSACTIONS, TERMINATE TRANSACTIONS, SHOW USERS, CREATE USER, GRANT...)
// reach other users and the server itself; and some procedures and
// functions (dbms.*, db.* that change or reveal the server, apoc.load.*,
// apoc.import.*, apoc.export.*, apoc.cypher.*, apoc.periodic.*,
// apoc.bolt.*...) read files, call URLs or other servers, or run Cypher
// given as a string, out of this package's sight. CheckReadOnly refuses
// all of these.
//
// The check runs on tokens, after comments and string literals are taken
// out, with the lexical rules of Neo4j's Cypher 5 grammar (the same
// whitespace characters, // comments ending at a line break, \ escapes in
// strings, a doubled backquote in backquoted names). So RETURN 'LOAD CSV' is allowed and
// LOAD/**/CSV is refused. Where the text cannot be read as Neo4j would (an
// unterminated string or comment), the rest is checked as code, which can
// only refuse more.
package cypher
