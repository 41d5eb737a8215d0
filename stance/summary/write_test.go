package summary_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geostance/geostance/stance/summary"
)

func writerSummary(t *testing.T) *summary.Summary {
	odd := "Le \"Monde\", Paris\nédition"
	recs := []summary.Record{
		{Doc: "1", Target: "CHN", Source: "RUS", Score: 0.5, Label: 1, Meta: map[string]string{"outlet": odd}},
		{Doc: "1", Target: "USA", Source: "RUS", Score: -0.5, Label: -1, Meta: map[string]string{"outlet": odd}},
		{Doc: "2", Target: "CHN", Score: 0.1, Meta: map[string]string{"outlet": "B"}},
		{Doc: "3", Target: "USA", Score: -0.2, Meta: map[string]string{"outlet": "B"}},
		{Doc: "3", Target: "CHN", Score: 0.3, Label: 1, Meta: map[string]string{"outlet": "B"}},
	}
	return mustSummary(t, summary.Config{
		By: []string{"target"}, Baseline: "outlet", Focal: "RUS", Tilt: [][2]string{{"CHN", "USA"}},
	}, recs)
}

func TestWriteJSONLColumns(t *testing.T) {
	s := writerSummary(t)
	rows := jsonRows(t, s)
	require.Len(t, rows, len(s.Groups)+len(s.Tilts)+len(s.Focal))
	common := []string{"ci_low", "ci_high", "ci_method", "ci_level", "n_documents"}
	stats := []string{"target", "outlet", "n_sentences", "mean", "sd", "se",
		"pos_share", "pos_low", "pos_high", "neu_share", "neu_low", "neu_high",
		"neg_share", "neg_low", "neg_high", "baseline_mean", "vs_baseline"}
	for _, r := range rows {
		want := common
		switch r["kind"] {
		case "group":
			want = append(want, stats...)
		case "focal":
			want = append(append(want, stats...), "focal")
		case "tilt":
			want = append(want, "tilt", "estimate", "n_documents_a", "n_documents_b", "n_documents_both", "outlet")
		default:
			t.Fatalf("unknown kind %v", r["kind"])
		}
		for _, k := range want {
			assert.Contains(t, r, k, "%s row", r["kind"])
		}
	}
	assert.Equal(t, "CHN-USA", rows[len(s.Groups)]["tilt"])
	assert.Equal(t, "Le \"Monde\", Paris\nédition", rows[1]["outlet"], "rows sort by target, then outlet")
}

func TestWriteCSV(t *testing.T) {
	s := writerSummary(t)
	var buf bytes.Buffer
	require.NoError(t, s.WriteCSV(&buf))
	recs, err := csv.NewReader(&buf).ReadAll()
	require.NoError(t, err)
	header := recs[0]
	assert.Equal(t, []string{"kind", "focal", "tilt", "target", "outlet"}, header[:5])
	col := map[string]int{}
	for i, h := range header {
		_, dup := col[h]
		require.False(t, dup, "duplicate column %s", h)
		col[h] = i
	}
	require.Len(t, recs, 1+len(s.Groups)+len(s.Tilts)+len(s.Focal))
	for i, g := range s.Groups {
		row := recs[1+i]
		assert.Equal(t, "group", row[col["kind"]])
		assert.Equal(t, g.Keys[1].Value, row[col["outlet"]])
		mean, err := strconv.ParseFloat(row[col["mean"]], 64)
		require.NoError(t, err)
		assert.Equal(t, g.Mean, mean, "CSV floats round-trip exactly")
		assert.Empty(t, row[col["estimate"]], "tilt column empty on a group row")
	}
	// Single-record groups have an undefined sd: an empty cell.
	for i, g := range s.Groups {
		if g.NSentences == 1 {
			assert.Empty(t, recs[1+i][col["sd"]])
		}
	}
}

func TestWriteTable(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, writerSummary(t).WriteTable(&buf))
	out := buf.String()
	for _, want := range []string{"groups (shares in %)", "tilt", "focal (shares in %)", "95% CI", "vs_baseline", "CHN-USA"} {
		assert.Contains(t, out, want)
	}
	// Rows of one section are aligned: equal length lines.
	lines := strings.Split(strings.Split(out, "\n\n")[0], "\n")[1:]
	for _, l := range lines[1:] {
		assert.Equal(t, len([]rune(lines[0])), len([]rune(l)), l)
	}
	assert.Contains(t, out, `"Le \"Monde\", Paris\nédition"`, "control characters are quoted")
}

func TestRowMarshalJSON(t *testing.T) {
	s := writerSummary(t)
	b, err := json.Marshal(s.Tilts)
	require.NoError(t, err)
	assert.True(t, json.Valid(b))
	assert.Contains(t, string(b), `"tilt":"CHN-USA"`)
}
