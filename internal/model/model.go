// Package model holds the data types that flow through kg: articles read from a
// corpus, and the extraction results (entities, mentions, relations) that are
// staged in Badger and written to Neo4j. It has no dependencies beyond the
// standard library so every other package may import it.
package model

// Article is one news article as read from a corpus.
type Article struct {
	ID        string            `json:"id"`
	Title     string            `json:"title,omitempty"`
	Text      string            `json:"text"`
	URL       string            `json:"url,omitempty"`
	Published string            `json:"published,omitempty"` // ISO date (YYYY-MM-DD) or RFC 3339, "" when unknown
	Lang      string            `json:"lang,omitempty"`      // "ar", "en", ... ("" = detect)
	Source    string            `json:"source,omitempty"`    // path of the file it came from (and line for JSONL/CSV)
	Props     map[string]string `json:"props,omitempty"`     // unknown input fields, kept as article properties
}

// Entity types used in the graph. They are also Neo4j labels, so the set is
// closed: see ValidEntityType.
const (
	Person       = "Person"
	Organization = "Organization"
	Location     = "Location"
	Misc         = "Misc"
)

// EntityTypes lists the closed vocabulary of entity types.
var EntityTypes = []string{Person, Organization, Location, Misc}

// ValidEntityType reports whether t belongs to the closed vocabulary.
func ValidEntityType(t string) bool {
	for _, x := range EntityTypes {
		if x == t {
			return true
		}
	}
	return false
}

// Modality of a relation statement.
const (
	Asserted = "asserted"
	Future   = "future"
	Negated  = "negated"
	Reported = "reported"
)

// DocInfo is the "doc" header of one extraction record.
type DocInfo struct {
	ID        string `json:"id"`
	Source    string `json:"source,omitempty"`
	Lang      string `json:"lang,omitempty"`
	Title     string `json:"title,omitempty"`
	Published string `json:"published,omitempty"`
	URL       string `json:"url,omitempty"`
}

// Mention is one occurrence of an entity in the article text. Start and End
// are offsets in Unicode code points into Article.Text (End exclusive);
// Sentence is the index of the sentence that holds it. A mention in the
// article's title (headline) has InTitle set: its offsets and sentence
// index are then the title's.
type Mention struct {
	Text     string `json:"text"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Sentence int    `json:"sentence"`
	InTitle  bool   `json:"in_title,omitempty"`
	// Ref marks a mention that refers back to the entity by an office or
	// a head noun (الوزير, the prime minister, الوزارة), not by a name.
	Ref bool `json:"ref,omitempty"`
}

// Entity is one real-world entity found in an article. ID is the stable,
// cross-document key of the entity ("Q7747" style keys start with "wd:",
// others are derived from the canonical name and type), so the same entity
// gets the same ID in every article.
type Entity struct {
	ID       string    `json:"id"`
	Name     string    `json:"name"`
	Type     string    `json:"type"`
	Wikidata string    `json:"wikidata,omitempty"`
	Aliases  []string  `json:"aliases"`
	Mentions []Mention `json:"mentions"`
}

// Evidence is the sentence that states a relation. Start and End are code
// point offsets of the sentence in the article text, or in its title
// (headline) when InTitle is set.
type Evidence struct {
	Sentence string `json:"sentence"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	InTitle  bool   `json:"in_title,omitempty"`
}

// EventDate is the date of the event a relation reports, resolved against the
// article's published date. Precision is "day", "week", "month" or "year".
type EventDate struct {
	Date      string `json:"date"`
	Precision string `json:"precision"`
}

// Relation is one typed edge between two entities of the same article.
type Relation struct {
	Subject    string     `json:"subject"` // Entity.ID
	Predicate  string     `json:"predicate"`
	Object     string     `json:"object"` // Entity.ID
	Confidence float64    `json:"confidence"`
	Modality   string     `json:"modality"`
	Trigger    string     `json:"trigger,omitempty"`
	EventDate  *EventDate `json:"event_date,omitempty"`
	Evidence   Evidence   `json:"evidence"`
	// Extractor names the extractor that produced the relation when an
	// extraction mixes several: "builtin", "llm", or "builtin+llm" when
	// both found it (see package llm). The built-in pipeline alone leaves
	// it empty.
	Extractor string `json:"extractor,omitempty"`
}

// Extraction is everything extracted from one article; it is the unit that is
// cached in staging and written to the graph.
type Extraction struct {
	Doc       DocInfo    `json:"doc"`
	Entities  []Entity   `json:"entities"`
	Relations []Relation `json:"relations"`
	// Fallback, when set, says that the extractor asked for (the LLM) gave
	// no usable result and why: the entities and relations are the
	// built-in extractor's. The built-in pipeline leaves it empty.
	Fallback string `json:"fallback,omitempty"`
}
