package graph

import (
	"fmt"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// TestRetryable: a deadlock is retried, also when the driver's own retry
// time ran out on it (TransactionExecutionLimit); a syntax error is not.
func TestRetryable(t *testing.T) {
	deadlock := &neo4j.Neo4jError{Code: "Neo.TransientError.Transaction.DeadlockDetected", Msg: "deadlock"}
	syntax := &neo4j.Neo4jError{Code: "Neo.ClientError.Statement.SyntaxError", Msg: "syntax"}
	for _, c := range []struct {
		err  error
		want bool
	}{
		{deadlock, true},
		{&neo4j.TransactionExecutionLimit{Cause: "timeout", Errors: []error{deadlock}}, true},
		{fmt.Errorf("writing batch: %w", &neo4j.TransactionExecutionLimit{Cause: "timeout", Errors: []error{syntax, deadlock}}), true},
		{&neo4j.TransactionExecutionLimit{Cause: "timeout", Errors: []error{syntax}}, false},
		{&neo4j.TransactionExecutionLimit{Cause: "timeout"}, false},
		{syntax, false},
	} {
		if got := retryable(c.err); got != c.want {
			t.Errorf("retryable(%v) = %v, want %v", c.err, got, c.want)
		}
	}
}
