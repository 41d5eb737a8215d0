// Package calibrate fits a small, interpretable model that maps the
// features the analyzer computes for a target (evidence sums, modifier
// counts, roles, nearby words) to the labels of a researcher's own
// hand-coded sentences: a multinomial logistic regression with an L2
// penalty chosen by cross-validation.
//
// A fitted *Model is a [stance.Calibrator]:
//
//	m, err := calibrate.Load("model.json")
//	...
//	a, err := stance.New(stance.WithCalibrator(m))
//
// [Builtin] returns the model fitted on geostance's own labelled sentences.
//
// # Concurrency
//
// A Model is immutable once fitted or loaded and safe for concurrent use.
package calibrate

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strings"

	"github.com/geostance/geostance/stance"
)

// Format and Version identify model files.
const (
	Format  = "geostance-model"
	Version = 1
)

// classes are the model's classes, in the order of its weight rows.
var classes = [3]stance.Label{stance.Negative, stance.Neutral, stance.Positive}

// Model is a fitted calibration model.
type Model struct {
	feats []Feature // numeric features first, then lexical ones
	nNum  int       // numeric features
	num   []func(*stance.Features) float64
	lex   map[string]int // lexical feature name -> index in feats
	lexicon
	w       [3][]float64
	b       [3]float64
	pull    [3][]float64 // w less the mean of the three classes' weights: see Reasons
	lambda  float64
	cv      *CV
	trained TrainedOn
}

// Feature is one input of the model with the mean and standard deviation
// used to standardise it (0 and 1 for the binary lexical features).
type Feature struct {
	Name string  `json:"name"`
	Mean float64 `json:"mean"`
	SD   float64 `json:"sd"`
}

// CV is the outcome of the cross-validation that chose the penalty.
type CV struct {
	Folds    int         `json:"folds"`
	Seed     uint64      `json:"seed"`
	Lambda   float64     `json:"lambda"`   // the chosen penalty
	MacroF1  float64     `json:"macro_f1"` // held-out, pooled over the folds, at Lambda
	Accuracy float64     `json:"accuracy"`
	Grid     []GridPoint `json:"grid"`
}

// GridPoint is the held-out performance at one penalty.
type GridPoint struct {
	Lambda   float64 `json:"lambda"`
	MacroF1  float64 `json:"macro_f1"`
	Accuracy float64 `json:"accuracy"`
}

// TrainedOn describes the training data.
type TrainedOn struct {
	Source   string         `json:"source,omitempty"`
	Examples int            `json:"examples"`
	Classes  map[string]int `json:"classes"`
	Skipped  int            `json:"skipped,omitempty"` // gold targets the analyzer did not find
	// Given counts the examples that were spans given WithTargets. A model
	// fitted on none applies only to targets the gazetteer finds (see
	// Applies); files written before the count was kept say nothing and
	// apply to all.
	Given *int `json:"given,omitempty"`
}

// Features returns the model's features in order.
func (m *Model) Features() []Feature { return append([]Feature(nil), m.feats...) }

// Lambda returns the L2 penalty of the final fit.
func (m *Model) Lambda() float64 { return m.lambda }

// CV returns the cross-validation results, nil when the model was fitted
// without it.
func (m *Model) CV() *CV { return m.cv }

// TrainedOn returns the description of the training data.
func (m *Model) TrainedOn() TrainedOn { return m.trained }

// SetSource records where the training data came from.
func (m *Model) SetSource(s string) { m.trained.Source = s }

// SetSkipped records how many coded targets were left out of the
// training data because the analyzer did not find them.
func (m *Model) SetSkipped(n int) { m.trained.Skipped = n }

// Probabilities returns P(negative), P(neutral), P(positive) for f.
func (m *Model) Probabilities(f *stance.Features) [3]float64 {
	var buf [maxNumeric]float64
	return softmax(m.logits(m.numeric(f, buf[:0]), m.lexicalIndex(f)))
}

// maxNumeric is room for the numeric inputs of a model on the stack.
const maxNumeric = 64

// numeric appends to dst the values of the numeric inputs of f, some of
// which (the naive-Bayes scores) take reading the words again.
func (m *Model) numeric(f *stance.Features, dst []float64) []float64 {
	for _, fn := range m.num {
		dst = append(dst, fn(f))
	}
	return dst
}

// logits returns the model's linear scores for the target whose numeric
// inputs are num and whose lexical features are lex (see lexicalIndex).
func (m *Model) logits(num []float64, lex []int) [3]float64 {
	var z [3]float64
	for j, x := range num {
		v := (x - m.feats[j].Mean) / m.feats[j].SD
		for c := range z {
			z[c] += m.w[c][j] * v
		}
	}
	for _, j := range lex {
		for c := range z {
			z[c] += m.w[c][j]
		}
	}
	for c := range z {
		z[c] += m.b[c]
	}
	return z
}

// lexicalIndex returns the indices in m.feats of the lexical features of
// f that m knows, each once: what lexical names, looked up without making
// the names.
func (m *Model) lexicalIndex(f *stance.Features) []int {
	var idx []int
	var buf [96]byte
	m.lexicon.eachLexical(f, func(prefix, word, next string) {
		key := append(append(buf[:0], prefix...), word...)
		if next != "" {
			key = append(append(key, ' '), next...)
		}
		if j, ok := m.lex[string(key)]; ok {
			idx = append(idx, j)
		}
	})
	// Sorted and compacted rather than checked on each append, which is
	// quadratic in the hundred or so features of a target.
	slices.Sort(idx)
	return slices.Compact(idx)
}

// Applies reports whether m scores the target of f: a model fitted only on
// targets the gazetteer finds leaves spans given WithTargets (people,
// companies) to the analyzer's own score, as [stance.WithCalibrator] says.
func (m *Model) Applies(f *stance.Features) bool {
	return f == nil || !f.Given || m.trained.Given == nil || *m.trained.Given > 0
}

// Calibrate implements [stance.Calibrator]: the score is P(positive) -
// P(negative) and the label the most probable class.
func (m *Model) Calibrate(f *stance.Features) (float64, stance.Label) {
	score, label, _ := m.calibrate(f, false)
	return score, label
}

// Explain is Calibrate that also gives the reasons for the label, as
// Reasons does, reading the features once. It makes a Model a Calibrator
// that explains its labels (see [stance.Calibrator]).
func (m *Model) Explain(f *stance.Features) (float64, stance.Label, []stance.Reason) {
	return m.calibrate(f, true)
}

func (m *Model) calibrate(f *stance.Features, explain bool) (float64, stance.Label, []stance.Reason) {
	if f == nil {
		return 0, stance.Neutral, nil
	}
	var buf [maxNumeric]float64
	num, lex := m.numeric(f, buf[:0]), m.lexicalIndex(f)
	p := softmax(m.logits(num, lex))
	best := 0
	for c := range p {
		if p[c] > p[best] {
			best = c
		}
	}
	var reasons []stance.Reason
	if explain {
		reasons = m.reasons(best, num, lex)
	}
	return p[2] - p[0], classes[best], reasons
}

// maxReasons is how many reasons Reasons gives at most: enough to see
// what a call rests on, few enough to read in a record.
const maxReasons = 5

// Reasons gives the inputs of f that pulled most toward label l, strongest
// first, at most five: a [stance.Reason] for each.
//
// An input's pull toward l is its weight for l less the mean of its
// weights for the three labels, times its standardised value (1 for a word
// or term that is there). The pulls of all inputs and the intercepts sum
// to the log-odds of l against the geometric mean of the three labels'
// probabilities, so the reasons are the largest terms of that sum. Inputs
// that pulled away from l are not listed.
func (m *Model) Reasons(f *stance.Features, l stance.Label) []stance.Reason {
	c := slices.Index(classes[:], l)
	if f == nil || c < 0 {
		return nil
	}
	var buf [maxNumeric]float64
	return m.reasons(c, m.numeric(f, buf[:0]), m.lexicalIndex(f))
}

// reasons is Reasons for the label classes[c], given the numeric inputs
// and the lexical features of the target.
func (m *Model) reasons(c int, num []float64, lex []int) []stance.Reason {
	var top strongest
	pull := m.pull[c]
	for j, x := range num {
		top.add(j, x, pull[j]*(x-m.feats[j].Mean)/m.feats[j].SD)
	}
	for _, j := range lex {
		top.add(j, 1, pull[j])
	}
	if top.n == 0 {
		return nil
	}
	rs := make([]stance.Reason, top.n)
	for k, p := range top.p[:top.n] {
		rs[k] = stance.Reason{Feature: m.feats[p.j].Name, Value: p.value, Weight: p.pull}
	}
	return rs
}

// strongest keeps the inputs of largest positive pull, strongest first.
type strongest struct {
	p [maxReasons]struct {
		j           int
		value, pull float64
	}
	n int
}

// add considers input j of the given value and pull. Most inputs pull
// less than the weakest kept, and the test for that is kept short.
func (s *strongest) add(j int, value, pull float64) {
	if pull <= 0 || s.n == maxReasons && pull <= s.p[maxReasons-1].pull {
		return
	}
	k := min(s.n, maxReasons-1)
	for ; k > 0 && s.p[k-1].pull < pull; k-- {
		s.p[k] = s.p[k-1]
	}
	s.p[k].j, s.p[k].value, s.p[k].pull = j, value, pull
	s.n = min(s.n+1, maxReasons)
}

// centre sets m.pull from m.w: what an input adds to the log-odds of a
// label against the geometric mean of the three labels' probabilities.
func (m *Model) centre() {
	for c := range m.pull {
		m.pull[c] = make([]float64, len(m.w[c]))
		for j := range m.pull[c] {
			m.pull[c][j] = m.w[c][j] - (m.w[0][j]+m.w[1][j]+m.w[2][j])/3
		}
	}
}

func softmax(z [3]float64) [3]float64 {
	mx := max(z[0], z[1], z[2])
	var sum float64
	for c := range z {
		z[c] = math.Exp(z[c] - mx)
		sum += z[c]
	}
	for c := range z {
		z[c] /= sum
	}
	return z
}

// modelFile is the JSON form of a Model.
type modelFile struct {
	Format    string               `json:"format"`
	Version   int                  `json:"version"`
	Classes   []string             `json:"classes"`
	Bigrams   bool                 `json:"bigrams"`
	Clause    bool                 `json:"clause_words"`
	Sides     bool                 `json:"side_words,omitempty"`
	Stem      bool                 `json:"stemmed,omitempty"`
	Terms     bool                 `json:"evidence_terms,omitempty"`
	Features  []Feature            `json:"features"`
	Weights   map[string][]float64 `json:"weights"`
	Bias      map[string]float64   `json:"bias"`
	Lambda    float64              `json:"lambda"`
	CV        *CV                  `json:"cv,omitempty"`
	TrainedOn TrainedOn            `json:"trained_on"`
}

// WriteJSON writes the model as indented JSON.
func (m *Model) WriteJSON(w io.Writer) error {
	f := modelFile{
		Format: Format, Version: Version, Bigrams: m.bigrams, Clause: m.clause, Sides: m.sides, Stem: m.stem, Terms: m.terms,
		Features: m.feats, Weights: map[string][]float64{}, Bias: map[string]float64{},
		Lambda: m.lambda, CV: m.cv, TrainedOn: m.trained,
	}
	for c, l := range classes {
		f.Classes = append(f.Classes, l.String())
		f.Weights[l.String()] = m.w[c]
		f.Bias[l.String()] = m.b[c]
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	return enc.Encode(f)
}

// Save writes the model to path.
func (m *Model) Save(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := m.WriteJSON(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// Load reads a model file written by Save.
func Load(path string) (*Model, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Read(f, path)
}

// Read reads a model from r; name is used in error messages.
func Read(r io.Reader, name string) (*Model, error) {
	var f modelFile
	dec := json.NewDecoder(r)
	if err := dec.Decode(&f); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return nil, fmt.Errorf("calibrate: %s: offset %d: %v", name, se.Offset, err)
		}
		return nil, fmt.Errorf("calibrate: %s: %v", name, err)
	}
	bad := func(format string, args ...any) error {
		return fmt.Errorf("calibrate: %s: %s", name, fmt.Sprintf(format, args...))
	}
	if f.Format != Format {
		return nil, bad("not a geostance model (format %q, want %q)", f.Format, Format)
	}
	if f.Version != Version {
		return nil, bad("model version %d; this geostance reads version %d", f.Version, Version)
	}
	want := []string{"negative", "neutral", "positive"}
	if strings.Join(f.Classes, ",") != strings.Join(want, ",") {
		return nil, bad("classes %q, want %q", f.Classes, want)
	}
	m := &Model{lexicon: lexicon{bigrams: f.Bigrams, clause: f.Clause, sides: f.Sides, stem: f.Stem, terms: f.Terms}, lambda: f.Lambda, cv: f.CV, trained: f.TrainedOn, lex: map[string]int{}}
	byName := map[string]func(*stance.Features) float64{}
	for _, n := range numerics {
		byName[n.name] = n.f
	}
	for j, ft := range f.Features {
		if math.IsNaN(ft.Mean) || math.IsInf(ft.Mean, 0) || !(ft.SD > 0) || math.IsInf(ft.SD, 0) {
			return nil, bad("feature %d (%q): mean and sd must be finite and sd > 0", j, ft.Name)
		}
		if fn, ok := byName[ft.Name]; ok {
			if len(m.lex) > 0 {
				return nil, bad("feature %d (%q): numeric features must come before lexical ones", j, ft.Name)
			}
			m.num = append(m.num, fn)
			m.nNum++
		} else if isLexical(ft.Name) {
			if _, dup := m.lex[ft.Name]; dup {
				return nil, bad("feature %d (%q) listed twice", j, ft.Name)
			}
			if ft.Mean != 0 || ft.SD != 1 {
				return nil, bad("feature %d (%q): lexical features are not standardised (want mean 0, sd 1)", j, ft.Name)
			}
			m.lex[ft.Name] = j
		} else {
			return nil, bad("feature %d: unknown feature %q", j, ft.Name)
		}
		m.feats = append(m.feats, ft)
	}
	for c, l := range classes {
		w, ok := f.Weights[l.String()]
		if !ok || len(w) != len(m.feats) {
			return nil, bad("weights[%q]: want %d weights, got %d", l, len(m.feats), len(w))
		}
		for j, v := range w {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, bad("weights[%q][%d] is not finite", l, j)
			}
		}
		bv, ok := f.Bias[l.String()]
		if !ok || math.IsNaN(bv) || math.IsInf(bv, 0) {
			return nil, bad("bias[%q] missing or not finite", l)
		}
		m.w[c], m.b[c] = w, bv
	}
	m.centre()
	return m, nil
}
