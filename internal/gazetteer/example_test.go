package gazetteer_test

import (
	"fmt"

	"github.com/kg-project/kg/internal/gazetteer"
	"github.com/kg-project/kg/internal/text/arabic"
	"github.com/kg-project/kg/internal/text/segment"
)

func ExampleGazetteer_FindAll() {
	g, err := gazetteer.Default()
	if err != nil {
		panic(err)
	}
	text := "قال الرئيس الروسي فلاديمير بوتين إن قوات لمنظمة معاهدة الأمن الجماعي وصلت إلى كازاخستان."
	for _, m := range g.FindAll(segment.Tokenize(text)) {
		fmt.Println(m.Surface, m.Entry.Key, m.Entry.Name, m.IsDemonym)
	}
	// Output:
	// الروسي wd:Q159 Russia true
	// فلاديمير بوتين wd:Q7747 Vladimir Putin false
	// لمنظمة معاهدة الأمن الجماعي wd:Q318693 Collective Security Treaty Organization false
	// كازاخستان wd:Q232 Kazakhstan false
}

func ExampleGazetteer_Lookup() {
	g, _ := gazetteer.Default()
	for _, e := range g.Lookup(arabic.MatchForm("موسكو")) {
		fmt.Println(e.Key, e.Name, e.Role, e.Country)
	}
	fmt.Println(g.Demonym(arabic.MatchForm("الكازاخستانية")).Name)
	// Output:
	// wd:Q649 Moscow capital wd:Q159
	// Kazakhstan
}

func ExampleTransliterate() {
	fmt.Println(gazetteer.Transliterate("عادل الجبير"))
	// Output: Adel al-Jubeir
}

func ExampleKeyFor() {
	fmt.Println(gazetteer.KeyFor("Person", "قاسم جومارت توكاييف"))
	fmt.Println(gazetteer.KeyFor("Location", "Central Asia"))
	// Output:
	// person:قاسم_جومارت_توكاييف
	// location:central_asia
}
