package extract

import (
	"testing"
)

func TestNamesakes(t *testing.T) {
	p := NewPipeline()
	for _, c := range []struct {
		text, place, want string // the entity name of the place mention
	}{
		{text: "قصفت القوات السورية مواقع في القنيطرة أمس، وقالت دمشق إن الهجوم فشل.", place: "القنيطرة", want: "Al Qunaytirah"},
		{text: "افتتح الوزير مصنعا جديدا في القنيطرة أمس.", place: "القنيطرة", want: "Kenitra"},
		{text: "أقيم المهرجان في ليون الفرنسية أمس بحضور وزير الثقافة في فرنسا.", place: "ليون", want: "Lyon"},
		// a capital yields only to a city, and only on two mentions
		{text: "قال المطرب المصري في الرياض إن أغنيته المصرية جديدة.", place: "الرياض", want: "Riyadh"},
	} {
		got := ""
		for _, e := range mentionEntities(t, p, c.text, c.place) {
			got = e.Name
		}
		if got != c.want {
			t.Errorf("%s: %s is %q, want %q", c.text, c.place, got, c.want)
		}
	}
}
