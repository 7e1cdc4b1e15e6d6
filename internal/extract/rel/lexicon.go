package rel

import (
	"strings"

	"github.com/kg-project/kg/internal/extract/arabic"
)

// Words are written as in text and folded with arabic.MatchForm when the
// tables are built, so they match the folded tokens (أ إ آ -> ا, ى -> ي,
// ة -> ه, ؤ -> و, ئ -> ي).

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[arabic.MatchForm(w)] = true
	}
	return m
}

// trigger describes one verb or verbal noun.
type trigger struct {
	pred string
	// preps: the object must follow one of these prepositions (separate
	// words like في, or clitics like ب on the object's first token); empty:
	// a direct object.
	preps map[string]bool
	// needs: one of these words must occur between the trigger and the
	// object (قوات for نشر).
	needs map[string]bool
	// speech verbs take the current speaker as their subject when none is
	// written, and make later statements reported.
	speech bool
	// objTypes restricts the object's entity type ("" = any).
	objTypes string
	conf     float64
}

// verbForms expands a regular verb from its perfect (3rd person masculine
// singular) and imperfect stem (without the person prefix) into the common
// third-person forms, in MatchForm.
func verbForms(perfect, imperfect string) []string {
	p, i := arabic.MatchForm(perfect), arabic.MatchForm(imperfect)
	out := []string{p, p + "ت", p + "وا", p + "ا", p + "تا"}
	if i != "" {
		for _, pre := range []string{"ي", "ت", "ن"} {
			out = append(out, pre+i, pre+i+"ون", pre+i+"ان")
		}
	}
	return out
}

var (
	arTriggers = map[string]*trigger{}
	enTriggers = map[string]*trigger{}

	addAr       = triggerAdder(arTriggers, arabic.MatchForm) // forms as written
	addArFolded = triggerAdder(arTriggers, nil)              // forms already in MatchForm
	addEn       = triggerAdder(enTriggers, nil)
)

// triggerAdder returns a function that enters a trigger in table under
// each of its forms, folded with fold (nil: as they are).
func triggerAdder(table map[string]*trigger, fold func(string) string) func(t *trigger, forms ...string) {
	return func(t *trigger, forms ...string) {
		for _, f := range forms {
			if fold != nil {
				f = fold(f)
			}
			table[f] = t
		}
	}
}

func addArVerb(t *trigger, perfect, imperfect string, extra ...string) {
	addArFolded(t, verbForms(perfect, imperfect)...)
	addAr(t, extra...)
}

var (
	prepIn    = set("في داخل الى إلى")
	prepFrom  = set("من")
	prepOn    = set("على")
	prepWith  = set("مع")
	prepBi    = set("ب")
	troopWord = set("قوات القوات قوة القوة جنود الجنود جنودا قواتها قواته عسكرية وحدات")
	enTroops  = set("troops forces soldiers units peacekeepers")
)

func init() {
	union := func(ms ...map[string]bool) map[string]bool {
		out := map[string]bool{}
		for _, m := range ms {
			for k := range m {
				out[k] = true
			}
		}
		return out
	}
	// Speech: the object is the first entity of the reported clause.
	said := &trigger{pred: "STATED", speech: true, conf: 0.5}
	addArVerb(said, "قال", "قول", "قالت", "قالوا", "يقول", "تقول")
	addArVerb(said, "أضاف", "ضيف")
	addArVerb(said, "أكد", "ؤكد")
	addArVerb(said, "صرح", "صرح")
	addArVerb(said, "أوضح", "وضح")
	addArVerb(said, "أعلن", "علن")
	addArVerb(said, "شدد", "شدد")
	addArVerb(said, "تابع", "تابع")
	addArVerb(said, "أردف", "ردف")
	addArVerb(said, "أشار", "شير", "مشيرا", "مشيرة")
	addArVerb(said, "لفت", "لفت")
	addArVerb(said, "اعتبر", "عتبر")
	addEn(said, "said", "says", "say", "stated", "added", "announced", "declared", "insisted", "argued", "warned")

	addArVerb(&trigger{pred: "CONDEMNED", preps: prepBi, conf: 0.7}, "ندد", "ندد")
	addArVerb(&trigger{pred: "CONDEMNED", conf: 0.7}, "أدان", "دين", "أدانت", "يدين", "تدين")
	addArVerb(&trigger{pred: "CONDEMNED", conf: 0.7}, "استنكر", "ستنكر")
	addArVerb(&trigger{pred: "CONDEMNED", conf: 0.7}, "شجب", "شجب")
	addEn(&trigger{pred: "CONDEMNED", conf: 0.7}, "condemned", "condemns", "denounced", "denounces")
	addArVerb(&trigger{pred: "CRITICIZED", conf: 0.65}, "انتقد", "نتقد")
	addEn(&trigger{pred: "CRITICIZED", conf: 0.65}, "criticised", "criticized", "criticises", "criticizes", "attacked_verbally")
	addArVerb(&trigger{pred: "ACCUSED", conf: 0.7}, "اتهم", "تهم")
	addEn(&trigger{pred: "ACCUSED", conf: 0.7}, "accused", "accuses", "blamed", "blames")
	addArVerb(&trigger{pred: "REJECTED", conf: 0.6}, "رفض", "رفض")
	addEn(&trigger{pred: "REJECTED", conf: 0.6}, "rejected", "rejects")
	addArVerb(&trigger{pred: "THREATENED", conf: 0.65}, "هدد", "هدد")
	addArVerb(&trigger{pred: "THREATENED", conf: 0.65}, "توعد", "توعد")
	addEn(&trigger{pred: "THREATENED", conf: 0.65}, "threatened", "threatens")
	addArVerb(&trigger{pred: "PRAISED", preps: prepBi, conf: 0.65}, "أشاد", "شيد", "مشيدا", "مشيدة")
	addArVerb(&trigger{pred: "PRAISED", conf: 0.6}, "ثمن", "ثمن")
	addArVerb(&trigger{pred: "PRAISED", conf: 0.6}, "شكر", "شكر")
	addEn(&trigger{pred: "PRAISED", conf: 0.6}, "praised", "praises", "thanked", "thanks", "hailed")
	// The bare perfect دعم is far more often the noun "support".
	addAr(&trigger{pred: "SUPPORTED", conf: 0.55}, "دعمت", "دعموا", "يدعم", "تدعم", "يدعمون")
	addArVerb(&trigger{pred: "SUPPORTED", conf: 0.55}, "أيد", "ؤيد")
	addEn(&trigger{pred: "SUPPORTED", conf: 0.55}, "supported", "supports", "backed", "backs", "endorsed")

	callOn := &trigger{pred: "CALLED_ON", conf: 0.6}
	addAr(callOn, "دعا", "دعت", "دعوا", "يدعو", "تدعو", "يدعون", "داعيا", "داعية")
	addArVerb(callOn, "طالب", "طالب")
	addArVerb(callOn, "حث", "حث")
	addArVerb(callOn, "ناشد", "ناشد")
	addEn(callOn, "urged", "urges", "called_on", "calls_on", "appealed_to")
	addArVerb(&trigger{pred: "REQUESTED_ASSISTANCE_FROM", preps: prepBi, conf: 0.65}, "استنجد", "ستنجد")
	addArVerb(&trigger{pred: "REQUESTED_ASSISTANCE_FROM", preps: prepFrom, conf: 0.6}, "طلب", "طلب")

	addAr(&trigger{pred: "MET_WITH", conf: 0.7}, "التقى", "التقت", "التقوا", "يلتقي", "تلتقي", "التقاه", "التقاها")
	addArVerb(&trigger{pred: "MET_WITH", preps: union(prepWith, prepBi), conf: 0.7}, "اجتمع", "جتمع")
	// عقد اجتماعا / لقاء مع، أجرى مباحثات مع، بحث مع: talks with someone
	meetingWord := set("اجتماعا اجتماع الاجتماع لقاء لقاءا اللقاء جلسة مباحثات محادثات المباحثات المحادثات قمة مشاورات")
	addArVerb(&trigger{pred: "MET_WITH", preps: prepWith, needs: meetingWord, conf: 0.65}, "عقد", "عقد")
	addArVerb(&trigger{pred: "MET_WITH", preps: prepWith, needs: meetingWord, conf: 0.65}, "أجرى", "جري")
	addArVerb(&trigger{pred: "MET_WITH", preps: prepWith, conf: 0.6}, "بحث", "بحث")
	addEn(&trigger{pred: "MET_WITH", conf: 0.7}, "met", "meets", "meet", "met_with")
	addAr(&trigger{pred: "VISITED", objTypes: "Location", conf: 0.7}, "زار", "زارت", "زاروا", "يزور", "تزور")
	addAr(&trigger{pred: "VISITED", preps: prepIn, objTypes: "Location", conf: 0.65}, "وصل", "وصلت", "يصل", "تصل")
	addEn(&trigger{pred: "VISITED", objTypes: "Location", conf: 0.7}, "visited", "visits", "arrived_in", "travelled_to", "traveled_to")
	addArVerb(&trigger{pred: "HOSTED", conf: 0.65}, "استقبل", "ستقبل")
	addArVerb(&trigger{pred: "HOSTED", conf: 0.65}, "استضاف", "ستضيف")
	addEn(&trigger{pred: "HOSTED", conf: 0.65}, "hosted", "hosts")
	addArVerb(&trigger{pred: "AGREED_WITH", preps: prepWith, conf: 0.6}, "اتفق", "تفق")
	addEn(&trigger{pred: "AGREED_WITH", conf: 0.6}, "agreed_with")
	addArVerb(&trigger{pred: "SIGNED_AGREEMENT_WITH", preps: prepWith, conf: 0.65}, "وقع", "وقع")
	addEn(&trigger{pred: "SIGNED_AGREEMENT_WITH", preps: set("with"), conf: 0.65}, "signed")
	addArVerb(&trigger{pred: "NEGOTIATED_WITH", preps: prepWith, conf: 0.6}, "تفاوض", "تفاوض")
	addEn(&trigger{pred: "NEGOTIATED_WITH", conf: 0.6}, "negotiated_with", "held_talks_with", "talks_with")

	deploy := &trigger{pred: "DEPLOYED_TROOPS_IN", preps: union(prepIn, set("ب")), needs: troopWord, objTypes: "Location", conf: 0.75}
	addArVerb(deploy, "نشر", "نشر")
	addArVerb(deploy, "أرسل", "رسل")
	addArVerb(deploy, "دفع", "دفع")
	addEn(&trigger{pred: "DEPLOYED_TROOPS_IN", preps: set("in into to"), needs: enTroops, objTypes: "Location", conf: 0.75}, "deployed", "deploys", "sent", "sends", "dispatched")
	withdraw := &trigger{pred: "WITHDREW_FROM", preps: prepFrom, conf: 0.7}
	addArVerb(withdraw, "انسحب", "نسحب")
	addArVerb(withdraw, "سحب", "سحب")
	addEn(&trigger{pred: "WITHDREW_FROM", preps: set("from"), conf: 0.7}, "withdrew", "withdraw", "withdraws", "withdrawn", "pulled_out_of")
	addArVerb(&trigger{pred: "IMPOSED_SANCTIONS_ON", preps: prepOn, needs: set("عقوبات العقوبات"), conf: 0.7}, "فرض", "فرض")
	addEn(&trigger{pred: "IMPOSED_SANCTIONS_ON", preps: set("on"), needs: set("sanctions embargo"), conf: 0.7}, "imposed", "imposes")
	arrest := &trigger{pred: "ARRESTED", objTypes: "Person", conf: 0.6}
	addArVerb(arrest, "اعتقل", "عتقل")
	addArVerb(arrest, "احتجز", "حتجز")
	addEn(arrest, "arrested", "detained")
	attack := &trigger{pred: "ATTACKED", conf: 0.6}
	addArVerb(attack, "هاجم", "هاجم")
	addArVerb(attack, "استهدف", "ستهدف")
	addArVerb(attack, "قصف", "قصف")
	addEn(attack, "attacked", "attacks", "bombed", "shelled", "struck")
	addArVerb(&trigger{pred: "FOUGHT", preps: prepWith, conf: 0.6}, "اشتبك", "شتبك")
	addEn(&trigger{pred: "FOUGHT", conf: 0.6}, "fought", "clashed_with")
	addArVerb(&trigger{pred: "KILLED", objTypes: "Person", conf: 0.6}, "اغتال", "غتال")
	addEn(&trigger{pred: "KILLED", objTypes: "Person", conf: 0.6}, "killed", "assassinated")
	addEn(&trigger{pred: "ADDRESSED", conf: 0.7}, "addressed", "addresses")
}

// Phrases of several English words are joined with "_" above; they are
// matched by joining the following tokens.
var enPhraseFirst = map[string]bool{}

func init() {
	for k := range enTriggers {
		if i := strings.IndexByte(k, '_'); i > 0 {
			enPhraseFirst[k[:i]] = true
		}
	}
}

// arActionNoun maps verbal nouns that take a nationality adjective as their
// agent (الهجوم الأمريكي على إيران) to predicates.
var arActionNoun = func() map[string]string {
	m := map[string]string{}
	add := func(pred, words string) {
		for w := range set(words) {
			m[w] = pred
		}
	}
	add("ATTACKED", "الهجوم هجوم العدوان عدوان الاعتداء اعتداء الغزو غزو القصف قصف الضربات ضربات الغارات غارات الهجمات هجمات")
	add("IMPOSED_SANCTIONS_ON", "العقوبات عقوبات الحصار حصار")
	add("WITHDREW_FROM", "الانسحاب انسحاب")
	add("SUPPORTED", "الدعم دعم التأييد تأييد")
	add("PROVIDED_AID_TO", "المساعدات مساعدات")
	add("THREATENED", "التهديد تهديد التهديدات تهديدات")
	add("CONDEMNED", "الإدانة إدانة")
	add("ACCUSED", "الاتهامات اتهامات")
	return m
}()

var (
	arTitleHead = set("أمير الأمير رئيس الرئيس وزير محافظ ملك سفير حاكم نائب أمين")
	arRelative  = set("الذي التي الذين اللذين اللتين اللواتي اللاتي")
	// a subject before the verb is not looked for beyond these (الدور الذي
	// تلعبه إيران عندما يلتقي ...: Iran does not meet)
	arThatPron    = set("إنه أنه انه إنها أنها انها بأنه بانه بأنها إنهم أنهم")
	arSubordinate = set("عندما حين حينما لما بينما كلما كما إذا اذا لو لأن لان حيث")
	// a title after these is a compound one (نائب رئيس الوزراء "deputy prime
	// minister"): the name that follows does not hold the title itself.
	// (مستشار الرئيس X "the president's adviser" or مكتب رئيس الوزراء X are
	// left alone: there X is the holder.)
	arNotHolder = set("نائب نائبة مساعد مساعدة")
	enRelative  = set("who which that whose whom")
	arSports    = set("فريق فريقا فريقي مباراة مباراه المباراة الدوري دوري كأس بطولة البطولة منتخب المنتخب ملعب استاد هدف أهداف لاعب اللاعب مدرب")
	enSports    = set("match team teams league cup football tournament goal goals striker coach squad")
)

// arTargetPrep introduces the target of an action noun.
var arTargetPrep = set("على ضد من بحق")

// Arabic function words and cues, in MatchForm.
var (
	arThat       = set("أن إن ان بأن وأن")
	arNeg        = set("لن لم لا ليس ليست لما")
	arFutureWord = set("سوف")
	arEventNoun  = set("جلسة الجلسة اجتماع الاجتماع قمة القمة مؤتمر المؤتمر اجتماعات أعمال دورة الدورة")
	arHelpWord   = set("المساعدة للمساعدة مساعدة إرسال ارسال قوات النجدة")
	arActorNoun  = set("القوات قوات الجيش جيش الحكومة حكومة السلطات سلطات الشرطة القوة قوة وزارة الوزارة البحرية القيادة")
	arCountryRef = set("البلاد بالبلاد للبلاد البلد بلد")
	arHisCountry = set("بلاده بلادها لبلاده لبلادها وبلاده وبلادها")
	arThis       = set("هذا هذه ذلك تلك")
	arBoundary   = set("، , . : ؛ ; « » “ ” \" ( ) ؟ ? ! -")
	arPreps      = set("في من الى إلى على عن مع لدى حول ضد بين عبر نحو خلال منذ")
	enPreps      = set("in of from to at on with by for against about into between")
	// A mention right after one of these nouns is not the actor: someone
	// acting for it is (ممثل خامنئي، مصادر الإليزيه، "a spokesman for").
	arAgentOf = set("ممثل مستشار نائب مساعد مبعوث مصادر مصدر مسؤول مسؤولو مسؤولي متحدث وفد سفارة أنصار مؤيدو عناصر زعيم قائد رئيس مدير مكتب حكومة وزير وزارة حلفاء حليف خصوم منتقدو معارضو سكان")
	// Words that may follow a speech verb without being its subject
	// (وأضاف أن، وقال في بيان، وتابع قائلا): the speaker of the previous
	// sentences may still be speaking. Any other word there is the verb's
	// own subject (وقال مصدر، ويقول سكان، وقالت الدعوى): not the speaker.
	// Nouns after a speech verb that refer back to the speaker by role.
	arAgentTitle = set("الوزير الرئيس المتحدث الناطق المسؤول السفير المبعوث الأمين المدير الملك الأمير الشيخ القائد الزعيم المستشار النائب رئيس وزير")
	arSpeechNext = set(`أن إن ان بأن وأن أنه إنه انه أنها إنها انها بأنه بانه بأنها له لها لهم في من الى إلى على عن مع لدى حول خلال عبر
		ل ب أمس امس اليوم غدا مساء صباح يوم السبت الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة أيضا ايضا كذلك قائلا قائلة مضيفا
		مضيفة موضحا موضحة مشيرا مشيرة متسائلا بدوره بدورها بالقول إنّ أنّ`)
	enActorNoun = set("troops forces army government authorities police navy military soldiers")
	enAgentOf   = set("spokesman spokeswoman spokesperson aide adviser advisor envoy sources source official officials representative allies supporters")
	// دعا X للمجيء: an invitation, not a demand.
	arInvite   = set("للمجيء لزيارة لحضور للمشاركة لزيارته")
	enNeg      = set("not never n't no")
	enFuture   = set("will would shall")
	enAux      = set("has have had also has_also") // skipped between subject and verb
	enBoundary = set(", . : ; ( ) ? ! \" “ ” —")
	enThat     = set("that")
	enPassive  = set("was were been being is are")
)
