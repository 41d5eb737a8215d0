package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestREADMEDemoOutput checks that the output of `geostance demo` printed in
// the README is what the command prints now, so that the README stays true
// as the analyzer changes. To update the README, replace the block with the
// output of `go run ./cmd/geostance demo`.
func TestREADMEDemoOutput(t *testing.T) {
	block := readmeBlock(t, "text", "geostance demo:")
	var out bytes.Buffer
	require.Zero(t, run(context.Background(), []string{"demo"}, nil, &out, io.Discard))
	assert.Equal(t, strings.TrimRight(string(block), "\n"), strings.TrimRight(out.String(), "\n"),
		"the README's demo output differs from `geostance demo`: replace it with the output of `go run ./cmd/geostance demo`")
}

// TestREADMEScoreRecord checks that the score record printed in the README,
// with its weights and lexicon lines, is what `geostance score` writes for
// its sentence now. To update the README, replace the block with the
// record, indented: `geostance score | jq 'select(.target == "CHN")'`.
func TestREADMEScoreRecord(t *testing.T) {
	block := readmeBlock(t, "json", "{\n  \"id\": \"op-17\",")
	var want map[string]any
	require.NoError(t, json.Unmarshal(block, &want))
	in, err := json.Marshal(map[string]any{"id": "op-17", "text": want["text"], "date": "2023-05-02", "outlet": "The Ravi Ledger"})
	require.NoError(t, err)
	var out bytes.Buffer
	require.Zero(t, run(context.Background(), []string{"score", "-in", "jsonl"}, bytes.NewReader(in), &out, io.Discard))
	for line := range strings.Lines(out.String()) {
		var got map[string]any
		require.NoError(t, json.Unmarshal([]byte(line), &got))
		if got["target"] == want["target"] {
			assert.Equal(t, want, got, "the README's score record differs from `geostance score`")
			return
		}
	}
	t.Fatalf("geostance score wrote no record for %v", want["target"])
}

// readmeBlock returns the contents of the README's fenced block of the given
// language whose first line starts with start.
func readmeBlock(t *testing.T, lang, start string) []byte {
	t.Helper()
	readme, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	open := "```" + lang + "\n"
	i := bytes.Index(readme, []byte(open+start))
	require.GreaterOrEqual(t, i, 0, "the README has no %s block starting %q", lang, start)
	block := readme[i+len(open):]
	j := bytes.Index(block, []byte("\n```"))
	require.GreaterOrEqual(t, j, 0, "the README's %s block starting %q is not closed", lang, start)
	return block[:j]
}
