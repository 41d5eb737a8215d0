package main

import (
	"bufio"
	"context"
	"flag"
	"os"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/geostance/geostance/lexicon"
	"github.com/geostance/geostance/stance"
	"github.com/geostance/geostance/stance/calibrate"
)

var scoreCommand = &command{
	name:    "score",
	summary: "score the attitude of each sentence toward each state it names",
	usage: `Usage: geostance score [flags] [FILE|-]...

Writes one record per (document, sentence, target):
  {"id": "doc1", "sentence": 3, "target": "CHN", "name": "China", "score": 0.62,
   "label": "positive", "source": "PAK", "mentions": [...], "evidence": [...], ...}
score is in [-1, 1]; label is positive at or above -pos, negative at or below
-neg. source names the state whose attitude the sentence reports, when it
says ("Beijing condemned ..."). Offsets are code points of the document text.
With -model, score and label are the model's, and "reasons" lists the inputs
the label rests on: {"feature": "e:+praised", "value": 1, "weight": 0.52}, ...

JSON Lines input may name its own targets as code-point spans; then only those
are scored and "target" is the given id:
  {"id": "a1", "text": "...", "targets": [{"id": "t1", "start": 88, "end": 92}]}

Examples:
  geostance score article.txt
  geostance score -in jsonl corpus.jsonl > scores.jsonl
  geostance score -only CHN,USA,PAK -out csv corpus.jsonl > scores.csv
  geostance score -targets people.tsv corpus.jsonl
  geostance score -model builtin corpus.jsonl   # calibrated on geostance's own labelled sentences
  geostance score corpus.jsonl | geostance summarize -by target,month
  geostance score -dict ir.yml -only CHN,USA corpus.jsonl | geostance summarize -category ir.security
` + dictUsage,
	run: runScore,
}

// scoreOptions are the flags of score (and of commands that score).
type scoreOptions struct {
	in          inputOptions
	out         string
	sentences   bool
	only        string
	targets     string
	lexicon     string
	lexiconMode string
	workers     int
	quiet       bool
	pos, neg    float64
	model       string
	dict        dictOptions
}

func (o *scoreOptions) register(fs *flag.FlagSet) {
	o.in.register(fs)
	fs.StringVar(&o.out, "out", "jsonl", "output format: jsonl, csv or parquet")
	fs.BoolVar(&o.sentences, "sentences", false, `also write one record per sentence with "target": null (its overall attitude)`)
	fs.StringVar(&o.only, "only", "", "comma-separated target ids to report (e.g. CHN,USA,PAK); default all")
	fs.StringVar(&o.targets, "targets", "", "a file of extra targets and aliases in the gazetteer format (TSV)")
	fs.StringVar(&o.lexicon, "lexicon", "", "a lexicon file (TSV) to use with the built-in one")
	fs.StringVar(&o.lexiconMode, "lexicon-mode", "extend", "extend: add -lexicon to the built-in lexicon; replace: use it instead of the built-in affect and relation entries")
	fs.IntVar(&o.workers, "workers", runtime.GOMAXPROCS(0), "number of parallel workers; output order does not depend on it")
	fs.BoolVar(&o.quiet, "quiet", false, "no progress on stderr")
	fs.Float64Var(&o.pos, "pos", stance.DefaultPositive, "label threshold: scores at or above it are positive")
	fs.Float64Var(&o.neg, "neg", stance.DefaultNegative, "label threshold: scores at or below it are negative")
	fs.StringVar(&o.model, "model", "", "a calibration model (JSON) written by geostance calibrate, or \"builtin\" for the one fitted on geostance's own labelled sentences; then score is P(positive) - P(negative) and label the most probable class, in place of the thresholds")
	o.dict.register(fs)
}

// analyzer builds the Analyzer the options ask for.
func (o *scoreOptions) analyzer(extra ...stance.Option) (*stance.Analyzer, error) {
	opts := []stance.Option{stance.WithThresholds(o.neg, o.pos)}
	if o.model != "" {
		var m *calibrate.Model
		var err error
		if o.model == "builtin" {
			m, err = calibrate.Builtin()
		} else {
			m, err = calibrate.Load(o.model)
		}
		if err != nil {
			return nil, err
		}
		opts = append(opts, stance.WithCalibrator(m))
	}
	opts = append(opts, extra...)
	if o.only != "" {
		opts = append(opts, stance.OnlyTargets(splitList(o.only)...))
	}
	if o.targets != "" {
		f, err := os.Open(o.targets)
		if err != nil {
			return nil, err
		}
		g, err := lexicon.Countries().Extend(f, o.targets)
		f.Close()
		if err != nil {
			return nil, err
		}
		opts = append(opts, stance.WithGazetteer(g))
	}
	if o.lexicon != "" {
		f, err := os.Open(o.lexicon)
		if err != nil {
			return nil, err
		}
		user, err := lexicon.Parse(f, o.lexicon)
		f.Close()
		if err != nil {
			return nil, err
		}
		base := lexicon.English()
		switch o.lexiconMode {
		case "extend":
		case "replace":
			base = base.Without(lexicon.Affect, lexicon.Relation)
		default:
			return nil, usagef("-lexicon-mode must be extend or replace, not %q", o.lexiconMode)
		}
		opts = append(opts, stance.WithLexicon(base.Extend(user)))
	}
	return stance.New(opts...)
}

func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

func runScore(ctx context.Context, e *env, args []string) error {
	fs := e.newFlagSet()
	var o scoreOptions
	o.register(fs)
	if err := e.parse(fs, args); err != nil {
		return err
	}
	if o.workers < 1 {
		return usagef("-workers must be at least 1")
	}
	defer tuneGC()()
	if o.out != "jsonl" && o.out != "csv" && o.out != "parquet" {
		return usagef("-out must be jsonl, csv or parquet, not %q", o.out)
	}
	a, err := o.analyzer()
	if err != nil {
		return err
	}
	dicts, err := o.dict.load(o.out)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(e.stdout, 256<<10)
	enc := newRecordWriter(o.out, dicts)
	emit := func(b []byte) error {
		_, err := w.Write(b)
		return err
	}
	var pq *parquetSink
	switch o.out {
	case "csv":
		w.Write(csvHeaderLine(dicts))
	case "parquet":
		pq = newParquetSink(w)
		emit = pq.write
	}
	var acc accounting
	if !o.quiet && isTerminal(e.stderr) {
		acc.progress = startProgress(e.stderr, inputSize(fs.Args()))
	}
	err = e.score(ctx, a, &o, fs.Args(), &acc, emit, enc)
	acc.progress.finish()
	if pq != nil {
		if cerr := pq.close(); err == nil {
			err = cerr
		}
	}
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	return err
}

// job is a batch of sentences of one document, scored by one worker.
type job struct {
	doc      *document
	text     string // the document text when it is held whole (JSON Lines, CSV)
	whole    bool   // sents are still to be split from text, by the worker
	sents    []sentence
	explicit []stance.TargetSpan
	out      []byte
	first    bool // the first batch of its document
	done     chan struct{}
}

// batchSentences is the number of sentences of a streamed plain-text
// document scored as one job.
const batchSentences = 256

// score scores the documents of names with a, in parallel, and passes the
// encoded records to emit in input order.
func (e *env) score(ctx context.Context, a *stance.Analyzer, o *scoreOptions, names []string, acc *accounting, emit func([]byte) error, enc recordWriter) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan *job, o.workers*4)
	order := make(chan *job, o.workers*16)
	// Output buffers go back to the workers once written, so that a batch's
	// records are not encoded into a buffer grown from nothing.
	free := make(chan []byte, o.workers*20)
	for range o.workers {
		go func() {
			for j := range jobs {
				// Once cancelled, the queue is only drained: scoring it
				// would delay the stop by up to workers*4 batches.
				if ctx.Err() == nil {
					if j.whole {
						// Splitting here rather than in the reader keeps
						// the one reading goroutine from holding the
						// workers back.
						eachSentenceString(ctx, j.text, func(s *sentence) error {
							j.sents = append(j.sents, *s)
							return nil
						})
					}
					var buf []byte
					select {
					case buf = <-free:
					default:
					}
					j.out = scoreJob(a, j, o, enc, buf)
				}
				close(j.done)
			}
		}()
	}
	readErr := make(chan error, 1)
	go func() {
		defer close(order)
		defer close(jobs)
		send := func(j *job) bool {
			j.done = make(chan struct{})
			select {
			case order <- j:
			case <-ctx.Done():
				return false
			}
			select {
			case jobs <- j:
				return true
			case <-ctx.Done():
				close(j.done) // queued for output but never scored: let the writer pass it
				return false
			}
		}
		err := e.forEachDocument(ctx, &o.in, names, acc, func(d *document) error {
			if d.body == nil {
				j := &job{doc: d, text: d.Text, whole: true, first: true}
				var err error
				if j.explicit, err = explicitTargets(d); err != nil {
					return err
				}
				if !send(j) {
					return ctx.Err()
				}
				return nil
			}
			j := &job{doc: d, first: true}
			err := eachSentence(ctx, d, func(s *sentence) error {
				j.sents = append(j.sents, *s)
				if len(j.sents) == batchSentences {
					if !send(j) {
						return ctx.Err()
					}
					j = &job{doc: d}
				}
				return nil
			})
			if err == nil && len(j.sents) > 0 && !send(j) {
				return ctx.Err()
			}
			return err
		})
		readErr <- err
	}()
	var werr error
	for j := range order {
		<-j.done
		if p := acc.progress; p != nil {
			p.sentences.Add(int64(len(j.sents)))
			if j.first {
				p.docs.Add(1)
			}
		}
		// After a cancellation nothing more is written, so the output is
		// the records of a prefix of the input, with no batch left out.
		if werr == nil && ctx.Err() == nil {
			if werr = emit(j.out); werr != nil {
				cancel()
			}
		}
		select {
		case free <- j.out[:0]:
		default:
		}
		j.out = nil
	}
	if werr != nil {
		<-readErr
		return werr
	}
	return <-readErr
}

// explicitTargets converts the code-point target spans of a document into
// byte spans.
func explicitTargets(d *document) ([]stance.TargetSpan, error) {
	if len(d.Targets) == 0 {
		return nil, nil
	}
	out := make([]stance.TargetSpan, 0, len(d.Targets))
	for _, t := range d.Targets {
		out = append(out, stance.TargetSpan{ID: t.ID, Span: stance.Span{
			Start: byteOffset(d.Text, t.Start), End: byteOffset(d.Text, t.End),
		}})
	}
	return out, nil
}

// byteOffset returns the byte offset of code point cp in s.
func byteOffset(s string, cp int) int {
	n := 0
	for i := range s {
		if n == cp {
			return i
		}
		n++
	}
	return len(s)
}

func scoreJob(a *stance.Analyzer, j *job, o *scoreOptions, enc recordWriter, buf []byte) []byte {
	var opts []stance.DocOption
	if !j.doc.Date.IsZero() {
		opts = append(opts, stance.OnDate(j.doc.Date))
	}
	if !o.sentences {
		opts = append(opts, stance.TargetedOnly()) // a sentence without a target writes no record
	}
	for i := range j.sents {
		s := &j.sents[i]
		sopts := opts
		if j.explicit != nil {
			var ts []stance.TargetSpan
			for _, t := range j.explicit {
				if t.Span.Start < s.end && t.Span.End > s.start {
					ts = append(ts, t)
				}
			}
			if len(ts) == 0 {
				continue
			}
			sopts = append(sopts[:len(sopts):len(sopts)], stance.WithTargets(ts...))
		}
		res := a.AnalyzeSentence(s.text, s.start, sopts...)
		buf = enc.append(buf, j.doc, s, &res, o.sentences)
	}
	return buf
}

// tuneGC sets the collector for scoring, which allocates much and keeps
// little: collecting when the heap has grown to five times what is live,
// not twice, spends about a fifth less CPU, and a soft limit of 96 MiB
// keeps the process small whatever the input. GOGC and GOMEMLIMIT in the
// environment win. It returns a function that restores the settings.
func tuneGC() (restore func()) {
	gc, limit := -2, int64(-1)
	if os.Getenv("GOGC") == "" {
		gc = debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		limit = debug.SetMemoryLimit(96 << 20)
	}
	return func() {
		if gc != -2 {
			debug.SetGCPercent(gc)
		}
		if limit >= 0 {
			debug.SetMemoryLimit(limit)
		}
	}
}
