package ner

import (
	"bytes"
	"errors"
	"io"

	"github.com/kg-project/kg/internal/memo"

	"github.com/kg-project/kg/internal/extract/ner/internal/core"
	nermodel "github.com/kg-project/kg/internal/extract/ner/model"
)

// The tagger and its model are implemented in the internal package core,
// which the trainer (package nertrain) shares; these are its names for the
// rest of kg.
type (
	// Tagger tags token sequences with IOB2 entity tags. It is safe for
	// concurrent use.
	Tagger = core.Tagger
	// Model is a trained tagger: weights, transitions and the word lists
	// its features use.
	Model = core.Model
	// Header is the metadata of a model file.
	Header = core.Header
	// Span is an entity: tokens [Start, End) of a sentence, of a type of
	// Types.
	Span = core.Span
	// ScoredSpan is a span with the tagger's margin for it.
	ScoredSpan = core.ScoredSpan
	// Stream tags a long running text sentence by sentence with the
	// document context of the sentences around each.
	Stream = core.Stream
)

// Types are the entity types the tagger knows, in tag order.
var Types = core.Types

// Unlabelled is the tag of a token whose tag training data does not give.
const Unlabelled = core.Unlabelled

// Spans returns the entity spans of an IOB2 tag sequence.
func Spans(tags []string) []Span { return core.Spans(tags) }

// NewTagger returns a tagger for a model.
func NewTagger(m *Model) *Tagger { return core.NewTagger(m) }

// ReadModel reads a model file as written by Model.WriteTo.
func ReadModel(r io.Reader) (*Model, error) { return core.ReadModel(r) }

// Load reads a model file (as written by kg train ner) and returns its tagger.
func Load(r io.Reader) (*Tagger, error) {
	m, err := core.ReadModel(r)
	if err != nil {
		return nil, err
	}
	return core.NewTagger(m), nil
}

var defaultTagger = memo.NewLazy(func() (*Tagger, error) {
	if len(nermodel.Data) == 0 {
		return nil, errors.New("ner: no embedded model (run kg train ner)")
	}
	return Load(bytes.NewReader(nermodel.Data))
})

// Default returns the tagger of the model embedded in kg, loaded on first
// use.
func Default() (*Tagger, error) { return defaultTagger.Get() }

// DropDefault forgets the loaded tagger and its memo of words (a later
// Default loads it again).
func DropDefault() { defaultTagger.Drop() }
