package dict

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseFormat(t *testing.T) {
	tests := []struct {
		in   string
		want Format
	}{
		{"liwc", LIWC}, {".dic", LIWC}, {"LC3", Lexicoder}, {"yml", YAML}, {".yaml", YAML},
		{"quanteda", YAML}, {"cat", WordStat}, {"ykd", Yoshikoder}, {"TSV", TSV}, {"", Auto},
	}
	for _, tt := range tests {
		got, err := ParseFormat(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseFormat(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	if _, err := ParseFormat("docx"); err == nil {
		t.Error("ParseFormat(docx) succeeded; want an error")
	}
	for f := Auto; f <= TSV; f++ {
		if g, err := ParseFormat(f.String()); err != nil || g != f {
			t.Errorf("ParseFormat(%v.String()) = %v, %v", f, g, err)
		}
	}
	if got := Format(42).String(); got != "Format(42)" {
		t.Errorf("Format(42).String() = %q", got)
	}
}

func TestOpen(t *testing.T) {
	d, err := Open(filepath.Join("testdata", "lexicoder", "basic.lc3"), Auto)
	if err != nil {
		t.Fatal(err)
	}
	if d.Format != Lexicoder || d.Name != "basic" || len(d.Entries) != 8 {
		t.Errorf("Open(basic.lc3) = format %v, name %q, %d entries; want lexicoder, basic, 8", d.Format, d.Name, len(d.Entries))
	}
	var neg []string
	for _, c := range d.Categories {
		if c.Negated {
			neg = append(neg, c.Name)
		}
	}
	if got := strings.Join(neg, ","); got != "neg_positive,neg_negative" {
		t.Errorf("negated categories = %q; want neg_positive,neg_negative", got)
	}
	if _, err := Open("testdata/none.dic", Auto); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Open(missing) error = %v; want os.ErrNotExist", err)
	}
	if _, err := Read(strings.NewReader("x"), "words.txt", Auto); err == nil || !strings.Contains(err.Error(), "cannot tell the format") {
		t.Errorf("Read(words.txt, Auto) error = %v; want a format error", err)
	}
	if _, err := Read(strings.NewReader("x"), "words.txt", Format(99)); err == nil {
		t.Error("Read with Format(99) succeeded; want an error")
	}
}

func TestReadPartial(t *testing.T) {
	d, err := Read(strings.NewReader("good\tpositive\nbad\tnegative\tlots\nworse\tnegative\n"), "p.tsv", Auto)
	var pe *Error
	if !errors.As(err, &pe) || pe.Line != 2 || pe.Col != 14 {
		t.Fatalf("Read error = %v; want one *Error at 2:14", err)
	}
	if got := len(d.Entries); got != 2 {
		t.Errorf("Read kept %d entries; want the 2 good ones", got)
	}
	if pe.Error() != `p.tsv:2:14: bad weight "lots": want a finite number` {
		t.Errorf("Error() = %q", pe.Error())
	}
	if got := (&Error{File: "f", Line: 3, Msg: "m"}).Error(); got != "f:3: m" {
		t.Errorf("Error() without column = %q; want f:3: m", got)
	}
}

func TestTooManyErrors(t *testing.T) {
	src := strings.Repeat("no tab\n", 200)
	errs := Check(strings.NewReader(src), "many.tsv", Auto)
	if len(errs) != maxErrors+1 || !errors.Is(errs[maxErrors], errTooMany) {
		t.Fatalf("Check returned %d errors, last %v; want %d and a too-many marker", len(errs), errs[len(errs)-1], maxErrors+1)
	}
}

func TestEncodings(t *testing.T) {
	utf16le := func(s string) []byte {
		out := []byte{0xFF, 0xFE}
		for _, r := range s {
			out = append(out, byte(r), byte(r>>8))
		}
		return out
	}
	tests := []struct {
		name string
		data []byte
		want string // first pattern
	}{
		{"utf-8 bom", []byte("\xEF\xBB\xBF+pos\nbien\n"), "bien"},
		{"windows-1252", []byte("+pos\nr\xe9ussi\n+neg\n\x93quoted\x94\n"), "réussi"},
		{"utf-16le bom", utf16le("+pos\r\nçok iyi\r\n"), "çok iyi"},
		{"lone cr", []byte("+pos\rgood\rfine\r"), "good"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Read(bytes.NewReader(tt.data), "e.lc3", Auto)
			if err != nil {
				t.Fatal(err)
			}
			if len(d.Entries) == 0 || d.Entries[0].Pattern != tt.want {
				t.Errorf("first entry of %q = %v; want %q", tt.data, d.Entries, tt.want)
			}
		})
	}
}

func TestWriteTSVBadCategory(t *testing.T) {
	d := &Dictionary{Entries: []Entry{{Pattern: "x", Words: []string{"x"}, Categories: []int{3}, Weight: 1}}}
	if err := d.WriteTSV(&bytes.Buffer{}); err == nil {
		t.Error("WriteTSV with a dangling category index succeeded; want an error")
	}
	d.Compile() // must not panic either
}
