package extract

import (
	"context"
	"testing"

	"github.com/kg-project/kg/internal/model"
)

// A name written alone whose first letter looks like a clitic is the same
// word the article writes inside the full name: بلاتر (not ب + لاتر) where
// the article has جوزيف بلاتر, and وبلاتر loses only its و.
func TestCliticInsideName(t *testing.T) {
	text := "وأكد جوزيف بلاتر رئيس الفيفا أن الانتخابات ستجري في موعدها.\nوقال بلاتر إن الفيفا سيواصل عمله، وأشاد بلاتيني وبلاتر بالقرار."
	x, err := NewPipeline().Extract(context.Background(), &model.Article{ID: "t", Text: text, Lang: "ar"})
	if err != nil {
		t.Fatal(err)
	}
	var blatter *model.Entity
	for i, e := range x.Entities {
		if e.Name == "Lattre" {
			t.Errorf("بلاتر read as ب + لاتر: %+v", e)
		}
		if e.Name == "Sepp Blatter" {
			blatter = &x.Entities[i]
		}
	}
	if blatter == nil || len(blatter.Mentions) != 3 {
		t.Fatalf("want Sepp Blatter with 3 mentions, got %+v", blatter)
	}
}

// A name after a noun of places without the article (إقليم، مدينة) is its
// genitive, on which no preposition stands: its first ب is its own
// (بلوشستان, not ب + لوشستان); after a verb the same letter may still be
// the preposition the lists say it is.
func TestCliticAfterConstructHead(t *testing.T) {
	text := "وقعت اشتباكات في إقليم بلوشستان جنوب غرب باكستان."
	x, err := NewPipeline().Extract(context.Background(), &model.Article{ID: "t", Text: text, Lang: "ar"})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range x.Entities {
		for _, m := range e.Mentions {
			if m.Text == "لوشستان" {
				t.Errorf("بلوشستان read as ب + لوشستان: %+v", e)
			}
			if m.Text == "بلوشستان" {
				found = true
			}
		}
	}
	if !found {
		t.Errorf("no mention بلوشستان in %+v", x.Entities)
	}
}

// After a title or a verb of saying whose subject follows it (الدكتور،
// وقال), a name's first ب is its own: no preposition stands there.
func TestCliticAfterTitle(t *testing.T) {
	for _, text := range []string{
		"وأكد الدكتور بريكان الزهيري أن الاستعدادات اكتملت.",
		"وقال بريكان الزهيري إن الاستعدادات اكتملت.",
	} {
		x, err := NewPipeline().Extract(context.Background(), &model.Article{ID: "t", Text: text, Lang: "ar"})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range x.Entities {
			for _, m := range e.Mentions {
				if m.Text == "ريكان الزهيري" {
					t.Errorf("%s: بريكان read as ب + ريكان: %+v", text, e)
				}
			}
		}
	}
}

// A word no name resource knows that is, but for a first clitic letter, a
// word of a person's longer name in the article is that name with the
// clitic: فرائف after رائف أفندي is ف + رائف "so Raif", لقاديروف after
// رمضان قاديروف ل + the surname.
func TestCliticBeforeArticlesName(t *testing.T) {
	text := "تحدث الراوي عن شخصية رائف أفندي بطل الرواية. لكن رائف كان صامتا في عمله. فرائف وإن كان قادرا على الصمت لم يغادر منزله."
	x, err := NewPipeline().Extract(context.Background(), &model.Article{ID: "t", Text: text, Lang: "ar"})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range x.Entities {
		for _, m := range e.Mentions {
			if m.Text == "فرائف" {
				t.Errorf("فرائف kept its ف: %s %q", e.ID, e.Name)
			}
			if m.Text == "رائف" && len(e.Mentions) != 3 {
				t.Errorf("want رائف أفندي with 3 mentions, got %+v", e)
			}
		}
	}
}
