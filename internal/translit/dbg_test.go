package translit

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/text/arabic"
)

func TestDbgRoman(t *testing.T) {
	c, _ := Default()
	for _, w := range strings.Split(os.Getenv("DBGW"), ",") {
		m := arabic.MatchForm(strings.TrimSpace(w))
		var cs []string
		for _, x := range strings.Fields(m) {
			lw, ok := c.MatchLatin(x, true)
			cs = append(cs, fmt.Sprintf("%s:%v/%v", x, lw, ok))
		}
		fmt.Printf("%s -> %q | %q | %v\n", w, Name(w, "Person", nil), Romanize(w), cs)
	}
}
