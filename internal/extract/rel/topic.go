package rel

import (
	"strings"

	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/vocab"
)

// dropOffTopic removes the Arabic STATED relations, from the rules or the
// model, whose object is not what the statement is about: the argument
// that opens a reported clause in the sentence (قال بوتين إن [بلاده] لن
// تنضم; أكد أن [إيطاليا] والبرتغال ..., each name of a list it opens), or
// follows عن/حول "about". A place or body named further in what was said
// (the stadium of the match a coach said his players were ready for, the
// city in a centre's name, the country of "Saudi tourists") is a detail of
// the statement, not its subject: of 26 STATED relations drawn from the
// first 5,000 SaudiNewsNet articles and judged by hand at rules 0.5.91-92,
// this drops 10, 9 of them wrong; of 25 dropped ones drawn at random,
// about two thirds were wrong.
func (x *extractor) dropOffTopic() {
	if !x.ar || !x.hasPredicate("STATED") {
		return
	}
	speaker := x.speaker
	defer func() { x.speaker = speaker }()
	x.dropWhere(func(r *model.Relation) bool { return r.Predicate == "STATED" }, func(si int, r *model.Relation) bool {
		// بلاده "his country" is the speaker's, the relation's subject
		x.speaker = r.Subject
		return !x.opensStatement(si, r.Subject, r.Object)
	})
}

// dropWhere removes the relations of x.out that match and that drop
// reports for the sentence of their evidence (si); relations whose
// sentence is not found stay.
func (x *extractor) dropWhere(match func(r *model.Relation) bool, drop func(si int, r *model.Relation) bool) {
	var keys []string
	for k, r := range x.out {
		if !match(r) {
			continue
		}
		if si, ok := x.sentenceAt(r.Evidence.Start); ok && drop(si, r) {
			keys = append(keys, k)
		}
	}
	for _, k := range keys {
		delete(x.out, k)
	}
}

// everyMentionIn reports whether entity e has a mention in sentence si and
// ok holds of each of them (t, its first token).
func (x *extractor) everyMentionIn(si int, e string, ok func(t int, m *Mention) bool) bool {
	a, b := x.sentTok[si][0], x.sentTok[si][1]
	found := false
	for t := max(a, 0); t < b; t++ {
		m := x.mention(t)
		if m == nil || m.Start != t || m.Entity != e {
			continue
		}
		if !ok(t, m) {
			return false
		}
		found = true
	}
	return found
}

// opensStatement reports whether entity obj is, in sentence si, the first
// mention after أن/إن, a colon or عن/حول (at most four words on), or the
// first argument there as the speech rule reads it (findArg, subj
// excluded: بلاده, a title phrase for its holder), or one of a list of
// names that argument opens; or the first mention at most two words
// after the speaker's name (حذر بوتين من روسيا).
func (x *extractor) opensStatement(si int, subj, obj string) bool {
	a, b := x.sentTok[si][0], x.sentTok[si][1]
	opener := func(j int) bool { return arThat[x.bare[j]] || arAbout[x.bare[j]] || x.norm[j] == ":" }
	// what the speaker spoke of right after his name (حذر بوتين من
	// [روسيا], أعلن الوزير [مصر] ...): at most two words on, no mention
	// between
	for t := a; t < b; t++ {
		if m := x.mention(t); m == nil || m.Start != t || m.Entity != subj {
			continue
		}
		for u := x.d.Mentions[x.mAt[t]].End; u < b && u <= x.d.Mentions[x.mAt[t]].End+2; u++ {
			if x.mAt[u] >= 0 {
				if m := x.d.Mentions[x.mAt[u]]; m.Start == u && m.Entity == obj && !x.modifierDemonym(u) {
					return true
				}
				break
			}
		}
	}
	for j := a; j < b; j++ {
		if !opener(j) {
			continue
		}
		// a mention of obj at most four words on, none between (إن وزير
		// الخارجية [الإيراني])
		for t := j + 1; t < b && t <= j+4; t++ {
			if x.mAt[t] >= 0 {
				if m := x.d.Mentions[x.mAt[t]]; m.Start == t && m.Entity == obj && !x.modifierDemonym(t) {
					return true
				}
				break
			}
		}
		o, ok := x.findArg(j+1, b, 3, nil, subj, "")
		if !ok || x.modifierDemonym(o.start) {
			continue
		}
		if o.entity == obj {
			return true
		}
		if mi := x.mAt[o.start]; mi >= 0 {
			for _, k := range x.coordinated(mi) {
				if x.d.Mentions[k].Entity == obj {
					return true
				}
			}
		}
	}
	return false
}

// modifierDemonym reports whether token t is a nationality adjective, or a
// country's one-word name so written (السعودية), that qualifies the
// definite noun before it (اللجنة [السعودية] للرقابة على المنشطات,
// الحكومة [السعودية]): what was said is about the body the noun names,
// not about the country.
func (x *extractor) modifierDemonym(t int) bool {
	m := x.mention(t)
	return m != nil && x.isCountry(m) && m.Start == t && m.End == t+1 && t > 0 && x.mAt[t-1] < 0 &&
		strings.HasPrefix(x.bare[t-1], "ال") && strings.HasPrefix(x.bare[t], "ال")
}

// dropFormerHolders removes the Arabic office relations (the offices of
// titles.yaml) of a person whose title, written before the name in the
// relation's sentence, marks a former holder, and the structural relations
// of one an apposition after the name marks so (formerApposition) (ar_former: سفير لبنان
// السابق في واشنطن عبد الله بوحبيب), from the rules or the model. The
// rules read السابق right after a title and its country; a place or an
// insertion between it and the name (في واشنطن) hides it from them, not
// from the reader: the title is looked for in the six words before the
// name, back to another person's name or a boundary.
func (x *extractor) dropFormerHolders() {
	if !x.ar || len(x.out) == 0 {
		return
	}
	x.dropWhere(func(r *model.Relation) bool { return officePreds[r.Predicate] && x.types[r.Subject] == "Person" },
		func(si int, r *model.Relation) bool { return x.formerTitleBefore(si, r.Subject) })
	x.dropWhere(func(r *model.Relation) bool {
		v, ok := vocab.Get(r.Predicate)
		return ok && v.Group == "structural" && x.types[r.Subject] == "Person"
	}, func(si int, r *model.Relation) bool {
		return x.formerApposition(si, r.Subject, r.Object) || x.formerBody(si, r.Object)
	})
}

// formerBody reports whether every mention of body or place e in sentence
// si is followed by a word of ar_former, a nationality adjective between
// or not (نجم برشلونة الإسباني سابقا، مدرب الهلال السابق): the person held
// the office or membership the sentence gives in it no more.
func (x *extractor) formerBody(si int, e string) bool {
	b := x.sentTok[si][1]
	return x.everyMentionIn(si, e, func(_ int, m *Mention) bool {
		j := m.End
		if j < b && x.mAt[j] < 0 && !arFormer[x.bare[j]] && strings.HasPrefix(x.bare[j], "ال") && strings.HasSuffix(x.bare[j], "ي") {
			j++ // a nationality adjective the tagger left alone
		} else if n := x.mention(j); j < b && n != nil && n.Start == j && n.End == j+1 && x.isCountry(n) {
			j++ // برشلونة الإسباني: the adjective is Spain's mention
		}
		return j < b && x.mAt[j] < 0 && arFormer[x.bare[j]]
	})
}

// formerApposition reports whether every mention of person e in sentence
// si is followed by an apposition that makes it a former holder: a
// definite noun (a title: المدير, المسؤول) and a word of ar_former at most
// three words after the name, a comma or a closing quote before them or
// not (وضاح خنفر المدير
// السابق لقناة الجزيرة, خالد البلطان الرئيس السابق), no name between; and
// the body is named after the name or no title stands before the name
// (وزير الخارجية فلان، الرئيس السابق للحزب, holds the ministry).
func (x *extractor) formerApposition(si int, e, obj string) bool {
	a, b := x.sentTok[si][0], x.sentTok[si][1]
	found, objAfter, titled := false, false, false
	for t := a; t < b; t++ {
		m := x.mention(t)
		if m == nil || m.Start != t {
			continue
		}
		if m.Entity == obj && found {
			objAfter = true
		}
		if m.Entity != e {
			continue
		}
		j := m.End
		if j < b && closingQuote[x.norm[j]] {
			j++ // "وضاح خنفر" المدير السابق
		}
		if j < b && x.isComma(j) {
			j++
		}
		if j >= b || x.mAt[j] >= 0 || !strings.HasPrefix(x.bare[j], "ال") {
			return false
		}
		former := false
		for k := j + 1; k < b && k <= j+2; k++ {
			if x.mAt[k] >= 0 || x.isBoundary(k) || x.isComma(k) {
				break
			}
			if arFormer[x.bare[k]] {
				former = true
				break
			}
		}
		if !former {
			return false
		}
		for k, lo := t-1, x.titleWindow(si, t, e); k >= lo; k-- {
			if x.mAt[k] < 0 && (x.roleWord(k) || x.roleWithClitic(k)) {
				titled = true
			}
		}
		found = true
	}
	return found && (objAfter || !titled)
}

// dropPastOffices removes the offices a relative clause in the past
// states (ar_relative and ar_was after a name, a comma between or not):
// every mention of the person in the sentence opens one and the body is
// named only after the person (لودريان الذي كان عضوا في لجنة الدفاع،
// نيدرماير، الذي كان يرأس قسم إدارة المخاطر; not وزير الاقتصاد الألماني
// غابريال، الذي كان أول مسؤول غربي يزور إيران, whose office the title
// before the name states), or the person is named inside the one a
// mention of the body opens (القوات المسلحة المصرية، التي كان على رأسها
// ... السيسي). Structural relations of a person, from the rules or the
// model.
func (x *extractor) dropPastOffices() {
	if !x.ar || len(x.out) == 0 {
		return
	}
	x.dropWhere(func(r *model.Relation) bool {
		v, ok := vocab.Get(r.Predicate)
		return ok && v.Group == "structural" && x.types[r.Subject] == "Person"
	}, func(si int, r *model.Relation) bool {
		a, b := x.sentTok[si][0], x.sentTok[si][1]
		var subj, obj []int // the starts of the person's and the body's mentions in the sentence
		subjPast := true
		clause := -1 // where the first past clause after the body's name begins
		for t := a; t < b; t++ {
			m := x.mention(t)
			if m == nil || m.Start != t {
				continue
			}
			switch m.Entity {
			case r.Subject:
				subj = append(subj, t)
				subjPast = subjPast && x.pastClauseAfter(m.End, b)
			case r.Object:
				obj = append(obj, t)
				if clause < 0 && x.pastClauseAfter(m.End, b) {
					clause = m.End
				}
			}
		}
		if len(subj) == 0 || len(obj) == 0 {
			return false // carried over: nothing to read here
		}
		return subjPast && obj[0] > subj[0] || clause >= 0 && subj[0] >= clause
	})
}

// dropReportedEvents removes an action that is an event (no by_speech in
// the vocabulary: ATTACKED, VISITED, PROVIDED_AID_TO) of a speaker whose
// statement reports another's: in the relation's sentence the subject is
// named before a complementiser (ar_that, en_that: أن, إن, that) and not
// after it, the object only after it, and the clause it opens names
// another actor first, at most two words on, before the object or as it
// (ذكرت وكالة رويترز أن الجيش التركي هاجم مواقع حزب العمال; قال الجبير إن
// على إيران أن ...). A clause whose subject is the speaker's pronoun
// (أنه, إنها: ar_that_pron) or the speaker again, or that names no actor
// that early (أكد أن زيارته إلى ...), is left to the model. From the
// rules or the model.
func (x *extractor) dropReportedEvents() {
	if len(x.out) == 0 {
		return
	}
	x.dropWhere(func(r *model.Relation) bool {
		v, ok := vocab.Get(r.Predicate)
		return ok && v.Group == "action" && !v.BySpeech
	}, func(si int, r *model.Relation) bool {
		a, b := x.sentTok[si][0], x.sentTok[si][1]
		that := -1 // the first complementiser after the subject's first mention
		var subj, obj []int
		for t := a; t < b; t++ {
			if m := x.mention(t); m != nil && m.Start == t {
				switch m.Entity {
				case r.Subject:
					subj = append(subj, t)
				case r.Object:
					obj = append(obj, t)
				}
				continue
			}
			if that < 0 && len(subj) > 0 && x.mAt[t] < 0 && (x.ar && arThat[x.bare[t]] || !x.ar && enThat[x.bare[t]]) {
				that = t
			}
		}
		if that < 0 || len(obj) == 0 || obj[0] < that || subj[len(subj)-1] > that {
			return false
		}
		for t := that + 1; t < b && t <= that+3; t++ {
			if m := x.mention(t); m != nil {
				// the clause's subject: no preposition on it (زيارته لإيران)
				return m.Entity != r.Subject && t <= obj[0] && !(x.ar && x.words[t].Prep != "")
			}
			// before it, a head noun (طائرات التحالف) or an obligation (إن
			// على إيران أن): no boundary, no preposition (أن يسافر إلى
			// قبرص), no pronoun of the speaker's (أن زيارته إلى قطر)
			if x.isBoundary(t) || x.isComma(t) || !x.ar && enPreps[x.bare[t]] {
				return false
			}
			if x.ar && (x.words[t].Suffix != "" || x.words[t].Prep != "" || arPreps[x.bare[t]] && !(t == that+1 && arObliged[x.bare[t]])) {
				return false
			}
		}
		return false
	})
}

// pastClauseAfter reports whether the words from token j (before b) are a
// relative pronoun and "was" (ar_relative, ar_was), after a comma or not.
func (x *extractor) pastClauseAfter(j, b int) bool {
	if j < b && x.isComma(j) {
		j++
	}
	return j+1 < b && x.mAt[j] < 0 && x.mAt[j+1] < 0 && arRelative[x.bare[j]] && arWas[x.bare[j+1]]
}

// formerTitleBefore reports whether every mention of person e in sentence
// si has a word of ar_former in the six words before it, after any other
// person's name and boundary (and there is one).
func (x *extractor) formerTitleBefore(si int, e string) bool {
	return x.everyMentionIn(si, e, func(t int, _ *Mention) bool {
		for j, lo := t-1, x.titleWindow(si, t, e); j >= lo; j-- {
			if x.mAt[j] < 0 && arFormer[x.bare[j]] {
				return true
			}
		}
		return false
	})
}

// titleWindow returns where the words that may hold the title of a
// mention of person e at token t in sentence si begin: at most six words
// before it, after any other person's name and any boundary.
func (x *extractor) titleWindow(si, t int, e string) int {
	a := x.sentTok[si][0]
	j := t - 1
	for ; j >= a && j >= t-6; j-- {
		if o := x.mention(j); o != nil && o.Entity != e && o.Type == "Person" || x.isBoundary(j) {
			break
		}
	}
	return j + 1
}

// secretaryGenerals turns the Arabic LEADER_OF of a secretary-general
// (أمين عام، الأمين العام before the name) into OFFICIAL_OF where the body
// is a council, committee, authority, chamber, coalition, association,
// federation, club, company or ministry (ar_secretary_body: the head word
// of one of its mentions in the sentence) of a country, whose chairman
// leads it (not a body of states, internationalBody), where the title is
// that of one who acts for the secretary-general (ar_for_holder: مبعوث
// الأمين العام للأمم المتحدة, the envoy), and where the body follows a
// treasurer's title (treasurerOf). From the rules or the model.
func (x *extractor) secretaryGenerals() {
	if !x.ar || !x.hasPredicate("LEADER_OF") {
		return
	}
	var keys []string
	for k, r := range x.out {
		if r.Predicate != "LEADER_OF" || x.types[r.Subject] != "Person" {
			continue
		}
		si, ok := x.sentenceAt(r.Evidence.Start)
		if !ok {
			continue
		}
		if sg, forHolder := x.secGenTitle(si, r.Subject); forHolder || sg && x.secGenBody(si, r.Object) && !x.internationalBody(r.Object) || x.treasurerOf(si, r.Object) {
			keys = append(keys, k)
		}
	}
	x.relabel(keys, func(r *model.Relation) (string, string) { return "OFFICIAL_OF", r.Object })
}

// treasurerOf reports whether a mention of body e in sentence si follows a
// treasurer's title (أمين صندوق, ar_secretary_general and ar_treasury:
// رئيس الاتحاد البوليفي وأمين صندوق اتحاد أميركا الجنوبية كارلوس شافيز
// holds an office in the confederation, he does not lead it).
func (x *extractor) treasurerOf(si int, e string) bool {
	a, b := x.sentTok[si][0], x.sentTok[si][1]
	for t := a + 2; t < b; t++ {
		if m := x.mention(t); m != nil && m.Start == t && m.Entity == e &&
			x.mAt[t-1] < 0 && arTreasury[x.bare[t-1]] && arSecGen[x.bare[t-2]] {
			return true
		}
	}
	return false
}

// secGenTitle reports whether a secretary-general's title (أمين عام, الأمين
// العام) stands in the six words before a mention of person e in sentence
// si (back to another person's name or a boundary), or right after it, and
// whether a word of one who acts for its holder comes before it (مبعوث
// الأمين العام).
func (x *extractor) secGenTitle(si int, e string) (sg, forHolder bool) {
	a, b := x.sentTok[si][0], x.sentTok[si][1]
	for t := a; t < b; t++ {
		m := x.mention(t)
		if m == nil || m.Start != t || m.Entity != e {
			continue
		}
		for j, lo := t-1, max(x.titleWindow(si, t, e), a+1); j >= lo; j-- {
			if (x.bare[j] == "عام" || x.bare[j] == "العام") && arSecGen[x.bare[j-1]] ||
				arSecGen[x.bare[j]] && j+1 < t && (x.bare[j+1] == "عام" || x.bare[j+1] == "العام") {
				sg = true
				k := j - 1
				if arSecGen[x.bare[j]] {
					k = j
				}
				if k > a && arForHolder[x.bare[k-1]] {
					forHolder = true
				}
				return sg, forHolder
			}
		}
		// the title after the name (عبدالله النشوان، أمين عام غرفة الأحساء)
		j := m.End
		if j < b && x.norm[j] == "،" {
			j++
		}
		if j+1 < b && arSecGen[x.bare[j]] && (x.bare[j+1] == "عام" || x.bare[j+1] == "العام") {
			return true, false
		}
	}
	return false, false
}

// internationalBody reports whether organisation e is one the gazetteer
// knows by its Wikidata ID ("wd:" keys, model.Entity.ID) and places in no
// country: a body of states (مجلس التعاون الخليجي), whose secretary-general
// is its head, unlike a national council's.
func (x *extractor) internationalBody(e string) bool {
	if !strings.HasPrefix(e, "wd:") {
		return false
	}
	for i := range x.d.Mentions {
		if m := &x.d.Mentions[i]; m.Entity == e && m.Country != "" {
			return false
		}
	}
	return true
}

// secGenBody reports whether a mention of organisation e in sentence si
// begins with a word of ar_secretary_body (its ل or لل off).
func (x *extractor) secGenBody(si int, e string) bool {
	a, b := x.sentTok[si][0], x.sentTok[si][1]
	for t := a; t < b; t++ {
		m := x.mention(t)
		if m == nil || m.Start != t || m.Entity != e {
			continue
		}
		w := x.bare[t]
		if strings.HasPrefix(w, "لل") {
			w = "ال" + strings.TrimPrefix(w, "لل")
		} else if strings.HasPrefix(w, "ل") && arSecGenBody[strings.TrimPrefix(w, "ل")] {
			w = strings.TrimPrefix(w, "ل")
		}
		if arSecGenBody[w] {
			return true
		}
	}
	return false
}

// countryOffices are the predicates of an office of a country (vocab: a
// person's office of a country).
var countryOffices = map[string]bool{"PRESIDENT_OF": true, "PRIME_MINISTER_OF": true, "KING_OF": true, "MINISTER_OF": true, "FOREIGN_MINISTER_OF": true}

// regionOffices gives the office of a country's title held of a place
// that is no country (رئيس إقليم كردستان, the president of the Kurdistan
// Region; a state's prime minister) as OFFICIAL_OF the place; and an
// ambassador's in a capital (سفير إيران في موسكو) as AMBASSADOR_TO the
// capital's country when the article names it, else none: one is
// ambassador to a country, not a city. From the rules or the model.
func (x *extractor) regionOffices() {
	if len(x.out) == 0 {
		return
	}
	countryOf := map[string]string{} // place -> its country, by its mentions
	for _, m := range x.d.Mentions {
		if m.Type == "Location" && m.Country != "" && !x.isCountry(&m) {
			countryOf[m.Entity] = m.Country
		}
	}
	var keys []string
	for k, r := range x.out {
		// a place the gazetteer puts in a country (a region, a city), named
		// nowhere as a country itself
		if (countryOffices[r.Predicate] || r.Predicate == "AMBASSADOR_TO") && countryOf[r.Object] != "" && !x.placeKind(r.Object, "country") {
			keys = append(keys, k)
		}
	}
	x.relabel(keys, func(r *model.Relation) (string, string) {
		if r.Predicate != "AMBASSADOR_TO" {
			return "OFFICIAL_OF", r.Object
		}
		if c := countryOf[r.Object]; c != "" && x.types[c] == "Location" && c != r.Subject {
			return "AMBASSADOR_TO", c
		}
		return "", ""
	})
}

// bodyRoles turns the Arabic LEADER_OF of a person whose title is an
// office within the body into OFFICIAL_OF: the body named after في right
// before the name (القائد العسكري في حزب الله عماد مغنية, رئيس لجنة
// الشؤون الخارجية في المجلس الوطني ... محمد المحدثين: a commander, a
// committee's chairman in the body, not its head); and that of a club's
// captain into MEMBER_OF (قائد النصر حسين عبدالغني, قائد فريق الهلال: a
// player). From the rules or the model.
func (x *extractor) bodyRoles() {
	if !x.ar || !x.hasPredicate("LEADER_OF") {
		return
	}
	var within, captains []string
	for k, r := range x.out {
		if r.Predicate != "LEADER_OF" || x.types[r.Subject] != "Person" {
			continue
		}
		si, ok := x.sentenceAt(r.Evidence.Start)
		if !ok {
			continue
		}
		if x.coachOf(si, r.Subject, r.Object) {
			within = append(within, k)
			continue
		}
		switch x.bodyRole(si, r.Subject, r.Object) {
		case "within":
			within = append(within, k)
		case "captain":
			captains = append(captains, k)
		}
	}
	x.relabel(within, func(r *model.Relation) (string, string) { return "OFFICIAL_OF", r.Object })
	x.relabel(captains, func(r *model.Relation) (string, string) { return "MEMBER_OF", r.Object })
}

// coachOf reports whether sentence si names club o (a mention of Role
// club), and no other club, and calls person e its coach (ar_coach) right
// before a mention of e, a nationality between (بقيادة المدير الفني
// الأرجنتيني دييجو سيميوني), or right after it, a comma between (بقيادة
// كريستيان غروس المدرب السويسري) — not a coach's title with و, nor one
// before another person's name: that is the next person's (رئيس نادي
// الهلال عبدالرحمن بن مساعد والمدرب سامي الجابر).
func (x *extractor) coachOf(si int, e, o string) bool {
	a, b := x.sentTok[si][0], x.sentTok[si][1]
	club := false
	for t := a; t < b; t++ {
		if m := x.mention(t); m != nil && m.Role == "club" {
			if m.Entity != o {
				return false // which club's coach is not told
			}
			club = true
		}
	}
	if !club {
		return false
	}
	// skipDemonyms returns the first token from k on (step +1) or back
	// from k (step -1) that is no nationality's mention
	skipDemonyms := func(k, step int) int {
		for k >= a && k < b && x.mAt[k] >= 0 && x.d.Mentions[x.mAt[k]].Demonym {
			if m := x.d.Mentions[x.mAt[k]]; step < 0 {
				k = m.Start - 1
			} else {
				k = m.End
			}
		}
		return k
	}
	coach := func(v int, p []string) bool { // p written from token v, in no mention
		if v < a || v+len(p) > b || !x.phraseAt(v, p) {
			return false
		}
		for k := v; k < v+len(p); k++ {
			if x.mAt[k] >= 0 {
				return false
			}
		}
		return true
	}
	for t := a; t < b; t++ {
		m := x.mention(t)
		if m == nil || m.Start != t || m.Entity != e {
			continue
		}
		u := skipDemonyms(t-1, -1)
		k := m.End
		if k < b && x.isComma(k) {
			k++
		}
		for _, p := range arCoach {
			if coach(u-len(p)+1, p) {
				return true
			}
			if coach(k, p) && x.words[k].Conj == "" {
				if n := skipDemonyms(k+len(p), 1); n < b && x.mAt[n] >= 0 && x.d.Mentions[x.mAt[n]].Type == "Person" {
					continue // the title of the name after it
				}
				return true
			}
		}
	}
	return false
}

// bodyRole reports how sentence si names person e's role in body o right
// before a mention of e (at most one token between): "within" when o
// follows a word of ar_within_body (في), "captain" when o is a club after
// a word of ar_captain (قائد, قائد فريق), "" otherwise.
func (x *extractor) bodyRole(si int, e, o string) string {
	a, b := x.sentTok[si][0], x.sentTok[si][1]
	for t := a; t < b; t++ {
		m := x.mention(t)
		if m == nil || m.Start != t || m.Entity != e {
			continue
		}
		for u := t - 1; u >= a && u >= t-2; u-- {
			bm := x.mention(u)
			if bm == nil || bm.Entity != o || bm.End > t {
				continue
			}
			j := bm.Start - 1
			if j < a || x.mAt[j] >= 0 {
				break
			}
			if arWithinBody[x.bare[j]] {
				return "within"
			}
			if arTeamWord[x.bare[j]] && j > a {
				j--
			}
			if arCaptain[x.bare[j]] && bm.Role == "club" {
				return "captain"
			}
			break
		}
	}
	return ""
}

// dropClubVenues removes the Arabic LOCATED_IN of a club whose place is
// written after it as a separate word (مباراة السوبر أمام الهلال [في لندن]):
// that is where the club played, not where it is; a club's own place is
// joined to its name (الاتحاد بجدة, نادي الوحدة بمكة). From the rules or
// the model.
func (x *extractor) dropClubVenues() {
	if !x.ar || !x.hasPredicate("LOCATED_IN") {
		return
	}
	x.dropWhere(func(r *model.Relation) bool { return r.Predicate == "LOCATED_IN" },
		func(si int, r *model.Relation) bool { return x.clubVenue(si, r.Subject, r.Object) })
}

// clubVenue reports whether sentence si names club e (a mention of Role
// club) with place p after it, p's first mention there being a word of
// its own after a separate preposition (في لندن), and none joined to it
// with ب.
func (x *extractor) clubVenue(si int, e, p string) bool {
	a, b := x.sentTok[si][0], x.sentTok[si][1]
	club, venue := false, false
	for t := a; t < b; t++ {
		m := x.mention(t)
		if m == nil || m.Start != t {
			continue
		}
		switch {
		case m.Entity == e && m.Role == "club":
			club = true
		case m.Entity == p && club:
			if strings.Contains(m.Prefix, "ب") {
				return false
			}
			if t > a && arPreps[x.bare[t-1]] {
				venue = true
			}
		}
	}
	return venue
}

// closingQuote are the quotation marks that close a name written in quotes.
var closingQuote = map[string]bool{`"`: true, "»": true, "”": true, "'": true}
