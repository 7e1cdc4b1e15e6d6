package extract

import (
	"github.com/kg-project/kg/internal/extract/ner"
	"github.com/kg-project/kg/internal/extract/ner/clusters"
	"github.com/kg-project/kg/internal/extract/rel"
	"github.com/kg-project/kg/internal/gazetteer"
	"github.com/kg-project/kg/internal/translit"
	"github.com/kg-project/kg/internal/wordstats"
)

// DropModels forgets the models extraction loads on first use (the
// gazetteer, the NER tagger with its memo of words and the word clusters,
// the word statistics, the romanisation table and model, the relation
// model, together about 200 MB): a later extraction loads them again.
// kg load calls it once staging is done, so that writing to Neo4j and the
// corpus-wide entity resolution do not carry them. A Pipeline that has
// extracted holds its own references: let it go as well for the memory to
// be freed.
func DropModels() {
	gazetteer.DropDefault()
	ner.DropDefault()
	clusters.DropDefault()
	wordstats.DropDefault()
	translit.DropDefault()
	rel.DropDefaultModel()
}
