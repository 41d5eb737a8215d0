package main

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/geostance/geostance/internal/eval"
	"github.com/geostance/geostance/stance"
	"github.com/geostance/geostance/stance/calibrate"
)

var calibrateCommand = &command{
	name:    "calibrate",
	summary: "fit a calibration model to hand-coded sentences",
	usage: `Usage: geostance calibrate -gold FILE -o model.json [flags]

Fits a multinomial logistic regression (L2 penalty) that maps what geostance
computes for each target (evidence sums, negation and hedging counts, roles,
distance, naive-Bayes scores of the target's clause and of the words after
it, the words near the target) to the labels of a hand-coded gold file
(formats as for eval). The penalty is chosen by stratified k-fold
cross-validation on macro-F1; the held-out macro-F1 and accuracy are printed
and stored in the model, which is then refitted on all the data. Use the
model with score -model or eval -model.

Examples:
  geostance sample -n 300 corpus.jsonl > sheet.csv   # code the label column
  geostance calibrate -gold sheet.csv -o model.json
  geostance score -model model.json corpus.jsonl`,
	run: runCalibrate,
}

func runCalibrate(ctx context.Context, e *env, args []string) error {
	fs := e.newFlagSet()
	var g goldOptions
	var o scoreOptions
	var cfg calibrate.Config
	g.register(fs)
	registerAnalyzer(fs, &o, false)
	out := fs.String("o", "", "where to write the model (JSON)")
	fs.IntVar(&cfg.Folds, "folds", 5, "cross-validation folds (1: no cross-validation, fit the first -lambdas)")
	fs.Uint64Var(&cfg.Seed, "seed", 1, "seed of the assignment to folds")
	fs.IntVar(&cfg.Vocab, "vocab", 3000, "how many frequent words near the target become features (-1: none)")
	fs.IntVar(&cfg.ClauseVocab, "clause-vocab", 4000, "how many frequent words of the target's clause, and apart of its sides beyond the window, become features (-1: none)")
	fs.IntVar(&cfg.SideVocab, "side-vocab", 4000, "how many frequent words just before or after the target, with their side, become features (-1: none)")
	fs.IntVar(&cfg.TermVocab, "term-vocab", 3000, "how many frequent lexicon terms of the target's evidence, and rules that weighed it, with its sign, become features (-1: none)")
	fs.BoolVar(&cfg.Bigrams, "bigrams", true, "also use the -vocab most frequent word pairs near the target")
	lambdas := fs.String("lambdas", "", "comma-separated L2 penalties to try (default 0.01,0.003,0.001,0.0003,0.0001)")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return usagef("-o model.json is required")
	}
	if cfg.Folds < 1 {
		return usagef("-folds must be at least 1")
	}
	for _, s := range splitList(*lambdas) {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil || v < 0 {
			return usagef("-lambdas: %q is not a non-negative number", s)
		}
		cfg.Lambdas = append(cfg.Lambdas, v)
	}
	gold, err := e.readGold(&g, fs.Args())
	if err != nil {
		return err
	}
	a, err := o.analyzer(stance.WithFeatures())
	if err != nil {
		return err
	}
	start := time.Now()
	var examples []calibrate.Example
	missing := 0
	for i := range gold {
		if err := ctx.Err(); err != nil {
			return err
		}
		for _, p := range eval.Predict(a, &gold[i]) {
			if p.Target == nil || !p.Target.Labeled {
				continue
			}
			if p.Result == nil || p.Result.Features == nil {
				missing++
				continue
			}
			examples = append(examples, calibrate.Example{Features: p.Result.Features, Label: p.Target.Label})
		}
	}
	m, err := calibrate.Fit(ctx, examples, cfg)
	if err != nil {
		return err
	}
	m.SetSource(g.file)
	m.SetSkipped(missing)
	if err := m.Save(*out); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "examples\t%d", len(examples))
	if missing > 0 {
		fmt.Fprintf(e.stdout, " (%d coded targets not found by the gazetteer were left out)", missing)
	}
	fmt.Fprintln(e.stdout)
	fmt.Fprintf(e.stdout, "features\t%d\n", len(m.Features()))
	if cv := m.CV(); cv != nil {
		for _, p := range cv.Grid {
			fmt.Fprintf(e.stdout, "lambda %-8g\theld-out macro-F1 %.3f\taccuracy %.3f\n", p.Lambda, p.MacroF1, p.Accuracy)
		}
		fmt.Fprintf(e.stdout, "chosen lambda\t%g (%d folds): held-out macro-F1 %.3f, accuracy %.3f\n", cv.Lambda, cv.Folds, cv.MacroF1, cv.Accuracy)
	}
	fmt.Fprintf(e.stdout, "model\t%s (features and fit: %.1fs)\n", *out, time.Since(start).Seconds())
	return nil
}
