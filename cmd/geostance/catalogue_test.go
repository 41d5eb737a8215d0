package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geostance/geostance/internal/demo"
	"github.com/geostance/geostance/internal/input"
	"github.com/geostance/geostance/internal/segment"
)

// badCase is one entry of the catalogue of bad input: the files it
// writes, the command line, and what the CLI must do with them. Every case
// balances its books: each record in is either written out, reported on
// stderr, or is a document with no sentences (which writes nothing).
type badCase struct {
	name   string
	files  map[string]string // written to a fresh directory; "$D" in args and stderr names it
	args   []string
	stdin  string
	code   int
	stderr []string // fragments stderr must hold
	in     int      // records the input holds, up to where the run stops
	out    int      // documents with at least one record on stdout
	bad    int      // records reported on stderr
	empty  int      // documents without sentences: no record, no message
}

// catalogue returns the cases. Those that write tens of megabytes come
// only without -short.
func catalogue(short bool) []badCase {
	const good = `{"id":"g1","text":"Pakistan thanked China for its help."}` + "\n"
	const good2 = `{"id":"g2","text":"India and Japan signed an accord."}` + "\n"
	cases := []badCase{
		{name: "empty text file", files: map[string]string{"e.txt": ""}, args: []string{"sentences", "$D/e.txt"}, in: 1, empty: 1},
		{name: "empty jsonl", files: map[string]string{"e.jsonl": ""}, args: []string{"score", "-sentences", "$D/e.jsonl"}},
		{name: "empty csv", files: map[string]string{"e.csv": ""}, args: []string{"score", "-sentences", "$D/e.csv"}},
		{name: "whitespace text", files: map[string]string{"w.txt": " \n\t\r\n\u00a0\n  "}, args: []string{"score", "-sentences", "$D/w.txt"}, in: 1, empty: 1},
		{name: "whitespace jsonl", files: map[string]string{"w.jsonl": "\n  \n\t\r\n"}, args: []string{"score", "-sentences", "$D/w.jsonl"}},
		{name: "empty text in jsonl", files: map[string]string{"e.jsonl": `{"id":"e","text":""}` + "\n" + good}, args: []string{"score", "-sentences", "$D/e.jsonl"}, in: 2, out: 1, empty: 1},
		{name: "bom text", files: map[string]string{"b.txt": "\uFEFFChina praised Pakistan."}, args: []string{"sentences", "$D/b.txt"}, in: 1, out: 1},
		{name: "bom jsonl", files: map[string]string{"b.jsonl": "\uFEFF" + good + good2}, args: []string{"score", "-sentences", "$D/b.jsonl"}, in: 2, out: 2},
		{name: "bom csv", files: map[string]string{"b.csv": "\uFEFFid,text\r\nc1,China praised Pakistan.\r\n"}, args: []string{"score", "-sentences", "$D/b.csv"}, in: 1, out: 1},
		{name: "crlf text", files: map[string]string{"c.txt": "China praised Pakistan.\r\nIndia thanked Japan.\r\n"}, args: []string{"score", "-sentences", "$D/c.txt"}, in: 1, out: 1},
		{name: "crlf jsonl", files: map[string]string{"c.jsonl": strings.ReplaceAll(good+good2, "\n", "\r\n")}, args: []string{"score", "-sentences", "$D/c.jsonl"}, in: 2, out: 2},
		{name: "nul text", files: map[string]string{"n.txt": "China\x00 praised\x00\x00 Pakistan.\x00"}, args: []string{"score", "-sentences", "$D/n.txt"}, in: 1, out: 1},
		{name: "nul jsonl", files: map[string]string{"n.jsonl": good + `{"id":"n","text":"x"}` + "\x00\n" + good2},
			args: []string{"score", "-sentences", "$D/n.jsonl"}, code: 1, stderr: []string{"$D/n.jsonl:2:22: malformed JSON"}, in: 2, out: 1, bad: 1},
		{name: "nul jsonl skip", files: map[string]string{"n.jsonl": good + `{"id":"n","text":"x"}` + "\x00\n" + good2},
			args: []string{"score", "-sentences", "-skip-bad", "$D/n.jsonl"}, stderr: []string{"$D/n.jsonl:2:22:", "skipped 1 bad record(s) of 3"}, in: 3, out: 2, bad: 1},
		{name: "invalid utf-8 text", files: map[string]string{"u.txt": "China \xff\xfe praised Pakistan \xc3."}, args: []string{"score", "-sentences", "$D/u.txt"}, in: 1, out: 1},
		{name: "invalid utf-8 jsonl", files: map[string]string{"u.jsonl": good + "{\"id\":\"u\",\"text\":\"ab\xffc\"}\n"},
			args: []string{"score", "-sentences", "$D/u.jsonl"}, code: 1, stderr: []string{"$D/u.jsonl:2:21: invalid UTF-8", "-skip-bad"}, in: 2, out: 1, bad: 1},
		{name: "invalid utf-8 jsonl skip", files: map[string]string{"u.jsonl": good + "{\"id\":\"u\",\"text\":\"ab\xffc\"}\n" + good2},
			args: []string{"score", "-sentences", "-skip-bad", "$D/u.jsonl"}, stderr: []string{"$D/u.jsonl:2:21: invalid UTF-8 (skipped)"}, in: 3, out: 2, bad: 1},
		{name: "invalid utf-8 csv skip", files: map[string]string{"u.csv": "id,text\na,China.\nb,x\xffy\nc,Japan.\n"},
			args: []string{"score", "-sentences", "-skip-bad", "$D/u.csv"}, stderr: []string{"$D/u.csv:3:3: invalid UTF-8 (skipped)"}, in: 3, out: 2, bad: 1},
		{name: "html text", files: map[string]string{"h.txt": "<html><body><p>China <b>praised</b> Pakistan &amp; India.</p>\n<script>alert('x')</script></body></html>"},
			args: []string{"score", "-sentences", "$D/h.txt"}, in: 1, out: 1},
		{name: "html jsonl", files: map[string]string{"h.jsonl": `{"id":"h","text":"<p>China <b>praised</b> Pakistan &amp; India.</p><br/><div>"}` + "\n"},
			args: []string{"score", "-sentences", "$D/h.jsonl"}, in: 1, out: 1},
		{name: "markdown text", files: map[string]string{"m.md": "# China and Pakistan\n\n* **Pakistan** thanked [China](https://example.com/x.y).\n> India _criticised_ `Japan`.\n\n| a | b |\n|---|---|\n"},
			args: []string{"sentences", "$D/m.md"}, in: 1, out: 1},
		{name: "malformed json", files: map[string]string{"m.jsonl": good + `{"id":"b","text":` + "\n" + good2},
			args: []string{"score", "-sentences", "$D/m.jsonl"}, code: 1, stderr: []string{"$D/m.jsonl:2: malformed JSON: unexpected end of line (use -skip-bad"}, in: 2, out: 1, bad: 1},
		{name: "malformed json skip", files: map[string]string{"m.jsonl": good + `{"id":"b","text":` + "\n" + `{"id":"c" "text":"x"}` + "\n" + good2},
			args: []string{"score", "-sentences", "-skip-bad", "$D/m.jsonl"}, stderr: []string{"$D/m.jsonl:2:", "$D/m.jsonl:3:11:", "skipped 2 bad record(s) of 4"}, in: 4, out: 2, bad: 2},
		{name: "text as a number", files: map[string]string{"t.jsonl": `{"id":"t","text":42}` + "\n"},
			args: []string{"score", "$D/t.jsonl"}, code: 1, stderr: []string{`$D/t.jsonl:1: "text" must be a string, got a number`}, in: 1, bad: 1},
		{name: "id as an object skip", files: map[string]string{"t.jsonl": good + `{"id":{"k":1},"text":"China."}` + "\n" + `{"id":[1],"text":"China."}` + "\n"},
			args: []string{"score", "-sentences", "-skip-bad", "$D/t.jsonl"}, stderr: []string{`$D/t.jsonl:2: "id" must be a string or a number, got an object`, `$D/t.jsonl:3: "id" must be a string or a number, got an array`}, in: 3, out: 1, bad: 2},
		{name: "missing text", files: map[string]string{"t.jsonl": `{"id":"t","body":"China."}` + "\n"},
			args: []string{"sentences", "$D/t.jsonl"}, code: 1, stderr: []string{`$D/t.jsonl:1: missing "text" field`}, in: 1, bad: 1},
		{name: "duplicate ids", files: map[string]string{"d.jsonl": `{"id":"a","text":"China."}` + "\n" + good + `{"id":"a","text":"Japan."}` + "\n"},
			args: []string{"sentences", "$D/d.jsonl"}, stderr: []string{`$D/d.jsonl:3: duplicate id "a" (first at $D/d.jsonl:1); both are processed`}, in: 3, out: 3},
		{name: "duplicate ids across files", files: map[string]string{"d1.jsonl": good, "d2.jsonl": good},
			args: []string{"score", "-sentences", "$D/d1.jsonl", "$D/d2.jsonl"}, stderr: []string{`$D/d2.jsonl:1: duplicate id "g1" (first at $D/d1.jsonl:1)`}, in: 2, out: 2},
		{name: "many duplicate ids", files: map[string]string{"d.jsonl": strings.Repeat(`{"id":"x","text":"China."}`+"\n", 25)},
			args: []string{"sentences", "$D/d.jsonl"}, stderr: []string{`$D/d.jsonl:11: duplicate id "x" (first at $D/d.jsonl:1)`, "24 document(s) repeat an earlier id"}, in: 25, out: 25},
		{name: "impossible date", files: map[string]string{"d.jsonl": `{"id":"d","text":"China.","date":"2023-02-30"}` + "\n"},
			args: []string{"score", "$D/d.jsonl"}, code: 1, stderr: []string{`$D/d.jsonl:1: date "2023-02-30" does not exist: day out of range`}, in: 1, bad: 1},
		{name: "impossible date csv skip", files: map[string]string{"d.csv": "id,date,text\na,2023-02-28,China.\nb,2023-02-30,Japan.\n"},
			args: []string{"score", "-sentences", "-skip-bad", "$D/d.csv"}, stderr: []string{`$D/d.csv:3:3: date "2023-02-30" does not exist`}, in: 2, out: 1, bad: 1},
		{name: "ragged csv", files: map[string]string{"r.csv": "id,text\na,China.\nb,too,many\nc,Japan.\n"},
			args: []string{"score", "-sentences", "$D/r.csv"}, code: 1, stderr: []string{"$D/r.csv:3:1: 3 fields, but the header has 2"}, in: 2, out: 1, bad: 1},
		{name: "ragged csv skip", files: map[string]string{"r.csv": "id,text,outlet\na,China.,X\nb,short\nc,Japan.,Y,Z\nd,India.,W\n"},
			args: []string{"score", "-sentences", "-skip-bad", "$D/r.csv"}, stderr: []string{"$D/r.csv:3:1: 2 fields", "$D/r.csv:4:1: 4 fields", "skipped 2 bad record(s) of 4"}, in: 4, out: 2, bad: 2},
		{name: "bare quote csv skip", files: map[string]string{"q.csv": "id,text\na\"b,China.\nc,Japan.\n"},
			args: []string{"score", "-sentences", "-skip-bad", "$D/q.csv"}, stderr: []string{"$D/q.csv:2:2: bare \" in non-quoted-field (skipped)"}, in: 2, out: 1, bad: 1},
		{name: "badly quoted csv", files: map[string]string{"q.csv": "id,text\na,\"China \"praised\" Pakistan.\"\nc,Japan.\n"},
			args: []string{"score", "$D/q.csv"}, code: 1, stderr: []string{"$D/q.csv:2:10: extraneous or missing \" in quoted-field"}, in: 1, bad: 1},
		{name: "csv without text column", files: map[string]string{"n.csv": "id,body\na,China.\n"},
			args: []string{"score", "$D/n.csv"}, code: 1, stderr: []string{`$D/n.csv:1: no "text" column`}},
		{name: "directory as file", files: map[string]string{"sub/x.txt": "China."}, args: []string{"score", "$D/sub"}, code: 1, stderr: []string{"$D/sub", "is a directory"}, in: 1, bad: 1},
		{name: "missing file", args: []string{"sentences", "$D/nope.jsonl"}, code: 1, stderr: []string{"$D/nope.jsonl", "no such file"}},
		{name: "long sentence text", files: map[string]string{"l.txt": "China praised Pakistan.\n\n" + strings.Repeat("word ", segment.MaxSentence/5+10)},
			args: []string{"score", "$D/l.txt"}, code: 1, stderr: []string{"$D/l.txt:3: sentence starting at byte 25 is longer than the 256 KiB limit"}, in: 1, bad: 1},
		{name: "long sentence jsonl is cut", files: map[string]string{"l.jsonl": `{"id":"l","text":"` + strings.Repeat("word ", segment.MaxSentence/5+10) + `China."}` + "\n"},
			args: []string{"sentences", "$D/l.jsonl"}, in: 1, out: 1},
	}
	if short {
		return cases
	}
	fifty := strings.Repeat("word ", 10<<20) // 50 MiB with no sentence end
	return append(cases,
		badCase{name: "50 MB line text", files: map[string]string{"big.txt": fifty}, args: []string{"score", "$D/big.txt"},
			code: 1, stderr: []string{"$D/big.txt:1: sentence starting at byte 0 is longer than the 256 KiB limit"}, in: 1, bad: 1},
		badCase{name: "50 MB line of sentences text", files: map[string]string{"big.txt": strings.Repeat("Word. ", 50<<20/6)}, args: []string{"sentences", "$D/big.txt"}, in: 1, out: 1},
		badCase{name: "50 MB jsonl record", files: map[string]string{"big.jsonl": `{"id":"big","text":"` + fifty + `"}` + "\n" + good},
			args: []string{"sentences", "$D/big.jsonl"}, in: 2, out: 2},
		badCase{name: "over 64 MiB jsonl record skip", files: map[string]string{"huge.jsonl": good + `{"id":"huge","text":"` + strings.Repeat("w", input.MaxDocument) + `"}` + "\n" + good2},
			args: []string{"score", "-sentences", "-skip-bad", "$D/huge.jsonl"}, stderr: []string{"$D/huge.jsonl:2: line longer than 64 MiB (skipped)"}, in: 3, out: 2, bad: 1},
		badCase{name: "million one-word lines text", files: map[string]string{"m.txt": strings.Repeat("Word\n", 1_000_000)}, args: []string{"score", "-sentences", "$D/m.txt"}, in: 1, out: 1},
		badCase{name: "million short jsonl records", files: map[string]string{"m.jsonl": millionRecords()}, args: []string{"sentences", "$D/m.jsonl"}, in: 1_000_000, out: 1_000_000},
	)
}

func millionRecords() string {
	var b strings.Builder
	for i := range 1_000_000 {
		fmt.Fprintf(&b, "{\"id\":\"r%d\",\"text\":\"Word\"}\n", i)
	}
	return b.String()
}

var skippedLine = regexp.MustCompile(`skipped (\d+) bad record\(s\) of (\d+)`)

func TestBadInputCatalogue(t *testing.T) {
	for _, c := range catalogue(testing.Short()) {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, content := range c.files {
				p := filepath.Join(dir, name)
				require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
				require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
			}
			args := make([]string, len(c.args))
			for i, a := range c.args {
				args[i] = strings.ReplaceAll(a, "$D", dir)
			}
			var stdout, stderr bytes.Buffer
			start := time.Now()
			code := run(context.Background(), args, strings.NewReader(c.stdin), &stdout, &stderr)
			elapsed := time.Since(start)
			errText := stderr.String()
			require.Equal(t, c.code, code, "exit code of %v; stderr:\n%s", c.args, clip(errText))
			assert.NotContains(t, errText, "panic")
			for _, f := range c.stderr {
				assert.Contains(t, errText, strings.ReplaceAll(f, "$D", dir), "stderr")
			}
			out := countDocuments(t, stdout.Bytes())
			bad := reportedRecords(errText)
			assert.Equal(t, c.out, out, "documents out")
			assert.Equal(t, c.bad, bad, "records reported on stderr:\n%s", clip(errText))
			assert.Equal(t, c.in, out+bad+c.empty, "records in = out + reported + empty")
			if m := skippedLine.FindStringSubmatch(errText); m != nil {
				n, _ := strconv.Atoi(m[1])
				of, _ := strconv.Atoi(m[2])
				assert.Equal(t, bad, n, "skipped count")
				assert.Equal(t, c.in, of, "records read")
			}
			t.Logf("%v: %d bytes out in %v", c.args[0], stdout.Len(), elapsed)
		})
	}
}

// countDocuments checks that every line of output is one complete JSON
// object and counts the documents it speaks of: the records of sentence 0
// of each document (its whole-sentence record from score -sentences), so
// that documents sharing an id count once each.
func countDocuments(t *testing.T, out []byte) int {
	t.Helper()
	n := 0
	for i, line := range bytes.Split(bytes.TrimSuffix(out, []byte("\n")), []byte("\n")) {
		if len(line) == 0 {
			continue
		}
		// Millions of lines: check the cheap way, decode only sentence 0.
		if !json.Valid(line) {
			t.Fatalf("output line %d is not JSON: %s", i+1, clip(string(line)))
		}
		if !bytes.Contains(line, []byte(`"sentence":0,`)) {
			continue
		}
		var rec struct {
			ID       *string         `json:"id"`
			Sentence *int            `json:"sentence"`
			Target   json.RawMessage `json:"target"`
		}
		if err := json.Unmarshal(line, &rec); err != nil {
			t.Fatalf("output line %d is not JSON: %v\n%s", i+1, err, clip(string(line)))
		}
		if rec.ID == nil || rec.Sentence == nil {
			t.Fatalf("output line %d has no id or sentence: %s", i+1, clip(string(line)))
		}
		if *rec.Sentence == 0 && (rec.Target == nil || string(rec.Target) == "null") {
			n++
		}
	}
	return n
}

// reportedRecords counts the stderr lines that report a record as bad:
// skipped ones, the one that stopped the run, or an unreadable document.
func reportedRecords(stderr string) int {
	n := 0
	for _, line := range strings.Split(stderr, "\n") {
		switch {
		case !strings.HasPrefix(line, "geostance: "),
			strings.Contains(line, "duplicate id"),
			strings.Contains(line, "repeat an earlier id"),
			skippedLine.MatchString(line),
			strings.Contains(line, "no such file"),
			strings.Contains(line, "column in the header"):
			continue
		}
		n++
	}
	return n
}

func clip(s string) string {
	if len(s) > 2000 {
		return s[:2000] + "..."
	}
	return s
}

// TestUnreadableFile checks a file the user may not read. Root reads
// anything, so the test needs another user.
func TestUnreadableFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root, which can read a file with mode 000")
	}
	p := filepath.Join(t.TempDir(), "secret.jsonl")
	require.NoError(t, os.WriteFile(p, []byte(`{"text":"China."}`+"\n"), 0o000))
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"score", p}, strings.NewReader(""), &stdout, &stderr)
	assert.Equal(t, exitError, code)
	assert.Contains(t, stderr.String(), p)
	assert.Contains(t, stderr.String(), "permission denied")
}

// TestSummarizeTruncatedPartial cuts a partial aggregate in half and feeds
// it to summarize, which must say which file is broken and stop.
func TestSummarizeTruncatedPartial(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus.jsonl")
	require.NoError(t, os.WriteFile(corpus, demo.Corpus(), 0o644))
	var scores, partial, stderr bytes.Buffer
	require.Equal(t, exitOK, run(context.Background(), []string{"score", "-quiet", corpus}, nil, &scores, &stderr), stderr.String())
	require.Equal(t, exitOK, run(context.Background(), []string{"summarize", "-partial", "-by", "target"}, &scores, &partial, &stderr), stderr.String())
	require.Greater(t, partial.Len(), 100)

	for _, cut := range []int{partial.Len() / 2, partial.Len() - 2, 70} {
		t.Run(strconv.Itoa(cut), func(t *testing.T) {
			p := filepath.Join(dir, "cut.partial.json")
			require.NoError(t, os.WriteFile(p, partial.Bytes()[:cut], 0o644))
			var out, errb bytes.Buffer
			code := run(context.Background(), []string{"summarize", p}, nil, &out, &errb)
			assert.Equal(t, exitError, code, "stderr: %s", errb.String())
			assert.Contains(t, errb.String(), p)
			assert.NotContains(t, errb.String(), "panic")
			assert.Empty(t, out.String(), "no summary from a broken partial")
		})
	}
}

// TestClosedPipe writes score output to a pipe whose reader has gone: the
// run must end at once with exit code 1, not hang or panic.
func TestClosedPipe(t *testing.T) {
	dir := t.TempDir()
	corpus := writeDemoCorpus(t, dir, 20)
	for _, args := range [][]string{
		{"score", "-quiet", "-workers", "4", corpus},
		{"sentences", corpus},
		{"demo", "-corpus"},
	} {
		t.Run(args[0], func(t *testing.T) {
			r, w, err := os.Pipe()
			require.NoError(t, err)
			require.NoError(t, r.Close())
			defer w.Close()
			var stderr bytes.Buffer
			done := make(chan int, 1)
			start := time.Now()
			go func() { done <- run(context.Background(), args, nil, w, &stderr) }()
			select {
			case code := <-done:
				assert.Equal(t, exitError, code, "stderr: %s", stderr.String())
				assert.NotContains(t, stderr.String(), "panic")
				assert.Less(t, time.Since(start), 5*time.Second)
			case <-time.After(20 * time.Second):
				t.Fatalf("%v still running 20s after its reader closed", args)
			}
		})
	}
}
