// Package schema embeds kg's graph schema: the numbered Cypher migrations
// (constraints and indexes) applied by `kg schema apply`, and the closed
// relation vocabulary (relations.yaml).
package schema

import "embed"

// Files holds every *.cypher migration and relations.yaml.
//
//go:embed *.cypher relations.yaml
var Files embed.FS
