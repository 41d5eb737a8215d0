// Command beam scores and summarises a JSON Lines corpus with Apache Beam,
// writing the same summary as "geostance score | geostance summarize".
// It runs locally on the Prism runner (the default) and, unchanged, on
// Dataflow, Flink or Spark; see README.md.
//
//	go run . -input corpus.jsonl -output summary.jsonl -by target,half \
//	    -tilt CHN,USA -bootstrap 2000 -seed 7
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	// beamx registers every runner and the local and gs:// file systems.
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/geostance/geostance/examples/beam/pipeline"
	"github.com/geostance/geostance/stance/summary"
)

func main() {
	// Flags use Beam's spelling (skip_bad) because they share one flag set
	// with the runner's flags (--runner, --endpoint, --project ...).
	var (
		input     = flag.String("input", "", "JSON Lines documents: a file or glob (local, gs://)")
		output    = flag.String("output", "", "file to write the summary (JSON Lines) to")
		by        = flag.String("by", "target", "comma-separated group keys, as in geostance summarize")
		tilt      = flag.String("tilt", "", "A,B: mean attitude toward A minus toward B (several pairs: A,B;C,D)")
		focal     = flag.String("focal", "", "a state F: F's convergence with each target")
		baseline  = flag.String("baseline", "", "a metadata field: also report means relative to its mean toward all targets")
		level     = flag.Float64("ci", summary.DefaultLevel, "confidence level")
		bootstrap = flag.Int("bootstrap", 0, "document-bootstrap replicates (0: t intervals)")
		seed      = flag.Uint64("seed", 1, "bootstrap seed")
		weighted  = flag.Bool("weighted", false, "weight each record by its number of mentions")
		partial   = flag.Bool("partial", false, "write the partial aggregate, to merge with geostance summarize later")
		skipBad   = flag.Bool("skip_bad", false, "count and skip bad documents instead of failing")
	)
	flag.Parse()
	beam.Init()

	cfg := summary.Config{
		By: splitList(*by), Level: *level, Bootstrap: *bootstrap, Seed: *seed,
		Weighted: *weighted, Focal: *focal, Baseline: *baseline,
	}
	if *tilt != "" {
		for _, pair := range strings.Split(*tilt, ";") {
			ab := splitList(pair)
			if len(ab) != 2 {
				fmt.Fprintf(os.Stderr, "beam: -tilt wants two target ids, A,B; got %q\n", pair)
				os.Exit(2)
			}
			cfg.Tilt = append(cfg.Tilt, [2]string{ab[0], ab[1]})
		}
	}
	p, s := beam.NewPipelineWithRoot()
	err := pipeline.Build(s, pipeline.Options{
		Input: *input, Output: *output, Config: cfg, Partial: *partial, SkipBad: *skipBad,
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "beam: %v\n", err)
		os.Exit(2)
	}
	if err := beamx.Run(context.Background(), p); err != nil {
		fmt.Fprintf(os.Stderr, "beam: %v\n", err)
		os.Exit(1)
	}
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
