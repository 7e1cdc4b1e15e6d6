// Package export writes kg's graph, or the result of a query, as GraphML
// (for Gephi, NetworkX, yEd), JSON Lines or CSV, and renders result values
// as text for tables.
//
// # Whole graph
//
// Graph streams the :Entity nodes and the typed relations between them,
// with all their properties, and with Options.WithArticles also the
// :Article nodes and the MENTIONED_IN edges. It pages through the graph in
// key order (ORDER BY e.key with a cursor, served by the entity_key and
// article_id indexes), so memory stays bounded by the page size, whatever
// the size of the graph. Evidence nodes are not exported; their content is
// summed up in the relation properties (count, articles, first_seen...).
//
// Node ids are the entity key ("wd:Q7747") and "article:<id>" for
// articles; edge ids are "<source>|<TYPE>|<target>" (one typed relation
// per triple in kg's model). Every node has the attributes label (name,
// title or id), type (Person, Organization, Location, Misc or Article) and
// labels ("Entity:Person"); every edge has label and type (the relationship
// type). Property columns are discovered before writing (their Neo4j value
// types map to GraphML long, double, boolean or string); lists are written
// as text joined with " | ", which is how kg already stores aliases_text.
//
// # Formats
//
//   - GraphML: one document, keys declared with attr.type, edgedefault
//     directed. Readable by networkx.read_graphml and Gephi.
//   - JSONL: one object per line: {"kind":"node","id","labels","properties"}
//     or {"kind":"edge","id","source","target","type","properties"}.
//   - CSV: a directory with nodes.csv (id, label, type, labels, props...)
//     and edges.csv (id, source, target, type, props...).
//
// # neo4j-admin import files
//
// Neo4jAdmin writes, from staging rather than from Neo4j, the graph kg
// push would build into an empty database, as the node and relationship
// CSV files of `neo4j-admin database import full` with their headers
// (ID spaces Article, Entity and Evidence; typed properties; arrays joined
// by U+001F) and the importer's argument file; RestoreEmptyLists sets
// after the import the empty lists CSV cannot carry. Values there are
// written exactly, quoted, without the spreadsheet quoting below.
//
// # Output files
//
// CreateFile writes an export file safely: only a regular file (or none)
// at the path is replaced, never a device, FIFO, socket, directory or
// symbolic link (checked with Lstat, so a link to /proc/self/fd/1 or to
// another file is refused, ErrNotRegular); a missing directory is not
// created (ErrNoDir); the bytes go to a temporary file in the same
// directory that is renamed over the target only when the export is
// complete (File.Commit), so a failed export leaves what was there.
// CSVDir does the same for nodes.csv and edges.csv, creating the directory
// itself only when its parent exists, and removing it again when the
// export fails.
//
// # CSV and spreadsheets
//
// A CSV cell that starts with = + - @, a tab or a carriage return may run
// as a formula when the file is opened in a spreadsheet (CSV injection;
// entity names and sentences come from news text). Every CSV cell kg
// writes, headers included, goes through CSVCell, which prefixes such
// cells with a single quote as OWASP recommends. Plain numbers (-3, -0.5)
// are left as they are.
//
// # Query results
//
// Result writes a query's rows: CSV as one table (a column per result
// key, values as Text renders them), JSONL as one object per row, and
// GraphML as the graph of the nodes, relationships and paths found in the
// rows. A query result is held in memory (bounded by the query's own
// limit parameter); only the whole-graph export streams.
package export
