package stance_test

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

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
// same work plus mention detection, alternating the two in every iteration
// so that both meet the same load on a shared machine. It reports the time
// mention detection adds, as "overhead-%", from the fastest pass of each
// kind: the fastest of many short passes is the one least disturbed by other
// work on the machine.
func BenchmarkMentions(b *testing.B) {
	src, a := newsCorpus(b), newTestAnalyzer(b)
	b.SetBytes(int64(len(src)))
	var (
		tz       segment.Tokenizer
		sp       []segment.Span
		ms       []stance.Mention
		base, mt time.Duration = 1 << 62, 1 << 62
	)
	for b.Loop() {
		t0 := time.Now()
		sp = segment.Sentences(src, sp[:0])
		for _, s := range sp {
			tz.Tokenize(src[s.Start:s.End])
		}
		t1 := time.Now()
		sp = segment.Sentences(src, sp[:0])
		for _, s := range sp {
			ms = a.AppendMentions(ms[:0], src[s.Start:s.End], s.Start)
		}
		t2 := time.Now()
		base = min(base, t1.Sub(t0))
		mt = min(mt, t2.Sub(t1))
	}
	b.ReportMetric(100*(float64(mt)/float64(base)-1), "overhead-%")
	b.ReportMetric(float64(len(src))/1e6/base.Seconds(), "MB/s-without")
}
