package resolve

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/kg-project/kg/internal/gazetteer"
	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/text/arabic"
	"github.com/kg-project/kg/internal/wordstats"
)

// Reasons recorded with each merge.
const (
	ReasonQID      = "same_qid"         // both keys carry the same Wikidata id
	ReasonSpelling = "spelling_variant" // one name, written differently
	ReasonPartial  = "partial_name"     // a short form of the name of the dominant entity that bears it
	ReasonManual   = "manual"           // kg entities merge
)

// Manual holds the decisions made by hand (kg entities merge / split).
type Manual struct {
	// Merges are pairs of keys that name one entity. They are applied
	// first, whatever the rules say (also across types and Wikidata ids).
	Merges [][2]string
	// Splits are keys that the automatic rules leave alone: such a key is
	// merged only by a manual merge.
	Splits []string
}

// Target says what a merged key becomes.
type Target struct {
	Key    string `json:"key"` // the canonical key
	Name   string `json:"name"`
	Type   string `json:"type"`
	QID    string `json:"qid,omitempty"`
	Reason string `json:"reason"`
	Detail string `json:"detail"`
	Via    string `json:"via"` // the key the rule matched it with
}

// Member is one merged key of a group.
type Member struct {
	Key      string `json:"key"`
	Name     string `json:"name"`
	Reason   string `json:"reason"`
	Detail   string `json:"detail"`
	Via      string `json:"via"`
	Articles int    `json:"articles"`
	Mentions int    `json:"mentions"`
}

// Group is one entity made of several keys: the canonical key and the
// keys merged into it.
type Group struct {
	Key      string   `json:"key"`
	Name     string   `json:"name"`
	Type     string   `json:"type"`
	QID      string   `json:"qid,omitempty"`
	Articles int      `json:"articles"` // of the canonical key alone
	Mentions int      `json:"mentions"`
	Members  []Member `json:"members"`
}

// Result is the outcome of Build.
type Result struct {
	Keys   int     `json:"keys"`   // distinct keys in the index
	Groups []Group `json:"groups"` // groups of two keys or more, by canonical key
	// Unknown lists the keys of manual records that no staged article has
	// (they are kept, and apply when such an article arrives).
	Unknown []string `json:"unknown,omitempty"`
}

// Map returns the targets of every merged key.
func (r *Result) Map() map[string]Target {
	m := map[string]Target{}
	for _, g := range r.Groups {
		for _, mb := range g.Members {
			m[mb.Key] = Target{Key: g.Key, Name: g.Name, Type: g.Type, QID: g.QID, Reason: mb.Reason, Detail: mb.Detail, Via: mb.Via}
		}
	}
	return m
}

// MergedKeys is the number of keys merged into another.
func (r *Result) MergedKeys() int {
	n := 0
	for _, g := range r.Groups {
		n += len(g.Members)
	}
	return n
}

type node struct {
	key      string
	typ      string
	qid      string
	name     string
	articles int
	mentions int
	// gaz: the key is not made from one of its written forms (a Wikidata
	// or gazetteer key). Its names are its frequent forms.
	gaz   bool
	names []pname // the names the rules compare
	alts  []pname // other frequent one-word forms (for one-word partial names)
	// also: other frequent person names of two words or more that the
	// articles give this key (the in-article linker joined them to it),
	// for rule 3.
	also []pname
	// own: the identities of the names the key's own articles give it in
	// altShare of them or more (its source name included).
	own   map[string]bool
	split bool
}

// Thresholds of the rules.
const (
	// A form of a gazetteer key counts as one of its names when it is in
	// at least minFormArticles articles and formShare of the key's
	// articles: the occasional wrong in-article link does not make a name.
	minFormArticles = 2
	formShare       = 0.10
	// altShare: a one-word form of a key made from another form (لاتيني,
	// also written بلاتيني) is tried as a surname when it is in this share
	// of the key's articles.
	altShare = 0.30
	// dominance: a partial name joins the entity with the most articles
	// among those that bear it only when that one has at least this many
	// times the articles of the next, and at least as many as all the
	// others together.
	dominance = 2
	// minSurnameArticles: the entity a surname alone joins is in at least
	// this many articles, and in at least 1/surnameShare of the articles
	// of the surname alone (a common word read as a name, غريب, does not
	// join the one person who bears it as a family name).
	minSurnameArticles = 2
	surnameShare       = 2
	// commonGivenNames: a word that starts this many person names is a
	// common given name, whose spellings differing by a long vowel are
	// different names (سلمان / سليمان).
	commonGivenNames = 3
)

type resolver struct {
	nodes  []*node
	idx    map[string]int
	parent []int
	frozen []bool   // by root: holds a split key (no automatic merge)
	qid    []string // by root
	edges  []edge
	// first[w] / last[w]: the articles of the persons whose names start /
	// end with w (without the article); titled[w]: of those named w alone
	// after a title that goes with family names (الرئيس مبارك). They tell
	// given names from family names.
	first, last, titled map[string]int
	// established[w]: w starts the name of a person in minSurnameArticles
	// articles or more.
	established map[string]bool
	// families[w]: the consonant outlines of the family names after the
	// given name w.
	families map[string]map[string]bool
}

type edge struct {
	a, b           int
	reason, detail string
}

// Build resolves the keys of the index into entities. It is a pure
// function of the index and the manual records: the order in which
// articles were added does not matter, and every tie is broken by key.
//
// The rules, in order, each on the groups the previous ones made:
//
//  0. a person's full name with a word the tagger glued on after it
//     (محمد عبده يأخذني "Mohamed Abdou takes me") is taken for the name
//     without it, when another person key bears that (see unglue);
//  1. manual merges;
//  2. same Wikidata id;
//  3. same name: the names of two keys of one type are equal after
//     MatchForm, titles removed and compounds joined (عبد الله = عبدالله);
//     for a gazetteer key its names are its frequent forms (a person's
//     one-word forms are left to rule 6), and a person's key also has the
//     other frequent names of two words or more its articles give it (the
//     in-article linker joined them); a frequent name of two entities
//     joins neither;
//  4. spelling variants of a person's name: a foreign name transliterated
//     two ways (غابريال / جابريل, غال / جال, أوغلو / أغولو), a clitic read
//     as part of a name (لسيب بلاتر = سيب بلاتر) or the first letter و read
//     as the conjunction (ندي for وندي), a nasab chain with its dynasty
//     after it, a name romanised as one gazetteer person's English name;
//  5. partial names of persons: a name whose words, with its given and
//     family name, are part of a longer name (عادل الجبير of
//     عادل بن أحمد الجبير; a family name made of a given name, العبدالعزيز,
//     only as the longer name's family or father's name), a nasab chain
//     that a longer chain extends (فيصل بن خالد of فيصل بن خالد بن عبدالعزيز),
//     a chain X بن F بن G of a gazetteer person named X الF, the start of a
//     longer name (عبد ربه منصور of عبد ربه منصور هادي), or, with no chain,
//     the end of a longer name of an entity with at least as many articles
//     (داود أوغلو of أحمد داود أوغلو) — joined to the entity with the most
//     articles among those bearing it, when it dominates the next one;
//  6. a family name alone (الجبير, جبير, بلاتر) joins the dominant
//     person whose family name it is, when the word is used as a family
//     name more often than as a given name across the corpus; so does,
//     in few articles, one misspelt with a vowel letter moved (نتنايهو)
//     or with a clitic glued on (فحبري), when that person has
//     variantDominance times its articles (surnameVariants).
//
// Split keys take part in manual merges only.
func Build(ix *Index, man Manual) *Result {
	r := &resolver{idx: map[string]int{}, first: map[string]int{}, last: map[string]int{}, titled: map[string]int{}, established: map[string]bool{}, families: map[string]map[string]bool{}}
	for _, k := range slices.Sorted(maps.Keys(ix.keys)) {
		r.idx[k] = len(r.nodes)
		r.nodes = append(r.nodes, newNode(k, ix.keys[k]))
	}
	res := &Result{Keys: len(r.nodes)}
	r.parent = make([]int, len(r.nodes))
	r.frozen = make([]bool, len(r.nodes))
	r.qid = make([]string, len(r.nodes))
	for i, n := range r.nodes {
		r.parent[i] = i
		r.qid[i] = n.qid
	}
	unknown := map[string]bool{}
	for _, k := range man.Splits {
		if i, ok := r.idx[k]; ok {
			r.nodes[i].split = true
			r.frozen[i] = true
		} else {
			unknown[k] = true
		}
	}
	merges := slices.Clone(man.Merges)
	slices.SortFunc(merges, func(a, b [2]string) int { return strings.Compare(a[0]+"\x00"+a[1], b[0]+"\x00"+b[1]) })
	for _, m := range merges {
		a, okA := r.idx[m[0]]
		b, okB := r.idx[m[1]]
		if !okA {
			unknown[m[0]] = true
		}
		if !okB {
			unknown[m[1]] = true
		}
		if okA && okB {
			r.union(a, b, ReasonManual, "merged by hand (kg entities merge)", true)
		}
	}
	res.Unknown = slices.Sorted(maps.Keys(unknown))
	r.countWords()
	r.unglue()
	r.sameQID()
	r.sameName()
	r.spellingVariants()
	// Partial names join longer names that may themselves join a longer
	// one (نايف صالح البكري into نايف صالح عبد القادر البكري, after which
	// نايف البكري is no longer ambiguous): repeat on the new groups until
	// nothing changes. A key that joined a group is not a source again, so
	// that a group never pulls in a second, different longer name
	// (فيصل بن خالد is not also فيصل بن خالد بن سعود).
	joined := make([]bool, len(r.nodes))
	for range 5 {
		if !r.partialNames(joined) {
			break
		}
	}
	r.surnames()
	res.Groups = r.groups()
	return res
}

func newNode(key string, k *keyStats) *node {
	n := &node{key: key, typ: k.keyType(), name: top(k.names), articles: k.articles, mentions: k.mentions}
	n.qid = top(k.qids)
	if n.qid != "" && !strings.HasPrefix(n.qid, "Q") {
		n.qid = ""
	}
	forms := slices.Sorted(maps.Keys(k.forms))
	// A key made from a written form: that form is its name.
	var defining []string
	for _, f := range forms {
		if gazetteer.KeyFor(n.typ, f) == key {
			defining = append(defining, f)
		}
	}
	// A Latin form that makes the key of an entity also written in Arabic
	// is a gazetteer key's name (person:adel_al_jubeir), not its source.
	if !slices.ContainsFunc(defining, arabic.HasScript) && slices.ContainsFunc(forms, arabic.HasScript) {
		defining = nil
	}
	if len(defining) > 0 {
		sort.SliceStable(defining, func(a, b int) bool { return k.forms[defining[a]] > k.forms[defining[b]] })
		p, ok := parseName(defining[0])
		if !ok {
			return n
		}
		n.names = []pname{p}
		n.own = map[string]bool{}
		for _, m := range []map[string]int{k.forms, k.texts} {
			for f, c := range m {
				if float64(c) >= altShare*float64(k.articles) {
					if q, ok := parseName(f); ok {
						n.own[q.identity()] = true
					}
				}
			}
		}
		if n.typ == model.Person {
			for _, f := range forms {
				if f == defining[0] || k.forms[f] < minFormArticles || float64(k.forms[f]) < formShare*float64(k.articles) {
					continue
				}
				if q, ok := parseName(f); ok && len(q.content) >= 2 && q.arabic == p.arabic && q.identity() != p.identity() {
					n.also = append(n.also, q)
				}
			}
		}
		for _, f := range forms {
			if len(p.content) > 1 || p.chain {
				break // alternatives of one-word names only
			}
			if f == defining[0] || float64(k.forms[f]) < altShare*float64(k.articles) {
				continue
			}
			if p, ok := parseName(f); ok && len(p.content) == 1 && !p.chain && p.arabic == n.names[0].arabic {
				n.alts = append(n.alts, p)
			}
		}
		// A mention that is the name with a letter more in front
		// (بلاتيني for لاتيني): the letter was read as a clitic; also
		// try the word with a conjunction or preposition before it
		// (لبلاتيني) removed.
		if len(p.content) == 1 && !p.chain && p.arabic {
			for _, t := range slices.Sorted(maps.Keys(k.texts)) {
				if float64(k.texts[t]) < altShare*float64(k.articles) {
					continue
				}
				w := arabic.MatchForm(t)
				if strings.Contains(w, " ") || !strings.HasSuffix(w, p.given) || w == p.given {
					continue
				}
				for _, c := range []string{w, strings.TrimPrefix(strings.TrimPrefix(w, "و"), "ل")} {
					if c != p.given && strings.HasSuffix(c, p.given) {
						if q, ok := parseName(c); ok && len(q.content) == 1 {
							n.alts = append(n.alts, q)
						}
					}
				}
			}
		}
		return n
	}
	// A gazetteer key: its frequent forms, and its name.
	n.gaz = true
	best := ""
	for _, f := range forms {
		if best == "" || k.forms[f] > k.forms[best] {
			best = f
		}
	}
	seen := map[string]bool{}
	for _, f := range forms {
		if f != best && f != n.name && (k.forms[f] < minFormArticles || float64(k.forms[f]) < formShare*float64(k.articles)) {
			continue
		}
		if p, ok := parseName(f); ok && !seen[p.identity()] {
			seen[p.identity()] = true
			n.names = append(n.names, p)
		}
	}
	// A person's name that the gazetteer knows only after a title (الملك
	// فهد بن عبدالعزيز) is not matched without it in the text: the names
	// of the entry's titled aliases, title removed, are its names too
	// (فهد بن عبدالعزيز).
	if n.typ == model.Person {
		for _, p := range titledAliases(key) {
			if !seen[p.identity()] {
				seen[p.identity()] = true
				n.names = append(n.names, p)
			}
		}
	}
	return n
}

// titledAliases returns the names of two words or more, title removed, of
// the Arabic aliases of the gazetteer entry key that begin with a title,
// sorted.
func titledAliases(key string) []pname {
	g, err := gazetteer.Default()
	if err != nil {
		return nil
	}
	e := g.ByKey(key)
	if e == nil {
		return nil
	}
	var out []pname
	for _, a := range e.Aliases {
		if p, ok := parseName(a); ok && p.title != "" && p.arabic && len(p.content) >= 2 {
			out = append(out, p)
		}
	}
	return out
}

// fullName: the node's name has two words or more.
func (n *node) fullName() bool { return len(n.names) > 0 && len(n.names[0].content) > 1 }

func (r *resolver) find(i int) int {
	for r.parent[i] != i {
		r.parent[i] = r.parent[r.parent[i]]
		i = r.parent[i]
	}
	return i
}

// union joins the groups of a and b. An automatic union is refused when
// either group holds a split key or the two carry different Wikidata ids.
func (r *resolver) union(a, b int, reason, detail string, manual bool) bool {
	ra, rb := r.find(a), r.find(b)
	if ra == rb {
		return false
	}
	if !manual && (r.frozen[ra] || r.frozen[rb] || r.qid[ra] != "" && r.qid[rb] != "" && r.qid[ra] != r.qid[rb]) {
		return false
	}
	if rb < ra {
		ra, rb = rb, ra
	}
	r.parent[rb] = ra
	r.frozen[ra] = r.frozen[ra] || r.frozen[rb]
	if r.qid[ra] == "" {
		r.qid[ra] = r.qid[rb]
	}
	r.edges = append(r.edges, edge{a, b, reason, detail})
	return true
}

// snapshot returns the number of articles of every group (by root).
func (r *resolver) snapshot() []int {
	arts := make([]int, len(r.nodes))
	for i, n := range r.nodes {
		arts[r.find(i)] += n.articles
	}
	return arts
}

func (r *resolver) auto(i int) bool { return !r.nodes[i].split }

// surname reports whether w, the last word of a longer name, may be a
// family name: it has the article (الطريفي), follows a title that goes
// with family names, or ends person names in at least half as many
// articles as it starts them (صالح of علي عبدالله صالح, not علي of
// أحمد بن محمد علي).
func (r *resolver) surname(w string) bool {
	return hasArticle(w) || r.titled[bare(w)] > 0 || 2*r.last[bare(w)] >= r.first[bare(w)]
}

// surnameAlone reports whether w, written alone, is a family name: it
// follows a title that goes with family names (الرئيس مبارك), or it ends
// the names of persons in more articles than it starts them (with or
// without the article: الماجد alone is not a family name when ماجد starts
// many names).
func (r *resolver) surnameAlone(w string) bool {
	return r.titled[bare(w)] > 0 || r.last[bare(w)] > r.first[bare(w)]
}

// commonGiven reports whether w is the given name of persons of
// commonGivenNames family names or more (told apart by consonant outline,
// so that the spellings of one name count once).
func (r *resolver) commonGiven(w string) bool { return len(r.families[w]) >= commonGivenNames }

// vowelVariantOK says whether the words x and y at position i of the names
// a and b, which differ by long vowels only, may be one name: yes unless
// both are common given names, each a name of its own (سلمان / سليمان;
// جوزف / جوزيف is one); then only when a vowel letter replaces
// another (ميشال / ميشيل), or when two words or more besides are the same
// in both, not when one is added to a two-word name (سلمان / سليمان).
// (transliterationVariants compares only names whose other words are
// equal or variants themselves.)
func (r *resolver) vowelVariantOK(a pname, i int, x, y string) bool {
	if !r.commonGiven(x) || !r.commonGiven(y) {
		return true
	}
	if vowelReplaced(x, y) {
		return true
	}
	// the rest of the name, two words or more and no given name (not a
	// father's name: سلمان / سليمان عبدالله صالح may be brothers), is the
	// same (روبن / روبين فان بيرسي): the two can only be one name
	same := 0
	for j, w := range a.words {
		if j == i {
			continue
		}
		if isChain(w) || r.commonGiven(w) && !words.particle[w] {
			return false
		}
		same++
	}
	return same >= 2
}

// givenName reports whether w starts the names of persons in more articles
// than it ends them.
func (r *resolver) givenName(w string) bool { return r.first[bare(w)] > r.last[bare(w)] }

func (r *resolver) countWords() {
	for _, n := range r.nodes {
		if n.typ != model.Person {
			continue
		}
		for _, p := range n.names {
			if len(p.content) == 1 && !p.chain && words.surtitle[p.title] {
				r.titled[bare(p.given)] += n.articles
			}
			if len(p.content) < 2 {
				continue
			}
			r.first[bare(p.given)] += n.articles
			if n.articles >= minSurnameArticles {
				r.established[bare(p.given)] = true
			}
			if p.family != "" {
				r.last[bare(p.family)] += n.articles
				if r.families[p.given] == nil {
					r.families[p.given] = map[string]bool{}
				}
				r.families[p.given][loose(bare(p.family))] = true
			}
		}
	}
}

// gluedMaxArticles: a key whose name has a word glued on (unglue) is in
// at most this many articles; a name of more is a name.
const gluedMaxArticles = 2

// unglue gives a person key whose name is another person's full name with
// one word the tagger glued on after it (محمد عبده يأخذني "Mohamed Abdou
// takes me", محمد عبد الشافي بإجازته "... on his leave") that full name,
// so that rule 3 joins the key to its bearer: the key is in
// gluedMaxArticles articles or fewer; the glued word, three letters or
// more, is a word of no other person's name across the corpus, no name
// word the news spellings or the name lists know (gazetteer.IsNameWord,
// wordstats), no chain word or particle, and an ordinary word of
// unlabelled text (wordstats.OrdinaryForm: a verb, a noun, a word with a
// clitic); and the rest, two words or more, is as written the name of
// another person key in more articles. A word glued before a name is left
// alone: it is as often a description of someone else (عشيقة المتنبي
// "al-Mutanabbi's lover").
func (r *resolver) unglue() {
	type bearer struct{ node, articles int }
	nodesOf := map[string]int{} // name word -> person keys bearing it
	best := map[string]bearer{} // name identity -> the person key of most articles bearing it
	for i, n := range r.nodes {
		if n.typ != model.Person {
			continue
		}
		seen := map[string]bool{}
		for _, p := range slices.Concat(n.names, n.also) {
			for _, w := range p.content {
				if !seen[w] {
					seen[w] = true
					nodesOf[w]++
				}
			}
			id := p.identity()
			if b, ok := best[id]; !ok || n.articles > b.articles || n.articles == b.articles && n.key < r.nodes[b.node].key {
				best[id] = bearer{i, n.articles}
			}
		}
	}
	ws, err := wordstats.Default()
	if err != nil {
		return
	}
	glued := func(w string) bool {
		return utf8.RuneCountInString(w) >= 3 && nodesOf[w] == 1 && !gazetteer.IsNameWord(w) &&
			!words.chain[w] && !words.particle[w] && !words.stop[w] &&
			ws.OrdinaryForm(w) && !ws.Name(w).Known() && !ws.Name(wordstats.Base(w)).Known()
	}
	for i, n := range r.nodes {
		if !r.ownPerson(i) || n.articles > gluedMaxArticles || len(n.names[0].words) < 3 {
			continue
		}
		p := n.names[0]
		rest, word := p.words[:len(p.words)-1], p.words[len(p.words)-1]
		if !glued(word) {
			continue
		}
		name := strings.Join(rest, " ")
		b, ok := best[name]
		if !ok || b.node == i || b.articles <= n.articles {
			continue
		}
		if q, ok := parseName(name); ok {
			q.text = p.text + " without the glued word " + word
			n.names = []pname{q}
		}
	}
}

func (r *resolver) sameQID() {
	by := map[string][]int{}
	for i, n := range r.nodes {
		if n.qid != "" && r.auto(i) {
			by[n.qid] = append(by[n.qid], i)
		}
	}
	for _, q := range slices.Sorted(maps.Keys(by)) {
		is := by[q]
		for _, i := range is[1:] {
			r.union(i, is[0], ReasonQID, "both are Wikidata "+q, false)
		}
	}
}

// better orders the candidates for the node a group's members join: a
// gazetteer key first, then more articles, then the smaller key.
func (r *resolver) better(a, b int, arts []int) bool {
	na, nb := r.nodes[a], r.nodes[b]
	if na.gaz != nb.gaz {
		return na.gaz
	}
	ga, gb := arts[r.find(a)], arts[r.find(b)]
	if ga != gb {
		return ga > gb
	}
	return na.key < nb.key
}

func (r *resolver) sameName() {
	type entry struct {
		node int
		name pname
		also bool // one of the node's other frequent names
	}
	by := map[string][]entry{}
	claimed := map[string]map[int]bool{} // name -> the nodes whose frequent form (not source) it is
	for i, n := range r.nodes {
		if !r.auto(i) {
			continue
		}
		for _, p := range n.names {
			if n.gaz && n.typ == model.Person && len(p.content) < 2 {
				continue // a person's first or family name alone: rule 6
			}
			k := n.typ + "\x00" + p.identity()
			by[k] = append(by[k], entry{i, p, false})
			if n.gaz {
				if claimed[k] == nil {
					claimed[k] = map[int]bool{}
				}
				claimed[k][i] = true
			}
		}
		for _, p := range n.also {
			k := n.typ + "\x00" + p.identity()
			by[k] = append(by[k], entry{i, p, true})
			if claimed[k] == nil {
				claimed[k] = map[int]bool{}
			}
			claimed[k][i] = true
		}
	}
	arts := r.snapshot()
	for _, k := range slices.Sorted(maps.Keys(by)) {
		es := by[k]
		roots := map[int]bool{}
		for i := range claimed[k] {
			roots[r.find(i)] = true
		}
		if len(roots) > 1 {
			continue // a frequent name of two entities: ambiguous
		}
		t := es[0]
		for _, e := range es[1:] {
			if r.better(e.node, t.node, arts) {
				t = e
			}
		}
		for _, e := range es {
			if e.node != t.node {
				why := "the same name once folded"
				if t.also {
					why = fmt.Sprintf("articles also name %s so", r.nodes[t.node].key)
				} else if e.also {
					why = fmt.Sprintf("articles also name %s so", r.nodes[e.node].key)
				}
				r.union(e.node, t.node, ReasonSpelling, fmt.Sprintf("%s = %s (%s)", e.name.text, t.name.text, why), false)
			}
		}
	}
}

// nodeName is a name of a node.
type nodeName struct {
	node int
	name pname
}

// decision is a merge a rule decided on: node a joins node b's group, for
// the reason detail.
type decision struct {
	a, b   int
	detail string
}

// ownPerson reports whether node i is a person key made from one of its
// written forms (not a gazetteer key), not split, with a name: the keys
// whose name rules 4 and 5 may find to be another key's.
func (r *resolver) ownPerson(i int) bool {
	n := r.nodes[i]
	return n.typ == model.Person && !n.gaz && r.auto(i) && len(n.names) > 0
}

// spellingVariants applies rule 4, deciding on the groups as they are
// before it: first the names that are one foreign name transliterated two
// ways, then, in one pass over the keys each, the other kinds of
// variant; then it makes the merges.
func (r *resolver) spellingVariants() {
	s := r.newSpellingRule()
	s.transliterations()
	for _, rule := range []func(i int, n *node){s.cliticBefore, s.dynastyAfter, s.conjunctionReadOff, s.romanised, s.wordBefore} {
		for i, n := range r.nodes {
			if r.ownPerson(i) {
				rule(i, n)
			}
		}
	}
	for _, d := range s.ds {
		r.union(d.a, d.b, ReasonSpelling, d.detail, false)
	}
}

// spellingRule is the state of one application of rule 4: the names it
// compares, indexed, and the merges it decided on, in order.
type spellingRule struct {
	r    *resolver
	arts []int // articles by group root, as the groups were before the rule
	// loose: the person names of two words or more without a chain,
	// written in Arabic and not ending in a word with the article, by
	// looseKey; ident: every person name, by identity.
	loose, ident map[string][]nodeName
	// gazByName: the gazetteer persons by their Latin name (MatchForm).
	gazByName map[string][]int
	ds        []decision
}

// newSpellingRule indexes the names of the person keys that are not
// split.
func (r *resolver) newSpellingRule() *spellingRule {
	s := &spellingRule{r: r, arts: r.snapshot(), loose: map[string][]nodeName{}, ident: map[string][]nodeName{}, gazByName: map[string][]int{}}
	for i, n := range r.nodes {
		if n.typ != model.Person || !r.auto(i) {
			continue
		}
		for _, p := range n.names {
			s.ident[p.identity()] = append(s.ident[p.identity()], nodeName{i, p})
			if len(p.words) >= 2 && !p.chain && p.arabic && !hasArticle(p.words[len(p.words)-1]) {
				s.loose[p.looseKey()] = append(s.loose[p.looseKey()], nodeName{i, p})
			}
		}
		if n.gaz && n.name != "" && !arabic.HasScript(n.name) {
			k := arabic.MatchForm(n.name)
			s.gazByName[k] = append(s.gazByName[k], i)
		}
	}
	return s
}

// decide records that node a joins node b's group.
func (s *spellingRule) decide(a, b int, detail string) {
	s.ds = append(s.ds, decision{a, b, detail})
}

// bestOther returns the best node (resolver.better) among those of es
// outside node i's group for which ok holds, or -1 when there is none.
func (s *spellingRule) bestOther(i int, es []nodeName, ok func(e nodeName) bool) int {
	best := -1
	for _, e := range es {
		if s.r.find(e.node) != s.r.find(i) && ok(e) && (best < 0 || s.r.better(e.node, best, s.arts)) {
			best = e.node
		}
	}
	return best
}

// bigger reports whether the group of node e has more articles than that
// of node i.
func (s *spellingRule) bigger(e, i int) bool {
	return s.arts[s.r.find(e)] > s.arts[s.r.find(i)]
}

// transliterations joins each name of a loose spelling to the best node
// of that spelling when the two are one foreign name transliterated two
// ways (transliterationVariants).
func (s *spellingRule) transliterations() {
	r := s.r
	for _, k := range slices.Sorted(maps.Keys(s.loose)) {
		es := s.loose[k]
		if len(es) < 2 {
			continue
		}
		t := es[0]
		for _, e := range es[1:] {
			if r.better(e.node, t.node, s.arts) {
				t = e
			}
		}
		for _, e := range es {
			if e.node != t.node && r.find(e.node) != r.find(t.node) && transliterationVariants(e.name, t.name, r.vowelVariantOK) {
				s.decide(e.node, t.node, fmt.Sprintf("%s ~ %s (one foreign name transliterated two ways)", e.name.text, t.name.text))
			}
		}
	}
}

// cliticBefore: a conjunction or preposition read as part of the given
// name (لسيب بلاتر): the name without it is another, bigger entity's.
func (s *spellingRule) cliticBefore(i int, n *node) {
	p := n.names[0]
	if len(p.words) < 2 || !p.arabic || utf8.RuneCountInString(p.given) < 4 {
		return
	}
	c, size := utf8.DecodeRuneInString(p.given)
	if c != 'ل' && c != 'ب' && c != 'و' {
		return
	}
	alt := append([]string{p.given[size:]}, p.words[1:]...)
	best := s.bestOther(i, s.ident[strings.Join(alt, " ")], func(e nodeName) bool { return s.bigger(e.node, i) })
	if best >= 0 {
		s.decide(i, best, fmt.Sprintf("%s = %s (the first letter %c is a clitic, not part of the name)", p.text, s.r.nodes[best].names[0].text, c))
	}
}

// dynastyAfter: a nasab chain of three names or more with its dynasty
// after it (X بن F بن G آل D) is the chain without it, when that is
// another entity's name.
func (s *spellingRule) dynastyAfter(i int, n *node) {
	p := n.names[0]
	if !p.chain || !p.dynasty || len(p.content) < 4 {
		return // X بن F آل D: two names are too common to tell
	}
	alt := strings.Join(p.words[:len(p.words)-1], " ")
	best := s.bestOther(i, s.ident[alt], func(nodeName) bool { return true })
	if best >= 0 {
		s.decide(i, best, fmt.Sprintf("%s = %s (the dynasty after the nasab chain)", p.text, s.r.nodes[best].names[0].text))
	}
}

// conjunctionReadOff: the conjunction و read off a name that starts with
// it (ندي سميث for ويندي سميث, written وندي): with و given back, the name
// is a spelling of a bigger entity's name with the same family name.
func (s *spellingRule) conjunctionReadOff(i int, n *node) {
	p := n.names[0]
	if len(p.words) < 2 || p.chain || !p.arabic || p.family == "" || strings.HasPrefix(p.given, "و") {
		return
	}
	alt, ok := parseName("و" + p.text)
	if !ok || len(alt.words) != len(p.words) {
		return
	}
	best := s.bestOther(i, s.loose[alt.looseKey()], func(e nodeName) bool {
		return s.bigger(e.node, i) && e.name.family == p.family &&
			(e.name.identity() == alt.identity() || transliterationVariants(alt, e.name, s.r.vowelVariantOK))
	})
	if best >= 0 {
		s.decide(i, best, fmt.Sprintf("%s = %s (the first letter و was read as the conjunction)", p.text, s.r.nodes[best].names[0].text))
	}
}

// romanised: a person's name romanised as the English name of a
// gazetteer person (سيب سميث, romanised Sepp Smith, the name of the
// entity whose Arabic forms are جوزيف سميث): one person, when no other
// gazetteer person has that name.
func (s *spellingRule) romanised(i int, n *node) {
	if !n.names[0].arabic || len(n.names[0].content) < 2 {
		return
	}
	if len(strings.Fields(n.name)) < 2 || arabic.HasScript(n.name) {
		return
	}
	gs := s.gazByName[arabic.MatchForm(n.name)]
	roots := map[int]bool{}
	for _, g := range gs {
		roots[s.r.find(g)] = true
	}
	if len(roots) != 1 || roots[s.r.find(i)] {
		return
	}
	s.decide(i, gs[0], fmt.Sprintf("%s = %s (romanised %q, the gazetteer's name of %s)", n.names[0].text, s.r.nodes[gs[0]].key, n.name, s.r.nodes[gs[0]].key))
}

// wordBefore: a word before a full name that starts no name of a person
// in two articles or more (ضابط صف سيف يوسف أحمد الفلاسي read as
// صف سيف ...; the memoirs أنا فاتن حمامة): the name without it is another
// entity's, with at least dominance times the articles. The rest must
// have three words or more outside a nasab chain, or be a name the key's
// own articles give it, so that a son's given name before his father's
// name (عدي صدام حسين) does not count.
func (s *spellingRule) wordBefore(i int, n *node) {
	p := n.names[0]
	if len(p.content) < 3 || isChain(p.words[1]) || s.r.established[bare(p.given)] {
		return
	}
	rest, ok := parseName(strings.Join(p.words[1:], " "))
	if !ok || len(rest.content) < 3 && !n.own[rest.identity()] {
		return
	}
	best := s.bestOther(i, s.ident[rest.identity()], func(e nodeName) bool {
		return s.arts[s.r.find(e.node)] >= dominance*s.arts[s.r.find(i)]
	})
	if best >= 0 {
		s.decide(i, best, fmt.Sprintf("%s = %s (%s before the name is not part of it)", p.text, rest.text, p.given))
	}
}

// candidate is a group that bears a partial name.
type candidate struct {
	root, node int
	name       pname
}

// pick returns the dominant candidate group, or false when there is none
// or it does not dominate the next one.
func (r *resolver) pick(cs []candidate, arts []int, minArticles int) (candidate, bool) {
	best := map[int]candidate{}
	for _, c := range cs {
		if b, ok := best[c.root]; !ok || r.better(c.node, b.node, arts) {
			best[c.root] = c
		}
	}
	if len(best) == 0 {
		return candidate{}, false
	}
	roots := slices.Collect(maps.Keys(best))
	sort.Slice(roots, func(a, b int) bool {
		if arts[roots[a]] != arts[roots[b]] {
			return arts[roots[a]] > arts[roots[b]]
		}
		return r.nodes[roots[a]].key < r.nodes[roots[b]].key
	})
	top, rest := roots[0], 0
	for _, x := range roots[1:] {
		rest += arts[x]
	}
	if arts[top] < minArticles || arts[top] < rest || len(roots) > 1 && arts[top] < dominance*arts[roots[1]] {
		return candidate{}, false
	}
	return best[top], true
}

// partialNames applies rule 5 once, deciding on the groups as they are,
// and reports whether it merged anything. A key that joins a group is
// marked in joined, and is not a source again.
func (r *resolver) partialNames(joined []bool) bool {
	s := &partialRule{r: r, arts: r.snapshot()}
	s.index()
	var ds []decision
	gazGroup := map[int]bool{} // roots of the groups that hold a gazetteer person
	for i, n := range r.nodes {
		if n.gaz {
			gazGroup[r.find(i)] = true
		}
	}
	for i, n := range r.nodes {
		if !r.ownPerson(i) || joined[i] {
			continue
		}
		p := n.names[0]
		if len(p.content) < 2 || p.chain && gazGroup[r.find(i)] {
			// a nasab chain that joined a known person is that person's:
			// a longer chain that extends it is another man's (فهد بن
			// عبدالعزيز of King Fahd, فهد بن عبدالعزيز بن معمر a governor)
			continue
		}
		if d, ok := s.decide(i, p); ok {
			ds = append(ds, d)
		}
	}
	merged := false
	for _, d := range ds {
		if r.union(d.a, d.b, ReasonPartial, d.detail, false) {
			joined[d.a] = true
			merged = true
		}
	}
	return merged
}

// partialRule is the state of one application of rule 5: the groups'
// articles before it and the names of two words or more of the person
// keys that are not split, indexed by the parts a partial name shares
// with them.
type partialRule struct {
	r          *resolver
	arts       []int                 // articles by group root
	byCore     map[string][]nodeName // given + family
	byGiven    map[string][]nodeName // chains, by given name
	byFamily   map[string][]nodeName // names without a chain, by family name
	byStart    map[string][]nodeName // names without a chain of three words or more, by their first two words
	byPatronym map[string][]nodeName // names X الF without a chain, by patronym
	byFather   map[string][]nodeName // chains X بن F ..., by X and F
}

// index fills in the indexes of the names.
func (s *partialRule) index() {
	s.byCore, s.byGiven, s.byFamily = map[string][]nodeName{}, map[string][]nodeName{}, map[string][]nodeName{}
	s.byStart, s.byPatronym, s.byFather = map[string][]nodeName{}, map[string][]nodeName{}, map[string][]nodeName{}
	for i, n := range s.r.nodes {
		if n.typ != model.Person || !s.r.auto(i) {
			continue
		}
		for _, p := range n.names {
			if len(p.content) < 2 {
				continue
			}
			e := nodeName{i, p}
			if !p.chain && len(p.content) >= 3 && p.arabic {
				k := bare(p.words[0]) + " " + bare(p.words[1])
				s.byStart[k] = append(s.byStart[k], e)
			}
			if k, ok := s.r.patronym(p); ok {
				if p.chain {
					s.byFather[k] = append(s.byFather[k], e)
				} else {
					s.byPatronym[k] = append(s.byPatronym[k], e)
				}
			}
			if p.family != "" {
				s.byCore[bare(p.given)+" "+bare(p.family)] = append(s.byCore[bare(p.given)+" "+bare(p.family)], e)
				if !p.chain {
					s.byFamily[bare(p.family)] = append(s.byFamily[bare(p.family)], e)
				}
			}
			if p.chain {
				s.byGiven[p.given] = append(s.byGiven[p.given], e)
			}
		}
	}
}

// candidates collects the groups, other than the partial name's own,
// that bear a longer name it may be part of, each with why.
type candidates struct {
	r   *resolver
	own int // the root of the partial name's group
	cs  []candidate
	why []string
}

// add adds the group of e, unless it is the partial name's own, for the
// reason w.
func (c *candidates) add(e nodeName, w string) {
	if root := c.r.find(e.node); root != c.own {
		c.cs = append(c.cs, candidate{root, e.node, e.name})
		c.why = append(c.why, w)
	}
}

// reason returns why the candidate best, one of those added, was added
// (the first reason given for its node and name).
func (c *candidates) reason(best candidate) string {
	for j, x := range c.cs {
		if x.node == best.node && x.name.identity() == best.name.identity() {
			return c.why[j]
		}
	}
	return ""
}

// decide returns the merge rule 5 decides on for p, the name of node i,
// and whether there is one: the group that bears p as part of a longer
// name, when it dominates the others (pick).
func (s *partialRule) decide(i int, p pname) (decision, bool) {
	c := &candidates{r: s.r, own: s.r.find(i)}
	if p.family != "" && s.r.surname(p.family) {
		s.inLongerName(c, p)
		s.endOfLongerName(c, p)
		s.shortGivenName(c, p)
	} else if p.chain {
		s.extendedChain(c, p)
	}
	s.chainOfFamilyName(c, i, p)
	s.startOfLongerName(c, p)
	best, ok := s.r.pick(c.cs, s.arts, 1)
	if !ok {
		return decision{}, false
	}
	return decision{i, best.node, fmt.Sprintf("%s ⊂ %s (%s)", p.text, best.name.text, c.reason(best))}, true
}

// inLongerName adds the longer names that have p's given and family name
// (and its father's name, fatherOK), with its words in order.
func (s *partialRule) inLongerName(c *candidates, p pname) {
	for _, e := range s.byCore[bare(p.given)+" "+bare(p.family)] {
		if len(e.name.content) > len(p.content) && subsequence(p.content, e.name.content) && s.r.fatherOK(p, e.name) {
			c.add(e, "its given and family name, in a longer name")
		}
	}
}

// endOfLongerName adds the longer names without a chain that p ends, of
// an entity with at least p's articles. The end of a longer Arabic name
// is often another person's full name (أحمد حمامة, father of
// فاتن أحمد حمامة): only a name that does not start with a given name
// counts (فان بيرسي).
func (s *partialRule) endOfLongerName(c *candidates, p pname) {
	if p.chain || s.r.givenName(p.given) {
		return
	}
	for _, e := range s.byFamily[bare(p.family)] {
		if len(e.name.content) > len(p.content) && bare(e.name.given) != bare(p.given) &&
			hasSuffixWords(e.name.content, p.content) && s.arts[s.r.find(e.node)] >= s.arts[c.own] {
			c.add(e, "the end of a longer name")
		}
	}
}

// shortGivenName adds the names of which p is a short form of a foreign
// given name (آش كارتر of آشتون كارتر): the same family name without the
// article, the given name the start of the other, neither a common given
// name, of an entity with at least p's articles.
func (s *partialRule) shortGivenName(c *candidates, p pname) {
	if len(p.words) != 2 || p.chain || !p.arabic || hasArticle(p.family) || s.r.commonGiven(p.given) {
		return
	}
	for _, e := range s.byFamily[bare(p.family)] {
		g := e.name.given
		if len(e.name.words) == 2 && e.name.family == p.family && strings.HasPrefix(g, p.given) &&
			utf8.RuneCountInString(g) >= utf8.RuneCountInString(p.given)+2 && !s.r.commonGiven(g) && s.arts[s.r.find(e.node)] >= s.arts[c.own] {
			c.add(e, "a short form of the given name")
		}
	}
}

// extendedChain adds the longer nasab chains that extend the chain p.
func (s *partialRule) extendedChain(c *candidates, p pname) {
	for _, e := range s.byGiven[p.given] {
		if len(e.name.words) > len(p.words)+1 && equalWords(e.name.words[:len(p.words)], p.words) && isChain(e.name.words[len(p.words)]) {
			c.add(e, "a nasab chain that a longer chain extends")
		}
	}
}

// chainOfFamilyName: X al-F, the family name the article and a given
// name, is X bin F (خالد الفيصل = خالد بن فيصل): a nasab chain X بن F بن G
// (the person, father and grandfather, a dynasty after them or not),
// the name of node i, joins the short form of a person the gazetteer
// knows by it, when that one has dominance times its articles and no
// other chain of X بن F that disagrees with it (X بن F بن H) is half as
// frequent. (Elsewhere X الF is as often a family name: خالد المنصور of
// the Mansour family is not خالد بن منصور بن فهد.)
func (s *partialRule) chainOfFamilyName(c *candidates, i int, p pname) {
	k, ok := s.r.patronym(p)
	if !ok || !p.chain || !pureNasab(p) || !s.r.dominantChain(i, p, s.byFather[k], s.arts) {
		return
	}
	for _, e := range s.byPatronym[k] {
		if s.r.nodes[e.node].gaz && s.arts[s.r.find(e.node)] >= dominance*s.arts[c.own] {
			c.add(e, "the nasab chain of a name whose family name is the father's")
		}
	}
}

// startOfLongerName: a name cut before its end (عبد ربه منصور of
// عبد ربه منصور هادي, a name ending in a particle: روبن فان of
// روبن فان بيرسي) is the start of a longer name without a chain, of an
// entity with dominance times the articles; not for a common given name,
// whose first two words start many people's names (محمد علي).
func (s *partialRule) startOfLongerName(c *candidates, p pname) {
	if p.chain || !p.arabic || (!words.particle[p.words[len(p.words)-1]] && s.r.commonGiven(p.given)) {
		return
	}
	for _, e := range s.byStart[bare(p.words[0])+" "+bare(p.words[1])] {
		if len(e.name.words) > len(p.words) && prefixWords(e.name.words, p.words) && s.arts[s.r.find(e.node)] >= dominance*s.arts[c.own] {
			c.add(e, "the start of a longer name")
		}
	}
}

// patronym returns "X F" for a name X بن F ... (a nasab chain) and for a
// name X الF of two words whose family name is made of a given name
// (fatherFamily: خالد الفيصل).
func (r *resolver) patronym(p pname) (string, bool) {
	if !p.arabic || len(p.words) < 2 {
		return "", false
	}
	if p.chain {
		if len(p.words) >= 3 && p.words[1] == "بن" && !isChain(p.words[2]) {
			return bare(p.given) + " " + bare(p.words[2]), true
		}
		return "", false
	}
	if len(p.words) == 2 && r.fatherFamily(p.family) {
		return bare(p.given) + " " + bare(p.family), true
	}
	return "", false
}

// fatherFamily reports whether w, a family name, is the article and a
// word that starts person names in minSurnameArticles articles or more
// (الفيصل, العبدالعزيز): a family name made of a father's given name.
func (r *resolver) fatherFamily(w string) bool {
	return w != "" && hasArticle(w) && r.established[bare(w)]
}

// fatherOK: when the family name of p is made of the article and a given
// name (العبدالعزيز, a family name of the father's name), the longer name
// q has it as a family name too (with the article) or as the father's
// name, right after the given name; not as a grandfather's name
// (محمد العبدالعزيز is not محمد يوسف عبدالعزيز).
func (r *resolver) fatherOK(p, q pname) bool {
	if !r.fatherFamily(p.family) {
		return true
	}
	if q.family == p.family {
		return true
	}
	return len(q.content) >= 2 && bare(q.content[1]) == bare(p.family) && bare(q.content[0]) == bare(p.given)
}

// dominantChain reports whether the chain p of node i has dominance times
// the articles of every group of a chain of the same X بن F that
// disagrees with it (سعود بن فيصل بن مشعل against سعود بن فيصل بن عبدالعزيز);
// chains one of which extends the other agree.
func (r *resolver) dominantChain(i int, p pname, chains []nodeName, arts []int) bool {
	own := r.find(i)
	for _, c := range chains {
		if root := r.find(c.node); root != own && !chainsAgree(p, c.name) && arts[own] < dominance*arts[root] {
			return false
		}
	}
	return true
}

// pureNasab: p is X بن F بن G, a chain of three names without a family
// name, a dynasty after it or not (X بن F بن G آل D).
func pureNasab(p pname) bool {
	ws := p.words
	if p.dynasty {
		ws = ws[:len(ws)-1]
	}
	if len(ws) != 5 {
		return false
	}
	for k, w := range ws {
		if isChain(w) != (k%2 == 1) {
			return false
		}
	}
	return true
}

// chainsAgree: the content words of a and b are the same as far as the
// shorter goes.
func chainsAgree(a, b pname) bool {
	n := min(len(a.content), len(b.content))
	for k := 0; k < n; k++ {
		if bare(a.content[k]) != bare(b.content[k]) {
			return false
		}
	}
	return true
}

// prefixWords reports whether b starts with the words a, comparing without
// the article.
func prefixWords(b, a []string) bool {
	if len(a) > len(b) {
		return false
	}
	for k := range a {
		if bare(a[k]) != bare(b[k]) {
			return false
		}
	}
	return true
}

// familyEntry is a person key bearing a family name, with the name.
type familyEntry struct {
	node int
	name pname
}

// surnames joins a family name used alone to the dominant person bearing it.
func (r *resolver) surnames() {
	arts := r.snapshot()
	byFamily := map[string][]familyEntry{}
	for i, n := range r.nodes {
		if n.typ != model.Person || !r.auto(i) {
			continue
		}
		for _, p := range n.names {
			if len(p.content) >= 2 && p.family != "" {
				byFamily[bare(p.family)] = append(byFamily[bare(p.family)], familyEntry{i, p})
			}
		}
	}
	byOutline := map[string][]string{} // consonant outline -> family names
	for _, f := range slices.Sorted(maps.Keys(byFamily)) {
		byOutline[loose(f)] = append(byOutline[loose(f)], f)
	}
	ws, _ := wordstats.Default()
	type decision struct {
		a, b   int
		detail string
	}
	var ds []decision
	for i, n := range r.nodes {
		if n.typ != model.Person || n.gaz || !r.auto(i) || len(n.names) == 0 {
			continue
		}
		own := r.find(i)
		var cs []candidate
		var used []pname
		for _, p := range append([]pname{n.names[0]}, n.alts...) {
			if len(p.content) != 1 || p.chain {
				continue
			}
			s := bare(p.given)
			if utf8.RuneCountInString(s) < 3 || !r.surnameAlone(p.given) {
				continue // a given name, or too short to tell
			}
			for _, e := range byFamily[s] {
				if root := r.find(e.node); root != own {
					cs = append(cs, candidate{root, e.node, e.name})
					used = append(used, p)
				}
			}
		}
		variant := ""
		if len(cs) == 0 {
			cs, used, variant = r.surnameVariants(i, own, byFamily, byOutline, ws)
		}
		c, ok := r.pick(cs, arts, minSurnameArticles)
		if !ok || surnameShare*arts[c.root] < arts[own] || variant != "" && variantDominance*arts[own] > arts[c.root] {
			continue
		}
		for j, x := range cs {
			if x.node == c.node {
				w := bare(used[j].given)
				if variant != "" {
					ds = append(ds, decision{i, c.node, fmt.Sprintf("%s ⊂ %s (the family name alone, %s)", used[j].text, x.name.text, variant)})
					break
				}
				ds = append(ds, decision{i, c.node, fmt.Sprintf("%s ⊂ %s (the family name alone; it ends person names in %d articles, starts them in %d, follows a title in %d)",
					used[j].text, x.name.text, r.last[w], r.first[w], r.titled[w])})
				break
			}
		}
	}
	for _, d := range ds {
		r.union(d.a, d.b, ReasonPartial, d.detail, false)
	}
}

// variantDominance: a misspelt or cliticised family name alone
// (surnameVariants) joins a person with at least this many times its
// articles.
const variantDominance = 5

// surnameVariants returns the candidates of rule 6 for person key i, whose
// one-word name is no family name of the corpus as written, when it is a
// misspelling of one or one with a clitic glued on: the key is in
// gluedMaxArticles articles or fewer, its word, of five letters or more
// and without the article, is no name word the news spellings or the name
// lists know, and it is a spelling variant of a family name that is used
// alone (variantWords: نتنايهو of نتنياهو, خاميني of خامنيي; where only
// vowel letters differ, one moved, not put for another or added: شيبانا is
// no شيباني) or that family
// name with the conjunction ف or و, or the preposition ب or ل, before it
// (فحبري). It returns the candidates, the names they were found for and
// how.
func (r *resolver) surnameVariants(i, own int, byFamily map[string][]familyEntry, byOutline map[string][]string, ws *wordstats.Table) (cs []candidate, used []pname, how string) {
	n := r.nodes[i]
	if ws == nil || n.articles > gluedMaxArticles {
		return nil, nil, ""
	}
	p := n.names[0]
	if len(p.content) != 1 || p.chain || hasArticle(p.given) {
		return nil, nil, ""
	}
	w := p.given
	if utf8.RuneCountInString(w) < 5 || gazetteer.IsNameWord(w) || ws.Name(w).Known() {
		return nil, nil, ""
	}
	add := func(f string) {
		for _, e := range byFamily[f] {
			if root := r.find(e.node); root != own {
				cs = append(cs, candidate{root, e.node, e.name})
				used = append(used, p)
			}
		}
	}
	if r0, size := utf8.DecodeRuneInString(w); strings.ContainsRune("فوبل", r0) {
		if f := w[size:]; r.surnameAlone(f) && len(byFamily[f]) > 0 {
			add(f)
			return cs, used, "with the clitic " + string(r0) + " glued on"
		}
	}
	for _, f := range byOutline[loose(w)] {
		if f != w && !hasArticle(f) && r.surnameAlone(f) && variantWords(w, f, func() bool { return sameLetters(w, f) }) {
			add(f)
		}
	}
	return cs, used, "misspelt"
}

// sameLetters reports whether two words are made of the same letters, in
// another order or not.
func sameLetters(a, b string) bool {
	x, y := []rune(a), []rune(b)
	slices.Sort(x)
	slices.Sort(y)
	return slices.Equal(x, y)
}

// groups builds the result: for every group of two keys or more, the
// canonical key (one with a Wikidata id, a wd: key first, else a gazetteer
// key, else one whose name has two words or more, then the most articles, then mentions,
// then the smallest key) and
// how each other key joined it (the first rule, in the order they were
// applied, on a path from the canonical key).
func (r *resolver) groups() []Group {
	members := map[int][]int{}
	for i := range r.nodes {
		members[r.find(i)] = append(members[r.find(i)], i)
	}
	adj := map[int][]int{} // node -> edge indices
	for j, e := range r.edges {
		adj[e.a] = append(adj[e.a], j)
		adj[e.b] = append(adj[e.b], j)
	}
	var out []Group
	for _, ms := range members {
		if len(ms) < 2 {
			continue
		}
		c := ms[0]
		for _, i := range ms[1:] {
			if canonBetter(r.nodes[i], r.nodes[c]) {
				c = i
			}
		}
		cn := r.nodes[c]
		g := Group{Key: cn.key, Name: cn.name, Type: cn.typ, QID: cn.qid, Articles: cn.articles, Mentions: cn.mentions}
		// breadth first from the canonical key, edges in the order made
		seen := map[int]bool{c: true}
		queue := []int{c}
		for len(queue) > 0 {
			x := queue[0]
			queue = queue[1:]
			for _, j := range adj[x] {
				e := r.edges[j]
				y := e.a
				if y == x {
					y = e.b
				}
				if seen[y] {
					continue
				}
				seen[y] = true
				queue = append(queue, y)
				n := r.nodes[y]
				g.Members = append(g.Members, Member{Key: n.key, Name: n.name, Reason: e.reason, Detail: e.detail, Via: r.nodes[x].key,
					Articles: n.articles, Mentions: n.mentions})
			}
		}
		sort.Slice(g.Members, func(a, b int) bool { return g.Members[a].Key < g.Members[b].Key })
		out = append(out, g)
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Key < out[b].Key })
	return out
}

func canonBetter(a, b *node) bool {
	if (a.qid != "") != (b.qid != "") {
		return a.qid != ""
	}
	if wa, wb := strings.HasPrefix(a.key, "wd:"), strings.HasPrefix(b.key, "wd:"); wa != wb {
		return wa
	}
	if a.gaz != b.gaz {
		return a.gaz
	}
	if fa, fb := a.fullName(), b.fullName(); fa != fb {
		return fa
	}
	if a.articles != b.articles {
		return a.articles > b.articles
	}
	if a.mentions != b.mentions {
		return a.mentions > b.mentions
	}
	return a.key < b.key
}
