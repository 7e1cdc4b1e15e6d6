// Package arabic is kg's text handling for Arabic (and the Latin text found
// inside Arabic news): normalisation, the matching form used for every name
// lookup, sentence splitting, tokenisation with code-point offsets and clitic
// analysis.
package arabic
