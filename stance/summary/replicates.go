package summary

import (
	"cmp"
	"slices"
)

// repDoc is one document's contribution to a group's replicates before
// the group keeps replicate sums: its generator key, weight and score sum
// (units of 2^-24).
type repDoc struct {
	key  uint64
	w, q int64
}

// replicates holds a group's bootstrap replicate sums Σ_d w_b(d)·W_d and
// Σ_d w_b(d)·S_d. A group reached by few documents keeps the documents'
// (key, W, S) instead, 24 bytes each, and computes the sums when needed:
// most groups of a fine grouping (target by day, say) see far fewer
// documents than B, and 16·B bytes of sums each would dominate memory.
// Past B/2 documents, where the list would outgrow the sums, the group
// switches to sums. Both forms add exact integers, so the result is the
// same whichever form a group is in.
type replicates struct {
	b    int // replicates; 0 without a bootstrap
	few  []repDoc
	w, s []int64 // nil until the group switches to sums
}

// promoteAt is the number of listed documents past which a group keeps
// replicate sums instead.
func (r *replicates) promoteAt() int { return max(r.b/2, 1) }

// weightCache holds the Poisson weights of the last document key asked for.
type weightCache struct {
	key uint64
	ok  bool
	wts []uint8
}

func (c *weightCache) weights(key uint64, b int) []uint8 {
	if !c.ok || c.key != key || len(c.wts) != b {
		if cap(c.wts) < b {
			c.wts = make([]uint8, b)
		}
		c.wts = c.wts[:b]
		poissonWeights(c.wts, key)
		c.key, c.ok = key, true
	}
	return c.wts
}

// add adds a document piece with generator key, weight w and score sum q.
func (r *replicates) add(key uint64, w, q int64, c *weightCache) {
	if r.b == 0 {
		return
	}
	if r.w != nil {
		addWeighted(r.w, r.s, c.weights(key, r.b), w, q)
		return
	}
	if len(r.few) == cap(r.few) {
		// Grow by a quarter rather than append's doubling: in a fine
		// grouping these lists are most of the memory.
		grown := make([]repDoc, len(r.few), len(r.few)+max(4, len(r.few)/4))
		copy(grown, r.few)
		r.few = grown
	}
	r.few = append(r.few, repDoc{key, w, q})
	if len(r.few) > r.promoteAt() {
		r.promote(c)
	}
}

// promote switches to replicate sums.
func (r *replicates) promote(c *weightCache) {
	if r.w != nil || r.b == 0 {
		return
	}
	r.w, r.s = make([]int64, r.b), make([]int64, r.b)
	for _, d := range r.few {
		addWeighted(r.w, r.s, c.weights(d.key, r.b), d.w, d.q)
	}
	r.few = nil
}

func (r *replicates) merge(o *replicates, c *weightCache) {
	if o.w != nil {
		r.promote(c)
		for b := range r.w {
			r.w[b] += o.w[b]
			r.s[b] += o.s[b]
		}
	}
	for _, d := range o.few {
		r.add(d.key, d.w, d.q, c)
	}
}

// sums returns the replicate sums, computing them from the document list
// if the group keeps one.
func (r *replicates) sums(c *weightCache) (w, s []int64) {
	if r.w != nil || r.b == 0 {
		return r.w, r.s
	}
	w, s = make([]int64, r.b), make([]int64, r.b)
	for _, d := range r.few {
		addWeighted(w, s, c.weights(d.key, r.b), d.w, d.q)
	}
	return w, s
}

// sortedFew returns the document list in a canonical order.
func (r *replicates) sortedFew() []repDoc {
	few := slices.Clone(r.few)
	slices.SortFunc(few, func(x, y repDoc) int {
		if c := cmp.Compare(x.key, y.key); c != 0 {
			return c
		}
		if c := cmp.Compare(x.w, y.w); c != 0 {
			return c
		}
		return cmp.Compare(x.q, y.q)
	})
	return few
}

// addWeighted adds wts[b]·w to rw[b] and wts[b]·q to rs[b].
func addWeighted(rw, rs []int64, wts []uint8, w, q int64) {
	n := len(wts)
	rw, rs = rw[:n], rs[:n]
	// Unrolled by four: this loop is most of the cost of a bootstrap.
	b := 0
	for ; b+4 <= n; b += 4 {
		k0, k1, k2, k3 := int64(wts[b]), int64(wts[b+1]), int64(wts[b+2]), int64(wts[b+3])
		rw[b] += k0 * w
		rw[b+1] += k1 * w
		rw[b+2] += k2 * w
		rw[b+3] += k3 * w
		rs[b] += k0 * q
		rs[b+1] += k1 * q
		rs[b+2] += k2 * q
		rs[b+3] += k3 * q
	}
	for ; b < n; b++ {
		rw[b] += int64(wts[b]) * w
		rs[b] += int64(wts[b]) * q
	}
}
