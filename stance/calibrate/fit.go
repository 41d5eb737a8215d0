package calibrate

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"

	"gonum.org/v1/gonum/optimize"

	"github.com/geostance/geostance/internal/eval"
	"github.com/geostance/geostance/stance"
)

// Example is one hand-coded target: the features the analyzer computed
// and the label a coder gave.
type Example struct {
	Features *stance.Features
	Label    stance.Label
}

// Config controls Fit. The zero Config is usable: every zero field takes
// its documented default.
type Config struct {
	// Vocab is how many of the most frequent window words (and, with
	// Bigrams, window bigrams) become binary features. Default 3000;
	// negative for none.
	Vocab int
	// ClauseVocab is how many of the most frequent words of the target's
	// clause become binary features, and how many of its words beyond the
	// window, taken with their side of the target. Default 4000; negative
	// for none.
	// They tell apart targets of one sentence that sit in different
	// clauses.
	ClauseVocab int
	// SideVocab is how many of the most frequent window words, taken with
	// the side of the mention they stand on, and words right next to a
	// mention become binary features. Default 4000; negative for none.
	SideVocab int
	// TermVocab is how many of the most frequent lexicon terms of the
	// evidence and rules that weighed it, taken with the sign of its
	// weight (stance.Features.Terms), become binary features. Default
	// 3000; negative for none.
	TermVocab int
	// Bigrams adds the Vocab most frequent window bigrams. geostance
	// calibrate sets it unless told -bigrams=false, and the built-in
	// model has them.
	Bigrams bool
	// MinCount is the fewest training examples a word must occur in to
	// be considered for the vocabulary. Default 2.
	MinCount int
	// Folds is the number of cross-validation folds. Default 5; 1 skips
	// cross-validation and fits Lambdas[0].
	Folds int
	// Seed seeds the assignment of examples to folds.
	Seed uint64
	// Lambdas is the grid of L2 penalties tried. Default DefaultLambdas.
	Lambdas []float64
	// Unbalanced weighs every example alike. By default each class
	// weighs as much as the others in the loss, which serves macro-F1.
	Unbalanced bool
	// MaxIter caps the L-BFGS iterations of each fit. Default 200.
	MaxIter int
}

// DefaultLambdas is the default grid of L2 penalties, per example (the
// loss is a mean): from nearly unpenalised to strongly shrunk.
var DefaultLambdas = []float64{1e-2, 3e-3, 1e-3, 3e-4, 1e-4}

// ErrTooFew is returned when there are too few examples to fit.
var ErrTooFew = errors.New("calibrate: too few examples (need at least 2 classes and one example per fold)")

func (c *Config) defaults() {
	if c.Vocab == 0 {
		c.Vocab = 3000
	}
	if c.ClauseVocab == 0 {
		c.ClauseVocab = 4000
	}
	if c.SideVocab == 0 {
		c.SideVocab = 4000
	}
	if c.TermVocab == 0 {
		c.TermVocab = 3000
	}
	if c.MinCount == 0 {
		c.MinCount = 2
	}
	if c.Folds == 0 {
		c.Folds = 5
	}
	if len(c.Lambdas) == 0 {
		c.Lambdas = DefaultLambdas
	}
	if c.MaxIter == 0 {
		c.MaxIter = 200
	}
}

// dataset is the design matrix: standardised numeric columns and the
// indices of the active binary columns of each row.
type dataset struct {
	d    int // columns
	nNum int
	x    [][]float64
	idx  [][]int32
	y    []int
}

// Fit fits a model to examples. It chooses the penalty by stratified
// k-fold cross-validation on macro-F1 and refits on all examples. It
// checks ctx between fits.
func Fit(ctx context.Context, examples []Example, cfg Config) (*Model, error) {
	cfg.defaults()
	for _, l := range cfg.Lambdas {
		if !(l >= 0) || math.IsInf(l, 0) {
			return nil, fmt.Errorf("calibrate: penalty %g is not a finite non-negative number", l)
		}
	}
	if cfg.Folds < 1 {
		return nil, fmt.Errorf("calibrate: %d folds", cfg.Folds)
	}
	var counts [3]int
	for _, e := range examples {
		if e.Features == nil {
			return nil, errors.New("calibrate: example without features")
		}
		counts[classIdx(e.Label)]++
	}
	nonEmpty := 0
	for _, n := range counts {
		if n > 0 {
			nonEmpty++
		}
	}
	if nonEmpty < 2 || len(examples) < cfg.Folds {
		return nil, ErrTooFew
	}

	m := &Model{lexicon: lexicon{bigrams: cfg.Bigrams && cfg.Vocab > 0, clause: cfg.ClauseVocab > 0, sides: cfg.SideVocab > 0, stem: true, terms: cfg.TermVocab > 0}, lex: map[string]int{}}
	for _, n := range numerics {
		m.num = append(m.num, n.f)
		m.feats = append(m.feats, Feature{Name: n.name})
	}
	m.nNum = len(m.num)
	lexRows := make([][]string, len(examples))
	for i, e := range examples {
		lexRows[i] = m.lexicon.lexical(e.Features)
	}
	for _, name := range vocabulary(lexRows, cfg) {
		m.lex[name] = len(m.feats)
		m.feats = append(m.feats, Feature{Name: name, SD: 1})
	}

	ds := &dataset{d: len(m.feats), nNum: m.nNum}
	for i, e := range examples {
		row := make([]float64, m.nNum)
		for j, fn := range m.num {
			row[j] = fn(e.Features)
		}
		ds.x = append(ds.x, row)
		var idx []int32
		for _, name := range lexRows[i] {
			if j, ok := m.lex[name]; ok {
				idx = append(idx, int32(j))
			}
		}
		ds.idx = append(ds.idx, idx)
		ds.y = append(ds.y, classIdx(e.Label))
	}
	for j := range m.nNum {
		var mean, ss float64
		for _, row := range ds.x {
			mean += row[j]
		}
		mean /= float64(len(ds.x))
		for _, row := range ds.x {
			ss += (row[j] - mean) * (row[j] - mean)
		}
		sd := math.Sqrt(ss / float64(len(ds.x)))
		if !(sd > 1e-12) {
			sd = 1 // a constant feature: its weight stays at 0 under the penalty
		}
		m.feats[j].Mean, m.feats[j].SD = mean, sd
		for _, row := range ds.x {
			row[j] = (row[j] - mean) / sd
		}
	}

	lambda := cfg.Lambdas[0]
	if cfg.Folds > 1 {
		cv, err := crossValidate(ctx, ds, cfg)
		if err != nil {
			return nil, err
		}
		m.cv = cv
		lambda = cv.Lambda
	}
	all := make([]int, len(examples))
	for i := range all {
		all[i] = i
	}
	p, err := ds.fit(all, lambda, nil, cfg)
	if err != nil {
		return nil, err
	}
	m.lambda = lambda
	for c := range 3 {
		off := c * (ds.d + 1)
		m.w[c] = append([]float64(nil), p[off:off+ds.d]...)
		m.b[c] = p[off+ds.d]
	}
	m.centre()
	given := 0
	for _, e := range examples {
		if e.Features.Given {
			given++
		}
	}
	m.trained = TrainedOn{Examples: len(examples), Classes: map[string]int{}, Given: &given}
	for c, l := range classes {
		m.trained.Classes[l.String()] = counts[c]
	}
	return m, nil
}

func classIdx(l stance.Label) int {
	switch l {
	case stance.Negative:
		return 0
	case stance.Positive:
		return 2
	}
	return 1
}

// vocabulary picks the lexical features: the most frequent of each kind,
// ties broken alphabetically so that a fit is reproducible.
func vocabulary(rows [][]string, cfg Config) []string {
	df := map[string]int{}
	for _, r := range rows {
		for _, name := range r {
			df[name]++
		}
	}
	// pick returns the k most frequent names with any of the prefixes,
	// which share the k places.
	pick := func(k int, prefixes ...string) []string {
		if k <= 0 {
			return nil
		}
		var names []string
		for name, n := range df {
			if n >= cfg.MinCount && slices.ContainsFunc(prefixes, func(p string) bool { return strings.HasPrefix(name, p) }) {
				names = append(names, name)
			}
		}
		sort.Slice(names, func(i, j int) bool {
			if df[names[i]] != df[names[j]] {
				return df[names[i]] > df[names[j]]
			}
			return names[i] < names[j]
		})
		return names[:min(k, len(names))]
	}
	var out []string
	out = append(out, pick(cfg.Vocab, windowPrefix)...)
	if cfg.Bigrams {
		out = append(out, pick(cfg.Vocab, bigramPrefix)...)
	}
	out = append(out, pick(cfg.ClauseVocab, clausePrefix)...)
	out = append(out, pick(cfg.ClauseVocab, clauseLeftPrefix, clauseRightPrefix)...)
	out = append(out, pick(cfg.SideVocab, leftPrefix, rightPrefix, beforePrefix, afterPrefix)...)
	out = append(out, pick(cfg.TermVocab, termPrefix)...)
	return out
}

// crossValidate scores every penalty of the grid on stratified folds and
// picks the one with the best pooled held-out macro-F1 (the larger
// penalty on a tie).
func crossValidate(ctx context.Context, ds *dataset, cfg Config) (*CV, error) {
	folds := stratifiedFolds(ds.y, cfg.Folds, cfg.Seed)
	grid := slices.Clone(cfg.Lambdas)
	sort.Sort(sort.Reverse(sort.Float64Slice(grid))) // strong penalties first: each warm-starts the next
	cms := make([]eval.Confusion, len(grid))
	for k := range folds {
		var train []int
		for j, f := range folds {
			if j != k {
				train = append(train, f...)
			}
		}
		var p []float64
		for g, lambda := range grid {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			var err error
			if p, err = ds.fit(train, lambda, p, cfg); err != nil {
				return nil, err
			}
			for _, i := range folds[k] {
				cms[g].Add(classes[ds.y[i]], classes[argmax(ds.scores(p, i))])
			}
		}
	}
	cv := &CV{Folds: cfg.Folds, Seed: cfg.Seed}
	best := -1.0
	for g, lambda := range grid {
		pt := GridPoint{Lambda: lambda, MacroF1: cms[g].MacroF1(), Accuracy: cms[g].Accuracy()}
		cv.Grid = append(cv.Grid, pt)
		if pt.MacroF1 > best {
			best = pt.MacroF1
			cv.Lambda, cv.MacroF1, cv.Accuracy = lambda, pt.MacroF1, pt.Accuracy
		}
	}
	return cv, nil
}

// stratifiedFolds deals the shuffled examples of each class round-robin
// into k folds.
func stratifiedFolds(y []int, k int, seed uint64) [][]int {
	rng := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	order := rng.Perm(len(y))
	folds := make([][]int, k)
	next := 0
	for c := range 3 {
		for _, i := range order {
			if y[i] == c {
				folds[next%k] = append(folds[next%k], i)
				next++
			}
		}
	}
	return folds
}

func argmax(z [3]float64) int {
	best := 0
	for c := range z {
		if z[c] > z[best] {
			best = c
		}
	}
	return best
}

// scores returns the linear scores of row i under parameters p.
func (ds *dataset) scores(p []float64, i int) [3]float64 {
	var z [3]float64
	for c := range 3 {
		off := c * (ds.d + 1)
		s := p[off+ds.d]
		for j, v := range ds.x[i] {
			s += p[off+j] * v
		}
		for _, j := range ds.idx[i] {
			s += p[off+int(j)]
		}
		z[c] = s
	}
	return z
}

// fit minimises the weighted mean negative log-likelihood of rows plus
// lambda/2 times the squared norm of the weights (not the biases), with
// L-BFGS from init (zeros when nil).
func (ds *dataset) fit(rows []int, lambda float64, init []float64, cfg Config) ([]float64, error) {
	np := 3 * (ds.d + 1)
	weight := [3]float64{1, 1, 1}
	if !cfg.Unbalanced {
		var n [3]int
		for _, i := range rows {
			n[ds.y[i]]++
		}
		for c := range n {
			if n[c] > 0 {
				weight[c] = float64(len(rows)) / float64(3*n[c])
			}
		}
	}
	var total float64
	for _, i := range rows {
		total += weight[ds.y[i]]
	}
	// Func and Grad are asked at the same points: compute both at once
	// and remember the last point.
	var lastX []float64
	var lastF float64
	lastG := make([]float64, np)
	eval := func(x []float64) {
		if lastX != nil && slices.Equal(x, lastX) {
			return
		}
		lastX = append(lastX[:0], x...)
		g := lastG
		clear(g)
		var f float64
		for _, i := range rows {
			z := ds.scores(x, i)
			mx := max(z[0], z[1], z[2])
			var sum float64
			var e [3]float64
			for c := range z {
				e[c] = math.Exp(z[c] - mx)
				sum += e[c]
			}
			y := ds.y[i]
			s := weight[y] / total
			f -= s * (z[y] - mx - math.Log(sum))
			for c := range 3 {
				d := e[c] / sum
				if c == y {
					d--
				}
				d *= s
				if d == 0 {
					continue
				}
				off := c * (ds.d + 1)
				for j, v := range ds.x[i] {
					g[off+j] += d * v
				}
				for _, j := range ds.idx[i] {
					g[off+int(j)] += d
				}
				g[off+ds.d] += d
			}
		}
		for c := range 3 {
			off := c * (ds.d + 1)
			for j := range ds.d {
				w := x[off+j]
				f += lambda / 2 * w * w
				g[off+j] += lambda * w
			}
		}
		lastF = f
	}
	prob := optimize.Problem{
		Func: func(x []float64) float64 { eval(x); return lastF },
		Grad: func(grad, x []float64) { eval(x); copy(grad, lastG) },
	}
	x0 := make([]float64, np)
	if init != nil {
		copy(x0, init)
	}
	res, err := optimize.Minimize(prob, x0, &optimize.Settings{
		GradientThreshold: 1e-6,
		MajorIterations:   cfg.MaxIter,
		Converger:         &optimize.FunctionConverge{Absolute: 1e-8, Relative: 1e-7, Iterations: 10},
	}, &optimize.LBFGS{})
	if res == nil {
		return nil, fmt.Errorf("calibrate: optimisation failed: %v", err)
	}
	for _, v := range res.X {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, errors.New("calibrate: optimisation diverged")
		}
	}
	return res.X, nil
}
