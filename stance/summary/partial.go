package summary

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
)

// PartialFormat and PartialVersion identify the JSON partial format.
const (
	PartialFormat  = "geostance-partial"
	PartialVersion = 1
)

// maxGroupRecords bounds counts read from a partial so that weight sums
// and the products checked against them (up to 2^36·MaxMentions² < 2^63)
// cannot overflow int64.
const maxGroupRecords = 1 << 36

type partialJSON struct {
	Format    string      `json:"format"`
	Version   int         `json:"version"`
	Config    Config      `json:"config"`
	Records   int64       `json:"records"`
	Undated   int64       `json:"undated"`
	Documents []string    `json:"documents"`
	Main      []groupJSON `json:"main"`
	Tilt      []groupJSON `json:"tilt"`
	Focal     []groupJSON `json:"focal"`
	Baseline  []groupJSON `json:"baseline"`
}

type groupJSON struct {
	Keys   []string   `json:"keys"`
	N      int64      `json:"n"`
	W      int64      `json:"w"`
	W2     int64      `json:"w2"`
	Mean   float64    `json:"mean"`
	M2     float64    `json:"m2"`
	Labels [3]int64   `json:"labels"`
	Docs   []docEntry `json:"docs,omitempty"`
}

// docEntry is encoded as the array [doc, n, w, s_hi, s_lo].
type docEntry docSum

func (d docEntry) MarshalJSON() ([]byte, error) {
	b := []byte{'['}
	b = strconv.AppendInt(b, int64(d.doc), 10)
	b = append(strconv.AppendInt(append(b, ','), d.n, 10), ',')
	b = append(strconv.AppendInt(b, d.w, 10), ',')
	b = append(strconv.AppendInt(b, d.s.hi, 10), ',')
	b = strconv.AppendUint(b, d.s.lo, 10)
	return append(b, ']'), nil
}

func (d *docEntry) UnmarshalJSON(data []byte) error {
	var a []json.Number
	if err := json.Unmarshal(data, &a); err != nil {
		return fmt.Errorf("document entry: %w", err)
	}
	if len(a) != 5 {
		return fmt.Errorf("document entry has %d elements; want [doc, n, w, s_hi, s_lo]", len(a))
	}
	var err error
	var doc int64
	parse := func(i int, dst *int64) {
		if err == nil {
			*dst, err = strconv.ParseInt(a[i].String(), 10, 64)
		}
	}
	parse(0, &doc)
	parse(1, &d.n)
	parse(2, &d.w)
	parse(3, &d.s.hi)
	if err == nil {
		d.s.lo, err = strconv.ParseUint(a[4].String(), 10, 64)
	}
	if err != nil {
		return fmt.Errorf("document entry: %w", err)
	}
	if doc < 0 || doc > math.MaxInt32 {
		return fmt.Errorf("document entry: index %d out of range", doc)
	}
	d.doc = int32(doc)
	return nil
}

// MarshalPartial writes the aggregate as a versioned JSON partial (see
// the package documentation) that [DecodePartial] reads back and
// [Aggregator.Merge] can combine with other shards.
func (a *Aggregator) MarshalPartial(w io.Writer) error {
	p := partialJSON{
		Format: PartialFormat, Version: PartialVersion, Config: a.Config(),
		Records: a.records, Undated: a.undated, Documents: a.docIDs,
		Main: groupsJSON(a.main), Tilt: groupsJSON(a.tilt),
		Focal: groupsJSON(a.focal), Baseline: groupsJSON(a.base),
	}
	if p.Documents == nil {
		p.Documents = []string{}
	}
	bw := bufio.NewWriter(w)
	if err := json.NewEncoder(bw).Encode(&p); err != nil {
		return fmt.Errorf("summary: encode partial: %w", err)
	}
	return bw.Flush()
}

func groupsJSON(t *table) []groupJSON {
	out := []groupJSON{}
	for _, k := range sortedKeys(t) {
		g := t.groups[k]
		g.compact()
		gj := groupJSON{Keys: g.vals, N: g.n, W: g.w, W2: g.w2, Mean: g.mean, M2: g.m2, Labels: g.labels}
		for _, d := range g.docs {
			gj.Docs = append(gj.Docs, docEntry(d))
		}
		out = append(out, gj)
	}
	return out
}

// DecodePartial reads a partial written by [Aggregator.MarshalPartial].
// It checks the format and version, the config, and the internal
// consistency of every group (counts, weights, label counts and
// per-document sums must agree), and reports the first problem found.
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
		return nil, fmt.Errorf("summary: decode partial: unsupported version %d (this build reads %d)", p.Version, PartialVersion)
	}
	a, err := NewAggregator(p.Config)
	if err != nil {
		return nil, fmt.Errorf("summary: decode partial: config: %w", err)
	}
	if p.Records < 0 || p.Records > maxGroupRecords || p.Undated < 0 || p.Undated > p.Records {
		return nil, fmt.Errorf("summary: decode partial: record counts %d (undated %d) out of range", p.Records, p.Undated)
	}
	for i, id := range p.Documents {
		if _, dup := a.docIdx[id]; dup {
			return nil, fmt.Errorf("summary: decode partial: document %q listed twice", id)
		}
		a.docIdx[id] = int32(i)
	}
	a.docIDs = p.Documents
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
			g, err := a.decodeGroup(gj, tb.keyLen, tb.t.withDocs)
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
	a.records, a.undated = p.Records, p.Undated
	return a, nil
}

func (a *Aggregator) decodeGroup(gj groupJSON, keyLen int, withDocs bool) (*group, error) {
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
	if !(gj.M2 >= 0 && gj.M2 <= 4*float64(gj.W)) {
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
	g := newGroup(slices.Clone(gj.Keys))
	g.n, g.w, g.w2, g.mean, g.m2, g.labels = gj.N, gj.W, gj.W2, gj.Mean, gj.M2, gj.Labels
	if !withDocs {
		if len(gj.Docs) > 0 {
			return nil, errors.New("unexpected document entries")
		}
		return g, nil
	}
	var dn, dw int64
	for _, d := range gj.Docs {
		if int(d.doc) >= len(a.docIDs) {
			return nil, fmt.Errorf("document index %d out of range (have %d)", d.doc, len(a.docIDs))
		}
		if d.n < 1 || d.n > gj.N || d.w < d.n || d.w > gj.W {
			return nil, fmt.Errorf("document %q: counts n=%d w=%d out of range", a.docIDs[d.doc], d.n, d.w)
		}
		if s := docSum(d).s.float(); !(math.Abs(s) <= float64(d.w)*(1+1e-12)) {
			return nil, fmt.Errorf("document %q: score sum %v exceeds weight %d", a.docIDs[d.doc], s, d.w)
		}
		g.docs = append(g.docs, docSum(d))
		dn += d.n
		dw += d.w
	}
	n := len(g.docs)
	g.compact()
	if len(g.docs) != n {
		return nil, fmt.Errorf("a document is listed twice in group %q", strings.Join(gj.Keys, ", "))
	}
	if dn != gj.N || dw != gj.W {
		return nil, fmt.Errorf("document entries hold n=%d w=%d, group has n=%d w=%d", dn, dw, gj.N, gj.W)
	}
	return g, nil
}
