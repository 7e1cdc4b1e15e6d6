package gazetteer

import (
	"strings"
	"unicode"

	"github.com/kg-project/kg/internal/extract/arabic"
)

var translitConsonant = map[rune]string{
	'ب': "b", 'ت': "t", 'ث': "th", 'ج': "j", 'ح': "h", 'خ': "kh", 'د': "d", 'ذ': "dh",
	'ر': "r", 'ز': "z", 'س': "s", 'ش': "sh", 'ص': "s", 'ض': "d", 'ط': "t", 'ظ': "z",
	'غ': "gh", 'ف': "f", 'ق': "q", 'ك': "k", 'ل': "l", 'م': "m", 'ن': "n",
	'ه': "h", 'ء': "", 'پ': "p", 'چ': "ch", 'گ': "g", 'ڤ': "v", 'ک': "k",
}

// Transliterate returns a simple, deterministic Latin rendering of an Arabic
// name for display. Frequent given names, family names and particles take
// their usual Latin spelling from a table (محمد Mohammed, عبد الله Abdullah,
// عبد العزيز Abdulaziz, بن bin, آية الله Ayatollah); the article ال is
// written "al-". Other words get one letter or digraph per consonant, و and
// ي as vowels (u, i) after a consonant and as consonants (w, y) elsewhere,
// ا/آ/أ/ى as a, إ as i, ة as a, and a guessed short vowel where Arabic
// writes none: a after a first consonant followed by another (حسن Hasan),
// i between the last two consonants after a long a (قاسم Qasim). Every word
// is capitalised but the particles: "قاسم جومارت توكاييف" -> "Qasim Jumart
// Tukayif". Latin letters and digits are kept as they are.
func Transliterate(s string) string {
	words := strings.Fields(arabic.Normalize(s))
	out := make([]string, 0, len(words))
	for i := 0; i < len(words); i++ {
		m := arabic.MatchForm(words[i])
		next := ""
		if i+1 < len(words) {
			next = arabic.MatchForm(words[i+1])
		}
		// two-word compounds: عبد الله، عبد العزيز، آية الله، روح الله
		if t, ok := translitCompound(m, next); ok {
			out = append(out, t)
			i++
			continue
		}
		if t := translitName(m, []rune(words[i])); t != "" {
			out = append(out, t)
		}
	}
	return strings.Join(out, " ")
}

// translitCompound renders the two-word names written as one in Latin.
func translitCompound(m, next string) (string, bool) {
	switch {
	case next == "":
		return "", false
	case m == "ايه" && next == "الله":
		return "Ayatollah", true
	case m == "روح" && next == "الله":
		return "Ruhollah", true
	case m == "عبد" && next == "الله":
		return "Abdullah", true
	case m == "عبد" && strings.HasPrefix(next, "ال") && len([]rune(next)) > 3:
		return "Abdul" + strings.ToLower(translitName(next[len("ال"):], []rune(next[len("ال"):]))), true
	}
	return "", false
}

// translitName renders one word: the table, the joined forms of عبد
// (عبدالله، عبدالعزيز), the article, then letter by letter.
func translitName(m string, w []rune) string {
	if t, ok := nameWords[m]; ok {
		return t
	}
	if strings.HasPrefix(m, "عبد") && len([]rune(m)) > 4 {
		rest := m[len("عبد"):]
		if rest == "الله" {
			return "Abdullah"
		}
		if strings.HasPrefix(rest, "ال") && len([]rune(rest)) > 3 {
			return "Abdul" + strings.ToLower(translitName(rest[len("ال"):], []rune(rest[len("ال"):])))
		}
	}
	if rs := []rune(m); len(rs) > 3 && rs[0] == 'ا' && rs[1] == 'ل' && m != "الله" {
		if t, ok := nameWords[string(rs[2:])]; ok {
			return "al-" + t
		}
	}
	return translitWord(w)
}

func translitWord(w []rune) string {
	if string(w) == "الله" {
		return "Allah"
	}
	for i, r := range w { // Persian letters
		switch r {
		case 'ی', 'ې':
			w[i] = 'ي'
		case 'ک':
			w[i] = 'ك'
		}
	}
	var b strings.Builder
	prefix := ""
	if len(w) > 3 && w[0] == 'ا' && w[1] == 'ل' {
		prefix = "al-"
		w = w[2:]
	}
	vowel := true // previous output ended in a vowel (or word start)
	for i, r := range w {
		last := i == len(w)-1
		switch r {
		case 'ا', 'آ', 'أ', 'ٱ':
			if i > 0 && (w[i-1] == 'ا' || w[i-1] == 'آ') || i == 1 && w[0] == 'ع' {
				continue
			}
			b.WriteString("a")
			vowel = true
		case 'إ':
			b.WriteString("i")
			vowel = true
		case 'ى':
			b.WriteString("a")
			vowel = true
		case 'ة':
			if last {
				b.WriteString("a")
			} else {
				b.WriteString("t")
			}
			vowel = last
		case 'و', 'ؤ':
			if i == 0 || vowel || !last && (w[i+1] == 'ا' || w[i+1] == 'آ') {
				b.WriteString("w")
				vowel = false
			} else {
				b.WriteString("u")
				vowel = true
			}
		case 'ي', 'ئ':
			if i == 0 || vowel {
				b.WriteString("y")
				vowel = false
			} else {
				b.WriteString("i")
				vowel = true
			}
		case 'ع':
			// word-initial ع is written as a vowel ("Abd"); elsewhere as an apostrophe
			if i == 0 {
				b.WriteString("a")
				vowel = true
			} else {
				b.WriteString("'")
				vowel = false
			}
		default:
			if c, ok := translitConsonant[r]; ok {
				if c == "" {
					continue
				}
				// a doubled letter (shadda dropped) is written once
				if i > 0 && w[i-1] == r {
					continue
				}
				b.WriteString(c)
				vowel = false
				continue
			}
			if r < 0x250 && (unicode.IsLetter(r) || unicode.IsDigit(r)) || r == '-' || r == '\'' || r == '.' {
				b.WriteRune(r)
				vowel = unicode.In(r, unicode.Latin) && strings.ContainsRune("aeiouAEIOU", r)
			}
		}
	}
	t := guessVowels(b.String())
	if t == "" {
		return ""
	}
	rs := []rune(t)
	rs[0] = unicode.ToUpper(rs[0])
	if prefix != "" {
		return prefix + string(rs)
	}
	return string(rs)
}

// guessVowels adds the short vowels Arabic does not write to a Latin
// rendering made of consonants and long vowels: a after the first consonant
// when another consonant follows (Hsn -> Hasan, Mkarm -> Makarm), i between
// two final consonants after a (Qasm -> Qasim, Makarm -> Makarim). Digraphs
// (sh, kh, th, dh, gh) count as one consonant; words holding Latin capitals
// or digits are left alone.
func guessVowels(t string) string {
	if t == "" || strings.ContainsAny(t, "0123456789-.") {
		return t
	}
	for _, r := range t {
		if r >= 0x80 || unicode.IsUpper(r) {
			return t
		}
	}
	// split into units: vowels, consonants (digraphs kept whole), apostrophes
	var units []string
	for i := 0; i < len(t); {
		if i+1 < len(t) && strings.Contains("sh kh th dh gh", t[i:i+2]) && t[i+1] == 'h' {
			units = append(units, t[i:i+2])
			i += 2
			continue
		}
		units = append(units, t[i:i+1])
		i++
	}
	isV := func(u string) bool { return u == "a" || u == "i" || u == "u" }
	isC := func(u string) bool { return !isV(u) && u != "'" }
	var out []string
	added := -1 // index of the vowel added after the first consonant
	for k, u := range units {
		out = append(out, u)
		if k == 0 && isC(u) && k+1 < len(units) && isC(units[k+1]) {
			added = len(out)
			out = append(out, "a")
		}
	}
	n := len(out)
	if (n == 4 || n == 3 || added == n-3) && isC(out[n-1]) && isC(out[n-2]) && out[n-3] == "a" {
		v := "i" // after a long a: the active participle, Qasim, Khalid
		if added == n-3 {
			v = "a" // three consonants: Hasan, Qamar
		}
		out = append(out[:n-1:n-1], v, out[n-1])
	}
	return strings.Join(out, "")
}

// Skeleton is the consonant outline of a Latin name or of the
// transliteration of an Arabic one, used to pair Arabic and Latin spellings
// of the same name: Tokayev/توكاييف -> "tkyf", Putin/بوتين -> "btn".
func Skeleton(s string) string {
	if hasArabic(s) {
		if rs := []rune(s); len(rs) > 4 && rs[0] == 'ا' && rs[1] == 'ل' {
			s = string(rs[2:])
		}
		s = Transliterate(s)
	} else {
		l := strings.ToLower(s)
		for _, p := range []string{"al-", "el-", "al ", "el "} {
			if strings.HasPrefix(l, p) && len(l) > len(p)+2 {
				s = s[len(p):]
				break
			}
		}
	}
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch r {
		case 'a', 'e', 'i', 'o', 'u', 'h', '\'', '-', ' ', 'w':
			continue
		case 'v':
			r = 'f'
		case 'p':
			r = 'b'
		case 'c', 'q', 'g':
			r = 'k'
		case 'x':
			b.WriteString("ks")
			continue
		case 'j':
			r = 'y'
		}
		if r < 0x250 && unicode.IsLetter(r) {
			b.WriteRune(r)
		}
	}
	// letters doubled in one script and not the other
	rs := []rune(b.String())
	out := rs[:0]
	for i, r := range rs {
		if i == 0 || r != rs[i-1] {
			out = append(out, r)
		}
	}
	return string(out)
}

// IsNameWord reports whether the MatchForm m is a frequent Arabic given
// name, family name or name particle (رياض، محمد، بن).
func IsNameWord(m string) bool {
	_, ok := nameWords[m]
	return ok
}

// nameWords are the usual Latin spellings of frequent Arabic given names,
// family names, particles and foreign first names in news, keyed by
// MatchForm (filled from nameSpellings).
var nameWords = map[string]string{}

// nameSpellings lists "Arabic=Latin" pairs. Family names are given without
// the article; the article is added as "al-" (الحوثي al-Houthi).
const nameSpellings = `
محمد=Mohammed محمود=Mahmoud أحمد=Ahmed حامد=Hamed حمد=Hamad حمدان=Hamdan مصطفى=Mustafa
علي=Ali حسن=Hassan حسين=Hussein حسني=Hosni محسن=Mohsen عمر=Omar عثمان=Othman
خالد=Khaled خليل=Khalil خليفة=Khalifa إبراهيم=Ibrahim ابراهيم=Ibrahim إسماعيل=Ismail
اسماعيل=Ismail يوسف=Youssef يونس=Younis يحيى=Yahya زكريا=Zakaria موسى=Moussa عيسى=Issa
سليمان=Suleiman سلمان=Salman فيصل=Faisal فهد=Fahd سعود=Saud سعد=Saad سعيد=Saeed
منصور=Mansour هادي=Hadi ربه=Rabbo صالح=Saleh ناصر=Nasser نصر=Nasr جواد=Javad ظريف=Zarif
عادل=Adel عبد=Abd الله=Allah نايف=Nayef سلطان=Sultan بندر=Bandar تركي=Turki مشعل=Mishal
متعب=Miteb مقرن=Muqrin طلال=Talal وليد=Walid الوليد=al-Waleed ماجد=Majed مجيد=Majid
راشد=Rashid رشيد=Rashid زايد=Zayed زيد=Zaid مكتوم=Maktoum نهيان=Nahyan تميم=Tamim
جاسم=Jassim قاسم=Qassem هاشم=Hashem ثاني=Thani صباح=Sabah جابر=Jaber قابوس=Qaboos
هيثم=Haitham طارق=Tariq أسامة=Osama اسامة=Osama أيمن=Ayman ايمن=Ayman أنور=Anwar
جمال=Jamal كمال=Kamal نبيل=Nabil سمير=Samir هشام=Hisham عصام=Issam وائل=Wael رامي=Rami
سامي=Sami هاني=Hani رياض=Riyadh فؤاد=Fouad مراد=Murad شريف=Sharif رفيق=Rafik نجيب=Najib
لطفي=Lotfi حبيب=Habib بشار=Bashar بشير=Bashir حافظ=Hafez ماهر=Maher نوري=Nouri
حيدر=Haider عمار=Ammar ياسر=Yasser إياد=Iyad اياد=Iyad مسعود=Masoud جلال=Jalal
كريم=Karim رحمن=Rahman رحيم=Rahim حميد=Hamid غني=Ghani فتاح=Fattah ملك=Malik
نور=Nour الدين=al-Din شمس=Shams بدر=Badr حازم=Hazem باسم=Basem جعفر=Jaafar صادق=Sadiq
مهدي=Mahdi رضا=Reza مرتضى=Morteza مجتبى=Mojtaba أكبر=Akbar اكبر=Akbar أصغر=Asghar
هاشمي=Hashemi رفسنجاني=Rafsanjani خاتمي=Khatami لاريجاني=Larijani ولايتي=Velayati
جعفري=Jafari شيرازي=Shirazi مكارم=Makarem شمخاني=Shamkhani عراقجي=Araghchi صالحي=Salehi
روحاني=Rouhani خامنئي=Khamenei خميني=Khomeini نجاد=Nejad سليماني=Soleimani
رجب=Recep طيب=Tayyip داود=Dawud أوغلو=Oglu اوغلو=Oglu
قحطاني=Qahtani شمري=Shammari عتيبي=Otaibi غامدي=Ghamdi زهراني=Zahrani دوسري=Dosari
حربي=Harbi مطيري=Mutairi عنزي=Anazi شهري=Shehri سبيعي=Subaie عمري=Omari مالكي=Maliki
جبير=Jubeir فيصل=Faisal سديري=Sudairi حوثي=Houthi أسد=Assad اسد=Assad حريري=Hariri
سيسي=Sisi قذافي=Gaddafi صدر=Sadr بغدادي=Baghdadi ظواهري=Zawahiri عبادي=Abadi
هاشم=Hashem نمر=Nimr عسيري=Asiri خطيب=Khatib حكيم=Hakim عيسى=Issa شهري=Shehri
مبارك=Mubarak مرسي=Morsi عباس=Abbas هنية=Haniyeh عون=Aoun بري=Berri جنبلاط=Jumblatt
سلام=Salam ميقاتي=Mikati عرفات=Arafat دحلان=Dahlan بحاح=Bahah ياسين=Yassin أحمر=Ahmar
سعدي=Saadi عثيمين=Othaimeen يمني=Yemeni مصري=Masri شامي=Shami تميمي=Tamimi
بن=bin ابن=ibn بنت=bint أبو=Abu ابو=Abu أبي=Abi ابي=Abi أم=Umm ام=Umm آل=Al ال=Al ولد=Ould
فاطمة=Fatima عائشة=Aisha مريم=Maryam زينب=Zainab خديجة=Khadija نورة=Noura سارة=Sara
هند=Hind ليلى=Leila أمل=Amal منى=Mona هدى=Huda رانيا=Rania نوال=Nawal
جون=John جورج=George ديفيد=David دافيد=David مايكل=Michael فلاديمير=Vladimir سيرغي=Sergei
سيرجي=Sergei باراك=Barack دونالد=Donald جو=Joe هيلاري=Hillary توني=Tony فرانسوا=Francois
نيكولا=Nicolas إيمانويل=Emmanuel ايمانويل=Emmanuel أنجيلا=Angela بوريس=Boris
ديمتري=Dmitry دميتري=Dmitry ميخائيل=Mikhail أليكسي=Alexei جيمس=James روبرت=Robert
وليام=William ويليام=William بيتر=Peter مارك=Mark بول=Paul ريتشارد=Richard توماس=Thomas
كريستوفر=Christopher ستيفن=Stephen أنتوني=Anthony انتوني=Anthony إريك=Eric اريك=Eric
رونالد=Ronald فيليب=Philip جاك=Jacques لوران=Laurent كيري=Kerry هولاند=Hollande
فابيوس=Fabius كاميرون=Cameron هاموند=Hammond فالون=Fallon أوباما=Obama اوباما=Obama
بوتين=Putin ترامب=Trump بايدن=Biden ماكرون=Macron ميركل=Merkel نتنياهو=Netanyahu
أردوغان=Erdogan اردوغان=Erdogan كارتر=Carter أشتون=Ashton اشتون=Ashton آشتون=Ashton
عدن=Aden صنعاء=Sanaa تعز=Taiz مأرب=Marib جدة=Jeddah مكة=Mecca`

func init() {
	for _, p := range strings.Fields(nameSpellings) {
		ar, lat, ok := strings.Cut(p, "=")
		if !ok {
			continue
		}
		nameWords[arabic.MatchForm(ar)] = lat
	}
}
