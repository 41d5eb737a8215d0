package main

import (
	"bufio"
	"context"
	"sort"

	"github.com/geostance/geostance/internal/jsonout"
	"github.com/geostance/geostance/stance"
)

var mentionsCommand = &command{
	name:    "mentions",
	summary: "list the mentions of states and organisations (one JSON object each)",
	usage: `Usage: geostance mentions [flags] [FILE|-]...

Writes one JSON object per mention of a state or organisation:
  {"id": "doc1", "sentence": 0, "target": "USA", "name": "United States",
   "kind": "capital", "text": "Washington", "start": 10, "end": 20}
kind is name, demonym, capital, institution, combining or person; start and
end are code-point offsets into the document text. Aliases of people valid
only between two dates match only when the document has a date in range.

Examples:
  geostance mentions article.txt
  geostance mentions -only CHN,USA -in jsonl corpus.jsonl
  geostance mentions -targets people.tsv corpus.jsonl`,
	run: runMentions,
}

func runMentions(ctx context.Context, e *env, args []string) error {
	fs := e.newFlagSet()
	var o scoreOptions
	o.in.register(fs)
	fs.StringVar(&o.only, "only", "", "comma-separated target ids to report; default all")
	fs.StringVar(&o.targets, "targets", "", "a file of extra targets and aliases in the gazetteer format (TSV)")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	o.pos, o.neg = stance.DefaultPositive, stance.DefaultNegative
	a, err := o.analyzer()
	if err != nil {
		return err
	}
	out := bufio.NewWriterSize(e.stdout, 64<<10)
	var acc accounting
	var buf []byte
	mr := a.Mentioner()
	var ms []stance.Mention
	err = e.forEachDocument(ctx, &o.in, fs.Args(), &acc, func(d *document) error {
		var opts []stance.DocOption
		if !d.Date.IsZero() {
			opts = append(opts, stance.OnDate(d.Date))
		}
		return eachSentence(ctx, d, func(s *sentence) error {
			// Mentions only: no need to score the sentence.
			ms = mr.AppendMentions(ms[:0], s.text, s.start, opts...)
			cp := newCPCounter(s.text)
			sort.SliceStable(ms, func(i, j int) bool { return ms[i].Span.Start < ms[j].Span.Start })
			for _, m := range ms {
				buf = append(buf[:0], `{"id":`...)
				buf = jsonout.String(buf, d.ID)
				buf = append(buf, `,"sentence":`...)
				buf = jsonout.Int(buf, s.index)
				buf = append(buf, `,"target":`...)
				buf = jsonout.String(buf, m.Target)
				buf = append(buf, `,"name":`...)
				buf = jsonout.String(buf, m.Name)
				buf = append(buf, `,"kind":`...)
				buf = jsonout.String(buf, m.Kind)
				buf = append(buf, `,"text":`...)
				buf = jsonout.String(buf, m.Text)
				buf = append(buf, `,"start":`...)
				buf = jsonout.Int(buf, s.cpStart+cp.at(m.Span.Start-s.start))
				buf = append(buf, `,"end":`...)
				buf = jsonout.Int(buf, s.cpStart+cp.at(m.Span.End-s.start))
				buf = append(buf, '}', '\n')
				if _, err := out.Write(buf); err != nil {
					return err
				}
			}
			return nil
		})
	})
	if ferr := out.Flush(); err == nil {
		err = ferr
	}
	return err
}
