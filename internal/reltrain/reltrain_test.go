package reltrain

import (
	"errors"
	"strings"
	"testing"
)

// TestData checks every item of the shipped training set.
func TestData(t *testing.T) {
	items, err := Load("data")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d items", len(items))
}

func TestCheck(t *testing.T) {
	good := `{"id":"x1","lang":"ar","source":"written","text":"التقى بوتين أردوغان في موسكو.","entities":[{"key":"putin","name":"Vladimir Putin","type":"Person","aliases":["بوتين"]},{"key":"erdogan","name":"Recep Tayyip Erdoğan","type":"Person","aliases":["أردوغان"]},{"key":"moscow","name":"Moscow","type":"Location","aliases":["موسكو"]}],"relations":[{"subject":"putin","predicates":["MET_WITH"],"object":"erdogan"}]}`
	if _, err := Read(strings.NewReader(good), "good.jsonl"); err != nil {
		t.Fatal(err)
	}
	for name, bad := range map[string]string{
		"predicate": strings.Replace(good, "MET_WITH", "MEETS", 1),
		"alias":     strings.Replace(good, `["موسكو"]`, `["لندن"]`, 1),
		"alias2":    strings.Replace(good, `["بوتين"]`, `["البوتين"]`, 1),
		"type":      strings.Replace(good, `"Location"`, `"Place"`, 1),
		"key":       strings.Replace(good, `"object":"erdogan"`, `"object":"obama"`, 1),
		"field":     strings.Replace(good, `"note"`, `"x"`, 1)[:len(good)-1] + `,"bogus":1}`,
	} {
		_, err := Read(strings.NewReader(bad), "bad.jsonl")
		if err == nil || !strings.Contains(err.Error(), "bad.jsonl:1") {
			t.Errorf("%s: got %v, want an error naming bad.jsonl:1", name, err)
		}
		if name != "field" && !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: %v is not ErrInvalid", name, err)
		}
	}
}

// TestByLang: held-out examples are scored by the language of their item,
// the prefix of its id.
func TestByLang(t *testing.T) {
	got := byLang([]Example{{Item: "ar-w-0001"}, {Item: "en-wN1-0004"}, {Item: "ar-arwiki-1-7"}})
	if len(got["ar"]) != 2 || len(got["en"]) != 1 || len(got) != 2 {
		t.Fatalf("byLang: %v", got)
	}
}
