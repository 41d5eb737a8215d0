package summary

import (
	"math"
	"math/big"
	"math/rand/v2"
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
