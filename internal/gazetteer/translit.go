package gazetteer

import "github.com/kg-project/kg/internal/translit"

// Transliterate returns the English-news spelling of an Arabic name the
// gazetteer lacks (translit.Romanize): "عادل الجبير" -> "Adel al-Jubeir".
func Transliterate(s string) string { return translit.Romanize(s) }

// Skeleton is the consonant outline of a name (translit.Skeleton), used to
// pair Arabic and Latin spellings of the same name: Tokayev/توكاييف -> "tkyf".
func Skeleton(s string) string { return translit.Skeleton(s) }

// IsNameWord reports whether the MatchForm m is a frequent Arabic given
// name, family name or name particle (translit.IsNameWord).
func IsNameWord(m string) bool { return translit.IsNameWord(m) }
