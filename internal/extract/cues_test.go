package extract

import (
	"testing"

	"github.com/kg-project/kg/internal/model"
)

// TestCues: the noun before a name types or drops it; closed-class words and
// a lesser gazetteer place that is an ordinary word are no entities.
func TestCues(t *testing.T) {
	p := loaded(t)
	for _, c := range []struct {
		text, mention string
		typ           string // "" when no entity may hold the mention
	}{
		{"وحلقت مروحيات أباتشي فوق المدينة.", "أباتشي", ""},
		// a title after بعنوان or a prize's name is no entity
		{"وأطلق المطرب أغنية جديدة بعنوان «مشكلتك» من كلمات الشاعر.", "مشكلتك", ""},
		{"ورشح الهدف لجائزة «بوشكاش» لأفضل هدف في العالم.", "بوشكاش", ""},
		{"واشترى سيارة تاهو جديدة.", "تاهو", ""},
		// a place's loanword after its name (lexicon ar_place_after_name)
		{"وافتتح المحافظ فرعا جديدا في دارين مول بالدمام.", "دارين مول", model.Location},
		{"وزار متحف مدام توسو في لندن.", "مدام توسو", model.Location},
		{"وقالت شبكة روزنبرغ إن الأسعار ارتفعت.", "شبكة روزنبرغ", model.Organization}, // an invented outlet
		{"وقال لاعب نادي برشلونة الإسباني إن الفريق سيفوز.", "نادي برشلونة", model.Organization},
		{"وقال إن هذان الرجلان كاذبان.", "هذان", ""},
		{"وغسل يديه في الحمامات العامة.", "الحمامات", ""},
		{"وقال المتحدث باسم المنظمة كريستيان ليندماير إن المنظمة وزعت المساعدات.", "كريستيان ليندماير", model.Person},
		// an organisation's noun that begins the tagger's span makes one
		// name with the person's after it: the militia's
		{"وهاجمت ميليشيا أبو الفضل العباس مواقع المعارضة في ريف حلب.", "ميليشيا أبو الفضل العباس", model.Organization},
		{"وقصفت ميليشيا المالكي الأحياء السكنية في بغداد.", "ميليشيا المالكي", model.Organization},
		// the gazetteer's names of the Houthis
		{"وقصفت ميليشيات الحوثي الأحياء السكنية في عدن.", "ميليشيات الحوثي", model.Organization},
		{"وحاصرت الميليشيات الحوثية مدينة تعز.", "الميليشيات الحوثية", model.Organization},
	} {
		got := ""
		for _, e := range mentionEntities(t, p, c.text, c.mention) {
			got = e.Type
		}
		if got != c.typ {
			t.Errorf("%s: %q is %q, want %q", c.text, c.mention, got, c.typ)
		}
	}
}
