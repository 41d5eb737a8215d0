package input_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/geostance/geostance/internal/input"
)

// seedFiles adds the files of testdata to a fuzz target's corpus.
func seedFiles(f *testing.F, names ...string) {
	for _, name := range names {
		b, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
		for _, line := range bytes.SplitAfter(b, []byte("\n")) {
			f.Add(line)
		}
	}
}

// lineCount is the number of lines of data as the readers count them: a
// final line without a terminator counts, an empty one after the last
// newline does not.
func lineCount(data []byte) int {
	n := bytes.Count(data, []byte("\n"))
	if len(data) > 0 && data[len(data)-1] != '\n' {
		n++
	}
	return n
}

// drain reads every record of rd and checks the invariants shared by all
// readers: each call yields a document or a *RecordError on a line of the
// input, errors render, and the reader ends.
func drain(t *testing.T, rd input.Reader, data []byte) []*input.Document {
	t.Helper()
	lines := lineCount(data)
	var docs []*input.Document
	// A reader makes progress on every call, so more calls than lines
	// (plus the header and the end) means it is stuck.
	for calls := 0; ; calls++ {
		if calls > lines+2 {
			t.Fatalf("reader still going after %d calls on %d lines", calls, lines)
		}
		d, err := rd.Next()
		if err == io.EOF {
			return docs
		}
		var re *input.RecordError
		switch {
		case errors.As(err, &re):
			if re.Line < 1 || re.Line > lines {
				t.Fatalf("%v: line %d outside 1..%d", re, re.Line, lines)
			}
			if msg := re.Error(); !strings.HasPrefix(msg, "f:") || re.Msg == "" {
				t.Fatalf("error %q does not name the file or says nothing", msg)
			}
		case err != nil:
			// Only header problems (no text column) end a reader of a
			// bytes.Reader, which never fails to read.
			if !strings.Contains(err.Error(), "column") {
				t.Fatalf("unexpected error: %v", err)
			}
		default:
			if d == nil {
				t.Fatal("Next returned neither a document nor an error")
			}
			if d.Line < 1 || d.Line > lines {
				t.Fatalf("document %q on line %d outside 1..%d", d.ID, d.Line, lines)
			}
			if n := len(docs); n > 0 && d.Line <= docs[n-1].Line {
				t.Fatalf("document on line %d after one on line %d", d.Line, docs[n-1].Line)
			}
			docs = append(docs, d)
		}
	}
}

// roundTrip writes the id and text of each document as JSON Lines, reads
// them back and requires the same values: what a reader accepts survives
// the trip to the output format.
func roundTrip(t *testing.T, docs []*input.Document) {
	t.Helper()
	var b bytes.Buffer
	for _, d := range docs {
		line, err := json.Marshal(map[string]string{"id": d.ID, "text": d.Text})
		if err != nil {
			t.Fatalf("json.Marshal(%q, %q): %v", d.ID, d.Text, err)
		}
		b.Write(line)
		b.WriteByte('\n')
	}
	rd := input.NewJSONL(&b, "round")
	for i, d := range docs {
		got, err := rd.Next()
		if err != nil {
			t.Fatalf("reading back document %d (%q): %v", i, d.ID, err)
		}
		if got.ID != d.ID || got.Text != d.Text {
			t.Fatalf("round trip of document %d: got id %q text %q; want id %q text %q", i, got.ID, got.Text, d.ID, d.Text)
		}
	}
	if _, err := rd.Next(); err != io.EOF {
		t.Fatalf("after the last document: %v; want io.EOF", err)
	}
}

func FuzzJSONL(f *testing.F) {
	seedFiles(f, "good.jsonl", "bad.jsonl")
	f.Add([]byte("\uFEFF{\"text\":\"x\"}\r\n\x00\n{\"text\":\"\xff\"}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		docs := drain(t, input.NewJSONL(bytes.NewReader(data), "f"), data)
		roundTrip(t, docs)
		if par := drain(t, input.NewParallelJSONL(bytes.NewReader(data), "f", 2), data); !reflect.DeepEqual(par, docs) {
			t.Fatalf("the parallel reader read %d documents, the serial one %d, or different ones", len(par), len(docs))
		}
	})
}

func FuzzCSV(f *testing.F) {
	seedFiles(f, "good.csv", "bad.csv")
	f.Add([]byte("\uFEFFtext,id\r\n\"a\"b,c\r\n"))
	f.Add([]byte("id,text\na\"b,c\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		docs := drain(t, input.NewCSV(bytes.NewReader(data), "f", input.CSVColumns{}), data)
		roundTrip(t, docs)
	})
}
