package eval

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/floats/scalar"

	"github.com/geostance/geostance/stance"
)

// tol is the tolerance for hand-computed values, which are given to four
// or more decimals.
const tol = 1e-4

func near(t *testing.T, want, got float64, msg string) {
	t.Helper()
	if math.IsNaN(want) {
		assert.True(t, math.IsNaN(got), "%s = %v; want NaN", msg, got)
		return
	}
	assert.True(t, scalar.EqualWithinAbsOrRel(got, want, tol, tol), "%s = %v; want %v", msg, got, want)
}

func TestConfusion(t *testing.T) {
	// gold \ predicted  neg neu pos
	// negative           3   1   0
	// neutral            1   2   1
	// positive           0   1   1
	// N = 10, diagonal 3+2+1 = 6: accuracy 0.6.
	// negative: P = 3/4, R = 3/4, F1 = 0.75
	// neutral:  P = 2/4, R = 2/4, F1 = 0.5
	// positive: P = 1/2, R = 1/2, F1 = 0.5
	// macro-F1 = (0.75 + 0.5 + 0.5) / 3 = 0.583333
	var c Confusion
	add := func(g, p stance.Label, n int) {
		for range n {
			c.Add(g, p)
		}
	}
	N, U, P := stance.Negative, stance.Neutral, stance.Positive
	add(N, N, 3)
	add(N, U, 1)
	add(U, N, 1)
	add(U, U, 2)
	add(U, P, 1)
	add(P, U, 1)
	add(P, P, 1)
	require.Equal(t, 10, c.N())
	near(t, 0.6, c.Accuracy(), "Accuracy")
	pc := c.PerClass()
	for i, want := range []struct{ p, r, f float64 }{{0.75, 0.75, 0.75}, {0.5, 0.5, 0.5}, {0.5, 0.5, 0.5}} {
		near(t, want.p, pc[i].Precision, pc[i].Label.String()+" precision")
		near(t, want.r, pc[i].Recall, pc[i].Label.String()+" recall")
		near(t, want.f, pc[i].F1, pc[i].Label.String()+" F1")
	}
	assert.Equal(t, [3]int{4, 4, 2}, [3]int{pc[0].Support, pc[1].Support, pc[2].Support})
	near(t, 0.583333, c.MacroF1(), "MacroF1")
}

func TestConfusionDegenerate(t *testing.T) {
	var empty Confusion
	near(t, math.NaN(), empty.Accuracy(), "empty Accuracy")
	near(t, math.NaN(), empty.MacroF1(), "empty MacroF1")

	// Gold all neutral, predictions all positive: neutral occurs but is
	// never predicted (P undefined, F1 0), positive is predicted but never
	// occurs (R undefined, F1 0), negative appears nowhere (F1 undefined
	// and left out of the macro mean): macro-F1 = (0 + 0) / 2 = 0.
	var c Confusion
	c.Add(stance.Neutral, stance.Positive)
	c.Add(stance.Neutral, stance.Positive)
	pc := c.PerClass()
	near(t, math.NaN(), pc[1].Precision, "neutral precision")
	near(t, 0, pc[1].F1, "neutral F1")
	near(t, math.NaN(), pc[2].Recall, "positive recall")
	near(t, math.NaN(), pc[0].F1, "negative F1")
	near(t, 0, c.MacroF1(), "MacroF1")
}

func TestKrippendorffNominal(t *testing.T) {
	const m = -1 // missing
	tests := []struct {
		name string
		data [][]int // coders × units, as printed in the source
		want float64
	}{
		{
			// Krippendorff (2011), "Computing Krippendorff's
			// Alpha-Reliability", section C: 4 observers, 12 units,
			// missing values. Unit 12 has one value: not pairable.
			// Pairable values n = 3+4+4+4+4+4+4+4+4+3+2 = 40.
			// A unit of m values adds 1/(m-1) per ordered pair of
			// values; only three units hold disagreeing pairs:
			//   u2 (2,2,3,2): 6 disagreeing ordered pairs / 3 = 2
			//   u6 (1,2,3,4): 12 / 3 = 4
			//   u8 (1,1,2,1): 6 / 3 = 2
			// so Σ_{c≠k} o_ck = 8. Marginals by value:
			//   n_1 = 9, n_2 = 13, n_3 = 10, n_4 = 5, n_5 = 3 (sum 40),
			// Σ_{c≠k} n_c n_k = 40² - (81+169+100+25+9) = 1600-384 = 1216.
			// alpha = 1 - (n-1)·8/1216 = 1 - 312/1216 = 0.743421,
			// the 0.743 of the paper.
			name: "Krippendorff 2011 nominal",
			data: [][]int{
				{1, 2, 3, 3, 2, 1, 4, 1, 2, m, m, m},
				{1, 2, 3, 3, 2, 2, 4, 1, 2, 5, m, 3},
				{m, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, m},
				{1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, m},
			},
			want: 0.743421,
		},
		{
			// Two coders, four units: (a,a) (a,b) (b,b) (b,b).
			// n = 8; n_a = 3, n_b = 5; o_ab = o_ba = 1.
			// alpha = 1 - 7·2/(2·3·5) = 1 - 14/30 = 0.533333.
			name: "two coders",
			data: [][]int{{0, 0, 1, 1}, {0, 1, 1, 1}},
			want: 0.533333,
		},
		{
			name: "perfect agreement",
			data: [][]int{{0, 1, 2, 1}, {0, 1, 2, 1}},
			want: 1,
		},
		{
			// Every value in one category: no expected disagreement,
			// alpha is 0/0, undefined.
			name: "one category",
			data: [][]int{{1, 1, 1}, {1, 1, 1}},
			want: math.NaN(),
		},
		{
			name: "nothing pairable",
			data: [][]int{{1, m}, {m, 2}},
			want: math.NaN(),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			units := make([][]int, len(tt.data[0]))
			for _, coder := range tt.data {
				for u, v := range coder {
					if v != m {
						units[u] = append(units[u], v)
					}
				}
			}
			near(t, tt.want, KrippendorffNominal(units), "KrippendorffNominal")
		})
	}
}

func TestCorrelations(t *testing.T) {
	tests := []struct {
		name              string
		x, y              []float64
		pearson, spearman float64
	}{
		{
			// mean x = 2.5, mean y = 3.5; deviations x: -1.5 -0.5 0.5 1.5,
			// y: -2.5 -0.5 -0.5 3.5. Sxy = 3.75+0.25-0.25+5.25 = 9,
			// Sxx = 5, Syy = 6.25+0.25+0.25+12.25 = 19.
			// r = 9/sqrt(95) = 0.923380.
			// Ranks y (3,3 tied → 2.5): 1 2.5 2.5 4; ranks x 1 2 3 4.
			// Pearson of ranks: deviations y -1.5 0 0 1.5, Sxy = 4.5,
			// Syy = 4.5: rho = 4.5/sqrt(5·4.5) = 0.948683.
			name: "ties", x: []float64{1, 2, 3, 4}, y: []float64{1, 3, 3, 7},
			pearson: 0.923380, spearman: 0.948683,
		},
		{
			name: "perfect inverse", x: []float64{1, 2, 3}, y: []float64{9, 4, 1},
			// r: dev x -1 0 1, y 4.333 -0.667 -3.667: Sxy = -8,
			// Syy = 18.778+0.444+13.444 = 32.667: r = -8/sqrt(65.333) = -0.989743.
			pearson: -0.989743, spearman: -1,
		},
		{name: "constant", x: []float64{1, 2, 3}, y: []float64{2, 2, 2}, pearson: math.NaN(), spearman: math.NaN()},
		{name: "too short", x: []float64{1}, y: []float64{2}, pearson: math.NaN(), spearman: math.NaN()},
		{name: "unequal", x: []float64{1, 2}, y: []float64{2}, pearson: math.NaN(), spearman: math.NaN()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			near(t, tt.pearson, Pearson(tt.x, tt.y), "Pearson")
			near(t, tt.spearman, Spearman(tt.x, tt.y), "Spearman")
		})
	}
}
