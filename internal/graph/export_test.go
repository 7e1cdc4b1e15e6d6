package graph

// SetSettlePage sets the number of entities per Settle transaction until
// the returned function restores it.
func SetSettlePage(n int) (restore func()) {
	old := settlePage
	settlePage = n
	return func() { settlePage = old }
}

// Statements returns the generated statements, for inspection.
func Statements() map[string]string {
	return map[string]string{"relations": cyRelationsTyped, "delete": cyDeleteUnsupportedTyped, "mentions": cyMentionsLabelled}
}
