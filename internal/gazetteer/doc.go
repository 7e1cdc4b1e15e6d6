// Package gazetteer is kg's compiled list of named entities that news talks
// about: countries (with their Arabic and English adjectives/demonyms),
// capitals and major cities, regions and historical states, international
// organisations and armed groups, and heads of state/government and other
// leaders, each with a stable key ("wd:Q7747" when the Wikidata QID is known),
// a canonical English name and its Arabic and English surface forms.
//
// Beside these it holds the names of the name lists: GeoNames
// towns, ArWikiCats persons and clubs, WikiKGE-10 items with their QIDs, and
// some 50,000 full names of Wikidata persons with their Latin spellings. The
// person names carry no QID and are ambiguous: FindAll never matches them;
// Lookup gives them to the linker for the names the NER finds, so that those
// get an attested English name. An alias is ambiguous for an entry, not for
// all: FindAll takes the best entry for which it is not.
//
// The gazetteer is built from the public data sets in the project's shared
// data folder by package gazbuild (command: kg build gazetteer), written
// with WriteCompiled as a sorted, gzipped TSV file, and committed in the
// data-only package internal/gazetteer/data. Default loads that embedded file once.
// See NOTICE.md for the sources and their licences and FIXES.md for the
// corrections applied to them.
//
// Every lookup goes through arabic.MatchForm, the one matching form used by
// the whole project: Lookup and Demonym take a MatchForm string; FindAll
// matches token n-grams of a tokenised text, trying clitic-stripped stems
// (arabic.Stems, and one or two clitics before a prominent name the
// analysis keeps whole: لمصر، بلندن) on the first token of an n-gram and
// pronoun-suffix stripping on the last. A one-word match keeps no pronoun
// suffix (مساكنهم is not the town Msaken) and takes off the article only for
// countries (المطروح is not Matruh). Match.Skip tells how many code points of
// clitics precede the name.
//
// Transliterate renders names the gazetteer lacks (package translit: the
// English-news spelling learnt from name pairs); gazbuild uses it for the
// names of the persons it knows only in Arabic (petrarch-ar).
package gazetteer
