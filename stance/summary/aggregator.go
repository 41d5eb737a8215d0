package summary

import (
	"cmp"
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

// scoreScale is the fixed-point unit of per-document sums: scores are
// rounded to multiples of 2^-52 (error below 1.2e-16, under float64's own
// resolution near 1) so that per-document sums are integers and add up
// bit-identically in any order, which makes bootstrap intervals
// independent of how shards were split and merged.
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

// docSum is one document's contribution to one group.
type docSum struct {
	doc int32 // index into Aggregator.docIDs
	n   int64 // records
	w   int64 // sum of weights
	s   i128  // sum of weight*score in units of 2^-52
}

// group accumulates the records of one key combination.
type group struct {
	vals   []string
	n      int64   // records
	w, w2  int64   // sum of weights and of squared weights
	mean   float64 // weighted running mean (Welford)
	m2     float64 // sum of w*(x-mean)^2
	labels [3]int64

	// docs holds per-document sums. A document's records usually arrive
	// together, so a new entry is appended whenever the document changes
	// and entries of the same document are combined by compact, which
	// sorts them: no per-document map, whose overhead would double the
	// memory of a large corpus.
	docs      []docSum
	compacted int // len(docs) after the last compact
	lastDoc   int32
}

func newGroup(vals []string) *group {
	return &group{vals: vals, lastDoc: -1}
}

// compact sorts docs by document and adds up the entries of each one.
// The sums are exact integers, so the result does not depend on the order
// in which entries arrived.
func (g *group) compact() {
	if g.compacted == len(g.docs) && (len(g.docs) < 2 || g.docs[0].doc <= g.docs[len(g.docs)-1].doc) {
		return
	}
	slices.SortFunc(g.docs, func(x, y docSum) int { return cmp.Compare(x.doc, y.doc) })
	out := g.docs[:0]
	for _, d := range g.docs {
		if n := len(out); n > 0 && out[n-1].doc == d.doc {
			out[n-1].n += d.n
			out[n-1].w += d.w
			out[n-1].s = out[n-1].s.add(d.s)
			continue
		}
		out = append(out, d)
	}
	g.docs = out
	g.compacted = len(out)
	g.lastDoc = -1
}

// add folds one observation into g by the weighted Welford update
// (West 1979): mean += w/W*(x-mean); m2 += w*(x-mean_old)*(x-mean_new).
func (g *group) add(x float64, q, w int64, label int, doc int32, withDocs bool) {
	g.n++
	g.w += w
	g.w2 += w * w
	d := x - g.mean
	g.mean += d * float64(w) / float64(g.w)
	g.m2 += float64(w) * d * (x - g.mean)
	g.labels[label+1]++
	if withDocs {
		ds := g.docSum(doc)
		ds.n++
		ds.w += w
		if w == 1 {
			ds.s = ds.s.add(i128{hi: q >> 63, lo: uint64(q)})
		} else {
			ds.s = ds.s.add(mul128(q, w))
		}
	}
}

func (g *group) docSum(doc int32) *docSum {
	if doc == g.lastDoc {
		return &g.docs[len(g.docs)-1]
	}
	// Input whose documents are interleaved would append an entry per
	// record: compact whenever the entries double, so memory stays
	// proportional to documents.
	if len(g.docs) >= 2*g.compacted+1024 {
		g.compact()
	}
	g.docs = append(g.docs, docSum{doc: doc})
	g.lastDoc = doc
	return &g.docs[len(g.docs)-1]
}

// merge folds h into g by Chan, Golub & LeVeque's pairwise formula:
// mean = ma + d*Wb/W, M2 = M2a + M2b + d^2*Wa*Wb/W with d = mb - ma.
// docMap translates h's document indices into g's.
func (g *group) merge(h *group, docMap []int32) {
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
	for _, hd := range h.docs {
		ds := g.docSum(docMap[hd.doc])
		ds.n += hd.n
		ds.w += hd.w
		ds.s = ds.s.add(hd.s)
	}
}

// table maps encoded keys to groups.
type table struct {
	groups   map[string]*group
	withDocs bool
}

func newTable(withDocs bool) *table {
	return &table{groups: map[string]*group{}, withDocs: withDocs}
}

func (t *table) get(key []byte) *group {
	if g, ok := t.groups[string(key)]; ok {
		return g
	}
	k := string(key)
	g := newGroup(decodeKey(k))
	t.groups[k] = g
	return g
}

// Aggregator accumulates records into mergeable partial aggregates.
// Its memory grows with groups times documents, never with records.
// An Aggregator is not safe for concurrent use; give each goroutine its
// own and [Aggregator.Merge] them.
type Aggregator struct {
	cfg       Config
	kinds     []keyKind
	nonTarget []int // positions in By of every key but "target"
	baseIdx   int   // position in By of the baseline key, -1 if none
	tiltSet   map[string]bool

	docIDs  []string
	docIdx  map[string]int32
	lastDoc int32

	main, tilt, focal, base *table

	records, undated int64

	comp []byte // encoded key components of the current record
	ends []int  // end offset of each component in comp
	kbuf []byte
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
		docIdx:  map[string]int32{},
		lastDoc: -1,
		main:    newTable(true),
		tilt:    newTable(true),
		focal:   newTable(true),
		base:    newTable(false),
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
	q := int64(math.Round(r.Score * scoreScale))
	doc := a.intern(r.Doc)
	a.records++
	if r.Date.IsZero() {
		a.undated++
	}

	a.comp, a.ends = a.comp[:0], a.ends[:0]
	for i, k := range a.kinds {
		a.comp = a.appendComponent(a.comp, k, a.cfg.By[i], &r)
		a.ends = append(a.ends, len(a.comp))
	}
	a.main.get(a.comp).add(r.Score, q, w, r.Label, doc, true)

	if len(a.tiltSet) > 0 && a.tiltSet[r.Target] {
		a.tilt.get(a.targetKey(r.Target)).add(r.Score, q, w, r.Label, doc, true)
	}
	if f := a.cfg.Focal; f != "" && r.Target != "" && r.Target != f &&
		(r.Source == f || slices.Contains(r.Others, f)) {
		a.focal.get(a.targetKey(r.Target)).add(r.Score, q, w, r.Label, doc, true)
	}
	if a.baseIdx >= 0 {
		a.base.get(a.component(a.baseIdx)).add(r.Score, q, w, r.Label, doc, false)
	}
	return nil
}

func (a *Aggregator) intern(id string) int32 {
	if a.lastDoc >= 0 && a.docIDs[a.lastDoc] == id {
		return a.lastDoc
	}
	i, ok := a.docIdx[id]
	if !ok {
		i = int32(len(a.docIDs))
		a.docIDs = append(a.docIDs, id)
		a.docIdx[id] = i
	}
	a.lastDoc = i
	return i
}

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
// is left unchanged. Merging is exact for counts and per-document sums
// and agrees to rounding (well within 1e-9) for means and variances,
// whatever the order or grouping of merges.
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
	docMap := make([]int32, len(b.docIDs))
	for i, id := range b.docIDs {
		docMap[i] = a.intern(id)
	}
	for _, p := range [...][2]*table{{a.main, b.main}, {a.tilt, b.tilt}, {a.focal, b.focal}, {a.base, b.base}} {
		for k, hg := range p[1].groups {
			g, ok := p[0].groups[k]
			if !ok {
				g = newGroup(slices.Clone(hg.vals))
				p[0].groups[k] = g
			}
			g.merge(hg, docMap)
		}
	}
	a.records += b.records
	a.undated += b.undated
	return nil
}
