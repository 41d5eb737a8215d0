package input_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geostance/geostance/internal/input"
)

// outcome is what one call of Next gave: a document's id and line, or an
// error's text.
type outcome struct {
	id   string
	line int
	err  string
}

func readAll(t *testing.T, rd input.Reader) []outcome {
	t.Helper()
	var out []outcome
	for range 100000 {
		d, err := rd.Next()
		if err == io.EOF {
			return out
		}
		if err != nil {
			out = append(out, outcome{err: err.Error()})
			var re *input.RecordError
			if !errors.As(err, &re) {
				return out // any other error ends the reader
			}
			continue
		}
		out = append(out, outcome{id: d.ID, line: d.Line})
	}
	t.Fatal("reader did not end")
	return nil
}

func TestJSONL(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []outcome
	}{
		{"empty", "", nil},
		{"blank lines", "\n  \n\t\r\n", nil},
		{"no final newline", `{"text":"a"}`, []outcome{{id: "1", line: 1}}},
		{"bom and crlf", "\uFEFF{\"id\":\"a\",\"text\":\"x\"}\r\n{\"id\":\"b\",\"text\":\"y\"}\r\n",
			[]outcome{{id: "a", line: 1}, {id: "b", line: 2}}},
		{"bom only on line 1", "{\"text\":\"x\"}\n\uFEFF{\"text\":\"y\"}\n",
			[]outcome{{id: "1", line: 1}, {err: "f:2:1: malformed JSON: invalid character 'ï' looking for beginning of value"}}},
		{"nul byte", "{\"text\":\"x\"}\x00\n", []outcome{{err: "f:1:13: malformed JSON: unexpected '\\x00' after the object"}}},
		{"invalid utf-8", "{\"text\":\"ab\xffc\"}\n", []outcome{{err: "f:1:12: invalid UTF-8"}}},
		{"escaped nul is text", `{"text":"a\u0000b"}`, []outcome{{id: "1", line: 1}}},
		{"numeric id", `{"id":12.50,"text":"x"}`, []outcome{{id: "12.50", line: 1}}},
		{"id object", `{"id":{"a":1},"text":"x"}`, []outcome{{err: `f:1: "id" must be a string or a number, got an object`}}},
		{"id bool", `{"id":true,"text":"x"}`, []outcome{{err: `f:1: "id" must be a string or a number, got a boolean`}}},
		{"text number", `{"text":42}`, []outcome{{err: `f:1: "text" must be a string, got a number`}}},
		{"text null", `{"text":null}`, []outcome{{id: "1", line: 1}}},
		{"missing text", `{"id":"x"}`, []outcome{{err: `f:1: missing "text" field`}}},
		{"impossible date", `{"text":"x","date":"2023-02-30"}`, []outcome{{err: `f:1: date "2023-02-30" does not exist: day out of range`}}},
		{"bad date format", `{"text":"x","date":"1/2/2023"}`, []outcome{{err: `f:1: date "1/2/2023" is not YYYY-MM-DD or RFC 3339`}}},
		{"date number", `{"text":"x","date":20230501}`, []outcome{{err: `f:1: "date" must be a string, got a number`}}},
		{"truncated", `{"text":"x`, []outcome{{err: "f:1: malformed JSON: unexpected end of line"}}},
		{"array", `[1]`, []outcome{{err: "f:1:1: malformed JSON: want an object, got array"}}},
		{"two values", `{"text":"a"}{"text":"b"}`, []outcome{{err: "f:1:13: malformed JSON: more than one value on the line"}}},
		{"stray brace", `{"text":"a"} }`, []outcome{{err: `f:1:14: malformed JSON: unexpected '}' after the object`}}},
		{"column in code points", `{"text":"é"}x`, []outcome{{err: `f:1:13: malformed JSON: unexpected 'x' after the object`}}},
		{"syntax error column", `{"text":"é",}`, []outcome{{err: `f:1:13: malformed JSON: invalid character '}' looking for beginning of object key string`}}},
		{"html", `<p>China</p>`, []outcome{{err: "f:1:1: malformed JSON: invalid character '<' looking for beginning of value"}}},
		{"bad then good", "{\n{\"text\":\"ok\"}\n", []outcome{{err: "f:1: malformed JSON: unexpected end of line"}, {id: "2", line: 2}}},
		{"target outside text", `{"text":"ab","targets":[{"id":"t","start":1,"end":3}]}`,
			[]outcome{{err: "f:1: targets[0]: span [1, 3) outside the text (2 code points)"}}},
		{"target missing end", `{"text":"ab","targets":[{"start":1}]}`,
			[]outcome{{err: `f:1: targets[0]: "start" and "end" are required`}}},
		{"labels wrong type", `{"text":"ab","labels":["x"]}`,
			[]outcome{{err: `f:1: "labels" must map target ids to "positive", "neutral" or "negative"`}}},
		{"duplicate ids are read", "{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"a\",\"text\":\"y\"}\n",
			[]outcome{{id: "a", line: 1}, {id: "a", line: 2}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := readAll(t, input.NewJSONL(strings.NewReader(tt.in), "f"))
			assert.Equal(t, tt.want, got, "NewJSONL(%q)", tt.in)
			got = readAll(t, input.NewParallelJSONL(strings.NewReader(tt.in), "f", 2))
			assert.Equal(t, tt.want, got, "NewParallelJSONL(%q)", tt.in)
		})
	}
}

func TestJSONLFields(t *testing.T) {
	f, err := os.Open("testdata/good.jsonl")
	require.NoError(t, err)
	defer f.Close()
	rd := input.NewJSONL(f, "good.jsonl")
	d, err := rd.Next()
	require.NoError(t, err)
	assert.Equal(t, "Pakistan thanked China for its help.", d.Text)
	assert.Equal(t, time.Date(2023, 5, 1, 0, 0, 0, 0, time.UTC), d.Date)
	assert.Equal(t, "2023-05-01", d.DateRaw)
	require.Len(t, d.Meta, 1)
	assert.Equal(t, "outlet", d.Meta[0].Key)
	assert.JSONEq(t, `"Ledger"`, string(d.Meta[0].Value))
	for range 2 {
		d, err = rd.Next()
		require.NoError(t, err)
	}
	assert.Equal(t, []string{"x", "y"}, d.Tags)
	d, err = rd.Next()
	require.NoError(t, err)
	assert.Equal(t, []input.TargetSpan{{ID: "ruiz", Start: 8, End: 12}}, d.Targets)
	assert.Equal(t, map[string]string{"ruiz": "positive"}, d.Labels)
	assert.Equal(t, map[string]float64{"ruiz": 0.5}, d.Ratings)
}

// repeatReader yields n copies of one byte without holding them.
type repeatReader struct {
	b byte
	n int
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.n == 0 {
		return 0, io.EOF
	}
	k := min(len(p), r.n)
	for i := range p[:k] {
		p[i] = r.b
	}
	r.n -= k
	return k, nil
}

// TestJSONLTooLong checks the MaxDocument cap: a longer line is reported
// as a record error and the reader goes on with the next line.
func TestJSONLTooLong(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 64 MiB")
	}
	r := io.MultiReader(strings.NewReader(`{"text":"`), &repeatReader{'a', input.MaxDocument}, strings.NewReader("\"}\n{\"id\":\"next\",\"text\":\"ok\"}\n"))
	got := readAll(t, input.NewJSONL(r, "big.jsonl"))
	assert.Equal(t, []outcome{{err: "big.jsonl:1: line longer than 64 MiB"}, {id: "next", line: 2}}, got)
	r = io.MultiReader(strings.NewReader(`{"text":"`), &repeatReader{'a', input.MaxDocument}, strings.NewReader("\"}\n{\"id\":\"next\",\"text\":\"ok\"}\n"))
	got = readAll(t, input.NewParallelJSONL(r, "big.jsonl", 2))
	assert.Equal(t, []outcome{{err: "big.jsonl:1: line longer than 64 MiB"}, {id: "next", line: 2}}, got)
}

// TestParallelJSONL checks that the parallel reader returns what the serial
// one does over many batches of good, bad and blank lines, ending with a
// read error, and that closing it early ends it.
func TestParallelJSONL(t *testing.T) {
	var b strings.Builder
	for i := range 5000 {
		switch {
		case i%97 == 0:
			b.WriteString("{\"text\": 3}\n")
		case i%31 == 0:
			b.WriteString("\n")
		default:
			fmt.Fprintf(&b, "{\"id\":\"d%d\",\"text\":\"China and Pakistan, record %d.\",\"date\":\"2024-01-02\",\"outlet\":{\"name\":\"o%d\"}}\n", i, i, i%13)
		}
	}
	in := b.String()
	failing := func() io.Reader {
		return io.MultiReader(strings.NewReader(in), iotest.ErrReader(errors.New("disk gone")))
	}
	want := readAll(t, input.NewJSONL(failing(), "f"))
	require.Greater(t, len(want), 4800)
	assert.Equal(t, "f: disk gone", want[len(want)-1].err)
	for _, workers := range []int{1, 2, 7} {
		assert.Equal(t, want, readAll(t, input.NewParallelJSONL(failing(), "f", workers)), "%d workers", workers)
	}
	// Documents read early must not change as the reader reuses its line
	// buffers for later batches.
	docs := func(rd input.Reader) []*input.Document {
		var out []*input.Document
		for {
			d, err := rd.Next()
			if err == io.EOF {
				return out
			}
			if err == nil {
				out = append(out, d)
			}
		}
	}
	serial := docs(input.NewJSONL(strings.NewReader(in), "f"))
	assert.Equal(t, serial, docs(input.NewParallelJSONL(strings.NewReader(in), "f", 2)))
	rd := input.NewParallelJSONL(strings.NewReader(in), "f", 2)
	_, err := rd.Next()
	assert.EqualError(t, err, `f:1: "text" must be a string, got a number`)
	_, err = rd.Next()
	require.NoError(t, err)
	require.NoError(t, rd.Close())
	_, err = rd.Next()
	assert.Equal(t, io.EOF, err, "after Close")
}

func TestJSONLAtLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 50 MB")
	}
	const n = 50 << 20
	r := io.MultiReader(strings.NewReader(`{"text":"`), &repeatReader{'a', n}, strings.NewReader("\"}\n"))
	d, err := input.NewJSONL(r, "f").Next()
	require.NoError(t, err)
	assert.Len(t, d.Text, n)
}

func TestCSV(t *testing.T) {
	tests := []struct {
		name string
		in   string
		cols input.CSVColumns
		want []outcome
	}{
		{"empty", "", input.CSVColumns{}, nil},
		{"header only", "id,text\n", input.CSVColumns{}, nil},
		{"bom and crlf", "\uFEFFid,text\r\na,x\r\nb,y\r\n", input.CSVColumns{}, []outcome{{id: "a", line: 2}, {id: "b", line: 3}}},
		{"no text column", "id,body\na,x\n", input.CSVColumns{}, []outcome{{err: `f:1: no "text" column in the header (set -text-col)`}}},
		{"custom columns", "key,body\nk1,x\n", input.CSVColumns{Text: "body", ID: "key"}, []outcome{{id: "k1", line: 2}}},
		{"empty id numbers the row", "id,text\n,x\n,y\n", input.CSVColumns{}, []outcome{{id: "1", line: 2}, {id: "2", line: 3}}},
		{"ragged", "id,text\na,x,extra\nb,y\n", input.CSVColumns{}, []outcome{{err: "f:2:1: 3 fields, but the header has 2"}, {id: "b", line: 3}}},
		{"too few fields", "id,text,outlet\na,x\n", input.CSVColumns{}, []outcome{{err: "f:2:1: 2 fields, but the header has 3"}}},
		{"bare quote in first field", "id,text\na\"b,c\nd,e\n", input.CSVColumns{}, []outcome{{err: "f:2:2: bare \" in non-quoted-field"}, {id: "d", line: 3}}},
		{"bare quote later", "id,text\na,b\"c\n", input.CSVColumns{}, []outcome{{err: "f:2:4: bare \" in non-quoted-field"}}},
		{"unterminated quote", "id,text\na,\"open\n", input.CSVColumns{}, []outcome{{err: "f:2:9: extraneous or missing \" in quoted-field"}}},
		{"multi-line field", "id,text\na,\"two\nlines\"\nb,y\n", input.CSVColumns{}, []outcome{{id: "a", line: 2}, {id: "b", line: 4}}},
		{"invalid utf-8", "id,text\na,b\xffc\n", input.CSVColumns{}, []outcome{{err: "f:2:3: invalid UTF-8"}}},
		{"impossible date", "id,date,text\na,2023-02-30,x\n", input.CSVColumns{}, []outcome{{err: `f:2:3: date "2023-02-30" does not exist: day out of range`}}},
		{"bad header", "id,\"te\"xt\n", input.CSVColumns{}, []outcome{{err: "f:1:7: header: extraneous or missing \" in quoted-field"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := readAll(t, input.NewCSV(strings.NewReader(tt.in), "f", tt.cols))
			assert.Equal(t, tt.want, got, "NewCSV(%q)", tt.in)
		})
	}
}

func TestLines(t *testing.T) {
	l := input.NewLines(strings.NewReader("\uFEFFa\n\n  \nb\xff\r\nc"), "f")
	var got []string
	for {
		line, n, err := l.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			got = append(got, err.Error())
			continue
		}
		got = append(got, string(line)+"@"+string(rune('0'+n)))
	}
	assert.Equal(t, []string{"a@1", "f:4:2: invalid UTF-8", "c@5"}, got)
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
		err  string
	}{
		{"2024-02-29", time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC), ""},
		{"2023-05-01T10:00:00Z", time.Date(2023, 5, 1, 10, 0, 0, 0, time.UTC), ""},
		{"2023-02-29", time.Time{}, `date "2023-02-29" does not exist: day out of range`},
		{"2023-13-01", time.Time{}, `date "2023-13-01" does not exist: month out of range`},
		{"2023-05-01T25:00:00Z", time.Time{}, `date "2023-05-01T25:00:00Z" does not exist: hour out of range`},
		{"May 1, 2023", time.Time{}, `date "May 1, 2023" is not YYYY-MM-DD or RFC 3339`},
		{"", time.Time{}, `date "" is not YYYY-MM-DD or RFC 3339`},
	}
	for _, tt := range tests {
		got, err := input.ParseDate(tt.in)
		if tt.err != "" {
			assert.EqualError(t, err, tt.err, "ParseDate(%q)", tt.in)
			continue
		}
		require.NoError(t, err, "ParseDate(%q)", tt.in)
		assert.True(t, tt.want.Equal(got), "ParseDate(%q) = %v; want %v", tt.in, got, tt.want)
	}
}

func TestFormats(t *testing.T) {
	for _, tt := range []struct {
		name string
		want input.Format
	}{{"a.jsonl", input.JSONL}, {"A.NDJSON", input.JSONL}, {"b.csv", input.CSV}, {"c.txt", input.Text}, {"-", input.Text}} {
		assert.Equal(t, tt.want, input.Detect(tt.name), "Detect(%q)", tt.name)
	}
	for _, s := range []string{"text", "jsonl", "csv"} {
		f, err := input.ParseFormat(s)
		require.NoError(t, err)
		assert.Equal(t, s, f.String())
	}
	_, err := input.ParseFormat("xml")
	assert.EqualError(t, err, `input: unknown format "xml" (want text, jsonl or csv)`)
}

func TestRecordErrorRendering(t *testing.T) {
	assert.Equal(t, "a.jsonl:3:7: bad", (&input.RecordError{File: "a.jsonl", Line: 3, Col: 7, Msg: "bad"}).Error())
	assert.Equal(t, "a.jsonl:3: bad", (&input.RecordError{File: "a.jsonl", Line: 3, Msg: "bad"}).Error())
	_ = bytes.MinRead
}
