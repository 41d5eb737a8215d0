// Command bench scores public benchmark data with geostance (default and
// calibrated on NewsMTSC train), govader and cdipaolo/sentiment in one run
// and prints accuracy, macro-F1, Pearson r and speed as a Markdown table.
//
//	cd bench && go run ./bench -data ../../shared/benchmarks
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/cdipaolo/sentiment"
	"github.com/jonreiter/govader"

	"github.com/geostance/geostance/bench"
	"github.com/geostance/geostance/internal/eval"
	"github.com/geostance/geostance/stance"
	"github.com/geostance/geostance/stance/calibrate"
)

// vaderThreshold is the compound-score threshold for VADER's labels, as
// recommended by its authors (Hutto & Gilbert 2014, README).
const vaderThreshold = 0.05

// system scores one gold sentence: per-target predictions for NewsMTSC,
// a sentence prediction for VADER's rated sets.
type system struct {
	name  string
	score func(s *eval.Sentence) []eval.Prediction
}

// wholeSentence makes a system of a whole-sentence scorer: its score is
// copied to every target.
func wholeSentence(name string, f func(text string) (float64, stance.Label)) system {
	return system{name: name, score: func(s *eval.Sentence) []eval.Prediction {
		sc, l := f(s.Text)
		var out []eval.Prediction
		if s.Rated {
			out = append(out, eval.Prediction{Sentence: s, Found: true, Score: sc, Label: l})
		}
		for i := range s.Targets {
			out = append(out, eval.Prediction{Sentence: s, Target: &s.Targets[i], Found: true, Score: sc, Label: l})
		}
		return out
	}}
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := fs.String("data", bench.DefaultData, "directory holding newsmtsc/ and vader_gt/")
	folds := fs.Int("folds", 5, "cross-validation folds of the calibration")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if err := bench1(*data, *folds, stdout, stderr); err != nil {
		fmt.Fprintf(stderr, "bench: %v\n", err)
		return 1
	}
	return 0
}

func bench1(data string, folds int, stdout, stderr io.Writer) error {
	sets := map[string][]eval.Sentence{}
	names := append(append([]string{"train"}, bench.NewsMTSC...), bench.VADERSets...)
	for _, n := range names {
		g, err := bench.Load(data, n)
		if err != nil {
			return err
		}
		sets[n] = g
	}

	def, err := stance.New()
	if err != nil {
		return err
	}
	feat, err := stance.New(stance.WithFeatures())
	if err != nil {
		return err
	}
	start := time.Now()
	var examples []calibrate.Example
	for i := range sets["train"] {
		for _, p := range eval.Predict(feat, &sets["train"][i]) {
			if p.Result != nil && p.Target.Labeled {
				examples = append(examples, calibrate.Example{Features: p.Result.Features, Label: p.Target.Label})
			}
		}
	}
	model, err := calibrate.Fit(context.Background(), examples, calibrate.Config{Folds: folds, Seed: 1})
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "calibrated on NewsMTSC train (%d targets) in %.1fs: held-out macro-F1 %.3f, lambda %g\n",
		len(examples), time.Since(start).Seconds(), model.CV().MacroF1, model.Lambda())
	cal, err := stance.New(stance.WithCalibrator(model))
	if err != nil {
		return err
	}

	vader := govader.NewSentimentIntensityAnalyzer()
	nb, err := sentiment.Restore()
	if err != nil {
		return err
	}
	systems := []system{
		{name: "geostance", score: func(s *eval.Sentence) []eval.Prediction { return eval.Predict(def, s) }},
		{name: "geostance, calibrated", score: func(s *eval.Sentence) []eval.Prediction { return eval.Predict(cal, s) }},
		wholeSentence("govader (sentence)", func(text string) (float64, stance.Label) {
			c := vader.PolarityScores(text).Compound
			switch {
			case c >= vaderThreshold:
				return c, stance.Positive
			case c <= -vaderThreshold:
				return c, stance.Negative
			}
			return c, stance.Neutral
		}),
		wholeSentence("cdipaolo (sentence)", func(text string) (float64, stance.Label) {
			// The library's verdict is binary: 1 positive, 0 negative.
			if nb.SentimentAnalysis(text, sentiment.English).Score == 1 {
				return 1, stance.Positive
			}
			return -1, stance.Negative
		}),
	}

	fmt.Fprintf(stdout, "| system | dev_rw F1m | dev_rw acc | dev_mt F1m | dev_mt acc | r tweets | r movie | r NYT | r Amazon | sentences/s |\n")
	fmt.Fprintf(stdout, "|---|---|---|---|---|---|---|---|---|---|\n")
	for _, sys := range systems {
		var cells []string
		var n int
		var elapsed time.Duration
		for _, set := range append(append([]string(nil), bench.NewsMTSC...), bench.VADERSets...) {
			g := sets[set]
			t0 := time.Now()
			var preds []eval.Prediction
			for i := range g {
				preds = append(preds, sys.score(&g[i])...)
			}
			elapsed += time.Since(t0)
			n += len(g)
			r := eval.Summarize(g, preds, 0)
			if r.Items > 0 {
				cells = append(cells, cell(r.MacroF1), cell(r.Accuracy))
			} else {
				cells = append(cells, cell(r.Pearson))
			}
		}
		fmt.Fprintf(stdout, "| %s |", sys.name)
		for _, c := range cells {
			fmt.Fprintf(stdout, " %s |", c)
		}
		fmt.Fprintf(stdout, " %.0f |\n", float64(n)/elapsed.Seconds())
	}
	return nil
}

func cell(v *float64) string {
	if v == nil {
		return "–"
	}
	return fmt.Sprintf("%.3f", *v)
}
