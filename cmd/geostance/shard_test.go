package main

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestShardedSummarize runs the sharded workflow of the README as separate
// machines would: each shard is scored and reduced to a partial on its
// own, and only the partial files meet. The merged summary must equal the
// summary of the whole corpus scored in one piece.
func TestShardedSummarize(t *testing.T) {
	dir := t.TempDir()
	sumFlags := []string{"-by", "target,half", "-tilt", "CHN,USA", "-bootstrap", "200", "-seed", "3"}

	corpus := mustRun(t, nil, "demo", "-corpus")
	whole := filepath.Join(dir, "corpus.jsonl")
	require.NoError(t, os.WriteFile(whole, corpus, 0o644))

	lines := strings.SplitAfter(strings.TrimSuffix(string(corpus), "\n"), "\n")
	require.GreaterOrEqual(t, len(lines), 3, "demo corpus lines")
	// Contiguous shards of unequal size, so that shards differ in which
	// half-years and states they cover.
	cuts := []int{0, len(lines) / 5, len(lines) * 3 / 5, len(lines)}
	var partials []string
	for i := range 3 {
		shard := filepath.Join(dir, "shard"+string(rune('1'+i))+".jsonl")
		require.NoError(t, os.WriteFile(shard, []byte(strings.Join(lines[cuts[i]:cuts[i+1]], "")), 0o644))
		scores := shard + ".scores"
		require.NoError(t, os.WriteFile(scores, mustRun(t, nil, "score", "-quiet", shard), 0o644))
		partial := shard + ".partial.json"
		args := append(append([]string{"summarize"}, sumFlags...), "-partial", scores)
		require.NoError(t, os.WriteFile(partial, mustRun(t, nil, args...), 0o644))
		partials = append(partials, partial)
	}
	merged := mustRun(t, nil, append([]string{"summarize"}, partials...)...)

	wholeScores := mustRun(t, nil, "score", "-quiet", whole)
	oneRun := mustRun(t, wholeScores, append(append([]string{"summarize"}, sumFlags...), "-")...)

	got, want := jsonlRows(t, merged), jsonlRows(t, oneRun)
	require.Len(t, got, len(want), "rows of the merged summary\nmerged:\n%s\nwhole:\n%s", merged, oneRun)
	kinds := map[string]int{}
	for i := range want {
		kinds[want[i]["kind"].(string)]++
		assertRowsEqual(t, i, want[i], got[i])
	}
	// Guard against a vacuous pass: the workflow must exercise groups,
	// tilts and the bootstrap.
	assert.Positive(t, kinds["group"], "group rows")
	assert.Positive(t, kinds["tilt"], "tilt rows")
	assert.Contains(t, string(oneRun), `"ci_method":"bootstrap-documents"`)
}

// mustRun runs the CLI in process and returns its standard output.
func mustRun(t *testing.T, stdin []byte, args ...string) []byte {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, bytes.NewReader(stdin), &out, &errb)
	require.Equal(t, 0, code, "geostance %s: exit code; stderr:\n%s", strings.Join(args, " "), errb.String())
	return out.Bytes()
}

func jsonlRows(t *testing.T, b []byte) []map[string]any {
	t.Helper()
	var rows []map[string]any
	for i, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		var m map[string]any
		require.NoError(t, json.Unmarshal([]byte(line), &m), "line %d: %s", i+1, line)
		rows = append(rows, m)
	}
	return rows
}

// assertRowsEqual compares two summary rows: the same columns, strings
// and nulls exactly, numbers within 1e-9. Counts and bootstrap replicates
// merge exactly; means and variances are combined by Chan et al.'s
// pairwise update, which agrees with the one-pass result to rounding
// (about 1e-15 here), far inside the tolerance.
func assertRowsEqual(t *testing.T, i int, want, got map[string]any) {
	t.Helper()
	const tol = 1e-9
	assert.ElementsMatch(t, keysOf(want), keysOf(got), "row %d: columns", i)
	for k, w := range want {
		g := got[k]
		switch w := w.(type) {
		case float64:
			gf, ok := g.(float64)
			if assert.True(t, ok, "row %d %q: got %v, want number %v", i, k, g, w) {
				assert.LessOrEqual(t, math.Abs(gf-w), tol*math.Max(1, math.Abs(w)),
					"row %d (%v) %q: got %v, want %v", i, want["kind"], k, gf, w)
			}
		default:
			assert.Equal(t, w, g, "row %d (%v) %q", i, want["kind"], k)
		}
	}
}

func keysOf(m map[string]any) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}
