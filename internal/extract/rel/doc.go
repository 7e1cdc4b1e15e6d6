// Package rel finds typed relations between the entities of one article:
// structural facts from titles and appositions (الرئيس الروسي فلاديمير بوتين
// gives PRESIDENT_OF Russia), relative clauses (التي تقودها موسكو gives
// Moscow LEADS ...), and actions from trigger verbs and verbal nouns with
// argument rules for Arabic verb-subject-object and subject-verb-object
// order (ونشرت روسيا ... قوات في هذا البلد gives Russia DEPLOYED_TROOPS_IN
// Kazakhstan), plus the English equivalents.
//
// Every relation carries the evidence sentence, the trigger phrase, a
// modality (asserted, future, reported; a negated one is left out: a fact
// denied is no relation), a confidence, and the
// event date when the sentence dates the event relative to the article's
// published date.
//
// The words the rules look for (triggers, titles, word classes) are data
// in package lexicon (triggers.yaml, titles.yaml, words.yaml), validated
// when read; lexicon.go builds the tables from them.
//
// The rules favour precision: a wrong edge misleads a researcher, a missing
// one is only a gap. Predicates come only from the vocabulary in
// schema/relations.yaml.
package rel
