package calibrate

import (
	"bytes"
	"context"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geostance/geostance/stance"
)

// synthetic returns n examples whose label follows the sign of Raw, with
// a window word that gives the label away for a third of them.
func synthetic(n int, seed uint64) []Example {
	rng := rand.New(rand.NewPCG(seed, 1))
	var out []Example
	for i := range n {
		raw := rng.NormFloat64() * 2
		l := stance.Neutral
		switch {
		case raw > 1:
			l = stance.Positive
		case raw < -1:
			l = stance.Negative
		}
		f := &stance.Features{Raw: raw, MinDistance: -1, Window: []string{"the", "minister"}, Clause: "the minister said"}
		if i%3 == 0 {
			f.Raw = 0
			f.Window = append(f.Window, map[stance.Label]string{stance.Negative: "slammed", stance.Neutral: "visited", stance.Positive: "hailed"}[l])
		}
		out = append(out, Example{Features: f, Label: l})
	}
	return out
}

func accuracy(m *Model, ex []Example) float64 {
	right := 0
	for _, e := range ex {
		if _, l := m.Calibrate(e.Features); l == e.Label {
			right++
		}
	}
	return float64(right) / float64(len(ex))
}

func TestFit(t *testing.T) {
	train, test := synthetic(300, 1), synthetic(300, 2)
	m, err := Fit(context.Background(), train, Config{Folds: 3, Seed: 4})
	require.NoError(t, err)
	require.NotNil(t, m.CV())
	assert.Len(t, m.CV().Grid, len(DefaultLambdas))
	assert.Greater(t, m.CV().MacroF1, 0.85, "held-out macro-F1 on a nearly separable problem")
	assert.Greater(t, accuracy(m, test), 0.85)
	assert.Equal(t, 300, m.TrainedOn().Examples)

	names := map[string]bool{}
	for _, f := range m.Features() {
		names[f.Name] = true
	}
	assert.True(t, names["w:hail"], "window word in the vocabulary, stemmed")
	assert.True(t, names["c:minister"], "clause word in the vocabulary")

	// Score is P(positive) - P(negative), and the probabilities sum to 1.
	f := &stance.Features{Raw: 4, MinDistance: 0}
	p := m.Probabilities(f)
	assert.InDelta(t, 1, p[0]+p[1]+p[2], 1e-12)
	score, label := m.Calibrate(f)
	assert.InDelta(t, p[2]-p[0], score, 1e-12)
	assert.Equal(t, stance.Positive, label)
	score, label = m.Calibrate(nil)
	assert.Equal(t, 0.0, score)
	assert.Equal(t, stance.Neutral, label)
}

func TestFitReproducible(t *testing.T) {
	ex := synthetic(200, 3)
	m1, err := Fit(context.Background(), ex, Config{Folds: 4, Seed: 9})
	require.NoError(t, err)
	m2, err := Fit(context.Background(), ex, Config{Folds: 4, Seed: 9})
	require.NoError(t, err)
	var b1, b2 bytes.Buffer
	require.NoError(t, m1.WriteJSON(&b1))
	require.NoError(t, m2.WriteJSON(&b2))
	assert.Equal(t, b1.String(), b2.String())
}

func TestFitErrors(t *testing.T) {
	one := []Example{{Features: &stance.Features{}, Label: stance.Positive}, {Features: &stance.Features{}, Label: stance.Positive}}
	_, err := Fit(context.Background(), one, Config{Folds: 2})
	assert.ErrorIs(t, err, ErrTooFew)
	_, err = Fit(context.Background(), synthetic(30, 1), Config{Lambdas: []float64{math.NaN()}})
	assert.ErrorContains(t, err, "penalty")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = Fit(ctx, synthetic(30, 1), Config{})
	assert.ErrorIs(t, err, context.Canceled)
}

func TestRoundTrip(t *testing.T) {
	ex := synthetic(300, 5)
	m, err := Fit(context.Background(), ex, Config{Folds: 1, Bigrams: true})
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, m.WriteJSON(&b))
	assert.Contains(t, b.String(), `"format": "geostance-model"`)
	m2, err := Read(bytes.NewReader(b.Bytes()), "model.json")
	require.NoError(t, err)
	for _, e := range synthetic(50, 6) {
		s1, l1 := m.Calibrate(e.Features)
		s2, l2 := m2.Calibrate(e.Features)
		assert.InDelta(t, s1, s2, 1e-12)
		assert.Equal(t, l1, l2)
	}
}

// sided returns examples in which one word tells the label only by its
// side of the target: "X embargoed" blames X, "embargoed X" does not. The
// words are unknown to the naive-Bayes model, whose features would
// otherwise tell the sides apart by their bags of words.
func sided(n int) []Example {
	var out []Example
	for i := range n {
		f := &stance.Features{MinDistance: -1}
		l := stance.Neutral
		if i%2 == 0 {
			l = stance.Negative
			f.Left, f.Right = []string{"chargé"}, []string{"embargoed"}
		} else {
			f.Left, f.Right = []string{"embargoed"}, []string{"chargé"}
		}
		f.Window = append(append([]string(nil), f.Left...), f.Right...)
		out = append(out, Example{Features: f, Label: l})
	}
	return out
}

func TestSideWords(t *testing.T) {
	for _, w := range []string{"chargé", "embargoed"} {
		_, known := nbTable().words[w]
		require.False(t, known, "%q is known to the naive-Bayes model", w)
	}
	learnsFrom(t, sided(60), Config{Folds: 1, SideVocab: -1}, "side words", "l:embargo", "r:embargo")
}

// learnsFrom checks that a model tells the examples apart by the features
// named what, which the config off leaves out: without them it does no
// better than chance, with them it is right every time, they are in its
// vocabulary (under names), and they survive a model file.
func learnsFrom(t *testing.T, ex []Example, off Config, what string, names ...string) {
	t.Helper()
	flat, err := Fit(context.Background(), ex, off)
	require.NoError(t, err)
	assert.InDelta(t, 0.5, accuracy(flat, ex), 0.01, "without %s the examples are alike", what)

	m, err := Fit(context.Background(), ex, Config{Folds: 1})
	require.NoError(t, err)
	assert.Equal(t, 1.0, accuracy(m, ex))
	have := map[string]bool{}
	for _, f := range m.Features() {
		have[f.Name] = true
	}
	for _, n := range names {
		assert.True(t, have[n], "%s: %q in the vocabulary", what, n)
	}

	var b bytes.Buffer
	require.NoError(t, m.WriteJSON(&b))
	m2, err := Read(bytes.NewReader(b.Bytes()), "model.json")
	require.NoError(t, err)
	assert.Equal(t, 1.0, accuracy(m2, ex), "%s survive the model file", what)
}

// TestTerms checks that the signed terms of the evidence are features,
// read as the lexicon has them, and that a model file keeps them: here
// only the term tells the labels apart, as "bargain" in a shop and at a
// negotiating table would not.
func TestTerms(t *testing.T) {
	ex := make([]Example, 60)
	for i := range ex {
		f := &stance.Features{MinDistance: -1, Terms: []string{"+bargaining", "+@affect"}}
		ex[i] = Example{Features: f, Label: stance.Neutral}
		if i%2 == 0 {
			f.Terms[0] = "+praised"
			ex[i].Label = stance.Positive
		}
	}
	learnsFrom(t, ex, Config{Folds: 1, TermVocab: -1}, "terms", "e:+praised", "e:+bargaining") // unstemmed
}

func TestStem(t *testing.T) {
	for w, want := range map[string]string{
		"accused": "accus", "accuses": "accus", "accusing": "accus", "accuse": "accuse",
		"ties": "tie", "talks": "talk", "press": "press", "was": "was", "thing": "thing",
		"sanctioned": "sanction", "sanctions": "sanction",
	} {
		assert.Equal(t, want, stem(w), w)
	}
}

// TestUnstemmedModel checks that a model file without "stemmed" reads
// words as they are, as it was fitted.
func TestUnstemmedModel(t *testing.T) {
	ex := sided(60)
	m, err := Fit(context.Background(), ex, Config{Folds: 1})
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, m.WriteJSON(&b))
	old := strings.NewReplacer(`"stemmed": true,`, "", `"l:embargo"`, `"l:embargoed"`, `"r:embargo"`, `"r:embargoed"`).Replace(b.String())
	require.NotContains(t, old, `"stemmed"`)
	m2, err := Read(strings.NewReader(old), "old.json")
	require.NoError(t, err)
	assert.Equal(t, 1.0, accuracy(m2, ex), "unstemmed names match unstemmed words")
}

func TestReadErrors(t *testing.T) {
	m, err := Fit(context.Background(), synthetic(100, 7), Config{Folds: 1})
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, m.WriteJSON(&b))
	good := b.String()
	tests := []struct{ name, in, want string }{
		{"not json", "{", "calibrate: m.json:"},
		{"format", strings.Replace(good, `"geostance-model"`, `"other"`, 1), "not a geostance model"},
		{"version", strings.Replace(good, `"version": 1`, `"version": 2`, 1), "model version 2"},
		{"feature", strings.Replace(good, `"name": "raw"`, `"name": "rawr"`, 1), `unknown feature "rawr"`},
		{"sd", strings.Replace(good, `"sd": `, `"sd": -`, 1), "sd > 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tt.in), "m.json")
			assert.ErrorContains(t, err, tt.want)
		})
	}
}

func TestStratifiedFolds(t *testing.T) {
	y := []int{0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2}
	folds := stratifiedFolds(y, 4, 1)
	seen := map[int]bool{}
	for _, f := range folds {
		var n [3]int
		for _, i := range f {
			n[y[i]]++
			assert.False(t, seen[i], "example %d in two folds", i)
			seen[i] = true
		}
		assert.Equal(t, [3]int{1, 1, 1}, n, "each fold holds one of each class")
	}
	assert.Len(t, seen, len(y))
}

func TestNaiveBayes(t *testing.T) {
	assert.Greater(t, naiveBayes("a wonderful, brilliant and moving film"), 0.5)
	assert.Less(t, naiveBayes("a dull, awful and boring mess"), 0.5)
	assert.InDelta(t, 0.5, naiveBayes(""), 0.1, "no words: the prior of the IMDB training set")
	p := naiveBayes(strings.Repeat("terrible ", 2000))
	assert.False(t, math.IsNaN(p), "long text does not underflow")
}

func TestConcurrent(t *testing.T) {
	m, err := Fit(context.Background(), synthetic(100, 8), Config{Folds: 1})
	require.NoError(t, err)
	ex := synthetic(50, 9)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, e := range ex {
				m.Calibrate(e.Features)
			}
		}()
	}
	wg.Wait()
}

// TestBuiltin checks that the embedded model loads, says what it was fitted
// on, and labels plain cases as the rules do. TestBuiltinModelFresh in
// cmd/geostance checks that it is up to date.
func TestBuiltin(t *testing.T) {
	m, err := Builtin()
	require.NoError(t, err)
	require.NotNil(t, m.CV())
	// Cross-validated on the gold it is fitted on: 0.799 when unstudied
	// blind sittings made up a fifth of that gold.
	assert.Greater(t, m.CV().MacroF1, 0.78)
	assert.Equal(t, BuiltinSource, m.TrainedOn().Source)
	assert.Greater(t, m.TrainedOn().Examples, 1000)
	a, err := stance.New(stance.WithCalibrator(m))
	require.NoError(t, err)
	for text, want := range map[string]stance.Label{
		"Kenya and Ethiopia signed a landmark trade agreement.":    stance.Positive,
		"Rwanda was condemned for its brutal aggression in Congo.": stance.Negative,
		"Delegates from Chile arrived in Lima on Tuesday evening.": stance.Neutral,
	} {
		s := a.AnalyzeSentence(text, 0)
		require.NotEmpty(t, s.Targets, text)
		assert.Equal(t, want, s.Targets[0].Label, "%q: %s", text, s.Targets[0].ID)
	}
}

// TestApplies checks the scope of a model: one fitted on no given span
// leaves given spans to the analyzer, one fitted on some, or read from a
// file that does not say, scores them all.
func TestApplies(t *testing.T) {
	zero, some := 0, 3
	given, found := &stance.Features{Given: true}, &stance.Features{}
	for _, tt := range []struct {
		name      string
		given     *int
		wantGiven bool
		wantFound bool
	}{
		{"fitted on found targets only", &zero, false, true},
		{"fitted on some given spans", &some, true, true},
		{"file without the count", nil, true, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := &Model{trained: TrainedOn{Given: tt.given}}
			assert.Equal(t, tt.wantGiven, m.Applies(given), "given span")
			assert.Equal(t, tt.wantFound, m.Applies(found), "target found by the gazetteer")
		})
	}

	// Through the analyzer: the built-in model, fitted on found targets,
	// leaves a given span with the rules' label and score.
	b, err := Builtin()
	require.NoError(t, err)
	text := "The minister Ana Ruiz was praised for her tireless diplomacy."
	span := stance.TargetSpan{ID: "ruiz", Span: stance.Span{Start: 13, End: 21}}
	plain, err := stance.New()
	require.NoError(t, err)
	cal, err := stance.New(stance.WithCalibrator(b))
	require.NoError(t, err)
	want := plain.AnalyzeSentence(text, 0, stance.WithTargets(span)).Targets
	got := cal.AnalyzeSentence(text, 0, stance.WithTargets(span)).Targets
	require.Len(t, got, 1)
	require.Len(t, want, 1)
	assert.Equal(t, want[0].Score, got[0].Score)
	assert.Equal(t, want[0].Label, got[0].Label)
	assert.True(t, got[0].Features.Given)
}

// TestReasons checks that a model's reasons are the largest terms of the
// log-odds of its label: the pulls of all inputs and the intercepts sum to
// log P(label) less the mean of the three log-probabilities, and the
// reasons are the largest positive pulls, strongest first.
func TestReasons(t *testing.T) {
	m, err := Builtin()
	require.NoError(t, err)
	a, err := stance.New(stance.WithCalibrator(m))
	require.NoError(t, err)
	for _, text := range []string{
		"Kenya and Ethiopia signed a landmark trade agreement.",
		"Rwanda was condemned for its brutal aggression in Congo.",
		"Delegates from Chile arrived in Lima on Tuesday evening.",
		"Beijing condemned Washington's sanctions, while Pakistan thanked China for its steadfast support.",
	} {
		for _, tg := range a.AnalyzeSentence(text, 0).Targets {
			c := slices.Index(classes[:], tg.Label)
			sum := m.b[c] - (m.b[0]+m.b[1]+m.b[2])/3
			var pulls []float64
			for j, x := range m.numeric(tg.Features, nil) {
				v := (x - m.feats[j].Mean) / m.feats[j].SD
				pulls = appendPull(pulls, &sum, m.w[0][j], m.w[1][j], m.w[2][j], c, v)
			}
			for _, j := range m.lexicalIndex(tg.Features) {
				pulls = appendPull(pulls, &sum, m.w[0][j], m.w[1][j], m.w[2][j], c, 1)
			}
			p := m.Probabilities(tg.Features)
			want := math.Log(p[c]) - (math.Log(p[0])+math.Log(p[1])+math.Log(p[2]))/3
			assert.InDelta(t, want, sum, 1e-9, "%q %s: pulls sum to the log-odds of the label", text, tg.ID)

			slices.Sort(pulls)
			slices.Reverse(pulls)
			require.NotEmpty(t, tg.Reasons, "%q %s: a model call without reasons", text, tg.ID)
			require.LessOrEqual(t, len(tg.Reasons), maxReasons)
			for k, r := range tg.Reasons {
				assert.InDelta(t, pulls[k], r.Weight, 1e-12, "%q %s: reason %d is not pull %d by strength", text, tg.ID, k, k)
				assert.NotEmpty(t, r.Feature)
			}
		}
	}
	assert.Nil(t, m.Reasons(nil, stance.Positive))
	f := a.AnalyzeSentence("Rwanda was condemned for its brutal aggression in Congo.", 0).Targets[0].Features
	_, l, rs := m.Explain(f)
	assert.Equal(t, m.Reasons(f, l), rs, "Explain gives the reasons Reasons gives")
}

// appendPull adds to sum the pull toward class c of an input of value v
// (standardised) whose weights for the three classes are w0, w1, w2, and
// appends it to pulls if it is positive.
func appendPull(pulls []float64, sum *float64, w0, w1, w2 float64, c int, v float64) []float64 {
	pull := ([3]float64{w0, w1, w2}[c] - (w0+w1+w2)/3) * v
	*sum += pull
	if pull > 0 {
		pulls = append(pulls, pull)
	}
	return pulls
}
