package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
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
	readme, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	const open = "```text\ngeostance demo:"
	i := bytes.Index(readme, []byte(open))
	require.GreaterOrEqual(t, i, 0, "the README has no block of demo output starting %q", open)
	block := readme[i+len("```text\n"):]
	j := bytes.Index(block, []byte("\n```"))
	require.GreaterOrEqual(t, j, 0, "the README's demo output block is not closed")
	var out bytes.Buffer
	require.Zero(t, run(context.Background(), []string{"demo"}, nil, &out, io.Discard))
	assert.Equal(t, strings.TrimRight(string(block[:j]), "\n"), strings.TrimRight(out.String(), "\n"),
		"the README's demo output differs from `geostance demo`: replace it with the output of `go run ./cmd/geostance demo`")
}

// TestREADMEScoreRecord checks that the score record printed in the README,
// with its weights and lexicon lines, is what `geostance score` writes for
// its sentence now. To update the README, replace the block with the
// record, indented: `geostance score | jq 'select(.target == "CHN")'`.
func TestREADMEScoreRecord(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	const open = "```json\n{\n  \"id\": \"op-17\","
	i := bytes.Index(readme, []byte(open))
	require.GreaterOrEqual(t, i, 0, "the README has no score record starting %q", open)
	block := readme[i+len("```json\n"):]
	j := bytes.Index(block, []byte("\n```"))
	require.GreaterOrEqual(t, j, 0, "the README's score record block is not closed")
	var want map[string]any
	require.NoError(t, json.Unmarshal(block[:j], &want))
	in := fmt.Sprintf(`{"id":"op-17","text":%q,"date":"2023-05-02","outlet":"The Ravi Ledger"}`, want["text"])
	var out bytes.Buffer
	require.Zero(t, run(context.Background(), []string{"score", "-in", "jsonl"}, strings.NewReader(in), &out, io.Discard))
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
