package eval

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// object is a decoded JSON object whose field names are matched exactly
// (as Python's dict does; encoding/json would ignore case).
type object map[string]json.RawMessage

func decodeObject(raw json.RawMessage, what string) (object, error) {
	var o object
	if isNull(raw) || json.Unmarshal(raw, &o) != nil || o == nil {
		return nil, fmt.Errorf("%s is not a JSON object", what)
	}
	return o, nil
}

func isNull(raw json.RawMessage) bool {
	return len(raw) == 0 || string(bytes.TrimSpace(raw)) == "null"
}

// str reads a string field; absent and null give "" and present=false.
func (o object) str(k string) (s string, present bool, err error) {
	raw, ok := o[k]
	if !ok || isNull(raw) {
		return "", false, nil
	}
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", false, fmt.Errorf("%q is not a string", k)
	}
	return s, true, nil
}

// strs reads a list of strings (null items read as ""); absent and null
// give nil.
func (o object) strs(k string) ([]string, error) {
	raw, ok := o[k]
	if !ok || isNull(raw) {
		return nil, nil
	}
	var ps []*string
	if err := json.Unmarshal(raw, &ps); err != nil {
		return nil, fmt.Errorf("%q is not a list of strings", k)
	}
	out := make([]string, len(ps))
	for i, p := range ps {
		if p != nil {
			out[i] = *p
		}
	}
	return out, nil
}

// list reads a list of raw values; absent and null give nil.
func (o object) list(k string) ([]json.RawMessage, error) {
	raw, ok := o[k]
	if !ok || isNull(raw) {
		return nil, nil
	}
	var l []json.RawMessage
	if err := json.Unmarshal(raw, &l); err != nil {
		return nil, fmt.Errorf("%q is not a list", k)
	}
	return l, nil
}

// truthy is Python's truth value of a JSON value: false for absent, null,
// false, 0, "", [] and {}.
func truthy(raw json.RawMessage) bool {
	if isNull(raw) {
		return false
	}
	var v any
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	if d.Decode(&v) != nil {
		return false
	}
	switch x := v.(type) {
	case bool:
		return x
	case string:
		return x != ""
	case json.Number:
		f, err := strconv.ParseFloat(string(x), 64)
		return err != nil || f != 0 // out of range: huge, so non-zero
	case []any:
		return len(x) > 0
	case map[string]any:
		return len(x) > 0
	}
	return false
}

var errComposite = errors.New("a list or object where a name or id was expected")

// pyStr is Python's str() of a JSON scalar as json.loads reads it: strings
// as they are, null "None", true "True", integers in decimal, other numbers
// as Python's float repr ("1.0", "1e+16", "inf"). Lists and objects are
// refused (errComposite).
func pyStr(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if isNull(raw) {
		return "None", nil
	}
	switch raw[0] {
	case '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", err
		}
		return s, nil
	case 't':
		return "True", nil
	case 'f':
		return "False", nil
	case '[', '{':
		return "", errComposite
	}
	num := string(raw)
	if !strings.ContainsAny(num, ".eE") { // a Python int
		if strings.TrimLeft(num, "-0") == "" {
			return "0", nil
		}
		return num, nil
	}
	f, err := strconv.ParseFloat(num, 64)
	if err != nil && !math.IsInf(f, 0) {
		return "", err
	}
	return pyFloatRepr(f), nil
}

// pyFloatRepr is Python's repr of a float: the shortest round-tripping
// digits, positional for exponents -4..15 (with ".0" when integral),
// scientific otherwise.
func pyFloatRepr(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	}
	e := strconv.FormatFloat(f, 'e', -1, 64)
	exp, _ := strconv.Atoi(e[strings.IndexByte(e, 'e')+1:])
	if exp < -4 || exp >= 16 {
		return e
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}
