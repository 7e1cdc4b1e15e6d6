package gazbuild

import (
	"os"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kg-project/kg/internal/gazetteer"
	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/sources"
	"github.com/kg-project/kg/internal/text/arabic"
)

// Common words among names. City lists and category labels give one-word
// names that are also ordinary words (ميلا "miles" for the town of Mila,
// المنشأة "the facility" for Al Minshah). commonWords checks each such
// alias against its frequency f in ordinary text, Arabic Wikipedia
// (unlabelled/arwiki-comparable-2017, 8M words), and the frequency r of
// the forms a common noun takes and a name does not (relatedForms: the
// article toggled, pronoun suffixes, plural endings: المنشأة → منشأة،
// منشآت), and marks it ambiguous for its entry when
//
//   - the entry is not prominent (a country, a capital, a city of a
//     million people or more, a curated name) and the word is more frequent
//     than a place of its size explains: f > max(10, population / 2,000),
//     unless the word never inflects (10 r < f) and f stays under twenty
//     times that (دمياط، عكا: old cities that history books name often);
//   - or the word inflects like a noun: f >= 20 and r >= f;
//   - or the place has fewer than a million people and the word is a given
//     name (سالم for Salem, ماري for Mary);
//   - or, from the lists other than world-cities-ar, the word has three
//     letters or less (مان for Man; آتن for Athens, which FindAll would
//     find in فاتن with a conjunction).
//
// The one-word forms of the project's lists of organisations (written/)
// are not held to the first limit (Wikipedia names well-known companies
// often: مايكروسوفت); a form with the article or a clitic letter whose
// bare word occurs 20 times or more (السفير, بيوجين), or is a given name,
// is ambiguous too, and writtenAmbiguous then takes such forms out.
//
// The aliases of world-cities-ar, an older list checked by hand, are held
// to looser limits (population / 1,000; f >= 50 and 2 r >= f, and only for
// places that are not prominent: الرياض has رياض "gardens", الخرج has خرج
// "went out"). An ambiguous alias still links when the NER tags the word
// as a name of the entry's type.

// relatedSuffixes are the endings a common noun takes and a place name
// does not: pronoun suffixes (not ه, which MatchForm shares with ة) and
// plural and dual endings.
var relatedSuffixes = []string{"ها", "هم", "هما", "هن", "نا", "ك", "كم", "ات", "ين", "ون", "ان"}

// relatedForms returns the inflected forms of the one-word MatchForm w
// that names do not take (and, for a word in ا, the word it can be the
// indefinite accusative of).
func relatedForms(w string) []string {
	var out []string
	base := w
	if rs := []rune(w); strings.HasPrefix(w, "ال") && len(rs) >= 4 {
		base = string(rs[2:])
		out = append(out, base)
	} else {
		out = append(out, "ال"+w)
	}
	if rs := []rune(base); len(rs) >= 4 && rs[len(rs)-1] == 'ا' {
		out = append(out, string(rs[:len(rs)-1])) // the accusative ميلا of ميل
	}
	stem := base
	if strings.HasSuffix(base, "ه") { // ة before a suffix is ت; the plural in ات
		stem = strings.TrimSuffix(base, "ه") + "ت"
		out = append(out, stem, strings.TrimSuffix(base, "ه")+"ات")
	}
	for _, s := range relatedSuffixes {
		out = append(out, stem+s)
	}
	return out
}

// wordCounts counts, in the arwiki text under the data folder, the
// occurrences of the words of need (MatchForm of whole tokens).
func (b *builder) wordCounts(need map[string]bool) (map[string]int, error) {
	path := b.path(sources.WikiFile)
	count := map[string]int{}
	maxLen := 0
	for w := range need {
		maxLen = max(maxLen, len(w))
	}
	buf := make([]byte, 0, 64)
	err := sources.EachWikiArticle(path, func(_ int, doc sources.WikiArticle) error {
		text := doc.Text
		start := -1
		for i, r := range text + " " {
			if isWordRune(r) {
				if start < 0 {
					start = i
				}
				continue
			}
			if start < 0 {
				continue
			}
			tok := text[start:i]
			start = -1
			if len(tok) > 2*maxLen+8 || len(tok) < 2 {
				continue
			}
			// MatchForm without its allocation for the common case (the
			// Arabic letters NFKC leaves alone)
			buf = buf[:0]
			stable := true
			for _, r := range tok {
				if r < 0x0600 || r > 0x06FF || r >= 0x0675 && r <= 0x0678 {
					stable = false
					break
				}
				if f := arabic.FoldRune(r); f >= 0 {
					buf = utf8.AppendRune(buf, f)
				}
			}
			if !stable {
				if m := arabic.MatchForm(tok); need[m] {
					count[m]++
				}
				continue
			}
			if need[string(buf)] {
				count[string(buf)]++
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return count, nil
}

func isWordRune(r rune) bool {
	if r >= 0x0621 && r <= 0x065F { // Arabic letters, tatweel and harakat: the common case
		return true
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}

// commonWords marks ambiguous, for their entry, the one-word aliases from
// the noisy sources that are common words (see above).
func (b *builder) commonWords() error {
	need := map[string]bool{}
	for e, ms := range b.noisy {
		for m := range ms {
			if b.sure[m] || (e.Type == model.Person) {
				continue
			}
			need[m] = true
			for _, r := range relatedForms(m) {
				need[r] = true
			}
			if r := []rune(m); ms[m] == gazetteer.SrcWritten && len(r) >= 4 && strings.ContainsRune(arabic.CliticLetters, r[0]) {
				need[string(r[1:])] = true
			}
		}
	}
	if len(need) == 0 {
		return nil
	}
	count, err := b.wordCounts(need)
	if err != nil {
		if os.IsNotExist(err) {
			return nil
		}
		return err
	}
	persons, err := b.loadPersons()
	if err != nil {
		return err
	}
	for _, k := range b.sortedKeys() {
		e := b.byKey[k]
		ms := b.noisy[e]
		if len(ms) == 0 || e.Type == model.Person {
			continue
		}
		amb := map[string]bool{}
		for _, a := range e.Ambiguous {
			amb[arabic.MatchForm(a)] = true
		}
		prominent := e.Role == gazetteer.RoleCountry || e.Role == gazetteer.RoleCapital || b.pop[e] >= gazetteer.BigCity ||
			e.Rank >= gazetteer.RankCurOrg || e.Rank >= gazetteer.RankRegion && !b.city[e]
		for _, a := range e.Aliases {
			m := arabic.MatchForm(a)
			src, ok := ms[m]
			if !ok || amb[m] || b.sure[m] {
				continue
			}
			f, rel := count[m], 0
			for _, r := range relatedForms(m) {
				rel += count[r]
			}
			var inflects, tooFrequent bool
			if src == gazetteer.SrcCities {
				// the older, checked city list: spare what it has used for long
				limit := max(10, int(b.pop[e]/1000))
				inflects = f >= 50 && 2*rel >= f && f > limit && !prominent
				tooFrequent = !prominent && f > limit && !(rel*10 < f && f <= 20*limit)
			} else {
				limit := max(10, int(b.pop[e]/2000))
				inflects = f >= 20 && rel >= f
				// the project's lists name well-known bodies, which
				// Wikipedia names often (مايكروسوفت): only a word that
				// inflects is a common one there
				tooFrequent = !prominent && f > limit && !(rel*10 < f && f <= 20*limit) && src != gazetteer.SrcWritten
			}
			// a given name (سالم for Salem, ماري for Mary) or a word of three
			// letters or less from the new lists names a small place only
			// when the NER says so
			given := b.pop[e] < gazetteer.BigCity && (persons.givenCount[m] >= 10 || persons.surnameCount[m] >= 10)
			short := src != gazetteer.SrcCities && len([]rune(m)) <= 3
			// a form of the project's lists that is a word with the article
			// (السفير "the ambassador", not As-Safir; اللواء "the brigade")
			// or with a clitic (بيوجين "in Eugene", not Biogen): the bare
			// word is frequent or a given name
			glued := false
			if r := []rune(m); src == gazetteer.SrcWritten && len(r) >= 4 {
				if rest, ok := strings.CutPrefix(m, "ال"); ok {
					glued = count[rest] >= 20
				} else if strings.ContainsRune(arabic.CliticLetters, r[0]) {
					rest := string(r[1:])
					glued = count[rest] >= 20 || persons.givenCount[rest] >= 10
				}
			}
			if inflects || tooFrequent || given || short || glued {
				e.Ambiguous = append(e.Ambiguous, a)
				amb[m] = true
				b.stats.CommonWordAliases++
			}
		}
	}
	return nil
}
