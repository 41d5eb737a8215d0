// Package input reads the documents geostance scores: plain text files (one
// document each), JSON Lines (one object per line) and CSV with a header.
//
// Every reader reports problems as *RecordError values that name the file
// and line, so that a caller can stop (the default) or skip the record and
// go on (-skip-bad) without ever dropping a record silently.
package input

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"
)

// MaxDocument is the largest document, in bytes, that a JSON Lines or CSV
// record may hold. A longer line is reported and skipped as a whole; plain
// text files have no such limit because they are read sentence by sentence.
//
// It is one of the limits that keep a bad file from costing unbounded
// memory or time; together they are:
//
//   - a JSON Lines or CSV record: MaxDocument (64 MiB), reported with its
//     file and line, and skipped under -skip-bad;
//   - a sentence: segment.MaxSentence (256 KiB). A plain-text file, read as
//     a stream, stops at a longer run without a sentence end, with the
//     file, line and byte where it starts; the text of a record, held
//     whole, is cut into pieces of at most that size instead;
//   - whitespace: a run longer than 1 KiB always ends a sentence;
//   - a plain-text file: none; memory stays bounded by segment.MaxSentence;
//   - data files: a gazetteer line 64 KiB, a lexicon term
//     lexicon.MaxTermWords (6) words;
//   - summaries: summary.MaxMentions (10,000) mentions per record and
//     summary.MaxBootstrap (1,000,000) bootstrap replicates.
const MaxDocument = 64 << 20

// Format is an input format.
type Format int

const (
	Text  Format = iota // one document per file
	JSONL               // one JSON object per line
	CSV                 // a header row, then one document per row
)

// ParseFormat returns the format named by s ("text", "jsonl", "csv").
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(s) {
	case "text", "txt":
		return Text, nil
	case "jsonl", "ndjson", "json":
		return JSONL, nil
	case "csv":
		return CSV, nil
	}
	return 0, fmt.Errorf("input: unknown format %q (want text, jsonl or csv)", s)
}

func (f Format) String() string {
	switch f {
	case JSONL:
		return "jsonl"
	case CSV:
		return "csv"
	}
	return "text"
}

// Detect guesses the format of a file from its extension.
func Detect(name string) Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".jsonl", ".ndjson":
		return JSONL
	case ".csv":
		return CSV
	}
	return Text
}

// Field is one metadata field carried from input to output unchanged.
type Field struct {
	Key   string
	Value json.RawMessage // valid JSON
}

// TargetSpan is an explicit target given in the input: a span of the
// document text, in Unicode code points, that is scored as its own target.
type TargetSpan struct {
	ID         string `json:"id"`
	Start, End int    // code points, End exclusive
}

// Document is one input record.
type Document struct {
	ID      string
	Text    string
	Date    time.Time // zero if absent
	DateRaw string    // the date as written, "" if absent
	Meta    []Field   // other fields, in input order
	Targets []TargetSpan
	Labels  map[string]string // gold labels by target id (evaluation input)
	Ratings map[string]float64
	Tags    []string
	File    string
	Line    int // 1-based line where the record starts (0 for plain text)
}

// RecordError is a bad input record. The reader that returned it can go on
// with the next record.
type RecordError struct {
	File string
	Line int
	Col  int // 0 when unknown
	Msg  string
}

func (e *RecordError) Error() string {
	if e.Col > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

// CSVColumns names the CSV columns that hold the text, id and date.
type CSVColumns struct {
	Text, ID, Date string
}

// Reader reads documents one at a time.
type Reader interface {
	// Next returns the next document, io.EOF at the end, a *RecordError for
	// a bad record (Next may be called again), or another error, after
	// which the reader is finished.
	Next() (*Document, error)
}

// ParseDate accepts YYYY-MM-DD and RFC 3339 dates.
func ParseDate(s string) (time.Time, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err == nil {
		return t, nil
	}
	t, err2 := time.Parse(time.RFC3339, s)
	if err2 == nil {
		return t, nil
	}
	// A well-formed date that does not exist (2023-02-30) gets its own
	// message: "not YYYY-MM-DD" would send the user looking at the format.
	for _, e := range []error{err, err2} {
		var pe *time.ParseError
		if errors.As(e, &pe) && strings.HasSuffix(pe.Message, "out of range") {
			return time.Time{}, fmt.Errorf("date %q does not exist%s", s, pe.Message)
		}
	}
	return time.Time{}, fmt.Errorf("date %q is not YYYY-MM-DD or RFC 3339", s)
}

// NewJSONL returns a reader of JSON Lines.
func NewJSONL(r io.Reader, file string) Reader {
	return &jsonlReader{br: bufio.NewReaderSize(r, 64<<10), file: file}
}

type jsonlReader struct {
	br   *bufio.Reader
	file string
	line int
	buf  []byte
	done bool
}

// readLine returns the next line without its terminator. A line longer
// than MaxDocument is consumed and reported as too long.
func (r *jsonlReader) readLine() (line []byte, tooLong bool, err error) {
	r.buf = r.buf[:0]
	for {
		chunk, err := r.br.ReadSlice('\n')
		if len(r.buf)+len(chunk) > MaxDocument+2 {
			tooLong = true
		} else {
			r.buf = append(r.buf, chunk...)
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err == io.EOF && (len(r.buf) > 0 || tooLong) {
			err = nil
		}
		if err != nil {
			return nil, false, err
		}
		b := bytes.TrimSuffix(r.buf, []byte("\n"))
		b = bytes.TrimSuffix(b, []byte("\r"))
		return b, tooLong, nil
	}
}

func (r *jsonlReader) Next() (*Document, error) {
	for {
		if r.done {
			return nil, io.EOF
		}
		line, tooLong, err := r.readLine()
		if err == io.EOF {
			r.done = true
			return nil, io.EOF
		}
		if err != nil {
			r.done = true
			return nil, fmt.Errorf("%s: %w", r.file, err)
		}
		r.line++
		if r.line == 1 {
			line = bytes.TrimPrefix(line, []byte("\uFEFF"))
		}
		if tooLong {
			return nil, r.errorf(0, "line longer than %d MiB", MaxDocument>>20)
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue // blank lines separate nothing and hold no record
		}
		return r.parse(line)
	}
}

func (r *jsonlReader) errorf(col int, format string, args ...any) *RecordError {
	return &RecordError{File: r.file, Line: r.line, Col: col, Msg: fmt.Sprintf(format, args...)}
}

func (r *jsonlReader) parse(line []byte) (*Document, error) {
	if !utf8.Valid(line) {
		return nil, r.errorf(invalidUTF8Col(line), "invalid UTF-8")
	}
	if validJSON(line) {
		// The common case, a well-formed object, is taken apart in one pass
		// that keeps the order of its keys; the decoder below only words the
		// error for a malformed line. The line buffer is reused, so the
		// record keeps a copy.
		line = bytes.Clone(line)
		obj := make(map[string]json.RawMessage, 8)
		if keys, ok := members(line, obj); ok {
			doc := &Document{File: r.file, Line: r.line, ID: strconv.Itoa(r.line)}
			if err := r.fill(doc, keys, obj); err != nil {
				return nil, err
			}
			return doc, nil
		}
	}
	var obj map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(line))
	if err := dec.Decode(&obj); err != nil {
		return nil, r.errorf(jsonErrorCol(line, err), "malformed JSON: %s", jsonErrorText(err))
	}
	if obj == nil {
		return nil, r.errorf(1, "malformed JSON: want an object, got null")
	}
	// Not dec.More: it says false before a stray "}" or "]", which would
	// let {"text":"a"}} through.
	if rest := bytes.TrimLeft(line[dec.InputOffset():], " \t\r\n"); len(rest) > 0 {
		col := utf8.RuneCount(line[:len(line)-len(rest)]) + 1
		if c := rest[0]; c == '{' || c == '[' || c == '"' {
			return nil, r.errorf(col, "malformed JSON: more than one value on the line")
		}
		rn, _ := utf8.DecodeRune(rest)
		return nil, r.errorf(col, "malformed JSON: unexpected %q after the object", rn)
	}
	doc := &Document{File: r.file, Line: r.line, ID: strconv.Itoa(r.line)}
	if err := r.fill(doc, keyOrder(line), obj); err != nil {
		return nil, err
	}
	return doc, nil
}

// members records the members of the JSON object in line, which
// validJSON accepted, in obj, and returns their keys in order. ok is false
// when line holds another kind of value.
func members(line []byte, obj map[string]json.RawMessage) (keys []string, ok bool) {
	i := skipSpace(line, 0)
	if i >= len(line) || line[i] != '{' {
		return nil, false
	}
	i = skipSpace(line, i+1)
	for i < len(line) && line[i] != '}' {
		if line[i] != '"' {
			return nil, false
		}
		end := skipString(line, i)
		key := unquote(line[i:end])
		i = skipSpace(line, end)
		if i >= len(line) || line[i] != ':' {
			return nil, false
		}
		i = skipSpace(line, i+1)
		if i >= len(line) {
			return nil, false
		}
		vend := skipValue(line, i)
		if _, dup := obj[key]; !dup {
			keys = append(keys, key)
		}
		obj[key] = line[i:vend]
		i = skipSpace(line, vend)
		if i < len(line) && line[i] == ',' {
			i = skipSpace(line, i+1)
		}
	}
	return keys, true
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n') {
		i++
	}
	return i
}

// skipString returns the index just past the JSON string starting at b[i],
// or len(b) if it is not closed.
func skipString(b []byte, i int) int {
	for j := i + 1; j < len(b); {
		k := bytes.IndexByte(b[j:], '"')
		if k < 0 {
			return len(b)
		}
		j += k
		// The quote is escaped if an odd number of backslashes precede it.
		bs := 0
		for p := j - 1; p > i && b[p] == '\\'; p-- {
			bs++
		}
		if bs%2 == 0 {
			return j + 1
		}
		j++
	}
	return len(b)
}

// skipValue returns the index just past the JSON value starting at b[i].
func skipValue(b []byte, i int) int {
	switch b[i] {
	case '"':
		return skipString(b, i)
	case '{', '[':
		depth := 0
		for j := i; j < len(b); j++ {
			switch b[j] {
			case '"':
				j = skipString(b, j) - 1
			case '{', '[':
				depth++
			case '}', ']':
				if depth--; depth == 0 {
					return j + 1
				}
			}
		}
		return len(b)
	}
	j := i
	for j < len(b) && b[j] != ',' && b[j] != '}' && b[j] != ']' && b[j] != ' ' && b[j] != '\t' && b[j] != '\r' && b[j] != '\n' {
		j++
	}
	return j
}

// unquote decodes a JSON string that validJSON accepted. It decodes as
// encoding/json does, and is several times faster on the escapes of news
// text ("\u2014", "\"").
func unquote(raw []byte) string {
	if len(raw) < 2 || raw[0] != '"' || raw[len(raw)-1] != '"' {
		var s string
		json.Unmarshal(raw, &s)
		return s
	}
	body := raw[1 : len(raw)-1]
	k := bytes.IndexByte(body, '\\')
	if k < 0 {
		return string(body)
	}
	out := make([]byte, 0, len(body))
	for k >= 0 {
		out = append(out, body[:k]...)
		body = body[k:]
		if len(body) < 2 {
			break // not valid JSON; keep what was decoded
		}
		n := 2
		switch c := body[1]; c {
		case '"', '\\', '/':
			out = append(out, c)
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r, ok := hex4(body[2:])
			n = 6
			if !ok {
				return string(out) // not valid JSON
			}
			if utf16.IsSurrogate(r) {
				r2, ok2 := rune(-1), false
				if len(body) >= 12 && body[6] == '\\' && body[7] == 'u' {
					r2, ok2 = hex4(body[8:])
				}
				if d := utf16.DecodeRune(r, r2); ok2 && d != utf8.RuneError {
					r, n = d, 12
				} else {
					r = utf8.RuneError
				}
			}
			out = utf8.AppendRune(out, r)
		default:
			return string(out) // not valid JSON
		}
		body = body[n:]
		k = bytes.IndexByte(body, '\\')
	}
	return string(append(out, body...))
}

// hex4 decodes the four hexadecimal digits at the start of b.
func hex4(b []byte) (rune, bool) {
	if len(b) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range b[:4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

// stringValue decodes raw into *s if it is a JSON string.
func stringValue(raw json.RawMessage, s *string) error {
	if len(raw) > 0 && raw[0] == '"' {
		*s = unquote(raw)
		return nil
	}
	return json.Unmarshal(raw, s)
}

// keyOrder returns the top-level keys of a JSON object in input order.
func keyOrder(line []byte) []string {
	dec := json.NewDecoder(bytes.NewReader(line))
	if _, err := dec.Token(); err != nil {
		return nil
	}
	var keys []string
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return keys
		}
		if k, ok := tok.(string); ok {
			keys = append(keys, k)
		}
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return keys
		}
	}
	return keys
}

// documentKeys are the keys of a JSON Lines record that are not metadata.
var documentKeys = []string{"id", "text", "date", "targets", "labels", "ratings", "tags"}

func (r *jsonlReader) fill(doc *Document, keys []string, obj map[string]json.RawMessage) error {
	text, ok := obj["text"]
	if !ok {
		return r.errorf(0, `missing "text" field`)
	}
	if err := stringValue(text, &doc.Text); err != nil {
		return r.errorf(0, `"text" must be a string, got %s`, jsonKind(text))
	}
	if raw, ok := obj["id"]; ok {
		id, err := idString(raw)
		if err != nil {
			return r.errorf(0, `"id" %v`, err)
		}
		doc.ID = id
	}
	if raw, ok := obj["date"]; ok && string(raw) != "null" {
		if err := stringValue(raw, &doc.DateRaw); err != nil {
			return r.errorf(0, `"date" must be a string, got %s`, jsonKind(raw))
		}
		if doc.DateRaw != "" {
			t, err := ParseDate(doc.DateRaw)
			if err != nil {
				return r.errorf(0, "%v", err)
			}
			doc.Date = t
		}
	}
	if raw, ok := obj["targets"]; ok {
		if err := r.targets(doc, raw); err != nil {
			return err
		}
	}
	if raw, ok := obj["labels"]; ok {
		if err := json.Unmarshal(raw, &doc.Labels); err != nil {
			return r.errorf(0, `"labels" must map target ids to "positive", "neutral" or "negative"`)
		}
	}
	if raw, ok := obj["ratings"]; ok {
		if err := json.Unmarshal(raw, &doc.Ratings); err != nil {
			return r.errorf(0, `"ratings" must map target ids to numbers`)
		}
	}
	if raw, ok := obj["tags"]; ok {
		if err := json.Unmarshal(raw, &doc.Tags); err != nil {
			return r.errorf(0, `"tags" must be a list of strings`)
		}
	}
	known := 0
	for _, k := range documentKeys {
		if _, ok := obj[k]; ok {
			known++
		}
	}
	if len(obj) == known {
		return nil // no metadata: spare the second decoding that finds its order
	}
	for _, k := range keys {
		if !slices.Contains(documentKeys, k) {
			doc.Meta = append(doc.Meta, Field{Key: k, Value: obj[k]})
		}
	}
	return nil
}

func (r *jsonlReader) targets(doc *Document, raw json.RawMessage) error {
	var ts []struct {
		ID    json.RawMessage `json:"id"`
		Start *int            `json:"start"`
		End   *int            `json:"end"`
	}
	if err := json.Unmarshal(raw, &ts); err != nil {
		return r.errorf(0, `"targets" must be a list of {"id", "start", "end"} objects`)
	}
	n := utf8.RuneCountInString(doc.Text)
	for i, t := range ts {
		if t.Start == nil || t.End == nil {
			return r.errorf(0, `targets[%d]: "start" and "end" are required`, i)
		}
		id := strconv.Itoa(i + 1)
		if t.ID != nil {
			s, err := idString(t.ID)
			if err != nil {
				return r.errorf(0, `targets[%d]: "id" %v`, i, err)
			}
			id = s
		}
		if *t.Start < 0 || *t.End <= *t.Start || *t.End > n {
			return r.errorf(0, "targets[%d]: span [%d, %d) outside the text (%d code points)", i, *t.Start, *t.End, n)
		}
		doc.Targets = append(doc.Targets, TargetSpan{ID: id, Start: *t.Start, End: *t.End})
	}
	return nil
}

// idString accepts a string or a number as an id.
func idString(raw json.RawMessage) (string, error) {
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return s, nil
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err == nil {
		return n.String(), nil
	}
	return "", fmt.Errorf("must be a string or a number, got %s", jsonKind(raw))
}

func jsonKind(raw json.RawMessage) string {
	b := bytes.TrimSpace(raw)
	if len(b) == 0 {
		return "nothing"
	}
	switch b[0] {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

func jsonErrorCol(line []byte, err error) int {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		// Offset counts the bytes read up to and including the bad one.
		return utf8.RuneCount(line[:min(max(int(se.Offset)-1, 0), len(line))]) + 1
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return 1
	}
	return 0
}

func jsonErrorText(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return "want an object, got " + te.Value
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return "unexpected end of line"
	}
	return strings.TrimPrefix(err.Error(), "json: ")
}

func invalidUTF8Col(b []byte) int {
	col := 1
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size <= 1 {
			return col
		}
		b = b[size:]
		col++
	}
	return 0
}

// NewCSV returns a reader of CSV with a header row. Columns other than
// the text, id and date columns become metadata.
func NewCSV(r io.Reader, file string, cols CSVColumns) Reader {
	if cols.Text == "" {
		cols.Text = "text"
	}
	if cols.ID == "" {
		cols.ID = "id"
	}
	if cols.Date == "" {
		cols.Date = "date"
	}
	cr := csv.NewReader(&bomSkipper{r: r})
	cr.ReuseRecord = true
	return &csvReader{cr: cr, file: file, cols: cols}
}

type csvReader struct {
	cr     *csv.Reader
	file   string
	cols   CSVColumns
	header []string
	text   int
	id     int
	date   int
	n      int
	done   bool
}

func (r *csvReader) Next() (*Document, error) {
	if r.done {
		return nil, io.EOF
	}
	if r.header == nil {
		if err := r.readHeader(); err != nil {
			r.done = true
			return nil, err
		}
	}
	rec, err := r.cr.Read()
	if err == io.EOF {
		r.done = true
		return nil, io.EOF
	}
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			msg := pe.Err.Error()
			if errors.Is(pe.Err, csv.ErrFieldCount) {
				msg = fmt.Sprintf("%d fields, but the header has %d", len(rec), len(r.header))
			}
			return nil, &RecordError{File: r.file, Line: pe.Line, Col: pe.Column, Msg: msg}
		}
		r.done = true
		return nil, fmt.Errorf("%s: %w", r.file, err)
	}
	r.n++
	// FieldPos is asked only of a record read whole: after a parse error in
	// its first field the reader knows no field positions and would panic.
	line, _ := r.cr.FieldPos(0)
	doc := &Document{File: r.file, Line: line, ID: strconv.Itoa(r.n), Text: rec[r.text]}
	for i, v := range rec {
		if !utf8.ValidString(v) {
			_, col := r.cr.FieldPos(i)
			return nil, &RecordError{File: r.file, Line: line, Col: col, Msg: "invalid UTF-8"}
		}
	}
	if r.id >= 0 && rec[r.id] != "" {
		doc.ID = rec[r.id]
	}
	if r.date >= 0 && rec[r.date] != "" {
		t, err := ParseDate(rec[r.date])
		if err != nil {
			_, col := r.cr.FieldPos(r.date)
			return nil, &RecordError{File: r.file, Line: line, Col: col, Msg: err.Error()}
		}
		doc.Date, doc.DateRaw = t, rec[r.date]
	}
	for i, v := range rec {
		if i == r.text || i == r.id || i == r.date {
			continue
		}
		b, _ := json.Marshal(v)
		doc.Meta = append(doc.Meta, Field{Key: r.header[i], Value: b})
	}
	return doc, nil
}

func (r *csvReader) readHeader() error {
	h, err := r.cr.Read()
	if err == io.EOF {
		return io.EOF // an empty file holds no records
	}
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return &RecordError{File: r.file, Line: pe.Line, Col: pe.Column, Msg: "header: " + pe.Err.Error()}
		}
		return fmt.Errorf("%s: %w", r.file, err)
	}
	r.header = append([]string(nil), h...)
	r.text, r.id, r.date = -1, -1, -1
	for i, name := range r.header {
		switch name {
		case r.cols.Text:
			r.text = i
		case r.cols.ID:
			r.id = i
		case r.cols.Date:
			r.date = i
		}
	}
	if r.text < 0 {
		r.done = true
		return fmt.Errorf("%s:1: no %q column in the header (set -text-col)", r.file, r.cols.Text)
	}
	return nil
}

// SkipBOM returns a reader of r without the UTF-8 byte-order mark it may
// start with, for plain text, which has no reader of its own here: the mark
// is an encoding signature, not part of the document.
func SkipBOM(r io.Reader) io.Reader { return &bomSkipper{r: r} }

// bomSkipper drops a UTF-8 byte-order mark at the start of a stream.
type bomSkipper struct {
	r       io.Reader
	started bool
}

func (b *bomSkipper) Read(p []byte) (int, error) {
	if b.started {
		return b.r.Read(p)
	}
	b.started = true
	br := bufio.NewReader(b.r)
	b.r = br
	if bom, err := br.Peek(3); err == nil && string(bom) == "\uFEFF" {
		br.Discard(3)
	}
	return br.Read(p)
}

// Lines reads a file of JSON Lines one line at a time, for readers of
// records other than documents (score records, gold labels).
type Lines struct{ r *jsonlReader }

// NewLines returns a line reader. Blank lines are skipped; a byte-order
// mark on the first line is dropped.
func NewLines(r io.Reader, file string) *Lines {
	return &Lines{r: &jsonlReader{br: bufio.NewReaderSize(r, 64<<10), file: file}}
}

// Next returns the next non-blank line and its 1-based number, io.EOF at
// the end, or a *RecordError for a line that is too long or not UTF-8.
// The line is valid until the next call.
func (l *Lines) Next() ([]byte, int, error) {
	r := l.r
	for {
		line, tooLong, err := r.readLine()
		if err != nil {
			if err == io.EOF {
				return nil, 0, io.EOF
			}
			return nil, 0, fmt.Errorf("%s: %w", r.file, err)
		}
		r.line++
		if r.line == 1 {
			line = bytes.TrimPrefix(line, []byte("\uFEFF"))
		}
		if tooLong {
			return nil, r.line, r.errorf(0, "line longer than %d MiB", MaxDocument>>20)
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		if !utf8.Valid(line) {
			return nil, r.line, r.errorf(invalidUTF8Col(line), "invalid UTF-8")
		}
		return line, r.line, nil
	}
}

// Members records the members of the JSON object in line in obj and
// returns their keys in order; ok is false when line is not a JSON object.
// It checks the object's outline, not the values it skips: callers that
// need a valid line check it with json.Valid. line must outlive obj's
// values.
func Members(line []byte, obj map[string]json.RawMessage) (keys []string, ok bool) {
	return members(line, obj)
}

// Unquote decodes a JSON string value; it returns "" for anything else.
func Unquote(raw []byte) string { return unquote(raw) }

// Elements calls fn with each element of the JSON array raw and reports
// whether raw is an array.
func Elements(raw []byte, fn func(elem []byte)) bool {
	i := skipSpace(raw, 0)
	if i >= len(raw) || raw[i] != '[' {
		return false
	}
	i = skipSpace(raw, i+1)
	for i < len(raw) && raw[i] != ']' {
		if raw[i] == ',' || raw[i] == '}' {
			return false
		}
		end := skipValue(raw, i)
		fn(raw[i:end])
		i = skipSpace(raw, end)
		if i < len(raw) && raw[i] == ',' {
			i = skipSpace(raw, i+1)
		}
	}
	return true
}

// EachMember calls fn with the key (as written, without its quotes) and
// the raw value of each member of the JSON object in line, in order, and
// reports whether line is an object. Like Members it checks the outline
// only. Neither key nor value may be kept after fn returns unless copied.
func EachMember(line []byte, fn func(key, value []byte)) bool {
	i := skipSpace(line, 0)
	if i >= len(line) || line[i] != '{' {
		return false
	}
	i = skipSpace(line, i+1)
	for i < len(line) && line[i] != '}' {
		if line[i] != '"' {
			return false
		}
		end := skipString(line, i)
		key := line[i+1 : max(end-1, i+1)]
		i = skipSpace(line, end)
		if i >= len(line) || line[i] != ':' {
			return false
		}
		i = skipSpace(line, i+1)
		if i >= len(line) {
			return false
		}
		vend := skipValue(line, i)
		fn(key, line[i:vend])
		i = skipSpace(line, vend)
		if i < len(line) && line[i] == ',' {
			i = skipSpace(line, i+1)
		}
	}
	return i < len(line)
}
