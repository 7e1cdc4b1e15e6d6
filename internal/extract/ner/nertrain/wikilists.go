package nertrain

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/kg-project/kg/internal/sources"

	"github.com/kg-project/kg/internal/extract/ner/internal/core"

	lex "github.com/kg-project/kg/internal/lexicon"
	"github.com/kg-project/kg/internal/text/arabic"
)

// WikiFile is the unlabelled Arabic Wikipedia text (CC BY-SA 4.0) under the
// data directory; its article titles, typed by their first sentence, make
// the wiki-* lists.
const WikiFile = sources.WikiFile

// Words that say what an article is about when they come first after its
// title in its first sentence (سياسي مصري، مدينة إيرانية، جامعة حكومية),
// in base form after phraseKey. A person's article also says so by the
// years of birth and death in brackets or by ولد. The person words are the
// class ar_person_description of the lexicon's words.yaml, read as written.
const (
	wikiPlaceWords = `مدينة قرية بلدة دولة محافظة منطقة جزيرة نهر جبل بحيرة عاصمة ولاية إقليم مقاطعة حي
		ضاحية واحة صحراء خليج مضيق بحر محيط شبه سلسلة هضبة وادي سهل مركز ناحية قضاء بلدية جمهورية
		مملكة إمارة سلطنة كومونة مستوطنة ميناء شارع ميدان قارة أرخبيل شلال بركان`
	wikiOrgWords = `جامعة شركة حزب منظمة نادي فريق قناة صحيفة جريدة مجلة جمعية مؤسسة بنك مصرف هيئة
		وزارة مجلس اتحاد جماعة حركة تنظيم وكالة معهد أكاديمية كلية مدرسة محطة إذاعة فرقة منتخب
		مجموعة تحالف جبهة رابطة نقابة مستشفى متحف مكتبة مركز شبكة مصنع دار`
)

var (
	yearsRE     = regexp.MustCompile(`\([^)]*[0-9]{3,4}[^)]*\)`)
	wikiSkip    = arabic.WordSet(`هو هي كان كانت يعد تعد يعتبر تعتبر أحد إحدى احد احدى من أو او واحد واحدة وهو وهي`)
	wikiBornRE  = regexp.MustCompile(`(^|\s)(ولد|ولدت|مواليد|توفي|توفيت)(\s|$)`)
	wikiListsRE = regexp.MustCompile(`^(قائمة|قوائم|تاريخ|ملحق)\s`)
)

// wikiTitleLists reads the Wikipedia articles under dataDir and returns the
// titles of the articles whose first sentence says they are about a person,
// a place or an organisation, as the wiki-per, wiki-loc and wiki-org lists
// (raw phrases).
func wikiTitleLists(path string) (map[string][]string, error) {
	types := map[string]string{}
	for _, w := range lex.ClassAsWritten("ar_person_description") {
		types[core.BaseForm(w)] = core.ListWikiPER
	}
	for _, w := range strings.Fields(wikiPlaceWords) {
		types[core.BaseForm(w)] = core.ListWikiLOC
	}
	for _, w := range strings.Fields(wikiOrgWords) {
		types[core.BaseForm(w)] = core.ListWikiORG
	}
	out := map[string][]string{}
	err := sources.EachWikiArticle(path, func(_ int, doc sources.WikiArticle) error {
		title := strings.TrimSpace(parenRE.ReplaceAllString(doc.Title, " "))
		if title == "" || wikiListsRE.MatchString(title) || strings.ContainsAny(title, "0123456789:،,") {
			return nil
		}
		tw := strings.Fields(title)
		if len(tw) > core.MaxPhrase || utf8.RuneCountInString(title) < 3 {
			return nil
		}
		if l := wikiType(doc.Text, len(tw), types); l != "" {
			out[l] = append(out[l], title)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// wikiType types an article by its first sentence: the list of the first
// type word after the title (skipping هو، كان، أحد ...), or a person's list
// when years in brackets or ولد/توفي come before any.
func wikiType(text string, titleWords int, types map[string]string) string {
	para, _, _ := strings.Cut(text, "\n")
	sent, _, _ := strings.Cut(para, ".")
	person := yearsRE.MatchString(sent) || wikiBornRE.MatchString(sent)
	words := strings.Fields(parenRE.ReplaceAllString(sent, " "))
	if len(words) < titleWords+1 {
		return ""
	}
	seen := 0
	for _, w := range words[titleWords:] {
		w = strings.Trim(w, "،,؛;:\"«»")
		b := core.BaseForm(w)
		if b == "" {
			continue
		}
		if wikiSkip[w] {
			continue
		}
		if l, ok := types[b]; ok {
			if person && l != core.ListWikiPER {
				return ""
			}
			return l
		}
		if seen++; seen >= 3 {
			break
		}
	}
	if person {
		return core.ListWikiPER
	}
	return ""
}
