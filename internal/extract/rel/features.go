package rel

import (
	"strconv"
	"strings"

	"github.com/kg-project/kg/internal/extract/arabic"
	"github.com/kg-project/kg/internal/model"
)

// Candidate is one ordered pair of entity mentions of a sentence that may
// stand in a relation: Subject does it to Object. Feats describe the pair
// and the words around it; the relation model (Model) scores them.
type Candidate struct {
	Sentence        int
	Subject, Object int // indices into Doc.Mentions
	Feats           []string
}

// maxGap is the largest number of tokens between the two mentions of a
// candidate: farther pairs are rarely stated together.
const maxGap = 40

// Candidates returns the candidate pairs of every sentence of d, in
// sentence order: both orders of each pair of mentions of two different
// entities at most maxGap tokens apart, each with its own features, among
// them the relations the rules find ("rule=" + predicate, "rulerev=" for
// the other direction).
func Candidates(d *Doc) []Candidate {
	x := newExtractor(d)
	x.titles()
	for si := range d.Sentences {
		x.sentence(si)
	}
	return x.candidates(x.result())
}

func (x *extractor) candidates(rules []model.Relation) []Candidate {
	d := x.d
	byPair := map[[3]string][]string{} // subject, object, sentence start -> predicates
	for _, r := range rules {
		k := [3]string{r.Subject, r.Object, strconv.Itoa(r.Evidence.Start)}
		byPair[k] = append(byPair[k], r.Predicate)
	}
	var out []Candidate
	for si, s := range d.Sentences {
		a, b := x.sentTok[si][0], x.sentTok[si][1]
		if a < 0 {
			continue
		}
		var ms []int
		for mi, m := range d.Mentions {
			if m.Start >= a && m.End <= b {
				ms = append(ms, mi)
			}
		}
		for _, i := range ms {
			for _, j := range ms {
				mi, mj := d.Mentions[i], d.Mentions[j]
				if i == j || mi.Entity == mj.Entity {
					continue
				}
				lo, hi := mi, mj
				if mj.Start < mi.Start {
					lo, hi = mj, mi
				}
				if hi.Start-lo.End > maxGap {
					continue
				}
				f := x.pairFeatures(a, b, i, j)
				st := strconv.Itoa(s.Start)
				for _, p := range byPair[[3]string{mi.Entity, mj.Entity, st}] {
					f = append(f, "rule="+p)
				}
				for _, p := range byPair[[3]string{mj.Entity, mi.Entity, st}] {
					f = append(f, "rulerev="+p)
				}
				out = append(out, Candidate{Sentence: si, Subject: i, Object: j, Feats: f})
			}
		}
	}
	return out
}

func gapBucket(n int) string {
	switch {
	case n <= 2:
		return strconv.Itoa(n)
	case n <= 4:
		return "3-4"
	case n <= 7:
		return "5-7"
	case n <= 12:
		return "8-12"
	case n <= 20:
		return "13-20"
	}
	return "21+"
}

// word returns the form of token k used as a lexical feature: without
// the conjunction, in MatchForm (lower case in English).
func (x *extractor) word(k int) string {
	if x.mAt[k] >= 0 {
		return "<" + x.d.Mentions[x.mAt[k]].Type + ">"
	}
	if arabic.IsNumber(x.d.Tokens[k].Text) {
		return "<num>"
	}
	return x.bare[k]
}

// stem returns the token's stem without clitics (Arabic) or "".
func (x *extractor) stem(k int) string {
	if !x.ar || x.mAt[k] >= 0 {
		return ""
	}
	return arabic.MatchForm(x.words[k].Stem)
}

// pairFeatures describes the candidate (subject mention si, object mention
// oi) in the sentence of tokens [a, b).
func (x *extractor) pairFeatures(a, b, si, oi int) []string {
	S, O := x.d.Mentions[si], x.d.Mentions[oi]
	dir := "SO" // subject first
	L, R := S, O
	if O.Start < S.Start {
		dir = "OS"
		L, R = O, S
	}
	types := S.Type + ">" + O.Type
	f := make([]string, 0, 64)
	add := func(parts ...string) { f = append(f, strings.Join(parts, "")) }
	add("dir=", dir)
	add("types=", types)
	add("types|dir=", types, "|", dir)
	gap := R.Start - L.End
	add("gap=", gapBucket(gap), "|", dir)
	if S.Demonym {
		add("sdem")
	}
	if O.Demonym {
		add("odem")
		add("odem|", S.Type)
	}
	if S.Role != "" {
		add("srole=", S.Role)
	}
	if O.Role != "" {
		add("orole=", O.Role, "|", S.Type)
	}
	if x.country[S.Entity] == O.Entity {
		add("scountry=o")
	}
	if S.Prefix != "" {
		add("spfx=", S.Prefix)
	}
	if O.Prefix != "" {
		add("opfx=", O.Prefix, "|", dir)
	}
	// the words between, their stems, the first and last of them
	others, speech, an, boundary := 0, false, false, false
	for k := L.End; k < R.Start; k++ {
		w := x.word(k)
		if x.mAt[k] >= 0 {
			if k == L.End || x.mAt[k] != x.mAt[k-1] {
				others++
			}
		}
		if gap <= 15 || k < L.End+6 || k >= R.Start-6 {
			add("bw=", w, "|", dir)
			if st := x.stem(k); st != "" && st != w {
				add("bs=", st, "|", dir)
			}
		}
		if tr, _, _ := x.verbAt(k); tr != nil {
			add("btrig=", tr.pred, "|", dir)
			add("btrig=", tr.pred, "|", types)
			if tr.speech {
				speech = true
			}
		}
		if x.ar && (w == "ان" || w == "بان" || w == "لان") || !x.ar && w == "that" {
			an = true
		}
		if x.isBoundary(k) {
			boundary = true
		}
	}
	if gap > 0 {
		add("bw1=", x.word(L.End), "|", dir)
		add("bwl=", x.word(R.Start-1), "|", dir)
		if gap > 1 {
			add("bw12=", x.word(L.End), "_", x.word(L.End+1), "|", dir)
		}
	} else {
		add("adjacent|", dir, "|", types)
	}
	add("others=", strconv.Itoa(min(others, 3)))
	if speech {
		add("speech|", dir)
	}
	if an {
		add("an|", dir)
	}
	if boundary {
		add("punct|", dir)
	}
	// the words before the first mention and after the second
	for k, n := L.Start-1, 1; k >= a && n <= 3; k, n = k-1, n+1 {
		w := x.word(k)
		if n <= 2 {
			add("l", strconv.Itoa(n), "=", w, "|", dir)
		}
		if tr, _, _ := x.verbAt(k); tr != nil {
			add("ltrig=", tr.pred, "|", dir)
			add("ltrig=", tr.pred, "|", types)
		}
		if st := x.stem(k); n == 1 && st != "" && st != w {
			add("ls=", st, "|", dir)
		}
	}
	for k, n := R.End, 1; k < b && n <= 2; k, n = k+1, n+1 {
		add("r", strconv.Itoa(n), "=", x.word(k), "|", dir)
	}
	if L.Start == a {
		add("first|", dir)
	}
	return f
}
