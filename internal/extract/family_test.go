package extract

import (
	"testing"

	"github.com/kg-project/kg/internal/model"
)

// TestFamilyNames: a name after آل "the family of" that follows a family
// noun or من / بين is the family's, no person; after a given name or a
// verb it is a person's.
func TestFamilyNames(t *testing.T) {
	p := NewPipeline()
	for _, c := range []struct {
		text              string
		person, notPerson []string
	}{
		{text: "وجمع المرشح تبرعات من آل بوش ومن أنصارهم في تكساس.", notPerson: []string{"بوش"}},
		{text: "وتحكم أسرة آل غريمالدي إمارة موناكو منذ قرون.", notPerson: []string{"غريمالدي"}},
		{text: "وقال إبراهيم آل مسفر الألمعي إن المهرجان ناجح.", person: []string{"مسفر الألمعي"}},
		// a family's name right after a family noun in the construct
		{text: "وكتب الصحفي كتابا عن عائلة بن لادن وثروتها.", notPerson: []string{"بن لادن"}},
		{text: "وقال إن الناخبين ملوا من عائلة بوش وعائلة كلينتون.", notPerson: []string{"بوش"}},
		{text: "وزار الأمير أسرة محمد العتيبي في منزلها بالرياض.", person: []string{"محمد العتيبي"}},
	} {
		checkMentions(t, p, model.Person, c.text, c.person, nil)
		x := checkMentions(t, p, model.Person, c.text, nil, nil)
		checkNoPerson(t, x, c.text, c.notPerson)
	}
}

// TestIdiomsAndCurrencyNames: a place's name that begins a common phrase
// (مسقط رأسه "his birthplace", الرباط الصليبي "the cruciate ligament") or
// names a currency after its word in the construct (دولار نيوزيلندا) is no
// mention of the place; the place named otherwise stays.
func TestIdiomsAndCurrencyNames(t *testing.T) {
	p := NewPipeline()
	for _, c := range []struct {
		text, mention string
		want          int // mentions of the place
	}{
		{"وعاد اللاعب إلى مسقط رأسه في القصيم.", "مسقط", 0},
		{"وغاب المهاجم بعد إصابته بقطع في الرباط الصليبي.", "الرباط", 0},
		{"وزار الوزير مسقط عاصمة سلطنة عمان.", "مسقط", 1},
		{"وكانت حركة دولار نيوزيلندا هي الأبرز أمس.", "نيوزيلندا", 0},
		{"وقال سفير نيوزيلندا إن بلاده تؤيد القرار.", "نيوزيلندا", 1},
	} {
		if got := len(mentionEntities(t, p, c.text, c.mention)); got != c.want {
			t.Errorf("%s: %d entities of %q, want %d", c.text, got, c.mention, c.want)
		}
	}
}
