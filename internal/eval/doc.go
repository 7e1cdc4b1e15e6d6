// Package eval scores extractions against hand-annotated gold files and
// explains every error. It is what `kg eval` runs.
//
// The scoring is a faithful port of the project's Python scorers,
// ../shared/tools/score_extraction.py (one article) and score_dev.py (a
// folder): for the same gold files and predictions it gives the same
// numbers, which a test checks (TestEvalParityWithPython). The package is
// pure: it reads nothing but what it is given (ParseGold, ParsePrediction
// or FromExtraction) and writes only to the io.Writer of WriteText.
//
// # Matching (the contract of score_extraction.py)
//
// Names are compared in their Norm form (NFKC, Arabic diacritics and
// tatweel removed, أ إ آ ٱ -> ا, ى -> ي, ة -> ه, full lower case, runs of
// white space and - _ ' ’ ` " . , ( ) -> one space, trimmed). Each name and
// alias of the gold entities, then of the optional entities, maps to its
// entity's key; when two entities share a form, the first keeps it.
//
// A predicted entity resolves (key_of) to the gold entity whose Wikidata id
// it has, else to the entity of the first of its name, aliases and mention
// texts (in that order) that is a gold form, else to none. The scorer then
// keeps a table from the str() of each predicted id, and of each predicted
// name, to the entity's resolution, later entries overwriting earlier
// ones; an entity counts through that table, by its id. So an id that
// equals another entity's name takes that entity's resolution (the
// id_clash kind below).
//
// Entities: precision = predicted entities whose id resolves to a gold or
// optional entity / predicted entities (0 when none); recall = distinct
// required gold keys some predicted entity resolves to / distinct required
// keys (1 when there are none). F1 = 2PR/(P+R), 0 when P+R = 0.
//
// Relations: each predicted relation becomes a triple (subject key,
// NormPredicate of the predicate, object key), an argument resolving as an
// inline entity object by key_of, else as an id or name in the table
// above, else as a gold form; duplicate triples count once. A gold
// relation accepts a triple when the predicate is one of its predicates
// (both NormPredicate: case, spaces, - and _ ignored) and the subject is
// one of its subject keys and the object one of its object keys; for
// MET_WITH, NEGOTIATED_WITH, FOUGHT and SIGNED_AGREEMENT_WITH also the
// other way round. Precision = triples accepted by a required or optional
// relation / triples (0 when none); recall = required relations accepting
// some triple / required relations (1 when none). Core relations not found
// are listed.
//
// A prediction belongs to a gold file (MatchDoc) when one of doc.source,
// doc.id, doc.path, doc.name ends with the gold's document name, or the
// name ends with it, or, both without their last extension, the first ends
// with the second; the first such record of the input counts.
//
// P, R and F1 are rounded to three decimals as Python's round(x, 3) does.
//
// # Aggregation (score_dev.py)
//
// Macro: the mean over all articles of the per-article rounded F1 (and P
// and R), an article without a prediction counting 0; rounded. Micro: P, R
// and F1 of the pooled counts, an article without a prediction adding its
// required relations (and entities) to the totals; recall is 0 when there
// is nothing to find. score_dev.py recovers each article's counts from its
// rounded precision and recall; this package keeps the exact counts, which
// is the same below a thousand predicted or required relations in one
// article. Per entity type and per predicate, P/R/F1 come from pooled
// counts of the scored articles: per type strictly (a gold entity counts as
// found in its type's row only when a predicted entity of that type
// resolves to it; a predicted entity is right in its type's row only when
// it resolves to a gold entity of that type), per predicate by the best
// (first) predicate of each required relation for recall and by the
// predicted predicate for precision.
//
// # Kinds of errors
//
// Every miss and every false positive of the scores above gets exactly one
// kind, decided in the order listed. "Forms" of a gold entity are its name
// and aliases; "spans" of a predicted entity are its mention texts (its
// name and aliases when it has no mentions).
//
// Two forms overlap when their Norm forms differ and their word sequences,
// compared word by word (a word with an Arabic proclitic و ف ب ل ك, or لل
// for ال, equals the bare word), would overlap as spans of text: one
// contains the other, or an end of one is the start of the other; the
// shared words must include one that is not a function word (the, of, al,
// في, من, بن, عبد...). A gold name's final parenthesised disambiguation
// ("Conservative Party (UK)") is left out.
//
// Entity misses, for a required gold entity no predicted entity resolves
// to:
//   - not_linked: one of its forms equals (Norm) a name, alias or mention
//     text of a predicted entity, which resolved elsewhere: merged into
//     another entity, linked to another by its Wikidata id or a form shared
//     in gold, or lost in an id clash;
//   - wrong_span: a span of a predicted entity overlaps one of its forms,
//     the span not being itself a form of some gold entity;
//   - not_detected: neither.
//
// Entity false positives, for a predicted entity whose id resolves to none:
//   - id_clash: its own names resolve to a gold entity, but the id table
//     gave its id another entity's resolution;
//   - wrong_span: one of its spans overlaps a form of a gold or optional
//     entity (the one sharing the most words is named);
//   - junk: neither.
//
// Not counted by the entity score, listed apart:
//   - wrong_type: a predicted entity resolves to a gold entity of another
//     type (a miss and a false positive of the per-type table);
//   - split: two or more predicted entities resolve to one gold entity.
//
// Relation misses, for a required relation that accepts no triple:
//   - entity_missing: no predicted entity resolves to any subject key, or
//     to any object key (the missing side is named, with why its entity
//     was missed);
//   - wrong_direction: a triple links an object key to a subject key with
//     an accepted predicate;
//   - wrong_predicate: a triple links a subject and an object key, either
//     way round, with a predicate the relation does not accept;
//   - no_relation: both sides were found and no triple links them (with
//     the text, a sentence that mentions both is quoted when there is one).
//     When the prediction carries the relation model's scores of the
//     candidate pairs (Prediction.Diagnosed: kg eval of the built-in
//     pipeline), RelationError.Why says why: no_candidate (the two are in
//     no candidate pair), model_none (no pair of them has a probability of
//     0.5), other_predicate (one has, with a predicate the relation does
//     not accept or reversed), below_threshold (an accepted predicate
//     under its threshold), vetoed (an accepted predicate over its
//     threshold that the extraction left out all the same: a rule's veto),
//     and RelationError.Score is the pair that says so (the most confident
//     of its kind).
//
// Relation false positives, for a triple no gold relation accepts:
//   - unknown_entity: its subject or object resolves to no gold entity;
//   - wrong_direction: a gold (or optional) relation accepts it reversed;
//   - wrong_predicate: a gold relation links the same pair, either way
//     round, with other predicates;
//   - not_in_gold: the pair is not related in gold.
//
// Explanations quote the sentence concerned when the article text is known
// (Prediction.Text) and the mention offsets agree with it. Everything is
// deterministic: articles, entities and relations keep their input order.
//
// # Differences from the Python scripts
//
// Where the scripts crash or cannot report, this package refuses the input
// with an error naming the problem: a gold file without a document,
// entities or relations field, an entity without key or name, a relation
// without subject, object or predicates (or with an empty predicate list,
// which check_gold.py refuses), values of the wrong JSON type; a prediction
// whose names are not strings or whose ids are lists or objects. JSON
// object keys are matched exactly (as Python does). Unicode tables are Go's
// (x/text), the same as Python's for every character assigned by Unicode 14.
package eval
