// Package bench compares geostance with two other Go sentiment libraries,
// github.com/jonreiter/govader and github.com/cdipaolo/sentiment, on
// public human-labelled data: NewsMTSC (target-dependent sentiment in
// news) and the rated sentences of the VADER paper. It is a separate
// module so that the comparison's dependencies stay out of geostance.
//
// The data is not part of the repository; the program and the benchmarks
// read it from a directory given by the user (by default
// ../../shared/benchmarks from this directory) and skip when it is
// absent.
package bench

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/geostance/geostance/internal/eval"
)

// DefaultData is where the benchmark data is looked for, relative to this
// directory.
const DefaultData = "../../shared/benchmarks"

// ErrNoData reports that the benchmark data directory is missing.
var ErrNoData = errors.New("bench: benchmark data not found")

// NewsMTSC sets, in the order of the table.
var NewsMTSC = []string{"dev_rw", "dev_mt"}

// VADERSets are VADER's rated sets, in the order of the table.
var VADERSets = []string{"tweets", "movieReviewSnippets", "nytEditorialSnippets", "amazonReviewSnippets"}

// Load reads one gold set: a NewsMTSC set by name ("train", "dev_rw") or a
// VADER set ("tweets", ...).
func Load(dir, set string) ([]eval.Sentence, error) {
	path := filepath.Join(dir, "newsmtsc", set+".jsonl")
	format := eval.NewsMTSC
	if _, err := os.Stat(path); err != nil {
		path = filepath.Join(dir, "vader_gt", set+"_GroundTruth.txt")
		format = eval.VADER
	}
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%w: %s", ErrNoData, path)
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return eval.Read(f, path, format)
}
