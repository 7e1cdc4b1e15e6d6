package nertrain

import (
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/kg-project/kg/internal/sources"

	"github.com/kg-project/kg/internal/extract/ner/internal/core"

	"github.com/kg-project/kg/internal/gztsv"
	lex "github.com/kg-project/kg/internal/lexicon"
	"github.com/kg-project/kg/internal/text/arabic"
)

// Hand-written lists (MatchForm or plain Arabic; they go through phraseKey).
// The title words are the class ar_title_or_role of the lexicon's words.yaml,
// read as written.
const (
	orgTrigWords = `منظمة وزارة جامعة شركة حزب حركة مجلس اتحاد لجنة بنك مصرف هيئة وكالة مؤسسة
		جمعية مركز معهد صندوق منتدى نادي فريق جبهة جيش محكمة برلمان كلية مجموعة تنظيم صحيفة
		مجلة إذاعة قناة تلفزيون رابطة نقابة اتحادات مكتب دائرة مديرية مصلحة أكاديمية مستشفى
		جماعة كتائب سرايا ألوية حلف تحالف منظمات شركات مجمع مختبر مصنع وكالات مجالس لجان
		أحزاب حركات جامعات مؤتمر مفوضية بورصة سوق صحيفة جريدة يومية أسبوعية موقع`
	locTrigWords = `مدينة محافظة ولاية منطقة إقليم جزيرة جزر بحر نهر جبل جبال قرية عاصمة مقاطعة
		بلدة ميناء مطار شمال جنوب شرق غرب وسط شمالي جنوبي شرقي غربي حي شارع ساحة ضاحية
		مخيم واحة صحراء خليج مضيق قناة بحيرة سهل وادي دولة بلد بلاد أراضي عاصمتها
		مدن محافظات ولايات مناطق قرى`
	// organisations and places every Arabic news reader expects, beyond the
	// data files
	extraORG = `الأمم المتحدة|منظمة الأمم المتحدة|مجلس الأمن|مجلس الأمن الدولي|حلف شمال الأطلسي|
		حلف الناتو|الناتو|منظمة معاهدة الأمن الجماعي|الاتحاد الأوروبي|الاتحاد الأفريقي|
		الاتحاد الإفريقي|جامعة الدول العربية|الجامعة العربية|مجلس التعاون الخليجي|
		منظمة التعاون الإسلامي|منظمة المؤتمر الإسلامي|منظمة شنغهاي للتعاون|البنك الدولي|
		صندوق النقد الدولي|منظمة الصحة العالمية|منظمة التجارة العالمية|الوكالة الدولية للطاقة الذرية|
		اليونسكو|اليونيسف|منظمة العفو الدولية|الصليب الأحمر|اللجنة الدولية للصليب الأحمر|
		الهلال الأحمر|أوبك|منظمة أوبك|رابطة الدول المستقلة|منظمة الأمن والتعاون في أوروبا|
		حماس|حركة حماس|فتح|حركة فتح|حزب الله|طالبان|حركة طالبان|القاعدة|تنظيم القاعدة|داعش|
		تنظيم داعش|الإخوان المسلمين|جماعة الإخوان المسلمين|الكونغرس|الكنيست|الكرملين|البنتاغون|
		البيت الأبيض|وكالة الأنباء الفرنسية|رويترز|أسوشيتد برس|الجزيرة|قناة الجزيرة|بي بي سي|
		سي إن إن|غوغل|مايكروسوفت|آبل|فيسبوك|تويتر|يونيسيف|الفيفا|الاتحاد الدولي لكرة القدم|
		اللجنة الأولمبية الدولية|منظمة التحرير الفلسطينية|السلطة الفلسطينية|الحزب الديمقراطي|
		الحزب الجمهوري|حزب العمال|حزب المحافظين|الحزب الشيوعي|مجموعة العشرين|مجموعة السبع|
		بريكس|آسيان|الإنتربول|يوروبول|غازبروم|أرامكو|تويوتا|فولكسفاغن|بوينغ|إيرباص`
	extraLOC = `الولايات المتحدة|الولايات المتحدة الأمريكية|الولايات المتحدة الأميركية|أمريكا|أميركا|
		بريطانيا|روسيا|روسيا الاتحادية|الصين|فرنسا|ألمانيا|إسرائيل|فلسطين|غزة|قطاع غزة|الضفة الغربية|
		القدس|كازاخستان|ألماتي|أستانا|موسكو|واشنطن|لندن|باريس|برلين|بكين|طهران|بغداد|دمشق|بيروت|القاهرة|
		الرياض|جدة|مكة|مكة المكرمة|المدينة المنورة|الدوحة|أبوظبي|أبو ظبي|دبي|الكويت|المنامة|مسقط|عمان|
		صنعاء|عدن|الخرطوم|طرابلس|تونس|الجزائر|الرباط|نواكشوط|أنقرة|إسطنبول|اسطنبول|كابول|كابل|
		إسلام آباد|نيودلهي|طوكيو|سيول|كييف|كييف|مينسك|بروكسل|جنيف|فيينا|روما|مدريد|أثينا|
		نيويورك|آسيا|أوروبا|أفريقيا|إفريقيا|أمريكا اللاتينية|الشرق الأوسط|آسيا الوسطى|الخليج|
		الخليج العربي|البحر المتوسط|البحر الأحمر|البحر الأسود|المحيط الهادئ|المحيط الأطلسي|
		شبه جزيرة القرم|القرم|دونباس|كردستان|دارفور|سيناء|الجولان|هضبة الجولان|الشيشان|
		كشمير|البلقان|القوقاز|سيبيريا|تكساس|كاليفورنيا|فلوريدا|الاتحاد السوفيتي|الاتحاد السوفياتي`
	extraNat = `أمريكي أميركي امريكي اميركي عربي أوروبي اوروبي غربي آسيوي أفريقي إفريقي خليجي
		سوفيتي سوفياتي إسرائيلي فلسطيني بريطاني روسي صيني إيراني عراقي سوري لبناني مصري سعودي
		أردني يمني تركي كردي أفغاني باكستاني هندي ياباني كوري ألماني فرنسي إيطالي إسباني
		كازاخستاني أوكراني قطري إماراتي كويتي بحريني عماني ليبي تونسي جزائري مغربي سوداني
		موريتاني أثيوبي إثيوبي صومالي نيجيري كندي مكسيكي برازيلي أرجنتيني أسترالي بلجيكي
		هولندي سويسري نمساوي سويدي نرويجي دنماركي يوناني بولندي مجري تشيكي صربي بوسني
		ألباني أرمني أذري جورجي أوزبكي قرغيزي طاجيكي تركماني إندونيسي ماليزي فلبيني تايلاندي
		فيتنامي كوبي فنزويلي تشيلي كولومبي أطلسي شيشاني`
)

// common Arabic given names (written for kg; not taken from any data set)
const firstNames = `محمد أحمد محمود مصطفى علي حسن حسين عمر عثمان خالد سعيد سعد سعود فهد فيصل عبدالله
	عبدالرحمن عبدالعزيز عبدالكريم عبدالرحيم عبدالحميد عبدالمجيد عبدالقادر عبدالسلام عبدالفتاح عبدالناصر
	عبدالاله عبدالوهاب عبدالباسط عبدالملك عبد إبراهيم إسماعيل إسحاق يوسف يعقوب موسى عيسى داود سليمان
	سلمان نايف نواف تركي بندر سلطان ماجد ماهر مازن منصور ناصر نبيل نزار نعيم هاني هشام وليد وائل
	ياسر ياسين يحيى زكريا زياد زيد سامي سامر سمير شريف صالح صلاح طارق طلال عادل عاطف عامر عصام
	عماد عمرو فؤاد فادي فريد كريم كمال لؤي مجدي مراد مروان معاذ مهدي مؤيد نادر نضال هيثم أسامة
	أشرف أكرم أمين أنور أيمن إياد إيهاب باسم بسام بشار بشير توفيق جمال جلال جميل حاتم حازم حامد
	حمد حمدي حمزة خليل رامي رائد رشيد رضا رفيق رياض زهير سالم سعدي سليم شادي شوقي صابر صادق
	صبحي ضياء طه عادل عارف عاصم عبود عدنان عزت عزيز علاء عوني غازي غسان فاروق فتحي فراس فواز
	قاسم كامل لطفي ماهر مالك مجيد محسن مختار مدحت مسعود معتز منير مهند موفق نجيب نديم نور نوري
	هادي همام وحيد وسام وجدي يونس إدريس أدهم أنس بكر جابر جواد حبيب حيدر خضر رجب رمضان زكي
	سهيل شاكر شعبان صفوت عبده عوض فايز فوزي قيس لبيب متعب محرم معتصم مهدي نجم هلال
	فاطمة عائشة خديجة زينب مريم سارة ليلى هدى منى نادية سعاد سميرة سهام أمل إيمان رانيا رنا
	ريم لينا دينا هالة هبة نور نوال وفاء سلوى سوزان سناء فايزة فريدة نجلاء نبيلة نجوى عبير
	غادة منال ميساء لمى جميلة حنان خلود رشا رحاب شيماء صفاء عفاف علياء مها ناهد هيفاء ياسمين
	جورج جون جيمس ديفيد مايكل بيتر بول روبرت ريتشارد توماس وليام تشارلز هنري فرانسوا جاك بيير
	ميشال ميشيل نيكولا فلاديمير ديمتري سيرغي إيغور أليكسي بوريس إيفان أندريه دونالد باراك هيلاري
	جوزيف ماريا ماري آنا كارلوس خوسيه خوان لويس أنطونيو مانويل فرانك كريستوفر أنجيلا غوردن توني`

var orgHeadWords = `حزب وزارة مجلس جامعة وكالة شركة محكمة حركة اتحاد برلمان صحيفة منظمة بنك هيئة جبهة
	جماعة لجنة مؤسسة جمعية مركز معهد صندوق كتائب تنظيم رابطة نقابة حلف تحالف مصرف إذاعة قناة
	تلفزيون مجلة بورصة أكاديمية`

var locHeadWords = `منطقة مدينة عاصمة ولاية محافظة إقليم جزيرة قرية مقاطعة`

// personRoleWords lead a UniversalPetrarch person entry and are removed
// from the name (words.yaml: ar_petrarch_role, as written).
var personRoleWords = lex.ClassAsWritten("ar_petrarch_role")

// builtinLists returns the hand-written lists.
func builtinLists() map[string][]string {
	split := func(s string) []string {
		var out []string
		for _, p := range strings.Split(s, "|") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
		return out
	}
	return map[string][]string{
		core.ListTitle:   lex.ClassAsWritten("ar_title_or_role"),
		core.ListOrgTrig: strings.Fields(orgTrigWords),
		core.ListLocTrig: strings.Fields(locTrigWords),
		core.ListORG:     split(extraORG),
		core.ListCountry: split(extraLOC),
		core.ListNat:     strings.Fields(extraNat),
	}
}

var parenRE = regexp.MustCompile(`\([^)]*\)`)

// BuildLists reads the gazetteer and lexicon files under dataDir (the
// project's shared data directory: gazetteer/..., lexicon/petrarch-ar/...)
// and returns the word lists the tagger uses as features, in phrase-key form.
// Missing files are reported in the returned notes, not as errors.
func BuildLists(dataDir string) (map[string][]string, []string, error) {
	lb := &listBuilder{raw: builtinLists()}
	gz := filepath.Join(dataDir, "gazetteer")
	lb.note(lb.countryCodes(filepath.Join(gz, "country-codes", "country-codes.csv")))
	lb.note(lb.mledoze(filepath.Join(gz, "mledoze-countries", "countries.json")))
	lb.note(lb.cities(filepath.Join(gz, "world-cities-ar", "world-cities.csv")))
	lb.note(lb.intlOrgs(filepath.Join(gz, "supraverden-intl-orgs", "general_list.yaml")))
	lb.note(readPetrarch(filepath.Join(dataDir, "lexicon", "petrarch-ar", "actor_dict_ar_v4.txt"), lb.add))
	lb.note(lb.wikiTitles(filepath.Join(dataDir, WikiFile)))
	lb.note(lb.names(filepath.Join(dataDir, "names")))
	return lb.finish(), lb.notes, nil
}

// listBuilder gathers the raw phrases of each list and the notes on
// sources that could not be read.
type listBuilder struct {
	raw   map[string][]string
	notes []string
}

// add adds names to a list, parenthesised parts removed; empty names and
// names with digits are left out.
func (lb *listBuilder) add(list string, names ...string) {
	for _, n := range names {
		n = strings.TrimSpace(parenRE.ReplaceAllString(n, " "))
		if n == "" || strings.ContainsAny(n, "0123456789") {
			continue
		}
		lb.raw[list] = append(lb.raw[list], n)
	}
}

// note records a source's error, if any.
func (lb *listBuilder) note(err error) {
	if err != nil {
		lb.notes = append(lb.notes, err.Error())
	}
}

// countryCodes adds the Arabic country names of country-codes.csv.
func (lb *listBuilder) countryCodes(path string) error {
	rows, err := sources.ReadCSV(path)
	if err != nil {
		return err
	}
	for _, r := range rows {
		for _, c := range []string{"official_name_ar", "UNTERM Arabic Short", "UNTERM Arabic Formal"} {
			if v, ok := r[c]; ok {
				lb.add(core.ListCountry, v)
			}
		}
	}
	return nil
}

// mledoze adds the Arabic country names of mledoze's countries.json.
func (lb *listBuilder) mledoze(path string) error {
	cs, err := sources.ReadMledozeCountries(path)
	if err != nil {
		return err
	}
	for _, c := range cs {
		if t, ok := c.Translations["ara"]; ok {
			lb.add(core.ListCountry, t.Common, t.Official)
		}
	}
	return nil
}

// cities adds the countries and the cities of world-cities.csv, without a
// leading ولاية/محافظة/...; one-word city names of three letters or fewer
// are left out.
func (lb *listBuilder) cities(path string) error {
	rows, err := sources.ReadCSV(path)
	if err != nil {
		return err
	}
	for _, r := range rows {
		if _, ok := r["CityNameAr"]; !ok {
			continue
		}
		lb.add(core.ListCountry, r["CountryNameAr"])
		city := r["CityNameAr"]
		for _, pre := range []string{"ولاية ", "محافظة ", "مدينة ", "منطقة ", "إقليم "} {
			city = strings.TrimPrefix(city, pre)
		}
		if strings.Contains(city, " ") || utf8.RuneCountInString(city) > 3 {
			lb.add(core.ListCity, city)
		}
	}
	return nil
}

// intlOrgs adds the Arabic names of the international organisations of
// the supraverden list.
func (lb *listBuilder) intlOrgs(path string) error {
	orgs, err := sources.ReadIntlOrgs(path)
	if err != nil {
		return err
	}
	for _, o := range orgs {
		if v, ok := o.Fields["Name_ar"]; ok {
			lb.add(core.ListORG, v)
		}
	}
	return nil
}

// wikiTitles adds the titles of Wikipedia articles typed by their first
// sentence, and each title's words to the word list of its type.
func (lb *listBuilder) wikiTitles(path string) error {
	w, err := wikiTitleLists(path)
	if err != nil {
		return err
	}
	for _, l := range []string{core.ListWikiPER, core.ListWikiLOC, core.ListWikiORG} {
		lb.add(l, w[l]...)
		for _, t := range w[l] {
			for _, x := range strings.Fields(t) {
				if utf8.RuneCountInString(core.BaseForm(x)) >= 2 {
					lb.add(l+"-w", x)
				}
			}
		}
	}
	return nil
}

// names adds person names, given names and family names with an attested
// Arabic spelling (Wikidata) and places (GeoNames) from the names folder.
// All three files are tried; the first error is returned.
func (lb *listBuilder) names(dir string) error {
	errs := []error{
		gztsv.Read(filepath.Join(dir, "wikidata-person-names-ar", "full_names.tsv.gz"), func(_, f []string, _ int) error {
			if len(f) > 0 && strings.Contains(f[0], " ") {
				lb.add(core.ListWDPer, f[0])
			}
			return nil
		}),
		gztsv.Read(filepath.Join(dir, "wikidata-person-names-ar", "name_units.tsv.gz"), func(_, f []string, _ int) error {
			if len(f) < 5 || utf8.RuneCountInString(f[0]) < 2 {
				return nil
			}
			switch f[4] {
			case "given":
				lb.add(core.ListWDGiven, f[0])
			case "surname":
				lb.add(core.ListWDFamily, f[0])
			}
			return nil
		}),
		gztsv.Read(filepath.Join(dir, "geonames-cities-ar", "cities500_ar.tsv.gz"), func(_, f []string, _ int) error {
			if len(f) >= 8 && utf8.RuneCountInString(f[7]) >= 3 {
				lb.add(core.ListGNPlace, f[7])
			}
			return nil
		}),
	}
	for _, err := range errs[:len(errs)-1] {
		lb.note(err)
	}
	return errs[len(errs)-1]
}

// finish cleans every list and derives two: nationality adjectives from
// one-word country names (روسيا -> روسي) and first names from the first
// words of multi-word person names.
func (lb *listBuilder) finish() map[string][]string {
	out := map[string][]string{}
	for name, l := range lb.raw {
		out[name] = core.CleanList(l)
	}
	var nat []string
	nat = append(nat, out[core.ListNat]...)
	for _, c := range out[core.ListCountry] {
		if strings.Contains(c, " ") {
			continue
		}
		nat = append(nat, nisba(c))
	}
	out[core.ListNat] = core.CleanList(nat)
	var first []string
	for _, p := range out[core.ListPERS] {
		if w := strings.Fields(p); len(w) >= 2 && utf8.RuneCountInString(w[0]) >= 3 {
			first = append(first, w[0])
		}
	}
	first = append(first, strings.Fields(firstNames)...)
	out[core.ListFirst] = core.CleanList(first)
	return out
}

// nisba derives the masculine nationality adjective of a one-word country
// name in base form: روسيا -> روسي، مصر -> مصري، سوريه -> سوري.
func nisba(c string) string {
	rs := []rune(c)
	if len(rs) < 3 {
		return ""
	}
	switch rs[len(rs)-1] {
	case 'ا', 'ه', 'ي':
		rs = rs[:len(rs)-1]
	}
	if rs[len(rs)-1] == 'ي' {
		return string(rs)
	}
	return string(rs) + "ي"
}

// readPetrarch classifies the UniversalPetrarch actor entries: names headed
// by an organisation word are organisations, by a place word places, single
// words with a bare country code are countries (or nationality adjectives),
// and multi-word names with dated codes are persons (after leading role
// words such as رئيس or وزير are removed).
func readPetrarch(path string, add func(list string, names ...string)) error {
	entries, err := sources.ReadPetrarch(path)
	if err != nil {
		return err
	}
	orgHeads := arabic.WordSet(orgHeadWords)
	locHeads := arabic.WordSet(locHeadWords)
	roles := map[string]bool{}
	for _, w := range personRoleWords {
		roles[w] = true
	}
	// first names of the dated (person) entries, to recognise undated ones
	firsts := map[string]bool{}
	for _, e := range entries {
		if e.Dated && len(e.Words) >= 2 && !orgHeads[e.Words[0]] && !locHeads[e.Words[0]] && !roles[e.Words[0]] && utf8.RuneCountInString(e.Words[0]) >= 3 {
			firsts[e.Words[0]] = true
		}
	}
	for _, e := range entries {
		if len(e.Words) == 0 {
			continue
		}
		w := e.Words
		// drop single-letter lemmatised prepositions (أمين_عام_ل_أمة_المتحدة)
		var clean []string
		for _, x := range w {
			if utf8.RuneCountInString(x) > 1 {
				clean = append(clean, x)
			}
		}
		w = clean
		if len(w) == 0 {
			continue
		}
		phrase := strings.Join(w, " ")
		switch {
		case orgHeads[w[0]]:
			add(core.ListORG, phrase)
		case locHeads[w[0]]:
			if len(w) > 1 {
				add(core.ListCity, strings.Join(w[1:], " "))
			}
		case roles[w[0]]:
			i := 0
			for i < len(w) && roles[w[i]] {
				i++
			}
			if e.Dated && len(w)-i >= 2 {
				add(core.ListPERS, strings.Join(w[i:], " "))
			}
		case len(w) == 1 && len(e.Codes) > 0 && isCountryCode(e.Codes[0]):
			if strings.HasSuffix(w[0], "ي") {
				add(core.ListNat, w[0])
			} else {
				add(core.ListCountry, w[0])
			}
		case len(w) >= 2 && e.Dated:
			add(core.ListPERS, phrase)
		case len(w) >= 2 && len(w) <= 4 && firsts[w[0]]:
			add(core.ListPERS, phrase)
		case len(w) >= 2 && len(e.Codes) > 0 && isOrgCode(e.Codes[0]) && !strings.HasSuffix(w[len(w)-1], "ي"):
			add(core.ListORG, phrase)
		}
	}
	return nil
}

func isCountryCode(code string) bool {
	c := strings.Trim(code, "[]")
	if i := strings.IndexByte(c, ' '); i >= 0 {
		c = c[:i]
	}
	if len(c) != 3 {
		return false
	}
	_, err := strconv.Atoi(c)
	return err != nil && strings.ToUpper(c) == c
}

// isOrgCode reports whether a CAMEO actor code names an organisation sector
// (party, media, education, business, NGO, IGO).
func isOrgCode(code string) bool {
	c := strings.Trim(code, "[]")
	if i := strings.IndexByte(c, ' '); i >= 0 {
		c = c[:i]
	}
	for _, suf := range []string{"PTY", "MED", "EDU", "BUS", "NGO", "IGO"} {
		if strings.HasSuffix(c, suf) {
			return true
		}
	}
	return false
}
