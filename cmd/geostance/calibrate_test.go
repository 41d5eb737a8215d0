package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEvalCLI(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.jsonl")
	require.NoError(t, os.WriteFile(bad, []byte(`{"text": "Peru.", "labels": {"PER": "good"}}`+"\n"), 0o644))
	gold := filepath.Join("testdata", "gold-attitude.jsonl")
	for _, c := range []cliCase{
		{name: "table", args: []string{"eval", "-gold", gold}, stdout: []string{
			"sentences             13", "labelled targets      20", "not found             0",
			"Krippendorff's alpha", "gold \\ predicted", "tag ", "worst errors:",
		}},
		{name: "sheet", args: []string{"eval", "-worst", "0", "-gold", filepath.Join("testdata", "gold-sheet.csv")}, stdout: []string{
			"sentences             4", "labelled targets      5",
		}},
		{name: "positional gold", args: []string{"eval", gold}, stdout: []string{"labelled targets      20"}},
		{name: "no gold", args: []string{"eval"}, stderr: []string{"-gold FILE is required"}, code: exitUsage},
		{name: "bad format", args: []string{"eval", "-format", "xml", "-gold", gold}, stderr: []string{"unknown gold format"}, code: exitUsage},
		{name: "bad record", args: []string{"eval", "-gold", bad}, stderr: []string{"bad.jsonl:1: labels[\"PER\"]"}, code: exitError},
		{name: "missing file", args: []string{"eval", "-gold", filepath.Join(dir, "none.jsonl")}, stderr: []string{"no such file"}, code: exitError},
		{name: "stdin", args: []string{"eval", "-format", "vader", "-gold", "-"}, stdin: "1\t2.5\tA fine and generous gift.\n2\t-3\tA cruel, brutal attack.\n3\t0.1\tThe bus left.\n",
			stdout: []string{"rated items   3", "Pearson r"}},
	} {
		t.Run(c.name, func(t *testing.T) { runCase(t, c) })
	}

	out, _ := runCase(t, cliCase{args: []string{"eval", "-json", "-gold", gold}})
	var rep struct {
		Items   int      `json:"items"`
		Missing int      `json:"missing_targets"`
		Alpha   *float64 `json:"krippendorff_alpha"`
		Pearson *float64 `json:"pearson"`
		Classes []struct {
			Label string `json:"label"`
		} `json:"classes"`
		Worst []struct {
			Evidence []any `json:"evidence"`
		} `json:"worst"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &rep))
	assert.Equal(t, 20, rep.Items)
	assert.NotNil(t, rep.Alpha)
	assert.Nil(t, rep.Pearson, "no ratings: null")
	assert.Len(t, rep.Classes, 3)
	assert.NotEmpty(t, rep.Worst)
}

func TestEvalMissingTargets(t *testing.T) {
	gold := `{"id": "m", "text": "The talks ended without a deal.", "labels": {"FRA": "negative"}}` + "\n"
	runCase(t, cliCase{args: []string{"eval", "-gold", "-", "-format", "jsonl"}, stdin: gold, stdout: []string{
		"not found             1 (100.0%; the analyzer did not find these targets, counted as predicted neutral)",
		"target not found",
	}})
}

func TestSampleCLI(t *testing.T) {
	corpus := filepath.Join("testdata", "sample-corpus.jsonl")
	out1, errOut := runCase(t, cliCase{args: []string{"sample", "-n", "5", "-seed", "3", corpus}})
	assert.Contains(t, errOut, "sampled 5 of 9 scored targets")
	out2, _ := runCase(t, cliCase{args: []string{"sample", "-n", "5", "-seed", "3", corpus}})
	assert.Equal(t, out1, out2, "same seed, same sample")
	rows, err := csv.NewReader(strings.NewReader(out1)).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 6)
	assert.Equal(t, []string{"id", "sentence", "date", "target", "name", "mention", "start", "end", "text", "predicted", "score", "label"}, rows[0])

	// Every stratum (target × predicted label) gets one when n allows.
	all, _ := runCase(t, cliCase{args: []string{"sample", "-n", "100", corpus}})
	rows, err = csv.NewReader(strings.NewReader(all)).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 10) // n3 names its own target, so Sweden is not scored

	// Coding each pair with its prediction and evaluating the sheet gives
	// perfect agreement: the sheet round-trips, explicit spans included.
	var explicit bool
	for _, r := range rows[1:] {
		r[11] = r[9]
		if r[3] == "lund" {
			explicit = true
			assert.Equal(t, []string{"0", "7"}, r[6:8], "code-point span of the explicit target")
		}
	}
	assert.True(t, explicit, "the explicit target is in the sheet")
	var b strings.Builder
	require.NoError(t, csv.NewWriter(&b).WriteAll(rows))
	runCase(t, cliCase{args: []string{"eval", "-format", "csv", "-gold", "-"}, stdin: b.String(), stdout: []string{
		"labelled targets      9", "accuracy              1.000",
	}})

	runCase(t, cliCase{args: []string{"sample", "-n", "0", corpus}, stderr: []string{"-n must be at least 1"}, code: exitUsage})
}

func TestAllocate(t *testing.T) {
	tests := []struct {
		sizes []int
		n     int
		want  []int
	}{
		{[]int{50, 30, 20}, 10, []int{5, 3, 2}},
		{[]int{97, 2, 1}, 10, []int{8, 1, 1}},     // minimum of one, taken back from the largest
		{[]int{5, 5}, 20, []int{5, 5}},            // fewer than asked: all
		{[]int{1, 1, 1, 1}, 2, []int{1, 1, 0, 0}}, // more strata than the sample
	}
	for _, tt := range tests {
		got := allocate(tt.sizes, tt.n)
		assert.Equal(t, tt.want, got, "allocate(%v, %d)", tt.sizes, tt.n)
	}
}

func TestCalibrateCLI(t *testing.T) {
	dir := t.TempDir()
	model := filepath.Join(dir, "model.json")
	gold := filepath.Join("testdata", "gold-attitude.jsonl")
	runCase(t, cliCase{args: []string{"calibrate", "-gold", gold, "-o", model, "-folds", "2", "-seed", "1"}, stdout: []string{
		"examples\t20", "held-out macro-F1", "chosen lambda",
	}})
	b, err := os.ReadFile(model)
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(b, &m))
	for _, k := range []string{"format", "version", "classes", "features", "weights", "bias", "lambda", "cv", "trained_on"} {
		assert.Contains(t, m, k)
	}
	runCase(t, cliCase{args: []string{"eval", "-model", model, "-gold", gold}, stdout: []string{"labelled targets      20"}})
	out, _ := runCase(t, cliCase{args: []string{"score", "-model", model, "-in", "jsonl", "-"},
		stdin: `{"id": "x", "text": "Norway praised Kenya for its generous aid."}` + "\n"})
	assert.Contains(t, out, `"KEN"`)
	assert.Contains(t, out, `"reasons":[{"feature":`, "a model's label carries its reasons")

	// The reasons are in every output format, and only with a model.
	in := `{"id": "x", "text": "Norway praised Kenya for its generous aid."}` + "\n"
	plain, _ := runCase(t, cliCase{args: []string{"score", "-in", "jsonl", "-"}, stdin: in})
	assert.NotContains(t, plain, `"reasons"`)
	csvOut, _ := runCase(t, cliCase{args: []string{"score", "-model", model, "-out", "csv", "-in", "jsonl", "-"}, stdin: in})
	rows, err := csv.NewReader(strings.NewReader(csvOut)).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 3)
	col := slices.Index(rows[0], "reasons")
	require.GreaterOrEqual(t, col, 0, "a reasons column: %v", rows[0])
	for _, row := range rows[1:] {
		assert.Regexp(t, `^[^;]+=[-0-9.]+\([0-9.]+\)(; [^;]+=[-0-9.]+\([0-9.]+\))*$`, row[col], "%s's reasons", row[2])
	}

	for _, c := range []cliCase{
		{name: "no output", args: []string{"calibrate", "-gold", gold}, stderr: []string{"-o model.json is required"}, code: exitUsage},
		{name: "bad lambdas", args: []string{"calibrate", "-gold", gold, "-o", model, "-lambdas", "x"}, stderr: []string{"-lambdas"}, code: exitUsage},
		{name: "too few", args: []string{"calibrate", "-gold", "-", "-format", "jsonl", "-o", model}, stdin: `{"text": "Peru won.", "labels": {"PER": "positive"}}` + "\n",
			stderr: []string{"too few examples"}, code: exitError},
		{name: "bad model", args: []string{"score", "-model", gold, "-"}, stdin: "x", stderr: []string{"not a geostance model"}, code: exitError},
	} {
		t.Run(c.name, func(t *testing.T) { runCase(t, c) })
	}
}
