package eval

import (
	"context"
	"math"
	"sort"

	"github.com/geostance/geostance/stance"
)

// Prediction is the analyzer's result for one gold target, or for a
// sentence rated as a whole (Target nil).
type Prediction struct {
	Sentence *Sentence
	Target   *Target           // nil for a sentence-level rating
	Found    bool              // the analyzer found the target; when false Label is Neutral and Score 0
	Score    float64           // in [-1, 1]
	Label    stance.Label      //
	Result   *stance.Target    // the analyzer's target, with its features; nil when not found or sentence-level
	Evidence []stance.Evidence // the cues behind Score
}

// Predict scores s with a: every gold target, and the sentence itself when
// it carries a rating. Explicit target spans are scored with
// [stance.WithTargets]; other targets are looked up among those the
// analyzer found by id. The whole text is analysed as one sentence.
func Predict(a *stance.Analyzer, s *Sentence) []Prediction {
	var opts []stance.DocOption
	if !s.Date.IsZero() {
		opts = append(opts, stance.OnDate(s.Date))
	}
	if s.Explicit() {
		var ts []stance.TargetSpan
		for _, t := range s.Targets {
			for _, sp := range t.Spans {
				ts = append(ts, stance.TargetSpan{ID: t.ID, Span: ByteSpan(s.Text, sp)})
			}
		}
		opts = append(opts, stance.WithTargets(ts...))
	}
	res := a.AnalyzeSentence(s.Text, 0, opts...)
	var out []Prediction
	if s.Rated {
		out = append(out, Prediction{Sentence: s, Found: true, Score: res.Score, Label: res.Label, Evidence: res.Evidence})
	}
	for i := range s.Targets {
		t := &s.Targets[i]
		p := Prediction{Sentence: s, Target: t, Label: stance.Neutral}
		for j := range res.Targets {
			if res.Targets[j].ID == t.ID {
				r := &res.Targets[j]
				p.Found, p.Score, p.Label, p.Result, p.Evidence = true, r.Score, r.Label, r, r.Evidence
				break
			}
		}
		out = append(out, p)
	}
	return out
}

// ByteSpan converts a span of code points of text into bytes.
func ByteSpan(text string, sp stance.Span) stance.Span {
	out := stance.Span{Start: len(text), End: len(text)}
	n := 0
	for i := range text {
		if n == sp.Start {
			out.Start = i
		}
		if n == sp.End {
			out.End = i
			break
		}
		n++
	}
	return out
}

// Report is the agreement of the analyzer with a gold file. Statistics
// that are undefined (no items, one category only) are nil, which encodes
// as JSON null.
type Report struct {
	Sentences int           `json:"sentences"`
	Items     int           `json:"items"`           // labelled (sentence, target) pairs
	Missing   int           `json:"missing_targets"` // labelled targets the analyzer did not find: counted as predicted neutral
	Accuracy  *float64      `json:"accuracy"`
	MacroF1   *float64      `json:"macro_f1"`
	Alpha     *float64      `json:"krippendorff_alpha"` // nominal, system and gold as two coders
	Classes   []ClassReport `json:"classes,omitempty"`
	// Confusion counts items by gold label (rows) and predicted label
	// (columns), both in the order negative, neutral, positive.
	Confusion *Confusion    `json:"confusion,omitempty"`
	Rated     int           `json:"rated"` // items with a continuous gold rating
	Pearson   *float64      `json:"pearson"`
	Spearman  *float64      `json:"spearman"`
	Tags      []TagReport   `json:"tags,omitempty"`
	Worst     []ErrorReport `json:"worst,omitempty"`
}

// ClassReport is the precision, recall and F1 of one class.
type ClassReport struct {
	Label     string   `json:"label"`
	Precision *float64 `json:"precision"`
	Recall    *float64 `json:"recall"`
	F1        *float64 `json:"f1"`
	Support   int      `json:"support"`
}

// TagReport is the accuracy on the items of one tag.
type TagReport struct {
	Tag      string   `json:"tag"`
	N        int      `json:"n"`
	Accuracy *float64 `json:"accuracy"`
}

// ErrorReport is one disagreement with the gold, with the evidence the
// analyzer used.
type ErrorReport struct {
	ID        string     `json:"id"`
	File      string     `json:"file,omitempty"`
	Line      int        `json:"line,omitempty"`
	Text      string     `json:"text"`
	Target    string     `json:"target,omitempty"`
	Gold      string     `json:"gold,omitempty"`
	Rating    *float64   `json:"rating,omitempty"`
	Predicted string     `json:"predicted"`
	Score     float64    `json:"score"`
	Missing   bool       `json:"missing,omitempty"` // the analyzer did not find the target
	Evidence  []Evidence `json:"evidence"`
}

// Evidence is one cue behind a wrong prediction.
type Evidence struct {
	Text   string   `json:"text"`
	Term   string   `json:"term"`
	Weight float64  `json:"weight"`
	Rules  []string `json:"rules,omitempty"`
}

// ratingScale maps a gold rating onto the score range for ranking errors:
// VADER's raters used -4..+4.
const ratingScale = 4

// Evaluate scores every gold sentence with a and compares. worst is the
// number of largest errors to report. It checks ctx between sentences.
func Evaluate(ctx context.Context, a *stance.Analyzer, gold []Sentence, worst int) (*Report, error) {
	var preds []Prediction
	for i := range gold {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		preds = append(preds, Predict(a, &gold[i])...)
	}
	return Summarize(gold, preds, worst), nil
}

// Summarize computes the report of predictions already made.
func Summarize(gold []Sentence, preds []Prediction, worst int) *Report {
	r := &Report{Sentences: len(gold)}
	var cm Confusion
	var units [][]stance.Label
	var xs, ys []float64
	type tagCount struct{ n, right int }
	tags := map[string]*tagCount{}
	type scored struct {
		p   *Prediction
		err float64
	}
	var wrong []scored
	for i := range preds {
		p := &preds[i]
		if p.Target != nil && p.Target.Labeled {
			g := p.Target.Label
			r.Items++
			if !p.Found {
				r.Missing++
			}
			cm.Add(g, p.Label)
			units = append(units, []stance.Label{g, p.Label})
			for _, tg := range p.Sentence.Tags {
				tc := tags[tg]
				if tc == nil {
					tc = &tagCount{}
					tags[tg] = tc
				}
				tc.n++
				if g == p.Label {
					tc.right++
				}
			}
			if g != p.Label {
				wrong = append(wrong, scored{p, math.Abs(p.Score - float64(g))})
			}
		}
		var rating float64
		var rated bool
		if p.Target == nil {
			rating, rated = p.Sentence.Rating, p.Sentence.Rated
		} else {
			rating, rated = p.Target.Rating, p.Target.Rated
		}
		if rated {
			r.Rated++
			xs = append(xs, p.Score)
			ys = append(ys, rating)
			if p.Target == nil || !p.Target.Labeled {
				if d := math.Abs(p.Score - rating/ratingScale); d > 0.5 {
					wrong = append(wrong, scored{p, d})
				}
			}
		}
	}
	if r.Items > 0 {
		r.Accuracy = finite(cm.Accuracy())
		r.MacroF1 = finite(cm.MacroF1())
		r.Alpha = finite(KrippendorffNominal(units))
		r.Confusion = &cm
		for _, c := range cm.PerClass() {
			r.Classes = append(r.Classes, ClassReport{
				Label: c.Label.String(), Precision: finite(c.Precision), Recall: finite(c.Recall),
				F1: finite(c.F1), Support: c.Support,
			})
		}
	}
	if r.Rated > 0 {
		r.Pearson = finite(Pearson(xs, ys))
		r.Spearman = finite(Spearman(xs, ys))
	}
	for _, tg := range sortedKeys(tags) {
		tc := tags[tg]
		r.Tags = append(r.Tags, TagReport{Tag: tg, N: tc.n, Accuracy: finite(float64(tc.right) / float64(tc.n))})
	}
	sort.SliceStable(wrong, func(i, j int) bool { return wrong[i].err > wrong[j].err })
	for _, w := range wrong[:min(worst, len(wrong))] {
		r.Worst = append(r.Worst, errorReport(w.p))
	}
	return r
}

func errorReport(p *Prediction) ErrorReport {
	e := ErrorReport{
		ID: p.Sentence.ID, File: p.Sentence.File, Line: p.Sentence.Line, Text: p.Sentence.Text,
		Predicted: p.Label.String(), Score: p.Score, Evidence: []Evidence{},
	}
	if p.Target != nil {
		e.Target = p.Target.ID
		e.Missing = !p.Found
		if p.Target.Labeled {
			e.Gold = p.Target.Label.String()
		}
		if p.Target.Rated {
			e.Rating = finite(p.Target.Rating)
		}
	} else if p.Sentence.Rated {
		e.Rating = finite(p.Sentence.Rating)
	}
	for _, ev := range p.Evidence {
		e.Evidence = append(e.Evidence, Evidence{Text: ev.Text, Term: ev.Term, Weight: ev.Weight, Rules: ev.Rules})
	}
	return e
}
