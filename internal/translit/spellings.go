package translit

import (
	"fmt"
	"strings"

	"github.com/kg-project/kg/internal/text/arabic"
	"github.com/kg-project/kg/internal/translit/data"
)

// spellingTable is data/spellings.txt: the news spelling of frequent name
// words and compounds, keyed by MatchForm.
type spellingTable struct {
	words map[string]string
}

// spellings is the table of data/spellings.txt; it is empty if the file is
// malformed (TestDataFiles checks that it is not).
var spellings = readSpellings(data.Spellings)

// englishWords is data/english.tsv: the English words of organisations'
// names as Arabic writes them (نيوز News, تايمز Times), keyed by
// MatchForm; empty if the file is malformed (TestDataFiles checks that it
// is not).
var englishWords = readSpellings(data.English)

// readSpellings is parseSpellings of an embedded file, or an empty table
// if the file is malformed.
func readSpellings(text string) spellingTable {
	t, err := parseSpellings(text)
	if err != nil {
		return spellingTable{words: map[string]string{}}
	}
	return t
}

// parseSpellings reads lines "Arabic<TAB>Latin"; "#" starts a comment. Two
// lines of one key (MatchForm) must give the same Latin.
func parseSpellings(text string) (spellingTable, error) {
	t := spellingTable{words: map[string]string{}}
	for n, line := range strings.Split(text, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		ar, lat, ok := strings.Cut(line, "\t")
		ar, lat = arabic.MatchForm(ar), strings.TrimSpace(lat)
		if !ok || ar == "" || lat == "" || !arabic.HasScript(ar) || arabic.HasScript(lat) {
			return t, fmt.Errorf("line %d: want Arabic<TAB>Latin, got %q", n+1, line)
		}
		if old, ok := t.words[ar]; ok && old != lat {
			return t, fmt.Errorf("line %d: %s is %q and %q", n+1, ar, old, lat)
		}
		t.words[ar] = lat
	}
	return t, nil
}

// IsNameWord reports whether the MatchForm m is a frequent Arabic given
// name, family name or name particle of the news spellings (رياض، محمد،
// بن).
func IsNameWord(m string) bool {
	_, ok := spellings.words[m]
	return ok && !strings.Contains(m, " ")
}

// HasSpelling reports whether the news spellings hold the word or words m
// (MatchForm).
func HasSpelling(m string) bool {
	_, ok := spellings.words[m]
	return ok
}
