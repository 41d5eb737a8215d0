package plot

import (
	"errors"
	"fmt"
	"image/color"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	gplot "gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgpdf"
	"gonum.org/v1/plot/vg/vgsvg"

	"github.com/geostance/geostance/stance/summary"
)

// Default sizes. 8 by 5 inches fits a page or a slide with room for the
// legend; 150 dots per inch prints sharply without huge files.
const (
	DefaultWidth     = 8 * vg.Inch
	DefaultHeight    = 5 * vg.Inch
	DefaultDPI       = 150
	DefaultMaxSeries = 6 // lines in one time chart: past six the bands blur into one
)

// Kind names a chart type.
type Kind string

// Chart kinds.
const (
	KindAuto Kind = "auto" // choose from the rows: see [Auto]
	KindTime Kind = "time" // attitude over time per target: [Time]
	KindTilt Kind = "tilt" // tilt between two states over time: [Tilt]
	KindDots Kind = "dots" // mean per target with intervals: [Dots]
)

// Options adjust a chart. The zero value gives the defaults.
type Options struct {
	// Title replaces the chart's default title.
	Title string
	// Width and Height of the image; zero means DefaultWidth and
	// DefaultHeight, except that a dot chart grows taller with its rows.
	Width, Height vg.Length
	// DPI is the resolution of raster output; 0 means DefaultDPI.
	DPI int
	// Targets, if set, keeps only rows whose target is listed; for tilt
	// rows, those whose pair ("CHN-USA") or either side is listed.
	Targets []string
	// MaxSeries bounds the lines of a time or tilt chart; the series with
	// the most sentences (documents, for tilts) are kept. 0 means
	// DefaultMaxSeries; negative means no bound.
	MaxSeries int
}

// Chart is a drawn chart ready to be saved. Plot may be adjusted (fonts,
// colours, ranges) before saving; the legend is drawn beside it, outside
// the data area, so that it never hides data.
type Chart struct {
	Plot          *gplot.Plot
	Width, Height vg.Length
	DPI           int
	// Skipped counts rows that have no place on the chart: undated rows
	// of a time chart and rows whose mean is undefined.
	Skipped int
	// Omitted names the series left out by Options.MaxSeries.
	Omitted []string

	legend  gplot.Legend
	entries int
}

// Formats lists the file formats Save and Encode write, by extension.
var Formats = []string{"png", "svg", "pdf"}

// FormatOf returns the format of a file name by its extension, or an
// error naming the supported ones.
func FormatOf(path string) (string, error) {
	ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(path), "."))
	for _, f := range Formats {
		if ext == f {
			return f, nil
		}
	}
	return "", fmt.Errorf("plot: cannot tell the image format of %q: use a .png, .svg or .pdf file name", path)
}

// Save writes the chart to path in the format of its extension (.png,
// .svg or .pdf). On failure it removes the partial file.
func (c *Chart) Save(path string) (err error) {
	format, err := FormatOf(path)
	if err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("plot: %w", err)
	}
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("plot: %w", cerr)
		}
		if err != nil {
			os.Remove(path)
		}
	}()
	return c.Encode(f, format)
}

// Encode writes the chart to w in format "png", "svg" or "pdf".
func (c *Chart) Encode(w io.Writer, format string) error {
	var cw vg.CanvasWriterTo
	switch format {
	case "png":
		dpi := c.DPI
		if dpi <= 0 {
			dpi = DefaultDPI
		}
		cw = vgimg.PngCanvas{Canvas: vgimg.NewWith(vgimg.UseWH(c.Width, c.Height), vgimg.UseDPI(dpi))}
	case "svg":
		cw = vgsvg.New(c.Width, c.Height)
	case "pdf":
		cw = vgpdf.New(c.Width, c.Height)
	default:
		return fmt.Errorf("plot: unknown image format %q (want png, svg or pdf)", format)
	}
	c.Draw(draw.New(cw))
	if _, err := cw.WriteTo(w); err != nil {
		return fmt.Errorf("plot: writing %s: %w", format, err)
	}
	return nil
}

// Draw draws the chart, with its legend to the right of the plot.
func (c *Chart) Draw(dc draw.Canvas) {
	// A margin keeps the outermost glyphs off the image edge, where
	// antialiasing and some viewers cut them.
	if dc.Canvas != nil {
		dc.SetColor(color.White)
		dc.Fill(dc.Rectangle.Path())
	}
	m := vg.Points(8)
	dc = draw.Crop(dc, m, -m, m, -m)
	if c.entries == 0 {
		c.Plot.Draw(dc)
		return
	}
	gap, lw := legendGap, c.legendWidth()
	c.Plot.Draw(draw.Crop(dc, 0, -lw, 0, 0))
	// Start the legend level with the top of the data area, below the title.
	top := vg.Length(0)
	if c.Plot.Title.Text != "" {
		top = c.Plot.Title.TextStyle.Rectangle(c.Plot.Title.Text).Size().Y + c.Plot.Title.Padding
	}
	lc := draw.Crop(dc, dc.Max.X-dc.Min.X-lw+gap, 0, 0, -top)
	c.legend.Draw(lc)
}

// legendWidth is the width the legend takes beside the plot.
func (c *Chart) legendWidth() vg.Length {
	if c.entries == 0 {
		return 0
	}
	r := c.legend.Rectangle(draw.Canvas{})
	return r.Max.X - r.Min.X + 2*legendGap
}

// legendGap separates the legend from the plot and from the image edge.
const legendGap vg.Length = 12

// Auto draws the chart that suits the rows of s: the tilt over time when
// there are tilt rows with a period, else attitude over time when the
// focal rows (or, without focal rows, the group rows) have a period,
// else a dot chart.
func Auto(s *summary.Summary, opt Options) (*Chart, error) {
	k, err := AutoKind(s)
	if err != nil {
		return nil, err
	}
	return New(k, s, opt)
}

// AutoKind returns the kind [Auto] would draw for s.
func AutoKind(s *summary.Summary) (Kind, error) {
	if s == nil || len(s.Groups)+len(s.Tilts)+len(s.Focal) == 0 {
		return "", ErrNoRows
	}
	hasPeriod := func(keys []summary.Key) bool {
		for _, k := range keys {
			if k.Name == "period" {
				return true
			}
		}
		return false
	}
	for _, t := range s.Tilts {
		if hasPeriod(t.Keys) {
			return KindTilt, nil
		}
	}
	if len(s.Focal) > 0 {
		for _, r := range s.Focal {
			if hasPeriod(r.Keys) {
				return KindTime, nil
			}
		}
		return KindDots, nil
	}
	for _, r := range s.Groups {
		if hasPeriod(r.Keys) {
			return KindTime, nil
		}
	}
	return KindDots, nil
}

// New draws a chart of the given kind.
func New(k Kind, s *summary.Summary, opt Options) (*Chart, error) {
	switch k {
	case KindAuto, "":
		return Auto(s, opt)
	case KindTime:
		return Time(s, opt)
	case KindTilt:
		return Tilt(s, opt)
	case KindDots:
		return Dots(s, opt)
	}
	return nil, fmt.Errorf("plot: unknown chart kind %q (want auto, time, tilt or dots)", string(k))
}

// ErrNoRows is returned when a summary has no rows to draw.
var ErrNoRows = errors.New("plot: no summary rows to draw")

// palette is the Okabe & Ito (2008) colour-blind-safe palette, reordered
// so that the first colours differ most and the pale yellow comes last.
var palette = []color.RGBA{
	{0x00, 0x72, 0xB2, 0xFF}, // blue
	{0xD5, 0x5E, 0x00, 0xFF}, // vermillion
	{0x00, 0x9E, 0x73, 0xFF}, // bluish green
	{0xCC, 0x79, 0xA7, 0xFF}, // reddish purple
	{0xE6, 0x9F, 0x00, 0xFF}, // orange
	{0x56, 0xB4, 0xE9, 0xFF}, // sky blue
	{0x55, 0x55, 0x55, 0xFF}, // dark grey
	{0xB8, 0xA9, 0x00, 0xFF}, // yellow, darkened to show on white
}

// dashes give series beyond the palette a second visual channel.
var dashes = [][]vg.Length{nil, {vg.Points(6), vg.Points(3)}, {vg.Points(2), vg.Points(2)}}

func seriesStyle(i int) (color.RGBA, []vg.Length) {
	return palette[i%len(palette)], dashes[(i/len(palette))%len(dashes)]
}

// translucent returns c at the opacity of a confidence band (premultiplied,
// as image/color expects).
func translucent(c color.RGBA, alpha uint8) color.RGBA {
	f := func(v uint8) uint8 { return uint8(int(v) * int(alpha) / 255) }
	return color.RGBA{f(c.R), f(c.G), f(c.B), alpha}
}

var (
	zeroColor = color.RGBA{0x70, 0x70, 0x70, 0xFF}
	gridColor = color.RGBA{0xE4, 0xE4, 0xE4, 0xFF}
)

// sans is the chart typeface: gonum's default is a serif, which reads
// less well at tick-label sizes on screens.
func sans(size float64) font.Font {
	return font.Font{Typeface: "Liberation", Variant: "Sans", Size: vg.Points(size)}
}

// newPlot returns a plot with the house text sizes.
func newPlot(title, xLabel, yLabel string) *gplot.Plot {
	p := gplot.New()
	p.Title.Text = title
	p.Title.TextStyle.Font = sans(14)
	p.Title.Padding = vg.Points(10)
	p.X.Label.Text = xLabel
	p.Y.Label.Text = yLabel
	for _, a := range []*gplot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle.Font = sans(12)
		a.Tick.Label.Font = sans(10.5)
		a.Label.Padding = vg.Points(6)
	}
	return p
}

func newLegend() gplot.Legend {
	l := gplot.NewLegend()
	l.Top, l.Left = true, true
	l.TextStyle.Font = sans(10.5)
	l.ThumbnailWidth = vg.Points(22)
	l.Padding = vg.Points(3)
	return l
}

// ciCaption describes the intervals of a chart for its legend, briefly:
// a long caption would widen the legend at the expense of the data.
func ciCaption(level float64, method string) string {
	if !(level > 0 && level < 1) {
		level = summary.DefaultLevel
	}
	s := strconv.FormatFloat(math.Round(level*1000)/10, 'f', -1, 64) + "% CI"
	switch method {
	case summary.MethodBootstrap:
		s += " (bootstrap)"
	case summary.MethodClusterT:
		s += " (clustered t)"
	case summary.MethodT:
		s += " (t)"
	}
	return s
}

// valueRange returns the axis range for values in [lo, hi]: zero
// included, padded, at least minSpan wide, and within [-limit, limit].
func valueRange(lo, hi, limit, minSpan float64) (float64, float64) {
	if math.IsInf(lo, 1) { // no data at all
		lo, hi = 0, 0
	}
	lo, hi = math.Min(lo, 0), math.Max(hi, 0)
	pad := 0.08 * (hi - lo)
	lo, hi = lo-pad, hi+pad
	if span := hi - lo; span < minSpan {
		lo -= (minSpan - span) / 2
		hi += (minSpan - span) / 2
	}
	if lo < -limit {
		hi, lo = math.Min(limit, hi+(-limit-lo)), -limit
	}
	if hi > limit {
		lo, hi = math.Max(-limit, lo-(hi-limit)), limit
	}
	return lo, hi
}

// valueTicks labels a score or tilt axis at round steps, with a true
// minus sign, and puts a minor tick halfway between labels.
func valueTicks(lo, hi float64) []gplot.Tick {
	span := hi - lo
	step := 1.0
	for _, st := range []float64{0.05, 0.1, 0.2, 0.25, 0.5, 1} {
		if span/st <= 8 {
			step = st
			break
		}
	}
	var ts []gplot.Tick
	for i := math.Ceil(lo/step*2 - 1e-9); i <= math.Floor(hi/step*2+1e-9); i++ {
		v := math.Round(i*step/2*1e6) / 1e6 // 0.6, not 0.6000000000000001
		t := gplot.Tick{Value: v}
		if int(i)%2 == 0 {
			t.Label = strings.Replace(strconv.FormatFloat(v+0, 'f', -1, 64), "-", "−", 1)
			if math.Abs(v) < 1e-12 {
				t.Label = "0"
			}
		}
		ts = append(ts, t)
	}
	return ts
}

var valueTicker = gplot.TickerFunc(valueTicks)

func clamp(v, limit float64) float64 { return math.Max(-limit, math.Min(limit, v)) }

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// zeroLine is a dashed reference line through 0 across [a, b].
func zeroLine(a, b float64, vertical bool) *plotter.Line {
	xys := plotter.XYs{{X: a, Y: 0}, {X: b, Y: 0}}
	if vertical {
		xys = plotter.XYs{{X: 0, Y: a}, {X: 0, Y: b}}
	}
	l, _ := plotter.NewLine(xys) // finite by construction
	l.Color = zeroColor
	l.Width = vg.Points(1)
	l.Dashes = []vg.Length{vg.Points(4), vg.Points(3)}
	return l
}

// chartSize fills in the default size.
func chartSize(opt Options, height vg.Length) (vg.Length, vg.Length) {
	w := opt.Width
	if w <= 0 {
		w = DefaultWidth
	}
	h := opt.Height
	if h <= 0 {
		h = height
	}
	return w, h
}

// keep reports whether a row for target (or tilt pair a-b) passes opt.Targets.
func keep(opt Options, names ...string) bool {
	if len(opt.Targets) == 0 {
		return true
	}
	for _, t := range opt.Targets {
		for _, n := range names {
			if n == t {
				return true
			}
		}
	}
	return false
}

// describe names a row in error messages: "group row 3 (target=CHN period=x)".
func describe(kind string, i int, keys []summary.Key) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s row %d (", kind, i+1)
	for j, k := range keys {
		if j > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%s=%q", k.Name, k.Value)
	}
	b.WriteByte(')')
	return b.String()
}
