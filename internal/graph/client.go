package graph

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/url"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	neo4jcfg "github.com/neo4j/neo4j-go-driver/v5/neo4j/config"

	"github.com/kg-project/kg/internal/config"
)

// Config says how to reach Neo4j.
type Config struct {
	URI, User, Password, Database string
	// RetryTimeout bounds how long a write keeps retrying while Neo4j is
	// unreachable or answers with transient errors (0 = 30 s).
	RetryTimeout time.Duration
	// Progress, when set, is told about retries.
	OnRetry func(attempt int, wait time.Duration, err error)
}

// Sentinel errors; test with errors.Is.
var (
	// ErrUnavailable: Neo4j could not be reached (down, wrong address).
	// Transient: retrying later may succeed.
	ErrUnavailable = errors.New("neo4j is not reachable")
	// ErrAuth: the server refused the credentials. Permanent.
	ErrAuth = errors.New("neo4j refused the user name or password")
	// ErrInvalidLabel: a label or relationship type outside kg's vocabulary.
	ErrInvalidLabel = errors.New("label or relationship type not in kg's vocabulary")
)

// Client is a connection pool to one Neo4j database. It is safe for
// concurrent use.
type Client struct {
	drv neo4j.DriverWithContext
	cfg Config
}

// Open connects and verifies connectivity and authentication.
func Open(ctx context.Context, cfg Config) (*Client, error) {
	if cfg.RetryTimeout <= 0 {
		cfg.RetryTimeout = 30 * time.Second
	}
	drv, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.User, cfg.Password, ""), func(c *neo4jcfg.Config) {
		// The driver retries transient errors silently; keep that short so
		// that write's own, visible backoff handles longer outages.
		c.MaxTransactionRetryTime = min(cfg.RetryTimeout, 5*time.Second)
		c.SocketConnectTimeout = 5 * time.Second
		c.ConnectionAcquisitionTimeout = 30 * time.Second
	})
	if err != nil {
		return nil, redacted(fmt.Errorf("neo4j %s: %w", cfg.URI, err), cfg.URI)
	}
	c := &Client{drv: drv, cfg: cfg}
	if err := drv.VerifyConnectivity(ctx); err != nil {
		drv.Close(ctx)
		return nil, c.wrap(err)
	}
	return c, nil
}

// Close releases the connections.
func (c *Client) Close(ctx context.Context) error { return c.drv.Close(ctx) }

// Target names the database for staging's journal: URI (without user
// info) and database name.
func (c *Client) Target() string {
	s := config.RedactURI(c.cfg.URI)
	if u, err := url.Parse(c.cfg.URI); err == nil {
		u.User = nil
		s = u.String()
	}
	db := c.cfg.Database
	if db == "" {
		db = "(default)"
	}
	return s + "|" + db
}

// wrap maps driver errors to kg's sentinels, keeping the cause. A password
// written in the URI never shows in the error.
func (c *Client) wrap(err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	var authErr *neo4j.InvalidAuthenticationError
	var ne *neo4j.Neo4jError
	switch {
	case errors.As(err, &authErr), errors.As(err, &ne) && strings.HasPrefix(ne.Code, "Neo.ClientError.Security."):
		err = fmt.Errorf("%w (%s as %q; set KG_NEO4J_USER / KG_NEO4J_PASSWORD_FILE or KG_NEO4J_PASSWORD): %v", ErrAuth, c.cfg.URI, c.cfg.User, err)
	case neo4j.IsConnectivityError(err), neo4j.IsTransactionExecutionLimit(err) && isConnectivityCause(err),
		strings.Contains(err.Error(), "connection refused"), strings.Contains(err.Error(), "i/o timeout"):
		err = fmt.Errorf("%w at %s (is it running? `make neo4j-up` starts the local one; KG_NEO4J_URI points elsewhere): %v", ErrUnavailable, c.cfg.URI, err)
	}
	return redacted(err, c.cfg.URI)
}

// redactedError is an error whose text hides the password of a URI; Unwrap
// keeps the original for errors.Is and errors.As.
type redactedError struct {
	err  error
	text string
}

func (e *redactedError) Error() string { return e.text }
func (e *redactedError) Unwrap() error { return e.err }

// redacted hides uri's password in err's text (config.RedactURI).
func redacted(err error, uri string) error {
	text := config.URIRedactor(uri).Replace(err.Error())
	if text == err.Error() {
		return err
	}
	return &redactedError{err: err, text: text}
}

func isConnectivityCause(err error) bool {
	var tel *neo4j.TransactionExecutionLimit
	if errors.As(err, &tel) {
		for _, e := range tel.Errors {
			if neo4j.IsConnectivityError(e) {
				return true
			}
		}
		return strings.Contains(tel.Error(), "onnect")
	}
	return false
}

func (c *Client) session(ctx context.Context, mode neo4j.AccessMode) neo4j.SessionWithContext {
	return c.drv.NewSession(ctx, neo4j.SessionConfig{AccessMode: mode, DatabaseName: c.cfg.Database})
}

// write runs work in a managed write transaction. The driver retries
// transient errors (deadlocks among them); on top of that, while Neo4j is
// unreachable, write keeps retrying with exponential backoff until
// RetryTimeout has passed, and it retries a transaction that a concurrent
// writer made violate a uniqueness constraint (two transactions that MERGE
// the same new key: the second fails with ConstraintValidationFailed once
// the first commits; run again, its MERGE matches) up to
// constraintRetries times. work must therefore be idempotent.
func (c *Client) write(ctx context.Context, work func(tx neo4j.ManagedTransaction) error) error {
	deadline := time.Now().Add(c.cfg.RetryTimeout)
	wait := 500 * time.Millisecond
	conflicts := 0
	for attempt := 1; ; attempt++ {
		s := c.session(ctx, neo4j.AccessModeWrite)
		_, err := s.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) { return nil, work(tx) })
		s.Close(ctx)
		if err == nil {
			return nil
		}
		if isConstraintConflict(err) {
			if conflicts++; conflicts > constraintRetries {
				return fmt.Errorf("still violating a uniqueness constraint after %d retries (not a concurrent writer, then): %w", constraintRetries, err)
			}
			if err := sleep(ctx, conflictBackoff(conflicts)); err != nil {
				return err
			}
			continue
		}
		err = c.wrap(err)
		if !errors.Is(err, ErrUnavailable) && !retryable(err) {
			return err
		}
		if time.Now().Add(wait).After(deadline) {
			return fmt.Errorf("gave up after %s of retries: %w", c.cfg.RetryTimeout, err)
		}
		if c.cfg.OnRetry != nil {
			c.cfg.OnRetry(attempt, wait, err)
		}
		if err := sleep(ctx, wait); err != nil {
			return err
		}
		if wait < 8*time.Second {
			wait *= 2
		}
	}
}

// retryable reports whether a failed transaction is worth another
// attempt: the driver says so, or the driver gave up its own retries
// (TransactionExecutionLimit: its retry time ran out, as one attempt can
// take longer than that on a loaded machine) on an error it says so of,
// such as a deadlock between two concurrent writers.
func retryable(err error) bool {
	if neo4j.IsRetryable(err) {
		return true
	}
	var limit *neo4j.TransactionExecutionLimit
	if errors.As(err, &limit) && len(limit.Errors) > 0 {
		return neo4j.IsRetryable(limit.Errors[len(limit.Errors)-1])
	}
	return false
}

// constraintRetries bounds the retries of a transaction that violates a
// uniqueness constraint: a concurrent writer's conflict resolves on the
// first retry or so; a real violation fails every time.
const constraintRetries = 6

// conflictBackoff is 20 ms, 40 ms, ... up to 640 ms, with jitter so that
// two writers do not retry in step.
func conflictBackoff(n int) time.Duration {
	d := 20 * time.Millisecond << min(n-1, 5)
	return d/2 + time.Duration(rand.Int64N(int64(d)))
}

func isConstraintConflict(err error) bool {
	var ne *neo4j.Neo4jError
	return errors.As(err, &ne) && ne.Code == "Neo.ClientError.Schema.ConstraintValidationFailed"
}

func sleep(ctx context.Context, d time.Duration) error {
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(d):
		return nil
	}
}

// run executes one statement inside tx and discards its records.
func run(ctx context.Context, tx neo4j.ManagedTransaction, cypher string, params map[string]any) error {
	res, err := tx.Run(ctx, cypher, params)
	if err != nil {
		return err
	}
	_, err = res.Consume(ctx)
	return err
}

// Counts returns the number of nodes and relationships in the database.
func (c *Client) Counts(ctx context.Context) (nodes, rels int64, err error) {
	r, err := c.Query(ctx, "CALL { MATCH (n) RETURN count(n) AS nodes } CALL { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes, rels", nil, true)
	if err != nil {
		return 0, 0, err
	}
	if len(r.Rows) != 1 {
		return 0, 0, fmt.Errorf("counts: %d rows", len(r.Rows))
	}
	return r.Rows[0][0].(int64), r.Rows[0][1].(int64), nil
}

// ServerVersion returns the server agent string, e.g. "Neo4j/5.26.0".
func (c *Client) ServerVersion(ctx context.Context) (string, error) {
	info, err := c.drv.GetServerInfo(ctx)
	if err != nil {
		return "", c.wrap(err)
	}
	return info.Agent(), nil
}

// InstanceID returns the id of this graph, created on first use and stored
// in the database itself. Staging keys its journal by it, so a wiped or new
// database is recognised as a new target that needs everything again.
func (c *Client) InstanceID(ctx context.Context) (string, error) {
	var id string
	err := c.write(ctx, func(tx neo4j.ManagedTransaction) error {
		res, err := tx.Run(ctx, "MERGE (m:KgMeta {name: 'instance'}) ON CREATE SET m.id = randomUUID(), m.created = datetime() RETURN m.id AS id", nil)
		if err != nil {
			return err
		}
		rec, err := res.Single(ctx)
		if err != nil {
			return err
		}
		v, _ := rec.Get("id")
		id, _ = v.(string)
		return nil
	})
	return id, err
}
