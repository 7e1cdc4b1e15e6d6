// Package data holds the data files of package translit: names.tsv.gz, the
// name-unit table and the graphone model learnt by "kg build translit" from
// the public name pairs listed in NOTICE.md; latin.tsv.gz, the known Latin
// names that foreign names in Arabic letters are matched against, built by
// the same command from the sources listed there; spellings.txt, the news
// spellings of frequent name words; orgwords.tsv, the English of the
// common words of organisation and place names; glossary.tsv, the English
// of other common words found inside them; english.tsv, the English
// words of organisations' names as Arabic writes them (نيوز News);
// letternames.tsv, the Arabic spellings of the Latin letters' names; and
// englishwords/*.txt, English words that the names of companies, brands,
// media, clubs, places and institutions are made of (one a line, "#"
// comments). The last six are written by the project. It holds data only; use package translit to read them.
package data

import "embed"

// Names is the gzipped TSV file written by translit.WriteCompiled.
//
//go:embed names.tsv.gz
var Names []byte

// Latin is the gzipped TSV file of known Latin names written by
// translit.WriteLatin.
//
//go:embed latin.tsv.gz
var Latin []byte

// Spellings is the table of news spellings (see the file's header).
//
//go:embed spellings.txt
var Spellings string

// OrgWords is the table of organisation words (see the file's header).
//
//go:embed orgwords.tsv
var OrgWords string

// English is the table of the English words of organisations' names as
// Arabic writes them (see the file's header).
//
//go:embed english.tsv
var English string

// Glossary is the table of common words that names of organisations and
// places hold beside the words of orgwords.tsv (see the file's header).
//
//go:embed glossary.tsv
var Glossary string

// LetterNames is the table of the Arabic spellings of the Latin letters'
// names (see the file's header).
//
//go:embed letternames.tsv
var LetterNames string

// EnglishWords holds the lists of English words of names
// (englishwords/*.txt; see their headers).
//
//go:embed englishwords/*.txt
var EnglishWords embed.FS
