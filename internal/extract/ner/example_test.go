package ner_test

import (
	"fmt"
	"strings"

	"github.com/kg-project/kg/internal/extract/ner"
	"github.com/kg-project/kg/internal/text/segment"
)

func Example() {
	tagger, err := ner.Default() // the embedded model, loaded once
	if err != nil {
		panic(err)
	}
	text := "وقال الرئيس الروسي فلاديمير بوتين إن روسيا لن تتراجع."
	var words []string
	for _, t := range segment.Tokenize(text) {
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

// A whole article is tagged with TagDocument: each sentence sees the
// sentences around it, so a name introduced with its title is recognised
// when it comes back alone.
func ExampleTagger_TagDocument() {
	tagger, err := ner.Default()
	if err != nil {
		panic(err)
	}
	text := "وقال المدرب حسام البدري إن الفريق جاهز. وأضاف البدري أن المباراة صعبة."
	_, sents := segment.SentenceWords(segment.Tokenize(text))
	for s, tags := range tagger.TagDocument(sents) {
		for _, sp := range ner.Spans(tags) {
			fmt.Println(s, sp.Type, strings.Join(sents[s][sp.Start:sp.End], " "))
		}
	}
	// Output:
	// 0 PERS حسام البدري
	// 1 PERS البدري
}
