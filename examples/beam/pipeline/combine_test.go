package pipeline

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geostance/geostance/stance/summary"
)

// accumulate runs the combiner over recs as a runner would over one bundle.
func accumulate(t *testing.T, fn *SummaryFn, recs []Record) *summary.Aggregator {
	t.Helper()
	acc, err := fn.CreateAccumulator()
	require.NoError(t, err)
	for _, r := range recs {
		acc, err = fn.AddInput(acc, r)
		require.NoError(t, err)
	}
	return acc
}

// viaCoder sends acc through the accumulator coder, as a runner does
// between the bundles that pre-combine and the one that merges.
func viaCoder(t *testing.T, acc *summary.Aggregator) *summary.Aggregator {
	t.Helper()
	b, err := encodeAggregator(acc)
	require.NoError(t, err)
	out, err := decodeAggregator(b)
	require.NoError(t, err)
	return out
}

func TestMergeAccumulators(t *testing.T) {
	recs := records(t, readLines(t, "testdata/news.jsonl"))
	require.Greater(t, len(recs), 10, "test corpus records")
	fn := &SummaryFn{Config: testConfig}
	whole, err := fn.ExtractOutput(accumulate(t, fn, recs))
	require.NoError(t, err)
	assert.Contains(t, string(whole), `"kind":"tilt"`)
	assert.Contains(t, string(whole), `"ci_method":"bootstrap-documents"`)

	// Splits cut through documents too: a document's records may be
	// combined on different workers.
	splits := []struct {
		name string
		cuts []int
	}{
		{"halves", []int{len(recs) / 2}},
		{"thirds", []int{len(recs) / 3, 2 * len(recs) / 3}},
		{"one record each side", []int{1, len(recs) - 1}},
		{"empty piece", []int{0, len(recs) / 2}},
	}
	for _, sp := range splits {
		t.Run(sp.name, func(t *testing.T) {
			bounds := append(append([]int{0}, sp.cuts...), len(recs))
			var accs []*summary.Aggregator
			for i := 0; i+1 < len(bounds); i++ {
				accs = append(accs, viaCoder(t, accumulate(t, fn, recs[bounds[i]:bounds[i+1]])))
			}
			// Merge right to left, the reverse of input order.
			acc := accs[len(accs)-1]
			for i := len(accs) - 2; i >= 0; i-- {
				acc, err = fn.MergeAccumulators(acc, accs[i])
				require.NoError(t, err)
			}
			got, err := fn.ExtractOutput(viaCoder(t, acc))
			require.NoError(t, err)
			assertSameSummary(t, whole, got)
		})
	}
}

func TestMergeAccumulatorsConfigMismatch(t *testing.T) {
	a := accumulate(t, &SummaryFn{Config: testConfig}, nil)
	b := accumulate(t, &SummaryFn{Config: summary.Config{By: []string{"outlet"}}}, nil)
	_, err := (&SummaryFn{Config: testConfig}).MergeAccumulators(a, b)
	assert.ErrorContains(t, err, "different configs")
}

func TestAddInputRejects(t *testing.T) {
	fn := &SummaryFn{Config: testConfig}
	for _, r := range []Record{
		{Doc: "a", Target: "CHN", Score: 1.5},
		{Doc: "a", Target: "CHN", Label: 2},
		{Doc: "a", Target: "CHN", Date: "yesterday"},
	} {
		_, err := fn.AddInput(accumulate(t, fn, nil), r)
		assert.Error(t, err, "AddInput(%+v)", r)
	}
}

// TestShardPartials merges the partials of separately summarised shards,
// as "geostance summarize a.partial b.partial" does, and checks the
// result against the one-piece summary.
func TestShardPartials(t *testing.T) {
	lines := readLines(t, "testdata/news.jsonl")
	whole := summaryJSONL(t, aggregate(t, testConfig, records(t, lines)))
	fn := &SummaryFn{Config: testConfig, Partial: true}
	var merged *summary.Aggregator
	for _, shard := range [][]string{lines[:2], lines[2:5], lines[5:]} {
		b, err := fn.ExtractOutput(accumulate(t, fn, records(t, shard)))
		require.NoError(t, err)
		p, err := summary.DecodePartial(bytes.NewReader(b))
		require.NoError(t, err, "partial %s", b)
		if merged == nil {
			merged = p
			continue
		}
		require.NoError(t, merged.Merge(p))
	}
	assertSameSummary(t, whole, summaryJSONL(t, merged))
}
