package sources

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
)

// WikiFile is the Arabic Wikipedia text (CC BY-SA) under the shared data
// folder: gzip-compressed JSON lines, one article each.
const WikiFile = "unlabelled/arwiki-comparable-2017/arwiki-2017-ar.jsonl.gz"

// WikiArticle is one article of the Wikipedia text.
type WikiArticle struct {
	Title string `json:"title"`
	Text  string `json:"text"`
}

// EachWikiArticle streams the articles of a Wikipedia text file (WikiFile's
// format) in file order; line is the article's line, from 1. An error of fn
// stops it and is returned as it is; a line that is not an article is an
// error naming the file and the line.
func EachWikiArticle(path string, fn func(line int, a WikiArticle) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	zr, err := gzip.NewReader(bufio.NewReaderSize(f, 1<<20))
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	line := 0
	for sc.Scan() {
		line++
		var a WikiArticle
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return fmt.Errorf("%s:%d: %w", path, line, err)
		}
		if err := fn(line, a); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}
