package dict

import (
	"bytes"
	"errors"
	"path/filepath"
	"reflect"
	"testing"
)

// fuzzRead checks the invariants every reader must keep on any input:
// no panic; every error renders and points at a line of the file (or the
// one after it, for end-of-file problems); and a clean read survives a
// round trip through canonical TSV.
func fuzzRead(f *testing.F, format Format, glob string) {
	files, _ := filepath.Glob(filepath.Join("testdata", format.String(), glob))
	for _, p := range files {
		f.Add(mustRead(f, p))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Read(bytes.NewReader(data), "fuzz", format)
		if err != nil {
			lines := bytes.Count(data, []byte("\n")) + bytes.Count(data, []byte("\r")) + 1
			for _, e := range unjoin(err) {
				_ = e.Error()
				var pe *Error
				if errors.As(e, &pe) && (pe.Line < 1 || pe.Line > lines+1 || pe.Col < 0) {
					t.Fatalf("error %q outside the input (%d lines)", pe, lines)
				}
			}
			return
		}
		var out bytes.Buffer
		if err := d.WriteTSV(&out); err != nil {
			t.Fatal(err)
		}
		back, err := Read(bytes.NewReader(out.Bytes()), "fuzz.tsv", TSV)
		if err != nil {
			t.Fatalf("Read(WriteTSV(d)): %v\n%s", err, out.Bytes())
		}
		if got, want := entryView(back), entryView(d); !reflect.DeepEqual(got, want) {
			t.Fatalf("Read(WriteTSV(d)) entries = %v; want %v", got, want)
		}
		d.Compile().Match([]string{"a", "b"}, func(int, int, *Entry) {})
	})
}

func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

func FuzzReadLIWC(f *testing.F)       { fuzzRead(f, LIWC, "*.dic") }
func FuzzReadLexicoder(f *testing.F)  { fuzzRead(f, Lexicoder, "*.lc3") }
func FuzzReadYAML(f *testing.F)       { fuzzRead(f, YAML, "*.yml") }
func FuzzReadWordStat(f *testing.F)   { fuzzRead(f, WordStat, "*.cat") }
func FuzzReadYoshikoder(f *testing.F) { fuzzRead(f, Yoshikoder, "*.ykd") }
func FuzzReadTSV(f *testing.F)        { fuzzRead(f, TSV, "*.tsv") }
