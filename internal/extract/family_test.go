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
