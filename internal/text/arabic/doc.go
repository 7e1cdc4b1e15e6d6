// Package arabic is kg's text handling for Arabic (and the Latin text found
// inside Arabic news): normalisation, the matching form used for every name
// lookup, sentence splitting, tokenisation with code-point offsets and clitic
// analysis. AnalyzeWord gives a token's MatchForm, candidate stems and clitic
// analysis from one segmentation; the extraction pipeline computes it once
// per token and shares it between its stages.
package arabic
