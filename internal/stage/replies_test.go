package stage

import "testing"

func TestRepliesAndCounters(t *testing.T) {
	s, err := OpenInMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, ok, err := s.Reply("v1-x/abc"); ok || err != nil {
		t.Fatalf("empty store: ok %v, err %v", ok, err)
	}
	if err := s.PutReply("v1-x/abc", []byte(`{"entities":[]}`)); err != nil {
		t.Fatal(err)
	}
	b, ok, err := s.Reply("v1-x/abc")
	if !ok || err != nil || string(b) != `{"entities":[]}` {
		t.Fatalf("Reply = %q, %v, %v", b, ok, err)
	}
	st, err := s.Status()
	if err != nil {
		t.Fatal(err)
	}
	if st.Counters["llm.replies_cached"] != 1 {
		t.Errorf("counters %v", st.Counters)
	}
	for range 2 {
		if err := s.AddCounters(map[string]int64{"llm.calls": 3, "llm.cache_hits": 0}); err != nil {
			t.Fatal(err)
		}
	}
	st, _ = s.Status()
	if st.Counters["llm.calls"] != 6 {
		t.Errorf("counters %v", st.Counters)
	}
	if _, ok := st.Counters["llm.cache_hits"]; ok {
		t.Error("a zero counter was stored")
	}
	// gc keeps replies whatever the extractor version
	if _, err := s.GC("other-version"); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.Reply("v1-x/abc"); !ok {
		t.Error("gc dropped a reply")
	}
}
