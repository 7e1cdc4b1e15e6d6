package translit

import "testing"

// TestSkeletonPairsSpellings: an Arabic name and its usual Latin spelling
// have the same outline, the Latin letters read by their sound (soft c,
// ph, y as a vowel), and different names do not.
func TestSkeletonPairsSpellings(t *testing.T) {
	same := [][2]string{
		{"بوتين", "Putin"},
		{"توكاييف", "Tokayev"},
		{"نانسي", "Nancy"},
		{"كينيدي", "Kennedy"},
		{"يوسف", "Joseph"},
		{"موراي", "Murray"},
		{"سيسيل", "Cecile"},
		{"الجبير", "al-Jubeir"},
	}
	for _, p := range same {
		if a, l := Skeleton(p[0]), Skeleton(p[1]); a != l {
			t.Errorf("Skeleton(%s) = %q, Skeleton(%s) = %q: want the same", p[0], a, p[1], l)
		}
	}
	for _, c := range []struct{ in, want string }{
		{"Nancy", "ns"},
		{"Yasser", "ysr"},
		{"Maya", "my"},
		{"Lynn", "ln"},
		{"Carl", "krl"},
		{"Chirac", "krk"},
		{"Philip", "flb"},
	} {
		if got := Skeleton(c.in); got != c.want {
			t.Errorf("Skeleton(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
