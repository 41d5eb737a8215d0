package main

import (
	"context"
	"encoding/csv"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/geostance/geostance/stance"
)

var sampleCommand = &command{
	name:    "sample",
	summary: "draw a stratified random sample of scored targets as a coding sheet",
	usage: `Usage: geostance sample [-n 200] [-seed 7] [flags] [FILE|-]...

Scores the documents, then draws a seeded random sample of (sentence, target)
pairs, stratified by target and predicted label: each stratum gets a share of
the sample proportional to its size, and at least one pair when the sample is
large enough. Writes a coding sheet (CSV) with the columns
  id, sentence, date, target, name, mention, start, end, text, predicted, score, label
where label is empty for the coders to fill in (positive, neutral or negative).
The coded sheet is a gold file for eval -format csv and calibrate -format csv.
start and end (code points of the sentence text) are filled in for targets
given by span in the input, so that those are scored the same way again.

Examples:
  geostance sample -n 200 -seed 7 corpus.jsonl > sheet.csv
  geostance sample -n 300 -only CHN,USA -o sheet.csv corpus.jsonl`,
	run: runSample,
}

// pair is one scored (sentence, target).
type pair struct {
	doc, date    string
	sentence     int
	target, name string
	mention      string
	starts, ends []int // code points in the sentence, for explicit targets only
	text         string
	label        stance.Label
	score        float64
}

func runSample(ctx context.Context, e *env, args []string) error {
	fs := e.newFlagSet()
	var o scoreOptions
	o.in.register(fs)
	fs.StringVar(&o.only, "only", "", "comma-separated target ids to sample from (default all)")
	registerAnalyzer(fs, &o, true)
	n := fs.Int("n", 200, "sample size")
	seed := fs.Uint64("seed", 7, "random seed: the same seed and input give the same sample")
	out := fs.String("o", "", "write the sheet to this file instead of stdout")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	if *n < 1 {
		return usagef("-n must be at least 1")
	}
	a, err := o.analyzer()
	if err != nil {
		return err
	}
	var pairs []pair
	var acc accounting
	err = e.forEachDocument(ctx, &o.in, fs.Args(), &acc, func(d *document) error {
		explicit, err := explicitTargets(d)
		if err != nil {
			return err
		}
		var opts []stance.DocOption
		if !d.Date.IsZero() {
			opts = append(opts, stance.OnDate(d.Date))
		}
		return eachSentence(ctx, d, func(s *sentence) error {
			sopts := opts
			if explicit != nil {
				var ts []stance.TargetSpan
				for _, t := range explicit {
					if t.Span.Start < s.end && t.Span.End > s.start {
						ts = append(ts, t)
					}
				}
				if len(ts) == 0 {
					return nil
				}
				sopts = append(sopts[:len(sopts):len(sopts)], stance.WithTargets(ts...))
			}
			res := a.AnalyzeSentence(s.text, s.start, sopts...)
			for _, t := range res.Targets {
				p := pair{doc: d.ID, date: d.DateRaw, sentence: s.index, target: t.ID, name: t.Name,
					text: s.text, label: t.Label, score: t.Score}
				for i, m := range t.Mentions {
					if i == 0 {
						p.mention = m.Text
					}
					if m.Kind == "explicit" {
						lo, hi := max(m.Span.Start-s.start, 0), min(m.Span.End-s.start, len(s.text))
						p.starts = append(p.starts, utf8.RuneCountInString(s.text[:lo]))
						p.ends = append(p.ends, utf8.RuneCountInString(s.text[:hi]))
					}
				}
				pairs = append(pairs, p)
			}
			return nil
		})
	})
	if err != nil {
		return err
	}
	picked := stratifiedSample(pairs, *n, *seed)
	w := e.stdout
	var f *os.File
	if *out != "" {
		if f, err = os.Create(*out); err != nil {
			return err
		}
		w = f
	}
	cw := csv.NewWriter(w)
	cw.Write([]string{"id", "sentence", "date", "target", "name", "mention", "start", "end", "text", "predicted", "score", "label"})
	for _, i := range picked {
		p := &pairs[i]
		cw.Write([]string{p.doc, strconv.Itoa(p.sentence), p.date, p.target, p.name, p.mention,
			joinInts(p.starts), joinInts(p.ends), p.text, p.label.String(), strconv.FormatFloat(p.score, 'f', 3, 64), ""})
	}
	cw.Flush()
	err = cw.Error()
	if f != nil {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "geostance: sampled %d of %d scored targets\n", len(picked), len(pairs))
	return nil
}

func joinInts(xs []int) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = strconv.Itoa(x)
	}
	return strings.Join(s, ";")
}

// stratifiedSample returns the indices of a random sample of n pairs,
// stratified by target and predicted label, in random order.
func stratifiedSample(pairs []pair, n int, seed uint64) []int {
	strata := map[string][]int{}
	for i, p := range pairs {
		k := p.target + "\x00" + p.label.String()
		strata[k] = append(strata[k], i)
	}
	keys := sortedKeys(strata)
	sizes := make([]int, len(keys))
	for i, k := range keys {
		sizes[i] = len(strata[k])
	}
	alloc := allocate(sizes, n)
	rng := rand.New(rand.NewPCG(seed, seed^0x5851f42d4c957f2d))
	var out []int
	for i, k := range keys {
		members := strata[k]
		for _, j := range rng.Perm(len(members))[:alloc[i]] {
			out = append(out, members[j])
		}
	}
	rng.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// allocate divides a sample of n among strata of the given sizes in
// proportion to their size (largest remainders), giving every stratum at
// least one when n allows it and none more than it holds.
func allocate(sizes []int, n int) []int {
	total := 0
	for _, s := range sizes {
		total += s
	}
	alloc := make([]int, len(sizes))
	if total <= n {
		copy(alloc, sizes)
		return alloc
	}
	quota := make([]float64, len(sizes))
	sum := 0
	floor1 := len(sizes) <= n
	for i, s := range sizes {
		quota[i] = float64(n) * float64(s) / float64(total)
		alloc[i] = int(math.Floor(quota[i]))
		if floor1 && alloc[i] == 0 && s > 0 {
			alloc[i] = 1
		}
		sum += alloc[i]
	}
	order := make([]int, len(sizes))
	for i := range order {
		order[i] = i
	}
	for sum > n { // the minimum of one overshot: take back from the most over-allocated
		sort.SliceStable(order, func(a, b int) bool {
			return float64(alloc[order[a]])-quota[order[a]] > float64(alloc[order[b]])-quota[order[b]]
		})
		for _, i := range order {
			if alloc[i] > 1 {
				alloc[i]--
				sum--
				break
			}
		}
	}
	for sum < n {
		sort.SliceStable(order, func(a, b int) bool {
			return quota[order[a]]-float64(alloc[order[a]]) > quota[order[b]]-float64(alloc[order[b]])
		})
		grew := false
		for _, i := range order {
			if alloc[i] < sizes[i] {
				alloc[i]++
				sum++
				grew = true
				break
			}
		}
		if !grew {
			break
		}
	}
	return alloc
}
