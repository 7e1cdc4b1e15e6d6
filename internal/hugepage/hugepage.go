package hugepage

// Result says what Reserve or Heap did.
type Result struct {
	Reserved int64  // heap address space reserved (Reserve), bytes
	Marked   int64  // bytes of mappings marked for huge pages (Heap)
	Why      string // why nothing was done ("" when it was)
}
