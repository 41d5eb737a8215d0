package summary

import (
	"math"
	"math/big"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func (a i128) big() *big.Int {
	v := new(big.Int).Lsh(big.NewInt(a.hi), 64)
	return v.Add(v, new(big.Int).SetUint64(a.lo))
}

// TestI128 checks the fixed-point accumulator against math/big.
func TestI128(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var acc i128
	want := new(big.Int)
	for range 10000 {
		q := rng.Int64N(2*scoreScale+1) - scoreScale
		w := 1 + rng.Int64N(MaxMentions)
		acc = acc.add(mul128(q, w))
		want.Add(want, new(big.Int).Mul(big.NewInt(q), big.NewInt(w)))
		require.Zero(t, want.Cmp(acc.big()))
	}
	f, _ := new(big.Float).Quo(new(big.Float).SetInt(want), big.NewFloat(scoreScale)).Float64()
	// float() rounds twice (hi and lo parts); a relative 1e-15 covers it.
	assert.InEpsilon(t, f, acc.float(), 1e-15)
	assert.Equal(t, -0.5, i128{}.add(mul128(-scoreScale/2, 1)).float())
	assert.Equal(t, 0.0, mul128(-5, 3).add(mul128(15, 1)).float())
}

func TestDecodeKey(t *testing.T) {
	for _, vals := range [][]string{{}, {""}, {"a", "", "b\x00c"}, {string(make([]byte, 300))}} {
		assert.Equal(t, len(vals), len(decodeKey(encodeKey(vals))))
		if len(vals) > 0 {
			assert.Equal(t, vals, decodeKey(encodeKey(vals)))
		}
	}
	assert.Empty(t, decodeKey("\xff"), "malformed key decodes to nothing rather than panicking")
}

func TestPercentile(t *testing.T) {
	// Empirical quantile: the smallest value whose ECDF reaches p.
	// For 1..40 and level 0.95, p = 0.025 → 1st value, 0.975 → 39th.
	reps := make([]float64, 40)
	for i := range reps {
		reps[len(reps)-1-i] = float64(i + 1)
	}
	lo, hi := percentile(reps, 0.95)
	assert.Equal(t, 1.0, lo)
	assert.Equal(t, 39.0, hi)
	lo, hi = percentile(nil, 0.95)
	assert.True(t, math.IsNaN(lo) && math.IsNaN(hi))
}

// TestPoissonWeights checks the weight generator against Poisson(1):
// mean 1, variance 1, P(0) = P(1) = e^-1, over 400,000 draws (standard
// errors near 0.002), and that weights depend on the seed and id only.
func TestPoissonWeights(t *testing.T) {
	const n = 400_000
	var sum, sum2 float64
	var zeros, ones int
	w := make([]uint8, 1000)
	for d := range n / len(w) {
		poissonWeights(w, docKey(1, "doc-"+string(rune('a'+d%26))+string(rune('a'+d/26))))
		for _, k := range w {
			x := float64(k)
			sum += x
			sum2 += x * x
			switch k {
			case 0:
				zeros++
			case 1:
				ones++
			}
		}
	}
	mean := sum / n
	assert.InDelta(t, 1, mean, 0.01)
	assert.InDelta(t, 1, sum2/n-mean*mean, 0.02)
	assert.InDelta(t, math.Exp(-1), float64(zeros)/n, 0.005)
	assert.InDelta(t, math.Exp(-1), float64(ones)/n, 0.005)
	assert.Equal(t, uint8(0), poisson1(0))
	assert.Equal(t, uint8(maxPoissonWeight), poisson1(math.MaxUint32))
	assert.Equal(t, docKey(1, "x"), docKey(1, "x"))
	assert.NotEqual(t, docKey(1, "x"), docKey(2, "x"))
	assert.NotEqual(t, docKey(1, "x"), docKey(1, "y"))
}

// TestMemoryDoesNotGrowWithDocuments streams many documents through a
// few groups and checks that no group keeps more than its first and its
// current document.
func TestMemoryDoesNotGrowWithDocuments(t *testing.T) {
	a, err := NewAggregator(Config{By: []string{"target"}, Tilt: [][2]string{{"CHN", "USA"}}, Bootstrap: 20})
	require.NoError(t, err)
	targets := []string{"CHN", "USA", "RUS"}
	for d := range 20_000 {
		for i := range 3 {
			require.NoError(t, a.Add(Record{Doc: "d" + strconv.Itoa(d), Target: targets[(d+i)%3], Score: 0.5}))
		}
	}
	for _, tb := range []*table{a.main, a.tilt} {
		for _, g := range tb.groups {
			assert.LessOrEqual(t, len(g.docs.open), 2)
		}
	}
	for _, p := range a.pairs {
		assert.LessOrEqual(t, len(p.docs.open), 2)
	}
	s, err := a.Summary()
	require.NoError(t, err)
	assert.Equal(t, 20_000, s.Groups[0].NDocuments)
	assert.Equal(t, 20_000, s.Tilts[0].NDocuments)
}

// TestReplicateForms checks that a group listing its documents and one
// keeping replicate sums give the same sums, bit for bit.
func TestReplicateForms(t *testing.T) {
	var c weightCache
	listed := replicates{b: 50}
	summed := replicates{b: 50}
	summed.promote(&c)
	rng := rand.New(rand.NewPCG(8, 9))
	for i := range 30 {
		key, w := docKey(4, strconv.Itoa(i)), 1+rng.Int64N(5)
		q := rng.Int64N(2*w*repScale+1) - w*repScale
		listed.few = append(listed.few, repDoc{key, w, q}) // never promoted
		summed.add(key, w, q, &c)
	}
	lw, ls := listed.sums(&c)
	sw, ss := summed.sums(&c)
	assert.Equal(t, sw, lw)
	assert.Equal(t, ss, ls)
	auto := replicates{b: 50}
	for _, d := range listed.few {
		auto.add(d.key, d.w, d.q, &c)
	}
	assert.Nil(t, auto.few, "30 documents > 50/2 switch to sums")
	assert.Equal(t, sw, auto.w)
}
