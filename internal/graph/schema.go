package graph

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Migration is one numbered schema file.
type Migration struct {
	Name       string   // file name, e.g. "001_constraints.cypher"
	Checksum   string   // sha256 of the file
	Statements []string // Cypher statements, comments removed
}

// MigrationResult says what ApplySchema did with one migration.
type MigrationResult struct {
	Name   string `json:"name"`
	Status string `json:"status"` // "applied", "unchanged" or "reapplied" (file changed)
}

// ReadMigrations reads every *.cypher file of fsys in name order. A
// statement ends with ';' at the end of a line; lines starting with // are
// comments.
func ReadMigrations(fsys fs.FS) ([]Migration, error) {
	names, err := fs.Glob(fsys, "*.cypher")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var out []Migration
	for _, n := range names {
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, err
		}
		sum := sha256.Sum256(b)
		m := Migration{Name: path.Base(n), Checksum: hex.EncodeToString(sum[:])}
		var cur strings.Builder
		for _, line := range strings.Split(string(b), "\n") {
			t := strings.TrimSpace(line)
			if t == "" || strings.HasPrefix(t, "//") {
				continue
			}
			cur.WriteString(t)
			cur.WriteByte(' ')
			if strings.HasSuffix(t, ";") {
				m.Statements = append(m.Statements, strings.TrimSuffix(strings.TrimSpace(cur.String()), ";"))
				cur.Reset()
			}
		}
		if s := strings.TrimSpace(cur.String()); s != "" {
			m.Statements = append(m.Statements, s)
		}
		out = append(out, m)
	}
	return out, nil
}

// ApplySchema applies the migrations in order. Every statement must be
// idempotent (IF NOT EXISTS); a migration whose checksum is recorded is
// skipped, a changed one is applied again. What was applied is recorded as
// (:KgMigration {name, checksum, applied_at}) nodes.
func (c *Client) ApplySchema(ctx context.Context, migs []Migration) ([]MigrationResult, error) {
	done, err := c.Query(ctx, "MATCH (m:KgMigration) RETURN m.name AS name, m.checksum AS checksum", nil, true)
	if err != nil {
		return nil, fmt.Errorf("reading applied migrations: %w", err)
	}
	have := map[string]string{}
	for _, r := range done.Rows {
		n, _ := r[0].(string)
		s, _ := r[1].(string)
		have[n] = s
	}
	var out []MigrationResult
	for _, m := range migs {
		status := "applied"
		if sum, ok := have[m.Name]; ok {
			if sum == m.Checksum {
				out = append(out, MigrationResult{Name: m.Name, Status: "unchanged"})
				continue
			}
			status = "reapplied"
		}
		for _, st := range m.Statements {
			st := st
			// Schema changes cannot share a transaction with data writes.
			if err := c.write(ctx, func(tx neo4j.ManagedTransaction) error { return run(ctx, tx, st, nil) }); err != nil {
				return out, fmt.Errorf("%s: %q: %w", m.Name, st, err)
			}
		}
		err := c.write(ctx, func(tx neo4j.ManagedTransaction) error {
			return run(ctx, tx, "MERGE (m:KgMigration {name: $name}) SET m.checksum = $sum, m.applied_at = datetime()",
				map[string]any{"name": m.Name, "sum": m.Checksum})
		})
		if err != nil {
			return out, fmt.Errorf("recording %s: %w", m.Name, err)
		}
		out = append(out, MigrationResult{Name: m.Name, Status: status})
	}
	return out, nil
}
