package arabic

import (
	"strings"

	"github.com/kg-project/kg/internal/memo"
	"github.com/kg-project/kg/internal/text/segment"
)

// Analysis is one segmentation of an Arabic word into proclitics, stem and
// enclitic pronoun, in Normalize form (letters unchanged, diacritics gone):
// وبالمدينة -> Conj "و", Prep "ب", Article "ال", Stem "مدينة";
// بلاده -> Stem "بلاد", Suffix "ه"; للأمم -> Prep "ل", Article "ال", Stem "أمم".
type Analysis struct {
	Conj    string
	Prep    string
	Article string
	Stem    string
	Suffix  string
}

// Word lists are in MatchForm.
var (
	// words whose initial و/ف is a root letter, not the conjunction
	noConj = WordSet(`وزير وزيره وزراء وزاره وزارات ولايه ولايات وكاله وكالات وكيل وفد وفود
		وقت وطن وطني وطنيه وسط وضع وقف ولد وليد وائل وصل وجه وجود واشنطن وادي وارسو
		واجب وحده وحدات وثيقه ورقه وراء وفاه وفق ولي وهران ويلز وعد وعود واقع واضح
		وسائل وسيله وقائع وحيد ورد وردت وضعت وصلت واصل واصلت وافق وافقت وقع وقعت
		فرنسا فرنسي فرنسيه فلسطين فلسطيني فلسطينيه فريق فتره فكره فصل فيلم فوز فندق
		فبراير فنزويلا فيينا فيتنام فنلندا فيجي فرع فرص فرصه فريد فيصل فهد فارس فاطمه
		فتح فرق فوق فقط فيما فيه فيها فرانكفورت فلوريدا فيلادلفيا فالنسيا فانكوفر
		فيسبوك فلبين فلوجه فيروس فيفا فاز فازت فشل فشلت فرض فرضت`)
	// words whose initial ب/ك/ل is a root letter, not a preposition
	noPrep = WordSet(`لبنان لبناني لبنانيه ليبيا ليبي ليبيه ليبيريا لاوس لاتفيا ليتوانيا
		لوكسمبورغ ليختنشتاين لاهاي لشبونه ليون لاغوس لوس لويس ليلي لوران لينين
		بريطانيا بريطاني بريطانيه بلجيكا بلغاريا بنغلاديش بوركينا بيلاروسيا
		بوروندي بوليفيا بولندا بوتسوانا بنين بيرو بورما بروكسل برلين بيروت بغداد
		بكين بيونغيانغ بلغراد بودابست برازيليا بوينس بوش بوتين بلير براون بيريز
		بوتفليقه بشار بشير بندر بلال بطرس بنيامين بوغدانوف بيل بيتر برنامج برلمان
		بيان بيانات بيت بلد بلدان بلاد بلاده بحث بحر بحريه بريد بطوله بنك بنوك
		كندا كولومبيا كازاخستان كرواتيا كمبوديا كوسوفو كاليفورنيا كابل كراتشي
		كراكاس كوبنهاغن كيغالي كلينتون كوفي كونداليزا كوندوليزا كارتر كاسترو
		كيري كاميرون كوريا كرستوفر كريستوفر كامل كمال كريم كتاب كتب كلمه كليه
		لجنه لقاء لقاءات لاعب لاعبين لغه لحظه ليله لواء`)
	// words whose initial ال is part of the stem
	noArticle = WordSet(`الذي التي الذين اللذين اللتين اللاتي اللواتي اللذان اللتان الا الي
		الله اللهم الان اليس`)
)

// pronoun suffixes, longest first
var pronouns = [][]rune{[]rune("هما"), []rune("هم"), []rune("هن"), []rune("ها"), []rune("كم"), []rune("نا"), []rune("ه")}

// seg is a segmentation of the Normalize form of a word: w[:conj] is the
// conjunction, w[conj:prep] the preposition, then the article (art is its
// length: 2 for ال, 1 for the ل of لل whose alef is elided), the stem up to
// suf and the pronoun suffix from suf on.
type seg struct {
	w               []rune
	conj, prep, art int
	suf             int
	// f is fold(w) when every rune of w is an Arabic letter (two bytes in
	// UTF-8, folding one to one), so that fold(w[i:j]) == f[2*i:2*j];
	// "" otherwise.
	f string
}

// folded returns fold(s.w[i:j]) without allocating when it can.
func (s *seg) folded(i, j int) string {
	if s.f != "" {
		return s.f[2*i : 2*j]
	}
	return fold(s.w[i:j])
}

func fold(rs []rune) string {
	var b strings.Builder
	b.Grow(2 * len(rs)) // Arabic letters: two bytes each
	for _, r := range rs {
		if f := FoldRune(r); f >= 0 {
			b.WriteRune(f)
		}
	}
	return b.String()
}

func segmentWord(word string) seg {
	w := []rune(Normalize(word))
	s := seg{w: w, suf: len(w)}
	if len(w) < 4 {
		s.conj, s.prep = 0, 0
		return s
	}
	if !isArabicWord(w) {
		return s
	}
	fw := fold(w)
	if len(fw) != 2*len(w) {
		return s // not one two-byte letter per rune: leave it whole
	}
	s.f = fw
	if noArticle[fw] {
		return s
	}
	i := 0
	// conjunction و / ف
	if (w[0] == 'و' || w[0] == 'ف') && len(w)-1 >= 3 && !noConj[fw] {
		i = 1
	}
	s.conj = i
	rest := w[i:]
	fr := fw[2*i:] // fold(rest): two bytes a letter, see seg.f
	fr1 := ""      // fold(rest[1:])
	if len(rest) > 1 {
		fr1 = fr[2:]
	}
	art := 0
	switch {
	case len(rest) >= 5 && rest[0] == 'ل' && rest[1] == 'ل' && noPrep[fr1]:
		// ل + a name that begins with ل: للبنان، لليبيا
		i++
	case len(rest) >= 5 && rest[0] == 'ل' && rest[1] == 'ل' && !noArticle[fr]:
		// لل = ل + ال (alef elided)
		i++
		art = 1
	case len(rest) >= 6 && (rest[0] == 'ب' || rest[0] == 'ك' || rest[0] == 'ل') && rest[1] == 'ا' && rest[2] == 'ل' && !noArticle[fr1]:
		i++
		art = 2
	case len(rest) >= 5 && rest[0] == 'ل' && !noPrep[fr] && !noArticle[fr] && bareStemOK(rest[1:]):
		i++
	case len(rest) >= 6 && rest[0] == 'ب' && !noPrep[fr] && bareStemOK(rest[1:]):
		i++
	}
	s.prep = i
	if art == 0 && len(w)-i >= 5 && w[i] == 'ا' && w[i+1] == 'ل' && !noArticle[fw[2*i:]] {
		art = 2
	}
	s.art = art
	stemStart := i + art
	if art == 0 {
		// enclitic pronoun: never with the article; the stem keeps >= 3
		// letters and does not end in a long vowel (اتجاه، فيينا، كورونا)
		for _, p := range pronouns {
			k := len(w) - len(p)
			if k-stemStart < 3 || !hasSuffix(w, p) {
				continue
			}
			switch w[k-1] {
			case 'ا', 'و', 'ي', 'ى', 'آ':
				continue
			}
			s.suf = k
			break
		}
	}
	return s
}

func hasSuffix(w, p []rune) bool {
	if len(p) > len(w) {
		return false
	}
	for i := range p {
		if w[len(w)-len(p)+i] != p[i] {
			return false
		}
	}
	return true
}

func isArabicWord(w []rune) bool {
	for _, r := range w {
		if r < 0x0621 || r > 0x06FF {
			return false
		}
	}
	return true
}

// Analyze returns the most likely segmentation of word into conjunction (و،
// ف), preposition (ب، ل، ك), article (ال, also inside لل), stem and attached
// pronoun (ـه ـها ـهم ـهما ـهن ـكم ـنا). It is conservative: nothing is
// stripped when the stem would be shorter than three letters, bare ب/ك/ل
// need a long remainder, known names and words that begin with these letters
// (وزير، لبنان، بوتين) are kept whole, and ـي is never stripped (in news it is
// far more often the nisba ending of روسي than the pronoun "my").
// Non-Arabic words are returned whole as the Stem.
func Analyze(word string) Analysis {
	s := segmentWord(word)
	return s.analysis()
}

func (s *seg) analysis() Analysis {
	w := s.w
	a := Analysis{}
	a.Conj = string(w[:s.conj])
	a.Prep = string(w[s.conj:s.prep])
	stemStart := s.prep
	switch s.art {
	case 1:
		a.Article = "ال"
		stemStart = s.prep + 1
	case 2:
		a.Article = "ال"
		stemStart = s.prep + 2
	}
	a.Stem = string(w[stemStart:s.suf])
	a.Suffix = string(w[s.suf:])
	return a
}

// Stems returns the candidate stems of word in MatchForm, most literal first:
// the word itself, then without the conjunction, without the preposition
// (keeping the article: للأمم -> الامم), without the article and without the
// pronoun suffix, each only when Analyze would strip it and without
// duplicates. "وبوتين" -> ["وبوتين","بوتين"]; "لروسيا" -> ["لروسيا","روسيا"];
// "بلاده" -> ["بلاده","بلاد"]; "للأمم" -> ["للامم","الامم","امم"].
func Stems(word string) []string {
	s := segmentWord(word)
	return s.stems()
}

func (s *seg) stems() []string {
	w := s.w
	out := make([]string, 0, 4)
	add := func(x string) {
		if x == "" {
			return
		}
		for _, y := range out {
			if y == x {
				return
			}
		}
		out = append(out, x)
	}
	if s.f != "" {
		add(s.f) // == MatchForm(string(w)) for an Arabic word
	} else {
		add(MatchForm(string(w)))
	}
	end := len(w)
	add(s.folded(s.conj, end))
	switch s.art {
	case 1:
		// ل + ل... : restore the elided alef of the article
		add("ا" + s.folded(s.prep, end))
		add(s.folded(s.prep+1, end))
	case 2:
		add(s.folded(s.prep, end))
		add(s.folded(s.prep+2, end))
	default:
		add(s.folded(s.prep, end))
	}
	if s.suf < end {
		start := s.prep + s.art
		add(s.folded(start, s.suf))
	}
	return out
}

// bareStemOK reports whether rest, the word after a bare preposition (no
// article), is long enough to be a stem: four letters or more once a pronoun
// suffix is taken off (بروسيا -> روسيا but بلادنا stays whole).
func bareStemOK(rest []rune) bool {
	n := len(rest)
	for _, p := range pronouns {
		if hasSuffix(rest, p) && n-len(p) >= 3 {
			n -= len(p)
			break
		}
	}
	return n >= 4
}

// CliticLetters are the letters that, first in a word, may be a clitic
// written on it: the conjunctions و ف and the prepositions ب ل ك.
const CliticLetters = "وفبلك"

// Word is what the extraction stages need to know of one token, computed with
// a single segmentation: its MatchForm, its candidate stems (Stems) and its
// clitic analysis (Analyze).
type Word struct {
	MF    string
	Stems []string // shared: append, never modify in place
	Analysis
}

// AnalyzeWord returns the Word of one token's text.
func AnalyzeWord(text string) Word {
	s := segmentWord(text)
	w := Word{Stems: s.stems(), Analysis: s.analysis()}
	if s.f != "" {
		w.MF = s.f // == MatchForm(text) for an Arabic word
	} else {
		w.MF = MatchForm(text)
	}
	w.Stems = w.Stems[:len(w.Stems):len(w.Stems)]
	return w
}

// words memoises AnalyzeWord for AnalyzeTokens (bounded): most of an
// article's words were seen in earlier ones. A small table is faster than
// a large one (paired runs on 5,000 articles: 4,096 words 2.5% less CPU
// than 16,384, 65,536 4% more): the frequent words stay in the processor's
// caches, and the rare ones would miss anyway.
var words = memo.New[Word](1 << 12)

// AnalyzeTokens returns the Word of every token. The Words may be shared
// with other calls: read them, never change them in place.
func AnalyzeTokens(toks []segment.Token) []Word {
	out := make([]Word, len(toks))
	for i, t := range toks {
		out[i] = words.Get(t.Text, AnalyzeWord)
	}
	return out
}
