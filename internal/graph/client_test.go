package graph_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/testneo4j"
)

// TestURIPasswordNotInErrors: a password written inside the URI never
// shows in Open's errors, whether the URI is malformed, the server is
// down or it refuses the credentials (the last one on the real test Neo4j).
func TestURIPasswordNotInErrors(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		uri  string
		is   error
		want string
	}{
		{"bolt://neo4j:Sup3rSecret@127.0.0.1:1", graph.ErrUnavailable, "bolt://neo4j:xxxxx@127.0.0.1:1"},
		{"bolt://neo4j:Sup3rSecret@127.0.0.1:1/%zz", nil, "bolt://xxxxx@127.0.0.1:1/%zz"},
		{"nope://neo4j:Sup3rSecret@127.0.0.1:1", nil, "nope://neo4j:xxxxx@127.0.0.1:1"},
	} {
		_, err := graph.Open(ctx, graph.Config{URI: tc.uri, User: "neo4j", Password: "x", RetryTimeout: time.Second})
		if err == nil || strings.Contains(err.Error(), "Sup3rSecret") || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v; want %q and no password", tc.uri, err, tc.want)
		}
		if tc.is != nil && !errors.Is(err, tc.is) {
			t.Errorf("%s: %v is not %v", tc.uri, err, tc.is)
		}
	}

	testneo4j.Connect(t) // skips without a test server
	cfg, _ := testneo4j.Config()
	uri := strings.Replace(cfg.URI, "://", "://neo4j:Sup3rSecret@", 1)
	_, err := graph.Open(ctx, graph.Config{URI: uri, User: cfg.User, Password: "wrong-password", RetryTimeout: time.Second})
	if !errors.Is(err, graph.ErrAuth) || strings.Contains(err.Error(), "Sup3rSecret") || !strings.Contains(err.Error(), "neo4j:xxxxx@") {
		t.Errorf("auth error: %v", err)
	}
}
