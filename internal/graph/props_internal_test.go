package graph

import (
	"maps"
	"testing"
)

// TestArticleProps: a field named like one of the node's own properties
// is written under record_ (unless the record has that field too); names
// a property may not take are left out.
func TestArticleProps(t *testing.T) {
	for _, c := range []struct {
		in, want map[string]string
	}{
		{nil, nil},
		{map[string]string{"author": "A", "source": "okaz"}, map[string]string{"author": "A", "record_source": "okaz"}},
		{map[string]string{"source": "okaz", "record_source": "own"}, map[string]string{"record_source": "own"}},
		{map[string]string{"id": "x", "2bad": "y", "bad-key": "z"}, map[string]string{"record_id": "x"}},
	} {
		if got := ArticleProps(c.in); !maps.Equal(got, c.want) {
			t.Errorf("ArticleProps(%v) = %v, want %v", c.in, got, c.want)
		}
	}
}
