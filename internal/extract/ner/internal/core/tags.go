package core

import "strings"

// Span is one entity: token indices (End exclusive) and its type, one of
// PERS, ORG, LOC or MISC.
type Span struct {
	Start, End int
	Type       string
}

// Types are the entity types the tagger knows, in tag-index order.
var Types = []string{"PERS", "LOC", "ORG", "MISC"}

// tag indices: 0 = O, 1+2k = B-Types[k], 2+2k = I-Types[k].
const NumTags = 9

var tagNames = [NumTags]string{"O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"}

// typeAliases maps the type names of other corpora to ours.
var typeAliases = map[string]string{
	"PER": "PERS", "PERSON": "PERS", "PERS": "PERS",
	"LOC": "LOC", "LOCATION": "LOC", "GPE": "LOC",
	"ORG": "ORG", "ORGANIZATION": "ORG", "ORGANISATION": "ORG",
	"MISC": "MISC", "MISCELLANEOUS": "MISC",
}

// Unlabelled is the tag of a training token whose label is unknown:
// training learns nothing at it (the perceptron takes its own guess there
// as right) and it counts as no entity in the word lists and memory.
const Unlabelled = "?"

// tagIndex maps a tag in any common spelling (B-PER, I-LOC, O, 0) to its
// index; unknown tags map to O.
func TagIndex(tag string) int {
	tag = strings.ToUpper(strings.TrimSpace(tag))
	if len(tag) < 3 || tag[1] != '-' {
		return 0
	}
	typ, ok := typeAliases[tag[2:]]
	if !ok {
		return 0
	}
	for k, t := range Types {
		if t == typ {
			switch tag[0] {
			case 'B':
				return 1 + 2*k
			case 'I':
				return 2 + 2*k
			}
		}
	}
	return 0
}

// allowed reports whether tag b may follow tag a under IOB2 (a < 0 is the
// sentence start): I-X only after B-X or I-X.
func Allowed(a, b int) bool {
	if b == 0 || b%2 == 1 {
		return true
	}
	return a == b || a == b-1
}

// Spans returns the entities of an IOB2 (or IOB1) tag sequence. An I-X that
// does not continue an X entity starts a new one, as conlleval does.
func Spans(tags []string) []Span {
	var out []Span
	start, typ := -1, ""
	for i := 0; i <= len(tags); i++ {
		bio, t := byte('O'), ""
		if i < len(tags) {
			tg := strings.TrimSpace(tags[i])
			if len(tg) > 2 && tg[1] == '-' && (tg[0] == 'B' || tg[0] == 'I' || tg[0] == 'b' || tg[0] == 'i') {
				bio = tg[0] &^ 0x20
				t = strings.ToUpper(tg[2:])
				if a, ok := typeAliases[t]; ok {
					t = a
				}
			}
		}
		begins := bio == 'B' || (bio == 'I' && t != typ)
		if typ != "" && (bio == 'O' || begins) {
			out = append(out, Span{Start: start, End: i, Type: typ})
			typ = ""
		}
		if bio != 'O' && (begins || typ == "") {
			start, typ = i, t
		}
	}
	return out
}
