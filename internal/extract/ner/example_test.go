package ner_test

import (
	"fmt"
	"strings"

	"github.com/kg-project/kg/internal/extract/arabic"
	"github.com/kg-project/kg/internal/extract/ner"
)

func Example() {
	tagger, err := ner.Default() // the embedded model, loaded once
	if err != nil {
		panic(err)
	}
	text := "وقال الرئيس الروسي فلاديمير بوتين إن روسيا لن تتراجع."
	var words []string
	for _, t := range arabic.Tokenize(text) {
		words = append(words, t.Text)
	}
	tags := tagger.Tag(words)
	fmt.Println(strings.Join(tags, " "))
	for _, sp := range ner.Spans(tags) {
		fmt.Println(sp.Type, strings.Join(words[sp.Start:sp.End], " "))
	}
	// Output:
	// O O O B-PERS I-PERS O B-LOC O O O
	// PERS فلاديمير بوتين
	// LOC روسيا
}
