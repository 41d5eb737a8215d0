package summary

import (
	"math"
	"slices"
	"strconv"

	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"
)

// Key is one grouping value of a row, under its output column name
// ("target", "source", "period", or the metadata field's name).
type Key struct {
	Name  string
	Value string
}

// Share is the proportion of a group's records carrying one label, with
// its Wilson score interval. Fields are NaN when the group is empty.
type Share struct {
	Share, Low, High float64
}

// Stats are the statistics of one group of records. Undefined values
// (the sd of a single record, an interval from fewer than two documents)
// are NaN here and null in JSON.
type Stats struct {
	NSentences int64   // records in the group
	NDocuments int     // distinct documents among them
	SumWeights int64   // sum of weights (equals NSentences when unweighted)
	NEff       float64 // effective sample size (Kish): SumWeights^2 / sum of squared weights
	Mean       float64 // (weighted) mean score
	SD         float64 // (weighted) standard deviation
	SE         float64 // standard error of the mean: SD / sqrt(NEff)
	CILow      float64
	CIHigh     float64
	CIMethod   string // MethodT or MethodBootstrap
	CILevel    float64
	Replicates int // bootstrap replicates kept (see the package documentation); 0 for a t interval

	Pos, Neu, Neg Share // label shares, counted over records (never weighted)

	// Baseline names the baseline key when one is configured; then
	// BaselineMean is the mean of all records sharing this group's value
	// of that key, over all targets, and VsBaseline is Mean - BaselineMean.
	Baseline     string
	BaselineMean float64
	VsBaseline   float64
}

// Row holds the statistics of one group.
type Row struct {
	Keys []Key // in Config.By order
	Stats
}

// FocalRow holds the attitude toward Target in records that describe the
// focal state's relations: those spoken by it or also naming it.
type FocalRow struct {
	Focal string
	Keys  []Key // the non-target keys of Config.By, then "target"
	Stats
}

// TiltRow compares the attitude toward A with that toward B in one group
// formed by the non-target keys. Float fields are NaN when undefined.
type TiltRow struct {
	A, B       string
	Keys       []Key
	Estimate   float64 // MeanA - MeanB
	SE         float64 // cluster-robust SE, or the SD of bootstrap replicates
	CILow      float64
	CIHigh     float64
	CIMethod   string // MethodClusterT or MethodBootstrap
	CILevel    float64
	Replicates int // bootstrap replicates kept
	Dropped    int // bootstrap replicates dropped because a side was empty

	NDocuments     int // documents mentioning A or B
	NDocumentsA    int
	NDocumentsB    int
	NDocumentsBoth int
	NSentencesA    int64
	NSentencesB    int64
	MeanA, MeanB   float64
}

// Summary is the result of [Aggregator.Summary]. Rows are sorted by their
// key values; tilt rows by pair (in Config order), then keys.
type Summary struct {
	Config  Config
	Records int64 // records added
	Undated int64 // records without a date
	Groups  []Row
	Tilts   []TiltRow
	Focal   []FocalRow
}

// Summary computes all rows. It does not change what the aggregate
// holds, so more records (even of the document being read) may be added
// and Summary called again.
func (a *Aggregator) Summary() (*Summary, error) {
	c := a.Config()
	s := &Summary{Config: c, Records: a.records, Undated: a.undated}
	z := distuv.UnitNormal.Quantile(1 - (1-c.Level)/2)
	a.pause()

	for _, k := range sortedKeys(a.main) {
		g := a.main.groups[k]
		r := Row{Stats: a.stats(g, z)}
		for i, name := range c.By {
			r.Keys = append(r.Keys, Key{columnName(name), g.vals[i]})
		}
		if a.baseIdx >= 0 {
			a.setBaseline(&r.Stats, g.vals[a.baseIdx])
		}
		s.Groups = append(s.Groups, r)
	}

	basePos := slices.Index(a.nonTarget, a.baseIdx)
	for _, k := range sortedKeys(a.focal) {
		g := a.focal.groups[k]
		r := FocalRow{Focal: c.Focal, Stats: a.stats(g, z), Keys: a.prefixKeys(g.vals)}
		r.Keys = append(r.Keys, Key{"target", g.vals[len(g.vals)-1]})
		if basePos >= 0 {
			a.setBaseline(&r.Stats, g.vals[basePos])
		}
		s.Focal = append(s.Focal, r)
	}

	// Tilt groups are the distinct non-target prefixes of the tilt table.
	prefixes := map[string][]string{}
	for _, g := range a.tilt.groups {
		p := g.vals[:len(g.vals)-1]
		prefixes[encodeKey(p)] = p
	}
	pkeys := make([]string, 0, len(prefixes))
	for k := range prefixes {
		pkeys = append(pkeys, k)
	}
	slices.SortFunc(pkeys, func(x, y string) int { return slices.Compare(prefixes[x], prefixes[y]) })
	for i, pair := range c.Tilt {
		for _, pk := range pkeys {
			pg := a.pairs[strconv.Itoa(i)+":"+pk]
			ga := a.tilt.groups[pk+encodeKey([]string{pair[0]})]
			gb := a.tilt.groups[pk+encodeKey([]string{pair[1]})]
			if ga == nil && gb == nil {
				continue
			}
			s.Tilts = append(s.Tilts, a.tiltRow(pair, pg, a.prefixKeys(prefixes[pk]), ga, gb, z))
		}
	}
	return s, nil
}

func sortedKeys(t *table) []string {
	keys := make([]string, 0, len(t.groups))
	for k := range t.groups {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(x, y string) int { return slices.Compare(t.groups[x].vals, t.groups[y].vals) })
	return keys
}

// prefixKeys names the leading non-target values of vals.
func (a *Aggregator) prefixKeys(vals []string) []Key {
	keys := make([]Key, 0, len(a.nonTarget)+1)
	for j, i := range a.nonTarget {
		keys = append(keys, Key{columnName(a.cfg.By[i]), vals[j]})
	}
	return keys
}

func (a *Aggregator) setBaseline(st *Stats, value string) {
	st.Baseline = a.cfg.Baseline
	st.BaselineMean, st.VsBaseline = math.NaN(), math.NaN()
	if b := a.base.groups[encodeKey([]string{value})]; b != nil && b.n > 0 {
		st.BaselineMean = b.mean
		st.VsBaseline = st.Mean - b.mean
	}
}

// stats computes one group's statistics.
func (a *Aggregator) stats(g *group, z float64) Stats {
	nan := math.NaN()
	st := Stats{
		NSentences: g.n, NDocuments: int(g.docs.counts()[0]), SumWeights: g.w,
		NEff: nan, Mean: nan, SD: nan, SE: nan, CILow: nan, CIHigh: nan,
		CIMethod: MethodT, CILevel: a.cfg.Level,
		BaselineMean: nan, VsBaseline: nan,
	}
	n := g.n
	st.Neg = wilson(g.labels[0], n, z)
	st.Neu = wilson(g.labels[1], n, z)
	st.Pos = wilson(g.labels[2], n, z)
	if n == 0 {
		return st
	}
	w, w2 := float64(g.w), float64(g.w2)
	st.Mean = g.mean
	st.NEff = w * w / w2
	// Reliability-weight variance: sum w(x-m)^2 / (W - sum w^2 / W);
	// with unit weights this is the usual M2/(n-1).
	if den := w - w2/w; den > 0 {
		st.SD = math.Sqrt(max(g.m2, 0) / den)
		st.SE = st.SD / math.Sqrt(st.NEff)
	}
	if a.cfg.Bootstrap == 0 {
		if !math.IsNaN(st.SE) {
			t := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: st.NEff - 1}.Quantile(1 - (1-a.cfg.Level)/2)
			// Scores live in [-1, 1], and so does their mean: a t interval
			// from very few sentences can reach past that, and is clipped.
			st.CILow, st.CIHigh = math.Max(st.Mean-t*st.SE, -1), math.Min(st.Mean+t*st.SE, 1)
		}
		return st
	}
	st.CIMethod = MethodBootstrap
	if st.NDocuments < 2 {
		// One cluster carries no information about between-document
		// variation (Cameron & Miller 2015); an interval of zero width
		// would overstate precision.
		return st
	}
	rw, rs := g.reps.sums(&a.weights)
	reps := make([]float64, 0, len(rw))
	for b, w := range rw {
		// A replicate that gave every document weight 0 has no mean.
		if w > 0 {
			reps = append(reps, float64(rs[b])/float64(w)/repScale)
		}
	}
	st.Replicates = len(reps)
	st.CILow, st.CIHigh = percentile(reps, a.cfg.Level)
	return st
}

// percentile returns the equal-tailed percentile interval of reps
// (Efron & Tibshirani 1993, sec. 13.3): the empirical quantiles
// x_(k) with k = ceil(p·B) for p = α/2 and 1-α/2. k is computed with a
// 1e-9 allowance because α itself carries rounding (1-0.95 is not
// 0.05 in binary), which would otherwise push 0.025·40 = 1 to the 2nd
// value. reps is sorted in place.
func percentile(reps []float64, level float64) (lo, hi float64) {
	if len(reps) == 0 {
		return math.NaN(), math.NaN()
	}
	slices.Sort(reps)
	alpha := 1 - level
	at := func(p float64) float64 {
		k := int(math.Ceil(p*float64(len(reps)) - 1e-9))
		return reps[min(max(k, 1), len(reps))-1]
	}
	return at(alpha / 2), at(1 - alpha/2)
}

// wilson returns k/n with the Wilson (1927) score interval
//
//	(p + z²/2n ± z·sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n).
func wilson(k, n int64, z float64) Share {
	if n == 0 {
		return Share{math.NaN(), math.NaN(), math.NaN()}
	}
	nf := float64(n)
	p := float64(k) / nf
	z2 := z * z
	den := 1 + z2/nf
	center := (p + z2/(2*nf)) / den
	half := z / den * math.Sqrt(p*(1-p)/nf+z2/(4*nf*nf))
	return Share{p, max(center-half, 0), min(center+half, 1)}
}

func (a *Aggregator) tiltRow(pair [2]string, pg *pairGroup, keys []Key, ga, gb *group, z float64) TiltRow {
	nan := math.NaN()
	r := TiltRow{
		A: pair[0], B: pair[1], Keys: keys,
		Estimate: nan, SE: nan, CILow: nan, CIHigh: nan, MeanA: nan, MeanB: nan,
		CIMethod: MethodClusterT, CILevel: a.cfg.Level,
	}
	if pg != nil {
		n := pg.docs.counts()
		r.NDocuments, r.NDocumentsA, r.NDocumentsB, r.NDocumentsBoth = int(n[0]), int(n[1]), int(n[2]), int(n[3])
	}
	if ga != nil {
		r.NSentencesA, r.MeanA = ga.n, ga.mean
	}
	if gb != nil {
		r.NSentencesB, r.MeanB = gb.n, gb.mean
	}
	if a.cfg.Bootstrap > 0 {
		r.CIMethod = MethodBootstrap
	}
	if ga == nil || gb == nil || pg == nil {
		return r
	}
	r.Estimate = r.MeanA - r.MeanB
	if r.NDocuments < 2 {
		return r
	}
	if a.cfg.Bootstrap == 0 {
		a.clusterT(&r, pg)
		return r
	}
	// The two sides' replicates come from the same document weights, so
	// their difference is a paired bootstrap of the tilt.
	aw, as := ga.reps.sums(&a.weights)
	bw, bs := gb.reps.sums(&a.weights)
	reps := make([]float64, 0, a.cfg.Bootstrap)
	for b := range a.cfg.Bootstrap {
		if aw[b] == 0 || bw[b] == 0 {
			r.Dropped++
			continue
		}
		reps = append(reps, float64(as[b])/float64(aw[b])/repScale-float64(bs[b])/float64(bw[b])/repScale)
	}
	r.Replicates = len(reps)
	if len(reps) >= 2 {
		r.SE = stat.StdDev(reps, nil)
	}
	r.CILow, r.CIHigh = percentile(reps, a.cfg.Level)
	return r
}

// clusterT sets a t interval with a document-clustered standard error.
// The tilt is a difference of ratio estimators; linearising each ratio
// gives the per-document influence
//
//	u_d = (S_Ad - m_A W_Ad)/W_A - (S_Bd - m_B W_Bd)/W_B,
//
// and the CR1 variance G/(G-1) Σ u_d² with G-1 degrees of freedom
// (Cameron & Miller 2015, sec. II.C and VI). Σ u_d² comes from the
// pair's exact moments (see moments.sumU2), open pieces folded in.
func (a *Aggregator) clusterT(r *TiltRow, pg *pairGroup) {
	m := pg.docs.mom.clone()
	for i := range pg.docs.open {
		m.add(&pg.docs.open[i])
	}
	v := m.sumU2()
	G := float64(r.NDocuments)
	r.SE = math.Sqrt(G / (G - 1) * v)
	if math.IsNaN(r.SE) {
		return
	}
	t := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: G - 1}.Quantile(1 - (1-a.cfg.Level)/2)
	// A difference of two means in [-1, 1] lies in [-2, 2].
	r.CILow, r.CIHigh = math.Max(r.Estimate-t*r.SE, -2), math.Min(r.Estimate+t*r.SE, 2)
}
