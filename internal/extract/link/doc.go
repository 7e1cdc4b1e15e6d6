// Package link resolves the entity mentions of one article to entities: one
// entity per real-world entity, whatever language, spelling or short form
// named it. Mentions found in the gazetteer take its key ("wd:Q7747");
// a surname or partial name (بوتين, "Putin", "President Putin") joins the
// full name mentioned earlier or later in the same article (فلاديمير بوتين);
// Arabic and Latin spellings of a name the gazetteer lacks join when their
// consonant skeletons agree; other names get a stable key from their type
// and the MatchForm of their longest mention, so the same name gets the
// same key in every article.
package link
