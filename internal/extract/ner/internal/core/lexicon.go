package core

import (
	"sort"
	"strings"

	"github.com/kg-project/kg/internal/text/arabic"
)

// Word-list names. Lists are stored in the model file so that tagging needs
// nothing but the model. Each entry is a phrase; words are matched in their
// base form (baseForm: MatchForm with clitics stripped).
const (
	ListPERS     = "pers"      // full person names
	ListFirst    = "first"     // first names (first word of a person name)
	ListCountry  = "country"   // countries and territories
	ListCity     = "city"      // cities and capitals
	ListORG      = "org"       // organisations
	ListNat      = "nat"       // nationality adjectives (masculine, no article): روسي
	ListTitle    = "title"     // person titles and roles before names
	ListOrgTrig  = "orgtrig"   // words that head organisation names
	ListLocTrig  = "loctrig"   // words before place names
	ListTrainPER = "train-per" // entity strings of the training data (jackknifed at train time)
	ListTrainLOC = "train-loc"
	ListTrainORG = "train-org"
	ListTrainMIS = "train-misc"
	ListWikiPER  = "wiki-per" // titles of Wikipedia articles on persons (nertrain/wikilists.go)
	ListWikiLOC  = "wiki-loc" // ... on places
	ListWikiORG  = "wiki-org" // ... on organisations
	// the words of those titles, one by one
	ListWikiPERw = "wiki-per-w"
	ListWikiLOCw = "wiki-loc-w"
	ListWikiORGw = "wiki-org-w"
	// Wikidata person names (names/wikidata-person-names-ar): full names,
	// given names and family names; GeoNames places (names/geonames-cities-ar)
	ListWDPer    = "wd-per"
	ListWDGiven  = "wd-given"
	ListWDFamily = "wd-family"
	ListGNPlace  = "gn-place"
)

// gazetteer lists matched as phrases (n-grams); the bit of list k is 1<<k.
var phraseLists = []string{ListPERS, ListFirst, ListCountry, ListCity, ListORG, ListNat, ListTrainPER, ListTrainLOC, ListTrainORG, ListTrainMIS, ListWikiPER, ListWikiLOC, ListWikiORG, ListWikiPERw, ListWikiLOCw, ListWikiORGw, ListWDPer, ListWDGiven, ListWDFamily, ListGNPlace}

func init() {
	if len(phraseLists) >= 31 {
		panic("ner: more phrase lists than bits below prefixBit")
	}
}

// trigger lists matched on single words.
var triggerLists = []string{ListTitle, ListOrgTrig, ListLocTrig}

const MaxPhrase = 6

// baseForm is the form every word is matched in: the last (most stripped)
// candidate of arabic.Stems, i.e. MatchForm without و/ف، ب/ل/ك، ال and pronoun
// suffix.
func BaseForm(word string) string {
	st := arabic.Stems(word)
	if len(st) == 0 {
		return ""
	}
	return st[len(st)-1]
}

// phraseKey is the base form of every word of phrase joined by one space.
func phraseKey(phrase string) string {
	words := strings.Fields(strings.NewReplacer("_", " ", "-", " ").Replace(phrase))
	for i, w := range words {
		words[i] = BaseForm(w)
	}
	return strings.Join(words, " ")
}

// lexicon is the compiled form of the word lists.
type lexicon struct {
	phrases  phraseTable // hash of phrase key -> bit set of phraseLists, with prefixBit
	maxLen   int
	triggers map[string]uint8 // base form -> bit set of triggerLists
}

// prefixBit marks, in lexicon.phrases, the words that begin a longer
// phrase (its first one, two... words): matching goes on past them only.
const prefixBit = 1 << 31

const fnvOffset = 14695981039346656037
const fnvPrime = 1099511628211

func hashAdd(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

func compileLexicon(lists map[string][]string) *lexicon {
	lx := &lexicon{phrases: newPhraseTable(), triggers: map[string]uint8{}}
	for k, name := range phraseLists {
		for _, p := range lists[name] {
			// phrase keys are words joined by one space (cleanList)
			if strings.Contains(p, "  ") || strings.HasPrefix(p, " ") || strings.HasSuffix(p, " ") {
				p = strings.Join(strings.Fields(p), " ")
			}
			n := strings.Count(p, " ") + 1
			if p == "" || n > MaxPhrase {
				continue
			}
			lx.phrases.set(hashAdd(fnvOffset, p), 1<<k)
			lx.maxLen = max(lx.maxLen, n)
			for j := range len(p) {
				if p[j] == ' ' {
					lx.phrases.set(hashAdd(fnvOffset, p[:j]), prefixBit)
				}
			}
		}
	}
	for k, name := range triggerLists {
		for _, w := range lists[name] {
			lx.triggers[w] |= 1 << k
		}
	}
	return lx
}

// match marks, for every token, the lists whose longest phrase match starting
// at or covering it: begin[i] has bit k when a phrase of list k starts at i,
// inside[i] when it continues through i; single[i] when the token alone is in
// list k.
func (lx *lexicon) match(base []string, begin, inside, single []uint32) {
	n := len(base)
	for i := 0; i < n; i++ {
		if base[i] == "" {
			continue
		}
		h := uint64(fnvOffset)
		var longest [32]int
		for l := 1; l <= lx.maxLen && i+l <= n; l++ {
			if base[i+l-1] == "" {
				break
			}
			if l > 1 {
				h = hashAdd(h, " ")
			}
			h = hashAdd(h, base[i+l-1])
			found := lx.phrases.get(h)
			bits := found &^ prefixBit
			if l == 1 {
				single[i] = bits
			}
			for bits != 0 {
				k := trailingZeros(bits)
				bits &^= 1 << k
				longest[k] = l
			}
			if found&prefixBit == 0 {
				break // no longer phrase begins with these words
			}
		}
		for k := range phraseLists {
			l := longest[k]
			if l == 0 {
				continue
			}
			begin[i] |= 1 << k
			for j := i + 1; j < i+l; j++ {
				inside[j] |= 1 << k
			}
		}
	}
}

// phraseTable maps the hashes of phrase keys to bit sets: open
// addressing on mix(hash), which finds a hash faster than a Go map does.
type phraseTable struct {
	slots []phraseSlot
	mask  uint64
	n     int // slots used
}

// phraseSlot is a hash and its bits; no bits: an empty slot.
type phraseSlot struct {
	key  uint64
	bits uint32
}

func newPhraseTable() phraseTable {
	const size = 1 << 10
	return phraseTable{slots: make([]phraseSlot, size), mask: size - 1}
}

// get returns the bits of hash h, 0 when it has none.
func (t *phraseTable) get(h uint64) uint32 {
	for s := mix(h) & t.mask; ; s = (s + 1) & t.mask {
		sl := &t.slots[s]
		if sl.bits == 0 || sl.key == h {
			return sl.bits
		}
	}
}

// set adds bits (not none) to those of hash h.
func (t *phraseTable) set(h uint64, bits uint32) {
	if 2*(t.n+1) > len(t.slots) {
		old := t.slots
		t.slots, t.mask, t.n = make([]phraseSlot, 2*len(old)), uint64(2*len(old)-1), 0
		for _, sl := range old {
			if sl.bits != 0 {
				t.set(sl.key, sl.bits)
			}
		}
	}
	s := mix(h) & t.mask
	for t.slots[s].bits != 0 && t.slots[s].key != h {
		s = (s + 1) & t.mask
	}
	if t.slots[s].bits == 0 {
		t.slots[s].key = h
		t.n++
	}
	t.slots[s].bits |= bits
}

func trailingZeros(x uint32) int {
	n := 0
	for x&1 == 0 {
		x >>= 1
		n++
	}
	return n
}

// cleanList turns raw phrases into sorted, de-duplicated phrase keys.
func CleanList(raw []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, p := range raw {
		k := phraseKey(p)
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
