// Package learn builds the data of package translit ("kg build translit")
// from the name pairs of the shared data folder: Wikidata person names of
// Arab countries (wikidata-person-names-ar), Google's Arabic-English
// transliteration pairs (google-translit-ar2en) and Wikidata name tokens
// (netranslit-wikidata-ar, read English to Arabic and reversed).
//
// Each Arabic word gets the Latin spelling of most weight among its
// attestations, an attestation counting as much as the person's country
// is near the Gulf (English-language Gulf news writes Abdulaziz, Khalid,
// Mohammed); spellings that do not share the word's consonants are
// dropped, and a word with ال is filed by its stem when the spellings show
// the article (Al-Jubeir, Jubeir) and whole when not (الياس Elias). The
// graphone model is trained on the chosen spellings: EM aligns each Arabic
// letter with the Latin letters that write it, and the aligned sequences
// are counted as n-grams (Witten-Bell smoothing at run time). The table
// then keeps only the words the model does not spell as attested.
//
// The shipped build learns from every pair. A build to score
// (Options.HoldTest) holds out the test splits of the two transliteration
// sets and 10% of the Wikidata names (by a hash of the Arabic), including
// the name units that held-out full names attest. Evaluate scores the old
// and the new romanisation on them; Options.HoldDev holds out the dev
// splits too, to tune on. Build is deterministic.
//
// BuildLatin gathers the known Latin names (translit.Latin) that foreign
// names written in Arabic letters are matched against: the English name
// tokens of Wikidata persons, the Latin names of Wikidata persons of Arab
// countries, GeoNames places, ArWikiCats labels and the gazetteer's
// countries, cities and leaders (LatinFiles), each word weighed by how
// often its source attests it (the test splits left out for a scored
// build). A label's word that no Arabic word of the label transcribes
// (translit.Transcribes: الإمبراطورية الروسية "Russian Empire") is a
// Common word, matched in the names of organisations and places only. A
// table word that matches a known Latin name keeps its table entry, so
// that the match serves only words no pair attests.
package learn
