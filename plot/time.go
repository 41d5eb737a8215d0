package plot

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	gplot "gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/geostance/geostance/stance/summary"
)

// timeRow is one point of a time chart before layout.
type timeRow struct {
	what         string // the row, for error messages
	series       string
	period       string
	weight       int64 // sentences (documents for tilts): ranks series for MaxSeries
	est, lo, hi  float64
	method       string
	level        float64
	hasPeriodKey bool
}

// timeSpec is what differs between attitude and tilt over time.
type timeSpec struct {
	title  func(g granularity) string
	yLabel string
	limit  float64 // values lie in [-limit, limit]
}

// Time draws the mean attitude over time: one line per series with its
// confidence interval as a translucent band, periods on the x axis in
// calendar order (missing periods leave gaps) and a dashed line at zero.
// A series is a target, or a combination of the non-period keys (target
// and outlet, say). It draws the focal rows of s if it has any, else its
// group rows. Intervals are clipped to [-1, 1], the range
// of the score. Undated rows are counted in [Chart.Skipped].
func Time(s *summary.Summary, opt Options) (*Chart, error) {
	if s == nil || len(s.Groups)+len(s.Focal) == 0 {
		if s != nil && len(s.Tilts) > 0 {
			return nil, errors.New("plot: no group rows to draw over time; the input has tilt rows: draw them as a tilt chart")
		}
		return nil, ErrNoRows
	}
	var rows []timeRow
	focal := ""
	add := func(kind string, i int, keys []summary.Key, st *summary.Stats) {
		if !keep(opt, value(keys, "target")) {
			return
		}
		rows = append(rows, timeRow{
			what: describe(kind, i, keys), series: seriesLabel(keys),
			period: value(keys, "period"), hasPeriodKey: hasKey(keys, "period"),
			weight: st.NSentences, est: st.Mean, lo: st.CILow, hi: st.CIHigh,
			method: st.CIMethod, level: st.CILevel,
		})
	}
	// Focal rows exist only when asked for, so they are what the user wants to see.
	if len(s.Focal) > 0 {
		for i := range s.Focal {
			focal = s.Focal[i].Focal
			add("focal", i, s.Focal[i].Keys, &s.Focal[i].Stats)
		}
	} else {
		for i := range s.Groups {
			add("group", i, s.Groups[i].Keys, &s.Groups[i].Stats)
		}
	}
	spec := timeSpec{
		title: func(g granularity) string {
			if focal != "" {
				return fmt.Sprintf("Attitude toward each state in relations with %s, per %s", focal, g.perName())
			}
			return "Mean attitude toward each state per " + g.perName()
		},
		yLabel: "mean attitude (−1 to 1)",
		limit:  1,
	}
	return timeChart(rows, spec, opt)
}

// Tilt draws the tilt between two states over time: the mean attitude
// toward A minus that toward B per period, with its confidence band and a
// dashed line at zero (no tilt). Several pairs, or further keys such as
// an outlet, give several lines. Intervals are clipped to [-2, 2].
func Tilt(s *summary.Summary, opt Options) (*Chart, error) {
	if s == nil || len(s.Tilts) == 0 {
		if s != nil && len(s.Groups)+len(s.Focal) > 0 {
			return nil, errors.New("plot: no tilt rows (summarise with -tilt A,B and a period, e.g. -by half -tilt CHN,USA)")
		}
		return nil, ErrNoRows
	}
	var rows []timeRow
	pairs := map[string]bool{}
	for i := range s.Tilts {
		t := &s.Tilts[i]
		if !keep(opt, t.Name(), t.A, t.B) {
			continue
		}
		pairs[t.Name()] = true
		label := t.A + " − " + t.B
		if rest := seriesLabel(t.Keys); rest != allLabel {
			label += " · " + rest
		}
		rows = append(rows, timeRow{
			what: describe("tilt", i, t.Keys), series: label,
			period: value(t.Keys, "period"), hasPeriodKey: hasKey(t.Keys, "period"),
			weight: int64(t.NDocuments), est: t.Estimate, lo: t.CILow, hi: t.CIHigh,
			method: t.CIMethod, level: t.CILevel,
		})
	}
	yLabel := "tilt: attitude to A minus to B (−2 to 2)"
	pair := ""
	if len(pairs) == 1 {
		for p := range pairs {
			pair = p
		}
		a, b, _ := strings.Cut(pair, "-")
		yLabel = fmt.Sprintf("tilt: attitude to %s minus to %s (−2 to 2)", a, b)
	}
	spec := timeSpec{
		title: func(g granularity) string {
			if pair != "" {
				a, b, _ := strings.Cut(pair, "-")
				return fmt.Sprintf("Tilt %s − %s per %s", a, b, g.perName())
			}
			return "Tilt per " + g.perName()
		},
		yLabel: yLabel,
		limit:  2,
	}
	return timeChart(rows, spec, opt)
}

type timePoint struct {
	x           int // ordinal minus the first ordinal on the axis
	est, lo, hi float64
}

type timeSeries struct {
	label  string
	weight int64
	pts    []timePoint
}

func timeChart(rows []timeRow, spec timeSpec, opt Options) (*Chart, error) {
	if len(rows) == 0 {
		return nil, fmt.Errorf("plot: no rows for targets %s", strings.Join(opt.Targets, ","))
	}
	c := &Chart{DPI: opt.DPI}
	c.Width, c.Height = chartSize(opt, DefaultHeight)

	// Place every row in time, checking that the periods agree.
	type placed struct {
		row *timeRow
		ord int
	}
	var ps []placed
	gran, granAt := noPeriod, ""
	anyPeriod := false
	for i := range rows {
		r := &rows[i]
		if !r.hasPeriodKey {
			continue
		}
		anyPeriod = true
		g, ord, err := parsePeriod(r.period)
		if err != nil {
			return nil, fmt.Errorf("plot: %s: %w", r.what, err)
		}
		if g == noPeriod || !finite(r.est) {
			c.Skipped++
			continue
		}
		if gran == noPeriod {
			gran, granAt = g, r.what
		} else if g != gran {
			return nil, fmt.Errorf("plot: %s: period %q is a %s, but %s has %s periods", r.what, r.period, g.perName(), granAt, gran.perName())
		}
		if math.Abs(r.est) > spec.limit {
			return nil, fmt.Errorf("plot: %s: value %v outside [-%g, %g]", r.what, r.est, spec.limit, spec.limit)
		}
		ps = append(ps, placed{r, ord})
	}
	if !anyPeriod {
		return nil, errors.New("plot: the rows have no period to draw over time (summarise by a period too, e.g. -by target,month), or draw a dot chart")
	}
	for i := range rows {
		if !rows[i].hasPeriodKey {
			return nil, fmt.Errorf("plot: %s has no period, unlike the other rows", rows[i].what)
		}
	}
	if len(ps) == 0 {
		return nil, fmt.Errorf("plot: none of the %d rows has a dated period and a defined value", len(rows))
	}
	first, last := ps[0].ord, ps[0].ord
	for _, p := range ps {
		first, last = min(first, p.ord), max(last, p.ord)
	}
	if last-first > 5000 {
		return nil, fmt.Errorf("plot: the periods span %d %ss: too many to draw; summarise by a coarser period", last-first+1, gran.perName())
	}

	// Group into series; a series may have one row per period.
	bySeries := map[string]*timeSeries{}
	at := map[string]map[int]string{}
	method, level := "", 0.0
	for _, p := range ps {
		s := bySeries[p.row.series]
		if s == nil {
			s = &timeSeries{label: p.row.series}
			bySeries[p.row.series] = s
			at[p.row.series] = map[int]string{}
		}
		if prev, dup := at[s.label][p.ord]; dup {
			return nil, fmt.Errorf("plot: %s repeats %s for %s: give each series one row per period", p.row.what, prev, s.label)
		}
		at[s.label][p.ord] = p.row.what
		s.weight += p.row.weight
		s.pts = append(s.pts, timePoint{x: p.ord - first, est: p.row.est, lo: p.row.lo, hi: p.row.hi})
		if method == "" {
			method, level = p.row.method, p.row.level
		}
	}
	series := make([]*timeSeries, 0, len(bySeries))
	for _, s := range bySeries {
		slices.SortFunc(s.pts, func(a, b timePoint) int { return a.x - b.x })
		series = append(series, s)
	}
	limitN := opt.MaxSeries
	if limitN == 0 {
		limitN = DefaultMaxSeries
	}
	if limitN > 0 && len(series) > limitN {
		slices.SortFunc(series, func(a, b *timeSeries) int {
			return cmp.Or(cmp.Compare(b.weight, a.weight), strings.Compare(a.label, b.label))
		})
		for _, s := range series[limitN:] {
			c.Omitted = append(c.Omitted, s.label)
		}
		slices.Sort(c.Omitted)
		series = series[:limitN]
	}
	slices.SortFunc(series, func(a, b *timeSeries) int { return strings.Compare(a.label, b.label) })

	title := opt.Title
	if title == "" {
		title = spec.title(gran)
	}
	p := newPlot(title, gran.axisName(), spec.yLabel)
	n := last - first + 1
	grid := plotter.NewGrid()
	grid.Vertical.Color = nil
	grid.Horizontal.Color = gridColor
	p.Add(grid, zeroLine(-0.5, float64(n)-0.5, false))

	c.legend = newLegend()
	lo, hi := math.Inf(1), math.Inf(-1)
	markers := n <= 60
	for i, s := range series {
		col, dash := seriesStyle(i)
		band := translucent(col, bandAlpha(len(series)))
		var thumbs []gplot.Thumbnailer
		var dots plotter.XYs // every point on short axes; else only those no line reaches
		for _, run := range runs(s.pts, func(a, b timePoint) bool { return b.x == a.x+1 }) {
			for _, q := range run {
				if markers || len(run) == 1 {
					dots = append(dots, plotter.XY{X: float64(q.x), Y: q.est})
				}
			}
			xys := make(plotter.XYs, len(run))
			for j, q := range run {
				xys[j] = plotter.XY{X: float64(q.x), Y: q.est}
				lo, hi = math.Min(lo, q.est), math.Max(hi, q.est)
			}
			l, err := plotter.NewLine(xys)
			if err != nil {
				return nil, fmt.Errorf("plot: %s: %w", s.label, err)
			}
			l.Color, l.Width, l.Dashes = col, vg.Points(2), dash
			p.Add(l)
			if thumbs == nil {
				thumbs = append(thumbs, l)
			}
		}
		// Bands cover runs of consecutive periods with defined intervals;
		// an isolated interval is drawn as an error bar.
		withCI := func(a, b timePoint) bool { return b.x == a.x+1 }
		var ciPts []timePoint
		for _, q := range s.pts {
			if finite(q.lo) && finite(q.hi) {
				q.lo, q.hi = clamp(q.lo, spec.limit), clamp(q.hi, spec.limit)
				lo, hi = math.Min(lo, q.lo), math.Max(hi, q.hi)
				ciPts = append(ciPts, q)
			}
		}
		var bars plotter.XYs
		var barErr plotter.YErrors
		for _, run := range runs(ciPts, withCI) {
			if len(run) == 1 {
				q := run[0]
				bars = append(bars, plotter.XY{X: float64(q.x), Y: q.est})
				barErr = append(barErr, struct{ Low, High float64 }{q.est - q.lo, q.hi - q.est})
				continue
			}
			poly := make(plotter.XYs, 0, 2*len(run))
			for _, q := range run {
				poly = append(poly, plotter.XY{X: float64(q.x), Y: q.hi})
			}
			for j := len(run) - 1; j >= 0; j-- {
				poly = append(poly, plotter.XY{X: float64(run[j].x), Y: run[j].lo})
			}
			pg, err := plotter.NewPolygon(poly)
			if err != nil {
				return nil, fmt.Errorf("plot: %s: %w", s.label, err)
			}
			pg.Color = band
			pg.LineStyle.Width = 0
			p.Add(pg)
		}
		if len(bars) > 0 {
			eb := &plotter.YErrorBars{XYs: bars, YErrors: barErr, LineStyle: draw.LineStyle{Color: band, Width: vg.Points(4)}}
			p.Add(eb)
		}
		if len(dots) > 0 {
			sc, err := plotter.NewScatter(dots)
			if err != nil {
				return nil, fmt.Errorf("plot: %s: %w", s.label, err)
			}
			sc.GlyphStyle = draw.GlyphStyle{Color: col, Radius: vg.Points(3), Shape: draw.CircleGlyph{}}
			p.Add(sc)
			if len(thumbs) == 0 {
				thumbs = append(thumbs, sc)
			}
		}
		bandThumb, _ := plotter.NewPolygon(plotter.XYs{{X: 0, Y: 0}, {X: 1, Y: 0}, {X: 1, Y: 1}})
		bandThumb.Color, bandThumb.LineStyle.Width = band, 0
		c.legend.Add(s.label, append([]gplot.Thumbnailer{bandThumb}, thumbs...)...)
		c.entries++
	}
	c.legend.Add(ciCaption(level, method), greyBand())
	c.entries++

	p.X.Min, p.X.Max = -0.5, float64(n)-0.5
	p.Y.Min, p.Y.Max = valueRange(lo, hi, spec.limit, 0.5*spec.limit)
	p.Y.Tick.Marker = valueTicker
	step, rotate := tickLayout(p, gran, first, n, c.Width-c.legendWidth()-1.2*vg.Inch)
	p.X.Tick.Marker = periodTicks(gran, first, n, step)
	if rotate {
		p.X.Tick.Label.Rotation = math.Pi / 4
		p.X.Tick.Label.XAlign = draw.XRight
		p.X.Tick.Label.YAlign = draw.YCenter
	}
	c.Plot = p
	return c, nil
}

// bandAlpha fades bands as they multiply, so that where several overlap
// the lines stay visible through them.
func bandAlpha(series int) uint8 {
	return uint8(max(0x18, 0x48-0x08*(series-1)))
}

// greyBand is the legend swatch that explains the shading.
func greyBand() gplot.Thumbnailer {
	pg, _ := plotter.NewPolygon(plotter.XYs{{X: 0, Y: 0}, {X: 1, Y: 0}, {X: 1, Y: 1}})
	pg.Color = translucent(zeroColor, 0x50)
	pg.LineStyle.Width = 0
	return pg
}

// runs splits pts into maximal runs whose neighbours satisfy next.
func runs[T any](pts []T, next func(a, b T) bool) [][]T {
	var out [][]T
	start := 0
	for i := 1; i <= len(pts); i++ {
		if i == len(pts) || !next(pts[i-1], pts[i]) {
			if i > start {
				out = append(out, pts[start:i])
			}
			start = i
		}
	}
	return out
}

// tickLayout decides how many of n period labels fit on an axis of
// about the given width: all of them side by side if they can, else
// rotated by 45 degrees, when a label needs only about 1.5 line heights
// of width, labelling every step-th period if even that is too tight.
func tickLayout(p *gplot.Plot, g granularity, first, n int, width vg.Length) (step int, rotate bool) {
	sty := p.X.Tick.Label
	label := sty.Rectangle(periodLabel(g, first)).Size()
	width = max(width, vg.Inch)
	if vg.Length(n)*(label.X+vg.Points(8)) <= width {
		return 1, false
	}
	per := 1.5 * label.Y
	step = int(math.Ceil(float64(vg.Length(n) * per / width)))
	return max(step, 1), true
}

// periodTicks labels every step-th of the period positions 0..n-1 of an
// axis and marks the others with minor ticks.
func periodTicks(g granularity, first, n, step int) gplot.Ticker {
	return gplot.TickerFunc(func(min, max float64) []gplot.Tick {
		var ts []gplot.Tick
		for i := 0; i < n; i++ {
			t := gplot.Tick{Value: float64(i)}
			if i%step == 0 {
				t.Label = periodLabel(g, first+i)
			} else if n > 120 {
				continue // minor ticks that close together are noise
			}
			ts = append(ts, t)
		}
		return ts
	})
}

// allLabel names the one series of rows that have no keys but the period.
const allLabel = "all states"

// seriesLabel joins the non-period key values of a row.
func seriesLabel(keys []summary.Key) string {
	var parts []string
	for _, k := range keys {
		if k.Name == "period" {
			continue
		}
		v := k.Value
		if v == "" {
			v = "(none)"
		}
		if k.Name != "target" {
			v = k.Name + " " + v
		}
		parts = append(parts, v)
	}
	if len(parts) == 0 {
		return allLabel
	}
	return strings.Join(parts, " · ")
}

func value(keys []summary.Key, name string) string {
	for _, k := range keys {
		if k.Name == name {
			return k.Value
		}
	}
	return ""
}

func hasKey(keys []summary.Key, name string) bool {
	for _, k := range keys {
		if k.Name == name {
			return true
		}
	}
	return false
}
