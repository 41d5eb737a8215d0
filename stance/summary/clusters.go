package summary

import (
	"math"
	"math/big"
	"slices"
	"strings"
)

// repScale is the fixed-point unit of bootstrap replicate sums: scores
// are rounded to multiples of 2^-24 (6e-8, far below the four decimals
// of score records), which leaves room in an int64 for a replicate sum of
// up to maxRepWeight weighted records drawn maxPoissonWeight times each.
const repScale = 1 << 24

// maxRepWeight bounds the weight sum of a group when replicates are kept:
// maxPoissonWeight · maxRepWeight · repScale < 2^63.
const maxRepWeight = 1 << 34

// side holds one document's records in one group (or toward one side of
// a tilt pair).
type side struct {
	n, w int64 // records and their weight sum
	s    i128  // Σ w·x in units of 2^-52 (exact)
	q    int64 // Σ w·x in units of 2^-24, for replicate sums
}

func (s *side) add(o side) {
	s.n += o.n
	s.w += o.w
	s.s = s.s.add(o.s)
	s.q += o.q
}

// piece is the part of one document seen by one group: all of it, unless
// the document's records were not contiguous or spanned partials.
type piece struct {
	id   string
	keep bool // stays open when it ends, to join other pieces of its document
	side [2]side
}

// clusters counts the documents of a group and, for tilt pairs, keeps the
// sums of products of per-document sums that the cluster-robust variance
// needs. A document's sums are only needed while its records arrive:
// when it ends, it is folded into counts (and moments) and forgotten.
// Pieces that may still meet other pieces of their document stay open:
// a group's first document of a stream (a shard may have begun inside it),
// the document being read when a partial is written (a shard may end inside
// it), and the pieces of merged partials. Pieces of one id are added up
// whenever they meet, and all open pieces are folded in only by Summary,
// which makes counts and moments independent of the order of merges.
type clusters struct {
	closed  [4]int64 // documents folded in: any, with side 0, with side 1, with both
	open    []piece
	live    int  // index in open of the current document's piece; -1 if none
	started bool // a record of this stream reached the group
	mom     *moments
}

func newClusters(withMoments bool) clusters {
	c := clusters{live: -1}
	if withMoments {
		c.mom = new(moments)
	}
	return c
}

// enter returns the piece of the current document id, starting one if
// the document has not reached this group yet; isNew reports that.
func (c *clusters) enter(id string) (p *piece, isNew bool) {
	if c.live >= 0 {
		return &c.open[c.live], false
	}
	c.open = append(c.open, piece{id: id, keep: !c.started})
	c.started = true
	c.live = len(c.open) - 1
	return &c.open[c.live], true
}

// settle ends the live piece: it joins an open piece of the same document
// if there is one, stays open if it must, or is folded in. keep forces it
// to stay open (the stream is paused for a partial or a summary).
func (c *clusters) settle(keep bool) {
	i := c.live
	c.live = -1
	p := c.open[i]
	for j := range c.open {
		if j != i && c.open[j].id == p.id {
			c.open[j].side[0].add(p.side[0])
			c.open[j].side[1].add(p.side[1])
			c.remove(i)
			return
		}
	}
	if keep || p.keep {
		c.open[i].keep = true
		return
	}
	c.fold(&p)
	c.remove(i)
}

func (c *clusters) remove(i int) {
	last := len(c.open) - 1
	c.open[i] = c.open[last]
	c.open[last] = piece{}
	c.open = c.open[:last]
}

// fold counts a finished document and adds it to the moments.
func (c *clusters) fold(p *piece) {
	countPiece(&c.closed, p)
	if c.mom != nil {
		c.mom.add(p)
	}
}

func countPiece(n *[4]int64, p *piece) {
	a, b := p.side[0].n > 0, p.side[1].n > 0
	n[0]++
	if a {
		n[1]++
	}
	if b {
		n[2]++
	}
	if a && b {
		n[3]++
	}
}

// merge adds d's documents to c. d must have no live piece. Pieces of
// one document are added up; the result stays open.
func (c *clusters) merge(d *clusters) {
	for i := range c.closed {
		c.closed[i] += d.closed[i]
	}
	if c.mom != nil && d.mom != nil {
		c.mom.merge(d.mom)
	}
outer:
	for _, p := range d.open {
		for j := range c.open {
			if j != c.live && c.open[j].id == p.id {
				c.open[j].side[0].add(p.side[0])
				c.open[j].side[1].add(p.side[1])
				continue outer
			}
		}
		p.keep = true
		c.open = append(c.open, p)
	}
}

// counts returns the document counts with open pieces folded in.
func (c *clusters) counts() [4]int64 {
	n := c.closed
	for i := range c.open {
		countPiece(&n, &c.open[i])
	}
	return n
}

// sortedOpen returns the open pieces sorted by document id.
func (c *clusters) sortedOpen() []piece {
	ps := slices.Clone(c.open)
	slices.SortFunc(ps, func(x, y piece) int { return strings.Compare(x.id, y.id) })
	return ps
}

// moments are exact sums over documents of x_d = (S_Ad, W_Ad, S_Bd, W_Bd)
// (score sums in units of 2^-52) and of the products x_di·x_dj, i <= j:
// enough to compute Σ_d u_d² of the cluster-robust variance at the end
// without keeping documents. Integers keep them exact and independent
// of the order in which documents and partials were added.
type moments struct {
	lin [4]big.Int
	sq  [10]big.Int // x0x0 x0x1 x0x2 x0x3 x1x1 x1x2 x1x3 x2x2 x2x3 x3x3
}

// pieceVector sets x to a piece's (S_A, W_A, S_B, W_B).
func pieceVector(x *[4]big.Int, p *piece) {
	p.side[0].s.setBig(&x[0])
	x[1].SetInt64(p.side[0].w)
	p.side[1].s.setBig(&x[2])
	x[3].SetInt64(p.side[1].w)
}

func (m *moments) add(p *piece) {
	var x [4]big.Int
	var t big.Int
	pieceVector(&x, p)
	k := 0
	for i := range x {
		m.lin[i].Add(&m.lin[i], &x[i])
		for j := i; j < len(x); j++ {
			m.sq[k].Add(&m.sq[k], t.Mul(&x[i], &x[j]))
			k++
		}
	}
}

func (m *moments) merge(o *moments) {
	for i := range m.lin {
		m.lin[i].Add(&m.lin[i], &o.lin[i])
	}
	for i := range m.sq {
		m.sq[i].Add(&m.sq[i], &o.sq[i])
	}
}

func (m *moments) clone() *moments {
	c := new(moments)
	c.merge(m)
	return c
}

// setBig sets z to a's value and returns z.
func (a i128) setBig(z *big.Int) *big.Int {
	var lo big.Int
	z.SetInt64(a.hi)
	z.Lsh(z, 64)
	return z.Add(z, lo.SetUint64(a.lo))
}

// sumU2 returns Σ_d u_d² for the linearised tilt (see clusterT), exactly
// up to one final rounding, or NaN if a side has no weight. Multiplying
// u_d by W_A²·W_B² makes it an integer combination a·x_d with
//
//	a = (W_A W_B², -S_A W_B², -W_B W_A², S_B W_A²),
//
// so Σ u_d² = aᵀ(Σ x_d x_dᵀ)a / (2^104 · W_A⁴ · W_B⁴), the 2^104 undoing
// the fixed-point unit of the two score factors.
func (m *moments) sumU2() float64 {
	sa, wa, sb, wb := &m.lin[0], &m.lin[1], &m.lin[2], &m.lin[3]
	if wa.Sign() <= 0 || wb.Sign() <= 0 {
		return math.NaN()
	}
	var wa2, wb2 big.Int
	wa2.Mul(wa, wa)
	wb2.Mul(wb, wb)
	var a [4]big.Int
	a[0].Mul(wa, &wb2)
	a[1].Mul(sa, &wb2)
	a[1].Neg(&a[1])
	a[2].Mul(wb, &wa2)
	a[2].Neg(&a[2])
	a[3].Mul(sb, &wa2)
	var num, t big.Int
	k := 0
	for i := range a {
		for j := i; j < len(a); j++ {
			t.Mul(&a[i], &a[j])
			t.Mul(&t, &m.sq[k])
			if i != j {
				t.Lsh(&t, 1)
			}
			num.Add(&num, &t)
			k++
		}
	}
	if num.Sign() < 0 {
		return math.NaN() // only from corrupt moments: a sum of squares is not negative
	}
	var den big.Int
	den.Mul(&wa2, &wb2)
	den.Mul(&den, &den)
	den.Lsh(&den, 104)
	f, _ := new(big.Rat).SetFrac(&num, &den).Float64()
	return f
}
