// Command tilt draws how the coverage of Pakistan's two big partners
// shifts over time: it scores the sample corpus built into geostance,
// summarises the attitude toward China minus that toward the United
// States per half-year with document-bootstrap intervals, and writes the
// chart to tilt.png (or the file named by its one argument: .png, .svg or
// .pdf).
//
//	go run ./examples/tilt [tilt.png]
//
// From the command line:
//
//	geostance demo -corpus | geostance score -in jsonl - |
//	    geostance summarize -by half -tilt CHN,USA -bootstrap 2000 |
//	    geostance plot -o tilt.png
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/geostance/geostance/internal/demo"
	"github.com/geostance/geostance/plot"
	"github.com/geostance/geostance/stance"
	"github.com/geostance/geostance/stance/summary"
)

func main() {
	out := "tilt.png"
	if len(os.Args) > 1 {
		out = os.Args[1]
	}
	if err := run(context.Background(), out); err != nil {
		fmt.Fprintln(os.Stderr, "tilt:", err)
		os.Exit(1)
	}
}

// article is the part of a corpus line this program needs.
type article struct {
	ID   string `json:"id"`
	Date string `json:"date"`
	Text string `json:"text"`
}

func run(ctx context.Context, out string) error {
	a, err := stance.New()
	if err != nil {
		return err
	}
	agg, err := summary.NewAggregator(summary.Config{
		By:        []string{"half"},
		Tilt:      [][2]string{{"CHN", "USA"}},
		Bootstrap: summary.DefaultBootstrap,
		Seed:      1, // fixed, so that the intervals are the same on every run
	})
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(bytes.NewReader(demo.Corpus()))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var art article
		if err := json.Unmarshal(sc.Bytes(), &art); err != nil {
			return err
		}
		date, err := time.Parse(time.DateOnly, art.Date)
		if err != nil {
			return fmt.Errorf("%s: %w", art.ID, err)
		}
		doc, err := a.Analyze(ctx, art.Text, stance.OnDate(date))
		if err != nil {
			return err
		}
		// One record per (sentence, state): the unit the summary averages.
		for _, s := range doc.Sentences {
			for _, t := range s.Targets {
				err := agg.Add(summary.Record{
					Doc: art.ID, Sentence: s.Index, Target: t.ID, Source: t.Source,
					Date: date, Score: t.Score, Label: int(t.Label), Mentions: len(t.Mentions),
				})
				if err != nil {
					return err
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	s, err := agg.Summary()
	if err != nil {
		return err
	}
	c, err := plot.Tilt(s, plot.Options{})
	if err != nil {
		return err
	}
	if err := c.Save(out); err != nil {
		return err
	}
	for _, t := range s.Tilts {
		fmt.Printf("%s %s  %+.3f  [%+.3f, %+.3f]\n", t.Name(), t.Keys[0].Value, t.Estimate, t.CILow, t.CIHigh)
	}
	fmt.Println("wrote", out)
	return nil
}
