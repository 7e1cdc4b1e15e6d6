package rel

import (
	"fmt"
	"testing"
)

func TestVerbCandidates(t *testing.T) {
	for _, c := range []struct{ word, want string }{
		{"وأعلن", "[{وأعلن false} {أعلن false}]"},
		{"فقال", "[{فقال false} {قال false}]"},
		{"سيزور", "[{سيزور false} {يزور true}]"},
		{"وستعقد", "[{وستعقد false} {ستعقد false} {تعقد true}]"},
		{"ليتم", "[{ليتم false} {يتم false}]"},
		{"سألتقي", "[{سألتقي false} {ألتقي true}]"}, // "I will meet"
		{"سالتقي", "[{سالتقي false} {التقي true}]"}, // the same in MatchForm
		{"وقال", "[{وقال false} {قال false}]"},
		{"وسط", "[{وسط false}]"},   // three letters: no prefix stripped
		{"سنة", "[{سنة false}]"},   // too short for the future prefix
		{"سلام", "[{سلام false}]"}, // س not followed by a person prefix
		{"", "[{ false}]"},
	} {
		vc := verbCandidates(c.word)
		if got := fmt.Sprint(vc.all()); got != c.want {
			t.Errorf("verbCandidates(%q) = %s, want %s", c.word, got, c.want)
		}
	}
}

func TestVerbCandidatesAllocateNothing(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() {
		vc := verbCandidates("وستعقد")
		if len(vc.all()) != 3 {
			t.Fatal("candidates")
		}
	}); n != 0 {
		t.Errorf("%v allocations a call", n)
	}
}

// TestHasPronoun: a light verb's noun carries a pronoun (دعمها، مساندتها),
// not merely its ة, its article, a clitic before it or the accusative's
// alif.
func TestHasPronoun(t *testing.T) {
	for _, c := range []struct {
		w, form string
		want    bool
	}{
		{"دعمها", "دعم", true},
		{"ودعمه", "دعم", true},
		{"مساندتها", "مسانده", true},
		{"مساندته", "مسانده", true},
		{"الزياره", "الزياره", false},
		{"زياره", "زياره", false},
		{"بزياره", "زياره", false},
		{"دعما", "دعم", false},
		{"الدعم", "الدعم", false},
	} {
		if got := hasPronoun(c.w, c.form); got != c.want {
			t.Errorf("hasPronoun(%s, %s) = %v, want %v", c.w, c.form, got, c.want)
		}
	}
}
