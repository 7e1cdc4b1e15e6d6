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
