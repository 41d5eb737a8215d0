package summary_test

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/floats/scalar"

	"github.com/geostance/geostance/stance/summary"
)

// Two-sided 95% Student t quantiles t(0.975, df) from a printed table
// (six decimals); checks against them use a 1e-6 relative tolerance,
// the table's own rounding.
var t975 = map[int]float64{1: 12.706205, 2: 4.302653, 3: 3.182446, 4: 2.776445, 9: 2.262157}

// z975 is the standard normal 0.975 quantile to the table's six decimals.
const z975 = 1.959964

func mustSummary(t *testing.T, cfg summary.Config, recs []summary.Record) *summary.Summary {
	t.Helper()
	a, err := summary.NewAggregator(cfg)
	require.NoError(t, err)
	for _, r := range recs {
		require.NoError(t, a.Add(r))
	}
	s, err := a.Summary()
	require.NoError(t, err)
	return s
}

func near(t *testing.T, want, got, tol float64, what string) {
	t.Helper()
	assert.Truef(t, scalar.EqualWithinAbsOrRel(want, got, tol, tol), "%s = %.12g; want %.12g (tol %g)", what, got, want, tol)
}

func scores(doc string, xs ...float64) []summary.Record {
	var rs []summary.Record
	for i, x := range xs {
		l := 0
		if x > 0.05 {
			l = 1
		} else if x < -0.05 {
			l = -1
		}
		rs = append(rs, summary.Record{Doc: doc, Sentence: i, Target: "CHN", Score: x, Label: l, Mentions: 1})
	}
	return rs
}

// twoPass is the textbook mean and n-1 variance, a second method against
// which the streaming Welford/Chan accumulators are checked.
func twoPass(xs []float64) (mean, sd float64) {
	for _, x := range xs {
		mean += x
	}
	mean /= float64(len(xs))
	var ss float64
	for _, x := range xs {
		ss += (x - mean) * (x - mean)
	}
	return mean, math.Sqrt(ss / float64(len(xs)-1))
}

func TestMeanSDTInterval(t *testing.T) {
	tests := []struct {
		name string
		xs   []float64
	}{
		{"two", []float64{0.5, -0.25}},
		{"five", []float64{0.1, 0.4, -0.3, 0.9, 0.05}},
		{"ten", []float64{1, -1, 0.5, 0.25, 0, 0, -0.75, 0.125, 0.3, 0.6}},
		{"near-constant", []float64{0.7, 0.7000001, 0.6999999}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustSummary(t, summary.Config{}, scores("d", tt.xs...))
			require.Len(t, s.Groups, 1)
			g := s.Groups[0]
			mean, sd := twoPass(tt.xs)
			n := len(tt.xs)
			// Welford and two-pass agree to a few ulps times n; 1e-12
			// leaves a wide margin for n <= 10 and |x| <= 1.
			near(t, mean, g.Mean, 1e-12, "mean")
			near(t, sd, g.SD, 1e-12, "sd")
			near(t, sd/math.Sqrt(float64(n)), g.SE, 1e-12, "se")
			assert.Equal(t, summary.MethodT, g.CIMethod)
			if tq, ok := t975[n-1]; ok {
				half := tq * sd / math.Sqrt(float64(n))
				// The interval is clipped to the range of a mean score.
				near(t, math.Max(mean-half, -1), g.CILow, 1e-6, "ci_low")
				near(t, math.Min(mean+half, 1), g.CIHigh, 1e-6, "ci_high")
			}
			assert.EqualValues(t, n, g.NSentences)
			assert.Equal(t, 1, g.NDocuments)
			near(t, float64(n), g.NEff, 1e-12, "n_eff")
		})
	}
}

func TestWeightedMean(t *testing.T) {
	// Scores 1, 0, -0.5 with mentions 2, 1, 1:
	//   W = 4, mean = (2 + 0 - 0.5)/4 = 0.375, sum w^2 = 6, n_eff = 16/6,
	//   sum w(x-m)^2 = 2(0.625)^2 + (0.375)^2 + (0.875)^2 = 1.6875,
	//   var = 1.6875 / (4 - 6/4) = 0.675, se = sqrt(0.675)/sqrt(16/6).
	recs := scores("d", 1, 0, -0.5)
	recs[0].Mentions = 2
	s := mustSummary(t, summary.Config{Weighted: true}, recs)
	g := s.Groups[0]
	// Hand values are exact decimals; only float rounding separates them.
	near(t, 0.375, g.Mean, 1e-14, "mean")
	near(t, 16.0/6, g.NEff, 1e-14, "n_eff")
	near(t, math.Sqrt(0.675), g.SD, 1e-14, "sd")
	near(t, math.Sqrt(0.675)/math.Sqrt(16.0/6), g.SE, 1e-14, "se")
	assert.EqualValues(t, 4, g.SumWeights)

	// Unweighted, the same records ignore mentions.
	u := mustSummary(t, summary.Config{}, recs).Groups[0]
	near(t, 0.5/3, u.Mean, 1e-14, "unweighted mean")
}

func TestWilson(t *testing.T) {
	// 3 positive of 10: p = 0.3, z = 1.959964,
	//   center = (0.3 + z²/20)/(1 + z²/10) = 0.355512,
	//   half   = z/(1 + z²/10) * sqrt(0.021 + z²/400) = 0.247715,
	// giving [0.107791, 0.603222] (Wilson 1927; the interval quoted in
	// Newcombe 1998, table I, is 0.1078 to 0.6032).
	xs := []float64{0.5, 0.5, 0.5, 0, 0, 0, 0, -0.5, -0.5, -0.5}
	g := mustSummary(t, summary.Config{}, scores("d", xs...)).Groups[0]
	// Hand values carry six decimals.
	near(t, 0.3, g.Pos.Share, 1e-15, "pos_share")
	near(t, 0.107791, g.Pos.Low, 1e-6, "pos_low")
	near(t, 0.603222, g.Pos.High, 1e-6, "pos_high")
	near(t, 0.4, g.Neu.Share, 1e-15, "neu_share")
	near(t, 0.3, g.Neg.Share, 1e-15, "neg_share")

	// 0 of 4: the lower bound is 0 and the upper z²/(n+z²) = 0.489891.
	g = mustSummary(t, summary.Config{}, scores("d", 0, 0, 0, 0)).Groups[0]
	near(t, 0, g.Pos.Low, 1e-12, "pos_low 0/4")
	near(t, z975*z975/(4+z975*z975), g.Pos.High, 1e-6, "pos_high 0/4")
	near(t, 1, g.Neu.High, 1e-12, "neu_high 4/4")
}

func TestLevel(t *testing.T) {
	// At level 0.90 the t quantile for df = 4 is 2.131847 (table).
	xs := []float64{0.1, 0.4, -0.3, 0.9, 0.05}
	g := mustSummary(t, summary.Config{Level: 0.9}, scores("d", xs...)).Groups[0]
	mean, sd := twoPass(xs)
	near(t, mean+2.131847*sd/math.Sqrt(5), g.CIHigh, 1e-6, "ci_high at 0.90")
	assert.Equal(t, 0.9, g.CILevel)
}

func TestGrouping(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 12, 0, 0, 0, time.UTC) }
	rec := func(target, source string, date time.Time, outlet string, x float64) summary.Record {
		return summary.Record{Doc: outlet + target, Target: target, Source: source, Date: date,
			Meta: map[string]string{"outlet": outlet}, Score: x, Mentions: 1}
	}
	recs := []summary.Record{
		rec("USA", "CHN", day(2024, 2, 10), "A", -0.5),
		rec("USA", "CHN", day(2024, 2, 20), "A", -0.3),
		rec("CHN", "", day(2024, 8, 1), "B", 0.2),
		rec("CHN", "", time.Time{}, "B", 0.4),
	}
	tests := []struct {
		by   []string
		want []string // "col=value ..." per row, then the mean
	}{
		{[]string{"target"}, []string{"target=CHN 0.3", "target=USA -0.4"}},
		{[]string{"source", "target"}, []string{"source= target=CHN 0.3", "source=CHN target=USA -0.4"}},
		{[]string{"month"}, []string{"period=2024-02 -0.4", "period=2024-08 0.2", "period=undated 0.4"}},
		{[]string{"half"}, []string{"period=2024-H1 -0.4", "period=2024-H2 0.2", "period=undated 0.4"}},
		{[]string{"outlet", "year"}, []string{"outlet=A period=2024 -0.4", "outlet=B period=2024 0.2", "outlet=B period=undated 0.4"}},
		{nil, []string{"-0.05"}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.by, ","), func(t *testing.T) {
			s := mustSummary(t, summary.Config{By: tt.by}, recs)
			var got []string
			for _, r := range s.Groups {
				var parts []string
				for _, k := range r.Keys {
					parts = append(parts, k.Name+"="+k.Value)
				}
				parts = append(parts, formatG(r.Mean))
				got = append(got, strings.Join(parts, " "))
			}
			assert.Equal(t, tt.want, got)
			assert.EqualValues(t, 1, s.Undated)
			assert.EqualValues(t, 4, s.Records)
		})
	}
}

// formatG prints x rounded to 1e-9, hiding float noise in expected strings.
func formatG(x float64) string {
	return strconv.FormatFloat(math.Round(x*1e9)/1e9, 'g', -1, 64)
}

func TestPeriods(t *testing.T) {
	tests := []struct {
		date time.Time
		by   string
		want string
	}{
		{time.Date(2024, 3, 9, 0, 0, 0, 0, time.UTC), "day", "2024-03-09"},
		{time.Date(2024, 3, 9, 0, 0, 0, 0, time.UTC), "week", "2024-W10"},
		{time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC), "week", "2020-W53"}, // ISO year differs
		{time.Date(2024, 12, 30, 0, 0, 0, 0, time.UTC), "week", "2025-W01"},
		{time.Date(2024, 3, 9, 0, 0, 0, 0, time.UTC), "month", "2024-03"},
		{time.Date(2024, 3, 31, 0, 0, 0, 0, time.UTC), "quarter", "2024-Q1"},
		{time.Date(2024, 10, 1, 0, 0, 0, 0, time.UTC), "quarter", "2024-Q4"},
		{time.Date(2024, 6, 30, 0, 0, 0, 0, time.UTC), "half", "2024-H1"},
		{time.Date(2024, 7, 1, 0, 0, 0, 0, time.UTC), "half", "2024-H2"},
		{time.Date(987, 7, 1, 0, 0, 0, 0, time.UTC), "year", "0987"},
		// A timestamp keeps its own calendar date, not UTC's.
		{time.Date(2024, 1, 1, 1, 0, 0, 0, time.FixedZone("UTC+8", 8*3600)), "day", "2024-01-01"},
		{time.Time{}, "day", summary.Undated},
	}
	for _, tt := range tests {
		t.Run(tt.by+"/"+tt.want, func(t *testing.T) {
			s := mustSummary(t, summary.Config{By: []string{tt.by}}, []summary.Record{{Doc: "d", Date: tt.date}})
			require.Len(t, s.Groups, 1)
			assert.Equal(t, []summary.Key{{Name: "period", Value: tt.want}}, s.Groups[0].Keys)
		})
	}
}

func TestConfigErrors(t *testing.T) {
	tests := []struct {
		name string
		cfg  summary.Config
		want string
	}{
		{"level", summary.Config{Level: 1}, "level"},
		{"negative level", summary.Config{Level: -0.5}, "level"},
		{"nan level", summary.Config{Level: math.NaN()}, "level"},
		{"bootstrap", summary.Config{Bootstrap: -1}, "bootstrap"},
		{"two periods", summary.Config{By: []string{"month", "year"}}, "period"},
		{"duplicate", summary.Config{By: []string{"target", "target"}}, "twice"},
		{"empty key", summary.Config{By: []string{""}}, "empty"},
		{"reserved", summary.Config{By: []string{"mean"}}, "collides"},
		{"self tilt", summary.Config{Tilt: [][2]string{{"CHN", "CHN"}}}, "itself"},
		{"empty tilt", summary.Config{Tilt: [][2]string{{"CHN", ""}}}, "empty"},
		{"duplicate tilt", summary.Config{Tilt: [][2]string{{"CHN", "USA"}, {"CHN", "USA"}}}, "twice"},
		{"target baseline", summary.Config{Baseline: "target"}, "baseline"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := summary.NewAggregator(tt.cfg)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assert.True(t, strings.HasPrefix(err.Error(), "summary: "), err.Error())
		})
	}
	a, err := summary.NewAggregator(summary.Config{By: []string{"target"}, Baseline: "outlet"})
	require.NoError(t, err)
	assert.Equal(t, []string{"target", "outlet"}, a.Config().By, "baseline key appended")
	assert.Equal(t, summary.DefaultLevel, a.Config().Level)
}

func TestAddErrors(t *testing.T) {
	tests := []struct {
		name string
		r    summary.Record
		want string
	}{
		{"nan", summary.Record{Doc: "d", Sentence: 3, Score: math.NaN()}, `doc "d" sentence 3: score NaN`},
		{"inf", summary.Record{Score: math.Inf(1)}, "score"},
		{"above", summary.Record{Score: 1.5}, "score"},
		{"label", summary.Record{Label: 2}, "label"},
		{"mentions", summary.Record{Mentions: -1}, "mentions"},
		{"many mentions", summary.Record{Mentions: summary.MaxMentions + 1}, "mentions"},
	}
	a, err := summary.NewAggregator(summary.Config{})
	require.NoError(t, err)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := a.Add(tt.r)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
	s, err := a.Summary()
	require.NoError(t, err)
	assert.Empty(t, s.Groups, "rejected records leave no trace")
	assert.Zero(t, s.Records)
}

func TestFocal(t *testing.T) {
	recs := []summary.Record{
		{Doc: "1", Target: "USA", Source: "RUS", Score: -0.8},                       // spoken by RUS
		{Doc: "1", Target: "USA", Others: []string{"RUS"}, Score: -0.4},             // RUS also named
		{Doc: "2", Target: "CHN", Others: []string{"IND", "RUS"}, Score: 0.6},       // RUS also named
		{Doc: "2", Target: "RUS", Source: "RUS", Score: 0.9},                        // about RUS itself: excluded
		{Doc: "3", Target: "USA", Source: "GBR", Score: 0.9},                        // RUS absent: excluded
		{Doc: "3", Target: "", Source: "RUS", Score: 0.1},                           // no target: excluded
		{Doc: "4", Target: "USA", Source: "RUS", Others: []string{"RUS"}, Score: 0}, // counted once
	}
	s := mustSummary(t, summary.Config{By: []string{"target"}, Focal: "RUS"}, recs)
	require.Len(t, s.Focal, 2)
	chn, usa := s.Focal[0], s.Focal[1]
	assert.Equal(t, []summary.Key{{Name: "target", Value: "CHN"}}, chn.Keys)
	assert.Equal(t, "RUS", chn.Focal)
	near(t, 0.6, chn.Mean, 1e-15, "CHN mean")
	assert.EqualValues(t, 3, usa.NSentences)
	assert.Equal(t, 2, usa.NDocuments)
	near(t, -0.4, usa.Mean, 1e-15, "USA mean") // (-0.8 - 0.4 + 0)/3
}

func TestBaseline(t *testing.T) {
	rec := func(outlet, target string, x float64) summary.Record {
		return summary.Record{Doc: outlet + target, Target: target, Score: x, Meta: map[string]string{"outlet": outlet}}
	}
	recs := []summary.Record{
		rec("A", "CHN", 0.4), rec("A", "USA", -0.2), rec("A", "USA", 0.1), // outlet A mean 0.1
		rec("B", "CHN", -0.5), rec("B", "", 0.5), // outlet B mean 0
	}
	s := mustSummary(t, summary.Config{By: []string{"target"}, Baseline: "outlet"}, recs)
	want := map[string][3]float64{ // group mean, baseline mean, difference
		"CHN/A": {0.4, 0.1, 0.3}, "USA/A": {-0.05, 0.1, -0.15},
		"CHN/B": {-0.5, 0, -0.5}, "/B": {0.5, 0, 0.5},
	}
	require.Len(t, s.Groups, len(want))
	for _, g := range s.Groups {
		require.Len(t, g.Keys, 2)
		assert.Equal(t, "outlet", g.Keys[1].Name)
		w := want[g.Keys[0].Value+"/"+g.Keys[1].Value]
		assert.Equal(t, "outlet", g.Baseline)
		// Means of at most three exact decimals: float rounding only.
		near(t, w[0], g.Mean, 1e-15, "mean")
		near(t, w[1], g.BaselineMean, 1e-15, "baseline_mean")
		near(t, w[2], g.VsBaseline, 1e-15, "vs_baseline")
	}
}

func tiltRecords() []summary.Record {
	r := func(doc, target string, x float64) summary.Record {
		return summary.Record{Doc: doc, Target: target, Score: x}
	}
	return []summary.Record{
		r("d1", "CHN", 0.5), r("d1", "USA", -0.5),
		r("d2", "CHN", 0.3),
		r("d3", "USA", 0.1), r("d3", "CHN", -0.1),
		r("d4", "USA", 0.4), r("d4", "USA", 0.2),
		r("d4", "IND", 0.9), // not in the pair
	}
}

func TestTiltClusterT(t *testing.T) {
	// A = CHN: 0.5, 0.3, -0.1 (mean 0.7/3); B = USA: -0.5, 0.1, 0.4, 0.2 (mean 0.05).
	// estimate = 0.183333. Per-document influence
	//   u_d = (S_Ad - m_A W_Ad)/W_A - (S_Bd - m_B W_Bd)/W_B:
	//   d1:  0.088889 + 0.137500 =  0.226389
	//   d2:  0.022222            =  0.022222
	//   d3: -0.111111 - 0.012500 = -0.123611
	//   d4:          - 0.125000  = -0.125000
	// Σu² = 0.082651; CR1 variance 4/3 · 0.082651 = 0.110201; se = 0.331965;
	// t(0.975, 3) = 3.182446 from the table.
	s := mustSummary(t, summary.Config{Tilt: [][2]string{{"CHN", "USA"}}}, tiltRecords())
	require.Len(t, s.Tilts, 1)
	r := s.Tilts[0]
	assert.Equal(t, "CHN-USA", r.Name())
	near(t, 0.7/3-0.05, r.Estimate, 1e-12, "estimate")
	// Hand arithmetic kept six decimals.
	near(t, 0.331965, r.SE, 1e-5, "se")
	near(t, r.Estimate-3.182446*0.331965, r.CILow, 1e-5, "ci_low")
	near(t, r.Estimate+3.182446*0.331965, r.CIHigh, 1e-5, "ci_high")
	assert.Equal(t, summary.MethodClusterT, r.CIMethod)
	assert.Equal(t, 4, r.NDocuments)
	assert.Equal(t, 3, r.NDocumentsA)
	assert.Equal(t, 3, r.NDocumentsB)
	assert.Equal(t, 2, r.NDocumentsBoth)
	assert.EqualValues(t, 3, r.NSentencesA)
	assert.EqualValues(t, 4, r.NSentencesB)
}

func TestTiltBootstrap(t *testing.T) {
	cfg := summary.Config{Tilt: [][2]string{{"CHN", "USA"}}, Bootstrap: 500, Seed: 7}
	r := mustSummary(t, cfg, tiltRecords()).Tilts[0]
	assert.Equal(t, summary.MethodBootstrap, r.CIMethod)
	assert.Equal(t, 500, r.Replicates+r.Dropped)
	// A replicate lacks CHN when d1, d2 and d3 all draw Poisson weight 0
	// (e^-3), and lacks USA when d1, d3 and d4 do: expected drops
	// 500·(2e^-3 - e^-4) ≈ 41, with a standard deviation near 6.
	assert.Greater(t, r.Dropped, 15)
	assert.Less(t, r.Dropped, 70)
	assert.Less(t, r.CILow, r.Estimate)
	assert.Greater(t, r.CIHigh, r.Estimate)
	// Every replicate is a difference of two means of scores in [-1, 1].
	assert.GreaterOrEqual(t, r.CILow, -2.0)
	assert.LessOrEqual(t, r.CIHigh, 2.0)
}

// TestBootstrapAgreesWithClusterSE checks the bootstrap against a second
// method: with many documents, the percentile interval of the mean is
// close to mean ± z·SE_cluster, where SE_cluster is the CR0 standard error
// of a ratio mean, sqrt(Σ_d (S_d - m W_d)²)/W.
func TestBootstrapAgreesWithClusterSE(t *testing.T) {
	var recs []summary.Record
	x := uint64(12345)
	next := func() float64 { // small LCG: the test must not depend on math/rand's stream
		x = x*6364136223846793005 + 1442695040888963407
		return float64(x>>11)/(1<<53)*2 - 1
	}
	type ds struct{ w, s float64 }
	var docs []ds
	for d := range 400 {
		k := 1 + d%5
		docEffect := 0.5 * next()
		var sum float64
		for i := range k {
			v := math.Max(-1, math.Min(1, docEffect+0.3*next()))
			sum += v
			recs = append(recs, summary.Record{Doc: "doc" + string(rune('A'+d%26)) + formatG(float64(d)), Sentence: i, Score: v})
		}
		docs = append(docs, ds{float64(k), sum})
	}
	var W, S float64
	for _, d := range docs {
		W += d.w
		S += d.s
	}
	m := S / W
	var v float64
	for _, d := range docs {
		v += (d.s - m*d.w) * (d.s - m*d.w)
	}
	se := math.Sqrt(v) / W
	g := mustSummary(t, summary.Config{Bootstrap: 4000, Seed: 1}, recs).Groups[0]
	assert.Equal(t, summary.MethodBootstrap, g.CIMethod)
	assert.Equal(t, 400, g.NDocuments)
	// Monte Carlo error of a 2.5% endpoint with B = 4000 is about 3% of
	// the half-width, and skew adds a little: allow 10%.
	near(t, z975*se, m-g.CILow, 0.1*z975*se, "lower half-width")
	near(t, z975*se, g.CIHigh-m, 0.1*z975*se, "upper half-width")
	// Clustering matters here: the naive i.i.d. SE is clearly smaller.
	assert.Less(t, g.SE*1.2, se)
}

func TestBootstrapSeed(t *testing.T) {
	var recs []summary.Record
	for d := range 30 {
		recs = append(recs, scores(formatG(float64(d)), float64(d%7)/7, -float64(d%3)/3)...)
	}
	run := func(seed uint64, rs []summary.Record) summary.Row {
		return mustSummary(t, summary.Config{Bootstrap: 300, Seed: seed}, rs).Groups[0]
	}
	a, b := run(42, recs), run(42, recs)
	assert.Equal(t, a.CILow, b.CILow)
	assert.Equal(t, a.CIHigh, b.CIHigh)
	c := run(43, recs)
	assert.False(t, a.CILow == c.CILow && a.CIHigh == c.CIHigh, "seeds 42 and 43 gave identical intervals")

	// Record order does not matter, bit for bit.
	rev := make([]summary.Record, len(recs))
	for i, r := range recs {
		rev[len(recs)-1-i] = r
	}
	d := run(42, rev)
	assert.Equal(t, a.CILow, d.CILow)
	assert.Equal(t, a.CIHigh, d.CIHigh)
}

func TestDegenerateJSON(t *testing.T) {
	tests := []struct {
		name string
		cfg  summary.Config
		recs []summary.Record
	}{
		{"one record", summary.Config{By: []string{"target"}}, scores("d", 0.3)},
		{"one record bootstrap", summary.Config{Bootstrap: 50}, scores("d", 0.3)},
		{"all equal", summary.Config{}, scores("d", 0.2, 0.2, 0.2)},
		{"all equal bootstrap", summary.Config{Bootstrap: 50}, append(scores("a", 0.2), scores("b", 0.2)...)},
		{"empty tilt side", summary.Config{Tilt: [][2]string{{"CHN", "USA"}}}, scores("d", 0.1, 0.2)},
		{"empty tilt side bootstrap", summary.Config{Tilt: [][2]string{{"USA", "CHN"}}, Bootstrap: 20}, scores("d", 0.1, 0.2)},
		{"baseline missing", summary.Config{Baseline: "outlet", Focal: "RUS"}, scores("d", 1)},
		{"no records", summary.Config{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustSummary(t, tt.cfg, tt.recs)
			var buf bytes.Buffer
			require.NoError(t, s.WriteJSONL(&buf))
			for _, line := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
				if line == "" {
					continue
				}
				assert.True(t, json.Valid([]byte(line)), line)
				assert.NotContains(t, line, "NaN")
				assert.NotContains(t, line, "Inf")
			}
			var csvBuf, tab bytes.Buffer
			require.NoError(t, s.WriteCSV(&csvBuf))
			require.NoError(t, s.WriteTable(&tab))
			assert.NotContains(t, csvBuf.String()+tab.String(), "NaN")
		})
	}
	// One record: sd, se and the interval are undefined and null.
	s := mustSummary(t, summary.Config{}, scores("d", 0.3))
	b, err := json.Marshal(s.Groups[0])
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(b, &m))
	for _, k := range []string{"sd", "se", "ci_low", "ci_high"} {
		assert.Contains(t, m, k)
		assert.Nil(t, m[k], k)
	}
	assert.InDelta(t, 0.3, m["mean"], 1e-15)
	// All equal: sd is 0 and the interval collapses to the mean.
	g := mustSummary(t, summary.Config{}, scores("d", 0.2, 0.2, 0.2)).Groups[0]
	assert.Equal(t, 0.0, g.SD)
	near(t, 0.2, g.CILow, 1e-15, "ci_low")
}

// TestAddDoesNotStoreRecords shows that memory grows with groups and
// documents only: adding a record to an existing group and document
// allocates nothing.
func TestAddDoesNotStoreRecords(t *testing.T) {
	a, err := summary.NewAggregator(summary.Config{
		By: []string{"target", "month", "outlet"}, Tilt: [][2]string{{"CHN", "USA"}},
		Focal: "RUS", Baseline: "outlet", Weighted: true, Bootstrap: 10,
	})
	require.NoError(t, err)
	r := summary.Record{Doc: "d", Target: "CHN", Source: "RUS", Score: 0.25, Label: 1, Mentions: 2,
		Date: time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC), Meta: map[string]string{"outlet": "X"}}
	require.NoError(t, a.Add(r))
	allocs := testing.AllocsPerRun(1000, func() {
		if err := a.Add(r); err != nil {
			t.Fatal(err)
		}
	})
	assert.Zero(t, allocs)
}
