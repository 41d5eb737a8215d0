package notebook_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// root is the repository root, where the scripts expect to run.
const root = "../.."

// corpus is the scripts' default corpus, relative to root.
const corpus = "examples/sample/corpus.jsonl"

// row is one line of the scripts' table.
type row struct {
	Target        string
	N             int
	Mean          float64
	Pos, Neu, Neg int
}

func TestScripts(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the CLI and runs external interpreters; skipped in -short mode")
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go command not on PATH: cannot build the CLI")
	}
	bin := filepath.Join(t.TempDir(), "geostance")
	build := exec.Command(gobin, "build", "-o", bin, "./cmd/geostance")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/geostance: %v\n%s", err, out)
	}
	want := expected(t, bin)
	if len(want) == 0 {
		t.Fatalf("%s: the CLI scored no targets", corpus)
	}

	tests := []struct {
		name   string
		interp string
		script string
		env    []string
	}{
		{"python", "python3", "examples/notebook/score_corpus.py", nil},
		{"R", "Rscript", "examples/notebook/score_corpus.R", nil},
		{"R-base-parser", "Rscript", "examples/notebook/score_corpus.R", []string{"GEOSTANCE_R_PARSER=base"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			interp, err := exec.LookPath(tt.interp)
			if err != nil {
				t.Skipf("%s not found on PATH: %s not checked", tt.interp, tt.script)
			}
			cmd := exec.Command(interp, tt.script)
			cmd.Dir = root
			cmd.Env = append(os.Environ(), "GEOSTANCE_BIN="+bin)
			cmd.Env = append(cmd.Env, tt.env...)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Run(); err != nil {
				t.Fatalf("%s %s: %v\nstderr:\n%s", tt.interp, tt.script, err, stderr.String())
			}
			got, err := parseTable(stdout.String())
			if err != nil {
				t.Fatalf("%s output: %v\n%s", tt.script, err, stdout.String())
			}
			compare(t, got, want)
		})
	}
}

// expected computes the table the scripts should print from the CLI's own
// records.
func expected(t *testing.T, bin string) []row {
	t.Helper()
	cmd := exec.Command(bin, "score", "-quiet", corpus)
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("geostance score %s: %v", corpus, err)
	}
	byTarget := map[string]*row{}
	sums := map[string]float64{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for line := 1; sc.Scan(); line++ {
		var r struct {
			Target *string
			Score  float64
			Label  string
		}
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("score output line %d: %v", line, err)
		}
		if r.Target == nil {
			continue
		}
		g := byTarget[*r.Target]
		if g == nil {
			g = &row{Target: *r.Target}
			byTarget[*r.Target] = g
		}
		g.N++
		sums[g.Target] += r.Score
		switch r.Label {
		case "positive":
			g.Pos++
		case "neutral":
			g.Neu++
		case "negative":
			g.Neg++
		default:
			t.Fatalf("score output line %d: unknown label %q", line, r.Label)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	var rows []row
	for _, id := range slices.Sorted(maps.Keys(byTarget)) {
		g := byTarget[id]
		g.Mean = sums[id] / float64(g.N)
		rows = append(rows, *g)
	}
	return rows
}

// parseTable reads the scripts' output: a header, then one row per target.
func parseTable(s string) ([]row, error) {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) == 0 || strings.Join(strings.Fields(lines[0]), " ") != "target n mean pos neu neg" {
		return nil, fmt.Errorf("line 1: want the header \"target n mean pos neu neg\"")
	}
	var rows []row
	for i, l := range lines[1:] {
		f := strings.Fields(l)
		if len(f) != 6 {
			return nil, fmt.Errorf("line %d: %d fields, want 6", i+2, len(f))
		}
		var r row
		var err error
		ints := []*int{&r.N, &r.Pos, &r.Neu, &r.Neg}
		for k, j := range []int{1, 3, 4, 5} {
			if *ints[k], err = strconv.Atoi(f[j]); err != nil {
				return nil, fmt.Errorf("line %d: %v", i+2, err)
			}
		}
		if r.Mean, err = strconv.ParseFloat(f[2], 64); err != nil {
			return nil, fmt.Errorf("line %d: %v", i+2, err)
		}
		r.Target = f[0]
		rows = append(rows, r)
	}
	return rows, nil
}

// compare checks the counts exactly and the means to the three decimals
// the scripts print.
func compare(t *testing.T, got, want []row) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d rows, want %d:\ngot  %+v\nwant %+v", len(got), len(want), got, want)
	}
	const tol = 0.0005 + 1e-9 // half a unit in the last printed place
	for i := range want {
		g, w := got[i], want[i]
		if g.Target != w.Target || g.N != w.N || g.Pos != w.Pos || g.Neu != w.Neu || g.Neg != w.Neg {
			t.Errorf("row %d = %+v; want %+v", i+1, g, w)
		}
		if math.Abs(g.Mean-w.Mean) > tol {
			t.Errorf("row %d (%s): mean = %.3f; want %.4f ± 0.0005", i+1, w.Target, g.Mean, w.Mean)
		}
	}
}
