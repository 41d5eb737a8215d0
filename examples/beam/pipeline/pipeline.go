package pipeline

import (
	"context"
	"fmt"
	"reflect"
	"sync"
	"unicode/utf8"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/geostance/geostance/stance"
	"github.com/geostance/geostance/stance/summary"
)

// Beam rebuilds DoFns and combiners by name on every worker, and Prism
// rejects a pipeline whose functions are not registered, so registration
// happens when the package is loaded, before any pipeline is built.
func init() {
	register.DoFn3x1[context.Context, string, func(Record), error](&scoreFn{})
	register.Emitter1[Record]()
	register.Combiner3[*summary.Aggregator, Record, []byte](&SummaryFn{})
	register.DoFn3x1[context.Context, []byte, func(*[]byte) bool, error](&writeFn{})
	register.Iter1[[]byte]()
	beam.RegisterType(reflect.TypeOf((*Record)(nil)).Elem())
	beam.RegisterCoder(reflect.TypeOf((*summary.Aggregator)(nil)), encodeAggregator, decodeAggregator)
}

// Options are the inputs, outputs and statistics of a pipeline.
type Options struct {
	// Input is a file name or glob of JSON Lines documents, on any file
	// system registered with Beam (local and gs:// with beamx).
	Input string
	// Output is the file the summary is written to.
	Output string
	// Config selects the grouping and statistics.
	Config summary.Config
	// Partial writes the merged partial aggregate instead of the summary.
	Partial bool
	// SkipBad counts bad input lines (metric "bad_documents") and goes on,
	// instead of failing the pipeline.
	SkipBad bool
}

// Build adds the steps that read, score, summarise and write to s. It
// checks the configuration first, so that a bad flag fails here rather
// than on a worker.
func Build(s beam.Scope, o Options) error {
	if o.Input == "" || o.Output == "" {
		return fmt.Errorf("pipeline: an input and an output are required")
	}
	if _, err := summary.NewAggregator(o.Config); err != nil {
		return fmt.Errorf("pipeline: %w", err)
	}
	lines := textio.Read(s, o.Input)
	records := Records(s.Scope("score"), lines, o.SkipBad)
	sum := beam.Combine(s.Scope("summarize"), &SummaryFn{Config: o.Config, Partial: o.Partial}, records)
	// Reading the summary as a side input of a single impulse makes the
	// output file exist even when the input held no records, in which
	// case Combine emits nothing.
	beam.ParDo0(s.Scope("write"), &writeFn{Filename: o.Output, Config: o.Config, Partial: o.Partial},
		beam.Impulse(s), beam.SideInput{Input: sum})
	return nil
}

// Records scores a PCollection of JSON Lines (string) into a
// PCollection of [Record].
func Records(s beam.Scope, lines beam.PCollection, skipBad bool) beam.PCollection {
	return beam.ParDo(s, &scoreFn{SkipBad: skipBad}, lines)
}

// analyzer is shared by every scoreFn of a worker process: an Analyzer
// is safe for concurrent use, and building one parses the lexicon.
var analyzer = sync.OnceValues(func() (*stance.Analyzer, error) { return stance.New() })

// scoreFn turns one JSON Lines document into records.
type scoreFn struct {
	SkipBad bool `json:"skip_bad"`

	a   *stance.Analyzer
	bad beam.Counter
}

func (f *scoreFn) Setup() error {
	a, err := analyzer()
	if err != nil {
		return err
	}
	f.a = a
	f.bad = beam.NewCounter("geostance", "bad_documents")
	return nil
}

func (f *scoreFn) ProcessElement(ctx context.Context, line string, emit func(Record)) error {
	if isBlank(line) {
		return nil
	}
	d, err := ParseDocument([]byte(line))
	var recs []Record
	if err == nil {
		recs, err = Score(ctx, f.a, &d)
	}
	if err != nil {
		if ctx.Err() != nil || !f.SkipBad {
			return fmt.Errorf("%w (line starts %q)", err, head(line))
		}
		f.bad.Inc(ctx, 1)
		log.Warnf(ctx, "skipped bad document: %v (line starts %q)", err, head(line))
		return nil
	}
	for _, r := range recs {
		emit(r)
	}
	return nil
}

func isBlank(s string) bool {
	for _, c := range []byte(s) {
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			return false
		}
	}
	return true
}

// head is the start of a bad line: lines of a sharded read have no
// number, so the text is what lets a user find it.
func head(s string) string {
	const n = 60
	if len(s) <= n {
		return s
	}
	i := n
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "…"
}

// writeFn writes the summary to one file.
type writeFn struct {
	Filename string         `json:"filename"`
	Config   summary.Config `json:"config"`
	Partial  bool           `json:"partial"`
}

func (f *writeFn) ProcessElement(ctx context.Context, _ []byte, sums func(*[]byte) bool) error {
	var out []byte
	var found bool
	for sums(&out) {
		found = true
	}
	if !found {
		fn := SummaryFn{Config: f.Config, Partial: f.Partial}
		acc, err := fn.CreateAccumulator()
		if err != nil {
			return err
		}
		if out, err = fn.ExtractOutput(acc); err != nil {
			return err
		}
	}
	fs, err := filesystem.New(ctx, f.Filename)
	if err != nil {
		return err
	}
	defer fs.Close()
	w, err := fs.OpenWrite(ctx, f.Filename)
	if err != nil {
		return err
	}
	if _, err := w.Write(out); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}
