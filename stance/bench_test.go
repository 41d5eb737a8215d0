package stance_test

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/geostance/geostance/internal/demo"
	"github.com/geostance/geostance/internal/segment"
	"github.com/geostance/geostance/stance"
)

// newsCorpus returns the texts of the embedded demo corpus joined by blank
// lines: news-style prose about Pakistan, China and the United States.
func newsCorpus(tb testing.TB) string {
	tb.Helper()
	var b strings.Builder
	for _, line := range bytes.Split(demo.Corpus(), []byte("\n")) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var d struct{ Text string }
		if err := json.Unmarshal(line, &d); err != nil {
			tb.Fatal(err)
		}
		b.WriteString(d.Text)
		b.WriteString("\n\n")
	}
	return b.String()
}

func BenchmarkAnalyze(b *testing.B) {
	src, a := newsCorpus(b), newTestAnalyzer(b)
	ctx := context.Background()
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	var n int
	for b.Loop() {
		doc, err := a.Analyze(ctx, src)
		if err != nil {
			b.Fatal(err)
		}
		n = len(doc.Sentences)
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "sentences/s")
	b.ReportMetric(float64(testing.AllocsPerRun(1, func() { a.Analyze(ctx, src) }))/float64(n), "allocs/sentence")
}

// BenchmarkMentions compares segmentation and tokenisation alone with the
// same work plus mention detection: the matcher's share of the time.
func BenchmarkMentions(b *testing.B) {
	src, a := newsCorpus(b), newTestAnalyzer(b)
	spans := segment.Sentences(src, nil)
	b.Run("segment+tokenize", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		var tz segment.Tokenizer
		var sp []segment.Span
		for b.Loop() {
			sp = segment.Sentences(src, sp[:0])
			for _, s := range sp {
				tz.Tokenize(src[s.Start:s.End])
			}
		}
	})
	b.Run("segment+tokenize+mentions", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		var (
			sp []segment.Span
			ms []stance.Mention
		)
		for b.Loop() {
			sp = segment.Sentences(src, sp[:0])
			for _, s := range sp {
				ms = a.AppendMentions(ms[:0], src[s.Start:s.End], s.Start)
			}
		}
	})
	_ = spans
}
