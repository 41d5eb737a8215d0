package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/geostance/geostance/stance"
	"github.com/geostance/geostance/stance/summary"
)

// Document is one parsed input line.
type Document struct {
	ID      string
	Text    string
	Date    time.Time // zero when the line has no date
	DateRaw string    // the date as written, "" when absent
	Meta    map[string]string
	Targets []stance.TargetSpan // explicit targets, in byte offsets of Text
}

// reserved are the fields geostance reads itself; every other field of a
// line is metadata. Gold labels, ratings and tags belong to evaluation
// input and are not grouping keys.
var reserved = map[string]bool{
	"id": true, "text": true, "date": true, "targets": true,
	"labels": true, "ratings": true, "tags": true,
}

// ParseDocument parses one JSON Lines record. Errors describe what is
// wrong with the line; the caller adds where it came from.
func ParseDocument(line []byte) (Document, error) {
	var d Document
	line = bytes.TrimPrefix(line, []byte("\uFEFF"))
	if !utf8.Valid(line) {
		return d, errors.New("pipeline: invalid UTF-8")
	}
	var obj map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(line))
	if err := dec.Decode(&obj); err != nil {
		return d, fmt.Errorf("pipeline: malformed JSON: %w", err)
	}
	if obj == nil {
		return d, errors.New("pipeline: malformed JSON: want an object, got null")
	}
	if dec.More() {
		return d, errors.New("pipeline: malformed JSON: more than one value on the line")
	}
	raw, ok := obj["id"]
	if !ok {
		return d, errors.New(`pipeline: missing "id"`)
	}
	id, err := idText(raw)
	if err != nil {
		return d, err
	}
	d.ID = id
	if err := json.Unmarshal(obj["text"], &d.Text); err != nil || obj["text"] == nil {
		return d, fmt.Errorf(`pipeline: document %q: "text" must be a string`, d.ID)
	}
	if raw, ok := obj["date"]; ok && string(raw) != "null" {
		if err := json.Unmarshal(raw, &d.DateRaw); err != nil {
			return d, fmt.Errorf(`pipeline: document %q: "date" must be a string`, d.ID)
		}
		if d.DateRaw != "" {
			if d.Date, err = parseDate(d.DateRaw); err != nil {
				return d, fmt.Errorf("pipeline: document %q: %w", d.ID, err)
			}
		}
	}
	if raw, ok := obj["targets"]; ok {
		if d.Targets, err = targetSpans(d.Text, raw); err != nil {
			return d, fmt.Errorf("pipeline: document %q: %w", d.ID, err)
		}
	}
	for k, v := range obj {
		if reserved[k] {
			continue
		}
		if d.Meta == nil {
			d.Meta = map[string]string{}
		}
		d.Meta[k] = metaText(v)
	}
	return d, nil
}

// parseDate accepts the two date forms geostance accepts.
func parseDate(s string) (time.Time, error) {
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("date %q is not YYYY-MM-DD or RFC 3339", s)
}

func idText(raw json.RawMessage) (string, error) {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s, nil
	}
	var n json.Number
	if json.Unmarshal(raw, &n) == nil {
		return n.String(), nil
	}
	return "", errors.New(`pipeline: "id" must be a string or a number`)
}

// metaText renders a metadata value as a group key the way summarize
// does: strings as they are, anything else as compact JSON.
func metaText(v json.RawMessage) string {
	var s string
	if json.Unmarshal(v, &s) == nil {
		return s
	}
	var buf bytes.Buffer
	if json.Compact(&buf, v) != nil {
		return string(v) // unreachable: v came out of a valid object
	}
	return buf.String()
}

// targetSpans converts explicit targets, given in code points as on the
// command line, into byte spans of text.
func targetSpans(text string, raw json.RawMessage) ([]stance.TargetSpan, error) {
	var ts []struct {
		ID    json.RawMessage `json:"id"`
		Start *int            `json:"start"`
		End   *int            `json:"end"`
	}
	if err := json.Unmarshal(raw, &ts); err != nil {
		return nil, errors.New(`"targets" must be a list of {"id", "start", "end"} objects`)
	}
	// offs[i] is the byte offset of code point i; offs[n] is len(text).
	offs := make([]int, 0, len(text)+1)
	for i := range text {
		offs = append(offs, i)
	}
	n := len(offs)
	offs = append(offs, len(text))
	out := make([]stance.TargetSpan, 0, len(ts))
	for i, t := range ts {
		if t.Start == nil || t.End == nil {
			return nil, fmt.Errorf(`targets[%d]: "start" and "end" are required`, i)
		}
		id := strconv.Itoa(i + 1)
		if t.ID != nil {
			s, err := idText(t.ID)
			if err != nil {
				return nil, fmt.Errorf(`targets[%d]: "id" must be a string or a number`, i)
			}
			id = s
		}
		if *t.Start < 0 || *t.End <= *t.Start || *t.End > n {
			return nil, fmt.Errorf("targets[%d]: span [%d, %d) outside the text (%d code points)", i, *t.Start, *t.End, n)
		}
		out = append(out, stance.TargetSpan{ID: id, Span: stance.Span{Start: offs[*t.Start], End: offs[*t.End]}})
	}
	return out, nil
}

// Record is the attitude of one sentence toward one state: the fields of
// a score record that summarize reads. It travels between workers, so
// its fields are plain values that Beam can encode.
type Record struct {
	Doc      string
	Sentence int
	Target   string
	Source   string
	Others   []string
	Date     string // as written in the input, "" when undated
	Meta     map[string]string
	Score    float64 // rounded to 4 decimals, as in score records
	Label    int     // -1, 0 or +1
	Mentions int
}

// Summary converts r into the record the summary package aggregates.
func (r *Record) Summary() (summary.Record, error) {
	sr := summary.Record{
		Doc: r.Doc, Sentence: r.Sentence, Target: r.Target, Source: r.Source, Others: r.Others,
		Meta: r.Meta, Score: r.Score, Label: r.Label, Mentions: r.Mentions,
	}
	if r.Date != "" {
		t, err := parseDate(r.Date)
		if err != nil {
			return sr, fmt.Errorf("pipeline: document %q: %w", r.Doc, err)
		}
		sr.Date = t
	}
	return sr, nil
}

// Score analyses d with a and returns one record per target of every
// sentence, in document order.
func Score(ctx context.Context, a *stance.Analyzer, d *Document) ([]Record, error) {
	opts := []stance.DocOption{stance.TargetedOnly()} // only targets make records
	if !d.Date.IsZero() {
		opts = append(opts, stance.OnDate(d.Date))
	}
	if len(d.Targets) > 0 {
		opts = append(opts, stance.WithTargets(d.Targets...))
	}
	doc, err := a.Analyze(ctx, d.Text, opts...)
	if err != nil {
		return nil, err
	}
	var out []Record
	for _, s := range doc.Sentences {
		for _, t := range s.Targets {
			var others []string
			for _, o := range s.Targets {
				if o.ID != t.ID {
					others = append(others, o.ID)
				}
			}
			out = append(out, Record{
				Doc: d.ID, Sentence: s.Index, Target: t.ID, Source: t.Source, Others: others,
				Date: d.DateRaw, Meta: d.Meta, Score: round4(t.Score), Label: int(t.Label),
				Mentions: max(len(t.Mentions), 1),
			})
		}
	}
	return out, nil
}

// round4 rounds x as score records print it (four decimals), so that
// scoring here and summarising score records give the same numbers.
func round4(x float64) float64 {
	if x == 0 {
		return 0
	}
	r, err := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 4, 64), 64)
	if err != nil {
		return x // unreachable: FormatFloat output always parses
	}
	return r
}
