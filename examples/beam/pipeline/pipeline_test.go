package pipeline

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/core/metrics"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geostance/geostance/stance/summary"
)

// TestMain runs the pipelines on Prism, the portable local runner, which
// checks registration and encoding as a distributed runner would.
func TestMain(m *testing.M) {
	ptest.Main(m)
}

// runPipeline runs Build on Prism and returns the output file.
func runPipeline(t *testing.T, o Options) ([]byte, error) {
	t.Helper()
	out, _, err := runPipelineMetrics(t, o)
	return out, err
}

// runPipelineMetrics is runPipeline that also returns the value of the
// bad_documents counter.
func runPipelineMetrics(t *testing.T, o Options) (out []byte, bad int64, err error) {
	t.Helper()
	if o.Output == "" {
		o.Output = filepath.Join(t.TempDir(), "summary.jsonl")
	}
	p, s := beam.NewPipelineWithRoot()
	require.NoError(t, Build(s, o))
	res, err := ptest.RunWithMetrics(p)
	if err != nil {
		return nil, 0, err
	}
	q := res.Metrics().Query(func(r metrics.SingleResult) bool { return r.Name() == "bad_documents" })
	for _, c := range q.Counters() {
		bad += c.Result()
	}
	out, err = os.ReadFile(o.Output)
	return out, bad, err
}

func absPath(t *testing.T, p string) string {
	t.Helper()
	abs, err := filepath.Abs(p)
	require.NoError(t, err)
	return abs
}

func writeFile(t *testing.T, name string, lines []string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(p, []byte(strings.Join(lines, "\n")+"\n"), 0o644))
	return p
}

func TestPipelineEqualsInProcess(t *testing.T) {
	in := absPath(t, "testdata/news.jsonl")
	recs := records(t, readLines(t, in))
	configs := []struct {
		name string
		cfg  summary.Config
	}{
		{"target half tilt bootstrap", testConfig},
		{"outlet baseline focal t", summary.Config{By: []string{"target", "outlet"}, Baseline: "outlet", Focal: "PAK", Tilt: [][2]string{{"CHN", "USA"}}}},
	}
	for _, c := range configs {
		t.Run(c.name, func(t *testing.T) {
			got, err := runPipeline(t, Options{Input: in, Config: c.cfg})
			require.NoError(t, err)
			want := summaryJSONL(t, aggregate(t, c.cfg, recs))
			require.NotEmpty(t, want)
			assertSameSummary(t, want, got)
		})
	}
}

// TestPipelineShardPartials runs the pipeline once per shard with
// Partial set, as on separate clusters, and merges the partial files.
func TestPipelineShardPartials(t *testing.T) {
	lines := readLines(t, "testdata/news.jsonl")
	want := summaryJSONL(t, aggregate(t, testConfig, records(t, lines)))
	var merged *summary.Aggregator
	for i, shard := range [][]string{lines[:3], lines[3:]} {
		b, err := runPipeline(t, Options{Input: writeFile(t, "shard.jsonl", shard), Config: testConfig, Partial: true})
		require.NoError(t, err, "shard %d", i)
		p, err := summary.DecodePartial(bytes.NewReader(b))
		require.NoError(t, err, "shard %d partial", i)
		if merged == nil {
			merged = p
		} else {
			require.NoError(t, merged.Merge(p))
		}
	}
	assertSameSummary(t, want, summaryJSONL(t, merged))
}

func TestPipelineEmptyInput(t *testing.T) {
	got, err := runPipeline(t, Options{Input: writeFile(t, "empty.jsonl", []string{""}), Config: testConfig})
	require.NoError(t, err)
	assert.Equal(t, string(summaryJSONL(t, aggregate(t, testConfig, nil))), string(got))
}

func TestPipelineBadDocument(t *testing.T) {
	lines := append(readLines(t, "testdata/news.jsonl"), `{"id":"bad","text":"China.","date":"2023-02-30"}`)
	in := writeFile(t, "bad.jsonl", lines)

	_, err := runPipeline(t, Options{Input: in, Config: testConfig})
	require.Error(t, err, "a bad document fails the pipeline")
	assert.Contains(t, err.Error(), `date "2023-02-30"`)

	got, bad, err := runPipelineMetrics(t, Options{Input: in, Config: testConfig, SkipBad: true})
	require.NoError(t, err)
	assert.Equal(t, int64(1), bad, "bad_documents counter")
	assertSameSummary(t, summaryJSONL(t, aggregate(t, testConfig, records(t, lines[:len(lines)-1]))), got)
}

func TestBuildRejectsBadOptions(t *testing.T) {
	for _, o := range []Options{
		{Output: "x"},
		{Input: "x"},
		{Input: "x", Output: "y", Config: summary.Config{Level: 2}},
	} {
		_, s := beam.NewPipelineWithRoot()
		assert.Error(t, Build(s, o), "Build(%+v)", o)
	}
}
