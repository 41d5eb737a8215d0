package summary_test

import (
	"bytes"
	"fmt"
	"os"
	"time"

	"github.com/geostance/geostance/stance/summary"
)

func Example() {
	a, err := summary.NewAggregator(summary.Config{
		By:   []string{"target"},
		Tilt: [][2]string{{"CHN", "USA"}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	date := time.Date(2024, 5, 2, 0, 0, 0, 0, time.UTC)
	for _, r := range []summary.Record{
		{Doc: "a", Target: "CHN", Score: 0.6, Label: 1, Date: date},
		{Doc: "a", Target: "USA", Score: -0.4, Label: -1, Date: date},
		{Doc: "b", Target: "CHN", Score: 0.2, Label: 1, Date: date},
		{Doc: "b", Target: "USA", Score: 0, Label: 0, Date: date},
		{Doc: "c", Target: "CHN", Score: -0.1, Label: 0, Date: date},
	} {
		if err := a.Add(r); err != nil {
			fmt.Println(err)
			return
		}
	}
	s, err := a.Summary()
	if err != nil {
		fmt.Println(err)
		return
	}
	// The tilt's t-cluster interval: u = (0.222, -0.111, -0.111) over three
	// documents, se = sqrt(3/2 · 0.0741) = 0.333, t(0.975, 2) = 4.303.
	s.WriteTable(os.Stdout)
	// Output:
	// groups (shares in %)
	//   target  n_sentences  n_documents    mean     sd           95% CI  pos_share  neu_share  neg_share
	//      CHN            3            3   0.233  0.351  [-0.639, 1.000]     66.667     33.333      0.000
	//      USA            2            2  -0.200  0.283  [-1.000, 1.000]      0.000     50.000     50.000
	//
	// tilt
	//      tilt  estimate           95% CI  mean_a  mean_b  n_documents_a  n_documents_b  n_documents_both
	//   CHN-USA     0.433  [-1.001, 1.868]   0.233  -0.200              3              2                 2
}

func ExampleDecodePartial() {
	cfg := summary.Config{By: []string{"source"}, Bootstrap: 200, Seed: 1}
	shard := func(recs ...summary.Record) *summary.Aggregator {
		a, _ := summary.NewAggregator(cfg)
		for _, r := range recs {
			a.Add(r)
		}
		return a
	}
	// Two shards, one stored as a JSON partial and read back.
	s1 := shard(summary.Record{Doc: "a", Source: "FRA", Score: 0.5}, summary.Record{Doc: "b", Source: "FRA", Score: 0.1})
	s2 := shard(summary.Record{Doc: "c", Source: "FRA", Score: -0.3}, summary.Record{Doc: "a", Source: "FRA", Score: 0.3})
	var stored bytes.Buffer // a file or object store in practice
	if err := s2.MarshalPartial(&stored); err != nil {
		fmt.Println(err)
		return
	}
	back, err := summary.DecodePartial(&stored)
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := s1.Merge(back); err != nil {
		fmt.Println(err)
		return
	}
	s, _ := s1.Summary()
	g := s.Groups[0]
	fmt.Printf("%s: n=%d docs=%d mean=%.3f %s\n", g.Keys[0].Value, g.NSentences, g.NDocuments, g.Mean, g.CIMethod)
	// Output:
	// FRA: n=4 docs=3 mean=0.150 bootstrap-documents
}
