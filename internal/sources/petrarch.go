package sources

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

// PetrarchActor is one entry of a UniversalPetrarch actor dictionary
// (lexicon/petrarch-ar/actor_dict_ar_v4.txt): a line `NAME_WORDS_ [CODE]`,
// optionally followed by indented lines `[CODE FROM-TO]` giving the codes
// the actor held over date ranges (persons have them).
type PetrarchActor struct {
	// Words are the entry's words: its key split at "_", empty parts
	// dropped (أمين_عام_ل_أمة_المتحدة_ gives five words).
	Words []string
	// Codes are its CAMEO codes in file order, brackets and dates removed
	// ("RUSGOV"); a dated line without a code gives "". Codes are as
	// written: a few are malformed ("MIL?").
	Codes []string
	// Dated reports whether any code came on a dated line of its own.
	Dated bool
}

// ReadPetrarch reads a UniversalPetrarch actor dictionary. Blank lines and
// lines starting with # are skipped; a dated line before the first entry
// is ignored.
func ReadPetrarch(path string) ([]PetrarchActor, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []PetrarchActor
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		t := strings.TrimSpace(sc.Text())
		switch {
		case t == "" || strings.HasPrefix(t, "#"):
		case strings.HasPrefix(t, "["):
			if len(out) > 0 {
				a := &out[len(out)-1]
				a.Codes = append(a.Codes, datedCode(t))
				a.Dated = true
			}
		default:
			fs := strings.Fields(t)
			a := PetrarchActor{Words: strings.FieldsFunc(fs[0], func(r rune) bool { return r == '_' })}
			for _, x := range fs[1:] {
				if strings.HasPrefix(x, "[") {
					a.Codes = append(a.Codes, strings.Trim(x, "[]"))
				}
			}
			out = append(out, a)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return out, nil
}

// datedCode returns the code of a dated line "[CODE FROM-TO]" ("" for
// "[ FROM-TO]").
func datedCode(line string) string {
	c := strings.Trim(line, "[]")
	if i := strings.IndexByte(c, ' '); i >= 0 {
		c = c[:i]
	}
	return c
}
