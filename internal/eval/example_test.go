package eval_test

import (
	"fmt"

	"github.com/kg-project/kg/internal/eval"
)

// Score one prediction against its gold file and list what went wrong.
func Example() {
	gold, err := eval.ParseGold([]byte(`{
	  "document": "note.txt",
	  "entities": [
	    {"key": "berg", "name": "Anna Berg", "type": "Person", "aliases": ["Berg"]},
	    {"key": "freedonia", "name": "Freedonia", "type": "Location", "aliases": []},
	    {"key": "lind", "name": "Otto Lind", "type": "Person", "aliases": []}
	  ],
	  "relations": [
	    {"subject": "berg", "predicates": ["PRESIDENT_OF"], "object": "freedonia", "core": true},
	    {"subject": "lind", "predicates": ["MET_WITH"], "object": "berg"}
	  ]
	}`))
	if err != nil {
		panic(err)
	}
	pred, err := eval.ParsePrediction([]byte(`{"doc": {"id": "1", "source": "corpus/note.txt"},
	  "entities": [
	    {"id": "p1", "name": "Anna Berg", "type": "Person", "mentions": [{"text": "Berg"}]},
	    {"id": "l1", "name": "Freedonia", "type": "Location"},
	    {"id": "x1", "name": "Lind Street", "type": "Location"}
	  ],
	  "relations": [{"subject": "p1", "predicate": "president of", "object": "l1"}]}`))
	if err != nil {
		panic(err)
	}
	if !eval.MatchDoc(pred, gold.Document) {
		panic("not the prediction for note.txt")
	}
	a := eval.Evaluate("note", gold, pred)
	fmt.Printf("entities  P %.3f R %.3f F1 %.3f\n", a.Entities.Precision, a.Entities.Recall, a.Entities.F1)
	fmt.Printf("relations P %.3f R %.3f F1 %.3f\n", a.Relations.Precision, a.Relations.Recall, a.Relations.F1)
	for _, e := range a.EntityMisses {
		fmt.Println("missed entity:", e.Key, e.Kind)
	}
	for _, e := range a.EntityFalsePositives {
		fmt.Println("wrong entity:", e.Predicted[0].ID, e.Kind, "of", e.Key)
	}
	for _, e := range a.RelationMisses {
		fmt.Println("missed relation:", e.Gold.Label(), e.Kind)
	}
	r := eval.Aggregate([]*eval.Article{a})
	fmt.Println("micro relation F1:", r.Summary.MicroRelations.F1)
	// Output:
	// entities  P 0.667 R 0.667 F1 0.667
	// relations P 1.000 R 0.500 F1 0.667
	// missed entity: lind wrong_span
	// wrong entity: x1 wrong_span of lind
	// missed relation: lind MET_WITH berg entity_missing
	// micro relation F1: 0.667
}
