package sources

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"os"
	"strings"
)

// Sentence is one sentence of a labelled NER corpus: tokens and their tags
// (any IOB spelling; Tags may be nil for unlabelled text).
type Sentence struct {
	Tokens []string
	Tags   []string
}

// ReadCoNLL reads `token TAG` lines (space or tab separated; the first column
// is the token, the last the tag, "O" when there is only one) with blank
// lines between sentences.
func ReadCoNLL(r io.Reader) ([]Sentence, error) {
	var out []Sentence
	var cur Sentence
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		fs := strings.Fields(strings.TrimRight(sc.Text(), "\r"))
		if len(fs) == 0 {
			if len(cur.Tokens) > 0 {
				out = append(out, cur)
				cur = Sentence{}
			}
			continue
		}
		tag := "O"
		if len(fs) >= 2 {
			tag = fs[len(fs)-1]
		}
		cur.Tokens = append(cur.Tokens, fs[0])
		cur.Tags = append(cur.Tags, tag)
	}
	if len(cur.Tokens) > 0 {
		out = append(out, cur)
	}
	return out, sc.Err()
}

// ReadCoNLLFile reads a CoNLL file with ReadCoNLL; errors name the file.
func ReadCoNLLFile(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	s, err := ReadCoNLL(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}

// SplitDev holds out the last fraction of the sentences (kg's convention
// for ANERcorp, which has no dev part of its own): train are the first
// round(len*(1-fraction)) sentences, dev the rest. A fraction ≤ 0 or fewer
// than two sentences hold nothing out.
func SplitDev(sents []Sentence, fraction float64) (train, dev []Sentence) {
	if fraction <= 0 || len(sents) < 2 {
		return sents, nil
	}
	k := int(math.Round(float64(len(sents)) * (1 - fraction)))
	return sents[:k], sents[k:]
}
