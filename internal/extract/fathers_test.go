package extract

import "testing"

// TestFathersName: a person only the project's lists know, matched at the
// end of a longer name after a given name, is the father's name in the
// son's, not the father (رمضان أحمد قديروف is Ramzan Kadyrov, not Akhmad);
// the father named alone is still found.
func TestFathersName(t *testing.T) {
	p := NewPipeline()
	for _, c := range []struct {
		text, mention string
		notName       string // the name the mention must not have ("": none)
		want          string // the name it must have ("": any other)
	}{
		{text: "وقال الرئيس الشيشاني رمضان أحمد قديروف إن القوات وصلت أمس.", mention: "أحمد قديروف", notName: "Akhmad Kadyrov"},
		{text: "واغتيل الرئيس الشيشاني أحمد قديروف في عام 2004.", mention: "أحمد قديروف", want: "Akhmad Kadyrov"},
	} {
		ents := mentionEntities(t, p, c.text, c.mention)
		if c.want != "" && len(ents) == 0 {
			t.Errorf("%s: no mention %q", c.text, c.mention)
		}
		for _, e := range ents {
			if c.notName != "" && e.Name == c.notName || c.want != "" && e.Name != c.want {
				t.Errorf("%s: %q is %s (%s)", c.text, c.mention, e.ID, e.Name)
			}
		}
	}
}
