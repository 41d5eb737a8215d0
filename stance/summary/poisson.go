package summary

import "math"

// maxPoissonWeight is the largest bootstrap weight drawn. Weights are
// drawn from 32-bit uniforms, and P(K > 12) for K ~ Poisson(1) is about
// 1.2e-10, half the 2^-32 resolution, so weights stop at 12.
const maxPoissonWeight = 12

// poissonCut[k] is round(P(K <= k) · 2^32) for K ~ Poisson(1), so that a
// uniform 32-bit u yields weight k when poissonCut[k-1] <= u < poissonCut[k]
// (inversion; Hanley & MacGibbon 2006 use the same Poisson(1) weights).
var poissonCut = func() [maxPoissonWeight]uint64 {
	var cut [maxPoissonWeight]uint64
	p, cdf := math.Exp(-1), 0.0
	for k := range cut {
		cdf += p
		p /= float64(k + 1)
		cut[k] = min(uint64(math.Round(math.Ldexp(cdf, 32))), 1<<32)
	}
	return cut
}()

// poissonTab maps the top 12 bits of a 32-bit uniform to its weight when
// the whole range of values sharing those bits inverts to one weight, and
// to 0xff for the few ranges a cut point falls in.
var poissonTab = func() [1 << 12]uint8 {
	var tab [1 << 12]uint8
	for i := range tab {
		lo, hi := uint64(i)<<20, uint64(i+1)<<20-1
		if k, l := poissonSlow(lo), poissonSlow(hi); k == l {
			tab[i] = k
		} else {
			tab[i] = 0xff
		}
	}
	return tab
}()

// poisson1 maps a uniform 32-bit value to a Poisson(1) weight: by table
// for all but 0.3% of values, which unpredictable branches on the cut
// points would make several times slower.
func poisson1(u uint64) uint8 {
	if k := poissonTab[(u>>20)&(1<<12-1)]; k != 0xff {
		return k
	}
	return poissonSlow(u)
}

func poissonSlow(u uint64) uint8 {
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

// poissonWeights fills dst[b] with document key's weight in replicate b:
// replicates 2i and 2i+1 take the low and high halves of the generator's
// i-th output.
func poissonWeights(dst []uint8, key uint64) {
	for i := 0; i < len(dst); i += 2 {
		u := mix64(key + uint64(i/2+1)*golden)
		dst[i] = poisson1(u & math.MaxUint32)
		if i+1 < len(dst) {
			dst[i+1] = poisson1(u >> 32)
		}
	}
}
