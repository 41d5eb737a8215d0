package stance_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
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
// work on the machine. It runs on the demo corpus, dense with states (two
// mentions a sentence), and, when ../shared/benchmarks is there, on the
// sentences of NewsMTSC's training split, ordinary political news.
func BenchmarkMentions(b *testing.B) {
	a := newTestAnalyzer(b)
	b.Run("demo", func(b *testing.B) { benchMentions(b, a, newsCorpus(b)) })
	b.Run("newsmtsc", func(b *testing.B) {
		f, err := os.Open("../../shared/benchmarks/newsmtsc/train.jsonl")
		if err != nil {
			b.Skip("NewsMTSC is not in ../shared/benchmarks:", err)
		}
		defer f.Close()
		var text strings.Builder
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for n := 0; sc.Scan() && text.Len() < 1<<20; n++ {
			var rec struct {
				Sentence string `json:"sentence_normalized"`
			}
			if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
				b.Fatal(err)
			}
			text.WriteString(rec.Sentence)
			text.WriteString(" ")
			if n%20 == 19 {
				text.WriteString("\n\n") // twenty sentences a paragraph
			}
		}
		benchMentions(b, a, text.String())
	})
}

func benchMentions(b *testing.B, a *stance.Analyzer, src string) {
	b.SetBytes(int64(len(src)))
	var (
		tz       segment.Tokenizer
		mr       = a.Mentioner() // buffers of its own, as the tokenizer has
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
			ms = mr.AppendMentions(ms[:0], src[s.Start:s.End], s.Start)
		}
		t2 := time.Now()
		base = min(base, t1.Sub(t0))
		mt = min(mt, t2.Sub(t1))
	}
	b.ReportMetric(100*(float64(mt)/float64(base)-1), "overhead-%")
	b.ReportMetric(float64(len(src))/1e6/base.Seconds(), "MB/s-without")
}
