package export

import (
	"bufio"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/vocab"
)

// ItemSource gives the staged articles as the items kg push writes, in
// article id order; *loader.Items is one.
type ItemSource interface {
	// Articles calls fn with every item's article and no extraction.
	Articles(ctx context.Context, fn func(graph.Item) error) (noExtraction int, err error)
	// Each calls fn with every item, extraction included.
	Each(ctx context.Context, fn func(graph.Item) error) (noExtraction int, err error)
}

// AdminStats counts what Neo4jAdmin wrote.
type AdminStats struct {
	Articles  int `json:"articles"`
	Entities  int `json:"entities"`
	Evidence  int `json:"evidence"`
	Mentions  int `json:"mentions"`
	Relations int `json:"relations"` // typed relations between entities
	// CoMentions counts the co-mention records (:CoMention) written:
	// pairs of entities that share graph.CoMentionMinArticles articles.
	CoMentions int `json:"co_mentions"`
	// CoMentionsLeft: the corpus had more pairs of entities than the
	// export counts in memory (MaxPairs), so it wrote none and kg
	// finish-import counts them in Neo4j.
	CoMentionsLeft bool `json:"co_mentions_left_to_finish_import"`
	// Skipped counts staged articles without an extraction of the
	// current extractor version (kg push skips them too).
	Skipped int `json:"skipped"`
	// Multiline is set when some value holds a line break, so that the
	// import needs --multiline-fields=true (written to the args file).
	Multiline bool `json:"multiline"`
}

// Files of a neo4j-admin export, in the directory given to Neo4jAdmin.
const (
	AdminArgsFile = "neo4j-admin.args"
	// AdminArrayDelimiter separates the elements of array values and of
	// labels: the unit separator, which news text does not hold (a value
	// that does is refused).
	AdminArrayDelimiter = '\x1f'
)

var adminNodeFiles = []string{"articles.csv", "entities.csv", "evidence.csv", "comentions.csv", "meta.csv"}
var adminRelFiles = []string{"mentioned_in.csv", "in_article.csv", "relations.csv"}

// ErrUnsafeValue: a value cannot be written to neo4j-admin CSV without
// changing it (an array element that is empty or holds the array
// delimiter). The export fails rather than import another graph.
var ErrUnsafeValue = errors.New("value cannot be written for neo4j-admin import")

// Neo4jAdmin writes the graph kg push would build from src into an empty
// database as CSV files for `neo4j-admin database import full`, in dir:
// one file per kind of node (articles, entities, evidence) and of
// relationship (MENTIONED_IN, IN_ARTICLE, typed relations), each with its
// header on the first line, and AdminArgsFile, the argument file (for
// `neo4j-admin database import full DATABASE @DIR/neo4j-admin.args`: the
// database first, as --nodes and --relationships take what follows) that
// names them with the options they need.
//
// It reads src twice: the articles alone (for the columns of their extra
// properties), then every item. Articles, mentions and evidence stream to
// their files; entities and typed relations are aggregates over all
// articles (counts, aliases, first and last seen...), computed as the
// writer's Cypher does, held in memory (memory grows with the distinct
// entities and relation triples, like entity resolution; not with
// articles, mentions or evidence) and written at the end.
//
// Where push's result depends on the order of its writes (an entity key
// given different Wikidata ids by different articles: push keeps the last
// id written), the export keeps the last in article id order, the order of
// a push into an empty database. In the whole
// SaudiNewsNet corpus no key has two ids.
//
// What CSV cannot carry: an empty list. kg push stores names_ar: [] on
// entities without an Arabic alias (and surface_forms: [] on a mention
// without forms); the import leaves them absent, and RestoreEmptyLists
// sets them after the import.
//
// dir is created when its parent exists; files in it are replaced only
// when they are regular files, and only when the whole export succeeded.
func Neo4jAdmin(ctx context.Context, src ItemSource, dir string) (st AdminStats, err error) {
	w := &adminWriter{dir: dir, ents: map[string]*entAgg{}, rels: map[triple]*relAgg{}, entNum: map[string]uint32{}, pairs: map[uint64]int32{}}
	defer func() {
		if err != nil {
			w.abort()
		}
	}()
	if err := w.begin(); err != nil {
		return st, err
	}
	props := map[string]bool{}
	if _, err := src.Articles(ctx, func(it graph.Item) error {
		for k := range graph.ArticleProps(it.Article.Props) {
			props[k] = true
		}
		return nil
	}); err != nil {
		return st, err
	}
	w.artProps = slices.Sorted(func(yield func(string) bool) {
		for k := range props {
			if !yield(k) {
				return
			}
		}
	})
	if err := w.headers(); err != nil {
		return st, err
	}
	if w.st.Skipped, err = src.Each(ctx, w.item); err != nil {
		return st, err
	}
	if err := w.aggregates(); err != nil {
		return st, err
	}
	if err := w.commit(); err != nil {
		return st, err
	}
	return w.st, nil
}

// ---- what the writer computes (internal/graph/write.go), item by item ----

type triple struct{ s, p, o string }

// entAgg is what the writer's entity statements leave on an entity node.
type entAgg struct {
	labels    []string // entity types it was written with (SET n:Type)
	firstName string   // ON CREATE SET n.name
	wikidata  string   // last non-empty (coalesce)
	name      string   // longest mention name, then the smallest
	hasName   bool
	mentions  int64 // sum of the mentions' counts
	articles  int64 // MENTIONED_IN edges
	forms     map[string]int64
	merged    map[string]bool
}

// relAgg is what the writer's relation statement leaves on a typed
// relation: evidence folded in (article_id, start, id) order.
type relAgg struct {
	count, asserted int64
	articles        []string
	first, last     string
	confidence      float64
	modalities      []string
	extractors      []string // distinct model.Relation.Extractor values, LLM back end only
}

type adminWriter struct {
	dir      string
	created  bool
	files    map[string]*File
	out      map[string]*bufio.Writer
	artProps []string
	ents     map[string]*entAgg
	rels     map[triple]*relAgg
	st       AdminStats
	row      []byte
	// the co-mention counts: entity keys numbered in order of first
	// sight, and the number of articles of each pair (pairKey)
	entNum  map[string]uint32
	entKeys []string
	pairs   map[uint64]int32
	artEnts []uint32 // the entities of the article under way
}

// MaxPairs bounds the pairs of entities the export counts in memory
// (about 80 bytes each with the map's growth: 160 MB at most; the whole
// SaudiNewsNet corpus, 27,041 articles, has 1.23 million, 255,751 of them
// in two articles or more). Beyond it the export leaves the counts to kg
// finish-import.
var MaxPairs = 2 << 20

// pairKey packs a pair of entity numbers, the smaller first.
func pairKey(a, b uint32) uint64 {
	if a > b {
		a, b = b, a
	}
	return uint64(a)<<32 | uint64(b)
}

func (w *adminWriter) begin() error {
	c := NewCSVDir(w.dir)
	if err := c.Check(); err != nil {
		return err
	}
	if err := os.Mkdir(w.dir, 0o755); err == nil {
		w.created = true
	} else if !errors.Is(err, fs.ErrExist) {
		return err
	}
	for _, f := range append(append(slices.Clone(adminNodeFiles), adminRelFiles...), AdminArgsFile) {
		if err := CheckFile(filepath.Join(w.dir, f)); err != nil {
			return err
		}
	}
	w.files, w.out = map[string]*File{}, map[string]*bufio.Writer{}
	for _, n := range append(append(slices.Clone(adminNodeFiles), adminRelFiles...), AdminArgsFile) {
		f, err := CreateFile(filepath.Join(w.dir, n))
		if err != nil {
			return err
		}
		w.files[n], w.out[n] = f, bufio.NewWriterSize(f, 256<<10)
	}
	return nil
}

func (w *adminWriter) abort() {
	for _, f := range w.files {
		f.Abort()
	}
	if w.created {
		os.Remove(w.dir)
	}
}

func (w *adminWriter) commit() error {
	if err := w.args(); err != nil {
		return err
	}
	for n, b := range w.out {
		if err := b.Flush(); err != nil {
			return fmt.Errorf("%s: %w", n, err)
		}
	}
	for _, f := range w.files {
		if err := f.Commit(); err != nil {
			return err
		}
	}
	w.created = false
	return nil
}

func (w *adminWriter) headers() error {
	art := []string{"id:ID(Article)", ":LABEL", "title", "url", "published", "lang", "source", "content_hash", "extractor"}
	art = append(art, w.artProps...)
	heads := map[string][]string{
		"articles.csv": art,
		"entities.csv": {"key:ID(Entity)", ":LABEL", "name", "wikidata", "mention_count:long", "article_count:long",
			"aliases:string[]", "alias_counts:long[]", "aliases_text", "names_ar:string[]", "merged_keys:string[]"},
		"evidence.csv": {"id:ID(Evidence)", ":LABEL", "article_id", "subject_key", "predicate", "object_key", "sentence",
			"start:long", "end:long", "trigger", "modality", "confidence:double", "published", "event_date", "event_date_precision", "extractor"},
		"mentioned_in.csv": {":START_ID(Entity)", ":END_ID(Article)", ":TYPE", "count:long", "first_offset:long",
			"surface_forms:string[]", "surface_counts:long[]", "name", "merged_from:string[]"},
		"in_article.csv": {":START_ID(Evidence)", ":END_ID(Article)", ":TYPE"},
		// an unnamed ID is not stored: the nodes are as graph.Settle writes them
		"comentions.csv": {":ID(CoMention)", ":LABEL", "a", "b", "articles:long"},
		"meta.csv":       {":ID(KgMeta)", ":LABEL", "name", "min_articles:long"},
		"relations.csv": {":START_ID(Entity)", ":END_ID(Entity)", ":TYPE", "count:long", "articles:string[]",
			"first_seen", "last_seen", "confidence:double", "modalities:string[]", "asserted_count:long", "extractors:string[]"},
	}
	for n, h := range heads {
		cells := make([]cell, len(h))
		for i, s := range h {
			cells[i] = raw(s)
		}
		if err := w.write(n, cells...); err != nil {
			return err
		}
	}
	return nil
}

// item streams one article, its mentions and its evidence, and folds its
// entities and relations into the aggregates, with the checks the writer
// makes. An error names the article; rows written before it are left to
// the caller's abort.
func (w *adminWriter) item(it graph.Item) error {
	a, x := it.Article, it.Extraction
	if err := w.article(it); err != nil {
		return err
	}
	if x == nil {
		return nil
	}
	types := map[string]string{}
	w.artEnts = w.artEnts[:0]
	for _, e := range x.Entities {
		if !model.ValidEntityType(e.Type) {
			return fmt.Errorf("article %s: entity %q: type %q: %w", a.ID, e.ID, e.Type, graph.ErrInvalidLabel)
		}
		if e.ID == "" {
			return fmt.Errorf("article %s: entity %q without id", a.ID, e.Name)
		}
		types[e.ID] = e.Type
		if err := w.mention(a.ID, e, it.MergedFrom[e.ID]); err != nil {
			return err
		}
		n, ok := w.entNum[e.ID]
		if !ok {
			n = uint32(len(w.entKeys))
			w.entNum[e.ID] = n
			w.entKeys = append(w.entKeys, e.ID)
		}
		w.artEnts = append(w.artEnts, n)
	}
	w.countPairs()
	evs, err := evidenceOf(a.ID, x.Relations, types)
	if err != nil {
		return err
	}
	for _, v := range evs {
		if err := w.evidence(a, v); err != nil {
			return err
		}
	}
	// The writer folds a triple's evidence in (article_id, start, id)
	// order; articles come in id order, so sorting one article's evidence
	// is enough.
	slices.SortStableFunc(evs, func(p, q relEvidence) int {
		if p.r.Evidence.Start != q.r.Evidence.Start {
			return p.r.Evidence.Start - q.r.Evidence.Start
		}
		return strings.Compare(p.id, q.id)
	})
	for _, v := range evs {
		w.foldRelation(a, v)
	}
	return nil
}

// article writes the article row of it, its properties in the columns of
// w.artProps (null where it has none).
func (w *adminWriter) article(it graph.Item) error {
	a := it.Article
	cells := []cell{str(a.ID), raw("Article"), str(a.Title), str(a.URL), strOrNull(a.Published), str(a.Lang),
		str(a.Source), str(it.ContentHash), str(it.Extractor)}
	written := graph.ArticleProps(a.Props)
	for _, k := range w.artProps {
		if v, ok := written[k]; ok {
			cells = append(cells, str(v))
		} else {
			cells = append(cells, null())
		}
	}
	if err := w.write("articles.csv", cells...); err != nil {
		return fmt.Errorf("article %s: %w", a.ID, err)
	}
	w.st.Articles++
	return nil
}

// surfaceForms counts e's mention texts, with its other aliases at 0, and
// returns the smallest mention offset (-1 without mentions).
func surfaceForms(e model.Entity) (forms map[string]int64, first int) {
	forms = map[string]int64{}
	first = -1
	for _, m := range e.Mentions {
		forms[m.Text]++
		if first < 0 || m.Start < first {
			first = m.Start
		}
	}
	for _, al := range e.Aliases {
		if _, ok := forms[al]; !ok && al != "" {
			forms[al] = 0
		}
	}
	return forms, first
}

// mention writes the MENTIONED_IN row of the valid entity e in article
// id (from: the keys resolution merged into it) and folds e into its
// entity's aggregate.
func (w *adminWriter) mention(id string, e model.Entity, from []string) error {
	forms, first := surfaceForms(e)
	fl := slices.Sorted(mapKeys(forms))
	fc := make([]int64, len(fl))
	for i, f := range fl {
		fc[i] = forms[f]
	}
	if err := w.write("mentioned_in.csv", str(e.ID), str(id), raw("MENTIONED_IN"), long(int64(len(e.Mentions))),
		long(int64(first)), strList(fl), longs(fc), str(e.Name), strList(from)); err != nil {
		return fmt.Errorf("article %s: entity %s: %w", id, e.ID, err)
	}
	w.st.Mentions++
	w.foldEntity(e, forms, from)
	return nil
}

// foldEntity folds one article's entity e, with its surface forms and the
// keys merged into it, into its aggregate, as the writer's entity
// statements do.
func (w *adminWriter) foldEntity(e model.Entity, forms map[string]int64, from []string) {
	g := w.ents[e.ID]
	if g == nil {
		g = &entAgg{firstName: e.Name, forms: map[string]int64{}}
		w.ents[e.ID] = g
	}
	if !slices.Contains(g.labels, e.Type) {
		g.labels = append(g.labels, e.Type)
	}
	if e.Wikidata != "" {
		g.wikidata = e.Wikidata
	}
	if !g.hasName || longerName(e.Name, g.name) {
		g.name, g.hasName = e.Name, true
	}
	g.mentions += int64(len(e.Mentions))
	g.articles++
	for f, c := range forms {
		g.forms[f] += c
	}
	for _, k := range from {
		if g.merged == nil {
			g.merged = map[string]bool{}
		}
		g.merged[k] = true
	}
}

// relEvidence is one relation of an article with the id of its evidence
// node.
type relEvidence struct {
	id string
	r  model.Relation
}

// evidenceOf checks the relations of article id (a predicate of the
// vocabulary, subject and object among the article's entities, whose
// types are in types) and returns them with their evidence ids, in order.
func evidenceOf(id string, rels []model.Relation, types map[string]string) ([]relEvidence, error) {
	evs := make([]relEvidence, 0, len(rels))
	for i, r := range rels {
		if !vocab.Valid(r.Predicate) {
			return nil, fmt.Errorf("article %s: relation %q: %w", id, r.Predicate, graph.ErrInvalidLabel)
		}
		if types[r.Subject] == "" || types[r.Object] == "" {
			return nil, fmt.Errorf("article %s: relation %d refers to an unknown entity", id, i)
		}
		evs = append(evs, relEvidence{graph.EvidenceID(id, r), r})
	}
	return evs, nil
}

// evidence writes the evidence row of v, a relation of article a, and its
// IN_ARTICLE row.
func (w *adminWriter) evidence(a model.Article, v relEvidence) error {
	r := v.r
	var date, prec cell = null(), null()
	if r.EventDate != nil {
		date, prec = str(r.EventDate.Date), str(r.EventDate.Precision)
	}
	if err := w.write("evidence.csv", str(v.id), raw("Evidence"), str(a.ID), str(r.Subject), str(r.Predicate), str(r.Object),
		str(r.Evidence.Sentence), long(int64(r.Evidence.Start)), long(int64(r.Evidence.End)), str(r.Trigger), str(r.Modality),
		double(r.Confidence), strOrNull(a.Published), date, prec, strOrNull(r.Extractor)); err != nil {
		return fmt.Errorf("article %s: evidence %s: %w", a.ID, v.id, err)
	}
	if err := w.write("in_article.csv", str(v.id), str(a.ID), raw("IN_ARTICLE")); err != nil {
		return err
	}
	w.st.Evidence++
	return nil
}

// foldRelation folds the evidence v of article a into the aggregate of its
// typed relation, as the writer's relation statement does; evidence must
// come in (article_id, start, id) order.
func (w *adminWriter) foldRelation(a model.Article, v relEvidence) {
	t := triple{v.r.Subject, v.r.Predicate, v.r.Object}
	g := w.rels[t]
	if g == nil {
		g = &relAgg{}
		w.rels[t] = g
	}
	g.count++
	if n := len(g.articles); n == 0 || g.articles[n-1] != a.ID {
		g.articles = append(g.articles, a.ID)
	}
	if p := a.Published; p != "" {
		if g.first == "" || p < g.first {
			g.first = p
		}
		if g.last == "" || p > g.last {
			g.last = p
		}
	}
	if v.r.Confidence > g.confidence {
		g.confidence = v.r.Confidence
	}
	if !slices.Contains(g.modalities, v.r.Modality) {
		g.modalities = append(g.modalities, v.r.Modality)
	}
	if v.r.Modality == "asserted" {
		g.asserted++
	}
	if x := v.r.Extractor; x != "" && !slices.Contains(g.extractors, x) {
		g.extractors = append(g.extractors, x)
	}
}

// longerName is the writer's choice of an entity's name among its
// mentions' names: the longest (in characters), then the smallest.
func longerName(n, best string) bool {
	ln, lb := utf8.RuneCountInString(n), utf8.RuneCountInString(best)
	return ln > lb || (ln == lb && n < best)
}

// aggregates writes the entities and the typed relations.
// countPairs adds the article under way to the count of every pair of
// its distinct entities (one MENTIONED_IN edge each).
func (w *adminWriter) countPairs() {
	if w.pairs == nil {
		return // too many: left to kg finish-import
	}
	slices.Sort(w.artEnts)
	es := slices.Compact(w.artEnts)
	for i, a := range es {
		for _, b := range es[i+1:] {
			w.pairs[pairKey(a, b)]++
		}
	}
	if len(w.pairs) > MaxPairs {
		w.pairs = nil
		w.st.CoMentionsLeft = true
	}
}

// coMentions writes the co-mention records graph.Settle (or
// graph.RecountCoMentions) would: one node a pair of entities sharing at
// least graph.CoMentionMinArticles articles, a < b as Neo4j orders strings
// (by UTF-16 code unit), and the marker that the counts are complete.
func (w *adminWriter) coMentions() error {
	if w.st.CoMentionsLeft {
		return nil // no records, no marker: kg finish-import counts them
	}
	type row struct {
		a, b string
		n    int32
	}
	var rows []row
	for k, n := range w.pairs {
		if n < graph.CoMentionMinArticles {
			continue
		}
		a, b := w.entKeys[k>>32], w.entKeys[uint32(k)]
		if cmpUTF16(a, b) > 0 {
			a, b = b, a
		}
		rows = append(rows, row{a, b, n})
	}
	w.pairs = nil
	slices.SortFunc(rows, func(p, q row) int { return cmpJoin(p.a, q.a, p.b, q.b) })
	for i, r := range rows {
		if err := w.write("comentions.csv", long(int64(i)), raw("CoMention"), str(r.a), str(r.b), long(int64(r.n))); err != nil {
			return fmt.Errorf("co-mentions of %s and %s: %w", r.a, r.b, err)
		}
	}
	w.st.CoMentions = len(rows)
	return w.write("meta.csv", str("co_mentions"), raw("KgMeta"), str("co_mentions"), long(graph.CoMentionMinArticles))
}

// cmpUTF16 compares two strings as Java (and so Neo4j) does: by UTF-16
// code unit, which differs from Go's byte order only when a character
// beyond U+FFFF meets one from U+E000 to U+FFFF.
func cmpUTF16(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	for i := 0; i < len(ra) && i < len(rb); i++ {
		if ra[i] == rb[i] {
			continue
		}
		if c := cmp.Compare(utf16Unit(ra[i]), utf16Unit(rb[i])); c != 0 {
			return c
		}
		return cmp.Compare(ra[i], rb[i]) // the same high surrogate: the low ones keep the runes' order
	}
	return cmp.Compare(len(ra), len(rb))
}

// utf16Unit is the first UTF-16 code unit of r.
func utf16Unit(r rune) rune {
	if r > 0xFFFF {
		return 0xD800 + (r-0x10000)>>10
	}
	return r
}

func (w *adminWriter) aggregates() error {
	for _, k := range slices.Sorted(mapKeys(w.ents)) {
		g := w.ents[k]
		labels := append([]string{"Entity"}, g.labels...)
		slices.Sort(labels[1:])
		var merged cell = null()
		if len(g.merged) > 0 {
			merged = strList(slices.Sorted(mapKeys(g.merged)))
		}
		cells := []cell{str(k), rawList(labels)}
		if len(g.forms) == 0 {
			// The writer's aggregate statement finds no surface form to
			// unwind and sets nothing: the name stays the one created.
			cells = append(cells, str(g.firstName), strOrNull(g.wikidata), null(), null(), null(), null(), null(), null(), merged)
		} else {
			forms := slices.Sorted(mapKeys(g.forms))
			counts := make([]int64, len(forms))
			var text strings.Builder
			var ar []string
			for i, f := range forms {
				counts[i] = g.forms[f]
				if text.Len() > 0 {
					text.WriteString(" | ")
				}
				text.WriteString(f)
				if arabicLine(f) {
					ar = append(ar, f)
				}
			}
			cells = append(cells, str(g.name), strOrNull(g.wikidata), long(g.mentions), long(g.articles),
				strList(forms), longs(counts), str(text.String()), strList(ar), merged)
		}
		if err := w.write("entities.csv", cells...); err != nil {
			return fmt.Errorf("entity %s: %w", k, err)
		}
		w.st.Entities++
	}
	w.ents = nil
	ts := slices.SortedFunc(mapKeys(w.rels), func(a, b triple) int {
		return cmpJoin(a.s, b.s, a.p, b.p, a.o, b.o)
	})
	for _, t := range ts {
		g := w.rels[t]
		if err := w.write("relations.csv", str(t.s), str(t.o), raw(t.p), long(g.count), strList(g.articles),
			strOrNull(g.first), strOrNull(g.last), double(g.confidence), strList(g.modalities), long(g.asserted), strList(g.extractors)); err != nil {
			return fmt.Errorf("relation %s -%s-> %s: %w", t.s, t.p, t.o, err)
		}
		w.st.Relations++
	}
	return w.coMentions()
}

func cmpJoin(pairs ...string) int {
	for i := 0; i+1 < len(pairs); i += 2 {
		if c := strings.Compare(pairs[i], pairs[i+1]); c != 0 {
			return c
		}
	}
	return 0
}

// arabicLine is Cypher's f =~ '.*\p{IsArabic}.*' (a Java regular
// expression, whose . matches no line terminator): an Arabic letter, on
// one line.
func arabicLine(s string) bool {
	if strings.ContainsAny(s, "\n\r\u0085\u2028\u2029") {
		return false
	}
	return strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Arabic, r) }) >= 0
}

func mapKeys[K comparable, V any](m map[K]V) func(func(K) bool) {
	return func(yield func(K) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// args writes the argument file of neo4j-admin database import full.
func (w *adminWriter) args() error {
	abs, err := filepath.Abs(w.dir)
	if err != nil {
		return err
	}
	b := w.out[AdminArgsFile]
	fmt.Fprintf(b, "--array-delimiter=U+%04X\n", AdminArrayDelimiter)
	if w.st.Multiline {
		b.WriteString("--multiline-fields=true\n")
	}
	for _, n := range adminNodeFiles {
		fmt.Fprintf(b, "%s\n", argQuote("--nodes="+filepath.Join(abs, n)))
	}
	for _, n := range adminRelFiles {
		fmt.Fprintf(b, "%s\n", argQuote("--relationships="+filepath.Join(abs, n)))
	}
	return nil
}

// argQuote quotes one argument for a picocli argument file: the whole
// argument in double quotes, with \ and " escaped by a backslash.
func argQuote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// ---- after the import ----

// QueryWriter reads and writes the imported database; *graph.Client is one.
type QueryWriter interface {
	Query(ctx context.Context, cypher string, params map[string]any, readOnly bool) (*graph.Result, error)
}

var _ QueryWriter = (*graph.Client)(nil)

// The lists kg push stores empty and CSV cannot carry: names_ar on an
// entity whose aliases were computed, and the surface forms of a mention.
// Each statement sets at most $page of them per transaction.
const (
	cyEmptyNamesAr = `MATCH (e:Entity) WHERE e.aliases IS NOT NULL AND e.names_ar IS NULL
WITH e LIMIT $page
SET e.names_ar = []
RETURN count(e)`
	cyEmptyForms = `MATCH (:Entity)-[m:MENTIONED_IN]->(:Article) WHERE m.surface_forms IS NULL
WITH m LIMIT $page
SET m.surface_forms = [], m.surface_counts = []
RETURN count(m)`
)

// RestoreEmptyLists sets, after a neo4j-admin import of a Neo4jAdmin
// export, the empty lists kg push stores but CSV cannot carry (see
// Neo4jAdmin), page by page (page 0: 10,000 per transaction). It returns
// how many nodes and relationships it changed. On a graph kg push built
// it changes nothing.
func RestoreEmptyLists(ctx context.Context, db QueryWriter, page int) (int64, error) {
	if page <= 0 {
		page = 10000
	}
	var total int64
	for _, cy := range []string{cyEmptyNamesAr, cyEmptyForms} {
		for {
			res, err := db.Query(ctx, cy, map[string]any{"page": int64(page)}, false)
			if err != nil {
				return total, fmt.Errorf("restoring empty lists: %w", err)
			}
			var n int64
			if len(res.Rows) == 1 {
				n, _ = res.Rows[0][0].(int64)
			}
			total += n
			if n < int64(page) {
				break
			}
		}
	}
	return total, nil
}

// ---- CSV as neo4j-admin reads it ----

// A cell is one field: a string value (always quoted, so that "" is the
// empty string and spaces stay), null (nothing between the delimiters), a
// number, or an array (quoted, elements joined by AdminArrayDelimiter).
type cell struct {
	kind byte // 's' string, 'r' raw (header, number, label, type), 'n' null, 'l' list
	s    string
	list []string
}

func str(s string) cell { return cell{kind: 's', s: s} }
func raw(s string) cell { return cell{kind: 'r', s: s} }
func null() cell        { return cell{kind: 'n'} }
func strOrNull(s string) cell {
	if s == "" {
		return null()
	}
	return str(s)
}
func long(i int64) cell     { return cell{kind: 'r', s: strconv.FormatInt(i, 10)} }
func double(f float64) cell { return cell{kind: 'r', s: strconv.FormatFloat(f, 'g', -1, 64)} }

// strList is a string array; an empty one is null (CSV cannot tell them
// apart).
func strList(l []string) cell {
	if len(l) == 0 {
		return null()
	}
	return cell{kind: 'l', list: l}
}

func longs(l []int64) cell {
	if len(l) == 0 {
		return null()
	}
	s := make([]string, len(l))
	for i, v := range l {
		s[i] = strconv.FormatInt(v, 10)
	}
	return cell{kind: 'l', list: s}
}

// rawList is a list of labels.
func rawList(l []string) cell { return cell{kind: 'l', list: l} }

func (w *adminWriter) write(file string, cells ...cell) error {
	b := w.row[:0]
	for i, c := range cells {
		if i > 0 {
			b = append(b, ',')
		}
		switch c.kind {
		case 'n':
		case 'r':
			if strings.ContainsAny(c.s, ",\"\n\r") || strings.ContainsRune(c.s, AdminArrayDelimiter) {
				return fmt.Errorf("%q: %w", c.s, ErrUnsafeValue)
			}
			b = append(b, c.s...)
		case 's':
			b = w.quote(b, c.s)
		case 'l':
			for _, e := range c.list {
				if e == "" || strings.ContainsRune(e, AdminArrayDelimiter) {
					return fmt.Errorf("list element %q (empty, or holding the array delimiter U+%04X): %w", e, AdminArrayDelimiter, ErrUnsafeValue)
				}
			}
			b = w.quote(b, strings.Join(c.list, string(AdminArrayDelimiter)))
		}
	}
	b = append(b, '\n')
	w.row = b
	_, err := w.out[file].Write(b)
	return err
}

// quote appends s in double quotes, a quote doubled (RFC 4180; the
// importer reads a backslash as itself). A line break inside needs
// --multiline-fields, which is noted.
func (w *adminWriter) quote(b []byte, s string) []byte {
	if strings.ContainsAny(s, "\n\r") {
		w.st.Multiline = true
	}
	b = append(b, '"')
	for {
		i := strings.IndexByte(s, '"')
		if i < 0 {
			break
		}
		b = append(b, s[:i+1]...)
		b = append(b, '"')
		s = s[i+1:]
	}
	b = append(b, s...)
	return append(b, '"')
}
