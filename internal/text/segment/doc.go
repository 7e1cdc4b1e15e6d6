// Package segment cuts text into sentences and tokens with offsets, for
// Arabic and Latin script alike: Tokenize and Sentences give the code
// point offsets of every token and sentence in the original text, so that
// every mention kg reports points into the article as written. Arabic
// diacritics and invisible formatting characters (IsDiacritic,
// IsInvisible) never split a word; a Latin apostrophe inside a word does
// not either (O'Brien). Package arabic analyses the Arabic tokens
// (normalisation, matching form, clitics); it imports this one, never the
// reverse.
package segment
