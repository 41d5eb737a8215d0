package eval

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/geostance/geostance/internal/input"
	"github.com/geostance/geostance/stance"
)

// Target is one hand-coded target of a gold sentence.
type Target struct {
	ID      string
	Spans   []stance.Span // code points of Sentence.Text; nil when the gazetteer is to find the target
	Label   stance.Label
	Labeled bool
	Rating  float64
	Rated   bool
}

// Sentence is one gold sentence with its hand-coded targets. A sentence
// may also carry a rating of its own (VADER's rated sentences), compared
// with the analyzer's sentence score.
type Sentence struct {
	ID      string
	Text    string
	Date    time.Time
	Tags    []string
	Targets []Target
	Rating  float64
	Rated   bool
	File    string
	Line    int
}

// Explicit reports whether the sentence names its targets by span, in
// which case only those spans are scored.
func (s *Sentence) Explicit() bool {
	for _, t := range s.Targets {
		if t.Spans != nil {
			return true
		}
	}
	return false
}

// Format is a gold file format.
type Format int

// The gold formats.
const (
	JSONL    Format = iota // the score input form plus "labels" (and optionally "ratings", "tags", "targets")
	CSV                    // columns text, target, label; optional id, sentence, start, end, tags, date, rating
	NewsMTSC               // NewsMTSC JSON Lines: sentence_normalized, targets[] with from, to, polarity
	VADER                  // VADER's rated sentences: ID<TAB>rating<TAB>text
)

// ParseFormat parses a format name: jsonl, csv, newsmtsc or vader.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(s) {
	case "jsonl", "json", "ndjson":
		return JSONL, nil
	case "csv":
		return CSV, nil
	case "newsmtsc":
		return NewsMTSC, nil
	case "vader":
		return VADER, nil
	}
	return 0, fmt.Errorf("eval: unknown gold format %q (want jsonl, csv, newsmtsc or vader)", s)
}

func (f Format) String() string {
	switch f {
	case CSV:
		return "csv"
	case NewsMTSC:
		return "newsmtsc"
	case VADER:
		return "vader"
	}
	return "jsonl"
}

// Detect guesses the format of a gold file from its name and first bytes:
// .csv is CSV, .txt or .tsv VADER, JSON Lines whose first record has
// "sentence_normalized" NewsMTSC, anything else JSONL.
func Detect(name string, head []byte) Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv":
		return CSV
	case ".txt", ".tsv":
		return VADER
	}
	line, _, _ := bytes.Cut(bytes.TrimLeft(head, "\ufeff \t\r\n"), []byte("\n"))
	if bytes.Contains(line, []byte(`"sentence_normalized"`)) {
		return NewsMTSC
	}
	return JSONL
}

// maxErrors is how many bad records Read reports before it gives up.
const maxErrors = 20

// Read reads a gold file. name is used in error messages, which read
// "file:line[:col]: msg"; every bad record is reported (up to about
// twenty), joined with errors.Join.
func Read(r io.Reader, name string, f Format) ([]Sentence, error) {
	switch f {
	case CSV:
		return readCSV(r, name)
	case NewsMTSC:
		return readNewsMTSC(r, name)
	case VADER:
		return readVADER(r, name)
	}
	return readJSONL(r, name)
}

// errorList collects positioned errors up to maxErrors.
type errorList []error

func (l *errorList) add(err error) bool {
	*l = append(*l, err)
	return len(*l) < maxErrors
}

func (l errorList) err() error {
	if len(l) >= maxErrors {
		l = append(l, errors.New("eval: too many errors"))
	}
	return errors.Join(l...)
}

func readJSONL(r io.Reader, name string) ([]Sentence, error) {
	rd := input.NewJSONL(r, name)
	var out []Sentence
	var errs errorList
	for {
		d, err := rd.Next()
		if err == io.EOF {
			break
		}
		var re *input.RecordError
		if errors.As(err, &re) {
			if !errs.add(re) {
				break
			}
			continue
		}
		if err != nil {
			return nil, err
		}
		s, err := jsonlSentence(d)
		if err != nil {
			if !errs.add(err) {
				break
			}
			continue
		}
		out = append(out, s)
	}
	return out, errs.err()
}

func jsonlSentence(d *input.Document) (Sentence, error) {
	s := Sentence{ID: d.ID, Text: d.Text, Date: d.Date, Tags: d.Tags, File: d.File, Line: d.Line}
	bad := func(format string, args ...any) error {
		return &input.RecordError{File: d.File, Line: d.Line, Msg: fmt.Sprintf(format, args...)}
	}
	spans := map[string][]stance.Span{}
	var order []string
	for _, t := range d.Targets {
		if _, ok := spans[t.ID]; !ok {
			order = append(order, t.ID)
		}
		spans[t.ID] = append(spans[t.ID], stance.Span{Start: t.Start, End: t.End})
	}
	ids := append([]string(nil), order...)
	for _, id := range sortedKeys(d.Labels) {
		if _, ok := spans[id]; !ok && !contains(ids, id) {
			ids = append(ids, id)
		}
	}
	for _, id := range sortedKeys(d.Ratings) {
		if _, ok := spans[id]; !ok && !contains(ids, id) {
			ids = append(ids, id)
		}
	}
	for _, id := range ids {
		t := Target{ID: id, Spans: spans[id]}
		if len(d.Targets) > 0 && t.Spans == nil {
			return s, bad("%q has a label but no span in \"targets\"", id)
		}
		if v, ok := d.Labels[id]; ok {
			l, err := stance.ParseLabel(v)
			if err != nil {
				return s, bad("labels[%q]: %v", id, err)
			}
			t.Label, t.Labeled = l, true
		}
		if v, ok := d.Ratings[id]; ok {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return s, bad("ratings[%q] is not a finite number", id)
			}
			t.Rating, t.Rated = v, true
		}
		s.Targets = append(s.Targets, t)
	}
	if len(s.Targets) == 0 {
		return s, bad(`no "labels" or "ratings": nothing to evaluate`)
	}
	return s, nil
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// readCSV reads a coding sheet: one row per (sentence, target). Rows with
// the same id, sentence and text are one sentence; rows of one target
// with several start,end spans name several mentions of it. Rows with an
// empty label are not yet coded and are skipped.
func readCSV(r io.Reader, name string) ([]Sentence, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err == io.EOF {
		return nil, nil
	}
	if err != nil {
		return nil, csvError(name, err)
	}
	col := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if _, dup := col[h]; !dup {
			col[h] = i
		}
	}
	for _, need := range []string{"text", "target"} {
		if _, ok := col[need]; !ok {
			return nil, fmt.Errorf("%s:1:1: no %q column in the header (want text, target, label)", name, need)
		}
	}
	_, hasLabel := col["label"]
	_, hasRating := col["rating"]
	if !hasLabel && !hasRating {
		return nil, fmt.Errorf("%s:1:1: no \"label\" (or \"rating\") column in the header", name)
	}
	index := map[string]int{}
	var out []Sentence
	var errs errorList
	for len(errs) < maxErrors {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			errs.add(csvError(name, err))
			continue
		}
		line, _ := cr.FieldPos(0)
		field := func(k string) (string, int) {
			i, ok := col[k]
			if !ok || i >= len(rec) {
				return "", 0
			}
			_, c := cr.FieldPos(i)
			return strings.TrimSpace(rec[i]), c
		}
		fail := func(c int, format string, args ...any) bool {
			return errs.add(&input.RecordError{File: name, Line: line, Col: c, Msg: fmt.Sprintf(format, args...)})
		}
		text, _ := field("text")
		if i, ok := col["text"]; ok && i < len(rec) {
			text = rec[i] // offsets count from the first code point: keep spaces
		}
		target, tc := field("target")
		label, lc := field("label")
		rating, rc := field("rating")
		if label == "" && rating == "" {
			continue
		}
		if !utf8.ValidString(text) {
			fail(0, "invalid UTF-8")
			continue
		}
		if target == "" {
			fail(tc, "empty target")
			continue
		}
		t := Target{ID: target}
		if label != "" {
			l, err := stance.ParseLabel(label)
			if err != nil {
				fail(lc, "%v", err)
				continue
			}
			t.Label, t.Labeled = l, true
		}
		if rating != "" {
			v, err := strconv.ParseFloat(rating, 64)
			if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
				fail(rc, "rating %q is not a number", rating)
				continue
			}
			t.Rating, t.Rated = v, true
		}
		start, sc := field("start")
		end, ec := field("end")
		if start != "" || end != "" {
			spans, col, msg := csvSpans(start, end, utf8.RuneCountInString(text))
			if msg != "" {
				if col == 0 {
					col = sc
				} else {
					col = ec
				}
				fail(col, "%s", msg)
				continue
			}
			t.Spans = spans
		}
		id, _ := field("id")
		sent, _ := field("sentence")
		if id == "" {
			id = strconv.Itoa(line)
		}
		key := id + "\x00" + sent + "\x00" + text
		si, ok := index[key]
		if !ok {
			s := Sentence{ID: id, Text: text, File: name, Line: line}
			if sent != "" {
				s.ID = id + "#" + sent
			}
			if d, dc := field("date"); d != "" {
				tm, err := input.ParseDate(d)
				if err != nil {
					fail(dc, "%v", err)
					continue
				}
				s.Date = tm
			}
			if tags, _ := field("tags"); tags != "" {
				for _, tg := range strings.FieldsFunc(tags, func(r rune) bool { return r == ';' || r == '|' || r == ',' }) {
					if tg = strings.TrimSpace(tg); tg != "" {
						s.Tags = append(s.Tags, tg)
					}
				}
			}
			si = len(out)
			index[key] = si
			out = append(out, s)
		}
		if !mergeTarget(&out[si], t) {
			fail(lc, "target %q of sentence %q coded twice with different labels", target, id)
		}
	}
	for i := range out {
		s := &out[i]
		if s.Explicit() {
			for _, t := range s.Targets {
				if t.Spans == nil {
					errs.add(&input.RecordError{File: name, Line: s.Line, Msg: fmt.Sprintf("sentence %q mixes targets with and without start,end", s.ID)})
					break
				}
			}
		}
	}
	return out, errs.err()
}

// csvSpans parses the start and end cells of a coding sheet: one code
// point offset each, or several joined by ";". It returns a message and
// which cell it is about (0 start, 1 end) when they are bad.
func csvSpans(start, end string, n int) ([]stance.Span, int, string) {
	ss, es := strings.Split(start, ";"), strings.Split(end, ";")
	if len(ss) != len(es) {
		return nil, 1, fmt.Sprintf("%d start offsets but %d end offsets", len(ss), len(es))
	}
	var out []stance.Span
	for i := range ss {
		a, err := strconv.Atoi(strings.TrimSpace(ss[i]))
		if err != nil {
			return nil, 0, fmt.Sprintf("start %q is not an integer", ss[i])
		}
		b, err := strconv.Atoi(strings.TrimSpace(es[i]))
		if err != nil {
			return nil, 1, fmt.Sprintf("end %q is not an integer", es[i])
		}
		if a < 0 || b <= a || b > n {
			return nil, 0, fmt.Sprintf("span [%d, %d) outside the text (%d code points)", a, b, n)
		}
		out = append(out, stance.Span{Start: a, End: b})
	}
	return out, 0, ""
}

// mergeTarget adds t to s, joining the spans of a target already there.
// It reports false when the two disagree on the label.
func mergeTarget(s *Sentence, t Target) bool {
	for i := range s.Targets {
		u := &s.Targets[i]
		if u.ID != t.ID {
			continue
		}
		if u.Labeled && t.Labeled && u.Label != t.Label {
			return false
		}
		u.Spans = append(u.Spans, t.Spans...)
		return true
	}
	s.Targets = append(s.Targets, t)
	return true
}

func csvError(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &input.RecordError{File: name, Line: pe.Line, Col: pe.Column, Msg: pe.Err.Error()}
	}
	return fmt.Errorf("%s: %w", name, err)
}

// newsRecord is one line of NewsMTSC.
type newsRecord struct {
	GID     string  `json:"primary_gid"`
	Text    *string `json:"sentence_normalized"`
	Targets []struct {
		From     *int     `json:"from"`
		To       *int     `json:"to"`
		Mention  string   `json:"mention"`
		Polarity *float64 `json:"polarity"`
		Further  []struct {
			From *int `json:"from"`
			To   *int `json:"to"`
		} `json:"further_mentions"`
	} `json:"targets"`
}

// newsPolarity maps NewsMTSC's polarity codes to labels.
var newsPolarity = map[float64]stance.Label{2: stance.Negative, 4: stance.Neutral, 6: stance.Positive}

func readNewsMTSC(r io.Reader, name string) ([]Sentence, error) {
	return readLines(r, name, func(b []byte, n int) (Sentence, error) { return newsSentence(b, name, n) })
}

// readLines parses each line of r with parse, collecting every problem up
// to the error cap rather than stopping at the first.
func readLines(r io.Reader, name string, parse func(b []byte, line int) (Sentence, error)) ([]Sentence, error) {
	lines := input.NewLines(r, name)
	var out []Sentence
	var errs errorList
	for {
		b, n, err := lines.Next()
		if err == io.EOF {
			break
		}
		var re *input.RecordError
		if err != nil && !errors.As(err, &re) {
			return nil, err
		}
		if err == nil {
			var s Sentence
			if s, err = parse(b, n); err == nil {
				out = append(out, s)
				continue
			}
		}
		if !errs.add(err) {
			break
		}
	}
	return out, errs.err()
}

func newsSentence(b []byte, name string, line int) (Sentence, error) {
	bad := func(format string, args ...any) error {
		return &input.RecordError{File: name, Line: line, Msg: fmt.Sprintf(format, args...)}
	}
	var rec newsRecord
	if err := json.Unmarshal(b, &rec); err != nil {
		return Sentence{}, bad("malformed NewsMTSC record: %v", err)
	}
	if rec.Text == nil {
		return Sentence{}, bad(`missing "sentence_normalized"`)
	}
	s := Sentence{ID: rec.GID, Text: *rec.Text, File: name, Line: line}
	if s.ID == "" {
		s.ID = strconv.Itoa(line)
	}
	n := utf8.RuneCountInString(s.Text)
	span := func(i int, from, to *int) (stance.Span, error) {
		if from == nil || to == nil {
			return stance.Span{}, bad(`targets[%d]: "from" and "to" are required`, i)
		}
		if *from < 0 || *to <= *from || *to > n {
			return stance.Span{}, bad("targets[%d]: span [%d, %d) outside the text (%d code points)", i, *from, *to, n)
		}
		return stance.Span{Start: *from, End: *to}, nil
	}
	for i, t := range rec.Targets {
		sp, err := span(i, t.From, t.To)
		if err != nil {
			return s, err
		}
		if t.Polarity == nil {
			return s, bad(`targets[%d]: missing "polarity"`, i)
		}
		l, ok := newsPolarity[*t.Polarity]
		if !ok {
			return s, bad("targets[%d]: polarity %g is not 2 (negative), 4 (neutral) or 6 (positive)", i, *t.Polarity)
		}
		tg := Target{ID: fmt.Sprintf("%d:%s", i+1, t.Mention), Spans: []stance.Span{sp}, Label: l, Labeled: true}
		for _, fm := range t.Further {
			fsp, err := span(i, fm.From, fm.To)
			if err != nil {
				return s, err
			}
			tg.Spans = append(tg.Spans, fsp)
		}
		s.Targets = append(s.Targets, tg)
	}
	if len(s.Targets) == 0 {
		return s, bad("no targets")
	}
	return s, nil
}

// readVADER reads VADER's ground-truth files: ID<TAB>mean rating<TAB>text,
// one sentence a line, CRLF or LF.
func readVADER(r io.Reader, name string) ([]Sentence, error) {
	return readLines(r, name, func(b []byte, n int) (Sentence, error) {
		parts := strings.SplitN(string(b), "\t", 3)
		if len(parts) < 3 {
			return Sentence{}, &input.RecordError{File: name, Line: n, Msg: "want ID<TAB>rating<TAB>text"}
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(parts[1]), 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			col := utf8.RuneCountInString(parts[0]) + 2
			return Sentence{}, &input.RecordError{File: name, Line: n, Col: col, Msg: fmt.Sprintf("rating %q is not a number", parts[1])}
		}
		return Sentence{ID: parts[0], Text: parts[2], Rating: v, Rated: true, File: name, Line: n}, nil
	})
}
