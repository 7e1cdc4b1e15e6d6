package corpus

import (
	"fmt"
	"strings"
)

// FieldNames names where each article field is found: the key of a JSON
// or JSON Lines record, or the header column of a CSV file. The same
// mapping applies to every format. An empty name means the default, the
// article field's own name (id, title, text, url, published, lang).
//
// A field left at its default name (empty, or set to that very name) is
// looked for under its Alternatives too, in order, when a record has no
// key of the default name (or its value is null), or a CSV header no such
// column. A field set to any other name is looked for under that name
// only: explicit configuration wins.
type FieldNames struct {
	ID, Title, Text, URL, Published, Lang string
}

// Alternatives are the common names under which published corpora carry
// an article field, tried in order for a field left at its default name:
// SaudiNewsNet's content and date_extracted, RSS's link and pubDate. The
// key used is the article field; other keys of a record, alternatives it
// did not need included, become article properties. Keep this list short:
// every name here is one a researcher's corpus may mean otherwise.
var Alternatives = map[string][]string{
	"text":      {"content", "body", "article"},
	"published": {"date", "date_published", "date_extracted", "pubDate"},
	"url":       {"link"},
	"title":     {"headline"},
}

// field is one article field and the names it is looked for under.
type field struct {
	name  string   // the article field: id, title, text, ...
	names []string // the names tried, in order
}

// fieldList resolves fn: for each article field, in the order id, title,
// text, url, published, lang, the names to try.
func fieldList(fn FieldNames) []field {
	set := []struct{ def, v string }{
		{"id", fn.ID}, {"title", fn.Title}, {"text", fn.Text},
		{"url", fn.URL}, {"published", fn.Published}, {"lang", fn.Lang},
	}
	out := make([]field, len(set))
	for i, s := range set {
		v := strings.TrimSpace(s.v)
		if v == "" || v == s.def {
			out[i] = field{s.def, append([]string{s.def}, Alternatives[s.def]...)}
		} else {
			out[i] = field{s.def, []string{v}}
		}
	}
	return out
}

// Field indexes into the result of fieldList.
const (
	fID = iota
	fTitle
	fText
	fURL
	fPublished
	fLang
)

// describe names a field's names for a message: "text" or "\"text\" (or
// content, body, article)".
func (f field) describe() string {
	s := fmt.Sprintf("%q", f.names[0])
	if len(f.names) > 1 {
		s += " (or " + strings.Join(f.names[1:], ", ") + ")"
	}
	return s
}
