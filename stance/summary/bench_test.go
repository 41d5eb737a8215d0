package summary_test

import (
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/geostance/geostance/stance/summary"
)

// benchRecords feeds n records spread over docs documents, 100 records per
// document in stream order, four targets and three months, without
// storing them: the benchmark measures the aggregator, not a record slice.
func benchAdd(b *testing.B, a *summary.Aggregator, n int, docIDs []string, dates []time.Time) {
	targets := []string{"CHN", "USA", "RUS", "IND"}
	meta := map[string]string{"outlet": "wire"}
	x := uint64(1)
	for i := range n {
		x = x*6364136223846793005 + 1442695040888963407
		score := float64(x>>11)/(1<<53)*2 - 1
		r := summary.Record{
			Doc:      docIDs[(i/100)%len(docIDs)],
			Sentence: i % 100,
			Target:   targets[x>>62],
			Date:     dates[(i/100)%len(dates)],
			Meta:     meta,
			Score:    score,
			Label:    int(x>>40%3) - 1,
			Mentions: 1 + int(x>>50%3),
		}
		if err := a.Add(r); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAggregate(b *testing.B) {
	const n, docs = 5_000_000, 50_000
	docIDs := make([]string, docs)
	for i := range docIDs {
		docIDs[i] = fmt.Sprintf("reuters-%07d", i)
	}
	dates := []time.Time{
		time.Date(2024, 1, 15, 0, 0, 0, 0, time.UTC),
		time.Date(2024, 2, 15, 0, 0, 0, 0, time.UTC),
		time.Date(2024, 3, 15, 0, 0, 0, 0, time.UTC),
	}
	for _, boot := range []int{0, 2000} {
		b.Run(fmt.Sprintf("records=5M,docs=50k,B=%d", boot), func(b *testing.B) {
			cfg := summary.Config{By: []string{"target"}, Bootstrap: boot, Seed: 1, Tilt: [][2]string{{"CHN", "USA"}}}
			b.ReportAllocs()
			var heap uint64
			for b.Loop() {
				a, err := summary.NewAggregator(cfg)
				if err != nil {
					b.Fatal(err)
				}
				benchAdd(b, a, n, docIDs, dates)
				var ms runtime.MemStats
				runtime.ReadMemStats(&ms)
				heap = ms.HeapAlloc
				s, err := a.Summary()
				if err != nil {
					b.Fatal(err)
				}
				if len(s.Groups) != 4 || s.Groups[0].NDocuments != docs {
					b.Fatalf("unexpected summary: %d groups", len(s.Groups))
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/record")
			b.ReportMetric(float64(heap)/(1<<20), "heapMiB")
		})
	}
}
