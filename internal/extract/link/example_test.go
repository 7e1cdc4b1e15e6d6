package link_test

import (
	"fmt"

	"github.com/kg-project/kg/internal/extract/link"
	"github.com/kg-project/kg/internal/gazetteer"
	"github.com/kg-project/kg/internal/text/segment"
)

func ExampleResolve() {
	g, err := gazetteer.Default()
	if err != nil {
		panic(err)
	}
	text := "قال الرئيس الروسي فلاديمير بوتين إن كازاخستان طلبت المساعدة. وأضاف بوتين أن موسكو سترد."
	toks := segment.Tokenize(text)
	cands := link.FromMatches(toks, g.FindAll(toks))
	ents, _ := link.Resolve(text, cands)
	for _, e := range ents {
		fmt.Println(e.ID, e.Name, len(e.Mentions))
	}
	// Output:
	// wd:Q159 Russia 1
	// wd:Q232 Kazakhstan 1
	// wd:Q649 Moscow 1
	// wd:Q7747 Vladimir Putin 2
}
