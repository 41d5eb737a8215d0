package bench

import (
	"errors"
	"testing"

	"github.com/cdipaolo/sentiment"
	"github.com/jonreiter/govader"

	"github.com/geostance/geostance/stance"
)

// newsSentences returns the sentences of NewsMTSC dev_rw, or skips.
func newsSentences(b *testing.B) []string {
	g, err := Load(DefaultData, "dev_rw")
	if errors.Is(err, ErrNoData) {
		b.Skipf("no benchmark data (%v): put NewsMTSC under %s", err, DefaultData)
	}
	if err != nil {
		b.Fatal(err)
	}
	out := make([]string, len(g))
	for i := range g {
		out[i] = g[i].Text
	}
	return out
}

func report(b *testing.B, n int) {
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "sentences/s")
}

func BenchmarkGeostance(b *testing.B) {
	sents := newsSentences(b)
	a, err := stance.New()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range sents {
			a.AnalyzeSentence(s, 0)
		}
	}
	report(b, len(sents))
}

func BenchmarkGovader(b *testing.B) {
	sents := newsSentences(b)
	v := govader.NewSentimentIntensityAnalyzer()
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range sents {
			v.PolarityScores(s)
		}
	}
	report(b, len(sents))
}

func BenchmarkCdipaolo(b *testing.B) {
	sents := newsSentences(b)
	m, err := sentiment.Restore()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range sents {
			m.SentimentAnalysis(s, sentiment.English)
		}
	}
	report(b, len(sents))
}
