// Package eval measures how far the analyzer agrees with hand-coded
// sentences: it reads gold files in several formats, scores them and
// computes the agreement statistics that a validation section of a study
// reports (accuracy, per-class and macro F1, Krippendorff's alpha, Pearson
// and Spearman correlations).
package eval

import (
	"math"
	"sort"

	"github.com/geostance/geostance/stance"
)

// Classes are the three labels in the order used by every matrix and
// per-class table of this package.
var Classes = [3]stance.Label{stance.Negative, stance.Neutral, stance.Positive}

// classIndex returns the row of l in a Confusion.
func classIndex(l stance.Label) int {
	switch l {
	case stance.Negative:
		return 0
	case stance.Positive:
		return 2
	}
	return 1
}

// Confusion is a confusion matrix: Confusion[gold][predicted] counts the
// items, rows and columns in the order of Classes.
type Confusion [3][3]int

// Add counts one item.
func (c *Confusion) Add(gold, pred stance.Label) {
	c[classIndex(gold)][classIndex(pred)]++
}

// N is the number of items counted.
func (c *Confusion) N() int {
	n := 0
	for i := range c {
		for j := range c[i] {
			n += c[i][j]
		}
	}
	return n
}

// Accuracy is the share of items on the diagonal; NaN when empty.
func (c *Confusion) Accuracy() float64 {
	n := c.N()
	if n == 0 {
		return math.NaN()
	}
	return float64(c[0][0]+c[1][1]+c[2][2]) / float64(n)
}

// ClassScores are the precision, recall and F1 of one class.
type ClassScores struct {
	Label     stance.Label
	Precision float64 // NaN when the class was never predicted
	Recall    float64 // NaN when the class never occurs in the gold
	F1        float64 // 0 when precision or recall is 0 or undefined but the class occurs somewhere
	Support   int     // gold items of the class
}

// PerClass returns the scores of each class, in the order of Classes.
func (c *Confusion) PerClass() [3]ClassScores {
	var out [3]ClassScores
	for k := range 3 {
		tp := c[k][k]
		var predicted, support int
		for i := range 3 {
			predicted += c[i][k]
			support += c[k][i]
		}
		s := ClassScores{Label: Classes[k], Support: support, Precision: math.NaN(), Recall: math.NaN()}
		if predicted > 0 {
			s.Precision = float64(tp) / float64(predicted)
		}
		if support > 0 {
			s.Recall = float64(tp) / float64(support)
		}
		switch {
		case predicted == 0 && support == 0:
			s.F1 = math.NaN()
		case tp == 0:
			// A class that occurs (or is predicted) but is never got
			// right scores 0, as scikit-learn and the NewsMTSC paper
			// count it, so that missing a class lowers macro-F1.
			s.F1 = 0
		default:
			s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
		}
		out[k] = s
	}
	return out
}

// MacroF1 is the unweighted mean of the F1 of the classes that occur in
// the gold or the predictions; NaN when empty.
func (c *Confusion) MacroF1() float64 {
	var sum float64
	n := 0
	for _, s := range c.PerClass() {
		if !math.IsNaN(s.F1) {
			sum += s.F1
			n++
		}
	}
	if n == 0 {
		return math.NaN()
	}
	return sum / float64(n)
}

// KrippendorffNominal returns Krippendorff's alpha for nominal data.
// Each unit holds the values the coders assigned to it (missing values
// simply left out); units with fewer than two values are not pairable and
// are ignored. The result is NaN when alpha is undefined: no pairable
// values, or every pairable value in one category (no expected
// disagreement).
//
// Following Krippendorff (2011), "Computing Krippendorff's
// Alpha-Reliability": a unit with m values adds 1/(m-1) to the coincidence
// o[c][k] of every ordered pair of its values from different coders; with
// n the number of pairable values and n_c the marginals of o,
// alpha = 1 - (n-1) * Σ_{c≠k} o[c][k] / Σ_{c≠k} n_c n_k.
func KrippendorffNominal[V comparable](units [][]V) float64 {
	idx := map[V]int{}
	type pair struct{ c, k int }
	o := map[pair]float64{}
	for _, u := range units {
		m := len(u)
		if m < 2 {
			continue
		}
		for _, v := range u {
			if _, ok := idx[v]; !ok {
				idx[v] = len(idx)
			}
		}
		w := 1 / float64(m-1)
		for i := range u {
			for j := range u {
				if i != j {
					o[pair{idx[u[i]], idx[u[j]]}] += w
				}
			}
		}
	}
	marg := make([]float64, len(idx))
	var n, disagree float64
	for p, v := range o {
		marg[p.c] += v
		n += v
		if p.c != p.k {
			disagree += v
		}
	}
	if n <= 1 {
		return math.NaN()
	}
	var expected float64
	for c := range marg {
		for k := range marg {
			if c != k {
				expected += marg[c] * marg[k]
			}
		}
	}
	if expected == 0 {
		return math.NaN()
	}
	return 1 - (n-1)*disagree/expected
}

// Pearson returns the Pearson correlation of x and y, NaN when it is
// undefined (fewer than two pairs, a constant series, unequal lengths).
func Pearson(x, y []float64) float64 {
	if len(x) != len(y) || len(x) < 2 {
		return math.NaN()
	}
	var mx, my float64
	for i := range x {
		mx += x[i]
		my += y[i]
	}
	mx /= float64(len(x))
	my /= float64(len(y))
	var sxy, sxx, syy float64
	for i := range x {
		dx, dy := x[i]-mx, y[i]-my
		sxy += dx * dy
		sxx += dx * dx
		syy += dy * dy
	}
	if sxx == 0 || syy == 0 {
		return math.NaN()
	}
	return sxy / math.Sqrt(sxx*syy)
}

// Spearman returns Spearman's rank correlation of x and y: the Pearson
// correlation of their ranks, ties given their mean rank. NaN when
// undefined.
func Spearman(x, y []float64) float64 {
	if len(x) != len(y) || len(x) < 2 {
		return math.NaN()
	}
	return Pearson(ranks(x), ranks(y))
}

// ranks returns the 1-based ranks of x, ties sharing their mean rank.
func ranks(x []float64) []float64 {
	order := make([]int, len(x))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return x[order[a]] < x[order[b]] })
	r := make([]float64, len(x))
	for i := 0; i < len(order); {
		j := i
		for j+1 < len(order) && x[order[j+1]] == x[order[i]] {
			j++
		}
		mean := float64(i+j)/2 + 1
		for k := i; k <= j; k++ {
			r[order[k]] = mean
		}
		i = j + 1
	}
	return r
}

// finite returns a pointer to v, or nil when v is NaN or infinite, so that
// an undefined statistic encodes as JSON null.
func finite(v float64) *float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return &v
}
