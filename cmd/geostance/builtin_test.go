package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/geostance/geostance/internal/eval"
	"github.com/geostance/geostance/stance"
	"github.com/geostance/geostance/stance/calibrate"
)

// TestBuiltinModelFresh fits the built-in calibration model again on the
// sentences it was fitted on, as go generate does, and checks that the
// fresh model labels them as the embedded one does. A change to the
// lexicon, the rules or the sentences that moves the model makes it fail:
// then run go generate ./stance/calibrate.
func TestBuiltinModelFresh(t *testing.T) {
	if testing.Short() {
		t.Skip("fits a model, which takes seconds")
	}
	files, err := filepath.Glob(filepath.Join("..", "..", "stance", "testdata", "attitude", "*.jsonl"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	var all bytes.Buffer
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		all.Write(b)
	}
	model := filepath.Join(t.TempDir(), "model.json")
	runCase(t, cliCase{args: []string{"calibrate", "-gold", "-", "-format", "jsonl", "-o", model}, stdin: all.String()})

	fresh, err := calibrate.Load(model)
	require.NoError(t, err)
	builtin, err := calibrate.Builtin()
	require.NoError(t, err)
	require.InDelta(t, fresh.CV().MacroF1, builtin.CV().MacroF1, 0.005, "cross-validated macro-F1; run go generate ./stance/calibrate")

	af, err := stance.New(stance.WithCalibrator(fresh))
	require.NoError(t, err)
	ab, err := stance.New(stance.WithCalibrator(builtin))
	require.NoError(t, err)
	gold, err := eval.Read(&all, "gold", eval.JSONL)
	require.NoError(t, err)
	n, same := 0, 0
	for i := range gold {
		pf, pb := eval.Predict(af, &gold[i]), eval.Predict(ab, &gold[i])
		require.Len(t, pb, len(pf))
		for k := range pf {
			if pf[k].Target == nil || !pf[k].Target.Labeled {
				continue
			}
			n++
			if pf[k].Label == pb[k].Label {
				same++
			}
		}
	}
	require.Greater(t, n, 1000)
	require.GreaterOrEqual(t, float64(same)/float64(n), 0.99,
		"the built-in model labels %d of %d gold targets as a fresh fit does; run go generate ./stance/calibrate", same, n)
}
