package llm

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"unicode"

	"github.com/kg-project/kg/internal/model"
)

// invalidError is a reply that does not follow the schema (unparseable
// JSON, a missing or mistyped field): it is asked for once more, then the
// article falls back to the built-in extractor.
type invalidError struct{ msg string }

func (e *invalidError) Error() string { return "invalid reply: " + e.msg }

// replyName is a name as the reply gives it (schema: $defs/name).
type replyName struct {
	Text     *string `json:"text"`
	Type     *string `json:"type"`
	Sentence *int    `json:"sentence"`
}

type replyRelation struct {
	Subject    *replyName `json:"subject"`
	Predicate  *string    `json:"predicate"`
	Object     *replyName `json:"object"`
	Sentence   *int       `json:"sentence"`
	Modality   *string    `json:"modality"`
	Confidence *float64   `json:"confidence"`
}

type reply struct {
	Entities  *[]replyName     `json:"entities"`
	Relations *[]replyRelation `json:"relations"`
}

// parseReply decodes a reply's content and checks it against the schema's
// structure: an object with exactly the schema's fields, each present and
// of its JSON type. Values (an unknown relation type, a name the text does
// not hold, a sentence number out of range) are not its concern: ground
// drops what does not hold and counts it. A fenced code block (```json ...
// ```) is read as its content, as some models wrap their JSON so.
func parseReply(content string) (*reply, error) {
	s := strings.TrimSpace(content)
	if rest, ok := strings.CutPrefix(s, "```"); ok {
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			rest = rest[i+1:]
		}
		s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "```"))
	}
	dec := json.NewDecoder(bytes.NewReader([]byte(s)))
	dec.DisallowUnknownFields()
	var r reply
	if err := dec.Decode(&r); err != nil {
		return nil, &invalidError{"not JSON of the schema: " + err.Error()}
	}
	if dec.More() {
		return nil, &invalidError{"text after the JSON object"}
	}
	if r.Entities == nil || r.Relations == nil {
		return nil, &invalidError{`want an object with "entities" and "relations"`}
	}
	for i, e := range *r.Entities {
		if err := e.check(); err != nil {
			return nil, &invalidError{fmt.Sprintf("entities[%d]: %v", i, err)}
		}
	}
	for i, rel := range *r.Relations {
		switch {
		case rel.Subject == nil || rel.Object == nil || rel.Predicate == nil || rel.Sentence == nil || rel.Modality == nil || rel.Confidence == nil:
			return nil, &invalidError{fmt.Sprintf("relations[%d]: want subject, predicate, object, sentence, modality and confidence", i)}
		}
		if err := rel.Subject.check(); err != nil {
			return nil, &invalidError{fmt.Sprintf("relations[%d].subject: %v", i, err)}
		}
		if err := rel.Object.check(); err != nil {
			return nil, &invalidError{fmt.Sprintf("relations[%d].object: %v", i, err)}
		}
	}
	return &r, nil
}

func (n *replyName) check() error {
	if n.Text == nil || n.Type == nil || n.Sentence == nil {
		return fmt.Errorf("want text, type and sentence")
	}
	return nil
}

// Drop reasons: what ground removes from a valid reply, counted in Stats.
const (
	DropPredicate = "predicate_not_in_vocabulary"
	DropSpan      = "name_not_in_sentence"
	DropSentence  = "sentence_not_in_article"
	DropType      = "entity_type"
	DropModality  = "modality"
	DropSelf      = "same_subject_and_object"
	DropDuplicate = "duplicate"
)

// sentence is one sentence of the article: its text as code points and
// its start offset.
type sentence struct {
	runes []rune
	start int
}

// grounded is a name found in the text.
type grounded struct {
	span     [2]int // code point offsets into the article text
	sentence int    // 0-based
	typ      string
}

// findName returns the offsets in the article of name as written in
// sentence s (1-based number n). The name must be whole words: it may
// follow a one- to three-letter clitic prefix of its first word (و ف ب ل
// ك: ولمنظمة) but no other letters, and no letter may follow it. A space
// in the name matches any run of white space in the sentence (the prompt
// shows each sentence on one line, its white space collapsed). The first
// occurrence wins.
func findName(sents []sentence, n int, name string) (start, end int, ok bool) {
	if n < 1 || n > len(sents) {
		return 0, 0, false
	}
	s := sents[n-1].runes
	nm := []rune(strings.Join(strings.Fields(strings.Trim(strings.TrimSpace(name), `"'«»“”`)), " "))
	if len(nm) == 0 {
		return 0, 0, false
	}
	for i := range s {
		e := matchAt(s, i, nm)
		if e < 0 || e < len(s) && isWordRune(s[e]) {
			continue
		}
		w := i
		for w > 0 && isWordRune(s[w-1]) {
			w--
		}
		if w < i && !cliticPrefix(s[w:i]) {
			continue
		}
		return sents[n-1].start + i, sents[n-1].start + e, true
	}
	return 0, 0, false
}

// matchAt returns the end of nm written in s from i (a space of nm
// matching a run of white space), or -1.
func matchAt(s []rune, i int, nm []rune) int {
	j := i
	for _, r := range nm {
		if j >= len(s) {
			return -1
		}
		if r == ' ' {
			if !unicode.IsSpace(s[j]) {
				return -1
			}
			for j < len(s) && unicode.IsSpace(s[j]) {
				j++
			}
			continue
		}
		if s[j] != r {
			return -1
		}
		j++
	}
	return j
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || r == 'ـ'
}

func cliticPrefix(p []rune) bool {
	if len(p) > 3 {
		return false
	}
	for _, r := range p {
		if !strings.ContainsRune("وفبلك", r) {
			return false
		}
	}
	return true
}

// validModality reports whether m is one of model's modalities.
func validModality(m string) bool {
	switch m {
	case model.Asserted, model.Future, model.Negated, model.Reported:
		return true
	}
	return false
}

// clampConfidence keeps a confidence in [0, 1] (NaN: 0).
func clampConfidence(c float64) float64 {
	if math.IsNaN(c) || c < 0 {
		return 0
	}
	return min(c, 1)
}

// shift renumbers the sentences of a reply about the n sentences of the
// article from sentence lo (0-based): 1 becomes lo + 1. A number outside
// 1..n becomes 0, which names no sentence (grounding drops what gives it),
// rather than a sentence of another run.
func (r *reply) shift(lo, n int) {
	sh := func(p *int) {
		if *p < 1 || *p > n {
			*p = 0
			return
		}
		*p += lo
	}
	for i := range *r.Entities {
		sh((*r.Entities)[i].Sentence)
	}
	for i := range *r.Relations {
		rel := &(*r.Relations)[i]
		sh(rel.Subject.Sentence)
		sh(rel.Object.Sentence)
		sh(rel.Sentence)
	}
}
