package main

import (
	"bytes"
	"context"
	"fmt"
	"io"

	"github.com/geostance/geostance/internal/demo"
	"github.com/geostance/geostance/internal/input"
	"github.com/geostance/geostance/stance"
	"github.com/geostance/geostance/stance/summary"
)

var demoCommand = &command{
	name:    "demo",
	summary: "score and summarise the embedded sample corpus",
	usage: `Usage: geostance demo [flags]

Scores the sample corpus built into geostance (fictional articles from two
fictional outlets, 2023-2024, on Pakistan between China and the United
States), then prints the mean attitude toward each state with 95% intervals
and the China-minus-US tilt per half-year with document-bootstrap intervals.

To run the same steps yourself:
  geostance demo -corpus > corpus.jsonl
  geostance score corpus.jsonl > scores.jsonl
  geostance summarize -by target -format table scores.jsonl
  geostance summarize -by half -tilt CHN,USA -bootstrap 2000 -format table scores.jsonl

Examples:
  geostance demo
  geostance demo -corpus | head -1`,
	run: runDemo,
}

func runDemo(ctx context.Context, e *env, args []string) error {
	fs := e.newFlagSet()
	corpus := fs.Bool("corpus", false, "print the embedded corpus (JSON Lines) instead")
	minSentences := fs.Int("min", 5, "show states with at least this many scored sentences")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("demo takes no arguments")
	}
	if *corpus {
		_, err := e.stdout.Write(demo.Corpus())
		return err
	}
	a, err := stance.New()
	if err != nil {
		return err
	}
	byTarget, err := summary.NewAggregator(summary.Config{By: []string{"target"}})
	if err != nil {
		return err
	}
	tilt, err := summary.NewAggregator(summary.Config{
		By: []string{"half"}, Tilt: [][2]string{{"CHN", "USA"}}, Bootstrap: summary.DefaultBootstrap, Seed: 1,
	})
	if err != nil {
		return err
	}
	rd := input.NewJSONL(bytes.NewReader(demo.Corpus()), "demo/corpus.jsonl")
	docs, sentences, records := 0, 0, 0
	for {
		d, err := rd.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		doc, err := a.Analyze(ctx, d.Text, stance.OnDate(d.Date))
		if err != nil {
			return err
		}
		docs++
		sentences += len(doc.Sentences)
		meta := map[string]string{}
		for _, f := range d.Meta {
			meta[f.Key] = metaText(f.Value)
		}
		for _, s := range doc.Sentences {
			for _, r := range summaryRecords(d, &s, meta) {
				records++
				if err := byTarget.Add(r); err != nil {
					return err
				}
				if err := tilt.Add(r); err != nil {
					return err
				}
			}
		}
	}
	fmt.Fprintf(e.stdout, "geostance demo: %d articles, %d sentences, %d (sentence, state) records\n\n", docs, sentences, records)
	s1, err := byTarget.Summary()
	if err != nil {
		return err
	}
	kept := s1.Groups[:0]
	for _, g := range s1.Groups {
		if g.NSentences >= int64(*minSentences) {
			kept = append(kept, g)
		}
	}
	s1.Groups = kept
	fmt.Fprintf(e.stdout, "Mean attitude toward each state (score in [-1, 1]; 95%% t-intervals; states with >= %d sentences):\n\n", *minSentences)
	if err := s1.WriteTable(e.stdout); err != nil {
		return err
	}
	s2, err := tilt.Summary()
	if err != nil {
		return err
	}
	s2.Groups = nil
	fmt.Fprintf(e.stdout, "\nTilt China minus United States per half-year (95%% document-bootstrap intervals, B=%d):\n\n", summary.DefaultBootstrap)
	return s2.WriteTable(e.stdout)
}

// summaryRecords turns the targets of an analysed sentence into records
// for the summary package.
func summaryRecords(d *input.Document, s *stance.Sentence, meta map[string]string) []summary.Record {
	out := make([]summary.Record, 0, len(s.Targets))
	for _, t := range s.Targets {
		var others []string
		for _, o := range s.Targets {
			if o.ID != t.ID {
				others = append(others, o.ID)
			}
		}
		out = append(out, summary.Record{
			Doc: d.ID, Sentence: s.Index, Target: t.ID, Source: t.Source, Others: others,
			Date: d.Date, Meta: meta, Score: t.Score, Label: int(t.Label), Mentions: len(t.Mentions),
		})
	}
	return out
}
