package queries_test

import (
	"fmt"

	"github.com/kg-project/kg/queries"
)

func Example() {
	set, err := queries.Load(nil) // the embedded queries/*.cypher
	if err != nil {
		panic(err)
	}
	q, err := set.Get("ego_network")
	if err != nil {
		panic(err)
	}
	for _, p := range q.Params {
		fmt.Printf("%s %s default %s\n", p.Name, p.TypeName(), p.DefaultText())
	}
	// Values from the command line are checked and typed; the others
	// take their defaults.
	params, err := q.Bind(map[string]string{"name": "بوتين", "depth": "2"})
	if err != nil {
		panic(err)
	}
	fmt.Printf("%q %T %v\n", params["name"], params["depth"], params["limit"])

	_, err = q.Bind(map[string]string{"hops": "2"})
	fmt.Println(err)
	// Output:
	// name entity default "Vladimir Putin"
	// depth int default 1
	// limit int default 200
	// "بوتين" int64 200
	// query ego_network has no parameter "hops"; valid: name, depth, limit
}
