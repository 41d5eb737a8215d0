package main

import (
	"context"
	"fmt"
	"strings"

	"gonum.org/v1/plot/vg"

	"github.com/geostance/geostance/plot"
)

var plotCommand = &command{
	name:    "plot",
	summary: "draw a chart (PNG, SVG or PDF) from summary rows",
	usage: `Usage: geostance plot -o FILE.png|FILE.svg|FILE.pdf [flags] [SUMMARY.jsonl|-]

Reads the JSON Lines written by geostance summarize (stdin when no file or
"-" is given) and draws a chart with 95% (or the summary's) intervals:

  time   mean attitude over time, one line and band per target
         (rows grouped by a period: -by target,month)
  tilt   the tilt A minus B over time, with a zero line
         (tilt rows with a period: -by half -tilt CHN,USA)
  dots   mean attitude per target, sorted, with interval bars
         (rows without a period: -by target)
  auto   tilt if there are tilt rows with a period, else time if the rows
         have a period, else dots

The image format follows the extension of -o.

Examples:
  geostance summarize -by target,half scores.jsonl | geostance plot -o attitude.png
  geostance summarize -by half -tilt CHN,USA -bootstrap 2000 scores.jsonl > tilt.jsonl
  geostance plot -o tilt.svg tilt.jsonl
  geostance summarize -by target scores.jsonl | geostance plot -o means.png -title "Mean attitude, 2023-2024"
  geostance plot -o us-china.png -targets CHN,USA -width 10in -height 4in summary.jsonl`,
	run: runPlot,
}

func runPlot(ctx context.Context, e *env, args []string) error {
	fs := e.newFlagSet()
	out := fs.String("o", "", "output image: a .png, .svg or .pdf file (required)")
	kind := fs.String("kind", "auto", "chart: auto, time, tilt or dots")
	title := fs.String("title", "", "chart title (default: describes the chart)")
	width := fs.String("width", "8in", "image width (in, cm, mm or pt)")
	height := fs.String("height", "", "image height (default 5in; dot charts grow with their rows)")
	dpi := fs.Int("dpi", plot.DefaultDPI, "resolution of PNG output, dots per inch")
	targets := fs.String("targets", "", "comma-separated targets (or tilt pairs like CHN-USA) to draw; default all")
	maxSeries := fs.Int("max-series", plot.DefaultMaxSeries, "draw at most this many lines in a time or tilt chart, those with most data (0: no limit)")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return usagef("-o FILE is required (a .png, .svg or .pdf file)")
	}
	if _, err := plot.FormatOf(*out); err != nil {
		return usagef("-o %s: the file name must end in .png, .svg or .pdf", *out)
	}
	k := plot.Kind(*kind)
	switch k {
	case plot.KindAuto, plot.KindTime, plot.KindTilt, plot.KindDots:
	default:
		return usagef("unknown -kind %q (want auto, time, tilt or dots)", *kind)
	}
	opt := plot.Options{Title: *title, DPI: *dpi, MaxSeries: *maxSeries}
	if *maxSeries == 0 {
		opt.MaxSeries = -1
	} else if *maxSeries < 0 {
		return usagef("-max-series %d: want 0 (no limit) or more", *maxSeries)
	}
	if *dpi < 10 || *dpi > 2400 {
		return usagef("-dpi %d outside [10, 2400]", *dpi)
	}
	var err error
	if opt.Width, err = parseLength("width", *width); err != nil {
		return err
	}
	if *height != "" {
		if opt.Height, err = parseLength("height", *height); err != nil {
			return err
		}
	}
	for _, t := range strings.Split(*targets, ",") {
		if t = strings.TrimSpace(t); t != "" {
			opt.Targets = append(opt.Targets, t)
		}
	}
	if fs.NArg() > 1 {
		return usagef("plot reads one summary file, got %d", fs.NArg())
	}

	in := "-"
	if fs.NArg() == 1 {
		in = fs.Arg(0)
	}
	r, name, closeFile, err := e.open(in)
	if err != nil {
		return err
	}
	defer closeFile()
	s, err := plot.ReadJSONL(r, name)
	if err != nil {
		return err
	}
	if len(s.Groups)+len(s.Tilts)+len(s.Focal) == 0 {
		return fmt.Errorf("%s: no summary rows to plot (expected the JSON Lines output of geostance summarize)", name)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	c, err := plot.New(k, s, opt)
	if err != nil {
		// The library's "plot: " prefix would repeat the command name.
		return fmt.Errorf("%s: %s", name, strings.TrimPrefix(err.Error(), "plot: "))
	}
	if c.Skipped > 0 {
		fmt.Fprintf(e.stderr, "geostance plot: %d row(s) not drawn (undated, or without a defined mean)\n", c.Skipped)
	}
	if len(c.Omitted) > 0 {
		fmt.Fprintf(e.stderr, "geostance plot: drew the %d series with most data; left out %s (use -targets or -max-series)\n",
			*maxSeries, strings.Join(c.Omitted, ", "))
	}
	return c.Save(*out)
}

// parseLength reads an image dimension such as "8in" or "20cm".
func parseLength(flag, v string) (vg.Length, error) {
	l, err := vg.ParseLength(v)
	if err != nil || l <= 0 {
		return 0, usagef("-%s %q: want a positive length such as 8in, 20cm or 600pt", flag, v)
	}
	if l > 100*vg.Inch {
		return 0, usagef("-%s %q: larger than 100in", flag, v)
	}
	return l, nil
}
