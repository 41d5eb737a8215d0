package summary

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"math/big"
	"slices"
	"strconv"
)

// PartialFormat and PartialVersion identify the JSON partial format.
const (
	PartialFormat  = "geostance-partial"
	PartialVersion = 2
)

// maxGroupRecords bounds counts read from a partial so that weight sums
// and the products checked against them (up to 2^36·MaxMentions² < 2^63)
// cannot overflow int64.
const maxGroupRecords = 1 << 36

type partialJSON struct {
	Format   string      `json:"format"`
	Version  int         `json:"version"`
	Config   Config      `json:"config"`
	Records  int64       `json:"records"`
	Undated  int64       `json:"undated"`
	Main     []groupJSON `json:"main"`
	Tilt     []groupJSON `json:"tilt"`
	Focal    []groupJSON `json:"focal"`
	Baseline []groupJSON `json:"baseline"`
	Pairs    []pairJSON  `json:"pairs"`
}

type groupJSON struct {
	Keys   []string     `json:"keys"`
	N      int64        `json:"n"`
	W      int64        `json:"w"`
	W2     int64        `json:"w2"`
	Mean   float64      `json:"mean"`
	M2     float64      `json:"m2"`
	Labels [3]int64     `json:"labels"`
	Docs   int64        `json:"docs,omitempty"`
	Open   []pieceJSON  `json:"open,omitempty"`
	RepsW  []int64      `json:"reps_w,omitempty"`
	RepsS  []int64      `json:"reps_s,omitempty"`
	Few    []repDocJSON `json:"few,omitempty"`
}

// repDocJSON is a listed bootstrap document, encoded as [key, w, q].
type repDocJSON repDoc

func (d repDocJSON) MarshalJSON() ([]byte, error) {
	b := strconv.AppendUint([]byte{'['}, d.key, 10)
	b = strconv.AppendInt(append(b, ','), d.w, 10)
	b = strconv.AppendInt(append(b, ','), d.q, 10)
	return append(b, ']'), nil
}

func (d *repDocJSON) UnmarshalJSON(data []byte) error {
	var a []json.Number
	if err := json.Unmarshal(data, &a); err != nil {
		return fmt.Errorf("bootstrap document: %w", err)
	}
	if len(a) != 3 {
		return fmt.Errorf("bootstrap document has %d elements; want [key, w, q]", len(a))
	}
	var err error
	d.key, err = strconv.ParseUint(a[0].String(), 10, 64)
	if err == nil {
		d.w, err = strconv.ParseInt(a[1].String(), 10, 64)
	}
	if err == nil {
		d.q, err = strconv.ParseInt(a[2].String(), 10, 64)
	}
	if err != nil {
		return fmt.Errorf("bootstrap document: %w", err)
	}
	return nil
}

type pairJSON struct {
	Tilt    [2]string   `json:"tilt"`
	Keys    []string    `json:"keys"`
	Docs    [4]int64    `json:"docs"`
	Open    []pieceJSON `json:"open,omitempty"`
	Moments []string    `json:"moments"`
}

// pieceJSON is an open piece, encoded as the array
// [id, n, w, s_hi, s_lo, q] with one more n, w, s_hi, s_lo, q for the
// second side of a tilt pair.
type pieceJSON struct {
	p     piece
	sides int
}

func (d pieceJSON) MarshalJSON() ([]byte, error) {
	id, err := json.Marshal(d.p.id)
	if err != nil {
		return nil, err
	}
	b := append([]byte{'['}, id...)
	for _, sd := range d.p.side[:d.sides] {
		b = strconv.AppendInt(append(b, ','), sd.n, 10)
		b = strconv.AppendInt(append(b, ','), sd.w, 10)
		b = strconv.AppendInt(append(b, ','), sd.s.hi, 10)
		b = strconv.AppendUint(append(b, ','), sd.s.lo, 10)
		b = strconv.AppendInt(append(b, ','), sd.q, 10)
	}
	return append(b, ']'), nil
}

func (d *pieceJSON) UnmarshalJSON(data []byte) error {
	var a []json.RawMessage
	if err := json.Unmarshal(data, &a); err != nil {
		return fmt.Errorf("open document: %w", err)
	}
	if len(a) != 6 && len(a) != 11 {
		return fmt.Errorf("open document has %d elements; want [id, n, w, s_hi, s_lo, q] (and n, w, s_hi, s_lo, q of a second side)", len(a))
	}
	if err := json.Unmarshal(a[0], &d.p.id); err != nil {
		return fmt.Errorf("open document id: %w", err)
	}
	d.sides = (len(a) - 1) / 5
	var err error
	for k := range d.sides {
		sd := &d.p.side[k]
		f := a[1+5*k:]
		parse := func(i int, dst *int64) {
			if err == nil {
				*dst, err = strconv.ParseInt(string(f[i]), 10, 64)
			}
		}
		parse(0, &sd.n)
		parse(1, &sd.w)
		parse(2, &sd.s.hi)
		if err == nil {
			sd.s.lo, err = strconv.ParseUint(string(f[3]), 10, 64)
		}
		parse(4, &sd.q)
	}
	if err != nil {
		return fmt.Errorf("open document %q: %w", d.p.id, err)
	}
	return nil
}

// MarshalPartial writes the aggregate as a versioned JSON partial (see
// the package documentation) that [DecodePartial] reads back and
// [Aggregator.Merge] can combine with other shards. The document being
// read is kept open, so records of it may still follow.
func (a *Aggregator) MarshalPartial(w io.Writer) error {
	a.pause()
	p := partialJSON{
		Format: PartialFormat, Version: PartialVersion, Config: a.Config(),
		Records: a.records, Undated: a.undated,
		Main: groupsJSON(a.main), Tilt: groupsJSON(a.tilt),
		Focal: groupsJSON(a.focal), Baseline: groupsJSON(a.base),
		Pairs: a.pairsJSON(),
	}
	bw := bufio.NewWriter(w)
	if err := json.NewEncoder(bw).Encode(&p); err != nil {
		return fmt.Errorf("summary: encode partial: %w", err)
	}
	return bw.Flush()
}

func openJSON(c *clusters, sides int) []pieceJSON {
	var out []pieceJSON
	for _, p := range c.sortedOpen() {
		out = append(out, pieceJSON{p, sides})
	}
	return out
}

func groupsJSON(t *table) []groupJSON {
	out := []groupJSON{}
	for _, k := range sortedKeys(t) {
		g := t.groups[k]
		gj := groupJSON{Keys: g.vals, N: g.n, W: g.w, W2: g.w2, Mean: g.mean, M2: g.m2, Labels: g.labels,
			Docs: g.docs.closed[0], Open: openJSON(&g.docs, 1), RepsW: g.reps.w, RepsS: g.reps.s}
		for _, d := range g.reps.sortedFew() {
			gj.Few = append(gj.Few, repDocJSON(d))
		}
		out = append(out, gj)
	}
	return out
}

func (a *Aggregator) pairsJSON() []pairJSON {
	out := []pairJSON{}
	for _, pg := range a.sortedPairs() {
		pj := pairJSON{Tilt: a.cfg.Tilt[pg.pair], Keys: pg.vals, Docs: pg.docs.closed, Open: openJSON(&pg.docs, 2)}
		for i := range pg.docs.mom.lin {
			pj.Moments = append(pj.Moments, pg.docs.mom.lin[i].String())
		}
		for i := range pg.docs.mom.sq {
			pj.Moments = append(pj.Moments, pg.docs.mom.sq[i].String())
		}
		out = append(out, pj)
	}
	return out
}

func (a *Aggregator) sortedPairs() []*pairGroup {
	ps := make([]*pairGroup, 0, len(a.pairs))
	for _, pg := range a.pairs {
		ps = append(ps, pg)
	}
	slices.SortFunc(ps, func(x, y *pairGroup) int {
		if c := x.pair - y.pair; c != 0 {
			return c
		}
		return slices.Compare(x.vals, y.vals)
	})
	return ps
}

// DecodePartial reads a partial written by [Aggregator.MarshalPartial].
// It checks the format and version, the config, and the internal
// consistency of every group (counts, weights, label counts, open
// documents and replicate sums must agree), and reports the first
// problem found.
func DecodePartial(r io.Reader) (*Aggregator, error) {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	var p partialJSON
	if err := dec.Decode(&p); err != nil {
		return nil, fmt.Errorf("summary: decode partial: %w", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("summary: decode partial: trailing data after the JSON object")
	}
	if p.Format != PartialFormat {
		return nil, fmt.Errorf("summary: decode partial: format %q, want %q", p.Format, PartialFormat)
	}
	if p.Version != PartialVersion {
		return nil, fmt.Errorf("summary: decode partial: unsupported version %d (this build reads %d; summarise the score records again)", p.Version, PartialVersion)
	}
	a, err := NewAggregator(p.Config)
	if err != nil {
		return nil, fmt.Errorf("summary: decode partial: config: %w", err)
	}
	if p.Records < 0 || p.Records > maxGroupRecords || p.Undated < 0 || p.Undated > p.Records {
		return nil, fmt.Errorf("summary: decode partial: record counts %d (undated %d) out of range", p.Records, p.Undated)
	}
	keyLen := len(a.nonTarget) + 1
	tables := []struct {
		name   string
		groups []groupJSON
		t      *table
		keyLen int
	}{
		{"main", p.Main, a.main, len(a.cfg.By)},
		{"tilt", p.Tilt, a.tilt, keyLen},
		{"focal", p.Focal, a.focal, keyLen},
		{"baseline", p.Baseline, a.base, 1},
	}
	for _, tb := range tables {
		var total int64
		for i, gj := range tb.groups {
			g, err := a.decodeGroup(gj, tb.keyLen, tb.t)
			if err != nil {
				return nil, fmt.Errorf("summary: decode partial: %s group %d: %w", tb.name, i, err)
			}
			if tb.name == "tilt" && !a.tiltSet[g.vals[keyLen-1]] {
				return nil, fmt.Errorf("summary: decode partial: tilt group %d: target %q is in no tilt pair", i, g.vals[keyLen-1])
			}
			if tb.name == "focal" && (a.cfg.Focal == "" || g.vals[keyLen-1] == a.cfg.Focal) {
				return nil, fmt.Errorf("summary: decode partial: focal group %d: unexpected target %q", i, g.vals[keyLen-1])
			}
			k := encodeKey(g.vals)
			if _, dup := tb.t.groups[k]; dup {
				return nil, fmt.Errorf("summary: decode partial: %s group %d: keys %q repeat an earlier group", tb.name, i, g.vals)
			}
			tb.t.groups[k] = g
			total += g.n
		}
		if (tb.name == "main" || (tb.name == "baseline" && a.baseIdx >= 0)) && total != p.Records {
			return nil, fmt.Errorf("summary: decode partial: %s groups hold %d records, header says %d", tb.name, total, p.Records)
		}
	}
	for i, pj := range p.Pairs {
		if err := a.decodePair(pj); err != nil {
			return nil, fmt.Errorf("summary: decode partial: pair %d: %w", i, err)
		}
	}
	a.records, a.undated = p.Records, p.Undated
	return a, nil
}

// checkOpen validates open pieces against the group's totals n and w.
func checkOpen(ps []pieceJSON, sides int, n, maxW int64) ([]piece, error) {
	var out []piece
	seen := map[string]bool{}
	var dn [2]int64
	for _, pj := range ps {
		if pj.sides != sides {
			return nil, fmt.Errorf("open document %q has %d sides, want %d", pj.p.id, pj.sides, sides)
		}
		if seen[pj.p.id] {
			return nil, fmt.Errorf("open document %q listed twice", pj.p.id)
		}
		seen[pj.p.id] = true
		nonEmpty := false
		for k, sd := range pj.p.side[:sides] {
			if sd.n == 0 && sd.w == 0 && sd.s == (i128{}) && sd.q == 0 {
				continue
			}
			nonEmpty = true
			if sd.n < 1 || sd.n > n || sd.w < sd.n || sd.w > sd.n*maxW {
				return nil, fmt.Errorf("open document %q: counts n=%d w=%d out of range", pj.p.id, sd.n, sd.w)
			}
			if s := sd.s.float(); !(math.Abs(s) <= float64(sd.w)*(1+1e-12)) {
				return nil, fmt.Errorf("open document %q: score sum %v exceeds weight %d", pj.p.id, s, sd.w)
			}
			if sd.q < -sd.w*repScale || sd.q > sd.w*repScale {
				return nil, fmt.Errorf("open document %q: replicate score sum %d exceeds weight %d", pj.p.id, sd.q, sd.w)
			}
			dn[k] += sd.n
		}
		if !nonEmpty {
			return nil, fmt.Errorf("open document %q is empty", pj.p.id)
		}
		p := pj.p
		p.keep = true
		out = append(out, p)
	}
	if dn[0]+dn[1] > n || int64(len(out)) > n {
		return nil, fmt.Errorf("open documents hold %d records, more than the %d in the group", dn[0]+dn[1], n)
	}
	return out, nil
}

func (a *Aggregator) decodeGroup(gj groupJSON, keyLen int, t *table) (*group, error) {
	if len(gj.Keys) != keyLen {
		return nil, fmt.Errorf("%d keys, want %d", len(gj.Keys), keyLen)
	}
	if gj.N < 1 || gj.N > maxGroupRecords {
		return nil, fmt.Errorf("record count %d out of range", gj.N)
	}
	maxW := int64(1)
	if a.cfg.Weighted {
		maxW = MaxMentions
	}
	if gj.W < gj.N || gj.W > gj.N*maxW {
		return nil, fmt.Errorf("weight sum %d inconsistent with %d records", gj.W, gj.N)
	}
	if gj.W2 < gj.W || gj.W2 > gj.W*maxW {
		return nil, fmt.Errorf("squared weight sum %d inconsistent with weight sum %d", gj.W2, gj.W)
	}
	// Welford and Chan updates may land an ulp outside [-1, 1].
	if !(math.Abs(gj.Mean) <= 1+1e-12) {
		return nil, fmt.Errorf("mean %v outside [-1, 1]", gj.Mean)
	}
	// Welford updates of equal values may leave m2 an ulp below 0.
	if !(gj.M2 >= -1e-12*float64(gj.W) && gj.M2 <= 4*float64(gj.W)) {
		return nil, fmt.Errorf("m2 %v outside [0, 4w]", gj.M2)
	}
	var nl int64
	for _, l := range gj.Labels {
		if l < 0 || l > gj.N {
			return nil, fmt.Errorf("label count %d out of range", l)
		}
		nl += l
	}
	if nl != gj.N {
		return nil, fmt.Errorf("label counts sum to %d, want %d", nl, gj.N)
	}
	g := t.newGroup(slices.Clone(gj.Keys))
	g.n, g.w, g.w2, g.mean, g.m2, g.labels = gj.N, gj.W, gj.W2, gj.Mean, gj.M2, gj.Labels
	if !t.withDocs {
		if gj.Docs != 0 || len(gj.Open) > 0 || len(gj.RepsW) > 0 || len(gj.RepsS) > 0 {
			return nil, errors.New("unexpected document or replicate sums")
		}
		return g, nil
	}
	open, err := checkOpen(gj.Open, 1, gj.N, maxW)
	if err != nil {
		return nil, err
	}
	if gj.Docs < 0 || gj.Docs+int64(len(open)) < 1 || gj.Docs+int64(len(open)) > gj.N {
		return nil, fmt.Errorf("document count %d (and %d open) inconsistent with %d records", gj.Docs, len(open), gj.N)
	}
	g.docs.closed = [4]int64{gj.Docs, gj.Docs, 0, 0}
	g.docs.open = open
	g.docs.started = false
	if t.reps > 0 && gj.W > maxRepWeight {
		return nil, fmt.Errorf("weight sum %d exceeds the %d a bootstrap group can hold", gj.W, int64(maxRepWeight))
	}
	if len(gj.RepsW) > 0 || len(gj.RepsS) > 0 {
		if len(gj.RepsW) != t.reps || len(gj.RepsS) != t.reps || len(gj.Few) > 0 {
			return nil, fmt.Errorf("%d and %d replicate sums (and %d listed documents), want %d sums", len(gj.RepsW), len(gj.RepsS), len(gj.Few), t.reps)
		}
		for b := range gj.RepsW {
			rw, rs := gj.RepsW[b], gj.RepsS[b]
			if rw < 0 || rw > maxPoissonWeight*gj.W || rs < -rw*repScale || rs > rw*repScale {
				return nil, fmt.Errorf("replicate %d: sums w=%d s=%d out of range", b, rw, rs)
			}
		}
		g.reps.w, g.reps.s = slices.Clone(gj.RepsW), slices.Clone(gj.RepsS)
		return g, nil
	}
	if t.reps == 0 {
		if len(gj.Few) > 0 {
			return nil, errors.New("bootstrap documents without a bootstrap")
		}
		return g, nil
	}
	// Every record reaches the replicates through its document, so the
	// listed documents hold the group's whole weight.
	var sw int64
	for _, d := range gj.Few {
		if d.w < 1 || d.w > gj.W || d.q < -d.w*repScale || d.q > d.w*repScale {
			return nil, fmt.Errorf("bootstrap document w=%d q=%d out of range", d.w, d.q)
		}
		sw += d.w
		g.reps.few = append(g.reps.few, repDoc(d))
	}
	if sw != gj.W {
		return nil, fmt.Errorf("bootstrap documents hold weight %d, group has %d", sw, gj.W)
	}
	if len(g.reps.few) > g.reps.promoteAt() {
		g.reps.promote(&a.weights)
	}
	return g, nil
}

func (a *Aggregator) decodePair(pj pairJSON) error {
	i := slices.Index(a.cfg.Tilt, pj.Tilt)
	if i < 0 {
		return fmt.Errorf("tilt %q is not configured", pj.Tilt)
	}
	if len(pj.Keys) != len(a.nonTarget) {
		return fmt.Errorf("%d keys, want %d", len(pj.Keys), len(a.nonTarget))
	}
	d := pj.Docs
	if d[1] < 0 || d[2] < 0 || d[3] < 0 || d[3] > min(d[1], d[2]) || d[0] != d[1]+d[2]-d[3] {
		return fmt.Errorf("document counts %v inconsistent", d)
	}
	open, err := checkOpen(pj.Open, 2, maxGroupRecords, MaxMentions)
	if err != nil {
		return err
	}
	if d[0]+int64(len(open)) < 1 {
		return errors.New("no documents")
	}
	if len(pj.Moments) != 14 {
		return fmt.Errorf("%d moments, want 14", len(pj.Moments))
	}
	pg := &pairGroup{pair: i, vals: slices.Clone(pj.Keys), docs: newClusters(true)}
	if pg.vals == nil {
		pg.vals = []string{}
	}
	pg.docs.closed, pg.docs.open = d, open
	m := pg.docs.mom
	for k, v := range pj.Moments {
		var dst *big.Int
		if k < 4 {
			dst = &m.lin[k]
		} else {
			dst = &m.sq[k-4]
		}
		if len(v) > 200 {
			return fmt.Errorf("moment %d has %d digits", k, len(v))
		}
		if _, ok := dst.SetString(v, 10); !ok {
			return fmt.Errorf("moment %d: %q is not an integer", k, v)
		}
	}
	// Weight sums and sums of squares cannot be negative.
	for _, k := range []int{0, 4, 7, 9} {
		if m.sq[k].Sign() < 0 {
			return fmt.Errorf("moment %d is negative", k+4)
		}
	}
	if m.lin[1].Sign() < 0 || m.lin[3].Sign() < 0 {
		return errors.New("negative weight moment")
	}
	k := strconv.Itoa(i) + ":" + encodeKey(pg.vals)
	if _, dup := a.pairs[k]; dup {
		return fmt.Errorf("keys %q repeat an earlier pair group", pj.Keys)
	}
	a.pairs[k] = pg
	return nil
}
