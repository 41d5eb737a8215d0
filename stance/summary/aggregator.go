package summary

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"math/bits"
	"slices"
	"strconv"
	"time"
)

// Record is one scored observation: the attitude of one sentence toward
// one target (or toward nothing in particular when Target is empty).
type Record struct {
	Doc      string            // document id; documents are the bootstrap clusters
	Sentence int               // sentence index in the document
	Target   string            // target state, e.g. "CHN"; "" for a whole-sentence record
	Source   string            // speaking state, "" if unknown
	Others   []string          // other targets in the same sentence
	Date     time.Time         // zero if the input had no date
	Meta     map[string]string // metadata fields (outlet, author, country ...)
	Score    float64           // in [-1, 1]
	Label    int               // -1 negative, 0 neutral, +1 positive
	Mentions int               // mentions of the target in the sentence; weight when Config.Weighted
}

// scoreScale is the fixed-point unit of document score sums: scores are
// rounded to multiples of 2^-52 (error below 1.2e-16, under float64's own
// resolution near 1) so that document sums, and the tilt moments built
// from them, are integers that add up bit-identically in any order, which
// makes cluster-robust intervals independent of how shards were split
// and merged.
const scoreScale = 1 << 52

// i128 is a two's-complement 128-bit integer; a sum of weighted scaled
// scores needs up to 52+14+64 bits.
type i128 struct {
	hi int64
	lo uint64
}

func (a i128) add(b i128) i128 {
	lo, carry := bits.Add64(a.lo, b.lo, 0)
	return i128{hi: a.hi + b.hi + int64(carry), lo: lo}
}

func (a i128) neg() i128 {
	lo, borrow := bits.Sub64(0, a.lo, 0)
	return i128{hi: -a.hi - int64(borrow), lo: lo}
}

// mul128 returns q*w exactly for w >= 0.
func mul128(q, w int64) i128 {
	neg := q < 0
	if neg {
		q = -q
	}
	hi, lo := bits.Mul64(uint64(q), uint64(w))
	r := i128{hi: int64(hi), lo: lo}
	if neg {
		r = r.neg()
	}
	return r
}

// float converts to float64 in score units. The conversion is
// deterministic, which is what reproducibility needs; it is accurate to a
// few ulps.
func (a i128) float() float64 {
	neg := a.hi < 0
	if neg {
		a = a.neg()
	}
	f := float64(uint64(a.hi))*0x1p64 + float64(a.lo)
	if neg {
		f = -f
	}
	return f / scoreScale
}

// group accumulates the records of one key combination.
type group struct {
	vals   []string
	n      int64   // records
	w, w2  int64   // sum of weights and of squared weights
	mean   float64 // weighted running mean (Welford)
	m2     float64 // sum of w*(x-mean)^2
	labels [3]int64

	docs clusters
	reps replicates
}

// add folds one observation into g by the weighted Welford update
// (West 1979): mean += w/W*(x-mean); m2 += w*(x-mean_old)*(x-mean_new).
func (g *group) add(x float64, w int64, label int) {
	g.n++
	g.w += w
	g.w2 += w * w
	d := x - g.mean
	g.mean += d * float64(w) / float64(g.w)
	g.m2 += float64(w) * d * (x - g.mean)
	g.labels[label+1]++
}

// merge folds h into g by Chan, Golub & LeVeque's pairwise formula:
// mean = ma + d*Wb/W, M2 = M2a + M2b + d^2*Wa*Wb/W with d = mb - ma.
func (g *group) merge(h *group, c *weightCache) {
	if h.n == 0 {
		return
	}
	if g.n == 0 {
		g.mean, g.m2 = h.mean, h.m2
	} else {
		wa, wb := float64(g.w), float64(h.w)
		w := wa + wb
		d := h.mean - g.mean
		g.mean += d * wb / w
		g.m2 += h.m2 + d*d*wa*wb/w
	}
	g.n += h.n
	g.w += h.w
	g.w2 += h.w2
	for i := range g.labels {
		g.labels[i] += h.labels[i]
	}
	g.docs.merge(&h.docs)
	g.reps.merge(&h.reps, c)
}

// pairGroup follows the documents of one tilt pair in one group of the
// non-target keys, for the cluster-robust interval and document counts.
type pairGroup struct {
	pair int      // index in Config.Tilt
	vals []string // non-target key values
	docs clusters
}

// table maps encoded keys to groups.
type table struct {
	groups map[string]*group
	// withDocs tables follow documents; reps is the number of bootstrap
	// replicates their groups keep.
	withDocs bool
	reps     int
}

func newTable(withDocs bool, reps int) *table {
	return &table{groups: map[string]*group{}, withDocs: withDocs, reps: reps}
}

func (t *table) newGroup(vals []string) *group {
	g := &group{vals: vals, docs: newClusters(false)}
	if t.withDocs {
		g.reps.b = t.reps
	}
	return g
}

func (t *table) get(key []byte) *group {
	if g, ok := t.groups[string(key)]; ok {
		return g
	}
	k := string(key)
	g := t.newGroup(decodeKey(k))
	t.groups[k] = g
	return g
}

// Aggregator accumulates records into mergeable partial aggregates.
// Its memory grows with the number of groups (times the bootstrap
// replicates), never with records or documents: a document's sums are
// kept only while its records arrive (see the package documentation on
// document contiguity). An Aggregator is not safe for concurrent use;
// give each goroutine its own and [Aggregator.Merge] them.
type Aggregator struct {
	cfg       Config
	kinds     []keyKind
	nonTarget []int // positions in By of every key but "target"
	baseIdx   int   // position in By of the baseline key, -1 if none
	tiltSet   map[string]bool

	main, tilt, focal, base *table
	pairs                   map[string]*pairGroup

	// The current document: its id, and the groups and pairs its
	// records reached, whose pieces end when another document begins.
	cur     string
	inDoc   bool
	touched []*group
	tpairs  []*pairGroup
	weights weightCache // Poisson weights of the document being ended

	records, undated int64

	comp  []byte // encoded key components of the current record
	ends  []int  // end offset of each component in comp
	kbuf  []byte
	kbuf2 []byte
}

// NewAggregator validates cfg and returns an empty Aggregator.
func NewAggregator(cfg Config) (*Aggregator, error) {
	c, err := cfg.normalize()
	if err != nil {
		return nil, err
	}
	a := &Aggregator{
		cfg:     c,
		baseIdx: -1,
		main:    newTable(true, c.Bootstrap),
		tilt:    newTable(true, c.Bootstrap),
		focal:   newTable(true, c.Bootstrap),
		base:    newTable(false, 0),
		pairs:   map[string]*pairGroup{},
		tiltSet: map[string]bool{},
	}
	for i, k := range c.By {
		kind := kindOf(k)
		a.kinds = append(a.kinds, kind)
		if kind != keyTarget {
			a.nonTarget = append(a.nonTarget, i)
		}
		if k == c.Baseline {
			a.baseIdx = i
		}
	}
	for _, p := range c.Tilt {
		a.tiltSet[p[0]], a.tiltSet[p[1]] = true, true
	}
	return a, nil
}

// Config returns the normalised configuration (defaults filled in, the
// baseline key appended to By when missing).
func (a *Aggregator) Config() Config {
	c := a.cfg
	c.By = slices.Clone(c.By)
	c.Tilt = slices.Clone(c.Tilt)
	return c
}

// Add folds r into the aggregate. It returns an error, and changes
// nothing, when r's score is not a finite number in [-1, 1], its label is
// not -1, 0 or +1, or its mentions are outside [0, MaxMentions]. A
// Mentions of 0 counts as 1. A record with a zero Date is counted as
// undated and, when a period key is grouped on, falls in period "undated".
//
// Records of one document should arrive one after another, as score
// writes them: a record whose Doc differs from the previous record's ends
// that document (see the package documentation).
func (a *Aggregator) Add(r Record) error {
	if !(r.Score >= -1 && r.Score <= 1) {
		return fmt.Errorf("summary: doc %q sentence %d: score %v outside [-1, 1]", r.Doc, r.Sentence, r.Score)
	}
	if r.Label < -1 || r.Label > 1 {
		return fmt.Errorf("summary: doc %q sentence %d: label %d not in {-1, 0, 1}", r.Doc, r.Sentence, r.Label)
	}
	if r.Mentions < 0 || r.Mentions > MaxMentions {
		return fmt.Errorf("summary: doc %q sentence %d: mentions %d outside [0, %d]", r.Doc, r.Sentence, r.Mentions, MaxMentions)
	}
	w := int64(1)
	if a.cfg.Weighted && r.Mentions > 1 {
		w = int64(r.Mentions)
	}
	a.comp, a.ends = a.comp[:0], a.ends[:0]
	for i, k := range a.kinds {
		a.comp = a.appendComponent(a.comp, k, a.cfg.By[i], &r)
		a.ends = append(a.ends, len(a.comp))
	}
	if g := a.main.groups[string(a.comp)]; g != nil && a.cfg.Bootstrap > 0 && g.w+w > maxRepWeight {
		return fmt.Errorf("summary: doc %q sentence %d: group %q exceeds the %d weighted records a bootstrap group can hold", r.Doc, r.Sentence, g.vals, int64(maxRepWeight))
	}

	if !a.inDoc || r.Doc != a.cur {
		a.endDocument(false)
		a.cur, a.inDoc = r.Doc, true
	}
	a.records++
	if r.Date.IsZero() {
		a.undated++
	}
	one := side{n: 1, w: w, s: mul128(int64(math.Round(r.Score*scoreScale)), w), q: int64(math.Round(r.Score*repScale)) * w}
	a.addTo(a.main.get(a.comp), r.Score, w, r.Label, one)

	if len(a.tiltSet) > 0 && a.tiltSet[r.Target] {
		a.addTo(a.tilt.get(a.targetKey(r.Target)), r.Score, w, r.Label, one)
		prefix := a.kbuf[:len(a.kbuf)-encodedLen(r.Target)]
		for i, p := range a.cfg.Tilt {
			if p[0] == r.Target || p[1] == r.Target {
				a.addPair(i, prefix, p[1] == r.Target, one)
			}
		}
	}
	if f := a.cfg.Focal; f != "" && r.Target != "" && r.Target != f &&
		(r.Source == f || slices.Contains(r.Others, f)) {
		a.addTo(a.focal.get(a.targetKey(r.Target)), r.Score, w, r.Label, one)
	}
	if a.baseIdx >= 0 {
		a.base.get(a.component(a.baseIdx)).add(r.Score, w, r.Label)
	}
	return nil
}

func (a *Aggregator) addTo(g *group, x float64, w int64, label int, one side) {
	g.add(x, w, label)
	p, isNew := g.docs.enter(a.cur)
	if isNew {
		a.touched = append(a.touched, g)
	}
	p.side[0].add(one)
}

func (a *Aggregator) addPair(i int, prefix []byte, second bool, one side) {
	a.kbuf2 = strconv.AppendInt(a.kbuf2[:0], int64(i), 10)
	a.kbuf2 = append(append(a.kbuf2, ':'), prefix...)
	pg, ok := a.pairs[string(a.kbuf2)]
	if !ok {
		vals := decodeKey(string(prefix))
		if vals == nil {
			vals = []string{}
		}
		pg = &pairGroup{pair: i, vals: vals, docs: newClusters(true)}
		a.pairs[string(a.kbuf2)] = pg
	}
	p, isNew := pg.docs.enter(a.cur)
	if isNew {
		a.tpairs = append(a.tpairs, pg)
	}
	if second {
		p.side[1].add(one)
	} else {
		p.side[0].add(one)
	}
}

// endDocument ends the current document's pieces: replicate sums get its
// Poisson weights, and its pieces are folded in or kept open (always
// kept when keep is set: the stream pauses, and may resume inside the
// document).
func (a *Aggregator) endDocument(keep bool) {
	if len(a.touched) == 0 && len(a.tpairs) == 0 {
		return
	}
	var key uint64
	if a.cfg.Bootstrap > 0 && len(a.touched) > 0 {
		key = docKey(a.cfg.Seed, a.cur)
	}
	for _, g := range a.touched {
		if a.cfg.Bootstrap > 0 {
			sd := &g.docs.open[g.docs.live].side[0]
			g.reps.add(key, sd.w, sd.q, &a.weights)
		}
		g.docs.settle(keep)
	}
	for _, p := range a.tpairs {
		p.docs.settle(keep)
	}
	clear(a.touched)
	clear(a.tpairs)
	a.touched, a.tpairs = a.touched[:0], a.tpairs[:0]
}

// pause ends the current document's pieces but keeps them open, so that
// the state can be read (Summary, MarshalPartial, Merge) without changing
// what later records of the same document would do.
func (a *Aggregator) pause() { a.endDocument(true) }

func (a *Aggregator) component(i int) []byte {
	start := 0
	if i > 0 {
		start = a.ends[i-1]
	}
	return a.comp[start:a.ends[i]]
}

// targetKey encodes the non-target keys of the current record followed by target.
func (a *Aggregator) targetKey(target string) []byte {
	a.kbuf = a.kbuf[:0]
	for _, i := range a.nonTarget {
		a.kbuf = append(a.kbuf, a.component(i)...)
	}
	a.kbuf = binary.AppendUvarint(a.kbuf, uint64(len(target)))
	a.kbuf = append(a.kbuf, target...)
	return a.kbuf
}

// appendComponent appends one key value as uvarint length + bytes; the
// length prefix keeps keys unambiguous whatever bytes values contain.
func (a *Aggregator) appendComponent(dst []byte, k keyKind, name string, r *Record) []byte {
	switch k {
	case keyTarget:
		return appendString(dst, r.Target)
	case keySource:
		return appendString(dst, r.Source)
	case keyMeta:
		return appendString(dst, r.Meta[name])
	}
	var tmp [24]byte
	return appendString(dst, string(appendPeriod(tmp[:0], k, r.Date)))
}

// encodedLen is len(appendString(nil, s)).
func encodedLen(s string) int {
	var tmp [binary.MaxVarintLen64]byte
	return binary.PutUvarint(tmp[:], uint64(len(s))) + len(s)
}

func appendString(dst []byte, s string) []byte {
	dst = binary.AppendUvarint(dst, uint64(len(s)))
	return append(dst, s...)
}

// appendPeriod formats t at granularity k in t's own location, so a
// timestamp keeps the calendar date its source gave it.
func appendPeriod(dst []byte, k keyKind, t time.Time) []byte {
	if t.IsZero() {
		return append(dst, Undated...)
	}
	y, m, d := t.Date()
	switch k {
	case keyDay:
		dst = appendYear(dst, y)
		dst = append2(append(dst, '-'), int(m))
		return append2(append(dst, '-'), d)
	case keyWeek:
		wy, w := t.ISOWeek()
		dst = appendYear(dst, wy)
		return append2(append(dst, "-W"...), w)
	case keyMonth:
		return append2(append(appendYear(dst, y), '-'), int(m))
	case keyQuarter:
		return strconv.AppendInt(append(appendYear(dst, y), "-Q"...), int64((int(m)-1)/3+1), 10)
	case keyHalf:
		return strconv.AppendInt(append(appendYear(dst, y), "-H"...), int64((int(m)-1)/6+1), 10)
	default:
		return appendYear(dst, y)
	}
}

func appendYear(dst []byte, y int) []byte {
	if y < 0 {
		dst = append(dst, '-')
		y = -y
	}
	for p := 1000; p > 1 && y < p; p /= 10 {
		dst = append(dst, '0')
	}
	return strconv.AppendInt(dst, int64(y), 10)
}

func append2(dst []byte, v int) []byte {
	return append(dst, byte('0'+v/10), byte('0'+v%10))
}

// decodeKey splits an encoded key into its values. Keys are built by
// this package, so a malformed key is a programming error; it still
// returns what it could decode rather than panic.
func decodeKey(k string) []string {
	var vals []string
	for len(k) > 0 {
		n, w := binary.Uvarint([]byte(k[:min(len(k), binary.MaxVarintLen64)]))
		if w <= 0 || uint64(len(k)-w) < n {
			break
		}
		vals = append(vals, k[w:w+int(n)])
		k = k[w+int(n):]
	}
	return vals
}

func encodeKey(vals []string) string {
	var b []byte
	for _, v := range vals {
		b = appendString(b, v)
	}
	return string(b)
}

// Merge folds b into a. Both must have been built with equal configs. b
// is left unchanged in content. Merging is exact for counts, document
// sums and replicate sums, and agrees to rounding (well within 1e-9) for
// means and variances, whatever the order or grouping of merges.
func (a *Aggregator) Merge(b *Aggregator) error {
	if b == nil {
		return errors.New("summary: merge with nil aggregator")
	}
	if a == b {
		return errors.New("summary: cannot merge an aggregator into itself")
	}
	if !a.cfg.equal(b.cfg) {
		return errors.New("summary: cannot merge aggregators with different configs")
	}
	b.pause()
	if a.cfg.Bootstrap > 0 {
		for k, hg := range b.main.groups {
			if g := a.main.groups[k]; g != nil && g.w+hg.w > maxRepWeight {
				return fmt.Errorf("summary: group %q exceeds the %d weighted records a bootstrap group can hold", g.vals, int64(maxRepWeight))
			}
		}
	}
	for _, p := range [...][2]*table{{a.main, b.main}, {a.tilt, b.tilt}, {a.focal, b.focal}, {a.base, b.base}} {
		for k, hg := range p[1].groups {
			g, ok := p[0].groups[k]
			if !ok {
				g = p[0].newGroup(slices.Clone(hg.vals))
				p[0].groups[k] = g
			}
			g.merge(hg, &a.weights)
		}
	}
	for k, hp := range b.pairs {
		pg, ok := a.pairs[k]
		if !ok {
			pg = &pairGroup{pair: hp.pair, vals: slices.Clone(hp.vals), docs: newClusters(true)}
			a.pairs[k] = pg
		}
		pg.docs.merge(&hp.docs)
	}
	a.records += b.records
	a.undated += b.undated
	return nil
}
