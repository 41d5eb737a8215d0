package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/geostance/geostance/internal/input"
	"github.com/geostance/geostance/internal/jsonout"
	"github.com/geostance/geostance/stance"
)

// recordWriter encodes score records in one output format.
type recordWriter interface {
	// append appends the records of one analysed sentence to b.
	append(b []byte, d *document, s *sentence, res *stance.Sentence, withSentence bool) []byte
}

// newRecordWriter returns the writer of format; dicts, when not nil, adds
// the dictionary category counts to every record.
func newRecordWriter(format string, dicts *dictSet) recordWriter {
	if format == "csv" {
		return csvRecords{dicts: dicts}
	}
	return jsonRecords{dicts: dicts}
}

// jsonRecords writes the score record shape documented in the README.
type jsonRecords struct{ dicts *dictSet }

func (r jsonRecords) append(b []byte, d *document, s *sentence, res *stance.Sentence, withSentence bool) []byte {
	sc := r.dicts.scan(s)
	defer r.dicts.done(sc)
	cp := newCPCounter(s.text)
	off := func(byteOff int) int { return s.cpStart + cp.at(byteOff-s.start) }
	if withSentence {
		b = jsonHead(b, d, s)
		b = append(b, `,"target":null,"name":null,"score":`...)
		b = jsonout.Float(b, res.Score, 4)
		b = append(b, `,"label":`...)
		b = jsonout.String(b, res.Label.String())
		b = jsonEvidence(b, res.Evidence, off)
		b = sc.appendJSON(b, nil)
		b = jsonTail(b, d, s)
	}
	tail, tailEnd := -1, -1 // the first target record's tail in b, which the others copy
	for i := range res.Targets {
		t := &res.Targets[i]
		b = jsonHead(b, d, s)
		b = append(b, `,"target":`...)
		b = jsonout.String(b, t.ID)
		b = append(b, `,"name":`...)
		b = jsonout.String(b, t.Name)
		b = append(b, `,"score":`...)
		b = jsonout.Float(b, t.Score, 4)
		b = append(b, `,"label":`...)
		b = jsonout.String(b, t.Label.String())
		if t.Source != "" {
			b = append(b, `,"source":`...)
			b = jsonout.String(b, t.Source)
		}
		b = append(b, `,"mentions":[`...)
		for k, m := range t.Mentions {
			if k > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"text":`...)
			b = jsonout.String(b, m.Text)
			b = append(b, `,"kind":`...)
			b = jsonout.String(b, m.Kind)
			b = append(b, `,"start":`...)
			b = jsonout.Int(b, off(m.Span.Start))
			b = append(b, `,"end":`...)
			b = jsonout.Int(b, off(m.Span.End))
			b = append(b, '}')
		}
		b = append(b, ']')
		b = jsonOthers(b, res, t.ID)
		b = jsonEvidence(b, t.Evidence, off)
		b = jsonReasons(b, t.Reasons)
		b = sc.appendJSON(b, t)
		if tail < 0 {
			tail = len(b)
			b = jsonTail(b, d, s)
			tailEnd = len(b)
		} else {
			// Every target's record of a sentence ends the same way:
			// its text, offsets, date and meta.
			b = append(b, b[tail:tailEnd]...)
		}
	}
	return b
}

func jsonHead(b []byte, d *document, s *sentence) []byte {
	b = append(b, `{"id":`...)
	b = jsonout.String(b, d.ID)
	b = append(b, `,"sentence":`...)
	return jsonout.Int(b, s.index)
}

// jsonOthers lists the other targets of the sentence, which summarize
// uses to find the records that describe a relation between two states.
func jsonOthers(b []byte, res *stance.Sentence, self string) []byte {
	if len(res.Targets) < 2 {
		return b
	}
	b = append(b, `,"others":[`...)
	first := true
	for _, t := range res.Targets {
		if t.ID == self {
			continue
		}
		if !first {
			b = append(b, ',')
		}
		first = false
		b = jsonout.String(b, t.ID)
	}
	return append(b, ']')
}

func jsonEvidence(b []byte, evs []stance.Evidence, off func(int) int) []byte {
	b = append(b, `,"evidence":[`...)
	for k, ev := range evs {
		if k > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"text":`...)
		b = jsonout.String(b, ev.Text)
		b = append(b, `,"start":`...)
		b = jsonout.Int(b, off(ev.Span.Start))
		b = append(b, `,"end":`...)
		b = jsonout.Int(b, off(ev.Span.End))
		b = append(b, `,"weight":`...)
		b = jsonout.Float(b, ev.Weight, 4)
		b = append(b, `,"rules":[`...)
		for r, rule := range ev.Rules {
			if r > 0 {
				b = append(b, ',')
			}
			b = jsonout.String(b, rule)
		}
		b = append(b, ']')
		if ev.File != "" {
			b = append(b, `,"lexicon":`...)
			b = jsonout.String(b, ev.File) // "data/affect.tsv:120", built in place
			b = append(strconv.AppendInt(append(b[:len(b)-1], ':'), int64(ev.Line), 10), '"')
		}
		b = append(b, '}')
	}
	return append(b, ']')
}

// jsonReasons writes a model's reasons for its label, when a model scored
// the target.
func jsonReasons(b []byte, rs []stance.Reason) []byte {
	if len(rs) == 0 {
		return b
	}
	b = append(b, `,"reasons":[`...)
	for k, r := range rs {
		if k > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"feature":`...)
		b = jsonout.String(b, r.Feature)
		b = append(b, `,"value":`...)
		b = jsonout.Float(b, r.Value, 4)
		b = append(b, `,"weight":`...)
		b = jsonout.Float(b, r.Weight, 4)
		b = append(b, '}')
	}
	return append(b, ']')
}

func jsonTail(b []byte, d *document, s *sentence) []byte {
	b = append(b, `,"text":`...)
	b = jsonout.String(b, s.text)
	b = append(b, `,"start":`...)
	b = jsonout.Int(b, s.cpStart)
	b = append(b, `,"end":`...)
	b = jsonout.Int(b, s.cpEnd)
	b = append(b, d.jsonDateMeta()...)
	return append(b, '}', '\n')
}

// appendMeta appends the metadata fields of a document as a JSON object,
// in input order.
func appendMeta(b []byte, meta []input.Field) []byte {
	b = append(b, '{')
	for k, f := range meta {
		if k > 0 {
			b = append(b, ',')
		}
		b = jsonout.String(b, f.Key)
		b = append(b, ':')
		b = append(b, compactJSON(f.Value)...)
	}
	return append(b, '}')
}

// jsonDateMeta returns the date and meta fields of d's records, encoded
// once per document.
func (d *document) jsonDateMeta() []byte {
	d.dateMetaOnce.Do(func() {
		var b []byte
		if d.DateRaw != "" {
			b = append(b, `,"date":`...)
			b = jsonout.String(b, d.DateRaw)
		}
		if len(d.Meta) > 0 {
			b = appendMeta(append(b, `,"meta":`...), d.Meta)
		}
		d.dateMeta = b
	})
	return d.dateMeta
}

// compactJSON returns v without insignificant white space, so that a
// record stays on one line.
func compactJSON(v json.RawMessage) []byte {
	var buf bytes.Buffer
	if err := json.Compact(&buf, v); err != nil {
		return []byte("null") // unreachable: the reader checked v
	}
	return buf.Bytes()
}

// csvRecords writes score records as CSV with a header row. Mentions,
// evidence, metadata and a model's reasons are packed into compact string
// columns, and so are the dictionary counts, in a last column present
// only with -dict.
type csvRecords struct{ dicts *dictSet }

// csvHeaderLine returns the header row of the CSV output.
func csvHeaderLine(dicts *dictSet) []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	if dicts != nil {
		w.Write(append(slices.Clip(csvHeader), "categories"))
	} else {
		w.Write(csvHeader)
	}
	w.Flush()
	return buf.Bytes()
}

var csvHeader = []string{"id", "sentence", "target", "name", "score", "label", "source", "date",
	"start", "end", "text", "mentions", "evidence", "meta", "reasons"}

func (r csvRecords) append(b []byte, d *document, s *sentence, res *stance.Sentence, withSentence bool) []byte {
	sc := r.dicts.scan(s)
	defer r.dicts.done(sc)
	row := make([]string, len(csvHeader), len(csvHeader)+1)
	if sc != nil {
		row = row[:len(csvHeader)+1]
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	cp := newCPCounter(s.text)
	off := func(byteOff int) int { return s.cpStart + cp.at(byteOff-s.start) }
	meta := ""
	if len(d.Meta) > 0 {
		meta = string(appendMeta(nil, d.Meta))
	}
	fill := func(t *stance.Target, target, name string, score float64, label stance.Label, source string, ms []stance.Mention, evs []stance.Evidence, rs []stance.Reason) {
		row[0], row[1], row[2], row[3] = d.ID, strconv.Itoa(s.index), target, name
		row[4] = string(jsonout.Float(nil, score, 4))
		row[5], row[6], row[7] = label.String(), source, d.DateRaw
		row[8], row[9], row[10] = strconv.Itoa(s.cpStart), strconv.Itoa(s.cpEnd), s.text
		var mt []string
		for _, m := range ms {
			mt = append(mt, fmt.Sprintf("%s@%d-%d", m.Text, off(m.Span.Start), off(m.Span.End)))
		}
		row[11] = strings.Join(mt, "; ")
		var et []string
		for _, ev := range evs {
			et = append(et, fmt.Sprintf("%s(%s)[%s]@%d-%d", ev.Text, jsonout.Float(nil, ev.Weight, 3),
				strings.Join(ev.Rules, ","), off(ev.Span.Start), off(ev.Span.End)))
		}
		row[12] = strings.Join(et, "; ")
		row[13] = meta
		var rt []string
		for _, r := range rs {
			rt = append(rt, fmt.Sprintf("%s=%s(%s)", r.Feature, jsonout.Float(nil, r.Value, 3), jsonout.Float(nil, r.Weight, 3)))
		}
		row[14] = strings.Join(rt, "; ")
		if sc != nil {
			row[len(csvHeader)] = sc.csvField(t)
		}
		w.Write(row)
	}
	if withSentence {
		fill(nil, "", "", res.Score, res.Label, "", nil, res.Evidence, nil)
	}
	for i := range res.Targets {
		t := &res.Targets[i]
		fill(t, t.ID, t.Name, t.Score, t.Label, t.Source, t.Mentions, t.Evidence, t.Reasons)
	}
	w.Flush()
	return append(b, buf.Bytes()...)
}
