package extract

import "testing"

// TestBareSurname: a famous person's surname alone (بوش, an ambiguous
// alias of George W. Bush) is, in an article that names another bearer in
// full before it (جيب بوش), that bearer's; in an article that names no
// other, the famous person's; a form that says which (بوش الأب) is that
// one's.
func TestBareSurname(t *testing.T) {
	p := NewPipeline()
	for _, c := range []struct {
		text, mention, want string
	}{
		{"أعلن جيب بوش ترشحه للرئاسة الأمريكية. وقال بوش إن الاقتصاد يحتاج إلى إصلاح.", "بوش", "Jeb Bush"},
		{"وقال الرئيس الأمريكي السابق بوش إن الحرب على العراق كانت ضرورية.", "بوش", "George W. Bush"},
		{"ونقل بوش الأب إلى المستشفى بعد سقوطه في منزله.", "بوش الأب", "George H. W. Bush"},
	} {
		ents := mentionEntities(t, p, c.text, c.mention)
		if len(ents) == 0 {
			t.Errorf("%s: no mention %q", c.text, c.mention)
		}
		for _, e := range ents {
			if e.Name != c.want {
				t.Errorf("%s: %q is %s (%s), want %s", c.text, c.mention, e.ID, e.Name, c.want)
			}
		}
	}
}
