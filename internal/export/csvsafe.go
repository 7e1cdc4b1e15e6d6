package export

import (
	"regexp"
	"strings"
)

// formulaStart holds the first characters that make a spreadsheet read a
// CSV cell as a formula (OWASP, CSV Injection): = + - @ tab and carriage
// return.
const formulaStart = "=+-@\t\r"

// plainNumber matches a cell that is only a number (-3, -0.5, -1.5e-07):
// a spreadsheet reads it as that number, not as a formula.
var plainNumber = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$`)

// CSVCell makes one CSV cell safe to open in a spreadsheet. A cell that
// starts with = + - @, a tab or a carriage return could run as a formula
// (=HYPERLINK(...), =cmd|...), so it gets a leading single quote, as
// OWASP's CSV-injection guidance recommends; spreadsheets show such a
// cell as text. Plain numbers (-3, -0.5) stay as they are. Every CSV kg
// writes (kg export --format csv, kg query --csv) goes through CSVCell,
// headers included.
func CSVCell(s string) string {
	if s != "" && strings.IndexByte(formulaStart, s[0]) >= 0 && !plainNumber.MatchString(s) {
		return "'" + s
	}
	return s
}

// csvSafe applies CSVCell to each cell of a row.
func csvSafe(row []string) []string {
	out := make([]string, len(row))
	for i, c := range row {
		out[i] = CSVCell(c)
	}
	return out
}

// csvTyped renders a property for a CSV cell of type t, made safe.
func csvTyped(v any, t PropType) string { return CSVCell(typedText(v, t)) }
