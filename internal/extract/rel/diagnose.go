package rel

// PairScore is what the relation model made of one candidate pair: for
// explaining a missed relation (kg eval), not for the graph.
type PairScore struct {
	Sentence        int
	Subject, Object string // entity ids
	// Predicate is the most probable predicate the two entities' types
	// allow ("" when none does), Prob its probability; Confidence is the
	// probability of some relation (one minus that of none), Threshold the
	// one of Predicate's group that Extract requires.
	Predicate        string
	Prob, Confidence float64
	Threshold        float64
	Carried          bool // the subject is a speaker carried over from an earlier sentence
	ReachesThreshold bool // a predicate whose Confidence reaches Threshold (Extract may still leave it out: a rule's veto)
}

// Diagnose scores every candidate pair of d (Candidates) with the embedded
// model: nil when none is embedded. It is slow (features as strings) and
// meant for evaluation.
func Diagnose(d *Doc) []PairScore {
	m, err := DefaultModel()
	if err != nil || m == nil {
		return nil
	}
	var out []PairScore
	for _, c := range Candidates(d) {
		s, o := d.Mentions[c.Subject], d.Mentions[c.Object]
		probs := m.Probs(c.Feats)
		ps := PairScore{Sentence: c.Sentence, Subject: s.Entity, Object: o.Entity, Confidence: 1 - probs[0],
			Carried: c.Carried}
		best := m.bestAllowed(probs, typesAllowed(s.Type, o.Type))
		if best > 0 {
			ps.Predicate, ps.Prob = m.Labels[best], probs[best]
		}
		ps.Threshold = m.ThresholdOf(ps.Predicate)
		ps.ReachesThreshold = ps.Predicate != "" && ps.Confidence >= ps.Threshold
		out = append(out, ps)
	}
	return out
}
