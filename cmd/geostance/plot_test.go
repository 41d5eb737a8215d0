package main

import (
	"bytes"
	"context"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const plotRows = `{"kind":"group","target":"CHN","period":"2023-H1","n_sentences":28,"n_documents":13,"mean":0.35,"ci_low":0.2,"ci_high":0.5,"ci_method":"t","ci_level":0.95}
{"kind":"group","target":"CHN","period":"2023-H2","n_sentences":20,"n_documents":12,"mean":0.24,"ci_low":0.1,"ci_high":0.38,"ci_method":"t","ci_level":0.95}
{"kind":"group","target":"USA","period":"2023-H1","n_sentences":21,"n_documents":13,"mean":0.19,"ci_low":-0.02,"ci_high":0.4,"ci_method":"t","ci_level":0.95}
{"kind":"group","target":"USA","period":"undated","n_sentences":2,"n_documents":1,"mean":0.1,"ci_low":null,"ci_high":null,"ci_method":"t","ci_level":0.95}
`

func TestPlotCLI(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
		return p
	}
	rows := write("rows.jsonl", plotRows)
	bad := write("bad.jsonl", plotRows[:strings.Index(plotRows, "\n")+1]+`{"kind":"group","target":"USA","period":"2023-H1","mean":1.7}`+"\n")
	empty := write("empty.jsonl", "")
	out := func(name string) string { return filepath.Join(dir, name) }

	cases := []cliCase{
		{name: "help", args: []string{"plot", "-h"}, stdout: []string{"Examples:", "geostance plot -o"}},
		{name: "time png", args: []string{"plot", "-o", out("time.png"), rows}, stderr: []string{"1 row(s) not drawn"}},
		{name: "dots svg from stdin", args: []string{"plot", "-o", out("dots.svg"), "-kind", "dots", "-"}, stdin: plotRows},
		{name: "title and size", args: []string{"plot", "-o", out("sized.png"), "-title", "China and the US", "-width", "4in", "-height", "3in", "-dpi", "50", rows}},
		{name: "targets", args: []string{"plot", "-o", out("chn.png"), "-targets", "CHN", rows}},
		{name: "max series", args: []string{"plot", "-o", out("one.png"), "-max-series", "1", rows}, stderr: []string{"left out USA"}},
		{name: "no such target", args: []string{"plot", "-o", out("x.png"), "-targets", "XYZ", rows}, code: 1, stderr: []string{"rows.jsonl: no rows for targets XYZ"}},
		{name: "tilt of groups", args: []string{"plot", "-o", out("x.png"), "-kind", "tilt", rows}, code: 1, stderr: []string{"no tilt rows"}},
		{name: "bad kind", args: []string{"plot", "-o", out("x.png"), "-kind", "pie", rows}, code: 2, stderr: []string{`unknown -kind "pie"`}},
		{name: "no output", args: []string{"plot", rows}, code: 2, stderr: []string{"-o FILE is required"}},
		{name: "bad extension", args: []string{"plot", "-o", out("x.gif"), rows}, code: 2, stderr: []string{".png, .svg or .pdf"}},
		{name: "bad width", args: []string{"plot", "-o", out("x.png"), "-width", "wide", rows}, code: 2, stderr: []string{"-width"}},
		{name: "two files", args: []string{"plot", "-o", out("x.png"), rows, rows}, code: 2, stderr: []string{"one summary file"}},
		{name: "empty input", args: []string{"plot", "-o", out("x.png"), empty}, code: 1, stderr: []string{"empty.jsonl: no summary rows"}},
		{name: "empty stdin", args: []string{"plot", "-o", out("x.png")}, code: 1, stderr: []string{"<stdin>: no summary rows"}},
		{name: "bad row", args: []string{"plot", "-o", out("x.png"), bad}, code: 1, stderr: []string{"bad.jsonl:2:58: mean 1.7 outside [-1, 1]"}},
		{name: "not summary output", args: []string{"plot", "-o", out("x.png"), "-"}, stdin: "target,mean\nCHN,0.3\n",
			code: 1, stderr: []string{"<stdin>:1:1: not a JSON object"}},
		{name: "missing file", args: []string{"plot", "-o", out("x.png"), out("nope.jsonl")}, code: 1, stderr: []string{"no such file"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { runCase(t, c) })
	}

	f, err := os.Open(out("sized.png"))
	require.NoError(t, err)
	defer f.Close()
	img, err := png.Decode(f)
	require.NoError(t, err)
	assert.Equal(t, 200, img.Bounds().Dx(), "4in at 50 dpi")
	assert.Equal(t, 150, img.Bounds().Dy(), "3in at 50 dpi")
	svg, err := os.ReadFile(out("dots.svg"))
	require.NoError(t, err)
	assert.Contains(t, string(svg), "CHN · 2023-H1 (n=28)")
	_, err = os.Stat(out("x.png"))
	assert.True(t, os.IsNotExist(err), "no image is written when plotting fails")
}

// TestPlotPipeline draws the demo corpus the way the usage text suggests:
// demo -corpus | score | summarize | plot.
func TestPlotPipeline(t *testing.T) {
	step := func(args []string, stdin []byte) []byte {
		t.Helper()
		var out, errb bytes.Buffer
		code := run(context.Background(), args, bytes.NewReader(stdin), &out, &errb)
		require.Equal(t, 0, code, "geostance %s: %s", strings.Join(args, " "), errb.String())
		return out.Bytes()
	}
	scores := step([]string{"score", "-in", "jsonl", "-"}, step([]string{"demo", "-corpus"}, nil))
	dir := t.TempDir()
	for _, by := range [][]string{
		{"-by", "target,half"},
		{"-by", "half", "-tilt", "CHN,USA"},
		{"-by", "target"},
	} {
		rows := step(append([]string{"summarize"}, append(by, "-")...), scores)
		path := filepath.Join(dir, strings.Join(by, "")+".png")
		step([]string{"plot", "-o", path}, rows)
		info, err := os.Stat(path)
		require.NoError(t, err)
		assert.Greater(t, info.Size(), int64(10000), "%s is a real image", path)
	}
}
