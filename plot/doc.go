// Package plot draws charts of attitude summaries (package
// stance/summary): attitude over time per target, the tilt between two
// states over time, and mean attitude per target as a dot chart, each with
// its confidence intervals. It is built on gonum.org/v1/plot and writes
// PNG, SVG and PDF.
//
// # Quick start
//
//	s, err := agg.Summary()               // or plot.ReadJSONL(f, "summary.jsonl")
//	c, err := plot.Auto(s, plot.Options{}) // or plot.Time, plot.Tilt, plot.Dots
//	err = c.Save("attitude.png")
//
// # Reading the charts
//
// Scores lie in [-1, 1] and tilts in [-2, 2]; value axes never extend
// beyond these limits, always include zero (drawn dashed) and are at
// least half the full range wide, so that small differences are not
// magnified into dramatic slopes. Intervals are clipped to the limits:
// a t interval from a handful of sentences can reach past them, but the
// mean it brackets cannot. Periods are placed on a calendar axis, so a
// period without data is a gap, not a silent join of its neighbours.
//
// # Concurrency
//
// Charts are independent values; draw different charts from different
// goroutines freely, but do not share one Chart between them.
package plot
