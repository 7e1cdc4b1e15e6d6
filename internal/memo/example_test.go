package memo_test

import (
	"fmt"
	"strings"

	"github.com/kg-project/kg/internal/memo"
)

func Example() {
	upper := memo.New[string](1 << 10) // at most about 1024 entries
	calls := 0
	f := func(s string) string { calls++; return strings.ToUpper(s) }
	fmt.Println(upper.Get("kg", f), upper.Get("kg", f), calls)
	// Output: KG KG 1
}
