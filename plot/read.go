package plot

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/geostance/geostance/stance/summary"
)

// ParseError is a problem with one line of summary JSON Lines. It prints
// as "file:line:col: msg"; Line and Col are 1-based, Col counts bytes.
type ParseError struct {
	File      string
	Line, Col int
	Msg       string
	Err       error // the underlying cause, if any
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
}

// Unwrap returns the underlying cause.
func (e *ParseError) Unwrap() error { return e.Err }

// MaxLineBytes bounds one line of input; summary rows are a few hundred
// bytes, so a longer line is not summary output.
const MaxLineBytes = 1 << 20

// maxErrors caps the errors reported for one input: past a few, the
// file is simply not what was expected and more messages only bury the first.
const maxErrors = 20

// Column sets of each row kind. Strings not listed here are group keys.
var (
	statFloats = map[string]func(*summary.Stats, float64){
		"n_eff":         func(s *summary.Stats, v float64) { s.NEff = v },
		"mean":          func(s *summary.Stats, v float64) { s.Mean = v },
		"sd":            func(s *summary.Stats, v float64) { s.SD = v },
		"se":            func(s *summary.Stats, v float64) { s.SE = v },
		"ci_low":        func(s *summary.Stats, v float64) { s.CILow = v },
		"ci_high":       func(s *summary.Stats, v float64) { s.CIHigh = v },
		"ci_level":      func(s *summary.Stats, v float64) { s.CILevel = v },
		"pos_share":     func(s *summary.Stats, v float64) { s.Pos.Share = v },
		"pos_low":       func(s *summary.Stats, v float64) { s.Pos.Low = v },
		"pos_high":      func(s *summary.Stats, v float64) { s.Pos.High = v },
		"neu_share":     func(s *summary.Stats, v float64) { s.Neu.Share = v },
		"neu_low":       func(s *summary.Stats, v float64) { s.Neu.Low = v },
		"neu_high":      func(s *summary.Stats, v float64) { s.Neu.High = v },
		"neg_share":     func(s *summary.Stats, v float64) { s.Neg.Share = v },
		"neg_low":       func(s *summary.Stats, v float64) { s.Neg.Low = v },
		"neg_high":      func(s *summary.Stats, v float64) { s.Neg.High = v },
		"baseline_mean": func(s *summary.Stats, v float64) { s.BaselineMean = v },
		"vs_baseline":   func(s *summary.Stats, v float64) { s.VsBaseline = v },
	}
	statInts = map[string]func(*summary.Stats, int64){
		"n_sentences": func(s *summary.Stats, v int64) { s.NSentences = v },
		"n_documents": func(s *summary.Stats, v int64) { s.NDocuments = int(v) },
		"sum_weights": func(s *summary.Stats, v int64) { s.SumWeights = v },
		"replicates":  func(s *summary.Stats, v int64) { s.Replicates = int(v) },
	}
	tiltFloats = map[string]func(*summary.TiltRow, float64){
		"estimate": func(r *summary.TiltRow, v float64) { r.Estimate = v },
		"se":       func(r *summary.TiltRow, v float64) { r.SE = v },
		"ci_low":   func(r *summary.TiltRow, v float64) { r.CILow = v },
		"ci_high":  func(r *summary.TiltRow, v float64) { r.CIHigh = v },
		"ci_level": func(r *summary.TiltRow, v float64) { r.CILevel = v },
		"mean_a":   func(r *summary.TiltRow, v float64) { r.MeanA = v },
		"mean_b":   func(r *summary.TiltRow, v float64) { r.MeanB = v },
	}
	tiltInts = map[string]func(*summary.TiltRow, int64){
		"replicates":       func(r *summary.TiltRow, v int64) { r.Replicates = int(v) },
		"dropped":          func(r *summary.TiltRow, v int64) { r.Dropped = int(v) },
		"n_documents":      func(r *summary.TiltRow, v int64) { r.NDocuments = int(v) },
		"n_documents_a":    func(r *summary.TiltRow, v int64) { r.NDocumentsA = int(v) },
		"n_documents_b":    func(r *summary.TiltRow, v int64) { r.NDocumentsB = int(v) },
		"n_documents_both": func(r *summary.TiltRow, v int64) { r.NDocumentsBoth = int(v) },
		"n_sentences_a":    func(r *summary.TiltRow, v int64) { r.NSentencesA = v },
		"n_sentences_b":    func(r *summary.TiltRow, v int64) { r.NSentencesB = v },
	}
	// special string columns, which are never group keys
	specialStrings = map[string]bool{"kind": true, "tilt": true, "focal": true, "ci_method": true}
)

// member is one "name": value pair of a row, with the column of the value.
type member struct {
	name string
	raw  json.RawMessage
	col  int
}

// lineReader carries the state of one ReadJSONL call.
type lineReader struct {
	file   string
	errs   []error
	gran   granularity
	granAt int            // line of the first dated period
	seen   map[string]int // row identity -> line, to catch repeated rows
	s      *summary.Summary
}

func (lr *lineReader) errorf(line, col int, cause error, format string, args ...any) {
	if len(lr.errs) < maxErrors {
		lr.errs = append(lr.errs, &ParseError{File: lr.file, Line: line, Col: col, Msg: fmt.Sprintf(format, args...), Err: cause})
	}
}

// ReadJSONL reads summary rows as written by [summary.Summary.WriteJSONL]
// (and "geostance summarize"): one JSON object per line with a "kind" of
// "group", "tilt" or "focal", the group keys as string members, and the
// statistics as numbers or null. Unknown numeric members are ignored, so
// newer columns do not break older readers. Blank lines are skipped.
//
// Rows are checked as far as plotting needs: means lie in [-1, 1] and
// tilts in [-2, 2], intervals are ordered, period values are calendar
// periods of one granularity, and no row is repeated. Every problem is
// reported as a [*ParseError] naming the file (name) and line; up to 20
// are joined with [errors.Join]. The Config of the result records only
// what the rows reveal: the tilt pairs and the confidence level.
func ReadJSONL(r io.Reader, name string) (*summary.Summary, error) {
	lr := &lineReader{file: name, seen: map[string]int{}, s: &summary.Summary{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), MaxLineBytes)
	line := 0
	for sc.Scan() {
		line++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		lr.row(line, sc.Bytes())
		if len(lr.errs) >= maxErrors {
			break
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			lr.errorf(line+1, 1, err, "line longer than %d bytes: not summary output", MaxLineBytes)
		} else {
			return nil, fmt.Errorf("plot: reading %s: %w", name, err)
		}
	}
	if len(lr.errs) > 0 {
		return nil, errors.Join(lr.errs...)
	}
	return lr.s, nil
}

// members splits one line into its object members, in order.
func (lr *lineReader) members(line int, b []byte) ([]member, bool) {
	if start := len(b) - len(bytes.TrimLeft(b, " \t\r")); b[start] != '{' {
		lr.errorf(line, start+1, nil, "not a JSON object (summary rows are objects, one per line)")
		return nil, false
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	fail := func(err error) ([]member, bool) {
		col := int(dec.InputOffset()) + 1
		var se *json.SyntaxError
		if errors.As(err, &se) {
			col = int(se.Offset)
		}
		lr.errorf(line, max(col, 1), err, "not a JSON object: %v", err)
		return nil, false
	}
	if _, err := dec.Token(); err != nil {
		return fail(err)
	}
	var ms []member
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return fail(err)
		}
		name, _ := tok.(string)
		off := int(dec.InputOffset())
		for off < len(b) && (b[off] == ':' || b[off] == ' ' || b[off] == '\t') {
			off++
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return fail(err)
		}
		ms = append(ms, member{name: name, raw: raw, col: off + 1})
	}
	if _, err := dec.Token(); err != nil {
		return fail(err)
	}
	end := int(dec.InputOffset())
	if _, err := dec.Token(); err != io.EOF {
		for end < len(b) && (b[end] == ' ' || b[end] == '\t') {
			end++
		}
		lr.errorf(line, end+1, nil, "text after the JSON object")
		return nil, false
	}
	return ms, true
}

// row parses and checks one non-blank line.
func (lr *lineReader) row(line int, b []byte) {
	ms, ok := lr.members(line, b)
	if !ok {
		return
	}
	nerr := len(lr.errs)
	byName := map[string]member{}
	for _, m := range ms {
		if prev, dup := byName[m.name]; dup {
			lr.errorf(line, m.col, nil, "member %q given twice (first at column %d)", m.name, prev.col)
			return
		}
		byName[m.name] = m
	}
	str := func(m member) (string, bool) {
		var s string
		if err := json.Unmarshal(m.raw, &s); err != nil {
			lr.errorf(line, m.col, nil, "%q must be a string, not %s", m.name, m.raw)
			return "", false
		}
		return s, true
	}
	// num returns NaN for null, as the writer encodes undefined values.
	num := func(m member) float64 {
		if string(m.raw) == "null" {
			return math.NaN()
		}
		v, err := strconv.ParseFloat(string(m.raw), 64)
		if err != nil || m.raw[0] == '"' {
			lr.errorf(line, m.col, err, "%q must be a number or null, not %s", m.name, m.raw)
			return math.NaN()
		}
		return v
	}
	count := func(m member) int64 {
		v, err := strconv.ParseInt(string(m.raw), 10, 64)
		if err != nil || v < 0 {
			lr.errorf(line, m.col, err, "%q must be a count (a whole number >= 0), not %s", m.name, m.raw)
			return 0
		}
		return v
	}

	kind := "group"
	if m, ok := byName["kind"]; ok {
		kind, _ = str(m)
	} else if _, ok := byName["tilt"]; ok {
		kind = "tilt"
	} else if _, ok := byName["focal"]; ok {
		kind = "focal"
	}
	if kind != "group" && kind != "tilt" && kind != "focal" {
		if len(lr.errs) == nerr {
			lr.errorf(line, byName["kind"].col, nil, "unknown row kind %q (want group, tilt or focal)", kind)
		}
		return
	}

	var keys []summary.Key
	var stats summary.Stats
	tr := summary.TiltRow{Estimate: math.NaN(), SE: math.NaN(), CILow: math.NaN(), CIHigh: math.NaN(),
		CILevel: math.NaN(), MeanA: math.NaN(), MeanB: math.NaN()}
	nan := math.NaN()
	stats = summary.Stats{NEff: nan, Mean: nan, SD: nan, SE: nan, CILow: nan, CIHigh: nan, CILevel: nan,
		Pos: summary.Share{Share: nan, Low: nan, High: nan}, Neu: summary.Share{Share: nan, Low: nan, High: nan},
		Neg: summary.Share{Share: nan, Low: nan, High: nan}, BaselineMean: nan, VsBaseline: nan}
	var focal, method string
	for _, m := range ms {
		switch {
		case m.name == "kind":
		case m.name == "tilt":
			if kind != "tilt" {
				continue
			}
			name, ok := str(m)
			if !ok {
				continue
			}
			a, b, found := strings.Cut(name, "-")
			if !found || a == "" || b == "" {
				lr.errorf(line, m.col, nil, "tilt %q is not of the form A-B", name)
				continue
			}
			tr.A, tr.B = a, b
		case m.name == "focal":
			focal, _ = str(m)
		case m.name == "ci_method":
			method, _ = str(m)
		case kind == "tilt" && tiltFloats[m.name] != nil:
			tiltFloats[m.name](&tr, num(m))
		case kind == "tilt" && tiltInts[m.name] != nil:
			tiltInts[m.name](&tr, count(m))
		case kind != "tilt" && statFloats[m.name] != nil:
			statFloats[m.name](&stats, num(m))
		case kind != "tilt" && statInts[m.name] != nil:
			statInts[m.name](&stats, count(m))
		case len(m.raw) > 0 && m.raw[0] == '"':
			v, _ := str(m)
			if m.name == "period" {
				lr.period(line, m.col, v)
			}
			keys = append(keys, summary.Key{Name: m.name, Value: v})
		}
	}
	if len(lr.errs) > nerr {
		return
	}

	// Checks that need the whole row.
	need := "mean"
	est, lo, hi, limit := stats.Mean, stats.CILow, stats.CIHigh, 1.0
	if kind == "tilt" {
		need, est, lo, hi, limit = "estimate", tr.Estimate, tr.CILow, tr.CIHigh, 2
		if tr.A == "" {
			lr.errorf(line, 1, nil, `tilt row without a "tilt" member naming the pair (A-B)`)
			return
		}
	}
	m, ok := byName[need]
	if !ok {
		lr.errorf(line, 1, nil, "%s row without %q", kind, need)
		return
	}
	if math.Abs(est) > limit {
		lr.errorf(line, m.col, nil, "%s %v outside [-%g, %g]", need, est, limit, limit)
		return
	}
	if lo > hi {
		lr.errorf(line, byName["ci_low"].col, nil, "ci_low %v above ci_high %v", lo, hi)
		return
	}
	if kind == "focal" && focal == "" {
		lr.errorf(line, 1, nil, `focal row without a "focal" state`)
		return
	}
	id := kind + "\x00" + focal + "\x00" + tr.A + "\x00" + tr.B
	for _, k := range keys {
		id += "\x00" + k.Name + "\x00" + k.Value
	}
	if first, dup := lr.seen[id]; dup {
		lr.errorf(line, 1, nil, "same %s row as line %d (are two summaries concatenated?)", kind, first)
		return
	}
	lr.seen[id] = line

	s := lr.s
	switch kind {
	case "group":
		stats.CIMethod = method
		s.Groups = append(s.Groups, summary.Row{Keys: keys, Stats: stats})
		lr.level(stats.CILevel)
	case "focal":
		stats.CIMethod = method
		s.Focal = append(s.Focal, summary.FocalRow{Focal: focal, Keys: keys, Stats: stats})
		s.Config.Focal = focal
		lr.level(stats.CILevel)
	case "tilt":
		tr.CIMethod = method
		tr.Keys = keys
		s.Tilts = append(s.Tilts, tr)
		pair := [2]string{tr.A, tr.B}
		found := false
		for _, p := range s.Config.Tilt {
			found = found || p == pair
		}
		if !found {
			s.Config.Tilt = append(s.Config.Tilt, pair)
		}
		lr.level(tr.CILevel)
	}
}

func (lr *lineReader) level(l float64) {
	if lr.s.Config.Level == 0 && l > 0 && l < 1 {
		lr.s.Config.Level = l
	}
}

// period checks that a period value parses and shares the granularity of
// the periods before it.
func (lr *lineReader) period(line, col int, v string) {
	g, _, err := parsePeriod(v)
	if err != nil {
		lr.errorf(line, col, err, "%v", err)
		return
	}
	if g == noPeriod {
		return
	}
	if lr.gran == noPeriod {
		lr.gran, lr.granAt = g, line
		return
	}
	if g != lr.gran {
		lr.errorf(line, col, nil, "period %q is a %s, but line %d has %s periods", v, g.perName(), lr.granAt, lr.gran.perName())
	}
}
