package extract

import "testing"

// mentionName is a case of checkMentionNames: the entity of mention, in
// text, must be named want ("": any name, and the mention may be none) and
// must not be named notName ("": no such name).
type mentionName struct {
	text, mention string
	want, notName string
}

// checkMentionNames extracts each case's text and reports a mention
// missing, or of an entity with the wrong name.
func checkMentionNames(t *testing.T, cases []mentionName) {
	t.Helper()
	p := NewPipeline()
	for _, c := range cases {
		ents := mentionEntities(t, p, c.text, c.mention)
		if c.want != "" && len(ents) == 0 {
			t.Errorf("%s: no mention %q", c.text, c.mention)
		}
		for _, e := range ents {
			if c.notName != "" && e.Name == c.notName || c.want != "" && e.Name != c.want {
				t.Errorf("%s: %q is %s (%s), want %q, not %q", c.text, c.mention, e.ID, e.Name, c.want, c.notName)
			}
		}
	}
}

// TestFathersName: a person only the project's lists know, matched at the
// end of a longer name after a given name, is the father's name in the
// son's, not the father (رمضان أحمد قديروف is Ramzan Kadyrov, not Akhmad);
// the father named alone is still found.
func TestFathersName(t *testing.T) {
	checkMentionNames(t, []mentionName{
		{text: "وقال الرئيس الشيشاني رمضان أحمد قديروف إن القوات وصلت أمس.", mention: "أحمد قديروف", notName: "Akhmad Kadyrov"},
		{text: "واغتيل الرئيس الشيشاني أحمد قديروف في عام 2004.", mention: "أحمد قديروف", want: "Akhmad Kadyrov"},
	})
}

// TestBareSurname: a famous person's surname alone (بوش, an ambiguous
// alias of George W. Bush) is, in an article that names another bearer in
// full before it (جيب بوش), that bearer's; in an article that names no
// other, the famous person's; a form that says which (بوش الأب) is that
// one's.
func TestBareSurname(t *testing.T) {
	checkMentionNames(t, []mentionName{
		{text: "أعلن جيب بوش ترشحه للرئاسة الأمريكية. وقال بوش إن الاقتصاد يحتاج إلى إصلاح.", mention: "بوش", want: "Jeb Bush"},
		{text: "وقال الرئيس الأمريكي السابق بوش إن الحرب على العراق كانت ضرورية.", mention: "بوش", want: "George W. Bush"},
		{text: "ونقل بوش الأب إلى المستشفى بعد سقوطه في منزله.", mention: "بوش الأب", want: "George H. W. Bush"},
	})
}
