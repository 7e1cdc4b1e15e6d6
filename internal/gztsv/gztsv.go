// Package gztsv reads the gzip-compressed, tab-separated files of the
// shared data folder (names/, wordstats' inputs): a header line, then one
// record a line. It is a leaf: the build steps of the gazetteer, the NER
// word lists and the word statistics all read through it.
package gztsv

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"os"
	"strings"
)

// MaxLine is the longest line Read accepts, in bytes.
const MaxLine = 1 << 20

// Read reads the gzipped TSV file at path. It calls fn for every line after
// the first (the header), in file order, with the header's fields, the
// line's fields (split at every tab, nothing trimmed) and its line number
// (the header is line 1). An error of fn stops the reading and is returned
// as "path:line: error"; a file that cannot be opened, is not gzip or has a
// line longer than MaxLine is an error naming path.
func Read(path string, fn func(header, fields []string, line int) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 64<<10), MaxLine)
	var header []string
	line := 0
	for sc.Scan() {
		line++
		fs := strings.Split(sc.Text(), "\t")
		if line == 1 {
			header = fs
			continue
		}
		if err := fn(header, fs, line); err != nil {
			return fmt.Errorf("%s:%d: %w", path, line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}
