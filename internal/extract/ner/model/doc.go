// Package model holds the Arabic NER model file that kg ships, embedded in
// the binary. It contains data only; internal/extract/ner reads it.
//
// ner.model.gz is built from public data by
//
//	go run ./cmd/kg train ner --data ../shared/data --out internal/extract/ner/model/ner.model.gz
//
// (training is reproducible: the same data gives a byte-identical file). It
// is derived from ANERcorp (CC BY-SA 4.0, CAMeL Lab re-release) and from
// gazetteer lists (country-codes ODC-PDDL, mledoze countries ODbL,
// world-cities-ar CC BY 4.0, supraverden CC BY-SA 4.0, UniversalPetrarch
// MIT) and from Arabic Wikipedia article titles (CC BY-SA 4.0); its features
// read the word clusters of package clusters, and it records which table it
// was trained with. See the project's NOTICE.
package model
