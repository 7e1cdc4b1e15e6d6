// Package gazbuild builds kg's gazetteer (package gazetteer) from the
// public data sets of the project's shared data folder: country codes and
// names, world cities, international organisations, leaders, the
// UniversalPetrarch actors, the name lists (GeoNames towns, ArWikiCats,
// WikiKGE-10, Wikidata person names) and the hand-curated tables of
// curated.go. Build reads them and WriteFile writes the compiled, sorted,
// gzipped TSV file that internal/gazetteer/data embeds (command: kg build
// gazetteer; TestEmbeddedIsFreshBuild checks that the committed file is a
// fresh build). It is imported by kg's build command only: the runtime
// package gazetteer loads and looks up, and knows nothing of the sources'
// formats.
package gazbuild
