package main

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// cliCase is one invocation of the CLI: its arguments and standard input,
// and what it must print and return.
type cliCase struct {
	name   string
	args   []string
	stdin  string
	golden string   // testdata/<golden>.golden holds the expected stdout, if set
	stdout []string // fragments stdout must contain
	stderr []string // fragments stderr must contain
	code   int
}

func runCase(t *testing.T, c cliCase) (string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), c.args, strings.NewReader(c.stdin), &out, &errb)
	assert.Equal(t, c.code, code, "exit code; stderr:\n%s", errb.String())
	for _, f := range c.stdout {
		assert.Contains(t, out.String(), f, "stdout")
	}
	for _, f := range c.stderr {
		assert.Contains(t, errb.String(), f, "stderr")
	}
	if c.golden != "" {
		path := filepath.Join("testdata", c.golden+".golden")
		if *update {
			require.NoError(t, os.WriteFile(path, out.Bytes(), 0o644))
		} else {
			want, err := os.ReadFile(path)
			require.NoError(t, err)
			assert.Equal(t, string(want), out.String(), "stdout differs from %s; accept with: go test ./cmd/geostance -run '%s' -update", path, t.Name())
		}
	}
	return out.String(), errb.String()
}

func TestCLI(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
		return p
	}
	badJSONL := write("bad.jsonl", "{\"id\":\"a\",\"text\":\"Pakistan thanked China.\"}\n{\"id\":\"b\",\"text\":\n{\"id\":\"c\",\"text\":\"India and Japan signed an accord.\"}\n")
	wrongType := write("types.jsonl", "{\"id\":{\"x\":1},\"text\":\"China.\"}\n")
	numText := write("num.jsonl", "{\"id\":\"n\",\"text\":42}\n")
	noText := write("notext.jsonl", "{\"id\":\"n\"}\n")
	badDate := write("date.jsonl", "{\"id\":\"d\",\"text\":\"China.\",\"date\":\"2023-02-30\"}\n")
	ragged := write("ragged.csv", "id,text,outlet\n1,Pakistan thanked China.,A\n2,too,many,fields\n3,India criticised Pakistan.,B\n")
	csvOK := write("ok.csv", "id,date,text,outlet\nx1,2023-05-01,\"Pakistan thanked China for its generous help.\",Ledger\n")
	altCSV := write("alt.csv", "doc,when,body\nz9,2024-03-01,India criticised Pakistan.\n")
	userLex := write("user.tsv", "# src=user a user's terms\nfrenemy\taffect\t-2\tsrc=user\n")
	badLex := write("badlex.tsv", "frenemy\taffection\t-2\n")
	badTargets := write("badtargets.tsv", "XYZ\tperson\tJane Roe\tfrom=2020-13-01\n")
	records := write("records.jsonl", `{"id":"a","sentence":0,"target":"CHN","score":0.5,"label":"positive","date":"2023-01-05","mentions":[{}],"source":"PAK","meta":{"outlet":"X"}}`+"\n"+
		`{"id":"a","sentence":1,"target":"USA","score":-0.5,"label":"negative","date":"2023-01-05","mentions":[{},{}],"others":["PAK"],"meta":{"outlet":"X"}}`+"\n"+
		`{"id":"b","sentence":0,"target":"CHN","score":0.2,"label":"positive","date":"2023-07-05","mentions":[{}],"meta":{"outlet":"Y"}}`+"\n"+
		`{"id":"b","sentence":0,"target":null,"score":0.1,"label":"neutral","date":"2023-07-05","meta":{"outlet":"Y"}}`+"\n")
	article := write("article.txt", "ISLAMABAD, June 3 —\nThe U.S. Navy sailed past. Gen. Munir met Chinese officials in Beijing.\n\nAid to the U.S. The talks resumed.")
	empty := write("empty.txt", "")

	cases := []cliCase{
		{name: "no args", args: nil, code: 2, stderr: []string{"Usage:", "Commands:"}},
		{name: "help", args: []string{"-h"}, code: 0, stdout: []string{"Exit codes"}},
		{name: "unknown command", args: []string{"frobnicate"}, code: 2, stderr: []string{`unknown command "frobnicate"`}},
		{name: "version", args: []string{"version"}, code: 0, stdout: []string{"geostance "}},
		{name: "version extra arg", args: []string{"version", "x"}, code: 2, stderr: []string{"no arguments"}},
		{name: "sentences help", args: []string{"sentences", "-h"}, code: 0, stdout: []string{"Examples:", "geostance sentences article.txt"}},
		{name: "sentences bad flag", args: []string{"sentences", "-nope"}, code: 2, stderr: []string{"flag provided but not defined: -nope"}},
		{name: "sentences file", args: []string{"sentences", article}, golden: "sentences-article"},
		{name: "sentences stdin", args: []string{"sentences", "-"}, stdin: "Mr. Khan met Dr. Lee. They agreed.",
			stdout: []string{`"text":"Mr. Khan met Dr. Lee."`, `"sentence":1,"start":22,"end":34`}},
		{name: "sentences empty", args: []string{"sentences", empty}, code: 0},
		{name: "sentences missing file", args: []string{"sentences", filepath.Join(dir, "nope.txt")}, code: 1, stderr: []string{"no such file"}},
		{name: "sentences bad in", args: []string{"sentences", "-in", "xml", article}, code: 2, stderr: []string{"unknown format"}},
		{name: "score malformed jsonl", args: []string{"score", badJSONL}, code: 1, stderr: []string{"bad.jsonl:2:", "malformed JSON", "-skip-bad"}},
		{name: "score skip bad", args: []string{"score", "-skip-bad", badJSONL}, code: 0,
			stdout: []string{`"id":"a"`, `"id":"c"`}, stderr: []string{"bad.jsonl:2:", "skipped 1 bad record(s) of 3"}},
		{name: "score id object", args: []string{"score", wrongType}, code: 1, stderr: []string{"types.jsonl:1:", `"id" must be a string or a number, got an object`}},
		{name: "score text number", args: []string{"score", numText}, code: 1, stderr: []string{"num.jsonl:1:", `"text" must be a string, got a number`}},
		{name: "score missing text", args: []string{"score", noText}, code: 1, stderr: []string{"notext.jsonl:1:", `missing "text"`}},
		{name: "score impossible date", args: []string{"score", badDate}, code: 1, stderr: []string{"date.jsonl:1:", "2023-02-30"}},
		{name: "score ragged csv", args: []string{"score", ragged}, code: 1, stderr: []string{"ragged.csv:3:", "4 fields, but the header has 3"}},
		{name: "score ragged csv skip", args: []string{"score", "-skip-bad", ragged}, code: 0, stdout: []string{`"id":"1"`, `"id":"3"`}, stderr: []string{"skipped 1 bad record(s) of 3"}},
		{name: "score csv meta", args: []string{"score", csvOK}, code: 0, stdout: []string{`"date":"2023-05-01"`, `"meta":{"outlet":"Ledger"}`, `"target":"CHN"`}},
		{name: "score csv out", args: []string{"score", "-out", "csv", csvOK}, code: 0, stdout: []string{"id,sentence,target,name,score,label", "x1,0,CHN,China"}},
		{name: "score bad out", args: []string{"score", "-out", "xml", csvOK}, code: 2, stderr: []string{"-out must be"}},
		{name: "score bad workers", args: []string{"score", "-workers", "0", csvOK}, code: 2, stderr: []string{"-workers"}},
		{name: "score bad thresholds", args: []string{"score", "-pos", "-0.5", csvOK}, code: 1, stderr: []string{"thresholds"}},
		{name: "score only", args: []string{"score", "-only", "PAK", csvOK}, code: 0, stdout: []string{`"target":"PAK"`}},
		{name: "score sentences", args: []string{"score", "-sentences", "-in", "text", "-"}, stdin: "China helped Pakistan.",
			stdout: []string{`"target":null`}},
		{name: "score explicit targets", args: []string{"score", "-in", "jsonl", "-"},
			stdin:  `{"id":"t","text":"Senator Ruiz praised the generous plan.","targets":[{"id":"ruiz","start":8,"end":12}]}` + "\n",
			stdout: []string{`"target":"ruiz"`, `"name":"ruiz"`, `"start":8,"end":12`}},
		{name: "mentions", args: []string{"mentions", article}, code: 0, stdout: []string{`"target":"USA"`, `"text":"U.S."`, `"kind":"capital"`}},
		{name: "summarize pipe", args: []string{"summarize", "-by", "target", "-format", "table", "-"},
			stdin:  `{"id":"a","sentence":0,"target":"CHN","score":0.5,"label":"positive"}` + "\n" + `{"id":"b","sentence":0,"target":"CHN","score":-0.1,"label":"neutral"}` + "\n",
			stdout: []string{"CHN"}},
		{name: "summarize bad record", args: []string{"summarize", "-"}, stdin: `{"id":"a","target":"CHN","score":3,"label":"positive"}` + "\n",
			code: 1, stderr: []string{"<stdin>:1:", "outside [-1, 1]"}},
		{name: "summarize bad format", args: []string{"summarize", "-format", "xml"}, code: 2, stderr: []string{"-format"}},
		{name: "summarize bad tilt", args: []string{"summarize", "-tilt", "CHN"}, code: 2, stderr: []string{"-tilt"}},
		{name: "csv columns", args: []string{"score", "-text-col", "body", "-id-col", "doc", "-date-col", "when", altCSV}, code: 0,
			stdout: []string{`"id":"z9"`, `"date":"2024-03-01"`, `"target":"PAK"`, `"label":"negative"`}},
		{name: "csv missing text column", args: []string{"score", altCSV}, code: 1, stderr: []string{"alt.csv:1:", `no "text" column`}},
		{name: "user lexicon extend", args: []string{"score", "-lexicon", userLex, "-in", "text", "-"}, stdin: "Russia is a frenemy of Japan.",
			stdout: []string{`"text":"frenemy"`}},
		{name: "user lexicon replace", args: []string{"score", "-lexicon", userLex, "-lexicon-mode", "replace", "-in", "text", "-"}, stdin: "Pakistan thanked China, a frenemy.",
			stdout: []string{`"text":"frenemy"`}},
		{name: "user lexicon bad mode", args: []string{"score", "-lexicon", userLex, "-lexicon-mode", "merge", article}, code: 2, stderr: []string{"-lexicon-mode"}},
		{name: "user lexicon bad file", args: []string{"score", "-lexicon", badLex, article}, code: 1, stderr: []string{"badlex.tsv:1:", "unknown class"}},
		{name: "targets bad file", args: []string{"score", "-targets", badTargets, article}, code: 1, stderr: []string{"badtargets.tsv:1:"}},
		{name: "summarize options", args: []string{"summarize", "-by", "target,half,outlet", "-weighted", "-ci", "0.9", "-bootstrap", "50", "-seed", "3", "-focal", "PAK", "-tilt", "CHN,USA", "-baseline", "outlet", records},
			stdout: []string{`"ci_level":0.9`, `"period":"2023-H1"`, `"outlet":"X"`, `"tilt":"CHN-USA"`, `"focal":"PAK"`}, stderr: []string{"1 whole-sentence record(s)"}},
		{name: "summarize sentences csv", args: []string{"summarize", "-sentences", "-format", "csv", records}, stdout: []string{"target", "CHN"}},
		{name: "summarize partial", args: []string{"summarize", "-by", "target", "-partial", records}, stdout: []string{`"format":"geostance-partial"`}},
		{name: "demo", args: []string{"demo"}, code: 0, stdout: []string{"Mean attitude", "Tilt China minus United States"}},
		{name: "demo corpus", args: []string{"demo", "-corpus"}, code: 0, stdout: []string{`"outlet":`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { runCase(t, c) })
	}
}
