package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/geostance/geostance/internal/demo"
)

// runOK runs the CLI and returns its stdout, failing the test on any other
// exit code.
func runOK(t *testing.T, stdin []byte, args ...string) []byte {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, bytes.NewReader(stdin), &out, &errb)
	require.Equal(t, exitOK, code, "%v: %s", args, errb.String())
	return out.Bytes()
}

// demoText returns the texts of the demo corpus as one plain-text
// document, repeated so that it spans several batches of sentences.
func demoText(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	for range 3 {
		for _, line := range bytes.Split(demo.Corpus(), []byte("\n")) {
			var d struct{ Text string }
			if len(bytes.TrimSpace(line)) == 0 {
				continue
			}
			require.NoError(t, json.Unmarshal(line, &d))
			b.WriteString(d.Text)
			b.WriteString("\n\n")
		}
	}
	return b.String()
}

// TestDeterminism requires byte-identical output whatever the number of
// workers and of OS threads: output order must come from the input alone.
func TestDeterminism(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus.jsonl")
	require.NoError(t, os.WriteFile(corpus, runOK(t, nil, "demo", "-corpus"), 0o644))
	text := filepath.Join(dir, "articles.txt")
	require.NoError(t, os.WriteFile(text, []byte(demoText(t)), 0o644))

	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	procsList, workersList := []int{1, 2, 8}, []int{1, 2, 3, 8}
	if testing.Short() {
		procsList, workersList = []int{1, 8}, []int{1, 3}
	}
	inputs := []struct {
		name string
		args []string
	}{
		{"jsonl", []string{"score", "-quiet", "-sentences", corpus}},
		{"text", []string{"score", "-quiet", "-sentences", text}},
		{"csv out", []string{"score", "-quiet", "-out", "csv", corpus}},
	}
	for _, in := range inputs {
		t.Run(in.name, func(t *testing.T) {
			var want []byte
			for _, procs := range procsList {
				runtime.GOMAXPROCS(procs)
				for _, workers := range workersList {
					args := append(append([]string(nil), in.args[:len(in.args)-1]...), "-workers", fmt.Sprint(workers), in.args[len(in.args)-1])
					got := runOK(t, nil, args...)
					if want == nil {
						require.NotEmpty(t, got)
						want = got
						continue
					}
					require.True(t, bytes.Equal(want, got), "%v with GOMAXPROCS=%d differs from the first run (%d bytes vs %d)", args, procs, len(got), len(want))
				}
			}
		})
	}

	scores := runOK(t, nil, "score", "-quiet", corpus)
	summaries := [][]string{
		{"summarize", "-bootstrap", "200", "-seed", "5", "-by", "target"},
		{"summarize", "-bootstrap", "200", "-seed", "5", "-by", "half", "-tilt", "CHN,USA"},
		{"summarize", "-bootstrap", "200", "-seed", "5", "-focal", "PAK", "-tilt", "CHN,USA", "-format", "csv"},
		{"summarize", "-partial", "-by", "target,month"},
	}
	for _, args := range summaries {
		t.Run(strings.Join(args[1:], " "), func(t *testing.T) {
			var want []byte
			for _, procs := range procsList {
				runtime.GOMAXPROCS(procs)
				for range 2 {
					got := runOK(t, scores, args...)
					if want == nil {
						require.NotEmpty(t, got)
						want = got
						continue
					}
					require.True(t, bytes.Equal(want, got), "%v with GOMAXPROCS=%d differs:\n%s\nvs\n%s", args, procs, got, want)
				}
			}
		})
	}
}

// TestScoreCancelled cancels score in the middle of a corpus: it must stop
// promptly, say it was interrupted, and leave only whole records behind.
func TestScoreCancelled(t *testing.T) {
	dir := t.TempDir()
	corpus := writeDemoCorpus(t, dir, 12)
	text := filepath.Join(dir, "articles.txt")
	require.NoError(t, os.WriteFile(text, []byte(strings.Repeat(demoText(t), 3)), 0o644))

	for _, args := range [][]string{
		{"score", "-quiet", "-sentences", "-workers", "3", corpus},
		{"score", "-quiet", "-sentences", "-workers", "3", text},
		{"sentences", corpus},
	} {
		t.Run(filepath.Ext(args[len(args)-1])+" "+args[0], func(t *testing.T) {
			start := time.Now()
			require.Equal(t, exitOK, run(context.Background(), args, nil, io.Discard, io.Discard))
			full := time.Since(start)

			ctx, cancel := context.WithCancel(context.Background())
			var out, errb bytes.Buffer
			done := make(chan int, 1)
			go func() { done <- run(ctx, args, nil, &out, &errb) }()
			time.Sleep(full / 5)
			cancelled := time.Now()
			cancel()
			var code int
			select {
			case code = <-done:
			case <-time.After(20 * time.Second):
				t.Fatal("still running 20s after cancellation")
			}
			took := time.Since(cancelled)
			if code == exitOK {
				t.Skipf("finished (in %v) before the cancellation landed", full)
			}
			require.Equal(t, exitError, code)
			require.Contains(t, errb.String(), "geostance: interrupted")
			require.Less(t, took, time.Second+full/2, "took %v to stop after cancellation (a full run takes %v)", took, full)
			lines := bytes.Split(out.Bytes(), []byte("\n"))
			require.Empty(t, lines[len(lines)-1], "output ends in a partial line")
			for i, line := range lines[:len(lines)-1] {
				require.True(t, json.Valid(line), "line %d is not whole JSON: %.200s", i+1, line)
			}
			t.Logf("%d of a full run's records before stopping; stopped %v after cancellation (full run %v)", len(lines)-1, took, full)
		})
	}
}

// writeDemoCorpus writes the demo corpus repeated times times to
// dir/corpus.jsonl and returns the path: a corpus big enough to interrupt.
func writeDemoCorpus(t *testing.T, dir string, times int) string {
	t.Helper()
	path := filepath.Join(dir, "corpus.jsonl")
	require.NoError(t, os.WriteFile(path, bytes.Repeat(demo.Corpus(), times), 0o644))
	return path
}
