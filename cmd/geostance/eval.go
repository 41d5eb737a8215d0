package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"

	"github.com/geostance/geostance/internal/eval"
	"github.com/geostance/geostance/stance"
)

var evalCommand = &command{
	name:    "eval",
	summary: "measure agreement with hand-coded sentences (accuracy, F1, alpha, r)",
	usage: `Usage: geostance eval -gold FILE [flags]

Scores hand-coded sentences and reports how far geostance agrees with the
coders: accuracy, precision, recall and F1 per class, macro-F1, the confusion
matrix, Krippendorff's alpha (nominal; geostance and the gold as two coders),
Pearson and Spearman correlations for continuous ratings, accuracy per tag,
and the worst errors with the evidence behind them.

Gold formats (-format; default from the file):
  jsonl     {"id", "text", "date"?, "labels": {"CHN": "positive"}, "tags"?: [...],
             "targets"?: [{"id", "start", "end"}]}  (spans in code points)
  csv       columns text, target, label; optional id, sentence, start, end
            (code points; several spans joined by ";"), date, tags, rating:
            the coding sheet that geostance sample writes, once coded
  newsmtsc  NewsMTSC JSON Lines (sentence_normalized, targets[] from/to/polarity)
  vader     VADER's rated sentences: ID<TAB>rating (-4..+4)<TAB>text

Targets the gazetteer does not find are counted as predicted neutral, and the
report says how many there were.

Examples:
  geostance eval -gold coded.csv
  geostance eval -gold coded.csv -model model.json -json
  geostance eval -format newsmtsc -gold dev_rw.jsonl -worst 20`,
	run: runEval,
}

// goldOptions are the flags that name a gold file.
type goldOptions struct {
	file   string
	format string
}

func (o *goldOptions) register(fs *flag.FlagSet) {
	fs.StringVar(&o.file, "gold", "", `the gold file ("-" for stdin)`)
	fs.StringVar(&o.format, "format", "", "gold format: jsonl, csv, newsmtsc or vader (default: from the file)")
}

// registerAnalyzer registers the flags that shape the analyzer of eval
// and calibrate, a subset of score's.
func registerAnalyzer(fs *flag.FlagSet, o *scoreOptions, model bool) {
	fs.StringVar(&o.targets, "targets", "", "a file of extra targets and aliases in the gazetteer format (TSV)")
	fs.StringVar(&o.lexicon, "lexicon", "", "a lexicon file (TSV) to use with the built-in one")
	fs.StringVar(&o.lexiconMode, "lexicon-mode", "extend", "extend or replace (see geostance score -h)")
	fs.Float64Var(&o.pos, "pos", stance.DefaultPositive, "label threshold: scores at or above it are positive")
	fs.Float64Var(&o.neg, "neg", stance.DefaultNegative, "label threshold: scores at or below it are negative")
	if model {
		fs.StringVar(&o.model, "model", "", "a calibration model (JSON) written by geostance calibrate")
	}
}

// readGold reads the gold file the options name.
func (e *env) readGold(o *goldOptions, args []string) ([]eval.Sentence, error) {
	if o.file == "" && len(args) == 1 {
		o.file = args[0]
	} else if len(args) > 0 {
		return nil, usagef("unexpected arguments %q (the gold file goes after -gold)", args)
	}
	if o.file == "" {
		return nil, usagef("-gold FILE is required")
	}
	var format eval.Format
	if o.format != "" {
		f, err := eval.ParseFormat(o.format)
		if err != nil {
			return nil, usagef("%v", err)
		}
		format = f
	}
	r, name, closeFile, err := e.open(o.file)
	if err != nil {
		return nil, err
	}
	defer closeFile()
	br := bufio.NewReaderSize(r, 64<<10)
	if o.format == "" {
		head, _ := br.Peek(4096)
		format = eval.Detect(name, bytes.Clone(head))
	}
	gold, err := eval.Read(br, name, format)
	if err != nil {
		return nil, err
	}
	if len(gold) == 0 {
		return nil, fmt.Errorf("%s: no coded sentences", name)
	}
	return gold, nil
}

func runEval(ctx context.Context, e *env, args []string) error {
	fs := e.newFlagSet()
	var g goldOptions
	var o scoreOptions
	g.register(fs)
	registerAnalyzer(fs, &o, true)
	asJSON := fs.Bool("json", false, "write the report as JSON")
	worst := fs.Int("worst", 10, "how many of the worst errors to list")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	if *worst < 0 {
		return usagef("-worst must not be negative")
	}
	gold, err := e.readGold(&g, fs.Args())
	if err != nil {
		return err
	}
	a, err := o.analyzer()
	if err != nil {
		return err
	}
	rep, err := eval.Evaluate(ctx, a, gold, *worst)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(e.stdout)
	if *asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		err = enc.Encode(rep)
	} else {
		err = eval.WriteTable(w, rep)
	}
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	return err
}
