package plot

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const goodRows = `{"kind":"group","target":"CHN","period":"2023-H1","n_sentences":28,"n_documents":13,"mean":0.35,"ci_low":0.2,"ci_high":0.5,"ci_method":"t","ci_level":0.95,"future_column":7}

{"kind":"group","target":"USA","period":"2023-H1","n_sentences":21,"n_documents":13,"mean":0.19,"ci_low":null,"ci_high":null,"ci_method":"bootstrap-documents","ci_level":0.9}
{"kind":"tilt","tilt":"CHN-USA","period":"2023-H1","estimate":0.16,"ci_low":-0.14,"ci_high":0.46,"ci_method":"t-cluster","n_documents":13}
{"kind":"focal","focal":"PAK","target":"CHN","mean":0.4,"n_sentences":5}
`

func TestReadJSONL(t *testing.T) {
	s, err := ReadJSONL(strings.NewReader(goodRows), "s.jsonl")
	require.NoError(t, err)
	require.Len(t, s.Groups, 2)
	require.Len(t, s.Tilts, 1)
	require.Len(t, s.Focal, 1)

	g := s.Groups[0]
	assert.Equal(t, "CHN", value(g.Keys, "target"))
	assert.Equal(t, "2023-H1", value(g.Keys, "period"))
	assert.Len(t, g.Keys, 2, "statistics are not keys")
	assert.Equal(t, int64(28), g.NSentences)
	assert.Equal(t, 13, g.NDocuments)
	assert.InDelta(t, 0.35, g.Mean, 1e-15)
	assert.Equal(t, "t", g.CIMethod)
	assert.True(t, math.IsNaN(s.Groups[1].CILow), "null reads as NaN")
	assert.True(t, math.IsNaN(g.SD), "a missing column reads as NaN")

	tr := s.Tilts[0]
	assert.Equal(t, "CHN", tr.A)
	assert.Equal(t, "USA", tr.B)
	assert.Equal(t, "CHN-USA", tr.Name())
	assert.InDelta(t, 0.16, tr.Estimate, 1e-15)
	assert.Equal(t, 13, tr.NDocuments)

	assert.Equal(t, "PAK", s.Focal[0].Focal)
	assert.Equal(t, [][2]string{{"CHN", "USA"}}, s.Config.Tilt)
	assert.InDelta(t, 0.95, s.Config.Level, 0, "level of the first row")
}

func TestReadJSONLErrors(t *testing.T) {
	row := func(extra string) string {
		return `{"kind":"group","target":"CHN","period":"2023-H1","mean":0.1` + extra + "}\n"
	}
	tests := []struct {
		name, in, want string
	}{
		{"not json", "target=CHN mean=0.1\n", "s.jsonl:1:1: not a JSON object"},
		{"array", "  [1,2]\n", "s.jsonl:1:3: not a JSON object"},
		{"truncated", `{"kind":"group","mean":0.1` + "\n", "s.jsonl:1:"},
		{"unknown kind", `{"kind":"bar","mean":0.1}` + "\n", `s.jsonl:1:9: unknown row kind "bar"`},
		{"no mean", `{"kind":"group","target":"CHN"}` + "\n", `s.jsonl:1:1: group row without "mean"`},
		{"mean out of range", `{"kind":"group","target":"CHN","mean":1.5}` + "\n", "s.jsonl:1:39: mean 1.5 outside [-1, 1]"},
		{"tilt out of range", `{"kind":"tilt","tilt":"CHN-USA","estimate":-2.5}` + "\n", "s.jsonl:1:"},
		{"mean a string", `{"kind":"group","mean":"0.1"}` + "\n", `s.jsonl:1:24: "mean" must be a number or null`},
		{"bad count", row(`,"n_sentences":-3`), `"n_sentences" must be a count`},
		{"interval reversed", row(`,"ci_low":0.5,"ci_high":0.1`), "ci_low 0.5 above ci_high 0.1"},
		{"bad period", `{"kind":"group","period":"last spring","mean":0.1}` + "\n", `s.jsonl:1:26: period "last spring" is not`},
		{"mixed periods", row("") + `{"kind":"group","target":"CHN","period":"2023-07","mean":0.1}` + "\n",
			`s.jsonl:2:41: period "2023-07" is a month, but line 1 has half-year periods`},
		{"repeated row", row("") + "\n" + row(""), "s.jsonl:3:1: same group row as line 1"},
		{"duplicate member", `{"mean":0.1,"mean":0.2}` + "\n", `s.jsonl:1:20: member "mean" given twice (first at column 9)`},
		{"trailing text", row("") + "x\n", "s.jsonl:2:1: not a JSON object"},
		{"two objects", `{"mean":0.1} {"mean":0.2}` + "\n", "s.jsonl:1:14: text after the JSON object"},
		{"tilt without pair", `{"kind":"tilt","estimate":0.1}` + "\n", `tilt row without a "tilt" member`},
		{"bad pair", `{"kind":"tilt","tilt":"CHN","estimate":0.1}` + "\n", `tilt "CHN" is not of the form A-B`},
		{"focal without state", `{"kind":"focal","target":"CHN","mean":0.1}` + "\n", `focal row without a "focal" state`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadJSONL(strings.NewReader(tt.in), "s.jsonl")
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			var pe *ParseError
			assert.True(t, errors.As(err, &pe), "a *ParseError: %v", err)
		})
	}
}

func TestReadJSONLEmpty(t *testing.T) {
	s, err := ReadJSONL(strings.NewReader("\n  \n"), "empty.jsonl")
	require.NoError(t, err)
	assert.Empty(t, s.Groups)
	_, err = Auto(s, Options{})
	assert.ErrorIs(t, err, ErrNoRows)
}

// Every bad line is reported, up to a cap, so a user can fix them in one go.
func TestReadJSONLManyErrors(t *testing.T) {
	in := strings.Repeat("{\"mean\":9}\n", 50)
	_, err := ReadJSONL(strings.NewReader(in), "s.jsonl")
	require.Error(t, err)
	lines := strings.Split(err.Error(), "\n")
	assert.Len(t, lines, maxErrors)
	assert.Contains(t, lines[1], "s.jsonl:2:")
}

func TestReadJSONLLongLine(t *testing.T) {
	in := `{"mean":0.1}` + "\n" + `{"x":"` + strings.Repeat("a", MaxLineBytes) + "\"}\n"
	_, err := ReadJSONL(strings.NewReader(in), "s.jsonl")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "s.jsonl:2:1: line longer than")
}

func FuzzReadJSONL(f *testing.F) {
	f.Add(goodRows)
	f.Add(`{"kind":"tilt","tilt":"-","estimate":null}`)
	f.Add(`{"period":"2020-W53","mean":-1}`)
	f.Fuzz(func(t *testing.T, in string) {
		s, err := ReadJSONL(strings.NewReader(in), "f")
		if err != nil {
			_ = err.Error()
			return
		}
		for _, k := range []Kind{KindAuto, KindTime, KindTilt, KindDots} {
			c, err := New(k, s, Options{})
			if err == nil {
				c.Draw(nullCanvas())
			}
		}
	})
}
