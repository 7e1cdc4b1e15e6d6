// Package translit writes the English name of an entity kg knows only in
// Arabic, the way English-language news does.
//
// Romanize spells names: عادل الجبير "Adel al-Jubeir", محمد بن سلمان
// "Mohammed bin Salman", عبدالعزيز "Abdulaziz", أدولف هتلر "Adolf Hitler".
// Each word takes its news spelling (data/spellings.txt, written for kg),
// else its most frequent attested Latin spelling in the name pairs kg learns
// from (the table), with the article ال as "al-" and groups written as one
// word (عبد العزيز); a foreign name no pair attests comes back as the
// known Latin name it transcribes (Latin: تشلسي Chelsea, زيوريخ Zurich),
// matched by letter classes and vowel letters against a list of Latin
// names from the shared data (data/latin.tsv.gz), when one is the only or
// clearly the most attested match, else the likeliest of near ones by
// their attestations and the graphone model (Model.Score); a word still
// unknown is spelt by a graphone model
// (a joint-sequence n-gram model of Arabic letters and the Latin letters
// that write them, Model), and Letters, the letter-by-letter rendering, is
// the last fallback. Skeleton, the consonant outline of a name used to pair
// its Arabic and Latin spellings, is built on Letters, so that it does not
// move with the learnt data.
//
// Name translates the names of organisations and places made of common
// words (بنك الألماس "Diamond Bank", وزارة الخارجية "Ministry of Foreign
// Affairs", جامعة الملك سعود "King Saud University") word by word, in
// English order, from data/orgwords.tsv, and romanises the names inside
// them; a Lexicon (the gazetteer) gives the English of known places.
//
// The table and the model (data/names.tsv.gz, read by ReadCompiled, loaded
// once by Default) are learnt by package learn ("kg build translit") from
// the shared data folder's name pairs, and the Latin names gathered by the
// same command (data/latin.tsv.gz, ReadLatin); that package is not linked into the
// extractor. All the data is embedded by package data.
package translit
