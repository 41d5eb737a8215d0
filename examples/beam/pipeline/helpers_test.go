package pipeline

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geostance/geostance/stance"
	"github.com/geostance/geostance/stance/summary"
)

// tol bounds the difference between two routes to one summary. Counts
// and bootstrap intervals are exact whatever the split; means and
// variances merged by Chan et al.'s pairwise update agree with one pass
// to rounding (about 1e-15 on inputs this size).
const tol = 1e-9

// testConfig is the configuration the sharded CLI workflow is tested
// with: groups, a tilt and a seeded document bootstrap.
var testConfig = summary.Config{
	By: []string{"target", "half"}, Tilt: [][2]string{{"CHN", "USA"}}, Bootstrap: 200, Seed: 3,
}

// readLines returns the lines of a JSON Lines file, blank ones included.
func readLines(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
}

// records scores lines in process, without Beam.
func records(t *testing.T, lines []string) []Record {
	t.Helper()
	a, err := stance.New()
	require.NoError(t, err)
	var out []Record
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		d, err := ParseDocument([]byte(l))
		require.NoError(t, err, "ParseDocument(%q)", l)
		rs, err := Score(context.Background(), a, &d)
		require.NoError(t, err)
		out = append(out, rs...)
	}
	return out
}

// aggregate adds recs to a fresh aggregator of cfg.
func aggregate(t *testing.T, cfg summary.Config, recs []Record) *summary.Aggregator {
	t.Helper()
	agg, err := summary.NewAggregator(cfg)
	require.NoError(t, err)
	for _, r := range recs {
		sr, err := r.Summary()
		require.NoError(t, err)
		require.NoError(t, agg.Add(sr))
	}
	return agg
}

// summaryJSONL is what "geostance summarize" writes for agg.
func summaryJSONL(t *testing.T, agg *summary.Aggregator) []byte {
	t.Helper()
	s, err := agg.Summary()
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, s.WriteJSONL(&buf))
	return buf.Bytes()
}

func jsonlRows(t *testing.T, b []byte) []map[string]any {
	t.Helper()
	var rows []map[string]any
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		var m map[string]any
		require.NoError(t, json.Unmarshal(sc.Bytes(), &m), "summary line %q", sc.Text())
		rows = append(rows, m)
	}
	require.NoError(t, sc.Err())
	return rows
}

// assertSameSummary compares two summaries row by row: the same columns,
// strings and nulls exactly, numbers within tol.
func assertSameSummary(t *testing.T, want, got []byte) {
	t.Helper()
	w, g := jsonlRows(t, want), jsonlRows(t, got)
	require.Len(t, g, len(w), "rows\nwant:\n%s\ngot:\n%s", want, got)
	for i := range w {
		require.Equal(t, len(w[i]), len(g[i]), "row %d: columns\nwant %v\ngot  %v", i, w[i], g[i])
		for k, wv := range w[i] {
			gv, ok := g[i][k]
			require.True(t, ok, "row %d lacks %q", i, k)
			wf, wnum := wv.(float64)
			gf, gnum := gv.(float64)
			if wnum && gnum {
				assert.LessOrEqual(t, math.Abs(wf-gf), tol*math.Max(1, math.Abs(wf)),
					"row %d (%v) %q: got %v, want %v", i, w[i]["kind"], k, gf, wf)
				continue
			}
			assert.Equal(t, wv, gv, "row %d (%v) %q", i, w[i]["kind"], k)
		}
	}
}
