package plot

import (
	"bytes"
	"encoding/xml"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/recorder"

	"github.com/geostance/geostance/stance/summary"
)

func nullCanvas() draw.Canvas {
	return draw.NewCanvas(&recorder.Canvas{}, DefaultWidth, DefaultHeight)
}

func stats(n int64, mean, lo, hi float64) summary.Stats {
	return summary.Stats{NSentences: n, NDocuments: int(n), Mean: mean, CILow: lo, CIHigh: hi, CIMethod: summary.MethodT, CILevel: 0.95}
}

func keys(kv ...string) []summary.Key {
	var ks []summary.Key
	for i := 0; i+1 < len(kv); i += 2 {
		ks = append(ks, summary.Key{Name: kv[i], Value: kv[i+1]})
	}
	return ks
}

// overTime has two targets over four half-years, one with a missing
// period and one undated row.
func overTime() *summary.Summary {
	s := &summary.Summary{}
	add := func(target, period string, n int64, m float64) {
		s.Groups = append(s.Groups, summary.Row{Keys: keys("target", target, "period", period), Stats: stats(n, m, m-0.2, m+0.2)})
	}
	add("CHN", "2023-H1", 20, 0.35)
	add("CHN", "2023-H2", 18, 0.25)
	add("CHN", "2024-H1", 30, 0.18)
	add("CHN", "2024-H2", 25, 0.25)
	add("Democratic People's Republic of Korea", "2023-H1", 5, -0.6)
	add("Democratic People's Republic of Korea", "2024-H1", 4, -0.9) // interval clipped at -1
	add("Democratic People's Republic of Korea", "2024-H2", 3, -0.5)
	add("CHN", summary.Undated, 2, 0.1)
	return s
}

func tilts() *summary.Summary {
	s := &summary.Summary{}
	for i, p := range []string{"2023-H1", "2023-H2", "2024-H1", "2024-H2"} {
		e := []float64{0.16, 0.4, -0.1, -0.14}[i]
		s.Tilts = append(s.Tilts, summary.TiltRow{A: "CHN", B: "USA", Keys: keys("period", p), Estimate: e,
			CILow: e - 0.3, CIHigh: e + 0.3, CIMethod: summary.MethodClusterT, CILevel: 0.95, NDocuments: 12})
	}
	return s
}

func means() *summary.Summary {
	s := &summary.Summary{}
	for i, t := range []string{"CHN", "USA", "PAK", "IND", "a very long name for a group of states"} {
		m := []float64{0.25, 0.2, 0.22, -0.4, 0.05}[i]
		s.Groups = append(s.Groups, summary.Row{Keys: keys("target", t), Stats: stats(int64(10*(i+1)), m, m-0.1, m+0.1)})
	}
	s.Groups[4].CILow, s.Groups[4].CIHigh = math.NaN(), math.NaN() // one document: no interval
	return s
}

func TestCharts(t *testing.T) {
	tests := []struct {
		name   string
		s      *summary.Summary
		kind   Kind
		auto   Kind
		labels []string // must appear in the SVG
	}{
		{"time", overTime(), KindTime, KindTime, []string{"CHN", "Democratic People", "half-year", "mean attitude (−1 to 1)", "95% CI (t)"}},
		{"tilt", tilts(), KindTilt, KindTilt, []string{"CHN − USA", "Tilt CHN − USA per half-year", "95% CI (clustered t)"}},
		{"dots", means(), KindDots, KindDots, []string{"CHN (n=10)", "a very long name", "mean attitude (−1 to 1)"}},
		{"dots of tilts", &summary.Summary{Tilts: []summary.TiltRow{{A: "CHN", B: "USA", Estimate: 0.1, CILow: -0.2, CIHigh: 0.4, NDocuments: 7}}},
			KindDots, KindDots, []string{"CHN − USA (7 docs)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k, err := AutoKind(tt.s)
			require.NoError(t, err)
			assert.Equal(t, tt.auto, k, "AutoKind")
			c, err := New(tt.kind, tt.s, Options{Width: 6 * vg.Inch, Height: 4 * vg.Inch, DPI: 100})
			require.NoError(t, err)
			dir := t.TempDir()

			pngPath := filepath.Join(dir, "c.png")
			require.NoError(t, c.Save(pngPath))
			f, err := os.Open(pngPath)
			require.NoError(t, err)
			defer f.Close()
			img, err := png.Decode(f)
			require.NoError(t, err)
			assert.Equal(t, 600, img.Bounds().Dx(), "PNG width: 6in at 100 dpi")
			assert.Equal(t, 400, img.Bounds().Dy(), "PNG height: 4in at 100 dpi")

			svgPath := filepath.Join(dir, "c.svg")
			require.NoError(t, c.Save(svgPath))
			b, err := os.ReadFile(svgPath)
			require.NoError(t, err)
			text := svgText(t, b)
			for _, l := range tt.labels {
				assert.Contains(t, text, l)
			}
		})
	}
}

// svgText checks that b is well-formed XML and returns its character data.
func svgText(t *testing.T, b []byte) string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(b))
	var text strings.Builder
	root := ""
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		require.NoError(t, err, "SVG is not well-formed XML")
		switch tok := tok.(type) {
		case xml.StartElement:
			if root == "" {
				root = tok.Name.Local
			}
		case xml.CharData:
			text.Write(tok)
			text.WriteByte('\n')
		}
	}
	assert.Equal(t, "svg", root)
	return text.String()
}

func TestTimeDetails(t *testing.T) {
	c, err := Time(overTime(), Options{})
	require.NoError(t, err)
	assert.Equal(t, 1, c.Skipped, "the undated row")
	assert.Equal(t, DefaultWidth, c.Width)
	assert.Equal(t, DefaultHeight, c.Height)
	assert.GreaterOrEqual(t, c.Plot.Y.Min, -1.0)
	assert.LessOrEqual(t, c.Plot.Y.Max, 1.0)
	assert.Equal(t, -0.5, c.Plot.X.Min)
	assert.Equal(t, 3.5, c.Plot.X.Max, "four half-years")
	c.Draw(nullCanvas())

	c, err = Time(overTime(), Options{MaxSeries: 1})
	require.NoError(t, err)
	assert.Equal(t, []string{"Democratic People's Republic of Korea"}, c.Omitted, "the series with fewer sentences goes")

	c, err = Time(overTime(), Options{Targets: []string{"CHN"}, Title: "China"})
	require.NoError(t, err)
	assert.Equal(t, "China", c.Plot.Title.Text)
	assert.Empty(t, c.Omitted)
}

// Many periods get rotated, thinned labels rather than an unreadable row.
func TestTimeManyPeriods(t *testing.T) {
	s := &summary.Summary{}
	for d := 0; d < 200; d++ {
		s.Groups = append(s.Groups, summary.Row{Keys: keys("period", periodLabel(gDay, 19000+d)), Stats: stats(3, 0.1, 0, 0.2)})
	}
	c, err := Time(s, Options{})
	require.NoError(t, err)
	assert.NotZero(t, c.Plot.X.Tick.Label.Rotation)
	labelled := 0
	for _, tk := range c.Plot.X.Tick.Marker.Ticks(c.Plot.X.Min, c.Plot.X.Max) {
		if tk.Label != "" {
			labelled++
		}
	}
	assert.Less(t, labelled, 40)
	assert.Greater(t, labelled, 5)
}

func TestDotsGrowsWithRows(t *testing.T) {
	s := &summary.Summary{}
	for i := 0; i < 40; i++ {
		s.Groups = append(s.Groups, summary.Row{Keys: keys("target", periodLabel(gYear, 1900+i)), Stats: stats(3, 0.1, 0, 0.2)})
	}
	c, err := Dots(s, Options{})
	require.NoError(t, err)
	assert.Greater(t, c.Height, 10*vg.Inch)
	c, err = Dots(s, Options{Height: 3 * vg.Inch})
	require.NoError(t, err)
	assert.Equal(t, 3*vg.Inch, c.Height, "an explicit height is kept")
}

func TestDotsSorted(t *testing.T) {
	c, err := Dots(means(), Options{})
	require.NoError(t, err)
	var labels []string
	for _, tk := range c.Plot.Y.Tick.Marker.Ticks(c.Plot.Y.Min, c.Plot.Y.Max) {
		if tk.Label != "" {
			labels = append(labels, tk.Label[:3])
		}
	}
	assert.Equal(t, []string{"IND", "a v", "USA", "PAK", "CHN"}, labels, "bottom to top by mean")
}

func TestChartErrors(t *testing.T) {
	mixed := overTime()
	mixed.Groups[1].Keys[1].Value = "2023-07"
	badPeriod := overTime()
	badPeriod.Groups[0].Keys[1].Value = "spring"
	repeated := overTime()
	repeated.Groups[1].Keys[1].Value = "2023-H1"
	outside := means()
	outside.Groups[0].Mean = 1.5
	noPeriod := overTime()
	noPeriod.Groups[0].Keys = keys("target", "CHN")
	tests := []struct {
		name string
		kind Kind
		s    *summary.Summary
		want string
	}{
		{"nil", KindAuto, nil, "no summary rows"},
		{"empty", KindDots, &summary.Summary{}, "no summary rows"},
		{"unknown kind", "pie", means(), `unknown chart kind "pie"`},
		{"time without periods", KindTime, means(), "no period"},
		{"time of tilts", KindTime, tilts(), "tilt chart"},
		{"tilt of groups", KindTilt, overTime(), "no tilt rows"},
		{"mixed periods", KindTime, mixed, `group row 2 (target="CHN" period="2023-07"): period "2023-07" is a month`},
		{"bad period", KindTime, badPeriod, `group row 1 (target="CHN" period="spring")`},
		{"repeated period", KindTime, repeated, "repeats group row 1"},
		{"outside", KindDots, outside, "outside [-1, 1]"},
		{"one row without period", KindTime, noPeriod, "has no period"},
		{"no such target", KindDots, means(), "no rows for targets XYZ"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opt := Options{}
			if tt.name == "no such target" {
				opt.Targets = []string{"XYZ"}
			}
			_, err := New(tt.kind, tt.s, opt)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestSaveErrors(t *testing.T) {
	c, err := Dots(means(), Options{})
	require.NoError(t, err)
	dir := t.TempDir()
	assert.ErrorContains(t, c.Save(filepath.Join(dir, "c.gif")), "use a .png, .svg or .pdf")
	assert.Error(t, c.Save(filepath.Join(dir, "missing", "c.png")))
	var buf bytes.Buffer
	require.NoError(t, c.Encode(&buf, "pdf"))
	assert.True(t, bytes.HasPrefix(buf.Bytes(), []byte("%PDF")))
}
