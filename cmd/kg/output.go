package main

import "io"

// output is a command's result in each form it can print it in; print
// picks the one the --json (and, for kg query, --csv) flags ask for.
type output struct {
	// json returns the value printed as indented JSON on stdout; it runs
	// only for --json, so a JSON-only shape costs nothing otherwise.
	json func() any
	// csv prints CSV (kg query --csv); nil where the command has none.
	csv func() error
	// text prints the default form: a table or lines of text.
	text func() error
}

// print prints the result: as JSON with asJSON, else as CSV with asCSV
// (where the command has a CSV form), else as text. Commands that take
// both flags reject them together before they run.
func (o output) print(stdout io.Writer, asJSON, asCSV bool) error {
	switch {
	case asJSON:
		return printJSON(stdout, o.json())
	case asCSV && o.csv != nil:
		return o.csv()
	}
	return o.text()
}
