package summary_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/floats/scalar"

	"github.com/geostance/geostance/stance/summary"
)

// randomRecords returns n random records of up to docs documents, the
// records of each document contiguous, as score writes them.
func randomRecords(rng *rand.Rand, n, docs int) []summary.Record {
	targets := []string{"CHN", "USA", "RUS", "IND", ""}
	sources := []string{"", "RUS", "CHN", "FRA"}
	outlets := []string{"A", "B", "C"}
	start := time.Date(2023, 11, 1, 0, 0, 0, 0, time.UTC)
	recs := make([]summary.Record, n)
	for i := range recs {
		r := summary.Record{
			Doc:      fmt.Sprintf("doc%03d", rng.IntN(docs)),
			Sentence: i,
			Target:   targets[rng.IntN(len(targets))],
			Source:   sources[rng.IntN(len(sources))],
			Meta:     map[string]string{"outlet": outlets[rng.IntN(len(outlets))]},
			Score:    rng.Float64()*2 - 1,
			Label:    rng.IntN(3) - 1,
			Mentions: 1 + rng.IntN(4),
		}
		if rng.IntN(10) > 0 {
			r.Date = start.AddDate(0, 0, rng.IntN(120))
		}
		if rng.IntN(3) == 0 {
			r.Others = []string{targets[rng.IntN(4)], "RUS"}[:1+rng.IntN(2)]
		}
		if rng.IntN(20) == 0 {
			r.Score = 1 // exact endpoints and repeated values
		}
		recs[i] = r
	}
	slices.SortStableFunc(recs, func(x, y summary.Record) int { return strings.Compare(x.Doc, y.Doc) })
	return recs
}

// splitRecords cuts recs into k contiguous shards at random points, so
// that documents may straddle shards.
func splitRecords(rng *rand.Rand, recs []summary.Record, k int) [][]summary.Record {
	cuts := []int{0, len(recs)}
	for range k - 1 {
		cuts = append(cuts, rng.IntN(len(recs)+1))
	}
	slices.Sort(cuts)
	var out [][]summary.Record
	for i := 1; i < len(cuts); i++ {
		out = append(out, recs[cuts[i-1]:cuts[i]])
	}
	return out
}

var mergeConfig = summary.Config{
	By:        []string{"target", "month"},
	Bootstrap: 60,
	Seed:      2024,
	Weighted:  true,
	Tilt:      [][2]string{{"CHN", "USA"}, {"USA", "RUS"}},
	Focal:     "RUS",
	Baseline:  "outlet",
}

func roundTrip(t *testing.T, a *summary.Aggregator) *summary.Aggregator {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, a.MarshalPartial(&buf))
	b, err := summary.DecodePartial(&buf)
	require.NoError(t, err)
	return b
}

func jsonRows(t *testing.T, s *summary.Summary) []map[string]any {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, s.WriteJSONL(&buf))
	var rows []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
		var m map[string]any
		require.NoError(t, json.Unmarshal([]byte(line), &m), line)
		rows = append(rows, m)
	}
	return rows
}

// requireSameRows compares two summaries: strings and nulls exactly,
// numbers within 1e-9 (merging reorders floating-point additions in the
// Welford/Chan means and variances, leaving differences near 1e-16), and
// bootstrap interval endpoints bit for bit, since they are computed from
// exact integer replicate sums whose document weights depend on the
// document id only.
func requireSameRows(t *testing.T, want, got []map[string]any) {
	t.Helper()
	require.Equal(t, len(want), len(got), "row count")
	for i := range want {
		w, g := want[i], got[i]
		require.Equal(t, len(w), len(g), "row %d columns", i)
		boot := w["ci_method"] == summary.MethodBootstrap
		for k, wv := range w {
			gv, ok := g[k]
			require.True(t, ok, "row %d lacks %s", i, k)
			wf, isNum := wv.(float64)
			if !isNum {
				require.Equal(t, wv, gv, "row %d %s", i, k)
				continue
			}
			gf, ok := gv.(float64)
			require.True(t, ok, "row %d %s = %v; want %v", i, k, gv, wv)
			if boot && (k == "ci_low" || k == "ci_high") {
				require.Equal(t, wf, gf, "row %d %s (bootstrap) differs", i, k)
				continue
			}
			require.True(t, scalar.EqualWithinAbsOrRel(wf, gf, 1e-9, 1e-9), "row %d %s = %v; want %v", i, k, gf, wf)
		}
	}
}

func TestMergeProperty(t *testing.T) {
	for trial := range 12 {
		t.Run(fmt.Sprint(trial), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(uint64(trial), 99))
			recs := randomRecords(rng, 300+rng.IntN(300), 5+rng.IntN(40))
			cfg := mergeConfig
			cfg.Weighted = trial%2 == 0
			switch trial % 3 {
			case 0:
				cfg.Bootstrap = 0
			case 1:
				// Few replicates: groups switch from listing documents to
				// replicate sums after 3 documents, at different points in
				// shards than in one piece.
				cfg.Bootstrap = 6
			}
			whole := mustSummary(t, cfg, recs)
			want := jsonRows(t, whole)
			require.NotEmpty(t, whole.Tilts)
			require.NotEmpty(t, whole.Focal)
			require.Greater(t, len(whole.Groups), 10)

			// Shards are contiguous runs of the stream cut at random
			// points, so documents straddle shards, some shards lie inside
			// one document, and some are empty.
			var shards []*summary.Aggregator
			for _, part := range splitRecords(rng, recs, 2+rng.IntN(6)) {
				a, err := summary.NewAggregator(cfg)
				require.NoError(t, err)
				for _, r := range part {
					require.NoError(t, a.Add(r))
				}
				shards = append(shards, a)
			}
			// Merge random pairs in random directions, sometimes passing a
			// partial through its JSON form, until one aggregate is left.
			for len(shards) > 1 {
				i, j := rng.IntN(len(shards)), rng.IntN(len(shards)-1)
				if j >= i {
					j++
				}
				if rng.IntN(3) == 0 {
					shards[j] = roundTrip(t, shards[j])
				}
				require.NoError(t, shards[i].Merge(shards[j]))
				shards = append(shards[:j], shards[j+1:]...)
			}
			got, err := roundTrip(t, shards[0]).Summary()
			require.NoError(t, err)
			assert.Equal(t, whole.Records, got.Records)
			assert.Equal(t, whole.Undated, got.Undated)
			requireSameRows(t, want, jsonRows(t, got))
		})
	}
}

func TestMergeEmptyAndIdempotentInputs(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	recs := randomRecords(rng, 200, 20)
	a, err := summary.NewAggregator(mergeConfig)
	require.NoError(t, err)
	for _, r := range recs {
		require.NoError(t, a.Add(r))
	}
	before := jsonRows(t, must(a.Summary()))
	empty, err := summary.NewAggregator(mergeConfig)
	require.NoError(t, err)
	require.NoError(t, a.Merge(empty))
	require.NoError(t, empty.Merge(a))
	requireSameRows(t, before, jsonRows(t, must(a.Summary())))
	requireSameRows(t, before, jsonRows(t, must(empty.Summary())))
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err) // test helper only
	}
	return v
}

func TestMergeErrors(t *testing.T) {
	a, err := summary.NewAggregator(summary.Config{By: []string{"target"}})
	require.NoError(t, err)
	b, err := summary.NewAggregator(summary.Config{By: []string{"source"}})
	require.NoError(t, err)
	assert.ErrorContains(t, a.Merge(b), "different configs")
	assert.ErrorContains(t, a.Merge(a), "itself")
	assert.ErrorContains(t, a.Merge(nil), "nil")
	c, err := summary.NewAggregator(summary.Config{By: []string{"target"}, Level: 0.95})
	require.NoError(t, err)
	assert.NoError(t, a.Merge(c), "a zero level and 0.95 are the same config")
}

func validPartial(t testing.TB) []byte {
	a, err := summary.NewAggregator(mergeConfig)
	require.NoError(t, err)
	for _, r := range randomRecords(rand.New(rand.NewPCG(5, 5)), 40, 6) {
		require.NoError(t, a.Add(r))
	}
	var buf bytes.Buffer
	require.NoError(t, a.MarshalPartial(&buf))
	return buf.Bytes()
}

func TestPartialFormat(t *testing.T) {
	var m map[string]any
	require.NoError(t, json.Unmarshal(validPartial(t), &m))
	assert.Equal(t, "geostance-partial", m["format"])
	assert.EqualValues(t, 2, m["version"])
	for _, k := range []string{"config", "records", "undated", "main", "tilt", "focal", "baseline", "pairs"} {
		assert.Contains(t, m, k)
	}
	// Encoding is deterministic.
	assert.Equal(t, validPartial(t), validPartial(t))
	// An empty aggregator round-trips too.
	a, err := summary.NewAggregator(summary.Config{})
	require.NoError(t, err)
	s := must(roundTrip(t, a).Summary())
	assert.Empty(t, s.Groups)
}

func TestDecodePartialErrors(t *testing.T) {
	valid := validPartial(t)
	edit := func(f func(m map[string]any)) string {
		var m map[string]any
		require.NoError(t, json.Unmarshal(valid, &m))
		f(m)
		b, err := json.Marshal(m)
		require.NoError(t, err)
		return string(b)
	}
	main0 := func(m map[string]any) map[string]any { return m["main"].([]any)[0].(map[string]any) }
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", "EOF"},
		{"not json", "{oops", "invalid character"},
		{"array", "[]", "cannot unmarshal"},
		{"trailing", string(valid) + "{}", "trailing data"},
		{"format", edit(func(m map[string]any) { m["format"] = "csv" }), `format "csv"`},
		{"version", edit(func(m map[string]any) { m["version"] = 1 }), "unsupported version 1"},
		{"unknown field", edit(func(m map[string]any) { m["extra"] = 1 }), "unknown field"},
		{"bad config", edit(func(m map[string]any) { m["config"].(map[string]any)["level"] = 2 }), "config: summary: level"},
		{"records", edit(func(m map[string]any) { m["records"] = 41 }), "header says 41"},
		{"undated", edit(func(m map[string]any) { m["undated"] = 99 }), "out of range"},
		{"duplicate doc", edit(func(m map[string]any) {
			d := main0(m)["open"].([]any)
			main0(m)["open"] = []any{d[0], d[0]}
		}), "listed twice"},
		{"zero n", edit(func(m map[string]any) { main0(m)["n"] = 0 }), "record count 0"},
		{"labels", edit(func(m map[string]any) { main0(m)["labels"] = []int{0, 0, 0} }), "label counts"},
		{"mean", edit(func(m map[string]any) { main0(m)["mean"] = 3 }), "mean 3"},
		{"m2", edit(func(m map[string]any) { main0(m)["m2"] = -1 }), "m2"},
		{"keys", edit(func(m map[string]any) { main0(m)["keys"] = []string{"x"} }), "1 keys, want 3"},
		{"duplicate group", edit(func(m map[string]any) {
			g := m["main"].([]any)
			g[1] = g[0]
		}), "repeat an earlier group"},
		{"doc shape", edit(func(m map[string]any) { main0(m)["open"].([]any)[0] = []int{1, 2} }), "2 elements"},
		{"doc id", edit(func(m map[string]any) { main0(m)["open"].([]any)[0].([]any)[0] = 7 }), "open document id"},
		{"doc sum", edit(func(m map[string]any) { main0(m)["open"].([]any)[0].([]any)[3] = 1 << 40 }), "score sum"},
		{"doc n", edit(func(m map[string]any) { main0(m)["open"].([]any)[0].([]any)[1] = 0 }), "out of range"},
		{"doc q", edit(func(m map[string]any) { main0(m)["open"].([]any)[0].([]any)[5] = 1 << 40 }), "replicate score sum"},
		{"doc counts", edit(func(m map[string]any) { main0(m)["docs"] = 9999 }), "document count 9999"},
		{"replicates", edit(func(m map[string]any) { main0(m)["reps_w"] = []int{1} }), "1 and 0 replicate sums (and 1 listed documents), want 60"},
		{"replicate range", edit(func(m map[string]any) {
			delete(main0(m), "few")
			main0(m)["reps_w"], main0(m)["reps_s"] = slices.Repeat([]int{-1}, 60), slices.Repeat([]int{0}, 60)
		}), "replicate 0"},
		{"few shape", edit(func(m map[string]any) { main0(m)["few"].([]any)[0] = []int{1} }), "want [key, w, q]"},
		{"few weight", edit(func(m map[string]any) { main0(m)["few"].([]any)[0].([]any)[1] = 0 }), "bootstrap document w=0"},
		{"few sum", edit(func(m map[string]any) { main0(m)["few"] = []any{} }), "bootstrap documents hold weight 0"},
		{"pair tilt", edit(func(m map[string]any) { m["pairs"].([]any)[0].(map[string]any)["tilt"] = []string{"CHN", "BRA"} }), "is not configured"},
		{"pair counts", edit(func(m map[string]any) { m["pairs"].([]any)[0].(map[string]any)["docs"] = []int{9, 1, 1, 1} }), "inconsistent"},
		{"pair moments", edit(func(m map[string]any) { m["pairs"].([]any)[0].(map[string]any)["moments"] = []string{"1"} }), "1 moments"},
		{"pair moment", edit(func(m map[string]any) { m["pairs"].([]any)[0].(map[string]any)["moments"].([]any)[5] = "x" }), "not an integer"},
		{"pair negative", edit(func(m map[string]any) { m["pairs"].([]any)[0].(map[string]any)["moments"].([]any)[4] = "-5" }), "negative"},
		{"pair sides", edit(func(m map[string]any) {
			m["pairs"].([]any)[0].(map[string]any)["open"] = main0(m)["open"]
		}), "has 1 sides, want 2"},
		{"tilt target", edit(func(m map[string]any) {
			g := m["tilt"].([]any)[0].(map[string]any)
			g["keys"].([]any)[2] = "BRA"
		}), "in no tilt pair"},
		{"baseline docs", edit(func(m map[string]any) {
			m["baseline"].([]any)[0].(map[string]any)["open"] = main0(m)["open"]
		}), "unexpected document or replicate sums"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := summary.DecodePartial(strings.NewReader(tt.in))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assert.True(t, strings.HasPrefix(err.Error(), "summary: decode partial"), err.Error())
		})
	}
}

func FuzzDecodePartial(f *testing.F) {
	valid := validPartial(f)
	f.Add(valid)
	f.Add([]byte(`{"format":"geostance-partial","version":2,"config":{},"records":0,"undated":0,"main":[],"tilt":[],"focal":[],"baseline":[],"pairs":[]}`))
	f.Add([]byte(`{"format":"geostance-partial","version":2,"config":{"by":["target"]},"records":1,"undated":1,` +
		`"main":[{"keys":["CHN"],"n":1,"w":1,"w2":1,"mean":0.5,"m2":0,"labels":[0,0,1],"open":[["d",1,1,0,2251799813685248,8388608]]}],"tilt":[],"focal":[],"baseline":[],"pairs":[]}`))
	f.Add([]byte(`{"format":"geostance-partial","version":2}`))
	f.Add(bytes.Replace(valid, []byte(`"n":`), []byte(`"n":-`), 1))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := summary.DecodePartial(bytes.NewReader(data))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "summary: ") {
				t.Fatalf("error lacks package prefix: %v", err)
			}
			return
		}
		// Whatever decodes re-encodes to a fixed point.
		var b1, b2 bytes.Buffer
		if err := a.MarshalPartial(&b1); err != nil {
			t.Fatal(err)
		}
		a2, err := summary.DecodePartial(bytes.NewReader(b1.Bytes()))
		if err != nil {
			t.Fatalf("re-decode: %v\n%s", err, b1.Bytes())
		}
		if err := a2.MarshalPartial(&b2); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b1.Bytes(), b2.Bytes()) {
			t.Fatalf("partial not stable under round trip:\n%s\n%s", b1.Bytes(), b2.Bytes())
		}
		if a.Config().Bootstrap > 200 {
			return // a valid but slow summary; decoding is what is fuzzed
		}
		s, err := a.Summary()
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		if err := s.WriteJSONL(&out); err != nil {
			t.Fatal(err)
		}
		for _, line := range bytes.Split(bytes.TrimSpace(out.Bytes()), []byte("\n")) {
			if len(line) > 0 && !json.Valid(line) {
				t.Fatalf("invalid JSON row: %s", line)
			}
		}
		if err := a.Merge(a2); err != nil {
			t.Fatal(err)
		}
		if math.IsNaN(float64(a.Config().Level)) {
			t.Fatal("NaN level accepted")
		}
	})
}
