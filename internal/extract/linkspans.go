package extract

import (
	"fmt"

	"github.com/kg-project/kg/internal/extract/link"
	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/text/arabic"
	"github.com/kg-project/kg/internal/text/segment"
)

// Span is a name another extractor (the LLM back end) found in a text:
// code point offsets into the text (End exclusive), the index of the
// sentence (arabic.Sentences) that holds it, and its entity type.
type Span struct {
	Start, End int
	Sentence   int
	Type       string
}

// LinkSpans links names that another extractor found the way the pipeline
// links its own, so that one real-world entity gets one ID whichever
// extractor found it: a span that the gazetteer matcher matches (its
// clitics aside) as an entry of the span's type takes that entry (key,
// canonical name, QID); a Latin-script span that is an alias of an entry of
// its type takes it too; the others go to link.Resolve as NER names do
// (gazetteer look-up of Arabic names, clitics trimmed, short forms joined
// to their full name, key gazetteer.KeyFor(type, name)).
//
// It returns the entities (sorted by ID, as link.Resolve gives them) and
// the entity ID of each span, "" for a span that is not a name kg keeps.
// Spans out of the text's range are an error.
func (p *Pipeline) LinkSpans(text string, spans []Span) ([]model.Entity, []string, error) {
	if err := p.load(); err != nil {
		return nil, nil, err
	}
	rs := []rune(text)
	for _, sp := range spans {
		if sp.Start < 0 || sp.End > len(rs) || sp.Start >= sp.End {
			return nil, nil, fmt.Errorf("span [%d, %d) out of the text (%d code points)", sp.Start, sp.End, len(rs))
		}
		if !model.ValidEntityType(sp.Type) {
			return nil, nil, fmt.Errorf("span [%d, %d): unknown entity type %q", sp.Start, sp.End, sp.Type)
		}
	}
	toks := segment.Tokenize(text)
	words := arabic.AnalyzeTokens(toks)
	gaz := link.FromMatches(toks, p.gaz.FindAllWords(toks, words))
	cands := make([]link.Candidate, len(spans))
	for i, sp := range spans {
		c := link.Candidate{Start: sp.Start, End: sp.End, Sentence: sp.Sentence, Type: sp.Type, Text: string(rs[sp.Start:sp.End])}
		for _, g := range gaz {
			// the same words: the match may start after clitics the span
			// keeps (لمنظمة), never before the span
			if g.End == sp.End && g.Start >= sp.Start && g.Start <= sp.Start+3 && g.Entry != nil && g.Entry.Type == sp.Type {
				c = g
				c.Sentence = sp.Sentence
				break
			}
		}
		if c.Entry == nil && !arabic.HasScript(c.Text) {
			for _, e := range p.gaz.Lookup(arabic.MatchForm(c.Text)) {
				if e.Type == sp.Type {
					c.Entry = e
					break
				}
			}
		}
		cands[i] = c
	}
	p.trimClitics(rs, cands)
	// a span of words in the accusative only is no name: its id is ""
	kept, at := make([]link.Candidate, 0, len(cands)), make([]int, 0, len(cands))
	for i, c := range cands {
		if c, ok := accusativeTrim(rs, c); ok {
			kept, at = append(kept, c), append(at, i)
		}
	}
	ents, keptIDs := link.ResolveHome(text, kept, p.home)
	if ents == nil {
		ents = []model.Entity{}
	}
	ids := make([]string, len(spans))
	for j, i := range at {
		ids[i] = keptIDs[j]
	}
	return ents, ids, nil
}
