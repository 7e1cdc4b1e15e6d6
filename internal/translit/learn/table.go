package learn

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/kg-project/kg/internal/translit"
)

// evidence is the attested Latin spellings of one Arabic key with their
// weights.
type evidence map[string]float64

func (e evidence) total() float64 {
	t := 0.0
	for _, k := range sortedKeys(e) {
		t += e[k]
	}
	return t
}

// pools gathers the evidence of the training pairs by Arabic key.
type pools struct {
	// word: one Arabic word without the article (جبير), or a word whose ال
	// is not the article, whole (الياس Elias)
	word map[string]evidence
	// multi: two or three words (عبد العزيز)
	multi map[string]evidence
	// article: the words with ال, until they are sorted out
	article map[string]evidence
}

func newPools() *pools {
	return &pools{word: map[string]evidence{}, multi: map[string]evidence{}, article: map[string]evidence{}}
}

func add(m map[string]evidence, k, lat string, w float64) {
	e := m[k]
	if e == nil {
		e = evidence{}
		m[k] = e
	}
	e[lat] += w
}

// cleanLatin returns an attested spelling without accents and stray
// punctuation, or "" when it is not a Latin name (digits, other scripts,
// initials).
func cleanLatin(s string) string {
	s = norm.NFD.String(strings.TrimSpace(s))
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == '’' || r == 'ʻ' || r == 'ʿ' || r == 'ʾ' || r == '`':
			b.WriteByte('\'')
		case r == '‐' || r == '–':
			b.WriteByte('-')
		case r < 0x80 && (unicode.IsLetter(r) || r == '-' || r == '\'' || r == ' '):
			b.WriteRune(r)
		case r == 'ı':
			b.WriteByte('i')
		default:
			return ""
		}
	}
	t := strings.Join(strings.Fields(b.String()), " ")
	t = strings.Trim(t, "-'")
	if utf8.RuneCountInString(t) < 2 {
		return ""
	}
	return t
}

// add files one training pair. Groups of words count only when the pair
// is attested in the Gulf or the Levant (compound): the Maghreb's fused
// spellings (Slaheddine, Abdelkader) are not those of English news.
func (p *pools) add(ar, lat string, w float64, compound bool) {
	lat = cleanLatin(lat)
	if lat == "" || w <= 0 || ar == "" {
		return
	}
	// عبدالرحمن written as one word is عبد الرحمن, as at run time
	if rest, ok := strings.CutPrefix(ar, "عبدال"); ok && utf8.RuneCountInString(rest) >= 2 && !strings.Contains(ar, " ") {
		ar = "عبد ال" + rest
	}
	ws := strings.Fields(ar)
	for _, x := range ws {
		if !isArabicWord(x) {
			return
		}
	}
	if len(ws) == 1 && !plausible(ar, lat) {
		return
	}
	switch {
	case len(ws) == 1 && hasArticle(ar):
		add(p.article, ar, lat, w)
	case len(ws) == 1:
		add(p.word, ar, lat, w)
	case len(ws) <= 3 && compound && !slices.Contains(ws, "ال") && strictlyPlausible(ar, lat):
		add(p.multi, ar, lat, w)
	}
}

func isArabicWord(w string) bool {
	for _, r := range w {
		if r < 0x0621 || r > 0x06D3 {
			return false
		}
	}
	return w != ""
}

// hasArticle reports whether the MatchForm word w may start with the
// article: ال and two letters more (not الله).
func hasArticle(w string) bool {
	return strings.HasPrefix(w, "ال") && utf8.RuneCountInString(w) > 3 && w != "الله"
}

// articlePrefixes are the ways attested Latin spellings write the article.
var articlePrefixes = []string{
	"al-", "el-", "al ", "el ", "al'", "el'", "ul-", "il-",
	"as-", "ash-", "ad-", "adh-", "ar-", "az-", "at-", "ath-", "an-", "ad ", "as ", "ar ", "at ", "an ", "az ",
	"es-", "esh-", "ed-", "er-", "ez-", "et-", "en-",
}

// splitArticle classifies one spelling of a word with ال: the article
// written out (Al-Jubeir: stem Jubeir), the article left out (Jubeir), or
// ال as part of the word (Elias for الياس, or the article fused: Aljubeir).
func splitArticle(stemAr, lat string) (stem string, article bool) {
	l := strings.ToLower(lat)
	for _, p := range articlePrefixes {
		if strings.HasPrefix(l, p) && len(l) > len(p)+1 {
			return strings.TrimLeft(lat[len(p):], "-' "), true
		}
	}
	// the first consonant: an l that the Arabic stem does not start with
	// belongs to the word
	first := strings.TrimLeft(l, "aeiouy'")
	if strings.HasPrefix(first, "l") && !strings.HasPrefix(stemAr, "ل") {
		return lat, false
	}
	return lat, true
}

// plausible reports whether the Latin spelling lat may be one of the
// Arabic word ar: their consonant outlines (translit.Skeleton) are at most
// a third apart. It drops the pairs of a given name with a family name
// (عواض Mabrouk) and the aligners' mistakes (محمد Yasmina).
func plausible(ar, lat string) bool {
	a, l := []rune(translit.Skeleton(ar)), []rune(translit.Skeleton(lat))
	return 3*editDistance(a, l) <= max(len(a), len(l))+1
}

// strictlyPlausible is plausible with outlines at most a quarter apart and
// no fewer Latin letters than Arabic ones, for groups of words, whose
// spelling must keep them all (بن حسن is not Hassan, بن عوض not Bin).
func strictlyPlausible(ar, lat string) bool {
	a, l := []rune(translit.Skeleton(ar)), []rune(translit.Skeleton(lat))
	return 4*editDistance(a, l) <= max(len(a), len(l))+1 &&
		len(latinLetters(lat)) >= utf8.RuneCountInString(strings.ReplaceAll(ar, " ", ""))
}

func editDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// sortArticles decides for each word with ال whether ال is the article
// (its spellings then count for the stem) or part of the word.
func (p *pools) sortArticles() {
	bare := map[string]map[string]bool{} // the spellings of words attested without the article
	for ar, ev := range p.word {
		bare[ar] = map[string]bool{}
		for lat := range ev {
			bare[ar][strings.ToLower(lat)] = true
		}
	}
	for _, ar := range sortedKeys(p.article) {
		ev := p.article[ar]
		stemAr := ar[len("ال"):]
		// the article fused (Alafif for العفيف, Larbi for العربي): al, el
		// or l and a spelling of the word without it
		fused := map[string]string{}
		for _, lat := range sortedKeys(ev) {
			l := strings.ToLower(lat)
			for _, p := range []string{"al", "el", "l"} {
				if strings.HasPrefix(l, p) && bare[stemAr][l[len(p):]] {
					fused[lat] = lat[len(p):]
					break
				}
			}
		}
		split := func(lat string) (string, bool) {
			if f, ok := fused[lat]; ok {
				return f, true
			}
			return splitArticle(stemAr, lat)
		}
		art, word := 0.0, 0.0
		for _, lat := range sortedKeys(ev) {
			if _, a := split(lat); a {
				art += ev[lat]
			} else {
				word += ev[lat]
			}
		}
		for _, lat := range sortedKeys(ev) {
			stem, a := split(lat)
			switch {
			case art >= word && a:
				if stem = cleanLatin(stem); stem != "" {
					add(p.word, stemAr, stem, ev[lat])
				}
			case art < word && !a:
				add(p.word, ar, lat, ev[lat])
			}
		}
	}
	p.article = nil
}

// choose returns the spelling of a key: the variant of most weight, case
// aside, written with a capital when some attestation has one; and its
// share of the key's weight.
func choose(ev evidence) (string, float64) {
	groups := map[string]float64{}
	for _, lat := range sortedKeys(ev) {
		groups[strings.ToLower(lat)] += ev[lat]
	}
	best, bw, total := "", -1.0, 0.0
	for _, g := range sortedKeys(groups) {
		total += groups[g]
		if groups[g] > bw {
			best, bw = g, groups[g]
		}
	}
	disp, dw := "", -1.0
	for _, lat := range sortedKeys(ev) {
		if strings.ToLower(lat) == best && startsUpper(lat) && ev[lat] > dw {
			disp, dw = lat, ev[lat]
		}
	}
	if disp == "" {
		disp = capitaliseWords(best)
	}
	return disp, bw / total
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// capitaliseWords capitalises each word of a lower-case spelling.
func capitaliseWords(s string) string {
	ws := strings.Fields(s)
	for i, w := range ws {
		r, n := utf8.DecodeRuneInString(w)
		ws[i] = string(unicode.ToUpper(r)) + w[n:]
	}
	return strings.Join(ws, " ")
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
