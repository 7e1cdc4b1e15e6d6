// Package arabic is kg's analysis of Arabic words: normalisation, the
// matching form used for every name lookup, clitic analysis, closed word
// classes and script tests. Sentences and tokens with offsets, of Arabic and
// Latin text alike, come from package segment. AnalyzeWord gives a token's MatchForm, candidate stems and clitic
// analysis from one segmentation; the extraction pipeline computes it once
// per token and shares it between its stages.
package arabic
