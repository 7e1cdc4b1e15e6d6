package rel

import (
	"strings"

	"github.com/kg-project/kg/internal/lexicon"
	"github.com/kg-project/kg/internal/text/arabic"
)

// The relation step's words are data (package lexicon: triggers.yaml,
// titles.yaml, words.yaml); this file builds the tables the rules look
// words up in. Words are folded with arabic.MatchForm when read, so they
// match the folded tokens (أ إ آ -> ا, ى -> ي, ة -> ه, ؤ -> و, ئ -> ي).

// lex is the embedded lexicon (it panics at start-up if broken, which the
// tests of package lexicon rule out).
var lex = lexicon.Get()

// class returns the word class name of words.yaml as a set. It panics when
// words.yaml lacks it, which any test of the package shows.
func class(name string) map[string]bool {
	return setOf(lexicon.Class(name))
}

// setOf returns words (already folded) as a set, nil when there are none.
func setOf(words []string) map[string]bool {
	if len(words) == 0 {
		return nil
	}
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// set folds words (space-separated) into a set.
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
	// byPerson: the relation type when the subject is a person named
	// alone ("" = pred)
	byPerson string
	// possessive: the relation type when the object is an English
	// possessive ("" = pred; see lexicon.Trigger.Possessive)
	possessive string
	// then: one of these words must follow the object (nil: none)
	then map[string]bool
	conf float64
}

var (
	arTriggers = buildTriggers(lex.ArTriggers)
	enTriggers = buildTriggers(lex.EnTriggers)
)

// buildTriggers enters each trigger of the lexicon under each of its forms.
func buildTriggers(ts []lexicon.Trigger) map[string]*trigger {
	table := map[string]*trigger{}
	for _, t := range ts {
		tr := &trigger{pred: t.Pred, preps: setOf(t.Preps), needs: setOf(t.Needs), speech: t.Speech, objTypes: t.ObjType, byPerson: t.ByPerson, possessive: t.Possessive, then: setOf(t.Then), conf: t.Conf}
		for _, f := range t.Forms {
			table[f] = tr
		}
	}
	return table
}

// arLight holds the forms of the light verbs (ar_light_verbs), whose act
// is that of the verbal noun after them (lightVerb); lightConf is their
// relations' confidence.
var (
	arLight          = setOf(lex.ArLightVerbs.Forms)
	arLightSpeech    = setOf(lex.ArLightSpeech)
	lightConf        = lex.ArLightVerbs.Conf
	arLightBetween   = class("ar_light_between")
	lightTriggerNone = &trigger{} // a light verb's trigger until its noun gives the relation type
)

// prepIn: the object of a place is in or at it (الواقع في).
var prepIn = class("ar_in")

// Phrases of several English words are joined with "_" above; they are
// matched by joining the following tokens.
var enPhraseFirst = map[string]bool{}

// enPhraseMax is the number of words of the longest English trigger phrase.
var enPhraseMax = 1

func init() {
	for k := range enTriggers {
		if i := strings.IndexByte(k, '_'); i > 0 {
			enPhraseFirst[k[:i]] = true
		}
		enPhraseMax = max(enPhraseMax, strings.Count(k, "_")+1)
	}
}

// arActionNoun maps verbal nouns that take a nationality adjective as their
// agent (الهجوم الأمريكي على إيران) to predicates.
var arActionNoun = lex.ArActionNouns

// arNounObjects are the prepositions of a verbal noun's object after a
// named agent, by relation type (triggers.yaml's ar_noun_objects).
var arNounObjects = lex.ArNounObjects

// arNounObjectSet holds arNounObjects as sets, by relation type.
var arNounObjectSet = func() map[string]map[string]bool {
	m := map[string]map[string]bool{}
	for pred, ws := range arNounObjects {
		m[pred] = setOf(ws)
	}
	return m
}()

// enNouns and enNounObjects are English verbal nouns with a named agent
// and their objects' prepositions (triggers.yaml's en_nouns).
var (
	enNouns       = lex.EnNouns
	enNounObjects = lex.EnNounObjects
)

// The word classes of words.yaml, in MatchForm (see that file for what
// each one is for).
var (
	arDirection      = class("ar_direction")
	arRegion         = class("ar_region")
	arCapitalWord    = class("ar_capital_word")
	arTitleHead      = class("ar_title_head")
	arTitleToName    = class("ar_between_title_and_name")
	arTitleAdjective = class("ar_title_adjective")
	arFamily         = class("ar_family")
	arOfficeFiller   = class("ar_office_filler")
	arRelative       = class("ar_relative")
	arThatPron       = class("ar_that_pron")
	arSubordinate    = class("ar_subordinate")
	arNotHolder      = class("ar_not_holder")
	arAide           = class("ar_aide")
	arUnitPrep       = class("ar_unit_prep")
	arBodyNoun       = class("ar_body_noun")
	// honorifics between a not-holder word and the title
	arHonorificWord = class("ar_honorific_word")
	enNotHolder     = class("en_not_holder")
	enAnd           = class("en_and")
	enRelative      = class("en_relative")
	enClauseLink    = class("en_clause_link")
	arSports        = class("ar_sports")
	enSports        = class("en_sports")
	arTargetPrep    = class("ar_target_prep")
	arReasonPrep    = class("ar_reason_prep")
	arOccasionPrep  = class("ar_occasion_prep")
	arGreeting      = class("ar_greeting")
	arGreetingOcc   = class("ar_greeting_occasion")
	arHoliday       = class("ar_greeting_holiday")
	arLedBy         = class("ar_led_by")
	arThat          = class("ar_that")
	arClauseOpener  = class("ar_clause_particle")
	arFemPlural     = class("ar_feminine_plural")
	enPronoun       = class("en_subject_pronoun")
	enPronounAdverb = class("en_pronoun_adverb")
	arAbout         = class("ar_about")
	arSecGen        = class("ar_secretary_general")
	arSecGenBody    = class("ar_secretary_body")
	arForHolder     = class("ar_for_holder")
	arTreasury      = class("ar_treasury")
	arVenuePrep     = class("ar_venue_prep")
	arBelongsTo     = class("ar_belongs_to")
	arNamedAfter    = class("ar_named_after")
	arNotCue        = notCueWords()
	arTitleToOrg    = class("ar_title_to_org")
	arBranch        = class("ar_branch")
	// names of national bodies and forces, whose place with ب is a
	// branch's
	nationalBodies = lexicon.Phrases("ar_national_body")
	// words that make a national body the general one, at the capital
	arGeneralBody      = class("ar_general_body")
	enVenuePrep        = class("en_venue_prep")
	arNeg              = class("ar_neg")
	arFutureWord       = class("ar_future")
	arPast             = class("ar_past")
	arWithinBody       = class("ar_within_body")
	arCaptain          = class("ar_captain")
	arCoach            = lexicon.Phrases("ar_coach")
	arTeamWord         = class("ar_team_word")
	arEventNoun        = class("ar_event_noun")
	arSpeechNoun       = class("ar_speech_noun")
	arSourceNoun       = class("ar_source_noun")
	arTellVerb         = class("ar_tell_verb")
	arSportsBody       = class("ar_sports_body")
	arHelpWord         = class("ar_help")
	enHelpWord         = class("en_help")
	enHelpAfter        = class("en_help_after")
	enHelpVerb         = class("en_help_verb")
	arActorNoun        = class("ar_actor_noun")
	arCountryRef       = class("ar_country_ref")
	arHisCountry       = class("ar_his_country")
	arThis             = class("ar_this")
	arBoundary         = class("ar_boundary")
	arPreps            = class("ar_preps")
	arObliged          = class("ar_obliged")
	arBeforeApposition = class("ar_before_apposition")
	arFormer           = class("ar_former")
	arWas              = class("ar_was")
	// phrases that mark a title's holder as dead or relieved of it, before
	// the title or the name, and as dead after the name
	pastBeforePhrases = append(lexicon.Phrases("ar_late_before"), lexicon.Phrases("ar_relieved")...)
	lateAfterPhrases  = lexicon.Phrases("ar_late_after")
	// a body a person leaves (dropDeparted)
	departedFromPhrases = lexicon.Phrases("ar_departed_from")
	arDepartedHead      = class("ar_departed_head")
	arTitleOrRole       = class("ar_title_or_role")
	arTitleAfterName    = class("ar_title_after_name")
	enPreps             = class("en_preps")
	arAgentOf           = class("ar_agent_of")
	arAgentTitle        = class("ar_agent_title")
	arSpeechNext        = class("ar_speech_next")
	enActorNoun         = class("en_actor_noun")
	arFighters          = class("ar_fighters")
	arBetween           = class("ar_between")
	arSideWord          = class("ar_side_word")
	arConditional       = class("ar_conditional")
	enConditional       = class("en_conditional")
	arFigurative        = class("ar_figurative")
	enFigurative        = class("en_figurative")
	enBetween           = class("en_between")
	enSpokesman         = class("en_spokesman")
	enFighters          = class("en_fighters")
	enPartyWords        = class("en_party_words")
	enAgentOf           = class("en_agent_of")
	enTitleOrRole       = class("en_title_or_role")
	arInvite            = class("ar_invite")
	enNeg               = class("en_neg")
	enFuture            = class("en_future")
	enInfinitive        = class("en_infinitive")
	enAux               = class("en_aux")
	enBoundary          = class("en_boundary")
	enThat              = class("en_that")
	enAttribution       = class("en_attribution")
	enClauseVerb        = class("en_clause_verb")
	enPassive           = class("en_passive")
	enEvent             = class("en_event")
	arMinister          = class("ar_minister")
	arPersonObjectVerb  = class("ar_person_object_verb")
)

// notCueWords returns ar_not_cue by folded word: whether the word as
// written has أ or إ (then only a word so written is it).
func notCueWords() map[string]bool {
	m := map[string]bool{}
	for _, w := range lexicon.ClassAsWritten("ar_not_cue") {
		m[arabic.MatchForm(w)] = strings.ContainsAny(w, "أإ")
	}
	return m
}

// notCue reports whether an Arabic token (text as written, bare its
// MatchForm without the conjunction) is a word of ar_not_cue, with or
// without a preposition before it (بالقدم، للمؤسسة).
func notCue(text, bare string) bool {
	hamza := strings.ContainsAny(text, "أإ")
	is := func(w string) bool {
		h, ok := arNotCue[w]
		return ok && (h || !hamza)
	}
	if is(bare) {
		return true
	}
	if r, ok := strings.CutPrefix(bare, "لل"); ok && is("ال"+r) {
		return true
	}
	for _, p := range []string{"ب", "ل", "ك"} {
		if r, ok := strings.CutPrefix(bare, p); ok && is(r) {
			return true
		}
	}
	return false
}
