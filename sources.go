// Package kg embeds the source of everything that shapes kg's extraction
// output — the extraction packages' Go code (rules and word lists live
// there, the English word classes in internal/extract/english.txt, the
// relation step's triggers, titles and word classes in
// internal/lexicon/*.yaml), the romanisation data (internal/translit/data:
// the learnt name table and model, the news spellings, the organisation
// words), the relation vocabulary and go.mod (the versions of the
// libraries it uses) — so that the extractor version
// follows them: extract.Pipeline.Version hashes these files together with
// the embedded NER and relation models, word clusters, gazetteer and word statistics. No one has to remember to bump a
// version by hand for staging to re-extract after a change.
//
// TestSourcesCoverExtractor (internal/extract) fails when the extractor
// comes to depend on a file this list misses.
package kg

import "embed"

// ExtractorSources holds the files listed above. Test files are embedded
// too (a pattern cannot exclude them); the hash skips them.
//
//go:embed go.mod schema/relations.yaml schema/*.go
//go:embed internal/model/*.go internal/memo/*.go internal/vocab/*.go
//go:embed internal/gazetteer/*.go internal/gazetteer/data/*.go internal/gztsv/*.go
//go:embed internal/wordstats/*.go internal/wordstats/data/*.go
//go:embed internal/translit/*.go internal/translit/data/*
//go:embed internal/extract/*.go internal/extract/english.txt internal/text/arabic/*.go internal/text/arabic/closedclass.txt internal/text/segment/*.go internal/extract/link/*.go
//go:embed internal/extract/ner/*.go internal/extract/ner/internal/core/*.go internal/extract/ner/model/*.go internal/extract/rel/*.go
//go:embed internal/extract/rel/relmodel/*.go internal/lexicon/*.go internal/lexicon/*.yaml
//go:embed internal/extract/ner/clusters/*.go internal/extract/ner/clusters/data/*
var ExtractorSources embed.FS
