package pipeline

import (
	"bytes"

	"github.com/geostance/geostance/stance/summary"
)

// SummaryFn is a Beam CombineFn that aggregates [Record] values into a
// summary. Its accumulator is a *summary.Aggregator, which a registered
// coder carries between workers as its JSON partial.
type SummaryFn struct {
	// Config selects the grouping and statistics, as the summarize flags do.
	Config summary.Config
	// Partial makes ExtractOutput write the merged partial aggregate
	// (the output of "geostance summarize -partial") instead of the summary.
	Partial bool
}

// CreateAccumulator returns an empty aggregate.
func (f *SummaryFn) CreateAccumulator() (*summary.Aggregator, error) {
	return summary.NewAggregator(f.Config)
}

// AddInput folds one record into acc.
func (f *SummaryFn) AddInput(acc *summary.Aggregator, r Record) (*summary.Aggregator, error) {
	sr, err := r.Summary()
	if err != nil {
		return nil, err
	}
	if err := acc.Add(sr); err != nil {
		return nil, err
	}
	return acc, nil
}

// MergeAccumulators folds b into a; the merge is exact for counts,
// bootstrap replicate sums and cluster moments, so the runner may merge
// in any order.
func (f *SummaryFn) MergeAccumulators(a, b *summary.Aggregator) (*summary.Aggregator, error) {
	if err := a.Merge(b); err != nil {
		return nil, err
	}
	return a, nil
}

// ExtractOutput returns the summary as JSON Lines, exactly as
// "geostance summarize" writes it, or the partial when f.Partial is set.
func (f *SummaryFn) ExtractOutput(acc *summary.Aggregator) ([]byte, error) {
	var buf bytes.Buffer
	if f.Partial {
		err := acc.MarshalPartial(&buf)
		return buf.Bytes(), err
	}
	s, err := acc.Summary()
	if err != nil {
		return nil, err
	}
	err = s.WriteJSONL(&buf)
	return buf.Bytes(), err
}

// encodeAggregator is the Beam coder of accumulators: the JSON partial
// is the one encoding of an Aggregator that is versioned and validated.
func encodeAggregator(a *summary.Aggregator) ([]byte, error) {
	var buf bytes.Buffer
	err := a.MarshalPartial(&buf)
	return buf.Bytes(), err
}

func decodeAggregator(b []byte) (*summary.Aggregator, error) {
	return summary.DecodePartial(bytes.NewReader(b))
}
