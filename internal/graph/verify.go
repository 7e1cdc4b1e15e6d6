package graph

import (
	"context"
	"fmt"
)

// ArticleState is what the graph holds of one article: enough to tell
// whether it is what kg wrote.
type ArticleState struct {
	ContentHash string `json:"content_hash"`
	Extractor   string `json:"extractor"`
	Mentions    int64  `json:"mentions"` // MENTIONED_IN edges into the article
	Evidence    int64  `json:"evidence"` // Evidence nodes of the article
}

// ExpectedState is the state WriteArticles leaves for the item.
func ExpectedState(it Item) ArticleState {
	s := ArticleState{ContentHash: it.ContentHash, Extractor: it.Extractor}
	if it.Extraction != nil {
		s.Mentions = int64(len(it.Extraction.Entities))
		s.Evidence = int64(len(it.Extraction.Relations))
	}
	return s
}

// StateReader reads article states; *Client implements it.
type StateReader interface {
	// ArticleStates returns the state of each of the articles that exist
	// in the graph; missing ones are absent from the map.
	ArticleStates(ctx context.Context, ids []string) (map[string]ArticleState, error)
}

var _ StateReader = (*Client)(nil)

const cyArticleStates = `UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a.id, a.content_hash, a.extractor,
       COUNT { (:Entity)-[:MENTIONED_IN]->(a) },
       COUNT { (a)<-[:IN_ARTICLE]-(:Evidence) }`

// ArticleStates reads the articles with the given ids in one read
// transaction (callers page through large sets).
func (c *Client) ArticleStates(ctx context.Context, ids []string) (map[string]ArticleState, error) {
	l := make([]any, len(ids))
	for i, id := range ids {
		l[i] = id
	}
	r, err := c.Query(ctx, cyArticleStates, map[string]any{"ids": l}, true)
	if err != nil {
		return nil, fmt.Errorf("reading %d articles: %w", len(ids), err)
	}
	out := make(map[string]ArticleState, len(r.Rows))
	for _, row := range r.Rows {
		id, _ := row[0].(string)
		s := ArticleState{}
		s.ContentHash, _ = row[1].(string)
		s.Extractor, _ = row[2].(string)
		s.Mentions, _ = row[3].(int64)
		s.Evidence, _ = row[4].(int64)
		out[id] = s
	}
	return out, nil
}

// ReadInstanceID returns the graph's instance id (see InstanceID) without
// creating it: "" when kg never wrote to this database.
func (c *Client) ReadInstanceID(ctx context.Context) (string, error) {
	r, err := c.Query(ctx, "MATCH (m:KgMeta {name: 'instance'}) RETURN m.id", nil, true)
	if err != nil || len(r.Rows) == 0 {
		return "", err
	}
	id, _ := r.Rows[0][0].(string)
	return id, nil
}
