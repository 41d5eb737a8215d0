package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/geostance/geostance/internal/jsonout"
	"github.com/geostance/geostance/internal/segment"
	"github.com/geostance/geostance/lexicon/dict"
	"github.com/geostance/geostance/stance"
	"github.com/geostance/geostance/stance/summary"
)

// dictUsage is the part of score -h that explains category counts.
const dictUsage = `
Dictionaries (-dict FILE, repeatable) add a "categories" field to every
record: {"ir.security": {"n": 2, "sum": 2}, ...}, keyed by the file's base
name and the category, listing the categories found at least once (an empty
object when none is). n is the number of matches, sum the sum of their
weights (1 each unless the dictionary has weights). Matches are longest
first and never overlap; a Lexicoder neg_ phrase ("not reliable") hides the
plain entry inside it. A target record counts the clauses that name the
target, or with -window N the N tokens on each side of each mention (a
target named only by a pronoun is counted over its whole sentence). A
-sentences record counts its whole sentence, so a document's counts are the
sum of its sentence records. CSV output adds a "categories" column:
"ir.security=2/2; ir.debt=1/1" (Parquet output has no such column, so -dict
wants jsonl or csv). Check a dictionary with geostance lexicon check, and
aggregate a category with summarize -category.`

// dictOptions are the flags of score that count users' dictionaries.
type dictOptions struct {
	files  []string
	format string
	window int
}

func (o *dictOptions) register(fs *flag.FlagSet) {
	fs.Func("dict", "a dictionary `FILE` (LIWC .dic, Lexicoder .lc3, YAML, WordStat .cat, Yoshikoder .ykd, TSV) whose categories are counted around each target; repeatable", func(s string) error {
		o.files = append(o.files, s)
		return nil
	})
	fs.StringVar(&o.format, "dict-format", "auto", "format of the -dict files: auto (from the extension), liwc, lexicoder, yaml, wordstat, yoshikoder or tsv")
	fs.IntVar(&o.window, "window", 0, "count -dict categories in N tokens each side of each mention instead of the target's clauses")
}

// load reads and compiles the dictionaries the options name; it returns
// nil when there are none. out is the output format, since Parquet rows
// have no categories column.
func (o *dictOptions) load(out string) (*dictSet, error) {
	f, err := dict.ParseFormat(o.format)
	if err != nil {
		return nil, usagef("-dict-format: %s", strings.TrimPrefix(err.Error(), "dict: "))
	}
	if o.window < 0 {
		return nil, usagef("-window must be 0 or more, not %d", o.window)
	}
	if len(o.files) == 0 {
		if o.window > 0 {
			return nil, usagef("-window sets the scope of -dict counts: give a -dict file")
		}
		return nil, nil
	}
	if out == "parquet" {
		return nil, usagef("-dict counts are written in jsonl and csv output, not parquet")
	}
	ds := &dictSet{window: o.window}
	seen := map[string]string{}
	for _, path := range o.files {
		name := dictName(path)
		if prev, ok := seen[name]; ok {
			return nil, usagef("-dict %s and %s share the name %q, which prefixes their categories: rename one", prev, path, name)
		}
		seen[name] = path
		d, err := dict.Open(path, f)
		if err != nil {
			return nil, dictError(path, err)
		}
		if len(d.Entries) == 0 {
			return nil, fmt.Errorf("%s: the dictionary has no entries", path)
		}
		ds.offsets = append(ds.offsets, len(ds.names))
		for _, c := range d.Categories {
			ds.names = append(ds.names, name+"."+c.Name)
		}
		ds.matchers = append(ds.matchers, d.Compile())
	}
	ds.pool.New = func() any { return &dictScan{set: ds} }
	return ds, nil
}

// dictName is the name that prefixes a dictionary's categories: its file
// name without directory and extension.
func dictName(path string) string {
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// dictError presents every problem in a dictionary, one per line, so that
// the positions stay clickable.
func dictError(path string, err error) error {
	errs := flatten(err)
	if len(errs) == 1 {
		return errs[0]
	}
	msgs := make([]string, len(errs))
	for i, e := range errs {
		msgs[i] = e.Error()
	}
	return fmt.Errorf("%d problems in dictionary %s:\n%s", len(errs), path, strings.Join(msgs, "\n"))
}

// flatten lists the errors joined in err, depth first.
func flatten(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, flatten(e)...)
		}
		return out
	}
	return []error{err}
}

// dictSet is the compiled dictionaries of one score run. It is immutable
// once loaded, except for its pool, so the workers share it.
type dictSet struct {
	matchers []*dict.Matcher
	offsets  []int    // index in names of each dictionary's first category
	names    []string // "dict.category", for every category of every dictionary
	window   int
	pool     sync.Pool // *dictScan: the scratch of one worker at a time
}

// dictMatch is one dictionary match in a sentence, as a token range.
type dictMatch struct {
	start, end int
	off        int // offset of the dictionary's categories in dictSet.names
	e          *dict.Entry
}

// tokRange is a half-open range of token indexes.
type tokRange struct{ lo, hi int }

// dictScan holds the tokens and matches of the sentence being written, and
// the counts of one scope. It belongs to one worker at a time.
type dictScan struct {
	set     *dictSet
	tok     segment.Tokenizer
	folds   []string
	spans   []stance.Span // document byte offsets of the tokens
	matches []dictMatch
	scope   []tokRange
	n       []int
	sum     []float64
}

// scan tokenizes s and finds every dictionary match in it. The result goes
// back to the pool with done. A nil set scans nothing and returns nil.
func (ds *dictSet) scan(s *sentence) *dictScan {
	if ds == nil {
		return nil
	}
	sc := ds.pool.Get().(*dictScan)
	sc.folds, sc.spans, sc.matches = sc.folds[:0], sc.spans[:0], sc.matches[:0]
	for _, t := range sc.tok.Tokenize(s.text) {
		sc.folds = append(sc.folds, t.Fold)
		sc.spans = append(sc.spans, stance.Span{Start: s.start + t.Start, End: s.start + t.End})
	}
	for i, m := range ds.matchers {
		off := ds.offsets[i]
		m.Match(sc.folds, func(start, end int, e *dict.Entry) {
			sc.matches = append(sc.matches, dictMatch{start: start, end: end, off: off, e: e})
		})
	}
	if len(sc.n) != len(ds.names) {
		sc.n, sc.sum = make([]int, len(ds.names)), make([]float64, len(ds.names))
	}
	return sc
}

// done returns sc to its pool. The strings of the last sentence stay
// referenced until the next scan, which is harmless.
func (ds *dictSet) done(sc *dictScan) {
	if sc != nil {
		ds.pool.Put(sc)
	}
}

// count fills n and sum with the matches in the scope of t, or of the
// whole sentence when t is nil.
func (sc *dictScan) count(t *stance.Target) {
	clear(sc.n)
	clear(sc.sum)
	sc.setScope(t)
	for _, m := range sc.matches {
		if !sc.inScope(m.start, m.end) {
			continue
		}
		for _, c := range m.e.Categories {
			sc.n[m.off+c]++
			sc.sum[m.off+c] += m.e.Weight
		}
	}
}

// setScope computes the token ranges counted for t, merged and sorted.
func (sc *dictScan) setScope(t *stance.Target) {
	sc.scope = sc.scope[:0]
	nt := len(sc.spans)
	switch {
	case t == nil:
	case sc.set.window > 0:
		for _, m := range t.Mentions {
			lo := sort.Search(nt, func(i int) bool { return sc.spans[i].End > m.Span.Start })
			hi := sort.Search(nt, func(i int) bool { return sc.spans[i].Start >= m.Span.End })
			sc.scope = append(sc.scope, tokRange{max(lo-sc.set.window, 0), min(hi+sc.set.window, nt)})
		}
	default:
		for _, cl := range t.Clauses {
			lo := sort.Search(nt, func(i int) bool { return sc.spans[i].Start >= cl.Start })
			hi := sort.Search(nt, func(i int) bool { return sc.spans[i].End > cl.End })
			if lo < hi {
				sc.scope = append(sc.scope, tokRange{lo, hi})
			}
		}
	}
	if len(sc.scope) == 0 {
		sc.scope = append(sc.scope, tokRange{0, nt})
		return
	}
	slices.SortFunc(sc.scope, func(a, b tokRange) int { return a.lo - b.lo })
	merged := sc.scope[:1]
	for _, r := range sc.scope[1:] {
		if last := &merged[len(merged)-1]; r.lo <= last.hi {
			last.hi = max(last.hi, r.hi)
			continue
		}
		merged = append(merged, r)
	}
	sc.scope = merged
}

// inScope reports whether the tokens [start, end) lie inside one range of
// the scope: a phrase that straddles its edge counts for neither side.
func (sc *dictScan) inScope(start, end int) bool {
	for _, r := range sc.scope {
		if r.lo <= start && end <= r.hi {
			return true
		}
	}
	return false
}

// appendJSON appends the "categories" field for t (nil: the whole
// sentence). A nil scan appends nothing.
func (sc *dictScan) appendJSON(b []byte, t *stance.Target) []byte {
	if sc == nil {
		return b
	}
	sc.count(t)
	b = append(b, `,"categories":{`...)
	first := true
	for i, n := range sc.n {
		if n == 0 {
			continue
		}
		if !first {
			b = append(b, ',')
		}
		first = false
		b = jsonout.String(b, sc.set.names[i])
		b = append(b, `:{"n":`...)
		b = jsonout.Int(b, n)
		b = append(b, `,"sum":`...)
		b = jsonout.Float(b, sc.sum[i], 4)
		b = append(b, '}')
	}
	return append(b, '}')
}

// csvField renders the counts for t as the CSV "categories" column.
func (sc *dictScan) csvField(t *stance.Target) string {
	sc.count(t)
	var b []byte
	for i, n := range sc.n {
		if n == 0 {
			continue
		}
		if len(b) > 0 {
			b = append(b, "; "...)
		}
		b = append(b, sc.set.names[i]...)
		b = append(b, '=')
		b = strconv.AppendInt(b, int64(n), 10)
		b = append(b, '/')
		b = jsonout.Float(b, sc.sum[i], 4)
	}
	return string(b)
}

// categoryScore makes summarize aggregate dictionary categories instead
// of attitude scores. The aggregator takes scores in [-1, 1], so one
// category becomes its presence (1 when the record counts it at least once,
// else 0: the mean is the share of records that mention it) and a pair A,B
// becomes the net balance (A-B)/(A+B), 0 when neither occurs, as
// Lexicoder-style tone is measured.
type categoryScore struct {
	a, b   string
	useSum bool
}

// registerCategory adds the -category flags to fs.
func registerCategory(fs *flag.FlagSet) *categoryScore {
	c := &categoryScore{}
	fs.Func("category", "aggregate a `DICT.CAT` of score -dict records instead of the score: its presence per record (mean = share of records), or with A,B the balance (A-B)/(A+B)", func(s string) error {
		parts := splitList(s)
		if len(parts) < 1 || len(parts) > 2 {
			return fmt.Errorf("want DICT.CAT or DICT.A,DICT.B, not %q", s)
		}
		c.a = parts[0]
		if len(parts) == 2 {
			c.b = parts[1]
		}
		return nil
	})
	fs.BoolVar(&c.useSum, "category-sum", false, "with -category A,B: balance the weighted sums instead of the counts")
	return c
}

// apply replaces the score and label of rec by the category measure read
// from line. It passes through a record that failed to parse (err) and
// does nothing when -category is not set.
func (c *categoryScore) apply(line []byte, rec summary.Record, skip bool, err error) (summary.Record, bool, error) {
	if err != nil || c == nil || c.a == "" {
		return rec, skip, err
	}
	var r struct {
		Categories map[string]struct {
			N   int     `json:"n"`
			Sum float64 `json:"sum"`
		} `json:"categories"`
	}
	if err := json.Unmarshal(line, &r); err != nil {
		return rec, skip, fmt.Errorf("categories: %v", err)
	}
	if r.Categories == nil {
		return rec, skip, errors.New(`no "categories": score the corpus with -dict to use -category`)
	}
	ca, cb := r.Categories[c.a], r.Categories[c.b]
	if c.b == "" {
		rec.Score, rec.Label = 0, 0
		if ca.N > 0 {
			rec.Score, rec.Label = 1, 1
		}
		return rec, skip, nil
	}
	x, y := float64(ca.N), float64(cb.N)
	if c.useSum {
		x, y = ca.Sum, cb.Sum
	}
	rec.Score, rec.Label = 0, 0
	if d := math.Abs(x) + math.Abs(y); d > 0 {
		rec.Score = (x - y) / d
	}
	switch {
	case rec.Score > 0:
		rec.Label = 1
	case rec.Score < 0:
		rec.Label = -1
	}
	return rec, skip, nil
}
