package extract

import (
	"context"
	"slices"
	"testing"

	"github.com/kg-project/kg/internal/model"
)

// TestOfficeRefs: an office standing alone refers back to the one person
// the article introduced with it (officeRefs), a body's head noun to the
// one body named with it, the gazetteer's or not (backRefs).
func TestOfficeRefs(t *testing.T) {
	p := NewPipeline()
	for _, c := range []struct {
		text, ref string
		holder    string // an alias of the entity ref names; "": none
	}{
		// before the name, and a gazetteer person
		{text: "وصل وزير الخارجية الأميركي جون كيري إلى القاهرة أمس. وقال الوزير إن بلاده تدعم مصر.", ref: "الوزير", holder: "جون كيري"},
		// the whole office, its country too
		{text: "أكد الرئيس التركي رجب طيب أردوغان أن بلاده لن تتراجع. واتهم الرئيس التركي الاتحاد الأوروبي بالتخلي عن اللاجئين.", ref: "الرئيس التركي", holder: "رجب طيب أردوغان"},
		// after the name, a person the gazetteer lacks
		{text: "أعلن الدكتور سامر الحلبي وزير الزراعة السوري إطلاق خطة جديدة. وقال وزير الزراعة إن الخطة تشمل كل المحافظات.", ref: "وزير الزراعة", holder: "سامر الحلبي"},
		// two ministers: unresolved
		{text: "التقى وزير الخارجية السعودي عادل الجبير وزير الخارجية الفرنسي لوران فابيوس. وقال الوزير إن المحادثات كانت مثمرة.", ref: "الوزير"},
		// another country's president
		{text: "وصل الرئيس التركي رجب طيب أردوغان إلى موسكو. وقال الرئيس الروسي إن الزيارة مهمة.", ref: "الرئيس الروسي"},
		// الرئيس is not the prime minister
		{text: "وصل رئيس الوزراء العراقي حيدر العبادي إلى طهران. وقال الرئيس إن العلاقات قوية.", ref: "الرئيس"},
		// after the name, no comma, where no verb can take the office as its
		// object (بحضور)
		{text: "أقيم الحفل بحضور الدكتور سامر الحلبي وزير الزراعة السوري أمس. وقال وزير الزراعة إن الخطة تشمل كل المحافظات.", ref: "وزير الزراعة", holder: "سامر الحلبي"},
		// an office after a name the verb takes as its object is another's
		{text: "التقى الرئيس فلاديمير بوتين رئيس وزراء اليابان في موسكو. وقال رئيس الوزراء الياباني إن المحادثات كانت مثمرة.", ref: "رئيس الوزراء الياباني"},
		// a deputy's office is another person's
		{text: "استقبل الرئيس اليمني عبدربه منصور هادي الوفد. وحضر نائب الرئيس اللقاء.", ref: "الرئيس"},
		// the title of a name further on
		{text: "وصل السفير المصري أحمد فوزي إلى الرياض. وحضر الحفل السفير المصري في باريس إيهاب بدوي.", ref: "السفير المصري"},
		// the title of a name after a body with ل the analyser leaves on
		// (لحزب: a stem of three letters)
		{text: "وقال الأمين العام لمجلس التعاون عبداللطيف الزياني إن القمة ناجحة. وقال الأمين العام لحزب الله حسن نصر الله إن الحرب طويلة.", ref: "الأمين العام"},
		// a body's head noun that is also a club's name (الاتحاد): the body
		// named before, when the article does not name the club
		{text: "وقال الاتحاد السعودي لكرة القدم إن المباراة ستقام. وأكد الاتحاد أن الجماهير ستحضر.", ref: "الاتحاد", holder: "الاتحاد السعودي لكرة القدم"},
		// a body the gazetteer lacks, by its head noun
		{text: "وقالت وزارة الدفاع الروسية إن طائراتها قصفت مواقع التنظيم. وأضافت الوزارة أن الغارات دمرت المقرات.", ref: "الوزارة", holder: "وزارة الدفاع الروسية"},
	} {
		es := mentionEntities(t, p, c.text, c.ref)
		switch {
		case c.holder == "" && len(es) > 0:
			t.Errorf("%s: %q is a mention of %s", c.text, c.ref, es[0].Name)
		case c.holder != "" && len(es) != 1:
			t.Errorf("%s: %q is a mention of %d entities, want 1 (%s)", c.text, c.ref, len(es), c.holder)
		case c.holder != "" && !slices.Contains(es[0].Aliases, c.holder):
			t.Errorf("%s: %q names %s %v, want %s", c.text, c.ref, es[0].Name, es[0].Aliases, c.holder)
		case c.holder != "" && slices.Contains(es[0].Aliases, c.ref):
			t.Errorf("%s: %q is an alias of %s", c.text, c.ref, es[0].Name)
		}
	}
}

// TestEnOfficeRefs: the same in English (enOfficeRefs), and he and she
// opening a sentence, or after a short opening phrase with no name and no
// quotation (enPronounRefs).
func TestEnOfficeRefs(t *testing.T) {
	p := NewPipeline()
	for _, c := range []struct {
		text, ref string
		holder    string // an alias of the entity ref names; "": none
	}{
		{text: "Prime Minister David Cameron arrived in Brussels on Monday. The prime minister told EU leaders that Britain wanted reform.", ref: "prime minister", holder: "David Cameron"},
		{text: "Syrian President Bashar al-Assad said his army would retake Aleppo. The Syrian president also accused Turkey of arming rebels.", ref: "Syrian president", holder: "Bashar al-Assad"},
		{text: "US Secretary of State John Kerry met Iranian officials in Vienna. The secretary of state later praised Iran.", ref: "secretary of state", holder: "John Kerry"},
		// another country's president
		{text: "Syrian President Bashar al-Assad said his army would retake Aleppo. The Russian president also spoke.", ref: "Russian president"},
		// two presidents
		{text: "President Barack Obama met President Francois Hollande in Paris. The president said the talks went well.", ref: "president"},
		// a bare office fits only the same bare office
		{text: "Prime Minister David Cameron arrived in Brussels. The minister met EU leaders.", ref: "minister"},
		// an office in apposition after the name is its own, no reference
		{text: "Condoleezza Rice, the US secretary of state, said the talks failed.", ref: "US secretary of state"},
		{text: "Prime Minister David Cameron arrived in Brussels. After the meeting, the prime minister said reform was near.", ref: "prime minister", holder: "David Cameron"},
		// after a clause and a comma the office opens the sentence's main clause
		{text: "Prime Minister David Cameron arrived in Brussels. After meeting Angela Merkel, the prime minister said reform was near.", ref: "prime minister", holder: "David Cameron"},
		// he and she: the one person named before
		{text: "Liberal Democrat leader Charles Kennedy spoke in London on Monday. He criticised the war in Iraq.", ref: "He", holder: "Charles Kennedy"},
		{text: "Jack Straw met John Kerry in Beijing. He said the talks went well.", ref: "He"},
		{text: "Mr Howard spoke in London. She said the plan would fail.", ref: "She"},
		// after a short opening phrase without a name
		{text: "Liberal Democrat leader Charles Kennedy spoke in London on Monday. Later he criticised the war in Iraq.", ref: "he", holder: "Charles Kennedy"},
		{text: "Liberal Democrat leader Charles Kennedy spoke in London on Monday. When the debate ended, he criticised the war.", ref: "he", holder: "Charles Kennedy"},
		{text: "Liberal Democrat leader Charles Kennedy spoke in London on Monday. In Iraq, he said, the war had failed.", ref: "he"},
		{text: "Liberal Democrat leader Charles Kennedy spoke in London on Monday. \"The war has failed,\" he said.", ref: "he"},
		{text: "Liberal Democrat leader Charles Kennedy spoke in London on Monday. Whatever the government said about the war in the months before the vote, he opposed it.", ref: "he"},
		{text: "Liberal Democrat leader Charles Kennedy spoke in London on Monday. Police said he was safe.", ref: "he"},
		{text: "Liberal Democrat leader Charles Kennedy spoke in London on Monday. Once talks were announced, he resigned.", ref: "he", holder: "Charles Kennedy"},
		// an apposition with "of" after the office is one still
		{text: "Ban Ki-moon, the secretary general of the United Nations, arrived in Paris. The secretary general met the president.", ref: "secretary general", holder: "Ban Ki-moon"},
		{text: "Liberal Democrat leader Charles Kennedy spoke in London on Monday. By Monday's end he had resigned.", ref: "he", holder: "Charles Kennedy"},
	} {
		x, err := p.Extract(context.Background(), &model.Article{ID: "t", Lang: "en", Text: c.text})
		if err != nil {
			t.Fatal(err)
		}
		var es []model.Entity
		for _, e := range x.Entities {
			for _, m := range e.Mentions {
				if m.Text == c.ref {
					es = append(es, e)
				}
			}
		}
		switch {
		case c.holder == "" && len(es) > 0:
			t.Errorf("%s: %q is a mention of %s", c.text, c.ref, es[0].Name)
		case c.holder != "" && (len(es) != 1 || !slices.Contains(es[0].Aliases, c.holder)):
			t.Errorf("%s: %q names %v, want %s", c.text, c.ref, es, c.holder)
		}
	}
}
