package segment

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/geostance/geostance/internal/demo"
)

// cpuMeter reports throughput per CPU second of the process, which stays
// meaningful when other work competes for the cores; run with -cpu 1 so that
// the process does little besides the benchmark.
type cpuMeter struct {
	start time.Duration
	bytes int64
}

func startCPU(b *testing.B, bytes int) *cpuMeter {
	b.SetBytes(int64(bytes))
	b.ReportAllocs()
	return &cpuMeter{start: cpuTime(), bytes: int64(bytes)}
}

func (m *cpuMeter) stop(b *testing.B) {
	if d := cpuTime() - m.start; d > 0 && m.start > 0 {
		b.ReportMetric(float64(m.bytes)*float64(b.N)/1e6/d.Seconds(), "MB/cpu-s")
	}
}

// benchDocs returns about 1 MB of news copy as documents: testdata/corpus.txt
// (every kind of trap the splitter handles) and the 50 reports of the demo
// corpus (about 60 KB, so that caches and branch predictors see varied
// text), repeated.
func benchDocs(b *testing.B) []string {
	b.Helper()
	src, err := os.ReadFile("testdata/corpus.txt")
	if err != nil {
		b.Fatal(err)
	}
	one := []string{string(src)}
	size := len(src)
	for line := range bytes.Lines(demo.Corpus()) {
		var rec struct{ Text string }
		if err := json.Unmarshal(line, &rec); err != nil {
			b.Fatal(err)
		}
		one = append(one, rec.Text)
		size += len(rec.Text)
	}
	var docs []string
	for range (1<<20)/size + 1 {
		docs = append(docs, one...)
	}
	return docs
}

// benchCorpus returns the documents of benchDocs as one text.
func benchCorpus(b *testing.B) string {
	return strings.Join(benchDocs(b), "\n\n")
}

func BenchmarkSentences(b *testing.B) {
	text := benchCorpus(b)
	spans := Sentences(text, nil)
	m := startCPU(b, len(text))
	for b.Loop() {
		spans = Sentences(text, spans[:0])
	}
	m.stop(b)
	b.ReportMetric(float64(len(spans)*b.N)/b.Elapsed().Seconds(), "sentences/s")
}

func BenchmarkScanner(b *testing.B) {
	text := benchCorpus(b)
	m := startCPU(b, len(text))
	n := 0
	for b.Loop() {
		n = 0
		sc := NewScanner(strings.NewReader(text))
		for sc.Scan() {
			n++
		}
	}
	m.stop(b)
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "sentences/s")
}

func BenchmarkTokenize(b *testing.B) {
	text := benchCorpus(b)
	spans := Sentences(text, nil)
	var tk Tokenizer
	m := startCPU(b, len(text))
	for b.Loop() {
		for _, sp := range spans {
			tk.Tokenize(text[sp.Start:sp.End])
		}
	}
	m.stop(b)
	b.ReportMetric(float64(len(spans)*b.N)/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkSegmentAndTokenize splits each document into sentences and
// tokenizes them, as the Analyzer does.
func BenchmarkSegmentAndTokenize(b *testing.B) {
	docs := benchDocs(b)
	size := 0
	for _, d := range docs {
		size += len(d)
	}
	var (
		tk    Tokenizer
		spans []Span
		n, ns int
	)
	best := time.Duration(1 << 62)
	m := startCPU(b, size)
	for b.Loop() {
		start := time.Now()
		ns = 0
		for _, d := range docs {
			spans = Sentences(d, spans[:0])
			for _, sp := range spans {
				n += len(tk.Tokenize(d[sp.Start:sp.End]))
			}
			ns += len(spans)
		}
		best = min(best, time.Since(start))
	}
	m.stop(b)
	// The fastest pass is the one other work on the machine disturbed least.
	b.ReportMetric(float64(size)/1e6/best.Seconds(), "MB/s-best")
	b.ReportMetric(float64(ns*b.N)/b.Elapsed().Seconds(), "sentences/s")
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "tokens/s")
}

var sink int

// BenchmarkBaselineByteLoop is one table lookup per byte of the same corpus:
// the ceiling for any scanner, and the yardstick that puts the other figures
// in context on a machine whose speed varies with load.
func BenchmarkBaselineByteLoop(b *testing.B) {
	text := benchCorpus(b)
	m := startCPU(b, len(text))
	for b.Loop() {
		n := 0
		for i := 0; i < len(text); i++ {
			if plain[text[i]] {
				n++
			}
		}
		sink = n
	}
	m.stop(b)
}
