package summary

import "math"

// maxPoissonWeight is the largest bootstrap weight drawn. P(K > 20) for
// K ~ Poisson(1) is about 2e-20, far below the 2^-64 resolution of the
// uniform the weight is drawn from, so capping there changes nothing.
const maxPoissonWeight = 20

// poissonCut[k] is floor(P(K <= k) · 2^64) for K ~ Poisson(1), so that a
// uniform 64-bit u yields weight k when poissonCut[k-1] <= u < poissonCut[k]
// (inversion; Hanley & MacGibbon 2006 use the same Poisson(1) weights).
var poissonCut = func() [maxPoissonWeight]uint64 {
	var cut [maxPoissonWeight]uint64
	p, cdf := math.Exp(-1), 0.0
	for k := range cut {
		cdf += p
		p /= float64(k + 1)
		if v := math.Ldexp(cdf, 64); v < 0x1p64 {
			cut[k] = uint64(v)
		} else {
			cut[k] = math.MaxUint64
		}
	}
	return cut
}()

// poisson1 maps a uniform 64-bit value to a Poisson(1) weight.
func poisson1(u uint64) uint8 {
	k := 0
	for k < maxPoissonWeight && u >= poissonCut[k] {
		k++
	}
	return uint8(k)
}

// mix64 is the splitmix64 finaliser (Steele, Lea & Flood 2014): a
// bijection of 64-bit values whose output bits each depend on all input
// bits, used as a counter-based generator.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}

// golden is 2^64 divided by the golden ratio, splitmix64's increment.
const golden = 0x9e3779b97f4a7c15

// docKey is the generator key of document id under seed: a pure function
// of both, so every shard and every record order draws the same weights.
func docKey(seed uint64, id string) uint64 {
	h := uint64(14695981039346656037) // FNV-1a 64 offset basis
	for i := 0; i < len(id); i++ {
		h = (h ^ uint64(id[i])) * 1099511628211
	}
	return mix64(mix64(seed+golden) ^ h)
}

// poissonWeights fills dst[b] with document key's weight in replicate b.
func poissonWeights(dst []uint8, key uint64) {
	for b := range dst {
		dst[b] = poisson1(mix64(key + uint64(b+1)*golden))
	}
}
