package stance

import (
	"strings"
)

// Features are the quantities the analyzer computed for one target of one
// sentence. A calibrated model (see package calibrate) learns from them to
// predict a researcher's own labels; they are filled in when the Analyzer
// has a Calibrator or was built WithFeatures.
type Features struct {
	Raw         float64 // sum of the evidence weights
	Pos, Neg    float64 // sums of the positive and of the negative evidence weights
	Affect      float64 // evidence from the affect channel
	Relation    float64 // evidence from the cooperation–conflict channel
	Cues        int     // pieces of evidence
	Negated     int     // evidence under a negator
	Hedged      int     // evidence in a hedged or conditional clause
	Contrast    int     // evidence weighed by a contrast ("but", "although")
	Comparative int     // evidence from a comparative frame
	Passive     int     // evidence from a passive construction
	OtherClause int     // evidence borrowed from another clause
	IsSource    bool    // the target is the speaker of a reporting verb
	HasSource   bool    // another target is the speaker
	Victim      bool    // a mention follows against, on, in, to ...: a place or a victim
	Possessor   bool    // a mention is followed by 's
	Position    float64 // start of the first mention / sentence length, in [0, 1]
	Mentions    int
	Targets     int      // targets in the sentence
	SentenceRaw float64  // evidence sum of the whole sentence
	MinDistance int      // tokens between the target and its nearest evidence; -1 if none
	Window      []string // folded words within windowSize tokens of the target's mentions
	Clause      string   // the folded words of the clause(s) that name the target
	Given       bool     // the target is a span given WithTargets, not one the gazetteer found
	// Agent sums the evidence that reached the target as the doer of an
	// act (a word whose lexicon role is agent, "invaded", "pledged"). It
	// is part of Raw, kept apart so that a model can weigh evidence given
	// by the doer's role apart from evidence given by nearness.
	Agent float64
	// Right is the part of Window that follows the mentions: in English
	// mostly what the sentence says of a target named as its subject.
	Right []string
	// Left is the part of Window that precedes the mentions: mostly what
	// governs a target named as an object ("sanctions on", "thanked").
	Left []string
	// Before and After are the words just before and just after each
	// mention, where the sentence has them: "against X", "X accused".
	Before, After []string
	// ClauseLeft and ClauseRight are the words of the target's clauses
	// before its first mention and after its last, beyond Window: what
	// the clause says of the target from further away.
	ClauseLeft, ClauseRight []string
	// Terms are the lexicon terms of the evidence and the rules that
	// weighed them ("@negated", "@role:patient", "@under-although"), each
	// after "+" or "-" by the sign of its weight once every rule has
	// applied: what the rules read, piece by piece, for a model to weigh
	// anew ("bargain" is praise in a shop, not at a negotiating table).
	Terms []string
}

// windowSize is how many tokens on each side of a mention go into
// Features.Window.
const windowSize = 5

// Calibrator maps the features of a target to a score and label, replacing
// the analyzer's own. Implementations must be safe for concurrent use.
//
// A Calibrator that also has the method Applies(f *Features) bool scores
// only the targets it applies to; the others keep the analyzer's own score
// and label. A model fitted only on targets the gazetteer finds, for one,
// does not apply to spans given WithTargets, which are mostly of another
// kind (people, companies).
//
// A Calibrator that also has the method Explain(f *Features) (score
// float64, label Label, reasons []Reason) is called through it instead, and
// the inputs its label rests on go into Target.Reasons.
type Calibrator interface {
	Calibrate(f *Features) (score float64, label Label)
}

// Reason is one input of a calibrated model and how far it pulled toward
// the label the model gave a target: what the model's call rests on, as
// Evidence is what the rules' score rests on.
type Reason struct {
	Feature string  // the model's name for the input: "nb_window", "w:route", "e:+praised"
	Value   float64 // the input's value for the target; 1 for a word or term that is there
	Weight  float64 // its pull toward the label, in log-odds (see package calibrate)
}

// explainer is a Calibrator that gives the reasons for the labels it
// gives, filling in Target.Reasons.
type explainer interface {
	Explain(f *Features) (score float64, label Label, reasons []Reason)
}

// scopedCalibrator is a Calibrator that says which targets it applies to.
type scopedCalibrator interface {
	Applies(f *Features) bool
}

// calibrates reports whether calibrator c scores the target of f.
func calibrates(c Calibrator, f *Features) bool {
	s, ok := c.(scopedCalibrator)
	return !ok || s.Applies(f)
}

// WithCalibrator makes the Analyzer score targets with c (a model fitted
// to hand-coded sentences) instead of the raw evidence sum, all of them or
// those c says it applies to (see [Calibrator]). The evidence is reported
// as before.
func WithCalibrator(c Calibrator) Option {
	return func(cfg *config) error {
		cfg.cal = c
		cfg.features = true
		return nil
	}
}

// WithFeatures makes the Analyzer fill in Target.Features.
func WithFeatures() Option {
	return func(cfg *config) error {
		cfg.features = true
		return nil
	}
}

// features computes the Features of target t (index ti in dst).
func (a *Analyzer) features(sc *scratch, t *Target, sentRaw float64, nTargets int) *Features {
	f := &Features{Raw: t.Raw, SentenceRaw: sentRaw, Targets: nTargets, MinDistance: -1, Given: sc.explicit}
	for _, ev := range t.Evidence {
		f.Cues++
		sign := "-"
		if ev.Weight > 0 {
			f.Pos += ev.Weight
			sign = "+"
		} else {
			f.Neg += ev.Weight
		}
		f.Terms = append(f.Terms, sign+ev.Term)
		for _, r := range ev.Rules {
			f.Terms = append(f.Terms, sign+"@"+r)
			switch {
			case r == "affect":
				f.Affect += ev.Weight
			case r == "relation":
				f.Relation += ev.Weight
			case r == "negated":
				f.Negated++
			case r == "hedged" || r == "conditional":
				f.Hedged++
			case strings.HasPrefix(r, "after-") || strings.HasPrefix(r, "before-") || strings.HasPrefix(r, "under-"):
				f.Contrast++
			case strings.HasPrefix(r, "comparative"):
				f.Comparative++
			case r == "passive":
				f.Passive++
			case r == "other-clause":
				f.OtherClause++
			case r == "role:agent":
				f.Agent += ev.Weight
			}
		}
	}
	n := len(sc.fold)
	clauses := map[int]bool{}
	first, last := -1, -1
	for m := range sc.mentions {
		mm := &sc.mentions[m]
		mi := &sc.minfo[m]
		if mm.Target != t.ID || mi.pronoun {
			continue
		}
		f.Mentions++
		if first < 0 {
			first = mm.tok0
		}
		last = mm.tok1
		f.IsSource = f.IsSource || mi.source
		f.Victim = f.Victim || mi.victim
		if mm.tok1 < n && sc.fold[mm.tok1] == "'s" {
			f.Possessor = true
		}
		clauses[mi.clause] = true
		if mm.tok0 > 0 {
			f.Before = append(f.Before, sc.fold[mm.tok0-1])
		}
		if mm.tok1 < n {
			f.After = append(f.After, sc.fold[mm.tok1])
		}
		for k := max(0, mm.tok0-windowSize); k < min(n, mm.tok1+windowSize); k++ {
			if k < mm.tok0 || k >= mm.tok1 {
				f.Window = append(f.Window, sc.fold[k])
			}
			if k < mm.tok0 {
				f.Left = append(f.Left, sc.fold[k])
			} else if k >= mm.tok1 {
				f.Right = append(f.Right, sc.fold[k])
			}
		}
		for ci := range sc.cues {
			c := &sc.cues[ci]
			if c.eval == nil {
				continue
			}
			d := c.t0 - mm.tok1
			if mm.tok0 > c.t0 {
				d = mm.tok0 - c.t1
			}
			if d >= 0 && (f.MinDistance < 0 || d < f.MinDistance) {
				f.MinDistance = d
			}
		}
	}
	for m := range sc.mentions {
		if sc.minfo[m].source && sc.mentions[m].Target != t.ID {
			f.HasSource = true
		}
	}
	if n > 0 && first >= 0 {
		f.Position = float64(first) / float64(n)
	}
	var b strings.Builder
	for k := 0; k < n; k++ {
		if !clauses[sc.clause[k]] {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(sc.fold[k])
		switch {
		case first < 0:
		case k < first-windowSize:
			f.ClauseLeft = append(f.ClauseLeft, sc.fold[k])
		case k >= last+windowSize:
			f.ClauseRight = append(f.ClauseRight, sc.fold[k])
		}
	}
	f.Clause = b.String()
	return f
}
