package zz

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/gazetteer"
	"github.com/kg-project/kg/internal/text/arabic"
	"github.com/kg-project/kg/internal/wordstats"
)

func TestX(t *testing.T) {
	ws, _ := wordstats.Default()
	g, _ := gazetteer.Default()
	f, _ := os.Open("/tmp/x591.jsonl")
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<26), 1<<26)
	ents, rels, ments := 0, 0, 0
	ex := map[string]int{}
	for sc.Scan() {
		var d struct {
			Entities []struct {
				ID, Name, Type string
				Wikidata   string
				Mentions   []struct{ Text string }
			}
			Relations []struct{ Subject, Object string }
		}
		json.Unmarshal(sc.Bytes(), &d)
		bad := map[string]bool{}
		for _, e := range d.Entities {
			if e.Type != "Person" || e.Wikidata != "" {
				continue
			}
			all := true
			for _, m := range e.Mentions {
				w := strings.Fields(m.Text)
				if len(w) != 1 {
					all = false
					break
				}
				mf := arabic.MatchForm(w[0])
				n := ws.Name(mf)
				if n.Given < 20 || n.Family*2 > n.Given || len(g.Lookup(mf)) > 0 {
					all = false
					break
				}
			}
			if all {
				bad[e.ID] = true
				ents++
				ments += len(e.Mentions)
				ex[e.Name]++
			}
		}
		for _, r := range d.Relations {
			if bad[r.Subject] || bad[r.Object] {
				rels++
			}
		}
	}
	fmt.Println("entities", ents, "mentions", ments, "relations", rels)
	n := 0
	for k, v := range ex {
		if v >= 5 && n < 60 {
			fmt.Print(k, ":", v, " ")
			n++
		}
	}
	fmt.Println()
}
