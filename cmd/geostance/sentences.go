package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/geostance/geostance/internal/jsonout"
	"github.com/geostance/geostance/internal/segment"
)

// sentence is one sentence of a document with its offsets in bytes and in
// code points from the start of the document.
type sentence struct {
	index          int
	text           string
	start, end     int // bytes
	cpStart, cpEnd int // code points
}

// eachSentence calls fn for every sentence of d in order. Plain-text
// bodies are read raw segment by raw segment, so memory stays bounded by
// segment.MaxSentence whatever the size of the file.
func eachSentence(ctx context.Context, d *document, fn func(s *sentence) error) error {
	if d.body == nil {
		return eachSentenceString(ctx, d.Text, fn)
	}
	sc := bufio.NewScanner(d.body)
	sc.Buffer(make([]byte, 0, 64<<10), segment.MaxSentence+utf8.UTFMax)
	sc.Split(segment.Split)
	var (
		off, cp int
		line    = 1 // of the next raw segment: error messages name it
		spans   []segment.Span
		s       sentence
	)
	for sc.Scan() {
		if err := ctx.Err(); err != nil {
			return err
		}
		raw := sc.Text()
		spans = segment.Sentences(raw, spans[:0])
		cpc := newCPCounter(raw)
		for _, sp := range spans {
			s.text = raw[sp.Start:sp.End]
			s.start, s.end = off+sp.Start, off+sp.End
			s.cpStart, s.cpEnd = cp+cpc.at(sp.Start), cp+cpc.at(sp.End)
			if err := fn(&s); err != nil {
				return err
			}
			s.index++
		}
		off += len(raw)
		cp += cpc.at(len(raw))
		line += strings.Count(raw, "\n")
	}
	if err := sc.Err(); err != nil {
		// Split reports the overlong sentence itself; bufio's own limit
		// is a few bytes higher and is the same condition.
		if errors.Is(err, segment.ErrSentenceTooLong) || errors.Is(err, bufio.ErrTooLong) {
			return fmt.Errorf("%s:%d: sentence starting at byte %d is longer than the %d KiB limit: %w",
				d.File, line, off, segment.MaxSentence>>10, segment.ErrSentenceTooLong)
		}
		return fmt.Errorf("%s: %w", d.File, err)
	}
	return nil
}

func eachSentenceString(ctx context.Context, text string, fn func(s *sentence) error) error {
	spans := segment.Sentences(text, nil)
	cpc := newCPCounter(text)
	var s sentence
	for i, sp := range spans {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		s.index = i
		s.text = text[sp.Start:sp.End]
		s.start, s.end = sp.Start, sp.End
		s.cpStart, s.cpEnd = cpc.at(sp.Start), cpc.at(sp.End)
		if err := fn(&s); err != nil {
			return err
		}
	}
	return nil
}

// cpCounter converts byte offsets into text to code-point offsets. It is
// fastest for increasing offsets, and free for ASCII text.
type cpCounter struct {
	text    string
	ascii   bool
	byteOff int
	cpOff   int
}

func newCPCounter(text string) cpCounter {
	ascii := true
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	return cpCounter{text: text, ascii: ascii}
}

func (c *cpCounter) at(b int) int {
	if c.ascii {
		return b
	}
	if b < c.byteOff {
		c.byteOff, c.cpOff = 0, 0
	}
	c.cpOff += utf8.RuneCountInString(c.text[c.byteOff:b])
	c.byteOff = b
	return c.cpOff
}

var sentencesCommand = &command{
	name:    "sentences",
	summary: "split documents into sentences (one JSON object per sentence)",
	usage: `Usage: geostance sentences [flags] [FILE|-]...

Splits each document into sentences and writes one JSON object per sentence:
  {"id": "doc1", "sentence": 0, "start": 0, "end": 42, "text": "..."}
start and end are code-point offsets into the document text (end exclusive).

Examples:
  geostance sentences article.txt
  geostance sentences -in jsonl corpus.jsonl
  cat article.txt | geostance sentences -`,
	run: runSentences,
}

func runSentences(ctx context.Context, e *env, args []string) error {
	fs := e.newFlagSet()
	var in inputOptions
	in.register(fs)
	if err := e.parse(fs, args); err != nil {
		return err
	}
	out := bufio.NewWriterSize(e.stdout, 64<<10)
	var acc accounting
	var buf []byte
	err := e.forEachDocument(ctx, &in, fs.Args(), &acc, func(d *document) error {
		return eachSentence(ctx, d, func(s *sentence) error {
			buf = append(buf[:0], '{')
			buf = jsonout.Key(buf, "id")
			buf = jsonout.String(buf, d.ID)
			buf = append(buf, ',')
			buf = jsonout.Key(buf, "sentence")
			buf = jsonout.Int(buf, s.index)
			buf = append(buf, ',')
			buf = jsonout.Key(buf, "start")
			buf = jsonout.Int(buf, s.cpStart)
			buf = append(buf, ',')
			buf = jsonout.Key(buf, "end")
			buf = jsonout.Int(buf, s.cpEnd)
			buf = append(buf, ',')
			buf = jsonout.Key(buf, "text")
			buf = jsonout.String(buf, s.text)
			buf = append(buf, '}', '\n')
			_, err := out.Write(buf)
			return err
		})
	})
	if ferr := out.Flush(); err == nil {
		err = ferr
	}
	return err
}

var _ io.Reader
