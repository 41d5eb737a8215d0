package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/geostance/geostance/internal/input"
	"github.com/geostance/geostance/stance/summary"
)

var summarizeCommand = &command{
	name:    "summarize",
	summary: "aggregate score records: means, intervals, tilt, convergence",
	usage: `Usage: geostance summarize [flags] [FILE|-]...

Reads score records (the output of geostance score) and partial aggregates
(the output of summarize -partial), and writes one row per group with the
number of sentences and documents, the mean score, sd, se, a confidence
interval (ci_method says which kind), and the shares of each label with
Wilson intervals. With -tilt A,B it adds the mean toward A minus the mean
toward B per group, with a document-clustered interval; with -focal F the
convergence of F with each target.

Group keys (-by): target, source, day, week, month, quarter, half, year, or
any metadata field (outlet, author, country ...).

Records with "target": null (from score -sentences) are summarised only
with -sentences; otherwise they are counted and reported on stderr.

Memory does not grow with the input: a document's sums are kept only while
its records arrive, which they do one after another in score output.
Records of a document that are interrupted by another document's count
as separate documents (clusters); partials cut inside a document merge
exactly.

Examples:
  geostance score corpus.jsonl | geostance summarize -by target,month
  geostance summarize -by target,outlet -format table scores.jsonl
  geostance summarize -by half -tilt CHN,USA -bootstrap 2000 -seed 7 scores.jsonl
  geostance summarize -focal PAK -tilt CHN,USA scores.jsonl
  geostance summarize -by target,month -partial shard1.jsonl > shard1.partial.json
  geostance summarize shard1.partial.json shard2.partial.json`,
	run: runSummarize,
}

type summarizeOptions struct {
	by        string
	tilt      string
	focal     string
	baseline  string
	level     float64
	bootstrap int
	seed      uint64
	weighted  bool
	partial   bool
	format    string
	sentences bool
	skipBad   bool
	category  *categoryScore // -category: aggregate a dictionary category instead of the score
}

func runSummarize(ctx context.Context, e *env, args []string) error {
	fs := e.newFlagSet()
	var o summarizeOptions
	fs.StringVar(&o.by, "by", "target", "comma-separated group keys")
	fs.StringVar(&o.tilt, "tilt", "", "A,B: report mean attitude toward A minus toward B (several pairs: A,B;C,D)")
	fs.StringVar(&o.focal, "focal", "", "a state F: report F's convergence with each target")
	fs.StringVar(&o.baseline, "baseline", "", "a metadata field (e.g. outlet): also report means relative to that field's mean toward all targets")
	fs.Float64Var(&o.level, "ci", summary.DefaultLevel, "confidence level")
	fs.IntVar(&o.bootstrap, "bootstrap", 0, "Poisson document-bootstrap replicates (0: t intervals); memory grows with groups times replicates")
	fs.Uint64Var(&o.seed, "seed", 1, "bootstrap seed")
	fs.BoolVar(&o.weighted, "weighted", false, "weight each record by its number of mentions")
	fs.BoolVar(&o.partial, "partial", false, "write a partial aggregate (JSON) to merge later, instead of the summary")
	fs.StringVar(&o.format, "format", "jsonl", "output: jsonl, csv or table")
	fs.BoolVar(&o.sentences, "sentences", false, `include whole-sentence records ("target": null) as target ""`)
	fs.BoolVar(&o.skipBad, "skip-bad", false, "report bad records on stderr and go on, instead of stopping")
	o.category = registerCategory(fs)
	if err := e.parse(fs, args); err != nil {
		return err
	}
	cfg, err := o.config()
	if err != nil {
		return err
	}
	if o.format != "jsonl" && o.format != "csv" && o.format != "table" {
		return usagef("-format must be jsonl, csv or table, not %q", o.format)
	}
	agg, err := summary.NewAggregator(cfg)
	if err != nil {
		return usagef("%v", err)
	}
	st := summarizeStats{grouping: map[string]bool{}}
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "by", "tilt", "focal", "baseline", "ci", "bootstrap", "seed", "weighted":
			st.grouping[f.Name] = true
		}
	})
	names := fs.Args()
	if len(names) == 0 {
		names = []string{"-"}
	}
	for _, name := range names {
		if err := e.summarizeFile(ctx, name, &agg, &o, &st); err != nil {
			return err
		}
	}
	if st.skipped > 0 {
		fmt.Fprintf(e.stderr, "geostance: skipped %d bad record(s) of %d\n", st.skipped, st.read)
	}
	if st.sentenceLevel > 0 && !o.sentences {
		fmt.Fprintf(e.stderr, "geostance: %d whole-sentence record(s) (target null) not summarised; use -sentences to include them\n", st.sentenceLevel)
	}
	w := bufio.NewWriter(e.stdout)
	if o.partial {
		err = agg.MarshalPartial(w)
	} else {
		var sum *summary.Summary
		if sum, err = agg.Summary(); err == nil {
			switch o.format {
			case "csv":
				err = sum.WriteCSV(w)
			case "table":
				err = sum.WriteTable(w)
			default:
				err = sum.WriteJSONL(w)
			}
		}
	}
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	return err
}

func (o *summarizeOptions) config() (summary.Config, error) {
	cfg := summary.Config{
		By: splitList(o.by), Level: o.level, Bootstrap: o.bootstrap, Seed: o.seed,
		Weighted: o.weighted, Focal: o.focal, Baseline: o.baseline,
	}
	if o.tilt != "" {
		for _, pair := range strings.Split(o.tilt, ";") {
			ab := splitList(pair)
			if len(ab) != 2 {
				return cfg, usagef("-tilt wants two target ids, A,B; got %q", pair)
			}
			cfg.Tilt = append(cfg.Tilt, [2]string{ab[0], ab[1]})
		}
	}
	return cfg, nil
}

type summarizeStats struct {
	read, skipped, sentenceLevel int
	records, partials            int
	grouping                     map[string]bool // grouping flags given on the command line
}

// summarizeFile adds the records of one file, or merges it if it is a
// partial aggregate.
func (e *env) summarizeFile(ctx context.Context, name string, aggp **summary.Aggregator, o *summarizeOptions, st *summarizeStats) error {
	agg := *aggp
	r, display, closeFile, err := e.open(name)
	if err != nil {
		return err
	}
	defer closeFile()
	br := bufio.NewReaderSize(r, 256<<10)
	head, _ := br.Peek(64)
	if bytes.Contains(bytes.ReplaceAll(head, []byte(" "), nil), []byte(`"format":"geostance-partial"`)) {
		p, err := summary.DecodePartial(br)
		if err != nil {
			return fmt.Errorf("%s: %w", display, err)
		}
		// A partial carries the grouping it was built with. The first one
		// sets it, unless grouping flags were given, which must agree.
		if st.records == 0 && st.partials == 0 && len(st.grouping) == 0 {
			*aggp = p
			st.partials++
			return nil
		}
		if err := agg.Merge(p); err != nil {
			return fmt.Errorf("%s: %w (a partial keeps the -by, -tilt, -focal and interval flags it was made with; give the same ones, or none)", display, err)
		}
		st.partials++
		return nil
	}
	rd := input.NewLines(br, display)
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		line, lineNo, err := rd.Next()
		if err == io.EOF {
			return nil
		}
		var re *input.RecordError
		if err != nil && !errors.As(err, &re) {
			return err
		}
		st.read++
		if err == nil {
			var rec summary.Record
			var skip bool
			rec, skip, err = parseScoreRecord(line)
			rec, skip, err = o.category.apply(line, rec, skip, err)
			if err == nil && skip && !o.sentences {
				st.sentenceLevel++
				continue
			}
			if err == nil {
				err = agg.Add(rec)
				st.records++
			}
			if err != nil {
				re = &input.RecordError{File: display, Line: lineNo, Msg: err.Error()}
			}
		}
		if re != nil {
			if !o.skipBad {
				return fmt.Errorf("%w (use -skip-bad to skip bad records)", re)
			}
			st.skipped++
			fmt.Fprintf(e.stderr, "geostance: %v (skipped)\n", re)
		}
	}
}

// scoreRecord is the part of a score record that summarize reads.
type scoreRecord struct {
	ID       json.RawMessage            `json:"id"`
	Sentence *int                       `json:"sentence"`
	Target   *string                    `json:"target"`
	Source   string                     `json:"source"`
	Others   []string                   `json:"others"`
	Date     string                     `json:"date"`
	Meta     map[string]json.RawMessage `json:"meta"`
	Score    *float64                   `json:"score"`
	Label    string                     `json:"label"`
	Mentions []json.RawMessage          `json:"mentions"`
}

// parseScoreRecord reads one score record. skip reports a whole-sentence
// record (target null).
func parseScoreRecord(line []byte) (rec summary.Record, skip bool, err error) {
	if rec, skip, ok := parseScoreRecordFast(line); ok {
		return rec, skip, nil
	}
	// The decoder words the error, or deals with the unusual record.
	var sr scoreRecord
	if err := json.Unmarshal(line, &sr); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return rec, false, fmt.Errorf("field %q: want %s, got %s", te.Field, te.Type, te.Value)
		}
		return rec, false, fmt.Errorf("malformed JSON: %s", strings.TrimPrefix(err.Error(), "json: "))
	}
	if sr.ID == nil {
		return rec, false, errors.New(`missing "id": not a score record`)
	}
	id, err := idText(sr.ID)
	if err != nil {
		return rec, false, err
	}
	if sr.Score == nil {
		return rec, false, errors.New(`missing "score": not a score record`)
	}
	if *sr.Score < -1 || *sr.Score > 1 {
		return rec, false, fmt.Errorf("score %g outside [-1, 1]", *sr.Score)
	}
	rec.Doc, rec.Score, rec.Source, rec.Others = id, *sr.Score, sr.Source, sr.Others
	if sr.Sentence != nil {
		rec.Sentence = *sr.Sentence
	}
	if sr.Target == nil {
		skip = true
	} else {
		rec.Target = *sr.Target
	}
	switch sr.Label {
	case "positive":
		rec.Label = 1
	case "negative":
		rec.Label = -1
	case "neutral":
	default:
		return rec, false, fmt.Errorf("label %q: want positive, neutral or negative", sr.Label)
	}
	rec.Mentions = max(len(sr.Mentions), 1)
	if sr.Date != "" {
		t, err := input.ParseDate(sr.Date)
		if err != nil {
			return rec, false, err
		}
		rec.Date = t
	}
	if len(sr.Meta) > 0 {
		rec.Meta = make(map[string]string, len(sr.Meta))
		for k, v := range sr.Meta {
			rec.Meta[k] = metaText(v)
		}
	}
	return rec, skip, nil
}

// parseScoreRecordFast reads a score record in one pass over its members,
// checking the fields it uses and skipping the rest (mentions are only
// counted, evidence is not read). ok is false for anything unexpected,
// which the caller then decodes, and reports, the slow way.
func parseScoreRecordFast(line []byte) (rec summary.Record, skip, ok bool) {
	isString := func(raw []byte) bool { return len(raw) > 0 && raw[0] == '"' }
	var id, score, target, label []byte
	ok = true
	fail := func() { ok = false }
	isObj := input.EachMember(line, func(key, v []byte) {
		if !ok {
			return
		}
		switch string(key) {
		case "id":
			id = v
		case "score":
			score = v
		case "target":
			target = v
		case "label":
			label = v
		case "sentence":
			n, err := strconv.Atoi(string(v))
			if err != nil {
				fail()
			}
			rec.Sentence = n
		case "source":
			if !isString(v) {
				fail()
			}
			rec.Source = input.Unquote(v)
		case "others":
			good := input.Elements(v, func(e []byte) {
				if isString(e) {
					rec.Others = append(rec.Others, input.Unquote(e))
				} else {
					fail()
				}
			})
			if !good {
				fail()
			}
		case "mentions":
			n := 0
			if !input.Elements(v, func([]byte) { n++ }) {
				fail()
			}
			rec.Mentions = n
		case "date":
			if !isString(v) {
				fail()
				return
			}
			if d := input.Unquote(v); d != "" {
				t, err := input.ParseDate(d)
				if err != nil {
					fail()
				}
				rec.Date = t
			}
		case "meta":
			rec.Meta = map[string]string{}
			if !input.EachMember(v, func(k, mv []byte) {
				rec.Meta[input.Unquote(append(append([]byte{'"'}, k...), '"'))] = metaText(mv)
			}) {
				fail()
			}
		}
	})
	if !isObj || !ok || id == nil || score == nil {
		return rec, false, false
	}
	switch {
	case isString(id):
		rec.Doc = input.Unquote(id)
	case id[0] == '-' || id[0] >= '0' && id[0] <= '9':
		rec.Doc = string(id)
	default:
		return rec, false, false
	}
	f, err := strconv.ParseFloat(string(score), 64)
	if err != nil || f < -1 || f > 1 {
		return rec, false, false
	}
	rec.Score = f
	switch {
	case target == nil || string(target) == "null":
		skip = true
	case isString(target):
		rec.Target = input.Unquote(target)
	default:
		return rec, false, false
	}
	switch string(label) {
	case `"positive"`:
		rec.Label = 1
	case `"negative"`:
		rec.Label = -1
	case `"neutral"`:
	default:
		return rec, false, false
	}
	rec.Mentions = max(rec.Mentions, 1)
	return rec, skip, true
}

func idText(raw json.RawMessage) (string, error) {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s, nil
	}
	var n json.Number
	if json.Unmarshal(raw, &n) == nil {
		return n.String(), nil
	}
	return "", errors.New(`"id" must be a string or a number`)
}

// metaText renders a metadata value as a group key: strings as they are,
// anything else as compact JSON.
func metaText(v json.RawMessage) string {
	if len(v) > 0 && v[0] == '"' {
		return input.Unquote(v)
	}
	return string(compactJSON(v))
}
