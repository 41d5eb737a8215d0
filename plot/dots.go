package plot

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/geostance/geostance/stance/summary"
)

// dotRow is one line of a dot chart.
type dotRow struct {
	label       string
	est, lo, hi float64
}

// xyErr feeds plotter.NewXErrorBars.
type xyErr struct {
	plotter.XYs
	plotter.XErrors
}

// Dots draws the mean of each row as a dot with a horizontal interval
// bar, rows sorted by mean (highest at the top) and labelled with their
// keys and sentence counts, and a dashed line at zero. It draws the focal
// rows of s, else its group rows, else its tilt rows (as tilts, in
// [-2, 2]). With no Height set the chart grows with its rows so that
// labels never overlap.
func Dots(s *summary.Summary, opt Options) (*Chart, error) {
	if s == nil || len(s.Groups)+len(s.Focal)+len(s.Tilts) == 0 {
		return nil, ErrNoRows
	}
	var rows []dotRow
	limit := 1.0
	xLabel := "mean attitude (−1 to 1)"
	title := "Mean attitude toward each state"
	method, level := "", 0.0
	c := &Chart{DPI: opt.DPI}
	addStats := func(keys []summary.Key, st *summary.Stats) {
		if !keep(opt, value(keys, "target")) {
			return
		}
		if !finite(st.Mean) {
			c.Skipped++
			return
		}
		rows = append(rows, dotRow{label: dotLabel(keys, "", fmt.Sprintf("n=%d", st.NSentences)), est: st.Mean, lo: st.CILow, hi: st.CIHigh})
		if method == "" {
			method, level = st.CIMethod, st.CILevel
		}
	}
	switch {
	case len(s.Focal) > 0:
		for i := range s.Focal {
			title = "Attitude toward each state in relations with " + s.Focal[i].Focal
			addStats(s.Focal[i].Keys, &s.Focal[i].Stats)
		}
	case len(s.Groups) > 0:
		for i := range s.Groups {
			addStats(s.Groups[i].Keys, &s.Groups[i].Stats)
		}
	default:
		limit, xLabel, title = 2, "tilt: attitude to A minus to B (−2 to 2)", "Tilt between states"
		for i := range s.Tilts {
			t := &s.Tilts[i]
			if !keep(opt, t.Name(), t.A, t.B) {
				continue
			}
			if !finite(t.Estimate) {
				c.Skipped++
				continue
			}
			rows = append(rows, dotRow{label: dotLabel(t.Keys, t.A+" − "+t.B, fmt.Sprintf("%d docs", t.NDocuments)), est: t.Estimate, lo: t.CILow, hi: t.CIHigh})
			if method == "" {
				method, level = t.CIMethod, t.CILevel
			}
		}
	}
	if len(rows) == 0 {
		if len(opt.Targets) > 0 {
			return nil, fmt.Errorf("plot: no rows for targets %s", strings.Join(opt.Targets, ","))
		}
		return nil, fmt.Errorf("plot: none of the rows has a defined mean")
	}
	for _, r := range rows {
		if math.Abs(r.est) > limit {
			return nil, fmt.Errorf("plot: row %s: value %v outside [-%g, %g]", r.label, r.est, limit, limit)
		}
	}
	// Ascending, because the first nominal position is at the bottom.
	slices.SortStableFunc(rows, func(a, b dotRow) int {
		return cmp.Or(cmp.Compare(a.est, b.est), strings.Compare(b.label, a.label))
	})

	// Room for each label: a row needs about a quarter inch.
	c.Width, c.Height = chartSize(opt, max(DefaultHeight, vg.Length(len(rows))*0.26*vg.Inch+1.6*vg.Inch))
	if opt.Title != "" {
		title = opt.Title
	}
	p := newPlot(title, xLabel, "")
	n := len(rows)
	grid := plotter.NewGrid()
	grid.Horizontal.Color = nil
	grid.Vertical.Color = gridColor
	p.Add(grid, zeroLine(-0.6, float64(n)-0.4, true))

	col := palette[0]
	var bars xyErr
	pts := make(plotter.XYs, n)
	labels := make([]string, n)
	lo, hi := math.Inf(1), math.Inf(-1)
	for i, r := range rows {
		labels[i] = r.label
		pts[i] = plotter.XY{X: r.est, Y: float64(i)}
		lo, hi = math.Min(lo, r.est), math.Max(hi, r.est)
		if finite(r.lo) && finite(r.hi) {
			l, h := clamp(r.lo, limit), clamp(r.hi, limit)
			lo, hi = math.Min(lo, l), math.Max(hi, h)
			bars.XYs = append(bars.XYs, pts[i])
			bars.XErrors = append(bars.XErrors, struct{ Low, High float64 }{r.est - l, h - r.est})
		}
	}
	c.legend = newLegend()
	sc, err := plotter.NewScatter(pts)
	if err != nil {
		return nil, fmt.Errorf("plot: %w", err)
	}
	sc.GlyphStyle = draw.GlyphStyle{Color: col, Radius: vg.Points(3.5), Shape: draw.CircleGlyph{}}
	if len(bars.XYs) > 0 {
		eb, err := plotter.NewXErrorBars(bars)
		if err != nil {
			return nil, fmt.Errorf("plot: %w", err)
		}
		eb.LineStyle = draw.LineStyle{Color: translucent(col, 0xA0), Width: vg.Points(2)}
		eb.CapWidth = vg.Points(6)
		p.Add(eb)
		// Error bars draw no legend swatch; a line in their style does.
		swatch, _ := plotter.NewLine(plotter.XYs{{X: 0, Y: 0}, {X: 1, Y: 0}})
		swatch.LineStyle = eb.LineStyle
		c.legend.Add(ciCaption(level, method), swatch)
		c.entries++
	}
	p.Add(sc)
	label := "mean"
	if limit == 2 {
		label = "tilt"
	}
	c.legend.Add(label, sc)
	c.entries++

	p.NominalY(labels...)
	p.Y.Min, p.Y.Max = -0.6, float64(n)-0.4
	p.X.Min, p.X.Max = valueRange(lo, hi, limit, 0.5*limit)
	p.X.Tick.Marker = valueTicker
	c.Plot = p
	return c, nil
}

// dotLabel names a dot row by its keys, after lead if given, followed by
// its size in parentheses.
func dotLabel(keys []summary.Key, lead, size string) string {
	parts := []string{}
	if lead != "" {
		parts = append(parts, lead)
	}
	if l := seriesLabel(keys); l != allLabel || lead == "" {
		parts = append(parts, l)
	}
	if p := value(keys, "period"); p != "" {
		parts = append(parts, p)
	}
	return strings.Join(parts, " · ") + " (" + size + ")"
}
