package sources

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// EachCSVRow streams a CSV file whose first row names the columns: fn gets
// one map per further row, column name -> value. Names and values are
// trimmed of spaces (and the header of a byte-order mark); rows may be
// shorter or longer than the header (extra values are dropped). An empty
// file is an error, and so is fn's, wrapped with the file's name.
func EachCSVRow(path string, fn func(row map[string]string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	r := csv.NewReader(bufio.NewReader(f))
	r.FieldsPerRecord = -1
	head, err := r.Read()
	if errors.Is(err, io.EOF) {
		return fmt.Errorf("%s: empty", path)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	for i := range head {
		head[i] = strings.TrimPrefix(strings.TrimSpace(head[i]), "\ufeff")
	}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		row := make(map[string]string, len(head))
		for i, v := range rec {
			if i < len(head) {
				row[head[i]] = strings.TrimSpace(v)
			}
		}
		if err := fn(row); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
	}
}

// ReadCSV reads a whole CSV file as EachCSVRow streams it.
func ReadCSV(path string) ([]map[string]string, error) {
	var out []map[string]string
	err := EachCSVRow(path, func(row map[string]string) error {
		out = append(out, row)
		return nil
	})
	return out, err
}
